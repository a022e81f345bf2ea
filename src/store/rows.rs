//! Plain rows the store hands to analysis, the CLI and the GUI. Corrections are already
//! applied: `corrected` says a user overlay changed the parsed value.

use serde::Serialize;

use crate::model::{DocKind, Instrument, Period, ResponsibleUnit, Section, Target, Zone};

/// A zone with its documents and headline counts (Overview cards, `zones` command).
#[derive(Debug, Clone, Serialize)]
pub struct ZoneSummary {
    pub zone: Zone,
    /// The zone's documents (empty in a brief summary, see `Store::zone_briefs`).
    pub documents: Vec<DocumentInfo>,
    /// How many documents the zone has (filled in brief summaries too).
    pub document_count: usize,
    pub measure_count: usize,
    pub target_count: usize,
    pub agency_count: usize,
    /// Theme id and number of measures, most frequent first.
    pub top_themes: Vec<(String, usize)>,
}

/// A document as a picker lists it: id, zone and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentTitle {
    pub id: i64,
    pub zone_slug: String,
    pub title: String,
}

/// One imported document (without its text).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: i64,
    pub zone_slug: String,
    pub title: String,
    /// File name it was imported from.
    pub source_name: String,
    pub kind: DocKind,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub date: Option<String>,
    pub period: Option<Period>,
    pub sha256: String,
    pub imported_at: String,
}

/// A measure with its zone and document.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureRow {
    pub id: i64,
    pub doc_id: i64,
    pub zone_slug: String,
    pub number: Option<String>,
    pub path: Vec<String>,
    pub title: String,
    pub text: String,
    pub span: (usize, usize),
    pub units: Vec<ResponsibleUnit>,
    pub key_enterprises: Vec<String>,
    pub themes: Vec<String>,
    pub instrument: Option<Instrument>,
    /// Instrument sub-type id from `data/instruments.toml`, when one matched.
    pub instrument_subtype: Option<String>,
    /// Number of targets belonging to this measure.
    pub target_count: usize,
    pub corrected: bool,
}

/// A target with its zone, document and measure.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub id: i64,
    pub doc_id: i64,
    pub zone_slug: String,
    /// Database id of the owning measure.
    pub measure_id: Option<i64>,
    /// Title of the owning measure, for tables.
    pub measure_title: Option<String>,
    /// The target with user corrections applied.
    pub target: Target,
    pub corrected: bool,
    /// Who is responsible for it, and where that comes from.
    pub owners: Owners,
}

/// Where a target's responsible agencies come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerSource {
    /// The `责任单位` of the measure it belongs to.
    Measure,
    /// An agency its own sentence names (a goals-section target without a measure).
    Named,
    /// The document's issuer (a goals-section target without a measure or named agency).
    Issuer,
    /// The document names nobody for it.
    #[default]
    None,
}

impl OwnerSource {
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerSource::Measure => "measure",
            OwnerSource::Named => "named",
            OwnerSource::Issuer => "issuer",
            OwnerSource::None => "none",
        }
    }
}

/// A target's lead agency and co-owners (canonical names).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Owners {
    pub lead: Option<String>,
    pub co: Vec<String>,
    pub source: OwnerSource,
}

/// A current figure (baseline) with its zone.
#[derive(Debug, Clone, Serialize)]
pub struct StatisticRow {
    pub id: i64,
    pub doc_id: i64,
    pub zone_slug: String,
    pub indicator: String,
    pub indicator_id: Option<String>,
    pub value: f64,
    pub unit: String,
    pub year: Option<i32>,
    pub sentence: String,
    pub span: (usize, usize),
}

/// A document's text and outline, for the reader.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentText {
    pub info: DocumentInfo,
    /// Cleaned text every span refers to.
    pub text: String,
    pub outline: Vec<Section>,
}

/// Which rows a query returns. Empty `zones` = every zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    pub zones: Vec<String>,
    /// Only the measures and targets of this document (the reader's highlights); never
    /// saved with the interface's filters.
    #[serde(skip)]
    pub document: Option<i64>,
    pub theme: Option<String>,
    pub instrument: Option<Instrument>,
    /// Canonical agency name.
    pub agency: Option<String>,
    pub has_target: bool,
    /// Target deadline year.
    pub year: Option<i32>,
    /// Canonical indicator id (`high_tech_enterprises`, matched exactly); any other text
    /// matches indicators as written that contain it (`高新技术企业`).
    pub indicator: Option<String>,
    /// Full-text query over measure titles and text: whitespace-separated terms, all
    /// required; terms of 3+ characters use the trigram index, shorter ones a scan.
    pub search: Option<String>,
    /// At most this many measures, targets or statistics (the first in zone, document and
    /// outline order): a page for lists that show a window of the rows. `None` = all.
    /// Aggregates (agency load, zone summaries) ignore it.
    pub limit: Option<usize>,
}

/// The values the filter lists offer, over the whole database.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// Canonical agencies named by at least one responsible unit, sorted.
    pub agencies: Vec<String>,
    /// Deadline years of the targets, ascending.
    pub years: Vec<i32>,
    /// Canonical indicator ids that have at least one target, sorted.
    pub indicators: Vec<String>,
}

/// An outcome the user entered for a zone's canonical indicator in a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActualRow {
    pub id: i64,
    pub zone_slug: String,
    pub indicator_id: String,
    pub year: i32,
    pub value: f64,
    pub unit: String,
    pub note: String,
}

/// How many measures an agency leads and co-owns in one zone.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyLoadRow {
    pub zone_slug: String,
    /// Canonical agency name.
    pub agency: String,
    pub lead: usize,
    pub co: usize,
}

/// What happened to one imported file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ImportOutcome {
    /// Stored as a new document with this id.
    Imported {
        doc_id: i64,
        measures: usize,
        targets: usize,
    },
    /// The same content (sha256) is already in the database under this id.
    AlreadyPresent { doc_id: i64 },
}

/// A user's correction of a target: `None` fields keep the parsed value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TargetCorrection {
    pub indicator: Option<String>,
    pub indicator_id: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub comparator: Option<crate::model::Comparator>,
    pub year: Option<i32>,
    /// The target has no deadline year (the parsed one was wrong); `year` is then ignored.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub clear_year: bool,
}

/// A user's correction of a measure: `None` fields keep the parsed value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MeasureCorrection {
    pub themes: Option<Vec<String>>,
    pub units: Option<Vec<ResponsibleUnit>>,
}
