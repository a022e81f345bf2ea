//! User actions. Panels push [`Command`]s; the app applies them after drawing. Each command
//! knows its label and keyboard shortcut, so menus, buttons and shortcuts stay in sync.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::export::ExportRequest;
use super::i18n::{Lang, T};
use super::state::View;
use crate::model::Span;
use crate::store::rows::{MeasureCorrection, TargetCorrection};

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    ShowView(View),
    /// Open the native file dialog and add the chosen files to the import list.
    OpenImportDialog,
    FocusSearch,
    /// Export the current view's chart (`Ctrl+E`).
    ExportView,
    /// Save a chart, tables or the briefing: asks where (dialog or path field), then writes.
    Export(ExportRequest),
    /// Tick or untick a zone.
    ToggleZone(String),
    /// Load the documents and themes of these zones (their cards or heatmap columns came
    /// into view).
    LoadZoneDetails(Vec<String>),
    /// Load every document's title for the reader's picker.
    LoadDocumentTitles,
    /// Compare two stored documents as versions of one plan (older, newer).
    RunDiff {
        old: i64,
        new: i64,
    },
    /// Sidebar filters changed: query again.
    Refresh,
    ClearFilters,
    /// Open the Compare view on a theme.
    CompareTheme(String),
    /// Open a document in the reader, scrolled to and highlighting `span`.
    OpenSource {
        doc_id: i64,
        span: Option<Span>,
    },
    CorrectTarget {
        id: i64,
        correction: TargetCorrection,
    },
    ResetTarget(i64),
    /// Record an actual outcome (replacing one of the same zone, indicator and year).
    SetActual(crate::store::rows::ActualRow),
    /// Remove the actual outcome of (zone, indicator, year).
    DeleteActual {
        zone: String,
        indicator: String,
        year: i32,
    },
    CorrectMeasure {
        id: i64,
        correction: MeasureCorrection,
    },
    ResetMeasure(i64),
    /// Store the user's English for a Chinese title (empty: back to the machine gloss).
    SetTranslation {
        zh: String,
        en: String,
    },
    /// Give a zone the English name the user typed (empty: the gloss of its Chinese name).
    SetZoneEnglishName {
        slug: String,
        en: String,
    },
    /// Files chosen in the dialog, dropped on the window, typed, or given by a test.
    AddImportFiles(Vec<PathBuf>),
    StartPreview,
    SaveImport,
    CancelJob,
    SetLanguage(Lang),
    SetDark(bool),
}

impl Command {
    /// Commands reachable by a keyboard shortcut.
    pub fn with_shortcuts() -> Vec<Command> {
        let mut all: Vec<Command> = View::ALL.iter().map(|v| Command::ShowView(*v)).collect();
        all.extend([
            Command::OpenImportDialog,
            Command::FocusSearch,
            Command::ExportView,
        ]);
        all
    }

    /// The keyboard shortcut of this command, if it has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let key = match self {
            Command::ShowView(view) => {
                let keys = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                ];
                let i = View::ALL.iter().position(|v| v == view)?;
                keys[i]
            }
            Command::OpenImportDialog => Key::O,
            Command::FocusSearch => Key::F,
            Command::ExportView => Key::E,
            _ => return None,
        };
        Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }

    /// The label shown on buttons and menu items for this command.
    pub fn label(&self, lang: Lang) -> &'static str {
        let key = match self {
            Command::ShowView(view) => view_label(*view),
            Command::OpenImportDialog => T::OpenImport,
            Command::FocusSearch => T::FocusSearch,
            Command::ExportView | Command::Export(_) => T::Export,
            Command::ClearFilters => T::ClearFilters,
            Command::OpenSource { .. } => T::OpenSource,
            Command::ResetTarget(_) | Command::ResetMeasure(_) => T::ResetToParsed,
            Command::StartPreview => T::Preview,
            Command::SaveImport => T::SaveImport,
            Command::CancelJob => T::CancelJob,
            Command::CorrectTarget { .. } => T::CorrectTarget,
            Command::SetActual(_) | Command::DeleteActual { .. } => T::Actual,
            Command::CorrectMeasure { .. } => T::CorrectMeasure,
            Command::SetTranslation { .. } => T::Translate,
            Command::SetZoneEnglishName { .. } => T::EnglishName,
            Command::AddImportFiles(_) => T::Add,
            Command::ToggleZone(_) | Command::LoadZoneDetails(_) => T::Zones,
            Command::LoadDocumentTitles => T::Document,
            Command::RunDiff { .. } => T::DiffRun,
            Command::Refresh => T::Filters,
            Command::CompareTheme(_) => T::Compare,
            Command::SetLanguage(_) => T::Language,
            Command::SetDark(_) => T::DarkMode,
        };
        key.get(lang)
    }

    /// Tooltip text: the label plus its shortcut, when it has one.
    pub fn tooltip(&self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut() {
            Some(s) => format!("{} ({})", self.label(lang), ctx.format_shortcut(&s)),
            None => self.label(lang).to_string(),
        }
    }
}

/// Label key of a view's tab.
pub fn view_label(view: View) -> T {
    match view {
        View::Overview => T::Overview,
        View::Compare => T::Compare,
        View::Targets => T::Targets,
        View::Agencies => T::Agencies,
        View::Reader => T::Reader,
        View::Import => T::Import,
        View::Diff => T::Diff,
    }
}

/// Collects commands during a frame.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Queues a command to apply after drawing.
    pub fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    /// Takes the queued commands.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}
