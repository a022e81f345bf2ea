//! On-screen chart of one canonical indicator across the ticked zones (egui_plot): target
//! bars in zone colours, baselines in grey beside them, the source sentence on hover.

use egui_plot::{Bar, BarChart, Legend, Plot};

use super::Ctx;
use super::sidebar::combo;
use crate::gui::i18n::T;

struct ChartBar {
    zone: String,
    x: f64,
    value: f64,
    label: String,
    sentence: String,
    baseline: bool,
}

/// Draws the indicator chart with its indicator picker.
pub fn indicator_chart(ui: &mut egui::Ui, ctx: &mut Ctx<'_>) {
    let indicators: Vec<(String, String)> = ctx
        .data
        .overview
        .indicators
        .iter()
        .map(|i| (i.clone(), ctx.indicator_name(i)))
        .collect();
    let current = ctx
        .prefs
        .filter
        .indicator
        .clone()
        .or_else(|| ctx.prefs.chart_indicator.clone())
        .or_else(|| indicators.first().map(|(id, _)| id.clone()));
    ui.horizontal(|ui| {
        ui.strong(ctx.t(T::ChartIndicator));
        ui.scope(|ui| {
            ui.set_max_width(260.0);
            let mut pick = current.clone();
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
    });
    let Some(indicator) = current else {
        ui.label(ctx.t(T::NoChartData));
        return;
    };
    let (bars, unit, mixed) = bars(ctx, &indicator);
    if mixed {
        ui.colored_label(ui.visuals().warn_fg_color, ctx.t(T::UnitsDiffer));
    }
    if bars.is_empty() {
        ui.label(ctx.t(T::NoChartData));
        return;
    }
    let mut charts: Vec<BarChart> = Vec::new();
    for zone in &ctx.prefs.selected_zones {
        let color = ctx.zone_color(zone);
        let zone_bars: Vec<Bar> = bars
            .iter()
            .filter(|b| &b.zone == zone)
            .map(|b| {
                let fill = if b.baseline {
                    egui::Color32::GRAY
                } else {
                    color
                };
                Bar::new(b.x, b.value)
                    .width(0.7)
                    .fill(fill)
                    .name(format!("{}\n{}", b.label, b.sentence))
            })
            .collect();
        if !zone_bars.is_empty() {
            let chart = BarChart::new(ctx.zone_name(zone), zone_bars)
                .color(color)
                .element_formatter(Box::new(|bar, _| bar.name.clone()));
            charts.push(chart);
        }
    }
    let y_label = format!("{} ({unit})", ctx.indicator_name(&indicator));
    Plot::new("indicator_plot")
        .legend(Legend::default())
        .y_axis_label(y_label)
        .show_x(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_formatter(|_, _| String::new())
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// Bars of the indicator in the most common unit; says whether other units were left out.
fn bars(ctx: &Ctx<'_>, indicator: &str) -> (Vec<ChartBar>, String, bool) {
    let f = &ctx.data.filtered;
    let rows: Vec<_> = f
        .targets
        .iter()
        .filter(|t| t.target.indicator_id.as_deref() == Some(indicator))
        .collect();
    let mut units: Vec<(&str, usize)> = Vec::new();
    for r in &rows {
        match units.iter_mut().find(|(u, _)| *u == r.target.unit) {
            Some(entry) => entry.1 += 1,
            None => units.push((&r.target.unit, 1)),
        }
    }
    units.sort_by_key(|u| std::cmp::Reverse(u.1));
    let Some(&(unit, _)) = units.first() else {
        return (Vec::new(), String::new(), false);
    };
    let mut out = Vec::new();
    let mut x = 0.0;
    for zone in &ctx.prefs.selected_zones {
        let key = (zone.clone(), indicator.to_string());
        if let Some(&i) = f.baselines.get(&key)
            && f.statistics[i].unit == unit
        {
            let s = &f.statistics[i];
            let year = s.year.map(|y| y.to_string()).unwrap_or_default();
            out.push(ChartBar {
                zone: zone.clone(),
                x,
                value: s.value,
                label: format!(
                    "{} · {} {year}: {} {unit}",
                    ctx.zone_name(zone),
                    ctx.t(T::Baseline),
                    s.value
                ),
                sentence: s.sentence.clone(),
                baseline: true,
            });
            x += 1.0;
        }
        for r in rows
            .iter()
            .filter(|r| &r.zone_slug == zone && r.target.unit == unit)
        {
            let t = &r.target;
            let year = t.year.map(|y| y.to_string()).unwrap_or_default();
            out.push(ChartBar {
                zone: zone.clone(),
                x,
                value: t.value_max.unwrap_or(t.value),
                label: format!(
                    "{} · {year}: {}",
                    ctx.zone_name(zone),
                    super::format_value(t)
                ),
                sentence: t.sentence.clone(),
                baseline: false,
            });
            x += 1.0;
        }
        x += 0.5;
    }
    (out, unit.to_string(), units.len() > 1)
}
