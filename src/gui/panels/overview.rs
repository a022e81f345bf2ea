//! Overview: one card per zone and the theme × zone heatmap (a click opens Compare).

use egui::{RichText, Sense};

use super::{Ctx, color_chip};
use crate::gui::command::Command;
use crate::gui::i18n::T;
use crate::gui::theme;
use crate::store::rows::ZoneSummary;

/// Draws the Overview view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    if ctx.data.overview.zones.is_empty() {
        ui.label(ctx.t(T::NoData));
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for z in &ctx.data.overview.zones {
                card(ui, ctx, z);
            }
        });
        ui.add_space(12.0);
        heatmap(ui, ctx);
    });
}

fn card(ui: &mut egui::Ui, ctx: &Ctx<'_>, z: &ZoneSummary) {
    let color = ctx.zone_color(&z.zone.slug);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(300.0);
            ui.horizontal(|ui| {
                color_chip(ui, color);
                ui.label(
                    RichText::new(ctx.zone_name(&z.zone.slug))
                        .strong()
                        .size(15.0),
                );
            });
            if ctx.lang() == crate::gui::i18n::Lang::En {
                ui.label(RichText::new(&z.zone.name_zh).small());
            }
            let period = z
                .documents
                .iter()
                .filter_map(|d| d.period)
                .map(|p| format!("{}–{}", p.start, p.end))
                .next()
                .unwrap_or_else(|| "—".into());
            ui.label(format!("{}: {period}", ctx.t(T::Period)));
            ui.label(format!(
                "{} {} · {} {} · {} {}",
                z.measure_count,
                ctx.t(T::Measures),
                z.target_count,
                ctx.t(T::Targets),
                z.agency_count,
                ctx.t(T::Agencies)
            ));
            ui.label(RichText::new(format!("{}:", ctx.t(T::Documents))).weak());
            for d in &z.documents {
                let r = ui.add(egui::Label::new(format!("· {}", d.title)).truncate());
                r.on_hover_text(&d.source_name);
            }
            let themes: Vec<String> = z
                .top_themes
                .iter()
                .take(4)
                .map(|(id, n)| format!("{} {n}", ctx.theme_name(id)))
                .collect();
            ui.label(format!("{}: {}", ctx.t(T::TopThemes), themes.join(" · ")));
        });
}

fn heatmap(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let hm = &ctx.data.overview.heatmap;
    ui.label(RichText::new(ctx.t(T::Heatmap)).strong().size(15.0))
        .on_hover_text(ctx.t(T::HeatmapTip));
    let dark = ctx.prefs.dark;
    let mut clicked = None;
    egui::Grid::new("heatmap")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for slug in &hm.zones {
                ui.horizontal(|ui| {
                    color_chip(ui, ctx.zone_color(slug));
                    ui.add(egui::Label::new(ctx.zone_name(slug)).truncate());
                });
            }
            ui.end_row();
            for (t, theme_id) in hm.themes.iter().enumerate() {
                ui.label(ctx.theme_name(theme_id));
                for (z, slug) in hm.zones.iter().enumerate() {
                    let n = hm.counts[t][z];
                    let fill = theme::heat(ctx.zone_color(slug), n, hm.max, dark);
                    let (rect, response) =
                        ui.allocate_exact_size(egui::vec2(120.0, 24.0), Sense::click());
                    ui.painter().rect_filled(rect, 3.0, fill);
                    let text_color = if dark || n * 2 < hm.max.max(1) {
                        ui.visuals().text_color()
                    } else {
                        egui::Color32::WHITE
                    };
                    ui.painter().text(
                        rect.center(),
                        egui::Align2::CENTER_CENTER,
                        n.to_string(),
                        egui::FontId::proportional(13.0),
                        text_color,
                    );
                    let label = format!("{} · {}", ctx.theme_name(theme_id), ctx.zone_name(slug));
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    if response.on_hover_text(ctx.t(T::HeatmapTip)).clicked() {
                        clicked = Some(theme_id.clone());
                    }
                }
                ui.end_row();
            }
        });
    if let Some(theme_id) = clicked {
        ctx.cmds.push(Command::CompareTheme(theme_id));
    }
}
