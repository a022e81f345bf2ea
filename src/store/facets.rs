//! The values the filter lists offer (agencies, deadline years, canonical indicators),
//! read from indexes: a few hundred index probes whatever the number of documents, instead
//! of loading every target and agency-load row to collect them.

use rusqlite::types::Value;

use super::Store;
use super::rows::Facets;
use crate::error::Result;

pub(crate) fn facets(store: &Store) -> Result<Facets> {
    let agencies = {
        let mut stmt = store
            .conn
            .prepare_cached(
                "SELECT DISTINCT a.canonical FROM agencies a WHERE EXISTS \
                 (SELECT 1 FROM responsible_units u WHERE u.agency_id = a.id) \
                 ORDER BY a.canonical",
            )
            .map_err(|e| store.err(e))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(|e| store.err(e))?
    };
    let years = distinct(
        store,
        "SELECT min(year) FROM targets WHERE year > ?1",
        Value::Integer(i64::MIN),
    )?
    .into_iter()
    .filter_map(|v| match v {
        Value::Integer(y) => i32::try_from(y).ok(),
        _ => None,
    })
    .collect();
    let indicators = distinct(
        store,
        "SELECT min(indicator_id) FROM targets WHERE indicator_id > ?1",
        Value::Text(String::new()),
    )?
    .into_iter()
    .filter_map(|v| match v {
        Value::Text(s) => Some(s),
        _ => None,
    })
    .collect();
    Ok(Facets {
        agencies,
        years,
        indicators,
    })
}

/// Distinct values of an indexed column in ascending order, one index probe each: `sql`
/// returns the smallest value greater than its parameter (NULL when there is none).
fn distinct(store: &Store, sql: &str, first: Value) -> Result<Vec<Value>> {
    let mut stmt = store.conn.prepare_cached(sql).map_err(|e| store.err(e))?;
    let mut out = Vec::new();
    let mut after = first;
    loop {
        let next: Value = stmt
            .query_row([&after], |r| r.get(0))
            .map_err(|e| store.err(e))?;
        if next == Value::Null {
            return Ok(out);
        }
        out.push(next.clone());
        after = next;
    }
}
