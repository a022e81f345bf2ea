//! Chart data shared by the GUI (egui_plot) and file exports (SVG, PNG): what is drawn,
//! with every label already in the chosen language, but no pixel positions.
//!
//! A [`Chart`] is a title, a subtitle naming the selection, one or more [`Panel`]s of
//! horizontal bars (or year lanes for the timeline), a legend, notes (for instance when
//! units differ) and a source note naming the documents. Builders in [`build`] turn an
//! [`analysis::Dataset`](crate::analysis::Dataset) into charts; [`svg`] draws them.

pub mod build;
pub mod labels;
pub mod svg;

pub use build::{ChartOptions, build_chart};
pub use labels::{fmt_number, indicator_name, theme_name, unit_label, zone_name};

use std::fmt;
use std::str::FromStr;

/// Language of the interface and of every text in a chart or export.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// `zh` or `en`.
    pub fn as_str(self) -> &'static str {
        self.pick("zh", "en")
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "zh" | "zh-CN" | "cn" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language `{s}` (use zh or en)")),
        }
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixed with white: `amount` 0 keeps the colour, 1 gives white.
    pub fn lighten(self, amount: f32) -> Rgb {
        let mix = |c: u8| (c as f32 + (255.0 - c as f32) * amount.clamp(0.0, 1.0)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

/// Zone colours: distinct, readable on white and in print, safe for common colour
/// blindness in the first four. The single source of zone colours: the GUI's chips, tables
/// and on-screen charts use this palette through [`zone_color`] too.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x1f, 0x5f, 0xa8), // blue
    Rgb(0xd9, 0x6c, 0x1e), // orange
    Rgb(0x2e, 0x8b, 0x57), // green
    Rgb(0xa6, 0x3d, 0x8f), // purple
    Rgb(0xc0, 0x39, 0x2b), // red
    Rgb(0x1b, 0x9a, 0xaa), // teal
    Rgb(0x8c, 0x6d, 0x31), // brown
    Rgb(0x5d, 0x6d, 0x7e), // slate
];

/// The colour of the zone at `index` in the store's zone list; the GUI uses the same
/// function, so a zone has one colour everywhere.
pub fn zone_color(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

/// Neutral grey for legend swatches that explain a style rather than a zone.
pub const NEUTRAL: Rgb = Rgb(0x6b, 0x72, 0x80);

/// The charts the product draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// One canonical indicator: target and baseline per zone.
    Indicator,
    /// Every target on a deadline-year axis, one lane per zone.
    Timeline,
    /// Measures per theme per zone.
    Themes,
    /// Busiest agencies per zone, lead vs co-owner.
    Agencies,
    /// Supply / environment / demand mix per zone.
    Instruments,
    /// Target vs entered actual.
    Progress,
}

impl ChartKind {
    /// Every kind, in menu order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Indicator,
        ChartKind::Timeline,
        ChartKind::Themes,
        ChartKind::Agencies,
        ChartKind::Instruments,
        ChartKind::Progress,
    ];

    /// Identifier used on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Indicator => "indicator",
            ChartKind::Timeline => "timeline",
            ChartKind::Themes => "themes",
            ChartKind::Agencies => "agencies",
            ChartKind::Instruments => "instruments",
            ChartKind::Progress => "progress",
        }
    }
}

impl fmt::Display for ChartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChartKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ChartKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = ChartKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown chart `{s}` (one of {})", all.join(", "))
            })
    }
}

/// How a series is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Full colour: targets, actuals, lead roles.
    Solid,
    /// Light tint of the colour: baselines, co-owner roles.
    Pale,
}

/// How much white a [`Style::Pale`] fill mixes in.
const PALE_TINT: f32 = 0.6;

impl Style {
    /// The fill of `color` in this style, as both the SVG and the on-screen chart draw it.
    pub fn fill(self, color: Rgb) -> Rgb {
        match self {
            Style::Solid => color,
            Style::Pale => color.lighten(PALE_TINT),
        }
    }
}

/// One drawn value.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Index into the panel's categories (bar rows or lanes).
    pub category: usize,
    /// Bar length, or the deadline year in a lane panel.
    pub value: f64,
    /// Upper end of a range target (`2-3家`).
    pub value_max: Option<f64>,
    /// Overrides the series colour (bars coloured by zone).
    pub color: Option<Rgb>,
    /// Text drawn beside the bar or lane marker.
    pub label: String,
    /// Hover text: the source sentence and its document.
    pub detail: String,
}

/// Values drawn in one style, with a legend name.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    pub style: Style,
    pub points: Vec<Point>,
}

/// How a panel is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Horizontal bars, one row per category; series side by side or stacked.
    Bars { stacked: bool },
    /// One lane per category; point values are deadline years.
    Lanes,
}

/// One plot area with its own value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Heading above the plot (empty when the chart has one panel).
    pub title: String,
    pub layout: Layout,
    /// Row (or lane) labels, top to bottom.
    pub categories: Vec<String>,
    /// Text shown in a row instead of a bar, e.g. "no target" (empty = none).
    pub category_notes: Vec<String>,
    /// Axis title for the categories.
    pub category_axis: String,
    /// Axis title for the values, with the unit.
    pub value_axis: String,
    pub series: Vec<Series>,
}

impl Panel {
    /// A bar panel with no series yet.
    pub fn bars(title: String, stacked: bool, categories: Vec<String>) -> Panel {
        let n = categories.len();
        Panel {
            title,
            layout: Layout::Bars { stacked },
            categories,
            category_notes: vec![String::new(); n],
            category_axis: String::new(),
            value_axis: String::new(),
            series: Vec::new(),
        }
    }

    /// Largest value end drawn (stacked bars summed per row); 0 when empty.
    pub fn max_value(&self) -> f64 {
        match self.layout {
            Layout::Bars { stacked: true } => (0..self.categories.len())
                .map(|c| {
                    self.series
                        .iter()
                        .flat_map(|s| s.points.iter().filter(move |p| p.category == c))
                        .map(|p| p.value)
                        .sum::<f64>()
                })
                .fold(0.0, f64::max),
            _ => self
                .series
                .iter()
                .flat_map(|s| &s.points)
                .map(|p| p.value_max.unwrap_or(p.value))
                .fold(0.0, f64::max),
        }
    }

    /// True when no series has a point.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub color: Rgb,
    pub style: Style,
}

/// Everything needed to draw one chart, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    pub lang: Lang,
    pub title: String,
    /// Names the selection (zones, indicator, what the bars mean).
    pub subtitle: String,
    pub panels: Vec<Panel>,
    pub legend: Vec<LegendItem>,
    /// Caveats shown under the plot (units that differ, rows left out…).
    pub notes: Vec<String>,
    /// Documents (with dates) the figures come from.
    pub source: String,
}

impl Chart {
    /// The value-axis maximum for `panel`: panels measuring the same thing (same value axis
    /// and layout) share one scale so their bars compare, on screen and in files alike.
    pub fn shared_max(&self, panel: &Panel) -> f64 {
        self.panels
            .iter()
            .filter(|p| p.value_axis == panel.value_axis && p.layout == panel.layout)
            .map(Panel::max_value)
            .fold(0.0, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_is_stable_and_distinct() {
        assert_eq!(zone_color(0), zone_color(8));
        let first: std::collections::HashSet<Rgb> = (0..8).map(zone_color).collect();
        assert_eq!(first.len(), 8);
        assert_eq!(zone_color(0).hex(), "#1f5fa8");
        assert_eq!(Rgb(0, 0, 0).lighten(1.0), Rgb(255, 255, 255));
    }

    #[test]
    fn kinds_and_languages_parse() {
        for k in ChartKind::ALL {
            assert_eq!(k.as_str().parse::<ChartKind>().unwrap(), k);
        }
        assert!(
            "pie"
                .parse::<ChartKind>()
                .unwrap_err()
                .contains("indicator")
        );
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
        assert!("fr".parse::<Lang>().is_err());
    }
}
