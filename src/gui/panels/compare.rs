//! Compare: one column per ticked zone, side by side, for a theme or a canonical indicator.
//! Rows are virtualised (`show_rows`) and all columns scroll together.

use egui::{RichText, Sense};

use super::sidebar::combo;
use super::{Ctx, color_chip, corrected_mark, format_value};
use crate::catalog::Catalog;
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::gui::state::CompareBy;
use crate::gui::theme;

const ROW_HEIGHT: f32 = 74.0;

/// Draws the Compare view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    super::chart::bottom_panel(ui, ctx, crate::gui::export::ChartSlot::Compare);
    header(ui, ctx);
    let zones = ctx.prefs.selected_zones.clone();
    if zones.len() < 2 {
        ui.label(ctx.t(T::SelectZones));
    }
    if zones.is_empty() {
        return;
    }
    ui.separator();
    let by = ctx.prefs.compare_by;
    let f = &ctx.data.filtered;
    let columns: Vec<&[usize]> = zones
        .iter()
        .map(|z| {
            let map = match by {
                CompareBy::Theme => &f.measures_by_zone,
                CompareBy::Indicator => &f.targets_by_zone,
            };
            map.get(z).map(Vec::as_slice).unwrap_or(&[])
        })
        .collect();
    let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0).max(1);
    let width = (ui.available_width() - 8.0 * zones.len() as f32) / zones.len() as f32;
    ui.horizontal(|ui| {
        for slug in &zones {
            ui.allocate_ui(egui::vec2(width, 20.0), |ui| {
                ui.horizontal(|ui| {
                    color_chip(ui, ctx.zone_color(slug));
                    let n = columns[zones.iter().position(|z| z == slug).unwrap_or(0)].len();
                    let name = format!("{} ({n})", ctx.zone_name(slug));
                    ui.add(egui::Label::new(RichText::new(name).strong()).truncate());
                });
            });
        }
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows, |ui, range| {
            for row in range {
                ui.horizontal(|ui| {
                    for (c, column) in columns.iter().enumerate() {
                        let size = egui::vec2(width, ROW_HEIGHT - 6.0);
                        ui.allocate_ui(size, |ui| {
                            ui.set_min_size(size);
                            ui.set_max_width(width);
                            match column.get(row) {
                                Some(&i) => match by {
                                    CompareBy::Theme => measure_cell(ui, ctx, i),
                                    CompareBy::Indicator => target_cell(ui, ctx, i),
                                },
                                None if row == 0 => gap_cell(ui, ctx, &zones[c]),
                                None => {}
                            }
                        });
                    }
                });
            }
        });
}

fn header(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(ctx.t(T::CompareBy)).strong());
        let mut by = ctx.prefs.compare_by;
        ui.radio_value(&mut by, CompareBy::Theme, ctx.t(T::ByTheme));
        ui.radio_value(&mut by, CompareBy::Indicator, ctx.t(T::ByIndicator));
        if by != ctx.prefs.compare_by {
            ctx.prefs.compare_by = by;
        }
        ui.add_space(12.0);
        let any = ctx.t(T::Any).to_string();
        ui.scope(|ui| {
            ui.set_max_width(320.0);
            let changed = match by {
                CompareBy::Theme => {
                    let options: Vec<(String, String)> = Catalog::bundled()
                        .themes
                        .iter()
                        .map(|t| (t.id.clone(), ctx.theme_name(&t.id)))
                        .collect();
                    let mut v = ctx.prefs.filter.theme.clone();
                    let c = combo(ui, ctx.t(T::Theme), "cmp_theme", &mut v, &options, &any);
                    ctx.prefs.filter.theme = v;
                    c
                }
                CompareBy::Indicator => {
                    let options: Vec<(String, String)> = ctx
                        .data
                        .overview
                        .indicators
                        .iter()
                        .map(|i| (i.clone(), ctx.indicator_name(i)))
                        .collect();
                    let mut v = ctx.prefs.filter.indicator.clone();
                    let c = combo(ui, ctx.t(T::Indicator), "cmp_ind", &mut v, &options, &any);
                    ctx.prefs.filter.indicator = v;
                    c
                }
            };
            if changed {
                ctx.cmds.push(Command::Refresh);
            }
        });
    });
}

fn gap_cell(ui: &mut egui::Ui, ctx: &Ctx<'_>, _slug: &str) {
    let color = theme::warn_color(ctx.prefs.dark);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(ctx.t(T::Gap)).color(color));
        });
}

fn measure_cell(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, i: usize) {
    let f = &ctx.data.filtered;
    let m = &f.measures[i];
    let targets: Vec<String> = f
        .targets_by_measure
        .get(&m.id)
        .into_iter()
        .flatten()
        .map(|&t| {
            let t = &f.targets[t].target;
            let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
            format!("{} {}{year}", t.indicator, format_value(t))
        })
        .collect();
    let lead = m
        .units
        .iter()
        .find(|u| u.role == crate::model::Role::Lead)
        .map(|u| ctx.agency_name(&u.canonical))
        .unwrap_or_else(|| "—".into());
    egui::Frame::group(ui.style())
        .inner_margin(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let number = m.number.as_deref().unwrap_or("");
            let title = format!("{number} {}", m.title).trim().to_string();
            let r = ui.add(
                egui::Label::new(RichText::new(&title).strong())
                    .truncate()
                    .sense(Sense::click()),
            );
            if r.on_hover_text(&m.text).clicked() {
                ctx.cmds.push(Command::OpenSource {
                    doc_id: m.doc_id,
                    span: Some(m.span),
                });
            }
            let target_text = if targets.is_empty() {
                "—".to_string()
            } else {
                targets.join(";")
            };
            ui.add(egui::Label::new(format!("{}: {target_text}", ctx.t(T::Targets))).truncate());
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(format!("{}: {lead}", ctx.t(T::Lead))).truncate());
                if ui
                    .small_button(ctx.t(T::Edit))
                    .on_hover_text(ctx.t(T::EditTip))
                    .clicked()
                {
                    ctx.st.edit.open_measure(m);
                }
                if m.corrected {
                    corrected_mark(ui, ctx);
                }
            });
        });
}

fn target_cell(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, i: usize) {
    let row = &ctx.data.filtered.targets[i];
    let t = &row.target;
    egui::Frame::group(ui.style())
        .inner_margin(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let year = t.year.map(|y| format!(" · {y}")).unwrap_or_default();
            let head = format!("{}{year}", format_value(t));
            let r = ui.add(
                egui::Label::new(RichText::new(head).strong().size(15.0)).sense(Sense::click()),
            );
            if r.on_hover_text(ctx.t(T::OpenSource)).clicked() {
                ctx.cmds.push(Command::OpenSource {
                    doc_id: row.doc_id,
                    span: Some(t.span),
                });
            }
            ui.add(egui::Label::new(&t.indicator).truncate());
            let measure = row.measure_title.as_deref().unwrap_or("—");
            ui.add(egui::Label::new(RichText::new(measure).weak()).truncate())
                .on_hover_text(&t.sentence);
        });
}
