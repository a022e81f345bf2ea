//! The field names of the `parse --format json` contract (README), checked on every
//! object of the output: no field missing, none added, none renamed; closed value sets
//! (role, comparator, instrument) hold only their documented values.

use serde_json::Value;

const DOCUMENT: &[&str] = &[
    "title",
    "issuer",
    "doc_number",
    "date",
    "period",
    "measures",
    "targets",
    "statistics",
];
const PERIOD: &[&str] = &["start", "end"];
const MEASURE: &[&str] = &[
    "number",
    "path",
    "title",
    "text",
    "span",
    "responsible_units",
    "key_enterprises",
    "themes",
    "instrument",
];
const UNIT: &[&str] = &["name", "canonical", "role"];
const TARGET: &[&str] = &[
    "indicator",
    "indicator_id",
    "value",
    "value_max",
    "unit",
    "comparator",
    "year",
    "measure",
    "sentence",
    "span",
];
const STATISTIC: &[&str] = &["indicator", "value", "unit", "year", "sentence"];

const ROLES: &[&str] = &["lead", "co"];
const COMPARATORS: &[&str] = &[">=", ">", "=", "~", "<=", "<"];
const INSTRUMENTS: &[&str] = &["supply", "environment", "demand"];

/// How many objects of each kind were checked, so a test can tell whether nested fields
/// were seen at all.
#[derive(Default)]
pub struct Seen {
    pub measures: usize,
    pub units: usize,
    pub targets: usize,
    pub statistics: usize,
}

/// Field-name and value-set problems of one document's JSON, each naming where.
pub fn check(json: &Value, seen: &mut Seen) -> Vec<String> {
    let mut problems = Vec::new();
    keys(&mut problems, "document", json, DOCUMENT);
    if let Some(p) = json.get("period").filter(|p| !p.is_null()) {
        keys(&mut problems, "period", p, PERIOD);
    }
    for (i, m) in items(json, "measures").iter().enumerate() {
        seen.measures += 1;
        let loc = format!("measures[{i}]");
        keys(&mut problems, &loc, m, MEASURE);
        one_of(&mut problems, &loc, m, "instrument", INSTRUMENTS, true);
        for (k, u) in items(m, "responsible_units").iter().enumerate() {
            seen.units += 1;
            let loc = format!("{loc}.responsible_units[{k}]");
            keys(&mut problems, &loc, u, UNIT);
            one_of(&mut problems, &loc, u, "role", ROLES, false);
        }
    }
    for (i, t) in items(json, "targets").iter().enumerate() {
        seen.targets += 1;
        let loc = format!("targets[{i}]");
        keys(&mut problems, &loc, t, TARGET);
        one_of(&mut problems, &loc, t, "comparator", COMPARATORS, false);
    }
    for (i, s) in items(json, "statistics").iter().enumerate() {
        seen.statistics += 1;
        keys(&mut problems, &format!("statistics[{i}]"), s, STATISTIC);
    }
    problems
}

fn items<'a>(v: &'a Value, field: &str) -> &'a [Value] {
    v.get(field)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn keys(problems: &mut Vec<String>, loc: &str, v: &Value, expected: &[&str]) {
    let Some(obj) = v.as_object() else {
        problems.push(format!("{loc}: not a JSON object"));
        return;
    };
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|k| !obj.contains_key(*k))
        .collect();
    let extra: Vec<&str> = obj
        .keys()
        .map(String::as_str)
        .filter(|k| !expected.contains(k))
        .collect();
    if !missing.is_empty() || !extra.is_empty() {
        problems.push(format!(
            "{loc}: missing fields {missing:?}, fields not in the schema {extra:?}"
        ));
    }
}

fn one_of(
    problems: &mut Vec<String>,
    loc: &str,
    v: &Value,
    field: &str,
    allowed: &[&str],
    nullable: bool,
) {
    match v.get(field) {
        Some(Value::Null) if nullable => {}
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => {}
        other => problems.push(format!(
            "{loc}.{field}: {other:?} is not one of {allowed:?}{}",
            if nullable { " or null" } else { "" }
        )),
    }
}
