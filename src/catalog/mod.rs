//! Taxonomies loaded from `data/*.toml`: themes, canonical indicators, agency aliases and
//! policy instruments, with the lookups the parser and the GUI use. The bundled files are
//! embedded at build time; an analyst edits copies without recompiling: files in the user
//! taxonomy folder ([`user_dir`]) replace the bundled file of the same name when the program
//! starts ([`install_user_taxonomies`]). Keyword automata and alias tables are built once at
//! load, so every lookup is one pass over the text.
//!
//! Module map: `load` (TOML → checked catalog), `matching` (keyword automata), `agencies`
//! (alias resolution per city), `text` (full-/half-width folding), `units` (unit families).

mod agencies;
mod load;
mod matching;
mod text;
mod units;
mod user;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::Result;
use crate::model::Instrument;

pub use agencies::City;
pub use text::fold;
pub use units::{FAMILIES, unit_family};
pub use user::{install_user_taxonomies, user_dir};

use agencies::AgencyIndex;
use matching::{IndexMap, KeywordSet, mention_counts, ranked};

const THEMES: &str = include_str!("../../data/themes.toml");
const INDICATORS: &str = include_str!("../../data/indicators.toml");
const AGENCIES: &str = include_str!("../../data/agencies.toml");
const INSTRUMENTS: &str = include_str!("../../data/instruments.toml");

/// Most themes [`Catalog::themes_for`] returns for one text.
pub const MAX_THEMES: usize = 5;

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
    /// `count`, `money`, `percent`, `area`, `people`, `rank`, `times`… (see [`FAMILIES`]).
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
    /// Canonical name of the body that took over this agency's duties in a reform
    /// (`市环保局` → `市生态环境局`), when there is one.
    #[serde(default)]
    pub successor: Option<String>,
}

fn any_city() -> String {
    agencies::ANY_CITY.to_string()
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

/// All taxonomies, with lookup tables built once. The public lists are the loaded entries
/// in file order; treat them as read-only (the lookup tables are built from them).
#[derive(Debug, Clone)]
pub struct Catalog {
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    pub agencies: Vec<Agency>,
    pub instruments: Vec<InstrumentSubtype>,
    cities: Vec<City>,
    agency_index: AgencyIndex,
    theme_keys: KeywordSet,
    indicator_keys: KeywordSet,
    instrument_keys: KeywordSet,
    /// Theme keywords then instrument keywords (owner = theme index, or number of themes
    /// + sub-type index), for tagging a measure in one pass.
    tag_keys: KeywordSet,
    theme_ids: HashMap<String, usize>,
    indicator_ids: HashMap<String, usize>,
}

/// The taxonomies in use, set once per process.
static IN_USE: OnceLock<Catalog> = OnceLock::new();

impl Catalog {
    /// The taxonomies in use: those bundled with the binary (parsed once), unless the
    /// program installed an analyst's edited copies at start-up ([`Catalog::install`]).
    pub fn in_use() -> &'static Catalog {
        IN_USE.get_or_init(|| {
            Catalog::from_strs(THEMES, INDICATORS, AGENCIES, INSTRUMENTS)
                .expect("bundled data/*.toml are checked by tests")
        })
    }

    /// Makes `catalog` the one [`Catalog::in_use`] returns for the rest of the process.
    /// Only possible before the first use; returns false (and changes nothing) after it.
    pub fn install(catalog: Catalog) -> bool {
        IN_USE.set(catalog).is_ok()
    }

    /// The bundled text of a taxonomy file by its name (`themes.toml`…).
    pub(crate) fn bundled_text(name: &str) -> Option<&'static str> {
        match name {
            "themes.toml" => Some(THEMES),
            "indicators.toml" => Some(INDICATORS),
            "agencies.toml" => Some(AGENCIES),
            "instruments.toml" => Some(INSTRUMENTS),
            _ => None,
        }
    }

    /// Loads the four taxonomy files from a directory (an analyst's edited copies); errors
    /// name the file by its path.
    pub fn load_dir(dir: &Path) -> Result<Catalog> {
        load::from_dir(dir)
    }

    /// Parses the four taxonomy texts; errors name the file (`themes.toml`…) and the line.
    pub fn from_strs(
        themes: &str,
        indicators: &str,
        agencies: &str,
        instruments: &str,
    ) -> Result<Catalog> {
        load::from_named([
            ("themes.toml", themes),
            ("indicators.toml", indicators),
            ("agencies.toml", agencies),
            ("instruments.toml", instruments),
        ])
    }

    /// Themes in file order (for the GUI's filter lists).
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// Canonical indicators in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// Instrument sub-types in file order.
    pub fn instruments(&self) -> &[InstrumentSubtype] {
        &self.instruments
    }

    /// Agencies in file order (every city).
    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    /// Cities agency names are kept for, with the names they go by.
    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.theme_ids.get(id).map(|&i| &self.themes[i])
    }

    /// The canonical indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_ids.get(id).map(|&i| &self.indicators[i])
    }

    /// The instrument sub-type with this id.
    pub fn instrument(&self, id: &str) -> Option<&InstrumentSubtype> {
        self.instruments.iter().find(|s| s.id == id)
    }

    /// The agency `name` means in `city` (`沈阳`, `沈阳市` or `shenyang`), when known. Names
    /// are compared after full-/half-width folding and whitespace removal; the city's own
    /// entries win over the entries for every city.
    pub fn agency_for(&self, name: &str, city: Option<&str>) -> Option<&Agency> {
        self.agency_index
            .resolve(name, city)
            .map(|i| &self.agencies[i])
    }

    /// Canonical agency name for `name` as used in `city` (the name itself, trimmed, when
    /// unknown).
    pub fn canonical_agency(&self, name: &str, city: Option<&str>) -> String {
        self.agency_for(name, city)
            .map(|a| a.canonical.clone())
            .unwrap_or_else(|| name.trim().to_string())
    }

    /// English name of a canonical agency (an alias is accepted too, read as in every city).
    pub fn agency_en(&self, canonical: &str) -> Option<&str> {
        self.agency_index
            .by_canonical(canonical)
            .or_else(|| self.agency_index.resolve(canonical, None))
            .map(|i| self.agencies[i].en.as_str())
            .filter(|en| !en.is_empty())
    }

    /// Theme ids whose keywords occur in `text`, most-mentioned first (ties in catalog
    /// order), at most [`MAX_THEMES`]. Responsibility annotations (`(责任单位:…)`) are
    /// ignored, so agency names do not count.
    pub fn themes_for(&self, text: &str) -> Vec<String> {
        self.themes_in(&text::strip_annotations(&fold(text)))
    }

    /// Themes and instrument sub-type of one text, folding and stripping it once (the
    /// parser tags every measure with both).
    pub fn classify(&self, text: &str) -> (Vec<String>, Option<&InstrumentSubtype>) {
        let folded = text::strip_annotations(&text::fold_cow(text));
        let themes = self.themes.len();
        let hits = self.tag_keys.hits(&folded);
        let theme_counts = mention_counts(hits.iter().filter(|h| h.owner < themes));
        // Instrument sub-types follow the themes in the automaton's entries.
        let instrument_counts: IndexMap<usize, usize> =
            mention_counts(hits.iter().filter(|h| h.owner >= themes))
                .into_iter()
                .map(|(owner, n)| (owner - themes, n))
                .collect();
        (
            self.ranked_themes(&theme_counts),
            self.top_instrument(&instrument_counts),
        )
    }

    fn themes_in(&self, folded: &str) -> Vec<String> {
        self.ranked_themes(&mention_counts(&self.theme_keys.hits(folded)))
    }

    fn ranked_themes(&self, counts: &IndexMap<usize, usize>) -> Vec<String> {
        ranked(counts, MAX_THEMES)
            .into_iter()
            .map(|(i, _)| self.themes[i].id.clone())
            .collect()
    }

    /// Canonical indicator for an indicator phrase and its unit, when one matches. Among the
    /// indicators whose unit family fits the unit, the longest synonym found in the phrase
    /// wins (ties: the one nearer the end of the phrase, then catalog order), so
    /// `高新技术企业增加值` in 亿元 does not match the count of high-tech enterprises.
    pub fn indicator_for(&self, indicator: &str, unit: &str) -> Option<&Indicator> {
        let family = unit_family(unit);
        // A ratio (`亿元/平方公里`) fits only an indicator that lists it: its family is
        // neither that of the numerator nor that of the denominator.
        let ratio = unit.contains('/');
        let fits = |ind: &Indicator| {
            let listed = ind
                .units
                .iter()
                .any(|u| text::fold_cow(u) == text::fold_cow(unit));
            (listed || (ind.units.is_empty() && !ratio))
                && family.is_none_or(|f| f == ind.unit_family)
        };
        self.indicator_keys
            .hits(&text::fold_cow(indicator))
            .into_iter()
            .filter(|h| fits(&self.indicators[h.owner]))
            .max_by(|a, b| {
                (a.chars, a.end)
                    .cmp(&(b.chars, b.end))
                    .then(b.owner.cmp(&a.owner))
            })
            .map(|h| &self.indicators[h.owner])
    }

    /// Policy instrument sub-type for a measure text: the sub-type with most keyword
    /// mentions wins; ties go to the sub-type whose family is mentioned more in total, then
    /// to catalog order. Responsibility annotations are ignored.
    pub fn instrument_for(&self, text: &str) -> Option<&InstrumentSubtype> {
        self.instrument_in(&text::strip_annotations(&fold(text)))
    }

    fn instrument_in(&self, folded: &str) -> Option<&InstrumentSubtype> {
        self.top_instrument(&mention_counts(&self.instrument_keys.hits(folded)))
    }

    fn top_instrument(&self, counts: &IndexMap<usize, usize>) -> Option<&InstrumentSubtype> {
        let mut family_total: IndexMap<Instrument, usize> = IndexMap::default();
        for (&i, &n) in counts {
            *family_total.entry(self.instruments[i].family).or_insert(0) += n;
        }
        counts
            .iter()
            .map(|(&i, &n)| (n, family_total[&self.instruments[i].family], i))
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.cmp(&a.2)))
            .map(|(_, _, i)| &self.instruments[i])
    }
}
