//! Loading a PDF with every stream the text needs inflated once, within one budget per
//! file: object streams while lopdf loads the file, then page contents, form XObjects and
//! font maps (`/ToUnicode`, embedded `/Encoding` CMaps) in place, so nothing later inflates
//! them again however often a page or a form draws them. Images, embedded fonts and other
//! streams the text does not need are never inflated.

use std::cell::Cell;
use std::collections::BTreeSet;

use lopdf::{DecompressError, Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::ingest::limits;

/// Largest inflated font map (`/ToUnicode`): a complete map of a CJK font is well under
/// 1 MB, so a larger one is a bomb that would cost seconds to parse.
const MAX_FONT_MAP_BYTES: usize = 16 * 1024 * 1024;

/// Dictionaries nested deeper than this are not searched for font maps.
const MAX_SCAN_DEPTH: usize = 16;

thread_local! {
    /// Bytes the object streams of the file being loaded may still inflate to.
    static LOAD_BUDGET: Cell<usize> = const { Cell::new(0) };
    /// Set when an object stream would inflate past [`LOAD_BUDGET`].
    static LOAD_EXCEEDED: Cell<bool> = const { Cell::new(false) };
}

/// The message for streams that inflate past the budget of one file.
pub fn budget_message() -> String {
    format!(
        "refused PDF: its compressed streams inflate past {} in total (decompression bomb?)",
        limits::megabytes(limits::MAX_PDF_STREAM_BYTES)
    )
}

/// Loads the document and inflates the streams its text needs, all within
/// [`limits::MAX_PDF_STREAM_BYTES`] for the whole file.
pub fn load(bytes: &[u8]) -> Result<Document, String> {
    LOAD_BUDGET.with(|b| b.set(limits::MAX_PDF_STREAM_BYTES as usize));
    LOAD_EXCEEDED.with(|e| e.set(false));
    let mut doc = load_with(bytes, false)?;
    // lopdf rebuilds a damaged cross-reference table itself only for loads without a
    // filter; do it here, still within the same budget.
    if doc.get_pages().is_empty()
        && !doc.trailer.has(b"Encrypt")
        && let Ok(rebuilt) = load_with(bytes, true)
        && !rebuilt.get_pages().is_empty()
    {
        doc = rebuilt;
    }
    if doc.trailer.has(b"Encrypt") {
        // lopdf removes the entry once the file is decrypted (an empty user password).
        return Err(
            "password-protected PDF: it cannot be read without its password; \
                    save a copy without protection"
                .into(),
        );
    }
    let budget = LOAD_BUDGET.with(Cell::get);
    inflate_text_streams(&mut doc, budget)?;
    Ok(doc)
}

fn load_with(bytes: &[u8], reconstruct: bool) -> Result<Document, String> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits::MAX_PDF_STREAM_BYTES as usize),
        filter: Some(inflate_object_stream),
        force_reconstruct: reconstruct,
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options);
    if LOAD_EXCEEDED.with(Cell::get) {
        return Err(budget_message());
    }
    doc.map_err(|e| match e {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. }) => budget_message(),
        e => {
            let msg = e.to_string();
            let lower = msg.to_lowercase();
            if lower.contains("password") || lower.contains("decrypt") {
                "password-protected PDF: it cannot be read without its password; \
                 save a copy without protection"
                    .to_string()
            } else {
                format!("corrupt PDF ({msg})")
            }
        }
    })
}

/// lopdf's load filter: inflates an object stream once, within the file's budget, before
/// lopdf reads the objects inside it (it then finds it already inflated).
fn inflate_object_stream(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object
        && stream.dict.has_type(b"ObjStm")
        && stream.is_compressed()
    {
        let left = LOAD_BUDGET.with(Cell::get);
        match stream.decompressed_content_with_limit(left) {
            Ok(data) => {
                LOAD_BUDGET.with(|b| b.set(left - data.len().min(left)));
                stream.set_plain_content(data);
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                LOAD_EXCEEDED.with(|e| e.set(true));
                return None;
            }
            Err(_) => {} // lopdf reports the broken stream and skips it
        }
    }
    // lopdf keeps its own `object` for top-level objects and uses the returned one only for
    // members of object streams, which are never streams themselves: a stream's inflated
    // content is not copied for nothing.
    match object {
        Object::Stream(stream) => Some((
            id,
            Object::Stream(lopdf::Stream::new(stream.dict.clone(), Vec::new())),
        )),
        other => Some((id, other.clone())),
    }
}

/// Inflates, in place and once, the page contents, form XObjects and font maps; a stream
/// that does not inflate is emptied (its text is lost either way).
fn inflate_text_streams(doc: &mut Document, mut budget: usize) -> Result<(), String> {
    let (pages, forms, font_maps) = text_streams(doc);
    let cap = |id: &ObjectId| {
        if font_maps.contains(id) {
            MAX_FONT_MAP_BYTES
        } else if pages.contains(id) {
            // A larger page is refused when its content is read.
            limits::MAX_PDF_PAGE_CONTENT_BYTES + 1
        } else {
            usize::MAX
        }
    };
    for id in pages.iter().chain(&forms).chain(&font_maps) {
        let Ok(stream) = doc.get_object_mut(*id).and_then(Object::as_stream_mut) else {
            continue;
        };
        if !stream.is_compressed() {
            continue;
        }
        let is_map = font_maps.contains(id);
        let limit = budget.min(cap(id));
        match stream.decompressed_content_with_limit(limit) {
            Ok(data) => {
                budget -= data.len().min(budget);
                stream.set_plain_content(data);
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(if limit == budget {
                    budget_message()
                } else if is_map {
                    format!(
                        "refused PDF: a font's Unicode map inflates past {} (decompression bomb?)",
                        limits::megabytes(MAX_FONT_MAP_BYTES as u64)
                    )
                } else {
                    "refused PDF: page content inflates past the size limit".into()
                });
            }
            Err(_) => stream.set_plain_content(Vec::new()),
        }
    }
    Ok(())
}

type Ids = BTreeSet<ObjectId>;

/// The streams the text layer reads: page contents, forms and font maps.
fn text_streams(doc: &Document) -> (Ids, Ids, Ids) {
    let mut content = BTreeSet::new();
    let mut forms = BTreeSet::new();
    let mut maps = BTreeSet::new();
    for page in doc.get_pages().values() {
        let Ok(dict) = doc.get_dictionary(*page) else {
            continue;
        };
        match dict.get(b"Contents") {
            Ok(Object::Reference(id)) => {
                content.insert(*id);
            }
            Ok(Object::Array(items)) => {
                content.extend(items.iter().filter_map(|o| o.as_reference().ok()));
            }
            _ => {}
        }
    }
    for (id, object) in &doc.objects {
        match object {
            Object::Stream(s) => {
                if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form".as_slice())
                {
                    forms.insert(*id);
                }
                font_map_refs(&s.dict, &mut maps, 0);
            }
            Object::Dictionary(d) => font_map_refs(d, &mut maps, 0),
            _ => {}
        }
    }
    (content, forms, maps)
}

/// Collects the `/ToUnicode` and stream `/Encoding` references of the font dictionaries in
/// `dict` and the dictionaries inside it.
fn font_map_refs(dict: &Dictionary, out: &mut BTreeSet<ObjectId>, depth: usize) {
    if depth > MAX_SCAN_DEPTH {
        return;
    }
    for (key, value) in dict.iter() {
        match value {
            Object::Reference(id) if key == b"ToUnicode" || key == b"Encoding" => {
                out.insert(*id);
            }
            Object::Dictionary(inner) => font_map_refs(inner, out, depth + 1),
            _ => {}
        }
    }
}
