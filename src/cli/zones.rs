//! `zonecompare zones`: every zone with its documents and headline counts.

use serde_json::Value;

use super::table::{OutFormat, Table};
use crate::catalog::Catalog;
use crate::charts::Lang;
use crate::charts::labels::{theme_name, zone_name};
use crate::store::Store;

/// How many of a zone's most frequent themes the listing shows.
const TOP_THEMES: usize = 3;

/// Prints the zones of the database; in English with names and themes in English and the
/// Chinese name in `name_zh`.
pub fn run(store: &Store, format: OutFormat, lang: Lang) -> anyhow::Result<()> {
    let catalog = Catalog::in_use();
    let mut table = match lang {
        Lang::Zh => Table::new(
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
        ),
        Lang::En => Table::new(
            &[
                "slug",
                "name",
                "documents",
                "measures",
                "targets",
                "agencies",
                "top_themes",
                "name_zh",
            ],
            &["name_zh"],
        ),
    };
    for z in store.zones()? {
        let themes: Vec<Value> = z
            .top_themes
            .iter()
            .take(TOP_THEMES)
            .map(|(t, _)| match lang {
                Lang::Zh => Value::from(t.as_str()),
                Lang::En => Value::from(theme_name(catalog, t, Lang::En)),
            })
            .collect();
        let counts = [
            z.documents.len(),
            z.measure_count,
            z.target_count,
            z.agency_count,
        ]
        .map(Value::from);
        let row = match lang {
            Lang::Zh => [
                vec![
                    z.zone.slug.clone().into(),
                    z.zone.name_zh.clone().into(),
                    z.zone.name_en.clone().into(),
                ],
                counts.to_vec(),
                vec![Value::Array(themes)],
            ]
            .concat(),
            Lang::En => [
                vec![
                    z.zone.slug.clone().into(),
                    zone_name(&z.zone, Lang::En).into_owned().into(),
                ],
                counts.to_vec(),
                vec![Value::Array(themes), z.zone.name_zh.clone().into()],
            ]
            .concat(),
        };
        table.push(row);
    }
    table.print(format)?;
    Ok(())
}
