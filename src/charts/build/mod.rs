//! Builders: a [`Dataset`] and [`ChartOptions`] in, a [`Chart`] out. One file per family
//! of charts; this module dispatches and holds the pieces they share.

mod indicator;
mod mix;
mod timeline;

pub use mix::{instrument_color, instrument_name};

use std::collections::BTreeSet;

use super::labels::{source_note, zone_label};
use super::{Chart, ChartKind, Lang, LegendItem, NEUTRAL, Panel, Style};
use crate::analysis::Dataset;
use crate::catalog::Catalog;

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub kind: ChartKind,
    /// Canonical indicator for `indicator` and `progress` (default: the one most zones target).
    pub indicator: Option<String>,
    /// Theme ids for `themes` (empty = every theme with measures).
    pub themes: Vec<String>,
    pub lang: Lang,
    /// Agencies shown per zone in `agencies`.
    pub top_agencies: usize,
}

impl ChartOptions {
    /// Options for `kind` in `lang`, everything else default.
    pub fn new(kind: ChartKind, lang: Lang) -> ChartOptions {
        ChartOptions {
            kind,
            indicator: None,
            themes: Vec::new(),
            lang,
            top_agencies: 8,
        }
    }
}

/// Computes the chart `opts` asks for from the rows of `ds` (selected zones only). Missing
/// data gives a chart that says so, never an error.
pub fn build_chart(ds: &Dataset, catalog: &Catalog, opts: &ChartOptions) -> Chart {
    match opts.kind {
        ChartKind::Indicator => indicator::indicator_chart(ds, catalog, opts),
        ChartKind::Progress => indicator::progress_chart(ds, catalog, opts),
        ChartKind::Timeline => timeline::timeline_chart(ds, catalog, opts),
        ChartKind::Themes => mix::themes_chart(ds, catalog, opts),
        ChartKind::Agencies => mix::agencies_chart(ds, catalog, opts),
        ChartKind::Instruments => mix::instruments_chart(ds, opts),
    }
}

/// Collects the ids of the documents a chart's figures come from.
#[derive(Default)]
struct Sources(BTreeSet<i64>);

impl Sources {
    fn add(&mut self, doc_id: i64) {
        self.0.insert(doc_id);
    }

    fn note(&self, ds: &Dataset, lang: Lang) -> String {
        source_note(ds, &self.0, lang)
    }
}

/// Selected zone names joined for a subtitle.
fn selection_names(ds: &Dataset, lang: Lang) -> String {
    let names: Vec<String> = ds
        .selected
        .iter()
        .map(|s| zone_label(ds, s, lang))
        .collect();
    names.join(lang.pick("、", "; "))
}

/// The two legend entries explaining solid vs pale bars.
fn style_legend(solid: &str, pale: &str) -> Vec<LegendItem> {
    vec![
        LegendItem {
            label: solid.to_string(),
            color: NEUTRAL,
            style: Style::Solid,
        },
        LegendItem {
            label: pale.to_string(),
            color: NEUTRAL,
            style: Style::Pale,
        },
    ]
}

/// A chart shell with no panels yet.
fn chart(kind: ChartKind, lang: Lang, title: String, subtitle: String) -> Chart {
    Chart {
        kind,
        lang,
        title,
        subtitle,
        panels: Vec::<Panel>::new(),
        legend: Vec::new(),
        notes: Vec::new(),
        source: String::new(),
    }
}

/// Hover text: the sentence and the document it comes from.
fn detail(ds: &Dataset, doc_id: i64, sentence: &str, lang: Lang) -> String {
    match ds.document(doc_id) {
        Some(d) => {
            let title = crate::charts::labels::document_title(ds, d.id, lang);
            format!("{sentence}{}{title}", lang.pick(" ——《", " — “")) + lang.pick("》", "”")
        }
        None => sentence.to_string(),
    }
}
