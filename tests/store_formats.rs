//! Importing each supported format into the store: a .docx and a .pdf with Chinese text
//! (built at run time), an .html page and a GBK .txt all land as documents whose measures
//! and targets are those the parser finds in the same file.

mod common;
#[path = "ingest/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

use common::*;
use fixtures::PdfFont;
use zonecompare::catalog::Catalog;
use zonecompare::store::rows::{Filter, ImportOutcome};
use zonecompare::{ingest, parse};

const LINES: [&str; 6] = [
    "甲市高新区科技创新三年行动方案",
    "一、主要任务",
    "1.培育创新主体。到2025年,高新技术企业达到300家以上。(责任单位:市科技局、发展改革委)",
    "2.建设创新平台。新建省级以上研发平台20个。(责任单位:市工信局,高新区管委会)",
    "3.集聚创新人才。每年引进高层次人才100名左右。(责任单位:市人社局)",
    "二、保障措施",
];

fn html_page() -> Vec<u8> {
    let mut page = String::from(
        "<html><head><meta charset=\"utf-8\"><title>方案</title><script>var x=1;</script></head><body><nav>首页 &gt; 政策文件</nav><article>",
    );
    for line in LINES {
        page.push_str(&format!("<p>{line}</p>"));
    }
    page.push_str("</article><footer>版权所有 甲市人民政府</footer></body></html>");
    page.into_bytes()
}

#[test]
fn every_format_imports_like_the_parser_reads_it() {
    let (dir, mut store) = fresh();
    let gbk = encoding_rs::GBK.encode(&LINES.join("\n")).0.into_owned();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("plan.docx", fixtures::docx(&LINES)),
        (
            "plan.pdf",
            fixtures::pdf(&LINES, PdfFont::IdentityToUnicode),
        ),
        ("plan-ucs2.pdf", fixtures::pdf(&LINES, PdfFont::UniGbUcs2)),
        ("plan.html", html_page()),
        ("plan-gbk.txt", gbk),
    ];
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let ingested = ingest::read_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let parsed = parse::parse_text(&ingested.text, Catalog::in_use());
        assert_eq!(parsed.measures.len(), 3, "{name}: {:#?}", parsed.measures);
        assert!(parsed.targets.len() >= 3, "{name}: {:#?}", parsed.targets);
        let outcome = store.import_file(&path, "zhongde").unwrap();
        let ImportOutcome::Imported {
            doc_id,
            measures,
            targets,
        } = outcome
        else {
            panic!("{name}: {outcome:?}");
        };
        assert_eq!(measures, parsed.measures.len(), "{name}");
        assert_eq!(targets, parsed.targets.len(), "{name}");
        let doc = store.document(doc_id).unwrap();
        assert!(doc.text.contains("高新技术企业达到300家以上"), "{name}");
        assert!(!doc.text.contains("版权所有"), "{name}: boilerplate kept");
        let rows = store.measures(&Filter::default()).unwrap();
        let mine: Vec<_> = rows.iter().filter(|m| m.doc_id == doc_id).collect();
        assert_eq!(mine.len(), 3, "{name}");
        let units: Vec<_> = mine[0].units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(units, ["市科技局", "市发展改革委"], "{name}");
    }
}

#[test]
fn a_scanned_pdf_is_refused_and_leaves_the_database_unchanged() {
    let (dir, mut store) = fresh();
    let before = dump(store.path());
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, fixtures::pdf_with_content(Vec::new())).unwrap();
    let err = store.import_file(&path, "zhongde").unwrap_err().to_string();
    assert!(err.contains("scan.pdf"), "{err}");
    assert_eq!(dump(store.path()), before);
}
