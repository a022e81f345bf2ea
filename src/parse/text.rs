//! Human-readable rendering of a parsed document (`parse --format text`): metadata, the
//! outline as an indented tree, measures with their units, then targets and statistics.

use std::fmt::Write;

use crate::model::ParsedDocument;

/// Renders the document as an indented plain-text report.
pub fn render(doc: &ParsedDocument) -> String {
    let mut s = String::new();
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(s, "{}", doc.title);
    let _ = writeln!(s, "kind:   {}", doc.kind.as_str());
    let _ = writeln!(s, "issuer: {}", opt(&doc.issuer));
    let _ = writeln!(s, "number: {}", opt(&doc.doc_number));
    let _ = writeln!(s, "date:   {}", opt(&doc.date));
    if let Some(p) = doc.period {
        let _ = writeln!(s, "period: {}-{}", p.start, p.end);
    }
    let _ = writeln!(s, "\noutline ({}):", doc.outline.len());
    for sec in &doc.outline {
        let indent = "  ".repeat(usize::from(sec.level));
        let number = sec.number.as_deref().unwrap_or("·");
        let _ = writeln!(s, "{indent}{number} {}", sec.title);
    }
    let _ = writeln!(s, "\nmeasures ({}):", doc.measures.len());
    for (i, m) in doc.measures.iter().enumerate() {
        let _ = writeln!(
            s,
            "  [{i}] {} {}  @{}..{}",
            m.path.join(" / "),
            m.title,
            m.span.0,
            m.span.1
        );
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
        if let Some(inst) = m.instrument {
            let sub = m.instrument_subtype.as_deref().unwrap_or("-");
            let _ = writeln!(s, "      instrument: {} ({sub})", inst.as_str());
        }
    }
    let _ = writeln!(s, "\ntargets ({}):", doc.targets.len());
    for t in &doc.targets {
        let range = t.value_max.map(|m| format!("-{m}")).unwrap_or_default();
        let year = t.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into());
        let measure = t.measure.map(|m| format!("[{m}]")).unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} {} {}{} {} (by {year}) [{}] {measure}",
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
        let year = st.year.map(|y| format!(" ({y})")).unwrap_or_default();
        let _ = writeln!(s, "  {} = {} {}{year}", st.indicator, st.value, st.unit);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn report_shows_metadata_outline_and_measures() {
        let text =
            "关于加快园区发展的实施方案\n一、重点任务\n1.建设平台。搭建平台。(责任单位:市科技局)\n";
        let doc = crate::parse::parse_text(text, Catalog::in_use());
        let r = render(&doc);
        assert!(r.starts_with("关于加快园区发展的实施方案\nkind:   implementation_plan\n"));
        assert!(r.contains("\n  一 重点任务\n    1 建设平台\n"));
        assert!(r.contains("[0] 一 / 1 建设平台"));
        assert!(r.contains("units: 市科技局(lead)"));
    }
}
