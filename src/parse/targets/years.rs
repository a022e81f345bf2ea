//! Years written in a sentence and what they mean for a figure: a deadline (`到2025年`,
//! `至2025年`, `力争到2020年`, `2025年底前`, `“十四五”期间`), a bare year (`2020年实现…`:
//! past or future depending on the document's date), a baseline (`比2020年`, `以2021年…为
//! 基数`) or one end of a period (`2018-2020年`).

use crate::parse::lexicon::time::{ASOF_BEFORE, BASELINE_BEFORE, DEADLINE_BEFORE, YEAR_TAILS};
use crate::parse::numbers::{self, digit_value};
use crate::parse::scan::{
    ends_with_at, is_space, longest_prefix, longest_suffix, past_one_line_break, starts_with_at,
};

/// What a year in the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearKind {
    /// `到2025年`, `2025年底前`, `“十四五”期间`: the figures after it are due then.
    Deadline,
    /// `截至2020年底`: the figures describe that year.
    AsOf,
    /// `2020年` with no word around it.
    Bare,
    /// `比2020年`, `以2021年…为基数`: a reference point, not the figure's year.
    Baseline,
    /// One end of a period `2018-2020年`.
    Period,
}

/// A year expression with the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMention {
    /// Start of the expression including a leading `到`/`力争到`.
    pub start: usize,
    /// End of the expression including a trailing `底`/`前`/`期间`.
    pub end: usize,
    pub year: i32,
    pub kind: YearKind,
}

/// Every year expression in `chars[from..to]`.
pub fn years_in(chars: &[char], from: usize, to: usize) -> Vec<YearMention> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if let Some(m) = five_year_plan(chars, i) {
            i = m.end;
            out.push(m);
            continue;
        }
        let starts_number =
            digit_value(chars[i]).is_some() && (i == 0 || digit_value(chars[i - 1]).is_none());
        // Most chars start no year: skipped before any number is built (building an
        // `Option<Number>` for every char cost 1.2 M instructions per 10 parse-bench passes).
        if !starts_number && !matches!(chars[i], '一' | '二') {
            i += 1;
            continue;
        }
        let n = if starts_number {
            numbers::parse_arabic(chars, i)
        } else {
            chinese_digit_year(chars, i)
        };
        let Some(n) = n else {
            i += 1;
            continue;
        };
        // `力争到2027` / `年,`: a line broken between the digits and `年`.
        let tail_at = past_one_line_break(chars, n.end);
        let Some(tail) = longest_prefix(chars, tail_at, YEAR_TAILS) else {
            i = n.end;
            continue;
        };
        let year = n.value as i32;
        if n.end - i != 4 || !(1900..=2100).contains(&year) || f64::from(year) != n.value {
            i = n.end;
            continue;
        }
        let mut start = i;
        // `2024年底前`, `2024年底`: the end of a year is a date to reach.
        let mut kind = if tail.ends_with('前') || tail.ends_with('底') || tail.ends_with('末') {
            YearKind::Deadline
        } else {
            YearKind::Bare
        };
        if i >= 2
            && matches!(chars[i - 1], '-' | '－' | '—' | '~' | '～' | '至' | '到')
            && digit_value(chars[i - 2]).is_some()
        {
            kind = YearKind::Period;
        } else if let Some(w) = longest_suffix(chars, i, ASOF_BEFORE) {
            kind = YearKind::AsOf;
            start -= w.chars().count();
        } else if let Some(w) = longest_suffix(chars, i, DEADLINE_BEFORE) {
            kind = YearKind::Deadline;
            start -= w.chars().count();
        } else if longest_suffix(chars, i, BASELINE_BEFORE).is_some()
            || (tail == "年" && matches!(chars.get(n.end + 1), Some('起' | '以')))
                && !starts_with_at(chars, n.end + 1, "以前")
            || on_the_basis_of(chars, n.end + tail.chars().count())
        {
            // `比2020年`, and `2012年起`/`2020年以来`: a starting point, not a deadline.
            kind = YearKind::Baseline;
        }
        let end = tail_at + tail.chars().count();
        out.push(YearMention {
            start,
            end,
            year,
            kind,
        });
        i = end;
    }
    out
}

/// A year written digit by digit in Chinese numerals (`二〇三〇年`, `二零二五年`), as formal
/// plan titles and texts write it: four digit chars, read as a number.
fn chinese_digit_year(chars: &[char], i: usize) -> Option<numbers::Number> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // A year of 1900–2099 opens `一九` or `二〇`/`二零`: the second char rules out the
    // common `一` and `二` of running text at once.
    let second = chars.get(i + 1).copied();
    let century = matches!(
        (chars[i], second),
        ('一', Some('九')) | ('二', Some('〇' | '零'))
    );
    if !century || (i > 0 && digit(chars[i - 1]).is_some()) {
        return None;
    }
    let digits = chars.get(i..i + 4)?;
    let mut value = 0;
    for &c in digits {
        value = value * 10 + digit(c)?;
    }
    if chars.get(i + 4).copied().and_then(digit).is_some() {
        return None;
    }
    Some(numbers::Number {
        value: f64::from(value),
        start: i,
        end: i + 4,
        chinese: true,
        percent: false,
    })
}

/// `(在)2022年(的)基础上`: the year a change is measured from.
fn on_the_basis_of(chars: &[char], after_year: usize) -> bool {
    starts_with_at(chars, after_year, "的基础上") || starts_with_at(chars, after_year, "基础上")
}

/// `十四五` (with or without quotes) followed by `期间`/`时期`/`末`: a deadline at the end
/// of that five-year plan (2025 for the 14th).
fn five_year_plan(chars: &[char], i: usize) -> Option<YearMention> {
    if chars[i] != '十' || (i > 0 && numbers::is_chinese_numeral_char(chars[i - 1])) {
        return None;
    }
    let n = numbers::parse_chinese(chars, i)?;
    if !(10.0..=20.0).contains(&n.value) || chars.get(n.end) != Some(&'五') {
        return None;
    }
    let mut end = n.end + 1;
    if matches!(chars.get(end), Some('”') | Some('"') | Some('’')) {
        end += 1;
    }
    let tail = longest_prefix(chars, end, &["期间", "时期", "末期", "末", "规划期"])?;
    let start = if i > 0 && matches!(chars[i - 1], '“' | '"' | '‘') {
        i - 1
    } else {
        i
    };
    let start = longest_suffix(chars, start, &["到", "至", "在"])
        .map_or(start, |w| start - w.chars().count());
    Some(YearMention {
        start,
        end: end + tail.chars().count(),
        year: 1955 + 5 * n.value as i32,
        kind: YearKind::Deadline,
    })
}

/// The year a word relative to the document's year `doc_year` names in `from..to`: `今年`,
/// `本年` that year, `明年` the next, `去年`, `上年`, `过去一年` the one before. Meant for
/// headings (`二、今年主要目标`), short lines read once each.
pub fn relative_year(chars: &[char], from: usize, to: usize, doc_year: i32) -> Option<i32> {
    (from + 1..to).find_map(|i| {
        if chars[i] != '年' {
            return None;
        }
        match chars[i - 1] {
            '今' | '本' => Some(doc_year),
            '明' => Some(doc_year + 1),
            '去' | '上' => Some(doc_year - 1),
            '一' if i >= from + 3 && chars[i - 3..i - 1] == ['过', '去'] => Some(doc_year - 1),
            _ => None,
        }
    })
}

/// A year expression opening the sentence `start..end` and followed by a comma
/// (`到2020年,`, `力争到2025年底,`, `“十四五”期间,`): it governs the whole sentence group.
pub fn opener(chars: &[char], start: usize, end: usize) -> Option<YearMention> {
    let mut s = start;
    while s < end && is_space(chars[s]) {
        s += 1;
    }
    // `计划到2025年,`, `预计到2025年,`: a planning word may come first.
    for lead in ["计划", "预计", "目标是", "目标为"] {
        if starts_with_at(chars, s, lead) {
            s += lead.chars().count();
            break;
        }
    }
    let first = years_in(chars, s, end.min(s + 16)).into_iter().next()?;
    let lead_ok =
        first.start == s || (ends_with_at(chars, first.start, "力争") && first.start == s + 2);
    let comma = matches!(chars.get(first.end), Some(',') | Some('，'));
    (lead_ok && comma && matches!(first.kind, YearKind::Deadline | YearKind::Bare)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(i32, YearKind)> {
        let c: Vec<char> = s.chars().collect();
        years_in(&c, 0, c.len())
            .into_iter()
            .map(|m| (m.year, m.kind))
            .collect()
    }

    #[test]
    fn deadlines() {
        use YearKind::*;
        assert_eq!(kinds("到2025年,企业达到"), [(2025, Deadline)]);
        // The year a doubling is counted from is a reference point.
        assert_eq!(kinds("在2022年的基础上翻一番"), [(2022, Baseline)]);
        assert_eq!(kinds("2020年基础上增长"), [(2020, Baseline)]);
        assert_eq!(kinds("至2025年,力争建设"), [(2025, Deadline)]);
        assert_eq!(kinds("力争到2020年,实现"), [(2020, Deadline)]);
        assert_eq!(kinds("2025年底前完成"), [(2025, Deadline)]);
        assert_eq!(kinds("力争2024年底投用"), [(2024, Deadline)]);
        assert_eq!(kinds("2024年底,累计建成"), [(2024, Deadline)]);
        assert_eq!(kinds("到2025年底,外资企业"), [(2025, Deadline)]);
        assert_eq!(kinds("“十四五”期间,建成"), [(2025, Deadline)]);
        assert_eq!(kinds("十三五时期"), [(2020, Deadline)]);
    }

    #[test]
    fn other_years() {
        use YearKind::*;
        assert_eq!(kinds("2020年实现产值"), [(2020, Bare)]);
        assert_eq!(kinds("截至2020年底,拥有"), [(2020, AsOf)]);
        assert_eq!(kinds("比2020年翻一番"), [(2020, Baseline)]);
        assert_eq!(kinds("以2021年收入为基数"), [(2021, Baseline)]);
        // A year a programme starts from is no deadline.
        assert_eq!(kinds("2016年起三年内,培养"), [(2016, Baseline)]);
        assert_eq!(kinds("2019年以来,累计引进"), [(2019, Baseline)]);
        assert_eq!(kinds("(2018-2020年)"), [(2020, Period)]);
        assert!(kinds("中国制造2025").is_empty());
        assert!(kinds("国发〔2020〕7号").is_empty());
        assert!(kinds("“十四五”园区").is_empty());
        assert!(kinds("新增300年").is_empty());
    }

    #[test]
    fn openers_govern_the_sentence_group() {
        let check = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            opener(&c, 0, c.len()).map(|m| m.year)
        };
        assert_eq!(
            check("到2020年,战略性新兴产业产值突破5000亿元。"),
            Some(2020)
        );
        assert_eq!(check("力争到2025年,建成3个。"), Some(2025));
        assert_eq!(check("计划到2026年,园区收入达到90亿元。"), Some(2026));
        assert_eq!(check("力争2024年底,投用项目超过20个。"), Some(2024));
        assert_eq!(check("“十四五”期间,新增10家。"), Some(2025));
        assert_eq!(check("企业到2020年达到5家。"), None);
        assert_eq!(check("提出“到2020年,建成中心”。"), None);
    }

    #[test]
    fn words_relative_to_the_documents_year() {
        let at = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            relative_year(&c, 0, c.len(), 2025)
        };
        assert_eq!(at("二、今年主要目标"), Some(2025));
        assert_eq!(at("三、明年工作安排"), Some(2026));
        assert_eq!(at("一、过去一年工作回顾"), Some(2024));
        assert_eq!(at("(一)上年度目标完成情况"), Some(2024));
        assert_eq!(at("四、重点任务"), None);
        assert_eq!(at("五年来工作回顾"), None);
    }

    #[test]
    fn a_year_broken_from_its_character_over_a_line() {
        assert_eq!(kinds("力争到2027\n  年,"), [(2027, YearKind::Deadline)]);
        assert!(kinds("共2027\n\n年").is_empty());
    }

    #[test]
    fn a_year_in_chinese_digits() {
        assert_eq!(kinds("到二〇三〇年,"), [(2030, YearKind::Deadline)]);
        assert_eq!(kinds("二零二五年底前完成"), [(2025, YearKind::Deadline)]);
        // Not a year: a count, and a longer run of numerals.
        assert!(kinds("二十五年来").is_empty());
        assert!(kinds("一二三四五年").is_empty());
    }
}
