//! Taxonomies loaded from `data/*.toml`: themes, canonical indicators, agency aliases and
//! policy instruments. The bundled files are embedded at build time; an analyst can edit
//! copies without recompiling (see [`Catalog::load_dir`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Instrument;

const THEMES: &str = include_str!("../../data/themes.toml");
const INDICATORS: &str = include_str!("../../data/indicators.toml");
const AGENCIES: &str = include_str!("../../data/agencies.toml");
const INSTRUMENTS: &str = include_str!("../../data/instruments.toml");

/// A theme measures are tagged with (`talent`, `finance`, `opening_up`…).
#[derive(Debug, Clone, Deserialize)]
pub struct Theme {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// Substrings whose presence in a measure's text tags it with this theme.
    pub keywords: Vec<String>,
}

/// A canonical indicator targets are mapped to.
#[derive(Debug, Clone, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// Ways documents write it; matched as substrings of the indicator text.
    pub synonyms: Vec<String>,
    /// `count`, `money`, `percent`, `area`, `people`, `rank`, `times`…
    pub unit_family: String,
    /// Units (as written) this indicator accepts; empty = any unit of the family.
    #[serde(default)]
    pub units: Vec<String>,
}

/// One canonical agency with its aliases.
#[derive(Debug, Clone, Deserialize)]
pub struct Agency {
    pub canonical: String,
    #[serde(default)]
    pub en: String,
    /// City the names are used in (`沈阳`, `大连`…), or `*` for every city.
    #[serde(default = "any_city")]
    pub city: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn any_city() -> String {
    "*".to_string()
}

/// A sub-type of a policy-instrument family.
#[derive(Debug, Clone, Deserialize)]
pub struct InstrumentSubtype {
    pub id: String,
    pub family: Instrument,
    pub zh: String,
    pub en: String,
    pub keywords: Vec<String>,
}

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
    agency: Vec<Agency>,
}
#[derive(Deserialize)]
struct InstrumentsFile {
    subtype: Vec<InstrumentSubtype>,
}

/// All taxonomies, with lookup tables built once.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    pub agencies: Vec<Agency>,
    pub instruments: Vec<InstrumentSubtype>,
    /// (city or `*`, alias) → index into `agencies`.
    alias_index: HashMap<(String, String), usize>,
}

impl Catalog {
    /// The taxonomies bundled with the binary (parsed once).
    pub fn bundled() -> &'static Catalog {
        static BUNDLED: OnceLock<Catalog> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Catalog::from_strs(THEMES, INDICATORS, AGENCIES, INSTRUMENTS)
                .expect("bundled data/*.toml are checked by tests")
        })
    }

    /// Loads the four taxonomy files from a directory (an analyst's edited copies).
    pub fn load_dir(dir: &Path) -> Result<Catalog> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))
        };
        Catalog::from_strs(
            &read("themes.toml")?,
            &read("indicators.toml")?,
            &read("agencies.toml")?,
            &read("instruments.toml")?,
        )
    }

    /// Parses the four taxonomy texts.
    pub fn from_strs(
        themes: &str,
        indicators: &str,
        agencies: &str,
        instruments: &str,
    ) -> Result<Catalog> {
        fn de<T: for<'a> Deserialize<'a>>(file: &str, text: &str) -> Result<T> {
            toml::from_str(text).map_err(|e| Error::Catalog {
                file: file.to_string(),
                message: e.to_string().replace('\n', " "),
            })
        }
        let themes: ThemesFile = de("themes.toml", themes)?;
        let indicators: IndicatorsFile = de("indicators.toml", indicators)?;
        let agencies: AgenciesFile = de("agencies.toml", agencies)?;
        let instruments: InstrumentsFile = de("instruments.toml", instruments)?;
        let mut alias_index = HashMap::new();
        for (i, a) in agencies.agency.iter().enumerate() {
            alias_index.insert((a.city.clone(), a.canonical.clone()), i);
            for alias in &a.aliases {
                alias_index.insert((a.city.clone(), alias.clone()), i);
            }
        }
        Ok(Catalog {
            themes: themes.theme,
            indicators: indicators.indicator,
            agencies: agencies.agency,
            instruments: instruments.subtype,
            alias_index,
        })
    }

    /// Canonical agency name for `name` as used in `city` (the name itself when unknown).
    pub fn canonical_agency(&self, name: &str, city: Option<&str>) -> String {
        let lookup = |c: &str| self.alias_index.get(&(c.to_string(), name.to_string()));
        city.and_then(lookup)
            .or_else(|| lookup("*"))
            .map(|&i| self.agencies[i].canonical.clone())
            .unwrap_or_else(|| name.to_string())
    }

    /// Theme ids whose keywords occur in `text`, in catalog order.
    pub fn themes_for(&self, text: &str) -> Vec<String> {
        self.themes
            .iter()
            .filter(|t| t.keywords.iter().any(|k| text.contains(k.as_str())))
            .map(|t| t.id.clone())
            .collect()
    }

    /// Canonical indicator id for an indicator phrase and its unit, when one matches.
    /// The longest matching synonym wins, so `高新技术企业增加值` does not match the count.
    pub fn indicator_for(&self, indicator: &str, unit: &str) -> Option<&Indicator> {
        let family = unit_family(unit);
        self.indicators
            .iter()
            .filter(|ind| ind.units.is_empty() || ind.units.iter().any(|u| u == unit))
            .filter(|ind| family.is_none_or(|f| f == ind.unit_family))
            .filter_map(|ind| {
                ind.synonyms
                    .iter()
                    .filter(|s| indicator.contains(s.as_str()))
                    .map(|s| s.chars().count())
                    .max()
                    .map(|len| (len, ind))
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, ind)| ind)
    }

    /// Policy instrument family and sub-type for a measure text: the sub-type with most
    /// keyword hits wins.
    pub fn instrument_for(&self, text: &str) -> Option<&InstrumentSubtype> {
        self.instruments
            .iter()
            .map(|s| {
                let hits = s
                    .keywords
                    .iter()
                    .map(|k| text.matches(k.as_str()).count())
                    .sum::<usize>();
                (hits, s)
            })
            .filter(|(hits, _)| *hits > 0)
            .fold(
                None::<(usize, &InstrumentSubtype)>,
                |best, cur| match best {
                    Some(b) if b.0 >= cur.0 => Some(b),
                    _ => Some(cur),
                },
            )
            .map(|(_, s)| s)
    }
}

/// Unit family of a unit as written, when the unit says it.
pub fn unit_family(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "%" | "‰" | "个百分点" => "percent",
        "元" | "万元" | "亿元" | "万亿元" | "亿美元" | "万美元" | "美元" => "money",
        "平方公里" | "万平方米" | "平方米" | "亩" | "公顷" => "area",
        "人" | "名" | "万人" | "人次" => "people",
        "强" | "位" => "rank",
        "次" | "场" => "times",
        "家" | "户" | "个" | "所" | "座" | "项" | "件" | "种" | "条" | "支" | "台" | "套" => {
            "count"
        }
        _ => return None,
    })
}
