//! `zonecompare targets [--zone] [--indicator] [--year]`.

use super::table::{OutFormat, Table, number};
use crate::store::Store;
use crate::store::rows::Filter;

/// Prints the targets the filter selects, each with its zone.
pub fn run(store: &Store, filter: &Filter, format: OutFormat) -> anyhow::Result<()> {
    let mut table = Table::new(
        &[
            "id",
            "zone",
            "doc_id",
            "indicator",
            "indicator_id",
            "comparator",
            "value",
            "value_max",
            "unit",
            "year",
            "measure",
            "corrected",
            "recurring",
            "lead",
            "co_owners",
            "owner_source",
            "sentence",
        ],
        &["doc_id", "co_owners", "sentence"],
    );
    for t in store.targets(filter)? {
        let g = t.target;
        let recurring = crate::charts::labels::is_recurring(&g);
        table.push(vec![
            t.id.into(),
            t.zone_slug.into(),
            t.doc_id.into(),
            g.indicator.into(),
            g.indicator_id.into(),
            g.comparator.as_str().into(),
            number(g.value),
            g.value_max.map(number).into(),
            g.unit.into(),
            g.year.into(),
            t.measure_title.into(),
            t.corrected.into(),
            recurring.into(),
            t.owners.lead.into(),
            t.owners.co.into(),
            t.owners.source.as_str().into(),
            g.sentence.into(),
        ]);
    }
    table.print(format)?;
    Ok(())
}
