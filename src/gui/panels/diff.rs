//! Diff: two stored documents taken as versions of one plan (a draft and the final text,
//! one five-year plan and the next) — measures added, removed or reworded, targets raised,
//! lowered, added, dropped or moved to another deadline. The comparison runs on the query
//! worker ([`crate::gui::data::load_diff`]); this panel only picks and shows.

use std::sync::Arc;

use egui::RichText;

use super::Ctx;
use crate::analysis::diff::{MeasureRef, PlanDiff, TargetChange, TargetRef, similarity};
use crate::charts::labels::fmt_figure;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::store::rows::DocumentTitle;

/// What the worker answers for a pair: the changes, or why a version could not be read.
pub type DiffResult = Result<Box<PlanDiff>, String>;

/// The chosen versions and the last comparison.
#[derive(Default)]
pub struct DiffState {
    pub old: Option<i64>,
    pub new: Option<i64>,
    /// The pair being compared on the worker.
    pub running: Option<(i64, i64)>,
    /// The pair last compared and what changed (or why it could not be read).
    pub result: Option<((i64, i64), DiffResult)>,
    /// Defaults were chosen once the titles arrived.
    defaulted: bool,
}

impl DiffState {
    /// A comparison of `old` → `new` was asked for.
    pub fn start(&mut self, old: i64, new: i64) {
        self.old = Some(old);
        self.new = Some(new);
        self.running = Some((old, new));
    }

    /// The worker answered for `pair`.
    pub fn set_result(&mut self, pair: (i64, i64), result: DiffResult) {
        if self.running == Some(pair) {
            self.running = None;
        }
        self.result = Some((pair, result));
    }

    /// First use: the two documents of one zone whose titles are most alike (most likely
    /// versions of one plan), older first. Documents are listed by id, and each is
    /// compared with the next few only, so the guess costs the same at any scale.
    fn choose_defaults(&mut self, titles: &[DocumentTitle]) {
        if self.defaulted {
            return;
        }
        self.defaulted = true;
        if self.old.is_some() || self.new.is_some() {
            return;
        }
        let mut best: Option<(f64, i64, i64)> = None;
        for (i, a) in titles.iter().enumerate() {
            for b in titles[i + 1..].iter().take(DEFAULT_WINDOW) {
                if a.zone_slug != b.zone_slug {
                    continue;
                }
                let s = similarity(&a.title, &b.title);
                if best.is_none_or(|(top, ..)| s > top) {
                    best = Some((s, a.id.min(b.id), a.id.max(b.id)));
                }
            }
        }
        if let Some((_, old, new)) = best {
            self.old = Some(old);
            self.new = Some(new);
        }
    }
}

/// How many following documents each title is compared with when guessing a pair.
const DEFAULT_WINDOW: usize = 8;

/// Rows a picker shows at once.
const PICKER_ROWS: f32 = 14.0;

pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.heading(ctx.t(T::Diff));
    ui.label(RichText::new(ctx.t(T::DiffHint)).weak());
    let generation = ctx.data.overview_generation;
    let Some(titles) = ctx.st.reader.titles(generation) else {
        ctx.cmds.push(Command::LoadDocumentTitles);
        ui.spinner();
        return;
    };
    ctx.st.diff.choose_defaults(&titles);
    ui.add_space(6.0);
    egui::Grid::new("diff_pickers")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let mut old = ctx.st.diff.old;
            picker(ui, ctx, T::DiffOld, "diff_old", &titles, &mut old);
            ui.end_row();
            let mut new = ctx.st.diff.new;
            picker(ui, ctx, T::DiffNew, "diff_new", &titles, &mut new);
            ui.end_row();
            ctx.st.diff.old = old;
            ctx.st.diff.new = new;
        });
    let (old, new) = (ctx.st.diff.old, ctx.st.diff.new);
    ui.horizontal(|ui| {
        let ready = matches!((old, new), (Some(a), Some(b)) if a != b);
        let running = ctx.st.diff.running.is_some();
        if ui
            .add_enabled(ready && !running, egui::Button::new(ctx.t(T::DiffRun)))
            .clicked()
            && let (Some(old), Some(new)) = (old, new)
        {
            ctx.cmds.push(Command::RunDiff { old, new });
        }
        if running {
            ui.spinner();
        }
        if old.is_some() && old == new {
            ui.label(RichText::new(ctx.t(T::DiffSame)).weak());
        }
    });
    ui.separator();
    // Taken out while drawing (the panel needs `ctx` too), put back after.
    let result = ctx.st.diff.result.take();
    match &result {
        Some((pair, _)) if Some(*pair) != old.zip(new) => {}
        None => {}
        Some((_, Err(msg))) => {
            let color = crate::gui::theme::warn_color(ctx.prefs.dark);
            ui.label(RichText::new(msg).color(color));
        }
        Some((_, Ok(d))) => {
            egui::ScrollArea::vertical()
                .id_salt("diff_result")
                .auto_shrink([false, false])
                .show(ui, |ui| changes(ui, ctx, d));
        }
    }
    ctx.st.diff.result = result;
}

/// A combo box of every document (only the rows in view are drawn).
fn picker(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    label: T,
    salt: &str,
    titles: &Arc<Vec<DocumentTitle>>,
    chosen: &mut Option<i64>,
) {
    let label_id = ui.label(ctx.t(label)).id;
    // The id first: two versions of one plan often share zone and title.
    let name = |d: &DocumentTitle| {
        format!(
            "#{} {} — {}",
            d.id,
            ctx.zone_name(&d.zone_slug),
            ctx.title(&d.title)
        )
    };
    let shown = chosen
        .and_then(|id| titles.iter().find(|d| d.id == id))
        .map(name)
        .unwrap_or_else(|| ctx.t(T::ChooseDocument).to_string());
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(ui.available_width().clamp(200.0, 760.0))
        .truncate()
        .show_ui(ui, |ui| {
            let row_h = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt((salt, "rows"))
                .max_height(PICKER_ROWS * (row_h + ui.spacing().item_spacing.y))
                .show_rows(ui, row_h, titles.len(), |ui, range| {
                    for d in &titles[range] {
                        if ui
                            .selectable_label(*chosen == Some(d.id), name(d))
                            .clicked()
                        {
                            *chosen = Some(d.id);
                            ui.close();
                        }
                    }
                });
        })
        .response
        .labelled_by(label_id);
}

/// The summary line and one section per kind of change.
fn changes(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, d: &PlanDiff) {
    let m = &d.measures;
    let t = &d.targets;
    if d.is_empty() {
        ui.label(ctx.t(T::DiffNothing));
    }
    measure_section(ui, ctx, T::MeasuresAdded, &m.added);
    measure_section(ui, ctx, T::MeasuresRemoved, &m.removed);
    if !m.changed.is_empty() {
        heading(ui, ctx, T::MeasuresChanged, m.changed.len());
        egui::Grid::new("diff_changed")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for c in &m.changed {
                    ui.label(c.old.path.join(" / "));
                    ui.label(format!(
                        "{} → {}",
                        ctx.title(&c.old.title),
                        ctx.title(&c.new.title)
                    ));
                    let mut agencies: Vec<String> = c
                        .agencies_added
                        .iter()
                        .map(|a| format!("+{}", ctx.agency_name(a)))
                        .collect();
                    agencies.extend(
                        c.agencies_removed
                            .iter()
                            .map(|a| format!("−{}", ctx.agency_name(a))),
                    );
                    ui.label(agencies.join(" "));
                    ui.end_row();
                }
            });
    }
    target_changes(ui, ctx, T::TargetsRaised, &t.raised);
    target_changes(ui, ctx, T::TargetsLowered, &t.lowered);
    target_changes(ui, ctx, T::TargetsMoved, &t.moved);
    target_section(ui, ctx, T::TargetsAdded, &t.added);
    target_section(ui, ctx, T::TargetsRemoved, &t.removed);
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{}: {}",
            ctx.t(T::TargetsUnchanged),
            t.unchanged.len()
        ))
        .weak(),
    );
}

fn heading(ui: &mut egui::Ui, ctx: &Ctx<'_>, key: T, n: usize) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("{} ({n})", ctx.t(key)))
            .strong()
            .size(15.0),
    );
}

fn measure_section(ui: &mut egui::Ui, ctx: &Ctx<'_>, key: T, list: &[MeasureRef]) {
    if list.is_empty() {
        return;
    }
    heading(ui, ctx, key, list.len());
    egui::Grid::new(("diff_measures", key as usize))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for r in list {
                ui.label(r.path.join(" / "));
                ui.label(ctx.title(&r.title));
                let lead = r.lead.as_deref().map(|a| ctx.agency_name(a));
                ui.label(lead.unwrap_or_default())
                    .on_hover_text(ctx.t(T::LeadAgency));
                ui.end_row();
            }
        });
}

/// Name of a target's indicator: the canonical one when known, else as written.
fn indicator(ctx: &Ctx<'_>, t: &TargetRef) -> String {
    match &t.indicator_id {
        Some(id) => ctx.indicator_name(id),
        None => match ctx.lang() {
            crate::gui::i18n::Lang::Zh => t.indicator.clone(),
            crate::gui::i18n::Lang::En => crate::english::gloss(&t.indicator),
        },
    }
}

/// `≥120户 (2025)`.
fn figure(ctx: &Ctx<'_>, t: &TargetRef) -> String {
    let value = fmt_figure(t.comparator, t.value, t.value_max, &t.unit, ctx.lang());
    match t.year {
        Some(y) => format!("{value} ({y})"),
        None => value,
    }
}

fn target_changes(ui: &mut egui::Ui, ctx: &Ctx<'_>, key: T, list: &[TargetChange]) {
    if list.is_empty() {
        return;
    }
    heading(ui, ctx, key, list.len());
    egui::Grid::new(("diff_targets", key as usize))
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for c in list {
                ui.label(indicator(ctx, &c.new))
                    .on_hover_text(&c.new.sentence);
                ui.label(figure(ctx, &c.old));
                ui.label(format!("→ {}", figure(ctx, &c.new)));
                let pct = c
                    .change_pct
                    .filter(|p| *p != 0.0)
                    .map(|p| format!("{p:+}%"))
                    .unwrap_or_default();
                ui.label(pct);
                ui.end_row();
            }
        });
}

fn target_section(ui: &mut egui::Ui, ctx: &Ctx<'_>, key: T, list: &[TargetRef]) {
    if list.is_empty() {
        return;
    }
    heading(ui, ctx, key, list.len());
    egui::Grid::new(("diff_target_list", key as usize))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for t in list {
                ui.label(indicator(ctx, t));
                ui.label(figure(ctx, t));
                ui.label(
                    t.measure
                        .as_deref()
                        .map(|m| ctx.title(m))
                        .unwrap_or_default(),
                );
                ui.end_row();
            }
        });
}
