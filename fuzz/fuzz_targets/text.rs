//! Text decoder, cleaner and parser: any bytes named `.txt` either give a clear error or a
//! parsed document whose (character) spans index the cleaned text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use zonecompare::catalog::Catalog;
use zonecompare::{ingest, parse};

fuzz_target!(|data: &[u8]| {
    if let Ok(ing) = ingest::ingest_bytes(Path::new("fuzz.txt"), data) {
        let doc = parse::parse_text(&ing.text, Catalog::in_use());
        let chars = ing.text.chars().count();
        for (start, end) in doc
            .measures
            .iter()
            .map(|m| m.span)
            .chain(doc.targets.iter().map(|t| t.span))
        {
            assert!(
                start <= end && end <= chars,
                "span {start}..{end} of {chars}"
            );
        }
    }
});
