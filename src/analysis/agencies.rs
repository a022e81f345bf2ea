//! Agency load per zone and what one zone has that the others lack.

use std::collections::BTreeSet;

use crate::store::rows::{AgencyLoadRow, MeasureRow, TargetRow};

/// The `n` busiest agencies of a zone: most measures (lead + co) first, then most led.
pub fn top_agencies(rows: &[AgencyLoadRow], zone: &str, n: usize) -> Vec<AgencyLoadRow> {
    let mut mine: Vec<AgencyLoadRow> = rows
        .iter()
        .filter(|r| r.zone_slug == zone)
        .cloned()
        .collect();
    mine.sort_by(|a, b| {
        (b.lead + b.co)
            .cmp(&(a.lead + a.co))
            .then(b.lead.cmp(&a.lead))
            .then_with(|| a.agency.cmp(&b.agency))
    });
    mine.truncate(n);
    mine
}

/// Themes and canonical indicators one zone covers and its peers do not, and the reverse.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gaps {
    pub zone: String,
    /// Themes with measures in this zone and in none of the others.
    pub only_here_themes: Vec<String>,
    /// Canonical indicators only this zone sets targets for.
    pub only_here_indicators: Vec<String>,
    /// Themes some other zone has measures for and this zone has none.
    pub missing_themes: Vec<String>,
    /// Canonical indicators some other zone targets and this zone does not.
    pub missing_indicators: Vec<String>,
}

fn themes_of<'a>(measures: &'a [MeasureRow], zones: &[&str]) -> BTreeSet<&'a str> {
    measures
        .iter()
        .filter(|m| zones.contains(&m.zone_slug.as_str()))
        .flat_map(|m| m.themes.iter().map(String::as_str))
        .collect()
}

fn indicators_of<'a>(targets: &'a [TargetRow], zones: &[&str]) -> BTreeSet<&'a str> {
    targets
        .iter()
        .filter(|t| zones.contains(&t.zone_slug.as_str()))
        .filter_map(|t| t.target.indicator_id.as_deref())
        .collect()
}

fn owned<'a>(it: impl Iterator<Item = &'a &'a str>) -> Vec<String> {
    it.map(|s| (*s).to_string()).collect()
}

/// Compares `zone` with `others` (the zone itself is ignored if listed among them).
pub fn gaps(measures: &[MeasureRow], targets: &[TargetRow], zone: &str, others: &[String]) -> Gaps {
    let peers: Vec<&str> = others
        .iter()
        .map(String::as_str)
        .filter(|s| *s != zone)
        .collect();
    let (my_t, peer_t) = (themes_of(measures, &[zone]), themes_of(measures, &peers));
    let (my_i, peer_i) = (
        indicators_of(targets, &[zone]),
        indicators_of(targets, &peers),
    );
    Gaps {
        zone: zone.to_string(),
        only_here_themes: owned(my_t.difference(&peer_t)),
        only_here_indicators: owned(my_i.difference(&peer_i)),
        missing_themes: owned(peer_t.difference(&my_t)),
        missing_indicators: owned(peer_i.difference(&my_i)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn busiest_agencies_first() {
        let d = dataset();
        let top = top_agencies(&d.agency_load, "shenyang-htz", 3);
        let names: Vec<&str> = top.iter().map(|r| r.agency.as_str()).collect();
        assert_eq!(names, ["沈阳高新区管委会", "市科技局", "市发展改革委"]);
        assert!(top_agencies(&d.agency_load, "liangjiang", 5).is_empty());
    }

    #[test]
    fn gaps_both_ways() {
        let d = dataset();
        let g = gaps(&d.measures, &d.targets, "zhongde", &d.selected);
        assert_eq!(g.only_here_themes, ["opening_up"]);
        assert_eq!(g.only_here_indicators, ["high_level_talent"]);
        assert_eq!(g.missing_themes, ["finance", "innovation"]);
        assert_eq!(g.missing_indicators, ["rd_investment"]);
    }
}
