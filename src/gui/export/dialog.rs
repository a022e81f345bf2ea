//! The system save dialog (rfd) and the defaults of the in-app path field.
//!
//! rfd 0.17 on Linux asks the desktop portal over D-Bus, then falls back to `zenity`; when
//! both are missing it returns "no file" at once, exactly as if the user had cancelled. So
//! the app does not open a dialog where neither can answer, and treats an instant "no
//! file" as a dialog that could not be shown.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{ExportRequest, FileKind};

/// Whether a system save dialog can be expected to appear. `ZONECOMPARE_NO_DIALOG` (any
/// value) turns the dialog off.
pub fn dialog_possible() -> bool {
    if std::env::var_os("ZONECOMPARE_NO_DIALOG").is_some() {
        return false;
    }
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        return true;
    }
    session_bus() || on_path("zenity")
}

/// A D-Bus session bus is announced in the environment or at its usual socket.
fn session_bus() -> bool {
    let announced = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty());
    let socket = std::env::var_os("XDG_RUNTIME_DIR")
        .map(|d| Path::new(&d).join("bus").exists())
        .unwrap_or(false);
    announced || socket
}

/// An executable named `program` is in one of the `PATH` folders.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
        .unwrap_or(false)
}

/// Where exported files go by default: the documents folder, else home, else the current
/// folder.
pub fn default_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .filter(|d| d.is_dir())
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`… when that file exists already.
pub fn unique_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, format!(".{e}")),
        None => (name, String::new()),
    };
    (2..1000)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Shows the save dialog (blocking: call it off the UI thread). Returns the chosen path
/// and how long the dialog took.
pub(super) fn ask(request: &ExportRequest, title: &str) -> (Option<PathBuf>, Duration) {
    let start = Instant::now();
    let mut kinds: Vec<FileKind> = vec![request.kind];
    kinds.extend(request.what.kinds().iter().filter(|k| **k != request.kind));
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .set_directory(default_dir())
        .set_file_name(request.file_name());
    for kind in kinds {
        dialog = dialog.add_filter(kind.label(), &[kind.ext()]);
    }
    let path = dialog.save_file();
    (path, start.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_path_skips_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(unique_path(dir.path(), "a.png"), dir.path().join("a.png"));
        std::fs::write(dir.path().join("a.png"), b"x").unwrap();
        assert_eq!(unique_path(dir.path(), "a.png"), dir.path().join("a-2.png"));
        assert!(default_dir().is_absolute() || default_dir() == Path::new("."));
    }
}
