//! Tabular output of the data commands: an aligned text table (CJK characters count two
//! columns), CSV with a header row, or a JSON array of objects.

use std::io::Write;

use clap::ValueEnum;
use serde_json::Value;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `--format` of `zones`, `measures`, `targets` and `actual set`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum OutFormat {
    #[default]
    Table,
    Csv,
    Json,
}

/// Widest a cell may be in the text table before it is cut with `…`.
const MAX_CELL_WIDTH: usize = 48;

/// Rows with named columns; cells are JSON values so JSON output keeps numbers and nulls.
pub struct Table {
    columns: Vec<(String, bool)>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    /// A table with these column keys; columns listed in `wide` appear in CSV and JSON only
    /// (long text that would make the text table unreadable).
    pub fn new(columns: &[&str], wide: &[&str]) -> Table {
        Table::with_columns(columns.iter().map(|c| c.to_string()).collect(), wide)
    }

    /// A table whose column keys are made at run time (one column per zone, say).
    pub fn with_columns(columns: Vec<String>, wide: &[&str]) -> Table {
        Table {
            columns: columns
                .into_iter()
                .map(|c| {
                    let w = wide.contains(&c.as_str());
                    (c, w)
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row; `cells` follow the column order.
    pub fn push(&mut self, cells: Vec<Value>) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push(cells);
    }

    /// Writes the table to stdout in `format`.
    pub fn print(&self, format: OutFormat) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        let text = match format {
            OutFormat::Table => self.to_text(),
            OutFormat::Csv => self.to_csv(),
            OutFormat::Json => self.to_json(),
        };
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// JSON array of objects keyed by column, keys in column order.
    pub fn to_json(&self) -> String {
        let rows: Vec<JsonRow<'_>> = self
            .rows
            .iter()
            .map(|cells| JsonRow {
                columns: &self.columns,
                cells,
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
        s.push('\n');
        s
    }

    /// CSV with a header row (RFC 4180 quoting).
    pub fn to_csv(&self) -> String {
        let mut s = String::new();
        let header: Vec<String> = self.columns.iter().map(|(k, _)| csv_field(k)).collect();
        s.push_str(&header.join(","));
        s.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|v| csv_field(&plain(v))).collect();
            s.push_str(&cells.join(","));
            s.push('\n');
        }
        s
    }

    /// Aligned text table; CJK characters take two columns.
    pub fn to_text(&self) -> String {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&i| !self.columns[i].1)
            .collect();
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| shown.iter().map(|&i| cut(&plain(&row[i]))).collect())
            .collect();
        let header: Vec<String> = shown.iter().map(|&i| self.columns[i].0.clone()).collect();
        let widths: Vec<usize> = (0..shown.len())
            .map(|c| {
                std::iter::once(&header)
                    .chain(&cells)
                    .map(|r| r[c].width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut s = String::new();
        for row in std::iter::once(&header).chain(&cells) {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.width()));
                }
            }
            s.push_str(line.trim_end());
            s.push('\n');
        }
        s
    }
}

/// One row as a JSON object whose keys keep the column order.
struct JsonRow<'a> {
    columns: &'a [(String, bool)],
    cells: &'a [Value],
}

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(Some(self.cells.len()))?;
        for ((key, _), value) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A cell as text: strings as they are, null as empty, lists joined with `, `.
fn plain(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "yes" } else { "" }.to_string(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Number(n) => n.to_string(),
        Value::Object(_) => v.to_string(),
    }
}

/// One line, at most [`MAX_CELL_WIDTH`] columns wide.
fn cut(s: &str) -> String {
    let one_line = s.replace(['\n', '\r', '\t'], " ");
    if one_line.width() <= MAX_CELL_WIDTH {
        return one_line;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in one_line.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > MAX_CELL_WIDTH - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number as JSON: whole values without a fraction (`120`, not `120.0`).
pub fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&["zone", "title", "n", "text"], &["text"]);
        t.push(vec![
            "zhongde".into(),
            "推进离岸创新中心建设".into(),
            number(3.0),
            "长文".into(),
        ]);
        t.push(vec![
            "dalian".into(),
            "a,\"b\"".into(),
            Value::Null,
            "x".into(),
        ]);
        t
    }

    #[test]
    fn text_table_aligns_by_display_width() {
        let text = sample().to_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        // The third column starts at the same display column on every line.
        let col = |l: &str, needle: char| l.rfind(needle).map(|b| l[..b].width());
        assert_eq!(col(lines[0], 'n'), col(lines[1], '3'));
        assert!(col(lines[1], '3') > Some(20));
        assert!(
            !text.contains("长文"),
            "wide columns stay out of the text table"
        );
    }

    #[test]
    fn csv_quotes_and_json_keeps_types() {
        let csv = sample().to_csv();
        assert!(csv.starts_with("zone,title,n,text\n"));
        assert!(csv.contains("dalian,\"a,\"\"b\"\"\",,x"));
        let json: Value = serde_json::from_str(&sample().to_json()).expect("json");
        assert_eq!(json[0]["n"], 3);
        assert!(json[1]["n"].is_null());
        let text = sample().to_json();
        assert!(
            text.find("\"zone\"") < text.find("\"title\""),
            "column order kept"
        );
    }

    #[test]
    fn long_cells_are_cut() {
        let long = "很".repeat(40);
        let cell = cut(&long);
        assert!(cell.ends_with('…'));
        assert!(cell.width() <= MAX_CELL_WIDTH);
    }
}
