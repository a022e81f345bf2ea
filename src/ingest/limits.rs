//! Size and work limits that keep hostile files from exhausting memory or time.

/// Largest input file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Largest text (in bytes of UTF-8) any extractor may produce from one file.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Largest uncompressed size of one part read out of a .docx archive.
pub const MAX_ZIP_PART_BYTES: u64 = 128 * 1024 * 1024;

/// Largest declared uncompressed/compressed ratio of a .docx part.
pub const MAX_ZIP_RATIO: u64 = 200;

/// Most entries a .docx archive may hold.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// Most pages read from one PDF.
pub const MAX_PDF_PAGES: usize = 5_000;

/// Largest decompressed size of all PDF content streams together.
pub const MAX_PDF_STREAM_BYTES: u64 = 256 * 1024 * 1024;

/// Largest decompressed content of one PDF page (parsed operations cost several times
/// the bytes in memory).
pub const MAX_PDF_PAGE_CONTENT_BYTES: usize = 8 * 1024 * 1024;

/// Most content-stream operations interpreted in one PDF.
pub const MAX_PDF_OPERATIONS: usize = 20_000_000;

/// Formats a byte count for messages ("12.3 MB").
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}
