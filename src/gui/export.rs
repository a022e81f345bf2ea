//! Exports from the desktop app: charts (PNG, SVG), tables (CSV, XLSX) and the briefing
//! (HTML, DOCX). A request carries what was on screen (the same [`Chart`] the view drew); the
//! file name comes from the system save dialog, run on its own thread so the window keeps
//! drawing, or — when no dialog can be shown (no desktop portal, no zenity) — from an
//! in-app path field pre-filled with a name in the user's documents folder. Files are
//! written on a background thread through the library's atomic writers; the status bar
//! says where the file went, or why it could not be written, in the interface language.

mod cache;
mod dialog;

pub use cache::{ChartCache, ChartSlot, dataset_from_snapshot};
pub use dialog::{default_dir, dialog_possible, unique_path};

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::i18n::{Lang, Localized};
use crate::analysis::Dataset;
use crate::catalog::Catalog;
use crate::charts::Chart;
use crate::export::briefing::{self, BriefingOptions};
use crate::export::table::{self, Table};
use crate::store::Store;

/// A dialog that closes faster than this without a file was never shown (no portal and no
/// zenity): nobody cancels a save dialog that quickly.
const DIALOG_FAILED_WITHIN: Duration = Duration::from_millis(400);

/// File types the app writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Png,
    Svg,
    Csv,
    Xlsx,
    Html,
    Docx,
}

impl FileKind {
    /// Extension without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Svg => "svg",
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
            FileKind::Html => "html",
            FileKind::Docx => "docx",
        }
    }

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Png => "PNG",
            FileKind::Svg => "SVG",
            FileKind::Csv => "CSV",
            FileKind::Xlsx => "XLSX",
            FileKind::Html => "HTML",
            FileKind::Docx => "DOCX",
        }
    }

    fn from_ext(ext: &str) -> Option<FileKind> {
        match ext {
            "png" => Some(FileKind::Png),
            "svg" => Some(FileKind::Svg),
            "csv" => Some(FileKind::Csv),
            "xlsx" => Some(FileKind::Xlsx),
            "html" | "htm" => Some(FileKind::Html),
            "docx" => Some(FileKind::Docx),
            _ => None,
        }
    }
}

/// What is exported, captured when the user asked.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportWhat {
    /// The chart exactly as the view drew it.
    Chart(Box<Chart>),
    /// Tables of the rows on screen (XLSX: one sheet each; CSV: the first).
    Tables(Vec<Table>),
    /// The briefing of the ticked zones (and the theme filter), read fresh from the database;
    /// `selection` is printed under its title (zones, filters, search, and which of them the
    /// briefing applies).
    Briefing {
        zones: Vec<String>,
        themes: Vec<String>,
        lang: crate::charts::Lang,
        selection: Vec<(String, String)>,
    },
}

impl ExportWhat {
    /// File types this content can be saved as.
    pub fn kinds(&self) -> &'static [FileKind] {
        match self {
            ExportWhat::Chart(_) => &[FileKind::Png, FileKind::Svg],
            ExportWhat::Tables(_) => &[FileKind::Csv, FileKind::Xlsx],
            ExportWhat::Briefing { .. } => &[FileKind::Html, FileKind::Docx],
        }
    }
}

/// One export the user asked for: the content, the file type of the button pressed, and
/// the stem of the suggested file name.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub what: ExportWhat,
    pub kind: FileKind,
    pub stem: String,
}

impl ExportRequest {
    /// The suggested file name, e.g. `zonecompare-indicator-high_tech_enterprises.png`.
    pub fn file_name(&self) -> String {
        format!("zonecompare-{}.{}", self.stem, self.kind.ext())
    }
}

/// The in-app save window, used when the system dialog cannot be shown.
#[derive(Debug, Clone)]
pub struct SaveWindow {
    pub request: ExportRequest,
    /// The path being edited (pre-filled with a free name in the documents folder).
    pub path: String,
    /// Why the path field is shown instead of the system dialog.
    pub note: String,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
    /// A write is running.
    pub saving: bool,
}

/// Stands in for the system save dialog (tests, or an embedding app): given the request,
/// the chosen path or `None` for "no file".
pub type DialogFn = Arc<dyn Fn(&ExportRequest) -> Option<PathBuf> + Send + Sync>;

/// What a background thread reports.
enum Done {
    Dialog(ExportRequest, Option<PathBuf>, Duration),
    /// The file written and, for a CSV, the selection file written beside it; or the path
    /// and why it could not be written.
    Written(Result<(PathBuf, Option<PathBuf>), (PathBuf, String)>),
}

/// Export state kept between frames: the on-screen chart cache, the save window, and the
/// dialogs and writes in flight.
pub struct ExportState {
    /// Try the system save dialog (false: always the in-app path field).
    pub use_dialog: bool,
    /// Replaces the system dialog when set.
    pub dialog: Option<DialogFn>,
    /// Charts as the views drew them, reused for export.
    pub charts: ChartCache,
    pub window: Option<SaveWindow>,
    /// The last finished export: the file written or the message shown.
    pub last: Option<Result<PathBuf, String>>,
    db_path: PathBuf,
    lang: Lang,
    running: usize,
    message: Option<(Localized, bool)>,
    tx: Sender<Done>,
    rx: Receiver<Done>,
    repaint: Option<egui::Context>,
}

impl Default for ExportState {
    fn default() -> Self {
        let (tx, rx) = channel();
        ExportState {
            use_dialog: dialog_possible(),
            dialog: None,
            charts: ChartCache::default(),
            window: None,
            last: None,
            db_path: PathBuf::new(),
            lang: Lang::Zh,
            running: 0,
            message: None,
            tx,
            rx,
            repaint: None,
        }
    }
}

/// Why the in-app save window asks for a path.
fn window_note(lang: Lang) -> String {
    tr(
        lang,
        "系统保存对话框不可用（没有桌面门户服务，也没有 zenity），请在此输入保存路径。",
        "The system save dialog is not available (no desktop portal, no zenity): type where to save the file.",
    )
}

/// Interface text of this module in `lang`.
fn tr(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

impl ExportState {
    /// True while a dialog is open or a file is being written.
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    /// Starts an export: the save dialog on its own thread, or the in-app path field.
    pub fn start(&mut self, request: ExportRequest, db_path: &Path, lang: Lang) {
        self.db_path = db_path.to_path_buf();
        self.lang = lang;
        if !self.use_dialog {
            self.open_window(request);
            return;
        }
        let (tx, repaint) = (self.tx.clone(), self.repaint.clone());
        let title = tr(lang, "导出到文件", "Export to file");
        let stand_in = self.dialog.clone();
        let spawned = std::thread::Builder::new()
            .name("zonecompare-save-dialog".into())
            .spawn(move || {
                let (path, elapsed) = match stand_in {
                    Some(ask) => {
                        let start = std::time::Instant::now();
                        (ask(&request), start.elapsed())
                    }
                    None => dialog::ask(&request, &title),
                };
                let _ = tx.send(Done::Dialog(request, path, elapsed));
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.running += 1;
                let msg = Localized::new(
                    "请在保存对话框中选择位置…",
                    "Choose where to save in the dialog…",
                );
                self.say(msg, false);
            }
            Err(e) => self.say(Localized::same(e.to_string()), true),
        }
    }

    /// Opens the in-app save window with a free default path.
    fn open_window(&mut self, request: ExportRequest) {
        let path = unique_path(&default_dir(), &request.file_name());
        let note = window_note(self.lang);
        self.window = Some(SaveWindow {
            request,
            path: path.display().to_string(),
            note,
            error: None,
            saving: false,
        });
    }

    /// Writes the save window's request to the path typed in it.
    pub fn save_window(&mut self) {
        let Some(w) = &mut self.window else { return };
        if w.saving {
            return;
        }
        let path = PathBuf::from(w.path.trim());
        match checked_path(&w.request, &path, self.lang) {
            Ok(path) => {
                w.saving = true;
                w.error = None;
                let request = w.request.clone();
                self.write(request, path);
            }
            Err(msg) => w.error = Some(msg),
        }
    }

    /// Closes the save window without writing.
    pub fn cancel_window(&mut self) {
        if self.window.take().is_some() {
            self.say(Localized::new("已取消导出", "Export cancelled"), false);
        }
    }

    fn write(&mut self, request: ExportRequest, path: PathBuf) {
        let (tx, repaint, db) = (self.tx.clone(), self.repaint.clone(), self.db_path.clone());
        let spawned = std::thread::Builder::new()
            .name("zonecompare-export".into())
            .spawn(move || {
                let result = write_file(&request, &path, &db)
                    .map(|beside| (path.clone(), beside))
                    .map_err(|e| (path.clone(), e));
                let _ = tx.send(Done::Written(result));
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.running += 1,
            Err(e) => self.say(Localized::same(e.to_string()), true),
        }
    }

    fn say(&mut self, msg: Localized, error: bool) {
        if error {
            self.last = Some(Err(msg.get(self.lang).to_string()));
        }
        self.message = Some((msg, error));
    }

    fn handle(&mut self, done: Done) {
        self.running = self.running.saturating_sub(1);
        match done {
            Done::Dialog(request, Some(path), _) => {
                let path = with_extension(&path, request.kind);
                match checked_path(&request, &path, self.lang) {
                    Ok(path) => self.write(request, path),
                    Err(_) => {
                        let msg = Localized::of(|l| {
                            checked_path(&request, &path, l).err().unwrap_or_default()
                        });
                        self.say(msg, true);
                    }
                }
            }
            Done::Dialog(request, None, elapsed) if elapsed < DIALOG_FAILED_WITHIN => {
                // No dialog could be shown: use the path field from now on.
                self.use_dialog = false;
                self.open_window(request);
                if self.window.is_some() {
                    self.message = Some((Localized::of(window_note), false));
                }
            }
            Done::Dialog(_, None, _) => {
                let msg = Localized::new(
                    "已取消导出（若没有看到对话框，可设置环境变量 ZONECOMPARE_NO_DIALOG=1 后改为输入路径）",
                    "Export cancelled (if no dialog appeared, set ZONECOMPARE_NO_DIALOG=1 to type the path instead)",
                );
                self.say(msg, false);
            }
            Done::Written(Ok((path, beside))) => {
                self.window = None;
                let name =
                    beside.and_then(|b| b.file_name().map(|n| n.to_string_lossy().into_owned()));
                let msg = Localized::of(|l| {
                    let mut msg =
                        format!("{}{}", tr(l, "已导出到 ", "Exported to "), path.display());
                    if let Some(name) = &name {
                        msg.push_str(&match l {
                            Lang::Zh => format!("（筛选条件见 {name}）"),
                            Lang::En => format!(" (selection in {name})"),
                        });
                    }
                    msg
                });
                self.last = Some(Ok(path));
                self.message = Some((msg, false));
            }
            Done::Written(Err((path, error))) => {
                let msg = Localized::of(|l| failed(l, &path, &error));
                if let Some(w) = &mut self.window {
                    w.saving = false;
                    w.error = Some(msg.get(self.lang).to_string());
                }
                self.say(msg, true);
            }
        }
    }

    /// Handles what the threads reported (called every frame); returns a status-bar
    /// message when there is a new one.
    pub fn poll(&mut self, ctx: &egui::Context, lang: Lang) -> Option<(Localized, bool)> {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        self.lang = lang;
        while let Ok(done) = self.rx.try_recv() {
            self.handle(done);
        }
        self.message.take()
    }

    /// Blocks until no dialog is open and no file is being written (tests); the status
    /// message stays queued for the next [`poll`](Self::poll).
    pub fn wait(&mut self) {
        while self.running > 0 {
            match self.rx.recv() {
                Ok(done) => self.handle(done),
                Err(_) => break,
            }
        }
    }
}

/// `path` with the request's extension added when it has none.
fn with_extension(path: &Path, kind: FileKind) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(kind.ext())
    } else {
        path.to_path_buf()
    }
}

/// Checks the path before any work: a file type this content can be, in a folder that
/// exists, not a folder itself. Messages in plain words.
fn checked_path(request: &ExportRequest, path: &Path, lang: Lang) -> Result<PathBuf, String> {
    if path.as_os_str().is_empty() {
        return Err(tr(lang, "请输入文件路径。", "Type a file path."));
    }
    if path.is_dir() {
        return Err(match lang {
            Lang::Zh => format!("{} 是文件夹，请在后面加上文件名。", path.display()),
            Lang::En => format!("{} is a folder; add a file name.", path.display()),
        });
    }
    let path = with_extension(path, request.kind);
    let allowed = request.what.kinds();
    let ext = crate::export::extension(&path).unwrap_or_default();
    if !FileKind::from_ext(&ext).is_some_and(|k| allowed.contains(&k)) {
        let list: Vec<String> = allowed.iter().map(|k| format!(".{}", k.ext())).collect();
        return Err(match lang {
            Lang::Zh => format!("文件类型不对：请保存为 {}。", list.join(" 或 ")),
            Lang::En => format!("Wrong file type: save as {}.", list.join(" or ")),
        });
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
        return Err(match lang {
            Lang::Zh => format!("文件夹 {} 不存在。", dir.display()),
            Lang::En => format!("The folder {} does not exist.", dir.display()),
        });
    }
    Ok(path)
}

/// The message shown when writing failed.
fn failed(lang: Lang, path: &Path, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法导出到 {}：{error}", path.display()),
        Lang::En => format!("Could not export to {}: {error}", path.display()),
    }
}

/// Writes one export (on the export thread). The file type comes from the extension. A CSV
/// holds one table as it is (scripts read it unchanged); the selection it was made under
/// (the last sheet of the view's tables) goes to a second CSV beside it, whose path is
/// returned.
fn write_file(request: &ExportRequest, path: &Path, db: &Path) -> Result<Option<PathBuf>, String> {
    let err = |e: crate::Error| e.to_string();
    match &request.what {
        ExportWhat::Chart(chart) => crate::export::save_chart(chart, path)
            .map(|()| None)
            .map_err(err),
        ExportWhat::Tables(tables) => {
            table::save_tables(tables, path).map_err(err)?;
            let is_csv = crate::export::extension(path).as_deref() == Some("csv");
            let selection = tables
                .last()
                .filter(|t| tables.len() > 1 && crate::gui::panels::selection::is_sheet(t));
            match selection {
                Some(sel) if is_csv => {
                    let beside = table::selection_path(path);
                    table::save_tables(std::slice::from_ref(sel), &beside).map_err(err)?;
                    Ok(Some(beside))
                }
                _ => Ok(None),
            }
        }
        ExportWhat::Briefing {
            zones,
            themes,
            lang,
            selection,
        } => {
            let store = Store::open(db).map_err(err)?;
            let ds = Dataset::load(&store, zones).map_err(err)?;
            let opts = BriefingOptions {
                themes: themes.clone(),
                selection: selection.clone(),
                ..BriefingOptions::new(*lang)
            };
            briefing::save(&ds, Catalog::in_use(), &opts, path)
                .map(|()| None)
                .map_err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_request() -> ExportRequest {
        ExportRequest {
            what: ExportWhat::Tables(Vec::new()),
            kind: FileKind::Csv,
            stem: "targets".into(),
        }
    }

    #[test]
    fn paths_are_checked_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let r = table_request();
        let ok = checked_path(&r, &dir.path().join("t"), Lang::En).unwrap();
        assert_eq!(ok, dir.path().join("t.csv"));
        let e = checked_path(&r, &dir.path().join("t.png"), Lang::En).unwrap_err();
        assert!(e.contains(".csv or .xlsx"), "{e}");
        let e = checked_path(&r, &dir.path().join("no/t.csv"), Lang::Zh).unwrap_err();
        assert!(e.contains("不存在"), "{e}");
        let e = checked_path(&r, dir.path(), Lang::En).unwrap_err();
        assert!(e.contains("folder"), "{e}");
    }

    #[test]
    fn file_names_carry_the_stem_and_extension() {
        assert_eq!(table_request().file_name(), "zonecompare-targets.csv");
    }
}
