//! `zonecompare import FILE... [--zone SLUG | --new-zone NAME]`: one line per file on
//! stderr (imported / already present / refused and why), `[i/n]` progress for many files.

use std::io::Write;
use std::path::PathBuf;

use crate::error::Error;
use crate::store::Store;
use crate::store::rows::ImportOutcome;

/// Where the imported files go.
pub enum Target {
    Zone(String),
    NewZone(String),
}

/// Imports every file; fails (after trying them all) when any was refused.
pub fn run(store: &mut Store, files: &[PathBuf], target: &Target) -> anyhow::Result<()> {
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
    let n = files.len();
    let mut refused = 0;
    let mut err = std::io::stderr().lock();
    for (i, file) in files.iter().enumerate() {
        let progress = if n > 1 {
            format!("[{}/{n}] ", i + 1)
        } else {
            String::new()
        };
        let shown = crate::error::shown(file);
        let line = match store.import_file(file, &slug) {
            Ok(ImportOutcome::Imported {
                doc_id,
                measures,
                targets,
            }) => format!(
                "{shown}: imported into {slug} as document {doc_id} ({measures} measures, \
                 {targets} targets)"
            ),
            Ok(ImportOutcome::AlreadyPresent { doc_id }) => {
                format!("{shown}: already present (document {doc_id}), not imported again")
            }
            Err(e) => {
                refused += 1;
                format!("{shown}: refused: {}", reason(&e))
            }
        };
        let _ = writeln!(err, "{progress}{line}");
    }
    if refused > 0 {
        anyhow::bail!("{refused} of {n} files refused");
    }
    Ok(())
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
