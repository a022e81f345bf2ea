//! How ambitious a target is against the zone's own current figure: the implied average
//! annual change from the baseline year to the target year, and the multiple. Only a
//! comparable baseline counts — same canonical indicator, same unit family (and the same
//! unit where the family has scales, `万元` vs `亿元`), and the same scope: a figure from
//! the target's own document or another plan of the zone. A news report is often about a
//! larger area (the Zhongde park's news profile describes all of 沈阳经开区), so its figures
//! are shown, labelled with their document, but not used for ambition.

use serde::Serialize;

use crate::catalog::unit_family;
use crate::model::DocKind;
use crate::store::rows::{StatisticRow, TargetRow};

/// Where a baseline comes from, relative to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineScope {
    /// The target's own document.
    SameDocument,
    /// Another plan (not a news report) of the same zone.
    SameZone,
    /// A news report: possibly about a larger area; not used for ambition.
    OtherScope,
}

impl BaselineScope {
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineScope::SameDocument => "same_document",
            BaselineScope::SameZone => "same_zone",
            BaselineScope::OtherScope => "other_scope",
        }
    }
}

/// A target's baseline and, when comparable, its ambition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ambition {
    pub baseline_value: f64,
    pub baseline_unit: String,
    pub baseline_year: Option<i32>,
    pub baseline_doc_id: i64,
    pub scope: BaselineScope,
    /// Average change per year from the baseline to the target, in percent (rounded to
    /// 0.1); `None` when not comparable or the years do not allow it.
    pub implied_annual_growth_pct: Option<f64>,
    /// Target value ÷ baseline value (rounded to 0.01), when comparable.
    pub multiple: Option<f64>,
}

/// The best baseline among `statistics` for `target` (same zone and canonical indicator,
/// a unit of the same family, a year before the deadline when both are known), and the
/// ambition when it is comparable. Own document first, then another plan of the zone, then
/// a news report; the latest figure within each. `kind` names a document's kind.
pub fn assess<'a>(
    target: &TargetRow,
    statistics: impl IntoIterator<Item = &'a StatisticRow>,
    kind: impl Fn(i64) -> Option<DocKind>,
) -> Option<Ambition> {
    let t = &target.target;
    let indicator = t.indicator_id.as_deref()?;
    let family = unit_family(&t.unit)?;
    let mut best: Option<(BaselineScope, &StatisticRow)> = None;
    for s in statistics {
        if s.zone_slug != target.zone_slug
            || s.indicator_id.as_deref() != Some(indicator)
            || unit_family(&s.unit) != Some(family)
            || matches!((s.year, t.year), (Some(b), Some(y)) if b >= y)
        {
            continue;
        }
        let scope = if s.doc_id == target.doc_id {
            BaselineScope::SameDocument
        } else if kind(s.doc_id) == Some(DocKind::News) {
            BaselineScope::OtherScope
        } else {
            BaselineScope::SameZone
        };
        let better = match best {
            None => true,
            Some((bs, b)) => (scope, std::cmp::Reverse(s.year)) < (bs, std::cmp::Reverse(b.year)),
        };
        if better {
            best = Some((scope, s));
        }
    }
    let (scope, s) = best?;
    let same_scale = s.unit == t.unit || family == "count";
    let comparable = scope != BaselineScope::OtherScope
        && same_scale
        && family != "percent"
        && family != "rank"
        && s.value > 0.0
        && t.value > 0.0;
    let multiple = comparable.then(|| round(t.value / s.value, 100.0));
    let growth = match (comparable, s.year, t.year) {
        (true, Some(from), Some(to)) if to > from => {
            let years = f64::from(to - from);
            Some(round(
                ((t.value / s.value).powf(1.0 / years) - 1.0) * 100.0,
                10.0,
            ))
        }
        _ => None,
    };
    Some(Ambition {
        baseline_value: s.value,
        baseline_unit: s.unit.clone(),
        baseline_year: s.year,
        baseline_doc_id: s.doc_id,
        scope,
        implied_annual_growth_pct: growth,
        multiple,
    })
}

/// Zones ranked by ambition for one canonical indicator: for each zone, the highest implied
/// annual growth among its targets for the indicator that have a comparable baseline;
/// most ambitious first. Zones without one are left out.
pub fn ranking(
    targets: &[TargetRow],
    statistics: &[StatisticRow],
    zones: &[String],
    indicator: &str,
    kind: impl Fn(i64) -> Option<DocKind>,
) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = zones
        .iter()
        .filter_map(|zone| {
            targets
                .iter()
                .filter(|t| &t.zone_slug == zone)
                .filter(|t| t.target.indicator_id.as_deref() == Some(indicator))
                .filter_map(|t| assess(t, statistics, &kind)?.implied_annual_growth_pct)
                .max_by(f64::total_cmp)
                .map(|g| (zone.clone(), g))
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn round(x: f64, per: f64) -> f64 {
    (x * per).round() / per
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::target;
    use super::*;
    use crate::model::Comparator;

    fn stat(doc_id: i64, value: f64, unit: &str, year: i32) -> StatisticRow {
        StatisticRow {
            id: doc_id * 10,
            doc_id,
            zone_slug: "zhongde".into(),
            indicator: "高新技术企业".into(),
            indicator_id: Some("high_tech_enterprises".into()),
            value,
            unit: unit.into(),
            year: Some(year),
            sentence: String::new(),
            span: (0, 0),
        }
    }

    fn hte(value: f64, year: i32) -> TargetRow {
        target(
            1,
            1,
            "zhongde",
            "高新技术企业",
            Some("high_tech_enterprises"),
            value,
            "家",
            Comparator::Ge,
            Some(year),
            "",
        )
    }

    fn kinds(id: i64) -> Option<DocKind> {
        Some(if id == 2 {
            DocKind::News
        } else {
            DocKind::Plan
        })
    }

    #[test]
    fn growth_and_multiple_from_a_same_document_baseline() {
        let stats = [stat(1, 200.0, "家", 2020)];
        let a = assess(&hte(400.0, 2025), &stats, kinds).expect("baseline");
        assert_eq!(a.scope, BaselineScope::SameDocument);
        assert_eq!(a.multiple, Some(2.0));
        assert_eq!(a.implied_annual_growth_pct, Some(14.9));
    }

    #[test]
    fn zones_ranked_by_implied_growth() {
        let mut other = hte(300.0, 2025);
        other.zone_slug = "dalian".into();
        other.doc_id = 4;
        let mut dalian_stat = stat(4, 100.0, "家", 2020);
        dalian_stat.zone_slug = "dalian".into();
        let stats = [stat(1, 200.0, "家", 2020), dalian_stat];
        let targets = [hte(400.0, 2025), other];
        let zones = [
            "zhongde".to_string(),
            "dalian".to_string(),
            "liangjiang".to_string(),
        ];
        let r = ranking(&targets, &stats, &zones, "high_tech_enterprises", kinds);
        let order: Vec<&str> = r.iter().map(|(z, _)| z.as_str()).collect();
        assert_eq!(
            order,
            ["dalian", "zhongde"],
            "×3 before ×2; no baseline, no rank"
        );
    }

    #[test]
    fn a_news_profile_baseline_is_shown_but_not_used() {
        // Zhongde: "408 high-tech enterprises (2021)" describes the whole 沈阳经开区.
        let stats = [stat(2, 408.0, "家", 2021)];
        let a = assess(&hte(120.0, 2025), &stats, kinds).expect("baseline shown");
        assert_eq!(a.scope, BaselineScope::OtherScope);
        assert_eq!(a.baseline_value, 408.0);
        assert_eq!(a.implied_annual_growth_pct, None);
        assert_eq!(a.multiple, None);
    }

    #[test]
    fn own_plan_beats_news_and_other_units_or_later_years_do_not_count() {
        let stats = [
            stat(2, 408.0, "家", 2021),
            stat(3, 100.0, "家", 2019),
            stat(1, 50.0, "亿元", 2020),
            stat(1, 90.0, "家", 2026),
        ];
        let a = assess(&hte(150.0, 2025), &stats, kinds).expect("baseline");
        assert_eq!(a.scope, BaselineScope::SameZone);
        assert_eq!(a.baseline_doc_id, 3);
        assert_eq!(a.multiple, Some(1.5));
        assert!(assess(&hte(150.0, 2025), &[], kinds).is_none());
    }
}
