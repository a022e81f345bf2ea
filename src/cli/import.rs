//! `zonecompare import PATH... [--zone SLUG | --new-zone NAME]`: files and folders (searched
//! recursively for the formats zonecompare reads, [`expand`]) go through the batch importer. One line
//! per file on stderr (imported / already present / refused and why), prefixed with `[i/n]`
//! when stderr is a terminal, then a summary line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::error::{Error, Result as StoreResult};
use crate::ingest::folders::expand;
use crate::store::rows::ImportOutcome;
use crate::store::{ImportSource, Store};

/// Where the imported files go.
pub enum Target {
    Zone(String),
    NewZone(String),
}

/// How the files of one import went.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    imported: usize,
    present: usize,
    refused: usize,
}

/// Imports every file; fails (after trying them all) when any was refused.
pub fn run(store: &mut Store, paths: &[PathBuf], target: &Target) -> anyhow::Result<()> {
    let slug = match target {
        Target::Zone(slug) => {
            if store.zone(slug)?.is_none() {
                anyhow::bail!("unknown zone '{slug}' (see `zonecompare zones`, or use --new-zone)");
            }
            slug.clone()
        }
        Target::NewZone(name) => {
            // Making the zone is a write: a damaged file is refused before it.
            if store.zone_named(name)?.is_none() {
                super::check_before_writing(store)?;
            }
            let zone = store.zone_for_name(name)?;
            eprintln!("zone {} ({})", zone.slug, zone.name_zh);
            zone.slug
        }
    };
    let inputs = expand(paths)?;
    let files = &inputs.files;
    let n = files.len();
    let progress = std::io::stderr().is_terminal() && n > 1;
    let mut counts = Counts::default();
    let mut err = std::io::stderr().lock();
    let mut on_outcome = |i: usize, outcome: &StoreResult<ImportOutcome>| {
        let shown = crate::error::shown(&files[i]);
        let line = match outcome {
            Ok(ImportOutcome::Imported {
                doc_id,
                measures,
                targets,
            }) => {
                counts.imported += 1;
                format!(
                    "{shown}: imported into {slug} as document {doc_id} ({measures} measures, \
                     {targets} targets)"
                )
            }
            Ok(ImportOutcome::AlreadyPresent { doc_id }) => {
                counts.present += 1;
                format!("{shown}: already present (document {doc_id}), not imported again")
            }
            Err(e) => {
                counts.refused += 1;
                format!("{shown}: refused: {}", reason(e))
            }
        };
        let _ = if progress {
            writeln!(err, "[{}/{n}] {line}", i + 1)
        } else {
            writeln!(err, "{line}")
        };
        true
    };
    let sources: Vec<ImportSource> = files.iter().cloned().map(ImportSource::Path).collect();
    store
        .import_sources(&sources, &slug, &mut on_outcome)
        .map_err(|e| match e.is_damaged() {
            true => anyhow::anyhow!(super::db::damaged_message(store.path(), &e)),
            false => e.into(),
        })?;
    drop(err);
    eprintln!("{}", summary(&counts, inputs.skipped));
    if counts.refused > 0 {
        anyhow::bail!("{} of {n} files refused", counts.refused);
    }
    Ok(())
}

/// `3 imported, 1 already present, 1 refused (2 files of other formats skipped)`.
fn summary(c: &Counts, skipped: usize) -> String {
    let mut line = format!(
        "{} imported, {} already present, {} refused",
        c.imported, c.present, c.refused
    );
    if skipped > 0 {
        let files = if skipped == 1 { "file" } else { "files" };
        line.push_str(&format!(" ({skipped} {files} of other formats skipped)"));
    }
    line
}

/// What went wrong, without repeating the file name the line starts with.
fn reason(e: &Error) -> String {
    let text = match e {
        Error::BadInput { message, .. } => message.clone(),
        Error::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    };
    text.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_each_outcome() {
        let c = Counts {
            imported: 3,
            present: 1,
            refused: 0,
        };
        assert_eq!(summary(&c, 0), "3 imported, 1 already present, 0 refused");
        assert_eq!(
            summary(&c, 1),
            "3 imported, 1 already present, 0 refused (1 file of other formats skipped)"
        );
    }
}
