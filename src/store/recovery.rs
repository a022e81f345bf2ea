//! Recovering from a damaged database file: telling damage apart from other open errors,
//! listing the `<file>.bak-v<N>` copies made before migrations, restoring one, or starting
//! fresh. The damaged file is never overwritten or deleted: it is moved aside to
//! `<file>.broken-<unix seconds>` (with its `-wal` and `-shm` companions) for the user to keep.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::error::{Error, Result};

/// Whether the file at `path` exists and is a damaged database: not a SQLite file, shorter
/// than its header says, or failing SQLite's quick check. A missing or empty file, or one
/// that is only locked by another program, is not damaged.
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
    if header[24..28] == header[92..96] && pages > 0 && page_size * pages > len {
        return true;
    }
    drop(file);
    quick_check_fails(path)
}

/// Runs `PRAGMA quick_check` read-only; a busy database is not counted as damaged.
fn quick_check_fails(path: &Path) -> bool {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match Connection::open_with_flags(path, flags) {
        Ok(c) => c,
        Err(e) => return !is_busy(&e),
    };
    let _ = conn.busy_timeout(super::migrate::BUSY_TIMEOUT);
    match conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)) {
        Ok(result) => result != "ok",
        Err(e) => !is_busy(&e),
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// The backups of the database at `path` (`<file>.bak-v<N>`), newest schema first.
pub fn backups(path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{name}.bak-v");
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            let version = file.strip_prefix(&prefix)?.parse::<u32>().ok()?;
            Some((version, entry.path()))
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.0));
    found.into_iter().map(|(_, p)| p).collect()
}

/// Moves the damaged database aside, copies `backup` in its place and opens it (migrating
/// it to the current schema). Returns the opened store and where the damaged file went.
pub fn restore_backup(path: &Path, backup: &Path) -> Result<(Store, PathBuf)> {
    if !backup.is_file() {
        return Err(Error::Store {
            path: backup.to_path_buf(),
            message: "backup not found".into(),
        });
    }
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
