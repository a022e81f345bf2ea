//! What the panels draw: plain structs built from store queries on the worker thread, then
//! handed to the app in one piece. Nothing here is queried per frame.

use std::collections::HashMap;

use crate::catalog::Catalog;
use crate::store::Store;
use crate::store::rows::*;

/// Theme × zone measure counts for the Overview heatmap.
#[derive(Debug, Clone, Default)]
pub struct Heatmap {
    /// Theme ids in catalog order (themes no zone has are left out).
    pub themes: Vec<String>,
    /// Zone slugs in zone-list order.
    pub zones: Vec<String>,
    /// `counts[theme][zone]`.
    pub counts: Vec<Vec<usize>>,
    pub max: usize,
}

/// Data that changes only when the database changes (imports, corrections), not with filters.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub zones: Vec<ZoneSummary>,
    pub heatmap: Heatmap,
    /// Canonical agencies named anywhere, for the filter list.
    pub agencies: Vec<String>,
    /// Deadline years of all targets, for the filter list.
    pub years: Vec<i32>,
    /// Canonical indicator ids that have at least one target.
    pub indicators: Vec<String>,
}

/// Rows matching the current filters.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    pub measures: Vec<MeasureRow>,
    pub targets: Vec<TargetRow>,
    pub statistics: Vec<StatisticRow>,
    pub agency_load: Vec<AgencyLoadRow>,
    /// Indices into `measures` per zone slug.
    pub measures_by_zone: HashMap<String, Vec<usize>>,
    /// Indices into `targets` per zone slug.
    pub targets_by_zone: HashMap<String, Vec<usize>>,
    /// Indices into `targets` per owning measure id.
    pub targets_by_measure: HashMap<i64, Vec<usize>>,
    /// Latest statistic per (zone slug, canonical indicator): index into `statistics`.
    pub baselines: HashMap<(String, String), usize>,
}

impl Filtered {
    /// Builds the lookup tables the views use, so drawing never scans every row.
    fn index(mut self) -> Filtered {
        for (i, m) in self.measures.iter().enumerate() {
            self.measures_by_zone
                .entry(m.zone_slug.clone())
                .or_default()
                .push(i);
        }
        for (i, t) in self.targets.iter().enumerate() {
            self.targets_by_zone
                .entry(t.zone_slug.clone())
                .or_default()
                .push(i);
            if let Some(m) = t.measure_id {
                self.targets_by_measure.entry(m).or_default().push(i);
            }
        }
        for (i, s) in self.statistics.iter().enumerate() {
            let Some(ind) = &s.indicator_id else { continue };
            let key = (s.zone_slug.clone(), ind.clone());
            let newer = match self.baselines.get(&key) {
                Some(&j) => s.year.unwrap_or(0) >= self.statistics[j].year.unwrap_or(0),
                None => true,
            };
            if newer {
                self.baselines.insert(key, i);
            }
        }
        self
    }
}

/// The snapshot the app keeps between refreshes.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Bumped whenever new data arrives, so views can cache derived orderings.
    pub generation: u64,
    /// Bumped whenever the overview (zones, lists) is reloaded.
    pub overview_generation: u64,
    pub overview: Overview,
    pub filtered: Filtered,
}

/// Queries the overview data (all zones, no filters).
pub fn load_overview(store: &Store) -> crate::Result<Overview> {
    // Counts kept by the store (per-zone theme counts, filter facets): nothing here reads
    // every measure or target, so the overview costs the same at ten thousand documents.
    let zones = store.zones()?;
    let facets = store.facets()?;
    let heatmap = heatmap(&zones);
    Ok(Overview {
        zones,
        heatmap,
        agencies: facets.agencies,
        years: facets.years,
        indicators: facets.indicators,
    })
}

/// Queries the rows matching `filter`.
pub fn load_filtered(store: &Store, filter: &Filter) -> crate::Result<Filtered> {
    let zones_only = Filter {
        zones: filter.zones.clone(),
        ..Filter::default()
    };
    Ok(Filtered {
        measures: store.measures(filter)?,
        targets: store.targets(filter)?,
        statistics: store.statistics(&zones_only)?,
        agency_load: store.agency_load(filter)?,
        ..Filtered::default()
    }
    .index())
}

/// Measures per theme and zone, from each zone's theme counts; themes in catalog order,
/// themes no zone has left out.
pub fn heatmap(zones: &[ZoneSummary]) -> Heatmap {
    let catalog = Catalog::in_use();
    let mut theme_ids: Vec<String> = catalog.themes.iter().map(|t| t.id.clone()).collect();
    let mut counts = vec![vec![0usize; zones.len()]; theme_ids.len()];
    for (z, zone) in zones.iter().enumerate() {
        for (theme, n) in &zone.top_themes {
            let t = match theme_ids.iter().position(|id| id == theme) {
                Some(t) => t,
                None => {
                    theme_ids.push(theme.clone());
                    counts.push(vec![0; zones.len()]);
                    theme_ids.len() - 1
                }
            };
            counts[t][z] += n;
        }
    }
    let (themes, counts): (Vec<_>, Vec<_>) = theme_ids
        .into_iter()
        .zip(counts)
        .filter(|(_, row)| row.iter().any(|&c| c > 0))
        .unzip();
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    Heatmap {
        themes,
        zones: zones.iter().map(|z| z.zone.slug.clone()).collect(),
        counts,
        max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The heatmap built from the stored per-zone counts is the one counting every measure.
    #[test]
    fn heatmap_from_zone_counts_matches_the_measures() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("z.sqlite")).unwrap();
        let overview = load_overview(&store).unwrap();
        let measures = store.measures(&Filter::default()).unwrap();
        let h = &overview.heatmap;
        assert!(!h.themes.is_empty());
        for (t, theme) in h.themes.iter().enumerate() {
            for (z, slug) in h.zones.iter().enumerate() {
                let counted = measures
                    .iter()
                    .filter(|m| &m.zone_slug == slug && m.themes.contains(theme))
                    .count();
                assert_eq!(h.counts[t][z], counted, "{theme} in {slug}");
            }
        }
        let targets = store.targets(&Filter::default()).unwrap();
        let mut years: Vec<i32> = targets.iter().filter_map(|t| t.target.year).collect();
        years.sort();
        years.dedup();
        assert_eq!(overview.years, years);
    }
}
