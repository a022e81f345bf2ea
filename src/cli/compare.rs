//! `zonecompare compare --zones a,b,c --by theme|indicator|instrument|agency`: what the
//! zones have in common, what some share and what only one has, with the measures (or
//! targets) behind each count.

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use super::table::{OutFormat, Table};
use std::collections::HashMap;

use crate::analysis::ambition::ranking;
use crate::analysis::presence::{Dimension, Presence, PresenceRow, presence};
use crate::catalog::Catalog;
use crate::charts::Lang;
use crate::charts::labels::key_name;
use crate::model::DocKind;
use crate::store::Store;
use crate::store::rows::Filter;
use crate::store::rows::{StatisticRow, TargetRow};

/// `--by` of `compare`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum By {
    /// Measures per theme.
    #[default]
    Theme,
    /// Targets per canonical indicator.
    Indicator,
    /// Measures per policy-instrument sub-type.
    Instrument,
    /// Measures per responsible agency (lead or co-owner).
    Agency,
}

impl By {
    fn dimension(self) -> Dimension {
        match self {
            By::Theme => Dimension::Theme,
            By::Indicator => Dimension::Indicator,
            By::Instrument => Dimension::Instrument,
            By::Agency => Dimension::Agency,
        }
    }
}

/// What `compare` prints.
pub struct Options {
    pub zones: Vec<String>,
    pub by: By,
    pub format: OutFormat,
    pub lang: Lang,
    /// Leave out the keys every zone has.
    pub differences_only: bool,
}

/// Reads the zones' measures and targets and prints the line-up.
pub fn run(store: &Store, o: &Options) -> anyhow::Result<()> {
    if o.zones.len() < 2 {
        anyhow::bail!("compare needs at least two zones (--zones a,b)");
    }
    let filter = Filter {
        zones: o.zones.clone(),
        ..Filter::default()
    };
    let dimension = o.by.dimension();
    let (measures, targets) = match dimension {
        Dimension::Indicator => (Vec::new(), store.targets(&filter)?),
        _ => (store.measures(&filter)?, Vec::new()),
    };
    let mut rows = presence(&measures, &targets, &o.zones, dimension);
    let ambition = match dimension {
        Dimension::Indicator => Ambition::load(store, &o.zones)?,
        _ => Ambition::default(),
    };
    if o.differences_only {
        rows.retain(|r| r.presence != Presence::Common);
    }
    let catalog = Catalog::in_use();
    let name = |r: &PresenceRow| key_name(catalog, dimension, &r.key, o.lang);
    let text = match o.format {
        OutFormat::Json => {
            let out: Vec<JsonRow<'_>> = rows
                .iter()
                .map(|r| JsonRow {
                    ambition_rank: (dimension == Dimension::Indicator)
                        .then(|| ambition.rank(&targets, &o.zones, &r.key)),
                    key: &r.key,
                    name: name(r),
                    presence: r.presence,
                    counts: Ordered(o.zones.iter().zip(&r.counts).collect()),
                    items: Ordered(o.zones.iter().zip(&r.items).collect()),
                    only_in: &r.only_in,
                    missing_in: &r.missing_in,
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&out)?;
            s.push('\n');
            s
        }
        OutFormat::Table | OutFormat::Csv => {
            let mut columns = vec!["key".to_string(), "name".into(), "presence".into()];
            columns.extend(o.zones.iter().cloned());
            columns.extend(["only_in".to_string(), "missing_in".into()]);
            if dimension == Dimension::Indicator {
                columns.push("ambition_rank".into());
            }
            let mut table = Table::with_columns(columns, &[]);
            for r in &rows {
                let mut cells: Vec<Value> = vec![
                    r.key.clone().into(),
                    name(r).into(),
                    r.presence.as_str().into(),
                ];
                cells.extend(r.counts.iter().map(|&n| Value::from(n)));
                cells.push(r.only_in.clone().into());
                cells.push(r.missing_in.clone().into());
                if dimension == Dimension::Indicator {
                    let ranked: Vec<String> = ambition
                        .rank(&targets, &o.zones, &r.key)
                        .iter()
                        .map(|e| format!("{} {:+}%", e.zone, e.implied_annual_growth_pct))
                        .collect();
                    cells.push(ranked.join("; ").into());
                }
                table.push(cells);
            }
            if o.format == OutFormat::Csv {
                table.to_csv()
            } else {
                table.to_text()
            }
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The zones' baselines and the kinds of the documents they come from, for ranking zones
/// by ambition per indicator.
#[derive(Default)]
struct Ambition {
    statistics: Vec<StatisticRow>,
    kinds: HashMap<i64, DocKind>,
}

impl Ambition {
    fn load(store: &Store, zones: &[String]) -> anyhow::Result<Ambition> {
        let statistics = store.statistics(&Filter {
            zones: zones.to_vec(),
            ..Filter::default()
        })?;
        let mut ids: Vec<i64> = statistics.iter().map(|s| s.doc_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let kinds = store
            .documents_info(&ids)?
            .into_iter()
            .map(|d| (d.id, d.kind))
            .collect();
        Ok(Ambition { statistics, kinds })
    }

    /// The zones ranked by implied annual change for `indicator`, most ambitious first.
    fn rank(&self, targets: &[TargetRow], zones: &[String], indicator: &str) -> Vec<RankEntry> {
        let kind = |id: i64| self.kinds.get(&id).copied();
        ranking(targets, &self.statistics, zones, indicator, kind)
            .into_iter()
            .map(|(zone, implied_annual_growth_pct)| RankEntry {
                zone,
                implied_annual_growth_pct,
            })
            .collect()
    }
}

/// A zone's place in an indicator's ambition ranking.
#[derive(Serialize)]
struct RankEntry {
    zone: String,
    implied_annual_growth_pct: f64,
}

/// One JSON row: the key, its name, where it is found, and per zone the count and items.
#[derive(Serialize)]
struct JsonRow<'a> {
    key: &'a str,
    name: String,
    presence: Presence,
    counts: Ordered<'a, usize>,
    items: Ordered<'a, Vec<String>>,
    only_in: &'a Option<String>,
    missing_in: &'a [String],
    /// By indicator only: zones ranked by ambition (empty when none has a baseline).
    #[serde(skip_serializing_if = "Option::is_none")]
    ambition_rank: Option<Vec<RankEntry>>,
}

/// A JSON object whose keys (zone slugs) keep the order the zones were given in.
struct Ordered<'a, V>(Vec<(&'a String, &'a V)>);

impl<V: Serialize> Serialize for Ordered<'_, V> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
