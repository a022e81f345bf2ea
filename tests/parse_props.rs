//! Property tests of the parser on hostile mixes of real document lines: shuffled,
//! truncated at random character boundaries, with full-width and half-width punctuation
//! swapped. `parse_text` never panics, and every measure and target span indexes the text
//! and covers exactly the measure text / target sentence.

use std::sync::OnceLock;

use proptest::prelude::*;
use zonecompare::catalog::Catalog;
use zonecompare::ingest::clean;
use zonecompare::model::{ParsedDocument, Span};
use zonecompare::parse;

/// Every non-empty line of the corpus documents.
fn corpus_lines() -> &'static [String] {
    static LINES: OnceLock<Vec<String>> = OnceLock::new();
    LINES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        names
            .iter()
            .flat_map(|p| {
                let text = std::fs::read_to_string(p).expect("corpus text");
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

/// Full-width punctuation and digits with their half-width counterparts.
const SWAPS: &[(char, char)] = &[
    ('，', ','),
    ('。', '.'),
    ('：', ':'),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
    ('％', '%'),
    ('！', '!'),
    ('？', '?'),
    ('－', '-'),
    ('～', '~'),
    ('１', '1'),
    ('２', '2'),
    ('０', '0'),
    ('５', '5'),
];

fn swap(c: char) -> char {
    SWAPS
        .iter()
        .find_map(|&(full, half)| {
            if c == full {
                Some(half)
            } else if c == half {
                Some(full)
            } else {
                None
            }
        })
        .unwrap_or(c)
}

/// One picked line: which line, where to cut it (fraction of its chars, 100 = whole) and
/// which of its characters to swap (bit `i % 64` of the mask).
fn piece() -> impl Strategy<Value = (usize, u8, u64)> {
    (
        any::<usize>(),
        prop_oneof![Just(100u8), 0u8..100],
        any::<u64>(),
    )
}

fn build(pieces: &[(usize, u8, u64)]) -> String {
    let lines = corpus_lines();
    let mut out = String::new();
    for &(pick, cut, mask) in pieces {
        let line = &lines[pick % lines.len()];
        let n = line.chars().count();
        let keep = n * usize::from(cut) / 100;
        let text: String = line
            .chars()
            .take(keep)
            .enumerate()
            .map(|(i, c)| {
                if mask >> (i % 64) & 1 == 1 {
                    swap(c)
                } else {
                    c
                }
            })
            .collect();
        out.push_str(&text);
        out.push('\n');
    }
    out
}

fn slice(chars: &[char], span: Span) -> Option<String> {
    let (start, end) = span;
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

fn check_spans(text: &str, doc: &ParsedDocument) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    for m in &doc.measures {
        let covered = slice(&chars, m.span);
        prop_assert!(
            covered.is_some(),
            "measure span {:?} of {}",
            m.span,
            chars.len()
        );
        prop_assert_eq!(covered.unwrap(), m.text.clone());
    }
    for t in &doc.targets {
        let covered = slice(&chars, t.span);
        prop_assert!(
            covered.is_some(),
            "target span {:?} of {}",
            t.span,
            chars.len()
        );
        prop_assert_eq!(covered.unwrap(), t.sentence.clone());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mixed_corpus_lines_parse_with_exact_spans(
        pieces in prop::collection::vec(piece(), 1..40)
    ) {
        let text = clean::clean(&build(&pieces));
        let doc = parse::parse_text(&text, Catalog::in_use());
        check_spans(&text, &doc)?;
    }

    #[test]
    fn uncleaned_mixes_parse_with_exact_spans(
        pieces in prop::collection::vec(piece(), 1..25)
    ) {
        let text = build(&pieces);
        let doc = parse::parse_text(&text, Catalog::in_use());
        check_spans(&text, &doc)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,400}") {
        let doc = parse::parse_text(&text, Catalog::in_use());
        check_spans(&text, &doc)?;
    }
}
