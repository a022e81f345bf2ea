//! The translation sheet: every measure and document title of some zones with its machine
//! gloss and the user's translation, as XLSX for a translator, and read back
//! (`export translations` / `import translations`). Rows are keyed by the Chinese title,
//! as the stored translations are.

use std::collections::HashSet;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::table::{Cell, Table, xlsx_bytes};
use super::write_atomic;
use crate::analysis::Dataset;
use crate::charts::Lang;
use crate::charts::labels::zone_label;
use crate::english;
use crate::error::{Error, Result};

/// Header of the column holding the Chinese title (the key read back).
pub const CHINESE: &str = "Chinese original";
/// Header of the column a translator fills in.
pub const TRANSLATION: &str = "Translation";
/// Most rows a sheet read back may have (a guard against a hostile file).
const MAX_ROWS: usize = 1_000_000;

/// The sheet: documents first, then measures, each distinct title once.
pub fn sheet(ds: &Dataset) -> Table {
    let headers = ["Kind", "Zone", "No.", CHINESE, "Machine gloss", TRANSLATION]
        .map(String::from)
        .to_vec();
    let mut seen: HashSet<String> = HashSet::new();
    let mut rows = Vec::new();
    let mut push = |kind: &str, zone: &str, number: String, zh: &str| {
        let zh = zh.trim();
        if zh.is_empty() || !seen.insert(zh.to_string()) {
            return;
        }
        rows.push(vec![
            Cell::Text(kind.into()),
            Cell::Text(zone_label(ds, zone, Lang::En)),
            Cell::Text(number),
            Cell::Text(zh.into()),
            Cell::Text(english::gloss(zh)),
            Cell::Text(ds.translations.get(zh).cloned().unwrap_or_default()),
        ]);
    };
    let selected = |slug: &str| ds.selected.iter().any(|s| s == slug);
    for z in ds.zones.iter().filter(|z| selected(&z.zone.slug)) {
        for d in &z.documents {
            push("document", &z.zone.slug, String::new(), &d.title);
        }
    }
    for m in ds.measures.iter().filter(|m| selected(&m.zone_slug)) {
        let number = m
            .number
            .as_deref()
            .map(english::outline_label)
            .unwrap_or_default();
        push("measure", &m.zone_slug, number, &m.title);
    }
    Table {
        name: "Translations".into(),
        headers,
        rows,
    }
}

/// Writes the sheet of `ds` to `path` (.xlsx); returns the number of titles.
pub fn save(ds: &Dataset, path: &Path) -> Result<usize> {
    let table = sheet(ds);
    let bytes = xlsx_bytes(std::slice::from_ref(&table))
        .map_err(|e| Error::bad_input(path, e.to_string()))?;
    write_atomic(path, &bytes)?;
    Ok(table.rows.len())
}

/// The `(Chinese title, translation)` pairs of a filled sheet: rows whose translation
/// cell is empty are left out. A file without the two columns is refused, naming them.
pub fn read(path: &Path) -> Result<Vec<(String, String)>> {
    let bad = |m: String| Error::bad_input(path, m);
    check_archive(path)?;
    let mut book: Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e| bad(format!("not a readable .xlsx file ({e})")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| bad("the workbook has no sheet".into()))?
        .map_err(|e| bad(e.to_string()))?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(text).collect())
        .unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(zh_col), Some(en_col)) = (col(CHINESE), col(TRANSLATION)) else {
        return Err(bad(format!(
            "the first sheet needs the columns \"{CHINESE}\" and \"{TRANSLATION}\" in its first row"
        )));
    };
    let mut pairs = Vec::new();
    for (i, row) in rows.enumerate() {
        if i >= MAX_ROWS {
            return Err(bad(format!("more than {MAX_ROWS} rows")));
        }
        let zh = row.get(zh_col).map(text).unwrap_or_default();
        let en = row.get(en_col).map(text).unwrap_or_default();
        if !zh.trim().is_empty() && !en.trim().is_empty() {
            pairs.push((zh.trim().to_string(), en.trim().to_string()));
        }
    }
    Ok(pairs)
}

/// Refuses a file too large, or an archive whose parts would inflate past the limits the
/// document readers use (a zip bomb), before the spreadsheet reader inflates anything.
fn check_archive(path: &Path) -> Result<()> {
    use crate::ingest::limits::{MAX_FILE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_PART_BYTES, megabytes};
    let bad = |m: String| Error::bad_input(path, m);
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(bad(format!(
            "{} is larger than a translation sheet may be ({})",
            megabytes(size),
            megabytes(MAX_FILE_BYTES)
        )));
    }
    let mut zip =
        zip::ZipArchive::new(file).map_err(|e| bad(format!("not a readable .xlsx file ({e})")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(bad(format!(
            "more than {MAX_ZIP_ENTRIES} parts in the archive"
        )));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| bad(format!("not a readable .xlsx file ({e})")))?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_ZIP_PART_BYTES {
        return Err(bad(format!(
            "the sheet would inflate to {} (at most {})",
            megabytes(total),
            megabytes(MAX_ZIP_PART_BYTES)
        )));
    }
    Ok(())
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}
