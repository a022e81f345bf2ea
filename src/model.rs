//! Plain domain types shared by every layer: what a parsed planning document is made of.
//!
//! The JSON contract of `zonecompare parse --format json` is produced from these types by
//! [`crate::parse::json`]; field names here follow that JSON where they overlap.

use serde::{Deserialize, Serialize};

/// A half-open range of *character* (not byte) offsets into the cleaned text.
pub type Span = (usize, usize);

/// Years a plan covers, inclusive (`2018-2020年`, `十四五` = 2021–2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// What sort of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    #[default]
    Plan,
    Opinion,
    ImplementationPlan,
    Notice,
    News,
}

impl DocKind {
    /// Stable lower-case identifier used in the database and CLI output.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Plan => "plan",
            DocKind::Opinion => "opinion",
            DocKind::ImplementationPlan => "implementation_plan",
            DocKind::Notice => "notice",
            DocKind::News => "news",
        }
    }
}

/// One heading of the document outline, stored flat with a parent index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Normalised heading number (`三`, `(一)`, `1`, `(1)`, `①`), `None` for unnumbered headings.
    pub number: Option<String>,
    /// Heading text without its number and closing punctuation.
    pub title: String,
    /// 1 = top level.
    pub level: u8,
    /// Index of the parent section in `ParsedDocument::outline`.
    pub parent: Option<usize>,
    /// Span of the heading line itself.
    pub span: Span,
}

/// Whether an agency leads a measure or co-owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    Co,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Co => "co",
        }
    }
}

/// A responsible unit named in a `(责任单位:…)` annotation, after prefix expansion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsibleUnit {
    /// The name as expanded (`市发展改革委` from `市科技局、发展改革委`).
    pub name: String,
    /// Canonical agency name from `data/agencies.toml` (the name itself when unknown).
    pub canonical: String,
    pub role: Role,
}

/// Policy-instrument family (Rothwell & Zegveld).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Instrument {
    Supply,
    Environment,
    Demand,
}

impl Instrument {
    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::Supply => "supply",
            Instrument::Environment => "environment",
            Instrument::Demand => "demand",
        }
    }
}

/// A numbered task or headed paragraph of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Its own number as normalised in `path` (`1`, `(一)`), `None` when unnumbered.
    pub number: Option<String>,
    /// Numbers (or titles, for unnumbered headings) of the enclosing sections and itself.
    pub path: Vec<String>,
    /// Lead sentence (or heading) without the number and final punctuation.
    pub title: String,
    /// Full text of the measure as it appears in the cleaned text.
    pub text: String,
    pub span: Span,
    pub responsible_units: Vec<ResponsibleUnit>,
    pub key_enterprises: Vec<String>,
    /// Theme ids from `data/themes.toml`.
    pub themes: Vec<String>,
    pub instrument: Option<Instrument>,
    /// Instrument sub-type id from `data/instruments.toml`, when one matched.
    pub instrument_subtype: Option<String>,
}

/// How a target value relates to the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "~")]
    Approx,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
}

impl Comparator {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Approx => "~",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            ">=" => Comparator::Ge,
            ">" => Comparator::Gt,
            "=" => Comparator::Eq,
            "~" => Comparator::Approx,
            "<=" => Comparator::Le,
            "<" => Comparator::Lt,
            _ => return None,
        })
    }
}

/// A quantified goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Indicator as written in the document.
    pub indicator: String,
    /// Canonical indicator id from `data/indicators.toml`, when known.
    pub indicator_id: Option<String>,
    pub value: f64,
    /// Upper bound of a range (`2-3家`).
    pub value_max: Option<f64>,
    /// Unit as written (`家`, `亿元`, `%`…); empty for pure counts/ranks without unit.
    pub unit: String,
    pub comparator: Comparator,
    /// Deadline year.
    pub year: Option<i32>,
    /// Index into `ParsedDocument::measures`.
    pub measure: Option<usize>,
    /// Verbatim sentence (clause) that states the target.
    pub sentence: String,
    /// Span of that sentence in the cleaned text.
    pub span: Span,
}

/// A current figure (baseline) stated in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistic {
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub value: f64,
    pub unit: String,
    /// Year the figure describes, when known.
    pub year: Option<i32>,
    pub sentence: String,
    pub span: Span,
}

/// Everything the parser extracts from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ParsedDocument {
    pub title: String,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub period: Option<Period>,
    pub kind: DocKind,
    pub outline: Vec<Section>,
    pub measures: Vec<Measure>,
    pub targets: Vec<Target>,
    pub statistics: Vec<Statistic>,
}

/// A development zone as described in `data/zones.toml` or created by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub province: String,
    /// `national`, `provincial`, `municipal`.
    #[serde(default)]
    pub level: String,
    /// `industrial_park`, `high_tech_zone`, `city`, `new_area`…
    #[serde(default)]
    pub kind: String,
    /// Bundled corpus file names belonging to this zone.
    #[serde(default)]
    pub documents: Vec<String>,
}
