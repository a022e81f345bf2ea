//! Recovering from a damaged database file: telling damage apart from other open errors,
//! listing the `<file>.bak-v<N>` copies made before migrations, restoring one, or starting
//! fresh. The damaged file is never overwritten or deleted: it is moved aside to
//! `<file>.broken-<unix seconds>` (with its `-wal` and `-shm` companions) for the user to keep.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::error::{Error, Result, StoreFault};

/// Whether the file at `path` exists and is a damaged database: not a SQLite file, shorter
/// than its header says while no write-ahead log is beside it, or failing SQLite's quick
/// check. A missing or empty file, or one that is only busy or locked by another program
/// (an import writing, a checkpoint copying the log into the file), is not damaged.
pub fn is_damaged(path: &Path) -> bool {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(_) => return false,
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return false;
    }
    let mut header = [0u8; 100];
    let read = file.read(&mut header).unwrap_or(0);
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return true;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536u64,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // While a log is beside the file, a checkpoint may have written the new header before
    // the pages that lengthen the file: only SQLite's own check can tell then.
    if header[24..28] == header[92..96]
        && pages > 0
        && page_size * pages > len
        && !super::migrate::has_log(path)
    {
        return true;
    }
    drop(file);
    quick_check_fails(path)
}

/// Whether another program has the database at `path` open (an import, the app): SQLite
/// refuses it an exclusive lock at once. A file that is not a database is not in use.
pub fn in_use(path: &Path) -> bool {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(path, flags) else {
        return false;
    };
    // Closing the last connection would copy the log into the file: never into a damaged one.
    let _ = conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    );
    // In WAL mode every open connection holds a shared lock on the file for as long as it
    // is open, so the exclusive lock is refused even between another program's writes.
    let locked = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|()| conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"));
    matches!(locked, Err(ref e) if is_busy(e))
}

/// Refuses to move the database at `path` while another program has it open: what that
/// program writes next would go into the moved file and be lost to the user.
fn refuse_in_use(path: &Path) -> Result<()> {
    if in_use(path) {
        return Err(Error::Store {
            path: path.to_path_buf(),
            kind: StoreFault::Busy,
            message: "is in use by another program (an import or the app?); close it and try \
                      again; nothing was moved"
                .into(),
        });
    }
    Ok(())
}

/// Runs `PRAGMA quick_check` read-only; a busy database is not counted as damaged.
fn quick_check_fails(path: &Path) -> bool {
    match super::soundness::check_file(path, |_| {}) {
        Ok(()) => false,
        Err(e) => e.store_fault() != Some(StoreFault::Busy),
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// A day: an import writes a new rotating backup when the newest backup is older.
pub const ROTATION_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// Rotating backups kept (`<file>.bak-v<N>-<unix seconds>`); older ones are removed, so
/// backups take at most this many copies of the database beside the ones written at
/// creation and before each migration.
pub const ROTATING_KEPT: usize = 3;

/// The backups of the database at `path` (`<file>.bak-v<N>`, written at creation and
/// before a migration to schema N; `<file>.bak-v<N>-<unix seconds>`, the rotating ones),
/// newest schema first, then most recent first.
pub fn backups(path: &Path) -> Vec<PathBuf> {
    let mut found = listed_backups(path);
    found.sort_by_key(|b| std::cmp::Reverse((b.version, b.written)));
    found.into_iter().map(|b| b.path).collect()
}

/// A backup file and what its name says.
struct Listed {
    path: PathBuf,
    version: u32,
    /// The time in a rotating backup's name, else the file's modification time.
    written: u64,
    rotating: bool,
}

fn listed_backups(path: &Path) -> Vec<Listed> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{name}.bak-v");
    std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            let rest = file.strip_prefix(&prefix)?;
            let (version, stamp) = match rest.split_once('-') {
                Some((v, t)) => (v.parse::<u32>().ok()?, Some(t.parse::<u64>().ok()?)),
                None => (rest.parse::<u32>().ok()?, None),
            };
            let modified = || {
                entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs())
            };
            Some(Listed {
                path: entry.path(),
                version,
                written: stamp.unwrap_or_else(modified),
                rotating: stamp.is_some(),
            })
        })
        .collect()
}

/// After an import has stored documents: writes a rotating backup when the newest backup
/// of the current schema is older than [`ROTATION_INTERVAL`] (at most one a day, however
/// many imports), then removes rotating backups beyond the newest [`ROTATING_KEPT`].
/// Returns the backup written, if one was.
pub(crate) fn rotate_backup(store: &Store) -> Result<Option<PathBuf>> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let version = super::migrate::SCHEMA_VERSION;
    let newest = listed_backups(&store.path)
        .into_iter()
        .filter(|b| b.version == version)
        .map(|b| b.written)
        .max();
    if newest.is_some_and(|t| now.saturating_sub(t) < ROTATION_INTERVAL.as_secs()) {
        return Ok(None);
    }
    let mut name = store.path.as_os_str().to_owned();
    name.push(format!(".bak-v{version}-{now}"));
    let dest = PathBuf::from(name);
    super::migrate::write_copy(&store.conn, &store.path, &dest)?;
    let mut rotating: Vec<Listed> = listed_backups(&store.path)
        .into_iter()
        .filter(|b| b.rotating)
        .collect();
    rotating.sort_by_key(|b| std::cmp::Reverse(b.written));
    for old in rotating.iter().skip(ROTATING_KEPT) {
        if let Err(e) = std::fs::remove_file(&old.path) {
            log::warn!(
                "{}: old backup not removed: {e}",
                crate::error::shown(&old.path)
            );
        }
    }
    Ok(Some(dest))
}

/// The backups of [`backups`] that are sound databases themselves (a SQLite file passing
/// the quick check), most recently written first (the copy made at creation is older than
/// one made before a later migration, or by the user): the only ones worth offering.
pub fn sound_backups(path: &Path) -> Vec<PathBuf> {
    let mut sound: Vec<(Option<SystemTime>, PathBuf)> = backups(path)
        .into_iter()
        .filter(|b| is_sound_file(b))
        .map(|b| (std::fs::metadata(&b).and_then(|m| m.modified()).ok(), b))
        .collect();
    // Stable: backups written at the same time stay newest schema first.
    sound.sort_by_key(|(written, _)| std::cmp::Reverse(*written));
    sound.into_iter().map(|(_, b)| b).collect()
}

fn is_sound_file(path: &Path) -> bool {
    let mut header = [0u8; 16];
    let starts_right = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0");
    starts_right && !is_damaged(path)
}

/// Moves the damaged database aside, copies `backup` in its place and opens it (migrating
/// it to the current schema). Returns the opened store and where the damaged file went.
pub fn restore_backup(path: &Path, backup: &Path) -> Result<(Store, PathBuf)> {
    if !backup.is_file() {
        return Err(Error::Store {
            path: backup.to_path_buf(),
            kind: StoreFault::NotFound,
            message: "backup not found".into(),
        });
    }
    if !is_sound_file(backup) {
        return Err(Error::Store {
            path: backup.to_path_buf(),
            kind: StoreFault::Other,
            message: "the backup is itself damaged; nothing was moved".into(),
        });
    }
    refuse_in_use(path)?;
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".restore.tmp");
    let tmp = PathBuf::from(tmp_name);
    std::fs::copy(backup, &tmp).map_err(|e| Error::io(backup, e))?;
    let aside = match move_aside(path) {
        Ok(aside) => aside,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
    Ok((Store::open(path)?, aside))
}

/// Moves the damaged database aside and creates a new database (with the bundled corpus)
/// at `path`. Returns the new store and where the damaged file went.
pub fn start_fresh(path: &Path) -> Result<(Store, PathBuf)> {
    refuse_in_use(path)?;
    let aside = move_aside(path)?;
    Ok((Store::open(path)?, aside))
}

/// Renames `path` (and its `-wal` / `-shm` files, so a stale log is never replayed into
/// another database) to `<file>.broken-<unix seconds>[-<n>]`; returns the new main path.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let aside = (0u32..)
        .map(|n| {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".broken-{secs}"));
            if n > 0 {
                name.push(format!("-{n}"));
            }
            PathBuf::from(name)
        })
        .find(|p| !p.exists())
        .expect("an unused name exists");
    std::fs::rename(path, &aside).map_err(|e| Error::io(path, e))?;
    for suffix in ["-wal", "-shm"] {
        let mut from = path.as_os_str().to_owned();
        from.push(suffix);
        let from = PathBuf::from(from);
        if from.exists() {
            let mut to = aside.as_os_str().to_owned();
            to.push(suffix);
            std::fs::rename(&from, PathBuf::from(to)).map_err(|e| Error::io(&from, e))?;
        }
    }
    Ok(aside)
}
