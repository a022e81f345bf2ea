//! `zonecompare targets [--zone] [--indicator] [--year] [--lang]`.

use std::collections::HashMap;

use super::table::{OutFormat, Table, number};
use crate::analysis::ambition::assess;
use crate::catalog::Catalog;
use crate::charts::Lang;
use crate::charts::labels::indicator_name;
use crate::english::{self, values};
use crate::model::DocKind;
use crate::store::Store;
use crate::store::rows::Filter;

/// Prints the targets the filter selects, each with its zone. In English the indicator,
/// comparator, unit and measure are English, `target` reads the whole target in English,
/// and the Chinese is kept in `indicator_zh` and `sentence_zh`.
pub fn run(store: &Store, filter: &Filter, format: OutFormat, lang: Lang) -> anyhow::Result<()> {
    if lang == Lang::En {
        return run_en(store, filter, format);
    }
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
            "baseline_value",
            "baseline_year",
            "baseline_doc_id",
            "baseline_scope",
            "implied_annual_growth_pct",
            "multiple",
            "sentence",
        ],
        &[
            "doc_id",
            "co_owners",
            "baseline_doc_id",
            "baseline_scope",
            "sentence",
        ],
    );
    let targets = store.targets(filter)?;
    // Baselines of the same zones, and the kinds of the documents they come from.
    let statistics = store.statistics(&Filter {
        zones: filter.zones.clone(),
        ..Filter::default()
    })?;
    let mut doc_ids: Vec<i64> = statistics.iter().map(|s| s.doc_id).collect();
    doc_ids.sort_unstable();
    doc_ids.dedup();
    let kinds: HashMap<i64, DocKind> = store
        .documents_info(&doc_ids)?
        .into_iter()
        .map(|d| (d.id, d.kind))
        .collect();
    for t in targets {
        let ambition = assess(&t, &statistics, |id| kinds.get(&id).copied());
        let a = ambition.as_ref();
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
            a.map(|a| number(a.baseline_value)).into(),
            a.and_then(|a| a.baseline_year).into(),
            a.map(|a| a.baseline_doc_id).into(),
            a.map(|a| a.scope.as_str()).into(),
            a.and_then(|a| a.implied_annual_growth_pct).into(),
            a.and_then(|a| a.multiple).into(),
            g.sentence.into(),
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
            "indicator",
            "indicator_id",
            "comparator",
            "value",
            "value_max",
            "unit",
            "target",
            "year",
            "measure",
            "corrected",
            "indicator_zh",
            "sentence_zh",
        ],
        &["doc_id", "indicator_zh", "sentence_zh"],
    );
    for t in store.targets(filter)? {
        let g = &t.target;
        let indicator = match &g.indicator_id {
            Some(id) => indicator_name(catalog, id, Lang::En, Some(&g.indicator)),
            None => english::gloss(&g.indicator),
        };
        let noun = values::count_noun(catalog, g.indicator_id.as_deref(), &g.unit);
        table.push(vec![
            t.id.into(),
            t.zone_slug.clone().into(),
            t.doc_id.into(),
            indicator.into(),
            g.indicator_id.clone().into(),
            crate::export::table::comparator_column(g.comparator).into(),
            number(g.value),
            g.value_max.map(number).into(),
            values::unit_name(&g.unit, &noun).into(),
            values::target(catalog, g).into(),
            g.year.into(),
            t.measure_title
                .as_deref()
                .map(|m| english::title(&translations, m).text)
                .into(),
            t.corrected.into(),
            g.indicator.clone().into(),
            g.sentence.clone().into(),
        ]);
    }
    table.print(format)?;
    Ok(())
}
