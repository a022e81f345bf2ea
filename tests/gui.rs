//! GUI tests with egui_kittest: the real app on a temporary database, driven by the labels a
//! user sees, in both languages. Background jobs are awaited explicitly (no timing).
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use eframe::Storage as _;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zonecompare::gui::App;
use zonecompare::gui::command::Command;
use zonecompare::gui::compare_layout::{Cell, Line};
use zonecompare::gui::i18n::{Lang, T};
use zonecompare::gui::state::{PREFS_KEY, Prefs, View};
use zonecompare::store::Store;
use zonecompare::store::rows::{Filter, ImportOutcome};

#[path = "gui/actuals.rs"]
mod actuals;
#[path = "gui/agency_page.rs"]
mod agency_page;
#[path = "gui/compare_marks.rs"]
mod compare_marks;
#[path = "gui/diff.rs"]
mod diff;
#[path = "gui/english.rs"]
mod english;
#[path = "gui/import.rs"]
mod import;
#[path = "gui/layout.rs"]
mod layout;
#[path = "gui/targets_columns.rs"]
mod targets_columns;
#[path = "gui/views.rs"]
mod views;

fn harness(db: &Path, prefs: Prefs) -> Harness<'static, App> {
    harness_sized(db, prefs, [1280.0, 800.0], 0.25)
}

/// A harness of `size` points whose frames are `step_s` seconds of egui time apart.
fn harness_sized(db: &Path, prefs: Prefs, size: [f32; 2], step_s: f32) -> Harness<'static, App> {
    let app = App::with_prefs(db.to_path_buf(), prefs);
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(step_s)
        .with_context_setup(zonecompare::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    settle(&mut h);
    h
}

/// Waits for every query and job, then lets the UI draw the result.
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..20 {
        h.state_mut().wait_for_jobs();
        h.run_steps(3);
        if !h.state().busy() {
            return;
        }
    }
    panic!("jobs kept running");
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("zones.sqlite");
    (dir, db)
}

fn prefs(lang: Lang) -> Prefs {
    Prefs {
        lang,
        ..Prefs::default()
    }
}

#[test]
fn every_view_is_reachable_by_label_in_both_languages() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        let views = [
            (T::Compare, View::Compare),
            (T::Targets, View::Targets),
            (T::Agencies, View::Agencies),
            (T::Reader, View::Reader),
            (T::Import, View::Import),
            (T::Diff, View::Diff),
            (T::Overview, View::Overview),
        ];
        for (label, view) in views {
            h.get_by_label(label.get(lang)).click();
            h.run_steps(2);
            assert_eq!(h.state().prefs.view, view, "{lang:?} {}", label.get(lang));
        }
    }
}

#[test]
fn keyboard_shortcuts_switch_views() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    let keys = [
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num5,
        egui::Key::Num1,
    ];
    let views = [View::Compare, View::Targets, View::Reader, View::Overview];
    for (key, view) in keys.into_iter().zip(views) {
        h.key_press_modifiers(egui::Modifiers::COMMAND, key);
        h.run_steps(2);
        assert_eq!(h.state().prefs.view, view);
    }
}

#[test]
fn language_switch_changes_every_view_label() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh));
    assert!(h.query_by_label("概览").is_some());
    h.get_by_label("English").click();
    h.run_steps(2);
    assert_eq!(h.state().prefs.lang, Lang::En);
    assert!(h.query_by_label("Overview").is_some());
    assert!(h.query_by_label("概览").is_none());
    h.get_by_label("中文").click();
    h.run_steps(2);
    assert_eq!(h.state().prefs.lang, Lang::Zh);
}

#[test]
fn dark_mode_toggle_is_remembered_in_prefs() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    h.get_by_label(T::DarkMode.get(Lang::En)).click();
    h.run_steps(2);
    assert!(h.state().prefs.dark);
    h.get_by_label(T::LightMode.get(Lang::En)).click();
    h.run_steps(2);
    assert!(!h.state().prefs.dark);
}

/// An in-memory stand-in for eframe's preferences file.
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn preferences_round_trip_and_broken_ones_fall_back_to_defaults() {
    let mut storage = MemoryStorage(Default::default());
    let saved = Prefs {
        lang: Lang::En,
        dark: true,
        selected_zones: vec!["dalian".into(), "liangjiang".into()],
        view: View::Targets,
        ..Prefs::default()
    };
    eframe::set_value(&mut storage, PREFS_KEY, &saved);
    assert_eq!(Prefs::from_storage(Some(&storage)), saved);

    storage.set_string(PREFS_KEY, "(lang: Klingon, dark: maybe".into());
    assert_eq!(Prefs::from_storage(Some(&storage)), Prefs::default());
    assert_eq!(Prefs::from_storage(None), Prefs::default());
}

const SAMPLE: &str = "示范区科技创新实施方案\n\n一、主要目标\n到2025年,高新技术企业不少于200家。\n\
二、重点任务\n1.实施人才引进行动。引进高层次人才100名。(责任单位:市科技局、人社局)\n";

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("示范区方案.txt");
    std::fs::write(&path, SAMPLE).expect("write sample");
    path
}

#[test]
fn import_preview_runs_in_the_background_and_reports_bad_files() {
    let (dir, db) = temp_db();
    let good = sample_file(dir.path());
    let bad = dir.path().join("broken.txt");
    std::fs::write(&bad, [0xff, 0xfe, 0x00, 0xd8, 0x00]).expect("write");
    let missing = dir.path().join("missing.txt");
    let mut h = harness(&db, prefs(Lang::En));
    // The test hook stands in for the native dialog and for a drop on the window.
    h.state_mut().push(Command::AddImportFiles(vec![
        good.clone(),
        bad.clone(),
        missing.clone(),
    ]));
    settle(&mut h);
    assert_eq!(h.state().prefs.view, View::Import);
    let previews = &h.state().ui.import.previews;
    assert_eq!(previews.len(), 3);
    let ok = previews
        .iter()
        .find(|p| p.path == good)
        .expect("good previewed");
    assert_eq!(
        ok.result.as_ref().expect("parsed").title,
        "示范区科技创新实施方案"
    );
    let missing_preview = previews
        .iter()
        .find(|p| p.path == missing)
        .expect("missing");
    let err = missing_preview
        .result
        .as_ref()
        .expect_err("missing file fails");
    assert!(err.contains("missing.txt"), "{err}");
    // The preview is shown with the file's title (in English, its gloss); nothing was
    // written yet.
    let title = zonecompare::english::gloss("示范区科技创新实施方案");
    assert!(h.query_by_label_contains(&title).is_some(), "{title}");
    assert!(h.state().ui.import.results.is_empty());
}

#[test]
fn new_zone_needs_a_valid_slug() {
    let (dir, db) = temp_db();
    let file = sample_file(dir.path());
    let mut h = harness(&db, prefs(Lang::En));
    h.state_mut().push(Command::AddImportFiles(vec![file]));
    settle(&mut h);
    {
        let import = &mut h.state_mut().ui.import;
        import.new_zone = true;
        import.slug = "Bad Slug".into();
        import.name_zh = "示范区".into();
    }
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::En)).click();
    h.run_steps(2);
    let msg = h.state().ui.import.message.clone().expect("message");
    assert_eq!(msg, T::SlugInvalid.get(Lang::En));
    assert!(!h.state().busy());
}

/// Focuses the text field labelled `label` and types `text` into it.
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(1);
}

/// Opens a view by its tab label, as a user does: the pointer moves onto the tab, then
/// clicks it. Checks the view is shown.
fn show_view(h: &mut Harness<'static, App>, lang: Lang, label: T) {
    h.get_by_label(label.get(lang)).hover();
    h.run_steps(1);
    h.get_by_label(label.get(lang)).click();
    h.run_steps(1);
    let view = View::ALL
        .into_iter()
        .find(|v| zonecompare::gui::command::view_label(*v) == label)
        .expect("a view label");
    assert_eq!(h.state().prefs.view, view, "{}", label.get(lang));
}
