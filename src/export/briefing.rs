//! The briefing: the zones' plans side by side — overview, indicator targets, measures and
//! targets per theme, instruments, agencies and the timeline — each figure with its sources.
//! Saved as one self-contained HTML file (inline SVG charts; prints cleanly to PDF from a
//! browser) or as a Word document (charts as PNG images).

mod content;
mod docx;
mod html;
mod pages;

use std::path::Path;

use super::{extension, write_atomic};
use crate::analysis::{Dataset, indicator_table, theme_matrix};
use crate::catalog::Catalog;
use crate::charts::{ChartKind, ChartOptions, Lang, build_chart};
use crate::error::{Error, Result};
use content::{Block, Content};

/// What the briefing covers.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefingOptions {
    /// Theme ids with side-by-side tables (empty = the five themes with most measures).
    pub themes: Vec<String>,
    pub lang: Lang,
    /// Indicators charted (the most widely shared first).
    pub max_indicators: usize,
    /// Date printed under the title (`YYYY-MM-DD`), if any.
    pub date: Option<String>,
    /// What the briefing was made under, as (item, value) lines printed under the title
    /// (the app's zones, filters and search). Empty: the zones and the themes with tables.
    pub selection: Vec<(String, String)>,
}

impl BriefingOptions {
    /// Defaults for `lang`.
    pub fn new(lang: Lang) -> BriefingOptions {
        BriefingOptions {
            themes: Vec::new(),
            lang,
            max_indicators: 3,
            date: None,
            selection: Vec::new(),
        }
    }
}

/// Themes with side-by-side tables: the requested ones, else the most frequent.
fn chosen_themes(ds: &Dataset, catalog: &Catalog, opts: &BriefingOptions) -> Vec<String> {
    if !opts.themes.is_empty() {
        return opts.themes.clone();
    }
    let m = theme_matrix(&ds.measures, &ds.selected, catalog);
    let mut by_count: Vec<(usize, &String)> = m
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (m.counts[i].iter().sum(), t))
        .collect();
    by_count.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    by_count
        .into_iter()
        .take(5)
        .map(|(_, t)| t.clone())
        .collect()
}

/// The briefing as an HTML document.
pub fn render(ds: &Dataset, catalog: &Catalog, opts: &BriefingOptions) -> String {
    html::page(&blocks(ds, catalog, opts), opts.lang)
}

/// The briefing as a Word (.docx) document.
pub fn render_docx(ds: &Dataset, catalog: &Catalog, opts: &BriefingOptions) -> Result<Vec<u8>> {
    docx::package(&blocks(ds, catalog, opts), opts.lang)
}

/// What the briefing says, in reading order.
fn blocks(ds: &Dataset, catalog: &Catalog, opts: &BriefingOptions) -> Vec<Block> {
    let lang = opts.lang;
    let mut page = Content::new(ds, catalog, lang);
    page.heading(opts.date.as_deref());
    let themes = chosen_themes(ds, catalog, opts);
    if opts.selection.is_empty() {
        page.selection(&page.default_selection(&themes));
    } else {
        page.selection(&opts.selection);
    }
    page.overview();

    page.section(lang.pick("指标目标对比", "Targets by indicator"));
    let shared = indicator_table(&ds.targets, &ds.statistics, &ds.selected);
    for row in shared.iter().take(opts.max_indicators) {
        let chart_opts = ChartOptions {
            indicator: Some(row.indicator_id.clone()),
            ..ChartOptions::new(ChartKind::Indicator, lang)
        };
        page.figure(build_chart(ds, catalog, &chart_opts), true);
    }
    page.indicator_table();

    page.section(lang.pick("主题措施对照", "Measures by theme"));
    let theme_opts = ChartOptions {
        themes: themes.clone(),
        ..ChartOptions::new(ChartKind::Themes, lang)
    };
    page.figure(build_chart(ds, catalog, &theme_opts), false);
    for theme in &themes {
        page.theme_table(theme);
    }

    page.section(lang.pick("政策工具与责任部门", "Instruments and agencies"));
    for kind in [ChartKind::Instruments, ChartKind::Agencies] {
        page.figure(
            build_chart(ds, catalog, &ChartOptions::new(kind, lang)),
            false,
        );
    }
    page.section(lang.pick("目标时间表", "Target timeline"));
    let timeline = ChartOptions::new(ChartKind::Timeline, lang);
    page.figure(build_chart(ds, catalog, &timeline), false);
    if !ds.actuals.is_empty() {
        let progress = ChartOptions::new(ChartKind::Progress, lang);
        page.figure(build_chart(ds, catalog, &progress), true);
    }
    page.gaps();
    page.blocks
}

/// Renders the briefing and writes it to `path`: `.html`/`.htm` or `.docx`.
pub fn save(ds: &Dataset, catalog: &Catalog, opts: &BriefingOptions, path: &Path) -> Result<()> {
    match extension(path).as_deref() {
        Some("html" | "htm") => write_atomic(path, render(ds, catalog, opts).as_bytes()),
        Some("docx") => {
            let bytes = render_docx(ds, catalog, opts).map_err(|e| match e {
                Error::BadInput { message, .. } => Error::bad_input(path, message),
                other => other,
            })?;
            write_atomic(path, &bytes)
        }
        _ => Err(Error::bad_input(
            path,
            "a briefing is saved as .html or .docx",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;

    #[test]
    fn briefing_names_every_zone_and_has_charts() {
        let ds = dataset();
        let html = render(&ds, Catalog::in_use(), &BriefingOptions::new(Lang::Zh));
        assert!(html.starts_with("<!DOCTYPE html>"));
        for z in &ds.zones {
            assert!(html.contains(&z.zone.name_zh), "{}", z.zone.slug);
        }
        assert!(html.matches("<svg").count() >= 5);
        assert!(html.contains("到2025年,高新技术企业不少于120户"));
        assert!(html.contains("@media print"));
        assert!(!html.contains("src=\"http"));
    }

    #[test]
    fn briefing_in_english_with_chosen_themes() {
        let ds = dataset();
        let opts = BriefingOptions {
            themes: vec!["talent".into()],
            ..BriefingOptions::new(Lang::En)
        };
        let html = render(&ds, Catalog::in_use(), &opts);
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("Measures by theme"));
        assert!(html.contains("引进海外高层次人才"));
        assert!(
            !html.contains("优化外资企业营商环境"),
            "opening_up measure must not be listed"
        );
    }

    /// Reads one part of a zip package as text.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    }

    /// Every start tag has its end tag (the XML is well formed).
    fn assert_well_formed(xml: &str) {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut depth = 0i32;
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Start(_) => depth += 1,
                quick_xml::events::Event::End(_) => depth -= 1,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0);
    }

    #[test]
    fn docx_briefing_has_zones_tables_sentences_and_chart_images() {
        let ds = dataset();
        let bytes = render_docx(&ds, Catalog::in_use(), &BriefingOptions::new(Lang::Zh)).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert_well_formed(&doc);
        assert_well_formed(&part(&bytes, "word/styles.xml"));
        for z in &ds.zones {
            assert!(doc.contains(&z.zone.name_zh), "{}", z.zone.slug);
        }
        assert!(doc.contains("到2025年,高新技术企业不少于120户"));
        assert!(doc.contains("<w:tbl>") && doc.contains("<w:tblHeader/>"));
        let images = doc.matches("<wp:inline").count();
        assert!(images >= 5, "{images} charts");
        let rels = part(&bytes, "word/_rels/document.xml.rels");
        assert_eq!(rels.matches("relationships/image").count(), images);
        let png = {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut zip.by_name("word/media/image1.png").unwrap(), &mut v)
                .unwrap();
            v
        };
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert!(part(&bytes, "[Content_Types].xml").contains("wordprocessingml.document.main"));
    }

    #[test]
    fn briefing_is_saved_as_docx_or_html_only() {
        let ds = dataset();
        let dir = tempfile::tempdir().unwrap();
        let opts = BriefingOptions::new(Lang::En);
        let path = dir.path().join("b.docx");
        save(&ds, Catalog::in_use(), &opts, &path).unwrap();
        assert!(part(&std::fs::read(&path).unwrap(), "word/document.xml").contains("Gaps"));
        let e = save(&ds, Catalog::in_use(), &opts, Path::new("b.pdf")).unwrap_err();
        assert!(e.to_string().contains(".html or .docx"), "{e}");
    }
}
