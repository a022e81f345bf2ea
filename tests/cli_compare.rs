//! `zonecompare compare` through the real binary on the bundled zones: common, shared and
//! only-here keys with their counts and items, in JSON, CSV and text.

mod common;

use common::cli;
use serde_json::Value;

fn compare(db: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["compare"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let out = cli(db, &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON rows")
}

fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {rows:#}"))
}

#[test]
fn compare_by_theme_marks_common_shared_and_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let zones = "zhongde,shenyang-htz,dalian,liangjiang";
    let rows = compare(&db, &["--zones", zones, "--by", "theme"]);
    let talent = row(&rows, "talent");
    assert_eq!(talent["presence"], "common");
    assert_eq!(talent["missing_in"], serde_json::json!([]));
    assert!(talent["only_in"].is_null());
    let n = talent["counts"]["zhongde"].as_u64().expect("count");
    assert!(n > 0);
    assert_eq!(
        talent["items"]["zhongde"].as_array().expect("items").len() as u64,
        n
    );
    let green = row(&rows, "green");
    assert_eq!(green["presence"], "shared");
    assert_eq!(
        green["missing_in"],
        serde_json::json!(["shenyang-htz", "liangjiang"])
    );
    // zone keys in the order given
    let text = String::from_utf8_lossy(
        &cli(&db, &["compare", "--zones", zones, "--format", "json"]).stdout,
    )
    .into_owned();
    assert!(text.find("\"zhongde\"") < text.find("\"shenyang-htz\""));

    let diffs = compare(&db, &["--zones", zones, "--differences-only"]);
    assert!(
        diffs
            .as_array()
            .expect("rows")
            .iter()
            .all(|r| r["presence"] != "common")
    );
    assert!(!diffs.as_array().unwrap().is_empty());
}

#[test]
fn compare_by_indicator_instrument_and_agency() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let rows = compare(&db, &["--zones", "zhongde,liangjiang", "--by", "indicator"]);
    let hte = row(&rows, "high_tech_enterprises");
    assert_eq!(hte["presence"], "common");
    assert_eq!(
        hte["items"]["zhongde"],
        serde_json::json!(["高新技术企业 >=120户 (2025)"])
    );
    let rows = compare(
        &db,
        &[
            "--zones",
            "zhongde,liangjiang",
            "--by",
            "instrument",
            "--lang",
            "en",
        ],
    );
    let tech = row(&rows, "tech_support");
    assert_eq!(tech["presence"], "only");
    assert_eq!(tech["only_in"], "zhongde");
    assert_eq!(tech["name"], "Technology support");
    let rows = compare(&db, &["--zones", "zhongde,dalian", "--by", "agency"]);
    let mgmt = row(&rows, "中德园管委会");
    assert_eq!(mgmt["only_in"], "zhongde");
    assert_eq!(mgmt["missing_in"], serde_json::json!(["dalian"]));

    let out = cli(
        &db,
        &[
            "compare",
            "--zones",
            "zhongde,dalian",
            "--by",
            "agency",
            "--format",
            "csv",
        ],
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.starts_with("key,name,presence,zhongde,dalian,only_in,missing_in\n"),
        "{csv}"
    );
    let out = cli(&db, &["compare", "--zones", "zhongde,dalian"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().next().expect("header").starts_with("key"),
        "{text}"
    );
}

#[test]
fn compare_refuses_one_zone_and_unknown_zones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let out = cli(&db, &["compare", "--zones", "zhongde"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least two zones"));
    let out = cli(&db, &["compare", "--zones", "zhongde,atlantis"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("atlantis") && !err.contains("panicked"),
        "{err}"
    );
}
