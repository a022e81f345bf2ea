//! Keyword automata: one Aho-Corasick automaton per taxonomy, built once when the catalog
//! loads, reporting which entries (themes, indicators, instrument sub-types) a text mentions,
//! how often and how long the matching words are.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::error::{Error, Result};

/// One keyword found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry (theme, indicator…) the keyword belongs to.
    pub owner: usize,
    /// Byte offsets of the keyword in the folded text.
    pub start: usize,
    pub end: usize,
    /// Keyword length in characters.
    pub chars: usize,
}

/// Keywords of many entries, searched together in one pass.
#[derive(Debug, Clone)]
pub struct KeywordSet {
    automaton: DFA,
    /// Pattern id → (entries that listed this keyword, its length in characters).
    owners: Vec<(Vec<usize>, usize)>,
}

impl KeywordSet {
    /// Builds the automaton from each entry's keywords (already folded). `file` and `what`
    /// name the taxonomy in errors: an empty keyword is refused because it would match
    /// everywhere.
    pub fn build<'a, I, K>(file: &str, entries: I) -> Result<KeywordSet>
    where
        I: IntoIterator<Item = (&'a str, K)>,
        K: IntoIterator<Item = String>,
    {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<(Vec<usize>, usize)> = Vec::new();
        let mut by_pattern: HashMap<String, usize> = HashMap::new();
        for (owner, (id, keywords)) in entries.into_iter().enumerate() {
            for keyword in keywords {
                if keyword.is_empty() {
                    return Err(Error::Catalog {
                        file: file.to_string(),
                        message: format!("`{id}` has an empty keyword"),
                    });
                }
                let pattern = *by_pattern.entry(keyword.clone()).or_insert_with(|| {
                    owners.push((Vec::new(), keyword.chars().count()));
                    patterns.push(keyword);
                    patterns.len() - 1
                });
                if !owners[pattern].0.contains(&owner) {
                    owners[pattern].0.push(owner);
                }
            }
        }
        // A full DFA: a few hundred keywords make a table of a few hundred kilobytes, and
        // overlapping search over UTF-8 Chinese text runs several times faster than on the
        // default (contiguous NFA) automaton, which was the parser's largest cost. No
        // prefilter: Chinese keywords share their lead bytes with every char of the text.
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| Error::Catalog {
                file: file.to_string(),
                message: format!("keywords cannot be indexed: {e}"),
            })?;
        Ok(KeywordSet { automaton, owners })
    }

    /// Every keyword occurrence in `folded`, overlapping ones included, in text order.
    pub fn hits(&self, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let dfa = &self.automaton;
        let bytes = folded.as_bytes();
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return hits;
        };
        let mut end = 0;
        // Every pattern of a match state ends just past the byte that entered it.
        while let Some((at, state)) = run_to_match(dfa, sid, bytes, end) {
            (end, sid) = (at, state);
            for index in 0..dfa.match_len(sid) {
                let pattern = dfa.match_pattern(sid, index);
                let start = end - dfa.pattern_len(pattern);
                let (owners, chars) = &self.owners[pattern.as_usize()];
                hits.extend(owners.iter().map(|&owner| Hit {
                    owner,
                    start,
                    end,
                    chars: *chars,
                }));
            }
        }
        hits.sort_by_key(|h| (h.start, h.end, h.owner));
        hits
    }
}

/// Steps the automaton from state `sid` over `bytes[from..]` up to the next match state:
/// the offset just past the byte that entered it, and the state. Kept out of line from the
/// code recording matches so that this loop, which runs for every byte, stays a table
/// lookup and a comparison; the overlapping match iterator of `aho-corasick` costs several
/// times more per byte.
#[inline(never)]
fn run_to_match(
    dfa: &DFA,
    mut sid: StateID,
    bytes: &[u8],
    from: usize,
) -> Option<(usize, StateID)> {
    for (at, &byte) in bytes.iter().enumerate().skip(from) {
        sid = dfa.next_state(Anchored::No, sid, byte);
        // Without a prefilter the special states are the dead state (never entered by an
        // unanchored search) and the match states.
        if dfa.is_special(sid) {
            if dfa.is_match(sid) {
                return Some((at + 1, sid));
            }
            if dfa.is_dead(sid) {
                return None;
            }
        }
    }
    None
}

/// Hasher for small integer keys (entry indices, enum discriminants): one multiply.
/// Counting keyword mentions hashes a few keys per measure, where SipHash's setup cost was
/// a visible share of parse time.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexHasher(u64);

impl Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        // Spread the bits: the table uses the top bits as well as the low ones.
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = self.0.rotate_left(8) ^ n as u64;
    }
}

/// Map keyed by small integers, hashed by [`IndexHasher`].
pub type IndexMap<K, V> = HashMap<K, V, BuildHasherDefault<IndexHasher>>;

/// Number of separate places each entry is mentioned: keywords of one entry that overlap
/// (`高层次人才` and `人才`) count once. Returned as `(owner, count)` for owners with hits.
pub fn mention_counts<'h>(hits: impl IntoIterator<Item = &'h Hit>) -> IndexMap<usize, usize> {
    // (owner, end of its last stretch, count): a text names a handful of owners, so a short
    // list searched from its end beats two hash-map entries per hit.
    let mut owners: Vec<(usize, usize, usize)> = Vec::new();
    // `hits` is sorted by start, so a hit overlaps the owner's previous stretch exactly when
    // it starts before that stretch ends.
    for hit in hits {
        match owners.iter_mut().rev().find(|o| o.0 == hit.owner) {
            Some((_, end, counted)) if hit.start >= *end => {
                *counted += 1;
                *end = hit.end;
            }
            Some((_, end, _)) => *end = (*end).max(hit.end),
            None => owners.push((hit.owner, hit.end, 1)),
        }
    }
    owners.into_iter().map(|(o, _, n)| (o, n)).collect()
}

/// Owners ordered by mentions (most first), ties in catalog order, at most `limit`.
pub fn ranked<S>(counts: &HashMap<usize, usize, S>, limit: usize) -> Vec<(usize, usize)> {
    let mut ranked: Vec<(usize, usize)> = counts.iter().map(|(&o, &n)| (o, n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(entries: &[(&str, &[&str])]) -> KeywordSet {
        KeywordSet::build(
            "test.toml",
            entries
                .iter()
                .map(|(id, kws)| (*id, kws.iter().map(|k| k.to_string()))),
        )
        .unwrap()
    }

    #[test]
    fn shared_keywords_report_every_owner() {
        let s = set(&[("a", &["金融", "基金"]), ("b", &["金融"])]);
        let owners: Vec<usize> = s.hits("金融基金").iter().map(|h| h.owner).collect();
        assert_eq!(owners, vec![0, 1, 0]);
    }

    #[test]
    fn hits_are_every_overlapping_occurrence() {
        let entries: &[(&str, &[&str])] = &[
            ("a", &["人才", "高层次人才", "人才公寓"]),
            ("b", &["层次", "才", "人才"]),
            ("c", &["r&d", "d"]),
        ];
        let text = "引进高层次人才公寓人才r&d才人";
        let got: Vec<(usize, usize, usize)> = set(entries)
            .hits(text)
            .iter()
            .map(|h| (h.start, h.end, h.owner))
            .collect();
        // Every (start, end, owner) of every keyword occurrence, found by plain search.
        let mut want = Vec::new();
        for (owner, (_, kws)) in entries.iter().enumerate() {
            for kw in *kws {
                for (start, _) in text.match_indices(kw) {
                    want.push((start, start + kw.len(), owner));
                }
            }
        }
        want.sort();
        want.dedup();
        assert_eq!(got, want);
    }

    #[test]
    fn nested_keywords_of_one_owner_count_once() {
        let s = set(&[("talent", &["人才", "高层次人才"]), ("x", &["层次"])]);
        let counts = mention_counts(&s.hits("引进高层次人才和青年人才"));
        assert_eq!(counts[&0], 2);
        assert_eq!(counts[&1], 1);
    }

    #[test]
    fn ranking_breaks_ties_by_catalog_order() {
        let counts = HashMap::from([(3, 2), (1, 2), (0, 1), (2, 5)]);
        assert_eq!(ranked(&counts, 3), vec![(2, 5), (1, 2), (3, 2)]);
    }

    #[test]
    fn empty_keyword_is_refused_with_the_file_name() {
        let err = KeywordSet::build("themes.toml", [("talent", vec![String::new()])]);
        let msg = err.unwrap_err().to_string();
        assert!(
            msg.contains("themes.toml") && msg.contains("talent"),
            "{msg}"
        );
    }
}
