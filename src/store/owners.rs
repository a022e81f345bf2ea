//! Who is responsible for each target: the lead and co-owners of its measure; for a target
//! without one (a goals-section figure), an agency its sentence names, else the issuer of
//! a document that is not a news report. Read for the listed targets in two queries keyed
//! by id (measure units, document issuers), not per row.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Store;
use super::rows::{OwnerSource, Owners, TargetRow};
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::Role;

/// Fills `owners` of every row.
pub(crate) fn attach(store: &Store, rows: &mut [TargetRow]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let measure_ids: Vec<i64> = rows.iter().filter_map(|r| r.measure_id).collect();
    let units = measure_units(store, &measure_ids)?;
    let mut orphan_docs: Vec<i64> = Vec::new();
    for row in rows.iter_mut() {
        if let Some(list) = row.measure_id.and_then(|id| units.get(&id)) {
            row.owners = owners_of(list, OwnerSource::Measure);
        } else if let Some(named) = named_agency(&row.target.sentence) {
            row.owners = Owners {
                lead: Some(named),
                co: Vec::new(),
                source: OwnerSource::Named,
            };
        } else {
            orphan_docs.push(row.doc_id);
        }
    }
    if orphan_docs.is_empty() {
        return Ok(());
    }
    orphan_docs.sort_unstable();
    orphan_docs.dedup();
    let issuers = issuers(store, &orphan_docs)?;
    for row in rows.iter_mut() {
        if row.owners.source == OwnerSource::None
            && let Some(issuer) = issuers.get(&row.doc_id)
        {
            row.owners = Owners {
                lead: Some(issuer.clone()),
                co: Vec::new(),
                source: OwnerSource::Issuer,
            };
        }
    }
    Ok(())
}

fn owners_of(units: &[(String, Role)], source: OwnerSource) -> Owners {
    let lead = units
        .iter()
        .find(|(_, r)| *r == Role::Lead)
        .or_else(|| units.first())
        .map(|(n, _)| n.clone());
    let co = units
        .iter()
        .map(|(n, _)| n)
        .filter(|n| Some(*n) != lead.as_ref())
        .fold(Vec::new(), |mut v: Vec<String>, n| {
            if !v.contains(n) {
                v.push(n.clone());
            }
            v
        });
    Owners { lead, co, source }
}

/// Canonical agencies and roles of each measure, in annotation order.
fn measure_units(store: &Store, ids: &[i64]) -> Result<HashMap<i64, Vec<(String, Role)>>> {
    let mut out: HashMap<i64, Vec<(String, Role)>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = store
        .conn
        .prepare_cached(
            "SELECT ru.measure_id, a.canonical, ru.role FROM responsible_units ru \
             JOIN agencies a ON a.id = ru.agency_id \
             WHERE ru.measure_id IN (SELECT value FROM json_each(?1)) \
             ORDER BY ru.measure_id, ru.ord",
        )
        .map_err(|e| store.err(e))?;
    let mut q = stmt.query([json]).map_err(|e| store.err(e))?;
    while let Some(r) = q.next().map_err(|e| store.err(e))? {
        let id: i64 = r.get(0).map_err(|e| store.err(e))?;
        let name: String = r.get(1).map_err(|e| store.err(e))?;
        let role: String = r.get(2).map_err(|e| store.err(e))?;
        let role = if role == "lead" { Role::Lead } else { Role::Co };
        out.entry(id).or_default().push((name, role));
    }
    Ok(out)
}

/// The issuer of each document that has one and is not a news report (a newspaper is not
/// responsible for the plan it reports on).
fn issuers(store: &Store, doc_ids: &[i64]) -> Result<HashMap<i64, String>> {
    let json = serde_json::to_string(doc_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = store
        .conn
        .prepare_cached(
            "SELECT id, issuer FROM documents \
             WHERE id IN (SELECT value FROM json_each(?1)) \
             AND issuer IS NOT NULL AND issuer != '' AND kind != 'news'",
        )
        .map_err(|e| store.err(e))?;
    let rows = stmt
        .query_map([json], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|r| r.collect::<rusqlite::Result<HashMap<i64, String>>>())
        .map_err(|e| store.err(e))?;
    Ok(rows)
}

/// Agency names (canonical and aliases of three characters or more) and the canonical
/// name each stands for, in one automaton built once per process.
struct AgencyNames {
    matcher: Option<AhoCorasick>,
    canonical: Vec<String>,
}

fn agency_names() -> &'static AgencyNames {
    static NAMES: OnceLock<AgencyNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut canonical = Vec::new();
        for a in &Catalog::in_use().agencies {
            for name in std::iter::once(&a.canonical).chain(&a.aliases) {
                if name.chars().count() >= 3 {
                    patterns.push(name.clone());
                    canonical.push(a.canonical.clone());
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        AgencyNames { matcher, canonical }
    })
}

/// The first agency of the catalogue a sentence names (`由市科技局牵头…`).
fn named_agency(sentence: &str) -> Option<String> {
    let names = agency_names();
    let hit = names.matcher.as_ref()?.find(sentence)?;
    Some(names.canonical[hit.pattern().as_usize()].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_naming_an_agency_gives_its_canonical_name() {
        let any = &Catalog::in_use().agencies[0];
        let sentence = format!("由{}牵头,到2025年建成10个平台", any.canonical);
        assert_eq!(named_agency(&sentence), Some(any.canonical.clone()));
        assert_eq!(named_agency("到2025年建成10个平台"), None);
    }

    #[test]
    fn lead_first_then_co_owners_once() {
        let units = vec![
            ("市科技局".to_string(), Role::Lead),
            ("市工信局".to_string(), Role::Co),
            ("市工信局".to_string(), Role::Co),
        ];
        let o = owners_of(&units, OwnerSource::Measure);
        assert_eq!(o.lead.as_deref(), Some("市科技局"));
        assert_eq!(o.co, ["市工信局"]);
    }
}
