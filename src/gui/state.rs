//! Preferences that survive a restart (language, theme, selected zones, view, filters).
//! Only preferences: data lives in SQLite. Window size is persisted by eframe itself.

use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use crate::store::rows::Filter;

/// Storage key of the preferences in eframe's storage.
pub const PREFS_KEY: &str = "zonecompare.prefs";

/// The six views of the top bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum View {
    #[default]
    Overview,
    Compare,
    Targets,
    Agencies,
    Reader,
    Import,
    Diff,
}

impl View {
    /// All views in top-bar order (`Ctrl+1…7`).
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Compare,
        View::Targets,
        View::Agencies,
        View::Reader,
        View::Import,
        View::Diff,
    ];
}

/// What the Compare view lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CompareBy {
    #[default]
    Theme,
    Indicator,
}

/// Persisted preferences. Every field has a default, so a partial or older file loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub dark: bool,
    /// Slugs of the ticked zones (2–4 compared at once).
    pub selected_zones: Vec<String>,
    pub view: View,
    /// Sidebar filters; `zones` inside is ignored (the ticked zones are used).
    pub filter: Filter,
    pub compare_by: CompareBy,
    /// Compare shows only what not every ticked zone has.
    pub differences_only: bool,
    /// Canonical indicator shown in the Targets chart.
    pub chart_indicator: Option<String>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::Zh,
            dark: false,
            selected_zones: Vec::new(),
            view: View::Overview,
            filter: Filter::default(),
            compare_by: CompareBy::Theme,
            differences_only: false,
            chart_indicator: None,
        }
    }
}

impl Prefs {
    /// Reads preferences from a RON string as eframe stores them; anything unreadable gives
    /// the defaults.
    pub fn from_storage(storage: Option<&dyn eframe::Storage>) -> Prefs {
        storage
            .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
            .unwrap_or_default()
    }
}
