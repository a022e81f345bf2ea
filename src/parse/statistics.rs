//! Current figures (baselines) stated in a document: `现有国家高新技术企业408家`,
//! `2020年实现产值…`, `拥有工业企业3000余家`. The figures are found by the target scanner
//! in [`crate::parse::targets`]; this module holds the words that mark a figure as
//! describing the present or the past, and builds the [`Statistic`].

use crate::model::{Statistic, Target};

/// Words that, before a figure in its sentence, say it describes the present even inside a
/// goals section (`现有企业100家,到2025年达到200家`).
pub const NOW_WORDS: &[&str] = &[
    "目前",
    "现有",
    "已有",
    "已经",
    "已建成",
    "截至",
    "截止",
    "现已",
    "原有",
];

/// Words that mark a figure as current when nothing says it is a goal (`累计`, `拥有`).
pub const CURRENT_WORDS: &[&str] = &["拥有", "共有", "累计", "已", "进驻", "聚集了", "集聚了"];

/// True when `word` is [`CURRENT_WORDS`]' `拥有` used as the noun `拥有量`.
pub fn is_false_current(chars: &[char], pos: usize, word: &str) -> bool {
    word == "拥有" && chars.get(pos + 2) == Some(&'量')
}

/// True when any of `words` occurs in `chars[from..to]` as a current-figure marker.
pub fn marks_current(chars: &[char], from: usize, to: usize, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let len = w.chars().count();
        to >= from + len
            && (from..=to - len).any(|i| {
                w.chars().enumerate().all(|(k, c)| chars[i + k] == c)
                    && !is_false_current(chars, i, w)
            })
    })
}

/// Turns a figure read like a target into a statistic: the year is the one the sentence
/// states, else the document's year.
pub fn from_figure(figure: Target, stated_year: Option<i32>, doc_year: Option<i32>) -> Statistic {
    Statistic {
        indicator: figure.indicator,
        indicator_id: figure.indicator_id,
        value: figure.value,
        unit: figure.unit,
        year: stated_year.or(doc_year),
        sentence: figure.sentence,
        span: figure.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_markers() {
        let c: Vec<char> = "目前,拥有工业企业3000余家".chars().collect();
        assert!(marks_current(&c, 0, c.len(), NOW_WORDS));
        assert!(marks_current(&c, 0, c.len(), CURRENT_WORDS));
        let c: Vec<char> = "每万人有效发明专利拥有量达到15件".chars().collect();
        assert!(!marks_current(&c, 0, c.len(), CURRENT_WORDS));
    }

    #[test]
    fn year_defaults_to_the_document_year() {
        let figure = Target {
            indicator: "国家高新技术企业".into(),
            indicator_id: None,
            value: 408.0,
            value_max: None,
            unit: "家".into(),
            comparator: crate::model::Comparator::Eq,
            year: None,
            measure: None,
            sentence: "s".into(),
            span: (0, 1),
        };
        assert_eq!(
            from_figure(figure.clone(), None, Some(2021)).year,
            Some(2021)
        );
        let s = from_figure(figure, Some(2020), Some(2021));
        assert_eq!(
            (s.year, s.value, s.unit.as_str()),
            (Some(2020), 408.0, "家")
        );
    }
}
