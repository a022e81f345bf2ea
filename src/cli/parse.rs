//! `zonecompare parse FILE [--format json|text]`: parse one file, no database.

use std::io::Write;
use std::path::Path;

use super::ParseFormat;
use crate::{catalog::Catalog, ingest, parse};

/// Reads, cleans and parses `file`, printing the result to stdout. With `explain`
/// (`Some(json)`), prints what became of every figure instead, as JSON or as text.
pub fn run(file: &Path, format: ParseFormat, explain: Option<bool>) -> anyhow::Result<()> {
    let ingested = ingest::read_path(file)?;
    for note in &ingested.notes {
        eprintln!("warning: {}: {note}", crate::error::shown(file));
    }
    if let Some(json) = explain {
        let figures = parse::explain_text(&ingested.text, Catalog::in_use());
        let mut out = std::io::stdout().lock();
        if json {
            writeln!(out, "{}", serde_json::to_string_pretty(&figures)?)?;
        } else {
            write!(out, "{}", explained_text(&figures))?;
        }
        out.flush()?;
        return Ok(());
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

/// One line per figure: outcome, figure, year, rule, indicator and the sentence; then the
/// counts and what each rule named means.
fn explained_text(figures: &[parse::Explained]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut used: Vec<&str> = Vec::new();
    for f in figures {
        let year = f.year.map_or_else(|| "-".to_string(), |y| y.to_string());
        let figure = format!(
            "{}{}",
            crate::charts::labels::fmt_number(f.value, crate::charts::Lang::Zh),
            f.unit
        );
        let sentence: String = f.sentence.chars().take(60).collect();
        let _ = writeln!(
            out,
            "{:<9} {:<14} {:<5} {:<20} {}  «{}»",
            f.outcome.as_str(),
            figure,
            year,
            f.rule,
            f.indicator.as_deref().unwrap_or("-"),
            sentence.replace(['\n', '\r'], " ")
        );
        if !used.contains(&f.rule) {
            used.push(f.rule);
        }
    }
    let count = |o: parse::Outcome| figures.iter().filter(|f| f.outcome == o).count();
    let _ = writeln!(
        out,
        "\n{} figures: {} targets, {} statistics, {} nothing",
        figures.len(),
        count(parse::Outcome::Target),
        count(parse::Outcome::Statistic),
        count(parse::Outcome::Nothing)
    );
    for (name, meaning) in parse::EXPLAIN_RULES {
        if used.contains(name) {
            let _ = writeln!(out, "  {name}: {meaning}");
        }
    }
    out
}
