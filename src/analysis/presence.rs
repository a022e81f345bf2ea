//! What the selected zones share and what only one has: for each theme, policy-instrument
//! sub-type, canonical indicator or agency, how many measures (or targets) each zone has,
//! which ones, and whether the key is common to all zones, shared by some, or found in only
//! one. Behind `zonecompare compare` and the Compare view's marks.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::rows::{MeasureRow, TargetRow};

/// What a comparison lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// Measures per theme.
    #[default]
    Theme,
    /// Targets per canonical indicator (targets without one are left out).
    Indicator,
    /// Measures per policy-instrument sub-type (the family where no sub-type matched).
    Instrument,
    /// Measures an agency leads or co-owns, by canonical name. Agencies of different cities
    /// with one name (each city's 市科技局) line up as the same kind of office.
    Agency,
}

/// Where a key is found among the selected zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    /// In every selected zone.
    Common,
    /// In more than one zone, not all.
    Shared,
    /// In exactly one zone.
    Only,
}

impl Presence {
    /// Where a key with these per-zone counts is found; `None` when no zone has it.
    pub fn of(counts: &[usize]) -> Option<Presence> {
        match counts.iter().filter(|&&n| n > 0).count() {
            0 => None,
            1 if counts.len() > 1 => Some(Presence::Only),
            n if n == counts.len() => Some(Presence::Common),
            _ => Some(Presence::Shared),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Common => "common",
            Presence::Shared => "shared",
            Presence::Only => "only",
        }
    }
}

/// One key (theme id, sub-type id, indicator id or agency) across the zones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresenceRow {
    pub key: String,
    /// Measures (or targets) per zone, in the order of the zones asked for.
    pub counts: Vec<usize>,
    /// Their titles (measures) or figures (targets) per zone.
    pub items: Vec<Vec<String>>,
    pub presence: Presence,
    /// The one zone that has it, when only one does.
    pub only_in: Option<String>,
    /// The zones that lack it.
    pub missing_in: Vec<String>,
}

/// Lines up `zones` by `dimension`: common keys first, then shared, then those of one zone;
/// within each, most items first, then by key.
pub fn presence(
    measures: &[MeasureRow],
    targets: &[TargetRow],
    zones: &[String],
    dimension: Dimension,
) -> Vec<PresenceRow> {
    let mut table: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    let mut put = |key: &str, zone: usize, item: String| {
        table
            .entry(key.to_string())
            .or_insert_with(|| vec![Vec::new(); zones.len()])[zone]
            .push(item);
    };
    let zone_of = |slug: &str| zones.iter().position(|z| z == slug);
    match dimension {
        Dimension::Indicator => {
            for t in targets {
                let (Some(z), Some(id)) = (zone_of(&t.zone_slug), &t.target.indicator_id) else {
                    continue;
                };
                put(id, z, target_item(t));
            }
        }
        _ => {
            for m in measures {
                let Some(z) = zone_of(&m.zone_slug) else {
                    continue;
                };
                for key in measure_keys(m, dimension) {
                    put(&key, z, m.title.clone());
                }
            }
        }
    }
    let mut rows: Vec<PresenceRow> = table
        .into_iter()
        .map(|(key, items)| row(key, items, zones))
        .collect();
    rows.sort_by(|a, b| {
        a.presence
            .cmp(&b.presence)
            .then(b.counts.iter().sum::<usize>().cmp(&a.counts.iter().sum()))
            .then(a.key.cmp(&b.key))
    });
    rows
}

/// The keys a measure counts under (each once).
fn measure_keys(m: &MeasureRow, dimension: Dimension) -> Vec<String> {
    match dimension {
        Dimension::Theme => m.themes.clone(),
        Dimension::Instrument => m
            .instrument_subtype
            .clone()
            .or_else(|| m.instrument.map(|i| i.as_str().to_string()))
            .into_iter()
            .collect(),
        Dimension::Agency => {
            let mut names: Vec<String> = Vec::new();
            for u in &m.units {
                if !names.contains(&u.canonical) {
                    names.push(u.canonical.clone());
                }
            }
            names
        }
        Dimension::Indicator => Vec::new(),
    }
}

/// A target as an item: `高新技术企业 >=120户 (2025)`.
fn target_item(t: &TargetRow) -> String {
    let g = &t.target;
    let value = match g.value_max {
        Some(max) => format!("{}-{}", plain(g.value), plain(max)),
        None => plain(g.value),
    };
    let year = g.year.map(|y| format!(" ({y})")).unwrap_or_default();
    format!(
        "{} {}{value}{}{year}",
        g.indicator,
        g.comparator.as_str(),
        g.unit
    )
}

/// A figure without a fraction when it is whole (`120`, `3.5`).
fn plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

fn row(key: String, items: Vec<Vec<String>>, zones: &[String]) -> PresenceRow {
    let counts: Vec<usize> = items.iter().map(Vec::len).collect();
    // A row exists only for a key some zone has.
    let presence = Presence::of(&counts).unwrap_or(Presence::Only);
    let first = counts.iter().position(|&n| n > 0).unwrap_or(0);
    PresenceRow {
        key,
        only_in: (presence == Presence::Only).then(|| zones[first].clone()),
        missing_in: (0..zones.len())
            .filter(|&z| counts[z] == 0)
            .map(|z| zones[z].clone())
            .collect(),
        counts,
        items,
        presence,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::dataset;
    use super::*;

    fn zones(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn themes_common_shared_and_only() {
        let d = dataset();
        let z = zones(&["zhongde", "shenyang-htz", "liangjiang"]);
        let rows = presence(&d.measures, &d.targets, &z, Dimension::Theme);
        let get = |k: &str| rows.iter().find(|r| r.key == k).expect(k);
        let talent = get("talent");
        assert_eq!(talent.presence, Presence::Shared);
        assert_eq!(talent.counts, [2, 0, 1]);
        assert_eq!(talent.missing_in, ["shenyang-htz"]);
        assert_eq!(talent.only_in, None);
        let finance = get("finance");
        assert_eq!(finance.presence, Presence::Only);
        assert_eq!(finance.only_in.as_deref(), Some("shenyang-htz"));
        assert_eq!(finance.items[1], ["设立科技成果转化基金"]);
        // shared before only
        let pos = |k: &str| rows.iter().position(|r| r.key == k).unwrap();
        assert!(pos("talent") < pos("finance"));
    }

    #[test]
    fn indicators_count_targets_and_common_to_all() {
        let d = dataset();
        let z = zones(&["zhongde", "shenyang-htz"]);
        let rows = presence(&d.measures, &d.targets, &z, Dimension::Indicator);
        assert_eq!(rows[0].key, "high_tech_enterprises");
        assert_eq!(rows[0].presence, Presence::Common);
        assert_eq!(rows[0].items[0], ["高新技术企业 >=120户 (2025)"]);
        assert!(
            rows.iter().all(|r| r.key != "科技成果本土转化率"),
            "no id, no row"
        );
    }

    #[test]
    fn agencies_and_instruments() {
        let d = dataset();
        let z = zones(&["zhongde", "shenyang-htz"]);
        let rows = presence(&d.measures, &d.targets, &z, Dimension::Agency);
        let mgmt = rows.iter().find(|r| r.key == "中德园管委会").unwrap();
        assert_eq!(mgmt.counts, [2, 0]);
        let rows = presence(&d.measures, &d.targets, &z, Dimension::Instrument);
        let supply = rows.iter().find(|r| r.key == "supply").unwrap();
        assert_eq!(supply.presence, Presence::Common);
    }
}
