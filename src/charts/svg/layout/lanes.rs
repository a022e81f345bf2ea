//! The timeline layout: one lane per zone, one column per deadline year.

use std::fmt::Write;

use super::super::escape;
use super::super::text::wrap;
use super::{Canvas, GRID, INK, LABEL_SIZE, MARGIN, MUTED, fill};
use crate::charts::Panel;

impl Canvas {
    /// One lane per category, one column per deadline year; each target a dot and a label.
    pub(in crate::charts::svg) fn lanes_panel(&mut self, panel: &Panel) {
        self.panel_title(panel);
        let mut years: Vec<i64> = panel
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.value as i64)
            .collect();
        years.sort_unstable();
        years.dedup();
        let label_w = self.label_column(std::slice::from_ref(panel)).min(230.0);
        let x0 = MARGIN + label_w + 12.0;
        let col_w = (self.width - MARGIN - x0) / years.len().max(1) as f64;
        let size = 11.5;
        self.text(
            MARGIN,
            self.y + 14.0,
            12.5,
            MUTED,
            "normal",
            "start",
            &panel.value_axis,
        );
        for (k, year) in years.iter().enumerate() {
            let x = x0 + col_w * k as f64;
            self.text(
                x + 8.0,
                self.y + 14.0,
                14.0,
                INK,
                "bold",
                "start",
                &year.to_string(),
            );
        }
        self.y += 24.0;
        let top = self.y;
        for (lane, cat) in panel.categories.iter().enumerate() {
            self.line(MARGIN, self.y, self.width - MARGIN, self.y, GRID);
            let lane_top = self.y + 10.0;
            let mut max_y = lane_top + 17.0;
            for (k, year) in years.iter().enumerate() {
                let mut y = lane_top;
                let x = x0 + col_w * k as f64 + 8.0;
                for s in &panel.series {
                    for p in s
                        .points
                        .iter()
                        .filter(|p| p.category == lane && p.value as i64 == *year)
                    {
                        let color = fill(p.color.unwrap_or(s.color), s.style);
                        // a source sentence in the tooltip is marked as the Chinese original
                        let lang = match crate::english::has_cjk(&p.detail) {
                            true => r#" lang="zh""#,
                            false => "",
                        };
                        let _ = write!(
                            self.body,
                            r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{color}"><title{lang}>{}</title></circle>"#,
                            x + 4.0,
                            y + 7.0,
                            escape(&p.detail)
                        );
                        for line in wrap(&p.label, size, col_w - 26.0).into_iter().take(2) {
                            self.text(x + 13.0, y + 11.0, size, INK, "normal", "start", &line);
                            y += 15.0;
                        }
                        y += 3.0;
                    }
                }
                max_y = max_y.max(y);
            }
            let lines = Self::category_lines(cat, label_w);
            for (k, l) in lines.iter().enumerate() {
                self.text(
                    MARGIN,
                    lane_top + 12.0 + k as f64 * 17.0,
                    LABEL_SIZE,
                    INK,
                    "bold",
                    "start",
                    l,
                );
            }
            let note = &panel.category_notes[lane];
            if !note.is_empty() {
                self.text(
                    x0 + 8.0,
                    lane_top + 12.0,
                    12.5,
                    MUTED,
                    "normal",
                    "start",
                    &format!("— {note}"),
                );
            }
            max_y = max_y.max(lane_top + lines.len() as f64 * 17.0);
            self.y = max_y + 8.0;
        }
        self.line(MARGIN, self.y, self.width - MARGIN, self.y, GRID);
        for k in 0..years.len() {
            let x = x0 + col_w * k as f64;
            self.line(x, top, x, self.y, GRID);
        }
        self.y += 16.0;
    }
}
