//! Import and query at scale: a synthetic corpus of 1,000 documents (generated from the
//! bundled ones, fixed seed) is imported once into a new database — wall time and database
//! size are printed — then criterion times the comparison queries and full-text searches
//! of 1, 2, 4 and 8 characters on it.
//!
//! `ZONECOMPARE_BENCH_DOCS` overrides the document count (e.g. 10000 for the scale budget).

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use zonecompare::store::Store;
use zonecompare::store::rows::Filter;
use zonecompare::store::synth;

const SEED: u64 = 20_260_101;

fn doc_count() -> usize {
    std::env::var("ZONECOMPARE_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
}

/// Imports the synthetic corpus into a new database and reports what it took.
fn build(dir: &std::path::Path) -> Store {
    let n = doc_count();
    let corpus = synth::generate(SEED, n);
    let bytes: usize = corpus.documents.iter().map(|d| d.bytes.len()).sum();
    let start = Instant::now();
    for d in &corpus.documents {
        let ing = zonecompare::ingest::ingest_bytes(std::path::Path::new(&d.name), &d.bytes)
            .expect("ingest");
        black_box(zonecompare::parse::parse_text(
            &ing.text,
            zonecompare::catalog::Catalog::bundled(),
        ));
    }
    let parse_s = start.elapsed().as_secs_f64();
    eprintln!(
        "ingest+parse alone: {parse_s:.2} s = {:.1} MB/s",
        bytes as f64 / 1e6 / parse_s
    );
    let path = dir.join("bench.sqlite");
    let mut store = Store::open(&path).expect("open");
    let start = Instant::now();
    let imported = synth::import_all(&mut store, &corpus).expect("import");
    let elapsed = start.elapsed();
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    let measures = store.measures(&Filter::default()).expect("measures").len();
    let targets = store.targets(&Filter::default()).expect("targets").len();
    eprintln!(
        "import: {imported} documents ({:.1} MB of text) in {:.2} s = {:.0} docs/s; \
         database {:.1} MB; {measures} measures, {targets} targets, {} zones",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        imported as f64 / elapsed.as_secs_f64(),
        size as f64 / 1e6,
        corpus.zones.len() + 4,
    );
    store
}

fn bench_queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    // ZONECOMPARE_BENCH_DIR keeps the database for inspection.
    let keep = std::env::var_os("ZONECOMPARE_BENCH_DIR").map(std::path::PathBuf::from);
    let store = build(keep.as_deref().unwrap_or(dir.path()));
    let n = doc_count();
    let mut group = c.benchmark_group(format!("query_{n}_docs"));
    group.sample_size(20);
    let by_indicator = Filter {
        indicator: Some("high_tech_enterprises".into()),
        ..Filter::default()
    };
    group.bench_function("targets_by_indicator_all_zones", |b| {
        b.iter(|| black_box(store.targets(black_box(&by_indicator)).expect("q")))
    });
    let zones: Vec<String> = store
        .zones()
        .expect("zones")
        .iter()
        .take(4)
        .map(|z| z.zone.slug.clone())
        .collect();
    let four = Filter {
        zones,
        ..Filter::default()
    };
    group.bench_function("targets_of_4_zones", |b| {
        b.iter(|| black_box(store.targets(black_box(&four)).expect("q")))
    });
    group.bench_function("zones_theme_counts", |b| {
        b.iter(|| black_box(store.zones().expect("q")))
    });
    group.bench_function("agency_load_all_zones", |b| {
        b.iter(|| black_box(store.agency_load(&Filter::default()).expect("q")))
    });
    for q in ["人", "人才", "创新中心", "离岸创新中心建设"] {
        let f = Filter {
            search: Some(q.into()),
            ..Filter::default()
        };
        let hits = store.measures(&f).expect("search").len();
        eprintln!("search {q} ({} chars): {hits} measures", q.chars().count());
        group.bench_function(format!("search_{}_chars", q.chars().count()), |b| {
            b.iter(|| black_box(store.measures(black_box(&f)).expect("q")))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_queries);
criterion_main!(benches);
