//! The real binary on temp databases: data commands, formats, import lines and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use zonecompare::catalog::Catalog;
use zonecompare::{ingest, parse};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zonecompare"));
    c.env_remove("ZONECOMPARE_DB");
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("binary runs")
}

fn json(db: &Path, args: &[&str]) -> Vec<Value> {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    let out = run(db, &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON array")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/corpus")
        .join(name)
}

/// (file name, zone slug, parsed) for every bundled document.
fn parsed_corpus() -> Vec<(&'static str, String, zonecompare::model::ParsedDocument)> {
    let zones = zonecompare::store::bundled_zones().expect("zones");
    zonecompare::store::bundled_documents()
        .iter()
        .map(|(name, _)| {
            let zone = zones
                .iter()
                .find(|z| z.documents.iter().any(|d| d == name))
                .expect("document has a zone");
            let ing = ingest::read_path(&corpus(name)).expect("ingest");
            (
                *name,
                zone.slug.clone(),
                parse::parse_text(&ing.text, Catalog::in_use()),
            )
        })
        .collect()
}

#[test]
fn zones_lists_the_four_bundled_zones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let zones = json(&db, &["zones"]);
    let slugs: Vec<&str> = zones.iter().filter_map(|z| z["slug"].as_str()).collect();
    assert_eq!(slugs, ["zhongde", "shenyang-htz", "dalian", "liangjiang"]);
    assert_eq!(zones[0]["documents"], 2);
    let table = run(&db, &["zones"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.lines().next().is_some_and(|h| h.starts_with("slug")));
    assert_eq!(text.lines().count(), 5);
    let csv = run(&db, &["zones", "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("slug,name_zh,name_en,"));
}

#[test]
fn measures_and_targets_match_the_parsed_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let corpus = parsed_corpus();
    let zhongde = json(&db, &["measures", "--zone", "zhongde"]);
    let expected: usize = corpus
        .iter()
        .filter(|(_, z, _)| z == "zhongde")
        .map(|(_, _, p)| p.measures.len())
        .sum();
    assert_eq!(zhongde.len(), expected);
    assert!(zhongde.iter().all(|m| m["zone"] == "zhongde"));
    // Measures of both Zhongde documents, when the parser finds measures in both.
    let docs: std::collections::BTreeSet<i64> = zhongde
        .iter()
        .filter_map(|m| m["doc_id"].as_i64())
        .collect();
    let with_measures = corpus
        .iter()
        .filter(|(_, z, p)| z == "zhongde" && !p.measures.is_empty())
        .count();
    assert_eq!(docs.len(), with_measures);
    assert_eq!(
        docs.len(),
        2,
        "measures of both Zhongde documents (000 and 001)"
    );

    let found = json(&db, &["measures", "--search", "离岸创新中心"]);
    let expected = corpus
        .iter()
        .flat_map(|(_, _, p)| &p.measures)
        .filter(|m| m.text.contains("离岸创新中心") || m.title.contains("离岸创新中心"))
        .count();
    assert_eq!(found.len(), expected);
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| m["zone"] == "zhongde"));

    let targets = json(&db, &["targets"]);
    let expected: Vec<(String, String)> = corpus
        .iter()
        .flat_map(|(_, z, p)| p.targets.iter().map(|t| (z.clone(), t.sentence.clone())))
        .collect();
    let got: Vec<(String, String)> = targets
        .iter()
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap_or_default().to_string();
            (s("zone"), s("sentence"))
        })
        .collect();
    assert_eq!(got, expected, "every target of the corpus, with its zone");
    for slug in ["zhongde", "shenyang-htz", "dalian", "liangjiang"] {
        assert!(got.iter().any(|(z, _)| z == slug), "targets of {slug}");
    }
}

#[test]
fn import_reports_one_line_per_file_and_fails_when_one_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let text = std::fs::read_to_string(corpus("002_d1df5a77a2452895.txt")).expect("read");
    let good = dir.path().join("copy.txt");
    std::fs::write(&good, text + "\n补充说明。\n").expect("write");
    let out = run(
        &db,
        &[
            "import",
            good.to_str().expect("utf-8 path"),
            "--new-zone",
            "Test Park",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("zone test-park"), "{err}");
    assert!(err.contains("copy.txt: imported into test-park"), "{err}");
    let zones = json(&db, &["zones"]);
    assert_eq!(zones.len(), 5);
    assert_eq!(zones[4]["documents"], 1);

    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, [0x00u8, 0xff, 0xfe, 0x80]).expect("write");
    let out = run(
        &db,
        &[
            "import",
            good.to_str().expect("path"),
            junk.to_str().expect("path"),
            "--zone",
            "test-park",
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    // Not a terminal: no `[i/n]` progress, one line per file and the summary.
    assert!(lines[0].contains("copy.txt: already present"), "{err}");
    assert!(lines[1].contains("junk.pdf: refused: "), "{err}");
    assert_eq!(
        lines[2], "0 imported, 1 already present, 1 refused",
        "{err}"
    );
    assert_eq!(lines[3], "error: 1 of 2 files refused", "{err}");
    assert!(!err.contains("[1/2]"), "{err}");
    assert!(!err.contains("panicked"));
    assert_eq!(json(&db, &["zones"])[4]["documents"], 1);

    let out = run(
        &db,
        &["import", good.to_str().expect("path"), "--zone", "nowhere"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("unknown zone 'nowhere'"));
}

#[test]
fn targets_filter_and_actuals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let all = json(&db, &["targets"]);
    let years: std::collections::BTreeSet<i64> =
        all.iter().filter_map(|t| t["year"].as_i64()).collect();
    for year in years {
        let same = json(&db, &["targets", "--year", &year.to_string()]);
        let expected: Vec<&Value> = all.iter().filter(|t| t["year"] == year).collect();
        assert_eq!(same.iter().collect::<Vec<_>>(), expected, "--year {year}");
    }
    let zone = json(&db, &["targets", "--zone", "liangjiang"]);
    assert!(zone.iter().all(|t| t["zone"] == "liangjiang"));
    assert_eq!(
        zone.len(),
        all.iter().filter(|t| t["zone"] == "liangjiang").count()
    );
    let set = json(
        &db,
        &[
            "actual",
            "set",
            "dalian",
            "gdp",
            "2020",
            "7363.9",
            "--unit",
            "亿元",
            "--note",
            "统计公报",
        ],
    );
    assert_eq!(set.len(), 1);
    assert_eq!(set[0]["value"], 7363.9);
    assert_eq!(set[0]["unit"], "亿元");
    let out = run(&db, &["actual", "set", "nowhere", "gdp", "2020", "1"]);
    assert!(!out.status.success());
}

#[test]
fn database_path_comes_from_the_environment_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("env.sqlite");
    let out = bin()
        .env("ZONECOMPARE_DB", &db)
        .args(["zones", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists());
}

#[test]
fn a_broken_database_gives_one_line_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("broken.sqlite");
    std::fs::write(
        &db,
        b"this is not a database at all, just some text\n".repeat(50),
    )
    .expect("w");
    let out = run(&db, &["zones"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.sqlite") && err.contains("not a zonecompare database"),
        "{err}"
    );
}

#[test]
fn an_unknown_zone_filter_is_an_error_not_an_empty_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    for command in ["measures", "targets"] {
        for format in ["table", "json"] {
            let out = run(&db, &[command, "--zone", "dalain", "--format", format]);
            assert_eq!(out.status.code(), Some(1), "{command} --format {format}");
            assert!(out.stdout.is_empty(), "{command}: nothing listed");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("unknown zone 'dalain'"), "{err}");
        }
        // One known and one unknown slug is still an error.
        let out = run(&db, &[command, "--zone", "dalian,nowhere"]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("unknown zone 'nowhere'"));
        assert!(run(&db, &[command, "--zone", "dalian"]).status.success());
    }
}

#[test]
fn a_database_in_a_missing_folder_is_refused_not_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-folder");
    let db = missing.join("zc.sqlite");
    let out = run(&db, &["zones"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no-such-folder") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!missing.exists(), "the folder is not created");
    let out = bin()
        .env("ZONECOMPARE_DB", &db)
        .args(["measures"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(!missing.exists());
}

#[test]
fn import_takes_folders_recursively_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("2021/draft")).expect("mkdir");
    let text = std::fs::read_to_string(corpus("002_d1df5a77a2452895.txt")).expect("read");
    for (i, name) in ["a.txt", "2021/b.txt", "2021/draft/c.TXT"]
        .iter()
        .enumerate()
    {
        std::fs::write(docs.join(name), format!("{text}\n补充说明{i}。\n")).expect("write");
    }
    std::fs::write(docs.join("2021/readme.md"), "not a plan").expect("write");
    std::fs::write(docs.join("2021/draft/empty.txt"), "  \n").expect("write");
    let args = [
        "import",
        docs.to_str().expect("utf-8 path"),
        "--new-zone",
        "Folder Park",
    ];
    let out = run(&db, &args);
    assert!(!out.status.success(), "the empty file is refused");
    let err = stderr(&out);
    assert!(err.contains("empty.txt: refused: "), "{err}");
    assert!(
        err.contains("3 imported, 0 already present, 1 refused (1 file of other formats skipped)"),
        "{err}"
    );
    let zones = json(&db, &["zones"]);
    let park = zones
        .iter()
        .find(|z| z["slug"] == "folder-park")
        .expect("zone created");
    assert_eq!(park["documents"], 3);
    std::fs::remove_file(docs.join("2021/draft/empty.txt")).expect("rm");
    let out = run(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("0 imported, 3 already present, 0 refused (1 file of other formats skipped)"),
        "{err}"
    );
    let zones = json(&db, &["zones"]);
    let park = zones.iter().find(|z| z["slug"] == "folder-park");
    assert_eq!(park.expect("zone")["documents"], 3);
}

#[test]
fn help_names_the_window_and_lists_possible_values() {
    let help = |args: &[&str]| {
        let out = bin().args(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        help(&["--help"]).contains("Without a subcommand, zonecompare opens the desktop window")
    );
    let chart = help(&["export", "chart", "--help"]);
    for value in [
        "indicator",
        "timeline",
        "themes",
        "agencies",
        "instruments",
        "progress",
    ] {
        assert!(chart.contains(value), "{chart}");
    }
    assert!(
        chart.contains("zh: Chinese") && chart.contains("en: English"),
        "{chart}"
    );
    let table = help(&["export", "table", "--help"]);
    assert!(
        table.contains("measures:") && table.contains("compare:"),
        "{table}"
    );
    assert!(help(&["measures", "--help"]).contains("[possible values: table, csv, json]"));
    let out = bin()
        .args(["export", "table", "sheets", "--out", "x.csv"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[possible values: measures, targets, compare]"));
}

#[test]
fn parse_explain_tells_the_fate_and_rule_of_every_figure() {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus/002_d1df5a77a2452895.txt");
    let out = bin()
        .args(["parse", doc.to_str().unwrap(), "--explain"])
        .output()
        .expect("binary runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    // The staffing quota is named as such, the fund split as a ratio, the goals as targets.
    assert!(
        text.lines()
            .any(|l| l.starts_with("nothing") && l.contains("staffing-quota"))
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("nothing") && l.contains("formula-or-ratio"))
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("target") && l.contains("2000家"))
    );
    assert!(text.contains("figures:"), "{text}");
    let out = bin()
        .args([
            "parse",
            doc.to_str().unwrap(),
            "--explain",
            "--format",
            "json",
        ])
        .output()
        .expect("binary runs");
    let figures: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert!(
        figures
            .iter()
            .all(|f| f["rule"].is_string() && f["outcome"].is_string())
    );
    assert!(figures.iter().any(|f| f["outcome"] == "target"));
}
