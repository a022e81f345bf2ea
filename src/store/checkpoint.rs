//! WAL checkpoints of a bulk import on a thread and connection of their own.
//!
//! SQLite copies committed pages from the write-ahead log into the database file once the
//! log passes 1,000 pages, on the connection that committed: during a bulk import that is
//! the single writer, whose time bounds the import, reading the log back and writing the
//! file. While [`import_many`](super::bulk) runs, the writer's automatic checkpoints are
//! off and each committed batch wakes this thread, which checkpoints in `PASSIVE` mode (it
//! never blocks the writer, which keeps appending batches meanwhile).

use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::Scope;

use rusqlite::{Connection, OpenFlags};

/// A second connection to the database, for checkpoints.
pub(crate) struct Checkpoints {
    conn: Connection,
}

impl Checkpoints {
    /// `None` when the second connection cannot be opened: the writer then checkpoints
    /// as usual.
    pub(crate) fn open(db: &Path) -> Option<Checkpoints> {
        // The writer's flags but never CREATE: the same file, or no second connection.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(db, flags).ok()?;
        conn.pragma_update(None, "synchronous", "NORMAL").ok()?;
        Some(Checkpoints { conn })
    }

    /// Starts the checkpoint thread; every message on the returned channel asks for one
    /// checkpoint (a request while one is pending is dropped: the pending one covers it).
    /// The thread makes a last checkpoint and ends when the channel is dropped. `None` when
    /// no thread could be started.
    pub(crate) fn spawn<'scope>(self, scope: &'scope Scope<'scope, '_>) -> Option<SyncSender<()>> {
        let (send, recv) = mpsc::sync_channel::<()>(1);
        std::thread::Builder::new()
            .name("import-checkpoint".into())
            .spawn_scoped(scope, move || self.run(recv))
            .ok()?;
        Some(send)
    }

    fn run(self, requests: Receiver<()>) {
        for () in requests.iter() {
            self.checkpoint();
        }
        self.checkpoint();
    }

    fn checkpoint(&self) {
        // A checkpoint that cannot finish (a reader still needs old pages) is resumed by
        // the next one; any failure leaves the log to the writer's checkpoints.
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

/// Asks the checkpoint thread for a checkpoint, if there is one.
pub(crate) fn request(signal: Option<&SyncSender<()>>) {
    if let Some(s) = signal {
        let _ = s.try_send(());
    }
}

/// Switches the writer's automatic checkpoints off (the checkpoint thread does them);
/// returns the threshold to give back to [`restore`], or `None` if it could not be read.
pub(crate) fn pause(writer: &Connection) -> Option<i64> {
    let pages: i64 = writer
        .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
        .ok()?;
    writer.pragma_update(None, "wal_autocheckpoint", 0).ok()?;
    Some(pages)
}

/// Turns the writer's automatic checkpoints back on.
pub(crate) fn restore(writer: &Connection, pages: i64) {
    let _ = writer.pragma_update(None, "wal_autocheckpoint", pages);
}
