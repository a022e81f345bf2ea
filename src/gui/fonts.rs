//! Installs the bundled CJK font so Chinese renders everywhere (no tofu boxes).

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

use crate::assets::CJK_FONT;

/// Name under which the bundled font is registered.
pub const CJK_FONT_NAME: &str = "NotoSansCJKsc-subset";

/// Adds the bundled CJK subset as the last font of both families: Latin text keeps egui's
/// own fonts, CJK falls through to this one, and eframe's system-font provider (when the
/// app runs natively) still covers characters outside the subset.
pub fn install(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        CJK_FONT_NAME,
        FontData::from_static(CJK_FONT),
        families,
    ));
}
