//! The briefing's content laid out for Word: the same sections, charts and tables as the
//! HTML briefing, written through [`Docx`].

use super::docx::{Docx, Para, Run};
use super::{BriefingOptions, MAX_MEASURES_PER_CELL, chosen_themes};
use crate::analysis::{Dataset, gaps, indicator_table};
use crate::catalog::Catalog;
use crate::charts::labels::{agency_name, fmt_target, indicator_name, theme_name, zone_label};
use crate::charts::{ChartKind, ChartOptions, Lang, build_chart, fmt_number};
use crate::model::Role;

/// The briefing as DOCX bytes.
pub(super) fn render(
    ds: &Dataset,
    catalog: &Catalog,
    opts: &BriefingOptions,
) -> Result<Vec<u8>, String> {
    let lang = opts.lang;
    let mut d = Docx::new();
    let mut section = 0;
    let mut heading = |d: &mut Docx, zh: &str, en: &str| {
        section += 1;
        d.heading(1, &format!("{section}. {}", lang.pick(zh, en)));
    };
    let zones: Vec<String> = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    d.para(
        "Title",
        &[Run::plain(lang.pick(
            "园区规划对比简报",
            "Development-zone plans: comparison briefing",
        ))],
    );
    let mut sub = zones.join(lang.pick("、", "; "));
    if let Some(date) = &opts.date {
        sub.push_str(&format!(" · {date}"));
    }
    d.para("", &[Run::source(sub)]);

    heading(&mut d, "概览", "Overview");
    overview(&mut d, ds, lang);

    heading(&mut d, "指标目标对比", "Targets by indicator");
    let shared = indicator_table(&ds.targets, &ds.statistics, &ds.selected);
    for row in shared.iter().take(opts.max_indicators) {
        let chart_opts = ChartOptions {
            indicator: Some(row.indicator_id.clone()),
            ..ChartOptions::new(ChartKind::Indicator, lang)
        };
        d.figure(&build_chart(ds, catalog, &chart_opts), true, lang)?;
    }
    indicators(&mut d, ds, catalog, lang);

    heading(&mut d, "主题措施对照", "Measures by theme");
    let themes = chosen_themes(ds, catalog, opts);
    let theme_opts = ChartOptions {
        themes: themes.clone(),
        ..ChartOptions::new(ChartKind::Themes, lang)
    };
    d.figure(&build_chart(ds, catalog, &theme_opts), false, lang)?;
    for theme in &themes {
        d.heading(2, &theme_name(catalog, theme, lang));
        theme_table(&mut d, ds, catalog, theme, lang);
    }

    heading(&mut d, "政策工具与责任部门", "Instruments and agencies");
    for kind in [ChartKind::Instruments, ChartKind::Agencies] {
        let chart = build_chart(ds, catalog, &ChartOptions::new(kind, lang));
        d.figure(&chart, false, lang)?;
    }
    heading(&mut d, "目标时间表", "Target timeline");
    let timeline = build_chart(ds, catalog, &ChartOptions::new(ChartKind::Timeline, lang));
    d.figure(&timeline, false, lang)?;
    if !ds.actuals.is_empty() {
        let progress = build_chart(ds, catalog, &ChartOptions::new(ChartKind::Progress, lang));
        d.figure(&progress, true, lang)?;
    }
    heading(&mut d, "差异", "Gaps");
    gap_table(&mut d, ds, catalog, lang);
    d.finish()
}

fn header(cells: &[String]) -> Vec<Para> {
    cells.iter().map(|c| vec![Run::bold(c.clone())]).collect()
}

fn overview(d: &mut Docx, ds: &Dataset, lang: Lang) {
    let mut rows = vec![
        [
            ("园区", "Zone"),
            ("文件", "Documents"),
            ("措施", "Measures"),
            ("目标", "Targets"),
        ]
        .iter()
        .map(|(zh, en)| vec![vec![Run::bold(lang.pick(zh, en))]])
        .collect::<Vec<_>>(),
    ];
    for slug in &ds.selected {
        let docs: Vec<Para> = ds
            .zones
            .iter()
            .filter(|z| &z.zone.slug == slug)
            .flat_map(|z| &z.documents)
            .map(|doc| {
                let when = doc
                    .date
                    .clone()
                    .or_else(|| doc.period.map(|p| format!("{}–{}", p.start, p.end)))
                    .map(|w| format!(" ({w})"))
                    .unwrap_or_default();
                vec![Run::plain(format!("{}{when}", doc.title))]
            })
            .collect();
        let measures = ds.measures.iter().filter(|m| &m.zone_slug == slug).count();
        let targets = ds.targets.iter().filter(|t| &t.zone_slug == slug).count();
        rows.push(vec![
            vec![vec![Run::bold(zone_label(ds, slug, lang))]],
            docs,
            vec![vec![Run::plain(measures.to_string())]],
            vec![vec![Run::plain(targets.to_string())]],
        ]);
    }
    d.table(&rows);
}

/// Zone names as a header row after a first column title.
fn zone_header(ds: &Dataset, first: &str, lang: Lang) -> Vec<Vec<Para>> {
    let mut cells = vec![first.to_string()];
    cells.extend(ds.selected.iter().map(|s| zone_label(ds, s, lang)));
    header(&cells).into_iter().map(|p| vec![p]).collect()
}

fn indicators(d: &mut Docx, ds: &Dataset, catalog: &Catalog, lang: Lang) {
    let table = indicator_table(&ds.targets, &ds.statistics, &ds.selected);
    if table.is_empty() {
        return;
    }
    let mut rows = vec![zone_header(ds, lang.pick("指标", "Indicator"), lang)];
    for row in table {
        let written = row
            .zones
            .iter()
            .find_map(|z| z.headline())
            .map(|t| t.target.indicator.clone());
        let name = indicator_name(catalog, &row.indicator_id, lang, written.as_deref());
        let mut cells = vec![vec![vec![Run::bold(name)]]];
        for z in &row.zones {
            let mut cell: Vec<Para> = Vec::new();
            for t in &z.targets {
                let year = t.target.year.map(|y| format!(" ({y})")).unwrap_or_default();
                cell.push(vec![Run::value(fmt_target(&t.target, Lang::Zh) + &year)]);
                cell.push(vec![Run::source(format!("“{}”", t.target.sentence))]);
            }
            if let Some(b) = &z.baseline {
                let year = b.year.map(|y| format!(" ({y})")).unwrap_or_default();
                cell.push(vec![Run::plain(format!(
                    "{} {}{}{year}",
                    lang.pick("现状", "Baseline"),
                    fmt_number(b.value, Lang::Zh),
                    b.unit
                ))]);
            }
            cells.push(cell);
        }
        rows.push(cells);
    }
    d.table(&rows);
}

fn theme_table(d: &mut Docx, ds: &Dataset, catalog: &Catalog, theme: &str, lang: Lang) {
    let names: Vec<String> = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    let mut rows: Vec<Vec<Vec<Para>>> = vec![header(&names).into_iter().map(|p| vec![p]).collect()];
    let mut cells = Vec::new();
    for slug in &ds.selected {
        let ms: Vec<_> = ds
            .measures
            .iter()
            .filter(|m| &m.zone_slug == slug && m.themes.iter().any(|t| t == theme))
            .collect();
        let mut cell: Vec<Para> = Vec::new();
        if ms.is_empty() {
            cell.push(vec![Run::source(lang.pick("无相关措施", "no measure"))]);
        }
        for m in ms.iter().take(MAX_MEASURES_PER_CELL) {
            let num = m
                .number
                .as_ref()
                .map(|n| format!("{n} "))
                .unwrap_or_default();
            cell.push(vec![Run::bold(format!("{num}{}", m.title))]);
            for (role, label) in [
                (Role::Lead, lang.pick("牵头", "Lead")),
                (Role::Co, lang.pick("配合", "Co-owners")),
            ] {
                let units: Vec<String> = m
                    .units
                    .iter()
                    .filter(|u| u.role == role)
                    .map(|u| agency_name(catalog, &u.canonical, lang))
                    .collect();
                if !units.is_empty() {
                    cell.push(vec![Run::source(format!("{label}: {}", units.join("、")))]);
                }
            }
            for t in ds.targets.iter().filter(|t| t.measure_id == Some(m.id)) {
                cell.push(vec![
                    Run::value(fmt_target(&t.target, Lang::Zh)),
                    Run::source(format!(" “{}”", t.target.sentence)),
                ]);
            }
        }
        if ms.len() > MAX_MEASURES_PER_CELL {
            let more = ms.len() - MAX_MEASURES_PER_CELL;
            cell.push(vec![Run::source(match lang {
                Lang::Zh => format!("……另有{more}项"),
                Lang::En => format!("… and {more} more"),
            })]);
        }
        cells.push(cell);
    }
    rows.push(cells);
    d.table(&rows);
}

fn gap_table(d: &mut Docx, ds: &Dataset, catalog: &Catalog, lang: Lang) {
    let head = [
        lang.pick("园区", "Zone"),
        lang.pick("独有（其他园区没有）", "Only here"),
        lang.pick("缺少（其他园区有）", "Peers have, this zone lacks"),
    ]
    .map(String::from);
    let mut rows = vec![
        header(&head)
            .into_iter()
            .map(|p| vec![p])
            .collect::<Vec<_>>(),
    ];
    for slug in &ds.selected {
        let g = gaps(&ds.measures, &ds.targets, slug, &ds.selected);
        let list = |themes: &[String], inds: &[String]| -> String {
            let mut v: Vec<String> = themes
                .iter()
                .map(|t| theme_name(catalog, t, lang))
                .collect();
            v.extend(inds.iter().map(|i| {
                format!(
                    "{}{}",
                    lang.pick("指标：", "indicator: "),
                    indicator_name(catalog, i, lang, None)
                )
            }));
            v.join(lang.pick("、", "; "))
        };
        rows.push(vec![
            vec![vec![Run::bold(zone_label(ds, slug, lang))]],
            vec![vec![Run::plain(list(
                &g.only_here_themes,
                &g.only_here_indicators,
            ))]],
            vec![vec![Run::plain(list(
                &g.missing_themes,
                &g.missing_indicators,
            ))]],
        ]);
    }
    d.table(&rows);
}
