//! Quantified targets and current statistics.

use crate::catalog::Catalog;
use crate::model::{Measure, Period, Statistic, Target};

/// What the target extractor needs to know about the document as a whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct TargetContext {
    /// Plan period: its end year is the deadline of recurring `每年…` targets.
    pub period: Option<Period>,
    /// Year the document was issued: the default year of current statistics.
    pub doc_year: Option<i32>,
}

/// Finds every target and statistic in `text`; `measures` (already extracted, with spans)
/// decide which measure owns each target.
pub fn extract_targets(
    _text: &str,
    _measures: &[Measure],
    _ctx: &TargetContext,
    _catalog: &Catalog,
) -> (Vec<Target>, Vec<Statistic>) {
    (Vec::new(), Vec::new())
}
