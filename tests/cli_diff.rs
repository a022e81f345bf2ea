//! `zonecompare diff` through the real binary: a bundled plan against an edited copy made
//! here (one target raised, one measure removed, one added, one deadline moved), as files
//! and as stored documents.

mod common;

use std::path::Path;

use common::{cli, corpus_path};
use serde_json::Value;

const PLAN: &str = "000_a2d155b297289045.txt";

/// The bundled Zhongde plan with exactly four edits.
fn edited_copy(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(corpus_path(PLAN)).expect("corpus");
    let replace_once = |text: &str, from: &str, to: &str| {
        assert_eq!(text.matches(from).count(), 1, "{from} occurs once");
        text.replacen(from, to, 1)
    };
    // raised: 120 → 150 high-tech enterprises
    let text = replace_once(&text, "高新技术企业不少于120户", "高新技术企业不少于150户");
    // moved: the transfer-rate goal is due a year earlier
    let text = replace_once(
        &text,
        "到2025年,科技成果本土转化率",
        "到2024年,科技成果本土转化率",
    );
    // removed: measure (三) 1, which has no targets
    let start = text.find("  1.立足国内大循环").expect("measure 1");
    let end = text.find("  2.融入国内外双循环").expect("measure 2");
    let text = format!("{}{}", &text[..start], &text[end..]);
    // added: a new last measure of section (三), without figures
    let text = replace_once(
        &text,
        "  (四)提升科技创新能力",
        "  6.建设中德国际人才社区。完善国际学校、国际医院和人才公寓等配套设施,\
         营造宜居宜业的国际化社区环境。(责任单位:市人力资源和社会保障局、中德园管委会)\n\n  (四)提升科技创新能力",
    );
    let path = dir.join("zhongde_final.txt");
    std::fs::write(&path, text).expect("write copy");
    path
}

fn diff_json(db: &Path, old: &str, new: &str) -> Value {
    let out = cli(db, &["diff", old, new, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("diff JSON")
}

fn len(v: &Value, path: &str) -> usize {
    v.pointer(path)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{path} is a list"))
        .len()
}

/// Exactly the four edits, nothing else.
fn assert_the_edits(d: &Value) {
    assert_eq!(len(d, "/measures/added"), 1, "{d:#}");
    assert_eq!(d["measures"]["added"][0]["title"], "建设中德国际人才社区");
    // the lead as the alias table names it
    assert_eq!(d["measures"]["added"][0]["lead"], "市人力资源社会保障局");
    assert_eq!(len(d, "/measures/removed"), 1);
    assert_eq!(
        d["measures"]["removed"][0]["title"],
        "立足国内大循环深化区域合作"
    );
    assert_eq!(
        len(d, "/measures/changed"),
        0,
        "{:#}",
        d["measures"]["changed"]
    );

    assert_eq!(len(d, "/targets/raised"), 1);
    let raised = &d["targets"]["raised"][0];
    assert_eq!(raised["old"]["indicator_id"], "high_tech_enterprises");
    assert_eq!(raised["old"]["value"], 120.0);
    assert_eq!(raised["new"]["value"], 150.0);
    assert_eq!(raised["change_pct"], 25.0);

    assert_eq!(len(d, "/targets/moved"), 1);
    let moved = &d["targets"]["moved"][0];
    assert_eq!(moved["old"]["indicator_id"], "tech_transfer_rate");
    assert_eq!(moved["old"]["year"], 2025);
    assert_eq!(moved["new"]["year"], 2024);

    for list in ["lowered", "added", "removed"] {
        assert_eq!(len(d, &format!("/targets/{list}")), 0, "{list}: {d:#}");
    }
    // the other nine targets of the plan are reported unchanged
    assert_eq!(len(d, "/targets/unchanged"), 9);
}

#[test]
fn diff_of_two_files_reports_exactly_the_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.sqlite");
    let new = edited_copy(dir.path());
    let old = corpus_path(PLAN);
    let d = diff_json(&db, old.to_str().unwrap(), new.to_str().unwrap());
    assert_the_edits(&d);
    assert!(!db.exists(), "two files are compared without a database");

    let out = cli(&db, &["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("measures: 1 added, 1 removed, 0 changed"),
        "{text}"
    );
    assert!(
        text.contains("targets: 1 raised, 0 lowered, 0 added, 0 removed, 1 moved, 9 unchanged"),
        "{text}"
    );
    assert!(text.contains(">=120户 (2025)") && text.contains(">=150户 (2025)"));
}

#[test]
fn diff_of_stored_documents_by_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let new = edited_copy(dir.path());
    let out = cli(&db, &["import", new.to_str().unwrap(), "--zone", "zhongde"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zones: Value = serde_json::from_slice(&cli(&db, &["zones", "--format", "json"]).stdout)
        .expect("zones JSON");
    let titles: Value = serde_json::from_slice(
        &cli(&db, &["targets", "--zone", "zhongde", "--format", "json"]).stdout,
    )
    .expect("targets JSON");
    // the bundled plan and its copy: the lowest and the highest Zhongde document ids
    // that hold targets
    let mut ids: Vec<i64> = titles
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|t| t["doc_id"].as_i64())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert!(ids.len() >= 2, "{zones}");
    let (old, new) = (ids[0].to_string(), ids[ids.len() - 1].to_string());
    let d = diff_json(&db, &old, &new);
    assert_the_edits(&d);
    assert!(
        d["old"]
            .as_str()
            .unwrap()
            .starts_with(&format!("document {old}"))
    );
}

#[test]
fn diff_names_a_missing_file_or_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("zc.sqlite");
    let old = corpus_path(PLAN);
    let out = cli(&db, &["diff", old.to_str().unwrap(), "no_such_plan.txt"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no_such_plan.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let out = cli(&db, &["diff", old.to_str().unwrap(), "999999"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("document 999999"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
