//! The expectation files `tests/golden/<stem>.json`: their types and loading. The format is
//! described at the top of `tests/parse_golden.rs`.

use std::path::Path;

use serde::{Deserialize, Deserializer};

/// A field that must be written in the file but may be `null`.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(d)
}

/// A field that may be left out (not checked) or written, possibly as `null` (checked).
fn optional_nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::deserialize(d).map(Some)
}

/// Expected plan period.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PeriodExpect {
    pub start: i32,
    pub end: i32,
}

/// Expected document: metadata, and every measure, target and statistic in document order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocExpect {
    /// Exact title; exactly one of `title` and `title_contains` is given.
    #[serde(default)]
    pub title: Option<String>,
    /// A part the title must contain.
    #[serde(default)]
    pub title_contains: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub issuer: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub doc_number: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub date: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub period: Option<PeriodExpect>,
    pub measures: Vec<MeasureExpect>,
    pub targets: Vec<TargetExpect>,
    pub statistics: Vec<StatisticExpect>,
}

/// Expected measure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureExpect {
    #[serde(deserialize_with = "nullable")]
    pub number: Option<String>,
    pub path: Vec<String>,
    /// The parsed title must start with this (the whole title, final punctuation aside).
    pub title_starts: String,
    /// Responsible units in annotation order.
    pub units: Vec<UnitExpect>,
    pub key_enterprises: Vec<String>,
}

/// Expected responsible unit.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitExpect {
    pub name: String,
    pub canonical: String,
    pub role: String,
}

/// Expected target.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetExpect {
    /// A part the indicator as written must contain (not checked when left out).
    #[serde(default)]
    pub indicator_contains: Option<String>,
    /// Canonical indicator id: checked only when the field is written (`null` included).
    #[serde(default, deserialize_with = "optional_nullable")]
    pub indicator_id: Option<Option<String>>,
    pub value: f64,
    #[serde(deserialize_with = "nullable")]
    pub value_max: Option<f64>,
    pub unit: String,
    pub comparator: String,
    #[serde(deserialize_with = "nullable")]
    pub year: Option<i32>,
    /// Index into the expected `measures`.
    #[serde(deserialize_with = "nullable")]
    pub measure: Option<usize>,
    /// A part of the sentence that states the target; it also identifies the target.
    pub sentence_contains: String,
}

/// Expected statistic (current figure).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticExpect {
    #[serde(default)]
    pub indicator_contains: Option<String>,
    pub value: f64,
    pub unit: String,
    #[serde(deserialize_with = "nullable")]
    pub year: Option<i32>,
    pub sentence_contains: String,
}

/// Reads and checks one expectation file; a malformed file fails the test with its name.
pub fn load(path: &Path) -> DocExpect {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let doc: DocExpect = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: malformed expectation: {e}", path.display()));
    assert!(
        doc.title.is_some() != doc.title_contains.is_some(),
        "{}: give exactly one of `title` and `title_contains`",
        path.display()
    );
    for (i, t) in doc.targets.iter().enumerate() {
        if let Some(m) = t.measure {
            assert!(
                m < doc.measures.len(),
                "{}: targets[{i}].measure {m} is not a measure index",
                path.display()
            );
        }
    }
    doc
}
