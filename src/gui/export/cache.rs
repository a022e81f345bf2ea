//! The charts the views show, built once per data refresh from the snapshot with the
//! library's chart builders, and kept so an export writes exactly what was drawn.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::{Dataset, indicator_table};
use crate::catalog::Catalog;
use crate::charts::{Chart, ChartKind, ChartOptions, build_chart};
use crate::gui::data::Snapshot;
use crate::gui::state::View;
use crate::store::rows::MeasureRow;

/// The snapshot's rows as a library [`Dataset`]: every zone (a zone's place in the list is
/// its colour), the ticked zones as the selection, the filtered rows. Actual outcomes are
/// not part of the snapshot.
pub fn dataset_from_snapshot(data: &Snapshot, zones: &[String]) -> Dataset {
    let f = &data.filtered;
    Dataset {
        zones: data.overview.zones.clone(),
        selected: zones.to_vec(),
        measures: f.measures.clone(),
        targets: f.targets.clone(),
        statistics: f.statistics.clone(),
        agency_load: f.agency_load.clone(),
        actuals: Vec::new(),
        translations: data.overview.translations.clone(),
    }
}

/// Only the rows a chart of `kind` reads, so a refresh at scale does not copy every
/// measure text: targets and statistics for indicator, progress and timeline charts, the
/// measures' zone, themes and instrument for themes and instruments, agency load for
/// agencies.
pub fn chart_dataset(kind: ChartKind, data: &Snapshot, zones: &[String]) -> Dataset {
    let f = &data.filtered;
    let mut ds = Dataset {
        zones: data.overview.zones.clone(),
        selected: zones.to_vec(),
        translations: data.overview.translations.clone(),
        ..Dataset::default()
    };
    match kind {
        ChartKind::Indicator | ChartKind::Progress | ChartKind::Timeline => {
            ds.targets = f.targets.clone();
            ds.statistics = f.statistics.clone();
        }
        ChartKind::Themes | ChartKind::Instruments => {
            ds.measures = f.measures.iter().map(slim_measure).collect();
        }
        ChartKind::Agencies => ds.agency_load = f.agency_load.clone(),
    }
    ds
}

/// A measure row without its texts, units and outline path.
fn slim_measure(m: &MeasureRow) -> MeasureRow {
    MeasureRow {
        id: m.id,
        doc_id: m.doc_id,
        zone_slug: m.zone_slug.clone(),
        number: None,
        path: Vec::new(),
        title: String::new(),
        text: String::new(),
        span: m.span,
        units: Vec::new(),
        key_enterprises: Vec::new(),
        themes: m.themes.clone(),
        instrument: m.instrument,
        instrument_subtype: m.instrument_subtype.clone(),
        target_count: m.target_count,
        corrected: m.corrected,
    }
}

/// The views that show a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartSlot {
    Targets,
    Compare,
    Agencies,
}

impl ChartSlot {
    /// The charts a view offers, the default first.
    pub fn kinds(self) -> &'static [ChartKind] {
        match self {
            ChartSlot::Targets => &[ChartKind::Indicator, ChartKind::Timeline],
            ChartSlot::Compare => &[
                ChartKind::Themes,
                ChartKind::Indicator,
                ChartKind::Instruments,
            ],
            ChartSlot::Agencies => &[ChartKind::Agencies, ChartKind::Instruments],
        }
    }

    /// The chart slot of a view, if it has one.
    pub fn for_view(view: View) -> Option<ChartSlot> {
        match view {
            View::Targets => Some(ChartSlot::Targets),
            View::Compare => Some(ChartSlot::Compare),
            View::Agencies => Some(ChartSlot::Agencies),
            _ => None,
        }
    }

    /// Short name used in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartSlot::Targets => "targets",
            ChartSlot::Compare => "compare",
            ChartSlot::Agencies => "agencies",
        }
    }
}

/// What a cached chart was built from.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    generation: u64,
    zones: Vec<String>,
    opts: ChartOptions,
}

/// Charts per view and the dataset they were built from.
#[derive(Default)]
pub struct ChartCache {
    kinds: HashMap<ChartSlot, ChartKind>,
    charts: HashMap<ChartSlot, (Key, Chart, Option<String>)>,
    data: Option<(u64, Vec<String>, Arc<Dataset>)>,
}

impl ChartCache {
    /// The chart kind chosen for a view (its default until the user picks another).
    pub fn kind(&self, slot: ChartSlot) -> ChartKind {
        self.kinds.get(&slot).copied().unwrap_or(slot.kinds()[0])
    }

    /// Chooses the chart kind of a view.
    pub fn set_kind(&mut self, slot: ChartSlot, kind: ChartKind) {
        self.kinds.insert(slot, kind);
    }

    /// The snapshot as a full dataset (for table exports), rebuilt only when the data or
    /// the zones change.
    pub fn dataset(&mut self, data: &Snapshot, zones: &[String]) -> Arc<Dataset> {
        match &self.data {
            Some((g, z, ds)) if *g == data.generation && z == zones => ds.clone(),
            _ => {
                let ds = Arc::new(dataset_from_snapshot(data, zones));
                self.data = Some((data.generation, zones.to_vec(), ds.clone()));
                ds
            }
        }
    }

    /// The chart of a view for these options, built when anything it depends on changed.
    pub fn chart(
        &mut self,
        slot: ChartSlot,
        data: &Snapshot,
        zones: &[String],
        opts: ChartOptions,
    ) -> &Chart {
        let key = Key {
            generation: data.generation,
            zones: zones.to_vec(),
            opts,
        };
        let fresh = matches!(self.charts.get(&slot), Some((k, ..)) if *k == key);
        if !fresh {
            let ds = chart_dataset(key.opts.kind, data, zones);
            let chart = build_chart(&ds, Catalog::in_use(), &key.opts);
            // the indicator the library charts when none was chosen: the most shared one
            let indicator = match key.opts.kind {
                ChartKind::Indicator => key.opts.indicator.clone().or_else(|| {
                    indicator_table(&ds.targets, &ds.statistics, &ds.selected)
                        .first()
                        .map(|r| r.indicator_id.clone())
                }),
                _ => None,
            };
            self.charts.insert(slot, (key, chart, indicator));
        }
        &self.charts[&slot].1
    }

    /// The chart a view drew last, if any.
    pub fn current(&self, slot: ChartSlot) -> Option<&Chart> {
        self.charts.get(&slot).map(|(_, c, _)| c)
    }

    /// The canonical indicator of the view's last chart, when it charts one.
    pub fn indicator(&self, slot: ChartSlot) -> Option<&str> {
        self.charts.get(&slot).and_then(|(.., i)| i.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;
    use crate::charts::Lang;
    use crate::gui::data::{Filtered, Overview};

    fn snapshot() -> (Snapshot, Vec<String>) {
        let ds = dataset();
        let data = Snapshot {
            generation: 1,
            overview: Overview {
                zones: ds.zones.clone(),
                ..Overview::default()
            },
            filtered: Filtered {
                measures: ds.measures.clone(),
                targets: ds.targets.clone(),
                statistics: ds.statistics.clone(),
                agency_load: ds.agency_load.clone(),
                ..Filtered::default()
            },
            ..Snapshot::default()
        };
        (data, ds.selected)
    }

    #[test]
    fn charts_from_the_slim_rows_equal_charts_from_all_rows() {
        let (data, zones) = snapshot();
        let full = dataset_from_snapshot(&data, &zones);
        for kind in ChartKind::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let opts = ChartOptions::new(kind, lang);
                let slim = chart_dataset(kind, &data, &zones);
                let catalog = Catalog::in_use();
                assert_eq!(
                    build_chart(&slim, catalog, &opts),
                    build_chart(&full, catalog, &opts),
                    "{kind} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn charts_are_rebuilt_only_when_their_inputs_change() {
        let (mut data, zones) = snapshot();
        let mut cache = ChartCache::default();
        let opts = ChartOptions::new(ChartKind::Themes, Lang::Zh);
        let first = cache
            .chart(ChartSlot::Compare, &data, &zones, opts.clone())
            .clone();
        data.filtered.measures.truncate(1);
        // same generation: the cached chart is kept
        let again = cache
            .chart(ChartSlot::Compare, &data, &zones, opts.clone())
            .clone();
        assert_eq!(first, again);
        data.generation += 1;
        let fresh = cache.chart(ChartSlot::Compare, &data, &zones, opts).clone();
        assert_ne!(first, fresh);
        assert_eq!(cache.current(ChartSlot::Compare), Some(&fresh));
    }
}
