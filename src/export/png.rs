//! SVG → PNG with resvg, at [`PNG_WIDTH`] pixels wide so Chinese text stays crisp when the
//! image is pasted into a document and scaled.

use resvg::{tiny_skia, usvg};

use super::fonts::font_db;

/// Width of exported PNG images in pixels.
pub const PNG_WIDTH: u32 = 2000;

/// Most pixels one image may have (2000 × 8000): rendering holds the image twice (the
/// canvas and its encoding copy), 4 bytes a pixel, so one chart costs at most about
/// 130 MB however tall it is. A taller chart is drawn at a smaller scale instead.
pub const MAX_PIXELS: u64 = 16_000_000;

/// The scale that fits a `width` × `height` drawing to [`PNG_WIDTH`] pixels wide, or
/// smaller when that would exceed [`MAX_PIXELS`].
fn scale_for(width: f32, height: f32) -> f32 {
    let wide = PNG_WIDTH as f32 / width;
    let pixels = f64::from(width * wide) * f64::from(height * wide);
    if pixels <= MAX_PIXELS as f64 {
        return wide;
    }
    wide * (MAX_PIXELS as f64 / pixels).sqrt() as f32
}

/// Rasterises an SVG document (as written by [`crate::charts::svg`]) to PNG bytes.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, String> {
    let (fontdb, family) = font_db()?;
    let opt = usvg::Options {
        fontdb,
        font_family: family,
        languages: vec!["zh-CN".into(), "en".into()],
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("invalid SVG: {e}"))?;
    let size = tree.size();
    let scale = scale_for(size.width(), size.height());
    let width = ((size.width() * scale).floor() as u32).clamp(1, PNG_WIDTH);
    let height = ((size.height() * scale).floor() as u32).max(1);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("image too large ({width}×{height} px)"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("PNG encoding failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixtures::dataset;
    use crate::catalog::Catalog;
    use crate::charts::{ChartKind, ChartOptions, Lang, build_chart, svg};

    #[test]
    fn png_is_wide_and_valid() {
        let chart = build_chart(
            &dataset(),
            Catalog::in_use(),
            &ChartOptions::new(ChartKind::Indicator, Lang::Zh),
        );
        let png = svg_to_png(&svg::render(&chart)).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert!(width >= 1600);
    }

    /// Writes every chart in both languages to `$ZC_SAMPLES` for looking at them.
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::path::PathBuf::from(
            std::env::var_os("ZC_SAMPLES")
                .unwrap_or_else(|| std::env::temp_dir().join("zc-samples").into()),
        );
        std::fs::create_dir_all(&dir).unwrap();
        for kind in ChartKind::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let opts = ChartOptions {
                    indicator: (kind == ChartKind::Indicator)
                        .then(|| "high_tech_enterprises".into()),
                    ..ChartOptions::new(kind, lang)
                };
                let chart = build_chart(&dataset(), Catalog::in_use(), &opts);
                let path = dir.join(format!("{kind}-{}.png", lang.as_str()));
                crate::export::save_chart(&chart, &path).unwrap();
                crate::export::save_chart(&chart, &path.with_extension("svg")).unwrap();
            }
        }
    }

    #[test]
    fn a_very_tall_drawing_is_scaled_down_to_the_pixel_budget() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40000" viewBox="0 0 800 40000"><rect x="0" y="0" width="800" height="40000" fill="red"/></svg>"#;
        let png = svg_to_png(svg).expect("png");
        let (w, h) = (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        );
        assert!(u64::from(w) * u64::from(h) <= MAX_PIXELS, "{w}×{h}");
        assert!(w < PNG_WIDTH && h > 4 * w, "kept its proportions: {w}×{h}");
        // An ordinary chart keeps the full width.
        assert!((scale_for(800.0, 600.0) - 2.5).abs() < 1e-6);
    }
}
