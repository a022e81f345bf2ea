//! Plain-text decoding: byte-order marks, UTF-8, UTF-16 without a BOM, and the legacy
//! Chinese encodings (GBK/GB18030, Big5). Anything else is refused with a message that
//! says what the bytes look like; a wrong guess is worse than an error.

use std::borrow::Cow;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not be decoded; the caller adds the file name.
pub type DecodeError = String;

/// Magic numbers of common binary formats, with what to call them in a message.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx?)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office file (.doc/.xls)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"{\\rtf", "an RTF document (save it as .docx or .txt)"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
];

/// Names the binary format the bytes start with, if any.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("a video or HEIC image");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

/// What [`decode_noting`] says about a file cut inside its last UTF-8 character.
pub const ENDS_MID_CHARACTER: &str =
    "the file ends in the middle of a character (cut short?); the text before it was read";

/// Decodes the bytes of a text file; the text keeps every character of the file.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_noting(bytes).map(|(text, _)| text)
}

/// [`decode`], and a note for the user when the text was read with a loss: a UTF-8 file cut
/// inside its last character (a download cut short) keeps the text before it.
pub fn decode_noting(bytes: &[u8]) -> Result<(String, Option<&'static str>), DecodeError> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(text) = utf8_cut_short(body) {
        return Ok((text, Some(ENDS_MID_CHARACTER)));
    }
    decode_complete(bytes).map(|text| (text, None))
}

/// The text of UTF-8 bytes that are valid up to an incomplete last character, when the
/// text is a document.
fn utf8_cut_short(bytes: &[u8]) -> Option<String> {
    let error = std::str::from_utf8(bytes).err()?;
    let valid = error.valid_up_to();
    // `error_len() == None`: the bytes end inside a character rather than holding an
    // invalid sequence; a cut leaves at most three bytes of it.
    if error.error_len().is_some() || valid == 0 || bytes.len() - valid > 3 || memchr(0, bytes) {
        return None;
    }
    let text = std::str::from_utf8(&bytes[..valid]).ok()?;
    is_text(text, false).then(|| text.to_string())
}

fn decode_complete(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if bytes.starts_with(b"\xff\xfe\x00\x00") || bytes.starts_with(b"\x00\x00\xfe\xff") {
        return Err("unsupported encoding: UTF-32 (save the file as UTF-8)".into());
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(encoding, &bytes[bom_len..]).ok_or_else(|| {
            format!(
                "malformed {} text after its byte-order mark",
                encoding.name()
            )
        });
    }
    if let Some(kind) = sniff_binary(bytes) {
        return Err(format!("not a text document: looks like {kind}"));
    }
    let has_nul = memchr(0, bytes);
    if !has_nul && let Ok(s) = std::str::from_utf8(bytes) {
        return if is_text(s, false) {
            Ok(s.to_string())
        } else {
            Err(binary_message())
        };
    }
    if let Some(s) = utf16_without_bom(bytes) {
        return Ok(s);
    }
    if has_nul {
        return Err(binary_message());
    }
    legacy(bytes)
}

fn binary_message() -> String {
    "not a text document: binary data".into()
}

fn memchr(needle: u8, bytes: &[u8]) -> bool {
    bytes.contains(&needle)
}

/// Decodes without a BOM check and without replacement characters.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(Cow::into_owned)
}

/// UTF-16 without a byte-order mark, accepted only when the byte order is clear from the
/// position of zero bytes (ASCII characters, line breaks) or from the script the two
/// readings produce, and the text is plausible.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let order = if zeros_odd >= 2 && zeros_odd >= 4 * zeros_even {
        Some(UTF_16LE)
    } else if zeros_even >= 2 && zeros_even >= 4 * zeros_odd {
        Some(UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = order {
        let s = decode_strict(encoding, bytes)?;
        return is_text(&s, true).then_some(s);
    }
    // Too few zero bytes to go by: only a reading that is almost all Chinese text, while
    // the other reading is not, identifies the byte order.
    let le = decode_strict(UTF_16LE, bytes).filter(|s| cjk_share(s) >= 0.9);
    let be = decode_strict(UTF_16BE, bytes).filter(|s| cjk_share(s) >= 0.9);
    match (le, be) {
        (Some(s), None) | (None, Some(s)) if is_text(&s, true) => Some(s),
        _ => None,
    }
}

/// Legacy encodings: what chardetng recognises, confirmed by a clean decode.
fn legacy(bytes: &[u8]) -> Result<String, DecodeError> {
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(1 << 20)];
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, false);
    let encoding = if guess == GBK || guess == GB18030 {
        GB18030
    } else if guess == BIG5 {
        BIG5
    } else if guess == UTF_8 {
        return Err("malformed UTF-8 text".into());
    } else {
        return Err(format!(
            "unsupported encoding (looks like {}; save the file as UTF-8)",
            guess.name()
        ));
    };
    let Some(s) = decode_strict(encoding, bytes) else {
        return Err(format!(
            "unsupported encoding: not valid UTF-8 and not valid {}",
            encoding.name()
        ));
    };
    if is_text(&s, true) {
        Ok(s)
    } else {
        Err(binary_message())
    }
}

/// Is the decoded string a document rather than binary noise? Control characters and
/// private-use code points must be rare; with `script_check`, characters outside the
/// scripts a Chinese document uses must be rare too.
pub fn is_text(s: &str, script_check: bool) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in s.chars() {
        total += 1;
        if is_junk(c) || (script_check && !is_document_char(c)) {
            bad += 1;
        }
    }
    total > 0 && bad * 100 <= total
}

fn is_junk(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x0b'))
        || (0xE000..=0xF8FF).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
        || c == '\u{FFFD}'
}

/// Characters found in Chinese documents: ASCII, Latin-1, Greek/Cyrillic, CJK
/// ideographs, kana, punctuation, symbols and full-width forms.
fn is_document_char(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x370..=0x4FF
        | 0x2000..=0x27BF | 0x2E80..=0x2FDF | 0x3000..=0x312F | 0x3190..=0x31FF
        | 0x3200..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

/// Share of characters that are CJK ideographs or CJK punctuation.
fn cjk_share(s: &str) -> f64 {
    let mut total = 0usize;
    let mut cjk = 0usize;
    for c in s.chars() {
        total += 1;
        let u = c as u32;
        if matches!(u, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF) {
            cjk += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        cjk as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
        if enc == UTF_16LE {
            return s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        }
        if enc == UTF_16BE {
            return s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        }
        let (bytes, _, bad) = enc.encode(s);
        assert!(!bad);
        bytes.into_owned()
    }

    const SAMPLE: &str = "到2025年,高新技术企业不少于120户。\n(责任单位:市科技局、市工信局)\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap(), SAMPLE);
        let mut b = b"\xef\xbb\xbf".to_vec();
        b.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&b).unwrap(), SAMPLE);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = b"\xff\xfe".to_vec();
        le.extend(encode(UTF_16LE, SAMPLE));
        assert_eq!(decode(&le).unwrap(), SAMPLE);
        let mut be = b"\xfe\xff".to_vec();
        be.extend(encode(UTF_16BE, SAMPLE));
        assert_eq!(decode(&be).unwrap(), SAMPLE);
    }

    #[test]
    fn utf16_without_bom_both_orders() {
        assert_eq!(decode(&encode(UTF_16LE, SAMPLE)).unwrap(), SAMPLE);
        assert_eq!(decode(&encode(UTF_16BE, SAMPLE)).unwrap(), SAMPLE);
        let pure = "高新技术企业不少于一百二十户";
        assert_eq!(decode(&encode(UTF_16LE, pure)).unwrap(), pure);
        assert_eq!(decode(&encode(UTF_16BE, pure)).unwrap(), pure);
    }

    #[test]
    fn gbk_is_decoded_as_gb18030() {
        let text = SAMPLE.repeat(3);
        assert_eq!(decode(&encode(GB18030, &text)).unwrap(), text);
        assert_eq!(decode(&encode(GBK, &text)).unwrap(), text);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
                .unwrap_err()
                .contains("PNG")
        );
        assert!(
            decode(b"abc\0\x01\x02\x03\xff\xfe")
                .unwrap_err()
                .contains("binary")
        );
        assert!(
            decode(b"\x01\x02\x03\x04\x05\x06abc")
                .unwrap_err()
                .contains("binary")
        );
        assert!(
            decode(b"\xff\xfe\x00\x00a\x00\x00\x00")
                .unwrap_err()
                .contains("UTF-32")
        );
    }

    /// A download cut short inside the last character was refused as windows-1252.
    #[test]
    fn utf8_cut_inside_the_last_character_is_read_with_a_note() {
        let text = SAMPLE.repeat(20);
        let bytes = text.as_bytes();
        let cut = &bytes[..bytes.len() - 3]; // "\n", ")" and the last byte of "局" cut off
        let (got, note) = decode_noting(cut).unwrap();
        assert_eq!(note, Some(ENDS_MID_CHARACTER));
        assert!(text.starts_with(&got) && got.ends_with("市工信"), "{got}");
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend_from_slice(cut);
        assert_eq!(
            decode_noting(&with_bom).unwrap(),
            (got, Some(ENDS_MID_CHARACTER))
        );
        assert_eq!(decode_noting(bytes).unwrap().1, None);
        // Invalid bytes in the middle are no cut: still refused.
        assert!(decode(b"ab\xff\xfecd\xe5").is_err());
    }

    #[test]
    fn malformed_after_bom_is_refused() {
        assert!(
            decode(b"\xef\xbb\xbfab\xff")
                .unwrap_err()
                .contains("malformed")
        );
        assert!(
            decode(b"\xff\xfe\x00\xd8")
                .unwrap_err()
                .contains("malformed")
        );
    }
}
