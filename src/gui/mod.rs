//! The desktop app (eframe/egui): a thin shell over the library. See `app` for the frame
//! loop, `jobs` for background work, `panels` for the views.

pub mod app;
pub mod command;
pub mod compare_layout;
pub mod data;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod jobs;
pub mod panels;
pub mod state;
pub mod theme;

use std::path::PathBuf;

use anyhow::Context as _;

pub use app::App;

/// Opens the window on `db_path` (or the default database) and runs until it is closed.
pub fn run(db_path: Option<PathBuf>) -> anyhow::Result<()> {
    let db_path = match db_path {
        Some(p) => p,
        None => crate::store::Store::default_path().context("finding the default database")?,
    };
    crate::english::preload();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("zonecompare")
            .with_title(i18n::T::AppTitle.get(i18n::Lang::Zh))
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        // On Windows eframe keeps its settings in the roaming profile; they go beside the
        // database in the local data folder instead; elsewhere they stay where eframe keeps them.
        persistence_path: cfg!(windows)
            .then(crate::paths::data_dir)
            .flatten()
            .map(|dir| dir.join("app.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "zonecompare",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, db_path)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
