//! Tables written out as text: a row per line with cells between `|` or tabs (how a web
//! page's or a word processor's table is copied), a cell per line closed by `|`, or a
//! numbered row per line with cells between spaces (how text taken from a PDF lays a
//! table out). Two
//! kinds matter to a plan: a **task table** (`序号 | 重点工作 | 牵头单位 | 配合单位 | 完成
//! 时限`, the 任务分工表 of an annex), whose rows are measures with their units, and an
//! **indicator table** (`指标名称 | 单位 | 2020年 | 2025年 | 属性`), whose rows give a
//! target for the latest year column and a baseline for the earlier ones.

use super::normalize::{Line, NormText};
use crate::parse::numbers::digit_value;

/// What a column holds, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// `序号`: the row's number.
    Number,
    /// `重点工作`, `工作任务`: the task.
    Task,
    /// `责任单位`: the units, first leading.
    Responsible,
    /// `牵头单位`.
    Lead,
    /// `配合单位`.
    Co,
    /// `指标名称`.
    Indicator,
    /// `单位`, `计量单位`: the unit of the row's figures.
    Unit,
    /// A year column (`2025年`, `2025年目标值`).
    Year(i32),
    /// `完成时限`, `时间节点`: when the row's task is due.
    Deadline,
    /// Anything else (`责任领导`, `属性`, `备注`).
    Other,
}

/// What a table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tasks,
    Indicators,
}

/// One row: the char span of each cell, in column order (an empty span for a cell the
/// row leaves out at its end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    pub cells: Vec<(usize, usize)>,
}

/// A table found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: Kind,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Char span from the header to the last row.
    pub start: usize,
    pub end: usize,
}

impl Table {
    /// The span of the first cell of `row` in a column of `kind`.
    pub fn cell(&self, row: &Row, kind: Column) -> Option<(usize, usize)> {
        let k = self.columns.iter().position(|c| *c == kind)?;
        row.cells.get(k).copied().filter(|c| c.0 < c.1)
    }
}

/// Header words and the column each names, longest first where one holds another.
const HEADERS: &[(&str, Column)] = &[
    ("序号", Column::Number),
    ("编号", Column::Number),
    ("重点工作任务", Column::Task),
    ("重点工作", Column::Task),
    ("工作任务", Column::Task),
    ("重点任务", Column::Task),
    ("主要任务", Column::Task),
    ("具体任务", Column::Task),
    ("任务内容", Column::Task),
    ("目标任务", Column::Task),
    ("工作内容", Column::Task),
    ("工作举措", Column::Task),
    ("主要举措", Column::Task),
    ("具体措施", Column::Task),
    ("工作措施", Column::Task),
    ("重点事项", Column::Task),
    ("任务举措", Column::Task),
    ("政策措施", Column::Task),
    ("任务", Column::Task),
    ("责任单位", Column::Responsible),
    ("责任部门", Column::Responsible),
    ("负责单位", Column::Responsible),
    ("负责部门", Column::Responsible),
    ("实施单位", Column::Responsible),
    ("责任主体", Column::Responsible),
    ("责任科室", Column::Responsible),
    ("责任处室", Column::Responsible),
    ("牵头单位", Column::Lead),
    ("牵头部门", Column::Lead),
    ("主责单位", Column::Lead),
    ("配合单位", Column::Co),
    ("配合部门", Column::Co),
    ("协同单位", Column::Co),
    ("参与单位", Column::Co),
    ("指标名称", Column::Indicator),
    ("主要指标", Column::Indicator),
    ("具体指标", Column::Indicator),
    ("指标", Column::Indicator),
    ("完成时限", Column::Deadline),
    ("完成时间", Column::Deadline),
    ("完成期限", Column::Deadline),
    ("时间节点", Column::Deadline),
    ("时限要求", Column::Deadline),
    ("时限", Column::Deadline),
    ("计量单位", Column::Unit),
    ("单位", Column::Unit),
];

/// Header cells are short; a longer cell is body text.
const MAX_HEADER_CHARS: usize = 16;

/// The column a header cell names.
fn column_of(cell: &str) -> Column {
    let cell: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(y) = year_header(&cell) {
        return Column::Year(y);
    }
    HEADERS
        .iter()
        .find(|(w, _)| cell == *w)
        .or_else(|| {
            // `重点工作任务及目标`, `牵头单位(部门)`: a header word opening the cell.
            HEADERS
                .iter()
                .find(|(w, c)| *c != Column::Unit && cell.starts_with(w))
        })
        .map_or(Column::Other, |&(_, c)| c)
}

/// `2025年`, `2025年目标值`, `2020年(基期)`, `2025`: the year a figure column is for.
fn year_header(cell: &str) -> Option<i32> {
    let digits: String = cell.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = &cell[4..];
    let year: i32 = digits.parse().ok()?;
    let fits = rest.is_empty()
        || (rest.starts_with('年') && !rest.contains('前') && !rest.contains('底'))
        || rest.starts_with('(');
    ((1990..=2100).contains(&year) && fits).then_some(year)
}

/// How the cells of a table are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A row per line, cells between `|` or tabs.
    RowLines,
    /// A cell per line, each closed by `|`.
    CellLines,
    /// A numbered row per line, cells between spaces.
    SpaceRows,
}

/// Every task and indicator table of the text.
pub fn tables(t: &NormText) -> Vec<Table> {
    let mut out = Vec::new();
    // Most documents hold no separator at all: one byte search over the whole text (a
    // per-line char search cost 6 % of a parse). A header with cells between spaces opens
    // with the row number's column.
    let bytes = t.norm.as_bytes();
    let spaced = ROW_NUMBER_HEADERS
        .iter()
        .any(|h| memchr::memmem::find(bytes, h.as_bytes()).is_some());
    if !has_separator(bytes) && !spaced {
        return out;
    }
    let mut i = 0;
    while i < t.lines.len() {
        let line = t.line_str(t.lines[i]);
        // Only a line with a separator, or a header of words between spaces, can open a
        // table.
        let opens = has_separator(line.as_bytes()) || (spaced && is_space_header(line));
        if !opens {
            i += 1;
            continue;
        }
        match table_at(t, i) {
            Some((table, next)) => {
                out.push(table);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `bytes` hold a `|` or a tab (ASCII: never inside another char's bytes).
fn has_separator(bytes: &[u8]) -> bool {
    memchr::memchr2(b'|', b'\t', bytes).is_some()
}

/// The cells of a line: char spans between separators, trimmed; the empty cell before a
/// leading `|` and after a trailing one is dropped.
fn cells(t: &NormText, line: Line) -> Vec<(usize, usize)> {
    let s = t.line_str(line);
    let mut out = Vec::new();
    let mut start = line.start;
    let mut pos = line.start;
    let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize, chars: &[char]| {
        let (mut a, mut b) = (a, b);
        while a < b && chars[a - line.start].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1 - line.start].is_whitespace() {
            b -= 1;
        }
        out.push((a, b));
    };
    let chars: Vec<char> = s.chars().collect();
    for &c in &chars {
        if c == '|' || c == '\t' {
            push(&mut out, start, pos, &chars);
            start = pos + 1;
        }
        pos += 1;
    }
    push(&mut out, start, pos, &chars);
    if s.starts_with('|') && out.first().is_some_and(|c| c.0 == c.1) {
        out.remove(0);
    }
    if s.ends_with('|') && out.last().is_some_and(|c| c.0 == c.1) {
        out.pop();
    }
    out
}

/// The cells of a line whose cells are parted by spaces: char spans of its runs of
/// non-space chars.
fn space_cells(t: &NormText, line: Line) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = line.start;
    for c in t.line_str(line).chars() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push((a, pos));
                start = None;
            }
            (false, None) => start = Some(pos),
            _ => {}
        }
        pos += 1;
    }
    if let Some(a) = start {
        out.push((a, pos));
    }
    out
}

/// Headers of the row number's column (the first of [`HEADERS`]).
const ROW_NUMBER_HEADERS: [&str; 2] = ["序号", "编号"];

/// A header line of a table laid out with spaces: three or more short words between
/// spaces, opening with the row number's header and every one naming a column, which
/// together make a task or an indicator table (`序号 任务 牵头单位 配合单位`).
fn is_space_header(line: &str) -> bool {
    let numbered = ROW_NUMBER_HEADERS.iter().any(|h| line.starts_with(h));
    if !numbered || !line.contains(' ') || line.chars().count() > 80 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 || words.iter().any(|w| w.chars().count() > MAX_HEADER_CHARS) {
        return false;
    }
    let columns: Vec<Column> = words.iter().map(|w| column_of(w)).collect();
    columns[0] == Column::Number
        && columns.iter().filter(|c| **c == Column::Other).count() <= 1
        && kind_of(&columns).is_some()
}

/// The cells of a row laid out with spaces, fitted to `columns`: spaces inside the task or
/// indicator text part it into more cells than there are columns, so the surplus joins
/// that cell again; a row short of cells leaves its last columns empty.
fn fit_space_row(
    cells: Vec<(usize, usize)>,
    columns: &[Column],
    line: Line,
) -> Vec<(usize, usize)> {
    let n = columns.len();
    let mut cells = cells;
    if cells.len() > n {
        let text = columns
            .iter()
            .position(|c| matches!(c, Column::Task | Column::Indicator))
            .unwrap_or(0);
        let extra = cells.len() - n;
        let joined = (cells[text].0, cells[text + extra].1);
        cells.splice(text..=text + extra, [joined]);
    }
    cells.resize(n, (line.end, line.end));
    cells
}

fn text_of<'t>(t: &'t NormText, span: (usize, usize)) -> &'t str {
    t.norm_slice(span.0, span.1)
}

/// A table whose header starts at line `i`, with the line after it.
fn table_at(t: &NormText, i: usize) -> Option<(Table, usize)> {
    let first = cells(t, t.lines[i]);
    let (form, header, mut k) = if first.len() >= 2 {
        (Form::RowLines, first, i + 1)
    } else if is_space_header(t.line_str(t.lines[i])) {
        (Form::SpaceRows, space_cells(t, t.lines[i]), i + 1)
    } else {
        // A cell per line: the header runs while lines are short header cells.
        let mut header = Vec::new();
        let mut k = i;
        while let Some(&line) = t.lines.get(k) {
            let s = t.line_str(line);
            let c = cells(t, line);
            if !s.ends_with('|') || c.len() != 1 || c[0].1 - c[0].0 > MAX_HEADER_CHARS {
                break;
            }
            if header.len() >= 2 && column_of(text_of(t, c[0])) == Column::Other {
                // A row number after the header ends it.
                if is_row_number(text_of(t, c[0])) {
                    break;
                }
            }
            header.push(c[0]);
            k += 1;
        }
        (Form::CellLines, header, k)
    };
    if header.iter().any(|c| c.1 - c.0 > MAX_HEADER_CHARS) {
        return None;
    }
    let columns: Vec<Column> = header.iter().map(|&c| column_of(text_of(t, c))).collect();
    let kind = kind_of(&columns)?;
    let numbered = columns.first() == Some(&Column::Number);
    let mut rows = Vec::new();
    let mut end = t.lines[k - 1].end;
    match form {
        Form::RowLines => {
            while let Some(&line) = t.lines.get(k) {
                // A blank line, or the rule under a header (`|---|:--:|`), goes on.
                let rule = t
                    .line_str(line)
                    .chars()
                    .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
                if line.is_blank() || rule {
                    k += 1;
                    continue;
                }
                let mut c = cells(t, line);
                // A line opening with a separator leaves its first cell empty (the line's
                // own span is trimmed).
                if opens_with_separator(t, line) {
                    c.insert(0, (line.start, line.start));
                }
                // A numbered row whose cells are parted by spaces (the rest of a table
                // taken from a PDF page laid out differently).
                if c.len() < 2 && numbered {
                    let spaced = space_cells(t, line);
                    if spaced.len() >= 3 && is_row_number(text_of(t, spaced[0])) {
                        c = fit_space_row(spaced, &columns, line);
                    }
                }
                // A category line between numbered rows (`一、壮大产业规模`) heads the rows
                // after it: the table goes on.
                if c.len() < 2 && numbered && is_category_line(t, line) {
                    k += 1;
                    continue;
                }
                // Fewer than two cells, or the header of the next table (`指标 | 2024年 |
                // 2027年`), ends the table.
                if c.len() < 2 || names_columns(t, &c) {
                    break;
                }
                // A line whose number cell is empty goes on with the row above: a cell
                // wrapped onto the next line.
                if numbered
                    && c[0].0 == c[0].1
                    && let Some(row) = rows.last_mut()
                {
                    continue_row(row, &c, line.end);
                    end = line.end;
                    k += 1;
                    continue;
                }
                if numbered && !is_row_number(text_of(t, c[0])) {
                    break;
                }
                c.resize(columns.len(), (line.end, line.end));
                c.truncate(columns.len());
                rows.push(Row {
                    start: line.start,
                    end: line.end,
                    cells: c,
                });
                end = line.end;
                k += 1;
            }
        }
        Form::SpaceRows => {
            while let Some(&line) = t.lines.get(k) {
                let c = space_cells(t, line);
                if c.len() < 2 || !is_row_number(text_of(t, c[0])) {
                    break;
                }
                rows.push(Row {
                    start: line.start,
                    end: line.end,
                    cells: fit_space_row(c, &columns, line),
                });
                end = line.end;
                k += 1;
            }
        }
        Form::CellLines => {
            let (found, next) = cell_line_rows(t, k, columns.len(), numbered);
            if let Some(last) = found.last() {
                end = last.end;
            }
            rows = found;
            k = next;
        }
    }
    if rows.is_empty() {
        return None;
    }
    let start = header.first().map_or(t.lines[i].start, |c| c.0);
    Some((
        Table {
            kind,
            columns,
            rows,
            start,
            end,
        },
        k,
    ))
}

/// Rows of a table written a cell per line from line `k`: `n` cells a row, a cell being
/// the lines up to one closed by `|` (a long cell may wrap). With `numbered`, each row
/// opens with its number.
fn cell_line_rows(t: &NormText, mut k: usize, n: usize, numbered: bool) -> (Vec<Row>, usize) {
    let mut rows = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut cell_start: Option<usize> = None;
    while let Some(&line) = t.lines.get(k) {
        if line.is_blank() {
            break;
        }
        let s = t.line_str(line);
        let start = cell_start.unwrap_or(line.start);
        if !s.ends_with('|') {
            // A cell wrapped over lines goes on; more than a few unclosed lines end it.
            if line.start - start > 2000 {
                break;
            }
            cell_start = Some(start);
            k += 1;
            continue;
        }
        let body_end = line.start + s.trim_end_matches('|').trim_end().chars().count();
        let cell = (start, body_end.max(start));
        cell_start = None;
        if cur.is_empty() && numbered && !is_row_number(text_of(t, cell)) {
            break;
        }
        cur.push(cell);
        k += 1;
        if cur.len() == n {
            rows.push(Row {
                start: cur[0].0,
                end: cur[n - 1].1,
                cells: std::mem::take(&mut cur),
            });
        }
    }
    (rows, k)
}

/// Whether the cells of a row are a header: short cells naming columns that make a task
/// or an indicator table.
fn names_columns(t: &NormText, cells: &[(usize, usize)]) -> bool {
    if cells.iter().any(|c| c.1 - c.0 > MAX_HEADER_CHARS) {
        return false;
    }
    let columns: Vec<Column> = cells.iter().map(|&c| column_of(text_of(t, c))).collect();
    columns.iter().filter(|c| **c == Column::Other).count() <= 1 && kind_of(&columns).is_some()
}

/// A short line heading a group of rows (`一、壮大产业规模`, `(二)提升创新能力`): no
/// separator, no full stop, at most 20 chars.
fn is_category_line(t: &NormText, line: Line) -> bool {
    let s = t.line_str(line);
    line.end - line.start <= 20 && !s.contains(['。', ';', '；', '|', '\t'])
}

/// Joins the cells of a wrapped line to the row above: each cell the row left empty takes
/// the line's, each one it filled runs on to the line's end of that cell.
fn continue_row(row: &mut Row, cells: &[(usize, usize)], line_end: usize) {
    for (held, &more) in row.cells.iter_mut().zip(cells).skip(1) {
        if more.0 == more.1 {
            continue;
        }
        if held.0 == held.1 {
            *held = more;
        } else {
            held.1 = more.1;
        }
    }
    row.end = line_end;
}

/// Whether the text of `line` follows a tab on its line (trimmed away from its span).
fn opens_with_separator(t: &NormText, line: Line) -> bool {
    t.indent(line).contains('\t')
}

/// The year a deadline cell names (`2025年12月`, `2025年底前`, `2026`); none for `每年`,
/// `持续推进`, `长期`.
pub fn deadline_year(cell: &str) -> Option<i32> {
    let bytes = cell.as_bytes();
    let at = (0..bytes.len().saturating_sub(3)).find(|&i| {
        bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    })?;
    let year: i32 = cell[at..at + 4].parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

/// `1`, `12`, `1.`, `(3)`: a row number.
fn is_row_number(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', '、']);
    let s = s
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(s);
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| digit_value(c).is_some())
}

/// A task table names a task column and a unit column; an indicator table an indicator
/// column and at least one year column.
fn kind_of(columns: &[Column]) -> Option<Kind> {
    let has = |c: Column| columns.contains(&c);
    let units = has(Column::Responsible) || has(Column::Lead);
    if has(Column::Task) && units {
        return Some(Kind::Tasks);
    }
    let years = columns.iter().any(|c| matches!(c, Column::Year(_)));
    (has(Column::Indicator) && years).then_some(Kind::Indicators)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (Table, Vec<Vec<String>>, NormText<'_>) {
        let t = NormText::new(text);
        let found = tables(&t);
        assert_eq!(found.len(), 1, "{found:?}");
        let table = found.into_iter().next().unwrap_or_else(|| unreachable!());
        let rows = table
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|&c| text_of(&t, c).to_string())
                    .collect()
            })
            .collect();
        (table, rows, t)
    }

    #[test]
    fn a_task_table_with_a_row_per_line() {
        let (table, rows, _) = one(
            "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
             1\t建设中试基地。\t区科技局\t区财政局\t2025年底\n\
             2\t培育链主企业。\t区工信局\t\t长期\n说明:按季度报送。\n",
        );
        assert_eq!(table.kind, Kind::Tasks);
        assert_eq!(
            table.columns,
            [
                Column::Number,
                Column::Task,
                Column::Lead,
                Column::Co,
                Column::Deadline
            ]
        );
        assert_eq!(deadline_year("2025年12月"), Some(2025));
        assert_eq!(deadline_year("2026年底前"), Some(2026));
        assert_eq!(deadline_year("每年"), None);
        assert_eq!(deadline_year("持续推进"), None);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][1], "培育链主企业。");
        assert_eq!(rows[1][3], "");
    }

    #[test]
    fn a_task_table_with_a_cell_per_line() {
        let (table, rows, _) = one(
            "序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n1 |\n推进园区扩区,\n盘活土地300亩。 |\n\
             园区管委会、区自然资源局 |\n全年 |\n2 |\n办好招商推介会。 |\n投资促进局 |\n全年 |\n",
        );
        assert_eq!(table.kind, Kind::Tasks);
        assert_eq!(rows.len(), 2);
        // A wrapped cell is one cell.
        assert!(rows[0][1].starts_with("推进园区扩区") && rows[0][1].ends_with("300亩。"));
        assert_eq!(rows[1][2], "投资促进局");
    }

    #[test]
    fn an_indicator_table_names_its_year_columns() {
        let (table, rows, _) = one("| 序号 | 指标名称 | 单位 | 2022年 | 2025年目标 | 属性 |\n\
             |---|---|:-:|---|---|---|\n\
             | 1 | 营业收入 | 亿元 | 610 | 900 | 预期性 |\n\
             | 2 | 研发投入强度 | % | 2.8 | 3.5 | 预期性 |\n");
        assert_eq!(table.kind, Kind::Indicators);
        assert_eq!(table.columns[3], Column::Year(2022));
        assert_eq!(table.columns[4], Column::Year(2025));
        assert_eq!(rows[1][1], "研发投入强度");
    }

    #[test]
    fn a_task_table_laid_out_with_spaces() {
        let (table, rows, _) = one("附件\n重点任务分工表\n序号 重点任务 牵头单位 配合单位\n\
             1 建设中试基地3个 区科技局 区财政局、区工信局\n\
             2 培育链主 企业10家 区工信局 区商务局\n\
             3 盘活低效用地500亩 区自然资源局\n说明:按季度报送。\n");
        assert_eq!(table.kind, Kind::Tasks);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][2], "区科技局");
        assert_eq!(rows[0][3], "区财政局、区工信局");
        // A space inside the task text: the row has a cell too many, the task takes it.
        assert_eq!(rows[1][1], "培育链主 企业10家");
        assert_eq!(rows[1][3], "区商务局");
        // A row without co-operating units leaves that cell empty.
        assert_eq!(rows[2][1], "盘活低效用地500亩");
        assert_eq!(rows[2][3], "");
        // Prose with spaces is no header.
        assert!(!is_space_header("序号 为 加快 发展"));
        assert!(!is_space_header("一、 重点 任务"));
    }

    #[test]
    fn a_second_header_starts_a_second_table() {
        let t = NormText::new(
            "指标 | 2025年 | 2030年 | 属性\n工业增加值(亿元) | 300 | 450 | 预期性\n\
             指标 | 2024年(基期) | 2027年(目标) | 属性\n规上工业企业数(家) | 420 | 600 | 预期性\n",
        );
        let found = tables(&t);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].columns[2], Column::Year(2027));
        assert_eq!(found[1].rows.len(), 1);
    }

    #[test]
    fn text_with_stray_separators_is_no_table() {
        let t = NormText::new("一、总体要求\n甲|乙\n推进工作。\n");
        assert!(tables(&t).is_empty());
    }

    #[test]
    fn category_lines_wrapped_cells_and_spaced_rows_stay_in_the_table() {
        let (_, rows, _) = one("序号\t重点任务\t牵头单位\t配合单位\n一、壮大产业规模\n\
             1\t建设中试基地。\t区科技局\t区财政局\n\
             2\t推动研发投入强度达到\n\t3%以上。\t区工信局\t区统计局\n\
             二、优化营商环境\n\
             3     审批时间压缩一半。     区政务服务局     区自然资源局\n");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0][2], "区科技局");
        // The wrapped cell runs on into the next line; the units are the line's.
        assert!(rows[1][1].starts_with("推动研发投入强度达到"));
        assert!(rows[1][1].ends_with("3%以上。"));
        assert_eq!(rows[1][2], "区工信局");
        assert_eq!(rows[2][1], "审批时间压缩一半。");
        assert_eq!(rows[2][3], "区自然资源局");
    }
}
