//! The eframe application: drains background results in `logic`, draws the panels in `ui`,
//! then applies the commands the panels pushed.

use std::path::PathBuf;

use super::command::{Command, Commands};
use super::data::Snapshot;
use super::i18n::T;
use super::jobs::{Event, Jobs, Request};
use super::panels::{self, Ctx, UiState};
use super::state::{PREFS_KEY, Prefs, View};
use super::{fonts, theme};
use crate::store::rows::Filter;

/// Most zones compared side by side.
pub const MAX_ZONES: usize = 4;

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
}

impl App {
    /// Creates the app from eframe's creation context (loads preferences, installs fonts).
    pub fn new(cc: &eframe::CreationContext<'_>, db_path: PathBuf) -> App {
        STARTED.get_or_init(std::time::Instant::now);
        let prefs = Prefs::from_storage(cc.storage);
        fonts::install(&cc.egui_ctx);
        let app = App::with_prefs(db_path, prefs);
        app.jobs.set_context(&cc.egui_ctx);
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
    pub fn wait_for_jobs(&mut self) {
        while let Some(ev) = self.jobs.wait() {
            self.handle(ev);
        }
    }

    /// True while a query or job is outstanding.
    pub fn busy(&self) -> bool {
        self.jobs.busy()
    }

    fn logic(&mut self, ctx: &egui::Context) {
        self.jobs.set_context(ctx);
        fonts::install(ctx);
        if self.visuals_dark != Some(self.prefs.dark) {
            theme::apply(ctx, self.prefs.dark);
            self.visuals_dark = Some(self.prefs.dark);
        }
        for ev in self.jobs.poll() {
            self.handle(ev);
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
    }

    fn handle(&mut self, ev: Event) {
        match ev {
            Event::StoreFailed(msg) => self.ui.store_error = Some(msg),
            Event::Data {
                overview, filtered, ..
            } => {
                if let Some(ov) = overview {
                    self.data.overview = *ov;
                    self.default_zone_selection();
                }
                self.data.filtered = *filtered;
                self.data.generation += 1;
            }
            Event::Document(_, Ok(doc)) => self.ui.reader.set_document(*doc),
            Event::Document(_, Err(msg)) | Event::Failed(_, msg) => self.ui.set_error(msg),
            Event::Ack(_) | Event::Progress { .. } => {}
            Event::PreviewDone(previews, cancelled) => {
                self.ui.import.previews = previews;
                if cancelled {
                    self.ui.set_status(T::Cancelled.get(self.prefs.lang));
                }
            }
            Event::ImportDone(results, cancelled) => {
                self.ui.import.results = results;
                if cancelled {
                    self.ui.set_status(T::Cancelled.get(self.prefs.lang));
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
            Command::ExportView => self
                .ui
                .set_status(T::ExportUnavailable.get(self.prefs.lang)),
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
                self.refresh(false);
            }
            Command::CompareTheme(theme) => {
                self.prefs.filter.theme = Some(theme);
                self.prefs.filter.indicator = None;
                self.prefs.compare_by = super::state::CompareBy::Theme;
                self.prefs.view = View::Compare;
                self.refresh(false);
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
            Command::CorrectMeasure { id, correction } => {
                self.write(Request::CorrectMeasure(id, correction))
            }
            Command::ResetMeasure(id) => self.write(Request::ResetMeasure(id)),
            Command::AddImportFiles(files) => {
                self.prefs.view = View::Import;
                self.ui.import.add_files(files);
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
            Command::SetLanguage(lang) => self.prefs.lang = lang,
            Command::SetDark(dark) => self.prefs.dark = dark,
        }
    }

    fn write(&mut self, request: Request) {
        let filter = self.query_filter();
        self.jobs.request(request, &filter);
        self.ui.set_status(T::Saved.get(self.prefs.lang));
    }

    fn save_import(&mut self) {
        if self.jobs.running.is_some() || self.ui.import.files.is_empty() {
            return;
        }
        match self.ui.import.destination(self.prefs.lang) {
            Ok((slug, new_zone)) => {
                let files = self.ui.import.files.clone();
                self.jobs.start_import(files, slug, new_zone);
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
