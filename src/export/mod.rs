//! Files out: charts as SVG or PNG, tables as CSV or XLSX, and the HTML briefing. Every
//! file is written atomically ([`write_atomic`]): readers never see half a file, and a
//! failed export leaves what was there before.

pub mod briefing;
pub mod fonts;
pub mod png;
pub mod table;
pub mod translations;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::charts::{Chart, svg};
use crate::error::{Error, Result};

/// File formats a chart can be saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
}

impl ChartFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Result<ChartFormat> {
        match extension(path).as_deref() {
            Some("svg") => Ok(ChartFormat::Svg),
            Some("png") => Ok(ChartFormat::Png),
            _ => Err(Error::bad_input(path, "a chart is saved as .svg or .png")),
        }
    }
}

/// Lower-case extension of a path.
pub fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// Renders `chart` and writes it to `path` as SVG or PNG (by extension).
pub fn save_chart(chart: &Chart, path: &Path) -> Result<()> {
    let format = ChartFormat::from_path(path)?;
    let svg = svg::render(chart);
    let bytes = match format {
        ChartFormat::Svg => svg.into_bytes(),
        ChartFormat::Png => png::svg_to_png(&svg).map_err(|m| Error::bad_input(path, m))?,
    };
    write_atomic(path, &bytes)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// A temporary file untouched this long belongs to an export that was killed (a running
/// export writes its file within seconds and renames it at once).
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the temporary files that killed exports of `name` left in `dir`
/// (`.<name>.<pid>.<n>.tmp`, untouched for [`STALE_TEMP`]): the next export of the same
/// file cleans up after them.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let ours = middle.split_once('.').is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        });
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// `path` holds either its old content or all of the new one. A missing folder, a folder
/// given as the file, or no write permission is an error naming `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::bad_input(path, "not a file name"))?;
    if path.is_dir() {
        return Err(Error::bad_input(path, "is a folder, not a file"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        let message = format!(
            "cannot write: folder {} does not exist",
            crate::error::shown(&dir)
        );
        return Err(Error::bad_input(path, message));
    }
    remove_stale_temps(&dir, &name);
    let tmp = temp_path(&dir, &name);
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::bad_input(path, format!("cannot write: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A killed export left `.<name>.<pid>.<n>.tmp` beside its target for good.
    #[test]
    fn the_next_export_removes_what_a_killed_one_left() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".chart.svg.4242.0.tmp");
        let fresh = dir.path().join(".chart.svg.4243.0.tmp");
        let other = dir.path().join(".notes.txt.4242.0.tmp");
        for p in [&old, &fresh, &other] {
            fs::write(p, b"half").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&old, &other] {
            let f = fs::File::options().write(true).open(p).unwrap();
            f.set_modified(hour_ago).unwrap();
        }
        write_atomic(&dir.path().join("chart.svg"), b"<svg/>").unwrap();
        assert!(!old.exists(), "stale temporary file kept");
        assert!(fresh.exists(), "a running export's file was removed");
        assert!(other.exists(), "another file's temporary file was removed");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unwritable_paths_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/dir/a.png");
        let e = write_atomic(&missing, b"x").unwrap_err().to_string();
        assert!(e.contains("does not exist") && e.contains("a.png"), "{e}");
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("folder"), "{e}");
        let e = ChartFormat::from_path(Path::new("chart.jpg"))
            .unwrap_err()
            .to_string();
        assert!(e.contains(".svg or .png"), "{e}");
    }
}
