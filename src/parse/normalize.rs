//! A matching view of the cleaned text: full-width ASCII letters, digits and punctuation
//! mapped to their half-width forms, one char for one char, so that a char offset means the
//! same place in both texts. Also the line split every other parse step works on, which
//! doubles as the char → byte offset table.

use std::borrow::Cow;

use crate::utf8::utf8_len;

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

/// Whether `text` may hold a char [`halfwidth`] changes (full-width forms, ideographic
/// space); false only when it holds none. The full-width forms are the chars led by the
/// byte `EF`, which Chinese text rarely has, so both tests run as fast searches: a byte
/// search for `EF`, then a substring search for the bytes of U+3000 (a `char` pattern
/// would stop at every `80` byte, common inside CJK chars).
fn has_fullwidth(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(0xEF, bytes).is_some()
        || memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_some()
}

impl<'a> NormText<'a> {
    /// Builds the view and the lines: one split at newlines, counting chars per line
    /// and trimming only the ends of each line.
    pub fn new(text: &'a str) -> Self {
        let same = !has_fullwidth(text);
        let norm: Cow<'a, str> = if same {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.chars().map(halfwidth).collect())
        };
        // Bytes of a piece of text in the half-width view.
        let norm_len = |s: &str| {
            if same {
                s.len()
            } else {
                s.chars().map(|c| halfwidth(c).len_utf8()).sum()
            }
        };
        let mut lines = Vec::with_capacity(text.len() / 64 + 1);
        let (mut ch, mut ob, mut nb) = (0, 0, 0);
        // Line ends found by a SIMD byte search (`str::split` on a char walked them at
        // about 2 % of a whole parse).
        let mut from = 0;
        let mut pieces = memchr::memchr_iter(b'\n', text.as_bytes())
            .chain(std::iter::once(text.len()))
            .map(|end| {
                let piece = &text[from..end];
                from = end + 1;
                piece
            })
            .peekable();
        while let Some(raw) = pieces.next() {
            if pieces.peek().is_none() && raw.is_empty() && !text.is_empty() {
                break;
            }
            let body = raw.trim_start_matches(is_space);
            let lead = &raw[..raw.len() - body.len()];
            let body = body.trim_end_matches(is_space);
            let (lead_chars, body_chars) = (lead.chars().count(), body.chars().count());
            let (lead_nb, body_nb) = (norm_len(lead), norm_len(body));
            let start = ch + lead_chars;
            let (os, ns) = (ob + lead.len(), nb + lead_nb);
            lines.push(Line {
                start,
                end: start + body_chars,
                orig: (os, os + body.len()),
                norm: (ns, ns + body_nb),
            });
            let tail = &raw[lead.len() + body.len()..];
            ch = start + body_chars + tail.chars().count() + 1;
            ob += raw.len() + 1;
            nb = ns + body_nb + norm_len(tail) + 1;
        }
        NormText {
            orig: text,
            norm,
            lines,
            // `ch` counted a newline after the last line; the text may not end with one.
            len: if text.ends_with('\n') { ch } else { ch - 1 },
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
            // Spans mostly end where a line ends.
            Some(l) if l.end == ch => return (l.orig.1, l.norm.1),
            Some(l) => (l.start, l.orig.0, l.norm.0),
            None => (0, 0, 0),
        };
        if matches!(self.norm, Cow::Borrowed(_)) {
            // Both texts are the same bytes (and `nb == ob` here): step over chars by the
            // length their lead byte gives, without decoding them.
            let bytes = self.orig.as_bytes();
            while c < ch && ob < bytes.len() {
                ob += utf8_len(bytes[ob]);
                c += 1;
            }
            return (ob, ob);
        }
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

    /// The white space before a line's text on its line (trimmed from its span).
    pub fn indent(&self, line: Line) -> &str {
        let before = &self.norm[..line.norm.0];
        let from = before.rfind('\n').map_or(0, |i| i + 1);
        &before[from..]
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
    fn offsets_in_a_borrowed_view_match_char_positions() {
        let text = "a甲(一)𠀀\n \u{e9}乙;\n\n丙";
        let t = NormText::new(text);
        assert!(matches!(t.norm, Cow::Borrowed(_)));
        let chars: Vec<char> = text.chars().collect();
        for start in 0..=chars.len() {
            for end in start..=chars.len() {
                let want: String = chars[start..end].iter().collect();
                assert_eq!(t.orig_slice(start, end), want);
                assert_eq!(t.norm_slice(start, end), want);
            }
        }
    }

    #[test]
    fn unusual_spaces_trim_and_multibyte_chars_count_once() {
        let t = NormText::new("\u{a0}\u{2003}甲𠀀乙\u{feff}\n\t丙 \r\n");
        assert_eq!(t.line_str(t.lines[0]), "甲𠀀乙");
        assert_eq!((t.lines[0].start, t.lines[0].end), (2, 5));
        assert_eq!(t.line_str(t.lines[1]), "丙");
        assert_eq!(t.char_len(), t.orig.chars().count());
        assert_eq!(t.orig_slice(3, 8), "𠀀乙\u{feff}\n\t");
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
