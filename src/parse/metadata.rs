//! Document metadata: title, issuer, document number, issue date, plan period, kind and the
//! city whose agency names apply. Looks at the head of the document (before the first
//! heading), signature lines (`沈阳市人民政府` over a date) and labelled lines (`发布日期:`).

use super::lines::{date_in, is_boilerplate, parse_marker};
use super::normalize::{NormText, char_count};
use crate::model::{DocKind, Period};

/// Everything [`extract`] finds about the document as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<i32>,
    pub period: Option<Period>,
    pub kind: DocKind,
    /// City the document's agencies belong to (`沈阳`), when named.
    pub city: Option<&'static str>,
}

/// Cities recognised for agency names; the bundled corpus needs 沈阳, 大连 and 重庆.
const CITIES: [&str; 40] = [
    "沈阳",
    "大连",
    "重庆",
    "北京",
    "上海",
    "天津",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "长春",
    "哈尔滨",
    "济南",
    "青岛",
    "郑州",
    "长沙",
    "合肥",
    "福州",
    "厦门",
    "宁波",
    "苏州",
    "无锡",
    "南昌",
    "昆明",
    "贵阳",
    "南宁",
    "海口",
    "太原",
    "石家庄",
    "呼和浩特",
    "兰州",
    "西宁",
    "银川",
    "乌鲁木齐",
    "拉萨",
    "鞍山",
    "抚顺",
];

/// The first city of [`CITIES`] named in `s` (earliest occurrence).
pub fn city_in(s: &str) -> Option<&'static str> {
    CITIES
        .iter()
        .filter_map(|c| s.find(c).map(|i| (i, *c)))
        .min()
        .map(|(_, c)| c)
}

/// Reads the metadata of a document; `first_heading` is the line index of its first
/// heading (the head of the document ends there).
pub fn extract(t: &NormText, first_heading: Option<usize>) -> Metadata {
    let head_end = first_heading.unwrap_or(t.lines.len()).min(20);
    let (title_line, title) = find_title(t, head_end);
    let doc_number = find_doc_number(t, head_end);
    let date = find_date(t);
    let news = is_news(t, &title);
    let issuer = issuer_from_title(&title)
        .or_else(|| signature_issuer(t))
        .or_else(|| news.then(|| source_line(t)).flatten());
    let year = date.map(|d| d.0);
    let head: String = t.lines[..head_end]
        .iter()
        .filter(|l| Some(**l) != title_line)
        .map(|&l| t.line_str(l))
        .collect();
    let period = period_of(&title, &head, t.norm.as_str(), year);
    let kind = kind_of(&title, news, &head);
    let city = city_in(&title)
        .or_else(|| issuer.as_deref().and_then(city_in))
        .or_else(|| most_frequent_city(&t.norm));
    Metadata {
        title,
        issuer,
        doc_number,
        date: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        year,
        period,
        kind,
        city,
    }
}

/// The city of [`CITIES`] named most often in `text` (one pass over the text).
fn most_frequent_city(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; CITIES.len()];
    for (i, c) in text.char_indices() {
        if !CITY_INITIALS.contains(c) {
            continue;
        }
        if let Some(k) = CITIES.iter().position(|city| text[i..].starts_with(city)) {
            counts[k] += 1;
        }
    }
    let best = (0..CITIES.len()).max_by_key(|&k| (counts[k], usize::MAX - k))?;
    (counts[best] > 0).then_some(CITIES[best])
}

/// First chars of [`CITIES`], to skip most positions quickly.
const CITY_INITIALS: &str =
    "沈大重北上天广深杭南武成西长哈济青郑合福厦宁苏无昆贵海太石呼兰乌拉鞍抚";

/// A line that reads like a title: no full stop, not an address line, not boilerplate.
fn is_title_like(s: &str) -> bool {
    let n = char_count(s);
    (8..=100).contains(&n)
        && !s.contains('。')
        && !s.ends_with(':')
        && !is_boilerplate(s)
        && parse_marker(s).is_none()
        && date_in(s).is_none_or(|(_, r)| r.len() < s.len() / 2)
}

/// The title line: one naming the document (`关于…的通知`) if the head has it, else the
/// first title-like line; the result drops a leading document number and `《》`.
fn find_title(t: &NormText, head_end: usize) -> (Option<super::normalize::Line>, String) {
    let candidates: Vec<_> = t.lines[..head_end]
        .iter()
        .copied()
        .filter(|&l| is_title_like(t.line_str(l)))
        .collect();
    let named = candidates.iter().copied().find(|&l| {
        let s = t.line_str(l);
        s.find("关于")
            .is_some_and(|i| s[i..].contains('的') && DOC_KIND_WORDS.iter().any(|w| s.ends_with(w)))
    });
    let Some(line) = named.or_else(|| candidates.first().copied()) else {
        return (None, String::new());
    };
    let norm = t.line_str(line);
    let skip = doc_number_at(norm).map_or(0, |e| char_count(&norm[..e]));
    let mut s = t.orig_slice(line.start + skip, line.end).trim();
    let stripped = s.strip_prefix('《').and_then(|x| x.strip_suffix('》'));
    if let Some(inner) = stripped.filter(|x| !x.contains('《')) {
        s = inner;
    }
    (Some(line), s.to_string())
}

const DOC_KIND_WORDS: [&str; 12] = [
    "意见》",
    "方案》",
    "规划》",
    "通知》",
    "意见",
    "方案",
    "规划",
    "通知",
    "办法",
    "计划",
    "纲要",
    "决定",
];

/// End (byte) of a document number at the start of `s` (`大政办发〔2017〕133号`).
fn doc_number_at(s: &str) -> Option<usize> {
    let open = s.find(['〔', '[', '(', '【'])?;
    let prefix = &s[..open];
    let n = char_count(prefix);
    if !(2..=10).contains(&n)
        || !prefix
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        || !prefix.ends_with(['发', '函', '字', '令', '文', '办', '通', '规'])
    {
        return None;
    }
    let rest = &s[open..];
    let mut chars = rest.char_indices().skip(1);
    let year: String = chars.by_ref().take(4).map(|c| c.1).collect();
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (_, close) = chars.next()?;
    if !matches!(close, '〕' | ']' | ')' | '】') {
        return None;
    }
    let mut end = None;
    let mut digits = 0;
    for (i, c) in chars {
        if c.is_ascii_digit() {
            digits += 1;
        } else {
            if c == '号' && digits > 0 {
                end = Some(open + i + c.len_utf8());
            }
            break;
        }
    }
    end
}

fn find_doc_number(t: &NormText, head_end: usize) -> Option<String> {
    t.lines[..head_end].iter().find_map(|&l| {
        let s = t.line_str(l);
        let s_off = s
            .find("文号:")
            .map_or(0, |i| i + "文号:".len())
            .min(s.len());
        let end = doc_number_at(&s[s_off..])?;
        let start = l.start + char_count(&s[..s_off]);
        let len = char_count(&s[s_off..s_off + end]);
        Some(t.orig_slice(start, start + len).to_string())
    })
}

/// Issue date: a labelled line (`发布日期:`), else a line holding only a date (signature),
/// else a date on a news source line near the top.
fn find_date(t: &NormText) -> Option<(i32, u32, u32)> {
    const LABELS: [&str; 7] = [
        "发布日期",
        "发布时间",
        "成文日期",
        "发文日期",
        "印发日期",
        "日期:",
        "时间:",
    ];
    let strs: Vec<&str> = t.lines.iter().map(|&l| t.line_str(l)).collect();
    let labelled = strs
        .iter()
        .filter(|s| LABELS.iter().any(|lb| s.contains(lb)))
        .find_map(|s| date_in(s));
    let alone = || {
        strs.iter().find_map(|s| {
            date_in(s)
                .filter(|(_, r)| s[..r.start].trim().is_empty() && s[r.end..].trim().is_empty())
        })
    };
    let source = || {
        strs.iter()
            .take(10)
            .filter(|s| s.contains("来源") || s.contains('|'))
            .find_map(|s| date_in(s))
    };
    labelled.or_else(alone).or_else(source).map(|d| d.0)
}

const ISSUER_ENDINGS: [&str; 10] = [
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "管委会",
    "政府",
    "局",
    "厅",
    "部",
    "委",
];

fn issuer_from_title(title: &str) -> Option<String> {
    let i = title.find("关于")?;
    let who = title[..i].trim_start_matches('《');
    (char_count(who) >= 3 && ISSUER_ENDINGS.iter().any(|e| who.ends_with(e)))
        .then(|| who.to_string())
}

/// A short line ending like an agency directly above a date line.
fn signature_issuer(t: &NormText) -> Option<String> {
    let nonblank: Vec<_> = t.lines.iter().filter(|l| !l.is_blank()).collect();
    nonblank.windows(2).find_map(|w| {
        let s = t.line_str(*w[0]);
        let next = t.line_str(*w[1]);
        let signature = (3..=30).contains(&char_count(s))
            && !s.contains(['。', ',', ':'])
            && ISSUER_ENDINGS.iter().any(|e| s.ends_with(e));
        (signature && date_in(next).is_some_and(|(_, r)| r.start == 0 && r.end == next.len()))
            .then(|| t.orig_slice(w[0].start, w[0].end).to_string())
    })
}

/// `来源:沈阳日报 | 2021-06-15` → `沈阳日报`.
fn source_line(t: &NormText) -> Option<String> {
    t.lines.iter().take(10).find_map(|&l| {
        let s = t.line_str(l);
        let rest = s.strip_prefix("来源:")?.trim_start();
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '|')
            .collect();
        (!name.is_empty()).then_some(name)
    })
}

fn is_news(t: &NormText, title: &str) -> bool {
    let head = t.lines.iter().take(12).map(|&l| t.line_str(l));
    let embedded = title.contains('《') && !title.starts_with('《') && !title.contains("关于");
    embedded
        || head
            .into_iter()
            .any(|s| s.starts_with("来源:") || s.contains("原标题") || s.contains("记者"))
}

fn kind_of(title: &str, news: bool, head: &str) -> DocKind {
    if news {
        return DocKind::News;
    }
    // `关于印发X的通知` is the plan X.
    let subject = title
        .find("印发")
        .map(|i| &title[i + "印发".len()..])
        .map(|s| s.strip_suffix("的通知").unwrap_or(s))
        .unwrap_or(title);
    let by_words = |s: &str| {
        if s.contains("意见") {
            Some(DocKind::Opinion)
        } else if ["实施方案", "行动方案", "工作方案", "行动计划", "实施细则"]
            .iter()
            .any(|w| s.contains(w))
        {
            Some(DocKind::ImplementationPlan)
        } else if ["规划", "方案", "计划", "纲要"]
            .iter()
            .any(|w| s.contains(w))
        {
            Some(DocKind::Plan)
        } else if s.contains("通知") {
            Some(DocKind::Notice)
        } else {
            None
        }
    };
    by_words(subject)
        .or_else(|| head.contains("如下意见").then_some(DocKind::Opinion))
        .unwrap_or_default()
}

/// Plan period: a year range or `十四五` in the title, a year range in the head, the first
/// goal year (`到2023年`) with the issue year as start, or `“十四五”期间` in the text.
fn period_of(title: &str, head: &str, text: &str, year: Option<i32>) -> Option<Period> {
    year_range(title)
        .or_else(|| five_year_plan(title))
        .or_else(|| year_range(head))
        .or_else(|| {
            let goal = goal_year(text)?;
            let start = year?;
            (goal >= start).then_some(Period { start, end: goal })
        })
        .or_else(|| five_year_plan_period(text))
}

fn five_year(s: &str) -> Option<Period> {
    const PLANS: [(&str, i32); 5] = [
        ("十一五", 2006),
        ("十二五", 2011),
        ("十三五", 2016),
        ("十四五", 2021),
        ("十五五", 2026),
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
fn year_range(s: &str) -> Option<Period> {
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

/// The first `到20XX年`/`至20XX年` in the text.
fn goal_year(text: &str) -> Option<i32> {
    ["到", "至"]
        .iter()
        .filter_map(|w| {
            text.match_indices(w).find_map(|(i, _)| {
                let j = i + w.len();
                year_at(text, j)
                    .filter(|_| text[j + 4..].starts_with('年'))
                    .map(|y| (i, y))
            })
        })
        .min()
        .map(|(_, y)| y)
}

#[cfg(test)]
mod tests;
