//! HTML building blocks of the briefing: page frame with print CSS, sections, figures with
//! captions and the side-by-side tables.

use std::fmt::Write;

use crate::analysis::{Dataset, gaps, indicator_table};
use crate::catalog::Catalog;
use crate::charts::labels::{agency_name, fmt_target, indicator_name, theme_name, zone_label};
use crate::charts::svg::{escape, render};
use crate::charts::{Chart, Lang, fmt_number, zone_color};
use crate::model::Role;

/// Measures listed per zone and theme before "and N more".
const MAX_MEASURES: usize = 12;

const CSS: &str = "
body{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif;color:#1f2933;margin:2rem auto;max-width:1100px;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #1f5fa8;padding-bottom:.2rem}
h3{margin-top:1.4rem}.sub{color:#52606d;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.9rem}
th,td{border:1px solid #cbd2d9;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#dce6f1}td.num{text-align:right}
.chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
.m{margin:0 0 .5rem}.m small,.src,figcaption{color:#52606d}.t{color:#1f5fa8}
figure{margin:1rem 0 1.6rem}figure svg{width:100%;height:auto}figcaption{font-size:.85rem}
figcaption ol{margin:.3rem 0;padding-left:1.4rem}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}figure,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}@page{size:A4 landscape;margin:12mm}}
";

/// The briefing being written.
pub(super) struct Page<'a> {
    ds: &'a Dataset,
    catalog: &'a Catalog,
    lang: Lang,
    out: String,
    sections: usize,
    figures: usize,
}

impl<'a> Page<'a> {
    pub(super) fn new(ds: &'a Dataset, catalog: &'a Catalog, lang: Lang) -> Page<'a> {
        Page {
            ds,
            catalog,
            lang,
            out: String::new(),
            sections: 0,
            figures: 0,
        }
    }

    fn zone(&self, slug: &str) -> String {
        zone_label(self.ds, slug, self.lang)
    }

    /// Zone name with its colour chip.
    fn zone_html(&self, slug: &str) -> String {
        let color = zone_color(self.ds.color_index(slug)).hex();
        format!(
            r#"<span class="chip" style="background:{color}"></span>{}"#,
            escape(&self.zone(slug))
        )
    }

    pub(super) fn heading(&mut self, date: Option<&str>) {
        let title = self.lang.pick(
            "园区规划对比简报",
            "Development-zone plans: comparison briefing",
        );
        let zones: Vec<String> = self.ds.selected.iter().map(|s| self.zone(s)).collect();
        let _ = write!(
            self.out,
            "<header><h1>{}</h1><p class=\"sub\">{}",
            escape(title),
            escape(&zones.join(self.lang.pick("、", "; ")))
        );
        if let Some(d) = date {
            let _ = write!(self.out, " · {}", escape(d));
        }
        self.out.push_str("</p></header>\n");
    }

    pub(super) fn section(&mut self, title: &str) {
        self.sections += 1;
        let _ = writeln!(self.out, "<h2>{}. {}</h2>", self.sections, escape(title));
    }

    /// Documents, period and counts per zone.
    pub(super) fn overview(&mut self) {
        let l = self.lang;
        self.section(l.pick("概览", "Overview"));
        let _ = write!(
            self.out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            l.pick("园区", "Zone"),
            l.pick("文件", "Documents"),
            l.pick("措施", "Measures"),
            l.pick("目标", "Targets")
        );
        for slug in &self.ds.selected {
            let docs: Vec<String> = self
                .ds
                .zones
                .iter()
                .filter(|z| &z.zone.slug == slug)
                .flat_map(|z| &z.documents)
                .map(|d| {
                    let when = d
                        .date
                        .clone()
                        .or_else(|| d.period.map(|p| format!("{}–{}", p.start, p.end)))
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default();
                    format!("{}{}", escape(&d.title), escape(&when))
                })
                .collect();
            let measures = self
                .ds
                .measures
                .iter()
                .filter(|m| &m.zone_slug == slug)
                .count();
            let targets = self
                .ds
                .targets
                .iter()
                .filter(|t| &t.zone_slug == slug)
                .count();
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{measures}</td><td class=\"num\">{targets}</td></tr>",
                self.zone_html(slug),
                docs.join("<br>")
            );
        }
        self.out.push_str("</table>\n");
    }

    /// An inline chart with its number, source note and, when `sentences`, every plotted
    /// value's source sentence.
    pub(super) fn figure(&mut self, chart: &Chart, sentences: bool) {
        self.figures += 1;
        let svg = render(chart);
        let _ = write!(
            self.out,
            "<figure>{svg}<figcaption><b>{} {}</b> {}",
            self.lang.pick("图", "Figure"),
            self.figures,
            escape(&chart.title)
        );
        if sentences {
            let mut seen: Vec<&str> = Vec::new();
            for p in chart
                .panels
                .iter()
                .flat_map(|p| &p.series)
                .flat_map(|s| &s.points)
            {
                if !p.detail.is_empty() && !seen.contains(&p.detail.as_str()) {
                    seen.push(&p.detail);
                }
            }
            if !seen.is_empty() {
                self.out.push_str("<ol>");
                for s in seen {
                    let _ = write!(self.out, "<li>{}</li>", escape(s));
                }
                self.out.push_str("</ol>");
            }
        }
        for note in &chart.notes {
            let _ = write!(
                self.out,
                "<br>{}{}",
                self.lang.pick("注：", "Note: "),
                escape(note)
            );
        }
        let _ = writeln!(
            self.out,
            "<br>{}</figcaption></figure>",
            escape(&chart.source)
        );
    }

    fn zone_header_row(&mut self, first: &str) {
        let _ = write!(self.out, "<table><tr><th>{}</th>", escape(first));
        for slug in &self.ds.selected {
            let _ = write!(self.out, "<th>{}</th>", self.zone_html(slug));
        }
        self.out.push_str("</tr>");
    }

    /// Indicator × zone: target (deadline) over baseline, with the source sentence.
    pub(super) fn indicator_table(&mut self) {
        let l = self.lang;
        let rows = indicator_table(&self.ds.targets, &self.ds.statistics, &self.ds.selected);
        if rows.is_empty() {
            return;
        }
        self.zone_header_row(l.pick("指标", "Indicator"));
        for row in rows {
            let written = row
                .zones
                .iter()
                .find_map(|z| z.headline())
                .map(|t| t.target.indicator.clone());
            let _ = write!(
                self.out,
                "<tr><td>{}</td>",
                escape(&indicator_name(
                    self.catalog,
                    &row.indicator_id,
                    l,
                    written.as_deref()
                ))
            );
            for z in &row.zones {
                self.out.push_str("<td>");
                for t in &z.targets {
                    let year = t.target.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    let _ = write!(
                        self.out,
                        "<div class=\"t\">{}{}</div><div class=\"src\">“{}”</div>",
                        escape(&fmt_target(&t.target, Lang::Zh)),
                        year,
                        escape(&t.target.sentence)
                    );
                }
                if let Some(b) = &z.baseline {
                    let year = b.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    let _ = write!(
                        self.out,
                        "<div>{} {}{}{year}</div>",
                        l.pick("现状", "Baseline"),
                        fmt_number(b.value, Lang::Zh),
                        escape(&b.unit)
                    );
                }
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>");
        }
        self.out.push_str("</table>\n");
    }

    /// One theme: each zone's measures (title, agencies, targets) in its own column.
    pub(super) fn theme_table(&mut self, theme: &str) {
        let l = self.lang;
        let _ = write!(
            self.out,
            "<h3>{}</h3>",
            escape(&theme_name(self.catalog, theme, l))
        );
        self.zone_header_row(l.pick("措施", "Measures"));
        self.out.push_str("<tr><td></td>");
        for slug in &self.ds.selected {
            let ms: Vec<_> = self
                .ds
                .measures
                .iter()
                .filter(|m| &m.zone_slug == slug && m.themes.iter().any(|t| t == theme))
                .collect();
            self.out.push_str("<td>");
            if ms.is_empty() {
                let _ = write!(
                    self.out,
                    "<span class=\"src\">{}</span>",
                    l.pick("无相关措施", "no measure")
                );
            }
            for m in ms.iter().take(MAX_MEASURES) {
                let num = m
                    .number
                    .as_ref()
                    .map(|n| format!("{n} "))
                    .unwrap_or_default();
                let _ = write!(
                    self.out,
                    "<p class=\"m\"><b>{}</b>",
                    escape(&format!("{num}{}", m.title))
                );
                for (role, label) in [
                    (Role::Lead, l.pick("牵头", "Lead")),
                    (Role::Co, l.pick("配合", "Co-owners")),
                ] {
                    let names: Vec<String> = m
                        .units
                        .iter()
                        .filter(|u| u.role == role)
                        .map(|u| agency_name(self.catalog, &u.canonical, l))
                        .collect();
                    if !names.is_empty() {
                        let _ = write!(
                            self.out,
                            "<br><small>{label}: {}</small>",
                            escape(&names.join("、"))
                        );
                    }
                }
                for t in self
                    .ds
                    .targets
                    .iter()
                    .filter(|t| t.measure_id == Some(m.id))
                {
                    let _ = write!(
                        self.out,
                        "<br><span class=\"t\">{}</span> <small>“{}”</small>",
                        escape(&fmt_target(&t.target, Lang::Zh)),
                        escape(&t.target.sentence)
                    );
                }
                self.out.push_str("</p>");
            }
            if ms.len() > MAX_MEASURES {
                let more = ms.len() - MAX_MEASURES;
                let _ = write!(
                    self.out,
                    "<p class=\"src\">{}</p>",
                    escape(&match l {
                        Lang::Zh => format!("……另有{more}项"),
                        Lang::En => format!("… and {more} more"),
                    })
                );
            }
            self.out.push_str("</td>");
        }
        self.out.push_str("</tr></table>\n");
    }

    /// What each zone has that the others lack, and the reverse.
    pub(super) fn gaps(&mut self) {
        let l = self.lang;
        self.section(l.pick("差异", "Gaps"));
        let _ = write!(
            self.out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            l.pick("园区", "Zone"),
            l.pick("独有（其他园区没有）", "Only here"),
            l.pick("缺少（其他园区有）", "Peers have, this zone lacks")
        );
        for slug in &self.ds.selected {
            let g = gaps(&self.ds.measures, &self.ds.targets, slug, &self.ds.selected);
            let list = |themes: &[String], inds: &[String]| -> String {
                let mut v: Vec<String> = themes
                    .iter()
                    .map(|t| theme_name(self.catalog, t, l))
                    .collect();
                v.extend(inds.iter().map(|i| {
                    format!(
                        "{}{}",
                        l.pick("指标：", "indicator: "),
                        indicator_name(self.catalog, i, l, None)
                    )
                }));
                escape(&v.join(l.pick("、", "; ")))
            };
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                self.zone_html(slug),
                list(&g.only_here_themes, &g.only_here_indicators),
                list(&g.missing_themes, &g.missing_indicators)
            );
        }
        self.out.push_str("</table>\n");
    }

    /// The whole document.
    pub(super) fn finish(self) -> String {
        let title = self.lang.pick("园区规划对比简报", "Zone plans briefing");
        let lang = self.lang.pick("zh-CN", "en");
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><style>{CSS}</style></head>\n<body>\n{}</body></html>\n",
            self.out
        )
    }
}
