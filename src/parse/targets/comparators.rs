//! Comparator words around a figure: `不少于120户` (`>=`), `突破5000亿元` (`>`),
//! `18%左右` (`~`), `30%以下` (`<=`)… A word after the figure (`以上`, `左右`) is more
//! specific than a verb before it (`达到2000家以上` is `>=`).

use super::scan::{is_space, longest_prefix, longest_suffix};
use crate::model::Comparator;

/// Words written just before the figure, with what they mean.
const BEFORE: &[(&str, Comparator)] = &[
    ("达到或超过", Comparator::Ge),
    ("达到或高于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不低于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("至少", Comparator::Ge),
    ("超过", Comparator::Gt),
    ("超", Comparator::Gt),
    ("突破", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("达到", Comparator::Eq),
    ("达", Comparator::Eq),
    ("实现", Comparator::Eq),
    ("为", Comparator::Eq),
    ("分别为", Comparator::Eq),
    ("分别达到", Comparator::Eq),
    ("提高到", Comparator::Eq),
    ("提高至", Comparator::Eq),
    ("提升到", Comparator::Eq),
    ("提升至", Comparator::Eq),
    ("增加到", Comparator::Eq),
    ("增加至", Comparator::Eq),
    ("增长到", Comparator::Eq),
    ("增长至", Comparator::Eq),
    ("增至", Comparator::Eq),
    ("扩大到", Comparator::Eq),
    ("扩大至", Comparator::Eq),
    ("扩大为", Comparator::Eq),
    ("保持在", Comparator::Eq),
    ("稳定在", Comparator::Eq),
    ("约", Comparator::Approx),
    ("大约", Comparator::Approx),
    ("近", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("将近", Comparator::Approx),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("控制在", Comparator::Le),
    ("降至", Comparator::Le),
    ("降到", Comparator::Le),
    ("降低至", Comparator::Le),
    ("降低到", Comparator::Le),
    ("下降至", Comparator::Le),
    ("下降到", Comparator::Le),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
];

/// Words written just after the figure (and its unit).
const AFTER: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("及以下", Comparator::Le),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
    ("左右", Comparator::Approx),
];

fn words(table: &'static [(&'static str, Comparator)]) -> Vec<&'static str> {
    table.iter().map(|(w, _)| *w).collect()
}

fn lookup(table: &[(&str, Comparator)], word: &str) -> Option<Comparator> {
    table.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

/// The comparator word ending just before `pos` (spaces skipped): its text, start and meaning.
pub fn before(chars: &[char], pos: usize) -> Option<(&'static str, usize, Comparator)> {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| words(BEFORE));
    let mut end = pos;
    while end > 0 && is_space(chars[end - 1]) {
        end -= 1;
    }
    let w = longest_suffix(chars, end, words)?;
    let start = end - w.chars().count();
    // `超` alone must not be the tail of another word (`赶超`), `为` not of `作为`/`成为`.
    if w == "为" && start > 0 && matches!(chars[start - 1], '作' | '成' | '以' | '认' | '称')
    {
        return None;
    }
    Some((w, start, lookup(BEFORE, w)?))
}

/// The comparator word starting at `pos` (after the unit): its text and meaning.
pub fn after(chars: &[char], pos: usize) -> Option<(&'static str, Comparator)> {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| words(AFTER));
    let w = longest_prefix(chars, pos, words)?;
    Some((w, lookup(AFTER, w)?))
}

/// Combines the words found around a figure: a word after it wins, then a word before it,
/// then `余`/`多` between number and unit (`>`), else `=`.
pub fn resolve(
    before: Option<Comparator>,
    after: Option<Comparator>,
    more_than: bool,
) -> Comparator {
    after.or(before).unwrap_or(if more_than {
        Comparator::Gt
    } else {
        Comparator::Eq
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before_of(s: &str) -> Option<Comparator> {
        let c: Vec<char> = s.chars().collect();
        before(&c, c.len()).map(|(_, _, cmp)| cmp)
    }

    fn after_of(s: &str) -> Option<Comparator> {
        let c: Vec<char> = s.chars().collect();
        after(&c, 0).map(|(_, cmp)| cmp)
    }

    #[test]
    fn words_before_the_figure() {
        use Comparator::*;
        let cases = [
            ("企业不少于", Ge),
            ("比重不低于", Ge),
            ("至少", Ge),
            ("收入超过", Gt),
            ("收入超", Gt),
            ("产值突破", Gt),
            ("企业达到", Eq),
            ("产值实现", Eq),
            ("面积分别为", Eq),
            ("面积约", Approx),
            ("占比近", Approx),
            ("依存度不超过", Le),
            ("能耗降至", Le),
            ("依存度降低至", Le),
            ("控制在", Le),
            ("失业率低于", Lt),
            ("比重达到或超过", Ge),
        ];
        for (s, want) in cases {
            assert_eq!(before_of(s), Some(want), "{s}");
        }
        assert_eq!(before_of("作为"), None);
        assert_eq!(before_of("培育"), None);
    }

    #[test]
    fn words_after_the_figure() {
        use Comparator::*;
        assert_eq!(after_of("以上的社区"), Some(Ge));
        assert_eq!(after_of("及以上"), Some(Ge));
        assert_eq!(after_of("以下"), Some(Le));
        assert_eq!(after_of("以内"), Some(Le));
        assert_eq!(after_of("左右,"), Some(Approx));
        assert_eq!(after_of("的比例"), None);
    }

    #[test]
    fn after_word_is_more_specific_than_before_word() {
        use Comparator::*;
        assert_eq!(resolve(Some(Eq), Some(Ge), false), Ge);
        assert_eq!(resolve(Some(Le), Some(Le), false), Le);
        assert_eq!(resolve(Some(Gt), None, false), Gt);
        assert_eq!(resolve(None, None, true), Gt);
        assert_eq!(resolve(None, None, false), Eq);
    }
}
