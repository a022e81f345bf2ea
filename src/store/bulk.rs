//! Bulk import: files are read and parsed on every core while one writer stores them, in
//! input order. Each file is written inside its own savepoint (a file that fails leaves
//! nothing behind and does not stop the others); the savepoints are grouped into
//! transactions of up to [`BATCH`] files, so the database commits, syncs its journal and
//! flushes the full-text index once per batch rather than once per file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc;

use rusqlite::TransactionBehavior;

use super::import::{refusal, sha256_hex, write_parsed};
use super::rows::ImportOutcome;
use super::{NewDocument, Store};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::ingest::{self, Ingested};
use crate::model::ParsedDocument;
use crate::parse;

/// Files stored per transaction.
pub const BATCH: usize = 256;

/// One file for [`Store::import_many`].
#[derive(Debug, Clone)]
pub struct BulkFile {
    /// File name (its extension selects the format).
    pub name: String,
    pub bytes: Vec<u8>,
    /// Slug of an existing zone.
    pub zone_slug: String,
}

/// A file after reading and parsing, ready for the writer.
struct Prepared {
    file: BulkFile,
    sha: String,
    parsed: Result<(Ingested, ParsedDocument)>,
}

/// Reads and parses one file; a parser panic becomes an error naming the file.
fn prepare(file: BulkFile) -> Prepared {
    let sha = sha256_hex(&file.bytes);
    let shown = Path::new(&file.name);
    let parsed = ingest::ingest_bytes(shown, &file.bytes).and_then(|ing| {
        if ing.text.trim().is_empty() {
            return Err(Error::bad_input(shown, "contains no text"));
        }
        let text = &ing.text;
        std::panic::catch_unwind(|| parse::parse_text(text, Catalog::bundled()))
            .map_err(|_| Error::bad_input(shown, "the parser failed on this file"))
            .map(|doc| (ing, doc))
    });
    Prepared { file, sha, parsed }
}

/// Imports `files` (parsed in parallel, stored in order). Returns each file's outcome in
/// input order; the outer error is a database failure that stopped the import (files of
/// earlier batches stay stored).
pub(crate) fn import_many<I>(store: &mut Store, files: I) -> Result<Vec<Result<ImportOutcome>>>
where
    I: Iterator<Item = BulkFile> + Send,
{
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let source = Mutex::new(files.enumerate());
    let (send, recv) = mpsc::sync_channel::<(usize, Prepared)>(workers * 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let source = &source;
            scope.spawn(move || {
                loop {
                    // A poisoned lock means another worker panicked outside the parser:
                    // this one stops too and the writer stores what arrived.
                    let next = match source.lock() {
                        Ok(mut it) => it.next(),
                        Err(_) => None,
                    };
                    let Some((i, file)) = next else { break };
                    if send.send((i, prepare(file))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        write_in_order(store, recv)
    })
}

/// Receives prepared files and stores them in input order, a savepoint each, committing
/// every [`BATCH`] files.
fn write_in_order(
    store: &mut Store,
    recv: mpsc::Receiver<(usize, Prepared)>,
) -> Result<Vec<Result<ImportOutcome>>> {
    let db_path = store.path.clone();
    let mut outcomes = Vec::new();
    let mut pending: BTreeMap<usize, Prepared> = BTreeMap::new();
    let mut tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| store_error(&db_path, e))?;
    let mut in_batch = 0;
    let mut arrived = recv.iter();
    loop {
        let next = match pending.remove(&outcomes.len()) {
            Some(p) => Some(p),
            None => match arrived.next() {
                Some((i, p)) => {
                    pending.insert(i, p);
                    continue;
                }
                // Every worker is done: what is left (only after a worker panic) is
                // stored in order.
                None => pending.pop_first().map(|(_, p)| p),
            },
        };
        let Some(p) = next else { break };
        let Prepared { file, sha, parsed } = p;
        let shown = Path::new(&file.name);
        let outcome = match parsed {
            Err(e) => Err(e),
            Ok((ing, parsed)) => {
                let doc = NewDocument {
                    zone_slug: &file.zone_slug,
                    source_name: &file.name,
                    source_path: None,
                    bytes: &file.bytes,
                    raw: &ing.raw,
                    clean: &ing.text,
                    parsed: &parsed,
                };
                let sp = tx
                    .savepoint()
                    .map_err(|e| refusal(&db_path, shown, e.into()))?;
                // Dropping the savepoint without committing it rolls the file back.
                write_parsed(&sp, &db_path, &doc, &sha).and_then(|o| {
                    sp.commit()
                        .map(|_| o)
                        .map_err(|e| refusal(&db_path, shown, e.into()))
                })
            }
        };
        outcomes.push(outcome);
        in_batch += 1;
        if in_batch == BATCH {
            tx.commit().map_err(|e| store_error(&db_path, e))?;
            tx = store
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| store_error(&db_path, e))?;
            in_batch = 0;
        }
    }
    tx.commit().map_err(|e| store_error(&db_path, e))?;
    Ok(outcomes)
}

fn store_error(db_path: &Path, e: rusqlite::Error) -> Error {
    super::migrate::db_err(db_path, e)
}
