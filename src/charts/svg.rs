//! Draws a [`Chart`] as a standalone SVG document: text stays text (selectable, searchable,
//! CJK via the `font-family` list), every bar carries its source sentence as a `<title>`
//! hover text. The layout only estimates text widths, so it reserves room generously.

mod layout;
mod text;

pub use text::{text_width, wrap};

use super::{Chart, Layout};
use layout::Canvas;

/// Width of every chart in SVG user units (PNG export scales it up).
pub const WIDTH: f64 = 1000.0;

/// Fonts tried in order: the bundled Noto Sans CJK SC first, then common Chinese UI fonts.
pub const FONT_FAMILY: &str = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// The chart as a complete SVG document (UTF-8 XML).
pub fn render(chart: &Chart) -> String {
    let mut c = Canvas::new(WIDTH);
    c.header(chart);
    let label_w = c.label_column(&chart.panels);
    for panel in &chart.panels {
        let max = chart.shared_max(panel);
        match panel.layout {
            Layout::Bars { stacked } => c.bars_panel(panel, stacked, chart.lang, label_w, max),
            Layout::Lanes => c.lanes_panel(panel),
        }
    }
    if chart.panels.iter().all(|p| p.is_empty()) && chart.notes.is_empty() {
        c.empty_note(chart.lang.pick("无数据", "No data"));
    }
    c.footer(chart);
    c.finish()
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;
    use crate::catalog::Catalog;
    use crate::charts::{ChartKind, ChartOptions, Lang, build_chart};

    #[test]
    fn every_kind_renders_wellformed_svg() {
        let ds = dataset();
        for kind in ChartKind::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let chart = build_chart(&ds, Catalog::in_use(), &ChartOptions::new(kind, lang));
                let svg = render(&chart);
                assert!(svg.starts_with("<svg"), "{kind}");
                assert!(svg.contains(&escape(&chart.title)), "{kind}");
                assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
                assert!(!svg.contains("NaN"), "{kind} {lang:?}");
            }
        }
    }

    #[test]
    fn indicator_svg_has_names_values_and_tooltips() {
        let ds = dataset();
        let opts = ChartOptions {
            indicator: Some("high_tech_enterprises".into()),
            ..ChartOptions::new(ChartKind::Indicator, Lang::Zh)
        };
        let svg = render(&build_chart(&ds, Catalog::in_use(), &opts));
        assert!(svg.contains("高新技术企业"));
        assert!(svg.contains("≥120户（2025年）"));
        assert!(svg.contains("<title lang=\"zh\">到2025年,高新技术企业不少于120户"));
        assert!(svg.contains("未设定该指标目标"));
        assert!(svg.contains("资料来源"));
        assert!(svg.contains(&zone_color_hex(0)));
    }

    fn zone_color_hex(i: usize) -> String {
        crate::charts::zone_color(i).hex()
    }

    /// (x, y, height) of every bar-like rect.
    fn rects(svg: &str) -> Vec<(f64, f64, f64)> {
        let attr = |r: &str, name: &str| -> Option<f64> {
            let start = r.find(&format!(" {name}=\""))? + name.len() + 3;
            r[start..].split('"').next()?.parse().ok()
        };
        svg.split("<rect")
            .skip(1)
            .filter_map(|r| Some((attr(r, "x")?, attr(r, "y")?, attr(r, "height")?)))
            .collect()
    }

    #[test]
    fn grouped_bars_never_overlap() {
        // zones without a measure in a theme leave no gap and push nothing into the next row
        let ds = dataset();
        let chart = build_chart(
            &ds,
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Themes, Lang::Zh),
        );
        let svg = render(&chart);
        let mut bars: Vec<(f64, f64, f64)> =
            rects(&svg).into_iter().filter(|r| r.2 < 30.0).collect();
        // bars all start on the value axis: the most common x
        let count = |x: f64| bars.iter().filter(|r| r.0 == x).count();
        let x0 = bars.iter().map(|r| r.0).max_by_key(|&x| count(x)).unwrap();
        bars.retain(|r| r.0 == x0);
        bars.sort_by(|a, b| a.1.total_cmp(&b.1));
        assert_eq!(bars.len(), 5);
        for w in bars.windows(2) {
            assert!(w[0].1 + w[0].2 <= w[1].1, "{w:?}");
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("R&D <5>"), "R&amp;D &lt;5&gt;");
    }
}
