//! The store on temp databases: seeding matches the parser, imports are whole or nothing,
//! re-imports are no-ops, GBK text imports like UTF-8.

mod common;

use common::*;
use zonecompare::catalog::Catalog;
use zonecompare::store::NewDocument;
use zonecompare::store::rows::*;
use zonecompare::{ingest, parse};

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
    let parsed = parse::parse_text(&stored.text, Catalog::in_use());
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
