//! `zonecompare import translations FILE.xlsx`: reads a translation sheet a translator
//! filled in (see `export translations`) and stores its translations.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::store::Store;

/// Whether `import` was given `translations FILE` rather than documents (a file or folder
/// really called `translations` is imported as a document).
pub fn is_sheet_import(files: &[PathBuf]) -> bool {
    matches!(files, [first, _] if first.as_os_str() == "translations" && !first.exists())
}

/// Stores every filled-in translation of the sheet at `file`.
pub fn import(store: &mut Store, file: &Path) -> anyhow::Result<()> {
    let shown = crate::error::shown(file);
    anyhow::ensure!(
        crate::export::extension(file).as_deref() == Some("xlsx"),
        "{shown}: a translation sheet is an .xlsx file"
    );
    anyhow::ensure!(file.is_file(), "{shown}: no such file");
    let pairs = crate::export::translations::read(file)?;
    let changed = store
        .set_translations(&pairs)
        .with_context(|| format!("{shown}: storing translations"))?;
    eprintln!(
        "{shown}: {} translations read, {changed} new or changed",
        pairs.len()
    );
    Ok(())
}
