//! Full-text search conditions over measure titles and text.
//!
//! Queries whose every whitespace-separated term has three or more characters go through
//! the FTS5 `trigram` index (a phrase per term, all terms required); trigram cannot match
//! shorter terms, so a query with a one- or two-character term is answered with `LIKE`.

use rusqlite::types::Value;

/// Terms of a search query (whitespace separates terms; all must match).
pub(crate) fn terms(query: &str) -> Vec<&str> {
    query.split_whitespace().collect()
}

/// Whether the trigram index can answer these terms.
pub(crate) fn uses_index(terms: &[&str]) -> bool {
    !terms.is_empty() && terms.iter().all(|t| t.chars().count() >= 3)
}

/// FTS5 MATCH expression: every term as a quoted phrase (quotes doubled), implicitly AND-ed.
pub(crate) fn match_expr(terms: &[&str]) -> String {
    terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A `LIKE` pattern matching `term` anywhere, with `\` escaping `%`, `_` and `\`.
pub(crate) fn like_pattern(term: &str) -> String {
    let mut p = String::with_capacity(term.len() + 2);
    p.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// SQL condition selecting measures whose title or text matches `query`: `mid` is the
/// expression of the measure id; the `LIKE` fallback reads the measure alias `m`. Its
/// parameters are appended to `params` (positional `?`). `None` for an empty query.
pub(crate) fn measure_condition(query: &str, mid: &str, params: &mut Vec<Value>) -> Option<String> {
    let terms = terms(query);
    if terms.is_empty() {
        return None;
    }
    if uses_index(&terms) {
        params.push(Value::Text(match_expr(&terms)));
        return Some(format!(
            "{mid} IN (SELECT rowid FROM measure_fts WHERE measure_fts MATCH ?)"
        ));
    }
    let conds: Vec<String> = terms
        .iter()
        .map(|t| {
            let p = like_pattern(t);
            params.push(Value::Text(p.clone()));
            params.push(Value::Text(p));
            "(m.title LIKE ? ESCAPE '\\' OR m.text LIKE ? ESCAPE '\\')".to_string()
        })
        .collect();
    Some(format!("({})", conds.join(" AND ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_terms_fall_back_to_like() {
        assert!(uses_index(&terms("离岸创新中心")));
        assert!(!uses_index(&terms("人才")));
        assert!(!uses_index(&terms("离岸创新 人")));
        assert!(!uses_index(&terms("  ")));
    }

    #[test]
    fn quotes_and_wildcards_are_escaped() {
        assert_eq!(match_expr(&["a\"b", "中德园"]), "\"a\"\"b\" \"中德园\"");
        assert_eq!(like_pattern("5%_\\"), "%5\\%\\_\\\\%");
        let mut params = Vec::new();
        assert!(measure_condition(" ", "m.id", &mut params).is_none());
        let cond = measure_condition("人才 基金", "m.id", &mut params).unwrap_or_default();
        assert_eq!(params.len(), 4);
        assert!(cond.contains("LIKE"));
    }
}
