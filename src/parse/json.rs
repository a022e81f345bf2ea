//! The `parse --format json` contract (the schema the README documents), field for field.
//! Users' scripts and independent checks rely on it: change names or meanings only with a
//! new schema version.

use serde::Serialize;

use crate::model::{ParsedDocument, Period};

#[derive(Serialize)]
struct JsonDocument<'a> {
    title: &'a str,
    issuer: Option<&'a str>,
    doc_number: Option<&'a str>,
    date: Option<&'a str>,
    period: Option<Period>,
    measures: Vec<JsonMeasure<'a>>,
    targets: Vec<JsonTarget<'a>>,
    statistics: Vec<JsonStatistic<'a>>,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    name: &'a str,
    canonical: &'a str,
    role: &'static str,
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    number: Option<&'a str>,
    path: &'a [String],
    title: &'a str,
    text: &'a str,
    span: [usize; 2],
    responsible_units: Vec<JsonUnit<'a>>,
    key_enterprises: &'a [String],
    themes: &'a [String],
    instrument: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    indicator: &'a str,
    indicator_id: Option<&'a str>,
    value: f64,
    value_max: Option<f64>,
    unit: &'a str,
    comparator: &'static str,
    year: Option<i32>,
    measure: Option<usize>,
    sentence: &'a str,
    span: [usize; 2],
}

#[derive(Serialize)]
struct JsonStatistic<'a> {
    indicator: &'a str,
    value: f64,
    unit: &'a str,
    year: Option<i32>,
    sentence: &'a str,
}

fn view(doc: &ParsedDocument) -> JsonDocument<'_> {
    JsonDocument {
        title: &doc.title,
        issuer: doc.issuer.as_deref(),
        doc_number: doc.doc_number.as_deref(),
        date: doc.date.as_deref(),
        period: doc.period,
        measures: doc
            .measures
            .iter()
            .map(|m| JsonMeasure {
                number: m.number.as_deref(),
                path: &m.path,
                title: &m.title,
                text: &m.text,
                span: [m.span.0, m.span.1],
                responsible_units: m
                    .responsible_units
                    .iter()
                    .map(|u| JsonUnit {
                        name: &u.name,
                        canonical: &u.canonical,
                        role: u.role.as_str(),
                    })
                    .collect(),
                key_enterprises: &m.key_enterprises,
                themes: &m.themes,
                instrument: m.instrument.map(|i| i.as_str()),
            })
            .collect(),
        targets: doc
            .targets
            .iter()
            .map(|t| JsonTarget {
                indicator: &t.indicator,
                indicator_id: t.indicator_id.as_deref(),
                value: t.value,
                value_max: t.value_max,
                unit: &t.unit,
                comparator: t.comparator.as_str(),
                year: t.year,
                measure: t.measure,
                sentence: &t.sentence,
                span: [t.span.0, t.span.1],
            })
            .collect(),
        statistics: doc
            .statistics
            .iter()
            .map(|s| JsonStatistic {
                indicator: &s.indicator,
                value: s.value,
                unit: &s.unit,
                year: s.year,
                sentence: &s.sentence,
            })
            .collect(),
    }
}

/// The document as the JSON value of the contract.
pub fn to_json_value(doc: &ParsedDocument) -> serde_json::Value {
    serde_json::to_value(view(doc)).expect("plain data always serialises")
}

/// The document as pretty-printed JSON text of the contract.
pub fn to_json_string(doc: &ParsedDocument) -> String {
    serde_json::to_string_pretty(&view(doc)).expect("plain data always serialises")
}
