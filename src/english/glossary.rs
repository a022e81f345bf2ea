//! The genre glossary (`data/glossary.toml`): fixed phrases and verbs of planning
//! documents, Chinese → English, which win over dictionary meanings. An analyst's copy of
//! `glossary.toml` in the user taxonomy folder replaces the bundled one.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, Result};

const GLOSSARY: &str = include_str!("../../data/glossary.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    term: BTreeMap<String, String>,
}

/// Chinese phrase → English, keys folded to half-width.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: HashMap<String, String>,
    /// Longest phrase, in characters.
    pub max_chars: usize,
}

impl Glossary {
    /// Reads a glossary file; `name` names it in errors.
    pub fn parse(name: &str, text: &str) -> Result<Glossary> {
        let file: File = toml::from_str(text).map_err(|e| Error::bad_input(name, e.to_string()))?;
        let mut g = Glossary::default();
        for (zh, en) in file.term {
            let zh = crate::catalog::fold(&zh);
            if zh.is_empty() {
                return Err(Error::bad_input(name, "an empty Chinese term"));
            }
            if en.chars().any(super::is_cjk) {
                return Err(Error::bad_input(
                    name,
                    format!("the English of `{zh}` holds Chinese characters"),
                ));
            }
            g.max_chars = g.max_chars.max(zh.chars().count());
            g.terms.insert(zh, en.trim().to_string());
        }
        Ok(g)
    }

    /// The glossary in use: the user's `glossary.toml` when it reads, else the bundled one.
    pub fn in_use() -> &'static Glossary {
        static IN_USE: OnceLock<Glossary> = OnceLock::new();
        IN_USE.get_or_init(|| {
            if let Some(path) = crate::catalog::user_dir().map(|d| d.join("glossary.toml"))
                && path.is_file()
            {
                let read = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e));
                match read.and_then(|t| Glossary::parse(&path.display().to_string(), &t)) {
                    Ok(g) => return g,
                    Err(e) => log::warn!("{e}; the bundled glossary is used"),
                }
            }
            Glossary::parse("data/glossary.toml", GLOSSARY).unwrap_or_default()
        })
    }

    /// The English of a phrase (folded), when the glossary has it.
    pub fn term(&self, zh: &str) -> Option<&str> {
        self.terms.get(zh).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_glossary_reads() {
        let g = Glossary::parse("glossary.toml", GLOSSARY).expect("bundled glossary");
        assert_eq!(g.term("双招双引"), Some("attracting investment and talent"));
        assert_eq!(g.term("的"), Some(""));
        assert!(g.max_chars >= 4);
    }

    #[test]
    fn bad_files_are_named() {
        let e = Glossary::parse("g.toml", "[term]\n\"打造\" = \"打造\"\n").unwrap_err();
        assert!(e.to_string().contains("g.toml"), "{e}");
        assert!(Glossary::parse("g.toml", "term = 3").is_err());
    }
}
