//! Import and query at scale. A synthetic corpus (generated from the bundled documents,
//! fixed seed, made while it is imported) goes into a new database through
//! `Store::import_many`: wall time, documents per second, database size and the process's
//! peak memory (Linux `VmHWM`) are printed. Criterion then times the queries behind each
//! view and full-text searches of 1, 2, 4 and 8 characters on that database.
//!
//! `ZONECOMPARE_BENCH_DOCS` sets the document count (default 1,000; 10,000 for the scale
//! budget); `ZONECOMPARE_BENCH_DIR` keeps the database in that folder.

use std::hint::black_box;
use std::path::Path;
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

/// Peak resident memory of this process in MB (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time (user + system, all threads) this process has used, in seconds (Linux only;
/// assumes the usual 100 clock ticks per second). On a shared machine this tells the work
/// done apart from the time spent waiting for a core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn db_size_mb(path: &Path) -> f64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len() as f64 / 1e6)
        .sum()
}

/// Imports the synthetic corpus into a new database and reports what it took.
fn build(dir: &Path) -> Store {
    let n = doc_count();
    let path = dir.join("bench.sqlite");
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).expect("open");
    let bytes: usize = synth::SynthStream::new(SEED, n)
        .map(|d| d.bytes.len())
        .sum();
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let imported = synth::import_generated(&mut store, SEED, n).expect("import");
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.1} s", b - a),
        _ => "n/a".to_string(),
    };
    let rss = peak_rss_mb().map_or("n/a".to_string(), |mb| format!("{mb:.0} MB"));
    let measures = store.measures(&Filter::default()).expect("measures").len();
    let targets = store.targets(&Filter::default()).expect("targets").len();
    eprintln!(
        "import: {imported} documents ({:.1} MB of text) in {elapsed:.2} s = {:.0} docs/s \
         (CPU time {cpu}); database {:.1} MB; peak RSS {rss}; {measures} measures, \
         {targets} targets",
        bytes as f64 / 1e6,
        imported as f64 / elapsed,
        db_size_mb(&path),
    );
    store
}

fn bench_queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = std::env::var_os("ZONECOMPARE_BENCH_DIR").map(std::path::PathBuf::from);
    let store = build(keep.as_deref().unwrap_or(dir.path()));
    let n = doc_count();
    let mut group = c.benchmark_group(format!("query_{n}_docs"));
    group.sample_size(20);
    // Overview: every zone with documents, counts and top themes (theme x zone).
    group.bench_function("overview_zones_summary", |b| {
        b.iter(|| black_box(store.zones().expect("q")))
    });
    let zones: Vec<String> = store
        .zones()
        .expect("zones")
        .iter()
        .rev()
        .take(4)
        .map(|z| z.zone.slug.clone())
        .collect();
    // Compare: one indicator's targets across four zones.
    let compare = Filter {
        zones: zones.clone(),
        indicator: Some("high_tech_enterprises".into()),
        ..Filter::default()
    };
    group.bench_function("compare_indicator_4_zones", |b| {
        b.iter(|| black_box(store.targets(black_box(&compare)).expect("q")))
    });
    // Targets table: every target of four zones, and one indicator over all zones.
    let four = Filter {
        zones: zones.clone(),
        ..Filter::default()
    };
    group.bench_function("targets_table_4_zones", |b| {
        b.iter(|| black_box(store.targets(black_box(&four)).expect("q")))
    });
    let by_indicator = Filter {
        indicator: Some("high_tech_enterprises".into()),
        ..Filter::default()
    };
    group.bench_function("targets_by_indicator_all_zones", |b| {
        b.iter(|| black_box(store.targets(black_box(&by_indicator)).expect("q")))
    });
    group.bench_function("measures_4_zones", |b| {
        b.iter(|| black_box(store.measures(black_box(&four)).expect("q")))
    });
    // Agency view: lead / co-owner counts, all zones and filtered by theme.
    group.bench_function("agency_load_all_zones", |b| {
        b.iter(|| black_box(store.agency_load(&Filter::default()).expect("q")))
    });
    let by_theme = Filter {
        theme: Some("talent".into()),
        zones,
        ..Filter::default()
    };
    group.bench_function("agency_load_theme_4_zones", |b| {
        b.iter(|| black_box(store.agency_load(black_box(&by_theme)).expect("q")))
    });
    for q in ["人", "人才", "创新中心", "离岸创新中心建设"] {
        let f = Filter {
            search: Some(q.into()),
            limit: Some(200),
            ..Filter::default()
        };
        let all = Filter {
            limit: None,
            ..f.clone()
        };
        let hits = store.measures(&all).expect("search").len();
        eprintln!(
            "search {q} ({} chars): {hits} measures; timed with limit 200",
            q.chars().count()
        );
        group.bench_function(format!("search_{}_chars", q.chars().count()), |b| {
            b.iter(|| black_box(store.measures(black_box(&f)).expect("q")))
        });
    }
    group.finish();
    if let Some(mb) = peak_rss_mb() {
        eprintln!("peak RSS after the queries: {mb:.0} MB");
    }
}

criterion_group!(benches, bench_queries);
criterion_main!(benches);
