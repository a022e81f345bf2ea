//! Every import of files (the CLI's, the GUI's, [`Store::import_file`]): files are read and
//! parsed on every core while one writer stores them, in input order, in transactions of up
//! to [`BATCH`] files, so the database commits and syncs its journal once per batch rather
//! than once per file. A file whose bytes hash to a stored document is not parsed again; a
//! file the GUI's preview already parsed is stored as parsed. A batch is written straight
//! into its transaction; when a file fails, the batch is rolled back and written again with
//! a savepoint per file, so that file leaves nothing behind and does not stop the others.
//! The connection's triggers are off while a batch is written; the full-text index and the
//! per-zone counts they keep are brought up to date once per batch before it commits (see
//! `deferred`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use rusqlite::{Transaction, TransactionBehavior};

use super::checkpoint::{self, Checkpoints};
use super::deferred::{self, TriggersOff};
use super::import::{refusal, sha256_hex, write_parsed};
use super::rows::ImportOutcome;
use super::{NewDocument, SoundnessCheck, Store};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::ingest::{self, Ingested};
use crate::model::ParsedDocument;
use crate::parse;

/// Files stored per transaction; an import reports progress and can be cancelled after
/// each.
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

/// A file read and parsed but not stored: what the GUI's import preview shows, and then
/// saves as it was shown (see [`ImportSource::Parsed`]).
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub path: PathBuf,
    /// The file's bytes as read: their sha256 identifies the document.
    pub bytes: Vec<u8>,
    pub ingested: Ingested,
    pub parsed: ParsedDocument,
}

/// Reads and parses the file at `path` (no database).
pub fn parse_file(path: &Path) -> Result<ParsedFile> {
    let bytes = super::import::read_limited(path)?;
    let (ingested, parsed) = ingest_and_parse(&file_name(path), path, &bytes)?;
    Ok(ParsedFile {
        path: path.to_path_buf(),
        bytes,
        ingested,
        parsed,
    })
}

/// A file for [`Store::import_sources`](super::Store::import_sources).
#[derive(Debug, Clone)]
pub enum ImportSource {
    /// Read and parsed by the importer.
    Path(PathBuf),
    /// Already read and parsed (a preview): stored without being read or parsed again.
    Parsed(Arc<ParsedFile>),
}

impl ImportSource {
    /// The file this source was or will be read from.
    pub fn path(&self) -> &Path {
        match self {
            ImportSource::Path(p) => p,
            ImportSource::Parsed(f) => &f.path,
        }
    }
}

/// Where a file of a bulk import comes from: bytes already read, or a file.
enum Source {
    Bytes(BulkFile),
    File(ImportSource, String),
}

/// What a worker made of a file.
enum Parsed {
    /// Read and parsed, ready to be written.
    Ready(Box<(Ingested, ParsedDocument)>),
    /// Its content is already stored as this document: not parsed again.
    Known(i64),
}

/// A file after reading and parsing, ready for the writer.
struct Prepared {
    file: BulkFile,
    /// The path it was read from, when it came from a file.
    path: Option<PathBuf>,
    sha: String,
    parsed: Result<Parsed>,
}

/// Decodes, cleans and parses one file's bytes; `name` selects the format, `shown` names
/// the file in errors. A parser panic becomes an error naming the file.
fn ingest_and_parse(name: &str, shown: &Path, bytes: &[u8]) -> Result<(Ingested, ParsedDocument)> {
    let ing = ingest::ingest_bytes(Path::new(name), bytes).map_err(|e| match e {
        Error::BadInput { message, .. } => Error::bad_input(shown, message),
        other => other,
    })?;
    if ing.text.trim().is_empty() {
        return Err(Error::bad_input(shown, "contains no text"));
    }
    let text = &ing.text;
    let doc = std::panic::catch_unwind(|| parse::parse_text(text, Catalog::in_use()))
        .map_err(|_| Error::bad_input(shown, "the parser failed on this file"))?;
    Ok((ing, doc))
}

/// Reads (when given a path) and parses one file, unless its content is among the `known`
/// documents.
fn prepare(source: Source, known: &HashMap<String, i64>) -> Prepared {
    let (file, path, ready) = match source {
        Source::Bytes(file) => (file, None, None),
        Source::File(ImportSource::Parsed(f), zone_slug) => {
            let file = BulkFile {
                name: file_name(&f.path),
                bytes: f.bytes.clone(),
                zone_slug,
            };
            let ready = (f.ingested.clone(), f.parsed.clone());
            (file, Some(f.path.clone()), Some(ready))
        }
        Source::File(ImportSource::Path(path), zone_slug) => {
            let name = file_name(&path);
            match super::import::read_limited(&path) {
                Ok(bytes) => (
                    BulkFile {
                        name,
                        bytes,
                        zone_slug,
                    },
                    Some(path),
                    None,
                ),
                Err(e) => {
                    let file = BulkFile {
                        name,
                        bytes: Vec::new(),
                        zone_slug,
                    };
                    return Prepared {
                        file,
                        path: Some(path),
                        sha: String::new(),
                        parsed: Err(e),
                    };
                }
            }
        }
    };
    let sha = sha256_hex(&file.bytes);
    let parsed = if let Some(&doc_id) = known.get(&sha) {
        Ok(Parsed::Known(doc_id))
    } else if let Some(ready) = ready {
        Ok(Parsed::Ready(Box::new(ready)))
    } else {
        let shown = path.as_deref().unwrap_or(Path::new(&file.name));
        ingest_and_parse(&file.name, shown, &file.bytes).map(|r| Parsed::Ready(Box::new(r)))
    };
    Prepared {
        file,
        path,
        sha,
        parsed,
    }
}

/// The file name of `path` (its extension selects the format).
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Told of each file's outcome once its batch is committed (input position, outcome);
/// returns `false` to stop the import after that batch.
pub(crate) type OnOutcome<'a> = &'a mut dyn FnMut(usize, &Result<ImportOutcome>) -> bool;

/// Imports `files` (parsed in parallel, stored in order). Returns each file's outcome in
/// input order; the outer error is a database failure that stopped the import (files of
/// earlier batches stay stored).
pub(crate) fn import_many<I>(store: &mut Store, files: I) -> Result<Vec<Result<ImportOutcome>>>
where
    I: Iterator<Item = BulkFile> + Send,
{
    import_all(store, files.map(Source::Bytes), &mut |_, _| true)
}

/// Imports `sources` into the zone `zone_slug`, those not yet parsed read and parsed on
/// every core; `on_outcome` hears of each file as its batch is committed and can stop the
/// import. Returns the outcomes of the files handled, in input order.
pub(crate) fn import_sources(
    store: &mut Store,
    sources: &[ImportSource],
    zone_slug: &str,
    on_outcome: OnOutcome<'_>,
) -> Result<Vec<Result<ImportOutcome>>> {
    let sources = sources
        .iter()
        .map(|s| Source::File(s.clone(), zone_slug.to_string()));
    import_all(store, sources, on_outcome)
}

/// The documents already stored, by the sha256 of their bytes: a file whose content is
/// among them is not parsed again.
fn known_documents(store: &Store) -> Result<HashMap<String, i64>> {
    let mut stmt = store
        .conn
        .prepare("SELECT sha256, id FROM documents")
        .map_err(|e| store_error(&store.path, e))?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .map_err(|e| store_error(&store.path, e))
}

fn import_all<I>(
    store: &mut Store,
    sources: I,
    on_outcome: OnOutcome<'_>,
) -> Result<Vec<Result<ImportOutcome>>>
where
    I: Iterator<Item = Source> + Send,
{
    let known = known_documents(store)?;
    let known = &known;
    // The file is checked while the files are read and parsed; the first write waits for
    // the verdict, and an import that writes nothing does not wait at all.
    let mut check = store.start_soundness_check();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let source = Mutex::new(sources.enumerate());
    let (send, recv) = mpsc::sync_channel::<(usize, Prepared)>(workers * 4);
    let checkpoints = Checkpoints::open(&store.path);
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
                    // The writer stopped (cancelled or failed): nothing more to do.
                    if send.send((i, prepare(file, known))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let signal = checkpoints.and_then(|c| c.spawn(scope));
        // The writer stops checkpointing only once the thread that does it runs.
        let paused = signal.as_ref().and_then(|_| checkpoint::pause(&store.conn));
        let outcomes = write_in_order(store, recv, signal.as_ref(), &mut check, on_outcome);
        // The files are stored whatever happens here: a failed merge leaves a correct
        // index with more segments, which the next import merges. An import that stored
        // nothing leaves the database as it was.
        let stored = match &outcomes {
            Ok(o) => o
                .iter()
                .any(|o| matches!(o, Ok(ImportOutcome::Imported { .. }))),
            // A damaged file gets nothing more, not even the merge.
            Err(e) => !e.is_damaged(),
        };
        if stored && let Err(e) = deferred::merge_index(&store.conn) {
            log::warn!("{}: full-text index not merged: {e}", store.path.display());
        }
        // A copy a day of a database that grows, so `db recover --restore` has a recent
        // one to offer. Not having it is no reason to fail the import.
        if stored
            && outcomes.is_ok()
            && let Err(e) = super::recovery::rotate_backup(store)
        {
            log::warn!("{}: no backup written: {e}", store.path.display());
        }
        checkpoint::request(signal.as_ref());
        if let Some(pages) = paused {
            checkpoint::restore(&store.conn, pages);
        }
        outcomes
    })
}

/// Receives prepared files and stores them in input order, [`BATCH`] files per transaction,
/// telling `on_outcome` of each file once its batch is committed. Stops after a batch when
/// `on_outcome` says so; dropping the receiver then stops the workers.
fn write_in_order(
    store: &mut Store,
    recv: mpsc::Receiver<(usize, Prepared)>,
    checkpoints: Option<&mpsc::SyncSender<()>>,
    check: &mut Option<SoundnessCheck>,
    on_outcome: OnOutcome<'_>,
) -> Result<Vec<Result<ImportOutcome>>> {
    let mut outcomes = Vec::new();
    let mut pending: BTreeMap<usize, Prepared> = BTreeMap::new();
    let mut batch: Vec<Prepared> = Vec::with_capacity(BATCH);
    let mut next_index = 0;
    let mut arrived = recv.iter();
    let mut report = |outcomes: &mut Vec<Result<ImportOutcome>>, written| -> bool {
        let mut go_on = true;
        for outcome in written {
            go_on &= on_outcome(outcomes.len(), &outcome);
            outcomes.push(outcome);
        }
        go_on
    };
    loop {
        let next = match pending.remove(&next_index) {
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
        next_index += 1;
        batch.push(p);
        if batch.len() == BATCH {
            let written = write_batch(store, std::mem::take(&mut batch), check)?;
            checkpoint::request(checkpoints);
            if !report(&mut outcomes, written) {
                return Ok(outcomes);
            }
        }
    }
    if !batch.is_empty() {
        let written = write_batch(store, batch, check)?;
        report(&mut outcomes, written);
    }
    Ok(outcomes)
}

/// A file of a batch: its parse result moved out, the document kept for writing.
struct Ready {
    file: BulkFile,
    path: Option<PathBuf>,
    sha: String,
    doc: Option<Box<(Ingested, ParsedDocument)>>,
}

impl Ready {
    /// The file as errors name it: its path, else its name.
    fn shown(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(&self.file.name))
    }
}

/// Stores one batch in one transaction and returns its outcomes in order. The files are
/// written straight into the transaction; only when one of them fails is the batch rolled
/// back and written again with a savepoint per file, so that file alone is refused. (A
/// savepoint per file in every batch made SQLite walk a growing statement journal at every
/// insert that fires a trigger: 14 % of an import's time.)
fn write_batch(
    store: &mut Store,
    batch: Vec<Prepared>,
    check: &mut Option<SoundnessCheck>,
) -> Result<Vec<Result<ImportOutcome>>> {
    let mut outcomes: Vec<Option<Result<ImportOutcome>>> = Vec::with_capacity(batch.len());
    let ready: Vec<Ready> = batch
        .into_iter()
        .map(|p| {
            let doc = match p.parsed {
                Ok(Parsed::Ready(doc)) => {
                    outcomes.push(None);
                    Some(doc)
                }
                Ok(Parsed::Known(doc_id)) => {
                    outcomes.push(Some(Ok(ImportOutcome::AlreadyPresent { doc_id })));
                    None
                }
                Err(e) => {
                    outcomes.push(Some(Err(e)));
                    None
                }
            };
            Ready {
                file: p.file,
                path: p.path,
                sha: p.sha,
                doc,
            }
        })
        .collect();
    if ready.iter().any(|r| r.doc.is_some()) {
        // Nothing goes into a damaged file.
        store.finish_soundness_check(check)?;
        let written = match write_ready(store, &ready, false)? {
            Some(written) => written,
            None => write_ready(store, &ready, true)?.unwrap_or_default(),
        };
        for (i, outcome) in written {
            outcomes[i] = Some(outcome);
        }
    }
    // Every file has its outcome (the savepoint pass writes them all); the fallback only
    // keeps this total.
    Ok(outcomes
        .into_iter()
        .zip(&ready)
        .map(|(o, r)| o.unwrap_or_else(|| Err(Error::bad_input(r.shown(), "not stored"))))
        .collect())
}

/// Outcomes of the written files of a batch, by position in the batch.
type Written = Vec<(usize, Result<ImportOutcome>)>;

/// Writes the parsed files of a batch in one transaction, each in its own savepoint when
/// `savepoints` is set. Without savepoints, a file that fails rolls the transaction back
/// and `None` is returned. The outer error is a database failure outside any one file.
fn write_ready(store: &mut Store, ready: &[Ready], savepoints: bool) -> Result<Option<Written>> {
    let db_path = store.path.clone();
    let conn = &store.conn;
    let triggers = TriggersOff::new(conn).map_err(|e| store_error(&db_path, e))?;
    let mut tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
        .map_err(|e| store_error(&db_path, e))?;
    let first_new = deferred::next_measure_id(&tx).map_err(|e| store_error(&db_path, e))?;
    let mut written = Vec::with_capacity(ready.len());
    for (i, r) in ready.iter().enumerate() {
        let Some(doc) = &r.doc else {
            continue;
        };
        let (ing, parsed) = &**doc;
        let shown = r.shown();
        let doc = NewDocument {
            zone_slug: &r.file.zone_slug,
            source_name: &r.file.name,
            source_path: r.path.as_deref(),
            bytes: &r.file.bytes,
            raw: &ing.raw,
            clean: &ing.text,
            parsed,
        };
        let outcome = if savepoints {
            let sp = tx
                .savepoint()
                .map_err(|e| refusal(&db_path, shown, e.into()))?;
            // Dropping the savepoint without committing it rolls the file back.
            write_parsed(&sp, &db_path, &doc, &r.sha).and_then(|o| {
                sp.commit()
                    .map(|_| o)
                    .map_err(|e| refusal(&db_path, shown, e.into()))
            })
        } else {
            match write_parsed(&tx, &db_path, &doc, &r.sha) {
                Ok(o) => Ok(o),
                // Dropping the transaction rolls the whole batch back.
                Err(_) => return Ok(None),
            }
        };
        written.push((i, outcome));
    }
    deferred::catch_up(&tx, triggers, first_new).map_err(|e| store_error(&db_path, e))?;
    tx.commit().map_err(|e| store_error(&db_path, e))?;
    Ok(Some(written))
}

fn store_error(db_path: &Path, e: rusqlite::Error) -> Error {
    super::migrate::db_err(db_path, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::rows::Filter;

    fn file(name: &str, bytes: &[u8], zone: &str) -> BulkFile {
        BulkFile {
            name: name.into(),
            bytes: bytes.to_vec(),
            zone_slug: zone.into(),
        }
    }

    #[test]
    fn bad_files_are_refused_alone_and_outcomes_keep_input_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("t.sqlite")).expect("open");
        let zone = store.zones().expect("zones")[0].zone.slug.clone();
        let docs_before = store.zones().expect("zones")[0].documents.len();
        let corpus = super::super::synth::generate(3, 3);
        let good: Vec<&[u8]> = corpus.documents.iter().map(|d| &d.bytes[..]).collect();
        let files = vec![
            file("a.txt", good[0], &zone),
            file("broken.pdf", b"not a pdf at all", &zone),
            file("b.txt", good[1], "no-such-zone"),
            file("c.txt", good[2], &zone),
            file("again.txt", good[0], &zone),
        ];
        let out = store.import_many(files.into_iter()).expect("import");
        assert_eq!(out.len(), 5);
        let first = match &out[0] {
            Ok(ImportOutcome::Imported { doc_id, .. }) => *doc_id,
            other => panic!("first file: {other:?}"),
        };
        assert!(
            out[1]
                .as_ref()
                .is_err_and(|e| e.to_string().contains("broken.pdf"))
        );
        assert!(
            out[2]
                .as_ref()
                .is_err_and(|e| e.to_string().contains("no-such-zone"))
        );
        assert!(matches!(out[3], Ok(ImportOutcome::Imported { .. })));
        assert_eq!(
            out[4].as_ref().ok(),
            Some(&ImportOutcome::AlreadyPresent { doc_id: first })
        );
        let docs_after = store.zones().expect("zones")[0].documents.len();
        assert_eq!(docs_after, docs_before + 2);
        // The measures stored in the batch are in the full-text index.
        let all = store.measures(&Filter::default()).expect("measures");
        let bulk = all
            .iter()
            .rev()
            .find(|m| m.doc_id == first)
            .expect("measure");
        let phrase: String = bulk
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(6)
            .collect();
        let found = store
            .measures(&Filter {
                search: Some(phrase.clone()),
                ..Filter::default()
            })
            .expect("search");
        assert!(found.iter().any(|m| m.id == bulk.id), "{phrase}");
    }

    /// The per-zone counts and the full-text index agree with the rows they are kept from.
    fn assert_upkeep_matches_rows(store: &Store) {
        let recounts = [
            "SELECT zone_id, theme, count(*) FROM measure_themes GROUP BY zone_id, theme",
            "SELECT zone_id, agency_id, sum(role = 'lead'), sum(role = 'co') \
             FROM responsible_units GROUP BY zone_id, agency_id",
            "SELECT zone_id, count(*) FROM zone_agency_counts WHERE lead + co > 0 \
             GROUP BY zone_id",
        ];
        let kept = [
            "SELECT zone_id, theme, n FROM zone_theme_counts WHERE n > 0",
            "SELECT zone_id, agency_id, lead, co FROM zone_agency_counts WHERE lead + co > 0",
            "SELECT zone_id, agencies FROM zone_agency_totals WHERE agencies > 0",
        ];
        for (recount, kept) in recounts.iter().zip(kept) {
            for sql in [
                format!("SELECT count(*) FROM ({recount} EXCEPT {kept})"),
                format!("SELECT count(*) FROM ({kept} EXCEPT {recount})"),
            ] {
                let differing: i64 = store.conn.query_row(&sql, [], |r| r.get(0)).expect("count");
                assert_eq!(differing, 0, "{sql}");
            }
        }
        store
            .conn
            .execute(
                "INSERT INTO measure_fts(measure_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("the full-text index matches the measures");
    }

    #[test]
    fn counts_and_index_follow_bulk_imports_and_corrections_come_back() {
        use crate::model::{ResponsibleUnit, Role};
        use crate::store::rows::MeasureCorrection;
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("t.sqlite")).expect("open");
        let zone = store.zones().expect("zones")[0].zone.slug.clone();
        let corpus = super::super::synth::generate(5, 6);
        let files: Vec<BulkFile> = corpus
            .documents
            .iter()
            .map(|d| file(&d.name, &d.bytes, &zone))
            .collect();
        // A file that cannot be stored makes its batch be written again file by file.
        let mut first = files[..3].to_vec();
        let lost = &corpus.documents[3];
        first.insert(1, file(&lost.name, &lost.bytes, "no-such-zone"));
        let out = store.import_many(first.into_iter()).expect("import");
        assert!(out[1].is_err());
        assert_upkeep_matches_rows(&store);
        let Ok(ImportOutcome::Imported { doc_id, .. }) = out[0] else {
            panic!("first file: {:?}", out[0]);
        };
        let measure = store
            .measures(&Filter::default())
            .expect("measures")
            .into_iter()
            .find(|m| m.doc_id == doc_id && !m.units.is_empty())
            .expect("a measure with units");
        let correction = MeasureCorrection {
            themes: Some(vec!["finance".into()]),
            units: Some(vec![ResponsibleUnit {
                name: "市商务局".into(),
                canonical: "市商务局".into(),
                role: Role::Lead,
            }]),
        };
        store
            .correct_measure(measure.id, &correction)
            .expect("correct");
        // The document goes; its content comes back in a later bulk import with the rest.
        store
            .conn
            .execute("DELETE FROM documents WHERE id = ?1", [doc_id])
            .expect("delete");
        assert_upkeep_matches_rows(&store);
        let out = store.import_many(files.into_iter()).expect("import again");
        assert!(out.iter().all(|o| o.is_ok()), "{out:?}");
        assert_upkeep_matches_rows(&store);
        let back = store
            .measures(&Filter::default())
            .expect("measures")
            .into_iter()
            .find(|m| m.doc_id != doc_id && m.text == measure.text && m.corrected)
            .expect("the corrected measure is back");
        assert_eq!(back.themes, vec!["finance".to_string()]);
        assert_eq!(back.units, correction.units.unwrap_or_default());
    }

    #[test]
    fn the_writer_checkpoints_again_after_a_bulk_import() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("t.sqlite")).expect("open");
        let zone = store.zones().expect("zones")[0].zone.slug.clone();
        let corpus = super::super::synth::generate(9, 3);
        let files = corpus
            .documents
            .iter()
            .map(|d| file(&d.name, &d.bytes, &zone));
        let out = store.import_many(files).expect("import");
        assert!(out.iter().all(|o| o.is_ok()), "{out:?}");
        let pages: i64 = store
            .conn
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(pages, 1000);
    }

    #[test]
    fn a_limit_returns_the_first_rows_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("t.sqlite")).expect("open");
        let all = store.measures(&Filter::default()).expect("measures");
        let page = Filter {
            limit: Some(3),
            ..Filter::default()
        };
        let first: Vec<i64> = store
            .measures(&page)
            .expect("page")
            .iter()
            .map(|m| m.id)
            .collect();
        let expected: Vec<i64> = all.iter().take(3).map(|m| m.id).collect();
        assert_eq!(first, expected);
        assert!(all.len() > 3);
        let targets = store.targets(&page).expect("targets");
        assert_eq!(targets.len(), 3);
    }
}
