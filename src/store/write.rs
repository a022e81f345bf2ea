//! Writing one document's extraction (outline, measures, units, themes, targets,
//! statistics) inside a caller's transaction.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::model::{ParsedDocument, ResponsibleUnit};

/// Why an extraction could not be written: a database error or an inconsistent document.
#[derive(Debug)]
pub(crate) enum WriteError {
    Db(rusqlite::Error),
    Invalid(String),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Db(e)
    }
}

type WResult<T> = std::result::Result<T, WriteError>;

/// Stable keys of a document's measures and targets, in order: what a correction is
/// attached to so that it finds its item again after a re-parse (row ids change).
/// A measure is known by its outline path and the start of its text, a target by its
/// sentence; `#k` tells apart the k-th item with the same key.
pub fn item_keys(doc: &ParsedDocument) -> (Vec<String>, Vec<String>) {
    let measures = doc.measures.iter().map(|m| {
        let head: String = m
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(24)
            .collect();
        format!("{}|{head}", m.path.join("/"))
    });
    let targets = doc.targets.iter().map(|t| t.sentence.trim().to_string());
    (number_duplicates(measures), number_duplicates(targets))
}

fn number_duplicates(keys: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    keys.map(|k| {
        let n = seen.entry(k.clone()).or_insert(0);
        let key = format!("{k}#{n}");
        *n += 1;
        key
    })
    .collect()
}

/// The zone a document belongs to: its row id (stored on every extraction row) and city
/// (selects agency aliases).
#[derive(Debug, Clone)]
pub(crate) struct ZoneRef {
    pub id: i64,
    pub city: String,
}

/// Identity and text of a document row.
pub(crate) struct DocRow<'a> {
    pub zone_id: i64,
    pub sha256: &'a str,
    pub source_name: &'a str,
    pub source_path: Option<String>,
    pub raw: &'a str,
    pub clean: &'a str,
}

/// Inserts a document row (metadata from `doc`) and returns its id.
pub(crate) fn insert_document(
    tx: &Connection,
    row: &DocRow<'_>,
    doc: &ParsedDocument,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO documents (zone_id, sha256, source_name, source_path, \
         parser_version, imported_at, title, issuer, doc_number, date, \
         period_start, period_end, kind) VALUES (?1, ?2, ?3, ?4, ?5, \
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        row.zone_id,
        row.sha256,
        row.source_name,
        row.source_path,
        super::parser_version(),
        doc.title,
        doc.issuer,
        doc.doc_number,
        doc.date,
        doc.period.map(|x| x.start),
        doc.period.map(|x| x.end),
        doc.kind.as_str()
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO document_texts (doc_id, raw_text, clean_text) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, row.raw, row.clean])?;
    Ok(id)
}

/// Checks what the schema cannot: indices and spans point inside the document.
fn validate(doc: &ParsedDocument, text_chars: usize) -> WResult<()> {
    let span_ok = |s: (usize, usize)| s.0 <= s.1 && s.1 <= text_chars;
    for (i, s) in doc.outline.iter().enumerate() {
        if s.parent.is_some_and(|p| p >= i) || !span_ok(s.span) {
            return Err(WriteError::Invalid(format!(
                "outline entry {i} is inconsistent"
            )));
        }
    }
    if let Some(i) = doc.measures.iter().position(|m| !span_ok(m.span)) {
        return Err(WriteError::Invalid(format!(
            "measure {i} lies outside the text"
        )));
    }
    for (i, t) in doc.targets.iter().enumerate() {
        if t.measure.is_some_and(|m| m >= doc.measures.len()) || !span_ok(t.span) {
            return Err(WriteError::Invalid(format!("target {i} is inconsistent")));
        }
    }
    if let Some(i) = doc.statistics.iter().position(|s| !span_ok(s.span)) {
        return Err(WriteError::Invalid(format!(
            "statistic {i} lies outside the text"
        )));
    }
    Ok(())
}

/// Inserts the extraction of `doc` for document `doc_id` (whose old extraction, if any, is
/// already deleted) in `zone`. Returns (measures, targets) written.
pub(crate) fn insert_extraction(
    tx: &Connection,
    doc_id: i64,
    zone: &ZoneRef,
    doc: &ParsedDocument,
    text_chars: usize,
) -> WResult<(usize, usize)> {
    validate(doc, text_chars)?;
    let mut sec = tx.prepare_cached(
        "INSERT INTO sections (doc_id, ord, parent_ord, number, title, level, span_start, \
         span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, s) in doc.outline.iter().enumerate() {
        sec.execute(params![
            doc_id,
            i as i64,
            s.parent.map(|p| p as i64),
            s.number,
            s.title,
            s.level,
            s.span.0 as i64,
            s.span.1 as i64
        ])?;
    }
    let (measure_keys, target_keys) = item_keys(doc);
    let measure_ids = insert_measures(tx, doc_id, zone, doc, &measure_keys)?;
    let mut tgt = tx.prepare_cached(
        "INSERT INTO targets (doc_id, ord, item_key, measure_id, indicator, indicator_id, \
         value, value_max, unit, comparator, year, sentence, span_start, span_end, zone_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, t) in doc.targets.iter().enumerate() {
        tgt.execute(params![
            doc_id,
            i as i64,
            target_keys[i],
            t.measure.map(|m| measure_ids[m]),
            t.indicator,
            t.indicator_id,
            t.value,
            t.value_max,
            t.unit,
            t.comparator.as_str(),
            t.year,
            t.sentence,
            t.span.0 as i64,
            t.span.1 as i64,
            zone.id
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO statistics (doc_id, ord, indicator, indicator_id, value, unit, year, \
         sentence, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, s) in doc.statistics.iter().enumerate() {
        st.execute(params![
            doc_id,
            i as i64,
            s.indicator,
            s.indicator_id,
            s.value,
            s.unit,
            s.year,
            s.sentence,
            s.span.0 as i64,
            s.span.1 as i64
        ])?;
    }
    // Counts read by the zone summaries (schema 8).
    tx.prepare_cached("UPDATE documents SET measure_count = ?2, target_count = ?3 WHERE id = ?1")?
        .execute(params![
            doc_id,
            doc.measures.len() as i64,
            doc.targets.len() as i64
        ])?;
    Ok((doc.measures.len(), doc.targets.len()))
}

fn insert_measures(
    tx: &Connection,
    doc_id: i64,
    zone: &ZoneRef,
    doc: &ParsedDocument,
    keys: &[String],
) -> WResult<Vec<i64>> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO measures (doc_id, ord, item_key, number, path, title, text, span_start, \
         span_end, key_enterprises, instrument, instrument_subtype, zone_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut ids = Vec::with_capacity(doc.measures.len());
    let mut agencies = AgencyIds::default();
    for (i, m) in doc.measures.iter().enumerate() {
        ins.execute(params![
            doc_id,
            i as i64,
            keys[i],
            m.number,
            json(&m.path),
            m.title,
            m.text,
            m.span.0 as i64,
            m.span.1 as i64,
            json(&m.key_enterprises),
            m.instrument.map(|x| x.as_str()),
            m.instrument_subtype,
            zone.id
        ])?;
        let id = tx.last_insert_rowid();
        insert_units(tx, id, zone, &m.responsible_units, &mut agencies)?;
        insert_themes(tx, id, zone.id, &m.themes)?;
        ids.push(id);
    }
    Ok(ids)
}

/// Replaces the themes of a measure.
pub(crate) fn write_themes(
    tx: &Connection,
    measure_id: i64,
    zone_id: i64,
    themes: &[String],
) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM measure_themes WHERE measure_id = ?1")?
        .execute([measure_id])?;
    insert_themes(tx, measure_id, zone_id, themes)
}

/// Adds the themes of a measure that has none yet (a new one).
fn insert_themes(
    tx: &Connection,
    measure_id: i64,
    zone_id: i64,
    themes: &[String],
) -> rusqlite::Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT OR IGNORE INTO measure_themes (measure_id, ord, theme, zone_id) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, t) in themes.iter().enumerate() {
        ins.execute(params![measure_id, i as i64, t, zone_id])?;
    }
    Ok(())
}

/// Agency row ids looked up (or created) during one write, by (city, canonical name).
#[derive(Default)]
pub(crate) struct AgencyIds(HashMap<(String, String), i64>);

impl AgencyIds {
    /// Row id of the canonical agency as used in `city`: the city's own entry, else a
    /// nationwide (`*`) one, else a new entry for the city.
    fn id(&mut self, tx: &Connection, city: &str, canonical: &str) -> rusqlite::Result<i64> {
        let key = (city.to_string(), canonical.to_string());
        if let Some(&id) = self.0.get(&key) {
            return Ok(id);
        }
        // Two probes of the (city, canonical) index; an ORDER BY over both cities made
        // SQLite build a sorter for every lookup.
        let found: Option<i64> = tx
            .prepare_cached(
                "SELECT coalesce(\
                 (SELECT id FROM agencies WHERE city = ?2 AND canonical = ?1), \
                 (SELECT id FROM agencies WHERE city = '*' AND canonical = ?1))",
            )?
            .query_row(params![canonical, city], |r| r.get(0))?;
        let id = match found {
            Some(id) => id,
            None => {
                tx.prepare_cached("INSERT INTO agencies (canonical, city) VALUES (?1, ?2)")?
                    .execute(params![canonical, city])?;
                tx.last_insert_rowid()
            }
        };
        self.0.insert(key, id);
        Ok(id)
    }
}

/// Replaces the responsible units of a measure.
pub(crate) fn write_units(
    tx: &Connection,
    measure_id: i64,
    zone: &ZoneRef,
    units: &[ResponsibleUnit],
    agencies: &mut AgencyIds,
) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM responsible_units WHERE measure_id = ?1")?
        .execute([measure_id])?;
    insert_units(tx, measure_id, zone, units, agencies)
}

/// Adds the responsible units of a measure that has none yet (a new one).
fn insert_units(
    tx: &Connection,
    measure_id: i64,
    zone: &ZoneRef,
    units: &[ResponsibleUnit],
    agencies: &mut AgencyIds,
) -> rusqlite::Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO responsible_units (measure_id, ord, name, agency_id, role, zone_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, u) in units.iter().enumerate() {
        let canonical = if u.canonical.is_empty() {
            &u.name
        } else {
            &u.canonical
        };
        let agency = agencies.id(tx, &zone.city, canonical)?;
        let role = u.role.as_str();
        ins.execute(params![measure_id, i as i64, u.name, agency, role, zone.id])?;
    }
    Ok(())
}

/// A string list as stored in a JSON column.
pub(crate) fn json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}
