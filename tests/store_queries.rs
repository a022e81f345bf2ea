//! Reading the store back: every filter, 1–2 and 3+ character search, corrections across
//! re-parses and resets, stale documents, actuals.

mod common;

use common::*;
use rusqlite::Connection;
use zonecompare::catalog::Catalog;
use zonecompare::model::*;
use zonecompare::parse;
use zonecompare::store::Store;
use zonecompare::store::rows::*;

#[test]
fn imported_extraction_reads_back_with_every_filter() {
    let (_dir, mut store) = fresh();
    let doc = sample_doc();
    let doc_id = with_sample(&mut store, &doc);
    let all = store.measures(&sample_filter()).expect("measures");
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].units, doc.measures[0].responsible_units);
    assert_eq!(all[0].themes, ["opening_up", "talent"]);
    assert_eq!((all[0].target_count, all[2].target_count), (1, 0));
    let count = |f: Filter| {
        store
            .measures(&Filter {
                zones: vec!["sample-park".into()],
                ..f
            })
            .expect("q")
            .len()
    };
    assert_eq!(
        count(Filter {
            theme: Some("talent".into()),
            ..filter()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            agency: Some("市人社局".into()),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            has_target: true,
            ..filter()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            year: Some(2025),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            indicator: Some("fund".into()),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            instrument: Some(Instrument::Supply),
            ..filter()
        }),
        2
    );
    // Search: through the trigram index (3+ characters) and by LIKE (1–2 characters).
    assert_eq!(
        count(Filter {
            search: Some("离岸创新中心".into()),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            search: Some("人才".into()),
            ..filter()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            search: Some("基".into()),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            search: Some("基金 120".into()),
            ..filter()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            search: Some("100%".into()),
            ..filter()
        }),
        0
    );
    assert_eq!(
        count(Filter {
            search: Some("火星".into()),
            ..filter()
        }),
        0
    );
    let targets = store
        .targets(&Filter {
            year: Some(2025),
            ..sample_filter()
        })
        .expect("targets");
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].target, doc.targets[0]);
    assert_eq!(
        targets[0].measure_title.as_deref(),
        Some("推进离岸创新中心建设")
    );
    let by_theme = store.targets(&Filter {
        theme: Some("finance".into()),
        ..sample_filter()
    });
    assert_eq!(by_theme.expect("targets")[0].target.unit, "亿元");
    // An indicator id matches exactly; other text matches the indicator as written.
    let by_indicator = |ind: &str| {
        let f = Filter {
            indicator: Some(ind.into()),
            ..sample_filter()
        };
        store.targets(&f).expect("targets").len()
    };
    assert_eq!(
        (
            by_indicator("fund"),
            by_indicator("fun"),
            by_indicator("基金")
        ),
        (1, 0, 1)
    );
    assert_eq!(by_indicator("人才"), 1);
    let stats = store.statistics(&sample_filter()).expect("statistics");
    assert_eq!((stats.len(), stats[0].value), (1, 408.0));
    let load = store.agency_load(&sample_filter()).expect("load");
    assert_eq!(load.len(), 4);
    let sci = load
        .iter()
        .find(|l| l.agency == "市科技局")
        .expect("市科技局");
    assert_eq!((sci.lead, sci.co), (1, 0));
    // Load over the measures a filter selects: by theme (no measure rows read), by
    // instrument and search (measure rows read), by agency.
    let agencies = |f: Filter| {
        let mut names: Vec<String> = store
            .agency_load(&Filter {
                zones: vec!["sample-park".into()],
                ..f
            })
            .expect("load")
            .into_iter()
            .map(|l| l.agency)
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        agencies(Filter {
            theme: Some("finance".into()),
            ..filter()
        }),
        ["市财政局"]
    );
    assert_eq!(
        agencies(Filter {
            instrument: Some(Instrument::Supply),
            search: Some("人才".into()),
            ..filter()
        }),
        ["市人社局", "市科技局"]
    );
    assert_eq!(
        agencies(Filter {
            search: Some("离岸创新中心".into()),
            ..filter()
        }),
        ["市人社局", "市科技局"]
    );
    assert_eq!(
        agencies(Filter {
            agency: Some("市人社局".into()),
            ..filter()
        }),
        ["市人社局"]
    );
    assert_eq!(
        agencies(Filter {
            has_target: true,
            year: Some(2025),
            ..filter()
        }),
        ["市人社局", "市科技局"]
    );
    let summary = store
        .zones()
        .expect("zones")
        .into_iter()
        .last()
        .expect("sample zone");
    assert_eq!(
        (
            summary.measure_count,
            summary.target_count,
            summary.agency_count
        ),
        (3, 2, 4)
    );
    assert_eq!(summary.top_themes[0], ("talent".to_string(), 2));
    let text = store.document(doc_id).expect("document");
    assert_eq!(text.text, SAMPLE);
    assert_eq!(text.outline, doc.outline);
}

#[test]
fn corrections_survive_reparse_and_reset_to_the_new_parse() {
    let (_dir, mut store) = fresh();
    let doc = sample_doc();
    with_sample(&mut store, &doc);
    let targets = store.targets(&sample_filter()).expect("targets");
    let fund = targets[1].id;
    let c = TargetCorrection {
        value: Some(150.0),
        year: Some(2023),
        ..Default::default()
    };
    store.correct_target(fund, &c).expect("correct");
    let m0 = store.measures(&sample_filter()).expect("measures")[0].id;
    let mc = MeasureCorrection {
        themes: Some(vec!["finance".into()]),
        units: Some(vec![unit("市商务局", Role::Lead)]),
    };
    store.correct_measure(m0, &mc).expect("correct measure");
    let fund_row = |s: &Store| {
        s.targets(&sample_filter())
            .expect("targets")
            .into_iter()
            .find(|t| t.target.indicator == "产业基金")
            .expect("fund target")
    };
    let row = fund_row(&store);
    assert!(row.corrected);
    assert_eq!((row.target.value, row.target.year), (150.0, Some(2023)));
    // Filters see corrected values.
    assert_eq!(
        store
            .targets(&Filter {
                year: Some(2023),
                ..sample_filter()
            })
            .expect("t")
            .len(),
        1
    );
    assert_eq!(
        store
            .measures(&Filter {
                agency: Some("市商务局".into()),
                ..sample_filter()
            })
            .expect("m")
            .len(),
        1
    );

    // A new parser finds one more target before it and reads the fund as 130.
    let mut reparsed = doc.clone();
    reparsed.targets[1].value = 130.0;
    reparsed.targets.insert(
        0,
        target(
            "设立120亿元产业基金。",
            "产业基金规模",
            "fund_size",
            1.0,
            "个",
            None,
            1,
        ),
    );
    reparsed.targets.swap(0, 2);
    let n = store
        .reparse_documents(false, &|text: &str| {
            if text == SAMPLE {
                reparsed.clone()
            } else {
                parse::parse_text(text, Catalog::in_use())
            }
        })
        .expect("reparse");
    assert!(n >= 6);
    let targets = store.targets(&sample_filter()).expect("targets");
    assert_eq!(targets.len(), 3);
    assert_eq!(targets.iter().filter(|t| t.corrected).count(), 1);
    let row = fund_row(&store);
    assert!(row.corrected);
    assert_eq!((row.target.value, row.target.year), (150.0, Some(2023)));
    let m = &store.measures(&sample_filter()).expect("measures")[0];
    assert!(m.corrected);
    assert_eq!(m.themes, ["finance"]);
    assert_eq!(m.units, [unit("市商务局", Role::Lead)]);
    // Reset goes back to what the latest parse said.
    store.reset_target(row.id).expect("reset");
    let row = fund_row(&store);
    assert!(!row.corrected);
    assert_eq!((row.target.value, row.target.year), (130.0, None));
    store.reset_measure(m.id).expect("reset measure");
    let m = &store.measures(&sample_filter()).expect("measures")[0];
    assert!(!m.corrected);
    assert_eq!(m.units, doc.measures[0].responsible_units);
}

#[test]
fn stale_documents_are_reparsed_by_the_current_parser() {
    let (dir, mut store) = fresh();
    assert_eq!(store.stale_documents().expect("stale"), 0);
    let before = store.measures(&filter()).expect("measures").len();
    {
        let conn = Connection::open(dir.path().join("zc.sqlite")).expect("open");
        conn.execute("UPDATE documents SET parser_version = '0.0.0+old'", [])
            .expect("age");
    }
    assert_eq!(store.stale_documents().expect("stale"), 5);
    assert_eq!(store.reparse_all().expect("reparse"), 5);
    assert_eq!(store.stale_documents().expect("stale"), 0);
    assert_eq!(store.reparse_all().expect("nothing to do"), 0);
    assert_eq!(store.measures(&filter()).expect("measures").len(), before);
}

#[test]
fn actuals_are_recorded_per_zone_indicator_and_year() {
    let (_dir, mut store) = fresh();
    let row = |value: f64, year: i32| ActualRow {
        id: 0,
        zone_slug: "zhongde".into(),
        indicator_id: "high_tech_enterprises".into(),
        year,
        value,
        unit: "户".into(),
        note: "统计公报".into(),
    };
    store.set_actual(&row(95.0, 2023)).expect("set");
    store.set_actual(&row(110.0, 2023)).expect("replace");
    store.set_actual(&row(120.0, 2024)).expect("set");
    let all = store.actuals(&filter()).expect("actuals");
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].year, all[0].value), (2023, 110.0));
    let y = store
        .actuals(&Filter {
            year: Some(2024),
            ..filter()
        })
        .expect("actuals");
    assert_eq!(y.len(), 1);
    let other = store
        .actuals(&Filter {
            zones: vec!["dalian".into()],
            ..filter()
        })
        .expect("a");
    assert!(other.is_empty());
    let bad = ActualRow {
        zone_slug: "nowhere".into(),
        ..row(1.0, 2020)
    };
    assert!(store.set_actual(&bad).is_err());
}

/// The per-zone counts kept by triggers agree with a recount from the rows.
fn assert_counts_match(store: &Store) {
    let counted = store.agency_load(&filter()).expect("counted load");
    // A blank search is no condition but takes the path that reads every unit row.
    let scanned = store
        .agency_load(&Filter {
            search: Some(" ".into()),
            ..filter()
        })
        .expect("scanned load");
    let key = |rows: &[AgencyLoadRow]| {
        let mut v: Vec<(String, String, usize, usize)> = rows
            .iter()
            .map(|r| (r.zone_slug.clone(), r.agency.clone(), r.lead, r.co))
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&counted), key(&scanned));
    let mut recount: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for m in store.measures(&filter()).expect("measures") {
        for t in m.themes {
            *recount.entry((m.zone_slug.clone(), t)).or_default() += 1;
        }
    }
    let mut summary = std::collections::BTreeMap::new();
    for z in store.zones().expect("zones") {
        for (t, n) in z.top_themes {
            summary.insert((z.zone.slug.clone(), t), n);
        }
    }
    assert_eq!(summary, recount);
    assert_summary_counts_match(store, &counted);
}

/// Zone cards (per-document counts, per-zone agency totals) and filter lists agree with
/// the rows they summarise.
fn assert_summary_counts_match(store: &Store, load: &[AgencyLoadRow]) {
    use std::collections::BTreeSet;
    let measures = store.measures(&filter()).expect("measures");
    let targets = store.targets(&filter()).expect("targets");
    for z in store.zones().expect("zones") {
        let slug = &z.zone.slug;
        let m = measures.iter().filter(|m| &m.zone_slug == slug).count();
        let t = targets.iter().filter(|t| &t.zone_slug == slug).count();
        let a: BTreeSet<&str> = load
            .iter()
            .filter(|r| &r.zone_slug == slug && r.lead + r.co > 0)
            .map(|r| r.agency.as_str())
            .collect();
        assert_eq!(
            (z.measure_count, z.target_count, z.agency_count),
            (m, t, a.len()),
            "{slug}"
        );
    }
    let facets = store.facets().expect("facets");
    let agencies: BTreeSet<String> = load.iter().map(|r| r.agency.clone()).collect();
    let years: BTreeSet<i32> = targets.iter().filter_map(|t| t.target.year).collect();
    let indicators: BTreeSet<String> = targets
        .iter()
        .filter_map(|t| t.target.indicator_id.clone())
        .collect();
    assert_eq!(facets.agencies, agencies.into_iter().collect::<Vec<_>>());
    assert_eq!(facets.years, years.into_iter().collect::<Vec<_>>());
    assert_eq!(
        facets.indicators,
        indicators.into_iter().collect::<Vec<_>>()
    );
    assert!(!facets.years.is_empty() && !facets.indicators.is_empty());
}

#[test]
fn zone_counts_stay_right_through_corrections_and_reparse() {
    let (_dir, mut store) = fresh();
    assert_counts_match(&store);
    let doc = sample_doc();
    with_sample(&mut store, &doc);
    assert_counts_match(&store);
    let m0 = store.measures(&sample_filter()).expect("measures")[0].id;
    let mc = MeasureCorrection {
        themes: Some(vec!["finance".into(), "green".into()]),
        units: Some(vec![
            unit("市商务局", Role::Lead),
            unit("市科技局", Role::Co),
        ]),
    };
    store.correct_measure(m0, &mc).expect("correct");
    assert_counts_match(&store);
    let n = store
        .reparse_documents(false, &|text: &str| {
            if text == SAMPLE {
                doc.clone()
            } else {
                parse::parse_text(text, Catalog::in_use())
            }
        })
        .expect("reparse");
    assert!(n >= 6);
    assert_counts_match(&store);
    let m0 = store.measures(&sample_filter()).expect("measures")[0].id;
    store.reset_measure(m0).expect("reset");
    assert_counts_match(&store);
}

/// The Overview reads brief summaries of every zone and the details of the zones it shows;
/// together they are what `Store::zones` returns.
#[test]
fn zone_briefs_and_details_add_up_to_the_full_summaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("z.sqlite")).expect("open");
    let full = store.zones().expect("zones");
    let briefs = store.zone_briefs().expect("briefs");
    assert_eq!(briefs.len(), full.len());
    for (b, f) in briefs.iter().zip(&full) {
        assert_eq!(b.zone.slug, f.zone.slug);
        assert!(b.documents.is_empty() && b.top_themes.is_empty());
        assert_eq!(b.document_count, f.documents.len());
        assert_eq!(f.document_count, f.documents.len());
        assert_eq!(
            (b.measure_count, b.target_count, b.agency_count),
            (f.measure_count, f.target_count, f.agency_count)
        );
    }
    let wanted = vec![
        full[2].zone.slug.clone(),
        "no-such-zone".to_string(),
        full[0].zone.slug.clone(),
    ];
    let details = store.zone_details(&wanted).expect("details");
    assert_eq!(details.len(), 2, "unknown slugs are skipped");
    for (d, f) in details.iter().zip([&full[0], &full[2]]) {
        assert_eq!(d.zone.slug, f.zone.slug, "creation order");
        assert_eq!(d.top_themes, f.top_themes);
        let ids = |z: &ZoneSummary| z.documents.iter().map(|d| d.id).collect::<Vec<_>>();
        assert_eq!(ids(d), ids(f));
        assert_eq!(d.measure_count, f.measure_count);
        assert_eq!(d.zone.documents, f.zone.documents);
    }
    assert!(store.zone_details(&[]).expect("none").is_empty());
    let titles = store.document_titles().expect("titles");
    let docs: Vec<&DocumentInfo> = full.iter().flat_map(|z| &z.documents).collect();
    assert_eq!(titles.len(), docs.len());
    for t in &titles {
        let d = docs.iter().find(|d| d.id == t.id).expect("known document");
        assert_eq!((&t.zone_slug, &t.title), (&d.zone_slug, &d.title));
    }
}

#[test]
fn a_corrected_target_year_can_be_cleared_and_reset() {
    let (_dir, mut store) = fresh();
    let doc = sample_doc();
    with_sample(&mut store, &doc);
    let with_year = store
        .targets(&sample_filter())
        .expect("targets")
        .into_iter()
        .find(|t| t.target.year.is_some())
        .expect("a target with a year");
    let c = TargetCorrection {
        clear_year: true,
        ..Default::default()
    };
    store.correct_target(with_year.id, &c).expect("correct");
    let row = |s: &Store| {
        s.targets(&sample_filter())
            .expect("targets")
            .into_iter()
            .find(|t| t.id == with_year.id)
            .expect("row")
    };
    let now = row(&store);
    assert!(now.corrected);
    assert_eq!(now.target.year, None);
    assert_eq!(now.target.value, with_year.target.value, "the rest is kept");
    store.reset_target(with_year.id).expect("reset");
    assert_eq!(row(&store).target.year, with_year.target.year);
}
