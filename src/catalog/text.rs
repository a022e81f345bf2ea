//! Text folding shared by every catalog lookup: full-width → half-width, whitespace removed,
//! ASCII lower-cased, and responsibility annotations cut out of measure texts, so that a
//! keyword or alias matches however a document happens to type it.

use std::borrow::Cow;

/// Folds `text` for matching: full-width ASCII forms become half-width (`（` → `(`,
/// `Ｒ＆Ｄ` → `r&d`), every whitespace character (including U+3000) is dropped and ASCII
/// letters are lower-cased.
pub fn fold(text: &str) -> String {
    fold_cow(text).into_owned()
}

/// [`fold`], borrowing `text` when folding leaves it unchanged.
pub fn fold_cow(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    // Start of the run of bytes copied unchanged so far: most of a Chinese text is CJK
    // chars that folding leaves alone, copied a run at a time.
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let step = FOLD_STEP[usize::from(b)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let replacement = match c {
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(c as u32 - 0xFEE0).map(|h| h.to_ascii_lowercase())
            }
            c if c.is_whitespace() => None,
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.push_str(&text[run..i]);
        out.extend(replacement);
        i += c.len_utf8();
        run = i;
    }
    if run == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// For each byte that starts a char [`fold`] leaves alone: the char's UTF-8 length; 0 for
/// the bytes that start a char it may change. Those are ASCII capitals and white space,
/// and the lead bytes of the non-ASCII white space (U+0085, U+00A0: `C2`; U+1680: `E1`;
/// U+2000–U+205F: `E2`; U+3000: `E3`) and of the full-width forms (`EF`).
const FOLD_STEP: [u8; 256] = {
    let mut step = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        step[b] = match b as u8 {
            b'A'..=b'Z' | b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => 0,
            lead => crate::utf8::utf8_len(lead) as u8,
        };
        b += 1;
    }
    step
};

/// Words that open a responsibility annotation such as `(责任单位:市科技局)`.
const ANNOTATION_HEADS: [&str; 7] = [
    "责任单位",
    "牵头单位",
    "主责单位",
    "责任部门",
    "配合单位",
    "协同单位",
    "牵头部门",
];

/// `text` (already [`fold`]ed) without its responsibility annotations, so that agency names
/// (`市金融局`, `市发展改革委`) do not count as theme or instrument keywords.
pub fn strip_annotations(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        if !ANNOTATION_HEADS.iter().any(|h| after.starts_with(h)) {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        rest = match close_of(after) {
            Some(close) => &after[close + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Byte index of the `)` closing a parenthesis whose content starts at `s[0]`, allowing
/// nested parentheses (`沈阳高新区(以下…)管委会`).
fn close_of(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_makes_full_width_half_width_and_drops_spaces() {
        assert_eq!(fold("Ｒ＆Ｄ经费　占 比"), "r&d经费占比");
        assert_eq!(fold("市科技局（牵头）"), "市科技局(牵头)");
        assert_eq!(fold("５Ｇ＋工业互联网"), "5g+工业互联网");
        assert_eq!(
            fold("甲\u{a0}乙\u{2003}丙\u{85}丁\n\u{3000}ＡＢ\u{ff5f}"),
            "甲乙丙丁ab\u{ff5f}"
        );
        assert!(matches!(fold_cow("科技创新(牵头)"), Cow::Borrowed(_)));
    }

    /// Folding char by char, as the byte scan must agree with.
    fn fold_by_char(text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                'A'..='Z' => Some(c.to_ascii_lowercase()),
                '\u{FF01}'..='\u{FF5E}' => {
                    char::from_u32(c as u32 - 0xFEE0).map(|h| h.to_ascii_lowercase())
                }
                c if c.is_whitespace() => None,
                c => Some(c),
            })
            .collect()
    }

    #[test]
    fn fold_agrees_with_folding_char_by_char() {
        for k in 0..=0x10_FFFFu32 {
            let Some(c) = char::from_u32(k) else { continue };
            let s = format!("甲{c}a{c}");
            assert_eq!(fold(&s), fold_by_char(&s), "{c:?}");
        }
    }

    #[test]
    fn annotations_are_cut_but_other_parentheses_stay() {
        let text =
            fold("设立基金(规模10亿元)。(责任单位:市金融局、沈阳高新区(以下简称)管委会)后文");
        assert_eq!(strip_annotations(&text), "设立基金(规模10亿元)。后文");
        assert_eq!(strip_annotations("任务(牵头单位:市科技局"), "任务");
    }
}
