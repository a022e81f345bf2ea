//! PDF: the text layer, one line per line of text on the page (lines wrapped inside a
//! paragraph are joined again by [`layout`]).
//!
//! lopdf parses the file (decompression bounded by a limit) and resolves simple font
//! encodings and `/ToUnicode` CMaps (Type0/Identity-H fonts of Chinese government PDFs);
//! the predefined Chinese CMaps (`GBK-EUC-H`, `UniGB-UCS2-H`, …) are decoded here. Lines
//! are found from the vertical text position. Everything runs under [`guard::guarded`],
//! so a parser panic on a malformed file is an error, and work is bounded by page,
//! operation and output limits.

use std::collections::BTreeMap;

use encoding_rs::{BIG5, GB18030, UTF_16BE};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Encoding, LoadOptions, Object, ObjectId};

use super::{guard, layout, limits};

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
    let options = LoadOptions {
        max_decompressed_size: Some(limits::MAX_PDF_STREAM_BYTES as usize),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| {
        let msg = e.to_string();
        if msg.to_lowercase().contains("password") || msg.to_lowercase().contains("decrypt") {
            "encrypted PDF: it needs a password".to_string()
        } else {
            format!("corrupt PDF ({msg})")
        }
    })?;
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
    for page_id in pages.values() {
        let limit = budget.min(limits::MAX_PDF_PAGE_CONTENT_BYTES);
        let content = match doc.get_page_content_with_limit(*page_id, limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err("refused PDF: page content inflates past the size limit".into());
            }
            Err(_) => continue, // one unreadable page does not lose the others
        };
        budget = budget.saturating_sub(content.len());
        let Ok(content) = Content::decode(&content) else {
            continue; // one unreadable page does not lose the others
        };
        let fonts = page_fonts(&doc, *page_id);
        walker.page(&content.operations, &fonts)?;
        pages_text.push(std::mem::take(&mut walker.out));
    }
    let text = layout::assemble(&pages_text);
    if !text.chars().any(|c| c.is_alphanumeric()) {
        return Err(if walker.unmapped > 0 {
            "the PDF's fonts have no Unicode mapping: its text cannot be extracted".into()
        } else {
            "no text layer (scanned PDF?)".into()
        });
    }
    Ok(text)
}

/// How the strings shown with one font map to Unicode.
enum Decoder<'a> {
    Lopdf(Encoding<'a>),
    Gb,
    Big5,
    Utf16,
    /// No way to Unicode: the text is not extracted.
    Unmapped,
}

impl Decoder<'_> {
    fn decode(&self, bytes: &[u8], out: &mut String) {
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

fn page_fonts<'a>(doc: &'a Document, page: ObjectId) -> BTreeMap<Vec<u8>, Decoder<'a>> {
    let limit = limits::MAX_PDF_STREAM_BYTES as usize;
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return BTreeMap::new();
    };
    fonts
        .into_iter()
        .map(|(name, font)| {
            let cmap = font.get(b"Encoding").and_then(Object::as_name).ok();
            let has_to_unicode = font.get(b"ToUnicode").is_ok();
            let decoder = if let Some(d) = cmap.and_then(predefined_cmap) {
                d
            } else if matches!(cmap, Some(b"Identity-H" | b"Identity-V")) && !has_to_unicode {
                // Glyph ids without a Unicode map: any reading would be a guess.
                Decoder::Unmapped
            } else {
                font.get_font_encoding_with_limit(doc, limit)
                    .map_or(Decoder::Unmapped, Decoder::Lopdf)
            };
            (name, decoder)
        })
        .collect()
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

/// Follows the text state through content-stream operations.
#[derive(Default)]
struct Walker {
    out: String,
    operations: usize,
    font: Vec<u8>,
    /// Current transformation matrix and its saved copies (`q`/`Q`).
    ctm: [f32; 6],
    saved: Vec<[f32; 6]>,
    /// Text line matrix (only what moves lines: `d`, `e`, `f`) and leading.
    line: [f32; 6],
    leading: f32,
    /// Device y of the line last written to.
    last_y: Option<f32>,
    /// Font size, and the estimated advance of the text since the line matrix was set
    /// (text space units; no glyph widths are read: CJK one em, ASCII half an em).
    font_size: f32,
    advance: f32,
    /// Estimated device x where the text shown last ended.
    last_end_x: Option<f32>,
    /// Strings shown in fonts without a Unicode mapping.
    unmapped: usize,
    /// Text extracted from all pages so far.
    total_bytes: usize,
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: [f32; 6], n: [f32; 6]) -> [f32; 6] {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn numbers(op: &Operation) -> Vec<f32> {
    op.operands
        .iter()
        .filter_map(|o| o.as_float().ok())
        .collect()
}

impl Walker {
    fn page(
        &mut self,
        ops: &[Operation],
        fonts: &BTreeMap<Vec<u8>, Decoder>,
    ) -> Result<(), String> {
        self.ctm = IDENTITY;
        self.saved.clear();
        self.line = IDENTITY;
        self.last_y = None;
        self.last_end_x = None;
        self.newline();
        for op in ops {
            self.operations += 1;
            if self.operations > limits::MAX_PDF_OPERATIONS {
                return Err("PDF too complex (content operation limit reached)".into());
            }
            let before = self.out.len();
            self.operation(op, fonts);
            self.total_bytes += self.out.len() - before;
            if self.total_bytes > limits::MAX_TEXT_BYTES {
                return Err("the PDF text exceeds the size limit".into());
            }
        }
        Ok(())
    }

    fn operation(&mut self, op: &Operation, fonts: &BTreeMap<Vec<u8>, Decoder>) {
        let n = numbers(op);
        match op.operator.as_str() {
            "q" if self.saved.len() < 1024 => self.saved.push(self.ctm),
            "Q" => self.ctm = self.saved.pop().unwrap_or(IDENTITY),
            "cm" if n.len() == 6 => self.ctm = mul([n[0], n[1], n[2], n[3], n[4], n[5]], self.ctm),
            "BT" => (self.line, self.advance) = (IDENTITY, 0.0),
            "Tm" if n.len() == 6 => {
                self.line = [n[0], n[1], n[2], n[3], n[4], n[5]];
                self.advance = 0.0;
            }
            "Td" | "TD" if n.len() == 2 => {
                if op.operator == "TD" {
                    self.leading = -n[1];
                }
                self.line = mul([1.0, 0.0, 0.0, 1.0, n[0], n[1]], self.line);
                self.advance = 0.0;
            }
            "TL" if n.len() == 1 => self.leading = n[0],
            "T*" => self.next_line(),
            "Tf" => {
                if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                    self.font = name.to_vec();
                }
                self.font_size = n.first().copied().unwrap_or(self.font_size).abs();
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" || op.operator == "\"" {
                    self.next_line();
                }
                if let Some(decoder) = fonts.get(&self.font) {
                    self.show(op, decoder);
                }
            }
            _ => {}
        }
    }

    fn next_line(&mut self) {
        self.line = mul([1.0, 0.0, 0.0, 1.0, 0.0, -self.leading], self.line);
        self.advance = 0.0;
    }

    /// Device position (x, y) of the current text point, and the device size of one em.
    fn position(&self) -> (f32, f32, f32) {
        let m = mul(
            mul([1.0, 0.0, 0.0, 1.0, self.advance, 0.0], self.line),
            self.ctm,
        );
        (m[4], m[5], self.font_size * m[3].abs().max(m[0].abs()))
    }

    /// Decodes one string and returns its estimated width in ems.
    fn put(&mut self, decoder: &Decoder, bytes: &[u8]) -> f32 {
        let before = self.out.len();
        decoder.decode(bytes, &mut self.out);
        self.out[before..]
            .chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum()
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn show(&mut self, op: &Operation, decoder: &Decoder) {
        if matches!(decoder, Decoder::Unmapped) {
            self.unmapped += 1;
            return;
        }
        let (x, y, em) = self.position();
        let same_line = self.last_y.is_some_and(|last| (last - y).abs() <= 1.0);
        if !same_line {
            self.newline();
        } else if self.last_end_x.is_some_and(|end| x - end > 1.5 * em)
            && !self.out.ends_with(char::is_whitespace)
        {
            // A wide jump along the line separates table cells and columns.
            self.out.push(' ');
        }
        self.last_y = Some(y);
        let string = match op.operator.as_str() {
            "\"" => op.operands.get(2),
            _ => op.operands.first(),
        };
        let mut ems = 0.0;
        match string {
            Some(Object::String(bytes, _)) => ems += self.put(decoder, bytes),
            Some(Object::Array(items)) => {
                for item in items {
                    match item {
                        Object::String(bytes, _) => ems += self.put(decoder, bytes),
                        other => {
                            let gap = other.as_float().unwrap_or(0.0);
                            ems -= gap / 1000.0;
                            // A wide gap between Latin words stands for a space.
                            if gap < -250.0
                                && self.out.ends_with(|c: char| c.is_ascii_alphanumeric())
                            {
                                self.out.push(' ');
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        self.advance += ems * self.font_size;
        self.last_end_x = Some(self.position().0);
    }
}
