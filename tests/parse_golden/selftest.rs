//! Checks of the harness itself, independent of the parser: an output built to match an
//! expectation shows no difference, and each kind of error is found and reported where it is.

use serde_json::{Value, json};

use crate::{actual, compare, expect, golden_path, invariants, schema};

/// Contract JSON that satisfies `exp` exactly (texts and spans left empty).
fn matching_output(exp: &expect::DocExpect) -> Value {
    let measures: Vec<Value> = exp
        .measures
        .iter()
        .map(|m| {
            let units: Vec<Value> = m
                .units
                .iter()
                .map(|u| json!({"name": u.name, "canonical": u.canonical, "role": u.role}))
                .collect();
            json!({"number": m.number, "path": m.path, "title": m.title_starts, "text": "",
                   "span": [0, 0], "responsible_units": units,
                   "key_enterprises": m.key_enterprises, "themes": [], "instrument": null})
        })
        .collect();
    let targets: Vec<Value> = exp
        .targets
        .iter()
        .map(|t| {
            json!({"indicator": t.indicator_contains.clone().unwrap_or_default(),
                   "indicator_id": t.indicator_id.clone().flatten(), "value": t.value,
                   "value_max": t.value_max, "unit": t.unit, "comparator": t.comparator,
                   "year": t.year, "measure": t.measure, "sentence": t.sentence_contains,
                   "span": [0, 0]})
        })
        .collect();
    let statistics: Vec<Value> = exp
        .statistics
        .iter()
        .map(|s| {
            json!({"indicator": s.indicator_contains.clone().unwrap_or_default(),
                   "value": s.value, "unit": s.unit, "year": s.year,
                   "sentence": s.sentence_contains})
        })
        .collect();
    json!({
        "title": exp.title.clone().or_else(|| exp.title_contains.clone()),
        "issuer": exp.issuer, "doc_number": exp.doc_number, "date": exp.date,
        "period": exp.period.as_ref().map(|p| json!({"start": p.start, "end": p.end})),
        "measures": measures, "targets": targets, "statistics": statistics,
    })
}

fn load(stem: &str) -> expect::DocExpect {
    expect::load(&golden_path(stem))
}

#[test]
fn harness_finds_no_difference_in_output_matching_each_golden_file() {
    for stem in actual::corpus_stems() {
        let exp = load(&stem);
        let out = matching_output(&exp);
        let diffs = compare::compare(&exp, &actual::typed(&stem, &out));
        assert!(diffs.is_empty(), "{stem}: {}", diffs.join("\n"));
        let mut seen = schema::Seen::default();
        let problems = schema::check(&out, &mut seen);
        assert!(problems.is_empty(), "{stem}: {}", problems.join("\n"));
    }
}

#[test]
fn harness_reports_each_difference_where_it_is() {
    let stem = "002_d1df5a77a2452895";
    let exp = load(stem);
    let mut out = matching_output(&exp);
    // Measure 3 disappears: later measures and the targets they own must still pair.
    out["measures"].as_array_mut().unwrap().remove(3);
    for t in out["targets"].as_array_mut().unwrap() {
        if let Some(m) = t["measure"].as_u64().filter(|&m| m > 3) {
            t["measure"] = json!(m - 1);
        }
    }
    out["measures"][0]["responsible_units"][0]["role"] = json!("co");
    out["targets"][1]["year"] = json!(2025);
    out["targets"][7]["value"] = json!(244.0);
    out["statistics"].as_array_mut().unwrap().push(
        json!({"indicator": "x", "value": 1.0, "unit": "家", "year": null,
                     "sentence": "额外的句子"}),
    );
    let diffs = compare::compare(&exp, &actual::typed(stem, &out));
    let expected_fragments = [
        "measures count: expected 18, got 17",
        "measures[3] 三/(二)/4 积极培育科技型企业: missing from the output",
        "measures[0] 三/(一)/1 加快建设沈阳浑南科技城 responsible_units",
        "targets[1] 2200亿元 «工业总产值达到2200亿元以上» year: expected Some(2023), got Some(2025)",
        "targets[7] 120亿元 «设立120亿元的沈阳高新区发展基金» value: expected 120.0, got 244.0",
        "statistics count: expected 6, got 7",
        "unexpected statistic",
    ];
    for fragment in expected_fragments {
        assert!(
            diffs.iter().any(|d| d.contains(fragment)),
            "no report containing {fragment:?} in:\n{}",
            diffs.join("\n")
        );
    }
    assert_eq!(
        diffs.len(),
        expected_fragments.len(),
        "{}",
        diffs.join("\n")
    );
}

#[test]
fn invariants_catch_a_span_that_misses_its_text() {
    let text = "一、任务\n1.做好甲。到2025年达到5家。\n";
    let mut out = json!({
        "title": "t", "issuer": null, "doc_number": null, "date": "2021-06-15", "period": null,
        "measures": [{"number": "1", "path": ["一", "1"], "title": "做好甲",
                      "text": "1.做好甲。到2025年达到5家。", "span": [5, 22],
                      "responsible_units": [], "key_enterprises": [], "themes": [],
                      "instrument": null}],
        "targets": [{"indicator": "", "indicator_id": null, "value": 5.0, "value_max": null,
                     "unit": "家", "comparator": "=", "year": 2025, "measure": 0,
                     "sentence": "到2025年达到5家。", "span": [11, 22]}],
        "statistics": [],
    });
    let ok = invariants::check(text, &actual::typed("inline", &out));
    assert!(ok.is_empty(), "{}", ok.join("\n"));
    out["targets"][0]["span"] = json!([10, 22]);
    out["targets"][0]["year"] = json!(3025);
    let bad = invariants::check(text, &actual::typed("inline", &out));
    assert_eq!(bad.len(), 2, "{}", bad.join("\n"));
    assert!(
        bad[0].contains("targets[0] span [10, 22] covers"),
        "{}",
        bad[0]
    );
    assert!(bad[1].contains("year 3025"), "{}", bad[1]);
}

#[test]
fn schema_check_catches_a_renamed_field() {
    let exp = load("003_a6b1758811d1f864");
    let mut out = matching_output(&exp);
    let target = out["targets"][0].as_object_mut().unwrap();
    let year = target.remove("year").unwrap();
    target.insert("deadline".into(), year);
    let problems = schema::check(&out, &mut schema::Seen::default());
    assert_eq!(problems.len(), 1, "{}", problems.join("\n"));
    assert!(
        problems[0].contains(
            r#"targets[0]: missing fields ["year"], fields not in the schema ["deadline"]"#
        )
    );
}
