//! `A和B…分别超过90家和870家`, `A、B、C分别达到10%、20%、30%`: figures after `分别` belong,
//! in order, to the members of the enumerated subject before it.

use super::indicators::is_clause_stop;
use super::years;
use crate::parse::lexicon::clauses::{JOINS, PREDICATE_OPENERS};
use crate::parse::scan::{rfind, starts_with_at, string};

/// The members the figures after the `分别` before `pos` take in order, when the clause
/// holding the figure (from `clause_start`) says `分别` and the text before it enumerates
/// two to eight subjects. Empty otherwise.
pub fn subjects(
    chars: &[char],
    sentence_start: usize,
    clause_start: usize,
    pos: usize,
) -> Vec<String> {
    let Some(at) = rfind(chars, clause_start, pos, "分别") else {
        return Vec::new();
    };
    // The subject is in the same clause before `分别`, or, when the clause opens with it,
    // the clause before.
    let (from, to) = if (clause_start..at).all(|i| chars[i].is_whitespace()) {
        let Some(stop) = clause_start.checked_sub(1).filter(|&s| s >= sentence_start) else {
            return Vec::new();
        };
        let start = (sentence_start..stop)
            .rev()
            .find(|&i| is_clause_stop(chars, i))
            .map_or(sentence_start, |i| i + 1);
        (start, stop)
    } else {
        (clause_start, at)
    };
    members(chars, from, to)
}

/// `全区高新技术企业和科技型企业在…` → [`全区高新技术企业`, `科技型企业`].
fn members(chars: &[char], mut from: usize, mut to: usize) -> Vec<String> {
    // A horizon in front (`到2027年,`) is not part of the subject.
    if let Some(y) = years::years_in(chars, from, to)
        .first()
        .filter(|y| y.start <= from + 1)
    {
        from = y.end;
    }
    while from < to && (chars[from].is_whitespace() || matches!(chars[from], ',' | '，')) {
        from += 1;
    }
    if let Some(cut) = (from + 1..to).find(|&i| {
        PREDICATE_OPENERS
            .iter()
            .any(|w| starts_with_at(chars, i, w))
    }) {
        to = cut;
    }
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < to {
        match JOINS.iter().find(|w| starts_with_at(chars, i, w)) {
            Some(w) => {
                out.push(string(chars, start, i));
                i += w.chars().count();
                start = i;
            }
            None => i += 1,
        }
    }
    out.push(string(chars, start, to));
    let sane = (2..=8).contains(&out.len())
        && out.iter().all(|m| {
            (2..=20).contains(&m.chars().count()) && !m.chars().any(|c| c.is_ascii_digit())
        });
    if sane { out } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str, figure: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        let pos = s[..s.find(figure).unwrap()].chars().count();
        let clause_start = (0..pos)
            .rev()
            .find(|&i| is_clause_stop(&c, i))
            .map_or(0, |i| i + 1);
        subjects(&c, 0, clause_start, pos)
    }

    #[test]
    fn the_clause_before_names_the_subjects() {
        let s = "到2030年,全市孵化器和众创空间在2025年的基础上翻一番,分别超过40家和120家。";
        assert_eq!(of(s, "40家"), ["全市孵化器", "众创空间"]);
    }

    #[test]
    fn subjects_in_the_same_clause() {
        let s = "研发投入强度、技术合同成交额增速分别达到3%、15%。";
        assert_eq!(of(s, "3%"), ["研发投入强度", "技术合同成交额增速"]);
    }

    #[test]
    fn a_per_capita_subject_is_not_cut_at_its_jun() {
        let s = "城镇居民人均可支配收入和农民人均纯收入均分别增长8.5%、9.5%。";
        assert_eq!(of(s, "8.5%"), ["城镇居民人均可支配收入", "农民人均纯收入"]);
    }

    #[test]
    fn no_enumeration_no_subjects() {
        assert!(of("两个园区面积分别为8、12平方公里。", "8、").is_empty());
        assert!(of("企业营业收入增长10%。", "10%").is_empty());
    }
}
