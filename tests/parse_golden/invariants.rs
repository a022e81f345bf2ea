//! Properties every parsed document must have, whatever its content: spans that point at
//! exactly the text they claim, measures in order without overlap, valid measure indices,
//! plausible years.

use crate::actual::Doc;

/// Years a plan, target or figure can plausibly name.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2060;

/// The characters `span` covers, or `None` when it does not fit the text.
fn slice(chars: &[char], span: [usize; 2]) -> Option<String> {
    let [start, end] = span;
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

fn contains(outer: [usize; 2], inner: [usize; 2]) -> bool {
    outer[0] <= inner[0] && inner[1] <= outer[1]
}

/// Every broken property of `doc` parsed from the cleaned `text`.
pub fn check(text: &str, doc: &Doc) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut problems = Vec::new();
    spans(&chars, doc, &mut problems);
    ownership(doc, &mut problems);
    years(doc, &mut problems);
    problems
}

fn spans(chars: &[char], doc: &Doc, problems: &mut Vec<String>) {
    for (i, m) in doc.measures.iter().enumerate() {
        match slice(chars, m.span) {
            Some(s) if s == m.text => {}
            Some(s) => problems.push(format!(
                "measures[{i}] span {:?} covers «{s}», not the measure text «{}»",
                m.span, m.text
            )),
            None => problems.push(format!(
                "measures[{i}] span {:?} lies outside the text ({} chars)",
                m.span,
                chars.len()
            )),
        }
        if i > 0 && m.span[0] < doc.measures[i - 1].span[1] {
            problems.push(format!(
                "measures[{i}] span {:?} starts before measures[{}] span {:?} ends",
                m.span,
                i - 1,
                doc.measures[i - 1].span
            ));
        }
    }
    for (i, t) in doc.targets.iter().enumerate() {
        match slice(chars, t.span) {
            Some(s) if s == t.sentence => {}
            Some(s) => problems.push(format!(
                "targets[{i}] span {:?} covers «{s}», not the sentence «{}»",
                t.span, t.sentence
            )),
            None => problems.push(format!(
                "targets[{i}] span {:?} lies outside the text ({} chars)",
                t.span,
                chars.len()
            )),
        }
    }
    let text: String = chars.iter().collect();
    for (i, s) in doc.statistics.iter().enumerate() {
        if s.sentence.is_empty() || !text.contains(s.sentence.as_str()) {
            problems.push(format!(
                "statistics[{i}] sentence «{}» is not in the text",
                s.sentence
            ));
        }
    }
}

/// A target belongs to the measure whose span contains its sentence, and to none when no
/// measure does.
fn ownership(doc: &Doc, problems: &mut Vec<String>) {
    for (i, t) in doc.targets.iter().enumerate() {
        let owner = doc.measures.iter().position(|m| contains(m.span, t.span));
        match t.measure {
            Some(m) if m >= doc.measures.len() => problems.push(format!(
                "targets[{i}] measure {m} is not an index into {} measures",
                doc.measures.len()
            )),
            m if m != owner => problems.push(format!(
                "targets[{i}] measure is {m:?} but the measure containing its span {:?} is {owner:?}",
                t.span
            )),
            _ => {}
        }
    }
}

fn years(doc: &Doc, problems: &mut Vec<String>) {
    if let Some(date) = &doc.date {
        let shaped = date.len() == 10
            && date.chars().enumerate().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            });
        if !shaped {
            problems.push(format!("date {date:?} is not YYYY-MM-DD"));
        }
    }
    let mut check = |what: String, year: Option<i32>| {
        if let Some(y) = year
            && !YEARS.contains(&y)
        {
            problems.push(format!("{what} year {y} is outside {YEARS:?}"));
        }
    };
    if let Some(p) = &doc.period {
        check("period start".into(), Some(p.start));
        check("period end".into(), Some(p.end));
    }
    if let Some(year) = doc.date.as_ref().and_then(|d| d.get(..4)?.parse().ok()) {
        check("date".into(), Some(year));
    }
    for (i, t) in doc.targets.iter().enumerate() {
        check(format!("targets[{i}]"), t.year);
    }
    for (i, s) in doc.statistics.iter().enumerate() {
        check(format!("statistics[{i}]"), s.year);
    }
    if let Some(p) = &doc.period
        && p.start > p.end
    {
        problems.push(format!(
            "period {}–{} ends before it starts",
            p.start, p.end
        ));
    }
}
