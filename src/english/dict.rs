//! CC-CEDICT (data/cedict/, CC BY-SA 4.0), embedded compressed and read once on first use:
//! the meaning of a word the glossary does not know, and the pinyin of a place name.
//! Measured on this machine: the gzip is 3.7 MB of the binary; decompressing and indexing
//! its 119,000 entries takes about 0.3 s (release build), paid only when English is used.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

const CEDICT_GZ: &[u8] = include_bytes!("../../data/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz");

/// What the dictionary says about one simplified word.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// First usable sense: of a common word when there is one, else of a proper noun.
    meaning: Option<Box<str>>,
    meaning_is_common: bool,
    /// Pinyin with tone numbers (`Su1 zhou1`): a proper noun's when there is one.
    pinyin: Box<str>,
    pinyin_is_proper: bool,
}

/// Simplified word → meaning and pinyin.
#[derive(Debug, Default)]
pub struct Dictionary {
    words: HashMap<Box<str>, Entry>,
    /// Longest word, in characters.
    pub max_chars: usize,
}

impl Dictionary {
    /// The bundled CC-CEDICT, read on first use (an unreadable copy gives an empty one).
    pub fn bundled() -> &'static Dictionary {
        static DICT: OnceLock<Dictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            let mut text = String::new();
            match flate2::read::GzDecoder::new(CEDICT_GZ).read_to_string(&mut text) {
                Ok(_) => Dictionary::parse(&text),
                Err(e) => {
                    log::warn!("the bundled CC-CEDICT could not be read: {e}");
                    Dictionary::default()
                }
            }
        })
    }

    /// Reads dictionary lines `TRAD SIMP [pin1 yin1] /sense/sense/`; other lines are skipped.
    pub fn parse(text: &str) -> Dictionary {
        let mut dict = Dictionary::default();
        for line in text.lines() {
            if let Some((simp, pinyin, senses)) = split_line(line) {
                dict.add(simp, pinyin, senses);
            }
        }
        dict
    }

    fn add(&mut self, simp: &str, pinyin: &str, senses: &str) {
        let proper = pinyin.starts_with(|c: char| c.is_ascii_uppercase());
        let meaning = senses
            .split('/')
            .find_map(clean_sense)
            .map(|m| match proper {
                // `Suzhou, prefecture-level city in Jiangsu` → `Suzhou`
                true => m.split(',').next().unwrap_or("").trim().to_string(),
                false => m,
            });
        self.max_chars = self.max_chars.max(simp.chars().count());
        let entry = self.words.entry(simp.into()).or_insert_with(|| Entry {
            pinyin: pinyin.into(),
            pinyin_is_proper: proper,
            ..Entry::default()
        });
        if proper && !entry.pinyin_is_proper {
            entry.pinyin = pinyin.into();
            entry.pinyin_is_proper = true;
        }
        if let Some(m) = meaning
            && (entry.meaning.is_none() || (!proper && !entry.meaning_is_common))
        {
            entry.meaning = Some(m.into());
            entry.meaning_is_common = !proper;
        }
    }

    /// The English meaning of a simplified word, when the dictionary has a usable one.
    pub fn meaning(&self, word: &str) -> Option<&str> {
        self.words.get(word).and_then(|e| e.meaning.as_deref())
    }

    /// The word's pinyin with tone numbers, when the dictionary has the word.
    pub fn pinyin(&self, word: &str) -> Option<&str> {
        self.words.get(word).map(|e| &*e.pinyin)
    }
}

fn split_line(line: &str) -> Option<(&str, &str, &str)> {
    if line.starts_with('#') {
        return None;
    }
    let (_trad, rest) = line.split_once(' ')?;
    let (simp, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    Some((simp, pinyin, rest.trim().trim_matches('/')))
}

/// One sense made fit for a gloss: no cross-references, classifiers, surnames or
/// parentheses, the first of `;`-separated variants, without the infinitive `to`.
fn clean_sense(sense: &str) -> Option<String> {
    const SKIP: [&str; 12] = [
        "surname ",
        "variant of",
        "old variant",
        "Japanese variant",
        "erhua variant",
        "CL:",
        "see ",
        "abbr. for",
        "also written",
        "also pr.",
        "used in ",
        "(",
    ];
    let sense = sense.trim();
    if SKIP.iter().any(|p| sense.starts_with(p)) {
        return None;
    }
    let mut out = String::with_capacity(sense.len());
    let mut depth = 0usize;
    for c in sense.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let first = out.split(';').next().unwrap_or("").trim();
    let first = first.strip_prefix("to ").unwrap_or(first).trim();
    let usable = !first.is_empty() && !first.contains('|') && !first.chars().any(super::is_cjk);
    usable.then(|| first.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# header\n\
        蘇州 苏州 [Su1 zhou1] /Suzhou, prefecture-level city in Jiangsu/\n\
        加快 加快 [jia1 kuai4] /to accelerate/to speed up/\n\
        家 家 [jia1] /home/family/CL:個|个[ge4]/\n\
        家 家 [Jia1] /surname Jia/\n\
        的 的 [de5] /of/~'s (possessive particle)/\n";

    #[test]
    fn meanings_and_pinyin() {
        let d = Dictionary::parse(SAMPLE);
        assert_eq!(d.meaning("加快"), Some("accelerate"));
        assert_eq!(d.meaning("苏州"), Some("Suzhou"));
        assert_eq!(d.meaning("家"), Some("home"));
        assert_eq!(d.pinyin("家"), Some("Jia1"));
        assert_eq!(d.pinyin("苏州"), Some("Su1 zhou1"));
        assert_eq!(d.meaning("无"), None);
    }

    #[test]
    fn the_bundled_dictionary_is_read() {
        let d = Dictionary::bundled();
        assert!(d.words.len() > 100_000, "{}", d.words.len());
        assert_eq!(d.meaning("培育"), Some("train"));
        assert_eq!(d.pinyin("武汉"), Some("Wu3 han4"));
    }
}
