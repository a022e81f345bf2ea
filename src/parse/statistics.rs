//! Current figures (baselines) stated in a document: `现有国家高新技术企业408家`,
//! `2020年实现产值…`, `拥有工业企业3000余家`. The figures are found by the target scanner
//! in [`crate::parse::targets`]; this module holds the words that mark a figure as
//! describing the present or the past, and builds the [`Statistic`].

use std::sync::LazyLock;

use crate::model::{Statistic, Target};
use crate::parse::lexicon::goals::{CURRENT_WORDS, HOLDING_VERBS, NOW_WORDS, YEAR_ON_YEAR_WORDS};
use crate::parse::scan::Keywords;

/// [`NOW_WORDS`] prepared for scanning.
pub static NOW: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(NOW_WORDS));
/// [`YEAR_ON_YEAR_WORDS`] prepared for scanning.
pub static YEAR_ON_YEAR: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(YEAR_ON_YEAR_WORDS));
/// [`CURRENT_WORDS`] prepared for scanning.
pub static CURRENT: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(CURRENT_WORDS));
/// [`HOLDING_VERBS`] prepared for scanning.
pub static HOLDING: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(HOLDING_VERBS));

/// True when a marker of `words` occurs in `chars[from..to]` (`拥有量`, a noun, does not
/// count).
pub fn marks_current(chars: &[char], from: usize, to: usize, words: &Keywords) -> bool {
    let mut i = from;
    while let Some((pos, w)) = words.find(chars, i, to) {
        if !(w == "拥有" && chars.get(pos + 2) == Some(&'量')) {
            return true;
        }
        i = pos + 1;
    }
    false
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
        assert!(marks_current(&c, 0, c.len(), &NOW));
        assert!(marks_current(&c, 0, c.len(), &CURRENT));
        let c: Vec<char> = "每万人有效发明专利拥有量达到15件".chars().collect();
        assert!(!marks_current(&c, 0, c.len(), &CURRENT));
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
