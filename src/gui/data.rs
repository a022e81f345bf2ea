//! What the panels draw: plain structs built from store queries on the worker thread, then
//! handed to the app in one piece. Nothing here is queried per frame.

use std::collections::{HashMap, HashSet};

use crate::analysis::diff::{PlanDiff, Version, diff};
use crate::catalog::Catalog;
use crate::model::Span;
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
    /// Whether a zone's theme counts are loaded (`false`: its cells are not known yet).
    pub loaded: Vec<bool>,
    pub max: usize,
}

/// Zones whose documents and themes the first overview load includes (the first cards on
/// screen); the others' come when their card or heatmap column is shown.
pub const FIRST_DETAILS: usize = 48;

/// Data that changes only when the database changes (imports, corrections), not with filters.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// Every zone with its counts; documents and themes only for the zones in `detailed`
    /// (a database of thousands of zones is not read whole for one screen of cards).
    pub zones: Vec<ZoneSummary>,
    /// Slugs of the zones whose documents and themes are loaded.
    pub detailed: HashSet<String>,
    pub heatmap: Heatmap,
    /// Canonical agencies named anywhere, for the filter list.
    pub agencies: Vec<String>,
    /// Deadline years of all targets, for the filter list.
    pub years: Vec<i32>,
    /// Canonical indicator ids that have at least one target.
    pub indicators: Vec<String>,
    /// Users' English translations of titles (Chinese title → English).
    pub translations: HashMap<String, String>,
}

/// Most measures, targets or statistics a refresh loads when no zone is ticked: a first
/// page of a national database rather than all of it. Ticked zones (at most four) load
/// every row, so a comparison is never cut short.
pub const ROW_LIMIT: usize = 500;

/// Rows matching the current filters.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    /// True when more measures or targets match than [`ROW_LIMIT`] (the first ones in zone,
    /// document and outline order are kept).
    pub truncated: bool,
    pub measures: Vec<MeasureRow>,
    pub targets: Vec<TargetRow>,
    pub statistics: Vec<StatisticRow>,
    pub agency_load: Vec<AgencyLoadRow>,
    /// Indices into `measures` per zone slug.
    pub measures_by_zone: HashMap<String, Vec<usize>>,
    /// Index into `measures` per measure id (a target's measure and its agencies).
    pub measure_by_id: HashMap<i64, usize>,
    /// Indices into `targets` per zone slug.
    pub targets_by_zone: HashMap<String, Vec<usize>>,
    /// Indices into `targets` per owning measure id.
    pub targets_by_measure: HashMap<i64, Vec<usize>>,
    /// Latest statistic per (zone slug, canonical indicator): index into `statistics`.
    pub baselines: HashMap<(String, String), usize>,
    /// Every statistic per (zone slug, canonical indicator): indices into `statistics`.
    pub statistics_by_key: HashMap<(String, String), Vec<usize>>,
    /// Actual outcomes entered for the ticked zones.
    pub actuals: Vec<ActualRow>,
    /// Kind of each document a statistic comes from (a news report's figures are not used
    /// for ambition).
    pub doc_kinds: HashMap<i64, crate::model::DocKind>,
}

impl Filtered {
    /// Builds the lookup tables the views use, so drawing never scans every row.
    fn index(mut self) -> Filtered {
        for (i, m) in self.measures.iter().enumerate() {
            self.measure_by_id.insert(m.id, i);
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
            self.statistics_by_key
                .entry(key.clone())
                .or_default()
                .push(i);
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

/// Queries the overview data: every zone's counts, the filter lists, and the documents and
/// themes of the first [`FIRST_DETAILS`] zones and of the `ticked` ones.
pub fn load_overview(store: &Store, ticked: &[String]) -> crate::Result<Overview> {
    // Counts kept by the store (per-zone counts, filter facets): nothing here reads every
    // document, measure or target, so the overview costs about the same at any scale.
    let zones = store.zone_briefs()?;
    let facets = store.facets()?;
    let mut wanted: Vec<String> = zones
        .iter()
        .take(FIRST_DETAILS)
        .map(|z| z.zone.slug.clone())
        .collect();
    wanted.extend(
        ticked
            .iter()
            .filter(|s| !wanted.contains(s))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let details = store.zone_details(&wanted)?;
    let mut ov = Overview {
        zones,
        agencies: facets.agencies,
        years: facets.years,
        indicators: facets.indicators,
        translations: store.translations()?,
        ..Overview::default()
    };
    merge_details(&mut ov, details);
    Ok(ov)
}

/// Puts full zone summaries (from `Store::zone_details`) in place of the brief ones and
/// rebuilds the heatmap.
pub fn merge_details(ov: &mut Overview, details: Vec<ZoneSummary>) {
    let index: HashMap<String, usize> = ov
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| (z.zone.slug.clone(), i))
        .collect();
    for d in details {
        if let Some(&i) = index.get(&d.zone.slug) {
            ov.detailed.insert(d.zone.slug.clone());
            ov.zones[i] = d;
        }
    }
    ov.heatmap = heatmap(&ov.zones, &ov.detailed);
}

/// Queries the rows matching `filter`: every row of the ticked zones, or with none ticked
/// at most [`ROW_LIMIT`] measures, targets and statistics each; the agency load only of
/// ticked zones (the Agencies view shows no others).
pub fn load_filtered(store: &Store, filter: &Filter) -> crate::Result<Filtered> {
    load_page(store, filter, ROW_LIMIT)
}

fn load_page(store: &Store, filter: &Filter, page: usize) -> crate::Result<Filtered> {
    // One row past the page tells whether more match.
    let limit = filter.zones.is_empty().then_some(page + 1);
    let paged = Filter {
        limit: limit.or(filter.limit),
        ..filter.clone()
    };
    let zones_only = Filter {
        zones: filter.zones.clone(),
        limit: paged.limit,
        ..Filter::default()
    };
    let mut measures = store.measures(&paged)?;
    let mut targets = store.targets(&paged)?;
    let mut statistics = store.statistics(&zones_only)?;
    let mut truncated = false;
    if limit.is_some() {
        truncated = measures.len() > page || targets.len() > page;
        measures.truncate(page);
        targets.truncate(page);
        statistics.truncate(page);
    }
    let mut stat_docs: Vec<i64> = statistics.iter().map(|s| s.doc_id).collect();
    stat_docs.sort_unstable();
    stat_docs.dedup();
    let doc_kinds = store
        .documents_info(&stat_docs)?
        .into_iter()
        .map(|d| (d.id, d.kind))
        .collect();
    let actuals = if filter.zones.is_empty() {
        Vec::new()
    } else {
        store.actuals(&Filter {
            zones: filter.zones.clone(),
            ..Filter::default()
        })?
    };
    let agency_load = if filter.zones.is_empty() {
        Vec::new()
    } else {
        store.agency_load(filter)?
    };
    Ok(Filtered {
        truncated,
        measures,
        targets,
        statistics,
        agency_load,
        doc_kinds,
        actuals,
        ..Filtered::default()
    }
    .index())
}

/// What the reader marks in one document: each measure's span with the names of its
/// responsible units, and each target's span.
#[derive(Debug, Clone, Default)]
pub struct DocMarks {
    pub measures: Vec<(Span, Vec<String>)>,
    /// Each measure's (Chinese) title, in the order of `measures`.
    pub titles: Vec<String>,
    pub targets: Vec<Span>,
}

/// An open document: its text and outline, and what to highlight in it.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub text: DocumentText,
    pub marks: DocMarks,
}

/// Loads one document for the reader with its own measures and targets (not the filtered
/// rows, which may belong to other zones or stop at a page).
pub fn load_document(store: &Store, doc_id: i64) -> crate::Result<OpenDocument> {
    let text = store.document(doc_id)?;
    let this = Filter {
        document: Some(doc_id),
        ..Filter::default()
    };
    let rows = store.measures(&this)?;
    let titles = rows.iter().map(|m| m.title.clone()).collect();
    let measures = rows
        .into_iter()
        .map(|m| (m.span, m.units.into_iter().map(|u| u.name).collect()))
        .collect();
    let targets = store
        .targets(&this)?
        .into_iter()
        .map(|t| t.target.span)
        .collect();
    Ok(OpenDocument {
        text,
        marks: DocMarks {
            measures,
            titles,
            targets,
        },
    })
}

/// What changed from stored document `old` to `new` (each read with its corrections).
pub fn load_diff(store: &Store, old: i64, new: i64) -> crate::Result<PlanDiff> {
    let version = |id: i64| -> crate::Result<Version> {
        let info = store.document(id)?.info;
        let this = Filter {
            document: Some(id),
            ..Filter::default()
        };
        Ok(Version::from_rows(
            &info.title,
            &store.measures(&this)?,
            &store.targets(&this)?,
        ))
    };
    Ok(diff(&version(old)?, &version(new)?))
}

/// Measures per theme and zone, from each zone's theme counts; themes in catalog order,
/// themes no zone has left out. Zones not in `detailed` have no counts yet.
pub fn heatmap(zones: &[ZoneSummary], detailed: &HashSet<String>) -> Heatmap {
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
        loaded: zones
            .iter()
            .map(|z| detailed.contains(&z.zone.slug))
            .collect(),
        max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The heatmap built from the stored per-zone counts is the one counting every measure.
    /// With no zone ticked only a first page is loaded, and the views are told; ticked
    /// zones load every row whatever the page.
    #[test]
    fn no_ticked_zone_loads_a_first_page() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("z.sqlite")).unwrap();
        let all = store.measures(&Filter::default()).unwrap();
        let page = load_page(&store, &Filter::default(), 10).unwrap();
        assert!(page.truncated);
        assert_eq!(page.measures.len(), 10);
        assert_eq!(page.targets.len(), 10);
        let first: Vec<i64> = all.iter().take(10).map(|m| m.id).collect();
        let got: Vec<i64> = page.measures.iter().map(|m| m.id).collect();
        assert_eq!(got, first, "the first rows in zone and outline order");
        assert!(
            page.agency_load.is_empty(),
            "no agency table without ticked zones"
        );
        let slug = all[0].zone_slug.clone();
        let zone = Filter {
            zones: vec![slug.clone()],
            ..Filter::default()
        };
        let ticked = load_page(&store, &zone, 10).unwrap();
        assert!(!ticked.truncated);
        let of_zone = all.iter().filter(|m| m.zone_slug == slug).count();
        assert!(of_zone > 10);
        assert_eq!(ticked.measures.len(), of_zone);
        assert!(!ticked.agency_load.is_empty());
        let whole = load_filtered(&store, &Filter::default()).unwrap();
        assert!(!whole.truncated, "the bundled corpus fits in one page");
        assert_eq!(whole.measures.len(), all.len());
    }

    /// The reader's marks are the document's own measures and targets.
    #[test]
    fn a_document_is_loaded_with_its_own_marks() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("z.sqlite")).unwrap();
        let targets = store.targets(&Filter::default()).unwrap();
        let measures = store.measures(&Filter::default()).unwrap();
        // A document with targets and with responsible units, not the first one.
        let doc_id = measures
            .iter()
            .rev()
            .filter(|m| !m.units.is_empty())
            .map(|m| m.doc_id)
            .find(|d| targets.iter().any(|t| t.doc_id == *d))
            .expect("a document with units and targets");
        let open = load_document(&store, doc_id).unwrap();
        assert_eq!(open.text.info.id, doc_id);
        let mut want: Vec<_> = targets
            .iter()
            .filter(|t| t.doc_id == doc_id)
            .map(|t| t.target.span)
            .collect();
        let mut got = open.marks.targets.clone();
        want.sort();
        got.sort();
        assert!(!want.is_empty());
        assert_eq!(got, want);
        let n = measures.iter().filter(|m| m.doc_id == doc_id).count();
        assert_eq!(open.marks.measures.len(), n);
        assert!(
            open.marks
                .measures
                .iter()
                .any(|(_, units)| !units.is_empty())
        );
    }

    #[test]
    fn heatmap_from_zone_counts_matches_the_measures() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("z.sqlite")).unwrap();
        let overview = load_overview(&store, &[]).unwrap();
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
