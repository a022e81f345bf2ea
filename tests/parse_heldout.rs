//! Held-out parse tests: documents in `tests/heldout/` that the parser was not written
//! against (other zones, other cities, other annotation styles) go through the same
//! pipeline and the same comparison as the golden tests. Each `tests/heldout/<stem>.txt`
//! has an expectation file `tests/heldout/<stem>.json` in the format described at the top
//! of `tests/parse_golden.rs`, written by reading the document and following the rules
//! G1–G17 there. The documents together use every convention of the parse contract:
//! all heading numbers, unnumbered headings, `实施…行动。` paragraphs, every annotation form,
//! shared prefixes, distributive unit names, every deadline form, every comparator word,
//! ranges, growth rates, shares, rankings, recurring and money targets, Chinese numerals
//! and the non-targets (specifications, policy parameters, category counts, statistics).

#[allow(dead_code)]
#[path = "parse_golden/actual.rs"]
mod actual;
#[path = "parse_golden/compare.rs"]
mod compare;
#[path = "parse_golden/expect.rs"]
mod expect;
#[path = "parse_golden/invariants.rs"]
mod invariants;

use std::path::PathBuf;

use zonecompare::catalog::Catalog;

fn heldout_dir() -> PathBuf {
    actual::root().join("tests/heldout")
}

/// Ingests and parses `tests/heldout/<stem>.txt` with the bundled catalog.
fn parse_heldout(stem: &str) -> actual::Parsed {
    let path = heldout_dir().join(format!("{stem}.txt"));
    let ingested = zonecompare::ingest::read_path(&path)
        .unwrap_or_else(|e| panic!("{stem}: ingest failed: {e}"));
    let doc = zonecompare::parse::parse_text(&ingested.text, Catalog::in_use());
    actual::Parsed {
        json: zonecompare::parse::json::to_json_value(&doc),
        text: ingested.text,
    }
}

/// Parses one held-out document and compares it with its expectation file.
fn check_heldout(stem: &str) {
    let exp = expect::load(&heldout_dir().join(format!("{stem}.json")));
    let parsed = parse_heldout(stem);
    let got = actual::typed(stem, &parsed.json);
    let diffs = compare::compare(&exp, &got);
    assert!(
        diffs.is_empty(),
        "{stem}: {} difference(s) from tests/heldout/{stem}.json:\n  {}",
        diffs.len(),
        diffs.join("\n  ")
    );
}

#[test]
fn heldout_suzhou_industrial_park_implementation_plan() {
    check_heldout("h1_suzhou_sip");
}

#[test]
fn heldout_hefei_high_tech_zone_opinions() {
    check_heldout("h2_hefei_htz");
}

#[test]
fn heldout_chengdu_high_tech_zone_action_plan() {
    check_heldout("h3_chengdu_htz");
}

#[test]
fn heldout_wuhan_east_lake_lead_and_support_units_plan() {
    check_heldout("h4_wuhan_optics_valley");
}

#[test]
fn heldout_qingdao_high_tech_zone_policy_articles() {
    check_heldout("h5_qingdao_htz_policy");
}

#[test]
fn heldout_changsha_measures_wrapped_over_lines() {
    check_heldout("h6_changsha_wrapped_measures");
}

#[test]
fn every_heldout_document_has_an_expectation_and_back() {
    let docs = actual::stems_in(&heldout_dir(), "txt");
    let exps = actual::stems_in(&heldout_dir(), "json");
    assert!(
        docs.len() >= 3,
        "tests/heldout holds fewer than 3 documents"
    );
    assert_eq!(
        docs, exps,
        "held-out documents and expectations must correspond"
    );
}

#[test]
fn invariants_hold_on_every_heldout_document() {
    let mut problems = Vec::new();
    for stem in actual::stems_in(&heldout_dir(), "txt") {
        let parsed = parse_heldout(&stem);
        let doc = actual::typed(&stem, &parsed.json);
        problems.extend(
            invariants::check(&parsed.text, &doc)
                .into_iter()
                .map(|p| format!("{stem}: {p}")),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
