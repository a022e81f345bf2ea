//! Parse throughput on the bundled corpus: cleaning + parsing, single thread.
//! Reports MB/s of Chinese text (criterion's throughput in bytes of UTF-8 input).
//!
//! With `ZONECOMPARE_PARSE_PASSES=N` set, the binary skips criterion and parses the corpus
//! N times, for a profiler (`valgrind --tool=callgrind --toggle-collect='*parse_text*'`) to
//! count instructions per byte without the statistics machinery around it.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group};
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
    let catalog = Catalog::in_use();
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

/// Parses the cleaned corpus `passes` times and prints how many bytes that was.
fn profile_passes(passes: usize) {
    let catalog = Catalog::in_use();
    let texts: Vec<String> = corpus()
        .iter()
        .map(|(name, bytes)| {
            ingest::ingest_bytes(Path::new(name), bytes)
                .expect("corpus ingests")
                .text
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    for _ in 0..passes {
        for t in &texts {
            black_box(parse::parse_text(black_box(t), catalog));
        }
    }
    println!("parsed {passes} x {bytes} bytes of cleaned text");
}

criterion_group!(benches, bench_parse);

fn main() {
    match std::env::var("ZONECOMPARE_PARSE_PASSES") {
        Ok(n) => profile_passes(n.parse().expect("ZONECOMPARE_PARSE_PASSES is a count")),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
