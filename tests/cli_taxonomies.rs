//! Edited taxonomies without recompiling: files in `ZONECOMPARE_TAXONOMIES` replace the
//! bundled ones for `parse` and for a database, whose documents are re-tagged.

use std::path::Path;
use std::process::{Command, Output};

const DOC: &str = "data/corpus/000_a2d155b297289045.txt";

const THEMES: &str = r#"
[[theme]]
id = "offshore_innovation"
zh = "离岸创新"
en = "Offshore innovation"
keywords = ["离岸创新中心"]
"#;

fn run(taxonomies: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .args(args)
        .env("ZONECOMPARE_TAXONOMIES", taxonomies)
        .env_remove("ZONECOMPARE_DB")
        .output()
        .unwrap()
}

fn themes_of(out: &Output) -> Vec<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut themes: Vec<String> = doc["measures"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["themes"].as_array().unwrap().clone())
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    themes.sort();
    themes.dedup();
    themes
}

#[test]
fn an_edited_themes_file_retags_parse_output() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = themes_of(&run(dir.path(), &["parse", DOC, "--format", "json"]));
    assert!(bundled.contains(&"talent".to_string()), "{bundled:?}");

    std::fs::write(dir.path().join("themes.toml"), THEMES).unwrap();
    let edited = themes_of(&run(dir.path(), &["parse", DOC, "--format", "json"]));
    assert_eq!(edited, vec!["offshore_innovation".to_string()]);
}

#[test]
fn a_database_is_retagged_when_the_taxonomies_change() {
    let dir = tempfile::tempdir().unwrap();
    let tax = dir.path().join("taxonomies");
    std::fs::create_dir(&tax).unwrap();
    let db = dir.path().join("z.sqlite");
    let db = db.to_str().unwrap();
    let args = [
        "--db",
        db,
        "measures",
        "--theme",
        "offshore_innovation",
        "--format",
        "json",
    ];
    let out = run(&tax, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let none: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);

    std::fs::write(tax.join("themes.toml"), THEMES).unwrap();
    let out = run(&tax, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["title"].as_str())
        .collect();
    assert!(!titles.is_empty());
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m.to_string().contains("离岸创新中心")),
        "{titles:?}"
    );
}

#[test]
fn a_broken_taxonomy_file_warns_and_keeps_the_bundled_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("themes.toml"), "[[theme]\nid=").unwrap();
    let out = run(dir.path(), &["parse", DOC, "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("themes.toml") && stderr.contains("bundled"),
        "{stderr}"
    );
    assert!(themes_of(&out).contains(&"talent".to_string()));
}
