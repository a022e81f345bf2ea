//! Documents built at run time for the ingest tests: .docx archives (with the zip crate)
//! and PDFs with Chinese text in the font encodings of government PDFs (with lopdf).

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// WordprocessingML for the paragraphs, each split into two runs.
pub fn document_xml(paragraphs: &[&str]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for p in paragraphs {
        let cut = p
            .char_indices()
            .nth(p.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        let (a, b) = p.split_at(cut);
        xml.push_str(&format!(
            r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            xml_escape(a),
            xml_escape(b)
        ));
    }
    xml.push_str("</w:body></w:document>");
    xml
}

/// A .docx archive holding `document` as word/document.xml.
pub fn docx_with(document: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(CONTENT_TYPES.as_bytes()).unwrap();
    zip.start_file(
        "word/document.xml",
        opts.large_file(document.len() > u32::MAX as usize),
    )
    .unwrap();
    zip.write_all(document).unwrap();
    zip.finish().unwrap().into_inner()
}

const NUMBERING_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF06C;"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num></w:numbering>"#;

const STYLES_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="ListBase"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style></w:styles>"#;

/// List id standing for "numbered through the paragraph style Heading1" in
/// [`numbered_docx`].
pub const HEADING_STYLE: u32 = u32::MAX;

/// A .docx whose paragraphs carry Word list numbering: `(list id, level, text)`.
pub fn numbered_docx(paragraphs: &[(u32, u32, &str)]) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for (num, level, text) in paragraphs {
        let props = if *num == HEADING_STYLE {
            r#"<w:pStyle w:val="Heading1"/>"#.to_string()
        } else {
            format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#)
        };
        xml.push_str(&format!(
            r#"<w:p><w:pPr>{props}<w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
            xml_escape(text)
        ));
    }
    xml.push_str("</w:body></w:document>");
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts = [
        ("word/document.xml", xml.as_str()),
        ("word/numbering.xml", NUMBERING_XML),
        ("word/styles.xml", STYLES_XML),
    ];
    for (name, data) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx of the given paragraphs.
pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    docx_with(document_xml(paragraphs).as_bytes())
}

/// A zip bomb dressed as .docx: a tiny archive whose document part inflates to 300 MB.
pub fn zip_bomb_docx() -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The ToUnicode CMap of a font whose CIDs 1, 2, … stand for `chars` in order.
fn to_unicode_cmap(chars: &[char]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for (block_no, block) in chars.chunks(100).enumerate() {
        s.push_str(&format!("{} beginbfchar\n", block.len()));
        for (i, c) in block.iter().enumerate() {
            let cid = block_no * 100 + i + 1;
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{cid:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// How the lines of the test PDF encode their text.
#[derive(Clone, Copy)]
pub enum PdfFont {
    /// Type0 font, Identity-H, two-byte CIDs mapped by a ToUnicode CMap.
    IdentityToUnicode,
    /// Type0 font with the predefined `UniGB-UCS2-H` CMap: strings are UCS-2.
    UniGbUcs2,
    /// Type0 font with the predefined `GBK-EUC-H` CMap: strings are GBK.
    GbkEuc,
}

fn type0_font(doc: &mut Document, encoding: &str, to_unicode: Option<ObjectId>) -> ObjectId {
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("GB1"),
            "Supplement" => 4,
        },
        "DW" => 1000,
    });
    let mut font: Dictionary = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "STSong-Light",
        "Encoding" => encoding,
        "DescendantFonts" => vec![cid_font.into()],
    };
    if let Some(id) = to_unicode {
        font.set("ToUnicode", id);
    }
    doc.add_object(font)
}

/// A one-page PDF showing each line at its own height (`lines` empty: a page of shapes).
pub fn pdf(lines: &[&str], font: PdfFont) -> Vec<u8> {
    pdf_pages(&[lines], font)
}

/// A PDF with one page per entry of `pages`.
pub fn pdf_pages(pages: &[&[&str]], font: PdfFont) -> Vec<u8> {
    build_pdf(pages, font, false)
}

/// A one-page PDF whose text is drawn by a form XObject (with its own font resources).
pub fn pdf_in_form(lines: &[&str], font: PdfFont) -> Vec<u8> {
    build_pdf(&[lines], font, true)
}

fn build_pdf(pages: &[&[&str]], font: PdfFont, in_form: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut chars: Vec<char> = pages
        .iter()
        .flat_map(|p| p.iter())
        .flat_map(|l| l.chars())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let cid: BTreeMap<char, u16> = chars
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16 + 1))
        .collect();
    let font_id = match font {
        PdfFont::IdentityToUnicode => {
            let cmap = doc.add_object(Stream::new(dictionary! {}, to_unicode_cmap(&chars)));
            type0_font(&mut doc, "Identity-H", Some(cmap))
        }
        PdfFont::UniGbUcs2 => type0_font(&mut doc, "UniGB-UCS2-H", None),
        PdfFont::GbkEuc => type0_font(&mut doc, "GBK-EUC-H", None),
    };
    let encode = |line: &str| -> Vec<u8> {
        match font {
            PdfFont::IdentityToUnicode => {
                line.chars().flat_map(|c| cid[&c].to_be_bytes()).collect()
            }
            PdfFont::UniGbUcs2 => line.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            PdfFont::GbkEuc => encoding_rs::GBK.encode(line).0.into_owned(),
        }
    };
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
        ];
        ops.push(Operation::new("Td", vec![40.into(), 800.into()]));
        // Tab-separated cells are placed 200 units apart on the same line.
        for line in lines.iter() {
            let cells: Vec<&str> = line.split('\t').collect();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    ops.push(Operation::new("Td", vec![200.into(), 0.into()]));
                }
                let s = Object::String(encode(cell), StringFormat::Hexadecimal);
                ops.push(Operation::new("Tj", vec![s]));
            }
            let back = -200 * (cells.len() as i64 - 1);
            ops.push(Operation::new("Td", vec![back.into(), (-18).into()]));
        }
        ops.push(Operation::new("ET", vec![]));
        if lines.is_empty() {
            ops = ["0 0 1 rg", "10 10 100 100 re", "f"]
                .iter()
                .map(|s| {
                    let mut parts: Vec<&str> = s.split(' ').collect();
                    let op = parts.pop().unwrap();
                    Operation::new(
                        op,
                        parts
                            .iter()
                            .map(|p| p.parse::<i64>().unwrap().into())
                            .collect(),
                    )
                })
                .collect();
        }
        let fonts = dictionary! { "F1" => font_id };
        let mut resources = dictionary! { "Font" => fonts.clone() };
        let mut content = Content { operations: ops }.encode().unwrap();
        if in_form {
            let form = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-20).into()],
                    "Resources" => dictionary! { "Font" => fonts },
                },
                content,
            ));
            resources = dictionary! { "XObject" => dictionary! { "Fm1" => form } };
            content = b"q 1 0 0 1 0 0 cm /Fm1 Do Q".to_vec();
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => resources,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF whose content stream is `content`, Flate-compressed.
pub fn pdf_with_content(content: Vec<u8>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut stream = Stream::new(dictionary! {}, content);
    stream.compress().unwrap();
    let content_id = doc.add_object(stream);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
