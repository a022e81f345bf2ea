//! The machine gloss: a Chinese title cut into the longest phrases the glossary or the
//! dictionary knows, each replaced by its English, in the Chinese order. Readable enough
//! to tell what a measure is about, and always free of Chinese characters; marked as a
//! gloss wherever it is shown. Also the pinyin spelling of place names.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::dict::Dictionary;
use super::glossary::Glossary;
use super::is_cjk;

/// Where a token's English comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Glossary,
    Dictionary,
    /// Spelled in pinyin: no meaning known.
    Pinyin,
    /// Not Chinese: digits, Latin letters, punctuation.
    Text,
}

/// One piece of a glossed text: the Chinese (or other) text and its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub zh: String,
    pub en: String,
    pub origin: Origin,
}

/// Cuts `text` into tokens: Chinese runs by longest match (glossary first, then the
/// dictionary), everything else copied with Chinese punctuation made Latin.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_with(text, Glossary::in_use(), Dictionary::bundled())
}

pub(crate) fn tokens_with(text: &str, glossary: &Glossary, dict: &Dictionary) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if passes(chars[i]) {
            let start = i;
            while i < chars.len() && passes(chars[i]) {
                i += 1;
            }
            let zh: String = chars[start..i].iter().collect();
            let en: String = chars[start..i]
                .iter()
                .map(|&c| punctuation(c).map_or_else(|| half_width(c).to_string(), String::from))
                .collect();
            out.push(Token {
                zh,
                en,
                origin: Origin::Text,
            });
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| passes(chars[j]))
            .unwrap_or(chars.len());
        let longest = glossary.max_chars.max(dict.max_chars).min(run_end - i);
        let mut found = None;
        for len in (1..=longest).rev() {
            let zh: String = chars[i..i + len].iter().collect();
            if let Some(en) = glossary.term(&zh) {
                found = Some((len, en.to_string(), Origin::Glossary));
            } else if let Some(en) = dict.meaning(&zh) {
                found = Some((len, en.to_string(), Origin::Dictionary));
            }
            if found.is_some() {
                break;
            }
        }
        let (len, en, origin) = found.unwrap_or_else(|| {
            let zh = chars[i].to_string();
            (1, spell(&zh, dict), Origin::Pinyin)
        });
        out.push(Token {
            zh: chars[i..i + len].iter().collect(),
            en,
            origin,
        });
        i += len;
    }
    out
}

/// The machine gloss of a Chinese text: tokens' English joined by spaces, first letter
/// capitalised. Cached: titles repeat across views and frames.
pub fn gloss(text: &str) -> String {
    static CACHE: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(text).cloned()) {
        return hit;
    }
    let glossed = join(&tokens(text));
    if let Ok(mut c) = cache.lock() {
        c.insert(text.to_string(), glossed.clone());
    }
    glossed
}

/// Joins tokens into one English text.
pub(crate) fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        let en = t.en.trim();
        if en.is_empty() {
            continue;
        }
        let glue = match (out.chars().last(), en.chars().next()) {
            (None, _) => false,
            (Some(prev), _) if " (\"“/–-".contains(prev) => false,
            (_, Some(next)) if ",.;:!?)%”".contains(next) => false,
            _ => true,
        };
        if glue {
            out.push(' ');
        }
        out.push_str(en);
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    capitalise(&out)
}

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A place name in pinyin, one word (`苏州` → `Suzhou`, `两江` → `Liangjiang`), or from the
/// glossary when it lists the name (`中德` → `Sino-German`).
pub fn place_name(zh: &str) -> String {
    let glossary = Glossary::in_use();
    if let Some(en) = glossary.term(zh).filter(|e| !e.is_empty()) {
        return en.to_string();
    }
    capitalise(&spell(zh, Dictionary::bundled()))
}

/// Pinyin without tones or spaces, longest dictionary words first; characters the
/// dictionary lacks are left out.
fn spell(zh: &str, dict: &Dictionary) -> String {
    let chars: Vec<char> = zh.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let longest = dict.max_chars.min(chars.len() - i).max(1);
        let hit = (1..=longest).rev().find_map(|len| {
            let w: String = chars[i..i + len].iter().collect();
            dict.pinyin(&w).map(|p| (len, p))
        });
        match hit {
            Some((len, p)) => {
                out.extend(
                    p.chars()
                        .filter(|c| c.is_ascii_alphabetic() || *c == ':')
                        .map(|c| {
                            if c == ':' {
                                'u'
                            } else {
                                c.to_ascii_lowercase()
                            }
                        }),
                );
                i += len;
            }
            None if !is_cjk(chars[i]) => {
                out.push(chars[i]);
                i += 1;
            }
            None => i += 1,
        }
    }
    out.replace("uu", "ü").replace('ü', "u")
}

/// Chinese punctuation as Latin punctuation (with the spacing English wants).
fn punctuation(c: char) -> Option<&'static str> {
    Some(match c {
        '，' | '、' => ", ",
        '。' => ". ",
        '；' => "; ",
        '：' => ": ",
        '！' => "! ",
        '？' => "? ",
        '（' => " (",
        '）' => ") ",
        '《' | '“' | '「' | '『' | '〈' => "“",
        '》' | '”' | '」' | '』' | '〉' => "”",
        '‘' | '’' => "'",
        '【' | '〔' => " [",
        '】' | '〕' => "] ",
        '·' | '・' => " ",
        '　' => " ",
        '…' => "…",
        '—' => "–",
        '～' => "~",
        _ => return None,
    })
}

/// A character copied (or made Latin) rather than translated.
fn passes(c: char) -> bool {
    !is_cjk(c) || punctuation(c).is_some() || ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// A full-width ASCII form as its half-width character.
fn half_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_gloss_without_chinese() {
        for title in [
            "加快推进工业互联网核心板块建设",
            "实行“小管委会+大平台公司”共治模式",
            "加快建设大连国家生态工业示范园区(庄河静脉产业园)",
            "我院编制的《重庆两江新区国家自主创新示范区建设实施方案》正式发布!!!",
            "龘靐齉",
        ] {
            let g = gloss(title);
            assert!(!g.chars().any(is_cjk), "{title} → {g}");
            assert!(!g.is_empty(), "{title}");
        }
        assert_eq!(
            gloss("加快推进工业互联网"),
            "Accelerate industrial internet"
        );
        assert_eq!(
            gloss("培育专精特新企业"),
            "Foster specialised, refined, distinctive and innovative enterprises"
        );
    }

    #[test]
    fn places_in_pinyin() {
        assert_eq!(place_name("苏州"), "Suzhou");
        assert_eq!(place_name("武汉"), "Wuhan");
        assert_eq!(place_name("中德"), "Sino-German");
    }

    #[test]
    fn punctuation_is_latin() {
        assert_eq!(gloss("人才、资金"), "Talent, funds");
    }
}
