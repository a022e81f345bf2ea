//! The charts the views show, built once per data refresh from the snapshot with the
//! library's chart builders, and kept so an export writes exactly what was drawn.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::Dataset;
use crate::catalog::Catalog;
use crate::charts::{Chart, ChartKind, ChartOptions, build_chart};
use crate::gui::data::Snapshot;
use crate::gui::i18n::Lang;
use crate::gui::state::View;

/// The chart language of an interface language.
pub fn chart_lang(lang: Lang) -> crate::charts::Lang {
    match lang {
        Lang::Zh => crate::charts::Lang::Zh,
        Lang::En => crate::charts::Lang::En,
    }
}

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
    charts: HashMap<ChartSlot, (Key, Chart)>,
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

    /// The snapshot as a dataset, rebuilt only when the data or the zones change.
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
        let fresh = matches!(self.charts.get(&slot), Some((k, _)) if *k == key);
        if !fresh {
            let ds = self.dataset(data, zones);
            let chart = build_chart(&ds, Catalog::bundled(), &key.opts);
            self.charts.insert(slot, (key, chart));
        }
        &self.charts[&slot].1
    }

    /// The chart a view drew last, if any.
    pub fn current(&self, slot: ChartSlot) -> Option<&Chart> {
        self.charts.get(&slot).map(|(_, c)| c)
    }

    /// The options the view's last chart was built with.
    pub fn current_options(&self, slot: ChartSlot) -> Option<&ChartOptions> {
        self.charts.get(&slot).map(|(k, _)| &k.opts)
    }
}
