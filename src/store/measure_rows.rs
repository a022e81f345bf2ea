//! Measure rows for a filter: the measures first, then their units, themes and target
//! counts in one query each (keyed by measure id) rather than three sub-queries per row.

use std::collections::HashMap;

use rusqlite::{Row, params_from_iter};

use super::Store;
use super::queries::Where;
use super::rows::MeasureRow;
use crate::error::Result;
use crate::model::{Instrument, ResponsibleUnit, Role};

/// The measures matching `w` (conditions on aliases `m` and `z`), in zone, document and
/// outline order, with units, themes and target counts.
/// At most `limit` rows when one is given.
pub(crate) fn load(store: &Store, w: &Where, limit: Option<usize>) -> Result<Vec<MeasureRow>> {
    let sql = format!(
        "SELECT m.id, m.doc_id, z.slug, m.number, m.path, m.title, m.text, m.span_start, \
         m.span_end, m.key_enterprises, m.instrument, m.corrected, m.instrument_subtype \
         FROM measures m JOIN zones z ON z.id = m.zone_id {} \
         ORDER BY m.zone_id, m.doc_id, m.ord{}",
        w.sql(),
        super::queries::limit_sql(limit)
    );
    let mut stmt = store.conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
    let mut rows = stmt
        .query_map(params_from_iter(w.params.iter()), measure_row)
        .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    if rows.is_empty() {
        return Ok(rows);
    }
    let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let ids = serde_json::to_string(&rows.iter().map(|m| m.id).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    attach(
        store,
        "SELECT ru.measure_id, ru.name, a.canonical, ru.role FROM responsible_units ru \
         JOIN agencies a ON a.id = ru.agency_id \
         WHERE ru.measure_id IN (SELECT value FROM json_each(?1)) ORDER BY ru.measure_id, ru.ord",
        &ids,
        |r| {
            let role: String = r.get(3)?;
            Ok(ResponsibleUnit {
                name: r.get(1)?,
                canonical: r.get(2)?,
                role: if role == "lead" { Role::Lead } else { Role::Co },
            })
        },
        |id, unit| rows[index[&id]].units.push(unit),
    )?;
    attach(
        store,
        "SELECT measure_id, theme FROM measure_themes \
         WHERE measure_id IN (SELECT value FROM json_each(?1)) ORDER BY measure_id, ord",
        &ids,
        |r| r.get::<_, String>(1),
        |id, theme| rows[index[&id]].themes.push(theme),
    )?;
    attach(
        store,
        "SELECT measure_id, count(*) FROM targets \
         WHERE measure_id IN (SELECT value FROM json_each(?1)) GROUP BY measure_id",
        &ids,
        |r| r.get::<_, i64>(1),
        |id, n| rows[index[&id]].target_count = n as usize,
    )?;
    Ok(rows)
}

/// Runs `sql` (first column: measure id, bound to the JSON array `ids`) and hands each
/// row's value to `put`.
fn attach<T>(
    store: &Store,
    sql: &str,
    ids: &str,
    value: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    mut put: impl FnMut(i64, T),
) -> Result<()> {
    let mut stmt = store.conn.prepare_cached(sql).map_err(|e| store.err(e))?;
    let mut rows = stmt.query([ids]).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let id: i64 = r.get(0).map_err(|e| store.err(e))?;
        put(id, value(r).map_err(|e| store.err(e))?);
    }
    Ok(())
}

fn json_list(s: Option<String>) -> Vec<String> {
    s.and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn instrument(s: Option<String>) -> Option<Instrument> {
    match s.as_deref() {
        Some("supply") => Some(Instrument::Supply),
        Some("environment") => Some(Instrument::Environment),
        Some("demand") => Some(Instrument::Demand),
        _ => None,
    }
}

fn measure_row(r: &Row<'_>) -> rusqlite::Result<MeasureRow> {
    Ok(MeasureRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        zone_slug: r.get(2)?,
        number: r.get(3)?,
        path: json_list(r.get(4)?),
        title: r.get(5)?,
        text: r.get(6)?,
        span: (r.get::<_, i64>(7)? as usize, r.get::<_, i64>(8)? as usize),
        key_enterprises: json_list(r.get(9)?),
        instrument: instrument(r.get(10)?),
        corrected: r.get(11)?,
        instrument_subtype: r.get(12)?,
        units: Vec::new(),
        themes: Vec::new(),
        target_count: 0,
    })
}
