//! Property tests: arbitrary bytes, with or without a format's magic number in front,
//! never panic `ingest_bytes`, whatever the file extension.

use std::path::Path;

use proptest::prelude::*;
use zonecompare::ingest;

const NAMES: &[&str] = &["a.txt", "a.html", "a.docx", "a.pdf", "a.md", "a"];
const PREFIXES: &[&[u8]] = &[
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html><body><p>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(
        name in 0..NAMES.len(),
        prefix in 0..PREFIXES.len(),
        body in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut bytes = PREFIXES[prefix].to_vec();
        bytes.extend_from_slice(&body);
        let path = Path::new(NAMES[name]);
        if let Err(e) = ingest::ingest_bytes(path, &bytes) {
            let msg = e.to_string();
            prop_assert!(msg.contains(NAMES[name]), "{}", msg);
            prop_assert!(!msg.contains('\n'), "{}", msg);
        }
    }

    #[test]
    fn arbitrary_text_is_cleaned_without_panic(s in "\\PC{0,400}(\n\\PC{0,80}){0,8}") {
        let cleaned = ingest::clean::clean(&s);
        prop_assert!(!cleaned.contains('\r'));
    }
}
