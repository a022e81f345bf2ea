//! Zone summaries (Overview cards, `zones` command) and whole documents (reader).

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row};

use super::Store;
use super::rows::{DocumentInfo, DocumentText, DocumentTitle, ZoneSummary};
use crate::error::Result;
use crate::model::{DocKind, Period, Section, Zone};

const ZONE_COLUMNS: &str = "slug, name_zh, name_en, city, province, level, kind";

fn zone_row(r: &Row<'_>) -> rusqlite::Result<Zone> {
    zone_row_at(r, 0)
}

fn doc_kind(s: &str) -> DocKind {
    match s {
        "opinion" => DocKind::Opinion,
        "implementation_plan" => DocKind::ImplementationPlan,
        "notice" => DocKind::Notice,
        "news" => DocKind::News,
        _ => DocKind::Plan,
    }
}

const DOC_COLUMNS: &str = "d.id, z.slug, d.title, d.source_name, d.kind, d.issuer, \
    d.doc_number, d.date, d.period_start, d.period_end, d.sha256, d.imported_at";

fn doc_row(r: &Row<'_>) -> rusqlite::Result<DocumentInfo> {
    doc_row_at(r, 0)
}

/// A document row whose [`DOC_COLUMNS`] start at column `at`.
fn doc_row_at(r: &Row<'_>, at: usize) -> rusqlite::Result<DocumentInfo> {
    let kind: String = r.get(at + 4)?;
    let start: Option<i32> = r.get(at + 8)?;
    let end: Option<i32> = r.get(at + 9)?;
    Ok(DocumentInfo {
        id: r.get(at)?,
        zone_slug: r.get(at + 1)?,
        title: r.get(at + 2)?,
        source_name: r.get(at + 3)?,
        kind: doc_kind(&kind),
        issuer: r.get(at + 5)?,
        doc_number: r.get(at + 6)?,
        date: r.get(at + 7)?,
        period: start.zip(end).map(|(start, end)| Period { start, end }),
        sha256: r.get(at + 10)?,
        imported_at: r.get(at + 11)?,
    })
}

/// One zone by slug.
pub(crate) fn zone(store: &Store, slug: &str) -> Result<Option<Zone>> {
    store
        .conn
        .query_row(
            &format!("SELECT {ZONE_COLUMNS} FROM zones WHERE slug = ?1"),
            [slug],
            zone_row,
        )
        .optional()
        .map_err(|e| store.err(e))
}

/// Runs `sql` (first column: a zone id) and hands each row to `put` with the position of
/// its zone in `zones` (rows of unknown zones are skipped).
fn per_zone(
    store: &Store,
    sql: &str,
    index: &HashMap<i64, usize>,
    mut put: impl FnMut(usize, &Row<'_>) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut stmt = store.conn.prepare_cached(sql).map_err(|e| store.err(e))?;
    let mut rows = stmt.query([]).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let zone: i64 = r.get(0).map_err(|e| store.err(e))?;
        if let Some(&i) = index.get(&zone) {
            put(i, r).map_err(|e| store.err(e))?;
        }
    }
    Ok(())
}

/// Zones read for a summary, with their row ids.
struct Summaries {
    out: Vec<ZoneSummary>,
    index: HashMap<i64, usize>,
    /// The chosen zones' row ids, comma-separated (`None`: every zone).
    ids: Option<String>,
}

impl Summaries {
    /// ` {keyword} {column} IN (…)` restricting a query to the chosen zones; nothing when
    /// every zone is summarised.
    fn zones_in(&self, keyword: &str, column: &str) -> String {
        match &self.ids {
            None => String::new(),
            Some(ids) => format!(" {keyword} {column} IN ({ids})"),
        }
    }
}

/// The zones (all, or those of `slugs`) in creation order with their counts (documents,
/// measures, targets, agencies) and no documents or themes.
fn briefs(store: &Store, slugs: Option<&[String]>) -> Result<Summaries> {
    let chosen = match slugs {
        None => String::new(),
        Some(slugs) => format!(" WHERE slug IN ({})", vec!["?"; slugs.len()].join(", ")),
    };
    let mut stmt = store
        .conn
        .prepare_cached(&format!(
            "SELECT id, {ZONE_COLUMNS} FROM zones{chosen} ORDER BY id"
        ))
        .map_err(|e| store.err(e))?;
    let mut s = Summaries {
        out: Vec::new(),
        index: HashMap::new(),
        ids: None,
    };
    let params = rusqlite::params_from_iter(slugs.unwrap_or_default());
    let mut rows = stmt.query(params).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let id: i64 = r.get(0).map_err(|e| store.err(e))?;
        s.index.insert(id, s.out.len());
        s.out.push(ZoneSummary {
            zone: zone_row_at(r, 1).map_err(|e| store.err(e))?,
            documents: Vec::new(),
            document_count: 0,
            measure_count: 0,
            target_count: 0,
            agency_count: 0,
            top_themes: Vec::new(),
        });
    }
    // Zone ids are integers read above: safe to write into the statements.
    if slugs.is_some() {
        let ids: Vec<String> = s.index.keys().map(|id| id.to_string()).collect();
        s.ids = Some(ids.join(","));
    }
    let counts = format!(
        "SELECT zone_id, count(*), sum(measure_count), sum(target_count) FROM documents{} \
         GROUP BY zone_id",
        s.zones_in("WHERE", "zone_id")
    );
    let agencies = format!(
        "SELECT zone_id, agencies FROM zone_agency_totals{}",
        s.zones_in("WHERE", "zone_id")
    );
    let (out, index) = (&mut s.out, &s.index);
    per_zone(store, &counts, index, |i, r| {
        out[i].document_count = r.get::<_, i64>(1)? as usize;
        out[i].measure_count = r.get::<_, i64>(2)? as usize;
        out[i].target_count = r.get::<_, i64>(3)? as usize;
        Ok(())
    })?;
    per_zone(store, &agencies, index, |i, r| {
        out[i].agency_count = r.get::<_, i64>(1)?.max(0) as usize;
        Ok(())
    })?;
    Ok(s)
}

/// Adds each zone's documents and theme counts to its brief summary.
fn add_details(store: &Store, s: &mut Summaries) -> Result<()> {
    let themes = format!(
        "SELECT zone_id, theme, n FROM zone_theme_counts WHERE n > 0{}",
        s.zones_in("AND", "zone_id")
    );
    let documents = format!(
        "SELECT d.zone_id, {DOC_COLUMNS} FROM documents d \
         JOIN zones z ON z.id = d.zone_id{} ORDER BY d.id",
        s.zones_in("WHERE", "d.zone_id")
    );
    let (out, index) = (&mut s.out, &s.index);
    per_zone(store, &themes, index, |i, r| {
        let n = r.get::<_, i64>(2)? as usize;
        out[i].top_themes.push((r.get(1)?, n));
        Ok(())
    })?;
    per_zone(store, &documents, index, |i, r| {
        out[i].documents.push(doc_row_at(r, 1)?);
        Ok(())
    })?;
    for z in out.iter_mut() {
        // Most frequent first, then by theme id.
        z.top_themes
            .sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        z.zone.documents = z.documents.iter().map(|d| d.source_name.clone()).collect();
    }
    Ok(())
}

/// Every zone, in creation order, with its documents, counts and themes. The counts come
/// from the per-document counts and the per-zone tables kept on import (schema 6 and 8),
/// so this reads one row per zone, document and (zone, theme), never the measures.
pub(crate) fn zones(store: &Store) -> Result<Vec<ZoneSummary>> {
    let mut s = briefs(store, None)?;
    add_details(store, &mut s)?;
    Ok(s.out)
}

/// Every zone with its counts only (no documents or themes): one row per zone, however
/// many documents there are.
pub(crate) fn zone_briefs(store: &Store) -> Result<Vec<ZoneSummary>> {
    Ok(briefs(store, None)?.out)
}

/// The full summaries of the zones named in `slugs` (unknown slugs are skipped), in
/// creation order.
pub(crate) fn zone_details(store: &Store, slugs: &[String]) -> Result<Vec<ZoneSummary>> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let mut s = briefs(store, Some(slugs))?;
    if s.out.is_empty() {
        return Ok(Vec::new());
    }
    add_details(store, &mut s)?;
    Ok(s.out)
}

/// Every document's id, zone and title, in import order (a document picker's list).
pub(crate) fn document_titles(store: &Store) -> Result<Vec<DocumentTitle>> {
    let mut stmt = store
        .conn
        .prepare_cached(
            "SELECT d.id, z.slug, d.title FROM documents d \
             JOIN zones z ON z.id = d.zone_id ORDER BY d.id",
        )
        .map_err(|e| store.err(e))?;
    stmt.query_map([], |r| {
        Ok(DocumentTitle {
            id: r.get(0)?,
            zone_slug: r.get(1)?,
            title: r.get(2)?,
        })
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}

fn zone_row_at(r: &Row<'_>, at: usize) -> rusqlite::Result<Zone> {
    Ok(Zone {
        slug: r.get(at)?,
        name_zh: r.get(at + 1)?,
        name_en: r.get(at + 2)?,
        city: r.get(at + 3)?,
        province: r.get(at + 4)?,
        level: r.get(at + 5)?,
        kind: r.get(at + 6)?,
        documents: Vec::new(),
    })
}

/// One document's cleaned text and outline.
/// The documents with these ids (without their texts), in id order.
pub(crate) fn documents_info(store: &Store, ids: &[i64]) -> Result<Vec<DocumentInfo>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = store
        .conn
        .prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d JOIN zones z ON z.id = d.zone_id \
             WHERE d.id IN (SELECT value FROM json_each(?1)) ORDER BY d.id"
        ))
        .map_err(|e| store.err(e))?;
    stmt.query_map([json], doc_row)
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))
}

pub(crate) fn document(store: &Store, doc_id: i64) -> Result<DocumentText> {
    let row = store
        .conn
        .query_row(
            &format!(
                "SELECT {DOC_COLUMNS}, t.clean_text FROM documents d \
                 JOIN document_texts t ON t.doc_id = d.id \
                 JOIN zones z ON z.id = d.zone_id WHERE d.id = ?1"
            ),
            [doc_id],
            |r| Ok((doc_row(r)?, r.get::<_, String>(12)?)),
        )
        .optional()
        .map_err(|e| store.err(e))?;
    let Some((info, text)) = row else {
        return Err(store.fail_as(
            crate::error::StoreFault::NotFound,
            format!("no document with id {doc_id}"),
        ));
    };
    let mut stmt = store
        .conn
        .prepare_cached(
            "SELECT number, title, level, parent_ord, span_start, span_end FROM sections \
             WHERE doc_id = ?1 ORDER BY ord",
        )
        .map_err(|e| store.err(e))?;
    let outline = stmt
        .query_map([doc_id], |r| {
            Ok(Section {
                number: r.get(0)?,
                title: r.get(1)?,
                level: r.get(2)?,
                parent: r.get::<_, Option<i64>>(3)?.map(|p| p as usize),
                span: (r.get::<_, i64>(4)? as usize, r.get::<_, i64>(5)? as usize),
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    Ok(DocumentText {
        info,
        text,
        outline,
    })
}
