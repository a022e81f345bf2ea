//! What became of every figure of a document (`zonecompare parse FILE --explain`): a
//! target, a statistic or nothing, with the short stable name of the rule that decided.

use serde::Serialize;

/// Where a figure ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Target,
    Statistic,
    Nothing,
}

impl Outcome {
    /// The outcome as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Target => "target",
            Outcome::Statistic => "statistic",
            Outcome::Nothing => "nothing",
        }
    }
}

/// One figure with a unit and what the parser made of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    pub value: f64,
    pub unit: String,
    /// Char span of the figure (number, unit and comparator words) in the cleaned text.
    pub span: (usize, usize),
    pub outcome: Outcome,
    /// Short stable name of the deciding rule (`deadline-in-sentence`, `policy-parameter`).
    pub rule: &'static str,
    /// The indicator as written, once the figure got that far.
    pub indicator: Option<String>,
    /// The year a target is due or a statistic describes.
    pub year: Option<i32>,
    /// The sentence the figure stands in.
    pub sentence: String,
}

/// Every rule name `--explain` can give, with what it means (for `--explain` readers and
/// for tests that keep the names stable).
pub const RULES: &[(&str, &str)] = &[
    (
        "indicator-table",
        "target or statistic: a row of an indicator table, by its year column",
    ),
    (
        "deadline-in-sentence",
        "target: a deadline year is stated before it in its sentence",
    ),
    (
        "paragraph-horizon",
        "target: an earlier `到20XX年,` of its paragraph sets the deadline",
    ),
    (
        "recurring",
        "target: a `每年…` commitment, due at the plan's end",
    ),
    (
        "goals-section",
        "target: it stands in a goals section (the heading's year, if any)",
    ),
    ("planned-task", "target: a figure inside a task of a plan"),
    (
        "goal-word",
        "target: a comparator, goal verb or planning word introduces it",
    ),
    ("past-year", "statistic: a past year is stated before it"),
    (
        "now-word",
        "statistic: `目前`, `现有`, `以来` and the like describe the present",
    ),
    (
        "review-section",
        "statistic: it stands in a review of results or of the present",
    ),
    (
        "zone-scope",
        "statistic: the land area of a zone or its parts",
    ),
    (
        "current-context",
        "statistic: its sentence group describes the present",
    ),
    (
        "more-than-count",
        "statistic: `3000余家` counts what exists",
    ),
    (
        "current-word",
        "statistic: `拥有`, `累计` and the like before it",
    ),
    ("stated-as-fact", "statistic: nothing marks it as a goal"),
    (
        "restated",
        "nothing: the same figure is already a target (headline and body)",
    ),
    (
        "condition-of-rule",
        "nothing: an upper bound stated as fact is a condition of a rule",
    ),
    ("staffing-quota", "nothing: posts and staffing quotas"),
    (
        "formula-or-ratio",
        "nothing: part of a formula or ratio (`15%:25%:60%`)",
    ),
    (
        "name-in-quotes",
        "nothing: part of a quoted name (`“四个中心”`)",
    ),
    (
        "technical-spec",
        "nothing: a technical specification (`时速400公里`)",
    ),
    (
        "ranking-in-name",
        "nothing: a ranking inside a name (`世界500强企业`)",
    ),
    (
        "policy-parameter",
        "nothing: a subsidy, rate, weight or bound a policy sets",
    ),
    (
        "document-contents",
        "nothing: the document counting its own parts",
    ),
    (
        "category-count",
        "nothing: a count of categories or of items just named",
    ),
    (
        "class-threshold",
        "nothing: the threshold of a class another figure counts",
    ),
];
