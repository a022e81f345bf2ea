//! Pure text → [`ParsedDocument`]: metadata, outline, measures, responsible units, targets
//! and statistics. No I/O, no SQL.
//!
//! Every span is a char offset into the cleaned text. Matching runs on a half-width view of
//! it ([`normalize`]), which has the same chars at the same offsets.

pub mod json;
pub(crate) mod layout;
mod lexicon;
mod lines;
pub mod measures;
pub mod metadata;
pub mod normalize;
pub mod numbers;
pub mod outline;
pub(crate) mod scan;
pub mod statistics;
pub mod tables;
pub mod tagging;
pub mod targets;
pub mod text;
pub mod units;

use crate::catalog::Catalog;
use crate::model::ParsedDocument;
pub use targets::explain::{Explained, Outcome, RULES as EXPLAIN_RULES};

/// Parses cleaned text into a structured document.
pub fn parse_text(text: &str, catalog: &Catalog) -> ParsedDocument {
    let (doc, _) = run(text, catalog, false);
    doc
}

/// What became of every figure of the text (a target, a statistic or nothing) and the
/// rule that decided: the decisions of [`parse_text`], in text order.
pub fn explain_text(text: &str, catalog: &Catalog) -> Vec<Explained> {
    run(text, catalog, true).1
}

fn run(text: &str, catalog: &Catalog, explain: bool) -> (ParsedDocument, Vec<Explained>) {
    let norm = normalize::NormText::new(text);
    let markers = outline::line_markers(&norm);
    let tables = tables::tables(&norm);
    let layout = layout::Layout::of(&norm, &markers, &tables);
    let headings = outline::headings_from(&norm, &markers);
    let meta = metadata::extract(&norm, headings.first().map(|h| h.line));
    let measures = measures::Extractor {
        text: &norm,
        headings: &headings,
        catalog,
        city: meta.city,
        news: meta.kind == crate::model::DocKind::News,
        tables: &tables,
    }
    .measures();
    let ctx = targets::TargetContext {
        period: meta.period,
        doc_year: meta.year,
        news: meta.kind == crate::model::DocKind::News,
        accounted: metadata::accounted_year(&meta.title),
    };
    let (mut targets, mut statistics, mut explained) = if explain {
        let explained = targets::explain_read(&layout, &measures, &ctx, catalog);
        (Vec::new(), Vec::new(), explained)
    } else {
        let (t, s) = targets::read(&layout, &measures, &ctx, catalog);
        (t, s, Vec::new())
    };
    // An indicator table is read by its columns, not as sentences.
    if tables.iter().any(|t| t.kind == tables::Kind::Indicators) {
        let mut from = targets::table_rows::read(&norm, &tables, &measures, &ctx, catalog);
        let in_table = |at: usize| {
            tables
                .iter()
                .any(|t| t.kind == tables::Kind::Indicators && t.start <= at && at < t.end)
        };
        targets.retain(|t| !in_table(t.span.0));
        statistics.retain(|s| !in_table(s.span.0));
        explained.retain(|e| !in_table(e.span.0));
        // A goal stated in the text and again in the table is one target: the text's.
        from.drop_restated(&targets, &explained);
        targets.extend(from.targets);
        statistics.extend(from.statistics);
        if explain {
            explained.extend(from.explained);
        }
        targets.sort_by_key(|t| t.span.0);
        statistics.sort_by_key(|s| s.span.0);
        explained.sort_by_key(|e| e.span.0);
    }
    let doc = ParsedDocument {
        title: meta.title,
        issuer: meta.issuer,
        doc_number: meta.doc_number,
        date: meta.date,
        period: meta.period,
        kind: meta.kind,
        outline: outline::sections(&norm, &headings),
        measures,
        targets,
        statistics,
    };
    (doc, explained)
}

#[cfg(test)]
mod run_tests;
