//! `zonecompare parse FILE` on files that are not documents: a non-zero exit and exactly
//! one line on stderr naming the file, never a panic report.

use std::path::Path;
use std::process::Command;

fn parse_error(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("parse")
        .arg(&path)
        .env("ZONECOMPARE_DB", dir.join("unused.db"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !out.status.success(),
        "{name}: exit status {:?}",
        out.status
    );
    assert!(out.stdout.is_empty(), "{name}: wrote to stdout");
    assert_eq!(stderr.lines().count(), 1, "{name}: stderr is {stderr:?}");
    assert!(
        stderr.contains(name),
        "{name}: stderr does not name the file: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    stderr
}

#[test]
fn bad_files_give_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    assert!(parse_error(dir.path(), "image.txt", png).contains("PNG"));
    assert!(parse_error(dir.path(), "empty.txt", b"").contains("empty file"));
    let binary: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    assert!(parse_error(dir.path(), "data.bin", &binary).contains("not a text document"));
    assert!(parse_error(dir.path(), "broken.pdf", b"%PDF-1.4\n1 0 obj <<").contains("PDF"));
    assert!(parse_error(dir.path(), "broken.docx", b"PK\x03\x04\0\0").contains("docx"));
    let missing = dir.path().join("missing.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("parse")
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing.txt"));
}
