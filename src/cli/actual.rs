//! `zonecompare actual set ZONE INDICATOR YEAR VALUE [--unit] [--note]`: records an actual
//! outcome, then prints the zone's actuals for that indicator.

use super::table::{OutFormat, Table, number};
use crate::store::Store;
use crate::store::rows::{ActualRow, Filter};

/// Records `row` and prints the zone's recorded values of the indicator.
pub fn set(store: &mut Store, row: &ActualRow, format: OutFormat) -> anyhow::Result<()> {
    if store.zone(&row.zone_slug)?.is_none() {
        anyhow::bail!("unknown zone '{}' (see `zonecompare zones`)", row.zone_slug);
    }
    store.set_actual(row)?;
    let filter = Filter {
        zones: vec![row.zone_slug.clone()],
        indicator: Some(row.indicator_id.clone()),
        ..Filter::default()
    };
    let mut table = Table::new(
        &["zone", "indicator_id", "year", "value", "unit", "note"],
        &[],
    );
    for a in store.actuals(&filter)? {
        table.push(vec![
            a.zone_slug.into(),
            a.indicator_id.into(),
            a.year.into(),
            number(a.value),
            a.unit.into(),
            a.note.into(),
        ]);
    }
    table.print(format)?;
    Ok(())
}
