//! `zonecompare measures [--zone] [--theme] [--agency] [--search] [--has-target]`.

use serde_json::{Value, json};

use super::table::{OutFormat, Table};
use crate::store::Store;
use crate::store::rows::Filter;

/// Prints the measures the filter selects.
pub fn run(store: &Store, filter: &Filter, format: OutFormat) -> anyhow::Result<()> {
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
                _ if u.role == crate::model::Role::Lead => Value::from(format!("{}*", u.name)),
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
