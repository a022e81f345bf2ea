//! Colours: light and dark visuals, and one stable colour per zone used in every view
//! (taken from the library's chart palette, so screen and exported files agree).

use egui::Color32;

use crate::charts::{self, Rgb};

/// Zone colours, assigned by the zone's position in the database's zone list. The same
/// constant as [`charts::PALETTE`]: chips, tables, on-screen charts and exported files
/// show a zone in one colour.
pub const ZONE_PALETTE: [Rgb; 8] = charts::PALETTE;

/// An sRGB chart colour as an egui colour.
pub fn color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Colour of the zone at `index` in the zone list (the library's [`charts::zone_color`]).
pub fn zone_color(index: usize) -> Color32 {
    color32(charts::zone_color(index))
}

/// Applies light or dark visuals.
pub fn apply(ctx: &egui::Context, dark: bool) {
    let theme = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    ctx.set_theme(theme);
}

/// Background of text highlighted as part of a measure.
pub fn measure_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x2a, 0x3a, 0x4a)
    } else {
        Color32::from_rgb(0xe3, 0xee, 0xfa)
    }
}

/// Background of a target sentence.
pub fn target_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x6a, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xe5, 0x8f)
    }
}

/// Background of the sentence the user asked to see.
pub fn focus_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x8a, 0x30, 0x30)
    } else {
        Color32::from_rgb(0xff, 0xb0, 0xa0)
    }
}

/// Text colour of agency names in the reader.
pub fn agency_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x7f, 0xd8, 0x8f)
    } else {
        Color32::from_rgb(0x1b, 0x7a, 0x2e)
    }
}

/// Colour of the English title lines the Reader puts above each measure.
pub fn english_title(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x9c, 0xc3, 0xf5)
    } else {
        Color32::from_rgb(0x1f, 0x4e, 0x8c)
    }
}

/// Colour of "corrected" marks and gaps.
pub fn warn_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0xb0, 0x50)
    } else {
        Color32::from_rgb(0xb0, 0x50, 0x00)
    }
}

/// Heatmap cell colour for `count` out of `max`, tinted with the zone colour.
pub fn heat(zone: Color32, count: usize, max: usize, dark: bool) -> Color32 {
    let base = if dark {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(248)
    };
    if max == 0 || count == 0 {
        return base;
    }
    let t = 0.15 + 0.85 * (count as f32 / max as f32);
    base.lerp_to_gamma(zone, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_colours_are_the_chart_palette() {
        for i in 0..12 {
            let Rgb(r, g, b) = charts::zone_color(i);
            assert_eq!(zone_color(i), Color32::from_rgb(r, g, b));
        }
        assert_eq!(ZONE_PALETTE, charts::PALETTE);
    }
}
