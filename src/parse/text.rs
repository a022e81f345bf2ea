//! Human-readable rendering of a parsed document (`parse --format text`).

use std::fmt::Write;

use crate::model::ParsedDocument;

/// Renders the document as an indented plain-text report.
pub fn render(doc: &ParsedDocument) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", doc.title);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(s, "issuer: {}", opt(&doc.issuer));
    let _ = writeln!(s, "number: {}", opt(&doc.doc_number));
    let _ = writeln!(s, "date:   {}", opt(&doc.date));
    if let Some(p) = doc.period {
        let _ = writeln!(s, "period: {}-{}", p.start, p.end);
    }
    let _ = writeln!(s, "\nmeasures ({}):", doc.measures.len());
    for (i, m) in doc.measures.iter().enumerate() {
        let _ = writeln!(s, "  [{i}] {} {}", m.path.join(" / "), m.title);
        let units: Vec<String> = m
            .responsible_units
            .iter()
            .map(|u| format!("{}({})", u.name, u.role.as_str()))
            .collect();
        if !units.is_empty() {
            let _ = writeln!(s, "      units: {}", units.join("、"));
        }
        if !m.key_enterprises.is_empty() {
            let _ = writeln!(s, "      enterprises: {}", m.key_enterprises.join("、"));
        }
        if !m.themes.is_empty() {
            let _ = writeln!(s, "      themes: {}", m.themes.join(", "));
        }
    }
    let _ = writeln!(s, "\ntargets ({}):", doc.targets.len());
    for t in &doc.targets {
        let range = t.value_max.map(|m| format!("-{m}")).unwrap_or_default();
        let year = t.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into());
        let _ = writeln!(
            s,
            "  {} {} {}{} {} (by {year}) [{}]",
            t.indicator,
            t.comparator.as_str(),
            t.value,
            range,
            t.unit,
            t.indicator_id.as_deref().unwrap_or("-")
        );
    }
    let _ = writeln!(s, "\nstatistics ({}):", doc.statistics.len());
    for st in &doc.statistics {
        let _ = writeln!(s, "  {} = {} {}", st.indicator, st.value, st.unit);
    }
    s
}
