//! The parser's word lists, one file per meaning: the labels and role verbs of a
//! responsibility annotation ([`annotations`]), the words of an agency's name
//! ([`agencies`]), the cities agencies belong to ([`places`], from `data/cities.txt`),
//! section titles ([`sections`]), document kinds ([`documents`]), units and comparators
//! ([`quantities`]), goal and current words ([`goals`]), the words of a figure's clause
//! ([`clauses`]), condition words ([`conditions`]) and year words ([`time`]).
//!
//! Every other parse module takes its words from here: a word is added in one place, and no
//! module keeps a table of first chars in step with a list by hand. How a list is matched
//! depends on the text it is matched in:
//! - the cities, searched in titles, issuers and names, are one `aho_corasick` automaton
//!   built once; the short lists asked about names and labels are a [`WordSet`] (a
//!   measured speed trick: its doc comment gives the figures);
//! - lists the target extraction reads around a figure are searched in the document held
//!   as `char`s, where positions are char indices: they are prepared once as
//!   [`Keywords`](crate::parse::scan::Keywords) by their reader;
//! - small sets tested by exact lookup (a suffix, a prefix) stay slices.

pub mod agencies;
pub mod annotations;
pub mod clauses;
pub mod conditions;
pub mod documents;
pub mod goals;
pub mod places;
pub mod quantities;
pub mod sections;
pub mod time;

/// A short word list searched in short strings (names, labels): the words with the set of
/// their first chars, derived from the list when it is prepared, so a place where no word
/// can start is passed over with one lookup and the words are compared only where one may.
///
/// A speed trick kept on purpose, measured with the parse bench (10 passes, instructions
/// counted by callgrind): with the annotation labels, the own-marker words and the
/// not-place words each matched through an `aho_corasick` automaton instead, parsing cost
/// 112.9 M instructions with noncontiguous NFAs stepped byte by byte (0.7 M of it building
/// them), 113.8 M with DFAs (2.1 M building them) and 114.5 M through `AhoCorasick::find`,
/// against 111.9 M with this set (111.2 M with the hand-kept first-char tables it
/// replaced), for lists of 4 to 37 words asked about strings of a few dozen bytes.
#[derive(Debug)]
pub struct WordSet {
    words: &'static [&'static str],
    /// First chars of the words, sorted, without repeats.
    initials: Vec<char>,
}

impl WordSet {
    /// Prepares `words` (none empty).
    pub fn new(words: &'static [&'static str]) -> WordSet {
        let mut initials: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        initials.sort_unstable();
        initials.dedup();
        WordSet { words, initials }
    }

    fn may_open(&self, c: char) -> bool {
        self.initials.binary_search(&c).is_ok()
    }

    /// The first word of the list that opens `s`, as its index in the list.
    pub fn opening(&self, s: &str) -> Option<usize> {
        let c = s.chars().next()?;
        if !self.may_open(c) {
            return None;
        }
        self.words.iter().position(|w| s.starts_with(w))
    }

    /// Whether any word occurs in `s`.
    pub fn occurs_in(&self, s: &str) -> bool {
        s.char_indices()
            .any(|(i, c)| self.may_open(c) && self.words.iter().any(|w| s[i..].starts_with(w)))
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_figures;
