//! Quantified targets and current statistics.
//!
//! The text is held once as `char`s; paragraphs and sentences are laid out
//! ([`crate::parse::layout`]), each sentence is scanned for figures with a unit ([`mentions`]),
//! figures that are not goals are set aside ([`exclusions`]), and each remaining figure
//! becomes a target (a goal, with its deadline year from [`years`]) or a statistic (a
//! current figure, see [`crate::parse::statistics`]).

mod comparators;
mod exclusions;
pub mod explain;
mod indicators;
mod mentions;
mod respectively;
pub mod table_rows;
mod years;

use crate::catalog::Catalog;
use crate::model::{Comparator, Measure, Period, Statistic, Target};
use crate::parse::layout::{Layout, Sentence};
use crate::parse::lexicon::clauses::LAND_WORKS;
use crate::parse::lexicon::goals::{CURRENT_VERBS, GOAL_WORDS, PLAN_WORDS, REVIEW_WORDS};
use crate::parse::normalize::NormText;
use crate::parse::numbers;
use crate::parse::outline::line_markers;
use crate::parse::scan::{self, Keywords, contains_any, string};
use crate::parse::statistics::{self, CURRENT, HOLDING, NOW, YEAR_ON_YEAR, marks_current};
use explain::{Explained, Outcome};
use mentions::Mention;
use std::sync::LazyLock;
use years::{YearKind, YearMention};

/// What the target extractor needs to know about the document as a whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct TargetContext {
    /// Plan period: its end year is the deadline of recurring `每年…` targets.
    pub period: Option<Period>,
    /// Year the document was issued: the default year of current statistics.
    pub doc_year: Option<i32>,
    /// A news report: what it counts so far (`累计建成…`) is current, not planned.
    pub news: bool,
    /// The year an account of results reports on (`2024年工作总结`): its `全年`, `今年`
    /// figures are that year's results.
    pub accounted: Option<i32>,
}

/// Finds every target and statistic in `text`; `measures` (already extracted, with spans)
/// decide which measure owns each target.
pub fn extract_targets(
    text: &str,
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
) -> (Vec<Target>, Vec<Statistic>) {
    let t = NormText::new(text);
    let layout = Layout::of(&t, &line_markers(&t), &crate::parse::tables::tables(&t));
    read(&layout, measures, ctx, catalog)
}

/// [`extract_targets`] on the document's one layout, as the parser reads it.
pub(crate) fn read(
    layout: &Layout,
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
) -> (Vec<Target>, Vec<Statistic>) {
    let (targets, statistics, _) = extract(layout, measures, ctx, catalog, false);
    (targets, statistics)
}

/// What became of every figure of `text` and the rule that decided, in text order: the
/// same extraction as [`extract_targets`], with its decisions kept.
pub fn explain_targets(
    text: &str,
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
) -> Vec<Explained> {
    let t = NormText::new(text);
    let layout = Layout::of(&t, &line_markers(&t), &crate::parse::tables::tables(&t));
    extract(&layout, measures, ctx, catalog, true).2
}

/// [`explain_targets`] on the document's one layout.
pub(crate) fn explain_read(
    layout: &Layout,
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
) -> Vec<Explained> {
    extract(layout, measures, ctx, catalog, true).2
}

fn extract(
    layout: &Layout,
    measures: &[Measure],
    ctx: &TargetContext,
    catalog: &Catalog,
    explain: bool,
) -> (Vec<Target>, Vec<Statistic>, Vec<Explained>) {
    let chars = &layout.chars;
    let mut run = Run {
        chars,
        measures,
        ctx,
        catalog,
        targets: Vec::new(),
        statistics: Vec::new(),
        last_sentence: None,
        explain: explain.then(Vec::new),
        target_notes: Vec::new(),
        goals_paragraph: false,
    };
    run.document(layout);
    // A short first line without a full stop, above the body, is the headline
    // (`…计划——推进项目129项`).
    let headline = layout
        .paragraphs
        .first()
        .filter(|p| {
            layout.paragraphs.len() > 1
                && p.end - p.start <= 80
                && !chars[p.start..p.end].contains(&'。')
        })
        .map(|p| (p.start, p.end));
    let (targets, dropped) = merge_restated(run.targets, headline);
    let mut explained = run.explain.unwrap_or_default();
    for i in dropped {
        if let Some(e) = run.target_notes.get(i).and_then(|&k| explained.get_mut(k)) {
            e.outcome = Outcome::Nothing;
            e.rule = "restated";
        }
    }
    (targets, run.statistics, explained)
}

/// One target for a figure stated twice (a headline and its body, a goals paragraph and
/// the task restating it): the same value and unit, years that agree, indicators that
/// name the same thing (or one of them in the headline). The body's statement is kept
/// over the headline's; a year or measure only one of them has is kept.
fn merge_restated(
    targets: Vec<Target>,
    headline: Option<(usize, usize)>,
) -> (Vec<Target>, Vec<usize>) {
    let mut dropped = Vec::new();
    // Original index of each kept target.
    let mut origin: Vec<usize> = Vec::new();
    let in_headline = |t: &Target| headline.is_some_and(|(a, b)| a <= t.span.0 && t.span.1 <= b);
    let mut out: Vec<Target> = Vec::with_capacity(targets.len());
    // FxHash: SipHash's random keys made the parse bench's count vary by 0.3 M
    // instructions from run to run, and cost more.
    let mut seen: rustc_hash::FxHashMap<(u64, String), Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (i, t) in targets.into_iter().enumerate() {
        let key = (t.value.to_bits(), t.unit.clone());
        // The first statements of a figure (a headline comes first) and the latest ones:
        // a bounded look-back keeps the merge linear.
        let earlier = seen.get(&key).and_then(|list| {
            let recent = list.len().saturating_sub(32).max(4).min(list.len());
            list[..4.min(list.len())]
                .iter()
                .chain(&list[recent..])
                .copied()
                .find(|&k| {
                    let e = &out[k];
                    e.value_max == t.value_max
                        && (e.year == t.year || e.year.is_none() || t.year.is_none())
                        && (in_headline(e) != in_headline(&t)
                            || same_thing(&e.indicator, &t.indicator))
                })
        });
        match earlier {
            Some(k) => {
                let kept = &mut out[k];
                let (year, measure) = (kept.year.or(t.year), kept.measure.or(t.measure));
                if in_headline(kept) && !in_headline(&t) {
                    *kept = t;
                    dropped.push(std::mem::replace(&mut origin[k], i));
                } else {
                    dropped.push(i);
                }
                kept.year = year;
                kept.measure = measure;
            }
            None => {
                seen.entry(key).or_default().push(out.len());
                out.push(t);
                origin.push(i);
            }
        }
    }
    (out, dropped)
}

/// Whether `later` restates the target `earlier`: the same value, range and unit, years
/// that agree, and indicators naming the same thing.
pub(crate) fn restates(earlier: &Target, later: &Target) -> bool {
    earlier.value_max == later.value_max
        && states_again(
            (
                earlier.value,
                &earlier.unit,
                earlier.year,
                &earlier.indicator,
            ),
            later,
        )
}

/// Whether the figure `(value, unit, year, indicator)` is the one `target` states: the
/// same value and unit, years that agree, indicators naming the same thing.
fn states_again(
    (value, unit, year, indicator): (f64, &str, Option<i32>, &str),
    target: &Target,
) -> bool {
    value == target.value
        && unit == target.unit
        && (year == target.year || year.is_none() || target.year.is_none())
        && same_thing(indicator, &target.indicator)
}

/// [`restates`] for a figure `--explain` reports as a target.
pub(crate) fn explained_restates(earlier: &Explained, later: &Target) -> bool {
    earlier.outcome == Outcome::Target
        && earlier.indicator.as_deref().is_some_and(|indicator| {
            states_again(
                (earlier.value, &earlier.unit, earlier.year, indicator),
                later,
            )
        })
}

/// Whether two indicators as written name the same thing: one holds the other, or they
/// share at least half their characters.
fn same_thing(a: &str, b: &str) -> bool {
    // One char (`率`, `额`) names nothing on its own.
    if a.chars().nth(1).is_none() || b.chars().nth(1).is_none() {
        return false;
    }
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let (sa, sb): (
        std::collections::BTreeSet<char>,
        std::collections::BTreeSet<char>,
    ) = (a.chars().collect(), b.chars().collect());
    let shared = sa.intersection(&sb).count();
    2 * shared >= sa.union(&sb).count()
}

static GOALS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(GOAL_WORDS));

/// [`PLAN_WORDS`] prepared for scanning.
static PLANS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(PLAN_WORDS));

/// State of one extraction.
struct Run<'a> {
    chars: &'a [char],
    measures: &'a [Measure],
    ctx: &'a TargetContext,
    catalog: &'a Catalog,
    targets: Vec<Target>,
    statistics: Vec<Statistic>,
    /// Span and text of the sentence the last figure came from: a sentence with several
    /// figures is collected into a `String` once.
    last_sentence: Option<((usize, usize), String)>,
    /// Every figure's fate, when explaining.
    explain: Option<Vec<Explained>>,
    /// Index into `explain` of each target pushed.
    target_notes: Vec<usize>,
    /// Whether the paragraph being read stands in a goals section.
    goals_paragraph: bool,
}

/// Year context shared by the sentences of one paragraph.
#[derive(Clone, Copy)]
struct ParagraphYears {
    /// From a `到20XX年,` opening the paragraph.
    opener: Option<i32>,
    /// Inside a goals section: its year (latest opener in the section, else period end).
    goals: Option<Option<i32>>,
    /// Inside a review of the present (`发展基础`).
    review: bool,
    /// The year the heading of the paragraph's section names (`三、2025年重点工作`,
    /// `二、今年主要目标`), when not gone by.
    section: Option<i32>,
    /// The year gone by a heading names (`一、2024年工作回顾`, `一、过去一年工作回顾`): the
    /// year of the results stated under it.
    section_past: Option<i32>,
}

/// A section named inside a paragraph by a short sentence of its own.
enum InlineSection {
    /// Goals, with the year the sentence names.
    Goals(Option<i32>),
    /// Results or the present state.
    Review,
}

/// [`REVIEW_WORDS`] and `目标`, prepared: one search tells whether a short sentence may
/// name a section at all.
static SECTION_WORDS: LazyLock<Keywords> = LazyLock::new(|| {
    let mut words = REVIEW_WORDS.to_vec();
    words.push("目标");
    Keywords::new(&words)
});

/// Where a figure's year comes from, as far as the sentence tells.
#[derive(Default)]
struct SentenceYears {
    /// A deadline stated before the figure.
    stated: Option<i32>,
    /// A past year stated before the figure (`2020年实现…`, `截至2020年底`).
    past: Option<i32>,
}

impl Run<'_> {
    fn document(&mut self, layout: &Layout) {
        let mut goals_year: Option<i32> = None;
        // The year a heading names (`2024年目标任务`, `发展目标(至2030年)`): the deadline of
        // the goals below it.
        let mut heading_year: Option<i32> = None;
        let mut in_goals = false;
        // The headings above the paragraph that name a year, with their levels.
        let mut section_years: Vec<(u8, i32)> = Vec::new();
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            if let Some(level) = p.heading.or(p.run_in) {
                // The title: the heading line, or the first sentence of a run-in heading.
                let title_end = if p.heading.is_none() {
                    (p.start..p.end)
                        .find(|&j| matches!(self.chars[j], '。' | ';' | '；'))
                        .unwrap_or(p.end)
                } else {
                    p.end
                };
                let named = years::years_in(self.chars, p.start, title_end);
                // `二、今年主要目标`, `一、过去一年工作回顾`: a year told by the document's own.
                let relative = || {
                    let d = self.ctx.doc_year?;
                    years::relative_year(self.chars, p.start, title_end, d)
                };
                if p.heading.is_some() {
                    heading_year = named
                        .iter()
                        .find(|y| !matches!(y.kind, YearKind::Baseline | YearKind::AsOf))
                        .map(|y| y.year)
                        .or_else(|| {
                            relative().filter(|&y| self.ctx.doc_year.is_none_or(|d| y >= d))
                        });
                }
                section_years.retain(|&(l, _)| l < level);
                let section = named
                    .iter()
                    .find(|y| matches!(y.kind, YearKind::Bare | YearKind::Deadline))
                    .map(|y| y.year)
                    .or_else(relative);
                if let Some(y) = section {
                    section_years.push((level, y));
                }
            }
            let next = layout
                .paragraphs
                .get(pi + 1)
                .map_or(layout.sentences.len(), |n| n.first_sentence);
            let sentences = &layout.sentences[p.first_sentence..next];
            self.goals_paragraph = p.goals;
            // The opener follows a run-in heading (`(二)发展目标。到2025年,…`).
            let skip = usize::from(p.run_in.is_some());
            let opener = sentences
                .get(skip)
                .and_then(|s| years::opener(self.chars, s.start, s.end))
                .filter(|y| self.is_deadline(y))
                .map(|y| y.year);
            if !p.goals {
                goals_year = None;
            } else if opener.is_some() {
                goals_year = opener;
            } else if !in_goals {
                goals_year = heading_year;
            }
            in_goals = p.goals;
            let period_end = self.ctx.period.map(|p| p.end);
            let years = ParagraphYears {
                opener,
                goals: p.goals.then_some(goals_year.or(period_end)),
                review: p.review,
                // A task table's row is due when its deadline cell says.
                section: p
                    .due
                    .or(section_years.last().map(|&(_, y)| y))
                    .filter(|&y| self.ctx.doc_year.is_none_or(|d| y >= d)),
                section_past: section_years
                    .last()
                    .map(|&(_, y)| y)
                    .filter(|&y| self.ctx.doc_year.is_some_and(|d| y < d)),
            };
            self.paragraph(sentences, &years);
        }
    }

    /// A short sentence without a verb of its own that names a goals or a review section.
    fn inline_section(&self, s: &Sentence) -> Option<InlineSection> {
        let chars = self.chars;
        if s.end - s.start > 40 || (s.start..s.end).any(|i| indicators::is_clause_stop(chars, i)) {
            return None;
        }
        if !SECTION_WORDS.any_in(chars, s.start, s.end) {
            return None;
        }
        if scan::contains(chars, s.start, s.end, "目标") {
            let year = years::years_in(chars, s.start, s.end)
                .iter()
                .rfind(|y| !matches!(y.kind, YearKind::Baseline | YearKind::AsOf))
                .map(|y| y.year);
            return Some(InlineSection::Goals(year));
        }
        contains_any(chars, s.start, s.end, REVIEW_WORDS).then_some(InlineSection::Review)
    }

    /// A year expression that sets a deadline still ahead of the document's date.
    fn is_deadline(&self, y: &YearMention) -> bool {
        match y.kind {
            // Undated, a plan's own period tells: a deadline before it starts (`“十四五”期间`
            // in a plan for 2026–2030) is gone by.
            YearKind::Deadline => match (self.ctx.doc_year, self.ctx.period) {
                (Some(d), _) => y.year >= d,
                (None, Some(p)) => y.year >= p.start,
                (None, None) => true,
            },
            YearKind::Bare => self.is_future(y.year),
            _ => false,
        }
    }

    /// The year a plan of work for one year plans (`2025年工作要点`): every goal in it is
    /// due that year unless it says otherwise.
    fn plan_of_one_year(&self) -> Option<i32> {
        self.ctx.period.filter(|p| p.start == p.end).map(|p| p.end)
    }

    fn is_future(&self, year: i32) -> bool {
        match (self.ctx.doc_year, self.ctx.period) {
            (Some(d), _) => year > d,
            (None, Some(p)) => year >= p.start,
            // An undated document: a goals section speaks of the years it aims at
            // (`工作目标` … `2025年,经济总量突破5000亿元`).
            (None, None) => self.goals_paragraph,
        }
    }

    fn paragraph(&mut self, sentences: &[Sentence], years: &ParagraphYears) {
        let mut years = ParagraphYears { ..*years };
        let mut current_mode = false;
        let mut previous_in_paragraph: Option<String> = None;
        let chars = self.chars;
        let found: Vec<Vec<Mention>> = sentences
            .iter()
            .map(|s| mentions::scan(chars, s.start, s.end))
            .collect();
        if found.iter().all(Vec::is_empty) {
            return;
        }
        // Sentences after the last one with a figure change nothing.
        let last = found.iter().rposition(|f| !f.is_empty()).unwrap_or(0);
        // A deadline stated anywhere in a sentence (`…,力争到2025年突破6500亿元;`) governs
        // the sentences after it in the paragraph, until another one.
        let mut carried: Option<i32> = None;
        for (k, (s, mentions)) in sentences.iter().zip(&found).take(last + 1).enumerate() {
            if let Some(y) = carried.take() {
                years.opener = Some(y);
                current_mode = false;
            }
            // A later sentence opening with its own horizon (`计划到2025年,…`) sets the
            // deadline of the rest of the paragraph.
            // Asked only of a sentence with a digit or `十` near its start (the year).
            let year_near_start = chars[s.start..s.end.min(s.start + 10)]
                .iter()
                .any(|&c| c.is_ascii_digit() || c == '十');
            if k > 0
                && year_near_start
                && let Some(y) =
                    years::opener(chars, s.start, s.end).filter(|y| self.is_deadline(y))
            {
                years.opener = Some(y.year);
                current_mode = false;
            }
            if mentions.is_empty() {
                // A short line inside a paragraph naming a section (`“十五五”时期发展目标
                // (至2030年)`, `“十四五”时期发展成就`) sets what the figures after it are.
                if let Some(section) = self.inline_section(s) {
                    match section {
                        InlineSection::Goals(year) => {
                            years.opener = None;
                            years.goals = Some(year.or(years.goals.flatten()));
                            years.review = false;
                            current_mode = false;
                        }
                        InlineSection::Review => {
                            years.opener = None;
                            years.goals = None;
                            years.review = true;
                        }
                    }
                    continue;
                }
            }
            if mentions.is_empty() && current_mode {
                continue;
            }
            let year_marks = years::years_in(chars, s.start, s.end);
            carried = year_marks
                .iter()
                .rfind(|y| horizon_of_clause(chars, s.start, y) && self.is_deadline(y))
                .map(|y| y.year);
            // A sentence announcing goals (`今年主要预期目标是:…`) ends the description of
            // the present before it (`2026年是“十五五”开局之年。`).
            let first_figure = mentions.first().map_or(s.end, |m| m.start);
            current_mode = !announces_goals(chars, s.start, first_figure)
                && (current_mode || self.sentence_is_current(s, &year_marks));
            if mentions.is_empty() {
                continue;
            }
            let mut previous_in_sentence: Option<String> = None;
            let mut prev_end = None;
            // Subjects of a `分别` clause, handed out to its figures in order.
            let mut respective: std::vec::IntoIter<String> = Vec::new().into_iter();
            for (mi, m) in mentions.iter().enumerate() {
                let clause_start = indicators::clause_start(chars, s.start, m.start, prev_end);
                let same_group = mi > 0
                    && !(mentions[mi - 1].end..m.start)
                        .any(|i| indicators::is_clause_stop(chars, i));
                if !same_group {
                    respective = respective_subjects(chars, s, clause_start, &mentions[mi..]);
                }
                let respective_subject = respective.next();
                if let Some(reason) = exclusions::excluded(chars, m, clause_start) {
                    self.note(s, m, Outcome::Nothing, reason, None, None);
                    continue;
                }
                prev_end = Some(m.end);
                let indicator = match (&previous_in_sentence, m.list_index) {
                    _ if respective_subject.is_some() => respective_subject.unwrap_or_default(),
                    (Some(prev), k) if k > 0 => prev.clone(),
                    _ => indicators::indicator(&indicators::IndicatorInput {
                        chars,
                        mention: m,
                        clause_start,
                        sentence: (s.start, s.end),
                        previous_in_sentence: previous_in_sentence.as_deref(),
                        previous_in_paragraph: previous_in_paragraph.as_deref(),
                    }),
                };
                previous_in_sentence = Some(indicator.clone());
                previous_in_paragraph = Some(indicator.clone());
                if is_staffing(&indicator) {
                    self.note(
                        s,
                        m,
                        Outcome::Nothing,
                        "staffing-quota",
                        Some(&indicator),
                        None,
                    );
                    continue;
                }
                let sy = sentence_years(self, &year_marks, s.start, m.start);
                self.classify(s, m, clause_start, indicator, &sy, &years, current_mode);
            }
        }
    }

    /// A sentence describing the present: `目前…`, `…拥有…`, or opening a clause with a
    /// past year (`2020年在国家级开发区中综合排名19位`), without any deadline.
    fn sentence_is_current(&self, s: &Sentence, year_marks: &[YearMention]) -> bool {
        let chars = self.chars;
        let deadline = year_marks.iter().any(|y| self.is_deadline(y));
        if deadline {
            return false;
        }
        let past_clause_year = year_marks.iter().any(|y| {
            matches!(y.kind, YearKind::Bare | YearKind::AsOf | YearKind::Deadline)
                && (y.start == s.start || indicators::is_clause_stop(chars, y.start - 1))
        });
        past_clause_year
            || marks_current(chars, s.start, s.end, &NOW)
            || marks_current(chars, s.start, s.end, &HOLDING)
            || (!self.planned(s, s.start, None)
                && marks_current(chars, s.start, s.end, &YEAR_ON_YEAR))
    }

    /// Whether a figure at `pos` (or the sentence, for `None`) is planned by where it
    /// stands: in a task of a plan (not a news report) or in a goals section.
    fn planned(&self, s: &Sentence, pos: usize, goals: Option<Option<i32>>) -> bool {
        let in_task =
            !self.ctx.news && owning_measure(self.measures, s.start, s.end, pos).is_some();
        in_task || goals.is_some() || self.goals_paragraph
    }

    #[allow(clippy::too_many_arguments)]
    fn classify(
        &mut self,
        s: &Sentence,
        m: &Mention,
        clause_start: usize,
        indicator: String,
        sy: &SentenceYears,
        years: &ParagraphYears,
        current_mode: bool,
    ) {
        let chars = self.chars;
        let recurring = recurring(chars, s.start, m.start);
        let period_end = self.ctx.period.map(|p| p.end);
        let has_year_context =
            sy.stated.is_some() || years.opener.is_some() || recurring || years.goals.is_some();
        let year = sy
            .stated
            .or(years.opener)
            .or(if recurring { period_end } else { None })
            .or(years.goals.flatten())
            .or(years.section)
            .or(self.plan_of_one_year());
        let now_word = marks_current(chars, s.start, m.start, &NOW)
            || (m.start > 0 && chars[m.start - 1] == '原')
            || (!self.planned(s, m.start, years.goals)
                && marks_current(chars, s.start, m.start, &YEAR_ON_YEAR));
        let figure = self.figure(s, m, indicator, year);
        let (stat, rule) = if (sy.past.is_some() || now_word || years.review) && sy.stated.is_none()
        {
            let rule = match (sy.past, now_word) {
                (Some(_), _) => "past-year",
                (None, true) => "now-word",
                (None, false) => "review-section",
            };
            (true, rule)
        } else if sy.stated.is_none()
            && !PLANS.any_in(chars, s.start, m.start)
            && zone_scope(chars, m, clause_start, &figure.indicator)
        {
            (true, "zone-scope")
        } else if has_year_context {
            let rule = if sy.stated.is_some() {
                "deadline-in-sentence"
            } else if years.opener.is_some() {
                "paragraph-horizon"
            } else if recurring {
                "recurring"
            } else {
                "goals-section"
            };
            (false, rule)
        } else if current_mode {
            (true, "current-context")
        } else if m.more_than {
            (true, "more-than-count")
        } else if self.current_word(clause_start, m, self.planned(s, m.start, years.goals)) {
            (true, "current-word")
        } else if !self.ctx.news && figure.measure.is_some() {
            // Nothing marks it as a goal: a figure stated as fact describes the present,
            // except in a task of a plan (`实施技术改造项目200个`).
            (false, "planned-task")
        } else if self.is_goal(s, m, clause_start) {
            (false, "goal-word")
        } else {
            (true, "stated-as-fact")
        };
        // A present figure is stated, not bounded from above: `上年度营业收入不超过2亿元`
        // is a condition of a rule.
        if stat && matches!(figure.comparator, Comparator::Le | Comparator::Lt) {
            let indicator = figure.indicator.clone();
            self.note(
                s,
                m,
                Outcome::Nothing,
                "condition-of-rule",
                Some(&indicator),
                None,
            );
            return;
        }
        if stat {
            // `去年实现营业收入…`: the year before the document's.
            let last_year = contains_any(chars, s.start, m.start, &["去年", "上年"])
                .then(|| self.ctx.doc_year.map(|y| y - 1))
                .flatten();
            let year = sy.past.or(last_year).or(years.section_past);
            let st = statistics::from_figure(figure, year, self.ctx.doc_year);
            self.note(s, m, Outcome::Statistic, rule, Some(&st.indicator), st.year);
            self.statistics.push(st);
        } else {
            let at = self.explain.as_ref().map_or(0, Vec::len);
            self.note(
                s,
                m,
                Outcome::Target,
                rule,
                Some(&figure.indicator),
                figure.year,
            );
            self.target_notes.push(at);
            self.targets.push(figure);
        }
    }

    /// Keeps what became of the figure `m` of sentence `s`, when explaining.
    fn note(
        &mut self,
        s: &Sentence,
        m: &Mention,
        outcome: Outcome,
        rule: &'static str,
        indicator: Option<&str>,
        year: Option<i32>,
    ) {
        if self.explain.is_none() {
            return;
        }
        let sentence = self.sentence_text(s);
        if let Some(list) = self.explain.as_mut() {
            list.push(Explained {
                value: m.value,
                unit: m.unit.to_string(),
                span: (m.num_start, m.end),
                outcome,
                rule,
                indicator: indicator.map(str::to_string),
                year,
                sentence,
            });
        }
    }

    /// A word marking the figure as current before it in its clause. `累计` is none when a
    /// comparator word introduces the figure (`累计达到50亿美元` is a cumulative goal) or,
    /// outside news reports, a goal verb follows it (`累计建成智能工厂80个`); in a news
    /// report `累计引进人才1200人` is a count so far.
    /// `in_plan`: the figure stands in a task of a plan or in a goals section, where
    /// `累计` sums what the plan will do (`项目累计实施100个`), not what was done.
    fn current_word(&self, clause_start: usize, m: &Mention, in_plan: bool) -> bool {
        let goal_word = m.before.is_some_and(|b| b.2 != Comparator::Approx);
        let mut i = clause_start;
        while let Some((pos, w)) = CURRENT.find(self.chars, i, m.start) {
            let noun = w == "拥有" && self.chars.get(pos + 2) == Some(&'量');
            let planned = !self.ctx.news && indicators::VERBS.at(self.chars, pos + 2).is_some();
            let cumulative_goal = w == "累计" && (goal_word || planned || in_plan);
            if !(noun || cumulative_goal) {
                return true;
            }
            i = pos + 1;
        }
        false
    }

    /// A figure without year or current marker is a goal when a comparator word, a goal
    /// verb or a planning word introduces it (`培育2-3家龙头企业`, `规划面积约3.2平方公里`).
    fn is_goal(&self, s: &Sentence, m: &Mention, clause_start: usize) -> bool {
        let chars = self.chars;
        let approx_only = m.before.is_some_and(|b| b.2 == Comparator::Approx);
        let verb = (clause_start..m.start).any(|i| {
            indicators::VERBS
                .at(chars, i)
                .is_some_and(|v| !CURRENT_VERBS.contains(&v))
        });
        // A range (`2-3家`) is a plan: current figures are counted, not bracketed.
        (m.before.is_some() && !approx_only)
            || m.value_max.is_some()
            || m.after.is_some()
            || verb
            || GOALS.any_in(chars, clause_start, m.start)
            || PLANS.any_in(chars, s.start, m.start)
    }

    /// The text of sentence `s`.
    fn sentence_text(&mut self, s: &Sentence) -> String {
        let span = (s.start, s.end);
        match &self.last_sentence {
            Some((last, text)) if *last == span => text.clone(),
            _ => {
                let text = string(self.chars, s.start, s.end);
                self.last_sentence = Some((span, text.clone()));
                text
            }
        }
    }

    fn figure(
        &mut self,
        s: &Sentence,
        m: &Mention,
        indicator: String,
        year: Option<i32>,
    ) -> Target {
        let measure = owning_measure(self.measures, s.start, s.end, m.start);
        let indicator_id = self
            .catalog
            .indicator_for(&indicator, m.unit)
            .map(|i| i.id.clone());
        Target {
            indicator,
            indicator_id,
            value: m.value,
            value_max: m.value_max,
            unit: m.unit.to_string(),
            comparator: m.comparator(),
            year,
            measure,
            sentence: self.sentence_text(s),
            span: (s.start, s.end),
        }
    }
}

/// The measure whose span holds the sentence `start..end` (else the figure at `pos`).
/// Measures come in text order and do not overlap, so the candidate is found by binary
/// search: a linear scan per figure made parsing quadratic in the document's size.
pub(super) fn owning_measure(
    measures: &[Measure],
    start: usize,
    end: usize,
    pos: usize,
) -> Option<usize> {
    let holding = |at: usize| {
        let k = measures
            .partition_point(|mm| mm.span.0 <= at)
            .checked_sub(1)?;
        Some(k).filter(|&k| at < measures[k].span.1)
    };
    holding(start)
        .filter(|&k| end <= measures[k].span.1)
        .or_else(|| holding(pos).filter(|&k| pos < measures[k].span.1))
}

/// Deadline or past year stated in the sentence before the figure at `pos`. `全年`,
/// `今年`, `年底` without a year are the document's own year (`力争全年进出口增长5%`).
fn sentence_years(
    run: &Run,
    year_marks: &[YearMention],
    sentence_start: usize,
    pos: usize,
) -> SentenceYears {
    let mut out = SentenceYears::default();
    // An account's `全年` is the year it reports on, a plan's the year it was written in.
    if let Some(y) = run.ctx.accounted.or(run.ctx.doc_year)
        && this_year_word(run.chars, sentence_start, pos)
    {
        if run.ctx.accounted.is_some() {
            out.past = Some(y);
        } else {
            out.stated = Some(y);
        }
    }
    for y in year_marks.iter().filter(|y| y.end <= pos) {
        match y.kind {
            YearKind::Deadline | YearKind::Bare
                if run.is_deadline(y)
                    || names_its_goals(run.chars, y.end, pos)
                    || intends(run, y, sentence_start, pos) =>
            {
                out.stated = Some(y.year);
                out.past = None;
            }
            YearKind::Deadline | YearKind::Bare | YearKind::AsOf => {
                out.past = Some(y.year);
                out.stated = None;
            }
            YearKind::Baseline | YearKind::Period => {}
        }
    }
    out
}

/// Whether a bare year opening a clause is followed, before the figure at `pos`, by a
/// planning word (`2026年,园区要力争新增…40家`, `2024年,计划完成…`): the year is one to
/// reach, even in an undated document or in the year the document was written — not a
/// year gone by.
fn intends(run: &Run, y: &YearMention, sentence_start: usize, pos: usize) -> bool {
    y.kind == YearKind::Bare
        && run.ctx.doc_year.is_none_or(|d| y.year >= d)
        && horizon_of_clause(run.chars, sentence_start, y)
        && PLANS.any_in(run.chars, y.end, pos)
}

/// Whether the year ending at `year_end` names the goals its figures are (`2024年经济社会
/// 发展主要预期目标是:…增长7.6%`, `2019年目标为:…`): a `目标` in the same clause, within a
/// few words, announcing them (`目标是`, `目标为`, `目标:`, `目标如下`). A year's goals are
/// set for that year even when the document was written in it.
fn names_its_goals(chars: &[char], year_end: usize, pos: usize) -> bool {
    let window = (year_end + 16).min(pos);
    let Some(at) = scan::find(chars, year_end, window, "目标") else {
        return false;
    };
    if (year_end..at).any(|i| indicators::is_clause_stop(chars, i)) {
        return false;
    }
    let after = at + 2;
    matches!(chars.get(after), Some('是' | '为' | ':' | '：'))
        || scan::starts_with_at(chars, after, "如下")
}

/// Whether the words before the first figure of a sentence announce the goals it lists:
/// `目标` followed by `是`, `为`, `:` or `如下` (`全县主要预期目标是:`, `工作目标:`).
fn announces_goals(chars: &[char], start: usize, first_figure: usize) -> bool {
    let mut from = start;
    while let Some(at) = scan::find(chars, from, first_figure, "目标") {
        let after = at + 2;
        if matches!(chars.get(after), Some('是' | '为' | ':' | '：'))
            || scan::starts_with_at(chars, after, "如下")
        {
            return true;
        }
        from = after;
    }
    false
}

/// Whether a year sets a horizon for what follows: a deadline (`力争到2025年`, `2024年底`,
/// `“十四五”时期`), or a bare year opening a clause before a comma (`2025年,经济总量…`), not
/// one qualifying a noun (`2026年经济工作`).
fn horizon_of_clause(chars: &[char], sentence_start: usize, y: &YearMention) -> bool {
    match y.kind {
        YearKind::Deadline => true,
        YearKind::Bare => {
            let opens = y.start == sentence_start || indicators::is_clause_stop(chars, y.start - 1);
            opens && matches!(chars.get(y.end), Some(',' | '，'))
        }
        _ => false,
    }
}

/// The subjects of a `分别` clause whose figures open `group` (the figures of one clause,
/// in order), when there are as many subjects as figures.
fn respective_subjects(
    chars: &[char],
    s: &Sentence,
    clause_start: usize,
    group: &[Mention],
) -> std::vec::IntoIter<String> {
    let subjects = respectively::subjects(chars, s.start, clause_start, group[0].start);
    if subjects.is_empty() {
        return subjects.into_iter();
    }
    let figures = 1 + group
        .windows(2)
        .take_while(|w| !(w[0].end..w[1].start).any(|i| indicators::is_clause_stop(chars, i)))
        .count();
    if figures == subjects.len() {
        subjects.into_iter()
    } else {
        Vec::new().into_iter()
    }
}

/// `全年`, `今年`, `年底` in `from..to` meaning the current year (not `2024年底`, `5年内`,
/// `去年`, `今年以来`).
fn this_year_word(chars: &[char], from: usize, to: usize) -> bool {
    // One pass over the chars: every word involved holds `年`, or is `以来`. The last word
    // before the figure decides: `去年新增30家,今年力争新增40家` sets this year's goal
    // after last year's result.
    let mut found = false;
    for i in from..to {
        match chars[i] {
            '年' => {
                let prev = (i > from).then(|| chars[i - 1]);
                // `去年全年`: the whole of last year.
                let last_years_whole = prev == Some('全')
                    && i >= from + 3
                    && chars[i - 2] == '年'
                    && matches!(chars[i - 3], '去' | '上');
                match prev {
                    Some('去' | '上') => found = false,
                    Some('全') if last_years_whole => {}
                    Some('全' | '今' | '本') => found = true,
                    _ => {
                        // `年底前`: the end of this year.
                        let numeral = prev.is_some_and(|p| {
                            numbers::digit_value(p).is_some() || numbers::is_chinese_numeral_char(p)
                        });
                        if chars.get(i + 1) == Some(&'底') && !numeral {
                            found = true;
                        }
                    }
                }
            }
            '以' if i + 1 < to && chars[i + 1] == '来' => found = false,
            _ => {}
        }
    }
    found
}

/// Whether a `每年` before the figure at `pos` makes it recurring: `每年` governs its own
/// clause and the clauses after it that go on without a verb of their own
/// (`每年举办推介会4次,专题培训不少于10场`), not a clause opening with its own act
/// (`每年安排资金20亿元,设立200亿元的基金`).
fn recurring(chars: &[char], sentence_start: usize, pos: usize) -> bool {
    let Some(at) = scan::rfind(chars, sentence_start, pos, "每年") else {
        return false;
    };
    !(at..pos).any(|i| {
        let mut next = i + 1;
        while next < pos && scan::is_space(chars[next]) {
            next += 1;
        }
        indicators::is_clause_stop(chars, i) && indicators::VERBS.at(chars, next).is_some()
    })
}

/// The land area of a zone or its parts (`面积扩大到357平方公里`, `三园面积分别为7、33、74
/// 平方公里`): the zone's scope, a statistic, not a result to reach. Land developed,
/// rebuilt or let (`新增开发面积5平方公里`) is a goal.
fn zone_scope(chars: &[char], m: &Mention, clause_start: usize, indicator: &str) -> bool {
    matches!(m.unit, "平方公里" | "公顷")
        && (indicator.contains("面积") || indicator.contains("范围"))
        && !contains_any(chars, clause_start, m.start, LAND_WORKS)
        && !LAND_WORKS.iter().any(|w| indicator.contains(w))
}

/// Posts and staffing quotas (`设管委会副主任1名`) are organisation, not goals.
fn is_staffing(indicator: &str) -> bool {
    ["主任", "书记", "局长", "组长", "区长", "职数", "副职"]
        .iter()
        .any(|w| indicator.ends_with(w))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod rules_tests;

#[cfg(test)]
mod horizons_tests;
