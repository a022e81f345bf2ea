//! Users' English translations of titles (`title_translations`), keyed by the Chinese
//! title so that they outlive re-parsing.

use std::collections::HashMap;

use rusqlite::params;

use super::Store;
use crate::error::Result;

/// Every stored translation.
pub(super) fn all(store: &Store) -> Result<HashMap<String, String>> {
    let mut stmt = store
        .conn
        .prepare_cached("SELECT zh, en FROM title_translations")
        .map_err(|e| store.err(e))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(|e| store.err(e))?;
    rows.collect::<rusqlite::Result<HashMap<_, _>>>()
        .map_err(|e| store.err(e))
}

/// Writes `(zh, en)` pairs in one transaction: an empty `en` removes the translation, an
/// unchanged one is left alone. Returns how many rows changed.
pub(super) fn set_many(store: &mut Store, pairs: &[(String, String)]) -> Result<usize> {
    let tx = store
        .conn
        .transaction()
        .map_err(|e| super::migrate::db_err(&store.path, e))?;
    let mut changed = 0;
    {
        let mut upsert = tx
            .prepare_cached(
                "INSERT INTO title_translations (zh, en) VALUES (?1, ?2)
                 ON CONFLICT(zh) DO UPDATE SET en = excluded.en,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                 WHERE en <> excluded.en",
            )
            .map_err(|e| super::migrate::db_err(&store.path, e))?;
        let mut delete = tx
            .prepare_cached("DELETE FROM title_translations WHERE zh = ?1")
            .map_err(|e| super::migrate::db_err(&store.path, e))?;
        for (zh, en) in pairs {
            let (zh, en) = (zh.trim(), en.trim());
            if zh.is_empty() {
                continue;
            }
            changed += if en.is_empty() {
                delete.execute(params![zh])
            } else {
                upsert.execute(params![zh, en])
            }
            .map_err(|e| super::migrate::db_err(&store.path, e))?;
        }
    }
    tx.commit()
        .map_err(|e| super::migrate::db_err(&store.path, e))?;
    Ok(changed)
}
