//! `themes` (measures per theme per zone), `agencies` (busiest agencies, lead vs co-owner)
//! and `instruments` (supply / environment / demand mix).

use super::{ChartOptions, Sources, chart, selection_names, style_legend};
use crate::analysis::{Dataset, INSTRUMENTS, instrument_mix, theme_matrix, top_agencies};
use crate::catalog::Catalog;
use crate::charts::labels::{agency_name, fmt_number, theme_name, zone_label};
use crate::charts::{
    Chart, ChartKind, Lang, LegendItem, Panel, Point, Rgb, Series, Style, zone_color,
};
use crate::model::Instrument;

/// Themes shown when the caller chose none.
const MAX_THEMES: usize = 12;

/// Measures per theme, one bar per zone, labelled with count and share.
pub(super) fn themes_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            " | 各主题措施数量（括号内为占本园区措施总数的比重）",
            " | measures per theme (share of the zone's measures in brackets)"
        )
    );
    let mut c = chart(
        ChartKind::Themes,
        lang,
        lang.pick("政策主题分布", "Policy themes by zone").into(),
        subtitle,
    );
    let mut m = theme_matrix(&ds.measures, &ds.selected, catalog);
    let keep: Vec<usize> = if opts.themes.is_empty() {
        // the most frequent themes, kept in catalogue order
        let mut by_total: Vec<usize> = (0..m.themes.len()).collect();
        by_total.sort_by_key(|&i| std::cmp::Reverse(m.counts[i].iter().sum::<usize>()));
        by_total.truncate(MAX_THEMES);
        by_total.sort_unstable();
        by_total
    } else {
        (0..m.themes.len())
            .filter(|&i| opts.themes.contains(&m.themes[i]))
            .collect()
    };
    let left_out = m.themes.len() - keep.len();
    m.themes = keep.iter().map(|&i| m.themes[i].clone()).collect();
    m.counts = keep.iter().map(|&i| m.counts[i].clone()).collect();
    if opts.themes.is_empty() && left_out > 0 {
        c.notes.push(match lang {
            Lang::Zh => format!("仅显示措施最多的{MAX_THEMES}个主题，另有{left_out}个主题未显示。"),
            Lang::En => format!(
                "Showing the {MAX_THEMES} themes with most measures; {left_out} more not shown."
            ),
        });
    }
    // The documents of the measures counted (read in place: a zone may hold tens of
    // thousands of measures).
    let mut sources = Sources::default();
    ds.measures
        .iter()
        .filter(|m| opts.themes.is_empty() || m.themes.iter().any(|t| opts.themes.contains(t)))
        .filter(|x| ds.selected.contains(&x.zone_slug))
        .for_each(|x| sources.add(x.doc_id));
    let categories = m
        .themes
        .iter()
        .map(|t| theme_name(catalog, t, lang))
        .collect();
    let mut panel = Panel::bars(String::new(), false, categories);
    panel.value_axis = lang.pick("措施数（项）", "Measures (count)").into();
    panel.category_axis = lang.pick("主题", "Theme").into();
    for (z, slug) in ds.selected.iter().enumerate() {
        let color = zone_color(ds.color_index(slug));
        let name = zone_label(ds, slug, lang);
        let points = (0..m.themes.len())
            .filter(|&t| m.counts[t][z] > 0)
            .map(|t| {
                let (n, pct) = (m.counts[t][z], fmt_number(m.share_pct(t, z).round(), lang));
                Point {
                    category: t,
                    value: n as f64,
                    value_max: None,
                    color: None,
                    label: format!("{n} ({pct}%)"),
                    detail: format!("{name}: {n} ({pct}%)"),
                }
            })
            .collect();
        c.legend.push(LegendItem {
            label: name.clone(),
            color,
            style: Style::Solid,
        });
        panel.series.push(Series {
            name,
            color,
            style: Style::Solid,
            points,
        });
    }
    if m.themes.is_empty() {
        c.notes.push(
            lang.pick(
                "所选园区没有标注主题的措施。",
                "No measure of the selected zones carries a theme.",
            )
            .into(),
        );
    } else {
        c.panels.push(panel);
        c.notes.push(
            lang.pick(
                "一项措施可涉及多个主题，比重之和可超过100%。",
                "A measure can carry several themes, so shares may add up to more than 100%.",
            )
            .into(),
        );
    }
    c.source = sources.note(ds, lang);
    c
}

/// One panel per zone: its busiest agencies, led and co-owned measures stacked.
pub(super) fn agencies_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            &format!(
                " | 每个园区承担措施最多的部门（至多{}个）",
                opts.top_agencies
            ),
            &format!(
                " | agencies named on most measures in each zone (up to {})",
                opts.top_agencies
            )
        )
    );
    let mut c = chart(
        ChartKind::Agencies,
        lang,
        lang.pick("责任部门任务量", "Agency workload").into(),
        subtitle,
    );
    c.legend = style_legend(lang.pick("牵头", "Lead"), lang.pick("配合", "Co-owner"));
    let mut sources = Sources::default();
    for slug in &ds.selected {
        let top = top_agencies(&ds.agency_load, slug, opts.top_agencies);
        let zone = zone_label(ds, slug, lang);
        if top.is_empty() {
            c.notes.push(format!(
                "{zone}{}",
                lang.pick(
                    "：文件未列明责任单位。",
                    ": the documents name no responsible units."
                )
            ));
            continue;
        }
        if let Some(z) = ds.zones.iter().find(|z| &z.zone.slug == slug) {
            z.documents.iter().for_each(|d| sources.add(d.id));
        }
        let color = zone_color(ds.color_index(slug));
        let categories = top
            .iter()
            .map(|r| agency_name(catalog, &r.agency, lang))
            .collect();
        let mut panel = Panel::bars(zone, true, categories);
        panel.value_axis = lang.pick("措施数（项）", "Measures (count)").into();
        let pts = |f: fn(&crate::store::rows::AgencyLoadRow) -> usize, what: &str| -> Vec<Point> {
            top.iter()
                .enumerate()
                .filter(|(_, r)| f(r) > 0)
                .map(|(i, r)| Point {
                    category: i,
                    value: f(r) as f64,
                    value_max: None,
                    color: None,
                    label: f(r).to_string(),
                    detail: format!("{}: {what} {}", agency_name(catalog, &r.agency, lang), f(r)),
                })
                .collect()
        };
        let (lead, co) = (lang.pick("牵头", "lead"), lang.pick("配合", "co-owner"));
        panel.series.push(Series {
            name: lead.into(),
            color,
            style: Style::Solid,
            points: pts(|r| r.lead, lead),
        });
        panel.series.push(Series {
            name: co.into(),
            color,
            style: Style::Pale,
            points: pts(|r| r.co, co),
        });
        c.panels.push(panel);
    }
    c.source = sources.note(ds, lang);
    c
}

/// Colour of an instrument family (not a zone colour: the bars are families).
pub fn instrument_color(family: Instrument) -> Rgb {
    match family {
        Instrument::Supply => Rgb(0x2b, 0x6c, 0x8f),
        Instrument::Environment => Rgb(0x6a, 0xa8, 0x4f),
        Instrument::Demand => Rgb(0xe3, 0x9b, 0x2d),
    }
}

/// Name of an instrument family.
pub fn instrument_name(family: Instrument, lang: Lang) -> &'static str {
    match family {
        Instrument::Supply => lang.pick("供给型", "Supply-side"),
        Instrument::Environment => lang.pick("环境型", "Environment-side"),
        Instrument::Demand => lang.pick("需求型", "Demand-side"),
    }
}

/// Supply / environment / demand shares per zone, stacked to 100%.
pub(super) fn instruments_chart(ds: &Dataset, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let subtitle = format!(
        "{}{}",
        selection_names(ds, lang),
        lang.pick(
            " | 政策工具类型占已分类措施的比重（Rothwell & Zegveld）",
            " | share of classified measures by policy-instrument type (Rothwell & Zegveld)"
        )
    );
    let mut c = chart(
        ChartKind::Instruments,
        lang,
        lang.pick("政策工具结构", "Policy-instrument mix").into(),
        subtitle,
    );
    let mix = instrument_mix(&ds.measures, &ds.selected);
    let mut sources = Sources::default();
    ds.measures
        .iter()
        .filter(|m| ds.selected.contains(&m.zone_slug))
        .for_each(|m| sources.add(m.doc_id));
    let categories = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    let mut panel = Panel::bars(String::new(), true, categories);
    panel.value_axis = lang
        .pick("占已分类措施比重（%）", "Share of classified measures (%)")
        .into();
    for family in INSTRUMENTS {
        let name = instrument_name(family, lang);
        let points = mix
            .iter()
            .enumerate()
            .filter(|(_, m)| m.count(family) > 0)
            .map(|(i, m)| {
                let pct = 100.0 * m.count(family) as f64 / m.classified() as f64;
                Point {
                    category: i,
                    value: pct,
                    value_max: None,
                    color: None,
                    label: format!("{}%", fmt_number(pct.round(), lang)),
                    detail: format!(
                        "{name}: {} ({}%)",
                        m.count(family),
                        fmt_number(pct.round(), lang)
                    ),
                }
            })
            .collect();
        let color = instrument_color(family);
        c.legend.push(LegendItem {
            label: name.into(),
            color,
            style: Style::Solid,
        });
        panel.series.push(Series {
            name: name.into(),
            color,
            style: Style::Solid,
            points,
        });
    }
    for (i, m) in mix.iter().enumerate() {
        if m.classified() == 0 {
            panel.category_notes[i] = lang.pick("无已分类措施", "no classified measures").into();
        }
        if m.unclassified > 0 {
            let zone = zone_label(ds, &m.zone, lang);
            c.notes.push(match lang {
                Lang::Zh => format!(
                    "{zone}：另有{}项措施未识别政策工具类型，未计入。",
                    m.unclassified
                ),
                Lang::En => format!(
                    "{zone}: {} more measure(s) without a recognised instrument not counted.",
                    m.unclassified
                ),
            });
        }
    }
    c.panels.push(panel);
    c.source = sources.note(ds, lang);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;

    #[test]
    fn themes_label_counts_and_shares() {
        let ds = dataset();
        let c = themes_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Themes, Lang::Zh),
        );
        let p = &c.panels[0];
        assert_eq!(p.categories[0], "人才");
        assert_eq!(p.series.len(), 4);
        assert_eq!(p.series[0].points[0].label, "2 (67%)");
        assert_eq!(c.legend.len(), 4);
        let only_talent = ChartOptions {
            themes: vec!["talent".into()],
            ..ChartOptions::new(ChartKind::Themes, Lang::En)
        };
        let c = themes_chart(&ds, Catalog::in_use(), &only_talent);
        assert_eq!(c.panels[0].categories, ["Talent"]);
    }

    #[test]
    fn agencies_one_panel_per_zone_with_data() {
        let ds = dataset();
        let c = agencies_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Agencies, Lang::Zh),
        );
        assert_eq!(c.panels.len(), 3);
        assert_eq!(c.panels[1].categories[0], "沈阳高新区管委会");
        assert_eq!(c.panels[1].max_value(), 11.0);
        assert!(c.notes.iter().any(|n| n.contains("两江")));
    }

    #[test]
    fn instruments_stack_to_hundred() {
        let ds = dataset();
        let c = instruments_chart(&ds, &ChartOptions::new(ChartKind::Instruments, Lang::En));
        let p = &c.panels[0];
        assert!((p.max_value() - 100.0).abs() < 1e-9);
        assert_eq!(p.category_notes[2], "no classified measures");
        assert!(c.notes.iter().any(|n| n.contains("1 more measure(s)")));
    }
}
