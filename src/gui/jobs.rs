//! Background work. A query worker thread owns its own database connection and answers
//! [`Request`]s (refresh, load a document, save a correction); preview and import run on
//! their own named threads. Everything reports over one bounded channel and asks for a
//! repaint; the app drains it in `App::logic`. The UI thread never touches the database.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::sync::{Arc, OnceLock};

use super::data::{self, Filtered, OpenDocument, Overview};
use crate::analysis::diff::PlanDiff;
use crate::model::Zone;
use crate::store::rows::*;
use crate::store::{ImportSource, ParsedFile, SoundnessCheck, Store};

/// Who to wake when a result arrives (set on the first frame).
pub type Notifier = Arc<OnceLock<egui::Context>>;

/// What the app asks the query worker.
#[derive(Debug, Clone)]
pub enum Request {
    /// Re-run the filtered queries; `overview` also reloads zones, heatmap and lists.
    Refresh {
        overview: bool,
    },
    Document(i64),
    /// Documents and themes of these zones (Overview cards and heatmap columns on screen),
    /// for the overview load numbered by the first field.
    ZoneDetails(u64, Vec<String>),
    /// Every document's title, for the reader's picker.
    DocumentTitles,
    /// Compare two stored documents as versions of one plan (older, newer).
    Diff(i64, i64),
    CorrectTarget(i64, TargetCorrection),
    /// Record (or replace) an actual outcome.
    SetActual(ActualRow),
    /// Remove the actual outcome of (zone, indicator, year).
    DeleteActual(String, String, i32),
    ResetTarget(i64),
    CorrectMeasure(i64, MeasureCorrection),
    ResetMeasure(i64),
    /// The user's English for a Chinese title (empty: back to the gloss).
    SetTranslation(String, String),
    /// A zone's English name (slug, name; empty: the gloss).
    SetZoneEnglishName(String, String),
    /// Replace the damaged database (only answered while the database cannot be opened).
    Recover(Recovery),
}

impl Request {
    /// Whether answering it writes to the database (it then waits for the quick check).
    fn writes(&self) -> bool {
        !matches!(
            self,
            Request::Refresh { .. }
                | Request::Document(_)
                | Request::ZoneDetails(..)
                | Request::DocumentTitles
                | Request::Diff(..)
                | Request::Recover(_)
        )
    }
}

/// How to replace a damaged database; the damaged file is kept beside it either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// Put this backup (`<file>.bak-v<N>`) in its place.
    RestoreBackup(PathBuf),
    /// Create a new database with the bundled documents.
    StartFresh,
}

/// A sequenced request with the filter in force when it was sent.
struct Envelope {
    seq: u64,
    filter: Filter,
    request: Request,
}

/// A file's extraction, shown before anything is saved.
#[derive(Debug, Clone, Default)]
pub struct PreviewInfo {
    pub title: String,
    pub period: Option<(i32, i32)>,
    pub measure_count: usize,
    pub measure_titles: Vec<String>,
    /// Every extracted target, in document order.
    pub targets: Vec<PreviewTarget>,
    pub agencies: Vec<String>,
}

/// A target as the import preview lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewTarget {
    /// The indicator as written.
    pub indicator: String,
    /// The canonical indicator it was mapped to, if any.
    pub indicator_id: Option<String>,
    /// Value with comparator and unit, as written in the document.
    pub value: String,
    pub year: Option<i32>,
    /// The target as parsed: what an edit in the preview is compared with.
    pub parsed: crate::model::Target,
}

/// One file's preview or the plain-words reason it failed.
#[derive(Debug, Clone)]
pub struct FilePreview {
    pub path: PathBuf,
    pub result: Result<PreviewInfo, String>,
    /// The parse the preview shows, kept so that saving stores it without reading and
    /// parsing the file again (`None` when it failed, or past [`PREVIEW_KEEP_BYTES`]).
    pub parsed: Option<Arc<ParsedFile>>,
}

/// Text and file bytes a preview keeps for saving (about 20 MB of memory per 4 MB of
/// bytes and texts, with the extraction); files past it are parsed again when saved.
pub const PREVIEW_KEEP_BYTES: usize = 48 * 1024 * 1024;

/// One file's import result.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: PathBuf,
    pub result: Result<ImportOutcome, String>,
}

/// Which long job is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Preview,
    Import,
}

/// Everything background work reports.
#[derive(Debug)]
pub enum Event {
    /// The worker could not open the database.
    StoreFailed(String),
    /// The database file is damaged; `backup` is the newest backup beside it, if any.
    StoreDamaged {
        message: String,
        backup: Option<PathBuf>,
    },
    /// A recovery request finished: where the damaged file was kept, or why it failed.
    Recovered(u64, Result<PathBuf, String>),
    Data {
        seq: u64,
        overview: Option<Box<Overview>>,
        filtered: Box<Filtered>,
    },
    Document(u64, Result<Box<OpenDocument>, String>),
    /// Sequence number, overview load the zones were asked for, and their summaries.
    ZoneDetails(u64, u64, Result<Vec<ZoneSummary>, String>),
    DocumentTitles(u64, Result<Vec<DocumentTitle>, String>),
    /// The two document ids compared and what changed between them.
    Diff(u64, (i64, i64), Result<Box<PlanDiff>, String>),
    /// A request failed (message in plain words).
    Failed(u64, String),
    /// Marks every request up to `seq` as answered.
    Ack(u64),
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    PreviewDone(Vec<FilePreview>, bool),
    ImportDone(Vec<FileResult>, bool),
}

/// A running preview or import.
#[derive(Debug)]
pub struct RunningJob {
    pub kind: JobKind,
    pub done: usize,
    pub total: usize,
    pub current: String,
    cancel: Arc<AtomicBool>,
}

impl RunningJob {
    /// Asks the job to stop after the current file.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Handles to the worker and the running job.
pub struct Jobs {
    db_path: PathBuf,
    requests: SyncSender<Envelope>,
    events_tx: SyncSender<Event>,
    events: Receiver<Event>,
    notifier: Notifier,
    sent_seq: u64,
    answered_seq: u64,
    pub running: Option<RunningJob>,
    /// The query worker, joined when the app goes away.
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Jobs {
    /// Stops the query worker and waits for it, so its database connection is closed when
    /// the app is gone (another window, or a test, may open the same file next).
    fn drop(&mut self) {
        // Closing both channels ends the worker's loop and makes any send it is in fail.
        let (closed_tx, _) = sync_channel(1);
        drop(std::mem::replace(&mut self.requests, closed_tx));
        let (_, closed_rx) = sync_channel(1);
        drop(std::mem::replace(&mut self.events, closed_rx));
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl Jobs {
    /// Starts the query worker on `db_path`.
    pub fn start(db_path: PathBuf) -> Jobs {
        let (events_tx, events) = sync_channel(256);
        let (requests, requests_rx) = sync_channel(64);
        let notifier: Notifier = Arc::new(OnceLock::new());
        let (path, tx, n) = (db_path.clone(), events_tx.clone(), notifier.clone());
        let spawned = std::thread::Builder::new()
            .name("zonecompare-query".into())
            .spawn(move || worker(path, requests_rx, tx, n));
        let worker = match spawned {
            Ok(handle) => Some(handle),
            Err(e) => {
                let _ = events_tx.try_send(Event::StoreFailed(e.to_string()));
                None
            }
        };
        Jobs {
            db_path,
            requests,
            events_tx,
            events,
            notifier,
            sent_seq: 0,
            answered_seq: 0,
            running: None,
            worker,
        }
    }

    /// The database file the jobs work on.
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Lets background threads wake the UI.
    pub fn set_context(&self, ctx: &egui::Context) {
        let _ = self.notifier.set(ctx.clone());
    }

    /// Sends a request to the query worker.
    pub fn request(&mut self, request: Request, filter: &Filter) {
        self.sent_seq += 1;
        let env = Envelope {
            seq: self.sent_seq,
            filter: filter.clone(),
            request,
        };
        if self.requests.send(env).is_err() {
            self.answered_seq = self.sent_seq;
        }
    }

    /// True while a query is outstanding or a job runs.
    pub fn busy(&self) -> bool {
        self.answered_seq < self.sent_seq || self.running.is_some()
    }

    /// Takes the events that have arrived, without waiting.
    pub fn poll(&mut self) -> Vec<Event> {
        let mut out = Vec::new();
        while let Ok(ev) = self.events.try_recv() {
            self.note(&ev);
            out.push(ev);
        }
        out
    }

    /// Waits for the next event (tests and shutdown); `None` when nothing is pending.
    pub fn wait(&mut self) -> Option<Event> {
        if !self.busy() {
            return None;
        }
        let ev = self.events.recv().ok()?;
        self.note(&ev);
        Some(ev)
    }

    fn note(&mut self, ev: &Event) {
        match ev {
            Event::Data { seq, .. }
            | Event::Document(seq, _)
            | Event::ZoneDetails(seq, ..)
            | Event::DocumentTitles(seq, _)
            | Event::Diff(seq, ..)
            | Event::Failed(seq, _)
            | Event::Recovered(seq, _)
            | Event::Ack(seq) => self.answered_seq = self.answered_seq.max(*seq),
            Event::StoreFailed(_) | Event::StoreDamaged { .. } => self.answered_seq = self.sent_seq,
            Event::Progress {
                done,
                total,
                current,
            } => {
                if let Some(job) = &mut self.running {
                    (job.done, job.total, job.current) = (*done, *total, current.clone());
                }
            }
            Event::PreviewDone(..) | Event::ImportDone(..) => self.running = None,
        }
    }

    /// Parses `files` on a background thread and reports a preview of each.
    pub fn start_preview(&mut self, files: Vec<PathBuf>) {
        let total = files.len();
        self.spawn(JobKind::Preview, total, "zonecompare-preview", move |ctx| {
            let mut out = Vec::new();
            let mut kept = 0;
            for (i, path) in files.into_iter().enumerate() {
                if ctx.cancelled() {
                    return Event::PreviewDone(out, true);
                }
                ctx.progress(i, total, &path);
                let (result, parsed) = match crate::store::parse_file(&path) {
                    Ok(file) => {
                        let size =
                            file.bytes.len() + file.ingested.raw.len() + file.ingested.text.len();
                        let info = preview_info(&file.parsed);
                        kept += size;
                        (
                            Ok(info),
                            (kept <= PREVIEW_KEEP_BYTES).then(|| Arc::new(file)),
                        )
                    }
                    Err(e) => (Err(e.to_string()), None),
                };
                out.push(FilePreview {
                    path,
                    result,
                    parsed,
                });
            }
            Event::PreviewDone(out, false)
        });
    }

    /// Imports `sources` into `zone_slug` (creating `new_zone` first) on a background
    /// thread, through the batch importer the CLI uses; a previewed file is stored as it
    /// was parsed for the preview.
    pub fn start_import(
        &mut self,
        sources: Vec<ImportSource>,
        zone_slug: String,
        new_zone: Option<Zone>,
        corrections: Vec<(PathBuf, usize, TargetCorrection)>,
    ) {
        let files: Vec<PathBuf> = sources.iter().map(|s| s.path().to_path_buf()).collect();
        let total = files.len();
        let db = self.db_path.clone();
        self.spawn(JobKind::Import, total, "zonecompare-import", move |ctx| {
            let fail_all = |files: Vec<PathBuf>, msg: String| {
                let results = files
                    .into_iter()
                    .map(|path| FileResult {
                        path,
                        result: Err(msg.clone()),
                    })
                    .collect();
                Event::ImportDone(results, false)
            };
            let mut store = match Store::open(&db) {
                Ok(s) => s,
                Err(e) => return fail_all(files, e.to_string()),
            };
            // Saving the same import again finds its new zone made by the first save: the
            // files then come back "already present", not as an error about the zone.
            let made_before = |store: &Store, zone: &Zone| {
                matches!(store.zone(&zone.slug), Ok(Some(z)) if z.name_zh == zone.name_zh)
            };
            if let Some(zone) = &new_zone
                && !made_before(&store, zone)
                && let Err(e) = store.create_zone(zone)
            {
                return fail_all(files, e.to_string());
            }
            // The batch importer the CLI uses: files parsed on every core, one writer;
            // progress is told as each batch is committed, a cancel stops after it.
            let mut out = Vec::new();
            let mut cancelled = false;
            let mut on_outcome = |i: usize, outcome: &crate::error::Result<ImportOutcome>| {
                ctx.progress(i + 1, total, &files[i]);
                out.push(FileResult {
                    path: files[i].clone(),
                    result: outcome.as_ref().cloned().map_err(|e| e.to_string()),
                });
                cancelled = ctx.cancelled();
                !cancelled
            };
            if let Err(e) = store.import_sources(&sources, &zone_slug, &mut on_outcome) {
                let done = out.len();
                let mut out = out;
                out.extend(files[done..].iter().map(|path| FileResult {
                    path: path.clone(),
                    result: Err(e.to_string()),
                }));
                return Event::ImportDone(out, false);
            }
            apply_corrections(&mut store, &out, &corrections);
            Event::ImportDone(out, cancelled)
        });
    }

    fn spawn(
        &mut self,
        kind: JobKind,
        total: usize,
        name: &str,
        work: impl FnOnce(&JobContext) -> Event + Send + 'static,
    ) {
        let cancel = Arc::new(AtomicBool::new(false));
        let ctx = JobContext {
            cancel: cancel.clone(),
            events: self.events_tx.clone(),
            notifier: self.notifier.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let done = work(&ctx);
                ctx.send(done);
            });
        let done = match kind {
            JobKind::Preview => Event::PreviewDone(Vec::new(), false),
            JobKind::Import => Event::ImportDone(Vec::new(), false),
        };
        self.running = Some(RunningJob {
            kind,
            done: 0,
            total,
            current: String::new(),
            cancel,
        });
        if spawned.is_err() {
            let _ = self.events_tx.try_send(done);
        }
    }
}

/// What a job thread can do: report progress and check for cancellation.
struct JobContext {
    cancel: Arc<AtomicBool>,
    events: SyncSender<Event>,
    notifier: Notifier,
}

impl JobContext {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn progress(&self, done: usize, total: usize, path: &Path) {
        let current = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.send(Event::Progress {
            done,
            total,
            current,
        });
    }

    fn send(&self, ev: Event) {
        let _ = self.events.send(ev);
        if let Some(ctx) = self.notifier.get() {
            ctx.request_repaint();
        }
    }
}

/// Stores what was changed in the preview (indicator, value, unit, comparator, year) as
/// corrections of the targets just imported (target `i` of a file is the document's target
/// of order `i`). A file already present keeps what it had. A correction that fails leaves
/// the import as it is.
fn apply_corrections(
    store: &mut Store,
    results: &[FileResult],
    corrections: &[(PathBuf, usize, TargetCorrection)],
) {
    for r in results {
        let Ok(ImportOutcome::Imported { doc_id, .. }) = r.result else {
            continue;
        };
        let chosen: Vec<&(PathBuf, usize, TargetCorrection)> = corrections
            .iter()
            .filter(|(f, _, _)| *f == r.path)
            .collect();
        if chosen.is_empty() {
            continue;
        }
        let this = Filter {
            document: Some(doc_id),
            ..Filter::default()
        };
        let Ok(targets) = store.targets(&this) else {
            continue;
        };
        for (_, i, c) in chosen {
            // The document's targets come in their order: index = order in the parse.
            let Some(t) = targets.get(*i) else {
                continue;
            };
            let mut c = c.clone();
            if c.indicator_id.is_some() && c.indicator_id == t.target.indicator_id {
                c.indicator_id = None;
            }
            if c == TargetCorrection::default() {
                continue;
            }
            if let Err(e) = store.correct_target(t.id, &c) {
                log::warn!("{}: correction not saved: {e}", r.path.display());
            }
        }
    }
}

/// What the import preview shows of a parsed document.
fn preview_info(doc: &crate::model::ParsedDocument) -> PreviewInfo {
    let mut agencies: Vec<String> = Vec::new();
    for unit in doc.measures.iter().flat_map(|m| &m.responsible_units) {
        if !agencies.contains(&unit.canonical) {
            agencies.push(unit.canonical.clone());
        }
    }
    let targets = doc
        .targets
        .iter()
        .map(|t| {
            // As written in the document: the units stay the document's.
            let value = crate::charts::labels::fmt_target(t, crate::charts::Lang::Zh);
            PreviewTarget {
                indicator: t.indicator.clone(),
                indicator_id: t.indicator_id.clone(),
                value,
                year: t.year,
                parsed: t.clone(),
            }
        })
        .collect();
    PreviewInfo {
        title: doc.title.clone(),
        period: doc.period.map(|p| (p.start, p.end)),
        measure_count: doc.measures.len(),
        measure_titles: doc.measures.iter().map(|m| m.title.clone()).collect(),
        targets,
        agencies,
    }
}

/// The query worker: owns one connection, answers requests in order, and coalesces
/// refreshes that queued up while it was busy (typing in the search box).
fn worker(
    db_path: PathBuf,
    requests: Receiver<Envelope>,
    events: SyncSender<Event>,
    notifier: Notifier,
) {
    let send = |ev: Event| {
        let _ = events.send(ev);
        if let Some(ctx) = notifier.get() {
            ctx.request_repaint();
        }
    };
    let Some(mut store) = open_or_recover(&db_path, &requests, &send) else {
        return;
    };
    // SQLite's quick check runs beside the queries (seconds on a large database): the
    // views fill at once, writes wait for the verdict, and damage found is offered for
    // recovery as soon as it is known.
    let mut check = store.start_soundness_check();
    // Documents stored by an older parser are parsed again (corrections kept), as the CLI
    // does, before the first query answers.
    match store.stale_documents() {
        Ok(0) => {}
        Ok(_) => {
            let reparsed = match store.finish_soundness_check(&mut check) {
                Ok(()) => store.reparse_all().map(|_| ()),
                Err(e) if e.is_damaged() => {
                    if !recover_if_damaged(e, &mut store, &db_path, &requests, &send) {
                        return;
                    }
                    Ok(())
                }
                Err(e) => Err(e),
            };
            if let Err(e) = reparsed {
                send(Event::Failed(0, e.to_string()));
            }
        }
        Err(e) => send(Event::Failed(0, e.to_string())),
    }
    loop {
        let first = match next_request(&requests, check.as_mut()) {
            Next::Request(env) => *env,
            Next::Closed => return,
            Next::Checked => {
                if let Err(e) = store.finish_soundness_check(&mut check) {
                    check = None;
                    if !recover_if_damaged(e, &mut store, &db_path, &requests, &send) {
                        return;
                    }
                }
                continue;
            }
        };
        let mut batch = vec![first];
        batch.extend(requests.try_iter());
        let last = batch.last().map(|e| (e.seq, e.filter.clone()));
        let Some((last_seq, filter)) = last else {
            continue;
        };
        // Nothing is written into a file the check found damaged: the writes are refused
        // and the app offers recovery.
        if batch.iter().any(|e| e.request.writes())
            && let Err(e) = store.finish_soundness_check(&mut check)
        {
            check = None;
            for env in &batch {
                send(Event::Failed(env.seq, e.to_string()));
            }
            if !recover_if_damaged(e, &mut store, &db_path, &requests, &send) {
                return;
            }
            continue;
        }
        let mut refresh = false;
        let mut overview = false;
        for env in batch {
            let seq = env.seq;
            let write = match env.request {
                Request::Refresh { overview: o } => {
                    refresh = true;
                    overview |= o;
                    continue;
                }
                Request::Document(id) => {
                    let doc = data::load_document(&store, id)
                        .map(Box::new)
                        .map_err(|e| e.to_string());
                    send(Event::Document(seq, doc));
                    continue;
                }
                Request::ZoneDetails(generation, slugs) => {
                    let details = store.zone_details(&slugs).map_err(|e| e.to_string());
                    send(Event::ZoneDetails(seq, generation, details));
                    continue;
                }
                Request::DocumentTitles => {
                    let titles = store.document_titles().map_err(|e| e.to_string());
                    send(Event::DocumentTitles(seq, titles));
                    continue;
                }
                Request::Diff(old, new) => {
                    let diff = data::load_diff(&store, old, new)
                        .map(Box::new)
                        .map_err(|e| e.to_string());
                    send(Event::Diff(seq, (old, new), diff));
                    continue;
                }
                Request::CorrectTarget(id, c) => store.correct_target(id, &c),
                Request::SetActual(row) => store.set_actual(&row),
                Request::DeleteActual(zone, indicator, year) => {
                    store.delete_actual(&zone, &indicator, year)
                }
                Request::ResetTarget(id) => store.reset_target(id),
                Request::CorrectMeasure(id, c) => store.correct_measure(id, &c),
                Request::ResetMeasure(id) => store.reset_measure(id),
                Request::SetTranslation(zh, en) => store.set_translation(&zh, &en),
                Request::SetZoneEnglishName(slug, en) => store.set_zone_english_name(&slug, &en),
                Request::Recover(_) => {
                    send(Event::Ack(seq));
                    continue;
                }
            };
            // A saved correction changes counts and rows: reload both.
            match write {
                Ok(()) => (refresh, overview) = (true, true),
                Err(e) => send(Event::Failed(seq, e.to_string())),
            }
        }
        if !refresh {
            send(Event::Ack(last_seq));
            continue;
        }
        let loaded = (|| -> crate::Result<_> {
            let ov = if overview {
                Some(Box::new(data::load_overview(&store, &filter.zones)?))
            } else {
                None
            };
            Ok((ov, Box::new(data::load_filtered(&store, &filter)?)))
        })();
        match loaded {
            Ok((overview, filtered)) => send(Event::Data {
                seq: last_seq,
                overview,
                filtered,
            }),
            Err(e) => send(Event::Failed(last_seq, e.to_string())),
        }
    }
}

/// What the query worker waits for: a request, or (while it runs) the quick check's
/// verdict.
enum Next {
    Request(Box<Envelope>),
    /// The quick check has its verdict.
    Checked,
    /// The app went away.
    Closed,
}

/// The next request; while `check` runs it is looked at every 100 ms between requests.
fn next_request(requests: &Receiver<Envelope>, check: Option<&mut SoundnessCheck>) -> Next {
    let Some(check) = check else {
        return requests
            .recv()
            .map_or(Next::Closed, |env| Next::Request(Box::new(env)));
    };
    loop {
        match requests.recv_timeout(std::time::Duration::from_millis(100)) {
            Ok(env) => return Next::Request(Box::new(env)),
            Err(RecvTimeoutError::Disconnected) => return Next::Closed,
            Err(RecvTimeoutError::Timeout) => {
                if check.try_verdict().is_some() {
                    return Next::Checked;
                }
            }
        }
    }
}

/// Opens the database. When that fails the reason is reported (a damaged file as
/// [`Event::StoreDamaged`], so the app can offer recovery) and requests are answered with
/// the error until a [`Request::Recover`] succeeds. `None` when the app went away first.
fn open_or_recover(
    db_path: &Path,
    requests: &Receiver<Envelope>,
    send: &dyn Fn(Event),
) -> Option<Store> {
    match Store::open(db_path) {
        Ok(store) => Some(store),
        Err(e) => recover_after(e, db_path, requests, send),
    }
}

/// After the quick check refused the file: a damaged one is offered for recovery and the
/// recovered store takes `store`'s place; any other refusal (a busy file) leaves it.
/// `false` when the app went away during the recovery.
fn recover_if_damaged(
    error: crate::Error,
    store: &mut Store,
    db_path: &Path,
    requests: &Receiver<Envelope>,
    send: &dyn Fn(Event),
) -> bool {
    if !error.is_damaged() {
        return true;
    }
    match recover_after(error, db_path, requests, send) {
        Some(recovered) => {
            *store = recovered;
            true
        }
        None => false,
    }
}

/// Reports `error` (a damaged file as [`Event::StoreDamaged`], naming the backup it would
/// restore) and answers every request with it until a [`Request::Recover`] succeeds.
/// `None` when the app went away first.
fn recover_after(
    error: crate::Error,
    db_path: &Path,
    requests: &Receiver<Envelope>,
    send: &dyn Fn(Event),
) -> Option<Store> {
    let damaged = error.is_damaged();
    let error = error.to_string();
    if damaged {
        let backup = crate::store::recovery::sound_backups(db_path)
            .into_iter()
            .next();
        send(Event::StoreDamaged {
            message: error.clone(),
            backup,
        });
    } else {
        send(Event::StoreFailed(error.clone()));
    }
    while let Ok(env) = requests.recv() {
        let how = match env.request {
            Request::Recover(how) if damaged => how,
            _ => {
                send(Event::Failed(env.seq, error.clone()));
                continue;
            }
        };
        let recovered = match &how {
            Recovery::RestoreBackup(backup) => {
                crate::store::recovery::restore_backup(db_path, backup)
            }
            Recovery::StartFresh => crate::store::recovery::start_fresh(db_path),
        };
        match recovered {
            Ok((store, aside)) => {
                send(Event::Recovered(env.seq, Ok(aside)));
                return Some(store);
            }
            Err(e) => send(Event::Recovered(env.seq, Err(e.to_string()))),
        }
    }
    None
}
