//! Agencies: how many measures each agency leads or co-owns, per ticked zone.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{Ctx, color_chip};
use crate::gui::i18n::T;

/// Draws the Agencies view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    super::chart::bottom_panel(ui, ctx, crate::gui::export::ChartSlot::Agencies);
    let zones = ctx.prefs.selected_zones.clone();
    let load = &ctx.data.filtered.agency_load;
    if load.is_empty() {
        ui.label(ctx.t(T::NoMatches));
        return;
    }
    // agency → (lead, co) per zone column, busiest first.
    let mut rows: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for r in load {
        let Some(z) = zones.iter().position(|s| *s == r.zone_slug) else {
            continue;
        };
        let i = match rows.iter().position(|(a, _)| *a == r.agency) {
            Some(i) => i,
            None => {
                rows.push((r.agency.clone(), vec![(0, 0); zones.len()]));
                rows.len() - 1
            }
        };
        rows[i].1[z].0 += r.lead;
        rows[i].1[z].1 += r.co;
    }
    let total = |c: &[(usize, usize)]| c.iter().map(|(l, o)| l + o).sum::<usize>();
    rows.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(&b.0)));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::initial(260.0).at_least(120.0).clip(true));
    for _ in &zones {
        table = table.column(Column::initial(150.0).at_least(90.0));
    }
    table
        .column(Column::remainder().at_least(60.0))
        .header(28.0, |mut h| {
            h.col(|ui| {
                ui.strong(ctx.t(T::Agency));
            });
            for z in &zones {
                h.col(|ui| {
                    color_chip(ui, ctx.zone_color(z));
                    ui.add(egui::Label::new(RichText::new(ctx.zone_name(z)).strong()).truncate());
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
