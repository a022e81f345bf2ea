//! Reading and checking the four taxonomy files: TOML syntax, duplicate ids, known unit
//! families, non-empty keywords. Every problem becomes [`Error::Catalog`] naming the file.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::agencies::{AgencyIndex, City};
use super::matching::KeywordSet;
use super::{Agency, Catalog, FAMILIES, Indicator, InstrumentSubtype, Theme, fold};
use crate::error::{Error, Result};

#[derive(Deserialize)]
struct ThemesFile {
    theme: Vec<Theme>,
}

#[derive(Deserialize)]
struct IndicatorsFile {
    indicator: Vec<Indicator>,
}

#[derive(Deserialize)]
struct AgenciesFile {
    #[serde(default)]
    city: Vec<City>,
    agency: Vec<Agency>,
}

#[derive(Deserialize)]
struct InstrumentsFile {
    subtype: Vec<InstrumentSubtype>,
}

/// Reads `themes.toml`, `indicators.toml`, `agencies.toml` and `instruments.toml` from `dir`.
pub fn from_dir(dir: &Path) -> Result<Catalog> {
    let names = [
        "themes.toml",
        "indicators.toml",
        "agencies.toml",
        "instruments.toml",
    ];
    let mut texts = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        texts.push((path.display().to_string(), text));
    }
    let file = |i: usize| (texts[i].0.as_str(), texts[i].1.as_str());
    from_named([file(0), file(1), file(2), file(3)])
}

/// Builds a catalog from `(file name, text)` pairs in the order themes, indicators,
/// agencies, instruments; the names appear in error messages.
pub fn from_named(files: [(&str, &str); 4]) -> Result<Catalog> {
    let [
        themes_file,
        indicators_file,
        agencies_file,
        instruments_file,
    ] = files;
    let themes: ThemesFile = de(themes_file)?;
    let indicators: IndicatorsFile = de(indicators_file)?;
    let agencies: AgenciesFile = de(agencies_file)?;
    let instruments: InstrumentsFile = de(instruments_file)?;
    let (themes, indicators) = (themes.theme, indicators.indicator);
    let instruments = instruments.subtype;

    let theme_ids = unique_ids(themes_file.0, themes.iter().map(|t| t.id.as_str()))?;
    let indicator_ids = unique_ids(indicators_file.0, indicators.iter().map(|i| i.id.as_str()))?;
    unique_ids(
        instruments_file.0,
        instruments.iter().map(|s| s.id.as_str()),
    )?;
    for ind in &indicators {
        if !FAMILIES.contains(&ind.unit_family.as_str()) {
            return Err(Error::Catalog {
                file: indicators_file.0.to_string(),
                message: format!(
                    "`{}` has unit_family `{}`; expected one of {}",
                    ind.id,
                    ind.unit_family,
                    FAMILIES.join(", ")
                ),
            });
        }
    }

    let folded = |words: &[String]| words.iter().map(|w| fold(w)).collect::<Vec<_>>();
    let theme_keys = KeywordSet::build(
        themes_file.0,
        themes.iter().map(|t| (t.id.as_str(), folded(&t.keywords))),
    )?;
    let indicator_keys = KeywordSet::build(
        indicators_file.0,
        indicators
            .iter()
            .map(|i| (i.id.as_str(), folded(&i.synonyms))),
    )?;
    let instrument_keys = KeywordSet::build(
        instruments_file.0,
        instruments
            .iter()
            .map(|s| (s.id.as_str(), folded(&s.keywords))),
    )?;
    // Themes then instrument sub-types in one automaton: the parser tags every measure with
    // both, so one pass over its text serves the two (owners past the themes are sub-types).
    let tag_keys = KeywordSet::build(
        instruments_file.0,
        themes
            .iter()
            .map(|t| (t.id.as_str(), folded(&t.keywords)))
            .chain(
                instruments
                    .iter()
                    .map(|s| (s.id.as_str(), folded(&s.keywords))),
            ),
    )?;
    let agency_index = AgencyIndex::build(agencies_file.0, &agencies.city, &agencies.agency)?;

    Ok(Catalog {
        themes,
        indicators,
        agencies: agencies.agency,
        instruments,
        cities: agencies.city,
        agency_index,
        theme_keys,
        indicator_keys,
        instrument_keys,
        tag_keys,
        theme_ids,
        indicator_ids,
    })
}

fn de<T: for<'a> Deserialize<'a>>((file, text): (&str, &str)) -> Result<T> {
    toml::from_str(text).map_err(|e| Error::Catalog {
        file: file.to_string(),
        message: e.to_string().trim().replace('\n', " "),
    })
}

/// Id → position, refusing empty and repeated ids.
fn unique_ids<'a>(
    file: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, usize>> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let problem = if id.trim().is_empty() {
            Some(format!("entry {} has an empty id", i + 1))
        } else if map.insert(id.to_string(), i).is_some() {
            Some(format!("id `{id}` appears twice"))
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(Error::Catalog {
                file: file.to_string(),
                message,
            });
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_lists_make_a_catalog_that_matches_nothing() {
        let c = Catalog::from_strs(
            "theme = []",
            "indicator = []",
            "agency = []",
            "subtype = []",
        )
        .unwrap();
        assert!(c.themes_for("人才").is_empty());
        assert!(c.indicator_for("高新技术企业", "家").is_none());
        assert!(c.instrument_for("政府采购").is_none());
        assert_eq!(c.canonical_agency("市发改委", Some("沈阳")), "市发改委");
        assert!(c.agency_en("市发改委").is_none());
    }

    #[test]
    fn a_missing_table_is_reported_for_its_file() {
        let err = Catalog::from_strs("theme = []", "", "agency = []", "subtype = []");
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("catalog indicators.toml:"), "{msg}");
    }
}
