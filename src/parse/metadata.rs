//! Document metadata: title, issuer, document number, issue date, plan period, kind and the
//! city whose agency names apply. Looks at the head of the document (before the first
//! heading), signature lines (`沈阳市人民政府` over a date) and labelled lines (`发布日期:`).

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::lexicon::places::{city_in, most_frequent_city};
use super::lines::{date_in, parse_marker};
use super::normalize::{NormText, char_count};
use crate::model::{DocKind, Period};
use crate::parse::lexicon::documents::{
    DATE_LABELS, DOC_KIND_WORDS, ISSUER_ENDINGS, RESULTS_OF_YEAR_WORDS,
};
use period::period_of;

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

/// The year an undated document is about, from a title naming one year as its subject
/// (`2025年开发区重点工作及责任清单`, `某区2024年目标任务`); not a horizon (`到2025年`)
/// nor a period (`2021-2025年`).
fn title_year(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().collect();
    let mut found = None;
    for i in 0..chars.len() {
        let opens = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if !opens {
            continue;
        }
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits != 4 || chars.get(i + 4) != Some(&'年') {
            continue;
        }
        let before = i.checked_sub(1).map(|k| chars[k]);
        if matches!(before, Some('到' | '至' | '-' | '—' | '~')) || chars.get(i + 5) == Some(&'-')
        {
            return None;
        }
        if found.is_some() {
            return None;
        }
        let year: i32 = chars[i..i + 4].iter().collect::<String>().parse().ok()?;
        found = Some(year).filter(|y| (1990..=2100).contains(y));
    }
    found
}

/// The year a document gives an account of, from a title naming one year and an account
/// of results (`某开发区2024年工作总结`): what it says of the whole year (`全年`) is that
/// year's result, not a goal.
pub fn accounted_year(title: &str) -> Option<i32> {
    RESULTS_OF_YEAR_WORDS
        .iter()
        .any(|w| title.contains(w))
        .then(|| title_year(title))
        .flatten()
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
    let year = date.map(|d| d.0).or_else(|| title_year(&title));
    let head: String = t.lines[..head_end]
        .iter()
        .filter(|l| Some(**l) != title_line)
        .map(|&l| t.line_str(l))
        .collect();
    let period = period_of(&title, title_year(&title), &head, &t.norm);
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

/// A line that reads like a title: no full stop, not an address line.
fn is_title_like(s: &str) -> bool {
    let n = char_count(s);
    (8..=100).contains(&n)
        && !s.contains('。')
        && !s.ends_with(':')
        && !s.contains(['>', '|'])
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
    // A line naming a kind of document (`…推进方案 (讨论稿)`) before any other line.
    let kind_named = || {
        candidates.iter().copied().find(|&l| {
            let s = t.line_str(l);
            let s = strip_trailing_note(s).trim_end_matches(['》', ' ']);
            DOC_KIND_WORDS.iter().any(|w| s.ends_with(w))
        })
    };
    let Some(line) = named
        .or_else(kind_named)
        .or_else(|| candidates.first().copied())
    else {
        return (None, purpose_title(t, head_end).unwrap_or_default());
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

/// A document without a title line (it opens with its addressees) is named by its purpose
/// clause: `为推动甲高新区(以下简称…)高质量发展,…` → `推动甲高新区高质量发展`.
fn purpose_title(t: &NormText, head_end: usize) -> Option<String> {
    t.lines[..head_end].iter().find_map(|&l| {
        let s = t.line_str(l);
        let rest = s.strip_prefix("为了").or_else(|| s.strip_prefix('为'))?;
        let clause = &rest[..rest.find([',', '。'])?];
        if char_count(clause) < 6 {
            return None;
        }
        let start = l.start + char_count(&s[..s.len() - rest.len()]);
        Some(without_notes(
            t.orig_slice(start, start + char_count(clause)),
        ))
    })
}

/// `甲高新区(以下简称乙)发展` → `甲高新区发展`: drops `(以下…)`/`(简称…)` notes.
fn without_notes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        let open = matches!(c, '(' | '（');
        if depth > 0 {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                _ => {}
            }
        } else if open
            && (s[i + c.len_utf8()..].starts_with("以下")
                || s[i + c.len_utf8()..].starts_with("简称"))
        {
            depth = 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// `…方案 (讨论稿)` → `…方案`: drops one closing parenthetical (draft marks, years).
fn strip_trailing_note(s: &str) -> &str {
    let s = s.trim_end();
    match (s.ends_with(')'), s.rfind('(')) {
        (true, Some(open)) => s[..open].trim_end(),
        _ => s,
    }
}

/// End (byte) of a document number at the start of `s` (`大政办发〔2017〕133号`).
fn doc_number_at(s: &str) -> Option<usize> {
    let open = s.find(['〔', '[', '(', '【'])?;
    let prefix = &s[..open];
    let n = char_count(prefix);
    if !(2..=10).contains(&n)
        || !prefix
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        || !prefix.ends_with(['发', '函', '字', '令', '文', '办', '通', '规', '政', '府'])
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
    // Every label holds one of these words. Prebuilt finders: a `str::contains` per line
    // cost 1.6 M instructions per 10 parse-bench passes, these about a fifth of it.
    static DATE_WORDS: LazyLock<[Finder<'static>; 2]> =
        LazyLock::new(|| [Finder::new("日期"), Finder::new("时间")]);
    let strs: Vec<&str> = t.lines.iter().map(|&l| t.line_str(l)).collect();
    let labelled = strs
        .iter()
        .filter(|s| {
            DATE_WORDS.iter().any(|f| f.find(s.as_bytes()).is_some())
                && DATE_LABELS.iter().any(|lb| s.contains(lb))
        })
        .find_map(|s| date_in(s));
    let alone = || {
        strs.iter().filter(|s| s.len() <= 60).find_map(|s| {
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
    // A speech or report gives its date under the title: `(2025年1月10日在市人民代表大会
    // 上)`, `——2025年1月10日在…会议上的讲话`.
    let delivered = || {
        strs.iter()
            .take(6)
            .filter(|s| s.len() <= 240)
            .find_map(|s| {
                let inner = s.trim_start_matches(['(', '—', '-', ' ']);
                date_in(inner).filter(|(_, r)| r.start == 0 && inner[r.end..].starts_with('在'))
            })
    };
    labelled
        .or_else(alone)
        .or_else(source)
        .or_else(delivered)
        .map(|d| d.0)
}

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

/// `来源:沈阳日报 | 2021-06-15` → `沈阳日报`; the label may follow a date on its line
/// (`2023-03-02 10:15 来源:西安日报 作者:…`).
fn source_line(t: &NormText) -> Option<String> {
    t.lines.iter().take(10).find_map(|&l| {
        let rest = source_label(t.line_str(l))?.trim_start();
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '|')
            .collect();
        (!name.is_empty()).then_some(name)
    })
}

/// The text after a `来源:` label opening the line or a space-separated field of it.
fn source_label(s: &str) -> Option<&str> {
    s.match_indices("来源:").find_map(|(i, w)| {
        let opens = s[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '|');
        opens.then(|| &s[i + w.len()..])
    })
}

fn is_news(t: &NormText, title: &str) -> bool {
    let head = t.lines.iter().take(12).map(|&l| t.line_str(l));
    let embedded = title.contains('《') && !title.starts_with('《') && !title.contains("关于");
    embedded
        || head
            .into_iter()
            .any(|s| source_label(s).is_some() || s.contains("原标题") || s.contains("记者"))
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
    // Draft marks (`(征求意见稿)`) say nothing about the kind.
    let subject = strip_trailing_note(subject);
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

mod period;

#[cfg(test)]
mod tests;
