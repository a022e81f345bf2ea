//! Byte-level UTF-8 helpers for the scanners that step over bytes rather than chars (the
//! catalog's folding, the parser's line and number tests), and char bitmaps built at
//! compile time (`str::chars` is not available in a `const`).

/// Length of the UTF-8 sequence that `lead` (the first byte of a char) starts.
pub(crate) const fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The code point of the char starting at byte `i` of valid UTF-8 `b`, and its length.
pub(crate) const fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    let len = utf8_len(b[i]);
    let mut c = match len {
        1 => b[i] as u32,
        2 => (b[i] & 0x1F) as u32,
        3 => (b[i] & 0x0F) as u32,
        _ => (b[i] & 0x07) as u32,
    };
    let mut j = 1;
    while j < len {
        c = c << 6 | (b[i + j] & 0x3F) as u32;
        j += 1;
    }
    (c, len)
}

/// A 256-bit set of the low 8 bits of every char of `chars`: one lookup rejects almost
/// every other char (a char sharing a low byte with a member passes and is checked by the
/// caller).
pub(crate) const fn low_byte_mask(chars: &str) -> [u64; 4] {
    let b = chars.as_bytes();
    let mut mask = [0u64; 4];
    let mut i = 0;
    while i < b.len() {
        let (c, len) = decode_at(b, i);
        let k = (c & 255) as usize;
        mask[k >> 6] |= 1 << (k & 63);
        i += len;
    }
    mask
}

/// Whether low byte `k` (0–255) is in a [`low_byte_mask`].
pub(crate) const fn has_low_byte(mask: &[u64; 4], k: usize) -> bool {
    (mask[k >> 6] >> (k & 63)) & 1 == 1
}

/// Words of a [`bmp_mask`]: one bit for each char of the Basic Multilingual Plane.
pub(crate) const BMP_WORDS: usize = 1 << 10;

/// The exact set of the chars of every string of `sets` (all in the Basic Multilingual
/// Plane), one bit per char.
pub(crate) const fn bmp_mask(sets: &[&str]) -> [u64; BMP_WORDS] {
    let mut mask = [0u64; BMP_WORDS];
    let mut s = 0;
    while s < sets.len() {
        let b = sets[s].as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (c, len) = decode_at(b, i);
            mask[(c >> 6) as usize] |= 1 << (c & 63);
            i += len;
        }
        s += 1;
    }
    mask
}

/// Whether `c` is in a [`bmp_mask`].
pub(crate) fn in_bmp_mask(mask: &[u64; BMP_WORDS], c: char) -> bool {
    let k = c as usize;
    k < BMP_WORDS * 64 && (mask[k >> 6] >> (k & 63)) & 1 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_agrees_with_std() {
        let s = "a\u{e9}中\u{1F600}５〇";
        let b = s.as_bytes();
        let mut i = 0;
        let mut chars = s.chars();
        while i < b.len() {
            let (c, len) = decode_at(b, i);
            let want = chars.next().expect("a char");
            assert_eq!(char::from_u32(c), Some(want));
            assert_eq!(len, want.len_utf8());
            i += len;
        }
        assert!(chars.next().is_none());
    }

    #[test]
    fn masks_hold_their_chars_and_no_others() {
        let low = low_byte_mask("本版a");
        for c in "本版a".chars() {
            assert!(has_low_byte(&low, c as usize & 255));
        }
        assert!(!has_low_byte(&low, 'b' as usize));
        let bmp = bmp_mask(&["09", "零"]);
        assert!(in_bmp_mask(&bmp, '0') && in_bmp_mask(&bmp, '9') && in_bmp_mask(&bmp, '零'));
        assert!(!in_bmp_mask(&bmp, '1') && !in_bmp_mask(&bmp, '\u{1F600}'));
    }
}
