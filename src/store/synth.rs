//! Synthetic corpus for benchmarks and scale tests: documents recombined from the bundled
//! ones with other cities, zone names, agency spellings, figures and years, following the
//! same conventions (numbering and `(责任单位:…)` annotations are kept). Deterministic for
//! a seed.

use super::rows::ImportOutcome;
use super::{BulkFile, Store, seed};
use crate::error::Result;
use crate::model::Zone;

/// Cities the synthetic zones are placed in (replacing the corpus cities).
const CITIES: &[&str] = &[
    "苏州",
    "成都",
    "武汉",
    "西安",
    "合肥",
    "青岛",
    "长沙",
    "郑州",
    "宁波",
    "厦门",
    "济南",
    "南京",
    "杭州",
    "天津",
    "福州",
    "昆明",
    "南昌",
    "太原",
    "长春",
    "哈尔滨",
    "石家庄",
    "贵阳",
];

/// Kinds of zone, with the slug word used for them.
const KINDS: &[(&str, &str, &str)] = &[
    ("高新技术产业开发区", "htz", "high_tech_zone"),
    ("经济技术开发区", "etdz", "industrial_park"),
    ("国际合作产业园", "park", "industrial_park"),
    ("新区", "new-area", "new_area"),
];

/// Corpus city names replaced by the synthetic zone's city.
const CORPUS_CITIES: &[&str] = &["沈阳", "大连", "重庆"];

/// Agency spellings swapped for their aliases in some documents.
const AGENCY_VARIANTS: &[(&str, &str)] = &[
    ("市发展改革委", "市发改委"),
    ("市科技局", "市科学技术局"),
    ("市工业和信息化局", "市工信局"),
    ("市人力资源社会保障局", "市人社局"),
    ("市商务局", "市商务委"),
];

/// Characters after a figure that make it a quantity (scaled in synthetic documents).
const UNIT_STARTS: &str = "家户个亿万%平人名项件次强所座倍千百";

/// A synthetic zone and the documents generated for it.
#[derive(Debug, Clone)]
pub struct SynthCorpus {
    pub zones: Vec<Zone>,
    pub documents: Vec<SynthDocument>,
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct SynthDocument {
    pub zone_slug: String,
    /// File name (`.txt`).
    pub name: String,
    /// UTF-8 text.
    pub bytes: Vec<u8>,
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Generates `n` documents spread over about `n / 5` zones (at least one), from `seed`.
pub fn generate(seed: u64, n: usize) -> SynthCorpus {
    let stream = SynthStream::new(seed, n);
    let zones = stream.zones.clone();
    SynthCorpus {
        zones,
        documents: stream.collect(),
    }
}

/// The documents of [`generate`] made one at a time (same seed, same documents), so a
/// large corpus need not be held in memory.
pub struct SynthStream {
    rng: Rng,
    /// The corpus's zones, made first.
    pub zones: Vec<Zone>,
    bundled: &'static [(&'static str, &'static [u8])],
    next: usize,
    n: usize,
}

impl SynthStream {
    /// A stream of `n` documents from `seed`.
    pub fn new(seed: u64, n: usize) -> SynthStream {
        let mut rng = Rng(seed);
        let zone_count = (n / 5).max(1);
        let zones: Vec<Zone> = (0..zone_count).map(|k| synth_zone(k, &mut rng)).collect();
        SynthStream {
            rng,
            zones,
            bundled: seed::bundled_documents(),
            next: 0,
            n,
        }
    }
}

impl Iterator for SynthStream {
    type Item = SynthDocument;

    fn next(&mut self) -> Option<SynthDocument> {
        if self.next >= self.n || self.bundled.is_empty() {
            return None;
        }
        let i = self.next;
        self.next += 1;
        let zone = &self.zones[i % self.zones.len()];
        let (base_name, base) = self.bundled[self.rng.below(self.bundled.len())];
        let base = String::from_utf8_lossy(base);
        let text = vary(&base, zone, i, &mut self.rng);
        let stem = base_name.split('_').next().unwrap_or("doc");
        Some(SynthDocument {
            zone_slug: zone.slug.clone(),
            name: format!("synth_{i:05}_{stem}.txt"),
            bytes: text.into_bytes(),
        })
    }
}

fn synth_zone(k: usize, rng: &mut Rng) -> Zone {
    let city = CITIES[rng.below(CITIES.len())];
    let (kind_zh, kind_slug, kind) = KINDS[rng.below(KINDS.len())];
    Zone {
        slug: format!("synth-{k:04}-{kind_slug}"),
        name_zh: format!("{city}{kind_zh}({k})"),
        name_en: format!("Synthetic zone {k}"),
        city: city.to_string(),
        province: String::new(),
        level: "national".into(),
        kind: kind.into(),
        documents: Vec::new(),
    }
}

/// The base text with the zone's city, varied agency spellings, scaled figures and shifted
/// years, plus a serial line so every document has its own content.
fn vary(base: &str, zone: &Zone, serial: usize, rng: &mut Rng) -> String {
    let mut text = base.to_string();
    for c in CORPUS_CITIES {
        text = text.replace(c, &zone.city);
    }
    for (a, b) in AGENCY_VARIANTS {
        if rng.below(2) == 0 {
            text = text.replace(a, b);
        }
    }
    let factor = 0.5 + rng.below(16) as f64 / 10.0;
    let year_shift = rng.below(9) as i64 - 4;
    let mut text = vary_figures(&text, factor, year_shift);
    text.push_str(&format!("\n(文件序号:{}-{serial})\n", zone.slug));
    text
}

/// Scales quantities (digits followed by a unit) by `factor` and shifts years (`20xx年`)
/// by `year_shift`; outline numbers (`1.`, `(2)`) and other digits stay as they are.
fn vary_figures(text: &str, factor: f64, year_shift: i64) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        // A decimal part belongs to the figure only when a digit follows the point.
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let figure: String = chars[start..i].iter().collect();
        let next = chars.get(i).copied().unwrap_or(' ');
        let is_year = figure.len() == 4 && (figure.starts_with("20") || figure.starts_with("19"));
        if is_year && next == '年' {
            let year: i64 = figure.parse().unwrap_or(2020);
            out.push_str(&(year + year_shift).to_string());
        } else if UNIT_STARTS.contains(next) {
            let value: f64 = figure.parse().unwrap_or(0.0);
            let scaled = value * factor;
            if figure.contains('.') {
                out.push_str(&format!("{scaled:.1}"));
            } else {
                out.push_str(&(scaled.round().max(1.0) as i64).to_string());
            }
        } else {
            out.push_str(&figure);
        }
    }
    out
}

/// Creates the corpus's zones in `store` and imports its documents (see
/// [`Store::import_many`]); returns the number of documents imported (already present ones
/// are not counted). The first file that cannot be stored stops it with that file's error.
pub fn import_all(store: &mut Store, corpus: &SynthCorpus) -> Result<usize> {
    create_zones(store, &corpus.zones)?;
    let files = corpus.documents.iter().map(|d| BulkFile {
        name: d.name.clone(),
        bytes: d.bytes.clone(),
        zone_slug: d.zone_slug.clone(),
    });
    count_imported(store.import_many(files)?)
}

/// Like [`import_all`] for `n` documents generated from `seed` while they are imported,
/// without holding the corpus in memory.
pub fn import_generated(store: &mut Store, seed: u64, n: usize) -> Result<usize> {
    let stream = SynthStream::new(seed, n);
    create_zones(store, &stream.zones)?;
    let files = stream.map(|d| BulkFile {
        name: d.name,
        bytes: d.bytes,
        zone_slug: d.zone_slug,
    });
    count_imported(store.import_many(files)?)
}

fn create_zones(store: &mut Store, zones: &[Zone]) -> Result<()> {
    for zone in zones {
        if store.zone(&zone.slug)?.is_none() {
            store.create_zone(zone)?;
        }
    }
    Ok(())
}

fn count_imported(outcomes: Vec<Result<ImportOutcome>>) -> Result<usize> {
    let mut imported = 0;
    for outcome in outcomes {
        if let ImportOutcome::Imported { .. } = outcome? {
            imported += 1;
        }
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_varied() {
        let a = generate(7, 20);
        let b = generate(7, 20);
        assert_eq!(a.documents.len(), 20);
        assert_eq!(a.zones.len(), 4);
        for (x, y) in a.documents.iter().zip(&b.documents) {
            assert_eq!(x.bytes, y.bytes);
        }
        let c = generate(8, 20);
        assert_ne!(a.documents[0].bytes, c.documents[0].bytes);
        let mut shas: Vec<String> = a
            .documents
            .iter()
            .map(|d| super::super::sha256_hex(&d.bytes))
            .collect();
        shas.sort();
        shas.dedup();
        assert_eq!(shas.len(), 20, "every document is distinct");
    }

    #[test]
    fn figures_and_years_change_but_numbering_stays() {
        let s = "1.到2025年,企业达到120户,面积3.2平方公里。\n(2)第二项";
        let v = vary_figures(s, 2.0, 1);
        assert_eq!(v, "1.到2026年,企业达到240户,面积6.4平方公里。\n(2)第二项");
    }
}
