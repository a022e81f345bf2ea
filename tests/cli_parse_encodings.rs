//! `zonecompare parse FILE --format json` prints the same JSON for a bundled document
//! whatever encoding the file is saved in (UTF-8 with or without BOM, GB18030, UTF-16).

use std::path::Path;
use std::process::Command;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

fn parse_json(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .args(["parse", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {stderr}", path.display());
    String::from_utf8(out.stdout).expect("JSON output is UTF-8")
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let little = encoding == UTF_16LE;
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            let pair = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    } else {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "{} cannot encode the document",
            encoding.name()
        );
        bytes.into_owned()
    }
}

#[test]
fn every_encoding_of_a_bundled_document_gives_identical_json() {
    let dir = tempfile::tempdir().unwrap();
    for stem in [
        "000_a2d155b297289045",
        "002_d1df5a77a2452895",
        "003_a6b1758811d1f864",
    ] {
        let original = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/corpus")
            .join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&original).unwrap();
        let expected = parse_json(&original);
        assert!(expected.contains("\"measures\""), "{stem}: {expected}");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let copies = [
            ("utf8-bom", bom),
            ("gb18030", encode(GB18030, &text)),
            ("utf16le", encode(UTF_16LE, &text)),
            ("utf16be", encode(UTF_16BE, &text)),
        ];
        for (label, bytes) in copies {
            let path = dir.path().join(format!("{stem}-{label}.txt"));
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(parse_json(&path), expected, "{stem} saved as {label}");
        }
    }
}
