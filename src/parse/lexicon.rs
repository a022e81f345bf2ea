//! The parser's word lists, grouped by what the words mean in a planning document: the
//! labels and verbs of a responsibility annotation, the words that make up an agency's
//! name, and the cities agencies belong to. Each group is one file; a list matched against
//! text (does any word occur, and where) is one `aho_corasick` automaton built once, and a
//! small set tested by exact lookup (a suffix, a prefix) stays a slice beside it.
//!
//! Every other parse module takes its words from here, so a word is added in one place and
//! no module keeps a table of first chars in step with a list by hand.

pub mod agencies;
pub mod annotations;
pub mod places;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

/// One automaton over `words`, reporting the leftmost match (the longest one there). The
/// lists are short and searched in short strings (names, labels), so the automaton is a
/// DFA without a prefilter: cheapest per search, and built once a process.
fn automaton(words: &[&str], start: StartKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(start)
        .prefilter(false)
        .build(words)
        .unwrap_or_else(|e| panic!("a word list builds an automaton: {e}"))
}

#[cfg(test)]
mod tests;
