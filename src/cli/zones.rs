//! `zonecompare zones`: every zone with its documents and headline counts.

use serde_json::Value;

use super::table::{OutFormat, Table};
use crate::store::Store;

/// How many of a zone's most frequent themes the listing shows.
const TOP_THEMES: usize = 3;

/// Prints the zones of the database.
pub fn run(store: &Store, format: OutFormat) -> anyhow::Result<()> {
    let mut table = Table::new(
        &[
            "slug",
            "name_zh",
            "name_en",
            "documents",
            "measures",
            "targets",
            "agencies",
            "top_themes",
        ],
        &["name_en"],
    );
    for z in store.zones()? {
        let themes: Vec<Value> = z
            .top_themes
            .iter()
            .take(TOP_THEMES)
            .map(|(t, _)| Value::from(t.as_str()))
            .collect();
        table.push(vec![
            z.zone.slug.into(),
            z.zone.name_zh.into(),
            z.zone.name_en.into(),
            z.documents.len().into(),
            z.measure_count.into(),
            z.target_count.into(),
            z.agency_count.into(),
            Value::Array(themes),
        ]);
    }
    table.print(format)?;
    Ok(())
}
