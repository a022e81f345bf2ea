//! The English edition of structured fields: targets in English conventions (`values`),
//! agencies of any city composed from level + organ (`agencies`), and the machine gloss of
//! titles from the genre glossary and CC-CEDICT (`gloss`, `glossary`, `dict`). A user's
//! own translation of a title, when there is one, replaces the gloss ([`title`]).
//! No network: every table is in `data/` and embedded.

pub mod agencies;
pub mod dict;
pub mod gloss;
pub mod glossary;
pub mod values;

use std::collections::HashMap;

pub use gloss::{gloss, place_name};

/// Reads the dictionary, glossary and organ table on a background thread, so that the
/// first English screen does not wait for them (the dictionary takes a few tenths of a
/// second to index).
pub fn preload() {
    let spawned = std::thread::Builder::new()
        .name("english-preload".into())
        .spawn(|| {
            dict::Dictionary::bundled();
            glossary::Glossary::in_use();
            agencies::Organs::bundled();
        });
    if let Err(e) = spawned {
        log::warn!("could not start the dictionary preload: {e}");
    }
}

/// Where an English title comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSource {
    /// Entered by a user (in place, or from a translation sheet).
    Translation,
    /// The machine gloss.
    Gloss,
}

impl TitleSource {
    /// How tables and the interface mark it.
    pub fn label(self) -> &'static str {
        match self {
            TitleSource::Translation => "user translation",
            TitleSource::Gloss => "machine gloss",
        }
    }
}

/// A title in English and where the English comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishTitle {
    pub text: String,
    pub source: TitleSource,
}

/// The English of a Chinese title: the user's translation (keyed by the Chinese text) when
/// there is one, else the machine gloss; never empty for a non-empty title.
pub fn title(translations: &HashMap<String, String>, zh: &str) -> EnglishTitle {
    if let Some(en) = translations.get(zh.trim()).filter(|e| !e.trim().is_empty()) {
        return EnglishTitle {
            text: en.clone(),
            source: TitleSource::Translation,
        };
    }
    let text = gloss(zh.trim());
    EnglishTitle {
        text: if text.is_empty() && !zh.trim().is_empty() {
            "(untitled)".into()
        } else {
            text
        },
        source: TitleSource::Gloss,
    }
}

/// An outline label with Chinese numerals as digits (`三` → `3`, `(一)` → `(1)`).
pub fn outline_label(label: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            match small_numeral(run) {
                Some(n) => out.push_str(&n.to_string()),
                None => out.push_str(&gloss(run)),
            }
            run.clear();
        }
    };
    for c in label.chars() {
        if is_cjk(c) && !matches!(c, '（' | '）' | '、') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(match c {
                '（' => '(',
                '）' => ')',
                '、' => '.',
                c => c,
            });
        }
    }
    flush(&mut run, &mut out);
    out
}

/// A document number in Latin letters: the issuer's abbreviation in pinyin, the year in
/// brackets, the serial number (`大政办发〔2017〕133号` → `Dazhengbanfa [2017] No. 133`).
pub fn doc_number(n: &str) -> String {
    let n = n
        .replace(['〔', '［', '【'], " [")
        .replace(['〕', '］', '】'], "] ");
    let (body, serial) = match n.trim().strip_suffix('号') {
        Some(body) => {
            let digits = body.trim_end_matches(|c: char| c.is_ascii_digit());
            (digits.to_string(), Some(&body[digits.len()..]))
        }
        None => (n.trim().to_string(), None),
    };
    let mut out = String::new();
    let mut han = String::new();
    for c in body.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            han.push(c);
            continue;
        }
        if !han.is_empty() {
            out.push_str(&place_name(&han));
            han.clear();
        }
        out.push(c);
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match serial {
        Some(s) if !s.is_empty() => format!("{out} No. {s}"),
        _ => out,
    }
}

/// `一` … `九十九` as a number.
fn small_numeral(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d)
            .or((*d == '十').then_some(10))
            .or((*d == '两').then_some(2)),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// Whether a character is Chinese (or Japanese/Korean) script or CJK punctuation, i.e.
/// what an English edition must not show outside the Chinese originals.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31BF
        | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a text holds any [`is_cjk`] character.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// A measure's themes, outline path and key enterprises in English, as listings and
/// tables show them.
pub struct MeasureParts {
    pub themes: Vec<String>,
    pub path: Vec<String>,
    pub firms: Vec<String>,
}

/// The English [`MeasureParts`] of `m`.
pub fn measure_parts(
    catalog: &crate::catalog::Catalog,
    m: &crate::store::rows::MeasureRow,
) -> MeasureParts {
    use crate::charts::{Lang, labels::theme_name};
    MeasureParts {
        themes: m
            .themes
            .iter()
            .map(|t| theme_name(catalog, t, Lang::En))
            .collect(),
        path: m.path.iter().map(|p| outline_label(p)).collect(),
        firms: m.key_enterprises.iter().map(|k| gloss(k)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_labels() {
        assert_eq!(outline_label("三"), "3");
        assert_eq!(outline_label("(一)"), "(1)");
        assert_eq!(outline_label("（十二）"), "(12)");
        assert_eq!(outline_label("二十一"), "21");
        assert_eq!(outline_label("1"), "1");
    }

    #[test]
    fn document_numbers() {
        assert_eq!(
            doc_number("大政办发〔2017〕133号"),
            "Dazhengbanfa [2017] No. 133"
        );
    }

    #[test]
    fn user_translation_wins() {
        let mut t = HashMap::new();
        assert_eq!(title(&t, "加快推进").source, TitleSource::Gloss);
        t.insert("加快推进".to_string(), "Speed up".to_string());
        let e = title(&t, "加快推进");
        assert_eq!(
            (e.text.as_str(), e.source),
            ("Speed up", TitleSource::Translation)
        );
    }
}
