//! SQLite's quick check of a database file, run beside other work. On a large database
//! the check reads every page and re-tokenises the full-text index (about 4 s of CPU at
//! 10,000 documents): an import parses its files meanwhile, the app answers its queries
//! meanwhile, and both wait for the verdict only before they write.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, InterruptHandle, OpenFlags};

use super::migrate;
use crate::error::{Error, Result, StoreFault};

/// Runs `PRAGMA quick_check` on `conn`: `Ok` when the file is sound, a
/// [`StoreFault::Damaged`] error naming the first problem and `db recover` otherwise.
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| migrate::db_err(path, e))?;
    if check == "ok" {
        return Ok(());
    }
    Err(Error::store(
        path,
        StoreFault::Damaged,
        format!(
            "the database file is damaged ({}); nothing was written: {}",
            migrate::first_problem(&check),
            migrate::recovery_advice(path)
        ),
    ))
}

/// Runs the quick check on the file at `path` through a read-only connection of its own
/// (waiting out a writer's lock as other connections do); `opened` sees the connection
/// before the check starts.
pub(crate) fn check_file(path: &Path, opened: impl FnOnce(&Connection)) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| migrate::db_err(path, e))?;
    let _ = conn.busy_timeout(migrate::BUSY_TIMEOUT);
    opened(&conn);
    quick_check(&conn, path)
}

/// What the check found, kept so it can be asked again.
#[derive(Debug, Clone)]
enum Verdict {
    Sound,
    Refused(StoreFault, String),
}

impl Verdict {
    fn of(result: Result<()>) -> Verdict {
        match result {
            Ok(()) => Verdict::Sound,
            Err(Error::Store { kind, message, .. }) => Verdict::Refused(kind, message),
            Err(other) => Verdict::Refused(StoreFault::Other, other.to_string()),
        }
    }
}

/// A quick check running on a thread of its own, with its own read-only connection.
/// Dropping it before the verdict asks the check to stop and does not wait for it: the
/// full-text part of the check cannot be interrupted, and a read-only check left running
/// changes nothing (the process's exit ends it).
pub struct SoundnessCheck {
    path: PathBuf,
    receiver: Option<Receiver<Verdict>>,
    verdict: Option<Verdict>,
    interrupt: Arc<Mutex<Option<InterruptHandle>>>,
}

impl SoundnessCheck {
    /// Starts checking the database at `path`.
    pub fn start(path: &Path) -> SoundnessCheck {
        let (send, receiver) = mpsc::sync_channel(1);
        let interrupt = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&interrupt);
        let file = path.to_path_buf();
        let run = move || {
            let result = check_file(&file, |conn| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(conn.get_interrupt_handle());
                }
            });
            if let Ok(mut slot) = slot.lock() {
                *slot = None;
            }
            let _ = send.send(Verdict::of(result));
        };
        let mut check = SoundnessCheck {
            path: path.to_path_buf(),
            receiver: Some(receiver),
            verdict: None,
            interrupt,
        };
        let spawned = std::thread::Builder::new()
            .name("zonecompare-check".into())
            .spawn(run);
        // No thread to be had: the check runs now, on this one.
        if spawned.is_err() {
            check.receiver = None;
            check.verdict = Some(Verdict::of(check_file(path, |_| {})));
        }
        check
    }

    /// Waits for the verdict: `Ok` when the file is sound, else the error to report (a
    /// damaged file, or a database too busy to be checked).
    pub fn wait(&mut self) -> Result<()> {
        if self.verdict.is_none() {
            let verdict = self
                .receiver
                .take()
                .and_then(|r| r.recv().ok())
                .unwrap_or_else(|| {
                    Verdict::Refused(StoreFault::Other, "the quick check did not finish".into())
                });
            self.verdict = Some(verdict);
        }
        self.result()
    }

    /// The verdict if the check has finished, without waiting.
    pub fn try_verdict(&mut self) -> Option<Result<()>> {
        if self.verdict.is_none() {
            let receiver = self.receiver.as_ref()?;
            match receiver.try_recv() {
                Ok(v) => self.verdict = Some(v),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => return Some(self.wait()),
            }
        }
        Some(self.result())
    }

    fn result(&self) -> Result<()> {
        match &self.verdict {
            Some(Verdict::Sound) => Ok(()),
            Some(Verdict::Refused(kind, message)) => {
                Err(Error::store(&self.path, *kind, message.clone()))
            }
            None => Err(Error::store(
                &self.path,
                StoreFault::Other,
                "the quick check has not finished",
            )),
        }
    }
}

impl Drop for SoundnessCheck {
    fn drop(&mut self) {
        if self.verdict.is_none()
            && let Ok(slot) = self.interrupt.lock()
            && let Some(handle) = slot.as_ref()
        {
            handle.interrupt();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sound_database_passes_and_a_damaged_one_is_named_as_such() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("zc.sqlite");
        drop(super::super::Store::open(&path).expect("open"));
        let mut check = SoundnessCheck::start(&path);
        assert!(check.wait().is_ok());
        assert!(
            check.try_verdict().is_some_and(|v| v.is_ok()),
            "asked again"
        );

        // Overwrite pages in the middle of the file: the header still reads.
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
                .expect("checkpoint");
        }
        let mut bytes = std::fs::read(&path).expect("read");
        let page = 4096;
        let middle = bytes.len() / page / 2 * page;
        for b in &mut bytes[middle..middle + 3 * page] {
            *b = 0x5a;
        }
        std::fs::write(&path, &bytes).expect("write");
        let err = SoundnessCheck::start(&path).wait().expect_err("damaged");
        assert!(err.is_damaged(), "{err}");
        assert!(err.to_string().contains("db recover"), "{err}");
    }

    #[test]
    fn a_check_nobody_waits_for_can_be_dropped_at_any_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("zc.sqlite");
        drop(super::super::Store::open(&path).expect("open"));
        drop(SoundnessCheck::start(&path));
        let mut check = SoundnessCheck::start(&path);
        std::thread::sleep(std::time::Duration::from_millis(5));
        drop(check.try_verdict());
        drop(check);
        // The database is as usable as before.
        assert!(
            super::super::Store::open(&path)
                .expect("open")
                .check_sound()
                .is_ok()
        );
    }
}
