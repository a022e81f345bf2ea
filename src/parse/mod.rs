//! Pure text → [`ParsedDocument`]: metadata, outline, measures, responsible units, targets
//! and statistics. No I/O, no SQL.

pub mod json;
pub mod numbers;
pub mod statistics;
pub mod targets;
pub mod text;

use crate::catalog::Catalog;
use crate::model::ParsedDocument;

/// Parses cleaned text into a structured document.
pub fn parse_text(text: &str, _catalog: &Catalog) -> ParsedDocument {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default()
        .to_string();
    ParsedDocument {
        title,
        ..ParsedDocument::default()
    }
}
