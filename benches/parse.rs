//! Parse throughput on the bundled corpus: cleaning + parsing, single thread.
//! Reports MB/s of Chinese text (criterion's throughput in bytes of UTF-8 input).
//!
//! On a shared machine wall-clock times vary with the load; for a CPU-time figure set
//! `ZC_PARSE_ROUNDS=N`: the binary then parses the corpus N times without criterion and
//! exits, so `perf stat -e task-clock` (or any CPU-time tool) gives seconds per N rounds.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zonecompare::{catalog::Catalog, ingest, parse};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&p).expect("corpus file readable"))
        })
        .collect()
}

fn bench_parse(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    let docs = corpus();
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let texts: Vec<String> = docs
        .iter()
        .map(|(name, bytes)| {
            ingest::ingest_bytes(Path::new(name), bytes)
                .expect("corpus ingests")
                .text
        })
        .collect();

    if let Some(rounds) = std::env::var("ZC_PARSE_ROUNDS")
        .ok()
        .and_then(|r| r.parse::<usize>().ok())
    {
        for _ in 0..rounds {
            for t in &texts {
                black_box(parse::parse_text(black_box(t), catalog));
            }
        }
        println!("parsed {} bytes {rounds} times", total);
        std::process::exit(0);
    }
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("parse_text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(parse::parse_text(black_box(t), catalog));
            }
        })
    });
    group.bench_function("ingest_and_parse", |b| {
        b.iter(|| {
            for (name, bytes) in &docs {
                let ing = ingest::ingest_bytes(Path::new(name), black_box(bytes)).expect("ingests");
                black_box(parse::parse_text(&ing.text, catalog));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
