//! `timeline`: every target of the selected zones on a deadline-year axis, one lane per zone.

use super::{ChartOptions, Sources, chart, detail, selection_names};
use crate::analysis::{Dataset, targets_by_year};
use crate::catalog::Catalog;
use crate::charts::labels::{fmt_target, indicator_name, zone_label};
use crate::charts::{
    Chart, ChartKind, Lang, Layout, NEUTRAL, Panel, Point, Series, Style, zone_color,
};

/// Targets listed in one cell (a zone's lane in one year) at most; the rest are counted
/// in a last line. A cell of hundreds of labels (a zone whose plan repeats one target per
/// task) is unreadable and would make the chart thousands of pixels tall.
pub const MAX_PER_CELL: usize = 24;

/// Targets as labelled markers in year columns, one lane per zone.
pub(super) fn timeline_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            " | 各园区量化目标按截止年份排列",
            " | quantified targets by deadline year"
        )
    );
    let mut c = chart(
        ChartKind::Timeline,
        lang,
        lang.pick("目标时间表", "Target timeline").into(),
        subtitle,
    );
    let mut sources = Sources::default();
    let categories: Vec<String> = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    let mut panel = Panel::bars(String::new(), false, categories);
    panel.layout = Layout::Lanes;
    panel.value_axis = lang.pick("截止年份", "Deadline year").into();
    let mut undated = 0;
    let mut points = Vec::new();
    for bucket in targets_by_year(&ds.targets, &ds.selected) {
        for (lane, (slug, targets)) in bucket.per_zone.iter().enumerate() {
            let Some(year) = bucket.year else {
                undated += targets.len();
                continue;
            };
            for t in targets.iter().skip(MAX_PER_CELL) {
                sources.add(t.doc_id);
            }
            for t in targets.iter().take(MAX_PER_CELL) {
                sources.add(t.doc_id);
                let name = match &t.target.indicator_id {
                    Some(id) => indicator_name(catalog, id, lang, Some(&t.target.indicator)),
                    None => t.target.indicator.clone(),
                };
                points.push(Point {
                    category: lane,
                    value: year as f64,
                    value_max: None,
                    color: Some(zone_color(ds.color_index(slug))),
                    label: format!("{name} {}", fmt_target(&t.target, lang)),
                    detail: detail(ds, t.doc_id, &t.target.sentence, lang),
                });
            }
            // The count of the rest comes last in the cell.
            if targets.len() > MAX_PER_CELL {
                let more = targets.len() - MAX_PER_CELL;
                points.push(Point {
                    category: lane,
                    value: year as f64,
                    value_max: None,
                    color: Some(NEUTRAL),
                    label: match lang {
                        Lang::Zh => format!("……另有{more}项"),
                        Lang::En => format!("… and {more} more"),
                    },
                    detail: String::new(),
                });
            }
        }
    }
    for (lane, slug) in ds.selected.iter().enumerate() {
        if !points.iter().any(|p| p.category == lane) {
            panel.category_notes[lane] = lang.pick("无带截止年份的目标", "no dated targets").into();
        }
        let _ = slug;
    }
    if undated > 0 {
        c.notes.push(match lang {
            Lang::Zh => format!("另有{undated}项目标未注明截止年份，未列入。"),
            Lang::En => format!("{undated} more targets state no deadline year and are not shown."),
        });
    }
    panel.series.push(Series {
        name: lang.pick("目标", "Targets").into(),
        color: NEUTRAL,
        style: Style::Solid,
        points,
    });
    c.panels.push(panel);
    c.source = sources.note(ds, lang);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;

    #[test]
    fn one_lane_per_zone_years_as_values() {
        let ds = dataset();
        let c = timeline_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Timeline, Lang::Zh),
        );
        let p = &c.panels[0];
        assert_eq!(p.layout, Layout::Lanes);
        assert_eq!(p.categories.len(), 4);
        let pts = &p.series[0].points;
        assert_eq!(pts.len(), ds.targets.len());
        assert!(
            pts.iter()
                .any(|x| x.category == 3 && x.value == 2020.0 && x.label == "高新技术企业 500家")
        );
        assert!(c.notes.is_empty());
    }

    #[test]
    fn a_crowded_cell_lists_its_first_targets_and_counts_the_rest() {
        let mut ds = dataset();
        let template = ds.targets[0].clone();
        let year = template.target.year.expect("a dated target");
        for i in 0..100 {
            let mut t = template.clone();
            t.target.indicator = format!("指标{i}");
            ds.targets.push(t);
        }
        let cell = |c: &Chart| -> Vec<String> {
            c.panels[0].series[0]
                .points
                .iter()
                .filter(|p| {
                    p.value == f64::from(year) && ds.selected[p.category] == template.zone_slug
                })
                .map(|p| p.label.clone())
                .collect()
        };
        let zh = timeline_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Timeline, Lang::Zh),
        );
        let labels = cell(&zh);
        assert_eq!(labels.len(), MAX_PER_CELL + 1);
        let in_cell = ds
            .targets
            .iter()
            .filter(|t| t.zone_slug == template.zone_slug && t.target.year == Some(year))
            .count();
        assert_eq!(labels.iter().filter(|l| l.starts_with("……另有")).count(), 1);
        assert!(
            labels.last().is_some_and(|l| l.starts_with("……另有")),
            "the count comes last"
        );
        assert!(
            labels.contains(&format!("……另有{}项", in_cell - MAX_PER_CELL)),
            "{labels:?}"
        );
        let en = timeline_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Timeline, Lang::En),
        );
        assert!(cell(&en).contains(&format!("… and {} more", in_cell - MAX_PER_CELL)));
    }
}
