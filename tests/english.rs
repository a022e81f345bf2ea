//! The English edition through the real binary on the bundled corpus: `--lang en` tables
//! (CSV and XLSX of measures, targets and compare) hold Chinese only in the columns named
//! "(Chinese original)", every measure has an English title, listings are English, the
//! translation sheet round-trips and survives a re-parse, and a document of a city the
//! catalogs do not know gets English agency names.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use zonecompare::english::has_cjk;

fn run(db: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .env_remove("ZONECOMPARE_DB")
        .env("ZONECOMPARE_TAXONOMIES", db.with_file_name("no-taxonomies"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(db: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_slice(&run(db, &all).stdout).expect("JSON array")
}

/// Header and rows of every sheet of an XLSX file, as text.
fn sheets(path: &Path) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("XLSX opens");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let mut rows = range.rows().map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        c => c.to_string(),
                    })
                    .collect::<Vec<String>>()
            });
            let header = rows.next().unwrap_or_default();
            (name, header, rows.collect())
        })
        .collect()
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// Fails on any CJK character outside the columns whose header names the Chinese original.
fn assert_english(what: &str, header: &[String], rows: &[Vec<String>]) {
    for h in header {
        assert!(!has_cjk(h), "{what}: header `{h}`");
    }
    let original: Vec<bool> = header
        .iter()
        .map(|h| h.contains("(Chinese original)"))
        .collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !original.get(c).copied().unwrap_or(false) {
                assert!(!has_cjk(cell), "{what} row {r} `{}`: {cell}", header[c]);
            }
        }
    }
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    (dir, db)
}

#[test]
fn english_tables_hold_chinese_only_in_original_columns() {
    let (dir, db) = temp_db();
    let measure_count = json(&db, &["measures"]).len();
    assert!(measure_count > 80, "{measure_count}");
    for kind in ["measures", "targets", "compare"] {
        for ext in ["csv", "xlsx"] {
            let out = dir.path().join(format!("{kind}.{ext}"));
            let out_s = out.to_str().unwrap();
            run(
                &db,
                &["export", "table", kind, "--lang", "en", "--out", out_s],
            );
            let tables = match ext {
                "csv" => {
                    let (h, r) = csv_rows(&out);
                    vec![(kind.to_string(), h, r)]
                }
                _ => sheets(&out),
            };
            for (name, header, rows) in &tables {
                assert!(!rows.is_empty(), "{kind}.{ext} {name}: no rows");
                assert_english(&format!("{kind}.{ext} {name}"), header, rows);
                if kind == "measures" {
                    let col = header.iter().position(|h| h == "Measure").unwrap();
                    assert_eq!(rows.len(), measure_count, "{kind}.{ext}: every measure");
                    for row in rows {
                        assert!(!row[col].trim().is_empty(), "{row:?}");
                    }
                    assert!(header.iter().any(|h| h == "Measure (Chinese original)"));
                }
                if kind == "targets" {
                    assert!(
                        header
                            .iter()
                            .any(|h| h == "Source sentence (Chinese original)")
                    );
                }
            }
        }
    }
}

#[test]
fn english_listings() {
    let (_dir, db) = temp_db();
    let zones = json(&db, &["zones", "--lang", "en"]);
    assert_eq!(zones.len(), 4);
    for z in &zones {
        assert!(!has_cjk(z["name"].as_str().unwrap()), "{z}");
        assert!(has_cjk(z["name_zh"].as_str().unwrap()), "{z}");
    }
    let measures = json(&db, &["measures", "--lang", "en"]);
    assert_eq!(measures.len(), json(&db, &["measures"]).len());
    for m in &measures {
        let mut m = m.as_object().unwrap().clone();
        m.remove("title_zh");
        m.remove("text_zh");
        let text = Value::Object(m).to_string();
        assert!(!has_cjk(&text), "{text}");
    }
    let targets = json(&db, &["targets", "--lang", "en", "--zone", "zhongde"]);
    let hte = targets
        .iter()
        .find(|t| t["indicator_id"] == "high_tech_enterprises")
        .expect("zhongde targets high-tech enterprises");
    assert_eq!(hte["target"], "at least 120 enterprises by 2025");
    for t in &targets {
        let mut t = t.as_object().unwrap().clone();
        t.remove("indicator_zh");
        t.remove("sentence_zh");
        let text = Value::Object(t).to_string();
        assert!(!has_cjk(&text), "{text}");
    }
    // the Chinese listing keeps its columns
    let zh = json(&db, &["measures", "--zone", "zhongde"]);
    assert!(zh[0].get("title_source").is_none());
    assert!(has_cjk(zh[0]["title"].as_str().unwrap()));
}

/// Fills the translation sheet's "Translation" column for the titles starting with `prefix`.
fn fill_sheet(from: &Path, to: &Path, prefix: &str, english: &str) {
    let (_, header, rows) = sheets(from).remove(0);
    let zh = header.iter().position(|h| h == "Chinese original").unwrap();
    let en = header.iter().position(|h| h == "Translation").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let text = if c == en && row[zh].starts_with(prefix) {
                english
            } else {
                cell.as_str()
            };
            ws.write_string(r as u32 + 1, c as u16, text).unwrap();
        }
    }
    wb.save(to).unwrap();
}

#[test]
fn translation_sheet_round_trips_and_survives_reparse() {
    let (dir, db) = temp_db();
    let sheet = dir.path().join("sheet.xlsx");
    let filled = dir.path().join("filled.xlsx");
    run(
        &db,
        &[
            "export",
            "translations",
            "--zones",
            "zhongde,dalian",
            "--out",
            sheet.to_str().unwrap(),
        ],
    );
    let (_, header, rows) = sheets(&sheet).remove(0);
    assert_eq!(
        header,
        [
            "Kind",
            "Zone",
            "No.",
            "Chinese original",
            "Machine gloss",
            "Translation"
        ]
    );
    assert!(rows.len() > 60, "{}", rows.len());
    assert!(rows.iter().all(|r| !has_cjk(&r[4]) && !r[4].is_empty()));
    fill_sheet(
        &sheet,
        &filled,
        "优化科技创新生态",
        "Improve the innovation ecosystem",
    );
    let out = run(&db, &["import", "translations", filled.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 new or changed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = |db: &Path| {
        json(db, &["measures", "--lang", "en", "--zone", "zhongde"])
            .into_iter()
            .find(|m| m["title_zh"] == "优化科技创新生态")
            .expect("the measure")
    };
    let m = shown(&db);
    assert_eq!(m["title"], "Improve the innovation ecosystem");
    assert_eq!(m["title_source"], "user translation");
    // the re-exported sheet carries the translation
    run(
        &db,
        &[
            "export",
            "translations",
            "--zones",
            "zhongde",
            "--out",
            sheet.to_str().unwrap(),
        ],
    );
    let (_, _, rows) = sheets(&sheet).remove(0);
    assert!(
        rows.iter()
            .any(|r| r[5] == "Improve the innovation ecosystem")
    );
    // a re-parse (as after a parser upgrade) keeps it
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE documents SET parser_version = 'old'", [])
        .unwrap();
    drop(conn);
    let m = shown(&db);
    assert_eq!(m["title"], "Improve the innovation ecosystem");
}

#[test]
fn a_sheet_without_the_columns_is_refused() {
    let (dir, db) = temp_db();
    let bad = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "hello").unwrap();
    wb.save(&bad).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("--db")
        .arg(&db)
        .args(["import", "translations", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Chinese original") && !err.contains("panicked"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// A plan of a city the catalogs do not know (written for this test).
const WUHAN_PLAN: &str = "武汉市关于加快科技创新的实施方案\n\
一、主要任务\n\
(一)培育高新技术企业。到2025年,全市高新技术企业达到1.5万家。责任单位:武汉市科技局、武汉市财政局、武汉市税务局\n\
(二)集聚高端人才。引进海外高层次人才500名以上。责任单位:武汉市人力资源和社会保障局、武汉东湖新技术开发区管委会\n\
(三)优化营商环境。责任单位:武汉市市场监督管理局、江岸区人民政府\n";

#[test]
fn an_unknown_city_gets_english_agency_names() {
    let (dir, db) = temp_db();
    let doc = dir.path().join("wuhan.txt");
    std::fs::write(&doc, WUHAN_PLAN).unwrap();
    run(
        &db,
        &[
            "import",
            doc.to_str().unwrap(),
            "--new-zone",
            "武汉东湖新技术开发区",
        ],
    );
    let zones = json(&db, &["zones", "--lang", "en"]);
    let wuhan = zones
        .iter()
        .find(|z| z["name_zh"] == "武汉东湖新技术开发区")
        .expect("the new zone");
    let slug = wuhan["slug"].as_str().unwrap().to_string();
    let name = wuhan["name"].as_str().unwrap();
    assert!(!has_cjk(name) && name.contains("Wuhan"), "{name}");
    let measures = json(&db, &["measures", "--lang", "en", "--zone", &slug]);
    assert!(!measures.is_empty());
    let names: Vec<String> = measures
        .iter()
        .flat_map(|m| m["units"].as_array().unwrap().clone())
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    assert!(
        names.contains(&"Wuhan Municipal Science and Technology Bureau".to_string()),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("Wuhan Municipal Human Resources")),
        "{names:?}"
    );
    for n in &names {
        assert!(!has_cjk(n) && !n.is_empty(), "{n}");
    }
}

/// Text of an HTML document outside elements marked `lang="zh"` (below the root).
fn html_text_outside_chinese(html: &str) -> String {
    const VOID: [&str; 6] = ["br", "meta", "img", "hr", "input", "link"];
    let mut out = String::new();
    let mut stack: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if !stack.iter().skip(1).any(|zh| *zh) {
            out.push_str(&rest[..lt]);
        }
        let gt = rest[lt..].find('>').map(|g| lt + g).expect("closed tag");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(_closing) = tag.strip_prefix('/') {
            stack.pop();
            continue;
        }
        let name = tag.split_whitespace().next().unwrap_or("");
        if tag.ends_with('/') || VOID.contains(&name) {
            continue;
        }
        let inherited = stack.last().copied().unwrap_or(false) && stack.len() > 1;
        stack.push(tag.contains("lang=\"zh") || inherited);
        if name == "style" {
            let end = rest.find("</style>").unwrap();
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn english_briefings_hold_chinese_only_in_marked_originals() {
    let (dir, db) = temp_db();
    let html = dir.path().join("b.html");
    let docx = dir.path().join("b.docx");
    let zones = "zhongde,shenyang-htz,dalian,liangjiang";
    for out in [&html, &docx] {
        let out = out.to_str().unwrap();
        run(
            &db,
            &[
                "export", "briefing", "--zones", zones, "--lang", "en", "--out", out,
            ],
        );
    }
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("lang=\"zh\""), "originals are marked");
    let outside = html_text_outside_chinese(&text);
    let bad: Vec<&str> = outside.lines().filter(|l| has_cjk(l)).take(3).collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert!(outside.contains("at least 120 enterprises by 2025"));

    let file = std::fs::File::open(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let mut marked = 0;
    for run in xml.split("<w:r>").skip(1) {
        let run = run.split("</w:r>").next().unwrap();
        if has_cjk(run) {
            assert!(run.contains("<w:lang w:val=\"zh-CN\""), "unmarked: {run}");
            marked += 1;
        }
    }
    assert!(marked > 10, "{marked}");
}

#[test]
fn a_file_that_is_not_a_sheet_is_one_clear_error() {
    let (dir, db) = temp_db();
    let junk = dir.path().join("junk.xlsx");
    std::fs::write(&junk, b"not a zip at all").unwrap();
    let missing = dir.path().join("missing.xlsx");
    for file in [&junk, &missing] {
        let out = Command::new(env!("CARGO_BIN_EXE_zonecompare"))
            .arg("--db")
            .arg(&db)
            .args(["import", "translations", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(".xlsx") && !err.contains("panicked"), "{err}");
    }
}
