//! The eframe application: drains background results in `logic`, draws the panels in `ui`,
//! then applies the commands the panels pushed.

use std::path::PathBuf;

use super::command::{Command, Commands};
use super::data::Snapshot;
use super::i18n::{Localized, T};
use super::jobs::{Event, Jobs, Request};
use super::panels::{self, Ctx, UiState};
use super::state::{PREFS_KEY, Prefs, View};
use super::{fonts, theme};
use crate::store::rows::Filter;

/// Most zones compared side by side.
pub const MAX_ZONES: usize = 4;

/// The search runs once typing has paused this long (seconds), so a burst of keystrokes
/// costs one query, not one per character.
pub const SEARCH_DEBOUNCE_S: f64 = 0.25;

/// Share of the monitor a first-run window takes (no saved window size yet).
const FIRST_RUN_SCREEN_SHARE: f32 = 0.9;

/// eframe's storage key of the saved window geometry.
const EFRAME_WINDOW_KEY: &str = "window";

/// The whole app: preferences, the latest data snapshot, transient UI state and jobs.
pub struct App {
    /// Persisted preferences.
    pub prefs: Prefs,
    /// What the panels draw, refreshed by the query worker.
    pub data: Snapshot,
    /// Transient state of the panels (not persisted).
    pub ui: UiState,
    jobs: Jobs,
    commands: Commands,
    visuals_dark: Option<bool>,
    /// No saved window size: size the window to the monitor once its size is known.
    fit_to_monitor: bool,
}

impl App {
    /// Creates the app from eframe's creation context (loads preferences, installs fonts).
    pub fn new(cc: &eframe::CreationContext<'_>, db_path: PathBuf) -> App {
        STARTED.get_or_init(std::time::Instant::now);
        let prefs = Prefs::from_storage(cc.storage);
        fonts::install(&cc.egui_ctx);
        let mut app = App::with_prefs(db_path, prefs);
        app.jobs.set_context(&cc.egui_ctx);
        if cc
            .storage
            .is_none_or(|s| s.get_string(EFRAME_WINDOW_KEY).is_none())
        {
            app.fit_window_to_monitor_once();
        }
        app
    }

    /// Creates the app with given preferences (tests, or no eframe storage).
    pub fn with_prefs(db_path: PathBuf, prefs: Prefs) -> App {
        let mut app = App {
            ui: UiState::new(&prefs),
            prefs,
            data: Snapshot::default(),
            jobs: Jobs::start(db_path),
            commands: Commands::default(),
            visuals_dark: None,
            fit_to_monitor: false,
        };
        app.refresh(true);
        app
    }

    /// The filter the queries run with: sidebar filters plus the ticked zones and search.
    pub fn query_filter(&self) -> Filter {
        let mut f = self.prefs.filter.clone();
        f.zones = self.prefs.selected_zones.clone();
        let search = self.ui.search.trim();
        f.search = (!search.is_empty()).then(|| search.to_string());
        f
    }

    fn refresh(&mut self, overview: bool) {
        let filter = self.query_filter();
        self.jobs.request(Request::Refresh { overview }, &filter);
    }

    /// Runs one frame inside `ui`: logic, then drawing, then commands (used by tests).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        self.draw(ui);
    }

    /// Queues a command as if a panel had pushed it (test hook; also used for file drops).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
        self.apply_commands();
    }

    /// Blocks until every outstanding query and the running job have reported (tests).
    /// A search still waiting for typing to pause is sent at once.
    pub fn wait_for_jobs(&mut self) {
        if self.ui.search_edited_at.take().is_some() {
            self.refresh(false);
        }
        while let Some(ev) = self.jobs.wait() {
            self.handle(ev);
        }
        self.send_recovery();
    }

    /// True while a query or job is outstanding, or a typed search has not been sent yet.
    pub fn busy(&self) -> bool {
        self.jobs.busy() || self.ui.search_edited_at.is_some()
    }

    /// Makes the window ~90 % of the monitor (centred) as soon as the monitor size is known:
    /// for a first run, when no window size was saved.
    pub fn fit_window_to_monitor_once(&mut self) {
        self.fit_to_monitor = true;
    }

    /// Sends the search once typing has paused; until then asks to be woken when it will.
    fn debounce_search(&mut self, ctx: &egui::Context) {
        let Some(edited) = self.ui.search_edited_at else {
            return;
        };
        let waited = ctx.input(|i| i.time) - edited;
        if waited >= SEARCH_DEBOUNCE_S {
            self.ui.search_edited_at = None;
            self.refresh(false);
        } else {
            let rest = (SEARCH_DEBOUNCE_S - waited).max(0.0);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(rest));
        }
    }

    /// On a first run (no saved window size) makes the window ~90 % of the monitor, centred,
    /// once the monitor size is known (it is not before the first frame).
    fn fit_window_to_monitor(&mut self, ctx: &egui::Context) {
        if !self.fit_to_monitor {
            return;
        }
        let Some(monitor) = ctx.input(|i| i.viewport().monitor_size) else {
            return;
        };
        self.fit_to_monitor = false;
        if monitor.x < 1.0 || monitor.y < 1.0 {
            return;
        }
        let size = monitor * FIRST_RUN_SCREEN_SHARE;
        let pos = ((monitor - size) * 0.5).to_pos2();
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(pos));
    }

    /// Sends the recovery the user chose in the damaged-database dialog.
    fn send_recovery(&mut self) {
        let Some(how) = self.ui.recovery.as_mut().and_then(|r| r.requested.take()) else {
            return;
        };
        if let Some(r) = self.ui.recovery.as_mut() {
            r.waiting = true;
            r.error = None;
        }
        let filter = self.query_filter();
        self.jobs.request(Request::Recover(how), &filter);
    }

    fn logic(&mut self, ctx: &egui::Context) {
        self.jobs.set_context(ctx);
        fonts::install(ctx);
        self.fit_window_to_monitor(ctx);
        self.debounce_search(ctx);
        if self.visuals_dark != Some(self.prefs.dark) {
            theme::apply(ctx, self.prefs.dark);
            self.visuals_dark = Some(self.prefs.dark);
        }
        for ev in self.jobs.poll() {
            self.handle(ev);
        }
        if let Some((msg, error)) = self.ui.export.poll(ctx, self.prefs.lang) {
            self.ui.set_localized(msg, error, self.prefs.lang);
        }
        for command in Command::with_shortcuts() {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::AddImportFiles(dropped));
        }
        self.apply_commands();
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let mut ctx = Ctx {
            prefs: &mut self.prefs,
            data: &self.data,
            st: &mut self.ui,
            cmds: &mut self.commands,
            job: self.jobs.running.as_ref(),
            db_path: self.jobs.db_path(),
            busy: self.jobs.busy(),
        };
        panels::show_all(ui, &mut ctx);
        self.apply_commands();
        self.send_recovery();
    }

    fn handle(&mut self, ev: Event) {
        match ev {
            Event::StoreFailed(msg) => self.ui.store_error = Some(msg),
            Event::StoreDamaged { message, backup } => {
                self.ui.store_error = Some(message.clone());
                self.ui.recovery = Some(panels::recovery::RecoveryState {
                    message,
                    backup,
                    ..Default::default()
                });
            }
            Event::Recovered(_, Ok(kept)) => {
                self.ui.recovery = None;
                self.ui.store_error = None;
                let msg =
                    Localized::of(|l| format!("{} {}", T::RecoveredKept.get(l), kept.display()));
                self.ui.set_localized(msg, false, self.prefs.lang);
                self.refresh(true);
            }
            Event::Recovered(_, Err(msg)) => {
                if let Some(r) = self.ui.recovery.as_mut() {
                    r.waiting = false;
                    r.error = Some(msg);
                }
            }
            // While the damaged-database dialog is open it says why nothing loads.
            Event::Failed(..) if self.ui.recovery.is_some() => {}
            Event::Data {
                overview, filtered, ..
            } => {
                if let Some(ov) = overview {
                    self.data.overview = *ov;
                    self.data.overview_generation += 1;
                    self.ui.details_asked.clear();
                    self.default_zone_selection();
                    // The stored rows changed (import, correction): the open document's
                    // highlights are fetched again.
                    if let Some(doc_id) = self.ui.reader.reload() {
                        let filter = self.query_filter();
                        self.jobs.request(Request::Document(doc_id), &filter);
                    }
                }
                self.data.filtered = *filtered;
                self.data.generation += 1;
            }
            Event::Document(_, Ok(doc)) => self.ui.reader.set_document(*doc),
            // Details asked for before the overview was loaded again may be out of date.
            Event::ZoneDetails(_, generation, Ok(details)) => {
                if generation == self.data.overview_generation {
                    super::data::merge_details(&mut self.data.overview, details)
                }
            }
            Event::DocumentTitles(_, Ok(titles)) => self.ui.reader.set_titles(titles),
            Event::Diff(_, pair, result) => self.ui.diff.set_result(pair, result),
            Event::Document(_, Err(msg))
            | Event::ZoneDetails(_, _, Err(msg))
            | Event::DocumentTitles(_, Err(msg))
            | Event::Failed(_, msg) => self.ui.set_error(msg),
            Event::Ack(_) | Event::Progress { .. } => {}
            Event::PreviewDone(previews, cancelled) => {
                self.ui.import.previews = previews;
                if cancelled {
                    self.ui.set_status_key(T::Cancelled, self.prefs.lang);
                }
            }
            Event::ImportDone(results, cancelled) => {
                self.ui.import.results = results;
                if cancelled {
                    self.ui.set_status_key(T::Cancelled, self.prefs.lang);
                }
                self.refresh(true);
            }
        }
    }

    /// On a first run nothing is ticked: tick the first zones so Compare has columns.
    fn default_zone_selection(&mut self) {
        let known: Vec<&str> = self
            .data
            .overview
            .zones
            .iter()
            .map(|z| z.zone.slug.as_str())
            .collect();
        let before = self.prefs.selected_zones.len();
        self.prefs
            .selected_zones
            .retain(|s| known.contains(&s.as_str()));
        if self.prefs.selected_zones.is_empty() {
            self.prefs.selected_zones = known
                .iter()
                .take(MAX_ZONES)
                .map(|s| s.to_string())
                .collect();
        }
        if self.prefs.selected_zones.len() != before {
            self.refresh(false);
        }
    }

    fn apply_commands(&mut self) {
        for command in self.commands.take() {
            self.apply(command);
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::ShowView(view) => self.prefs.view = view,
            Command::OpenImportDialog => {
                self.prefs.view = View::Import;
                if let Some(files) = self.ui.import.pick_files() {
                    self.apply(Command::AddImportFiles(files));
                }
            }
            Command::FocusSearch => self.ui.focus_search = true,
            Command::ExportView => {
                if let Some(request) = panels::export::export_view(&mut self.ui, &self.prefs) {
                    self.apply(Command::Export(request));
                }
            }
            Command::Export(request) => {
                self.ui
                    .export
                    .start(request, self.jobs.db_path(), self.prefs.lang)
            }
            Command::ToggleZone(slug) => {
                let sel = &mut self.prefs.selected_zones;
                if let Some(i) = sel.iter().position(|s| *s == slug) {
                    sel.remove(i);
                } else if sel.len() < MAX_ZONES {
                    sel.push(slug);
                }
                self.refresh(false);
            }
            Command::Refresh => self.refresh(false),
            Command::ClearFilters => {
                self.prefs.filter = Filter::default();
                self.ui.search.clear();
                self.ui.search_edited_at = None;
                self.refresh(false);
            }
            Command::CompareTheme(theme) => {
                self.prefs.filter.theme = Some(theme);
                self.prefs.filter.indicator = None;
                self.prefs.compare_by = super::state::CompareBy::Theme;
                self.prefs.view = View::Compare;
                // A new line-up starts at its top, not where the last one was scrolled to.
                self.ui.compare_scroll_to_top = true;
                self.refresh(false);
            }
            Command::LoadZoneDetails(slugs) => {
                let ov = &self.data.overview;
                let asked = &mut self.ui.details_asked;
                let new: Vec<String> = slugs
                    .into_iter()
                    .filter(|s| !ov.detailed.contains(s) && asked.insert(s.clone()))
                    .collect();
                if !new.is_empty() {
                    let filter = self.query_filter();
                    let generation = self.data.overview_generation;
                    self.jobs
                        .request(Request::ZoneDetails(generation, new), &filter);
                }
            }
            Command::LoadDocumentTitles => {
                if self.ui.reader.ask_titles(self.data.overview_generation) {
                    let filter = self.query_filter();
                    self.jobs.request(Request::DocumentTitles, &filter);
                }
            }
            Command::RunDiff { old, new } => {
                self.ui.diff.start(old, new);
                let filter = self.query_filter();
                self.jobs.request(Request::Diff(old, new), &filter);
            }
            Command::OpenSource { doc_id, span } => {
                self.prefs.view = View::Reader;
                self.ui.reader.open(doc_id, span);
                if self.ui.reader.needs_load() {
                    let filter = self.query_filter();
                    self.jobs.request(Request::Document(doc_id), &filter);
                }
            }
            Command::CorrectTarget { id, correction } => {
                self.write(Request::CorrectTarget(id, correction))
            }
            Command::ResetTarget(id) => self.write(Request::ResetTarget(id)),
            Command::SetActual(row) => self.write(Request::SetActual(row)),
            Command::DeleteActual {
                zone,
                indicator,
                year,
            } => self.write(Request::DeleteActual(zone, indicator, year)),
            Command::CorrectMeasure { id, correction } => {
                self.write(Request::CorrectMeasure(id, correction))
            }
            Command::ResetMeasure(id) => self.write(Request::ResetMeasure(id)),
            Command::SetTranslation { zh, en } => self.write(Request::SetTranslation(zh, en)),
            Command::SetZoneEnglishName { slug, en } => {
                self.write(Request::SetZoneEnglishName(slug, en))
            }
            Command::AddImportFiles(files) => {
                self.prefs.view = View::Import;
                // A folder brings the files it holds in the formats zonecompare reads.
                match crate::ingest::folders::expand(&files) {
                    Ok(inputs) => self.ui.import.add_files(inputs.files),
                    Err(e) => {
                        // The folder's own message (its name and the system's reason).
                        self.ui.status = Some((e.to_string(), true));
                        self.ui.status_text = None;
                        return;
                    }
                }
                self.apply(Command::StartPreview);
            }
            Command::StartPreview => {
                if self.jobs.running.is_none() && !self.ui.import.files.is_empty() {
                    self.ui.import.results.clear();
                    self.jobs.start_preview(self.ui.import.files.clone());
                }
            }
            Command::SaveImport => self.save_import(),
            Command::CancelJob => {
                if let Some(job) = &self.jobs.running {
                    job.cancel();
                }
            }
            Command::SetLanguage(lang) => {
                self.prefs.lang = lang;
                self.ui.relabel_status(lang);
            }
            Command::SetDark(dark) => self.prefs.dark = dark,
        }
    }

    fn write(&mut self, request: Request) {
        let filter = self.query_filter();
        self.jobs.request(request, &filter);
        self.ui.set_status_key(T::Saved, self.prefs.lang);
    }

    fn save_import(&mut self) {
        if self.jobs.running.is_some() || self.ui.import.files.is_empty() {
            return;
        }
        match self.ui.import.destination(self.prefs.lang) {
            Ok((slug, new_zone)) => {
                let corrections = match self.ui.import.corrections(self.prefs.lang) {
                    Ok(c) => c,
                    Err(msg) => {
                        self.ui.import.message = Some(msg);
                        return;
                    }
                };
                self.ui.import.message = None;
                let sources = self.ui.import.sources();
                self.jobs.start_import(sources, slug, new_zone, corrections);
            }
            Err(msg) => self.ui.import.message = Some(msg),
        }
    }
}

/// When the app was created (startup measurement).
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

impl App {
    /// Startup measurement: with `ZONECOMPARE_FIRST_FRAME=1` the app prints how long after
    /// its creation the first frame was drawn and closes; with `=data`, the first frame
    /// showing the loaded data.
    fn startup_probe(&self, ctx: &egui::Context) {
        static MODE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        let Some(mode) = MODE.get_or_init(|| std::env::var("ZONECOMPARE_FIRST_FRAME").ok()) else {
            return;
        };
        if mode == "data" && (self.data.generation == 0 || self.jobs.busy()) {
            return ctx.request_repaint();
        }
        static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if !DONE.swap(true, std::sync::atomic::Ordering::Relaxed) {
            let ms = STARTED
                .get()
                .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1e3);
            eprintln!("first frame ({mode}): {ms:.0} ms after the app was created");
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        App::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        self.startup_probe(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut prefs = self.prefs.clone();
        prefs.filter.search = None;
        prefs.filter.zones.clear();
        eframe::set_value(storage, PREFS_KEY, &prefs);
    }
}
