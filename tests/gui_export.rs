//! GUI export tests with egui_kittest: the real app on a temporary database holding the
//! bundled corpus, exports driven by the buttons and `Ctrl+E` through the in-app path field
//! (the system save dialog switched off, as where no desktop portal runs) or through a
//! stand-in for the dialog, and the files checked: PNG signature and width, SVG text, CSV
//! byte-order mark and rows, XLSX sheets, HTML briefing content. Background work is awaited
//! explicitly (no timing).
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use zonecompare::charts::svg::escape;
use zonecompare::gui::App;
use zonecompare::gui::export::{ChartSlot, ExportRequest, FileKind, default_dir};
use zonecompare::gui::i18n::{Lang, T};
use zonecompare::gui::panels::export::{briefing_label, path_label, save_label};
use zonecompare::gui::state::{Prefs, View};

fn harness(db: &Path, prefs: Prefs) -> Harness<'static, App> {
    let mut app = App::with_prefs(db.to_path_buf(), prefs);
    // stands in for a machine without a desktop portal
    app.ui.export.use_dialog = false;
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(zonecompare::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    settle(&mut h);
    h
}

/// Waits for queries, jobs and exports, then lets the UI draw the result.
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..20 {
        h.state_mut().wait_for_jobs();
        h.state_mut().ui.export.wait();
        h.run_steps(3);
        if !h.state().busy() && !h.state().ui.export.busy() {
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

fn prefs(lang: Lang, view: View) -> Prefs {
    Prefs {
        lang,
        view,
        chart_indicator: Some("high_tech_enterprises".into()),
        ..Prefs::default()
    }
}

/// Types `path` into the save window's path field and presses its save button.
fn save_to(h: &mut Harness<'static, App>, lang: Lang, path: &Path) {
    assert!(h.state().ui.export.window.is_some(), "save window open");
    // a new window is laid out invisibly in its first frame
    h.run_steps(2);
    let field = h.get_by_label(path_label(lang));
    field.click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(path_label(lang))
        .type_text(&path.display().to_string());
    h.run_steps(1);
    h.get_by_label(save_label(lang)).click();
    h.run_steps(1);
    settle(h);
}

fn status(h: &Harness<'static, App>) -> (String, bool) {
    h.state().ui.status.clone().expect("a status message")
}

fn png_width(bytes: &[u8]) -> u32 {
    u32::from_be_bytes(bytes[16..20].try_into().expect("IHDR width"))
}

#[test]
fn ctrl_e_saves_the_targets_chart_as_png_through_the_path_field() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh, View::Targets));
    let chart = h
        .state()
        .ui
        .export
        .charts
        .current(ChartSlot::Targets)
        .expect("the Targets view drew its chart")
        .clone();
    assert!(chart.title.contains("高新技术企业"), "{}", chart.title);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    let window = h
        .state()
        .ui
        .export
        .window
        .clone()
        .expect("path field shown");
    let suggested = PathBuf::from(&window.path);
    assert_eq!(suggested.parent(), Some(default_dir().as_path()));
    let name = suggested
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("zonecompare-indicator-high_tech_enterprises") && name.ends_with(".png"),
        "{name}"
    );

    let out = dir.path().join("高新技术企业.png");
    save_to(&mut h, Lang::Zh, &out);
    let bytes = std::fs::read(&out).expect("PNG written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png_width(&bytes) >= 1600);
    assert!(h.state().ui.export.window.is_none(), "window closes");
    let (msg, error) = status(&h);
    assert!(!error && msg.contains(&out.display().to_string()), "{msg}");
}

#[test]
fn svg_button_writes_the_chart_drawn_on_screen() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En, View::Targets));
    h.get_by_label("SVG").click();
    h.run_steps(2);
    let out = dir.path().join("chart.svg");
    save_to(&mut h, Lang::En, &out);
    let svg = std::fs::read_to_string(&out).expect("SVG written");
    assert!(svg.starts_with("<svg"));
    let chart = h
        .state()
        .ui
        .export
        .charts
        .current(ChartSlot::Targets)
        .expect("chart")
        .clone();
    assert!(svg.contains(&escape(&chart.title)), "{}", chart.title);
    let points: Vec<_> = chart
        .panels
        .iter()
        .flat_map(|p| &p.series)
        .flat_map(|s| &s.points)
        .collect();
    assert!(!points.is_empty());
    for p in points {
        assert!(svg.contains(&escape(&p.label)), "{}", p.label);
    }
}

#[test]
fn targets_table_exports_as_csv_with_bom_and_every_row() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh, View::Targets));
    h.get_by_label("CSV").click();
    h.run_steps(2);
    let out = dir.path().join("targets"); // no extension: .csv is added
    save_to(&mut h, Lang::Zh, &out);
    let bytes = std::fs::read(out.with_extension("csv")).expect("CSV written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert!(text.starts_with("园区,"));
    let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(rows, h.state().data.filtered.targets.len());
    assert!(rows > 10, "{rows}");
}

#[test]
fn agencies_view_has_a_chart_and_exports_xlsx() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En, View::Agencies));
    let chart = h
        .state()
        .ui
        .export
        .charts
        .current(ChartSlot::Agencies)
        .expect("agencies chart drawn")
        .clone();
    assert!(!chart.panels.is_empty());
    h.get_by_label("XLSX").click();
    h.run_steps(2);
    let out = dir.path().join("agencies.xlsx");
    save_to(&mut h, Lang::En, &out);
    use calamine::Reader as _;
    let book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("XLSX opens");
    // The table, then the selection it was made under.
    assert_eq!(book.sheet_names(), ["Agencies", "Selection"]);
}

/// A search narrows Compare's rows: the XLSX says so on its Selection sheet, leaves out the
/// gaps sheet (a zone would seem to lack what the search left out) and adds the tidy
/// targets table; the SVG chart's notes name the search too. Both languages.
#[test]
fn exports_state_the_search_they_were_made_under() {
    for lang in [Lang::En, Lang::Zh] {
        let (dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang, View::Compare));
        h.state_mut().ui.search = "人才".into();
        h.state_mut().ui.search_edited_at = Some(0.0);
        settle(&mut h);
        h.get_by_label("XLSX").click();
        h.run_steps(2);
        let out = dir.path().join("compare.xlsx");
        save_to(&mut h, lang, &out);
        use calamine::Reader as _;
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("XLSX opens");
        let names = book.sheet_names();
        let expected = match lang {
            Lang::En => ["Indicators", "Themes", "Targets", "Selection"],
            Lang::Zh => ["指标对比", "主题分布", "目标", "筛选条件"],
        };
        assert_eq!(names, expected);
        let sheet = book.worksheet_range(expected[3]).expect("selection sheet");
        let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(cells.iter().any(|c| c == "“人才”"), "{cells:?}");
        assert!(cells.iter().any(|c| c == T::Search.get(lang)), "{cells:?}");
        // The tidy targets sheet: numeric values in their own column.
        let targets = book.worksheet_range(expected[2]).expect("targets sheet");
        let value_col = 5;
        assert!(
            targets
                .rows()
                .skip(1)
                .all(|r| matches!(r[value_col], calamine::Data::Float(_))),
            "values are numbers"
        );

        h.get_by_label("SVG").click();
        h.run_steps(2);
        let svg_path = dir.path().join("compare.svg");
        save_to(&mut h, lang, &svg_path);
        let svg = std::fs::read_to_string(&svg_path).expect("SVG written");
        assert!(svg.contains("“人才”"), "the chart names the search");
    }
}

#[test]
fn compare_view_briefing_names_every_ticked_zone() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh, View::Compare));
    assert!(
        h.state()
            .ui
            .export
            .charts
            .current(ChartSlot::Compare)
            .is_some()
    );
    h.get_by_label(&briefing_label(Lang::Zh, FileKind::Html))
        .click();
    h.run_steps(2);
    let out = dir.path().join("简报.html");
    save_to(&mut h, Lang::Zh, &out);
    let html = std::fs::read_to_string(&out).expect("briefing written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    let app = h.state();
    for slug in &app.prefs.selected_zones {
        let zone = app
            .data
            .overview
            .zones
            .iter()
            .find(|z| &z.zone.slug == slug)
            .expect("zone");
        assert!(html.contains(&zone.zone.name_zh), "{slug}");
    }
}

#[test]
fn bad_paths_are_explained_and_nothing_is_written() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh, View::Targets));
    h.get_by_label("PNG").click();
    h.run_steps(2);
    let missing = dir.path().join("没有这个文件夹").join("a.png");
    save_to(&mut h, Lang::Zh, &missing);
    let err = h
        .state()
        .ui
        .export
        .window
        .as_ref()
        .and_then(|w| w.error.clone())
        .expect("error shown in the window");
    assert!(err.contains("不存在"), "{err}");
    let wrong = dir.path().join("a.jpg");
    save_to(&mut h, Lang::Zh, &wrong);
    let err = h.state().ui.export.window.as_ref().unwrap().error.clone();
    assert!(err.unwrap_or_default().contains(".png 或 .svg"));
    assert!(!wrong.exists() && !missing.exists());
    h.get_by_label(T::Cancel.get(Lang::Zh)).click();
    h.run_steps(2);
    assert!(h.state().ui.export.window.is_none());
}

#[test]
fn the_dialogs_choice_is_written_and_its_extension_sets_the_format() {
    let (dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En, View::Targets));
    let chosen = dir.path().join("picked.svg");
    let answer = chosen.clone();
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    let export = &mut h.state_mut().ui.export;
    export.use_dialog = true;
    export.dialog = Some(std::sync::Arc::new(move |r: &ExportRequest| {
        seen.lock().unwrap().push(r.file_name());
        Some(answer.clone())
    }));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    settle(&mut h);
    let names = asked.lock().unwrap().clone();
    assert_eq!(names, ["zonecompare-indicator-high_tech_enterprises.png"]);
    assert!(h.state().ui.export.window.is_none(), "no path field");
    let svg = std::fs::read_to_string(&chosen).expect("written where the dialog said");
    assert!(svg.starts_with("<svg"), "an SVG, as the extension asked");
    let (msg, error) = status(&h);
    assert!(!error && msg.contains("picked.svg"), "{msg}");
}

#[test]
fn a_dialog_that_cannot_open_falls_back_to_the_path_field() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh, View::Agencies));
    let export = &mut h.state_mut().ui.export;
    export.use_dialog = true;
    // like rfd without portal or zenity: "no file" at once
    export.dialog = Some(std::sync::Arc::new(|_: &ExportRequest| None));
    h.get_by_label("PNG").click();
    h.run_steps(2);
    settle(&mut h);
    let export = &h.state().ui.export;
    let window = export.window.as_ref().expect("path field instead");
    assert!(window.note.contains("zenity"), "{}", window.note);
    assert!(
        window.path.ends_with("zonecompare-agencies.png"),
        "{}",
        window.path
    );
    assert!(!export.use_dialog, "the path field is used from now on");
}

#[test]
fn ctrl_e_where_there_is_no_chart_says_so() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En, View::Overview));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    assert!(h.state().ui.export.window.is_none());
    let (msg, _) = status(&h);
    assert!(msg.contains("no chart"), "{msg}");
}

/// A CSV stays one table (header + rows, nothing else) for scripts; the search and filters
/// it was made under go to `NAME.selection.csv` beside it, and the status names that file.
/// Both languages.
#[test]
fn a_csv_export_writes_its_selection_beside_it() {
    for lang in [Lang::En, Lang::Zh] {
        let (dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang, View::Targets));
        h.state_mut().ui.search = "人才".into();
        h.state_mut().ui.search_edited_at = Some(0.0);
        settle(&mut h);
        h.get_by_label("CSV").click();
        h.run_steps(2);
        let out = dir.path().join("targets.csv");
        save_to(&mut h, lang, &out);
        let (msg, error) = status(&h);
        assert!(!error, "{msg}");
        assert!(msg.contains("targets.selection.csv"), "{msg}");
        // The table: every row on screen, and only rows.
        let bytes = std::fs::read(&out).expect("CSV written");
        let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().expect("header").len();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), h.state().data.filtered.targets.len());
        assert!(rows.iter().all(|r| r.len() == width), "a rectangular table");
        assert!(!text.contains("“人才”"), "no selection inside the table");
        // The selection beside it.
        let beside = dir.path().join("targets.selection.csv");
        let bytes = std::fs::read(&beside).expect("selection written");
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(
            header,
            [lang.pick("项目", "Item"), lang.pick("内容", "Value")]
        );
        let lines: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.expect("row");
                (r[0].to_string(), r[1].to_string())
            })
            .collect();
        assert_eq!(lines[0].0, T::Zones.get(lang));
        assert!(
            lines.contains(&(T::Search.get(lang).to_string(), "“人才”".to_string())),
            "{lines:?}"
        );
    }
}

/// The HTML and DOCX briefings state the zones, the theme and the search they were made
/// under; the search, which the briefing does not apply, is marked as on screen only.
#[test]
fn briefings_state_the_selection_they_were_made_under() {
    for lang in [Lang::En, Lang::Zh] {
        let (dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang, View::Compare));
        h.state_mut().ui.search = "人才".into();
        h.state_mut().ui.search_edited_at = Some(0.0);
        settle(&mut h);
        let on_screen = lang.pick("仅用于屏幕显示", "on screen only");
        for kind in [FileKind::Html, FileKind::Docx] {
            h.get_by_label(&briefing_label(lang, kind)).click();
            h.run_steps(2);
            let out = dir.path().join(format!("briefing.{}", kind.ext()));
            save_to(&mut h, lang, &out);
            let text = match kind {
                FileKind::Html => std::fs::read_to_string(&out).expect("HTML written"),
                _ => {
                    let file = std::fs::File::open(&out).expect("DOCX written");
                    let mut zip = zip::ZipArchive::new(file).expect("zip");
                    let mut xml = String::new();
                    std::io::Read::read_to_string(
                        &mut zip.by_name("word/document.xml").expect("document"),
                        &mut xml,
                    )
                    .expect("read");
                    xml
                }
            };
            assert!(
                text.contains(lang.pick("筛选条件", "Selection")),
                "{kind:?}"
            );
            assert!(text.contains(T::Search.get(lang)), "{kind:?}");
            assert!(text.contains("“人才”"), "{kind:?}");
            assert!(text.contains(on_screen), "{kind:?}");
        }
    }
}

/// Export messages in the status bar are interface text: they follow a switch of the
/// language (the file names in them stay as they are), both ways.
#[test]
fn export_messages_follow_the_language() {
    for (from, to, label) in [
        (Lang::En, Lang::Zh, "中文"),
        (Lang::Zh, Lang::En, "English"),
    ] {
        let (dir, db) = temp_db();
        let mut h = harness(&db, prefs(from, View::Targets));
        h.get_by_label("CSV").click();
        h.run_steps(2);
        let out = dir.path().join("targets.csv");
        save_to(&mut h, from, &out);
        let exported = |lang: Lang| {
            format!(
                "{}{}{}",
                lang.pick("已导出到 ", "Exported to "),
                out.display(),
                lang.pick(
                    "（筛选条件见 targets.selection.csv）",
                    " (selection in targets.selection.csv)"
                )
            )
        };
        assert_eq!(status(&h), (exported(from), false));
        h.get_by_label(label).click();
        h.run_steps(2);
        assert_eq!(status(&h), (exported(to), false));

        // Ctrl+E where there is no chart: the note follows back.
        h.state_mut().prefs.view = View::Overview;
        h.run_steps(2);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
        h.run_steps(2);
        let none = |lang: Lang| lang.pick("此视图没有图表", "This view has no chart");
        assert!(status(&h).0.starts_with(none(to)), "{:?}", status(&h));
        h.get_by_label(match to {
            Lang::Zh => "English",
            Lang::En => "中文",
        })
        .click();
        h.run_steps(2);
        assert!(status(&h).0.starts_with(none(from)), "{:?}", status(&h));
    }
}
