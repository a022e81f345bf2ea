//! Ingest tests: the bundled corpus in every encoding, boilerplate removal line by line,
//! and hostile or malformed files of every format (fixtures built at run time).

#[path = "ingest/corpus_expect.rs"]
mod corpus_expect;
#[path = "ingest/fixtures.rs"]
mod fixtures;
#[path = "ingest/formats.rs"]
mod formats;
#[path = "ingest/hostile_pdf.rs"]
mod hostile_pdf;
#[path = "ingest/props.rs"]
mod props;

use std::path::{Path, PathBuf};

use corpus_expect::CORPUS;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
use zonecompare::ingest::{self, Ingested};

fn corpus_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/corpus")
        .join(file)
}

fn ingest_file(file: &str) -> Ingested {
    ingest::read_path(&corpus_path(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn is_dropped(line: &str, drops: &[&str]) -> bool {
    drops.iter().any(|d| line.trim().starts_with(d))
}

/// A line with the spaces that set off figures in running text (`转化 5%`) removed: the one
/// change cleaning makes inside a body line of these documents.
fn without_figure_spaces(line: &str) -> String {
    let c: Vec<char> = line.chars().collect();
    let figure = |k: usize| c[k].is_ascii_digit() || c[k] == '%';
    let prose = line.contains(['，', '。', '；', '、']);
    (0..c.len())
        .filter(|&k| {
            let gap = prose
                && c[k] == ' '
                && k > 0
                && k + 1 < c.len()
                && (figure(k - 1) || figure(k + 1))
                && !c[k - 1].is_ascii_alphabetic()
                && !c[k + 1].is_ascii_alphabetic()
                && !c[k - 1].is_whitespace()
                && !c[k + 1].is_whitespace();
            !gap
        })
        .map(|k| c[k])
        .collect()
}

/// Every non-empty line of the original is either boilerplate (and gone) or kept verbatim
/// (but for the spaces around figures).
#[test]
fn corpus_keeps_every_body_line_and_drops_boilerplate() {
    for exp in CORPUS {
        let original = std::fs::read_to_string(corpus_path(exp.file)).unwrap();
        let got = ingest_file(exp.file);
        let lines: Vec<&str> = got.text.lines().collect();
        for line in original
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
        {
            let present =
                lines.contains(&line) || lines.contains(&without_figure_spaces(line).as_str());
            if is_dropped(line, exp.drop) {
                assert!(!present, "{}: boilerplate kept: {line}", exp.file);
            } else {
                assert!(present, "{}: body line lost: {line}", exp.file);
            }
        }
        for keep in exp.keep {
            assert!(got.text.contains(keep), "{}: missing {keep}", exp.file);
        }
        for drop in exp.drop {
            assert!(
                !lines.iter().any(|l| l.trim().starts_with(drop)),
                "{}: still has {drop}",
                exp.file
            );
        }
        assert_eq!(got.raw, original, "{}: raw text is the file", exp.file);
    }
}

fn encode(encoding: &'static Encoding, text: &str, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if encoding == UTF_16LE {
        if bom {
            out.extend_from_slice(b"\xff\xfe");
        }
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    } else if encoding == UTF_16BE {
        if bom {
            out.extend_from_slice(b"\xfe\xff");
        }
        out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    } else {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot encode the text", encoding.name());
        out.extend_from_slice(&bytes);
    }
    out
}

#[test]
fn every_encoding_of_the_corpus_gives_identical_text() {
    let dir = tempfile::tempdir().unwrap();
    for exp in CORPUS {
        let utf8 = ingest_file(exp.file);
        let original = std::fs::read_to_string(corpus_path(exp.file)).unwrap();
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend_from_slice(original.as_bytes());
        let copies = [
            ("utf8bom", with_bom),
            ("gb18030", encode(GB18030, &original, false)),
            ("utf16le", encode(UTF_16LE, &original, true)),
            ("utf16be", encode(UTF_16BE, &original, true)),
            ("utf16le-nobom", encode(UTF_16LE, &original, false)),
            ("utf16be-nobom", encode(UTF_16BE, &original, false)),
        ];
        for (name, bytes) in copies {
            let path = dir.path().join(format!("{name}-{}", exp.file));
            std::fs::write(&path, &bytes).unwrap();
            let got = ingest::read_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got.text, utf8.text, "{name} copy of {}", exp.file);
            assert_eq!(got.raw, utf8.raw, "{name} copy of {}", exp.file);
        }
    }
}

pub(crate) fn error_of(name: &str, bytes: &[u8]) -> String {
    match ingest::ingest_bytes(Path::new(name), bytes) {
        Ok(got) => panic!("{name} was accepted: {:?}", got.text),
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains(name), "error does not name the file: {msg}");
            assert!(!msg.contains('\n'), "error is not one line: {msg}");
            msg
        }
    }
}

#[test]
fn hostile_text_files_are_refused_clearly() {
    assert!(error_of("empty.txt", b"").contains("empty file"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    assert!(error_of("photo.txt", png).contains("PNG image"));
    assert!(error_of("jpeg.txt", b"\xff\xd8\xff\xe0\0\x10JFIF\0").contains("JPEG"));
    assert!(error_of("archive.txt", b"PK\x03\x04\x14\0\0\0").contains("ZIP"));
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    assert!(error_of("noise.txt", &noise).contains("not a text document"));
    assert!(error_of("blank.txt", b" \n\r\n\t ").contains("no text"));
    let big = vec![b'a'; 50 * 1024 * 1024 + 1];
    assert!(error_of("huge.txt", &big).contains("too large"));
}

#[test]
fn latin1_text_is_refused_not_misread() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e \u{e0} la fran\u{e7}aise, tr\u{e8}s r\u{e9}ussie.\n",
    );
    let msg = error_of("french.txt", &bytes);
    assert!(msg.contains("unsupported encoding"), "{msg}");
}

#[test]
fn a_text_file_without_line_breaks_is_read() {
    let sentence = "到2025年,高新技术企业不少于120户。";
    let text = sentence.repeat(20_000);
    let got = ingest::ingest_bytes(Path::new("one-line.txt"), text.as_bytes()).unwrap();
    assert_eq!(got.text.trim_end(), text);
}
