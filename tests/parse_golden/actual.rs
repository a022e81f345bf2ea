//! Runs the real pipeline on a corpus file (ingest → parse → contract JSON) and reads the
//! JSON back into plain types for comparison. Only the fields the checks use are declared;
//! the exact field set is checked separately against the schema.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zonecompare::catalog::Catalog;

/// Plan period as output.
#[derive(Debug, Deserialize, PartialEq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// Document as output by `parse --format json`.
#[derive(Debug, Deserialize)]
pub struct Doc {
    pub title: String,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub date: Option<String>,
    pub period: Option<Period>,
    pub measures: Vec<Measure>,
    pub targets: Vec<Target>,
    pub statistics: Vec<Statistic>,
}

/// Measure as output.
#[derive(Debug, Deserialize)]
pub struct Measure {
    pub number: Option<String>,
    pub path: Vec<String>,
    pub title: String,
    pub text: String,
    pub span: [usize; 2],
    pub responsible_units: Vec<Unit>,
    pub key_enterprises: Vec<String>,
}

/// Responsible unit as output.
#[derive(Debug, Deserialize)]
pub struct Unit {
    pub name: String,
    pub canonical: String,
    pub role: String,
}

/// Target as output.
#[derive(Debug, Deserialize)]
pub struct Target {
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub comparator: String,
    pub year: Option<i32>,
    pub measure: Option<usize>,
    pub sentence: String,
    pub span: [usize; 2],
}

/// Statistic as output.
#[derive(Debug, Deserialize)]
pub struct Statistic {
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub year: Option<i32>,
    pub sentence: String,
}

/// One corpus document run through the pipeline.
pub struct Parsed {
    /// Cleaned text every span refers to.
    pub text: String,
    /// The contract JSON.
    pub json: Value,
}

/// Crate root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Stems of the files in `data/corpus/`, sorted.
pub fn corpus_stems() -> Vec<String> {
    stems_in(&root().join("data/corpus"), "txt")
}

/// Stems of the files with extension `ext` in `dir`, sorted.
pub fn stems_in(dir: &Path, ext: &str) -> Vec<String> {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: cannot list: {e}", dir.display()));
    let mut stems: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    stems
}

/// Ingests and parses `data/corpus/<stem>.txt` with the bundled catalog.
pub fn parse_corpus_file(stem: &str) -> Parsed {
    let path = root().join("data/corpus").join(format!("{stem}.txt"));
    let ingested = zonecompare::ingest::read_path(&path)
        .unwrap_or_else(|e| panic!("{stem}: ingest failed: {e}"));
    let doc = zonecompare::parse::parse_text(&ingested.text, Catalog::in_use());
    Parsed {
        json: zonecompare::parse::json::to_json_value(&doc),
        text: ingested.text,
    }
}

/// Reads the contract JSON into the plain types.
pub fn typed(stem: &str, json: &Value) -> Doc {
    Doc::deserialize(json).unwrap_or_else(|e| panic!("{stem}: JSON does not fit the schema: {e}"))
}
