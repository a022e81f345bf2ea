//! Agencies: how many measures each agency leads or co-owns, per ticked zone. The table is
//! built once per data change, not per frame.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{Ctx, color_chip};
use crate::gui::i18n::T;

/// One agency's (lead, co) counts per zone column.
type AgencyCounts = (String, Vec<(usize, usize)>);

/// The table rows for the data generation and zones they were built for.
#[derive(Debug, Default)]
pub struct AgencyTable {
    key: Option<(u64, Vec<String>)>,
    rows: Vec<AgencyCounts>,
}

fn total(c: &[(usize, usize)]) -> usize {
    c.iter().map(|(l, o)| l + o).sum()
}

/// Agency → (lead, co) per zone column, busiest first.
fn build(load: &[crate::store::rows::AgencyLoadRow], zones: &[String]) -> Vec<AgencyCounts> {
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    let mut rows: Vec<AgencyCounts> = Vec::new();
    for r in load {
        let Some(z) = zones.iter().position(|s| *s == r.zone_slug) else {
            continue;
        };
        let i = *index.entry(r.agency.as_str()).or_insert_with(|| {
            rows.push((r.agency.clone(), vec![(0, 0); zones.len()]));
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
        cache.rows = build(load, &zones);
        cache.key = Some(key);
    }
    // Only the space above the chart: the table's column lines would reach over it.
    let rest = ui.available_rect_before_wrap();
    ui.scope_builder(egui::UiBuilder::new().max_rect(rest), |ui| {
        table(ui, ctx, &zones, &cache.rows);
    });
    ctx.st.agencies = cache;
}

fn table(ui: &mut egui::Ui, ctx: &Ctx<'_>, zones: &[String], rows: &[AgencyCounts]) {
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
                let (agency, counts) = &rows[row.index()];
                row.col(|ui| {
                    ui.add(egui::Label::new(ctx.agency_name(agency)).truncate())
                        .on_hover_text(agency);
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
}
