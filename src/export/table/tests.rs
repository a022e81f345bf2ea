//! Unit tests of the table builders and writers.

use super::*;
use crate::analysis::fixtures::dataset;

#[test]
fn csv_has_bom_header_and_rows() {
    let ds = dataset();
    let t = targets_table(&ds, Catalog::in_use(), Lang::Zh);
    let bytes = csv_bytes(&t).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.records().count(), ds.targets.len());
    assert!(text.starts_with("园区,文件,指标（原文）"));
    assert!(text.contains("到2025年,高新技术企业不少于120户"));
}

#[test]
fn compare_has_three_sheets_with_all_zones() {
    let ds = dataset();
    let ts = compare_tables(&ds, Catalog::in_use(), Lang::En);
    assert_eq!(ts.len(), 3);
    assert_eq!(ts[0].headers.len(), 1 + 2 * 4);
    assert_eq!(ts[0].rows[0][0], Cell::Text("High-tech enterprises".into()));
    assert_eq!(
        ts[0].rows[0][1],
        Cell::Text("at least 120 enterprises by 2025".into())
    );
    assert_eq!(
        ts[0].rows[0][2],
        Cell::Text("408 enterprises (2021)".into())
    );
    let zh = compare_tables(&ds, Catalog::in_use(), Lang::Zh);
    assert_eq!(zh[0].rows[0][1], Cell::Text("≥120户 (2025)".into()));
    assert_eq!(zh[0].rows[0][2], Cell::Text("408家 (2021)".into()));
    assert_eq!(ts[1].rows.last().unwrap()[1], Cell::Number(3.0));
    assert_eq!(ts[2].rows.len(), 4);
}

#[test]
fn agencies_table_lists_load_per_zone_busiest_first() {
    let ds = dataset();
    let t = agencies_table(&ds, Catalog::in_use(), Lang::Zh);
    assert_eq!(t.headers.len(), 5);
    assert!(!t.rows.is_empty());
    let total = |r: &Vec<Cell>| match r[4] {
        Cell::Number(n) => n,
        _ => -1.0,
    };
    for w in t.rows.windows(2) {
        if w[0][0] == w[1][0] {
            assert!(total(&w[0]) >= total(&w[1]), "{w:?}");
        }
    }
}

#[test]
fn xlsx_bytes_is_a_zip() {
    let ds = dataset();
    let bytes = xlsx_bytes(&compare_tables(&ds, Catalog::in_use(), Lang::Zh)).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    assert!(display_width("高新技术企业") > display_width("High-tech"));
}

#[test]
fn csv_writes_stored_values_and_agrees_with_xlsx() {
    use calamine::{Data, Reader, Xlsx};
    let values = [18.456, 0.125, 120.0, 12_345.678, -2.5, 1.0 / 3.0];
    let table = Table {
        name: "numbers".into(),
        headers: vec!["value".into()],
        rows: values.iter().map(|v| vec![Cell::Number(*v)]).collect(),
    };
    let csv = csv_bytes(&table).unwrap();
    let mut r = csv::Reader::from_reader(&csv[3..]);
    let from_csv: Vec<f64> = r
        .records()
        .map(|rec| rec.unwrap()[0].parse::<f64>().unwrap())
        .collect();
    assert_eq!(from_csv, values);
    let xlsx = xlsx_bytes(std::slice::from_ref(&table)).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("numbers").unwrap();
    let from_xlsx: Vec<f64> = sheet
        .rows()
        .skip(1)
        .map(|row| match row[0] {
            Data::Float(f) => f,
            Data::Int(i) => i as f64,
            ref other => panic!("not a number: {other:?}"),
        })
        .collect();
    assert_eq!(from_xlsx, from_csv);
}
