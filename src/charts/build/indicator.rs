//! `indicator` (one canonical indicator: target and baseline per zone) and `progress`
//! (target vs actual). Units that cannot share an axis get separate panels and a note.

use super::{ChartOptions, Sources, chart, detail, selection_names, style_legend};
use crate::analysis::{Dataset, indicator_row, indicator_table, progress};
use crate::catalog::{Catalog, unit_family};
use crate::charts::labels::{
    axis_unit, fmt_number, fmt_target, indicator_name, unit_label, zone_label,
};
use crate::charts::{Chart, ChartKind, Lang, NEUTRAL, Panel, Point, Series, Style, zone_color};

/// Units that may share one axis: every counting word (`家`, `户`, `个`) together; any
/// other unit only with itself (`亿元` and `万元` are not drawn on one axis).
fn axis_key(unit: &str) -> String {
    match unit_family(unit) {
        Some("count") => "count".to_string(),
        _ => unit.to_string(),
    }
}

/// Groups items by axis key in order of first appearance.
fn group_by_axis<T>(items: Vec<(String, T)>) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for (unit, item) in items {
        let key = axis_key(&unit);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.push(item),
            None => groups.push((key, vec![item])),
        }
    }
    groups
}

/// Note saying which zone uses which unit, when one axis mixes counting words.
fn mixed_units_note(ds: &Dataset, units: &[(String, String)], lang: Lang) -> Option<String> {
    let mut by_unit: Vec<(String, Vec<String>)> = Vec::new();
    for (slug, unit) in units {
        let name = zone_label(ds, slug, lang);
        // in English counting words that read the same (`户`, `家` → units) are one unit
        let unit = match lang {
            Lang::Zh => unit.clone(),
            Lang::En => crate::english::values::unit_name(unit, "units"),
        };
        match by_unit.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, zs)) => zs.push(name),
            None => by_unit.push((unit, vec![name])),
        }
    }
    if by_unit.len() < 2 {
        return None;
    }
    let parts: Vec<String> = by_unit
        .iter()
        .map(|(u, zs)| match lang {
            Lang::Zh => format!("{}以“{u}”计", zs.join("、")),
            Lang::En => format!("{} count in {u}", zs.join(", ")),
        })
        .collect();
    Some(match lang {
        Lang::Zh => format!(
            "单位不同：{}；均为数量单位，在同一坐标轴上比较。",
            parts.join("，")
        ),
        Lang::En => format!(
            "Units differ: {}; all are counts, compared on one axis.",
            parts.join("; ")
        ),
    })
}

/// One canonical indicator across the selected zones.
pub(super) fn indicator_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let id = opts.indicator.clone().or_else(|| {
        indicator_table(&ds.targets, &ds.statistics, &ds.selected)
            .first()
            .map(|r| r.indicator_id.clone())
    });
    let Some(id) = id else {
        let mut c = chart(
            ChartKind::Indicator,
            lang,
            lang.pick("指标目标", "Indicator targets").into(),
            selection_names(ds, lang),
        );
        c.notes.push(
            lang.pick(
                "所选园区没有归入标准指标的目标。",
                "No target of the selected zones maps to a canonical indicator.",
            )
            .into(),
        );
        c.source = Sources::default().note(ds, lang);
        return c;
    };
    let row = indicator_row(&ds.targets, &ds.statistics, &ds.selected, &id);
    let written = row
        .zones
        .iter()
        .find_map(|z| z.headline())
        .map(|t| t.target.indicator.clone());
    let name = indicator_name(catalog, &id, lang, written.as_deref());
    let title = match lang {
        Lang::Zh => format!("{name}：各园区规划目标"),
        Lang::En => format!("{name}: plan targets by zone"),
    };
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            " | 实色为目标值（截止年份），浅色为现状基线（统计年份）",
            " | solid: target (deadline year); pale: current baseline (year of figure)"
        )
    );
    let mut c = chart(ChartKind::Indicator, lang, title, subtitle);
    c.legend = style_legend(
        lang.pick("目标值", "Target"),
        lang.pick("现状基线", "Baseline"),
    );
    let mut sources = Sources::default();
    let with_target: Vec<(String, &crate::analysis::ZoneIndicator)> = row
        .zones
        .iter()
        .filter_map(|z| z.headline().map(|t| (t.target.unit.clone(), z)))
        .collect();
    let groups = group_by_axis(with_target);
    let split = groups.len() > 1;
    if split {
        let units: Vec<String> = groups
            .iter()
            .map(|(k, g)| {
                if k == "count" {
                    g[0].headline()
                        .map(|t| t.target.unit.clone())
                        .unwrap_or_default()
                } else {
                    k.clone()
                }
            })
            .collect();
        c.notes.push(match lang {
            Lang::Zh => format!("各园区该指标的单位不可比（{}），分面板显示，不在同一坐标轴上比较。", units.join("、")),
            Lang::En => format!("The zones state this indicator in units that are not comparable ({}): shown in separate panels, not on one axis.", units.join(", ")),
        });
    }
    for slug in &ds.selected {
        if row
            .zones
            .iter()
            .any(|z| &z.zone == slug && z.targets.is_empty())
            && split
        {
            c.notes.push(format!(
                "{}{}",
                zone_label(ds, slug, lang),
                lang.pick("：未设定该指标目标。", ": no target for this indicator.")
            ));
        }
    }
    let zones_in_panel = |g: &[&crate::analysis::ZoneIndicator]| -> Vec<String> {
        if split {
            g.iter().map(|z| z.zone.clone()).collect()
        } else {
            ds.selected.clone()
        }
    };
    for (key, group) in &groups {
        let slugs = zones_in_panel(group);
        let categories = slugs.iter().map(|s| zone_label(ds, s, lang)).collect();
        let mut panel = Panel::bars(String::new(), false, categories);
        let mut target_pts = Vec::new();
        let mut base_pts = Vec::new();
        let mut units: Vec<(String, String)> = Vec::new();
        for (i, slug) in slugs.iter().enumerate() {
            let color = zone_color(ds.color_index(slug));
            let zi = group.iter().find(|z| &z.zone == slug);
            let Some(t) = zi.and_then(|z| z.headline()) else {
                panel.category_notes[i] = lang.pick("未设定该指标目标", "no target set").into();
                continue;
            };
            sources.add(t.doc_id);
            units.push((slug.clone(), t.target.unit.clone()));
            let year = t.target.year.map(|y| match lang {
                Lang::Zh => format!("（{y}年）"),
                Lang::En => format!(" (by {y})"),
            });
            // Ambition against a same-scope baseline, when there is one.
            let kind = |doc: i64| ds.document(doc).map(|d| d.kind);
            let growth = crate::analysis::ambition::assess(t, &ds.statistics, kind)
                .and_then(|a| a.implied_annual_growth_pct)
                .map(|g| format!(" {g:+}%/{}", lang.pick("年", "yr")))
                .unwrap_or_default();
            target_pts.push(Point {
                category: i,
                value: t.target.value,
                value_max: t.target.value_max,
                color: Some(color),
                label: fmt_target(&t.target, lang) + &year.unwrap_or_default() + &growth,
                detail: detail(ds, t.doc_id, &t.target.sentence, lang),
            });
            let baseline = zi.and_then(|z| z.baseline.as_ref());
            if let Some(b) = baseline.filter(|b| axis_key(&b.unit) == *key) {
                sources.add(b.doc_id);
                // A news report's figure may describe a larger area (Zhongde's news profile
                // is of all 沈阳经开区): marked, and said so under the chart.
                let news = ds
                    .document(b.doc_id)
                    .filter(|d| b.doc_id != t.doc_id && d.kind == crate::model::DocKind::News);
                let star = if news.is_some() { "*" } else { "" };
                if let Some(d) = news {
                    c.notes.push(match lang {
                        Lang::Zh => format!(
                            "* {}的现状值取自新闻报道《{}》,可能是更大范围的数据,不作为目标的基数。",
                            zone_label(ds, slug, lang),
                            d.title
                        ),
                        Lang::En => format!(
                            "* {}: the current figure comes from a news report («{}»), possibly about a larger area; not used as the target's baseline.",
                            zone_label(ds, slug, lang),
                            crate::charts::labels::title(ds, &d.title, lang)
                        ),
                    });
                }
                let year = b
                    .year
                    .map(|y| match lang {
                        Lang::Zh => format!("（{y}年）"),
                        Lang::En => format!(" ({y})"),
                    })
                    .unwrap_or_default();
                base_pts.push(Point {
                    category: i,
                    value: b.value,
                    value_max: None,
                    color: Some(color),
                    label: format!(
                        "{}{}{}{year}{star}",
                        lang.pick("现状 ", "now "),
                        fmt_number(b.value, lang),
                        unit_label(&b.unit, lang)
                    ),
                    detail: detail(ds, b.doc_id, &b.sentence, lang),
                });
            }
        }
        let unit_list: Vec<String> = units.iter().map(|(_, u)| u.clone()).collect();
        panel.value_axis = format!("{name}{}", axis_unit(&unit_list, lang));
        if split {
            panel.title = format!(
                "{}{}",
                lang.pick("单位：", "Unit: "),
                unit_list
                    .first()
                    .map(|u| if lang == Lang::Zh {
                        u.clone()
                    } else {
                        axis_unit(std::slice::from_ref(u), lang)
                            .trim()
                            .trim_matches(['(', ')'])
                            .to_string()
                    })
                    .unwrap_or_default()
            );
        }
        c.notes.extend(mixed_units_note(ds, &units, lang));
        panel.series.push(Series {
            name: lang.pick("目标值", "Target").into(),
            color: NEUTRAL,
            style: Style::Solid,
            points: target_pts,
        });
        panel.series.push(Series {
            name: lang.pick("现状基线", "Baseline").into(),
            color: NEUTRAL,
            style: Style::Pale,
            points: base_pts,
        });
        c.panels.push(panel);
    }
    if groups.is_empty() {
        c.notes.push(
            lang.pick(
                "所选园区均未设定该指标目标。",
                "None of the selected zones sets a target for this indicator.",
            )
            .into(),
        );
    }
    // Zones ranked by ambition: implied annual change against a same-scope baseline.
    let kind = |doc: i64| ds.document(doc).map(|d| d.kind);
    let ranked =
        crate::analysis::ambition::ranking(&ds.targets, &ds.statistics, &ds.selected, &id, kind);
    if !ranked.is_empty() {
        let list: Vec<String> = ranked
            .iter()
            .map(|(zone, g)| format!("{} {g:+}%", zone_label(ds, zone, lang)))
            .collect();
        c.notes.push(format!(
            "{}{}",
            lang.pick(
                "目标力度排序(较本区同口径基数的隐含年均增速):",
                "Ambition ranking (implied annual change from the zone's own baseline): "
            ),
            list.join(lang.pick(";", "; "))
        ));
    }
    c.source = sources.note(ds, lang);
    c
}

/// Target vs entered actual, one panel per indicator and unit.
pub(super) fn progress_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let rows: Vec<_> = progress(&ds.targets, &ds.actuals, &ds.selected)
        .into_iter()
        .filter(|r| opts.indicator.as_ref().is_none_or(|i| *i == r.indicator_id))
        .collect();
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            " | 浅色为规划目标，实色为录入的实际值",
            " | pale: plan target; solid: entered actual"
        )
    );
    let mut c = chart(
        ChartKind::Progress,
        lang,
        lang.pick("目标完成情况", "Targets vs actual outcomes")
            .into(),
        subtitle,
    );
    c.legend = style_legend(
        lang.pick("实际值", "Actual"),
        lang.pick("规划目标", "Target"),
    );
    let mut sources = Sources::default();
    let keyed: Vec<(String, _)> = rows
        .iter()
        .map(|r| {
            (
                format!("{}|{}", r.indicator_id, axis_key(&r.target.target.unit)),
                r,
            )
        })
        .collect();
    let mut groups: Vec<(String, Vec<&crate::analysis::ProgressRow>)> = Vec::new();
    for (k, r) in keyed {
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(r),
            None => groups.push((k, vec![r])),
        }
    }
    for (_, group) in &groups {
        let name = indicator_name(
            catalog,
            &group[0].indicator_id,
            lang,
            Some(&group[0].target.target.indicator),
        );
        let categories = group
            .iter()
            .map(|r| zone_label(ds, &r.zone, lang))
            .collect();
        let mut panel = Panel::bars(name.clone(), false, categories);
        let units: Vec<String> = group.iter().map(|r| r.target.target.unit.clone()).collect();
        panel.value_axis = format!("{name}{}", axis_unit(&units, lang));
        let (mut actual_pts, mut target_pts) = (Vec::new(), Vec::new());
        for (i, r) in group.iter().enumerate() {
            let color = zone_color(ds.color_index(&r.zone));
            sources.add(r.target.doc_id);
            let pct = r
                .achieved_pct
                .map(|p| {
                    format!(
                        " · {}{}%",
                        lang.pick("完成", "achieved "),
                        fmt_number(p.round(), lang)
                    )
                })
                .unwrap_or_default();
            actual_pts.push(Point {
                category: i,
                value: r.actual.value,
                value_max: None,
                color: Some(color),
                label: format!(
                    "{} {}{} ({}){pct}",
                    lang.pick("实际", "actual"),
                    fmt_number(r.actual.value, lang),
                    unit_label(&r.actual.unit, lang),
                    r.actual.year
                ),
                detail: r.actual.note.clone(),
            });
            let year = r
                .target
                .target
                .year
                .map(|y| format!(" ({y})"))
                .unwrap_or_default();
            target_pts.push(Point {
                category: i,
                value: r.target.target.value,
                value_max: r.target.target.value_max,
                color: Some(color),
                label: format!(
                    "{} {}{year}",
                    lang.pick("目标", "target"),
                    fmt_target(&r.target.target, lang)
                ),
                detail: detail(ds, r.target.doc_id, &r.target.target.sentence, lang),
            });
            if r.achieved_pct.is_none() {
                c.notes.push(format!(
                    "{}{}",
                    zone_label(ds, &r.zone, lang),
                    lang.pick(
                        "：实际值与目标单位不同，未计算完成率。",
                        ": actual and target units differ; no completion rate."
                    )
                ));
            }
        }
        panel.series.push(Series {
            name: lang.pick("实际值", "Actual").into(),
            color: NEUTRAL,
            style: Style::Solid,
            points: actual_pts,
        });
        panel.series.push(Series {
            name: lang.pick("规划目标", "Target").into(),
            color: NEUTRAL,
            style: Style::Pale,
            points: target_pts,
        });
        c.panels.push(panel);
    }
    if groups.is_empty() {
        c.notes.push(
            lang.pick(
                "所选园区尚未录入实际值。",
                "No actual outcomes have been entered for the selected zones.",
            )
            .into(),
        );
    }
    c.source = sources.note(ds, lang);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;
    use crate::charts::{ChartKind, Layout};

    fn opts(kind: ChartKind, lang: Lang, ind: &str) -> ChartOptions {
        ChartOptions {
            indicator: Some(ind.into()),
            ..ChartOptions::new(kind, lang)
        }
    }

    #[test]
    fn indicator_chart_one_axis_for_counts_with_note() {
        let ds = dataset();
        let c = indicator_chart(
            &ds,
            Catalog::in_use(),
            &opts(ChartKind::Indicator, Lang::Zh, "high_tech_enterprises"),
        );
        assert_eq!(c.panels.len(), 1);
        let p = &c.panels[0];
        assert_eq!(p.layout, Layout::Bars { stacked: false });
        assert_eq!(p.categories.len(), 4);
        assert_eq!(p.category_notes[2], "未设定该指标目标");
        assert_eq!(p.series[0].points.len(), 3);
        assert_eq!(p.series[0].points[0].label, "≥120户（2025年）");
        assert_eq!(p.series[1].points[0].value, 408.0);
        // Zhongde's 408 is from the news profile of a larger area: marked, and said why.
        assert!(p.series[1].points[0].label.ends_with('*'));
        assert!(
            c.notes.iter().any(|n| n.contains("新闻报道")),
            "{:?}",
            c.notes
        );
        assert!(c.title.contains("高新技术企业"));
        assert!(p.value_axis.contains("户/家"), "{}", p.value_axis);
        assert!(
            c.notes.iter().any(|n| n.contains("单位不同")),
            "{:?}",
            c.notes
        );
        assert!(c.source.contains("2022-03-10"));
        assert_eq!(p.series[0].points[0].color, Some(zone_color(0)));
    }

    #[test]
    fn zones_ranked_by_ambition_under_the_chart() {
        let mut ds = dataset();
        // As if the 408 came from the plan itself: a same-scope baseline.
        ds.statistics[0].doc_id = 1;
        let c = indicator_chart(
            &ds,
            Catalog::in_use(),
            &opts(ChartKind::Indicator, Lang::En, "high_tech_enterprises"),
        );
        let note = c
            .notes
            .iter()
            .find(|n| n.starts_with("Ambition ranking"))
            .expect("ranking note");
        assert!(note.contains("-26.4%"), "{note}");
        assert!(c.panels[0].series[0].points[0].label.contains("-26.4%/yr"));
    }

    #[test]
    fn incomparable_units_get_separate_panels() {
        let ds = dataset();
        let c = indicator_chart(
            &ds,
            Catalog::in_use(),
            &opts(ChartKind::Indicator, Lang::En, "rd_investment"),
        );
        assert_eq!(c.panels.len(), 2);
        assert_eq!(c.panels[0].categories.len(), 1);
        assert!(
            c.notes.iter().any(|n| n.contains("not comparable")),
            "{:?}",
            c.notes
        );
        assert!(c.panels[1].title.contains('%'));
    }

    #[test]
    fn default_indicator_is_most_shared() {
        let ds = dataset();
        let c = indicator_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Indicator, Lang::En),
        );
        assert!(c.title.starts_with("High-tech enterprises"));
    }

    #[test]
    fn progress_chart_pairs() {
        let ds = dataset();
        let c = progress_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Progress, Lang::Zh),
        );
        assert_eq!(c.panels.len(), 1);
        assert!(c.panels[0].series[0].points[0].label.contains("完成80%"));
        let mut empty = ds.clone();
        empty.actuals.clear();
        let c = progress_chart(
            &empty,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Progress, Lang::Zh),
        );
        assert!(c.panels.is_empty() && !c.notes.is_empty());
    }
}
