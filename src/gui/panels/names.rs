//! Display names of catalog entries (themes, indicators, agencies, instruments) in the
//! interface language, shared by the panels and the cached filter lists.

use crate::catalog::Catalog;
use crate::gui::i18n::{Lang, T};
use crate::model::Instrument;

/// Theme's display name (the id when the catalog does not know it).
pub fn theme(lang: Lang, id: &str) -> String {
    match Catalog::in_use().themes.iter().find(|t| t.id == id) {
        Some(t) => lang.pick(&t.zh, &t.en).to_string(),
        None => id.to_string(),
    }
}

/// Canonical indicator's display name.
pub fn indicator(lang: Lang, id: &str) -> String {
    match Catalog::in_use().indicators.iter().find(|t| t.id == id) {
        Some(t) => lang.pick(&t.zh, &t.en).to_string(),
        None => id.to_string(),
    }
}

/// Agency display name: the canonical Chinese name; in English the catalog's English name,
/// or one composed from level and organ for an agency of any city.
pub fn agency(lang: Lang, canonical: &str) -> String {
    crate::charts::labels::agency_name(Catalog::in_use(), canonical, lang)
}

/// Policy-instrument family name.
pub fn instrument(lang: Lang, i: Instrument) -> &'static str {
    match i {
        Instrument::Supply => T::Supply,
        Instrument::Environment => T::Environment,
        Instrument::Demand => T::Demand,
    }
    .get(lang)
}

/// A city's name: as the zones list it (`沈阳`) in Chinese; in English the romanised name the
/// agency catalogue gives it (`shenyang` → `Shenyang`), else as listed.
pub fn city(lang: Lang, key: &str) -> String {
    if lang == Lang::Zh {
        return key.to_string();
    }
    let catalog = Catalog::in_use();
    let roman = catalog
        .cities()
        .iter()
        .find(|c| c.key == key)
        .and_then(|c| c.names.iter().find(|n| n.is_ascii() && !n.is_empty()));
    match roman {
        Some(name) => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        }
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_are_romanised_in_english() {
        assert_eq!(city(Lang::En, "沈阳"), "Shenyang");
        assert_eq!(city(Lang::Zh, "沈阳"), "沈阳");
        assert_eq!(city(Lang::En, "未知城"), "未知城");
    }
}
