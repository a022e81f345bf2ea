//! PDF: the text layer, one line per line of text on the page (lines wrapped inside a
//! paragraph are joined again by [`layout`]).
//!
//! lopdf parses the file (decompression bounded by a limit) and resolves simple font
//! encodings and `/ToUnicode` CMaps (Type0/Identity-H fonts of Chinese government PDFs);
//! the predefined Chinese CMaps (`GBK-EUC-H`, `UniGB-UCS2-H`, …) are decoded here. Lines
//! are found from the vertical text position. Everything runs under [`guard::guarded`],
//! so a parser panic on a malformed file is an error, and work is bounded by page,
//! operation and output limits.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use encoding_rs::{BIG5, GB18030, UTF_16BE};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::{guard, layout, limits};
use walker::{Fonts, Scope, Walker};

mod inflate;
mod walker;

/// Extracts the text layer of a PDF.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(match super::text::sniff_binary(bytes) {
            Some(kind) => format!("not a PDF document: looks like {kind}"),
            None => "not a PDF document (no %PDF header)".into(),
        });
    }
    guard::guarded("corrupt PDF", || extract_text(bytes))
}

fn extract_text(bytes: &[u8]) -> Result<String, String> {
    let doc = inflate::load(bytes)?;
    let pages = doc.get_pages();
    if pages.len() > limits::MAX_PDF_PAGES {
        return Err(format!(
            "PDF has {} pages (limit {})",
            pages.len(),
            limits::MAX_PDF_PAGES
        ));
    }
    let mut walker = Walker::default();
    let mut pages_text = Vec::with_capacity(pages.len());
    let mut budget = limits::MAX_PDF_STREAM_BYTES as usize;
    let mut unreadable = 0;
    for page_id in pages.values() {
        let limit = budget.min(limits::MAX_PDF_PAGE_CONTENT_BYTES);
        let content = match doc.get_page_content_with_limit(*page_id, limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err("refused PDF: page content inflates past the size limit".into());
            }
            Err(_) => {
                unreadable += 1; // one unreadable page does not lose the others
                continue;
            }
        };
        budget = budget.saturating_sub(content.len());
        let content = match Content::decode(&content) {
            Ok(content) if !content.operations.is_empty() => content,
            _ => {
                unreadable += 1;
                continue;
            }
        };
        let fonts = page_fonts(&doc, *page_id, &mut walker.decoders);
        let scope = Scope {
            doc: &doc,
            fonts: &fonts,
            xobjects: page_xobjects(&doc, *page_id),
        };
        walker.page(&scope, &content.operations)?;
        pages_text.push(std::mem::take(&mut walker.out));
    }
    let text = layout::assemble(&pages_text);
    if !text.chars().any(|c| c.is_alphanumeric()) {
        return Err(if walker.unmapped > 0 {
            "the PDF's fonts have no Unicode mapping: its text cannot be extracted".into()
        } else if pages.is_empty() {
            "corrupt PDF: no pages found".into()
        } else if unreadable == pages.len() {
            "corrupt PDF: no page content could be read".into()
        } else {
            "no text layer (scanned PDF?)".into()
        });
    }
    Ok(text)
}

/// How the strings shown with one font map to Unicode.
pub enum Decoder<'a> {
    Lopdf(Encoding<'a>),
    Gb,
    Big5,
    Utf16,
    /// No way to Unicode: the text is not extracted.
    Unmapped,
}

impl Decoder<'_> {
    /// Appends the text of `bytes` to `out`.
    pub fn decode(&self, bytes: &[u8], out: &mut String) {
        let s = match self {
            Decoder::Gb => GB18030.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Big5 => BIG5.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Utf16 => UTF_16BE.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Lopdf(enc) => Document::decode_text(enc, bytes).unwrap_or_default(),
            Decoder::Unmapped => String::new(),
        };
        out.extend(
            s.chars()
                .filter(|c| *c != '\u{FFFD}' && (!c.is_control() || *c == '\t')),
        );
    }
}

/// The decoder of each font dictionary met so far, by its address in the loaded document
/// (which does not move while text is extracted): a font's map is parsed once per file
/// however many pages, forms and resource names use it.
#[derive(Default)]
pub struct Decoders<'a> {
    by_font: HashMap<*const Dictionary, Rc<Decoder<'a>>>,
}

impl<'a> Decoders<'a> {
    fn get(&mut self, doc: &'a Document, font: &'a Dictionary) -> Rc<Decoder<'a>> {
        self.by_font
            .entry(font as *const Dictionary)
            .or_insert_with(|| Rc::new(decoder_for(doc, font)))
            .clone()
    }
}

fn page_fonts<'a>(doc: &'a Document, page: ObjectId, decoders: &mut Decoders<'a>) -> Fonts<'a> {
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return BTreeMap::new();
    };
    fonts
        .into_iter()
        .map(|(name, font)| (name, decoders.get(doc, font)))
        .collect()
}

/// The fonts of a resource dictionary (of a form XObject).
fn font_map<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    decoders: &mut Decoders<'a>,
) -> Fonts<'a> {
    let Ok(fonts) = resources.get_deref(b"Font", doc).and_then(Object::as_dict) else {
        return BTreeMap::new();
    };
    fonts
        .iter()
        .filter_map(|(name, font)| {
            let font = doc.dereference(font).ok()?.1.as_dict().ok()?;
            Some((name.clone(), decoders.get(doc, font)))
        })
        .collect()
}

fn page_xobjects(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let Ok((inline, ids)) = doc.get_page_resources(page) else {
        return BTreeMap::new();
    };
    let mut all = BTreeMap::new();
    for id in ids.iter().rev() {
        if let Ok(dict) = doc.get_dictionary(*id) {
            all.extend(walker::xobjects(doc, dict));
        }
    }
    if let Some(dict) = inline {
        all.extend(walker::xobjects(doc, dict));
    }
    all
}

fn decoder_for<'a>(doc: &'a Document, font: &'a Dictionary) -> Decoder<'a> {
    let cmap = font.get(b"Encoding").and_then(Object::as_name).ok();
    let has_to_unicode = font.get(b"ToUnicode").is_ok();
    if let Some(d) = cmap.and_then(predefined_cmap) {
        d
    } else if matches!(cmap, Some(b"Identity-H" | b"Identity-V")) && !has_to_unicode {
        // Glyph ids without a Unicode map: any reading would be a guess.
        Decoder::Unmapped
    } else {
        font.get_font_encoding_with_limit(doc, limits::MAX_PDF_STREAM_BYTES as usize)
            .map_or(Decoder::Unmapped, Decoder::Lopdf)
    }
}

/// The predefined CMaps of Chinese fonts whose codes are a known character encoding.
fn predefined_cmap<'a>(name: &[u8]) -> Option<Decoder<'a>> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.trim_end_matches("-H").trim_end_matches("-V");
    if base.starts_with("UniGB-UCS2")
        || base.starts_with("UniGB-UTF16")
        || base.starts_with("UniCNS-UCS2")
        || base.starts_with("UniCNS-UTF16")
    {
        Some(Decoder::Utf16)
    } else if base.starts_with("GB") {
        Some(Decoder::Gb)
    } else if base.starts_with("B5") || base.starts_with("ETen-B5") || base.starts_with("HKscs") {
        Some(Decoder::Big5)
    } else {
        None
    }
}
