//! Text folding shared by every catalog lookup: full-width → half-width, whitespace removed,
//! ASCII lower-cased, and responsibility annotations cut out of measure texts, so that a
//! keyword or alias matches however a document happens to type it.

/// Folds `text` for matching: full-width ASCII forms become half-width (`（` → `(`,
/// `Ｒ＆Ｄ` → `r&d`), every whitespace character (including U+3000) is dropped and ASCII
/// letters are lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Start of the run of chars copied unchanged so far: most of a Chinese text is CJK
    // chars that folding leaves alone, copied a run at a time rather than char by char.
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(c as u32 - 0xFEE0).map(|h| h.to_ascii_lowercase())
            }
            // Past U+3000, the last white-space char, up to the full-width forms: kept.
            '\u{3001}'..='\u{FF00}' => continue,
            c if c.is_whitespace() => None,
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.extend(replacement);
        run = i + c.len_utf8();
    }
    out.push_str(&text[run..]);
    out
}

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
    }

    #[test]
    fn annotations_are_cut_but_other_parentheses_stay() {
        let text =
            fold("设立基金(规模10亿元)。(责任单位:市金融局、沈阳高新区(以下简称)管委会)后文");
        assert_eq!(strip_annotations(&text), "设立基金(规模10亿元)。后文");
        assert_eq!(strip_annotations("任务(牵头单位:市科技局"), "任务");
    }
}
