//! `zonecompare parse FILE [--format json|text]`: parse one file, no database.

use std::io::Write;
use std::path::Path;

use super::ParseFormat;
use crate::{catalog::Catalog, ingest, parse};

/// Reads, cleans and parses `file`, printing the result to stdout.
pub fn run(file: &Path, format: ParseFormat) -> anyhow::Result<()> {
    let ingested = ingest::read_path(file)?;
    for note in &ingested.notes {
        eprintln!("warning: {}: {note}", crate::error::shown(file));
    }
    let doc = parse::parse_text(&ingested.text, Catalog::in_use());
    let mut out = std::io::stdout().lock();
    match format {
        ParseFormat::Json => {
            let json = parse::json::to_json_string(&doc);
            writeln!(out, "{json}")?;
        }
        ParseFormat::Text => write!(out, "{}", parse::text::render(&doc))?,
    }
    out.flush()?;
    Ok(())
}
