//! SQLite storage of zones, documents and their extraction (see `rows` for what it returns).
//!
//! The public API below is what the CLI, the GUI and exports call; the SQL lives behind it.

pub mod rows;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Zone;
use rows::*;

/// An open database.
pub struct Store {
    path: PathBuf,
}

fn todo_err(path: &Path) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: "the database is not available in this build".into(),
    }
}

impl Store {
    /// Opens (creating, migrating and, when new, filling with the bundled corpus) the
    /// database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        Err(todo_err(path))
    }

    /// The database file in the platform data directory.
    pub fn default_path() -> Result<PathBuf> {
        Err(todo_err(Path::new("zonecompare.sqlite")))
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every zone with its documents and counts.
    pub fn zones(&self) -> Result<Vec<ZoneSummary>> {
        Err(todo_err(&self.path))
    }

    /// Adds a zone (slug must be new).
    pub fn create_zone(&mut self, _zone: &Zone) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Reads, parses and stores one file for `zone_slug`, in one transaction.
    pub fn import_file(&mut self, _file: &Path, _zone_slug: &str) -> Result<ImportOutcome> {
        Err(todo_err(&self.path))
    }

    /// Measures matching the filter, corrections applied.
    pub fn measures(&self, _filter: &Filter) -> Result<Vec<MeasureRow>> {
        Err(todo_err(&self.path))
    }

    /// Targets matching the filter, corrections applied.
    pub fn targets(&self, _filter: &Filter) -> Result<Vec<TargetRow>> {
        Err(todo_err(&self.path))
    }

    /// Current statistics (baselines) of the filtered zones.
    pub fn statistics(&self, _filter: &Filter) -> Result<Vec<StatisticRow>> {
        Err(todo_err(&self.path))
    }

    /// One document's text and outline.
    pub fn document(&self, _doc_id: i64) -> Result<DocumentText> {
        Err(todo_err(&self.path))
    }

    /// Lead / co-owner counts per agency and zone.
    pub fn agency_load(&self, _filter: &Filter) -> Result<Vec<AgencyLoadRow>> {
        Err(todo_err(&self.path))
    }

    /// Saves a correction overlay for a target.
    pub fn correct_target(&mut self, _target_id: i64, _c: &TargetCorrection) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Drops a target's correction: back to the parsed value.
    pub fn reset_target(&mut self, _target_id: i64) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Saves a correction overlay for a measure's themes or units.
    pub fn correct_measure(&mut self, _measure_id: i64, _c: &MeasureCorrection) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Drops a measure's correction.
    pub fn reset_measure(&mut self, _measure_id: i64) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Records an actual outcome for a zone's canonical indicator.
    pub fn set_actual(&mut self, _row: &ActualRow) -> Result<()> {
        Err(todo_err(&self.path))
    }

    /// Entered actual outcomes of the filtered zones.
    pub fn actuals(&self, _filter: &Filter) -> Result<Vec<ActualRow>> {
        Err(todo_err(&self.path))
    }
}
