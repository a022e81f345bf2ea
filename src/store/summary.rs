//! Zone summaries (Overview cards, `zones` command) and whole documents (reader).

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row};

use super::Store;
use super::rows::{DocumentInfo, DocumentText, ZoneSummary};
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
    let kind: String = r.get(4)?;
    let start: Option<i32> = r.get(8)?;
    let end: Option<i32> = r.get(9)?;
    Ok(DocumentInfo {
        id: r.get(0)?,
        zone_slug: r.get(1)?,
        title: r.get(2)?,
        source_name: r.get(3)?,
        kind: doc_kind(&kind),
        issuer: r.get(5)?,
        doc_number: r.get(6)?,
        date: r.get(7)?,
        period: start.zip(end).map(|(start, end)| Period { start, end }),
        sha256: r.get(10)?,
        imported_at: r.get(11)?,
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

/// Per-zone counts from a `SELECT zone_id, n` query.
fn counts(store: &Store, sql: &str) -> Result<HashMap<i64, usize>> {
    let mut stmt = store.conn.prepare_cached(sql).map_err(|e| store.err(e))?;
    stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as usize))
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}

/// Every zone, in creation order, with its documents, counts and themes.
pub(crate) fn zones(store: &Store) -> Result<Vec<ZoneSummary>> {
    let measures = counts(
        store,
        "SELECT zone_id, count(*) FROM measures GROUP BY zone_id",
    )?;
    let targets = counts(
        store,
        "SELECT zone_id, count(*) FROM targets GROUP BY zone_id",
    )?;
    let agencies = counts(
        store,
        "SELECT ru.zone_id, count(DISTINCT a.canonical) FROM responsible_units ru \
         JOIN agencies a ON a.id = ru.agency_id GROUP BY ru.zone_id",
    )?;
    let mut themes = themes_by_zone(store)?;
    let mut docs = documents_by_zone(store)?;
    let mut stmt = store
        .conn
        .prepare_cached(&format!("SELECT id, {ZONE_COLUMNS} FROM zones ORDER BY id"))
        .map_err(|e| store.err(e))?;
    let zone_rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, zone_row_at(r, 1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    Ok(zone_rows
        .into_iter()
        .map(|(id, mut zone)| {
            let documents = docs.remove(&zone.slug).unwrap_or_default();
            zone.documents = documents.iter().map(|d| d.source_name.clone()).collect();
            ZoneSummary {
                zone,
                documents,
                measure_count: measures.get(&id).copied().unwrap_or(0),
                target_count: targets.get(&id).copied().unwrap_or(0),
                agency_count: agencies.get(&id).copied().unwrap_or(0),
                top_themes: themes.remove(&id).unwrap_or_default(),
            }
        })
        .collect())
}

/// Theme counts per zone id, most frequent first.
fn themes_by_zone(store: &Store) -> Result<HashMap<i64, Vec<(String, usize)>>> {
    let mut stmt = store
        .conn
        .prepare_cached(
            "SELECT zone_id, theme, count(*) AS n FROM measure_themes \
             GROUP BY zone_id, theme ORDER BY zone_id, n DESC, theme",
        )
        .map_err(|e| store.err(e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    let mut themes: HashMap<i64, Vec<(String, usize)>> = HashMap::new();
    for (zone, theme, n) in rows {
        themes.entry(zone).or_default().push((theme, n as usize));
    }
    Ok(themes)
}

/// Documents per zone slug, in import order.
fn documents_by_zone(store: &Store) -> Result<HashMap<String, Vec<DocumentInfo>>> {
    let mut stmt = store
        .conn
        .prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d JOIN zones z ON z.id = d.zone_id ORDER BY d.id"
        ))
        .map_err(|e| store.err(e))?;
    let rows = stmt
        .query_map([], doc_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    let mut docs: HashMap<String, Vec<DocumentInfo>> = HashMap::new();
    for d in rows {
        docs.entry(d.zone_slug.clone()).or_default().push(d);
    }
    Ok(docs)
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
        return Err(store.fail(format!("no document with id {doc_id}")));
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
