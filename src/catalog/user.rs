//! An analyst's own taxonomies: copies of `themes.toml`, `indicators.toml`, `agencies.toml`
//! or `instruments.toml` in the user taxonomy folder replace the bundled file of the same
//! name (files not there stay bundled). Stored documents tagged with other taxonomies are
//! re-parsed when the database opens, because the parser version fingerprints the catalog.

use std::path::{Path, PathBuf};

use super::{Catalog, load};
use crate::error::{Error, Result};

/// The four taxonomy files, in the order the loader takes them.
const FILES: [&str; 4] = [
    "themes.toml",
    "indicators.toml",
    "agencies.toml",
    "instruments.toml",
];

/// The folder whose taxonomy files replace the bundled ones: `ZONECOMPARE_TAXONOMIES` if
/// set, else `taxonomies` in the app's data folder (beside the default database).
pub fn user_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ZONECOMPARE_TAXONOMIES").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    crate::paths::data_dir().map(|dir| dir.join("taxonomies"))
}

/// The catalog with the files found in `dir` in place of the bundled ones; `None` when the
/// folder holds none of them. A file that cannot be read or checked is an error naming it.
pub fn load_overrides(dir: &Path) -> Result<Option<Catalog>> {
    let mut found = false;
    let mut texts: Vec<(String, String)> = Vec::with_capacity(FILES.len());
    for name in FILES {
        let path = dir.join(name);
        if path.is_file() {
            found = true;
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::bad_input(&path, "not UTF-8 text; save it as UTF-8"))?;
            texts.push((path.display().to_string(), text));
        } else {
            let bundled = Catalog::bundled_text(name).unwrap_or_default();
            texts.push((name.to_string(), bundled.to_string()));
        }
    }
    if !found {
        return Ok(None);
    }
    let file = |i: usize| (texts[i].0.as_str(), texts[i].1.as_str());
    load::from_named([file(0), file(1), file(2), file(3)]).map(Some)
}

/// Installs the user's taxonomies (see [`user_dir`]) for this process, if there are any.
/// Returns a warning to show when they could not be used: the bundled ones stay in force.
pub fn install_user_taxonomies() -> Option<String> {
    let dir = user_dir()?;
    match load_overrides(&dir) {
        Ok(Some(catalog)) => {
            if Catalog::install(catalog) {
                None
            } else {
                Some(
                    "taxonomies were already in use; edited copies apply from the next start"
                        .into(),
                )
            }
        }
        Ok(None) => None,
        Err(e) => Some(format!("{e}; using the bundled taxonomies")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_taxonomy_files_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        assert!(load_overrides(dir.path()).unwrap().is_none());
        assert!(
            load_overrides(&dir.path().join("missing"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn an_edited_themes_file_replaces_only_the_themes() {
        let dir = tempfile::tempdir().unwrap();
        let themes = "[[theme]]\nid = \"offshore\"\nzh = \"离岸创新\"\nen = \"Offshore innovation\"\nkeywords = [\"离岸创新中心\"]\n";
        std::fs::write(dir.path().join("themes.toml"), themes).unwrap();
        let c = load_overrides(dir.path()).unwrap().unwrap();
        assert_eq!(c.themes().len(), 1);
        assert_eq!(
            c.themes_for("建设离岸创新中心"),
            vec!["offshore".to_string()]
        );
        // indicators, agencies and instruments are the bundled ones
        assert_eq!(c.indicators().len(), Catalog::in_use().indicators().len());
        assert_eq!(
            c.canonical_agency("市发改委", Some("shenyang")),
            Catalog::in_use().canonical_agency("市发改委", Some("shenyang"))
        );
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("indicators.toml"), "[[indicator]\nid = ").unwrap();
        let e = load_overrides(dir.path()).unwrap_err().to_string();
        assert!(e.contains("indicators.toml"), "{e}");
        std::fs::write(dir.path().join("indicators.toml"), b"\xff\xfe\x00").unwrap();
        let e = load_overrides(dir.path()).unwrap_err().to_string();
        assert!(e.contains("indicators.toml") && e.contains("UTF-8"), "{e}");
    }
}
