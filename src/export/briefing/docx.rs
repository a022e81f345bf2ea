//! The briefing as a Word document (WordprocessingML in a zip package): A4 landscape,
//! heading styles Word's navigation pane shows, tables with a repeated header row, charts as
//! PNG images (rasterised with the bundled font), every figure with its source sentences.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::content::{Block, Cell, Figure, Para, Tone};
use crate::charts::Lang;
use crate::charts::svg::{self, escape as esc};
use crate::error::{Error, Result};
use crate::export::png::svg_to_png;

/// Width of a figure on the page: A4 landscape minus margins, in EMU (1 cm = 360,000).
const FIGURE_WIDTH_EMU: u64 = 25 * 360_000;
/// Tallest a figure may be: the page's text height (21 cm − 2 × 1.2 cm = 18.6 cm) less
/// room for its caption and first source line, so a tall chart (agency load, timeline)
/// is scaled down to stay on one page rather than cut off.
const FIGURE_MAX_HEIGHT_EMU: u64 = 15 * 360_000;
/// Text width of the page (A4 landscape minus margins) in twentieths of a point.
const TEXT_WIDTH_TWIPS: usize = 16838 - 2 * 680;
const MUTED: &str = "52606D";
const ACCENT: &str = "1F5FA8";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Microsoft YaHei" w:cs="Calibri"/><w:sz w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="52606D"/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="2" w:color="1F5FA8"/></w:pBdr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="52606D"/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="table" w:styleId="BriefingTable"><w:name w:val="Briefing Table"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="CBD2D9"/><w:left w:val="single" w:sz="4" w:color="CBD2D9"/><w:bottom w:val="single" w:sz="4" w:color="CBD2D9"/><w:right w:val="single" w:sz="4" w:color="CBD2D9"/><w:insideH w:val="single" w:sz="4" w:color="CBD2D9"/><w:insideV w:val="single" w:sz="4" w:color="CBD2D9"/></w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

/// The document body being written, with the images it embeds.
struct Body {
    xml: String,
    images: Vec<Vec<u8>>,
    lang: Lang,
}

impl Body {
    fn paragraph(&mut self, style: &str, text: &str) {
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>",
            run(text, None, false)
        );
    }

    fn table(&mut self, rows: &[Vec<Cell>]) {
        let widths = column_widths(rows);
        self.xml.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"BriefingTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
        );
        for w in &widths {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.xml.push_str("</w:tblGrid>");
        for (i, row) in rows.iter().enumerate() {
            self.xml.push_str("<w:tr>");
            if i == 0 {
                self.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for (cell, w) in row.iter().zip(&widths) {
                let _ = write!(
                    self.xml,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>"
                );
                if i == 0 {
                    self.xml
                        .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F1\"/>");
                }
                self.xml.push_str("</w:tcPr>");
                self.cell(cell, i == 0);
                self.xml.push_str("</w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl><w:p/>");
    }

    /// A cell's paragraphs (Word needs at least one).
    fn cell(&mut self, cell: &Cell, header: bool) {
        if cell.paras.is_empty() {
            self.xml.push_str("<w:p/>");
        }
        for p in &cell.paras {
            self.para(p, cell.numeric, header);
        }
    }

    fn para(&mut self, p: &Para, numeric: bool, header: bool) {
        self.xml.push_str("<w:p><w:pPr>");
        if p.spaced {
            self.xml.push_str("<w:spacing w:after=\"120\"/>");
        }
        if numeric {
            self.xml.push_str("<w:jc w:val=\"right\"/>");
        }
        self.xml.push_str("</w:pPr>");
        for r in &p.runs {
            if let Some(c) = r.chip {
                let color = c.hex().trim_start_matches('#').to_uppercase();
                self.xml.push_str(&run("■ ", Some(&color), false));
            }
            let (color, bold) = match r.tone {
                Tone::Plain => (None, header),
                Tone::Bold => (None, true),
                Tone::Accent => (Some(ACCENT), false),
                Tone::Muted | Tone::Original => (Some(MUTED), false),
            };
            match r.tone {
                Tone::Original => self.xml.push_str(&original_run(&r.text, Some(MUTED))),
                _ => self.xml.push_str(&run(&r.text, color, bold)),
            }
        }
        self.xml.push_str("</w:p>");
    }

    fn figure(&mut self, f: &Figure) -> Result<()> {
        let png =
            svg_to_png(&svg::render(&f.chart)).map_err(|m| Error::bad_input("briefing.docx", m))?;
        let (w, h) =
            png_size(&png).ok_or_else(|| Error::bad_input("briefing.docx", "bad chart image"))?;
        // A chart of several panels that would shrink to under half the text width to fit
        // the page height (agency load: one panel per zone) is split into one image per
        // panel, each legible; one caption follows the last.
        let (cx, _) = figure_extent(w, h);
        if cx < FIGURE_WIDTH_EMU / 2 && f.chart.panels.len() > 1 {
            let last = f.chart.panels.len() - 1;
            for (i, panel) in f.chart.panels.iter().enumerate() {
                let mut part = f.chart.clone();
                part.panels = vec![panel.clone()];
                if i > 0 {
                    part.subtitle.clear();
                }
                if i < last {
                    part.notes.clear();
                    part.source.clear();
                }
                let png = svg_to_png(&svg::render(&part))
                    .map_err(|m| Error::bad_input("briefing.docx", m))?;
                let (w, h) = png_size(&png)
                    .ok_or_else(|| Error::bad_input("briefing.docx", "bad chart image"))?;
                self.image(png, w, h);
            }
        } else if f.chart.panels.len() == 1 && cx < FIGURE_WIDTH_EMU * 4 / 5 {
            // One tall panel (the timeline: a zone's many targets of one year stacked) is
            // cut into parts of the page's shape, each printed at the full width.
            let shape = FIGURE_MAX_HEIGHT_EMU as f64 / FIGURE_WIDTH_EMU as f64;
            for part in super::pages::page_parts(&f.chart, shape) {
                let png = svg_to_png(&svg::render(&part))
                    .map_err(|m| Error::bad_input("briefing.docx", m))?;
                let (w, h) = png_size(&png)
                    .ok_or_else(|| Error::bad_input("briefing.docx", "bad chart image"))?;
                self.image(png, w, h);
            }
        } else {
            self.image(png, w, h);
        }
        self.caption(f);
        Ok(())
    }

    /// One image paragraph, sized to fit the page (see [`figure_extent`]).
    fn image(&mut self, png: Vec<u8>, w: u32, h: u32) {
        self.images.push(png);
        let n = self.images.len();
        let (cx, cy) = figure_extent(w, h);
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Figure {n}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        );
    }

    /// The figure's number and title, source sentences and notes under it.
    fn caption(&mut self, f: &Figure) {
        let l = self.lang;
        let label = format!("{} {} ", l.pick("图", "Figure"), f.number);
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>{}{}</w:p>",
            run(&label, None, true),
            run(&f.chart.title, None, false)
        );
        for (i, s) in f.sentences.iter().enumerate() {
            // source sentences: the Chinese original, marked as Chinese
            let _ = write!(
                self.xml,
                "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>{}{}</w:p>",
                run(&format!("{}. ", i + 1), None, false),
                original_run(s, None)
            );
        }
        for note in &f.chart.notes {
            self.paragraph("Caption", &format!("{}{note}", l.pick("注：", "Note: ")));
        }
        self.paragraph("Caption", &f.chart.source);
        self.xml.push_str("<w:p/>");
    }
}

/// A run of text; line feeds become line breaks.
fn run(text: &str, color: Option<&str>, bold: bool) -> String {
    run_marked(text, color, bold, false)
}

/// A run of Chinese text kept as the original, marked with the Chinese language.
fn original_run(text: &str, color: Option<&str>) -> String {
    run_marked(text, color, false, true)
}

fn run_marked(text: &str, color: Option<&str>, bold: bool, chinese: bool) -> String {
    let mut props = String::new();
    if bold {
        props.push_str("<w:b/>");
    }
    if let Some(c) = color {
        let _ = write!(props, "<w:color w:val=\"{c}\"/>");
    }
    if chinese {
        props.push_str("<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/>");
    }
    let mut out = String::from("<w:r>");
    if !props.is_empty() {
        let _ = write!(out, "<w:rPr>{props}</w:rPr>");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        if !line.is_empty() {
            let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(line));
        }
    }
    out.push_str("</w:r>");
    out
}

/// Column widths (twips) in proportion to the longest line each column holds (CJK
/// characters count double), within bounds so short columns stay readable and long ones
/// don't starve the rest.
fn column_widths(rows: &[Vec<Cell>]) -> Vec<usize> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let weights: Vec<usize> = (0..columns)
        .map(|c| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .flat_map(|cell| &cell.paras)
                .flat_map(|p| &p.runs)
                .flat_map(|r| r.text.split('\n'))
                .map(|line| {
                    line.chars()
                        .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(0);
            widest.clamp(12, 60)
        })
        .collect();
    let total: usize = weights.iter().sum::<usize>().max(1);
    weights
        .iter()
        .map(|w| TEXT_WIDTH_TWIPS * w / total)
        .collect()
}

/// Size of a figure on the page (EMU) for an image of `w` × `h` pixels: the text width,
/// or less when that would make it taller than [`FIGURE_MAX_HEIGHT_EMU`]; the aspect
/// ratio is kept.
fn figure_extent(w: u32, h: u32) -> (u64, u64) {
    let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
    let cy = FIGURE_WIDTH_EMU * h / w;
    if cy <= FIGURE_MAX_HEIGHT_EMU {
        (FIGURE_WIDTH_EMU, cy)
    } else {
        (FIGURE_MAX_HEIGHT_EMU * w / h, FIGURE_MAX_HEIGHT_EMU)
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// The `.docx` package for `blocks`.
pub(super) fn package(blocks: &[Block], lang: Lang) -> Result<Vec<u8>> {
    let mut body = Body {
        xml: String::new(),
        images: Vec::new(),
        lang,
    };
    for block in blocks {
        match block {
            Block::Title { title, subtitle } => {
                body.paragraph("Title", title);
                body.paragraph("Subtitle", subtitle);
            }
            Block::Section { number, title } => {
                body.paragraph("Heading1", &format!("{number}. {title}"))
            }
            Block::Subsection(title) => body.paragraph("Heading2", title),
            Block::Table(rows) => body.table(rows),
            Block::Figure(f) => body.figure(f)?,
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="680" w:right="680" w:bottom="680" w:left="680" w:header="400" w:footer="400" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body.xml
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    );
    for n in 1..=body.images.len() {
        let _ = write!(
            rels,
            r#"<Relationship Id="rIdImg{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#
        );
    }
    rels.push_str("</Relationships>");

    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
        ("_rels/.rels".into(), PACKAGE_RELS.into()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), STYLES.into()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
    ];
    for (i, png) in body.images.into_iter().enumerate() {
        parts.push((format!("word/media/image{}.png", i + 1), png));
    }
    zip_parts(parts)
        .map_err(|e| Error::bad_input("briefing.docx", format!("cannot build the document: {e}")))
}

fn zip_parts(
    parts: Vec<(String, Vec<u8>)>,
) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // PNG data is already compressed.
        let method = if name.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(
            name,
            SimpleFileOptions::default().compression_method(method),
        )?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tall_figures_are_scaled_to_fit_the_page() {
        // A wide chart keeps the text width.
        let (cx, cy) = figure_extent(1600, 900);
        assert_eq!(cx, FIGURE_WIDTH_EMU);
        assert!(cy < FIGURE_MAX_HEIGHT_EMU);
        // An agency-load chart 2.5 times as tall as wide: 15 cm high, 6 cm wide.
        let (cx, cy) = figure_extent(800, 2000);
        assert_eq!(cy, FIGURE_MAX_HEIGHT_EMU);
        assert_eq!(cx, 6 * 360_000);
        // Within the 18.6 cm text height of the landscape page, and the 27.3 cm width.
        assert!(cy < 186 * 36_000 && cx <= 273 * 36_000);
    }

    #[test]
    fn a_tall_chart_of_many_panels_is_split_into_one_image_per_panel() {
        use crate::charts::{ChartKind, ChartOptions, build_chart};
        let ds = crate::analysis::fixtures::dataset();
        let opts = ChartOptions::new(ChartKind::Agencies, Lang::En);
        let mut chart = build_chart(&ds, crate::catalog::Catalog::in_use(), &opts);
        assert!(!chart.panels.is_empty());
        // Six zones' panels: far taller than wide.
        let one = chart.panels[0].clone();
        chart.panels = vec![one; 6];
        let mut body = Body {
            xml: String::new(),
            images: Vec::new(),
            lang: Lang::En,
        };
        let figure = Figure {
            number: 6,
            chart,
            sentences: Vec::new(),
        };
        body.figure(&figure).expect("figure");
        assert_eq!(body.images.len(), 6, "one image per panel");
        assert_eq!(
            body.xml.matches(">Figure 6 </w:t>").count(),
            1,
            "one caption"
        );
        // A chart of one panel stays one image.
        let mut single = figure.clone();
        single.chart.panels.truncate(1);
        body.figure(&single).expect("figure");
        assert_eq!(body.images.len(), 7);
    }

    #[test]
    fn text_is_escaped_and_lines_break() {
        let r = run("a<b>&\"c\"\nd\u{1}", Some(MUTED), true);
        assert_eq!(
            r,
            "<w:r><w:rPr><w:b/><w:color w:val=\"52606D\"/></w:rPr><w:t xml:space=\"preserve\">a&lt;b&gt;&amp;&quot;c&quot;</w:t><w:br/><w:t xml:space=\"preserve\">d</w:t></w:r>"
        );
    }

    #[test]
    fn columns_share_the_page_by_content() {
        let cell = |t: &str| Cell {
            paras: vec![Para {
                runs: vec![super::super::content::Run::new(t, Tone::Plain)],
                spaced: false,
            }],
            numeric: false,
        };
        let rows = vec![
            vec![cell("园区"), cell("文件"), cell("措施")],
            vec![cell(&"很长的文件标题".repeat(10)), cell("12"), cell("3")],
        ];
        let w = column_widths(&rows);
        assert_eq!(w.len(), 3);
        assert!(w.iter().sum::<usize>() <= TEXT_WIDTH_TWIPS);
        assert!(w[0] >= 5 * w[2], "{w:?}");
        assert_eq!(w[1], w[2]);
    }

    #[test]
    fn png_size_reads_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(2000u32.to_be_bytes());
        png.extend(1100u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((2000, 1100)));
        assert_eq!(png_size(&png[..18]), None);
    }
}
