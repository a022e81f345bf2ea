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
    (from..=to - len).find(|&i| starts_with_at(chars, i, kw))
}

/// Last index in `from..to` where `kw` starts (the match ends at or before `to`).
pub fn rfind(chars: &[char], from: usize, to: usize, kw: &str) -> Option<usize> {
    let len = kw.chars().count();
    if to < from + len {
        return None;
    }
    (from..=to - len)
        .rev()
        .find(|&i| starts_with_at(chars, i, kw))
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

/// A CJK ideograph (the basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Collects `chars[from..to]` into a `String`.
pub fn string(chars: &[char], from: usize, to: usize) -> String {
    chars[from.min(to)..to].iter().collect()
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
}
