//! The bundled corpus: a new database is filled with the four zones of `data/zones.toml`,
//! the agencies of `data/agencies.toml` and the five documents of `data/corpus`, all
//! embedded in the binary, in one transaction.

use std::path::Path;

use rusqlite::params;

use super::write::{self, DocRow, WriteError, ZoneRef};
use super::{Store, import};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::Zone;
use crate::{ingest, parse};

const ZONES: &str = include_str!("../../data/zones.toml");

const DOCUMENTS: &[(&str, &[u8])] = &[
    (
        "000_a2d155b297289045.txt",
        include_bytes!("../../data/corpus/000_a2d155b297289045.txt"),
    ),
    (
        "001_23ee345ab719336e.txt",
        include_bytes!("../../data/corpus/001_23ee345ab719336e.txt"),
    ),
    (
        "002_d1df5a77a2452895.txt",
        include_bytes!("../../data/corpus/002_d1df5a77a2452895.txt"),
    ),
    (
        "003_a6b1758811d1f864.txt",
        include_bytes!("../../data/corpus/003_a6b1758811d1f864.txt"),
    ),
    (
        "004_3c5bc2c389159028.txt",
        include_bytes!("../../data/corpus/004_3c5bc2c389159028.txt"),
    ),
];

/// The corpus documents bundled with the binary: (file name, bytes).
pub fn bundled_documents() -> &'static [(&'static str, &'static [u8])] {
    DOCUMENTS
}

/// The zones bundled with the binary, from `data/zones.toml`.
pub fn bundled_zones() -> Result<Vec<Zone>> {
    #[derive(serde::Deserialize)]
    struct ZonesFile {
        zone: Vec<Zone>,
    }
    toml::from_str::<ZonesFile>(ZONES)
        .map(|f| f.zone)
        .map_err(|e| Error::Catalog {
            file: "zones.toml".into(),
            message: e.to_string().replace('\n', " "),
        })
}

/// Fills a database that has no zones yet (a new one) in one transaction.
pub(crate) fn seed(store: &mut Store) -> Result<()> {
    let zones_present: i64 = store
        .conn
        .query_row("SELECT count(*) FROM zones", [], |r| r.get(0))
        .map_err(|e| store.err(e))?;
    if zones_present > 0 {
        return Ok(());
    }
    let zones = bundled_zones()?;
    let catalog = Catalog::in_use();
    let path = store.path.clone();
    let err = |e: WriteError| match e {
        WriteError::Db(e) => super::migrate::db_err(&path, e),
        WriteError::Invalid(m) => Error::store(
            &path,
            crate::error::StoreFault::Other,
            format!("bundled corpus: {m}"),
        ),
    };
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| err(e.into()))?;
    // Another program may have filled the new file while this one waited for the lock.
    let zones_present: i64 = tx
        .query_row("SELECT count(*) FROM zones", [], |r| r.get(0))
        .map_err(|e| err(e.into()))?;
    if zones_present > 0 {
        return Ok(());
    }
    for a in &catalog.agencies {
        tx.execute(
            "INSERT OR IGNORE INTO agencies (canonical, city, en) VALUES (?1, ?2, ?3)",
            params![a.canonical, a.city, a.en],
        )
        .map_err(|e| err(e.into()))?;
        let id: i64 = tx
            .query_row(
                "SELECT id FROM agencies WHERE canonical = ?1 AND city = ?2",
                params![a.canonical, a.city],
                |r| r.get(0),
            )
            .map_err(|e| err(e.into()))?;
        for alias in &a.aliases {
            tx.execute(
                "INSERT OR IGNORE INTO agency_aliases (alias, agency_id) VALUES (?1, ?2)",
                params![alias, id],
            )
            .map_err(|e| err(e.into()))?;
        }
    }
    for zone in &zones {
        import::insert_zone(&tx, zone).map_err(|e| err(e.into()))?;
        let zone_ref = ZoneRef {
            id: tx.last_insert_rowid(),
            city: zone.city.clone(),
        };
        for name in &zone.documents {
            let Some((_, bytes)) = DOCUMENTS.iter().find(|(n, _)| n == name) else {
                return Err(err(WriteError::Invalid(format!(
                    "zones.toml names {name}, which is not bundled"
                ))));
            };
            let ing = ingest::ingest_bytes(Path::new(name), bytes)?;
            let parsed = parse::parse_text(&ing.text, catalog);
            let sha = import::sha256_hex(bytes);
            let row = DocRow {
                zone_id: zone_ref.id,
                sha256: &sha,
                source_name: name,
                source_path: None,
                raw: &ing.raw,
                clean: &ing.text,
            };
            let doc_id = write::insert_document(&tx, &row, &parsed).map_err(|e| err(e.into()))?;
            let chars = ing.text.chars().count();
            write::insert_extraction(&tx, doc_id, &zone_ref, &parsed, chars).map_err(&err)?;
        }
    }
    tx.commit().map_err(|e| err(e.into()))
}
