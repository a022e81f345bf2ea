//! Entering a target's actual outcome in the Targets view: year (the target's by default),
//! value, unit (the target's by default) and a note; saved per zone, canonical indicator
//! and year, as `zonecompare actual set` does; deleted again with one button. The table
//! shows the latest value entered and how much of the target it reaches.

use egui::RichText;

use super::Ctx;
use super::dialog::{button_row, dialog, error_line, field_rows};
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::store::rows::{ActualRow, TargetRow};

/// The actual being entered or changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ActualEdit {
    pub zone: String,
    pub indicator_id: String,
    /// What the window shows as its subject (indicator and target).
    pub subject: String,
    pub year: String,
    pub value: String,
    pub unit: String,
    pub note: String,
    /// The year of the value already stored, when one is (for "Delete").
    pub stored_year: Option<i32>,
    pub error: Option<String>,
}

impl ActualEdit {
    /// Opens on a target: the latest actual of its zone and indicator when there is one,
    /// else the target's year and unit.
    pub fn for_target(r: &TargetRow, actuals: &[ActualRow], subject: String) -> Option<ActualEdit> {
        let id = r.target.indicator_id.clone()?;
        let stored = latest(actuals, &r.zone_slug, &id);
        Some(ActualEdit {
            zone: r.zone_slug.clone(),
            subject,
            year: stored
                .map(|a| a.year)
                .or(r.target.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
            value: stored.map(|a| a.value.to_string()).unwrap_or_default(),
            unit: stored.map_or_else(|| r.target.unit.clone(), |a| a.unit.clone()),
            note: stored.map(|a| a.note.clone()).unwrap_or_default(),
            stored_year: stored.map(|a| a.year),
            indicator_id: id,
            error: None,
        })
    }

    /// The row to store, or the message for a field that does not read.
    fn row(&self) -> Result<ActualRow, T> {
        let year: i32 = self.year.trim().parse().map_err(|_| T::InvalidNumber)?;
        let value: f64 = self.value.trim().parse().map_err(|_| T::InvalidNumber)?;
        if !value.is_finite() {
            return Err(T::InvalidNumber);
        }
        Ok(ActualRow {
            id: 0,
            zone_slug: self.zone.clone(),
            indicator_id: self.indicator_id.clone(),
            year,
            value,
            unit: self.unit.trim().to_string(),
            note: self.note.trim().to_string(),
        })
    }
}

/// The latest actual entered for a zone's indicator.
pub fn latest<'a>(actuals: &'a [ActualRow], zone: &str, indicator: &str) -> Option<&'a ActualRow> {
    actuals
        .iter()
        .filter(|a| a.zone_slug == zone && a.indicator_id == indicator)
        .max_by_key(|a| a.year)
}

/// `1,150 (2024) · 96% achieved` for a target, when an actual was entered.
pub fn achievement(ctx: &Ctx<'_>, r: &TargetRow) -> Option<String> {
    achieved(ctx, r).map(|(text, _)| text)
}

/// The achievement text and the share of the target reached (percent), when the units
/// allow it.
pub fn achieved(ctx: &Ctx<'_>, r: &TargetRow) -> Option<(String, Option<f64>)> {
    let id = r.target.indicator_id.as_deref()?;
    let a = latest(&ctx.data.filtered.actuals, &r.zone_slug, id)?;
    let lang = ctx.lang();
    let value = crate::charts::labels::fmt_number(a.value, lang);
    let mut text = format!(
        "{value}{} ({})",
        crate::charts::labels::unit_label(&a.unit, lang),
        a.year
    );
    let mut share = None;
    if r.target.value > 0.0 && (a.unit == r.target.unit || a.unit.is_empty()) {
        let pct = (100.0 * a.value / r.target.value).round();
        text.push_str(&format!(" · {pct}% {}", ctx.t(T::Achieved)));
        share = Some(pct);
    }
    Some((text, share))
}

/// Draws the actual window while one is open; Esc closes it.
pub fn window(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let lang = ctx.lang();
    let Some(edit) = ctx.st.actual.take() else {
        return;
    };
    ctx.st.actual = dialog(ui, T::ActualTitle.get(lang), 380.0, edit, |ui, edit| {
        ui.label(RichText::new(&edit.subject).strong());
        egui::Grid::new("actual_edit")
            .num_columns(2)
            .show(ui, |ui| {
                field_rows(
                    ui,
                    lang,
                    [
                        (T::Year, &mut edit.year),
                        (T::Value, &mut edit.value),
                        (T::Unit, &mut edit.unit),
                        (T::Note, &mut edit.note),
                    ],
                );
            });
        error_line(ui, edit.error.as_deref());
        button_row(ui, lang, |ui| {
            if ui.button(T::Save.get(lang)).clicked() {
                match edit.row() {
                    Ok(row) => {
                        ctx.cmds.push(Command::SetActual(row));
                        return true;
                    }
                    Err(key) => edit.error = Some(key.get(lang).to_string()),
                }
            }
            let Some(year) = edit.stored_year else {
                return false;
            };
            let delete = ui.button(T::Delete.get(lang)).clicked();
            if delete {
                ctx.cmds.push(Command::DeleteActual {
                    zone: edit.zone.clone(),
                    indicator: edit.indicator_id.clone(),
                    year,
                });
            }
            delete
        })
    });
}
