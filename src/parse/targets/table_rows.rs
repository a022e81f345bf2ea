//! Targets and baselines of an indicator table (`指标名称 | 单位 | 2020年 | 2025年`): each
//! row's value in the latest year column is a target due that year, its values in earlier
//! year columns are statistics of those years. The comparator is read from the cell
//! (`≥90`, `>60`, `3左右`, `5以上`), the unit from the unit column or from the indicator's
//! own brackets (`营业收入(亿元)`).

use super::TargetContext;
use super::explain::{Explained, Outcome};
use crate::catalog::Catalog;
use crate::model::{Comparator, Measure, Statistic, Target};
use crate::parse::normalize::NormText;
use crate::parse::tables::{Column, Kind, Table};

/// What the indicator tables of a document give.
#[derive(Default)]
pub struct FromTables {
    pub targets: Vec<Target>,
    pub statistics: Vec<Statistic>,
    pub explained: Vec<Explained>,
}

impl FromTables {
    /// Drops the table's targets that the text already states (`到2030年,森林覆盖率达到
    /// 57%` above a row giving 57 for 2030): one target, the text's. The text's targets
    /// are `targets`, or when explaining, the targets among `explained`; `--explain` calls
    /// the table's figure `restated`.
    pub fn drop_restated(&mut self, targets: &[Target], explained: &[Explained]) {
        let in_text = |t: &Target| {
            targets.iter().any(|e| super::restates(e, t))
                || explained.iter().any(|e| super::explained_restates(e, t))
        };
        let (restated, kept): (Vec<Target>, Vec<Target>) = std::mem::take(&mut self.targets)
            .into_iter()
            .partition(|t| in_text(t));
        self.targets = kept;
        for e in &mut self.explained {
            let dropped = restated
                .iter()
                .any(|t| t.span.0 <= e.span.0 && e.span.1 <= t.span.1 && t.value == e.value);
            if dropped && e.outcome == Outcome::Target {
                e.outcome = Outcome::Nothing;
                e.rule = "restated";
            }
        }
    }
}

/// The targets and statistics of every indicator table.
pub fn read(
    t: &NormText,
    tables: &[Table],
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
) -> FromTables {
    let mut out = FromTables::default();
    for table in tables.iter().filter(|t| t.kind == Kind::Indicators) {
        let mut year_columns: Vec<(usize, i32)> = table
            .columns
            .iter()
            .enumerate()
            .filter_map(|(k, c)| match c {
                Column::Year(y) => Some((k, *y)),
                _ => None,
            })
            .collect();
        year_columns.sort_by_key(|&(_, y)| y);
        let Some(&(_, latest)) = year_columns.last() else {
            continue;
        };
        // A table of past years only (a review) holds no target.
        let has_target = ctx.doc_year.is_none_or(|d| latest >= d);
        for row in &table.rows {
            let Some(name) = table.cell(row, Column::Indicator) else {
                continue;
            };
            let written = t.norm_slice(name.0, name.1).trim().to_string();
            let (indicator, bracket_unit) = split_unit(&written);
            if indicator.is_empty() {
                continue;
            }
            let column_unit = table
                .cell(row, Column::Unit)
                .map(|(a, b)| t.norm_slice(a, b).trim().to_string())
                .filter(|u| !u.is_empty() && u != "-" && u != "—");
            let sentence = t.orig_slice(row.start, row.end).to_string();
            for &(k, year) in &year_columns {
                let Some(&(a, b)) = row.cells.get(k).filter(|c| c.0 < c.1) else {
                    continue;
                };
                let Some(v) = value_of(t.norm_slice(a, b)) else {
                    continue;
                };
                let unit = column_unit
                    .clone()
                    .or_else(|| bracket_unit.clone())
                    .or(v.unit.clone())
                    .unwrap_or_default();
                let indicator_id = catalog
                    .indicator_for(&indicator, &unit)
                    .map(|i| i.id.clone());
                let is_target = has_target && year == latest;
                out.explained.push(Explained {
                    value: v.value,
                    unit: unit.clone(),
                    span: (a, b),
                    outcome: if is_target {
                        Outcome::Target
                    } else {
                        Outcome::Statistic
                    },
                    rule: "indicator-table",
                    indicator: Some(indicator.clone()),
                    year: Some(year),
                    sentence: sentence.clone(),
                });
                if is_target {
                    let measure = super::owning_measure(measures, row.start, row.end, row.start);
                    out.targets.push(Target {
                        indicator: indicator.clone(),
                        indicator_id,
                        value: v.value,
                        value_max: v.value_max,
                        unit,
                        comparator: v.comparator,
                        year: Some(year),
                        measure,
                        sentence: sentence.clone(),
                        span: (row.start, row.end),
                    });
                } else {
                    out.statistics.push(Statistic {
                        indicator: indicator.clone(),
                        indicator_id,
                        value: v.value,
                        unit,
                        year: Some(year),
                        sentence: sentence.clone(),
                        span: (row.start, row.end),
                    });
                }
            }
        }
    }
    out
}

/// `营业收入(亿元)` → (`营业收入`, `亿元`).
fn split_unit(name: &str) -> (String, Option<String>) {
    let name = name.trim();
    if let Some(open) = name.rfind('(')
        && name.ends_with(')')
    {
        let unit = name[open + 1..name.len() - 1].trim();
        if !unit.is_empty() && unit.chars().count() <= 6 {
            return (name[..open].trim().to_string(), Some(unit.to_string()));
        }
    }
    (name.to_string(), None)
}

/// A figure written in a cell.
#[derive(Debug, PartialEq)]
struct CellValue {
    value: f64,
    value_max: Option<f64>,
    comparator: Comparator,
    /// A unit written after the number inside the cell (`3.5%`).
    unit: Option<String>,
}

/// `900`, `≥90`, `>60`, `3左右`, `5以上`, `8-10`, `3.5%`: the cell's figure; `—` or words
/// give none. A figure in brackets (`〔13.5〕`, `[18]`) is the total over the plan's years,
/// as plans write the cumulative indicators (energy and carbon intensity cuts): the same
/// figure.
fn value_of(cell: &str) -> Option<CellValue> {
    let mut s: &str = &cell.replace([' ', ','], "");
    for (open, close) in [('〔', '〕'), ('[', ']'), ('【', '】')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            s = inner;
            break;
        }
    }
    let mut comparator = Comparator::Eq;
    for (w, c) in [
        ("≥", Comparator::Ge),
        (">=", Comparator::Ge),
        ("≤", Comparator::Le),
        ("<=", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
        ("约", Comparator::Approx),
        ("~", Comparator::Approx),
    ] {
        if let Some(rest) = s.strip_prefix(w) {
            s = rest;
            comparator = c;
            break;
        }
    }
    for (w, c) in [
        ("以上", Comparator::Ge),
        ("左右", Comparator::Approx),
        ("以下", Comparator::Le),
        ("以内", Comparator::Le),
    ] {
        if let Some(rest) = s.strip_suffix(w) {
            s = rest;
            comparator = c;
            break;
        }
    }
    let number_end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let value: f64 = s[..number_end].parse().ok()?;
    let mut rest = &s[number_end..];
    let mut value_max = None;
    if let Some(r) = rest.strip_prefix(['-', '~', '—', '至']) {
        let end = r
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(r.len(), |(i, _)| i);
        value_max = Some(r[..end].parse().ok()?);
        rest = &r[end..];
        comparator = Comparator::Ge;
    }
    let unit = rest.trim();
    if unit.chars().count() > 4 || unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(CellValue {
        value,
        value_max,
        comparator,
        unit: (!unit.is_empty()).then(|| unit.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(doc_year: Option<i32>) -> TargetContext {
        TargetContext {
            period: None,
            doc_year,
            news: false,
            accounted: None,
        }
    }

    #[test]
    fn cells_give_value_comparator_and_range() {
        let v = value_of("≥90").unwrap_or_else(|| unreachable!());
        assert_eq!((v.value, v.comparator), (90.0, Comparator::Ge));
        let v = value_of("3 左右").unwrap_or_else(|| unreachable!());
        assert_eq!((v.value, v.comparator), (3.0, Comparator::Approx));
        let v = value_of("8-10").unwrap_or_else(|| unreachable!());
        assert_eq!(
            (v.value, v.value_max, v.comparator),
            (8.0, Some(10.0), Comparator::Ge)
        );
        let v = value_of("3.5%").unwrap_or_else(|| unreachable!());
        assert_eq!(v.unit.as_deref(), Some("%"));
        let v = value_of("〔13.5〕").unwrap_or_else(|| unreachable!());
        assert_eq!((v.value, v.comparator), (13.5, Comparator::Eq));
        assert_eq!(value_of("[18]").map(|v| v.value), Some(18.0));
        assert_eq!(value_of("—"), None);
        assert_eq!(value_of("保持合理区间"), None);
    }

    #[test]
    fn the_latest_year_column_is_the_target_and_earlier_ones_are_baselines() {
        let text = "主要指标\n序号\t指标名称\t单位\t2022年\t2025年\t属性\n\
                    1\t园区营业收入\t亿元\t610\t≥900\t预期性\n\
                    2\t研发经费投入强度(%)\t\t2.8\t3.5左右\t预期性\n\
                    3\t亩均税收\t万元\t—\t—\t预期性\n";
        let t = NormText::new(text);
        let tables = crate::parse::tables::tables(&t);
        let got = read(&t, &tables, &[], &ctx(Some(2023)), Catalog::in_use());
        let targets: Vec<_> = got
            .targets
            .iter()
            .map(|x| {
                (
                    x.indicator.as_str(),
                    x.value,
                    x.unit.as_str(),
                    x.comparator,
                    x.year,
                )
            })
            .collect();
        assert_eq!(
            targets,
            [
                ("园区营业收入", 900.0, "亿元", Comparator::Ge, Some(2025)),
                ("研发经费投入强度", 3.5, "%", Comparator::Approx, Some(2025)),
            ]
        );
        let stats: Vec<_> = got.statistics.iter().map(|s| (s.value, s.year)).collect();
        assert_eq!(stats, [(610.0, Some(2022)), (2.8, Some(2022))]);
    }

    #[test]
    fn a_table_of_past_years_holds_no_target() {
        let text = "指标名称\t2019年\t2020年\n企业数量(家)\t80\t95\n";
        let t = NormText::new(text);
        let tables = crate::parse::tables::tables(&t);
        let got = read(&t, &tables, &[], &ctx(Some(2021)), Catalog::in_use());
        assert!(got.targets.is_empty());
        assert_eq!(got.statistics.len(), 2);
    }
}
