//! `zonecompare import PATH... [--zone SLUG | --new-zone NAME]`: files and folders (searched
//! recursively for the formats zonecompare reads) go through the batch importer. One line
//! per file on stderr (imported / already present / refused and why), prefixed with `[i/n]`
//! when stderr is a terminal, then a summary line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result as StoreResult};
use crate::ingest;
use crate::store::rows::ImportOutcome;
use crate::store::{ImportSource, Store};

/// Where the imported files go.
pub enum Target {
    Zone(String),
    NewZone(String),
}

/// The files named on the command line, folders expanded.
#[derive(Debug, Default, PartialEq)]
pub struct Inputs {
    /// Files to import, in command-line order; a folder's files sorted by path.
    pub files: Vec<PathBuf>,
    /// Files found in folders whose format zonecompare does not read.
    pub skipped: usize,
}

/// Expands `paths`: a file is taken as given (its reader says if it cannot read it); a
/// folder is searched recursively for files with an extension in [`ingest::EXTENSIONS`],
/// the others are counted as skipped. Folders reached through symbolic links are not
/// followed (they could loop). A path that does not exist is kept: it is refused with its
/// reason like any unreadable file.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Inputs> {
    let mut inputs = Inputs::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut inputs)?;
        } else {
            inputs.files.push(path.clone());
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Inputs) -> anyhow::Result<()> {
    let cannot = |e: std::io::Error| anyhow::anyhow!("{}: cannot read folder: {e}", dir.display());
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let entry = entry.map_err(cannot)?;
        entries.push((entry.path(), entry.file_type().map_err(cannot)?));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        if kind.is_dir() {
            walk(&path, inputs)?;
        } else if path.is_dir() {
            // A link to a folder.
            inputs.skipped += 1;
        } else if ingest::format_of(&path).is_some() {
            inputs.files.push(path);
        } else {
            inputs.skipped += 1;
        }
    }
    Ok(())
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
    store.import_sources(&sources, &slug, &mut on_outcome)?;
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
    fn folders_are_searched_recursively_for_readable_formats() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/deeper")).expect("mkdir");
        for name in [
            "a.txt",
            "b/deeper/c.PDF",
            "b/d.docx",
            "b/e.html",
            "notes.md",
            "b/x.xlsx",
        ] {
            std::fs::write(root.join(name), b"x").expect("write");
        }
        let single = root.join("notes.md");
        let inputs = expand(&[root.to_path_buf(), single.clone()]).expect("expand");
        let expected: Vec<PathBuf> = ["a.txt", "b/d.docx", "b/deeper/c.PDF", "b/e.html"]
            .iter()
            .map(|n| root.join(n))
            .chain([single])
            .collect();
        assert_eq!(inputs.files, expected);
        assert_eq!(inputs.skipped, 2);
    }

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
