//! SVG → PNG with resvg, at [`PNG_WIDTH`] pixels wide so Chinese text stays crisp when the
//! image is pasted into a document and scaled.

use resvg::{tiny_skia, usvg};

use super::fonts::font_db;

/// Minimum width of exported PNG images in pixels.
pub const PNG_WIDTH: u32 = 2000;

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
    let scale = PNG_WIDTH as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(PNG_WIDTH, height.max(1))
        .ok_or_else(|| format!("image too large ({PNG_WIDTH}×{height} px)"))?;
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
}
