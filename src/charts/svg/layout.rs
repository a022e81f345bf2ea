//! Positions and draws the parts of a chart top to bottom on a growing canvas.

use std::fmt::Write;

mod lanes;

use super::text::{text_width, truncate, wrap};
use super::{FONT_FAMILY, escape};
use crate::charts::labels::fmt_number;
use crate::charts::{Chart, Lang, Panel, Point, Rgb, Style};

const MARGIN: f64 = 36.0;
const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const GRID: &str = "#d9dee3";
const LABEL_SIZE: f64 = 13.0;
const VALUE_SIZE: f64 = 12.5;

/// An SVG body under construction; `y` is where the next part starts.
pub(super) struct Canvas {
    width: f64,
    y: f64,
    body: String,
}

fn fill(color: Rgb, style: Style) -> String {
    style.fill(color).hex()
}

/// A "nice" axis step (1, 2, 2.5 or 5 × 10^k) giving about five intervals up to `max`;
/// whole numbers of at least 1 when the values are counts.
fn nice_step(max: f64, integer: bool) -> f64 {
    let raw = if max > 0.0 { max / 5.0 } else { 0.2 };
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let steps: &[f64] = if integer && mag <= 1.0 {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let nice = steps.iter().copied().find(|n| norm <= *n).unwrap_or(10.0) * mag;
    if integer { nice.round().max(1.0) } else { nice }
}

/// Axis maximum and step for values up to `max`.
pub(super) fn axis(max: f64, integer: bool) -> (f64, f64) {
    let step = nice_step(max, integer);
    ((max / step).ceil().max(1.0) * step, step)
}

impl Canvas {
    pub(super) fn new(width: f64) -> Canvas {
        Canvas {
            width,
            y: MARGIN,
            body: String::new(),
        }
    }

    fn inner(&self) -> f64 {
        self.width - 2.0 * MARGIN
    }

    /// Draws one text line; `anchor` is start, middle or end. The arguments mirror the
    /// SVG attributes one to one.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        color: &str,
        weight: &str,
        anchor: &str,
        s: &str,
    ) {
        // The bundled font has one weight: a thin outline in the text colour makes bold
        // visible in PNG export (and only slightly heavier where a real bold exists).
        let outline = if weight == "bold" {
            format!(r#" stroke="{color}" stroke-width="{:.2}""#, size / 40.0)
        } else {
            String::new()
        };
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{color}" font-weight="{weight}"{outline} text-anchor="{anchor}">{}</text>"#,
            escape(s)
        );
    }

    /// Draws wrapped text from the current `y`, advancing it.
    fn paragraph(&mut self, s: &str, size: f64, color: &str, weight: &str, line_height: f64) {
        for line in wrap(s, size, self.inner()) {
            self.y += line_height;
            self.text(MARGIN, self.y, size, color, weight, "start", &line);
        }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tooltip: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}">"#,
            w.max(0.0)
        );
        if !tooltip.is_empty() {
            // a tooltip with Chinese quotes its source sentence: marked as the original
            let lang = match crate::english::has_cjk(tooltip) {
                true => r#" lang="zh""#,
                false => "",
            };
            let _ = write!(self.body, "<title{lang}>{}</title>", escape(tooltip));
        }
        self.body.push_str("</rect>");
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
        let _ = write!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="1"/>"#
        );
    }

    /// Title, subtitle and legend.
    pub(super) fn header(&mut self, chart: &Chart) {
        self.paragraph(&chart.title, 24.0, INK, "bold", 30.0);
        self.y += 4.0;
        self.paragraph(&chart.subtitle, 14.0, MUTED, "normal", 20.0);
        if chart.legend.is_empty() {
            self.y += 14.0;
            return;
        }
        self.y += 14.0;
        let mut x = MARGIN;
        let size = 13.0;
        for item in &chart.legend {
            let w = 16.0 + 6.0 + text_width(&item.label, size) + 22.0;
            if x + w > self.width - MARGIN && x > MARGIN {
                x = MARGIN;
                self.y += 22.0;
            }
            let color = fill(item.color, item.style);
            self.rect(x, self.y, 16.0, 14.0, &color, "");
            self.text(
                x + 22.0,
                self.y + 12.0,
                size,
                INK,
                "normal",
                "start",
                &item.label,
            );
            x += w;
        }
        self.y += 34.0;
    }

    /// Notes and the source line, then a thin rule above them.
    pub(super) fn footer(&mut self, chart: &Chart) {
        self.y += 8.0;
        self.line(MARGIN, self.y, self.width - MARGIN, self.y, GRID);
        self.y += 4.0;
        for note in &chart.notes {
            let prefix = chart.lang.pick("注：", "Note: ");
            self.paragraph(&format!("{prefix}{note}"), 12.5, MUTED, "normal", 18.0);
        }
        self.paragraph(&chart.source, 12.0, MUTED, "normal", 18.0);
    }

    pub(super) fn empty_note(&mut self, s: &str) {
        self.y += 30.0;
        let x = self.width / 2.0;
        self.text(x, self.y, 16.0, MUTED, "normal", "middle", s);
        self.y += 20.0;
    }

    /// The finished document with a white background.
    pub(super) fn finish(self) -> String {
        let h = (self.y + MARGIN * 0.6).ceil();
        let w = self.width;
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}"><rect width="{w}" height="{h}" fill="white"/>{}</svg>"#,
            escape(FONT_FAMILY),
            self.body
        ) + "\n"
    }

    /// Category labels wrapped into at most three lines in a column of `width`.
    fn category_lines(label: &str, width: f64) -> Vec<String> {
        let mut lines = wrap(label, LABEL_SIZE, width);
        if lines.len() > 3 {
            let rest = lines[2..].join("");
            lines.truncate(2);
            lines.push(truncate(&rest, LABEL_SIZE, width));
        }
        lines
    }

    /// Width of the category label column shared by `panels`.
    pub(super) fn label_column(&self, panels: &[Panel]) -> f64 {
        let widest = panels
            .iter()
            .flat_map(|p| &p.categories)
            .map(|c| text_width(c, LABEL_SIZE))
            .fold(60.0, f64::max);
        widest.min(self.inner() * 0.3) + 4.0
    }

    fn panel_title(&mut self, panel: &Panel) {
        if !panel.title.is_empty() {
            self.paragraph(&panel.title, 15.0, INK, "bold", 22.0);
            self.y += 8.0;
        }
    }

    /// Horizontal bars: grouped series side by side per row, or stacked.
    /// Horizontal bars with categories in a `label_w` column and values up to `max`.
    pub(super) fn bars_panel(
        &mut self,
        panel: &Panel,
        stacked: bool,
        lang: Lang,
        label_w: f64,
        max: f64,
    ) {
        self.panel_title(panel);
        let all_labels = panel
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| text_width(&p.label, VALUE_SIZE));
        let reserve = if stacked {
            40.0
        } else {
            all_labels.fold(30.0, f64::max).min(self.inner() * 0.34) + 12.0
        };
        let x0 = MARGIN + label_w + 12.0;
        let plot_w = self.width - MARGIN - reserve - x0;
        let integer = panel
            .series
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| p.value.fract() == 0.0);
        let (axis_max, step) = axis(max, integer);
        let scale = |v: f64| x0 + plot_w * (v / axis_max).clamp(0.0, 1.0);
        let present = |row: usize| {
            let n = panel
                .series
                .iter()
                .filter(|s| s.points.iter().any(|p| p.category == row))
                .count();
            if stacked { 1 } else { n.max(1) }
        };
        let most = (0..panel.categories.len()).map(present).max().unwrap_or(1);
        let bar_h = if most <= 2 { 22.0 } else { 15.0 };
        let top = self.y;
        let mut rows = Vec::new();
        for (i, cat) in panel.categories.iter().enumerate() {
            let lines = Self::category_lines(cat, label_w);
            let row_h =
                (present(i) as f64 * (bar_h + 4.0) + 14.0).max(lines.len() as f64 * 17.0 + 12.0);
            rows.push((i, lines, self.y, row_h));
            self.y += row_h;
        }
        let bottom = self.y;
        let ticks = (axis_max / step).round() as usize;
        for t in 0..=ticks {
            let v = step * t as f64;
            let x = scale(v);
            self.line(x, top, x, bottom, GRID);
            self.text(
                x,
                bottom + 16.0,
                12.0,
                MUTED,
                "normal",
                "middle",
                &fmt_number(v, lang),
            );
        }
        for (i, lines, y, row_h) in rows {
            let first = y + row_h / 2.0 - (lines.len() as f64 - 1.0) * 8.5 + 4.5;
            for (k, l) in lines.iter().enumerate() {
                self.text(
                    x0 - 10.0,
                    first + k as f64 * 17.0,
                    LABEL_SIZE,
                    INK,
                    "normal",
                    "end",
                    l,
                );
            }
            let bars_top = y + (row_h - present(i) as f64 * (bar_h + 4.0) + 4.0) / 2.0;
            if stacked {
                self.stacked_row(panel, i, bars_top, bar_h, &scale);
            } else {
                self.grouped_row(panel, i, bars_top, bar_h, &scale);
            }
            let note = &panel.category_notes[i];
            if !note.is_empty() {
                self.text(
                    x0 + 8.0,
                    y + row_h / 2.0 + 4.5,
                    12.5,
                    MUTED,
                    "normal",
                    "start",
                    &format!("— {note}"),
                );
            }
        }
        self.line(x0, top, x0, bottom, MUTED);
        self.y = bottom + 40.0;
        let mid = x0 + plot_w / 2.0;
        self.text(
            mid,
            self.y - 4.0,
            13.0,
            INK,
            "normal",
            "middle",
            &panel.value_axis,
        );
        self.y += 16.0;
    }

    fn grouped_row(
        &mut self,
        panel: &Panel,
        row: usize,
        top: f64,
        bar_h: f64,
        scale: &dyn Fn(f64) -> f64,
    ) {
        let x0 = scale(0.0);
        let mut y = top;
        for s in &panel.series {
            if let Some(p) = s.points.iter().find(|p| p.category == row) {
                let color = fill(p.color.unwrap_or(s.color), s.style);
                let end = scale(p.value);
                self.rect(x0, y, end - x0, bar_h, &color, &p.detail);
                let mut label_x = end;
                if let Some(max) = p.value_max {
                    // range targets: the upper part as a lighter extension
                    let light = fill(p.color.unwrap_or(s.color), Style::Pale);
                    label_x = scale(max);
                    self.rect(end, y, label_x - end, bar_h, &light, &p.detail);
                }
                self.text(
                    label_x + 6.0,
                    y + bar_h / 2.0 + 4.5,
                    VALUE_SIZE,
                    INK,
                    "normal",
                    "start",
                    &p.label,
                );
                y += bar_h + 4.0;
            }
        }
    }

    fn stacked_row(
        &mut self,
        panel: &Panel,
        row: usize,
        top: f64,
        bar_h: f64,
        scale: &dyn Fn(f64) -> f64,
    ) {
        let mut start = 0.0;
        let mut outside: Vec<&Point> = Vec::new();
        for s in &panel.series {
            let Some(p) = s.points.iter().find(|p| p.category == row) else {
                continue;
            };
            let (x1, x2) = (scale(start), scale(start + p.value));
            let color = p.color.unwrap_or(s.color);
            self.rect(x1, top, x2 - x1, bar_h, &fill(color, s.style), &p.detail);
            if text_width(&p.label, VALUE_SIZE) + 8.0 <= x2 - x1 {
                let ink = if s.style == Style::Solid {
                    "white"
                } else {
                    INK
                };
                self.text(
                    (x1 + x2) / 2.0,
                    top + bar_h / 2.0 + 4.5,
                    VALUE_SIZE,
                    ink,
                    "normal",
                    "middle",
                    &p.label,
                );
            } else {
                outside.push(p);
            }
            start += p.value;
        }
        if !outside.is_empty() {
            let s: Vec<&str> = outside.iter().map(|p| p.label.as_str()).collect();
            self.text(
                scale(start) + 6.0,
                top + bar_h / 2.0 + 4.5,
                VALUE_SIZE,
                INK,
                "normal",
                "start",
                &s.join(" / "),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{axis, nice_step};

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(2000.0, true), 500.0);
        assert_eq!(nice_step(100.0, false), 20.0);
        assert_eq!(nice_step(11.0, false), 2.5);
        assert_eq!(nice_step(11.0, true), 5.0);
        assert_eq!(nice_step(2.0, true), 1.0);
        assert!(nice_step(0.0, false) > 0.0);
        assert_eq!(axis(11.0, true), (15.0, 5.0));
        assert_eq!(axis(0.0, true), (1.0, 1.0));
    }
}
