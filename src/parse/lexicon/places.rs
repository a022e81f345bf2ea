//! Cities that agencies belong to (`市科技局` of a 沈阳 plan is 沈阳's). The list is data,
//! `data/cities.txt`, so an analyst can extend it without touching code.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Cities recognised for agency names (`data/cities.txt`: one a line, `#` opens a comment
/// line); the bundled corpus needs 沈阳, 大连 and 重庆.
pub static CITIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/cities.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// [`CITIES`] as one automaton: the leftmost name wins, and at one place the earlier line.
static CITY_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Searched over titles, issuers and agency names only (short): the automaton that is
    // cheapest to build (the default one cost 1.7 M instructions to build, once a process).
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .prefilter(false)
        .build(CITIES.iter())
        .unwrap_or_else(|e| panic!("the city list builds an automaton: {e}"))
});

/// The first city of [`CITIES`] named in `s` (earliest occurrence).
pub fn city_in(s: &str) -> Option<&'static str> {
    CITY_FINDER.find(s).map(|m| CITIES[m.pattern().as_usize()])
}

/// The city of [`CITIES`] named most often in `text` (one pass over the text). A speed
/// trick kept on purpose: over a whole document, testing each char against the sorted
/// initials of the cities and only then the names costs 1.7 M fewer instructions per 10
/// passes of the parse bench than a `find_iter` of an automaton built for a long text.
pub fn most_frequent_city(text: &str) -> Option<&'static str> {
    static INITIALS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut v: Vec<char> = CITIES.iter().filter_map(|c| c.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let mut counts = vec![0usize; CITIES.len()];
    for (i, c) in text.char_indices() {
        if INITIALS.binary_search(&c).is_err() {
            continue;
        }
        if let Some(k) = CITIES.iter().position(|city| text[i..].starts_with(city)) {
            counts[k] += 1;
        }
    }
    let best = (0..CITIES.len()).max_by_key(|&k| (counts[k], usize::MAX - k))?;
    (counts[best] > 0).then_some(CITIES[best])
}
