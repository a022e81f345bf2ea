//! Target comparisons: canonical indicator × zone with baselines, targets by deadline year,
//! and target vs actual.

use std::collections::BTreeMap;

use crate::store::rows::{ActualRow, StatisticRow, TargetRow};

/// One zone's targets and baseline for a canonical indicator.
#[derive(Debug, Clone)]
pub struct ZoneIndicator {
    pub zone: String,
    /// Every target of the zone for the indicator, latest deadline first.
    pub targets: Vec<TargetRow>,
    /// The most recent statistic of the zone for the indicator.
    pub baseline: Option<StatisticRow>,
}

impl ZoneIndicator {
    /// The target a chart shows: the latest deadline (then the largest value).
    pub fn headline(&self) -> Option<&TargetRow> {
        self.targets.first()
    }
}

/// A canonical indicator across the selected zones.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    pub indicator_id: String,
    /// One entry per selected zone, in selection order (empty targets when it has none).
    pub zones: Vec<ZoneIndicator>,
}

impl IndicatorRow {
    /// Number of zones with at least one target.
    pub fn zones_with_targets(&self) -> usize {
        self.zones.iter().filter(|z| !z.targets.is_empty()).count()
    }
}

fn year_key(t: &TargetRow) -> i32 {
    t.target.year.unwrap_or(i32::MIN)
}

/// The canonical-indicator × zone table: every indicator id with a target in `zones`, most
/// widely shared first (then by id).
pub fn indicator_table(
    targets: &[TargetRow],
    statistics: &[StatisticRow],
    zones: &[String],
) -> Vec<IndicatorRow> {
    let mut ids: BTreeMap<&str, ()> = BTreeMap::new();
    for t in targets.iter().filter(|t| zones.contains(&t.zone_slug)) {
        if let Some(id) = &t.target.indicator_id {
            ids.insert(id, ());
        }
    }
    let mut rows: Vec<IndicatorRow> = ids
        .keys()
        .map(|id| indicator_row(targets, statistics, zones, id))
        .collect();
    rows.sort_by(|a, b| {
        b.zones_with_targets()
            .cmp(&a.zones_with_targets())
            .then_with(|| a.indicator_id.cmp(&b.indicator_id))
    });
    rows
}

/// One canonical indicator across `zones` (also when no zone has a target for it).
pub fn indicator_row(
    targets: &[TargetRow],
    statistics: &[StatisticRow],
    zones: &[String],
    indicator_id: &str,
) -> IndicatorRow {
    let zones = zones
        .iter()
        .map(|slug| {
            let mut ts: Vec<TargetRow> = targets
                .iter()
                .filter(|t| &t.zone_slug == slug)
                .filter(|t| t.target.indicator_id.as_deref() == Some(indicator_id))
                .cloned()
                .collect();
            ts.sort_by(|a, b| {
                year_key(b)
                    .cmp(&year_key(a))
                    .then_with(|| b.target.value.total_cmp(&a.target.value))
            });
            let baseline = statistics
                .iter()
                .filter(|s| &s.zone_slug == slug)
                .filter(|s| s.indicator_id.as_deref() == Some(indicator_id))
                .max_by_key(|s| s.year.unwrap_or(i32::MIN))
                .cloned();
            ZoneIndicator {
                zone: slug.clone(),
                targets: ts,
                baseline,
            }
        })
        .collect();
    IndicatorRow {
        indicator_id: indicator_id.to_string(),
        zones,
    }
}

/// Targets sharing a deadline year.
#[derive(Debug, Clone)]
pub struct YearBucket {
    /// `None` for targets without a deadline.
    pub year: Option<i32>,
    /// Targets per selected zone, in selection order.
    pub per_zone: Vec<(String, Vec<TargetRow>)>,
}

/// Targets of `zones` grouped by deadline year, earliest first, undated last.
pub fn targets_by_year(targets: &[TargetRow], zones: &[String]) -> Vec<YearBucket> {
    let mut years: Vec<Option<i32>> = targets
        .iter()
        .filter(|t| zones.contains(&t.zone_slug))
        .map(|t| t.target.year)
        .collect();
    years.sort_by_key(|y| (y.is_none(), *y));
    years.dedup();
    years
        .into_iter()
        .map(|year| YearBucket {
            year,
            per_zone: zones
                .iter()
                .map(|slug| {
                    let ts = targets
                        .iter()
                        .filter(|t| &t.zone_slug == slug && t.target.year == year)
                        .cloned()
                        .collect();
                    (slug.clone(), ts)
                })
                .collect(),
        })
        .collect()
}

/// An entered actual beside the target it measures.
#[derive(Debug, Clone)]
pub struct ProgressRow {
    pub zone: String,
    pub indicator_id: String,
    pub target: TargetRow,
    pub actual: ActualRow,
    /// Actual ÷ target value in percent, when both use the same unit.
    pub achieved_pct: Option<f64>,
}

/// Pairs each actual with its zone's target for the same indicator: the earliest deadline
/// not before the actual's year, else the latest one. Actuals without a target are left out.
pub fn progress(
    targets: &[TargetRow],
    actuals: &[ActualRow],
    zones: &[String],
) -> Vec<ProgressRow> {
    let mut rows = Vec::new();
    for slug in zones {
        for actual in actuals.iter().filter(|a| &a.zone_slug == slug) {
            let candidates: Vec<&TargetRow> = targets
                .iter()
                .filter(|t| &t.zone_slug == slug)
                .filter(|t| t.target.indicator_id.as_deref() == Some(actual.indicator_id.as_str()))
                .collect();
            let due = candidates
                .iter()
                .filter(|t| t.target.year.is_some_and(|y| y >= actual.year))
                .min_by_key(|t| year_key(t));
            let Some(target) = due.or_else(|| candidates.iter().max_by_key(|t| year_key(t))) else {
                continue;
            };
            let achieved_pct = (target.target.unit == actual.unit && target.target.value != 0.0)
                .then(|| 100.0 * actual.value / target.target.value);
            rows.push(ProgressRow {
                zone: slug.clone(),
                indicator_id: actual.indicator_id.clone(),
                target: (*target).clone(),
                actual: actual.clone(),
                achieved_pct,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn indicator_table_has_baselines_and_gaps() {
        let d = dataset();
        let rows = indicator_table(&d.targets, &d.statistics, &d.selected);
        assert_eq!(rows[0].indicator_id, "high_tech_enterprises");
        assert_eq!(rows[0].zones_with_targets(), 3);
        let zhongde = &rows[0].zones[0];
        assert_eq!(zhongde.headline().unwrap().target.value, 120.0);
        assert_eq!(zhongde.baseline.as_ref().unwrap().value, 408.0);
        let dalian = &rows[0].zones[2];
        assert_eq!(dalian.zone, "dalian");
        assert!(dalian.headline().is_none());
        assert!(rows.iter().any(|r| r.indicator_id == "rd_investment"));
    }

    #[test]
    fn headline_is_latest_deadline() {
        let mut d = dataset();
        d.targets.push(target(
            99,
            1,
            "zhongde",
            "高新技术企业",
            Some("high_tech_enterprises"),
            90.0,
            "户",
            crate::model::Comparator::Ge,
            Some(2023),
            "到2023年,高新技术企业90户",
        ));
        let row = indicator_row(
            &d.targets,
            &d.statistics,
            &d.selected,
            "high_tech_enterprises",
        );
        assert_eq!(row.zones[0].targets.len(), 2);
        assert_eq!(row.zones[0].headline().unwrap().target.year, Some(2025));
    }

    #[test]
    fn years_are_sorted_with_undated_last() {
        let mut d = dataset();
        d.targets.push(target(
            98,
            4,
            "dalian",
            "新兴产业集群",
            None,
            3.0,
            "个",
            crate::model::Comparator::Ge,
            None,
            "培育3个产业集群",
        ));
        let buckets = targets_by_year(&d.targets, &d.selected);
        let years: Vec<Option<i32>> = buckets.iter().map(|b| b.year).collect();
        assert_eq!(years, vec![Some(2020), Some(2023), Some(2025), None]);
        let y2020 = &buckets[0];
        assert_eq!(y2020.per_zone.len(), 4);
        assert_eq!(y2020.per_zone[3].1.len(), 3); // liangjiang
        assert!(y2020.per_zone[0].1.is_empty()); // zhongde has none due 2020
    }

    #[test]
    fn progress_pairs_actual_with_due_target() {
        let d = dataset();
        let rows = progress(&d.targets, &d.actuals, &d.selected);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].zone, "zhongde");
        assert_eq!(rows[0].target.target.year, Some(2025));
        assert!((rows[0].achieved_pct.unwrap() - 80.0).abs() < 1e-9);
        assert!((rows[1].achieved_pct.unwrap() - 106.4).abs() < 1e-9);
    }

    #[test]
    fn progress_without_comparable_unit_has_no_ratio() {
        let mut d = dataset();
        d.actuals[0].unit = "家".into();
        let rows = progress(&d.targets, &d.actuals, &d.selected);
        assert_eq!(rows[0].achieved_pct, None);
    }
}
