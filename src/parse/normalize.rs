//! A matching view of the cleaned text: full-width ASCII letters, digits and punctuation
//! mapped to their half-width forms, one char for one char, so that a char offset means the
//! same place in both texts. Also the line split every other parse step works on, which
//! doubles as the char → byte offset table.

use std::borrow::Cow;

/// The half-width form of a full-width ASCII variant (`（` → `(`, `：` → `:`, `１` → `1`)
/// and of the ideographic space; every other char is returned unchanged.
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Whether `c` is white space for trimming lines (ASCII, ideographic and no-break spaces).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

/// One line of the text as char offsets, trimmed of surrounding white space, with the
/// matching byte offsets in both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// First char of the trimmed line.
    pub start: usize,
    /// One past the last char of the trimmed line (`start == end` for a blank line).
    pub end: usize,
    /// Byte range of the trimmed line in the original text.
    orig: (usize, usize),
    /// Byte range of the trimmed line in the half-width view.
    norm: (usize, usize),
}

impl Line {
    /// Whether the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// The cleaned text together with its half-width matching view and its lines. Char
/// offsets map to bytes through the line table (no per-char table is kept).
#[derive(Debug, Clone)]
pub struct NormText<'a> {
    /// The cleaned text exactly as the user sees it.
    pub orig: &'a str,
    /// The half-width view (same number of chars as `orig`; borrowed when identical).
    pub norm: Cow<'a, str>,
    /// The lines, in order.
    pub lines: Vec<Line>,
    /// Number of chars in the text.
    len: usize,
}

/// Whether `text` holds a char [`halfwidth`] changes (full-width forms, ideographic space).
fn has_fullwidth(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).any(|w| {
        (w[0] == 0xEF && (w[1] == 0xBC || w[1] == 0xBD))
            || (w[0] == 0xE3 && w[1] == 0x80 && w[2] == 0x80)
    })
}

impl<'a> NormText<'a> {
    /// Builds the view and the lines in one pass over `text`.
    pub fn new(text: &'a str) -> Self {
        let norm: Cow<'a, str> = if has_fullwidth(text) {
            Cow::Owned(text.chars().map(halfwidth).collect())
        } else {
            Cow::Borrowed(text)
        };
        let mut lines = Vec::with_capacity(text.len() / 64 + 1);
        let mut nb = 0; // byte offset in `norm`
        let mut n = 0; // chars seen
        // Trimmed bounds of the current line: (char, orig byte, norm byte) of its first
        // non-space char, and of the position just past its last one.
        let mut first: Option<(usize, usize, usize)> = None;
        let mut last = (0, 0, 0);
        let mut push = |first: Option<(usize, usize, usize)>, last: (usize, usize, usize)| {
            let f = first.unwrap_or(last);
            lines.push(Line {
                start: f.0,
                end: last.0.max(f.0),
                orig: (f.1, last.1.max(f.1)),
                norm: (f.2, last.2.max(f.2)),
            });
        };
        for (b, c) in text.char_indices() {
            let nlen = halfwidth(c).len_utf8();
            if c == '\n' {
                push(first.take(), last);
                last = (n + 1, b + 1, nb + 1);
            } else if !is_space(c) {
                first.get_or_insert((n, b, nb));
                last = (n + 1, b + c.len_utf8(), nb + nlen);
            }
            nb += nlen;
            n += 1;
        }
        if first.is_some() || !text.ends_with('\n') || text.is_empty() {
            push(first, last);
        }
        NormText {
            orig: text,
            norm,
            lines,
            len: n,
        }
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.len
    }

    /// Byte offsets in (`orig`, `norm`) of a char offset: from the start of the line at or
    /// before it, walking the chars in between.
    fn bytes_of(&self, ch: usize) -> (usize, usize) {
        let k = self.lines.partition_point(|l| l.start <= ch);
        let (mut c, mut ob, mut nb) = match k.checked_sub(1).map(|k| self.lines[k]) {
            Some(l) => (l.start, l.orig.0, l.norm.0),
            None => (0, 0, 0),
        };
        let mut chars = self.orig[ob..].chars();
        while c < ch {
            let Some(x) = chars.next() else { break };
            ob += x.len_utf8();
            nb += halfwidth(x).len_utf8();
            c += 1;
        }
        (ob, nb)
    }

    /// The original text between two char offsets.
    pub fn orig_slice(&self, start: usize, end: usize) -> &'a str {
        let (a, _) = self.bytes_of(start);
        let (b, _) = self.bytes_of(end);
        &self.orig[a..b]
    }

    /// The half-width view between two char offsets.
    pub fn norm_slice(&self, start: usize, end: usize) -> &str {
        let (_, a) = self.bytes_of(start);
        let (_, b) = self.bytes_of(end);
        &self.norm[a..b]
    }

    /// The half-width view of a line.
    pub fn line_str(&self, line: Line) -> &str {
        &self.norm[line.norm.0..line.norm.1]
    }
}

/// Number of chars in `s`.
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth_punctuation_and_digits_become_halfwidth() {
        let t = NormText::new("（责任单位：市科技局，市财政局；１２３）　甲");
        assert_eq!(t.norm, "(责任单位:市科技局,市财政局;123) 甲");
        assert_eq!(t.char_len(), t.norm.chars().count());
    }

    #[test]
    fn cjk_punctuation_is_kept() {
        let t = NormText::new("一、甲。乙〔2017〕");
        assert_eq!(t.norm, "一、甲。乙〔2017〕");
    }

    #[test]
    fn offsets_map_between_both_texts() {
        let t = NormText::new("ab（一）甲：乙\n　丙（二）\n");
        assert_eq!(t.orig_slice(2, 5), "（一）");
        assert_eq!(t.norm_slice(2, 5), "(一)");
        assert_eq!(t.orig_slice(5, 11), "甲：乙\n　丙");
        assert_eq!(t.norm_slice(10, 14), "丙(二)");
        assert_eq!(t.orig_slice(0, t.char_len()), t.orig);
        assert_eq!(t.line_str(t.lines[1]), "丙(二)");
    }

    #[test]
    fn text_without_fullwidth_chars_is_borrowed() {
        assert!(matches!(NormText::new("甲(一):乙").norm, Cow::Borrowed(_)));
        assert!(matches!(NormText::new("甲　乙").norm, Cow::Owned(_)));
    }

    #[test]
    fn lines_are_trimmed_char_spans() {
        let t = NormText::new("  一、总则 \r\n\n\u{3000}正文。\n尾");
        let got: Vec<&str> = t.lines.iter().map(|&l| t.line_str(l)).collect();
        assert_eq!(got, vec!["一、总则", "", "正文。", "尾"]);
        assert!(t.lines[1].is_blank());
        assert_eq!(t.orig_slice(t.lines[2].start, t.lines[2].end), "正文。");
    }

    #[test]
    fn empty_and_trailing_newline_texts_have_sane_lines() {
        assert_eq!(NormText::new("").lines.len(), 1);
        let t = NormText::new("甲\n");
        assert_eq!(t.lines.len(), 1);
        assert_eq!(t.line_str(t.lines[0]), "甲");
    }
}
