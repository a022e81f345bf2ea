//! Opening a database file safely: header check, connection settings, and versioned schema
//! migrations (`PRAGMA user_version` + the numbered SQL files in `migrations/`).
//!
//! A file written by a newer zonecompare is refused; a file that is not a SQLite database,
//! or is truncated, is refused and left untouched; an existing database is copied to
//! `<file>.bak-v<N>` before it is migrated from schema N.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result, StoreFault};

/// Numbered migrations, in order: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_core", include_str!("migrations/0001_core.sql")),
    ("0002_fts", include_str!("migrations/0002_fts.sql")),
    (
        "0003_filter_indexes",
        include_str!("migrations/0003_filter_indexes.sql"),
    ),
    (
        "0004_zone_columns_and_texts",
        include_str!("migrations/0004_zone_columns_and_texts.sql"),
    ),
    (
        "0005_fts_merge",
        include_str!("migrations/0005_fts_merge.sql"),
    ),
    (
        "0006_zone_counts",
        include_str!("migrations/0006_zone_counts.sql"),
    ),
    (
        "0007_fts_deferred",
        include_str!("migrations/0007_fts_deferred.sql"),
    ),
    (
        "0008_view_counts",
        include_str!("migrations/0008_view_counts.sql"),
    ),
    (
        "0009_fts_bulk",
        include_str!("migrations/0009_fts_bulk.sql"),
    ),
    (
        "0010_title_translations",
        include_str!("migrations/0010_title_translations.sql"),
    ),
];

/// Schema version this binary writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// How long a writer waits for another process holding the database lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Maps a SQLite error to the library error naming the database file.
pub(crate) fn db_err(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let code = match &e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    let (kind, message) = match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => (
            StoreFault::Busy,
            "the database is in use by another zonecompare (it stayed locked for 5 s); \
             close the other program and try again"
                .to_string(),
        ),
        Some(ErrorCode::NotADatabase) => (
            StoreFault::Damaged,
            format!(
                "is not a zonecompare database (unreadable header); the file was left \
                 unchanged: {}",
                recovery_advice(path)
            ),
        ),
        Some(ErrorCode::DatabaseCorrupt) => (
            StoreFault::Damaged,
            format!(
                "the database file is damaged; the file was left unchanged: {}",
                recovery_advice(path)
            ),
        ),
        Some(ErrorCode::ConstraintViolation) => {
            (StoreFault::Constraint, e.to_string().replace('\n', " "))
        }
        _ => (StoreFault::Other, e.to_string().replace('\n', " ")),
    };
    Error::store(path, kind, message)
}

/// What to do about a damaged database: `db recover`, naming the backup it can restore.
pub fn recovery_advice(path: &Path) -> String {
    match super::recovery::sound_backups(path).first() {
        Some(backup) => format!(
            "run `zonecompare db recover --restore` (restores {}) or `db recover --fresh` \
             (the damaged file is kept), or choose another --db",
            backup
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        ),
        None => "run `zonecompare db recover --fresh` (the damaged file is kept; there is no \
                 sound backup), or choose another --db"
            .into(),
    }
}

/// The first problem `PRAGMA quick_check` reported, without its "*** in database" heading.
pub fn first_problem(check: &str) -> &str {
    check
        .lines()
        .find(|l| !l.starts_with("*** in database"))
        .unwrap_or(check)
        .trim()
}

/// Whether a write-ahead log (`<file>-wal`) lies beside the database: another program may
/// be writing or checkpointing it.
pub fn has_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    PathBuf::from(wal).exists()
}

fn store_err(path: &Path, kind: StoreFault, message: impl Into<String>) -> Error {
    Error::store(path, kind, message)
}

/// A connection to a database whose schema is current.
pub(crate) struct Opened {
    pub conn: Connection,
    /// The file had no schema yet: this program created the database.
    pub created: bool,
}

/// Opens or creates the database at `path`, checks it and brings its schema up to date.
pub(crate) fn open_connection(path: &Path) -> Result<Opened> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let size_unsure = check_header(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| db_err(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| db_err(path, e))?;
    // Reading the schema first: a garbage file fails here, before anything is written.
    // One statement, so both values come from the same snapshot.
    let (version, table_count): (u32, i64) = conn
        .query_row(
            "SELECT user_version, (SELECT count(*) FROM sqlite_schema) FROM pragma_user_version",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| db_err(path, e))?;
    if size_unsure {
        // Shorter than its header says, with a log beside it: a checkpoint in progress
        // elsewhere, or damage. SQLite's own check, reading through the log, tells them apart.
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| db_err(path, e))?;
        if check != "ok" {
            return Err(store_err(
                path,
                StoreFault::Damaged,
                format!(
                    "the database file is damaged ({}); the file was left unchanged: {}",
                    first_problem(&check),
                    recovery_advice(path)
                ),
            ));
        }
    }
    if version > SCHEMA_VERSION {
        return Err(store_err(
            path,
            StoreFault::NewerSchema,
            format!(
                "was written by a newer zonecompare (schema {version} > {SCHEMA_VERSION}); \
                 update zonecompare or use another --db"
            ),
        ));
    }
    if version == 0 && table_count > 0 {
        return Err(store_err(
            path,
            StoreFault::Foreign,
            "is a SQLite file of another program (no zonecompare schema); the file was left \
             unchanged",
        ));
    }
    // Switching a new file to WAL needs it to itself, and SQLite answers "busy" at once
    // rather than through the busy handler: retry while another program sets it up.
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => break other.map_err(|e| db_err(path, e))?,
        }
    }
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| db_err(path, e))?;
    // WAL + NORMAL: a commit survives the program being killed; only a power cut can undo
    // the last commits before a checkpoint, never corrupt the file. FULL would fsync every
    // imported file.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(|e| db_err(path, e))?;
    // Sorting and grouping in memory; a page cache that holds the indexes every view reads.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(|e| db_err(path, e))?;
    conn.pragma_update(None, "cache_size", -32_000)
        .map_err(|e| db_err(path, e))?;
    // An import cycles through about twenty statements and the views use a dozen more:
    // the default cache of 16 would re-prepare some of them for every file.
    conn.set_prepared_statement_cache_capacity(64);
    if version < SCHEMA_VERSION {
        if version > 0 {
            backup(&conn, path, version)?;
        }
        migrate_to(&mut conn, SCHEMA_VERSION).map_err(|e| db_err(path, e))?;
    }
    Ok(Opened {
        conn,
        created: version == 0,
    })
}

/// Refuses a non-empty file that does not start like a SQLite database, or that is shorter
/// than its header says (a truncated copy). Nothing is written. Returns whether the file is
/// shorter than its header says while a log lies beside it, which only SQLite can judge.
fn check_header(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(path, e)),
    };
    let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut header = [0u8; 100];
    let read = file.read(&mut header).map_err(|e| Error::io(path, e))?;
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Err(store_err(
            path,
            StoreFault::Damaged,
            format!(
                "is not a zonecompare database (not a SQLite file); the file was left \
                 unchanged: {}",
                recovery_advice(path)
            ),
        ));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536u64,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    // The in-header page count is only trustworthy when written by SQLite ≥ 3.7.0 in the
    // same transaction as the change counter.
    // A checkpoint in another program may have written the new header before the pages
    // that lengthen the file: with a log beside it, the size proves nothing.
    let short = change_counter == valid_for && pages > 0 && page_size * pages > len;
    if short && has_log(path) {
        return Ok(true);
    }
    if short {
        return Err(store_err(
            path,
            StoreFault::Damaged,
            format!(
                "is truncated ({len} bytes, the header says {} bytes); the file was left \
                 unchanged: {}",
                page_size * pages,
                recovery_advice(path)
            ),
        ));
    }
    Ok(false)
}

/// Schema version stored in the file (0 = no schema).
pub fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies the migrations after the current version up to `target`, each in its own
/// transaction together with its version bump. The version is read again under the write
/// lock, so two programs opening a new file at once do not both migrate it.
pub fn migrate_to(conn: &mut Connection, target: u32) -> rusqlite::Result<()> {
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = i as u32 + 1;
        if version > target {
            break;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if user_version(&tx)? >= version {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// Where the copy made before migrating from schema `version` goes.
pub fn backup_path(path: &Path, version: u32) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bak-v{version}"));
    PathBuf::from(name)
}

/// Writes a consistent copy of the database (WAL content included) next to it.
pub(crate) fn backup(conn: &Connection, path: &Path, version: u32) -> Result<()> {
    write_copy(conn, path, &backup_path(path, version))
}

/// Writes a consistent copy of the database at `path` to `dest` (through a temporary
/// file beside it, renamed when complete: a killed copy never looks like a backup).
pub(crate) fn write_copy(conn: &Connection, path: &Path, dest: &Path) -> Result<()> {
    // A name of its own: two programs migrating the same file at once both write a copy.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut tmp_name = dest.as_os_str().to_owned();
    static COPIES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COPIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    tmp_name.push(format!(".tmp-{}-{nanos}-{n}", std::process::id()));
    let tmp = PathBuf::from(tmp_name);
    let _ = std::fs::remove_file(&tmp);
    let tmp_str = tmp.to_str().ok_or_else(|| {
        store_err(
            path,
            StoreFault::Other,
            "the backup path is not valid Unicode",
        )
    })?;
    conn.execute("VACUUM INTO ?1", [tmp_str]).map_err(|e| {
        store_err(
            path,
            StoreFault::Other,
            format!("could not write a backup: {e}"),
        )
    })?;
    std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
    Ok(())
}
