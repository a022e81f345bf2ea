//! Property tests: arbitrary bytes, with or without a format's magic number in front,
//! never panic `ingest_bytes`, whatever the file extension.

use std::path::Path;

use std::sync::OnceLock;

use proptest::prelude::*;
use zonecompare::ingest;

use super::fixtures::{self, PdfFont};

/// Well-formed documents of each binary format, to be damaged by the properties below.
fn samples() -> &'static [(&'static str, Vec<u8>)] {
    static SAMPLES: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let lines = ["一、发展目标", "到2025年,高新技术企业不少于120户。"];
        vec![
            ("d.docx", fixtures::docx(&lines)),
            (
                "n.docx",
                fixtures::numbered_docx(&[(3, 0, lines[0]), (3, 1, lines[1])]),
            ),
            ("p.pdf", fixtures::pdf(&lines, PdfFont::IdentityToUnicode)),
            ("g.pdf", fixtures::pdf(&lines, PdfFont::GbkEuc)),
            ("f.pdf", fixtures::pdf_in_form(&lines, PdfFont::UniGbUcs2)),
        ]
    })
}

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
    fn damaged_documents_never_panic(
        which in 0..5usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let (name, original) = &samples()[which];
        let mut bytes = original.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()).max(1));
        }
        if let Err(e) = ingest::ingest_bytes(Path::new(name), &bytes) {
            let msg = e.to_string();
            prop_assert!(msg.contains(name), "{}", msg);
            prop_assert!(!msg.contains('\n'), "{}", msg);
        }
    }

    #[test]
    fn arbitrary_text_is_cleaned_without_panic(s in "\\PC{0,400}(\n\\PC{0,80}){0,8}") {
        let cleaned = ingest::clean::clean(&s);
        prop_assert!(!cleaned.contains('\r'));
    }
}
