//! The files a user names, folders expanded: an import takes a folder as readily as a file.

use std::path::{Path, PathBuf};

/// The files a user named (on the command line, in the dialog, dropped), folders expanded.
#[derive(Debug, Default, PartialEq)]
pub struct Inputs {
    /// Files to import, in the order given; a folder's files sorted by path.
    pub files: Vec<PathBuf>,
    /// Files found in folders whose format zonecompare does not read.
    pub skipped: usize,
}

/// Expands `paths`: a file is taken as given (its reader says if it cannot read it); a
/// folder is searched recursively for files with an extension in [`super::EXTENSIONS`],
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
        } else if super::format_of(&path).is_some() {
            inputs.files.push(path);
        } else {
            inputs.skipped += 1;
        }
    }
    Ok(())
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
}
