//! Left panel: zones with colour chips (tick 2–4), filters and the search box.

use egui::RichText;

use super::{Ctx, color_chip};
use crate::gui::app::MAX_ZONES;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::model::Instrument;

/// Draws the sidebar.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        search_box(ui, ctx);
        ui.separator();
        zones(ui, ctx);
        ui.separator();
        filters(ui, ctx);
    });
}

fn search_box(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.label(RichText::new(ctx.t(T::Search)).strong());
    let hint = ctx.t(T::SearchHint);
    let edit = egui::TextEdit::singleline(&mut ctx.st.search)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    let response = ui.add(edit);
    if std::mem::take(&mut ctx.st.focus_search) {
        response.request_focus();
    }
    // Each keystroke queues a refresh; the worker coalesces them, so typing never waits.
    if response.changed() {
        ctx.cmds.push(Command::Refresh);
    }
}

fn zones(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.label(RichText::new(ctx.t(T::Zones)).strong());
    ui.label(RichText::new(ctx.t(T::ZonesHint)).small().weak());
    let full = ctx.prefs.selected_zones.len() >= MAX_ZONES;
    for z in &ctx.data.overview.zones {
        let slug = z.zone.slug.clone();
        let mut ticked = ctx.prefs.selected_zones.contains(&slug);
        let name = ctx.zone_name(&slug);
        ui.horizontal(|ui| {
            color_chip(ui, ctx.zone_color(&slug));
            let enabled = ticked || !full;
            let response = ui.add_enabled(enabled, egui::Checkbox::new(&mut ticked, name));
            let tip = format!(
                "{} · {} {} · {} {}",
                z.zone.name_zh,
                z.measure_count,
                ctx.t(T::Measures),
                z.target_count,
                ctx.t(T::Targets)
            );
            if response.on_hover_text(tip).changed() {
                ctx.cmds.push(Command::ToggleZone(slug.clone()));
            }
        });
    }
}

fn filters(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(ctx.t(T::Filters)).strong());
        if ui.small_button(ctx.t(T::ClearFilters)).clicked() {
            ctx.cmds.push(Command::ClearFilters);
        }
    });
    let mut changed = false;
    let any = ctx.t(T::Any).to_string();

    let themes: Vec<(String, String)> = crate::catalog::Catalog::bundled()
        .themes
        .iter()
        .map(|t| (t.id.clone(), ctx.theme_name(&t.id)))
        .collect();
    let mut theme = ctx.prefs.filter.theme.clone();
    changed |= combo(ui, ctx.t(T::Theme), "f_theme", &mut theme, &themes, &any);
    ctx.prefs.filter.theme = theme;

    let instruments: Vec<(Instrument, String)> = [
        Instrument::Supply,
        Instrument::Environment,
        Instrument::Demand,
    ]
    .into_iter()
    .map(|i| (i, ctx.instrument_name(i).to_string()))
    .collect();
    let mut instrument = ctx.prefs.filter.instrument;
    changed |= combo(
        ui,
        ctx.t(T::Instrument),
        "f_instr",
        &mut instrument,
        &instruments,
        &any,
    );
    ctx.prefs.filter.instrument = instrument;

    let agencies: Vec<(String, String)> = ctx
        .data
        .overview
        .agencies
        .iter()
        .map(|a| (a.clone(), ctx.agency_name(a)))
        .collect();
    let mut agency = ctx.prefs.filter.agency.clone();
    changed |= combo(
        ui,
        ctx.t(T::Agency),
        "f_agency",
        &mut agency,
        &agencies,
        &any,
    );
    ctx.prefs.filter.agency = agency;

    let indicators: Vec<(String, String)> = ctx
        .data
        .overview
        .indicators
        .iter()
        .map(|i| (i.clone(), ctx.indicator_name(i)))
        .collect();
    let mut indicator = ctx.prefs.filter.indicator.clone();
    changed |= combo(
        ui,
        ctx.t(T::Indicator),
        "f_ind",
        &mut indicator,
        &indicators,
        &any,
    );
    ctx.prefs.filter.indicator = indicator;

    let years: Vec<(i32, String)> = ctx
        .data
        .overview
        .years
        .iter()
        .map(|y| (*y, y.to_string()))
        .collect();
    let mut year = ctx.prefs.filter.year;
    changed |= combo(
        ui,
        ctx.t(T::DeadlineYear),
        "f_year",
        &mut year,
        &years,
        &any,
    );
    ctx.prefs.filter.year = year;

    let label = ctx.t(T::HasTarget);
    changed |= ui
        .checkbox(&mut ctx.prefs.filter.has_target, label)
        .changed();
    if changed {
        ctx.cmds.push(Command::Refresh);
    }
}

/// A labelled combo box over `options` with an "any" entry; returns true when changed.
pub fn combo<V: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    value: &mut Option<V>,
    options: &[(V, String)],
    any: &str,
) -> bool {
    let before = value.clone();
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| any.to_string());
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any);
            for (v, name) in options {
                ui.selectable_value(value, Some(v.clone()), name);
            }
        })
        .response
        .labelled_by(label_id);
    *value != before
}
