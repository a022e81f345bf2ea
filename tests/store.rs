//! The store on temp databases: seeding matches the parser, imports are whole or nothing,
//! re-imports are no-ops, search (3+ and 1–2 characters), filters, corrections across
//! re-parses, actuals.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zonecompare::catalog::Catalog;
use zonecompare::model::*;
use zonecompare::store::rows::*;
use zonecompare::store::{NewDocument, Store};
use zonecompare::{ingest, parse};

fn corpus_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/corpus")
        .join(name)
}

fn parsed_corpus(name: &str) -> ParsedDocument {
    let ing = ingest::read_path(&corpus_path(name)).expect("corpus ingests");
    parse::parse_text(&ing.text, Catalog::bundled())
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("zc.sqlite")).expect("open");
    (dir, store)
}

fn filter() -> Filter {
    Filter::default()
}

/// Every row of every table, as text: equal dumps = equal database content.
fn dump(path: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    tables
        .into_iter()
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .expect("select");
            let n = stmt.column_count();
            let rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells = (0..n)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    Ok(cells.join("|"))
                })
                .and_then(|rows| rows.collect())
                .expect("rows");
            (t, rows)
        })
        .collect()
}

#[test]
fn seeded_database_holds_what_the_parser_extracts() {
    let (_dir, store) = fresh();
    let zones = store.zones().expect("zones");
    let slugs: Vec<&str> = zones.iter().map(|z| z.zone.slug.as_str()).collect();
    assert_eq!(slugs, ["zhongde", "shenyang-htz", "dalian", "liangjiang"]);
    let measures = store.measures(&filter()).expect("measures");
    let targets = store.targets(&filter()).expect("targets");
    let stats = store.statistics(&filter()).expect("statistics");
    for summary in &zones {
        for doc in &summary.documents {
            let parsed = parsed_corpus(&doc.source_name);
            assert_eq!(doc.title, parsed.title);
            assert_eq!(doc.period, parsed.period);
            let ms: Vec<&MeasureRow> = measures.iter().filter(|m| m.doc_id == doc.id).collect();
            assert_eq!(ms.len(), parsed.measures.len(), "{}", doc.source_name);
            for (row, m) in ms.iter().zip(&parsed.measures) {
                assert_eq!(row.zone_slug, summary.zone.slug);
                assert_eq!(
                    (&row.number, &row.path, &row.title),
                    (&m.number, &m.path, &m.title)
                );
                assert_eq!((&row.text, row.span), (&m.text, m.span));
                assert_eq!(row.units, m.responsible_units);
                assert_eq!(row.key_enterprises, m.key_enterprises);
                assert_eq!(row.themes, m.themes);
                assert_eq!(row.instrument, m.instrument);
                assert!(!row.corrected);
            }
            let ts: Vec<&TargetRow> = targets.iter().filter(|t| t.doc_id == doc.id).collect();
            assert_eq!(ts.len(), parsed.targets.len(), "{}", doc.source_name);
            for (row, t) in ts.iter().zip(&parsed.targets) {
                assert_eq!(
                    row.zone_slug, summary.zone.slug,
                    "every target has its zone"
                );
                assert_eq!(&row.target, t);
            }
            let ss = stats.iter().filter(|s| s.doc_id == doc.id).count();
            assert_eq!(ss, parsed.statistics.len());
            let text = store.document(doc.id).expect("document");
            assert_eq!(text.outline, parsed.outline);
        }
    }
    let zhongde = &zones[0];
    let names: Vec<&str> = zhongde
        .documents
        .iter()
        .map(|d| d.source_name.as_str())
        .collect();
    assert_eq!(
        names,
        ["000_a2d155b297289045.txt", "001_23ee345ab719336e.txt"]
    );
}

#[test]
fn zhongde_measures_and_search_follow_the_parser() {
    let (_dir, store) = fresh();
    let zhongde = Filter {
        zones: vec!["zhongde".into()],
        ..filter()
    };
    let rows = store.measures(&zhongde).expect("measures");
    for name in ["000_a2d155b297289045.txt", "001_23ee345ab719336e.txt"] {
        let expected = parsed_corpus(name).measures.len();
        let doc_id = store.zones().expect("zones")[0]
            .documents
            .iter()
            .find(|d| d.source_name == name)
            .map(|d| d.id)
            .expect("zhongde document");
        assert_eq!(
            rows.iter().filter(|m| m.doc_id == doc_id).count(),
            expected,
            "{name}"
        );
    }
    // The phrase occurs in both Zhongde documents and nowhere else.
    let search = Filter {
        search: Some("离岸创新中心".into()),
        ..filter()
    };
    let found = store.measures(&search).expect("search");
    let expected: usize = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| {
            let name = zonecompare::store::bundled_documents()
                .iter()
                .find(|(n, _)| n.starts_with(p))
                .map(|(n, _)| *n)
                .expect("bundled");
            parsed_corpus(name)
                .measures
                .iter()
                .filter(|m| m.title.contains("离岸创新中心") || m.text.contains("离岸创新中心"))
                .count()
        })
        .sum();
    assert_eq!(found.len(), expected);
    assert!(
        !found.is_empty(),
        "the Zhongde offshore-innovation-centre measures"
    );
    assert!(found.iter().all(|m| m.zone_slug == "zhongde"));
    let docs: std::collections::BTreeSet<i64> = rows.iter().map(|m| m.doc_id).collect();
    assert_eq!(docs.len(), 2, "measures of both Zhongde documents");
}

/// Character span of the first `needle` in `text`.
fn span_of(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

const SAMPLE: &str = "示范园区建设方案\n一、重点任务\n\
1.推进离岸创新中心建设。到2025年,引进人才不少于500名。(责任单位:市科技局、市人社局)\n\
2.设立产业基金。设立120亿元产业基金。(责任单位:市财政局)\n\
3.加快人才公寓建设。(责任单位:区住建局)\n\
现有高新技术企业408家。\n";

fn unit(name: &str, role: Role) -> ResponsibleUnit {
    ResponsibleUnit {
        name: name.into(),
        canonical: name.into(),
        role,
    }
}

fn measure(
    line_start: &str,
    number: &str,
    title: &str,
    units: Vec<ResponsibleUnit>,
    themes: &[&str],
) -> Measure {
    let line = SAMPLE
        .lines()
        .find(|l| l.starts_with(line_start))
        .expect("line");
    Measure {
        number: Some(number.into()),
        path: vec!["一".into(), number.into()],
        title: title.into(),
        text: line.into(),
        span: span_of(SAMPLE, line),
        responsible_units: units,
        key_enterprises: Vec::new(),
        themes: themes.iter().map(|t| t.to_string()).collect(),
        instrument: Some(Instrument::Supply),
        instrument_subtype: None,
    }
}

fn target(
    sentence: &str,
    indicator: &str,
    id: &str,
    value: f64,
    unit: &str,
    year: Option<i32>,
    m: usize,
) -> Target {
    Target {
        indicator: indicator.into(),
        indicator_id: Some(id.into()),
        value,
        value_max: None,
        unit: unit.into(),
        comparator: Comparator::Ge,
        year,
        measure: Some(m),
        sentence: sentence.into(),
        span: span_of(SAMPLE, sentence),
    }
}

fn sample_doc() -> ParsedDocument {
    let mut third = measure(
        "3.",
        "3",
        "加快人才公寓建设",
        vec![unit("区住建局", Role::Lead)],
        &["talent"],
    );
    third.instrument = None;
    ParsedDocument {
        title: "示范园区建设方案".into(),
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        outline: vec![Section {
            number: Some("一".into()),
            title: "重点任务".into(),
            level: 1,
            parent: None,
            span: span_of(SAMPLE, "一、重点任务"),
        }],
        measures: vec![
            measure(
                "1.",
                "1",
                "推进离岸创新中心建设",
                vec![unit("市科技局", Role::Lead), unit("市人社局", Role::Co)],
                &["opening_up", "talent"],
            ),
            measure(
                "2.",
                "2",
                "设立产业基金",
                vec![unit("市财政局", Role::Lead)],
                &["finance"],
            ),
            third,
        ],
        targets: vec![
            target(
                "到2025年,引进人才不少于500名。",
                "引进人才",
                "talent",
                500.0,
                "名",
                Some(2025),
                0,
            ),
            target(
                "设立120亿元产业基金。",
                "产业基金",
                "fund",
                120.0,
                "亿元",
                None,
                1,
            ),
        ],
        statistics: vec![Statistic {
            indicator: "高新技术企业".into(),
            indicator_id: Some("high_tech_enterprises".into()),
            value: 408.0,
            unit: "家".into(),
            year: Some(2021),
            sentence: "现有高新技术企业408家。".into(),
            span: span_of(SAMPLE, "现有高新技术企业408家。"),
        }],
        ..ParsedDocument::default()
    }
}

/// A store with the sample document imported into a new zone `sample`; returns its id.
fn with_sample(store: &mut Store, doc: &ParsedDocument) -> i64 {
    let zone = store.zone_for_name("Sample Park").expect("zone");
    assert_eq!(zone.slug, "sample-park");
    let outcome = store
        .import_parsed(&NewDocument {
            zone_slug: &zone.slug,
            source_name: "sample.txt",
            source_path: None,
            bytes: SAMPLE.as_bytes(),
            raw: SAMPLE,
            clean: SAMPLE,
            parsed: doc,
        })
        .expect("import");
    match outcome {
        ImportOutcome::Imported {
            doc_id,
            measures,
            targets,
        } => {
            assert_eq!((measures, targets), (3, 2));
            doc_id
        }
        other => panic!("expected a new document, got {other:?}"),
    }
}

fn sample_filter() -> Filter {
    Filter {
        zones: vec!["sample-park".into()],
        ..filter()
    }
}

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
    let stats = store.statistics(&sample_filter()).expect("statistics");
    assert_eq!((stats.len(), stats[0].value), (1, 408.0));
    let load = store.agency_load(&sample_filter()).expect("load");
    assert_eq!(load.len(), 4);
    let sci = load
        .iter()
        .find(|l| l.agency == "市科技局")
        .expect("市科技局");
    assert_eq!((sci.lead, sci.co), (1, 0));
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
fn a_failing_import_leaves_the_database_unchanged() {
    let (dir, mut store) = fresh();
    let path = dir.path().join("zc.sqlite");
    let before = dump(&path);
    // Fails in the middle of the transaction: the document row is written first.
    let mut broken = sample_doc();
    broken.targets[1].measure = Some(7);
    let r = store.import_parsed(&NewDocument {
        zone_slug: "zhongde",
        source_name: "broken.txt",
        source_path: None,
        bytes: b"broken",
        raw: SAMPLE,
        clean: SAMPLE,
        parsed: &broken,
    });
    let message = r.expect_err("inconsistent document refused").to_string();
    assert!(message.starts_with("broken.txt: not stored"), "{message}");
    // Fails while reading: not a PDF.
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, [0xffu8, 0x00, 0xfe, 0x13, 0x80, 0x81]).expect("write");
    let message = store
        .import_file(&junk, "zhongde")
        .expect_err("junk refused")
        .to_string();
    assert!(message.contains("junk.pdf"), "{message}");
    // Unknown zone.
    assert!(
        store
            .import_file(&corpus_path("000_a2d155b297289045.txt"), "nowhere")
            .is_err()
    );
    drop(store);
    assert_eq!(dump(&path), before);
}

#[test]
fn reimport_is_recognised_and_gbk_text_imports_like_utf8() {
    let (dir, mut store) = fresh();
    let bundled = corpus_path("000_a2d155b297289045.txt");
    let again = store.import_file(&bundled, "zhongde").expect("import");
    assert!(
        matches!(again, ImportOutcome::AlreadyPresent { .. }),
        "{again:?}"
    );
    // A new UTF-8 text: imported once, then recognised.
    let text = std::fs::read_to_string(&bundled).expect("read") + "\n附:新增说明。\n";
    let utf8 = dir.path().join("plan-utf8.txt");
    std::fs::write(&utf8, &text).expect("write");
    let first = store.import_file(&utf8, "zhongde").expect("import");
    let ImportOutcome::Imported { doc_id, .. } = first else {
        panic!("expected import, got {first:?}");
    };
    let docs = store.zones().expect("zones")[0].documents.len();
    assert_eq!(
        store.import_file(&utf8, "zhongde").expect("again"),
        ImportOutcome::AlreadyPresent { doc_id }
    );
    assert_eq!(store.zones().expect("zones")[0].documents.len(), docs);
    let stored = store.document(doc_id).expect("document");
    assert_eq!(stored.info.source_name, "plan-utf8.txt");
    let parsed = parse::parse_text(&stored.text, Catalog::bundled());
    assert_eq!(
        store
            .measures(&Filter::default())
            .expect("m")
            .iter()
            .filter(|m| m.doc_id == doc_id)
            .count(),
        parsed.measures.len()
    );
    // The same text in GBK.
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let gbk_path = dir.path().join("plan-gbk.txt");
    std::fs::write(&gbk_path, &gbk).expect("write");
    match ingest::ingest_bytes(&gbk_path, &gbk) {
        Ok(ing) => {
            let outcome = store.import_file(&gbk_path, "zhongde").expect("GBK import");
            let ImportOutcome::Imported { doc_id: gbk_id, .. } = outcome else {
                panic!("GBK bytes differ from UTF-8 bytes: a new document expected");
            };
            assert_eq!(store.document(gbk_id).expect("doc").text, ing.text);
            assert_eq!(ing.text, stored.text);
        }
        Err(e) => {
            // The reader does not decode GBK yet: the store must refuse with its message.
            let refused = store
                .import_file(&gbk_path, "zhongde")
                .expect_err("refused");
            assert_eq!(refused.to_string(), e.to_string());
        }
    }
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
                parse::parse_text(text, Catalog::bundled())
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
