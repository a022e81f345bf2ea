//! English names of agencies of any city, composed from `data/organs.toml`: the longest
//! organ that ends the name (`科技局` → Science and Technology Bureau) after its prefix, a
//! chain of place names (in pinyin) and level words (`市` Municipal, `新区` New Area).
//! `苏州市科技局` → "Suzhou Municipal Science and Technology Bureau".

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;

use super::gloss::{gloss, place_name};

const ORGANS: &str = include_str!("../../data/organs.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    level: Vec<Level>,
    organ: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Level {
    zh: String,
    en: String,
}

/// Level words and organs, longest Chinese first.
#[derive(Debug, Default)]
pub struct Organs {
    levels: Vec<(String, String)>,
    organs: Vec<(String, String)>,
}

impl Organs {
    /// Reads an organs table; `name` names it in errors.
    pub fn parse(name: &str, text: &str) -> crate::Result<Organs> {
        let file: File =
            toml::from_str(text).map_err(|e| crate::Error::bad_input(name, e.to_string()))?;
        let mut levels: Vec<(String, String)> =
            file.level.into_iter().map(|l| (l.zh, l.en)).collect();
        let mut organs: Vec<(String, String)> = file.organ.into_iter().collect();
        let by_len = |a: &(String, String), b: &(String, String)| {
            b.0.chars().count().cmp(&a.0.chars().count())
        };
        levels.sort_by(by_len);
        organs.sort_by(by_len);
        Ok(Organs { levels, organs })
    }

    /// The bundled table.
    pub fn bundled() -> &'static Organs {
        static ORGANS_IN_USE: OnceLock<Organs> = OnceLock::new();
        ORGANS_IN_USE.get_or_init(|| Organs::parse("data/organs.toml", ORGANS).unwrap_or_default())
    }

    /// The English name of an agency (a canonical or written Chinese name), remembered:
    /// views ask for the same names every frame.
    pub fn compose(&self, name: &str) -> String {
        static SEEN: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
        let seen = SEEN.get_or_init(Default::default);
        if let Some(hit) = seen.lock().ok().and_then(|s| s.get(name).cloned()) {
            return hit;
        }
        let composed = self.compose_new(name);
        if let Ok(mut s) = seen.lock() {
            s.insert(name.to_string(), composed.clone());
        }
        composed
    }

    fn compose_new(&self, name: &str) -> String {
        let name = crate::catalog::fold(name);
        let Some((zh, en)) = self
            .organs
            .iter()
            .find(|(zh, _)| name.ends_with(zh.as_str()))
        else {
            return gloss(&name);
        };
        let prefix = &name[..name.len() - zh.len()];
        let prefix = self.prefix(prefix);
        match prefix.is_empty() {
            true => en.clone(),
            false => format!("{prefix} {en}"),
        }
    }

    /// A prefix as place names and level words: `辽宁自贸区沈阳片区` → "Liaoning Free
    /// Trade Zone Shenyang Area".
    fn prefix(&self, prefix: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut name = String::new();
        let mut rest = prefix;
        while let Some(c) = rest.chars().next() {
            // a level word, unless it would leave a one-character place name before it
            let level = self
                .levels
                .iter()
                .find(|(zh, _)| rest.starts_with(zh.as_str()))
                .filter(|_| name.chars().count() != 1);
            match level {
                Some((zh, en)) => {
                    if !name.is_empty() {
                        words.push(place_name(&name));
                        name.clear();
                    }
                    words.push(en.clone());
                    rest = &rest[zh.len()..];
                }
                None => {
                    name.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        if !name.is_empty() {
            words.push(place_name(&name));
        }
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_of_any_city() {
        let o = Organs::bundled();
        assert_eq!(
            o.compose("市科技局"),
            "Municipal Science and Technology Bureau"
        );
        assert_eq!(
            o.compose("苏州市科技局"),
            "Suzhou Municipal Science and Technology Bureau"
        );
        assert_eq!(
            o.compose("武汉市人力资源和社会保障局"),
            "Wuhan Municipal Human Resources and Social Security Bureau"
        );
        assert_eq!(o.compose("浑南区委"), "Hunnan District Party Committee");
        assert_eq!(
            o.compose("沈阳高新区管委会"),
            "Shenyang High-tech Zone Administrative Committee"
        );
        assert_eq!(
            o.compose("辽宁自贸区沈阳片区管委会"),
            "Liaoning Free Trade Zone Shenyang Area Administrative Committee"
        );
        assert_eq!(
            o.compose("中德园管委会"),
            "Sino-German Park Administrative Committee"
        );
        assert_eq!(o.compose("沈阳海关"), "Shenyang Customs");
    }
}
