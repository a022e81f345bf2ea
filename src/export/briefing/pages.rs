//! A tall chart of one panel (the target timeline: one lane per zone, every target of a
//! deadline year stacked in its cell) cut into parts of about a landscape page's shape, so
//! each is printed at the full text width with legible labels instead of being shrunk to
//! a narrow strip.

use crate::charts::svg;
use crate::charts::{Chart, Layout, Panel, Point};

/// One lane (or bar row) with its points: (series index, point).
#[derive(Clone)]
struct Unit {
    label: String,
    note: String,
    points: Vec<(usize, Point)>,
}

/// Height over width of the chart as drawn.
fn aspect(chart: &Chart) -> f64 {
    let svg = svg::render(chart);
    let height = svg
        .split_once("height=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .and_then(|(h, _)| h.parse::<f64>().ok())
        .unwrap_or(0.0);
    height / svg::WIDTH
}

/// `chart` with its one panel holding only `units` (in order); `first`/`last` keep the
/// subtitle and the notes and source where they are read.
fn part(chart: &Chart, units: &[Unit], first: bool, last: bool) -> Chart {
    let mut out = chart.clone();
    let panel = &mut out.panels[0];
    panel.categories = units.iter().map(|u| u.label.clone()).collect();
    panel.category_notes = units.iter().map(|u| u.note.clone()).collect();
    for s in &mut panel.series {
        s.points.clear();
    }
    for (i, u) in units.iter().enumerate() {
        for (s, p) in &u.points {
            if let Some(series) = panel.series.get_mut(*s) {
                series.points.push(Point {
                    category: i,
                    ..p.clone()
                });
            }
        }
    }
    if !first {
        out.subtitle.clear();
    }
    if !last {
        out.notes.clear();
        out.source.clear();
    }
    out
}

/// The lanes (or rows) of a one-panel chart as units.
fn units(panel: &Panel) -> Vec<Unit> {
    panel
        .categories
        .iter()
        .enumerate()
        .map(|(c, label)| Unit {
            label: label.clone(),
            note: panel.category_notes.get(c).cloned().unwrap_or_default(),
            points: panel
                .series
                .iter()
                .enumerate()
                .flat_map(|(s, series)| {
                    series
                        .points
                        .iter()
                        .filter(move |p| p.category == c)
                        .map(move |p| (s, p.clone()))
                })
                .collect(),
        })
        .collect()
}

/// A lane cut into runs of at most `k` points per deadline year; the runs after the first
/// are labelled as its continuation.
fn cut_lane(unit: &Unit, k: usize, cont: &str) -> Vec<Unit> {
    let mut years: Vec<i64> = unit.points.iter().map(|(_, p)| p.value as i64).collect();
    years.sort_unstable();
    years.dedup();
    let deepest = years
        .iter()
        .map(|y| {
            unit.points
                .iter()
                .filter(|(_, p)| p.value as i64 == *y)
                .count()
        })
        .max()
        .unwrap_or(0);
    let runs = deepest.div_ceil(k.max(1)).max(1);
    (0..runs)
        .map(|r| {
            let points = years
                .iter()
                .flat_map(|y| {
                    unit.points
                        .iter()
                        .filter(move |(_, p)| p.value as i64 == *y)
                        .skip(r * k)
                        .take(k)
                        .cloned()
                })
                .collect();
            Unit {
                label: if r == 0 {
                    unit.label.clone()
                } else {
                    format!("{}{cont}", unit.label)
                },
                note: if r == 0 {
                    unit.note.clone()
                } else {
                    String::new()
                },
                points,
            }
        })
        .collect()
}

/// Parts of a one-panel lanes chart, each no taller than `max_aspect` × its width where
/// that can be had: lanes are taken in order while the part fits; a lane too tall on its
/// own is cut into runs of fewer targets per year. One part (the chart itself) when it fits
/// already or is not a one-panel lanes chart.
pub fn page_parts(chart: &Chart, max_aspect: f64) -> Vec<Chart> {
    let [panel] = chart.panels.as_slice() else {
        return vec![chart.clone()];
    };
    if panel.layout != Layout::Lanes || aspect(chart) <= max_aspect {
        return vec![chart.clone()];
    }
    let cont = chart.lang.pick("（续）", " (cont.)");
    // Each lane in runs that fit a part of their own (down to one target per year).
    let mut pieces: Vec<Unit> = Vec::new();
    for unit in units(panel) {
        let mut k = unit.points.len().max(1);
        let mut runs = cut_lane(&unit, k, cont);
        while k > 1
            && runs
                .iter()
                .any(|r| aspect(&part(chart, std::slice::from_ref(r), true, true)) > max_aspect)
        {
            k -= 1;
            runs = cut_lane(&unit, k, cont);
        }
        pieces.extend(runs);
    }
    // Pieces packed in order while the part stays within the page's shape.
    let mut groups: Vec<Vec<Unit>> = Vec::new();
    let mut current: Vec<Unit> = Vec::new();
    for piece in pieces {
        current.push(piece);
        let fits = aspect(&part(chart, &current, groups.is_empty(), true)) <= max_aspect;
        if !fits && current.len() > 1 {
            let piece = current.pop().expect("just pushed");
            groups.push(std::mem::take(&mut current));
            current.push(piece);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    let last = groups.len().saturating_sub(1);
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| part(chart, g, i == 0, i == last))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, ChartOptions, Lang, build_chart};

    /// A timeline whose one lane holds 40 targets in one year: cut into parts of the page's
    /// shape, every target kept once, the continuation labelled.
    #[test]
    fn a_tall_timeline_is_cut_into_page_shaped_parts() {
        let ds = crate::analysis::fixtures::dataset();
        let opts = ChartOptions::new(ChartKind::Timeline, Lang::En);
        let mut chart = build_chart(&ds, crate::catalog::Catalog::in_use(), &opts);
        let panel = &mut chart.panels[0];
        let template = panel.series[0].points[0].clone();
        panel.series[0].points = (0..40)
            .map(|i| Point {
                category: 0,
                value: 2025.0,
                label: format!("Indicator number {i} ≥{i}"),
                ..template.clone()
            })
            .collect();
        assert!(aspect(&chart) > 0.6, "tall: {}", aspect(&chart));
        let parts = page_parts(&chart, 0.6);
        assert!(parts.len() > 1, "{}", parts.len());
        let mut labels: Vec<String> = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            assert!(aspect(p) <= 0.6, "part {i}: {}", aspect(p));
            labels.extend(p.panels[0].series[0].points.iter().map(|p| p.label.clone()));
            assert_eq!(p.subtitle.is_empty(), i > 0);
            assert_eq!(p.source.is_empty(), i + 1 < parts.len());
        }
        assert_eq!(labels.len(), 40);
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), 40, "each target once");
        assert!(
            parts[1].panels[0].categories[0].ends_with(" (cont.)"),
            "{:?}",
            parts[1].panels[0].categories
        );
        // A chart that fits is left whole.
        let small = build_chart(&ds, crate::catalog::Catalog::in_use(), &opts);
        if aspect(&small) <= 0.6 {
            assert_eq!(page_parts(&small, 0.6), vec![small]);
        }
    }
}
