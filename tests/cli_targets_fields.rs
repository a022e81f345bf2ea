//! The fields `targets --format json` gained (responsibility, recurrence, ambition) and
//! `compare --by indicator`'s ambition ranking, through the real binary; the fields
//! `targets` had stay as they were.

mod common;

use common::cli;
use serde_json::Value;

fn targets(db: &std::path::Path, zone: &str) -> Vec<Value> {
    let out = cli(db, &["targets", "--zone", zone, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON rows")
}

#[test]
fn every_target_names_who_is_responsible_and_where_that_comes_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let zhongde = targets(&db, "zhongde");
    let before = [
        "id",
        "zone",
        "doc_id",
        "indicator",
        "indicator_id",
        "comparator",
        "value",
        "value_max",
        "unit",
        "year",
        "measure",
        "corrected",
        "sentence",
    ];
    for t in &zhongde {
        for key in before {
            assert!(t.get(key).is_some(), "{key} kept: {t}");
        }
        assert_eq!(t["owner_source"], "measure", "{t}");
        assert!(t["lead"].is_string());
    }
    let hte = zhongde
        .iter()
        .find(|t| t["indicator_id"] == "high_tech_enterprises")
        .expect("high-tech target");
    assert_eq!(hte["lead"], "市科技局");
    assert_eq!(
        hte["co_owners"],
        serde_json::json!(["市人力资源社会保障局"])
    );

    // Dalian's goals-section targets have no measure: the issuing office, marked so.
    let dalian = targets(&db, "dalian");
    let output = dalian
        .iter()
        .find(|t| t["indicator_id"] == "sei_output")
        .expect("Dalian SEI output");
    assert!(output["measure"].is_null());
    assert_eq!(output["owner_source"], "issuer");
    assert_eq!(output["lead"], "大连市人民政府办公厅");

    // Liangjiang's page reports the plan; nobody is named, and it says so.
    let liangjiang = targets(&db, "liangjiang");
    assert!(
        liangjiang
            .iter()
            .all(|t| t["owner_source"] == "none" && t["lead"].is_null())
    );
}

#[test]
fn recurring_targets_are_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let zhongde = targets(&db, "zhongde");
    let events: Vec<&Value> = zhongde
        .iter()
        .filter(|t| t["indicator_id"] == "events")
        .collect();
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|t| t["recurring"] == true));
    assert!(
        zhongde
            .iter()
            .filter(|t| t["indicator_id"] == "high_tech_enterprises")
            .all(|t| t["recurring"] == false)
    );
}

const PLAN_WITH_BASELINE: &str = "示范园区高质量发展规划(2021-2025年)\n\n一、发展基础\n\
2020年,园区共有高新技术企业200家,规模以上工业企业80家。\n\n二、发展目标\n\
到2025年,高新技术企业达到400家,规模以上工业企业达到120家。\n";

#[test]
fn ambition_uses_a_same_scope_baseline_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, PLAN_WITH_BASELINE).expect("write");
    let out = cli(
        &db,
        &["import", file.to_str().unwrap(), "--new-zone", "示范园区"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let slug =
        serde_json::from_slice::<Vec<Value>>(&cli(&db, &["zones", "--format", "json"]).stdout)
            .expect("zones")
            .iter()
            .filter_map(|z| z["slug"].as_str().map(str::to_string))
            .find(|s| !["zhongde", "shenyang-htz", "dalian", "liangjiang"].contains(&s.as_str()))
            .expect("new zone");
    let rows = targets(&db, &slug);
    let hte = rows
        .iter()
        .find(|t| t["indicator_id"] == "high_tech_enterprises")
        .expect("target");
    assert_eq!(hte["baseline_value"], 200);
    assert_eq!(hte["baseline_year"], 2020);
    assert_eq!(hte["baseline_scope"], "same_document");
    assert_eq!(hte["multiple"], 2.0);
    assert_eq!(hte["implied_annual_growth_pct"], 14.9);

    // Zhongde's 408 high-tech enterprises (2021) are the news profile of the wider
    // 沈阳经开区: shown as a baseline of another scope, no ambition computed from it.
    let zhongde = targets(&db, "zhongde");
    let hte = zhongde
        .iter()
        .find(|t| t["indicator_id"] == "high_tech_enterprises")
        .expect("target");
    assert_eq!(hte["baseline_value"], 408);
    assert_eq!(hte["baseline_scope"], "other_scope");
    assert!(hte["implied_annual_growth_pct"].is_null());
    assert!(hte["multiple"].is_null());

    // Ranking by ambition per indicator: only the zone with a same-scope baseline.
    let zones = format!("zhongde,{slug}");
    let out = cli(
        &db,
        &[
            "compare",
            "--zones",
            &zones,
            "--by",
            "indicator",
            "--format",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("rows");
    let row = rows
        .iter()
        .find(|r| r["key"] == "high_tech_enterprises")
        .expect("row");
    assert_eq!(
        row["ambition_rank"],
        serde_json::json!([{"zone": slug, "implied_annual_growth_pct": 14.9}])
    );
}
