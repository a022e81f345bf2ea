//! Comparator words around a figure: `不少于120户` (`>=`), `突破5000亿元` (`>`),
//! `18%左右` (`~`), `30%以下` (`<=`)… A word after the figure (`以上`, `左右`) is more
//! specific than a verb before it (`达到2000家以上` is `>=`).

use std::sync::LazyLock;

use crate::model::Comparator;
use crate::parse::lexicon::quantities::{AFTER, BEFORE};
use crate::parse::scan::{Keywords, is_space};

fn words(table: &'static [(&'static str, Comparator)]) -> Keywords {
    let list: Vec<&'static str> = table.iter().map(|(w, _)| *w).collect();
    Keywords::new(&list)
}

fn lookup(table: &[(&str, Comparator)], word: &str) -> Option<Comparator> {
    table.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

/// The comparator word ending just before `pos` (spaces skipped): its text, start and meaning.
pub fn before(chars: &[char], pos: usize) -> Option<(&'static str, usize, Comparator)> {
    static WORDS: LazyLock<Keywords> = LazyLock::new(|| words(BEFORE));
    let mut end = pos;
    while end > 0 && is_space(chars[end - 1]) {
        end -= 1;
    }
    let w = WORDS.ending_at(chars, end)?;
    let start = end - w.chars().count();
    // `超` alone must not be the tail of another word (`赶超`), `为` not of `作为`/`成为`.
    if w == "为" && start > 0 && matches!(chars[start - 1], '作' | '成' | '以' | '认' | '称')
    {
        return None;
    }
    Some((w, start, lookup(BEFORE, w)?))
}

/// A comparator word written before a figure that starts at `pos` (`增加到`, `达到`).
pub fn word_at(chars: &[char], pos: usize) -> Option<&'static str> {
    static WORDS: LazyLock<Keywords> = LazyLock::new(|| words(BEFORE));
    WORDS.at(chars, pos).filter(|w| w.chars().count() > 1)
}

/// The comparator word starting at `pos` (after the unit): its text, meaning and end. A
/// word broken over a line end (`增长12%以` / `上`, text wrapped at a fixed width) is read
/// whole, the break skipped.
pub fn after(chars: &[char], pos: usize) -> Option<(&'static str, Comparator, usize)> {
    static WORDS: LazyLock<Keywords> = LazyLock::new(|| words(AFTER));
    if let Some(w) = WORDS.at(chars, pos) {
        return Some((w, lookup(AFTER, w)?, pos + w.chars().count()));
    }
    // `控制在30个工作日内,`: `内` closing its clause bounds the figure from above (not the
    // `内` of `内资企业`).
    if chars.get(pos) == Some(&'内')
        && chars
            .get(pos + 1)
            .is_none_or(|&c| matches!(c, ',' | '，' | '。' | ';' | '；' | '、' | '\n'))
    {
        return Some(("内", Comparator::Le, pos + 1));
    }
    // The word's first chars before the break, the rest after it.
    let head = chars[pos..]
        .iter()
        .take(3)
        .take_while(|c| !is_space(**c))
        .count();
    let mut rest = pos + head;
    let mut breaks = 0;
    while let Some(&c) = chars.get(rest).filter(|c| is_space(**c)) {
        breaks += usize::from(c == '\n');
        rest += 1;
    }
    if head == 0 || breaks != 1 {
        return None;
    }
    let joined: Vec<char> = chars[pos..pos + head]
        .iter()
        .chain(chars[rest..].iter().take(3))
        .copied()
        .collect();
    let w = WORDS.at(&joined, 0).filter(|w| w.chars().count() > head)?;
    Some((w, lookup(AFTER, w)?, rest + w.chars().count() - head))
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
        after(&c, 0).map(|(_, cmp, _)| cmp)
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
        assert_eq!(after_of("内,"), Some(Le));
        assert_eq!(after_of("内资企业"), None);
        assert_eq!(after_of("左右,"), Some(Approx));
        assert_eq!(after_of("的比例"), None);
        // A word a fixed-width wrap broke in two is read across the break.
        let c: Vec<char> = "以\n上。".chars().collect();
        assert_eq!(after(&c, 0), Some(("以上", Ge, 3)));
        let c: Vec<char> = "左\n\n右".chars().collect();
        assert_eq!(after(&c, 0), None);
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
