//! Keyword tests on a document held as a slice of `char`s: every helper takes character
//! indices, so callers never re-encode or allocate while scanning.

/// True when `kw` occurs in `chars` starting at `pos`.
pub fn starts_with_at(chars: &[char], pos: usize, kw: &str) -> bool {
    (pos..)
        .zip(kw.chars())
        .all(|(i, k)| chars.get(i) == Some(&k))
}

/// True when `kw` occurs in `chars` ending just before `end`.
pub fn ends_with_at(chars: &[char], end: usize, kw: &str) -> bool {
    let mut i = end;
    for k in kw.chars().rev() {
        if i == 0 || chars[i - 1] != k {
            return false;
        }
        i -= 1;
    }
    true
}

/// First index in `from..to` where `kw` starts.
pub fn find(chars: &[char], from: usize, to: usize, kw: &str) -> Option<usize> {
    let len = kw.chars().count();
    if to < from + len {
        return None;
    }
    // Positions are rejected on their first char before the keyword is decoded again.
    let Some(first) = kw.chars().next() else {
        return Some(from);
    };
    (from..=to - len).find(|&i| chars.get(i) == Some(&first) && starts_with_at(chars, i, kw))
}

/// Last index in `from..to` where `kw` starts (the match ends at or before `to`).
pub fn rfind(chars: &[char], from: usize, to: usize, kw: &str) -> Option<usize> {
    let len = kw.chars().count();
    if to < from + len {
        return None;
    }
    let Some(first) = kw.chars().next() else {
        return Some(to);
    };
    (from..=to - len)
        .rev()
        .find(|&i| chars.get(i) == Some(&first) && starts_with_at(chars, i, kw))
}

/// True when `kw` occurs inside `from..to`.
pub fn contains(chars: &[char], from: usize, to: usize, kw: &str) -> bool {
    find(chars, from, to, kw).is_some()
}

/// True when any of `kws` occurs inside `from..to`.
pub fn contains_any(chars: &[char], from: usize, to: usize, kws: &[&str]) -> bool {
    kws.iter().any(|k| contains(chars, from, to, k))
}

/// The longest of `kws` that ends just before `end`.
pub fn longest_suffix<'k>(chars: &[char], end: usize, kws: &[&'k str]) -> Option<&'k str> {
    kws.iter()
        .filter(|k| ends_with_at(chars, end, k))
        .max_by_key(|k| k.chars().count())
        .copied()
}

/// The longest of `kws` that starts at `pos`.
pub fn longest_prefix<'k>(chars: &[char], pos: usize, kws: &[&'k str]) -> Option<&'k str> {
    kws.iter()
        .filter(|k| starts_with_at(chars, pos, k))
        .max_by_key(|k| k.chars().count())
        .copied()
}

/// Number of characters in a keyword.
pub fn char_len(kw: &str) -> usize {
    kw.chars().count()
}

/// Whitespace including the ideographic space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Just past one line break at `at` and the indentation after it (text wrapped at a fixed
/// width or taken from a PDF: `力争到2027` / `年`), else `at`. A blank line is no wrap: past
/// the first break the position stops at the second.
pub fn past_one_line_break(chars: &[char], at: usize) -> usize {
    let mut p = at;
    if chars.get(p) == Some(&'\r') {
        p += 1;
    }
    if chars.get(p) != Some(&'\n') {
        return at;
    }
    p += 1;
    while chars
        .get(p)
        .is_some_and(|&c| matches!(c, ' ' | '\t' | '\u{3000}'))
    {
        p += 1;
    }
    p
}

/// A CJK ideograph (the basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Collects `chars[from..to]` into a `String`.
pub fn string(chars: &[char], from: usize, to: usize) -> String {
    let slice = &chars[from.min(to)..to];
    // Sized for Chinese (three bytes a char): collecting grew the string a char's worth at
    // a time past its first guess of one byte a char.
    let mut s = String::with_capacity(slice.len() * 3);
    s.extend(slice);
    s
}

/// Words of the bitmaps below: one bit for each char of the Basic Multilingual Plane (chars
/// beyond it share bits, which only costs a comparison).
const MASK_WORDS: usize = 1 << 10;

/// A fixed list of keywords prepared for scanning: each word as `char`s, and bitmaps of
/// first and last characters so nearly every position is rejected with one lookup (a
/// Chinese char's bit is its own: no other char of the text shares it).
///
/// The lists it prepares live in [`crate::parse::lexicon`]. A speed trick kept on purpose:
/// with the bitmaps off (every word compared at every position) the parse bench cost
/// 28.3 M more instructions per 10 passes (140.2 M against 111.9 M, callgrind). The target
/// extraction reads the document as `char`s by char index, which a byte automaton
/// (`aho_corasick`) cannot search without re-encoding the text and mapping offsets back.
#[derive(Debug)]
pub struct Keywords {
    words: Vec<(&'static str, Box<[char]>)>,
    first: Box<[u64; MASK_WORDS]>,
    last: Box<[u64; MASK_WORDS]>,
}

fn bit(mask: &[u64; MASK_WORDS], c: char) -> bool {
    let k = c as usize & 0xFFFF;
    mask[k >> 6] >> (k & 63) & 1 == 1
}

fn set_bit(mask: &mut [u64; MASK_WORDS], c: char) {
    let k = c as usize & 0xFFFF;
    mask[k >> 6] |= 1 << (k & 63);
}

impl Keywords {
    /// Prepares `list` (empty strings are ignored).
    pub fn new(list: &[&'static str]) -> Keywords {
        let mut first = Box::new([0u64; MASK_WORDS]);
        let mut last = Box::new([0u64; MASK_WORDS]);
        let mut words = Vec::with_capacity(list.len());
        for w in list {
            let cs: Box<[char]> = w.chars().collect();
            if let (Some(&f), Some(&l)) = (cs.first(), cs.last()) {
                set_bit(&mut first, f);
                set_bit(&mut last, l);
                words.push((*w, cs));
            }
        }
        Keywords { words, first, last }
    }

    /// The longest word starting at `pos`.
    pub fn at(&self, chars: &[char], pos: usize) -> Option<&'static str> {
        let c = *chars.get(pos)?;
        if !bit(&self.first, c) {
            return None;
        }
        self.words
            .iter()
            .filter(|(_, w)| w[0] == c && chars.get(pos..pos + w.len()) == Some(&w[..]))
            .max_by_key(|(_, w)| w.len())
            .map(|(s, _)| *s)
    }

    /// The longest word ending just before `end`.
    pub fn ending_at(&self, chars: &[char], end: usize) -> Option<&'static str> {
        if end == 0 || end > chars.len() || !bit(&self.last, chars[end - 1]) {
            return None;
        }
        self.words
            .iter()
            .filter(|(_, w)| {
                w[w.len() - 1] == chars[end - 1]
                    && end >= w.len()
                    && chars[end - w.len()..end] == w[..]
            })
            .max_by_key(|(_, w)| w.len())
            .map(|(s, _)| *s)
    }

    /// First word lying entirely inside `from..to`, with its position.
    pub fn find(&self, chars: &[char], from: usize, to: usize) -> Option<(usize, &'static str)> {
        let to = to.min(chars.len());
        (from..to).find_map(|i| {
            if !bit(&self.first, chars[i]) {
                return None;
            }
            self.words
                .iter()
                .filter(|(_, w)| {
                    w[0] == chars[i] && i + w.len() <= to && chars[i..i + w.len()] == w[..]
                })
                .max_by_key(|(_, w)| w.len())
                .map(|(s, _)| (i, *s))
        })
    }

    /// True when a word lies inside `from..to`.
    pub fn any_in(&self, chars: &[char], from: usize, to: usize) -> bool {
        self.find(chars, from, to).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_positions() {
        let c: Vec<char> = "高新技术企业不少于120户".chars().collect();
        assert!(starts_with_at(&c, 6, "不少于"));
        assert!(ends_with_at(&c, 9, "不少于"));
        assert!(!ends_with_at(&c, 1, "不少于"));
        assert_eq!(find(&c, 0, c.len(), "企业"), Some(4));
        assert_eq!(rfind(&c, 0, c.len(), "企"), Some(4));
        assert_eq!(
            longest_suffix(&c, 9, &["于", "少于", "不少于"]),
            Some("不少于")
        );
        assert_eq!(longest_prefix(&c, 6, &["不", "不少于"]), Some("不少于"));
        assert_eq!(string(&c, 0, 2), "高新");
    }

    #[test]
    fn prepared_keywords() {
        let c: Vec<char> = "高新技术企业不少于120户".chars().collect();
        let k = Keywords::new(&["少于", "不少于", "企业", "户"]);
        assert_eq!(k.at(&c, 6), Some("不少于"));
        assert_eq!(k.at(&c, 7), Some("少于"));
        assert_eq!(k.at(&c, 0), None);
        assert_eq!(k.ending_at(&c, 9), Some("不少于"));
        assert_eq!(k.ending_at(&c, c.len()), Some("户"));
        assert_eq!(k.find(&c, 0, c.len()), Some((4, "企业")));
        assert_eq!(k.find(&c, 5, 8), None);
        assert!(k.any_in(&c, 5, 9));
    }
}
