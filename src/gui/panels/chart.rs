//! On-screen charts of the Targets, Compare and Agencies views. Each is the library's
//! [`Chart`] (the one the PNG/SVG export writes) drawn with egui_plot: horizontal bars in
//! zone colours (pale for baselines and co-owners, a light extension for ranges), year lanes
//! for the timeline, the value beside each bar, and the source sentence on hover.

use egui::{Align2, Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, PlotPoints, Points, Text};

use super::Ctx;
use super::sidebar::combo;
use crate::charts::{Chart, ChartKind, ChartOptions, Layout, Panel, Style};
use crate::gui::export::ChartSlot;
use crate::gui::i18n::{Lang, T};
use crate::gui::theme::color32;

/// Height of one bar row in points.
const BAR_PX: f32 = 20.0;

/// A resizable chart panel at the bottom of a view. The rest of the view is clipped above
/// it, so the view's table (whose column lines reach the bottom of its clip area) stays
/// out of the chart.
pub fn bottom_panel(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, slot: ChartSlot) {
    let default = (ui.available_height() * 0.4).max(260.0);
    egui::Panel::bottom(format!("{}_chart", slot.as_str()))
        .resizable(true)
        .default_size(default)
        .min_size(160.0)
        .show(ui, |ui| section(ui, ctx, slot));
    let above = ui.available_rect_before_wrap().intersect(ui.clip_rect());
    ui.set_clip_rect(above);
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
        ..ChartOptions::new(kind, ctx.lang())
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
            indicator_picker(ui, ctx, slot);
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

fn indicator_picker(ui: &mut egui::Ui, ctx: &mut Ctx<'_>, slot: ChartSlot) {
    let indicators: Vec<(String, String)> = ctx
        .data
        .overview
        .indicators
        .iter()
        .map(|i| (i.clone(), ctx.indicator_name(i)))
        .collect();
    ui.scope(|ui| {
        ui.set_max_width(260.0);
        // nothing picked: the chart shows the indicator most zones target; show its name
        let mut pick = ctx
            .prefs
            .filter
            .indicator
            .clone()
            .or_else(|| ctx.prefs.chart_indicator.clone())
            .or_else(|| ctx.st.export.charts.indicator(slot).map(str::to_string));
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

/// Draws a chart: title, subtitle, legend, one plot per panel, then the notes and the
/// source note (as in the exported file).
pub fn draw(ui: &mut egui::Ui, chart: &Chart, dark: bool) {
    ui.label(RichText::new(&chart.title).strong().size(16.0));
    ui.add(egui::Label::new(RichText::new(&chart.subtitle).small().weak()).wrap());
    if !chart.legend.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for item in &chart.legend {
                super::color_chip(ui, color32(item.style.fill(item.color)));
                ui.label(&item.label);
                ui.add_space(8.0);
            }
        });
    }
    for (i, panel) in chart.panels.iter().enumerate() {
        if !panel.title.is_empty() {
            ui.strong(&panel.title);
        }
        let max = chart.shared_max(panel);
        let id = format!("{}_{i}_{}", chart.kind, chart.title);
        match panel.layout {
            Layout::Bars { stacked } => bars_plot(ui, panel, stacked, max, &id, dark),
            Layout::Lanes => lanes_plot(ui, panel, &id),
        }
    }
    let warn = crate::gui::theme::warn_color(dark);
    for note in &chart.notes {
        ui.add(egui::Label::new(RichText::new(note).color(warn)).wrap());
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

/// Category label shortened for the axis to about 30 columns (a Chinese character takes
/// two); the full text is in the hover.
fn axis_label(s: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    const MAX_COLUMNS: usize = 30;
    let width: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if width <= MAX_COLUMNS {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        used += c.width().unwrap_or(0);
        if used > MAX_COLUMNS - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Width the category axis needs for the (shortened) labels, within 80–260 points.
fn axis_width(ui: &egui::Ui, categories: &[String]) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = categories
        .iter()
        .map(|c| {
            ui.painter()
                .layout_no_wrap(axis_label(c), font.clone(), Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    (widest + 12.0).clamp(80.0, 260.0)
}

fn ink(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    }
}

/// What a bar panel draws: the bars, their value labels and their hover targets.
struct BarShapes {
    bars: Vec<Bar>,
    texts: Vec<Text>,
    hits: Vec<Hit>,
}

/// The hover target under `pos` (plot units); tiny bars get at least `pad` of width.
fn hit_at(hits: &[Hit], pos: PlotPoint, pad: f64) -> Option<&Hit> {
    hits.iter().find(|h| {
        (h.min.x..=h.max.x.max(h.min.x + pad)).contains(&pos.x)
            && (h.min.y..=h.max.y).contains(&pos.y)
    })
}

/// Lays out a bar panel: category `row` is centred at y = −row; grouped series share the
/// row's band, stacked series follow each other from 0. `pad` is the gap before labels.
fn bar_shapes(panel: &Panel, stacked: bool, pad: f64, dark: bool) -> BarShapes {
    let rows = panel.categories.len();
    let mut bars: Vec<Bar> = Vec::new();
    let mut texts: Vec<Text> = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
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
    BarShapes { bars, texts, hits }
}

/// One labelled grid line per category, top to bottom (row `r` at y = −r); long labels
/// are shortened (the hover has them in full).
fn category_axis<'a>(plot: Plot<'a>, categories: Vec<String>) -> Plot<'a> {
    let rows = categories.len();
    plot.y_grid_spacer(move |_| {
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
    })
}

/// Horizontal bars, one row per category (top to bottom), grouped or stacked series.
fn bars_plot(ui: &mut egui::Ui, panel: &Panel, stacked: bool, max: f64, id: &str, dark: bool) {
    let rows = panel.categories.len();
    let pad = max.max(1.0) * 0.01;
    let shapes = bar_shapes(panel, stacked, pad, dark);
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
        .grid_spacing(24.0..=240.0)
        .include_x(0.0)
        .include_x(max * 1.3 + pad)
        .include_y(0.5)
        .include_y(-(rows as f64) + 0.5)
        .x_axis_label(panel.value_axis.clone())
        .y_axis_min_width(axis_width(ui, &panel.categories));
    let plot = category_axis(plot, categories);
    let response = plot.show(ui, |plot| {
        let BarShapes { bars, texts, hits } = shapes;
        plot.bar_chart(BarChart::new("bars", bars).horizontal().allow_hover(false));
        for t in texts {
            plot.text(t);
        }
        let pos = plot.pointer_coordinate()?;
        hit_at(&hits, pos, pad).map(|h| (h.label.clone(), h.detail.clone()))
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
            // targets sharing a lane and year fill a small grid: five down, then a column right
            let k = seen.entry((p.category, p.value as i64)).or_insert(0);
            let (col, row) = (*k / 5, *k % 5);
            let x = p.value + col as f64 * 0.12;
            let y = -(p.category as f64) + 0.3 - row as f64 * 0.15;
            *k += 1;
            let color = color32(s.style.fill(p.color.unwrap_or(s.color)));
            let label = format!("{} · {}", panel.categories[p.category], p.label);
            markers.push((PlotPoint::new(x, y), color, label, p.detail.clone()));
        }
    }
    let (first, last) = markers.iter().fold((f64::MAX, f64::MIN), |(a, b), m| {
        (a.min(m.0.x), b.max(m.0.x))
    });
    let (first, last) = if first <= last {
        (first, last)
    } else {
        (2020.0, 2025.0)
    };
    let categories = panel.categories.clone();
    let plot = Plot::new(id)
        .height(lanes as f32 * 56.0 + 56.0)
        .include_x(first - 0.5)
        .include_x(last + 0.5)
        .grid_spacing(24.0..=240.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.6)
        .include_y(-(lanes as f64) + 0.4)
        .x_axis_label(panel.value_axis.clone())
        .y_axis_min_width(axis_width(ui, &panel.categories))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        });
    let plot = category_axis(plot, categories);
    let response = plot.show(ui, |plot| {
        for (pos, color, _, _) in &markers {
            let pts = PlotPoints::from(vec![[pos.x, pos.y]]);
            plot.points(Points::new("", pts).color(*color).radius(4.0).filled(true));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;
    use crate::catalog::Catalog;
    use crate::charts::{Lang, build_chart};

    #[test]
    fn hovering_a_target_bar_gives_its_source_sentence() {
        let opts = ChartOptions {
            indicator: Some("high_tech_enterprises".into()),
            ..ChartOptions::new(ChartKind::Indicator, Lang::Zh)
        };
        let chart = build_chart(&dataset(), Catalog::in_use(), &opts);
        let panel = &chart.panels[0];
        let shapes = bar_shapes(panel, false, 1.0, false);
        // first row: target and baseline share the band, target on top
        let target = hit_at(&shapes.hits, PlotPoint::new(10.0, 0.2), 1.0).expect("a bar");
        assert!(
            target.detail.contains("到2025年,高新技术企业不少于120户"),
            "{}",
            target.detail
        );
        assert!(target.label.contains("≥120户"), "{}", target.label);
        let baseline = hit_at(&shapes.hits, PlotPoint::new(10.0, -0.2), 1.0).expect("baseline");
        assert!(baseline.label.contains("408"), "{}", baseline.label);
        // the row of a zone without a target has nothing to hover
        let empty = panel
            .category_notes
            .iter()
            .position(|n| !n.is_empty())
            .unwrap();
        assert!(hit_at(&shapes.hits, PlotPoint::new(10.0, -(empty as f64)), 1.0).is_none());
        assert_eq!(shapes.bars.len(), shapes.hits.len());
    }

    #[test]
    fn axis_labels_are_cut_by_display_width() {
        assert_eq!(axis_label("中德园管委会"), "中德园管委会");
        let zh = axis_label("重庆两江新区国家自主创新示范区管理委员会办公室");
        assert!(zh.ends_with('…') && zh.chars().count() == 15, "{zh}");
        let en = axis_label("Municipal Development and Reform Commission");
        assert!(en.ends_with('…') && en.chars().count() == 30, "{en}");
    }

    #[test]
    fn stacked_rows_follow_each_other() {
        let chart = build_chart(
            &dataset(),
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Instruments, Lang::En),
        );
        let shapes = bar_shapes(&chart.panels[0], true, 1.0, false);
        let first_row: Vec<&Hit> = shapes
            .hits
            .iter()
            .filter(|h| h.min.y < 0.0 && h.max.y > 0.0)
            .collect();
        assert!(first_row.len() >= 2);
        for w in first_row.windows(2) {
            assert!((w[0].max.x - w[1].min.x).abs() < 1e-9);
        }
        let end = first_row.last().unwrap().max.x;
        assert!((end - 100.0).abs() < 1e-6, "{end}");
    }
}
