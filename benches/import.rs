//! Import and query at scale. First the import a user runs: a synthetic corpus (generated
//! from the bundled documents, fixed seed) is written as files into a folder, one
//! sub-folder per zone, and `zonecompare import DIR --new-zone …` imports it into a new
//! database; its wall time and CPU time (user + system of the process) are printed, then
//! those of a second run, which finds every file already present. Then the query database:
//! the same corpus, its zones kept apart, goes into another database through
//! `Store::import_many` (the writer `zonecompare import` uses): wall time, CPU time,
//! documents per second, database size and the process's peak memory (Linux `VmHWM`) are
//! printed. Criterion then times the queries behind each view and full-text searches of 1,
//! 2, 4 and 8 characters on that database.
//!
//! `ZONECOMPARE_BENCH_DOCS` sets the document count (default 1,000; 10,000 for the scale
//! budget); `ZONECOMPARE_BENCH_DIR` keeps the database (`bench.sqlite`) in that folder;
//! with `ZONECOMPARE_BENCH_REUSE=1` a database already there is queried without importing
//! again (it is migrated first when it is older).

#[path = "common/cpu.rs"]
mod cpu;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use zonecompare::analysis::diff::{Version, diff};
use zonecompare::analysis::presence::{Dimension, presence};
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

/// Times `f` with criterion (wall clock) and prints its median CPU time over 15 calls: on a
/// machine shared with other builds the wall clock also counts waiting for a core.
fn bench<T>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    mut f: impl FnMut() -> T,
) {
    let mut cpu: Vec<Duration> = (0..15)
        .map(|_| {
            let a = cpu::thread_cpu();
            black_box(f());
            cpu::thread_cpu().saturating_sub(a)
        })
        .collect();
    cpu.sort_unstable();
    eprintln!(
        "cpu {name}: median {:.2} ms, max {:.2} ms",
        cpu[cpu.len() / 2].as_secs_f64() * 1e3,
        cpu[cpu.len() - 1].as_secs_f64() * 1e3
    );
    group.bench_function(name, |b| b.iter(|| black_box(f())));
}

/// CPU time (user + system) of the children this process has waited for, in seconds
/// (Linux only; 100 clock ticks per second as in [`cpu_seconds`]).
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let cutime: f64 = fields.get(13)?.parse().ok()?;
    let cstime: f64 = fields.get(14)?.parse().ok()?;
    Some((cutime + cstime) / 100.0)
}

/// Runs `zonecompare --db DB import DIR --new-zone NAME` and prints its wall and CPU time.
fn time_cli_import(db: &Path, corpus: &Path, what: &str) {
    let cpu_start = children_cpu_seconds();
    let start = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zonecompare"))
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(corpus)
        .args(["--new-zone", "Bench Corpus"])
        .env_remove("ZONECOMPARE_DB")
        .output()
        .expect("zonecompare runs");
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, children_cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.1} s", b - a),
        _ => "n/a".to_string(),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary = stderr.lines().rev().find(|l| l.contains(" imported, "));
    assert!(out.status.success(), "zonecompare import failed: {stderr}");
    eprintln!(
        "zonecompare import DIR, {what}: {elapsed:.2} s wall, {cpu} CPU; {}",
        summary.unwrap_or("no summary line")
    );
}

/// Writes the synthetic corpus as files under `dir/corpus/<zone>/` and times the CLI's
/// import of that folder into a new database, twice (the second run adds nothing).
fn cli_import(dir: &Path) {
    let n = doc_count();
    let corpus = dir.join("corpus");
    let db = dir.join("cli.sqlite");
    let _ = std::fs::remove_dir_all(&corpus);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    for d in synth::SynthStream::new(SEED, n) {
        let folder = corpus.join(&d.zone_slug);
        std::fs::create_dir_all(&folder).expect("corpus folder");
        std::fs::write(folder.join(&d.name), &d.bytes).expect("corpus file");
    }
    time_cli_import(&db, &corpus, &format!("{n} new documents"));
    time_cli_import(&db, &corpus, "again (nothing new)");
}

/// Imports the synthetic corpus into a new database (or reuses the kept one) and reports
/// what it took.
fn build(dir: &Path) -> Store {
    let n = doc_count();
    let path = dir.join("bench.sqlite");
    let reuse = std::env::var_os("ZONECOMPARE_BENCH_REUSE").is_some() && path.exists();
    if !reuse {
        cli_import(dir);
    }
    if reuse {
        let start = Instant::now();
        let store = Store::open(&path).expect("open kept database");
        eprintln!(
            "reusing {} (opened in {:.2} s); database {:.1} MB",
            path.display(),
            start.elapsed().as_secs_f64(),
            db_size_mb(&path)
        );
        return store;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).expect("open");
    // The import below generates every file again while it imports them: this pass tells
    // how much of its CPU time is the generator's rather than the import's.
    let gen_start = cpu_seconds();
    let bytes: usize = synth::SynthStream::new(SEED, n)
        .map(|d| d.bytes.len())
        .sum();
    if let (Some(a), Some(b)) = (gen_start, cpu_seconds()) {
        eprintln!(
            "generating the corpus alone: {:.1} s CPU (included in the import's CPU time)",
            b - a
        );
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let imported = synth::import_generated(&mut store, SEED, n).expect("import");
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.1} s", b - a),
        _ => "n/a".to_string(),
    };
    let rss = peak_rss_mb().map_or("n/a".to_string(), |mb| format!("{mb:.0} MB"));
    eprintln!(
        "import: {imported} documents ({:.1} MB of text) in {elapsed:.2} s = {:.0} docs/s \
         (CPU time {cpu}); database {:.1} MB; peak RSS of the import {rss}",
        bytes as f64 / 1e6,
        imported as f64 / elapsed,
        db_size_mb(&path),
    );
    store
}

/// The four most recently created zones (what a user comparing zones ticks).
fn four_zones(store: &Store) -> Vec<String> {
    let zones = store.zones().expect("zones");
    let measures: usize = zones.iter().map(|z| z.measure_count).sum();
    let targets: usize = zones.iter().map(|z| z.target_count).sum();
    let docs: usize = zones.iter().map(|z| z.documents.len()).sum();
    eprintln!(
        "database: {} zones, {docs} documents, {measures} measures, {targets} targets",
        zones.len()
    );
    zones
        .iter()
        .rev()
        .take(4)
        .map(|z| z.zone.slug.clone())
        .collect()
}

fn bench_queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = std::env::var_os("ZONECOMPARE_BENCH_DIR").map(std::path::PathBuf::from);
    let store = build(keep.as_deref().unwrap_or(dir.path()));
    let n = doc_count();
    let zones = four_zones(&store);
    let mut group = c.benchmark_group(format!("query_{n}_docs"));
    group.sample_size(20);
    // Overview: every zone's counts, then the documents and themes of the first cards and
    // the ticked zones (what the first overview load reads), of one more screen of cards
    // when scrolling, and the values of the filter lists. Every zone with every document
    // and theme at once is what the `zones` command reads.
    bench(&mut group, "overview_zone_briefs", || {
        store.zone_briefs().expect("q")
    });
    let mut first: Vec<String> = store
        .zone_briefs()
        .expect("q")
        .iter()
        .take(48)
        .map(|z| z.zone.slug.clone())
        .collect();
    first.extend(zones.iter().cloned());
    bench(&mut group, "overview_first_details_48_zones", || {
        store.zone_details(black_box(&first)).expect("q")
    });
    let screen: Vec<String> = store
        .zone_briefs()
        .expect("q")
        .iter()
        .skip(1000)
        .take(12)
        .map(|z| z.zone.slug.clone())
        .collect();
    bench(&mut group, "overview_card_page_12_zones", || {
        store.zone_details(black_box(&screen)).expect("q")
    });
    bench(&mut group, "zones_command_all_details", || {
        store.zones().expect("q")
    });
    bench(&mut group, "overview_filter_lists", || {
        store.facets().expect("q")
    });
    // Compare: one indicator's targets across four zones; one theme's measures.
    let compare = Filter {
        zones: zones.clone(),
        indicator: Some("high_tech_enterprises".into()),
        ..Filter::default()
    };
    bench(&mut group, "compare_indicator_4_zones", || {
        store.targets(black_box(&compare)).expect("q")
    });
    let by_theme = Filter {
        theme: Some("talent".into()),
        zones: zones.clone(),
        ..Filter::default()
    };
    bench(&mut group, "compare_theme_4_zones", || {
        store.measures(black_box(&by_theme)).expect("q")
    });
    // Targets table: every target of four zones, and one indicator over all zones.
    let four = Filter {
        zones: zones.clone(),
        ..Filter::default()
    };
    bench(&mut group, "targets_table_4_zones", || {
        store.targets(black_box(&four)).expect("q")
    });
    bench(&mut group, "statistics_4_zones", || {
        store.statistics(black_box(&four)).expect("q")
    });
    let by_indicator = Filter {
        indicator: Some("high_tech_enterprises".into()),
        ..Filter::default()
    };
    bench(&mut group, "targets_by_indicator_all_zones", || {
        store.targets(black_box(&by_indicator)).expect("q")
    });
    let by_indicator_page = Filter {
        limit: Some(200),
        ..by_indicator.clone()
    };
    bench(
        &mut group,
        "targets_by_indicator_all_zones_first_200",
        || store.targets(black_box(&by_indicator_page)).expect("q"),
    );
    bench(&mut group, "measures_4_zones", || {
        store.measures(black_box(&four)).expect("q")
    });
    // Agency view: lead / co-owner counts of the ticked zones, with and without a theme;
    // all zones at once is what the view never asks (it shows ticked zones only).
    bench(&mut group, "agency_load_4_zones", || {
        store.agency_load(black_box(&four)).expect("q")
    });
    bench(&mut group, "agency_load_theme_4_zones", || {
        store.agency_load(black_box(&by_theme)).expect("q")
    });
    bench(&mut group, "agency_load_all_zones", || {
        store.agency_load(&Filter::default()).expect("q")
    });
    // With no zone ticked the views load a first page of rows (500 and one).
    let page = Filter {
        limit: Some(501),
        ..Filter::default()
    };
    bench(&mut group, "no_zone_ticked_first_page", || {
        let m = store.measures(black_box(&page)).expect("q");
        (m, store.targets(black_box(&page)).expect("q"))
    });
    // Reader: one document's text and outline, its rows for the highlights, and the
    // picker's list of every document title.
    let doc_id = store.zones().expect("zones")[0].documents[0].id;
    bench(&mut group, "reader_document", || {
        store.document(black_box(doc_id)).expect("q")
    });
    let one_document = Filter {
        document: Some(doc_id),
        ..Filter::default()
    };
    bench(&mut group, "reader_document_highlights", || {
        let m = store.measures(black_box(&one_document)).expect("q");
        (m, store.targets(black_box(&one_document)).expect("q"))
    });
    bench(&mut group, "reader_document_titles", || {
        store.document_titles().expect("q")
    });
    // Compare's line-ups of the ticked zones (`compare --by`): the rows and the table.
    for (name, dimension) in [
        ("presence_theme_4_zones", Dimension::Theme),
        ("presence_indicator_4_zones", Dimension::Indicator),
        ("presence_instrument_4_zones", Dimension::Instrument),
        ("presence_agency_4_zones", Dimension::Agency),
    ] {
        bench(&mut group, name, || {
            let (m, t) = match dimension {
                Dimension::Indicator => (Vec::new(), store.targets(black_box(&four)).expect("q")),
                _ => (store.measures(black_box(&four)).expect("q"), Vec::new()),
            };
            presence(&m, &t, &zones, dimension)
        });
    }
    // Diff view: two stored documents read and compared.
    let docs = store.zones().expect("zones");
    let pair: Vec<i64> = docs
        .iter()
        .flat_map(|z| z.documents.iter().map(|d| d.id))
        .take(2)
        .collect();
    bench(&mut group, "diff_two_documents", || {
        let version = |id: i64| {
            let f = Filter {
                document: Some(id),
                ..Filter::default()
            };
            Version::from_rows(
                "",
                &store.measures(&f).expect("q"),
                &store.targets(&f).expect("q"),
            )
        };
        diff(&version(pair[0]), &version(pair[1]))
    });
    bench_searches(&mut group, &store, &zones);
    group.finish();
    if let Some(mb) = peak_rss_mb() {
        eprintln!("peak RSS after the queries: {mb:.0} MB");
    }
}

/// Searches of 1, 2, 4 and 8 characters over every zone (first 200 hits, as a list shows)
/// and within the four ticked zones (all hits), plus a rare character (the `LIKE` scan's
/// worst case).
fn bench_searches(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    store: &Store,
    zones: &[String],
) {
    for q in ["人", "人才", "创新中心", "离岸创新中心建设", "鲲"] {
        let chars = q.chars().count();
        let page = Filter {
            search: Some(q.into()),
            limit: Some(200),
            ..Filter::default()
        };
        let all = Filter {
            limit: None,
            ..page.clone()
        };
        let ticked = Filter {
            zones: zones.to_vec(),
            ..all.clone()
        };
        let hits = store.measures(&all).expect("search").len();
        let ticked_hits = store.measures(&ticked).expect("search").len();
        eprintln!(
            "search {q} ({chars} chars): {hits} measures in all zones, {ticked_hits} in the \
             four ticked zones"
        );
        let name = if q == "鲲" {
            "search_rare_1_char".to_string()
        } else {
            format!("search_{chars}_chars")
        };
        bench(group, &format!("{name}_first_200"), || {
            store.measures(black_box(&page)).expect("q")
        });
        bench(group, &format!("{name}_4_zones"), || {
            store.measures(black_box(&ticked)).expect("q")
        });
    }
}

criterion_group!(benches, bench_queries);
criterion_main!(benches);
