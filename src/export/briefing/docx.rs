//! The briefing as a Word document: a minimal WordprocessingML package (zip + XML) with
//! headings, tables of targets and measures per zone, every figure's source sentences, and
//! the charts as embedded PNG images (rendered from the same SVG as the HTML briefing).

use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;

use crate::charts::Chart;
use crate::charts::svg::render;
use crate::export::png::svg_to_png;

/// Width of a chart image on the page, in EMU (English Metric Units: 914,400 per inch);
/// fits the text width of an A4 landscape page with 1.5 cm margins.
const IMAGE_WIDTH_EMU: u64 = 9_360_000;

/// A4 landscape text width in twentieths of a point (29.7 cm − 2 × 1.5 cm).
const TEXT_WIDTH_TWIPS: u32 = 15_136;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Microsoft YaHei" w:cs="Calibri"/><w:sz w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="2" w:color="1F5FA8"/></w:pBdr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="52606D"/><w:sz w:val="17"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="CBD2D9"/><w:left w:val="single" w:sz="4" w:color="CBD2D9"/><w:bottom w:val="single" w:sz="4" w:color="CBD2D9"/><w:right w:val="single" w:sz="4" w:color="CBD2D9"/><w:insideH w:val="single" w:sz="4" w:color="CBD2D9"/><w:insideV w:val="single" w:sz="4" w:color="CBD2D9"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

const DOCUMENT_OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#;

const DOCUMENT_CLOSE: &str = r#"<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="851" w:right="851" w:bottom="851" w:left="851" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// A run of text in a table cell or paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    pub text: String,
    pub bold: bool,
    /// `rrggbb`, or empty for the default colour.
    pub color: String,
    pub small: bool,
}

impl Run {
    pub(super) fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            color: String::new(),
            small: false,
        }
    }

    pub(super) fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    /// Grey small text: source sentences and notes.
    pub(super) fn source(text: impl Into<String>) -> Run {
        Run {
            color: "52606D".into(),
            small: true,
            ..Run::plain(text)
        }
    }

    /// Blue text: target values.
    pub(super) fn value(text: impl Into<String>) -> Run {
        Run {
            color: "1F5FA8".into(),
            bold: true,
            ..Run::plain(text)
        }
    }

    fn xml(&self) -> String {
        let mut props = String::new();
        if self.bold {
            props.push_str("<w:b/>");
        }
        if !self.color.is_empty() {
            props.push_str(&format!("<w:color w:val=\"{}\"/>", self.color));
        }
        if self.small {
            props.push_str("<w:sz w:val=\"17\"/>");
        }
        let rpr = if props.is_empty() {
            String::new()
        } else {
            format!("<w:rPr>{props}</w:rPr>")
        };
        format!(
            "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(clean(&self.text))
        )
    }
}

/// Drops characters XML 1.0 cannot hold.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\t' || c == '\n' || c == '\r' || c >= ' ')
        .collect()
}

/// A paragraph: runs with an optional style.
pub(super) type Para = Vec<Run>;

/// The document being written.
pub(super) struct Docx {
    body: String,
    images: Vec<Vec<u8>>,
    figures: usize,
}

impl Docx {
    pub(super) fn new() -> Docx {
        Docx {
            body: String::new(),
            images: Vec::new(),
            figures: 0,
        }
    }

    /// A paragraph in `style` (empty = Normal).
    pub(super) fn para(&mut self, style: &str, runs: &[Run]) {
        self.body.push_str(&para_xml(style, runs));
    }

    pub(super) fn heading(&mut self, level: u8, text: &str) {
        self.para(&format!("Heading{level}"), &[Run::plain(text)]);
    }

    /// A table: the first row is the header (shaded, repeated on each page).
    pub(super) fn table(&mut self, rows: &[Vec<Vec<Para>>]) {
        let cols = rows.first().map_or(0, Vec::len).max(1);
        let col_w = TEXT_WIDTH_TWIPS / cols as u32;
        self.body.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
        );
        for _ in 0..cols {
            self.body.push_str(&format!("<w:gridCol w:w=\"{col_w}\"/>"));
        }
        self.body.push_str("</w:tblGrid>");
        for (r, row) in rows.iter().enumerate() {
            self.body.push_str("<w:tr>");
            if r == 0 {
                self.body
                    .push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
            }
            for cell in row {
                let shade = if r == 0 {
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F1\"/>"
                } else {
                    ""
                };
                self.body.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{col_w}\" w:type=\"dxa\"/>{shade}</w:tcPr>"
                ));
                if cell.is_empty() {
                    self.body.push_str("<w:p/>");
                }
                for p in cell {
                    self.body.push_str(&para_xml("", p));
                }
                self.body.push_str("</w:tc>");
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl><w:p/>");
    }

    /// A chart as an embedded PNG with a numbered caption, its notes, the source sentences
    /// of its values (when `sentences`) and its source note.
    pub(super) fn figure(
        &mut self,
        chart: &Chart,
        sentences: bool,
        lang: crate::charts::Lang,
    ) -> Result<(), String> {
        let png = svg_to_png(&render(chart))?;
        let (w, h) = png_size(&png).ok_or("chart image has no size")?;
        self.images.push(png);
        self.figures += 1;
        let n = self.images.len();
        let cy = IMAGE_WIDTH_EMU * u64::from(h) / u64::from(w.max(1));
        self.body
            .push_str(&drawing_xml(n, IMAGE_WIDTH_EMU, cy, &chart.title));
        let label = format!("{} {} ", lang.pick("图", "Figure"), self.figures);
        self.para(
            "Caption",
            &[Run::bold(label), Run::plain(chart.title.clone())],
        );
        if sentences {
            let mut seen: Vec<&str> = Vec::new();
            let points = chart
                .panels
                .iter()
                .flat_map(|p| &p.series)
                .flat_map(|s| &s.points);
            for p in points {
                if !p.detail.is_empty() && !seen.contains(&p.detail.as_str()) {
                    seen.push(&p.detail);
                }
            }
            for (i, s) in seen.iter().enumerate() {
                self.para("Caption", &[Run::plain(format!("{}. {s}", i + 1))]);
            }
        }
        for note in &chart.notes {
            let note = format!("{}{note}", lang.pick("注：", "Note: "));
            self.para("Caption", &[Run::plain(note)]);
        }
        self.para("Caption", &[Run::plain(chart.source.clone())]);
        Ok(())
    }

    /// The package as bytes.
    pub(super) fn finish(self) -> Result<Vec<u8>, String> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let err = |e: &dyn std::fmt::Display| format!("cannot build the DOCX package: {e}");
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
        );
        for n in 1..=self.images.len() {
            rels.push_str(&format!(
                "<Relationship Id=\"rIdImg{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image{n}.png\"/>"
            ));
        }
        rels.push_str("</Relationships>");
        let document = format!("{DOCUMENT_OPEN}{}{DOCUMENT_CLOSE}", self.body);
        let parts: Vec<(String, &[u8])> = vec![
            ("[Content_Types].xml".into(), CONTENT_TYPES.as_bytes()),
            ("_rels/.rels".into(), PACKAGE_RELS.as_bytes()),
            ("word/_rels/document.xml.rels".into(), rels.as_bytes()),
            ("word/styles.xml".into(), STYLES.as_bytes()),
            ("word/document.xml".into(), document.as_bytes()),
        ];
        for (name, bytes) in parts {
            zip.start_file(name, opts).map_err(|e| err(&e))?;
            zip.write_all(bytes).map_err(|e| err(&e))?;
        }
        for (i, png) in self.images.iter().enumerate() {
            // PNG is compressed already
            let stored =
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            zip.start_file(format!("word/media/image{}.png", i + 1), stored)
                .map_err(|e| err(&e))?;
            zip.write_all(png).map_err(|e| err(&e))?;
        }
        let cursor = zip.finish().map_err(|e| err(&e))?;
        Ok(cursor.into_inner())
    }
}

fn para_xml(style: &str, runs: &[Run]) -> String {
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
    };
    let runs: String = runs.iter().map(Run::xml).collect();
    format!("<w:p>{ppr}{runs}</w:p>")
}

/// Width and height of a PNG from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// An inline picture paragraph showing `media/image{n}.png` at `cx` × `cy` EMU.
fn drawing_xml(n: usize, cx: u64, cy: u64, title: &str) -> String {
    let title = clean(title);
    let title = escape(&title);
    format!(
        "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Figure {n}\" descr=\"{title}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}
