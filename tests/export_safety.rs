//! Exports never leave half a file: an unwritable destination is one clear error line with
//! no temporary files left behind, and an existing output is replaced whole or untouched.

use std::path::Path;
use std::process::Output;

mod common;

use common::cli;

/// Every file name under `dir` (one level), sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_one_line_error(out: &Output, expected: &str) {
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(expected), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unwritable_destinations_are_one_line_and_leave_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zc.sqlite");
    assert!(cli(&db, &["zones"]).status.success());
    let a_file = dir.path().join("notes.txt");
    std::fs::write(&a_file, b"not a folder").unwrap();
    let before = listing(dir.path());
    let missing_dir = dir.path().join("missing/out.csv");
    let under_file = a_file.join("out.csv");
    let under_file_svg = a_file.join("chart.svg");
    let cases: [(Vec<&str>, &Path); 3] = [
        (vec!["export", "table", "targets", "--out"], &missing_dir),
        (vec!["export", "table", "measures", "--out"], &under_file),
        (vec!["export", "chart", "themes", "--out"], &under_file_svg),
    ];
    for (mut args, out_path) in cases {
        let shown = out_path.to_str().unwrap();
        args.push(shown);
        let out = cli(&db, &args);
        assert_one_line_error(&out, shown);
        assert!(!out_path.exists());
    }
    let briefing = dir.path().join("missing/b.html");
    let out = cli(
        &db,
        &[
            "export",
            "briefing",
            "--zones",
            "zhongde",
            "--out",
            briefing.to_str().unwrap(),
        ],
    );
    assert_one_line_error(&out, "does not exist");
    assert_eq!(
        listing(dir.path()),
        before,
        "temporary or partial files left"
    );
    assert_eq!(std::fs::read(&a_file).unwrap(), b"not a folder");
}

#[test]
fn existing_output_is_replaced_whole_or_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zc.sqlite");
    let out_csv = dir.path().join("targets.csv");
    std::fs::write(&out_csv, b"previous export").unwrap();
    let shown = out_csv.to_str().unwrap();

    // A failing export (unknown zone) leaves the earlier file as it was.
    let out = cli(
        &db,
        &[
            "export",
            "table",
            "targets",
            "--zones",
            "no-such-zone",
            "--out",
            shown,
        ],
    );
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&out_csv).unwrap(), b"previous export");

    // A successful one replaces it with a complete file.
    let out = cli(&db, &["export", "table", "targets", "--out", shown]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_csv).unwrap();
    assert!(!text.contains("previous export"));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let width = reader.headers().unwrap().len();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == width), "a row was cut short");

    let mut names = listing(dir.path());
    names.retain(|n| !n.starts_with("zc.sqlite"));
    assert_eq!(names, ["targets.csv"], "temporary files left");
}
