//! Agencies: how many measures each agency leads or co-owns, per ticked zone. The table is
//! built once per data change, not per frame.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{Ctx, color_chip};
use crate::gui::i18n::T;

/// One agency — canonical name and the city it serves — with its (lead, co) counts per
/// zone column.
type AgencyCounts = ((String, String), Vec<(usize, usize)>);

/// The table rows for the data generation and zones they were built for.
#[derive(Debug, Default)]
pub struct AgencyTable {
    key: Option<(u64, Vec<String>)>,
    rows: Vec<AgencyCounts>,
    /// The agency (name, city) whose page is open beside the table.
    pub selected: Option<(String, String)>,
}

fn total(c: &[(usize, usize)]) -> usize {
    c.iter().map(|(l, o)| l + o).sum()
}

/// Agency → (lead, co) per zone column, busiest first. An agency is its name in one
/// city: the 市科技局 of Shenyang and of Dalian are two rows, never one total. `cities`
/// gives each zone column's city (empty when unknown: the zone is its own city).
fn build(
    load: &[crate::store::rows::AgencyLoadRow],
    zones: &[String],
    cities: &[String],
) -> Vec<AgencyCounts> {
    let mut index: std::collections::HashMap<(String, String), usize> = Default::default();
    let mut rows: Vec<AgencyCounts> = Vec::new();
    for r in load {
        let Some(z) = zones.iter().position(|s| *s == r.zone_slug) else {
            continue;
        };
        let city = match cities.get(z).filter(|c| !c.is_empty()) {
            Some(c) => c.clone(),
            None => r.zone_slug.clone(),
        };
        let key = (r.agency.clone(), city);
        let i = *index.entry(key.clone()).or_insert_with(|| {
            rows.push((key, vec![(0, 0); zones.len()]));
            rows.len() - 1
        });
        rows[i].1[z].0 += r.lead;
        rows[i].1[z].1 += r.co;
    }
    rows.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(&b.0)));
    rows
}

/// Draws the Agencies view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    super::chart::bottom_panel(ui, ctx, crate::gui::export::ChartSlot::Agencies);
    let zones = ctx.prefs.selected_zones.clone();
    if zones.is_empty() {
        ui.label(ctx.t(T::SelectZones));
        return;
    }
    let load = &ctx.data.filtered.agency_load;
    if load.is_empty() {
        ui.label(ctx.t(T::NoMatches));
        return;
    }
    let key = (ctx.data.generation, zones.clone());
    let mut cache = std::mem::take(&mut ctx.st.agencies);
    if cache.key.as_ref() != Some(&key) {
        let cities: Vec<String> = zones
            .iter()
            .map(|slug| {
                let zone = ctx
                    .data
                    .overview
                    .zones
                    .iter()
                    .find(|z| &z.zone.slug == slug);
                zone.map(|z| z.zone.city.clone()).unwrap_or_default()
            })
            .collect();
        cache.rows = build(load, &zones, &cities);
        cache.key = Some(key);
    }
    // Only the space above the chart: the table's column lines would reach over it.
    let rest = ui.available_rect_before_wrap();
    // With an agency's page open, the table takes the left part and the page the right.
    let page_w = if cache.selected.is_some() {
        (rest.width() * 0.4).clamp(280.0, 460.0)
    } else {
        0.0
    };
    let (left, right) = rest.split_left_right_at_x(rest.right() - page_w);
    if let Some(selected) = cache.selected.clone() {
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(right.shrink2(egui::vec2(6.0, 0.0))),
            |ui| {
                if !super::agency_page::show(ui, ctx, &selected, &zones) {
                    cache.selected = None;
                }
            },
        );
    }
    ui.scope_builder(egui::UiBuilder::new().max_rect(left), |ui| {
        // A table wider than its part is cut there, so it neither covers nor takes the
        // page's clicks.
        ui.set_clip_rect(left.intersect(ui.clip_rect()));
        if let Some(clicked) = table(ui, ctx, &zones, &cache.rows) {
            cache.selected = (cache.selected.as_ref() != Some(&clicked)).then_some(clicked);
        }
    });
    ctx.st.agencies = cache;
}

/// Draws the table; returns the agency whose name was clicked.
fn table(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    zones: &[String],
    rows: &[AgencyCounts],
) -> Option<(String, String)> {
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // The agency column and the zone columns share the width.
    let n = zones.len() as f32;
    let zone_w = ((ui.available_width() - 260.0 - 80.0) / n.max(1.0)).clamp(90.0, 180.0);
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::initial(260.0).at_least(120.0).clip(true));
    for _ in zones {
        table = table.column(Column::initial(zone_w).at_least(90.0).clip(true));
    }
    table
        .column(Column::remainder().at_least(60.0))
        .header(28.0, |mut h| {
            h.col(|ui| {
                ui.strong(ctx.t(T::Agency));
            });
            for z in zones {
                h.col(|ui| {
                    ui.horizontal(|ui| {
                        color_chip(ui, ctx.zone_color(z));
                        let name = RichText::new(ctx.zone_name(z)).strong();
                        ui.add(egui::Label::new(name).truncate())
                            .on_hover_text(ctx.zone_name(z));
                    });
                });
            }
            h.col(|ui| {
                ui.strong(ctx.t(T::Total));
            });
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let ((agency, city), counts) = &rows[row.index()];
                row.col(|ui| {
                    // The city tells same-named offices of different cities apart.
                    let shown = format!(
                        "{} · {}",
                        ctx.agency_name(agency),
                        super::names::city(ctx.lang(), city)
                    );
                    let r = ui
                        .add(
                            egui::Label::new(shown)
                                .truncate()
                                .sense(egui::Sense::click()),
                        )
                        .on_hover_text(ctx.t(T::AgencyPageTip));
                    if r.clicked() {
                        clicked = Some((agency.clone(), city.clone()));
                    }
                });
                for (lead, co) in counts {
                    row.col(|ui| {
                        if lead + co > 0 {
                            ui.label(format!("{} {lead} · {} {co}", ctx.t(T::Lead), ctx.t(T::Co)));
                        }
                    });
                }
                row.col(|ui| {
                    ui.label(total(counts).to_string());
                });
            });
        });
    clicked
}
