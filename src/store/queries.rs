//! Filtered reads: measures, targets, statistics, agency load, actuals. Every field of
//! [`Filter`] that applies to a row kind narrows it; the stored values are already the
//! corrected ones (see `corrections`).

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params_from_iter};

use super::Store;
use super::fts;
use super::rows::*;
use crate::error::Result;
use crate::model::{Comparator, Target};

pub(crate) use super::summary::{document, documents_info, zone, zones};

/// WHERE conditions with their positional parameters.
#[derive(Default)]
pub(crate) struct Where {
    conds: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Where {
    fn add(&mut self, cond: impl Into<String>, values: impl IntoIterator<Item = Value>) {
        self.conds.push(cond.into());
        self.params.extend(values);
    }

    pub(crate) fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        }
    }

    fn zones(&mut self, zones: &[String]) {
        if !zones.is_empty() {
            let marks = vec!["?"; zones.len()].join(", ");
            self.add(
                format!("z.slug IN ({marks})"),
                zones.iter().map(|z| Value::Text(z.clone())),
            );
        }
    }

    fn indicator(&mut self, alias: &str, indicator: &Option<String>) {
        if let Some(ind) = indicator {
            let (cond, value) = indicator_condition(alias, ind);
            self.add(cond, [value]);
        }
    }
}

/// A canonical id (`high_tech_enterprises`) matches exactly, through the index; any other
/// text matches indicators as written that contain it.
fn indicator_condition(alias: &str, indicator: &str) -> (String, Value) {
    let is_id = indicator
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if is_id {
        (format!("{alias}.indicator_id = ?"), text(indicator))
    } else {
        (
            format!("{alias}.indicator LIKE ? ESCAPE '\\'"),
            Value::Text(fts::like_pattern(indicator)),
        )
    }
}

/// ` LIMIT n` for a row limit, nothing without one.
pub(crate) fn limit_sql(limit: Option<usize>) -> String {
    limit.map_or(String::new(), |n| format!(" LIMIT {n}"))
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// Conditions on a measure whose id is the expression `mid` (alias `m` holds its row when
/// `instrument` or `search` is set). `year`, `indicator` and `has_target` select measures
/// by their targets.
fn measure_where(w: &mut Where, f: &Filter, targets_too: bool, mid: &str) {
    w.zones(&f.zones);
    if let Some(doc) = f.document {
        w.add("m.doc_id = ?", [Value::Integer(doc)]);
    }
    if let Some(theme) = &f.theme {
        w.add(
            format!(
                "EXISTS (SELECT 1 FROM measure_themes mt WHERE mt.measure_id = {mid} \
                 AND mt.theme = ?)"
            ),
            [text(theme)],
        );
    }
    if let Some(i) = f.instrument {
        w.add("m.instrument = ?", [text(i.as_str())]);
    }
    if let Some(agency) = &f.agency {
        w.add(
            format!(
                "EXISTS (SELECT 1 FROM responsible_units u JOIN agencies ua \
                 ON ua.id = u.agency_id WHERE u.measure_id = {mid} \
                 AND (ua.canonical = ? OR u.name = ?))"
            ),
            [text(agency), text(agency)],
        );
    }
    if let Some(q) = &f.search
        && let Some(cond) = fts::measure_condition(q, mid, &mut w.params)
    {
        w.conds.push(cond);
    }
    if !targets_too {
        return;
    }
    let mut t = Vec::new();
    let mut tp = Vec::new();
    if let Some(y) = f.year {
        t.push("t.year = ?".to_string());
        tp.push(Value::Integer(i64::from(y)));
    }
    if let Some(ind) = &f.indicator {
        let (cond, value) = indicator_condition("t", ind);
        t.push(cond);
        tp.push(value);
    }
    if f.has_target || !t.is_empty() {
        t.insert(0, format!("t.measure_id = {mid}"));
        w.add(
            format!("EXISTS (SELECT 1 FROM targets t WHERE {})", t.join(" AND ")),
            tp,
        );
    }
}

pub(crate) fn measures(store: &Store, f: &Filter) -> Result<Vec<MeasureRow>> {
    let mut w = Where::default();
    // With a limit, `+` keeps SQLite from looking up every search hit by id and sorting
    // them all: it walks the (zone, document, order) index instead, tests each id against
    // the hits without reading the row, and stops at the limit.
    let mid = if f.limit.is_some() { "+m.id" } else { "m.id" };
    measure_where(&mut w, f, true, mid);
    super::measure_rows::load(store, &w, f.limit)
}

pub(crate) fn targets(store: &Store, f: &Filter) -> Result<Vec<TargetRow>> {
    let mut w = Where::default();
    // Measure-level fields select targets through their owning measure; a search also
    // matches the target's own sentence.
    let search = f.search.clone().filter(|s| !s.trim().is_empty());
    let measure_filter = Filter {
        zones: f.zones.clone(),
        theme: f.theme.clone(),
        instrument: f.instrument,
        agency: f.agency.clone(),
        ..Filter::default()
    };
    measure_where(&mut w, &measure_filter, false, "m.id");
    if let Some(doc) = f.document {
        w.add("t.doc_id = ?", [Value::Integer(doc)]);
    }
    if let Some(q) = search {
        let mut p = Vec::new();
        let m_cond = fts::measure_condition(&q, "m.id", &mut p).unwrap_or_else(|| "0".into());
        let s_cond: Vec<String> = fts::terms(&q)
            .iter()
            .map(|t| {
                w.params.push(Value::Text(fts::like_pattern(t)));
                "t.sentence LIKE ? ESCAPE '\\'".to_string()
            })
            .collect();
        w.params.extend(p);
        w.conds
            .push(format!("(({}) OR {m_cond})", s_cond.join(" AND ")));
    }
    if let Some(y) = f.year {
        w.add("t.year = ?", [Value::Integer(i64::from(y))]);
    }
    w.indicator("t", &f.indicator);
    let sql = format!(
        "SELECT t.id, t.doc_id, z.slug, t.measure_id, m.title, m.ord, t.indicator, \
         t.indicator_id, t.value, t.value_max, t.unit, t.comparator, t.year, t.sentence, \
         t.span_start, t.span_end, t.corrected \
         FROM targets t JOIN zones z ON z.id = t.zone_id \
         LEFT JOIN measures m ON m.id = t.measure_id {} ORDER BY t.zone_id, t.doc_id, t.ord{}",
        w.sql(),
        limit_sql(f.limit)
    );
    let mut stmt = store.conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
    let mut rows = stmt
        .query_map(params_from_iter(w.params.iter()), target_row)
        .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| store.err(e))?;
    super::owners::attach(store, &mut rows)?;
    Ok(rows)
}

fn target_row(r: &Row<'_>) -> rusqlite::Result<TargetRow> {
    let comparator: String = r.get(11)?;
    Ok(TargetRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        zone_slug: r.get(2)?,
        measure_id: r.get(3)?,
        measure_title: r.get(4)?,
        target: Target {
            measure: r.get::<_, Option<i64>>(5)?.map(|o| o as usize),
            indicator: r.get(6)?,
            indicator_id: r.get(7)?,
            value: r.get(8)?,
            value_max: r.get(9)?,
            unit: r.get(10)?,
            comparator: Comparator::parse(&comparator).unwrap_or(Comparator::Eq),
            year: r.get(12)?,
            sentence: r.get(13)?,
            span: (r.get::<_, i64>(14)? as usize, r.get::<_, i64>(15)? as usize),
        },
        corrected: r.get(16)?,
        owners: Default::default(),
    })
}

pub(crate) fn statistics(store: &Store, f: &Filter) -> Result<Vec<StatisticRow>> {
    let mut w = Where::default();
    w.zones(&f.zones);
    w.indicator("s", &f.indicator);
    if let Some(y) = f.year {
        w.add("s.year = ?", [Value::Integer(i64::from(y))]);
    }
    if let Some(q) = &f.search {
        for t in fts::terms(q) {
            w.add(
                "s.sentence LIKE ? ESCAPE '\\'",
                [Value::Text(fts::like_pattern(t))],
            );
        }
    }
    let sql = format!(
        "SELECT s.id, s.doc_id, z.slug, s.indicator, s.indicator_id, s.value, s.unit, s.year, \
         s.sentence, s.span_start, s.span_end FROM statistics s \
         JOIN documents d ON d.id = s.doc_id JOIN zones z ON z.id = d.zone_id {} \
         ORDER BY z.id, d.id, s.ord{}",
        w.sql(),
        limit_sql(f.limit)
    );
    let mut stmt = store.conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(w.params.iter()), |r| {
        Ok(StatisticRow {
            id: r.get(0)?,
            doc_id: r.get(1)?,
            zone_slug: r.get(2)?,
            indicator: r.get(3)?,
            indicator_id: r.get(4)?,
            value: r.get(5)?,
            unit: r.get(6)?,
            year: r.get(7)?,
            sentence: r.get(8)?,
            span: (r.get::<_, i64>(9)? as usize, r.get::<_, i64>(10)? as usize),
        })
    })
    .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
    .map_err(|e| store.err(e))
}

pub(crate) fn agency_load(store: &Store, f: &Filter) -> Result<Vec<AgencyLoadRow>> {
    let only_zones_or_agency = Filter {
        zones: Vec::new(),
        agency: None,
        limit: None,
        ..f.clone()
    } == Filter::default();
    if only_zones_or_agency {
        return agency_load_counted(store, f);
    }
    let mut w = Where::default();
    // The measure rows are read only when a filter needs them.
    let needs_measure =
        f.instrument.is_some() || f.search.as_deref().is_some_and(|s| !s.trim().is_empty());
    let (join, mid) = if needs_measure {
        ("JOIN measures m ON m.id = ru.measure_id", "m.id")
    } else {
        ("", "ru.measure_id")
    };
    let unit_filter = Filter {
        agency: None,
        ..f.clone()
    };
    measure_where(&mut w, &unit_filter, true, mid);
    if let Some(agency) = &f.agency {
        w.add("a.canonical = ?", [text(agency)]);
    }
    let sql = format!(
        "SELECT z.slug, a.canonical, sum(ru.role = 'lead'), sum(ru.role = 'co') \
         FROM responsible_units ru JOIN agencies a ON a.id = ru.agency_id \
         JOIN zones z ON z.id = ru.zone_id {join} {} \
         GROUP BY ru.zone_id, a.canonical ORDER BY ru.zone_id, count(*) DESC, a.canonical",
        w.sql()
    );
    agency_load_rows(store, &sql, &w)
}

/// Agency load from the per-zone counts kept by triggers (no measure filter).
fn agency_load_counted(store: &Store, f: &Filter) -> Result<Vec<AgencyLoadRow>> {
    let mut w = Where::default();
    w.zones(&f.zones);
    if let Some(agency) = &f.agency {
        w.add("a.canonical = ?", [text(agency)]);
    }
    w.add("c.lead + c.co > 0", []);
    let sql = format!(
        "SELECT z.slug, a.canonical, sum(c.lead), sum(c.co) FROM zone_agency_counts c \
         JOIN agencies a ON a.id = c.agency_id JOIN zones z ON z.id = c.zone_id {} \
         GROUP BY c.zone_id, a.canonical \
         ORDER BY c.zone_id, sum(c.lead) + sum(c.co) DESC, a.canonical",
        w.sql()
    );
    agency_load_rows(store, &sql, &w)
}

/// Runs an agency-load query whose columns are zone slug, agency, lead count, co count.
fn agency_load_rows(store: &Store, sql: &str, w: &Where) -> Result<Vec<AgencyLoadRow>> {
    let mut stmt = store.conn.prepare_cached(sql).map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(w.params.iter()), |r| {
        Ok(AgencyLoadRow {
            zone_slug: r.get(0)?,
            agency: r.get(1)?,
            lead: r.get::<_, i64>(2)? as usize,
            co: r.get::<_, i64>(3)? as usize,
        })
    })
    .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
    .map_err(|e| store.err(e))
}

pub(crate) fn set_actual(store: &mut Store, row: &ActualRow) -> Result<()> {
    let zone_id: Option<i64> = store
        .conn
        .query_row(
            "SELECT id FROM zones WHERE slug = ?1",
            [&row.zone_slug],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| store.err(e))?;
    let Some(zone_id) = zone_id else {
        return Err(store.fail_as(
            crate::error::StoreFault::NotFound,
            format!("unknown zone '{}'", row.zone_slug),
        ));
    };
    if row.indicator_id.trim().is_empty() || !row.value.is_finite() {
        return Err(store.fail("an actual needs an indicator and a finite value"));
    }
    store
        .conn
        .execute(
            "INSERT INTO actuals (zone_id, indicator_id, year, value, unit, note) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (zone_id, indicator_id, year) \
             DO UPDATE SET value = excluded.value, unit = excluded.unit, note = excluded.note",
            rusqlite::params![
                zone_id,
                row.indicator_id,
                row.year,
                row.value,
                row.unit,
                row.note
            ],
        )
        .map_err(|e| store.err(e))?;
    Ok(())
}

/// Removes the value recorded for a zone's indicator in a year (nothing when none is).
pub(crate) fn delete_actual(
    store: &mut Store,
    zone_slug: &str,
    indicator_id: &str,
    year: i32,
) -> Result<()> {
    store
        .conn
        .execute(
            "DELETE FROM actuals WHERE indicator_id = ?2 AND year = ?3 \
             AND zone_id = (SELECT id FROM zones WHERE slug = ?1)",
            rusqlite::params![zone_slug, indicator_id, year],
        )
        .map_err(|e| store.err(e))?;
    Ok(())
}

pub(crate) fn actuals(store: &Store, f: &Filter) -> Result<Vec<ActualRow>> {
    let mut w = Where::default();
    w.zones(&f.zones);
    if let Some(ind) = &f.indicator {
        w.add("x.indicator_id = ?", [text(ind)]);
    }
    if let Some(y) = f.year {
        w.add("x.year = ?", [Value::Integer(i64::from(y))]);
    }
    let sql = format!(
        "SELECT x.id, z.slug, x.indicator_id, x.year, x.value, x.unit, x.note FROM actuals x \
         JOIN zones z ON z.id = x.zone_id {} ORDER BY z.id, x.indicator_id, x.year",
        w.sql()
    );
    let mut stmt = store.conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(w.params.iter()), |r| {
        Ok(ActualRow {
            id: r.get(0)?,
            zone_slug: r.get(1)?,
            indicator_id: r.get(2)?,
            year: r.get(3)?,
            value: r.get(4)?,
            unit: r.get(5)?,
            note: r.get(6)?,
        })
    })
    .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
    .map_err(|e| store.err(e))
}
