//! The English measures and targets tables: every structured field in English, titles as
//! the user's translation or the machine gloss (with a column saying which), and the
//! Chinese text kept only in the columns named "(Chinese original)".

use super::{Cell, Table};
use crate::analysis::Dataset;
use crate::catalog::Catalog;
use crate::charts::Lang;
use crate::charts::build::instrument_name;
use crate::charts::labels::{agency_name, document_title, indicator_name, zone_label};
use crate::english::{self, values};
use crate::model::{Comparator, Role};
use crate::store::rows::MeasureRow;

/// Header suffix of the columns that keep the Chinese text as evidence.
pub const ORIGINAL: &str = "(Chinese original)";

fn original(name: &str) -> String {
    format!("{name} {ORIGINAL}")
}

/// A comparator as a word for a table column.
pub fn comparator_column(c: Comparator) -> &'static str {
    match c {
        Comparator::Eq => "reach",
        c => values::comparator_words(c),
    }
}

fn units(catalog: &Catalog, m: &MeasureRow, role: Role) -> String {
    m.units
        .iter()
        .filter(|u| u.role == role)
        .map(|u| agency_name(catalog, &u.canonical, Lang::En))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every measure of the selected zones, in English.
pub fn measures(ds: &Dataset, catalog: &Catalog) -> Table {
    let mut headers: Vec<String> = [
        "Zone",
        "Document",
        "No.",
        "Outline path",
        "Measure",
        "Measure title is",
        "Themes",
        "Instrument",
        "Lead unit",
        "Co-owners",
        "Key enterprises",
        "Targets",
        "Full text (machine gloss)",
    ]
    .map(String::from)
    .to_vec();
    headers.extend([
        original("Measure"),
        original("Key enterprises"),
        original("Full text"),
    ]);
    let rows = ds
        .measures
        .iter()
        .filter(|m| ds.selected.contains(&m.zone_slug))
        .map(|m| {
            let title = english::title(&ds.translations, &m.title);
            let english::MeasureParts {
                themes,
                path,
                firms,
            } = english::measure_parts(catalog, m);
            vec![
                Cell::text(zone_label(ds, &m.zone_slug, Lang::En)),
                Cell::text(document_title(ds, m.doc_id, Lang::En)),
                Cell::text(
                    m.number
                        .as_deref()
                        .map(english::outline_label)
                        .unwrap_or_default(),
                ),
                Cell::text(path.join(" › ")),
                Cell::text(title.text),
                Cell::text(title.source.label()),
                Cell::text(themes.join("; ")),
                Cell::text(
                    m.instrument
                        .map(|i| instrument_name(i, Lang::En))
                        .unwrap_or_default(),
                ),
                Cell::text(units(catalog, m, Role::Lead)),
                Cell::text(units(catalog, m, Role::Co)),
                Cell::text(firms.join("; ")),
                Cell::Number(m.target_count as f64),
                Cell::text(english::gloss(&m.text)),
                Cell::text(&m.title),
                Cell::text(m.key_enterprises.join("、")),
                Cell::text(&m.text),
            ]
        })
        .collect();
    Table {
        name: "Measures".into(),
        headers,
        rows,
    }
}

/// Every target of the selected zones, in English, with its source sentence.
pub fn targets(ds: &Dataset, catalog: &Catalog) -> Table {
    let mut headers: Vec<String> = [
        "Zone",
        "Document",
        "Indicator",
        "Canonical indicator",
        "Comparator",
        "Value",
        "Upper value",
        "Unit",
        "Target",
        "Deadline",
        "Measure",
        "Corrected",
    ]
    .map(String::from)
    .to_vec();
    headers.extend([original("Indicator"), original("Source sentence")]);
    let rows = ds
        .targets
        .iter()
        .filter(|t| ds.selected.contains(&t.zone_slug))
        .map(|r| {
            let t = &r.target;
            let canonical = t
                .indicator_id
                .as_deref()
                .map(|id| indicator_name(catalog, id, Lang::En, None))
                .unwrap_or_default();
            let indicator = match canonical.is_empty() {
                true => english::gloss(&t.indicator),
                false => canonical.clone(),
            };
            let noun = values::count_noun(catalog, t.indicator_id.as_deref(), &t.unit);
            vec![
                Cell::text(zone_label(ds, &r.zone_slug, Lang::En)),
                Cell::text(document_title(ds, r.doc_id, Lang::En)),
                Cell::text(indicator),
                Cell::text(canonical),
                Cell::text(comparator_column(t.comparator)),
                Cell::Number(t.value),
                Cell::opt_num(t.value_max),
                Cell::text(values::unit_name(&t.unit, &noun)),
                Cell::text(values::target(catalog, t)),
                Cell::opt_num(t.year),
                Cell::text(
                    r.measure_title
                        .as_deref()
                        .map(|m| english::title(&ds.translations, m).text)
                        .unwrap_or_default(),
                ),
                Cell::text(if r.corrected { "yes" } else { "" }),
                Cell::text(&t.indicator),
                Cell::text(&t.sentence),
            ]
        })
        .collect();
    Table {
        name: "Targets".into(),
        headers,
        rows,
    }
}
