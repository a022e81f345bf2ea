//! A matching view of the cleaned text: full-width ASCII letters, digits and punctuation
//! mapped to their half-width forms, one char for one char, so that a char offset means the
//! same place in both texts. Also the char ↔ byte offset tables and the line split every
//! other parse step works on.

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

/// One line of the text as char offsets, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// First char of the trimmed line.
    pub start: usize,
    /// One past the last char of the trimmed line (`start == end` for a blank line).
    pub end: usize,
}

impl Line {
    /// Whether the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// The cleaned text together with its half-width matching view and offset tables.
#[derive(Debug, Clone)]
pub struct NormText<'a> {
    /// The cleaned text exactly as the user sees it.
    pub orig: &'a str,
    /// The half-width view (same number of chars as `orig`).
    pub norm: String,
    /// Byte offset in `orig` of each char, plus `orig.len()` at the end.
    orig_bytes: Vec<usize>,
    /// Byte offset in `norm` of each char, plus `norm.len()` at the end.
    norm_bytes: Vec<usize>,
    /// The lines, in order.
    pub lines: Vec<Line>,
}

impl<'a> NormText<'a> {
    /// Builds the view, the offset tables and the lines in one pass over `text`.
    pub fn new(text: &'a str) -> Self {
        let mut norm = String::with_capacity(text.len());
        let mut orig_bytes = Vec::with_capacity(text.len() / 2 + 1);
        let mut norm_bytes = Vec::with_capacity(text.len() / 2 + 1);
        let mut lines = Vec::new();
        // Trimmed bounds of the current line: first and one-past-last non-space char.
        let (mut first, mut last): (Option<usize>, usize) = (None, 0);
        let mut line_start = 0;
        for (i, (b, c)) in text.char_indices().enumerate() {
            orig_bytes.push(b);
            norm_bytes.push(norm.len());
            norm.push(halfwidth(c));
            if c == '\n' {
                let s = first.unwrap_or(line_start);
                lines.push(Line {
                    start: s,
                    end: last.max(s),
                });
                line_start = i + 1;
                first = None;
                last = line_start;
            } else if !is_space(c) {
                first.get_or_insert(i);
                last = i + 1;
            }
        }
        let n = orig_bytes.len();
        orig_bytes.push(text.len());
        norm_bytes.push(norm.len());
        if line_start < n || lines.is_empty() {
            let s = first.unwrap_or(line_start.min(n));
            lines.push(Line {
                start: s,
                end: last.max(s),
            });
        }
        NormText {
            orig: text,
            norm,
            orig_bytes,
            norm_bytes,
            lines,
        }
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.orig_bytes.len() - 1
    }

    /// The original text between two char offsets.
    pub fn orig_slice(&self, start: usize, end: usize) -> &'a str {
        &self.orig[self.orig_bytes[start]..self.orig_bytes[end]]
    }

    /// The half-width view between two char offsets.
    pub fn norm_slice(&self, start: usize, end: usize) -> &str {
        &self.norm[self.norm_bytes[start]..self.norm_bytes[end]]
    }

    /// The half-width view of a line.
    pub fn line_str(&self, line: Line) -> &str {
        self.norm_slice(line.start, line.end)
    }

    /// Char offset of a byte offset in the half-width view (must be a char boundary).
    pub fn char_of_norm_byte(&self, byte: usize) -> usize {
        self.norm_bytes.partition_point(|&b| b < byte)
    }

    /// Byte offset in the half-width view of a char offset.
    pub fn norm_byte(&self, ch: usize) -> usize {
        self.norm_bytes[ch]
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
        let t = NormText::new("ab（一）甲：乙");
        assert_eq!(t.orig_slice(2, 5), "（一）");
        assert_eq!(t.norm_slice(2, 5), "(一)");
        let b = t.norm.find('甲').unwrap();
        assert_eq!(t.char_of_norm_byte(b), 5);
        assert_eq!(t.norm_byte(5), b);
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
