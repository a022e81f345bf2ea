//! Compares the parser's output with an expectation and lists every difference, so one
//! failing run shows all that is wrong in a document.
//!
//! Expected and output items are paired first (measures by title and path, targets and
//! statistics by sentence and value), so one missing item does not shift the rest; unpaired
//! items are reported as missing or unexpected, paired ones field by field.

use std::fmt::Debug;

use crate::actual::{Doc, Measure, Statistic, Target};
use crate::expect::{DocExpect, MeasureExpect, StatisticExpect, TargetExpect};

/// Tolerance for comparing values.
const EPS: f64 = 1e-6;

/// Differences found in one document, one readable line each.
pub struct Report {
    lines: Vec<String>,
}

impl Report {
    fn diff(&mut self, loc: &str, field: &str, expected: impl Debug, got: impl Debug) {
        self.lines
            .push(format!("{loc} {field}: expected {expected:?}, got {got:?}"));
    }

    fn note(&mut self, line: String) {
        self.lines.push(line);
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// A rule accepting an (expected, output) pair.
type Rule<'a, E, A> = &'a dyn Fn(&E, &A) -> bool;

/// Pairs expected items with output items: each rule in turn, every still unpaired expected
/// item (in order) takes the first unused output item the rule accepts.
fn pair<E, A>(exp: &[E], act: &[A], rules: &[Rule<E, A>]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; exp.len()];
    let mut used = vec![false; act.len()];
    for rule in rules {
        for (i, e) in exp.iter().enumerate() {
            if pairs[i].is_some() {
                continue;
            }
            if let Some(j) = (0..act.len()).find(|&j| !used[j] && rule(e, &act[j])) {
                pairs[i] = Some(j);
                used[j] = true;
            }
        }
    }
    pairs
}

/// Output indices no expected item was paired with.
fn unpaired(pairs: &[Option<usize>], len: usize) -> Vec<usize> {
    (0..len).filter(|j| !pairs.contains(&Some(*j))).collect()
}

/// Every difference between `got` and `exp`; empty when the document matches.
pub fn compare(exp: &DocExpect, got: &Doc) -> Vec<String> {
    let mut r = Report { lines: Vec::new() };
    metadata(&mut r, exp, got);
    let measure_pairs = measures(&mut r, &exp.measures, &got.measures);
    targets(&mut r, exp, got, &measure_pairs);
    statistics(&mut r, &exp.statistics, &got.statistics);
    r.lines
}

fn metadata(r: &mut Report, exp: &DocExpect, got: &Doc) {
    if let Some(title) = &exp.title
        && *title != got.title
    {
        r.diff("document", "title", title, &got.title);
    }
    if let Some(part) = &exp.title_contains
        && !got.title.contains(part.as_str())
    {
        r.diff("document", "title (containing)", part, &got.title);
    }
    if exp.issuer != got.issuer {
        r.diff("document", "issuer", &exp.issuer, &got.issuer);
    }
    if exp.doc_number != got.doc_number {
        r.diff("document", "doc_number", &exp.doc_number, &got.doc_number);
    }
    if exp.date != got.date {
        r.diff("document", "date", &exp.date, &got.date);
    }
    let exp_period = exp.period.as_ref().map(|p| (p.start, p.end));
    let got_period = got.period.as_ref().map(|p| (p.start, p.end));
    if exp_period != got_period {
        r.diff("document", "period", exp_period, got_period);
    }
}

fn measure_label(i: usize, path: &[String], title: &str) -> String {
    format!("measures[{i}] {} {title}", path.join("/"))
}

fn measures(r: &mut Report, exp: &[MeasureExpect], got: &[Measure]) -> Vec<Option<usize>> {
    if exp.len() != got.len() {
        r.diff("measures", "count", exp.len(), got.len());
    }
    let by_title_and_path = |e: &MeasureExpect, a: &Measure| {
        a.title.starts_with(e.title_starts.as_str()) && a.path == e.path
    };
    let by_title = |e: &MeasureExpect, a: &Measure| a.title.starts_with(e.title_starts.as_str());
    let by_path = |e: &MeasureExpect, a: &Measure| a.path == e.path;
    let pairs = pair(exp, got, &[&by_title_and_path, &by_title, &by_path]);
    for (i, e) in exp.iter().enumerate() {
        let loc = measure_label(i, &e.path, &e.title_starts);
        match pairs[i] {
            Some(j) => measure_fields(r, &loc, e, &got[j]),
            None => r.note(format!("{loc}: missing from the output")),
        }
    }
    for j in unpaired(&pairs, got.len()) {
        let a = &got[j];
        r.note(format!(
            "output {}: unexpected measure",
            measure_label(j, &a.path, &a.title)
        ));
    }
    pairs
}

fn measure_fields(r: &mut Report, loc: &str, e: &MeasureExpect, a: &Measure) {
    if e.number != a.number {
        r.diff(loc, "number", &e.number, &a.number);
    }
    if e.path != a.path {
        r.diff(loc, "path", &e.path, &a.path);
    }
    if !a.title.starts_with(e.title_starts.as_str()) {
        r.diff(loc, "title (starting with)", &e.title_starts, &a.title);
    }
    let exp_units: Vec<String> = e
        .units
        .iter()
        .map(|u| format!("{}={}/{}", u.name, u.canonical, u.role))
        .collect();
    let got_units: Vec<String> = a
        .responsible_units
        .iter()
        .map(|u| format!("{}={}/{}", u.name, u.canonical, u.role))
        .collect();
    if exp_units != got_units {
        r.diff(loc, "responsible_units", exp_units, got_units);
    }
    if e.key_enterprises != a.key_enterprises {
        r.diff(
            loc,
            "key_enterprises",
            &e.key_enterprises,
            &a.key_enterprises,
        );
    }
}

fn targets(r: &mut Report, exp: &DocExpect, got: &Doc, measure_pairs: &[Option<usize>]) {
    let (et, gt) = (&exp.targets, &got.targets);
    if et.len() != gt.len() {
        r.diff("targets", "count", et.len(), gt.len());
    }
    let in_sentence =
        |e: &TargetExpect, a: &Target| a.sentence.contains(e.sentence_contains.as_str());
    let same_figure = |e: &TargetExpect, a: &Target| {
        in_sentence(e, a) && close(e.value, a.value) && e.unit == a.unit
    };
    let same_value = |e: &TargetExpect, a: &Target| in_sentence(e, a) && close(e.value, a.value);
    let pairs = pair(et, gt, &[&same_figure, &same_value, &in_sentence]);
    for (i, e) in et.iter().enumerate() {
        let loc = format!(
            "targets[{i}] {}{} «{}»",
            e.value, e.unit, e.sentence_contains
        );
        match pairs[i] {
            Some(j) => {
                target_fields(r, &loc, e, &gt[j]);
                target_measure(r, &loc, e, &gt[j], exp, got, measure_pairs);
            }
            None => r.note(format!("{loc}: missing from the output")),
        }
    }
    for j in unpaired(&pairs, gt.len()) {
        let a = &gt[j];
        r.note(format!(
            "output targets[{j}] {}{} ({}) «{}»: unexpected target",
            a.value, a.unit, a.indicator, a.sentence
        ));
    }
}

fn target_fields(r: &mut Report, loc: &str, e: &TargetExpect, a: &Target) {
    if let Some(part) = &e.indicator_contains
        && !a.indicator.contains(part.as_str())
    {
        r.diff(loc, "indicator (containing)", part, &a.indicator);
    }
    if let Some(id) = &e.indicator_id
        && *id != a.indicator_id
    {
        r.diff(loc, "indicator_id", id, &a.indicator_id);
    }
    if !close(e.value, a.value) {
        r.diff(loc, "value", e.value, a.value);
    }
    if !close_opt(e.value_max, a.value_max) {
        r.diff(loc, "value_max", e.value_max, a.value_max);
    }
    if e.unit != a.unit {
        r.diff(loc, "unit", &e.unit, &a.unit);
    }
    if e.comparator != a.comparator {
        r.diff(loc, "comparator", &e.comparator, &a.comparator);
    }
    if e.year != a.year {
        r.diff(loc, "year", e.year, a.year);
    }
}

/// The owning measure, compared through the measure pairing.
fn target_measure(
    r: &mut Report,
    loc: &str,
    e: &TargetExpect,
    a: &Target,
    exp: &DocExpect,
    got: &Doc,
    measure_pairs: &[Option<usize>],
) {
    let describe_got = |m: Option<usize>| match m {
        Some(j) => match got.measures.get(j) {
            Some(gm) => measure_label(j, &gm.path, &gm.title),
            None => format!("measures[{j}] (no such measure)"),
        },
        None => "null".to_string(),
    };
    match e.measure {
        Some(i) => {
            let em = &exp.measures[i];
            let want = measure_label(i, &em.path, &em.title_starts);
            match measure_pairs[i] {
                Some(j) if a.measure == Some(j) => {}
                Some(_) => r.diff(loc, "measure", want, describe_got(a.measure)),
                None => r.diff(
                    loc,
                    "measure (expected measure is missing)",
                    want,
                    describe_got(a.measure),
                ),
            }
        }
        None if a.measure.is_some() => r.diff(loc, "measure", "null", describe_got(a.measure)),
        None => {}
    }
}

fn statistics(r: &mut Report, exp: &[StatisticExpect], got: &[Statistic]) {
    if exp.len() != got.len() {
        r.diff("statistics", "count", exp.len(), got.len());
    }
    let in_sentence =
        |e: &StatisticExpect, a: &Statistic| a.sentence.contains(e.sentence_contains.as_str());
    let same_value =
        |e: &StatisticExpect, a: &Statistic| in_sentence(e, a) && close(e.value, a.value);
    let pairs = pair(exp, got, &[&same_value, &in_sentence]);
    for (i, e) in exp.iter().enumerate() {
        let loc = format!(
            "statistics[{i}] {}{} «{}»",
            e.value, e.unit, e.sentence_contains
        );
        let Some(j) = pairs[i] else {
            r.note(format!("{loc}: missing from the output"));
            continue;
        };
        let a = &got[j];
        if let Some(part) = &e.indicator_contains
            && !a.indicator.contains(part.as_str())
        {
            r.diff(&loc, "indicator (containing)", part, &a.indicator);
        }
        if !close(e.value, a.value) {
            r.diff(&loc, "value", e.value, a.value);
        }
        if e.unit != a.unit {
            r.diff(&loc, "unit", &e.unit, &a.unit);
        }
        if e.year != a.year {
            r.diff(&loc, "year", e.year, a.year);
        }
    }
    for j in unpaired(&pairs, got.len()) {
        let a = &got[j];
        r.note(format!(
            "output statistics[{j}] {}{} ({}) «{}»: unexpected statistic",
            a.value, a.unit, a.indicator, a.sentence
        ));
    }
}
