//! On-screen charts of the Targets, Compare and Agencies views. Each is the library's
//! [`Chart`] (the one the PNG/SVG export writes) drawn with egui_plot: horizontal bars in
//! zone colours (pale for baselines and co-owners, a light extension for ranges), year lanes
//! for the timeline, the value beside each bar, and the source sentence on hover.

use egui::{Align2, Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, PlotPoints, Points, Text};

use super::Ctx;
use super::sidebar::combo;
use crate::charts::{Chart, ChartKind, ChartOptions, Layout, Panel, Style};
use crate::gui::export::{ChartSlot, chart_lang};
use crate::gui::i18n::{Lang, T};
use crate::gui::theme::color32;

/// Height of one bar row in points.
const BAR_PX: f32 = 20.0;

/// The Targets view's chart (indicator targets or the timeline) with its pickers.
pub fn indicator_chart(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    section(ui, ctx, ChartSlot::Targets);
}

/// A resizable chart panel at the bottom of a view.
pub fn bottom_panel(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, slot: ChartSlot) {
    egui::Panel::bottom(format!("{}_chart", slot.as_str()))
        .resizable(true)
        .default_size(300.0)
        .min_size(160.0)
        .show(ui, |ui| section(ui, ctx, slot));
}

/// Name of a chart kind on its picker button.
pub fn kind_name(kind: ChartKind, lang: Lang) -> &'static str {
    match kind {
        ChartKind::Indicator => lang.pick("指标目标", "Indicator targets"),
        ChartKind::Timeline => lang.pick("目标时间表", "Timeline"),
        ChartKind::Themes => lang.pick("主题分布", "Themes"),
        ChartKind::Agencies => lang.pick("部门任务量", "Agency workload"),
        ChartKind::Instruments => lang.pick("政策工具结构", "Instrument mix"),
        ChartKind::Progress => lang.pick("完成情况", "Progress"),
    }
}

/// The options of a view's chart: its kind, the indicator picked (Targets) or filtered
/// on (Compare), in the interface language.
fn options(ctx: &Ctx<'_>, slot: ChartSlot, kind: ChartKind) -> ChartOptions {
    let indicator = match slot {
        ChartSlot::Compare => ctx.prefs.filter.indicator.clone(),
        _ => ctx
            .prefs
            .filter
            .indicator
            .clone()
            .or_else(|| ctx.prefs.chart_indicator.clone()),
    };
    ChartOptions {
        indicator,
        ..ChartOptions::new(kind, chart_lang(ctx.lang()))
    }
}

/// Picker row, export buttons and the chart of one view.
fn section(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, slot: ChartSlot) {
    let lang = ctx.lang();
    let mut kind = ctx.st.export.charts.kind(slot);
    ui.horizontal_wrapped(|ui| {
        ui.strong(ctx.t(T::Chart));
        for &k in slot.kinds() {
            ui.selectable_value(&mut kind, k, kind_name(k, lang));
        }
        if kind == ChartKind::Indicator && slot == ChartSlot::Targets {
            indicator_picker(ui, ctx);
        }
        ui.separator();
        super::export::buttons(ui, ctx, slot);
    });
    ctx.st.export.charts.set_kind(slot, kind);
    let opts = options(ctx, slot, kind);
    let zones = ctx.prefs.selected_zones.clone();
    let dark = ctx.prefs.dark;
    let chart = ctx.st.export.charts.chart(slot, ctx.data, &zones, opts);
    egui::ScrollArea::vertical()
        .id_salt(format!("{}_chart_scroll", slot.as_str()))
        .auto_shrink([false, false])
        .show(ui, |ui| draw(ui, chart, dark));
}

fn indicator_picker(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let indicators: Vec<(String, String)> = ctx
        .data
        .overview
        .indicators
        .iter()
        .map(|i| (i.clone(), ctx.indicator_name(i)))
        .collect();
    ui.scope(|ui| {
        ui.set_max_width(260.0);
        let mut pick = ctx
            .prefs
            .filter
            .indicator
            .clone()
            .or_else(|| ctx.prefs.chart_indicator.clone());
        let any = ctx.t(T::Any).to_string();
        if combo(
            ui,
            ctx.t(T::Indicator),
            "chart_ind",
            &mut pick,
            &indicators,
            &any,
        ) {
            ctx.prefs.chart_indicator = pick;
        }
    });
}

/// Draws a chart: title, subtitle, legend, notes, one plot per panel, source note.
pub fn draw(ui: &mut egui::Ui, chart: &Chart, dark: bool) {
    ui.label(RichText::new(&chart.title).strong().size(16.0));
    ui.add(egui::Label::new(RichText::new(&chart.subtitle).weak()).wrap());
    if !chart.legend.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for item in &chart.legend {
                super::color_chip(ui, color32(item.style.fill(item.color)));
                ui.label(&item.label);
                ui.add_space(8.0);
            }
        });
    }
    let warn = crate::gui::theme::warn_color(dark);
    for note in &chart.notes {
        ui.add(egui::Label::new(RichText::new(note).color(warn)).wrap());
    }
    for (i, panel) in chart.panels.iter().enumerate() {
        if !panel.title.is_empty() {
            ui.strong(&panel.title);
        }
        // panels measuring the same thing share one scale, as in the exported file
        let max = chart
            .panels
            .iter()
            .filter(|p| p.value_axis == panel.value_axis && p.layout == panel.layout)
            .map(Panel::max_value)
            .fold(0.0, f64::max);
        let id = format!("{}_{i}_{}", chart.kind, chart.title);
        match panel.layout {
            Layout::Bars { stacked } => bars_plot(ui, panel, stacked, max, &id, dark),
            Layout::Lanes => lanes_plot(ui, panel, &id),
        }
    }
    ui.add(egui::Label::new(RichText::new(&chart.source).small().weak()).wrap());
}

/// A hover target: the bar's rectangle in plot units, its label and source text.
struct Hit {
    min: PlotPoint,
    max: PlotPoint,
    label: String,
    detail: String,
}

/// Category label shortened for the axis (the full text is in the hover).
fn axis_label(s: &str) -> String {
    const MAX: usize = 16;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX - 1).chain(['…']).collect()
    }
}

fn ink(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    }
}

/// Horizontal bars, one row per category (top to bottom), grouped or stacked series.
fn bars_plot(ui: &mut egui::Ui, panel: &Panel, stacked: bool, max: f64, id: &str, dark: bool) {
    let rows = panel.categories.len();
    let mut bars: Vec<Bar> = Vec::new();
    let mut texts: Vec<Text> = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    let pad = max.max(1.0) * 0.01;
    for row in 0..rows {
        let y = -(row as f64);
        let present: Vec<_> = panel
            .series
            .iter()
            .filter_map(|s| s.points.iter().find(|p| p.category == row).map(|p| (s, p)))
            .collect();
        let n = if stacked { 1 } else { present.len().max(1) };
        let band = 0.8 / n as f64;
        let mut start = 0.0;
        for (j, (s, p)) in present.iter().enumerate() {
            let base = p.color.unwrap_or(s.color);
            let center = if stacked {
                y
            } else {
                y + 0.4 - band * (j as f64 + 0.5)
            };
            let from = if stacked { start } else { 0.0 };
            let end = from + p.value;
            bars.push(
                Bar::new(center, p.value)
                    .base_offset(from)
                    .width(band * 0.85)
                    .fill(color32(s.style.fill(base))),
            );
            let mut label_end = end;
            if let Some(top) = p.value_max.filter(|_| !stacked) {
                bars.push(
                    Bar::new(center, top - p.value)
                        .base_offset(end)
                        .width(band * 0.85)
                        .fill(color32(Style::Pale.fill(base))),
                );
                label_end = top;
            }
            hits.push(Hit {
                min: PlotPoint::new(from, center - band / 2.0),
                max: PlotPoint::new(label_end, center + band / 2.0),
                label: format!("{} · {}", panel.categories[row], p.label),
                detail: p.detail.clone(),
            });
            if !stacked {
                texts.push(
                    Text::new("", PlotPoint::new(label_end + pad, center), p.label.clone())
                        .anchor(Align2::LEFT_CENTER)
                        .color(ink(dark)),
                );
            }
            start = end;
        }
        if stacked && !present.is_empty() {
            let total: f64 = present.iter().map(|(_, p)| p.value).sum();
            let labels: Vec<&str> = present.iter().map(|(_, p)| p.label.as_str()).collect();
            texts.push(
                Text::new("", PlotPoint::new(total + pad, y), labels.join(" / "))
                    .anchor(Align2::LEFT_CENTER)
                    .color(ink(dark)),
            );
        }
        let note = &panel.category_notes[row];
        if !note.is_empty() {
            texts.push(
                Text::new("", PlotPoint::new(pad, y), format!("— {note}"))
                    .anchor(Align2::LEFT_CENTER)
                    .color(Color32::GRAY),
            );
        }
    }
    let rows_px: f32 = (0..rows)
        .map(|r| {
            let k = panel
                .series
                .iter()
                .filter(|s| s.points.iter().any(|p| p.category == r))
                .count();
            let bars = if stacked { 1 } else { k.max(1) };
            bars as f32 * BAR_PX + 10.0
        })
        .sum();
    let categories = panel.categories.clone();
    let plot = Plot::new(id)
        .height(rows_px + 56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_grid([true, false])
        .include_x(0.0)
        .include_x(max * 1.3 + pad)
        .include_y(0.5)
        .include_y(-(rows as f64) + 0.5)
        .x_axis_label(panel.value_axis.clone())
        .y_axis_min_width(110.0)
        .y_grid_spacer(move |_| {
            (0..rows)
                .map(|r| GridMark {
                    value: -(r as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let r = (-mark.value).round();
            if (mark.value + r).abs() < 1e-6 && r >= 0.0 {
                categories
                    .get(r as usize)
                    .map(|c| axis_label(c))
                    .unwrap_or_default()
            } else {
                String::new()
            }
        });
    let response = plot.show(ui, |plot| {
        plot.bar_chart(BarChart::new("bars", bars).horizontal().allow_hover(false));
        for t in texts {
            plot.text(t);
        }
        let pos = plot.pointer_coordinate()?;
        hits.iter()
            .position(|h| {
                (h.min.x..=h.max.x.max(h.min.x + pad)).contains(&pos.x)
                    && (h.min.y..=h.max.y).contains(&pos.y)
            })
            .map(|i| (hits[i].label.clone(), hits[i].detail.clone()))
    });
    hover(response.response, response.inner);
}

/// Year lanes: one row per zone, a marker per target at its deadline year.
fn lanes_plot(ui: &mut egui::Ui, panel: &Panel, id: &str) {
    let lanes = panel.categories.len();
    let mut markers: Vec<(PlotPoint, Color32, String, String)> = Vec::new();
    let mut seen: std::collections::HashMap<(usize, i64), usize> = Default::default();
    for s in &panel.series {
        for p in &s.points {
            // targets sharing a lane and year are spread over the lane's height
            let k = seen.entry((p.category, p.value as i64)).or_insert(0);
            let y = -(p.category as f64) + 0.3 - (*k % 6) as f64 * 0.12;
            *k += 1;
            let color = color32(s.style.fill(p.color.unwrap_or(s.color)));
            let label = format!("{} · {}", panel.categories[p.category], p.label);
            markers.push((PlotPoint::new(p.value, y), color, label, p.detail.clone()));
        }
    }
    let categories = panel.categories.clone();
    let plot = Plot::new(id)
        .height(lanes as f32 * 56.0 + 56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.6)
        .include_y(-(lanes as f64) + 0.4)
        .x_axis_label(panel.value_axis.clone())
        .y_axis_min_width(110.0)
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |_| {
            (0..lanes)
                .map(|r| GridMark {
                    value: -(r as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let r = (-mark.value).round();
            if (mark.value + r).abs() < 1e-6 && r >= 0.0 {
                categories
                    .get(r as usize)
                    .map(|c| axis_label(c))
                    .unwrap_or_default()
            } else {
                String::new()
            }
        });
    let response = plot.show(ui, |plot| {
        for (pos, color, _, _) in &markers {
            let pts = PlotPoints::from(vec![[pos.x, pos.y]]);
            plot.points(Points::new("", pts).color(*color).radius(5.0).filled(true));
        }
        let pointer = plot.response().hover_pos()?;
        markers
            .iter()
            .map(|m| (m, plot.screen_from_plot(m.0).distance(pointer)))
            .filter(|(_, d)| *d <= 8.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|((_, _, label, detail), _)| (label.clone(), detail.clone()))
    });
    hover(response.response, response.inner);
}

/// The hovered bar's or marker's label and source sentence, wrapped, beside the pointer.
fn hover(response: egui::Response, hit: Option<(String, String)>) {
    if let Some((label, detail)) = hit {
        let _ = response.on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(460.0);
            ui.label(RichText::new(label).strong());
            if !detail.is_empty() {
                ui.add(egui::Label::new(detail).wrap());
            }
        });
    }
}
