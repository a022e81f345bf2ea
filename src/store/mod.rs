//! SQLite storage of zones, documents and their extraction (see `rows` for what it returns).
//!
//! The public API below is what the CLI, the GUI and exports call; the SQL lives behind it:
//! `migrate` (open, check, migrate, back up), `seed` (bundled corpus), `import` (writing one
//! parsed document, zones, re-parse), `bulk` (every import of files: parallel read and
//! parse, one writer, batched commits),
//! `deferred` (trigger work done once per bulk batch), `checkpoint` (a bulk import's WAL
//! checkpoints on their own thread), `queries` (filtered reads), `summary` (zone
//! summaries, documents), `facets` (filter lists), `corrections` (user overlays), `fts`
//! (full-text search clause), `synth` (synthetic corpus for benchmarks), `translations`
//! (users' English titles).

mod bulk;
mod checkpoint;
mod corrections;
mod deferred;
mod facets;
mod fts;
mod import;
mod measure_rows;
pub mod migrate;
mod owners;
mod queries;
pub mod recovery;
pub mod rows;
mod seed;
mod soundness;
mod summary;
pub mod synth;
mod translations;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::{ParsedDocument, Zone};
use rows::*;

pub use bulk::{BATCH, BulkFile, ImportSource, ParsedFile, parse_file};
pub use import::{parser_version, sha256_hex, slug_for_name};
pub use seed::{bundled_documents, bundled_zones};
pub use soundness::SoundnessCheck;
pub use write::item_keys;

/// An open database.
pub struct Store {
    path: PathBuf,
    conn: Connection,
    /// The file passed SQLite's quick check through this handle, or this handle created
    /// it: writes need not check it again.
    checked: std::cell::Cell<bool>,
}

impl Store {
    /// Opens (creating, migrating and, when new, filling with the bundled corpus) the
    /// database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let opened = migrate::open_connection(path)?;
        let mut store = Store {
            path: path.to_path_buf(),
            conn: opened.conn,
            checked: std::cell::Cell::new(opened.created),
        };
        // Fills a database without zones (a new one); a no-op otherwise.
        seed::seed(&mut store)?;
        if opened.created {
            // A backup from the start, so `db recover --restore` always has one to offer
            // (the bundled corpus: a few MB, written once). Not having one is no reason to
            // refuse the database.
            let _ = migrate::backup(&store.conn, path, migrate::SCHEMA_VERSION);
        }
        Ok(store)
    }

    /// Runs SQLite's quick check before anything is written (an import, the app's start):
    /// a damaged file is refused with the way to recover it instead of receiving more
    /// data. Busy is not damage: it reports as the database being in use.
    pub fn check_sound(&self) -> Result<()> {
        if self.checked.get() {
            return Ok(());
        }
        soundness::quick_check(&self.conn, &self.path)?;
        self.checked.set(true);
        Ok(())
    }

    /// Starts SQLite's quick check of this database on a thread of its own (see
    /// [`SoundnessCheck`]); `None` when it already passed through this handle.
    pub fn start_soundness_check(&self) -> Option<SoundnessCheck> {
        (!self.checked.get()).then(|| SoundnessCheck::start(&self.path))
    }

    /// Waits for a check started by [`Store::start_soundness_check`]; once it has passed,
    /// this handle writes without checking again.
    pub fn finish_soundness_check(&self, check: &mut Option<SoundnessCheck>) -> Result<()> {
        if let Some(c) = check.as_mut() {
            c.wait()?;
            self.checked.set(true);
            *check = None;
        }
        Ok(())
    }

    /// The database file in the app's data folder ([`crate::paths::data_dir`]).
    pub fn default_path() -> Result<PathBuf> {
        crate::paths::data_dir()
            .map(|dir| dir.join(crate::paths::DATABASE_FILE))
            .ok_or_else(|| {
                Error::store(
                    "zonecompare.sqlite",
                    crate::error::StoreFault::Other,
                    "no home directory to keep the database in; pass --db PATH",
                )
            })
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every zone with its documents and counts.
    pub fn zones(&self) -> Result<Vec<ZoneSummary>> {
        queries::zones(self)
    }

    /// Every zone with its counts (documents, measures, targets, agencies) but without its
    /// documents and themes: cheap however many documents there are (Overview, sidebar).
    pub fn zone_briefs(&self) -> Result<Vec<ZoneSummary>> {
        summary::zone_briefs(self)
    }

    /// Full summaries (as [`Store::zones`]) of the zones named in `slugs`.
    pub fn zone_details(&self, slugs: &[String]) -> Result<Vec<ZoneSummary>> {
        summary::zone_details(self, slugs)
    }

    /// Every document's id, zone and title, in import order.
    pub fn document_titles(&self) -> Result<Vec<DocumentTitle>> {
        summary::document_titles(self)
    }

    /// Agencies, deadline years and indicators for the filter lists (cheap at any scale;
    /// the same values as collecting them from every agency-load row and target).
    pub fn facets(&self) -> Result<Facets> {
        facets::facets(self)
    }

    /// One zone by slug.
    pub fn zone(&self, slug: &str) -> Result<Option<Zone>> {
        queries::zone(self, slug)
    }

    /// Adds a zone (slug must be new).
    pub fn create_zone(&mut self, zone: &Zone) -> Result<()> {
        import::create_zone(self, zone)
    }

    /// Finds the zone called `name` (Chinese or English name), or creates it with a slug
    /// derived from the name.
    pub fn zone_for_name(&mut self, name: &str) -> Result<Zone> {
        import::zone_for_name(self, name)
    }

    /// The zone named `name` (Chinese or English name), if there is one.
    pub fn zone_named(&self, name: &str) -> Result<Option<Zone>> {
        import::zone_named(self, name)
    }

    /// Reads, parses and stores one file for `zone_slug`, in one transaction, through the
    /// batch importer ([`Store::import_sources`]).
    pub fn import_file(&mut self, file: &Path, zone_slug: &str) -> Result<ImportOutcome> {
        let source = ImportSource::Path(file.to_path_buf());
        self.import_one(file, zone_slug, |store| {
            store.import_sources(&[source], zone_slug, &mut |_, _| true)
        })
    }

    /// Imports many files at once (a corpus, a folder): they are parsed on every core and
    /// stored in input order in transactions of a few hundred files; one bad file is
    /// refused alone. Returns each file's outcome in input order;
    /// the outer error is a database failure that stopped the import (earlier batches stay).
    pub fn import_many<I>(&mut self, files: I) -> Result<Vec<Result<ImportOutcome>>>
    where
        I: Iterator<Item = BulkFile> + Send,
    {
        bulk::import_many(self, files)
    }

    /// Imports files into the zone `zone_slug` the way [`Store::import_many`] does (read and
    /// parsed on every core, one writer, a bad file refused alone; a file whose content is
    /// already stored is not parsed again); a source already parsed (a preview) is stored
    /// as it was parsed. `on_outcome` is told of each file (its position in `sources`, its
    /// outcome) as its batch is committed, and stops the import after that batch by
    /// returning `false`. Returns the outcomes of the files handled, in input order; the
    /// outer error is a database failure that stopped the import (earlier batches stay).
    pub fn import_sources(
        &mut self,
        sources: &[ImportSource],
        zone_slug: &str,
        on_outcome: &mut dyn FnMut(usize, &Result<ImportOutcome>) -> bool,
    ) -> Result<Vec<Result<ImportOutcome>>> {
        bulk::import_sources(self, sources, zone_slug, on_outcome)
    }

    /// Like [`Store::import_file`] for bytes already in memory; `name` is the file name
    /// (its extension selects the format).
    pub fn import_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        zone_slug: &str,
    ) -> Result<ImportOutcome> {
        let file = BulkFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
            zone_slug: zone_slug.to_string(),
        };
        self.import_one(Path::new(name), zone_slug, |store| {
            store.import_many(std::iter::once(file))
        })
    }

    /// One file through the batch importer: an unknown zone is refused first (the importer
    /// would report a file it already holds as present in any zone).
    fn import_one(
        &mut self,
        shown: &Path,
        zone_slug: &str,
        import: impl FnOnce(&mut Store) -> Result<Vec<Result<ImportOutcome>>>,
    ) -> Result<ImportOutcome> {
        if self.zone(zone_slug)?.is_none() {
            return Err(Error::bad_input(
                shown,
                format!("unknown zone '{zone_slug}' (see `zonecompare zones`)"),
            ));
        }
        import(self)?
            .pop()
            .unwrap_or_else(|| Err(Error::bad_input(shown, "not stored")))
    }

    /// Stores a document parsed elsewhere (the GUI's import preview), in one transaction.
    /// `bytes` are the file's bytes (their sha256 identifies the document), `raw` the decoded
    /// and `clean` the cleaned text the spans of `parsed` refer to.
    pub fn import_parsed(&mut self, doc: &NewDocument<'_>) -> Result<ImportOutcome> {
        import::import_parsed(self, doc)
    }

    /// Number of documents parsed by another parser version than this binary's.
    pub fn stale_documents(&self) -> Result<usize> {
        import::stale_documents(self)
    }

    /// Re-parses every document stored by another parser version, replacing its extraction
    /// and keeping the user's corrections. Returns how many documents were re-parsed.
    pub fn reparse_all(&mut self) -> Result<usize> {
        import::reparse_all(self)
    }

    /// Re-parses stored documents with `parse` (all of them, or only those stored by another
    /// parser version): after the user edits the taxonomies, or to test re-parsing. The
    /// extraction is replaced and the user's corrections are applied again.
    pub fn reparse_documents(
        &mut self,
        only_stale: bool,
        parse: &dyn Fn(&str) -> ParsedDocument,
    ) -> Result<usize> {
        import::reparse_documents(self, only_stale, parse)
    }

    /// Measures matching the filter, corrections applied.
    pub fn measures(&self, filter: &Filter) -> Result<Vec<MeasureRow>> {
        queries::measures(self, filter)
    }

    /// Targets matching the filter, corrections applied.
    pub fn targets(&self, filter: &Filter) -> Result<Vec<TargetRow>> {
        queries::targets(self, filter)
    }

    /// Current statistics (baselines) of the filtered zones. Honours `zones`, `indicator`,
    /// `year` and `search` (in the sentence); the measure-level fields do not apply.
    pub fn statistics(&self, filter: &Filter) -> Result<Vec<StatisticRow>> {
        queries::statistics(self, filter)
    }

    /// The documents with these ids, without their texts (kind, title, issuer…).
    pub fn documents_info(&self, ids: &[i64]) -> Result<Vec<DocumentInfo>> {
        queries::documents_info(self, ids)
    }

    /// One document's text and outline.
    pub fn document(&self, doc_id: i64) -> Result<DocumentText> {
        queries::document(self, doc_id)
    }

    /// Lead / co-owner counts per agency and zone, over the measures the filter selects.
    pub fn agency_load(&self, filter: &Filter) -> Result<Vec<AgencyLoadRow>> {
        queries::agency_load(self, filter)
    }

    /// Saves a correction overlay for a target (replacing an earlier one).
    pub fn correct_target(&mut self, target_id: i64, c: &TargetCorrection) -> Result<()> {
        corrections::correct_target(self, target_id, c)
    }

    /// Drops a target's correction: back to the parsed value.
    pub fn reset_target(&mut self, target_id: i64) -> Result<()> {
        corrections::reset_target(self, target_id)
    }

    /// Saves a correction overlay for a measure's themes or units (replacing an earlier one).
    pub fn correct_measure(&mut self, measure_id: i64, c: &MeasureCorrection) -> Result<()> {
        corrections::correct_measure(self, measure_id, c)
    }

    /// Drops a measure's correction.
    pub fn reset_measure(&mut self, measure_id: i64) -> Result<()> {
        corrections::reset_measure(self, measure_id)
    }

    /// Records an actual outcome for a zone's canonical indicator (replacing the value the
    /// zone already had for that indicator and year). `row.id` is ignored.
    pub fn set_actual(&mut self, row: &ActualRow) -> Result<()> {
        queries::set_actual(self, row)
    }

    /// Removes the actual outcome of a zone's indicator in a year, if one was entered.
    pub fn delete_actual(&mut self, zone_slug: &str, indicator_id: &str, year: i32) -> Result<()> {
        queries::delete_actual(self, zone_slug, indicator_id, year)
    }

    /// Actual outcomes of the filtered zones (`zones`, `indicator`, `year` apply).
    pub fn actuals(&self, filter: &Filter) -> Result<Vec<ActualRow>> {
        queries::actuals(self, filter)
    }

    /// Gives a zone the English name the user typed; an empty name puts back the gloss of
    /// its Chinese name.
    pub fn set_zone_english_name(&mut self, slug: &str, en: &str) -> Result<()> {
        let zone = self.zone(slug)?.ok_or_else(|| {
            self.fail_as(
                crate::error::StoreFault::NotFound,
                format!("unknown zone '{slug}'"),
            )
        })?;
        let en = match en.trim() {
            "" => crate::english::gloss(&zone.name_zh),
            typed => typed.to_string(),
        };
        self.conn
            .execute(
                "UPDATE zones SET name_en = ?2 WHERE slug = ?1",
                rusqlite::params![slug, en],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Users' English translations of titles: Chinese title → English.
    pub fn translations(&self) -> Result<std::collections::HashMap<String, String>> {
        translations::all(self)
    }

    /// Stores (or, with an empty `en`, removes) the user's English for a Chinese title.
    pub fn set_translation(&mut self, zh: &str, en: &str) -> Result<()> {
        translations::set_many(self, &[(zh.to_string(), en.to_string())]).map(|_| ())
    }

    /// Stores many translations in one transaction; returns how many changed.
    pub fn set_translations(&mut self, pairs: &[(String, String)]) -> Result<usize> {
        translations::set_many(self, pairs)
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        migrate::db_err(&self.path, e)
    }

    fn fail(&self, message: impl Into<String>) -> Error {
        Error::store(&self.path, crate::error::StoreFault::Other, message)
    }

    fn fail_as(&self, kind: crate::error::StoreFault, message: impl Into<String>) -> Error {
        Error::store(&self.path, kind, message)
    }
}

/// A parsed document ready to be stored by [`Store::import_parsed`].
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub zone_slug: &'a str,
    /// File name shown to the user.
    pub source_name: &'a str,
    /// Full path it was imported from, when it came from a file.
    pub source_path: Option<&'a Path>,
    /// The file's bytes: their sha256 identifies the document.
    pub bytes: &'a [u8],
    /// Decoded text before cleaning.
    pub raw: &'a str,
    /// Cleaned text the spans refer to.
    pub clean: &'a str,
    pub parsed: &'a ParsedDocument,
}
