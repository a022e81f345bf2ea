//! User corrections as overlays. The extraction tables hold the effective (corrected)
//! values so every filter sees them; the `corrections` table holds each overlay with the
//! parsed values it replaced, keyed by document sha256 + item key so it is re-applied when
//! the document is parsed again.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Store;
use super::rows::{MeasureCorrection, TargetCorrection};
use super::write::{self, AgencyIds, ZoneRef};
use crate::error::Result;
use crate::model::{Comparator, ResponsibleUnit, Role};

/// The correctable fields of a target, as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct TargetValues {
    indicator: String,
    indicator_id: Option<String>,
    value: f64,
    unit: String,
    comparator: String,
    year: Option<i32>,
}

impl TargetValues {
    fn with(&self, c: &TargetCorrection) -> TargetValues {
        TargetValues {
            indicator: c
                .indicator
                .clone()
                .unwrap_or_else(|| self.indicator.clone()),
            indicator_id: c.indicator_id.clone().or_else(|| self.indicator_id.clone()),
            value: c.value.unwrap_or(self.value),
            unit: c.unit.clone().unwrap_or_else(|| self.unit.clone()),
            comparator: c
                .comparator
                .map(|x| x.as_str().to_string())
                .unwrap_or_else(|| self.comparator.clone()),
            year: if c.clear_year {
                None
            } else {
                c.year.or(self.year)
            },
        }
    }
}

/// The correctable fields of a measure, as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MeasureValues {
    themes: Vec<String>,
    units: Vec<ResponsibleUnit>,
}

impl MeasureValues {
    fn with(&self, c: &MeasureCorrection) -> MeasureValues {
        MeasureValues {
            themes: c.themes.clone().unwrap_or_else(|| self.themes.clone()),
            units: c.units.clone().unwrap_or_else(|| self.units.clone()),
        }
    }
}

fn read_target(tx: &Connection, id: i64) -> rusqlite::Result<TargetValues> {
    tx.query_row(
        "SELECT indicator, indicator_id, value, unit, comparator, year FROM targets WHERE id = ?1",
        [id],
        |r| {
            Ok(TargetValues {
                indicator: r.get(0)?,
                indicator_id: r.get(1)?,
                value: r.get(2)?,
                unit: r.get(3)?,
                comparator: r.get(4)?,
                year: r.get(5)?,
            })
        },
    )
}

fn write_target(
    tx: &Connection,
    id: i64,
    v: &TargetValues,
    corrected: bool,
) -> rusqlite::Result<()> {
    let comparator = Comparator::parse(&v.comparator).map_or("=", |c| c.as_str());
    tx.execute(
        "UPDATE targets SET indicator = ?2, indicator_id = ?3, value = ?4, unit = ?5, \
         comparator = ?6, year = ?7, corrected = ?8 WHERE id = ?1",
        params![
            id,
            v.indicator,
            v.indicator_id,
            v.value,
            v.unit,
            comparator,
            v.year,
            corrected
        ],
    )?;
    Ok(())
}

fn read_measure(tx: &Connection, id: i64) -> rusqlite::Result<MeasureValues> {
    let themes = tx
        .prepare_cached("SELECT theme FROM measure_themes WHERE measure_id = ?1 ORDER BY ord")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let units = tx
        .prepare_cached(
            "SELECT ru.name, a.canonical, ru.role FROM responsible_units ru \
             JOIN agencies a ON a.id = ru.agency_id WHERE ru.measure_id = ?1 ORDER BY ru.ord",
        )?
        .query_map([id], |r| {
            let role: String = r.get(2)?;
            Ok(ResponsibleUnit {
                name: r.get(0)?,
                canonical: r.get(1)?,
                role: if role == "lead" { Role::Lead } else { Role::Co },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(MeasureValues { themes, units })
}

fn write_measure(
    tx: &Connection,
    id: i64,
    zone: &ZoneRef,
    v: &MeasureValues,
    corrected: bool,
) -> rusqlite::Result<()> {
    write::write_themes(tx, id, zone.id, &v.themes)?;
    write::write_units(tx, id, zone, &v.units, &mut AgencyIds::default())?;
    tx.execute(
        "UPDATE measures SET corrected = ?2 WHERE id = ?1",
        params![id, corrected],
    )?;
    Ok(())
}

/// (document sha256, item key, zone) of a target or measure row.
fn item_of(
    tx: &Connection,
    table: &str,
    id: i64,
) -> rusqlite::Result<Option<(String, String, ZoneRef)>> {
    tx.query_row(
        &format!(
            "SELECT d.sha256, x.item_key, z.id, z.city FROM {table} x JOIN documents d ON d.id = x.doc_id \
             JOIN zones z ON z.id = d.zone_id WHERE x.id = ?1"
        ),
        [id],
        |r| {
            let zone = ZoneRef {
                id: r.get(2)?,
                city: r.get(3)?,
            };
            Ok((r.get(0)?, r.get(1)?, zone))
        },
    )
    .optional()
}

fn stored_original(
    tx: &Connection,
    sha: &str,
    kind: &str,
    key: &str,
) -> rusqlite::Result<Option<String>> {
    tx.query_row(
        "SELECT original FROM corrections WHERE doc_sha256 = ?1 AND item_kind = ?2 AND item_key = ?3",
        params![sha, kind, key],
        |r| r.get(0),
    )
    .optional()
}

fn save_overlay(
    tx: &Connection,
    sha: &str,
    kind: &str,
    key: &str,
    overlay: &str,
    original: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO corrections (doc_sha256, item_kind, item_key, overlay, original, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) \
         ON CONFLICT (doc_sha256, item_kind, item_key) DO UPDATE SET overlay = excluded.overlay, \
         original = excluded.original, updated_at = excluded.updated_at",
        params![sha, kind, key, overlay, original],
    )?;
    Ok(())
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// One correctable row: its document's content hash, its stable key and its zone.
struct Item {
    sha: String,
    key: String,
    zone: ZoneRef,
}

/// Runs `work` on target or measure `id` inside one immediate transaction; an unknown id
/// is an error naming it.
fn with_item(
    store: &mut Store,
    kind: &str,
    id: i64,
    work: impl FnOnce(&Connection, &Item) -> rusqlite::Result<()>,
) -> Result<()> {
    let path = store.path.clone();
    let err = |e| super::migrate::db_err(&path, e);
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(err)?;
    let table = if kind == "target" {
        "targets"
    } else {
        "measures"
    };
    let Some((sha, key, zone)) = item_of(&tx, table, id).map_err(err)? else {
        return Err(store_missing(&path, kind, id));
    };
    work(&tx, &Item { sha, key, zone }).map_err(err)?;
    tx.commit().map_err(err)
}

/// The parsed values an overlay replaced, as recorded with it, else the row as it stands.
fn original_of<T: serde::de::DeserializeOwned>(
    tx: &Connection,
    kind: &str,
    item: &Item,
    current: impl FnOnce() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let stored = stored_original(tx, &item.sha, kind, &item.key)?;
    match stored.and_then(|json| serde_json::from_str(&json).ok()) {
        Some(original) => Ok(original),
        None => current(),
    }
}

/// Forgets the overlay of one item, handing back the parsed values it had recorded.
fn drop_overlay<T: serde::de::DeserializeOwned>(
    tx: &Connection,
    kind: &str,
    item: &Item,
) -> rusqlite::Result<Option<T>> {
    let stored = stored_original(tx, &item.sha, kind, &item.key)?;
    tx.execute(
        "DELETE FROM corrections WHERE doc_sha256 = ?1 AND item_kind = ?2 AND item_key = ?3",
        params![item.sha, kind, item.key],
    )?;
    Ok(stored.and_then(|json| serde_json::from_str(&json).ok()))
}

pub(crate) fn correct_target(store: &mut Store, id: i64, c: &TargetCorrection) -> Result<()> {
    with_item(store, "target", id, |tx, item| {
        let original: TargetValues = original_of(tx, "target", item, || read_target(tx, id))?;
        write_target(tx, id, &original.with(c), true)?;
        save_overlay(
            tx,
            &item.sha,
            "target",
            &item.key,
            &to_json(c),
            &to_json(&original),
        )
    })
}

pub(crate) fn reset_target(store: &mut Store, id: i64) -> Result<()> {
    with_item(store, "target", id, |tx, item| {
        match drop_overlay::<TargetValues>(tx, "target", item)? {
            Some(original) => write_target(tx, id, &original, false),
            None => Ok(()),
        }
    })
}

pub(crate) fn correct_measure(store: &mut Store, id: i64, c: &MeasureCorrection) -> Result<()> {
    with_item(store, "measure", id, |tx, item| {
        let original: MeasureValues = original_of(tx, "measure", item, || read_measure(tx, id))?;
        write_measure(tx, id, &item.zone, &original.with(c), true)?;
        save_overlay(
            tx,
            &item.sha,
            "measure",
            &item.key,
            &to_json(c),
            &to_json(&original),
        )
    })
}

pub(crate) fn reset_measure(store: &mut Store, id: i64) -> Result<()> {
    with_item(store, "measure", id, |tx, item| {
        match drop_overlay::<MeasureValues>(tx, "measure", item)? {
            Some(original) => write_measure(tx, id, &item.zone, &original, false),
            None => Ok(()),
        }
    })
}

fn store_missing(path: &std::path::Path, what: &str, id: i64) -> crate::Error {
    crate::Error::store(
        path,
        crate::error::StoreFault::NotFound,
        format!("no {what} with id {id}"),
    )
}

/// Re-applies every overlay stored for content `sha` to the freshly written extraction of
/// document `doc_id`, refreshing each overlay's record of the parsed values. Overlays whose
/// item the parser no longer produces are kept for a later parse.
pub(crate) fn apply_all(
    tx: &Connection,
    doc_id: i64,
    sha: &str,
    zone: &ZoneRef,
) -> rusqlite::Result<()> {
    let overlays: Vec<(String, String, String)> = tx
        .prepare_cached(
            "SELECT item_kind, item_key, overlay FROM corrections WHERE doc_sha256 = ?1",
        )?
        .query_map([sha], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, key, overlay) in overlays {
        let table = if kind == "target" {
            "targets"
        } else {
            "measures"
        };
        let id: Option<i64> = tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE doc_id = ?1 AND item_key = ?2"),
                params![doc_id, key],
                |r| r.get(0),
            )
            .optional()?;
        let Some(id) = id else { continue };
        let original = if kind == "target" {
            let Ok(c) = serde_json::from_str::<TargetCorrection>(&overlay) else {
                continue;
            };
            let parsed = read_target(tx, id)?;
            write_target(tx, id, &parsed.with(&c), true)?;
            to_json(&parsed)
        } else {
            let Ok(c) = serde_json::from_str::<MeasureCorrection>(&overlay) else {
                continue;
            };
            let parsed = read_measure(tx, id)?;
            write_measure(tx, id, zone, &parsed.with(&c), true)?;
            to_json(&parsed)
        };
        tx.execute(
            "UPDATE corrections SET original = ?4 WHERE doc_sha256 = ?1 AND item_kind = ?2 \
             AND item_key = ?3",
            params![sha, kind, key, original],
        )?;
    }
    Ok(())
}
