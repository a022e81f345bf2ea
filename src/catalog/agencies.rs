//! Agency alias resolution: which canonical agency a name in a responsibility annotation
//! means in a given city. City entries win over the `*` entries, so one alias
//! (`高新区管委会`) can mean a different body in each city.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use serde::Deserialize;

use super::Agency;
use super::text::fold;
use crate::error::{Error, Result};

/// The names a city goes by (`沈阳`, `沈阳市`, `shenyang`); `key` is what `city` in an
/// `[[agency]]` entry refers to.
#[derive(Debug, Clone, Deserialize)]
pub struct City {
    pub key: String,
    #[serde(default)]
    pub names: Vec<String>,
}

/// City key for entries that hold in every city.
pub const ANY_CITY: &str = "*";

/// Lookup tables built from `agencies.toml`.
#[derive(Debug, Clone, Default)]
pub struct AgencyIndex {
    /// Folded city name → city key.
    cities: HashMap<String, String>,
    /// City key → folded names that denote the city inside agency names (`沈阳市`, `沈阳`).
    prefixes: HashMap<String, Vec<String>>,
    /// City key → folded alias or canonical name → index into the agency list.
    aliases: HashMap<String, HashMap<String, usize>>,
    /// Folded canonical name → index of its first entry.
    canonical: HashMap<String, usize>,
}

impl AgencyIndex {
    /// Indexes `agencies`; an alias listed twice for one city with different canonical
    /// names is an error naming `file`.
    pub fn build(file: &str, cities: &[City], agencies: &[Agency]) -> Result<AgencyIndex> {
        let mut index = AgencyIndex::default();
        for city in cities {
            let mut names: Vec<String> = city.names.iter().map(|n| fold(n)).collect();
            names.push(fold(&city.key));
            for name in &names {
                index.cities.insert(name.clone(), city.key.clone());
            }
            // Longest first, so `沈阳市科技局` loses `沈阳市`, not just `沈阳`.
            names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
            names.retain(|n| !n.is_ascii());
            index.prefixes.insert(city.key.clone(), names);
        }
        for (i, agency) in agencies.iter().enumerate() {
            if agency.city != ANY_CITY && !index.prefixes.contains_key(&agency.city) {
                return Err(catalog_error(
                    file,
                    format!(
                        "`{}` names city `{}` without a [[city]] table",
                        agency.canonical, agency.city
                    ),
                ));
            }
            index.canonical.entry(fold(&agency.canonical)).or_insert(i);
            for name in std::iter::once(&agency.canonical).chain(&agency.aliases) {
                let alias = fold(name);
                if alias.is_empty() {
                    return Err(catalog_error(
                        file,
                        format!("`{}` has an empty alias", agency.canonical),
                    ));
                }
                let city_aliases = index.aliases.entry(agency.city.clone()).or_default();
                match city_aliases.get(&alias) {
                    Some(&j) if agencies[j].canonical != agency.canonical => {
                        return Err(catalog_error(
                            file,
                            format!(
                                "alias `{name}` in city `{}` means both `{}` and `{}`",
                                agency.city, agencies[j].canonical, agency.canonical
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        city_aliases.insert(alias, i);
                    }
                }
            }
        }
        Ok(index)
    }

    /// City key for a city as a caller names it (`沈阳`, `沈阳市`, `Shenyang`); unknown
    /// cities are returned folded, so they simply match no city entries (a known key is
    /// borrowed from the index).
    pub fn city_key<'a>(&'a self, city: &'a str) -> Cow<'a, str> {
        let folded = super::text::fold_cow(city);
        match self.cities.get(folded.as_ref()) {
            Some(key) => Cow::Borrowed(key.as_str()),
            None => folded,
        }
    }

    /// Index of the agency `name` means in `city`: the city's own entries first, then the
    /// `*` entries; a name carrying the city's own name (`沈阳市科技局`) is also tried as
    /// `市科技局`.
    pub fn resolve(&self, name: &str, city: Option<&str>) -> Option<usize> {
        let folded = super::text::fold_cow(name);
        let key = city.map(|c| self.city_key(c));
        let in_city = |c: &str, n: &str| self.aliases.get(c).and_then(|m| m.get(n)).copied();
        let lookup = |n: &str| {
            key.as_deref()
                .and_then(|k| in_city(k, n))
                .or_else(|| in_city(ANY_CITY, n))
        };
        lookup(&folded).or_else(|| {
            let prefixes = self.prefixes.get(key.as_deref()?)?;
            prefixes.iter().find_map(|p| {
                let rest = folded.strip_prefix(p.as_str())?;
                if rest.is_empty() {
                    return None;
                }
                let rest = rest.strip_prefix('市').unwrap_or(rest);
                lookup(&format!("市{rest}")).or_else(|| lookup(rest))
            })
        })
    }

    /// Index of the first entry whose canonical name is `canonical`.
    pub fn by_canonical(&self, canonical: &str) -> Option<usize> {
        self.canonical.get(&fold(canonical)).copied()
    }
}

fn catalog_error(file: &str, message: String) -> Error {
    Error::Catalog {
        file: file.to_string(),
        message,
    }
}
