//! `zonecompare diff OLD NEW [--format text|json]`: what changed between two versions of a
//! plan, each a file (parsed, no database) or the id of a stored document.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde_json::Value;

use super::table::{Table, number};
use crate::analysis::diff::{MeasureRef, PlanDiff, TargetChange, TargetRef, Version, diff};
use crate::catalog::Catalog;
use crate::store::Store;
use crate::store::rows::Filter;
use crate::{ingest, parse};

/// Output of `diff`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum DiffFormat {
    /// A summary line and one row per change.
    #[default]
    Text,
    /// `{"measures": {added, removed, changed}, "targets": {raised, lowered, added,
    /// removed, moved, unchanged}}`.
    Json,
}

/// Loads both versions, compares them and prints the result.
pub fn run(db: Option<PathBuf>, old: &str, new: &str, format: DiffFormat) -> anyhow::Result<()> {
    let mut store = None;
    let old = load(&mut store, &db, old)?;
    let new = load(&mut store, &db, new)?;
    let result = diff(&old, &new);
    let text = match format {
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(&result)?;
            s.push('\n');
            s
        }
        DiffFormat::Text => render(&result),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A version from a file when `arg` names one, else from the stored document with that id
/// (the database is opened on first need).
fn load(store: &mut Option<Store>, db: &Option<PathBuf>, arg: &str) -> anyhow::Result<Version> {
    let path = Path::new(arg);
    if path.exists() {
        let ingested = ingest::read_path(path)?;
        for note in &ingested.notes {
            eprintln!("warning: {}: {note}", crate::error::shown(path));
        }
        let doc = parse::parse_text(&ingested.text, Catalog::in_use());
        return Ok(Version::from_parsed(&crate::error::shown(path), &doc));
    }
    let Ok(id) = arg.parse::<i64>() else {
        anyhow::bail!(
            "{}: no such file (nor a stored document id)",
            crate::error::shown(path)
        );
    };
    if store.is_none() {
        *store = Some(super::open_store(db.clone())?);
    }
    let Some(store) = store.as_ref() else {
        unreachable!("opened above")
    };
    if store.document_titles()?.iter().all(|d| d.id != id) {
        anyhow::bail!("document {id}: no stored document has this id (and no file is named so)");
    }
    let info = store.document(id)?.info;
    let filter = Filter {
        document: Some(id),
        ..Filter::default()
    };
    let label = format!("document {id} ({}: {})", info.zone_slug, info.title);
    Ok(Version::from_rows(
        &label,
        &store.measures(&filter)?,
        &store.targets(&filter)?,
    ))
}

/// The readable form: a summary, then one row per change (unchanged targets counted only).
pub fn render(d: &PlanDiff) -> String {
    let m = &d.measures;
    let t = &d.targets;
    let mut s = format!(
        "old: {}\nnew: {}\nmeasures: {} added, {} removed, {} changed\n\
         targets: {} raised, {} lowered, {} added, {} removed, {} moved, {} unchanged\n",
        d.old,
        d.new,
        m.added.len(),
        m.removed.len(),
        m.changed.len(),
        t.raised.len(),
        t.lowered.len(),
        t.added.len(),
        t.removed.len(),
        t.moved.len(),
        t.unchanged.len()
    );
    if d.is_empty() {
        return s;
    }
    let mut table = Table::new(&["change", "item", "old", "new"], &[]);
    let measure = |r: &MeasureRef| format!("{} {}", r.path.join("/"), r.title);
    for r in &m.added {
        table.push(row("measure added", &measure(r), "", &r.title));
    }
    for r in &m.removed {
        table.push(row("measure removed", &measure(r), &r.title, ""));
    }
    for c in &m.changed {
        let what = if c.title_changed || c.text_changed {
            "measure reworded"
        } else {
            "agencies changed"
        };
        let agencies = |added: &[String], removed: &[String]| {
            let mut parts: Vec<String> = added.iter().map(|a| format!("+{a}")).collect();
            parts.extend(removed.iter().map(|a| format!("-{a}")));
            parts.join(" ")
        };
        table.push(row(
            what,
            &measure(&c.new),
            &c.old.title,
            &format!(
                "{} {}",
                c.new.title,
                agencies(&c.agencies_added, &c.agencies_removed)
            ),
        ));
    }
    let changed = |table: &mut Table, kind: &str, list: &[TargetChange]| {
        for c in list {
            table.push(row(
                kind,
                &c.new.indicator,
                &figure(&c.old),
                &figure(&c.new),
            ));
        }
    };
    changed(&mut table, "target raised", &t.raised);
    changed(&mut table, "target lowered", &t.lowered);
    changed(&mut table, "deadline moved", &t.moved);
    for r in &t.added {
        table.push(row("target added", &r.indicator, "", &figure(r)));
    }
    for r in &t.removed {
        table.push(row("target removed", &r.indicator, &figure(r), ""));
    }
    s.push('\n');
    s.push_str(&table.to_text());
    s
}

fn row(change: &str, item: &str, old: &str, new: &str) -> Vec<Value> {
    vec![change.into(), item.into(), old.into(), new.into()]
}

/// `>=120户 (2025)`.
fn figure(t: &TargetRef) -> String {
    let value = match t.value_max {
        Some(max) => format!("{}-{}", number(t.value), number(max)),
        None => number(t.value).to_string(),
    };
    let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
    format!("{}{value}{}{year}", t.comparator.as_str(), t.unit)
}
