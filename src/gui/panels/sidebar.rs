//! Left panel: zones with colour chips (tick 2–4), filters and the search box. The option
//! lists of the filters are built once per data change or language switch, not per frame.

use std::sync::Arc;

use egui::RichText;

use super::{Ctx, color_chip, names};
use crate::catalog::Catalog;
use crate::gui::app::MAX_ZONES;
use crate::gui::command::Command;
use crate::gui::data::Snapshot;
use crate::gui::i18n::{Lang, T};
use crate::model::Instrument;

/// The choices of every filter combo, with display names in one language.
#[derive(Debug, Default)]
pub struct FilterOptions {
    pub themes: Vec<(String, String)>,
    pub instruments: Vec<(Instrument, String)>,
    pub agencies: Vec<(String, String)>,
    pub indicators: Vec<(String, String)>,
    pub years: Vec<(i32, String)>,
}

impl FilterOptions {
    fn build(data: &Snapshot, lang: Lang) -> FilterOptions {
        let ov = &data.overview;
        // Catalogue themes, then any other the data has (an older taxonomy's, or a user's
        // correction): a heatmap click on it must show it as the chosen theme, not "Any".
        let mut themes: Vec<(String, String)> = Catalog::in_use()
            .themes
            .iter()
            .map(|t| (t.id.clone(), names::theme(lang, &t.id)))
            .collect();
        for id in &ov.heatmap.themes {
            if !themes.iter().any(|(t, _)| t == id) {
                themes.push((id.clone(), names::theme(lang, id)));
            }
        }
        FilterOptions {
            themes,
            instruments: [
                Instrument::Supply,
                Instrument::Environment,
                Instrument::Demand,
            ]
            .into_iter()
            .map(|i| (i, names::instrument(lang, i).to_string()))
            .collect(),
            agencies: ov
                .agencies
                .iter()
                .map(|a| (a.clone(), names::agency(lang, a)))
                .collect(),
            indicators: ov
                .indicators
                .iter()
                .map(|i| (i.clone(), names::indicator(lang, i)))
                .collect(),
            years: ov.years.iter().map(|y| (*y, y.to_string())).collect(),
        }
    }
}

/// The filter options for the data and language they were built for.
#[derive(Debug, Default)]
pub struct OptionsCache {
    key: Option<(u64, Lang)>,
    options: Arc<FilterOptions>,
    /// How many times the lists were built (lets tests check they are not rebuilt per frame).
    pub builds: usize,
}

impl OptionsCache {
    /// The options for the current overview data and language, rebuilt only when either
    /// changed since the last call.
    pub fn current(&mut self, data: &Snapshot, lang: Lang) -> Arc<FilterOptions> {
        let key = (data.overview_generation, lang);
        if self.key != Some(key) {
            self.options = Arc::new(FilterOptions::build(data, lang));
            self.key = Some(key);
            self.builds += 1;
        }
        self.options.clone()
    }
}

/// Zones listed before the sidebar offers a box to find one by name.
const FINDER_FROM: usize = 12;

/// The zone finder's text and the zones it matches, kept until the text or the zone list
/// changes.
#[derive(Debug, Default)]
pub struct ZoneFinder {
    pub query: String,
    shown: Option<(FinderKey, Arc<Vec<usize>>)>,
}

/// What the finder's matches depend on: the query, the zone list and the ticked zones.
type FinderKey = (String, u64, Vec<String>);

impl ZoneFinder {
    /// Indices (into the overview's zones) of the zones matching every word of the query
    /// in their Chinese or English name, city or province; ticked zones always stay listed.
    fn matching(&mut self, data: &Snapshot, ticked: &[String]) -> Arc<Vec<usize>> {
        // Compared in place: nothing is copied on the frames where nothing changed.
        if let Some(((query, generation, was_ticked), hits)) = &self.shown
            && *query == self.query
            && *generation == data.overview_generation
            && was_ticked.as_slice() == ticked
        {
            return hits.clone();
        }
        let key = (
            self.query.clone(),
            data.overview_generation,
            ticked.to_vec(),
        );
        let words = super::Words::new(&self.query);
        let hits: Vec<usize> = data
            .overview
            .zones
            .iter()
            .enumerate()
            .filter(|(_, z)| {
                let z = &z.zone;
                let text = [&z.name_zh, &z.name_en, &z.city, &z.province, &z.slug]
                    .map(|s| s.as_str())
                    .join(" ");
                ticked.contains(&z.slug) || words.matches(&text)
            })
            .map(|(i, _)| i)
            .collect();
        let hits = Arc::new(hits);
        self.shown = Some((key, hits.clone()));
        hits
    }
}

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
    let label_id = ui.label(RichText::new(ctx.t(T::Search)).strong()).id;
    let hint = ctx.t(T::SearchHint);
    let edit = egui::TextEdit::singleline(&mut ctx.st.search)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    let response = ui.add(edit).labelled_by(label_id);
    if std::mem::take(&mut ctx.st.focus_search) {
        response.request_focus();
    }
    // The query runs once typing pauses (the app debounces), on the worker thread.
    if response.changed() {
        ctx.st.search_edited_at = Some(ui.input(|i| i.time));
    }
}

fn zones(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.label(RichText::new(ctx.t(T::Zones)).strong());
    ui.label(RichText::new(ctx.t(T::ZonesHint)).small().weak());
    let full = ctx.prefs.selected_zones.len() >= MAX_ZONES;
    let zones = &ctx.data.overview.zones;
    // Thousands of zones: a box finds one by name (the list shows the matches and the
    // ticked zones, in list order).
    let shown: Option<Arc<Vec<usize>>> = (zones.len() > FINDER_FROM).then(|| {
        let (label, hint) = (ctx.t(T::FindZone), ctx.t(T::FindZoneHint));
        let finder = &mut ctx.st.zone_finder;
        let label_id = ui.label(label).id;
        let edit = egui::TextEdit::singleline(&mut finder.query)
            .hint_text(hint)
            .desired_width(f32::INFINITY);
        ui.add(edit).labelled_by(label_id);
        finder.matching(ctx.data, &ctx.prefs.selected_zones)
    });
    let rows = shown.as_ref().map_or(zones.len(), |s| s.len());
    let row_h = ui.spacing().interact_size.y;
    // Many zones scroll in their own list (only visible rows are drawn); the filters below
    // stay in view.
    egui::ScrollArea::vertical()
        .id_salt("zone_list")
        .max_height(12.0 * (row_h + ui.spacing().item_spacing.y))
        .auto_shrink([false, true])
        .show_rows(ui, row_h, rows, |ui, range| {
            for row in range {
                let i = shown.as_ref().map_or(row, |s| s[row]);
                let z = &zones[i];
                let slug = &z.zone.slug;
                let mut ticked = ctx.prefs.selected_zones.contains(slug);
                // A zone created under a Chinese name has no English one: its Chinese name.
                let name = crate::charts::labels::zone_name(&z.zone, ctx.lang()).to_string();
                ui.horizontal(|ui| {
                    // Long names are cut to the panel's width; the tooltip has them in full.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    color_chip(ui, crate::gui::theme::zone_color(i));
                    let enabled = ticked || !full;
                    let checkbox = egui::Checkbox::new(&mut ticked, name);
                    let response = ui.add_enabled(enabled, checkbox).on_hover_ui(|ui| {
                        ui.label(format!(
                            "{} · {} {} · {} {}",
                            z.zone.name_zh,
                            z.measure_count,
                            ctx.t(T::Measures),
                            z.target_count,
                            ctx.t(T::Targets)
                        ));
                    });
                    if response.changed() {
                        ctx.cmds.push(Command::ToggleZone(slug.clone()));
                    }
                });
            }
        });
}

fn filters(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(ctx.t(T::Filters)).strong());
        if ui.small_button(ctx.t(T::ClearFilters)).clicked() {
            ctx.cmds.push(Command::ClearFilters);
        }
    });
    let options = ctx.st.options.current(ctx.data, ctx.prefs.lang);
    let any = ctx.t(T::Any);
    let f = &mut ctx.prefs.filter;
    let lang = ctx.prefs.lang;
    let mut changed = false;
    let t = |k: T| k.get(lang);
    changed |= combo(
        ui,
        t(T::Theme),
        "f_theme",
        &mut f.theme,
        &options.themes,
        any,
    );
    changed |= combo(
        ui,
        t(T::Instrument),
        "f_instr",
        &mut f.instrument,
        &options.instruments,
        any,
    );
    changed |= combo(
        ui,
        t(T::Agency),
        "f_agency",
        &mut f.agency,
        &options.agencies,
        any,
    );
    changed |= combo(
        ui,
        t(T::Indicator),
        "f_ind",
        &mut f.indicator,
        &options.indicators,
        any,
    );
    changed |= combo(
        ui,
        t(T::DeadlineYear),
        "f_year",
        &mut f.year,
        &options.years,
        any,
    );
    changed |= ui.checkbox(&mut f.has_target, t(T::HasTarget)).changed();
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
        .map(|(_, name)| name.as_str())
        .unwrap_or(any);
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(ui.available_width() - 8.0)
        .truncate()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_outside_the_catalogue_is_offered_and_shown() {
        let mut data = Snapshot::default();
        data.overview.heatmap.themes = vec!["talent".into(), "old_theme".into()];
        let options = FilterOptions::build(&data, Lang::En);
        let n = Catalog::in_use().themes.len();
        assert_eq!(options.themes.len(), n + 1);
        assert_eq!(options.themes[n], ("old_theme".into(), "old_theme".into()));
    }
}
