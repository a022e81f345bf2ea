//! Plan periods as documents state them: year ranges (`2018-2020年`, `2018—2020年`,
//! `2018年-2020年`) and five-year plans (`十四五` = 2021–2025).

use crate::model::Period;
use crate::parse::lexicon::documents::{ACCOUNT_WORDS, WORK_PLAN_WORDS};

/// Plan period, only where the document states one: a year range or `十四五` in the
/// title, the one year of a plan of work (`2025年工作要点`: `title_year` is the one year
/// the title names), a year range in the head, or `“十四五”期间` in the text. A goal year
/// alone (`到2023年`) is not a period.
pub(super) fn period_of(
    title: &str,
    title_year: Option<i32>,
    head: &str,
    text: &str,
) -> Option<Period> {
    year_range(title)
        .or_else(|| five_year_plan(title))
        .or_else(|| title_year.and_then(|y| year_of_work_plan(title, y)))
        .or_else(|| year_range(head))
        .or_else(|| five_year_plan_period(text))
}

/// A title naming a plan of work for one year (`某开发区2025年工作要点`, `2024年度招商
/// 目标任务`), not an account of it (`2023年工作总结`): its period is that year.
fn year_of_work_plan(title: &str, year: i32) -> Option<Period> {
    let plans = WORK_PLAN_WORDS.iter().any(|w| title.contains(w));
    let account = ACCOUNT_WORDS.iter().any(|w| title.contains(w));
    (plans && !account).then_some(Period {
        start: year,
        end: year,
    })
}

fn five_year(s: &str) -> Option<Period> {
    // The formal title writes the plan out (`第十五个五年规划`).
    const PLANS: [(&str, i32); 10] = [
        ("十一五", 2006),
        ("十二五", 2011),
        ("十三五", 2016),
        ("十四五", 2021),
        ("十五五", 2026),
        ("第十一个五年", 2006),
        ("第十二个五年", 2011),
        ("第十三个五年", 2016),
        ("第十四个五年", 2021),
        ("第十五个五年", 2026),
    ];
    PLANS
        .iter()
        .find(|(w, _)| s.contains(w))
        .map(|&(_, start)| Period {
            start,
            end: start + 4,
        })
}

fn five_year_plan(title: &str) -> Option<Period> {
    five_year(title)
}

/// `“十四五”期间`/`十四五时期` in running text.
fn five_year_plan_period(text: &str) -> Option<Period> {
    ["期间", "时期"].iter().find_map(|w| {
        // `contains` is a much faster search than `find` and rules most texts out.
        if !text.contains(w) {
            return None;
        }
        let i = text.find(w)?;
        let before: String = text[..i].chars().rev().take(4).collect();
        let before: String = before.chars().rev().collect();
        five_year(&before)
    })
}

/// Four ASCII digits forming a year 1990–2100 starting at byte `i`.
fn year_at(s: &str, i: usize) -> Option<i32> {
    let y = s.get(i..i + 4)?;
    if !y.bytes().all(|b| b.is_ascii_digit())
        || s[i + 4..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    y.parse().ok().filter(|y| (1990..=2100).contains(y))
}

/// `2018-2020年`, `2018—2020年`, `2018年-2020年`, `2018至2020年`.
pub(super) fn year_range(s: &str) -> Option<Period> {
    s.char_indices().find_map(|(i, c)| {
        if !c.is_ascii_digit() || (i > 0 && s[..i].ends_with(|p: char| p.is_ascii_digit())) {
            return None;
        }
        let start = year_at(s, i)?;
        let rest = s[i + 4..].strip_prefix('年').unwrap_or(&s[i + 4..]);
        let sep = rest.chars().next()?;
        if !matches!(sep, '-' | '—' | '–' | '~' | '至' | '到' | '－') {
            return None;
        }
        let rest = &rest[sep.len_utf8()..];
        let rest = rest.strip_prefix('—').unwrap_or(rest);
        let end = year_at(rest, 0)?;
        (rest[4..].starts_with('年') && end > start && end - start <= 15)
            .then_some(Period { start, end })
    })
}
