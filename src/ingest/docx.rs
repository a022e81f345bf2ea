//! Word 2007+ documents: the paragraphs of `word/document.xml`, one per line, with their
//! automatic list numbers (`word/numbering.xml` and list styles in `word/styles.xml`,
//! see [`numbering`]).
//!
//! The archive is checked before anything is inflated (number of entries, declared size
//! and compression ratio of the document part), and inflating stops at a hard limit even
//! when the archive lies about its sizes, so a zip bomb costs neither memory nor time.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use zip::ZipArchive;

use super::limits;
use numbering::{ListRef, Numbering, attr};

mod numbering;

const DOCUMENT_PART: &str = "word/document.xml";
const NUMBERING_PART: &str = "word/numbering.xml";
const STYLES_PART: &str = "word/styles.xml";

/// Extracts the text of a .docx file.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"PK") {
        return Err(match super::text::sniff_binary(bytes) {
            Some(kind) => format!("not a .docx document: looks like {kind}"),
            None => "not a .docx document (not a zip archive)".into(),
        });
    }
    let mut archive = open(bytes)?;
    let xml = read_part(&mut archive, DOCUMENT_PART)?
        .ok_or_else(|| format!("not a Word document: the archive has no {DOCUMENT_PART}"))?;
    let mut numbering = read_part(&mut archive, NUMBERING_PART)?
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    if let Some(styles) = read_part(&mut archive, STYLES_PART)? {
        numbering.read_styles(&styles);
    }
    paragraphs(&xml, numbering)
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

fn open(bytes: &[u8]) -> Result<Archive<'_>, String> {
    let archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("truncated or corrupt .docx (not a complete zip archive: {e})"))?;
    if archive.len() > limits::MAX_ZIP_ENTRIES {
        return Err(format!(
            "refused .docx: {} archive entries (limit {}; zip bomb?)",
            archive.len(),
            limits::MAX_ZIP_ENTRIES
        ));
    }
    Ok(archive)
}

/// The text of one part of the archive (`None` when the part is absent), inflated under
/// the size and ratio limits.
fn read_part(archive: &mut Archive, name: &str) -> Result<Option<String>, String> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("corrupt .docx: {e}")),
    };
    let (size, packed) = (part.size(), part.compressed_size().max(1));
    if size > limits::MAX_ZIP_PART_BYTES
        || (size > 1024 * 1024 && size / packed > limits::MAX_ZIP_RATIO)
    {
        return Err(format!(
            "refused .docx: {name} would inflate to {} from {} (zip bomb?)",
            limits::megabytes(size),
            limits::megabytes(packed)
        ));
    }
    let mut out = Vec::with_capacity(size.min(limits::MAX_ZIP_PART_BYTES) as usize);
    part.take(limits::MAX_ZIP_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("truncated or corrupt .docx: {e}"))?;
    if out.len() as u64 > limits::MAX_ZIP_PART_BYTES {
        return Err(format!(
            "refused .docx: {name} inflates past the size limit (zip bomb?)"
        ));
    }
    let text =
        String::from_utf8(out).map_err(|_| format!("corrupt .docx: {name} is not UTF-8 XML"))?;
    Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
}

/// Paragraph text of WordprocessingML: `w:t` runs joined, `w:tab` as a tab, `w:br` as a
/// line break, one line per `w:p`. Deleted text and field codes are not document text.
fn paragraphs(xml: &str, mut numbering: Numbering) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut in_run = 0usize;
    // List membership of the current paragraph from `w:numPr` and its style `w:pStyle`.
    let mut list = ListRef::default();
    let mut in_change = false; // inside w:pPrChange: the properties before an edit
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("corrupt .docx: malformed {DOCUMENT_PART} ({e})"))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "pPrChange" => in_change = true,
                "t" => in_text = true,
                "r" => in_run += 1,
                "tab" if in_run > 0 => out.push('\t'),
                "br" | "cr" if in_run > 0 => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "ilvl" if !in_change => list.level = attr(&e, "val").and_then(|v| v.parse().ok()),
                "numId" if !in_change => list.num = attr(&e, "val").and_then(|v| v.parse().ok()),
                "pStyle" if !in_change => list.style = attr(&e, "val"),
                "tab" if in_run > 0 => out.push('\t'),
                "br" | "cr" if in_run > 0 => out.push('\n'),
                "p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "pPrChange" => in_change = false,
                "pPr" if !in_change => {
                    out.push_str(&numbering.paragraph_label(&std::mem::take(&mut list)));
                }
                "t" => in_text = false,
                "r" => in_run = in_run.saturating_sub(1),
                "p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) = resolve_predefined_entity(&r) {
                    out.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if out.len() > limits::MAX_TEXT_BYTES {
            return Err("the document text exceeds the size limit".into());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_tabs_and_entities() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>一、总体</w:t></w:r><w:r><w:t xml:space="preserve">要求 &amp; 目标</w:t></w:r></w:p>
<w:p><w:r><w:t>到2025年</w:t><w:tab/><w:t>120户</w:t><w:br/><w:t>&#x3002;</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
<w:p/></w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, Numbering::default()).unwrap(),
            "一、总体要求 & 目标\n到2025年\t120户\n。\n\n"
        );
    }

    #[test]
    fn not_a_zip() {
        assert!(extract(b"hello").unwrap_err().contains("not a zip"));
        assert!(
            extract(b"PK\x03\x04 truncated")
                .unwrap_err()
                .contains("truncated or corrupt")
        );
    }
}
