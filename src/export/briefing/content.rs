//! What a briefing says, independent of the file format: headed sections, tables whose
//! cells are short styled paragraphs, and numbered figures with their source sentences.
//! The HTML and DOCX writers both render this one model, so the two files agree.

use crate::analysis::{Dataset, gaps, indicator_table};
use crate::catalog::Catalog;
use crate::charts::labels::{
    agency_name, document_title, fmt_target, indicator_name, theme_name, zone_label,
};
use crate::charts::{Chart, Lang, Rgb, fmt_number, zone_color};
use crate::english::{self, values};
use crate::model::Role;
use crate::store::rows::MeasureRow;

/// Measures listed per zone and theme before "and N more".
const MAX_MEASURES: usize = 12;

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Bold,
    /// A target figure (accent colour).
    Accent,
    /// Secondary text: notes, "no measure".
    Muted,
    /// Chinese text kept verbatim as evidence (source sentences, original titles), set like
    /// `Muted` and marked as Chinese (HTML `lang="zh"`, DOCX `w:lang zh-CN`).
    Original,
}

/// A run of text in one style; `chip` draws a zone's colour square before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub tone: Tone,
    pub chip: Option<Rgb>,
}

impl Run {
    pub fn new(text: impl Into<String>, tone: Tone) -> Run {
        Run {
            text: text.into(),
            tone,
            chip: None,
        }
    }
}

/// One line or paragraph inside a table cell; `spaced` paragraphs (one measure each) get
/// room after them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    pub spaced: bool,
}

impl Para {
    fn of(text: impl Into<String>, tone: Tone) -> Para {
        Para {
            runs: vec![Run::new(text, tone)],
            spaced: false,
        }
    }
}

/// A table cell: paragraphs, and whether it holds a number (right-aligned).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub paras: Vec<Para>,
    pub numeric: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            paras: vec![Para::of(text, Tone::Plain)],
            numeric: false,
        }
    }
}

/// A numbered figure: the chart and what its caption lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub number: usize,
    pub chart: Chart,
    /// Source sentences of the plotted values (empty when not listed).
    pub sentences: Vec<String>,
}

/// One block of the briefing, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title {
        title: String,
        subtitle: String,
    },
    /// A numbered section heading (`number. title`).
    Section {
        number: usize,
        title: String,
    },
    Subsection(String),
    /// First row is the header.
    Table(Vec<Vec<Cell>>),
    Figure(Figure),
}

/// Builds the blocks of a briefing.
pub struct Content<'a> {
    ds: &'a Dataset,
    catalog: &'a Catalog,
    pub lang: Lang,
    pub blocks: Vec<Block>,
    sections: usize,
    figures: usize,
}

impl<'a> Content<'a> {
    pub fn new(ds: &'a Dataset, catalog: &'a Catalog, lang: Lang) -> Content<'a> {
        Content {
            ds,
            catalog,
            lang,
            blocks: Vec::new(),
            sections: 0,
            figures: 0,
        }
    }

    fn pick(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    /// Zone name with its colour chip.
    fn zone_para(&self, slug: &str) -> Para {
        Para {
            runs: vec![Run {
                text: zone_label(self.ds, slug, self.lang),
                tone: Tone::Plain,
                chip: Some(zone_color(self.ds.color_index(slug))),
            }],
            spaced: false,
        }
    }

    fn zone_cell(&self, slug: &str) -> Cell {
        Cell {
            paras: vec![self.zone_para(slug)],
            numeric: false,
        }
    }

    /// The names of the briefing's zones, in the briefing's language.
    fn zone_names(&self) -> Vec<String> {
        self.ds
            .selected
            .iter()
            .map(|s| zone_label(self.ds, s, self.lang))
            .collect()
    }

    /// Title of the briefing, naming the zones and the date.
    pub fn heading(&mut self, date: Option<&str>) {
        let title = self.pick(
            "园区规划对比简报",
            "Development-zone plans: comparison briefing",
        );
        let zones = self.zone_names();
        let mut subtitle = zones.join(self.pick("、", "; "));
        if let Some(d) = date {
            subtitle.push_str(&format!(" · {d}"));
        }
        self.blocks.push(Block::Title {
            title: title.to_string(),
            subtitle,
        });
    }

    /// The zones and themes a briefing made without the app's selection covers.
    pub fn default_selection(&self, themes: &[String]) -> Vec<(String, String)> {
        let sep = self.pick("、", "; ");
        let zones = self.zone_names();
        let themes: Vec<String> = themes
            .iter()
            .map(|t| theme_name(self.catalog, t, self.lang))
            .collect();
        vec![
            (self.pick("园区", "Zones").to_string(), zones.join(sep)),
            (
                self.pick("主题对照表", "Themes with tables").to_string(),
                themes.join(sep),
            ),
        ]
    }

    /// What the briefing was made under: a small two-column table under the title.
    pub fn selection(&mut self, lines: &[(String, String)]) {
        if lines.is_empty() {
            return;
        }
        self.blocks.push(Block::Subsection(
            self.pick("筛选条件", "Selection").to_string(),
        ));
        let mut rows = vec![vec![
            Cell::text(self.pick("项目", "Item")),
            Cell::text(self.pick("内容", "Value")),
        ]];
        for (k, v) in lines {
            rows.push(vec![Cell::text(k.clone()), Cell::text(v.clone())]);
        }
        self.blocks.push(Block::Table(rows));
    }

    pub fn section(&mut self, title: &str) {
        self.sections += 1;
        self.blocks.push(Block::Section {
            number: self.sections,
            title: title.to_string(),
        });
    }

    /// Documents, period and counts per zone.
    pub fn overview(&mut self) {
        self.section(self.pick("概览", "Overview"));
        let header = [
            self.pick("园区", "Zone"),
            self.pick("文件", "Documents"),
            self.pick("措施", "Measures"),
            self.pick("目标", "Targets"),
        ]
        .map(Cell::text)
        .to_vec();
        let mut rows = vec![header];
        for slug in &self.ds.selected {
            let docs = self
                .ds
                .zones
                .iter()
                .filter(|z| &z.zone.slug == slug)
                .flat_map(|z| &z.documents)
                .map(|d| {
                    let period = |p: crate::model::Period| match self.lang {
                        Lang::Zh => format!("{}–{}", p.start, p.end),
                        Lang::En => values::period(p),
                    };
                    let when = d
                        .date
                        .clone()
                        .or_else(|| d.period.map(period))
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default();
                    let title = document_title(self.ds, d.id, self.lang);
                    let mut para = Para::of(format!("{title}{when}"), Tone::Plain);
                    if self.lang == Lang::En {
                        para.runs
                            .push(Run::new(format!("\n{}", d.title), Tone::Original));
                    }
                    para
                })
                .collect();
            let count = |n: usize| Cell {
                numeric: true,
                ..Cell::text(n.to_string())
            };
            let measures = self.ds.measures.iter().filter(|m| &m.zone_slug == slug);
            let targets = self.ds.targets.iter().filter(|t| &t.zone_slug == slug);
            rows.push(vec![
                self.zone_cell(slug),
                Cell {
                    paras: docs,
                    numeric: false,
                },
                count(measures.count()),
                count(targets.count()),
            ]);
        }
        self.blocks.push(Block::Table(rows));
    }

    /// A numbered chart; when `sentences`, its caption lists every plotted value's source
    /// sentence.
    pub fn figure(&mut self, chart: Chart, sentences: bool) {
        self.figures += 1;
        let mut listed: Vec<String> = Vec::new();
        if sentences {
            let points = chart.panels.iter().flat_map(|p| &p.series);
            for p in points.flat_map(|s| &s.points) {
                if !p.detail.is_empty() && !listed.contains(&p.detail) {
                    listed.push(p.detail.clone());
                }
            }
        }
        self.blocks.push(Block::Figure(Figure {
            number: self.figures,
            chart,
            sentences: listed,
        }));
    }

    /// Header row: `first`, then each selected zone.
    fn zone_header(&self, first: &str) -> Vec<Cell> {
        let mut row = vec![Cell::text(first)];
        row.extend(self.ds.selected.iter().map(|s| self.zone_cell(s)));
        row
    }

    /// Indicator × zone: target (deadline) over baseline, with the source sentence.
    pub fn indicator_table(&mut self) {
        let rows = indicator_table(&self.ds.targets, &self.ds.statistics, &self.ds.selected);
        if rows.is_empty() {
            return;
        }
        let mut table = vec![self.zone_header(self.pick("指标", "Indicator"))];
        for row in rows {
            let written = row
                .zones
                .iter()
                .find_map(|z| z.headline())
                .map(|t| t.target.indicator.clone());
            let name = indicator_name(
                self.catalog,
                &row.indicator_id,
                self.lang,
                written.as_deref(),
            );
            let mut cells = vec![Cell::text(name)];
            for z in &row.zones {
                let mut cell = Cell::default();
                for t in &z.targets {
                    cell.paras
                        .push(Para::of(self.target_text(&t.target), Tone::Accent));
                    let quoted = format!("“{}”", t.target.sentence);
                    cell.paras.push(Para::of(quoted, Tone::Original));
                }
                if let Some(b) = &z.baseline {
                    let year = b.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    let value = match self.lang {
                        Lang::Zh => format!("{}{}", fmt_number(b.value, Lang::Zh), b.unit),
                        Lang::En => {
                            let noun =
                                values::count_noun(self.catalog, Some(&row.indicator_id), &b.unit);
                            values::quantity(b.value, None, &b.unit, &noun)
                        }
                    };
                    let text = format!("{} {value}{year}", self.pick("现状", "Baseline"));
                    cell.paras.push(Para::of(text, Tone::Plain));
                }
                cells.push(cell);
            }
            table.push(cells);
        }
        self.blocks.push(Block::Table(table));
    }

    /// A target with its deadline: `≥120户 (2025)`, `at least 120 enterprises by 2025`.
    fn target_text(&self, t: &crate::model::Target) -> String {
        match self.lang {
            Lang::Zh => {
                let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
                format!("{}{year}", fmt_target(t, Lang::Zh))
            }
            Lang::En => values::target(self.catalog, t),
        }
    }

    /// One measure: number and title, lead and co-owning agencies, targets with sentences.
    /// In English the title is the user's translation or the machine gloss (marked), with
    /// the Chinese title after it as the original.
    fn measure_para(&self, m: &MeasureRow) -> Para {
        let num = m
            .number
            .as_ref()
            .map(|n| match self.lang {
                Lang::Zh => format!("{n} "),
                Lang::En => format!("{} ", english::outline_label(n)),
            })
            .unwrap_or_default();
        let mut runs = match self.lang {
            Lang::Zh => vec![Run::new(format!("{num}{}", m.title), Tone::Bold)],
            Lang::En => {
                let title = english::title(&self.ds.translations, &m.title);
                let mut runs = vec![Run::new(format!("{num}{}", title.text), Tone::Bold)];
                if title.source == english::TitleSource::Gloss {
                    runs.push(Run::new(" (machine gloss)", Tone::Muted));
                }
                runs.push(Run::new("\n", Tone::Plain));
                runs.push(Run::new(m.title.clone(), Tone::Original));
                runs
            }
        };
        for (role, label) in [
            (Role::Lead, self.pick("牵头", "Lead")),
            (Role::Co, self.pick("配合", "Co-owners")),
        ] {
            let names: Vec<String> = m
                .units
                .iter()
                .filter(|u| u.role == role)
                .map(|u| agency_name(self.catalog, &u.canonical, self.lang))
                .collect();
            if !names.is_empty() {
                let text = format!("\n{label}: {}", names.join(self.pick("、", "; ")));
                runs.push(Run::new(text, Tone::Muted));
            }
        }
        let targets = self
            .ds
            .targets
            .iter()
            .filter(|t| t.measure_id == Some(m.id));
        for t in targets {
            runs.push(Run::new(
                format!("\n{}", self.target_text(&t.target)),
                Tone::Accent,
            ));
            runs.push(Run::new(" ", Tone::Plain));
            runs.push(Run::new(format!("“{}”", t.target.sentence), Tone::Original));
        }
        Para { runs, spaced: true }
    }

    /// One theme: each zone's measures (title, agencies, targets) in its own column.
    pub fn theme_table(&mut self, theme: &str) {
        let name = theme_name(self.catalog, theme, self.lang);
        self.blocks.push(Block::Subsection(name));
        let header: Vec<Cell> = self.ds.selected.iter().map(|s| self.zone_cell(s)).collect();
        let mut row = Vec::new();
        for slug in &self.ds.selected {
            let ms: Vec<_> = self
                .ds
                .measures
                .iter()
                .filter(|m| &m.zone_slug == slug && m.themes.iter().any(|t| t == theme))
                .collect();
            let mut cell = Cell::default();
            if ms.is_empty() {
                let none = self.pick("无相关措施", "no measure");
                cell.paras.push(Para::of(none, Tone::Muted));
            }
            for m in ms.iter().take(MAX_MEASURES) {
                cell.paras.push(self.measure_para(m));
            }
            if ms.len() > MAX_MEASURES {
                let more = ms.len() - MAX_MEASURES;
                let text = match self.lang {
                    Lang::Zh => format!("……另有{more}项"),
                    Lang::En => format!("… and {more} more"),
                };
                cell.paras.push(Para::of(text, Tone::Muted));
            }
            row.push(cell);
        }
        self.blocks.push(Block::Table(vec![header, row]));
    }

    /// What each zone has that the others lack, and the reverse.
    pub fn gaps(&mut self) {
        self.section(self.pick("差异", "Gaps"));
        let header = [
            self.pick("园区", "Zone"),
            self.pick("独有（其他园区没有）", "Only here"),
            self.pick("缺少（其他园区有）", "Peers have, this zone lacks"),
        ]
        .map(Cell::text)
        .to_vec();
        let mut rows = vec![header];
        for slug in &self.ds.selected {
            let g = gaps(&self.ds.measures, &self.ds.targets, slug, &self.ds.selected);
            let list = |themes: &[String], inds: &[String]| -> Cell {
                let mut v: Vec<String> = themes
                    .iter()
                    .map(|t| theme_name(self.catalog, t, self.lang))
                    .collect();
                v.extend(inds.iter().map(|i| {
                    let name = indicator_name(self.catalog, i, self.lang, None);
                    format!("{}{name}", self.pick("指标：", "indicator: "))
                }));
                Cell::text(v.join(self.pick("、", "; ")))
            };
            rows.push(vec![
                self.zone_cell(slug),
                list(&g.only_here_themes, &g.only_here_indicators),
                list(&g.missing_themes, &g.missing_indicators),
            ]);
        }
        self.blocks.push(Block::Table(rows));
    }
}
