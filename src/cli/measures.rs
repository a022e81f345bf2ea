//! `zonecompare measures [--zone] [--theme] [--agency] [--search] [--has-target] [--lang]`.

use serde_json::{Value, json};

use super::table::{OutFormat, Table};
use crate::catalog::Catalog;
use crate::charts::Lang;
use crate::charts::labels::agency_name;
use crate::english;
use crate::model::Role;
use crate::store::Store;
use crate::store::rows::Filter;

/// Prints the measures the filter selects. In English titles are translations or glosses
/// (`title_source` says which), names are English, and the Chinese is kept in `title_zh`
/// and `text_zh`.
pub fn run(store: &Store, filter: &Filter, format: OutFormat, lang: Lang) -> anyhow::Result<()> {
    if lang == Lang::En {
        return run_en(store, filter, format);
    }
    let mut table = Table::new(
        &[
            "id",
            "zone",
            "doc_id",
            "path",
            "title",
            "units",
            "themes",
            "instrument",
            "targets",
            "corrected",
            "key_enterprises",
            "text",
        ],
        &["doc_id", "key_enterprises", "text"],
    );
    for m in store.measures(filter)? {
        let units: Vec<Value> = m
            .units
            .iter()
            .map(|u| match format {
                OutFormat::Json => json!({"name": u.name, "canonical": u.canonical,
                                         "role": u.role.as_str()}),
                _ if u.role == Role::Lead => Value::from(format!("{}*", u.name)),
                _ => Value::from(u.name.as_str()),
            })
            .collect();
        table.push(vec![
            m.id.into(),
            m.zone_slug.into(),
            m.doc_id.into(),
            m.path.join("/").into(),
            m.title.into(),
            Value::Array(units),
            m.themes.into(),
            m.instrument.map(|i| i.as_str()).into(),
            m.target_count.into(),
            m.corrected.into(),
            m.key_enterprises.into(),
            m.text.into(),
        ]);
    }
    table.print(format)?;
    Ok(())
}

fn run_en(store: &Store, filter: &Filter, format: OutFormat) -> anyhow::Result<()> {
    let catalog = Catalog::in_use();
    let translations = store.translations()?;
    let mut table = Table::new(
        &[
            "id",
            "zone",
            "doc_id",
            "path",
            "title",
            "title_source",
            "units",
            "themes",
            "instrument",
            "targets",
            "corrected",
            "key_enterprises",
            "title_zh",
            "text_zh",
        ],
        &["doc_id", "key_enterprises", "title_zh", "text_zh"],
    );
    for m in store.measures(filter)? {
        let title = english::title(&translations, &m.title);
        let units: Vec<Value> = m
            .units
            .iter()
            .map(|u| {
                let name = agency_name(catalog, &u.canonical, Lang::En);
                match format {
                    OutFormat::Json => json!({"name": name, "role": u.role.as_str()}),
                    _ if u.role == Role::Lead => Value::from(format!("{name}*")),
                    _ => Value::from(name),
                }
            })
            .collect();
        let english::MeasureParts {
            themes,
            path,
            firms,
        } = english::measure_parts(catalog, &m);
        table.push(vec![
            m.id.into(),
            m.zone_slug.into(),
            m.doc_id.into(),
            path.join("/").into(),
            title.text.into(),
            title.source.label().into(),
            Value::Array(units),
            themes.into(),
            m.instrument.map(|i| i.as_str()).into(),
            m.target_count.into(),
            m.corrected.into(),
            firms.into(),
            m.title.into(),
            m.text.into(),
        ]);
    }
    table.print(format)?;
    Ok(())
}
