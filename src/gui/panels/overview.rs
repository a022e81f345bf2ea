//! Overview: one card per zone and the theme × zone heatmap (a click opens Compare). Cards
//! share the width in as many equal columns as fit and wrap onto further rows; every card
//! has the same height, so only the rows on screen are drawn however many zones there are.
//! Heatmap cells shrink or grow with the width and scroll sideways when zones are many.

use std::sync::Arc;

use egui::Galley;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Rect, RichText, Sense, UiBuilder, vec2};

use super::edit::ZoneNameEdit;
use super::{Ctx, color_chip};
use crate::gui::command::Command;
use crate::gui::i18n::{Lang, T};
use crate::gui::theme;
use crate::store::rows::ZoneSummary;

/// Narrowest a card may get before the cards wrap onto another row.
const MIN_CARD_WIDTH: f32 = 200.0;
/// Document titles listed on a card (the rest are counted).
const CARD_DOCUMENTS: usize = 3;
const CARD_MARGIN: f32 = 10.0;

/// Draws the Overview view.
pub fn show(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    if ctx.data.overview.zones.is_empty() {
        ui.label(ctx.t(T::NoData));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("overview_scroll")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let mut missing = Vec::new();
            let mut rename = None;
            cards(ui, ctx, viewport, &mut missing, &mut rename);
            if rename.is_some() {
                ctx.st.edit.zone = rename;
            }
            ui.add_space(12.0);
            heatmap(ui, ctx, &mut missing);
            // Zones on screen whose documents and themes are not loaded yet: asked for once
            // (the app skips zones already asked for).
            if !missing.is_empty() {
                missing.sort();
                missing.dedup();
                ctx.cmds.push(Command::LoadZoneDetails(missing));
            }
        });
}

/// Whether a zone's documents and themes are loaded.
fn detailed(ctx: &Ctx<'_>, slug: &str) -> bool {
    ctx.data.overview.detailed.contains(slug)
}

/// Height of every card: title (two lines), Chinese name (English interface), period,
/// counts (two lines), the documents heading and titles, and two lines of top themes.
fn card_height(ui: &egui::Ui, zones: &[ZoneSummary], lang: Lang) -> f32 {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let spacing = ui.spacing().item_spacing.y;
    let docs = zones
        .iter()
        .map(|z| {
            z.document_count.min(CARD_DOCUMENTS) + usize::from(z.document_count > CARD_DOCUMENTS)
        })
        .max()
        .unwrap_or(0);
    let zh_name = if lang == Lang::En { 1 } else { 0 };
    let lines = (2 + zh_name + 1 + 2 + 1 + docs + 2) as f32;
    2.0 * CARD_MARGIN + lines * (body + spacing) + 4.0
}

fn cards(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    viewport: Rect,
    missing: &mut Vec<String>,
    rename: &mut Option<ZoneNameEdit>,
) {
    let zones = &ctx.data.overview.zones;
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width();
    let fit = ((width + gap) / (MIN_CARD_WIDTH + gap)).floor() as usize;
    let per_row = fit.clamp(1, zones.len().max(1));
    let card_w = ((width - gap * (per_row - 1) as f32) / per_row as f32).floor();
    let card_h = card_height(ui, zones, ctx.lang());
    let rows = zones.len().div_ceil(per_row);
    let total_h = rows as f32 * (card_h + gap) - gap;
    let (area, _) = ui.allocate_exact_size(vec2(width, total_h), Sense::hover());
    // `viewport` is relative to the content's top, as is `area` to the scroll area's.
    let top = area.top() - ui.min_rect().top();
    for (r, chunk) in zones.chunks(per_row).enumerate() {
        let y = r as f32 * (card_h + gap);
        let slack = 20.0;
        if top + y + card_h + slack < viewport.min.y || top + y > viewport.max.y + slack {
            continue;
        }
        for (c, z) in chunk.iter().enumerate() {
            if !detailed(ctx, &z.zone.slug) {
                missing.push(z.zone.slug.clone());
            }
            let min = area.min + vec2(c as f32 * (card_w + gap), y);
            let rect = Rect::from_min_size(min, vec2(card_w, card_h));
            if let Some(edit) = card(ui, ctx, z, rect) {
                *rename = Some(edit);
            }
        }
    }
}

/// Text laid out on at most `rows` lines of `width`, ending in `…` when cut. Laid out here
/// (not by the label) so the row limit holds and long text cannot widen the card.
fn limited(ui: &egui::Ui, text: RichText, width: f32, rows: usize) -> Arc<Galley> {
    let mut job = LayoutJob::default();
    text.append_to(
        &mut job,
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Min,
    );
    job.wrap = TextWrapping {
        max_width: width,
        max_rows: rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// Draws a zone's card; returns the English-name editor when its edit button was clicked.
fn card(ui: &mut egui::Ui, ctx: &Ctx<'_>, z: &ZoneSummary, rect: Rect) -> Option<ZoneNameEdit> {
    let mut rename = None;
    let color = ctx.zone_color(&z.zone.slug);
    let visuals = ui.visuals();
    ui.painter().rect(
        rect,
        6.0,
        visuals.faint_bg_color,
        egui::Stroke::new(1.5, color),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink(CARD_MARGIN);
    let mut ui = ui.new_child(
        UiBuilder::new()
            .id_salt(("zone_card", &z.zone.slug))
            .max_rect(inner)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    ui.set_clip_rect(inner.intersect(ui.clip_rect()));
    let ui = &mut ui;
    let name = ctx.zone_name(&z.zone.slug);
    ui.horizontal_top(|ui| {
        color_chip(ui, color);
        let title = RichText::new(&name).strong().size(15.0);
        let galley = limited(ui, title, ui.available_width(), 2);
        // One tooltip: ours, not also egui's own for an elided label.
        ui.add(egui::Label::new(galley).show_tooltip_when_elided(false))
            .on_hover_text(&name);
    });
    if ctx.lang() == Lang::En {
        ui.horizontal(|ui| {
            let edit = ui
                .small_button(ctx.t(T::EnglishName))
                .on_hover_text(ctx.t(T::EnglishNameTip));
            if edit.clicked() {
                rename = Some(ZoneNameEdit {
                    slug: z.zone.slug.clone(),
                    name_zh: z.zone.name_zh.clone(),
                    english: z.zone.name_en.clone(),
                });
            }
            ui.add(egui::Label::new(RichText::new(&z.zone.name_zh).small()).truncate());
        });
    }
    // Until the zone's documents and themes arrive, their lines say so.
    let loaded = detailed(ctx, &z.zone.slug);
    let period = z
        .documents
        .iter()
        .filter_map(|d| d.period)
        .map(|p| match ctx.lang() {
            Lang::Zh => format!("{}–{}", p.start, p.end),
            Lang::En => crate::english::values::period(p),
        })
        .next()
        .unwrap_or_else(|| if loaded { "—" } else { "…" }.into());
    ui.label(format!("{}: {period}", ctx.t(T::Period)));
    let counts = format!(
        "{} {} · {} {} · {} {}",
        z.measure_count,
        ctx.t(T::Measures),
        z.target_count,
        ctx.t(T::Targets),
        z.agency_count,
        ctx.t(T::Agencies)
    );
    let galley = limited(ui, RichText::new(counts), ui.available_width(), 2);
    ui.label(galley);
    let docs = format!("{} ({}):", ctx.t(T::Documents), z.document_count);
    ui.label(RichText::new(docs).weak());
    if !loaded {
        ui.label(RichText::new("…").weak());
    }
    for d in z.documents.iter().take(CARD_DOCUMENTS) {
        let hover = match ctx.lang() {
            Lang::Zh => d.source_name.clone(),
            Lang::En => format!("{}\n{}", d.title, d.source_name),
        };
        ui.add(egui::Label::new(format!("· {}", ctx.title(&d.title))).truncate())
            .on_hover_text(hover);
    }
    if z.document_count > CARD_DOCUMENTS {
        ui.label(RichText::new(format!("+{}", z.document_count - CARD_DOCUMENTS)).weak());
    }
    let themes: Vec<String> = z
        .top_themes
        .iter()
        .take(4)
        .map(|(id, n)| format!("{} {n}", ctx.theme_name(id)))
        .collect();
    let themes = if loaded {
        themes.join(" · ")
    } else {
        "…".into()
    };
    let top = RichText::new(format!("{}: {themes}", ctx.t(T::TopThemes)));
    let galley = limited(ui, top, ui.available_width(), 2);
    ui.label(galley);
    rename
}

/// Zones up to which the heatmap has a column for every zone; with more, it has the ticked
/// zones' (a national database's thousands of columns would not be read).
const HEATMAP_ALL_ZONES: usize = 24;

fn heatmap(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, missing: &mut Vec<String>) {
    ui.label(RichText::new(ctx.t(T::Heatmap)).strong().size(15.0))
        .on_hover_text(ctx.t(T::HeatmapTip));
    let hm = &ctx.data.overview.heatmap;
    let columns: Vec<usize> = if hm.zones.len() <= HEATMAP_ALL_ZONES {
        (0..hm.zones.len()).collect()
    } else {
        ui.label(RichText::new(ctx.t(T::HeatmapTicked)).weak());
        let ticked = &ctx.prefs.selected_zones;
        (0..hm.zones.len())
            .filter(|&z| ticked.contains(&hm.zones[z]))
            .collect()
    };
    if columns.is_empty() {
        return;
    }
    let n = columns.len() as f32;
    let spacing = 4.0;
    let names_w = (ui.available_width() * 0.16).clamp(130.0, 220.0).floor();
    let free = ui.available_width() - names_w - spacing * (n + 1.0);
    let cell_w = (free / n).clamp(48.0, 240.0).floor();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("heatmap_scroll")
        .show(ui, |ui| {
            let sizes = [names_w, cell_w, row_h, spacing];
            clicked = heatmap_grid(ui, ctx, &columns, sizes, missing);
        });
    if let Some(theme_id) = clicked {
        ctx.cmds.push(Command::CompareTheme(theme_id));
    }
}

/// Draws the heatmap cells (only those on screen) of the zones at `columns` (indices into
/// the heatmap's zones); returns the theme of a clicked cell. `sizes` = theme-name column
/// width, cell width, row height, spacing.
fn heatmap_grid(
    ui: &mut egui::Ui,
    ctx: &Ctx<'_>,
    columns: &[usize],
    sizes: [f32; 4],
    missing: &mut Vec<String>,
) -> Option<String> {
    let [names_w, cell_w, row_h, spacing] = sizes;
    let hm = &ctx.data.overview.heatmap;
    let dark = ctx.prefs.dark;
    let width = names_w + columns.len() as f32 * (cell_w + spacing);
    let height = (hm.themes.len() + 1) as f32 * (row_h + spacing);
    let (area, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let cell = |row: usize, col: Option<usize>| {
        let x = match col {
            None => 0.0,
            Some(c) => names_w + spacing + c as f32 * (cell_w + spacing),
        };
        let w = if col.is_some() { cell_w } else { names_w };
        Rect::from_min_size(
            area.min + vec2(x, row as f32 * (row_h + spacing)),
            vec2(w, row_h),
        )
    };
    let text_in = |ui: &mut egui::Ui, rect: Rect, add: &mut dyn FnMut(&mut egui::Ui)| {
        if !ui.is_rect_visible(rect) {
            return;
        }
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(layout));
        child.set_clip_rect(rect.intersect(ui.clip_rect()));
        add(&mut child);
    };
    for (c, &z) in columns.iter().enumerate() {
        let slug = &hm.zones[z];
        let column = cell(0, Some(c)).union(cell(hm.themes.len(), Some(c)));
        if !hm.loaded[z] && ui.is_rect_visible(column) {
            missing.push(slug.clone());
        }
        text_in(ui, cell(0, Some(c)), &mut |ui| {
            color_chip(ui, ctx.zone_color(slug));
            ui.add(egui::Label::new(ctx.zone_name(slug)).truncate())
                .on_hover_text(ctx.zone_name(slug));
        });
    }
    let mut clicked = None;
    for (t, theme_id) in hm.themes.iter().enumerate() {
        let name = ctx.theme_name(theme_id);
        text_in(ui, cell(t + 1, None), &mut |ui| {
            ui.add(egui::Label::new(&name).truncate());
        });
        for (c, &z) in columns.iter().enumerate() {
            let slug = &hm.zones[z];
            let rect = cell(t + 1, Some(c));
            if !ui.is_rect_visible(rect) {
                continue;
            }
            if !hm.loaded[z] {
                ui.painter()
                    .rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
                continue;
            }
            let count = hm.counts[t][z];
            let fill = theme::heat(ctx.zone_color(slug), count, hm.max, dark);
            ui.painter().rect_filled(rect, 3.0, fill);
            let text_color = contrasting_text(fill);
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                count.to_string(),
                egui::FontId::proportional(13.0),
                text_color,
            );
            let id = ui.scope_id().with(("heat", t, z));
            let response = ui.interact(rect, id, Sense::click());
            response.widget_info(|| {
                let label = format!("{name} · {}", ctx.zone_name(slug));
                egui::WidgetInfo::labeled(egui::Role::Button, true, label)
            });
            if response.on_hover_text(ctx.t(T::HeatmapTip)).clicked() {
                clicked = Some(theme_id.clone());
            }
        }
    }
    clicked
}

/// Black or white, whichever reads better on `fill`.
fn contrasting_text(fill: egui::Color32) -> egui::Color32 {
    let [r, g, b, _] = fill.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 {
        egui::Color32::from_gray(20)
    } else {
        egui::Color32::from_gray(245)
    }
}
