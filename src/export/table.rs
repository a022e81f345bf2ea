//! Tables for spreadsheets: measures, targets and the zone comparison, written as CSV
//! (UTF-8 with BOM, so Excel reads the Chinese correctly) or XLSX (one sheet per table,
//! styled header row, columns sized for CJK text).

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use super::{extension, write_atomic};
use crate::analysis::{Dataset, gaps, indicator_table, theme_matrix};
use crate::catalog::Catalog;
use crate::charts::labels::{agency_name, fmt_target, indicator_name, theme_name, zone_label};
use crate::charts::{Lang, fmt_number};
use crate::english::values;
use crate::error::{Error, Result};
use crate::model::Role;

/// One spreadsheet cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_num<T: Into<f64>>(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Number(v.into()))
    }

    /// The cell as CSV text. A number is written as stored (the shortest text that reads
    /// back as the same value, no rounding), so the CSV and the XLSX of a table agree.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A named table: a sheet in XLSX, the whole file in CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The tables `export table` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Measures,
    Targets,
    /// Indicator × zone targets, theme × zone counts and gaps (three sheets; CSV gets the
    /// first).
    Compare,
}

impl std::str::FromStr for TableKind {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "measures" => Ok(TableKind::Measures),
            "targets" => Ok(TableKind::Targets),
            "compare" => Ok(TableKind::Compare),
            _ => Err(format!(
                "unknown table `{s}` (one of measures, targets, compare)"
            )),
        }
    }
}

fn headers(lang: Lang, pairs: &[(&str, &str)]) -> Vec<String> {
    pairs
        .iter()
        .map(|(zh, en)| lang.pick(zh, en).to_string())
        .collect()
}

fn doc_title(ds: &Dataset, doc_id: i64) -> String {
    ds.document(doc_id)
        .map(|d| d.title.clone())
        .unwrap_or_default()
}

mod english;
pub use english::{ORIGINAL, comparator_column};

/// Every measure of the selected zones.
pub fn measures_table(ds: &Dataset, catalog: &Catalog, lang: Lang) -> Table {
    if lang == Lang::En {
        return english::measures(ds, catalog);
    }
    let h = headers(
        lang,
        &[
            ("园区", "Zone"),
            ("文件", "Document"),
            ("编号", "No."),
            ("层级", "Outline path"),
            ("措施", "Measure"),
            ("主题", "Themes"),
            ("政策工具", "Instrument"),
            ("牵头单位", "Lead unit"),
            ("配合单位", "Co-owners"),
            ("重点企业", "Key enterprises"),
            ("目标数", "Targets"),
            ("全文", "Full text"),
        ],
    );
    let units = |m: &crate::store::rows::MeasureRow, role: Role| -> String {
        let names: Vec<String> = m
            .units
            .iter()
            .filter(|u| u.role == role)
            .map(|u| agency_name(catalog, &u.canonical, lang))
            .collect();
        names.join(lang.pick("、", "; "))
    };
    let rows = ds
        .measures
        .iter()
        .filter(|m| ds.selected.contains(&m.zone_slug))
        .map(|m| {
            let themes: Vec<String> = m
                .themes
                .iter()
                .map(|t| theme_name(catalog, t, lang))
                .collect();
            vec![
                Cell::text(zone_label(ds, &m.zone_slug, lang)),
                Cell::text(doc_title(ds, m.doc_id)),
                Cell::text(m.number.clone().unwrap_or_default()),
                Cell::text(m.path.join(" › ")),
                Cell::text(&m.title),
                Cell::text(themes.join(lang.pick("、", "; "))),
                Cell::text(
                    m.instrument
                        .map(|i| crate::charts::build::instrument_name(i, lang))
                        .unwrap_or_default(),
                ),
                Cell::text(units(m, Role::Lead)),
                Cell::text(units(m, Role::Co)),
                Cell::text(m.key_enterprises.join(lang.pick("、", "; "))),
                Cell::Number(m.target_count as f64),
                Cell::text(&m.text),
            ]
        })
        .collect();
    Table {
        name: lang.pick("措施", "Measures").into(),
        headers: h,
        rows,
    }
}

/// Every target of the selected zones with its source sentence.
pub fn targets_table(ds: &Dataset, catalog: &Catalog, lang: Lang) -> Table {
    if lang == Lang::En {
        return english::targets(ds, catalog);
    }
    let h = headers(
        lang,
        &[
            ("园区", "Zone"),
            ("文件", "Document"),
            ("指标（原文）", "Indicator (as written)"),
            ("标准指标", "Canonical indicator"),
            ("比较", "Comparator"),
            ("目标值", "Value"),
            ("上限", "Upper value"),
            ("单位", "Unit"),
            ("截止年份", "Deadline"),
            ("所属措施", "Measure"),
            ("原文", "Source sentence"),
            ("已修正", "Corrected"),
        ],
    );
    let rows = ds
        .targets
        .iter()
        .filter(|t| ds.selected.contains(&t.zone_slug))
        .map(|r| {
            let t = &r.target;
            vec![
                Cell::text(zone_label(ds, &r.zone_slug, lang)),
                Cell::text(doc_title(ds, r.doc_id)),
                Cell::text(&t.indicator),
                Cell::text(
                    t.indicator_id
                        .as_deref()
                        .map(|id| indicator_name(catalog, id, lang, None))
                        .unwrap_or_default(),
                ),
                Cell::text(t.comparator.as_str()),
                Cell::Number(t.value),
                Cell::opt_num(t.value_max),
                Cell::text(&t.unit),
                Cell::opt_num(t.year),
                Cell::text(r.measure_title.clone().unwrap_or_default()),
                Cell::text(&t.sentence),
                Cell::text(if r.corrected {
                    lang.pick("是", "yes")
                } else {
                    ""
                }),
            ]
        })
        .collect();
    Table {
        name: lang.pick("目标", "Targets").into(),
        headers: h,
        rows,
    }
}

/// Indicator × zone (target, deadline, baseline), theme × zone counts, and gaps.
pub fn compare_tables(ds: &Dataset, catalog: &Catalog, lang: Lang) -> Vec<Table> {
    let zones: Vec<String> = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    let mut h = vec![lang.pick("指标", "Indicator").to_string()];
    for z in &zones {
        h.push(format!("{z} {}", lang.pick("目标", "target")));
        h.push(format!("{z} {}", lang.pick("现状基线", "baseline")));
    }
    let rows = indicator_table(&ds.targets, &ds.statistics, &ds.selected)
        .iter()
        .map(|row| {
            let written = row
                .zones
                .iter()
                .find_map(|z| z.headline())
                .map(|t| t.target.indicator.as_str());
            let mut cells = vec![Cell::text(indicator_name(
                catalog,
                &row.indicator_id,
                lang,
                written,
            ))];
            for z in &row.zones {
                let target = z.headline().map(|t| match lang {
                    Lang::Zh => {
                        let year = t.target.year.map(|y| format!(" ({y})")).unwrap_or_default();
                        fmt_target(&t.target, Lang::Zh) + &year
                    }
                    Lang::En => values::target(catalog, &t.target),
                });
                cells.push(target.map_or(Cell::Empty, Cell::Text));
                let base = z.baseline.as_ref().map(|b| {
                    let year = b.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    match lang {
                        Lang::Zh => format!("{}{}{year}", fmt_number(b.value, Lang::Zh), b.unit),
                        Lang::En => {
                            let noun =
                                values::count_noun(catalog, Some(&row.indicator_id), &b.unit);
                            values::quantity(b.value, None, &b.unit, &noun) + &year
                        }
                    }
                });
                cells.push(base.map_or(Cell::Empty, Cell::Text));
            }
            cells
        })
        .collect();
    let indicators = Table {
        name: lang.pick("指标对比", "Indicators").into(),
        headers: h,
        rows,
    };

    let m = theme_matrix(&ds.measures, &ds.selected, catalog);
    let mut h = vec![lang.pick("主题", "Theme").to_string()];
    h.extend(zones.iter().cloned());
    let mut rows: Vec<Vec<Cell>> = m
        .themes
        .iter()
        .enumerate()
        .map(|(t, id)| {
            let mut cells = vec![Cell::text(theme_name(catalog, id, lang))];
            cells.extend(m.counts[t].iter().map(|&n| Cell::Number(n as f64)));
            cells
        })
        .collect();
    let mut total = vec![Cell::text(lang.pick("措施总数", "All measures"))];
    total.extend(m.totals.iter().map(|&n| Cell::Number(n as f64)));
    rows.push(total);
    let themes = Table {
        name: lang.pick("主题分布", "Themes").into(),
        headers: h,
        rows,
    };

    let h = headers(
        lang,
        &[
            ("园区", "Zone"),
            ("独有主题", "Themes only here"),
            ("缺少的主题", "Themes peers have"),
            ("独有指标", "Indicators only here"),
            ("缺少的指标", "Indicators peers target"),
        ],
    );
    let join_t = |ids: &[String]| {
        ids.iter()
            .map(|t| theme_name(catalog, t, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("、", "; "))
    };
    let join_i = |ids: &[String]| {
        ids.iter()
            .map(|i| indicator_name(catalog, i, lang, None))
            .collect::<Vec<_>>()
            .join(lang.pick("、", "; "))
    };
    let rows = ds
        .selected
        .iter()
        .map(|slug| {
            let g = gaps(&ds.measures, &ds.targets, slug, &ds.selected);
            vec![
                Cell::text(zone_label(ds, slug, lang)),
                Cell::text(join_t(&g.only_here_themes)),
                Cell::text(join_t(&g.missing_themes)),
                Cell::text(join_i(&g.only_here_indicators)),
                Cell::text(join_i(&g.missing_indicators)),
            ]
        })
        .collect();
    let gaps = Table {
        name: lang.pick("差异", "Gaps").into(),
        headers: h,
        rows,
    };
    vec![indicators, themes, gaps]
}

/// Measures each agency leads or co-owns, per selected zone, busiest first.
pub fn agencies_table(ds: &Dataset, catalog: &Catalog, lang: Lang) -> Table {
    let h = headers(
        lang,
        &[
            ("园区", "Zone"),
            ("责任单位", "Agency"),
            ("牵头措施数", "Measures led"),
            ("配合措施数", "Measures co-owned"),
            ("合计", "Total"),
        ],
    );
    let mut load: Vec<_> = ds
        .agency_load
        .iter()
        .filter(|r| ds.selected.contains(&r.zone_slug))
        .collect();
    let zone_pos = |slug: &str| ds.selected.iter().position(|s| s == slug);
    load.sort_by(|a, b| {
        zone_pos(&a.zone_slug)
            .cmp(&zone_pos(&b.zone_slug))
            .then((b.lead + b.co).cmp(&(a.lead + a.co)))
            .then(a.agency.cmp(&b.agency))
    });
    let rows = load
        .into_iter()
        .map(|r| {
            vec![
                Cell::text(zone_label(ds, &r.zone_slug, lang)),
                Cell::text(agency_name(catalog, &r.agency, lang)),
                Cell::Number(r.lead as f64),
                Cell::Number(r.co as f64),
                Cell::Number((r.lead + r.co) as f64),
            ]
        })
        .collect();
    Table {
        name: lang.pick("责任部门", "Agencies").into(),
        headers: h,
        rows,
    }
}

/// The tables of one kind.
pub fn tables(kind: TableKind, ds: &Dataset, catalog: &Catalog, lang: Lang) -> Vec<Table> {
    match kind {
        TableKind::Measures => vec![measures_table(ds, catalog, lang)],
        TableKind::Targets => vec![targets_table(ds, catalog, lang)],
        TableKind::Compare => compare_tables(ds, catalog, lang),
    }
}

/// CSV bytes: UTF-8 byte-order mark, header row, one line per row.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let err = |e: csv::Error| Error::bad_input(&table.name, e.to_string());
    w.write_record(&table.headers).map_err(err)?;
    for row in &table.rows {
        w.write_record(row.iter().map(Cell::to_text)).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::bad_input(&table.name, e.to_string()))
}

/// Display width of text in Excel character units: CJK characters count double.
fn display_width(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if (c as u32) >= 0x2E80 { 2.1 } else { 1.1 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// XLSX bytes: one sheet per table, bold shaded header, frozen header row, filters, and
/// column widths from the widest cell (long text wraps at 60 characters).
pub fn xlsx_bytes(tables: &[Table]) -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDCE6F1))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for table in tables {
        let ws = wb.add_worksheet();
        let name: String = table
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        ws.set_name(name)?;
        let mut widths: Vec<f64> = table
            .headers
            .iter()
            .map(|h| display_width(h) + 2.0)
            .collect();
        for (c, h) in table.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &header)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, col, s, &wrap)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col, *n)?;
                    }
                    Cell::Empty => {}
                }
                if let Some(w) = widths.get_mut(c) {
                    *w = w.max(display_width(&cell.to_text()) + 2.0);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, w.clamp(8.0, 60.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !table.headers.is_empty() {
            ws.autofilter(
                0,
                0,
                table.rows.len() as u32,
                table.headers.len() as u16 - 1,
            )?;
        }
    }
    wb.save_to_buffer()
}

/// Where the selection a CSV table was made under is written: beside it, `NAME.selection.csv`
/// (`targets.csv` → `targets.selection.csv`), a two-column CSV of its own, so the table stays
/// one header row and data for scripts and spreadsheets.
pub fn selection_path(path: &Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}.selection.csv"))
}

/// Writes tables to `path`: `.xlsx` gets every table as a sheet, `.csv` the first table.
pub fn save_tables(tables: &[Table], path: &Path) -> Result<()> {
    let bytes = match extension(path).as_deref() {
        Some("csv") => match tables.first() {
            Some(t) => csv_bytes(t)?,
            None => return Err(Error::bad_input(path, "nothing to write")),
        },
        Some("xlsx") => xlsx_bytes(tables).map_err(|e| Error::bad_input(path, e.to_string()))?,
        _ => return Err(Error::bad_input(path, "a table is saved as .csv or .xlsx")),
    };
    write_atomic(path, &bytes)
}

#[cfg(test)]
mod tests;
