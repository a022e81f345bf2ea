//! The .html reader behind ingest: any bytes give text or a clear error, never a panic, within
//! the ingest limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use zonecompare::ingest;

fuzz_target!(|data: &[u8]| {
    let _ = ingest::ingest_bytes(Path::new("fuzz.html"), data);
});
