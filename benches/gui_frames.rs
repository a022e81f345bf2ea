//! GUI frame time per view, driving the real app headless with egui_kittest (no window, no
//! GPU): for each view, the CPU time of each frame's UI code plus tessellation of what it
//! drew (what the app spends on the CPU per frame before the GPU draws), over many frames.
//! Prints CPU p50 / p95 / max and wall p50 / p95 per view, the time the first data refresh took (the background
//! queries behind the Overview and the filtered views) and the process's peak memory.
//!
//! `ZONECOMPARE_BENCH_DB=PATH` measures that database (e.g. the 10,000-document one the
//! import bench keeps); without it a new database with the bundled corpus is used.
//! `ZONECOMPARE_BENCH_FRAMES` sets the frames per view (default 200).
//!
//! Then an import as a user makes it, into a new database: `ZONECOMPARE_BENCH_IMPORT` files
//! (default 1,000; 0 skips it) of the synthetic corpus are added to the Import view, the
//! preview runs, the user saves them into a new zone and the app keeps drawing frames at
//! 60 per second meanwhile. Printed: wall and CPU time (every thread of the process) of the
//! preview and of the save, how many progress values the status bar showed, the frame CPU
//! p95 / max while the job ran, and what the database holds after. A second import is
//! cancelled with the status bar's Cancel button once the first batch is committed: the
//! time from the click to the end of the job and the files stored are printed.

#[path = "common/cpu.rs"]
mod cpu;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
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
    drop(h);
    let files: usize = std::env::var("ZONECOMPARE_BENCH_IMPORT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    if files > 0 {
        measure_import(tmp.path(), files);
    }
}

/// What the frames drawn while a job ran looked like.
#[derive(Default)]
struct JobFrames {
    cpu: Vec<Duration>,
    /// The distinct `done/total` texts the status bar's progress bar showed.
    progress: Vec<String>,
}

impl JobFrames {
    fn report(&mut self, what: &str, wall: Duration, cpu: Duration) {
        self.cpu.sort();
        let shown = self.progress.len();
        let last = self.progress.last().cloned().unwrap_or_default();
        eprintln!(
            "GUI {what}: {:.2} s wall, {:.2} s CPU (all threads); {} frames, frame CPU p95 \
             {:.2} ms, max {:.2} ms; progress shown {shown} times (last {last})",
            wall.as_secs_f64(),
            cpu.as_secs_f64(),
            self.cpu.len(),
            ms(percentile(&self.cpu, 0.95)),
            ms(percentile(&self.cpu, 1.0)),
        );
    }
}

/// The status bar's progress text (`done/total`), if a job runs.
fn progress_text(h: &Harness<'static, App>, total: usize) -> Option<String> {
    let suffix = format!("/{total}");
    h.query_all_by_label_contains(&suffix)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.ends_with(&suffix))
}

/// Draws frames at 60 per second until the running job ends (or `stop` says so), noting
/// each frame's CPU time and the progress shown.
fn frames_while_running(
    h: &mut Harness<'static, App>,
    total: usize,
    mut stop: impl FnMut(&JobFrames) -> bool,
) -> JobFrames {
    let mut seen = JobFrames::default();
    let period = Duration::from_millis(16);
    // A click takes effect in the frames after it: the job is waited for until it shows.
    let mut began = false;
    loop {
        let started = Instant::now();
        let (cpu, _) = frame(h);
        seen.cpu.push(cpu);
        began |= h.state().busy();
        let text = progress_text(h, total);
        match text {
            Some(t) if seen.progress.last() != Some(&t) => seen.progress.push(t),
            Some(_) => {}
            None if !h.state().busy() && (began || seen.cpu.len() > 10) => return seen,
            None => {}
        }
        if stop(&seen) {
            return seen;
        }
        if let Some(rest) = period.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}

/// The app on a new database with `n` synthetic files added to the Import view.
fn import_harness(dir: &std::path::Path, name: &str, files: &[PathBuf]) -> Harness<'static, App> {
    let app = App::with_prefs(dir.join(name), Prefs::default());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(zonecompare::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    settle(&mut h);
    h.state_mut().push(Command::AddImportFiles(files.to_vec()));
    h
}

/// Sets the Import view's destination to a new zone, as the user fills its fields.
fn new_zone(h: &mut Harness<'static, App>, slug: &str) {
    let import = &mut h.state_mut().ui.import;
    import.new_zone = true;
    import.slug = slug.into();
    import.name_zh = "导入测试区".into();
    import.name_en = "Import bench zone".into();
}

fn measure_import(dir: &std::path::Path, n: usize) {
    let corpus = dir.join("import-corpus");
    let files: Vec<PathBuf> = zonecompare::store::synth::SynthStream::new(20_260_102, n)
        .map(|d| {
            let folder = corpus.join(&d.zone_slug);
            std::fs::create_dir_all(&folder).expect("corpus folder");
            let path = folder.join(&d.name);
            std::fs::write(&path, &d.bytes).expect("corpus file");
            path
        })
        .collect();
    let save = zonecompare::gui::i18n::T::SaveImport.get(Prefs::default().lang);
    let cancel = zonecompare::gui::i18n::T::Cancel.get(Prefs::default().lang);

    // The whole import: preview, then save into a new zone.
    let mut h = import_harness(dir, "import.sqlite", &files);
    let (start, cpu) = (Instant::now(), cpu::process_cpu());
    frames_while_running(&mut h, n, |_| false).report(
        &format!("preview of {n} files"),
        start.elapsed(),
        cpu::process_cpu().saturating_sub(cpu),
    );
    new_zone(&mut h, "import-bench");
    h.run_steps(2);
    let (start, cpu) = (Instant::now(), cpu::process_cpu());
    h.get_by_label(save).click();
    frames_while_running(&mut h, n, |_| false).report(
        &format!("save of {n} files into a new zone"),
        start.elapsed(),
        cpu::process_cpu().saturating_sub(cpu),
    );
    settle(&mut h);
    let stored = stored_in(&h, "import-bench");
    eprintln!("GUI import: {stored} of {n} documents stored in the new zone");
    drop(h);

    // Cancelled once the first batch is committed.
    let mut h = import_harness(dir, "cancel.sqlite", &files);
    frames_while_running(&mut h, n, |_| false);
    new_zone(&mut h, "cancel-bench");
    h.run_steps(2);
    h.get_by_label(save).click();
    let first = frames_while_running(&mut h, n, |seen| {
        seen.progress.iter().any(|p| !p.starts_with("0/"))
    });
    let start = Instant::now();
    // The status bar's button (the Import view shows one too).
    h.get_all_by_label(cancel)
        .last()
        .expect("a Cancel button")
        .click();
    frames_while_running(&mut h, n, |_| false);
    settle(&mut h);
    let stored = stored_in(&h, "cancel-bench");
    eprintln!(
        "GUI import cancelled at {}: the job ended {:.2} s after the click; {stored} of {n} \
         documents stored, {} results listed",
        first.progress.last().cloned().unwrap_or_default(),
        start.elapsed().as_secs_f64(),
        h.state().ui.import.results.len(),
    );
}

/// Documents the overview counts in the zone `slug`.
fn stored_in(h: &Harness<'static, App>, slug: &str) -> usize {
    h.state()
        .data
        .overview
        .zones
        .iter()
        .find(|z| z.zone.slug == slug)
        .map_or(0, |z| z.document_count)
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
