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

/// A name with a line break and an escape sequence was printed raw: the line split in two
/// and the terminal obeyed the sequence.
#[cfg(unix)]
#[test]
fn file_names_are_shown_with_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\n\u{1b}[31mname.txt";
    let path = dir.path().join(name);
    std::fs::write(&path, b"").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("parse")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("bad\\n\\u{1b}[31mname.txt"), "{stderr:?}");
}

/// A named pipe called `*.txt` blocked `parse` forever.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("parse")
        .arg(&fifo)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("parse still blocked on the pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

/// A UTF-8 download cut inside its last character was refused as "unsupported encoding
/// (looks like windows-1252)".
#[test]
fn utf8_cut_inside_a_character_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "一、发展目标\n到2025年,高新技术企业不少于120户。\n".repeat(5);
    let bytes = text.as_bytes();
    let path = dir.path().join("cut.txt");
    std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap(); // inside "。"
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .args(["parse", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("cut.txt") && stderr.contains("middle of a character"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("高新技术企业"));
}
