//! Themes and policy instrument of a measure, from the catalog's keyword lists applied to
//! the measure text without its responsibility annotations (agency names would otherwise
//! tag every measure naming `市科技局` as science policy).

use std::ops::Range;

use crate::catalog::Catalog;
use crate::model::Instrument;

/// Themes and instrument of one measure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tags {
    /// Theme ids, most-mentioned first (ties in catalog order).
    pub themes: Vec<String>,
    pub instrument: Option<Instrument>,
    /// Instrument sub-type id.
    pub subtype: Option<String>,
}

/// Tags a measure text (annotations already removed).
pub fn tag(catalog: &Catalog, text: &str) -> Tags {
    let (themes, sub) = catalog.classify(text);
    Tags {
        themes,
        instrument: sub.map(|s| s.family),
        subtype: sub.map(|s| s.id.clone()),
    }
}

/// `text` with the given byte ranges (sorted, non-overlapping) cut out.
pub fn without_ranges(text: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for r in ranges {
        if r.start >= pos && r.end <= text.len() {
            out.push_str(&text[pos..r.start]);
            pos = r.end;
        }
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEMES: &str = r#"
[[theme]]
id = "talent"
zh = "人才"
en = "Talent"
keywords = ["人才"]
[[theme]]
id = "science"
zh = "科技"
en = "Science"
keywords = ["科技"]
"#;
    const INSTRUMENTS: &str = r#"
[[subtype]]
id = "funding"
family = "supply"
zh = "资金"
en = "Funding"
keywords = ["资金", "基金"]
[[subtype]]
id = "procurement"
family = "demand"
zh = "采购"
en = "Procurement"
keywords = ["采购"]
"#;

    fn catalog() -> Catalog {
        Catalog::from_strs(THEMES, "indicator = []", "agency = []", INSTRUMENTS).unwrap()
    }

    #[test]
    fn annotations_do_not_tag_a_measure() {
        let text = "引进高端人才,设立基金。(责任单位:市科技局)";
        let cut = without_ranges(text, std::iter::once(text.find('(').unwrap()..text.len()));
        assert_eq!(cut, "引进高端人才,设立基金。");
        let tags = tag(&catalog(), &cut);
        assert_eq!(tags.themes, ["talent"]);
        assert_eq!(tags.instrument, Some(Instrument::Supply));
        assert_eq!(tags.subtype.as_deref(), Some("funding"));
    }

    #[test]
    fn untagged_text_has_no_instrument() {
        let tags = tag(&catalog(), "完善配套设施。");
        assert!(tags.themes.is_empty());
        assert_eq!(tags.instrument, None);
    }
}
