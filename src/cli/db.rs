//! `zonecompare db recover --restore | --fresh` (hidden): recovering from a damaged
//! database file, and the one-line message data commands give when they meet one.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::error::Error;
use crate::store::recovery;

/// `db` subcommands.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Replace a damaged database: the damaged file is kept as `<file>.broken-<time>`.
    Recover {
        /// Put the newest `<file>.bak-v<N>` backup in its place.
        #[arg(long, conflicts_with = "fresh", required_unless_present = "fresh")]
        restore: bool,
        /// Create a new database with the bundled documents.
        #[arg(long)]
        fresh: bool,
    },
}

/// Runs a `db` subcommand on the database at `path`.
pub fn run(path: &Path, cmd: DbCommand) -> anyhow::Result<()> {
    let DbCommand::Recover { restore, .. } = cmd;
    if !recovery::is_damaged(path) {
        anyhow::bail!(
            "database {}: is not damaged; nothing to recover",
            crate::error::shown(path)
        );
    }
    let (_store, aside) = if restore {
        let Some(backup) = recovery::sound_backups(path).into_iter().next() else {
            anyhow::bail!(
                "database {}: no backup next to it that is sound (.bak-v<N>); use --fresh",
                crate::error::shown(path)
            );
        };
        eprintln!("restoring {}", crate::error::shown(&backup));
        recovery::restore_backup(path, &backup)?
    } else {
        recovery::start_fresh(path)?
    };
    eprintln!(
        "{}: ready; the damaged file was kept as {}",
        crate::error::shown(path),
        crate::error::shown(&aside)
    );
    Ok(())
}

/// The one-line message for a data command that found the database at `path` damaged;
/// `error` is what opening it said.
pub fn damaged_message(path: &Path, error: &Error) -> String {
    let reason = match error {
        Error::Store { message, .. } => message.clone(),
        other => other.to_string(),
    };
    // The advice is given once, below.
    let reason = reason
        .split(": run `zonecompare db recover")
        .next()
        .unwrap_or_default()
        .to_string();
    let restore = match recovery::sound_backups(path).first() {
        Some(b) => format!(
            "`zonecompare --db {} db recover --restore` (from {}), ",
            crate::error::shown(path),
            file_name(b)
        ),
        None => String::new(),
    };
    format!(
        "database {} is damaged: {}; recover with {restore}`zonecompare --db {} db recover \
         --fresh` (the damaged file is kept), open the app to be offered the same, or use \
         another --db",
        crate::error::shown(path),
        reason.replace('\n', " "),
        crate::error::shown(path)
    )
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| PathBuf::from(p).display().to_string())
}
