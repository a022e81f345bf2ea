//! Comparisons computed from store rows: theme × zone matrix, instrument mix, the
//! canonical-indicator × zone target table with baselines, targets by deadline year, agency
//! load, gaps between zones and target vs actual.
//!
//! Everything here is a pure function of rows the [`Store`] returns, so the GUI, the CLI and
//! file exports show the same numbers. [`Dataset`] gathers those rows once for a selection.

mod agencies;
pub mod ambition;
pub mod diff;
pub mod presence;
mod targets;

pub use agencies::{Gaps, gaps, top_agencies};
pub use targets::{
    IndicatorRow, ProgressRow, YearBucket, ZoneIndicator, indicator_row, indicator_table, progress,
    targets_by_year,
};

use std::collections::BTreeSet;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::{Instrument, Zone};
use crate::store::Store;
use crate::store::rows::{
    ActualRow, AgencyLoadRow, DocumentInfo, Filter, MeasureRow, StatisticRow, TargetRow,
    ZoneSummary,
};

/// The rows of a zone selection, read once from the store.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Every zone of the database in store order: a zone's position is its colour index.
    pub zones: Vec<ZoneSummary>,
    /// Selected zone slugs in display order.
    pub selected: Vec<String>,
    pub measures: Vec<MeasureRow>,
    pub targets: Vec<TargetRow>,
    pub statistics: Vec<StatisticRow>,
    pub agency_load: Vec<AgencyLoadRow>,
    pub actuals: Vec<ActualRow>,
    /// Users' English translations of titles (Chinese title → English).
    pub translations: std::collections::HashMap<String, String>,
}

impl Dataset {
    /// Reads the rows of `zones` (empty = every zone). An unknown slug is an error naming
    /// the zones the database knows.
    pub fn load(store: &Store, zones: &[String]) -> Result<Dataset> {
        let all = store.zones()?;
        for slug in zones {
            if !all.iter().any(|z| &z.zone.slug == slug) {
                let known: Vec<&str> = all.iter().map(|z| z.zone.slug.as_str()).collect();
                return Err(Error::store(
                    store.path(),
                    crate::error::StoreFault::NotFound,
                    format!("unknown zone `{slug}` (known: {})", known.join(", ")),
                ));
            }
        }
        let selected: Vec<String> = if zones.is_empty() {
            all.iter().map(|z| z.zone.slug.clone()).collect()
        } else {
            zones.to_vec()
        };
        let filter = Filter {
            zones: selected.clone(),
            ..Filter::default()
        };
        Ok(Dataset {
            measures: store.measures(&filter)?,
            targets: store.targets(&filter)?,
            statistics: store.statistics(&filter)?,
            agency_load: store.agency_load(&filter)?,
            actuals: store.actuals(&filter)?,
            translations: store.translations()?,
            zones: all,
            selected,
        })
    }

    /// The zone with this slug.
    pub fn zone(&self, slug: &str) -> Option<&Zone> {
        self.zones.iter().map(|z| &z.zone).find(|z| z.slug == slug)
    }

    /// Palette index of a zone: its position among all zones (stable across selections).
    pub fn color_index(&self, slug: &str) -> usize {
        self.zones
            .iter()
            .position(|z| z.zone.slug == slug)
            .unwrap_or(self.zones.len())
    }

    /// The imported document with this id.
    pub fn document(&self, doc_id: i64) -> Option<&DocumentInfo> {
        self.zones
            .iter()
            .flat_map(|z| z.documents.iter())
            .find(|d| d.id == doc_id)
    }
}

/// Number of measures per theme and zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeMatrix {
    /// Zone slugs (columns).
    pub zones: Vec<String>,
    /// Theme ids (rows): catalogue order first, then any other id alphabetically.
    pub themes: Vec<String>,
    /// `counts[theme][zone]`.
    pub counts: Vec<Vec<usize>>,
    /// Measures per zone (a measure with several themes counts once here).
    pub totals: Vec<usize>,
}

impl ThemeMatrix {
    /// Share of a zone's measures that carry a theme, in percent (0 when it has none).
    pub fn share_pct(&self, theme: usize, zone: usize) -> f64 {
        match self.totals[zone] {
            0 => 0.0,
            total => 100.0 * self.counts[theme][zone] as f64 / total as f64,
        }
    }
}

/// Counts measures per theme for each zone in `zones`; themes no zone uses are left out.
pub fn theme_matrix(measures: &[MeasureRow], zones: &[String], catalog: &Catalog) -> ThemeMatrix {
    let used: BTreeSet<&str> = measures
        .iter()
        .filter(|m| zones.contains(&m.zone_slug))
        .flat_map(|m| m.themes.iter().map(String::as_str))
        .collect();
    let mut themes: Vec<String> = catalog
        .themes
        .iter()
        .filter(|t| used.contains(t.id.as_str()))
        .map(|t| t.id.clone())
        .collect();
    for id in &used {
        if !themes.iter().any(|t| t == id) {
            themes.push((*id).to_string());
        }
    }
    let mut counts = vec![vec![0; zones.len()]; themes.len()];
    let mut totals = vec![0; zones.len()];
    for m in measures {
        let Some(z) = zones.iter().position(|s| *s == m.zone_slug) else {
            continue;
        };
        totals[z] += 1;
        for theme in &m.themes {
            if let Some(t) = themes.iter().position(|id| id == theme) {
                counts[t][z] += 1;
            }
        }
    }
    ThemeMatrix {
        zones: zones.to_vec(),
        themes,
        counts,
        totals,
    }
}

/// Measures of one zone per policy-instrument family.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InstrumentMix {
    pub zone: String,
    pub supply: usize,
    pub environment: usize,
    pub demand: usize,
    /// Measures no instrument was recognised for.
    pub unclassified: usize,
}

impl InstrumentMix {
    /// Measures of one family.
    pub fn count(&self, family: Instrument) -> usize {
        match family {
            Instrument::Supply => self.supply,
            Instrument::Environment => self.environment,
            Instrument::Demand => self.demand,
        }
    }

    /// Measures with a recognised instrument.
    pub fn classified(&self) -> usize {
        self.supply + self.environment + self.demand
    }
}

/// The three instrument families in display order.
pub const INSTRUMENTS: [Instrument; 3] = [
    Instrument::Supply,
    Instrument::Environment,
    Instrument::Demand,
];

/// Supply / environment / demand counts for each zone in `zones`, in that order.
pub fn instrument_mix(measures: &[MeasureRow], zones: &[String]) -> Vec<InstrumentMix> {
    zones
        .iter()
        .map(|slug| {
            let mut mix = InstrumentMix {
                zone: slug.clone(),
                ..InstrumentMix::default()
            };
            for m in measures.iter().filter(|m| &m.zone_slug == slug) {
                match m.instrument {
                    Some(Instrument::Supply) => mix.supply += 1,
                    Some(Instrument::Environment) => mix.environment += 1,
                    Some(Instrument::Demand) => mix.demand += 1,
                    None => mix.unclassified += 1,
                }
            }
            mix
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn theme_matrix_counts_and_shares() {
        let d = dataset();
        let m = theme_matrix(&d.measures, &d.selected, Catalog::in_use());
        let talent = m.themes.iter().position(|t| t == "talent").unwrap();
        let zhongde = 0;
        assert_eq!(m.counts[talent][zhongde], 2);
        assert_eq!(m.totals[zhongde], 3);
        assert!((m.share_pct(talent, zhongde) - 66.666).abs() < 0.01);
        // catalogue themes come first
        assert_eq!(m.themes[0], "talent");
        // a zone without measures has share 0, not NaN
        let dalian = d.selected.iter().position(|s| s == "dalian").unwrap();
        assert_eq!(m.share_pct(talent, dalian), 0.0);
    }

    #[test]
    fn instrument_mix_per_zone() {
        let d = dataset();
        let mix = instrument_mix(&d.measures, &d.selected);
        assert_eq!(mix.len(), 4);
        assert_eq!(mix[0].zone, "zhongde");
        assert_eq!(mix[0].supply, 2);
        assert_eq!(mix[0].environment, 1);
        assert_eq!(mix[0].classified(), 3);
        assert_eq!(mix[1].unclassified, 1);
    }

    #[test]
    fn colour_index_is_store_position() {
        let d = dataset();
        assert_eq!(d.color_index("dalian"), 2);
        assert_eq!(d.color_index("nowhere"), 4);
        assert_eq!(
            d.zone("liangjiang").unwrap().name_zh,
            "重庆两江新区国家自主创新示范区"
        );
    }
}
