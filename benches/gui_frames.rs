//! GUI frame time per view, driving the real app headless with egui_kittest (no window, no
//! GPU): for each view, the CPU time of each frame's UI code plus tessellation of what it
//! drew (what the app spends on the CPU per frame before the GPU draws), over many frames.
//! Prints CPU p50 / p95 / max and wall p50 / p95 per view, the time the first data refresh took (the background
//! queries behind the Overview and the filtered views) and the process's peak memory.
//!
//! `ZONECOMPARE_BENCH_DB=PATH` measures that database (e.g. the 10,000-document one the
//! import bench keeps); without it a new database with the bundled corpus is used.
//! `ZONECOMPARE_BENCH_FRAMES` sets the frames per view (default 200).

#[path = "common/cpu.rs"]
mod cpu;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use zonecompare::gui::App;
use zonecompare::gui::command::Command;
use zonecompare::gui::state::{Prefs, View};

/// Peak resident memory of this process in MB (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Waits for every query and job, then lets the UI draw the result.
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..50 {
        h.state_mut().wait_for_jobs();
        h.run_steps(2);
        if !h.state().busy() {
            return;
        }
    }
    eprintln!("warning: jobs still running after 50 rounds");
}

/// One frame as the app runs it: UI code (egui's layout of every panel) and tessellation.
/// Returns (CPU time of this thread, wall time): on a shared machine the wall clock also
/// counts the time spent waiting for a core.
fn frame(h: &mut Harness<'static, App>) -> (Duration, Duration) {
    let cpu = cpu::thread_cpu();
    let start = Instant::now();
    h.step();
    let shapes = h.output().shapes.clone();
    let ppp = h.output().pixels_per_point;
    std::hint::black_box(h.ctx.tessellate(shapes, ppp));
    (cpu::thread_cpu().saturating_sub(cpu), start.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes `--bench`; a plain `cargo test --benches` run passes nothing and
    // only checks that this builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let frames: usize = std::env::var("ZONECOMPARE_BENCH_FRAMES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = std::env::var_os("ZONECOMPARE_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("default.sqlite"));
    eprintln!("database {}", db.display());
    let start = Instant::now();
    let app = App::with_prefs(db, Prefs::default());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(zonecompare::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    settle(&mut h);
    eprintln!(
        "first data refresh (open, overview and filtered queries, first frames): {:.0} ms; \
         {} zones, {} measures and {} targets loaded for the ticked zones",
        ms(start.elapsed()),
        h.state().data.overview.zones.len(),
        h.state().data.filtered.measures.len(),
        h.state().data.filtered.targets.len(),
    );
    // The reader shows the first document of the first ticked zone.
    let doc = h
        .state()
        .data
        .filtered
        .measures
        .first()
        .map(|m| m.doc_id)
        .or_else(|| {
            let zones = &h.state().data.overview.zones;
            zones
                .first()
                .and_then(|z| z.documents.first())
                .map(|d| d.id)
        });
    measure_views(&mut h, doc, frames, "");
    // The same with no zone ticked: the views hold a first page of rows of every zone.
    let ticked = h.state().prefs.selected_zones.clone();
    for slug in ticked {
        h.state_mut().push(Command::ToggleZone(slug));
    }
    settle(&mut h);
    eprintln!(
        "no zone ticked: {} measures and {} targets loaded (first page: {})",
        h.state().data.filtered.measures.len(),
        h.state().data.filtered.targets.len(),
        h.state().data.filtered.truncated,
    );
    measure_views(&mut h, doc, frames, ", no zone ticked");
    if let Some(mb) = peak_rss_mb() {
        eprintln!("peak RSS of the app: {mb:.0} MB");
    }
}

/// Shows every view in turn and prints its frame times (`note` follows the view name).
fn measure_views(h: &mut Harness<'static, App>, doc: Option<i64>, frames: usize, note: &str) {
    for view in View::ALL {
        h.state_mut().push(Command::ShowView(view));
        if view == View::Reader
            && let Some(doc_id) = doc
        {
            h.state_mut()
                .push(Command::OpenSource { doc_id, span: None });
        }
        settle(h);
        for _ in 0..5 {
            frame(h);
        }
        let (mut cpu, mut wall): (Vec<Duration>, Vec<Duration>) =
            (0..frames).map(|_| frame(h)).unzip();
        cpu.sort();
        wall.sort();
        eprintln!(
            "frame {view:?}{note}: CPU p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; wall p50 {:.2} ms, \
             p95 {:.2} ms over {frames} frames",
            ms(percentile(&cpu, 0.5)),
            ms(percentile(&cpu, 0.95)),
            ms(percentile(&cpu, 1.0)),
            ms(percentile(&wall, 0.5)),
            ms(percentile(&wall, 0.95)),
        );
    }
}
