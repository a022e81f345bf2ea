//! Shared fixtures of the store tests: temp databases, a dump of every table, and a
//! small hand-built document with measures, targets and a statistic.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zonecompare::catalog::Catalog;
use zonecompare::model::*;
use zonecompare::store::rows::*;
use zonecompare::store::{NewDocument, Store};
use zonecompare::{ingest, parse};

/// The zonecompare binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_zonecompare");

/// Runs the binary with `--db db` and `args`, capturing its output.
pub fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run zonecompare")
}

pub fn corpus_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/corpus")
        .join(name)
}

pub fn parsed_corpus(name: &str) -> ParsedDocument {
    let ing = ingest::read_path(&corpus_path(name)).expect("corpus ingests");
    parse::parse_text(&ing.text, Catalog::in_use())
}

pub fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("zc.sqlite")).expect("open");
    (dir, store)
}

pub fn filter() -> Filter {
    Filter::default()
}

/// Every row of every table, as text: equal dumps = equal database content.
pub fn dump(path: &Path) -> BTreeMap<String, Vec<String>> {
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

/// Character span of the first `needle` in `text`.
pub fn span_of(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

pub const SAMPLE: &str = "示范园区建设方案\n一、重点任务\n\
1.推进离岸创新中心建设。到2025年,引进人才不少于500名。(责任单位:市科技局、市人社局)\n\
2.设立产业基金。设立120亿元产业基金。(责任单位:市财政局)\n\
3.加快人才公寓建设。(责任单位:区住建局)\n\
现有高新技术企业408家。\n";

pub fn unit(name: &str, role: Role) -> ResponsibleUnit {
    ResponsibleUnit {
        name: name.into(),
        canonical: name.into(),
        role,
    }
}

pub fn measure(
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

pub fn target(
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

pub fn sample_doc() -> ParsedDocument {
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
pub fn with_sample(store: &mut Store, doc: &ParsedDocument) -> i64 {
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

pub fn sample_filter() -> Filter {
    Filter {
        zones: vec!["sample-park".into()],
        ..filter()
    }
}
