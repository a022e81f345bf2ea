//! What changed between two versions of one plan (draft vs final, one five-year plan vs the
//! next): measures added, removed or reworded, and targets raised, lowered, added, removed,
//! moved to another deadline or unchanged.
//!
//! Measures are paired by the similarity of their titles and texts (character bigrams,
//! figures masked so a changed number does not count as rewording) with a small weight on
//! their position; targets by indicator and unit, then by their sentence and whether their
//! measures were paired. Pure functions over [`Version`]s built from a parse or from the
//! store, so the CLI and the Diff view report the same changes.

use serde::Serialize;

use crate::model::{Comparator, ParsedDocument};
use crate::store::rows::{MeasureRow, TargetRow};

/// One version of a plan, reduced to what the diff compares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Version {
    /// How the version is named in the output (file name or `document 12`).
    pub label: String,
    pub measures: Vec<VersionMeasure>,
    pub targets: Vec<VersionTarget>,
}

/// A measure of one version.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionMeasure {
    pub path: Vec<String>,
    pub title: String,
    pub text: String,
    /// Canonical agency names, lead first.
    pub agencies: Vec<String>,
}

/// A target of one version.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionTarget {
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub comparator: Comparator,
    pub year: Option<i32>,
    /// Index into the version's measures.
    pub measure: Option<usize>,
    pub sentence: String,
}

impl Version {
    /// The version a parse produced.
    pub fn from_parsed(label: &str, doc: &ParsedDocument) -> Version {
        Version {
            label: label.to_string(),
            measures: doc
                .measures
                .iter()
                .map(|m| VersionMeasure {
                    path: m.path.clone(),
                    title: m.title.clone(),
                    text: m.text.clone(),
                    agencies: m
                        .responsible_units
                        .iter()
                        .map(|u| u.canonical.clone())
                        .collect(),
                })
                .collect(),
            targets: doc
                .targets
                .iter()
                .map(|t| VersionTarget {
                    indicator: t.indicator.clone(),
                    indicator_id: t.indicator_id.clone(),
                    value: t.value,
                    value_max: t.value_max,
                    unit: t.unit.clone(),
                    comparator: t.comparator,
                    year: t.year,
                    measure: t.measure,
                    sentence: t.sentence.clone(),
                })
                .collect(),
        }
    }

    /// The version stored in the database (one document's rows, corrections applied).
    pub fn from_rows(label: &str, measures: &[MeasureRow], targets: &[TargetRow]) -> Version {
        Version {
            label: label.to_string(),
            measures: measures
                .iter()
                .map(|m| VersionMeasure {
                    path: m.path.clone(),
                    title: m.title.clone(),
                    text: m.text.clone(),
                    agencies: m.units.iter().map(|u| u.canonical.clone()).collect(),
                })
                .collect(),
            targets: targets
                .iter()
                .map(|t| {
                    let g = &t.target;
                    VersionTarget {
                        indicator: g.indicator.clone(),
                        indicator_id: g.indicator_id.clone(),
                        value: g.value,
                        value_max: g.value_max,
                        unit: g.unit.clone(),
                        comparator: g.comparator,
                        year: g.year,
                        measure: t
                            .measure_id
                            .and_then(|id| measures.iter().position(|m| m.id == id)),
                        sentence: g.sentence.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// A measure as the diff reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureRef {
    /// Position among the version's measures.
    pub index: usize,
    pub path: Vec<String>,
    pub title: String,
    /// Lead agency, when the measure names one.
    pub lead: Option<String>,
}

/// A measure found in both versions whose wording or agencies changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureChange {
    pub old: MeasureRef,
    pub new: MeasureRef,
    pub title_changed: bool,
    /// The text changed other than in its figures.
    pub text_changed: bool,
    /// Agencies only the new version names.
    pub agencies_added: Vec<String>,
    /// Agencies only the old version names.
    pub agencies_removed: Vec<String>,
    /// Similarity of the two measures, 0–1.
    pub similarity: f64,
}

/// Measures added, removed and changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeasureChanges {
    pub added: Vec<MeasureRef>,
    pub removed: Vec<MeasureRef>,
    pub changed: Vec<MeasureChange>,
}

/// A target as the diff reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRef {
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub comparator: Comparator,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub year: Option<i32>,
    /// Title of its measure, when it belongs to one.
    pub measure: Option<String>,
    pub sentence: String,
}

/// A target found in both versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetChange {
    pub old: TargetRef,
    pub new: TargetRef,
    /// What differs: `value`, `year`, `comparator`, `measure` (empty when unchanged).
    pub changes: Vec<&'static str>,
    /// Relative change of the value in percent, when the old value is not zero.
    pub change_pct: Option<f64>,
}

/// Targets by what happened to them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TargetChanges {
    pub raised: Vec<TargetChange>,
    pub lowered: Vec<TargetChange>,
    pub added: Vec<TargetRef>,
    pub removed: Vec<TargetRef>,
    /// Same value, another deadline.
    pub moved: Vec<TargetChange>,
    pub unchanged: Vec<TargetChange>,
}

/// Everything that changed from `old` to `new`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanDiff {
    pub old: String,
    pub new: String,
    pub measures: MeasureChanges,
    pub targets: TargetChanges,
}

impl PlanDiff {
    /// True when nothing but unchanged targets was found.
    pub fn is_empty(&self) -> bool {
        let m = &self.measures;
        let t = &self.targets;
        m.added.is_empty()
            && m.removed.is_empty()
            && m.changed.is_empty()
            && t.raised.is_empty()
            && t.lowered.is_empty()
            && t.added.is_empty()
            && t.removed.is_empty()
            && t.moved.is_empty()
    }
}

/// How alike two texts are, 0–1 (character bigrams, figures masked): for guessing which
/// stored documents are versions of one plan.
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&bigrams(a), &bigrams(b))
}

/// Lowest combined similarity at which two measures count as one measure reworded.
const MEASURE_MATCH: f64 = 0.45;

/// Compares two versions of a plan.
pub fn diff(old: &Version, new: &Version) -> PlanDiff {
    let pairs = pair_measures(old, new);
    let mut old_to_new = vec![None; old.measures.len()];
    for &(i, j, _) in &pairs {
        old_to_new[i] = Some(j);
    }
    let mut measures = MeasureChanges::default();
    for &(i, j, similarity) in &pairs {
        let (a, b) = (&old.measures[i], &new.measures[j]);
        let title_changed = masked(&a.title) != masked(&b.title);
        let text_changed = masked(&a.text) != masked(&b.text);
        let agencies_added = minus(&b.agencies, &a.agencies);
        let agencies_removed = minus(&a.agencies, &b.agencies);
        let lead_changed = a.agencies.first() != b.agencies.first();
        if title_changed
            || text_changed
            || lead_changed
            || !agencies_added.is_empty()
            || !agencies_removed.is_empty()
        {
            measures.changed.push(MeasureChange {
                old: measure_ref(old, i),
                new: measure_ref(new, j),
                title_changed,
                text_changed,
                agencies_added,
                agencies_removed,
                similarity: (similarity * 1000.0).round() / 1000.0,
            });
        }
    }
    let paired_new: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    measures.removed = (0..old.measures.len())
        .filter(|i| old_to_new[*i].is_none())
        .map(|i| measure_ref(old, i))
        .collect();
    measures.added = (0..new.measures.len())
        .filter(|j| !paired_new.contains(j))
        .map(|j| measure_ref(new, j))
        .collect();
    PlanDiff {
        old: old.label.clone(),
        new: new.label.clone(),
        measures,
        targets: diff_targets(old, new, &old_to_new),
    }
}

fn measure_ref(v: &Version, i: usize) -> MeasureRef {
    let m = &v.measures[i];
    MeasureRef {
        index: i,
        path: m.path.clone(),
        title: m.title.clone(),
        lead: m.agencies.first().cloned(),
    }
}

fn target_ref(v: &Version, t: &VersionTarget) -> TargetRef {
    TargetRef {
        indicator: t.indicator.clone(),
        indicator_id: t.indicator_id.clone(),
        comparator: t.comparator,
        value: t.value,
        value_max: t.value_max,
        unit: t.unit.clone(),
        year: t.year,
        measure: t.measure.map(|i| v.measures[i].title.clone()),
        sentence: t.sentence.clone(),
    }
}

/// The items of `a` not in `b`, in `a`'s order.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| !b.contains(x)).cloned().collect()
}

/// Pairs each old measure with at most one new one, best similarity first:
/// `(old index, new index, similarity)` in old order.
fn pair_measures(old: &Version, new: &Version) -> Vec<(usize, usize, f64)> {
    let grams = |v: &Version| -> Vec<(Bigrams, Bigrams)> {
        v.measures
            .iter()
            .map(|m| (bigrams(&m.title), bigrams(&m.text)))
            .collect()
    };
    let (a, b) = (grams(old), grams(new));
    let mut candidates = Vec::new();
    for (i, (at, ax)) in a.iter().enumerate() {
        for (j, (bt, bx)) in b.iter().enumerate() {
            let title = dice(at, bt);
            let text = dice(ax, bx);
            let place = 1.0 - (relative(i, a.len()) - relative(j, b.len())).abs();
            let score = 0.5 * title + 0.4 * text + 0.1 * place;
            if score >= MEASURE_MATCH && (title >= 0.5 || text >= 0.6) {
                candidates.push((i, j, score));
            }
        }
    }
    greedy(candidates, a.len(), b.len())
}

/// Takes candidate pairs best first while both sides are free; result in old order.
fn greedy(
    mut candidates: Vec<(usize, usize, f64)>,
    old_len: usize,
    new_len: usize,
) -> Vec<(usize, usize, f64)> {
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut old_used = vec![false; old_len];
    let mut new_used = vec![false; new_len];
    let mut pairs = Vec::new();
    for (i, j, s) in candidates {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j, s));
        }
    }
    pairs.sort_by_key(|p| p.0);
    pairs
}

/// Position `i` of `n` as a fraction 0–1.
fn relative(i: usize, n: usize) -> f64 {
    if n <= 1 {
        0.0
    } else {
        i as f64 / (n - 1) as f64
    }
}

/// What a target is the same goal by: canonical indicator (or the words as written) and unit.
fn target_key(t: &VersionTarget) -> (String, &str) {
    let indicator = t
        .indicator_id
        .clone()
        .unwrap_or_else(|| masked(&t.indicator));
    (indicator, t.unit.as_str())
}

fn diff_targets(old: &Version, new: &Version, old_to_new: &[Option<usize>]) -> TargetChanges {
    let sentences =
        |v: &Version| -> Vec<Bigrams> { v.targets.iter().map(|t| bigrams(&t.sentence)).collect() };
    let (sa, sb) = (sentences(old), sentences(new));
    let mut candidates = Vec::new();
    for (i, a) in old.targets.iter().enumerate() {
        for (j, b) in new.targets.iter().enumerate() {
            if target_key(a) != target_key(b) {
                continue;
            }
            let sentence = dice(&sa[i], &sb[j]);
            let same_measure = match (a.measure, b.measure) {
                (Some(x), Some(y)) => old_to_new[x] == Some(y),
                (None, None) => true,
                _ => false,
            };
            let same_value = a.value == b.value && a.value_max == b.value_max;
            let same_year = a.year == b.year;
            if sentence < 0.3 && !same_measure && !(same_value && same_year) {
                continue;
            }
            let score = sentence
                + if same_measure { 0.3 } else { 0.0 }
                + if same_value { 0.2 } else { 0.0 }
                + if same_year { 0.1 } else { 0.0 }
                + if a.comparator == b.comparator {
                    0.05
                } else {
                    0.0
                };
            candidates.push((i, j, score));
        }
    }
    let pairs = greedy(candidates, old.targets.len(), new.targets.len());
    let mut out = TargetChanges::default();
    for &(i, j, _) in &pairs {
        let (a, b) = (&old.targets[i], &new.targets[j]);
        let mut changes = Vec::new();
        let value_changed = a.value != b.value || a.value_max != b.value_max;
        if value_changed {
            changes.push("value");
        }
        if a.year != b.year {
            changes.push("year");
        }
        if a.comparator != b.comparator {
            changes.push("comparator");
        }
        let measure_moved = match (a.measure, b.measure) {
            (Some(x), Some(y)) => old_to_new[x] != Some(y),
            (None, None) => false,
            _ => true,
        };
        if measure_moved {
            changes.push("measure");
        }
        let change_pct = (a.value != 0.0).then(|| {
            let pct = 100.0 * (b.value - a.value) / a.value.abs();
            (pct * 10.0).round() / 10.0
        });
        let change = TargetChange {
            old: target_ref(old, a),
            new: target_ref(new, b),
            changes,
            change_pct,
        };
        let upper = |t: &VersionTarget| t.value_max.unwrap_or(t.value);
        if value_changed {
            if b.value > a.value || (b.value == a.value && upper(b) > upper(a)) {
                out.raised.push(change);
            } else {
                out.lowered.push(change);
            }
        } else if a.year != b.year {
            out.moved.push(change);
        } else {
            out.unchanged.push(change);
        }
    }
    out.removed = (0..old.targets.len())
        .filter(|i| !pairs.iter().any(|p| p.0 == *i))
        .map(|i| target_ref(old, &old.targets[i]))
        .collect();
    out.added = (0..new.targets.len())
        .filter(|j| !pairs.iter().any(|p| p.1 == *j))
        .map(|j| target_ref(new, &new.targets[j]))
        .collect();
    out
}

/// The text with every run of figures (ASCII digits, with their decimal points) replaced by
/// `#`, and spaces dropped: two wordings that differ only in numbers compare equal.
fn masked(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_figure = false;
    for c in s.chars() {
        if c.is_ascii_digit() || (in_figure && c == '.') {
            if !in_figure {
                out.push('#');
                in_figure = true;
            }
        } else {
            in_figure = false;
            if !c.is_whitespace() {
                out.push(c);
            }
        }
    }
    out
}

/// Sorted, distinct character pairs of a text.
type Bigrams = Vec<(char, char)>;

/// Sorted, distinct character bigrams of the masked text (a one-character text gives one).
fn bigrams(s: &str) -> Bigrams {
    let chars: Vec<char> = masked(s).chars().collect();
    let mut grams: Vec<(char, char)> = match chars.len() {
        0 => Vec::new(),
        1 => vec![(chars[0], '\0')],
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    };
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Dice coefficient of two sorted bigram sets: 1 = the same, 0 = nothing shared.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
