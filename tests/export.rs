//! Exported files checked as files: PNG signature and width, SVG that parses and names the
//! indicator in Chinese, CSV with BOM and the right row count, XLSX read back, briefings
//! naming every zone with inline charts (HTML; DOCX unzipped and read back). Library tests
//! build their rows here; CLI tests run the real binary on a fresh database (filled with the
//! bundled corpus).

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Reader, Xlsx, open_workbook};
use resvg::usvg;
use zonecompare::analysis::Dataset;
use zonecompare::catalog::Catalog;
use zonecompare::charts::{ChartKind, ChartOptions, Lang, build_chart};
use zonecompare::export::{briefing, save_chart, table};
use zonecompare::model::{Comparator, Instrument, ResponsibleUnit, Role, Target, Zone};
use zonecompare::store::rows::{DocumentInfo, MeasureRow, TargetRow, ZoneSummary};

const ZONES: [(&str, &str, &str); 4] = [
    (
        "zhongde",
        "中德(沈阳)高端装备制造产业园",
        "Sino-German (Shenyang) High-end Equipment Manufacturing Park",
    ),
    (
        "shenyang-htz",
        "沈阳国家高新技术产业开发区",
        "Shenyang National High-tech Industrial Development Zone",
    ),
    (
        "dalian",
        "大连市(战略性新兴产业)",
        "Dalian (strategic emerging industries)",
    ),
    (
        "liangjiang",
        "重庆两江新区国家自主创新示范区",
        "Chongqing Liangjiang New Area National Independent Innovation Demonstration Zone",
    ),
];

fn zone_summary(i: usize) -> ZoneSummary {
    let (slug, zh, en) = ZONES[i];
    let doc = DocumentInfo {
        id: i as i64 + 1,
        zone_slug: slug.into(),
        title: format!("{zh}规划"),
        source_name: format!("{slug}.txt"),
        kind: Default::default(),
        issuer: None,
        doc_number: None,
        date: Some("2022-03-10".into()),
        period: None,
        sha256: String::new(),
        imported_at: String::new(),
    };
    ZoneSummary {
        zone: Zone {
            slug: slug.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            city: String::new(),
            province: String::new(),
            level: String::new(),
            kind: String::new(),
            documents: vec![],
        },
        documents: vec![doc],
        document_count: 1,
        measure_count: 0,
        target_count: 0,
        agency_count: 0,
        top_themes: vec![],
    }
}

fn target(id: i64, zone: usize, value: f64, unit: &str, year: i32, sentence: &str) -> TargetRow {
    TargetRow {
        id,
        doc_id: zone as i64 + 1,
        zone_slug: ZONES[zone].0.into(),
        measure_id: Some(zone as i64 + 100),
        measure_title: Some("培育高新技术企业".into()),
        target: Target {
            indicator: "高新技术企业".into(),
            indicator_id: Some("high_tech_enterprises".into()),
            value,
            value_max: None,
            unit: unit.into(),
            comparator: Comparator::Ge,
            year: Some(year),
            measure: None,
            sentence: sentence.into(),
            span: (0, 10),
        },
        corrected: false,
        owners: Default::default(),
    }
}

fn measure(zone: usize, title: &str) -> MeasureRow {
    MeasureRow {
        id: zone as i64 + 100,
        doc_id: zone as i64 + 1,
        zone_slug: ZONES[zone].0.into(),
        number: Some("1".into()),
        path: vec!["一".into(), "1".into()],
        title: title.into(),
        text: format!("{title}。"),
        span: (0, 5),
        units: vec![ResponsibleUnit {
            name: "市科技局".into(),
            canonical: "市科技局".into(),
            role: Role::Lead,
        }],
        key_enterprises: vec![],
        themes: vec!["talent".into()],
        instrument: Some(Instrument::Supply),
        instrument_subtype: Some("talent_support".into()),
        target_count: 1,
        corrected: false,
    }
}

fn dataset() -> Dataset {
    Dataset {
        zones: (0..4).map(zone_summary).collect(),
        selected: ZONES.iter().map(|z| z.0.to_string()).collect(),
        measures: vec![
            measure(0, "实施人才引进计划"),
            measure(1, "培育高新技术企业"),
            measure(3, "引进海外高层次人才"),
        ],
        targets: vec![
            target(1, 0, 120.0, "户", 2025, "到2025年,高新技术企业不少于120户"),
            target(2, 1, 2000.0, "家", 2023, "高新技术企业达到2000家以上"),
            target(3, 3, 500.0, "家", 2020, "高新技术企业达到500家"),
        ],
        ..Dataset::default()
    }
}

fn indicator_opts(lang: Lang) -> ChartOptions {
    ChartOptions {
        indicator: Some("high_tech_enterprises".into()),
        ..ChartOptions::new(ChartKind::Indicator, lang)
    }
}

fn png_width(bytes: &[u8]) -> u32 {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    u32::from_be_bytes(bytes[16..20].try_into().unwrap())
}

fn assert_svg_names_indicator(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    usvg::Tree::from_str(&text, &usvg::Options::default()).expect("SVG parses");
    assert!(text.contains("高新技术企业"), "indicator's Chinese name");
    assert!(text.contains("<text"), "text stays text");
}

#[test]
fn png_and_svg_files() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset();
    for lang in [Lang::Zh, Lang::En] {
        let chart = build_chart(&ds, Catalog::in_use(), &indicator_opts(lang));
        let svg = dir.path().join(format!("c-{}.svg", lang.as_str()));
        save_chart(&chart, &svg).unwrap();
        assert_svg_names_indicator(&svg);
        let png = dir.path().join(format!("c-{}.png", lang.as_str()));
        save_chart(&chart, &png).unwrap();
        assert!(png_width(&std::fs::read(&png).unwrap()) >= 1600);
    }
}

#[test]
fn csv_has_bom_and_one_line_per_target() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset();
    let out = dir.path().join("targets.csv");
    table::save_tables(
        &table::tables(table::TableKind::Targets, &ds, Catalog::in_use(), Lang::Zh),
        &out,
    )
    .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(r.records().count(), ds.targets.len());
}

#[test]
fn xlsx_reads_back_one_sheet_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset();
    let out = dir.path().join("compare.xlsx");
    table::save_tables(
        &table::tables(table::TableKind::Compare, &ds, Catalog::in_use(), Lang::Zh),
        &out,
    )
    .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["指标对比", "主题分布", "差异"]);
    let range = wb.worksheet_range("指标对比").unwrap();
    assert_eq!(range.height(), 2);
    assert_eq!(range.get_value((1, 0)).unwrap().to_string(), "高新技术企业");
    assert_eq!(
        range.get_value((1, 1)).unwrap().to_string(),
        "≥120户 (2025)"
    );
}

#[test]
fn briefing_names_every_zone_with_charts() {
    let dir = tempfile::tempdir().unwrap();
    let ds = dataset();
    let out = dir.path().join("b.html");
    briefing::save(
        &ds,
        Catalog::in_use(),
        &briefing::BriefingOptions::new(Lang::En),
        &out,
    )
    .unwrap();
    let html = std::fs::read_to_string(&out).unwrap();
    for (_, _, en) in ZONES {
        assert!(html.contains(en), "{en}");
    }
    assert!(html.contains("<svg"));
    assert!(html.contains("到2025年,高新技术企业不少于120户"));
}

// ---- CLI on the real database -------------------------------------------------------

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zc.sqlite");
    (dir, db)
}

const FOUR: &str = "zhongde,shenyang-htz,dalian,liangjiang";

#[test]
fn cli_chart_png_and_svg() {
    let (dir, db) = workdir();
    for lang in ["zh", "en"] {
        let png = dir.path().join(format!("hte-{lang}.png"));
        let p = png.to_str().unwrap();
        ok(
            &db,
            &[
                "export",
                "chart",
                "indicator",
                "--indicator",
                "high_tech_enterprises",
                "--zones",
                FOUR,
                "--lang",
                lang,
                "--out",
                p,
            ],
        );
        assert!(png_width(&std::fs::read(&png).unwrap()) >= 1600);
    }
    let svg = dir.path().join("hte.svg");
    ok(
        &db,
        &[
            "export",
            "chart",
            "indicator",
            "--indicator",
            "high_tech_enterprises",
            "--zones",
            FOUR,
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    assert_svg_names_indicator(&svg);
    for kind in ["timeline", "themes", "agencies", "instruments", "progress"] {
        let out = dir.path().join(format!("{kind}.svg"));
        ok(
            &db,
            &["export", "chart", kind, "--out", out.to_str().unwrap()],
        );
        assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));
    }
}

#[test]
fn cli_tables_match_the_database() {
    use zonecompare::store::{Store, rows::Filter};
    let (dir, db) = workdir();
    let csv_path = dir.path().join("targets.csv");
    ok(
        &db,
        &[
            "export",
            "table",
            "targets",
            "--out",
            csv_path.to_str().unwrap(),
        ],
    );
    let store = Store::open(&db).unwrap();
    let expected = store.targets(&Filter::default()).unwrap().len();
    assert!(expected > 0, "the bundled corpus has targets");
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        csv::Reader::from_reader(&bytes[3..]).records().count(),
        expected
    );

    let xlsx = dir.path().join("measures.xlsx");
    ok(
        &db,
        &[
            "export",
            "table",
            "measures",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let measures = store.measures(&Filter::default()).unwrap().len();
    assert_eq!(wb.worksheet_range(&sheet).unwrap().height(), measures + 1);
}

#[test]
fn cli_briefing_has_every_zone() {
    let (dir, db) = workdir();
    let out = dir.path().join("briefing.html");
    ok(
        &db,
        &[
            "export",
            "briefing",
            "--zones",
            FOUR,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&out).unwrap();
    for (_, zh, _) in ZONES {
        assert!(html.contains(zh), "{zh}");
    }
    assert!(html.contains("<svg"));
}

#[test]
fn cli_bad_output_is_one_clear_line() {
    let (dir, db) = workdir();
    let missing = dir.path().join("no-such-dir/chart.png");
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "export",
                "chart",
                "indicator",
                "--out",
                missing.to_str().unwrap(),
            ],
            "does not exist",
        ),
        (
            &["export", "chart", "indicator", "--out", "chart.jpg"],
            ".svg or .png",
        ),
        (
            &["export", "table", "targets", "--out", "t.txt"],
            ".csv or .xlsx",
        ),
        (
            &[
                "export",
                "chart",
                "themes",
                "--out",
                dir.path().to_str().unwrap(),
            ],
            "a chart is saved as",
        ),
    ];
    for (args, expected) in cases {
        let out = run(&db, args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"));
    }
    assert!(!missing.exists());
}

#[test]
fn cli_unknown_zone_is_an_error() {
    let (dir, db) = workdir();
    let out_path = dir.path().join("x.svg");
    let out = run(
        &db,
        &[
            "export",
            "chart",
            "themes",
            "--zones",
            "atlantis",
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("atlantis"));
    assert!(!out_path.exists());
}

/// Reads one part of a zip package as text.
fn zip_text(archive: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    use std::io::Read as _;
    let mut s = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// Fails unless `xml` is well-formed (every element closed, names matching).
fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn cli_docx_briefing_reads_back() {
    let (dir, db) = workdir();
    let out = dir.path().join("briefing.docx");
    ok(
        &db,
        &[
            "export",
            "briefing",
            "--zones",
            FOUR,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let doc = zip_text(&mut zip, "word/document.xml");
    let rels = zip_text(&mut zip, "word/_rels/document.xml.rels");
    for name in ["[Content_Types].xml", "_rels/.rels", "word/styles.xml"] {
        assert_well_formed(name, &zip_text(&mut zip, name));
    }
    assert_well_formed("document.xml", &doc);
    assert_well_formed("document.xml.rels", &rels);
    for (_, zh, _) in ZONES {
        assert!(doc.contains(zh), "{zh}");
    }
    assert!(doc.contains("<w:tbl>") && doc.contains("Heading1"));
    // every chart is an embedded PNG the relationships point to
    let images = doc.matches("<w:drawing>").count();
    assert!(images >= 5, "{images} charts");
    for n in 1..=images {
        assert!(doc.contains(&format!("r:embed=\"rIdImg{n}\"")));
        assert!(rels.contains(&format!("Target=\"media/image{n}.png\"")));
        let mut png = Vec::new();
        std::io::Read::read_to_end(
            &mut zip.by_name(&format!("word/media/image{n}.png")).unwrap(),
            &mut png,
        )
        .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    // each target figure comes with its source sentence
    let store = zonecompare::store::Store::open(&db).unwrap();
    let targets = store
        .targets(&zonecompare::store::rows::Filter::default())
        .unwrap();
    let sentence = targets
        .iter()
        .find(|t| t.target.indicator_id.as_deref() == Some("high_tech_enterprises"))
        .map(|t| quick_xml::escape::escape(t.target.sentence.as_str()).into_owned())
        .expect("a high-tech enterprise target");
    assert!(doc.contains(&sentence), "{sentence}");
}
