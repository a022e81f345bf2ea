//! Bytes → clean text: format detection, decoding, and removal of web boilerplate.
//!
//! One file per format: [`text`] (encodings), [`html`], [`docx`], [`pdf`]; [`clean`] drops the
//! page chrome around a document; [`limits`] bounds what a hostile file can cost. Every
//! failure is an [`Error::BadInput`] naming the file and what is wrong with it.

pub mod clean;
mod contact;
pub mod docx;
pub mod folders;
mod guard;
pub mod html;
pub(crate) mod layout;
pub mod limits;
pub mod pdf;
pub mod text;

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// A file read and cleaned, ready for the parser.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// Text of the document as decoded or extracted from the file, before cleaning.
    pub raw: String,
    /// Cleaned text the parser and every span refer to.
    pub text: String,
    /// What the user should know about how the file was read (a file cut short), without
    /// the file name.
    pub notes: Vec<String>,
}

/// The document formats `ingest` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text in any supported encoding.
    Text,
    /// An HTML page.
    Html,
    /// A Word 2007+ document.
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

/// Opens a document file for reading, refusing at once anything but a regular file: a
/// named pipe would block the read forever, a device would never end.
pub fn open_regular(path: &Path) -> Result<std::fs::File> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::bad_input(path, "is a folder, not a document file"));
    }
    if !meta.is_file() {
        return Err(Error::bad_input(
            path,
            "not a regular file (a pipe, socket or device); only document files are read",
        ));
    }
    std::fs::File::open(path).map_err(|e| Error::io(path, e))
}

/// Reads a file of any supported format and returns its cleaned text.
pub fn read_path(path: &Path) -> Result<Ingested> {
    let file = open_regular(path)?;
    let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if len > limits::MAX_FILE_BYTES {
        return Err(too_large(path, len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    ingest_bytes(path, &bytes)
}

/// Decodes and cleans the bytes of a file; `path` names the file in errors and its
/// extension selects the format (content sniffing decides for unknown extensions).
pub fn ingest_bytes(path: &Path, bytes: &[u8]) -> Result<Ingested> {
    if bytes.is_empty() {
        return Err(Error::bad_input(path, "empty file"));
    }
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let (raw, note) =
        extract(path, bytes).map_err(|m| Error::bad_input(path, m.replace(['\r', '\n'], " ")))?;
    if raw.len() > limits::MAX_TEXT_BYTES {
        return Err(Error::bad_input(
            path,
            "document text exceeds the size limit",
        ));
    }
    let text = clean::clean(&raw);
    if text.trim().is_empty() {
        return Err(Error::bad_input(path, "no text in the document"));
    }
    let notes = note.into_iter().map(String::from).collect();
    Ok(Ingested { raw, text, notes })
}

fn too_large(path: &Path, len: u64) -> Error {
    Error::bad_input(
        path,
        format!(
            "file too large ({}; the limit is {})",
            limits::megabytes(len),
            limits::megabytes(limits::MAX_FILE_BYTES)
        ),
    )
}

/// File extensions `ingest` reads (for file dialogs and folder scans).
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "shtml", "docx", "pdf",
];

/// The format a file's extension names, if any.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "docx" => Some(Format::Docx),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// Decodes or extracts the document text, with a note on how it was read; errors are
/// messages without the file name.
fn extract(path: &Path, bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("doc" | "wps")) {
        return Err("Word 97-2003 documents are not supported; save it as .docx".into());
    }
    let format = match format_of(path) {
        Some(f) => f,
        None => sniff(bytes),
    };
    let text = match format {
        Format::Text => {
            let (decoded, note) = text::decode_noting(bytes)?;
            return if html::looks_like_html(&decoded) {
                html::extract_str(&decoded).map(|t| (t, note))
            } else {
                Ok((decoded, note))
            };
        }
        Format::Html => html::extract(bytes),
        Format::Docx => guard::guarded("corrupt .docx", || docx::extract(bytes)),
        Format::Pdf => pdf::extract(bytes),
    };
    text.map(|t| (t, None))
}

/// Guesses the format of a file whose extension says nothing.
fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        Format::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        Format::Docx
    } else {
        Format::Text
    }
}
