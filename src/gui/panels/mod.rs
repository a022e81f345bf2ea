//! The views and the frame around them. Each panel draws from [`Ctx`] (preferences, the
//! data snapshot, transient UI state) and pushes [`Command`]s; none touches the database.

pub mod actual;
pub mod agencies;
pub mod agency_page;
pub mod chart;
pub mod compare;
pub mod dialog;
pub mod diff;
pub mod edit;
pub mod export;
pub mod import;
pub mod names;
pub mod overview;
pub mod owners;
pub mod reader;
pub mod recovery;
pub mod selection;
pub mod sidebar;
pub mod statusbar;
pub mod targets;

use std::path::Path;

use egui::{Color32, RichText};

use super::command::{Command, Commands, view_label};
use super::data::Snapshot;
use super::i18n::{Lang, T};
use super::jobs::RunningJob;
use super::state::{Prefs, View};
use crate::gui::compare_layout::CompareLayout;
use crate::model::Instrument;

pub use import::ImportState;
pub use reader::ReaderState;

/// Transient state of the panels: text being typed, open editors, the reader's document.
#[derive(Default)]
pub struct UiState {
    pub search: String,
    pub focus_search: bool,
    pub reader: ReaderState,
    /// The Diff view's chosen versions and their comparison.
    pub diff: diff::DiffState,
    /// Zones whose documents and themes were asked for since the overview was last loaded.
    pub details_asked: std::collections::HashSet<String>,
    pub import: ImportState,
    pub edit: edit::Editors,
    /// The actual-value window of the Targets view, while open.
    pub actual: Option<actual::ActualEdit>,
    pub targets: targets::TableState,
    /// The Agencies view's table rows.
    pub agencies: agencies::AgencyTable,
    /// The Compare view's line-up, rebuilt when the data or the selection changes.
    pub compare: CompareLayout,
    /// Compare scrolls back to its top on the next frame (a heatmap cell opened it).
    pub compare_scroll_to_top: bool,
    /// The filter option lists, rebuilt when the data or the language changes.
    pub options: sidebar::OptionsCache,
    /// The sidebar's zone finder (shown when there are many zones).
    pub zone_finder: sidebar::ZoneFinder,
    /// When the search text last changed (egui time, seconds) and was not yet queried.
    pub search_edited_at: Option<f64>,
    /// The damaged-database dialog, while it is open.
    pub recovery: Option<recovery::RecoveryState>,
    /// Chart cache, save window and exports in flight.
    pub export: crate::gui::export::ExportState,
    /// Last message for the status bar, and whether it is an error.
    pub status: Option<(String, bool)>,
    /// The status message in both languages when it is interface text (so a language
    /// switch shows it in the new language).
    pub status_text: Option<crate::gui::i18n::Localized>,
    /// Why the database could not be opened.
    pub store_error: Option<String>,
}

impl UiState {
    /// Initial state for the given preferences.
    pub fn new(prefs: &Prefs) -> UiState {
        UiState {
            search: prefs.filter.search.clone().unwrap_or_default(),
            ..UiState::default()
        }
    }

    /// Shows an informational message in the status bar.
    pub fn set_status(&mut self, msg: &str) {
        self.status = Some((msg.to_string(), false));
        self.status_text = None;
    }

    /// Shows an interface text in the status bar, kept in step with the language.
    pub fn set_status_key(&mut self, key: T, lang: Lang) {
        self.set_localized(key.into(), false, lang);
    }

    /// Shows a message written in both languages (an error when `error`), kept in step with
    /// the interface language.
    pub fn set_localized(&mut self, msg: crate::gui::i18n::Localized, error: bool, lang: Lang) {
        self.status = Some((msg.get(lang).to_string(), error));
        self.status_text = Some(msg);
    }

    /// The interface language changed: a status message that is interface text follows.
    pub fn relabel_status(&mut self, lang: Lang) {
        if let (Some(text), Some((msg, _))) = (&self.status_text, &mut self.status) {
            *msg = text.get(lang).to_string();
        }
    }

    /// Shows an error in the status bar.
    pub fn set_error(&mut self, msg: String) {
        self.status = Some((msg, true));
        self.status_text = None;
    }
}

/// Everything a panel may read or change during one frame.
pub struct Ctx<'a> {
    pub prefs: &'a mut Prefs,
    pub data: &'a Snapshot,
    pub st: &'a mut UiState,
    pub cmds: &'a mut Commands,
    pub job: Option<&'a RunningJob>,
    pub db_path: &'a Path,
    pub busy: bool,
}

impl Ctx<'_> {
    /// Current interface language.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// Interface text in the current language.
    pub fn t(&self, key: T) -> &'static str {
        key.get(self.prefs.lang)
    }

    /// Zone's display name in the current language.
    pub fn zone_name(&self, slug: &str) -> String {
        match self
            .data
            .overview
            .zones
            .iter()
            .find(|z| z.zone.slug == slug)
        {
            Some(z) => crate::charts::labels::zone_name(&z.zone, self.lang()).into_owned(),
            None => slug.to_string(),
        }
    }

    /// A measure or document title in the current language: in English the user's
    /// translation or the machine gloss, marked `[gloss]`.
    pub fn title(&self, zh: &str) -> String {
        match self.lang() {
            Lang::Zh => zh.to_string(),
            Lang::En => {
                let t = crate::english::title(&self.data.overview.translations, zh);
                match t.source {
                    crate::english::TitleSource::Gloss => format!("{} [gloss]", t.text),
                    crate::english::TitleSource::Translation => t.text,
                }
            }
        }
    }

    /// A target's indicator as shown: as written (with the canonical name) in Chinese; the
    /// canonical English name, or the gloss of the words, in English.
    pub fn target_indicator(&self, t: &crate::model::Target) -> String {
        match (self.lang(), &t.indicator_id) {
            (Lang::Zh, Some(id)) => format!("{} [{}]", t.indicator, self.indicator_name(id)),
            (Lang::Zh, None) => t.indicator.clone(),
            (Lang::En, Some(id)) => self.indicator_name(id),
            (Lang::En, None) => crate::english::gloss(&t.indicator),
        }
    }

    /// A target's value: `≥120户` in Chinese, `at least 120 enterprises` in English.
    pub fn target_value(&self, t: &crate::model::Target) -> String {
        match self.lang() {
            Lang::Zh => crate::charts::labels::fmt_target(t, Lang::Zh),
            Lang::En => {
                let catalog = crate::catalog::Catalog::in_use();
                let noun =
                    crate::english::values::count_noun(catalog, t.indicator_id.as_deref(), &t.unit);
                let words = crate::english::values::comparator_words(t.comparator);
                let q = crate::english::values::quantity(t.value, t.value_max, &t.unit, &noun);
                format!("{words} {q}").trim().to_string()
            }
        }
    }

    /// Zone's colour (by its place in the zone list).
    pub fn zone_color(&self, slug: &str) -> Color32 {
        let i = self
            .data
            .overview
            .zones
            .iter()
            .position(|z| z.zone.slug == slug)
            .unwrap_or(0);
        super::theme::zone_color(i)
    }

    /// Theme's display name.
    pub fn theme_name(&self, id: &str) -> String {
        names::theme(self.lang(), id)
    }

    /// Canonical indicator's display name.
    pub fn indicator_name(&self, id: &str) -> String {
        names::indicator(self.lang(), id)
    }

    /// Agency display name: the canonical Chinese name, or the English one when known.
    pub fn agency_name(&self, canonical: &str) -> String {
        names::agency(self.lang(), canonical)
    }

    /// Policy-instrument family name.
    pub fn instrument_name(&self, i: Instrument) -> &'static str {
        names::instrument(self.lang(), i)
    }
}

/// The words typed into a filter box: a text matches when it contains every one of them,
/// ignoring case.
pub struct Words(Vec<String>);

impl Words {
    pub fn new(query: &str) -> Words {
        Words(query.split_whitespace().map(str::to_lowercase).collect())
    }

    pub fn matches(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        self.0.iter().all(|w| text.contains(w.as_str()))
    }
}

/// A small filled square in a zone's colour.
pub fn color_chip(ui: &mut egui::Ui, color: Color32) {
    let size = egui::vec2(12.0, 12.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// Says that only the first [`ROW_LIMIT`](crate::gui::data::ROW_LIMIT) rows were loaded.
pub fn first_rows_note(ui: &mut egui::Ui, ctx: &Ctx<'_>) {
    let n = crate::gui::data::ROW_LIMIT.to_string();
    let text = ctx.t(T::FirstRows).replace("{n}", &n);
    let color = super::theme::warn_color(ctx.prefs.dark);
    ui.add(egui::Label::new(RichText::new(text).color(color)).truncate());
}

/// The "corrected" mark shown beside values a user changed.
pub fn corrected_mark(ui: &mut egui::Ui, ctx: &Ctx<'_>) {
    let color = super::theme::warn_color(ctx.prefs.dark);
    ui.label(
        RichText::new(format!("● {}", ctx.t(T::Corrected)))
            .color(color)
            .small(),
    )
    .on_hover_text(ctx.t(T::CorrectedTip));
}

/// Draws the frame (top bar, sidebar, status bar), the current view and any open editor.
pub fn show_all(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    egui::Panel::top("top_bar").show(ui, |ui| top_bar(ui, ctx));
    egui::Panel::bottom("status_bar").show(ui, |ui| statusbar::show(ui, ctx));
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(270.0)
        .min_size(220.0)
        .show(ui, |ui| sidebar::show(ui, ctx));
    egui::CentralPanel::default().show(ui, |ui| match ctx.prefs.view {
        View::Overview => overview::show(ui, ctx),
        View::Compare => compare::show(ui, ctx),
        View::Targets => targets::show(ui, ctx),
        View::Agencies => agencies::show(ui, ctx),
        View::Reader => reader::show(ui, ctx),
        View::Import => import::show(ui, ctx),
        View::Diff => diff::show(ui, ctx),
    });
    edit::show(ui, ctx);
    actual::window(ui, ctx);
    recovery::show(ui, ctx);
    export::window(ui, ctx);
}

fn top_bar(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        for view in View::ALL {
            let command = Command::ShowView(view);
            let tip = command.tooltip(ui.ctx(), ctx.lang());
            let selected = ctx.prefs.view == view;
            let label = RichText::new(view_label(view).get(ctx.lang())).size(15.0);
            if ui
                .selectable_label(selected, label)
                .on_hover_text(tip)
                .clicked()
            {
                ctx.cmds.push(command);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (label, dark) = if ctx.prefs.dark {
                (ctx.t(T::LightMode).to_string(), false)
            } else {
                (ctx.t(T::DarkMode).to_string(), true)
            };
            if ui
                .button(label)
                .on_hover_text(ctx.t(T::ToggleThemeTip))
                .clicked()
            {
                ctx.cmds.push(Command::SetDark(dark));
            }
            for (lang, name) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                let r = ui.selectable_label(ctx.lang() == lang, name);
                if r.on_hover_text(ctx.t(T::LanguageTip)).clicked() {
                    ctx.cmds.push(Command::SetLanguage(lang));
                }
            }
        });
    });
}
