//! Importing through the dialog hook and drops, into new or existing zones; the
//! damaged-database dialog.

use super::*;
use egui_kittest::kittest::NodeT as _;

#[test]
fn importing_a_file_into_a_new_zone_adds_it_everywhere() {
    let (dir, db) = temp_db();
    let file = sample_file(dir.path());
    let mut h = harness(&db, prefs(Lang::Zh));
    h.state_mut()
        .push(Command::AddImportFiles(vec![file.clone()]));
    settle(&mut h);
    {
        let import = &mut h.state_mut().ui.import;
        import.new_zone = true;
        import.slug = "demo-zone".into();
        import.name_zh = "示范区".into();
        import.name_en = "Demo zone".into();
    }
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::Zh)).click();
    settle(&mut h);
    let results = &h.state().ui.import.results;
    assert_eq!(results.len(), 1);
    assert!(
        matches!(results[0].result, Ok(ImportOutcome::Imported { .. })),
        "{:?}",
        results[0].result
    );
    assert!(
        h.state()
            .data
            .overview
            .zones
            .iter()
            .any(|z| z.zone.slug == "demo-zone")
    );
    assert!(h.query_all_by_label("示范区").next().is_some());

    // The same file again is recognised, not duplicated.
    h.state_mut().push(Command::AddImportFiles(vec![file]));
    settle(&mut h);
    h.state_mut().ui.import.new_zone = false;
    h.state_mut().ui.import.zone = Some("demo-zone".into());
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::Zh)).click();
    settle(&mut h);
    let results = &h.state().ui.import.results;
    assert!(matches!(
        results[0].result,
        Ok(ImportOutcome::AlreadyPresent { .. })
    ));
}

#[test]
fn saving_stores_the_parse_the_preview_showed() {
    let (dir, db) = temp_db();
    let file = sample_file(dir.path());
    let previewed = std::fs::read(&file).expect("read");
    let mut h = harness(&db, prefs(Lang::En));
    h.state_mut()
        .push(Command::AddImportFiles(vec![file.clone()]));
    settle(&mut h);
    assert!(h.state().ui.import.previews[0].parsed.is_some());
    // The file changes on disk after the preview: what was previewed is what is saved,
    // without the file being read or parsed again.
    std::fs::write(&file, "改动后的文本。\n").expect("write");
    {
        let import = &mut h.state_mut().ui.import;
        import.new_zone = true;
        import.slug = "preview-zone".into();
        import.name_zh = "预览区".into();
        import.name_en = "Preview zone".into();
    }
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::En)).click();
    settle(&mut h);
    let results = &h.state().ui.import.results;
    let Ok(ImportOutcome::Imported { doc_id, .. }) = results[0].result else {
        panic!("{:?}", results[0].result);
    };
    let store = zonecompare::store::Store::open(&db).expect("open");
    let text = store.document(doc_id).expect("document").text;
    let expected = zonecompare::ingest::ingest_bytes(&file, &previewed).expect("ingest");
    assert_eq!(text, expected.text);
}

/// A file dropped on the window, as the windowing layer reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_come_in_through_the_dialog_and_by_drop_then_into_a_new_zone() {
    for (lang, slug) in [(Lang::Zh, "demo-zh"), (Lang::En, "demo-en")] {
        let (dir, db) = temp_db();
        let first = sample_file(dir.path());
        let second = dir.path().join("second.txt");
        std::fs::write(&second, format!("{SAMPLE}三、保障措施\n加强组织领导。\n")).expect("write");
        let mut h = harness(&db, prefs(lang));
        // The hook stands in for the native dialog behind the button and Ctrl+O.
        let chosen = first.clone();
        h.state_mut().ui.import.picker = Some(Box::new(move || Some(vec![chosen.clone()])));
        show_view(&mut h, lang, T::Import);
        h.run_steps(2);
        h.get_by_label(T::ChooseFiles.get(lang)).click();
        settle(&mut h);
        assert_eq!(h.state().ui.import.files, std::slice::from_ref(&first));
        assert_eq!(h.state().ui.import.previews.len(), 1);
        // A file dropped on the window takes the same path into the list and the preview.
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(second.clone())));
        settle(&mut h);
        assert_eq!(h.state().ui.import.files, [first.clone(), second.clone()]);
        assert_eq!(h.state().ui.import.previews.len(), 2);
        assert!(h.state().ui.import.results.is_empty(), "nothing saved yet");
        // Ctrl+O asks the dialog again; a file already listed is not added twice.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
        settle(&mut h);
        assert_eq!(h.state().ui.import.files.len(), 2);

        h.get_by_label(T::NewZone.get(lang)).click();
        h.run_steps(2);
        type_into(&mut h, T::Slug.get(lang), slug);
        type_into(&mut h, T::NameZh.get(lang), "示范区");
        type_into(&mut h, T::NameEn.get(lang), "Demo zone");
        h.get_by_label(T::SaveImport.get(lang)).click();
        settle(&mut h);
        let results = &h.state().ui.import.results;
        assert_eq!(results.len(), 2);
        assert!(
            results
                .iter()
                .all(|r| matches!(r.result, Ok(ImportOutcome::Imported { .. }))),
            "{results:?}"
        );
        show_view(&mut h, lang, T::Overview);
        h.run_steps(2);
        let name = lang.pick("示范区", "Demo zone");
        assert!(h.query_by_role_and_label(Role::CheckBox, name).is_some());
        let zone = h
            .state()
            .data
            .overview
            .zones
            .iter()
            .find(|z| z.zone.slug == slug)
            .expect("new zone")
            .clone();
        assert_eq!(zone.documents.len(), 2);
    }
}

fn broken_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".broken-"))
        .collect();
    found.sort();
    found
}

const GARBAGE: &[u8] = b"this file was a database once, before a disk full of bad sectors";

#[test]
fn a_damaged_database_offers_a_fresh_start_and_keeps_the_file() {
    for lang in [Lang::Zh, Lang::En] {
        let (dir, db) = temp_db();
        std::fs::write(&db, GARBAGE).expect("write");
        let mut h = harness(&db, prefs(lang));
        assert!(h.query_by_label(T::DamagedTitle.get(lang)).is_some());
        assert!(h.state().data.overview.zones.is_empty());
        // No backup beside it: restoring is offered but disabled.
        assert!(h.query_by_label_contains(T::NoBackup.get(lang)).is_some());
        h.get_by_label(T::StartFresh.get(lang)).click();
        settle(&mut h);
        assert!(h.query_by_label(T::DamagedTitle.get(lang)).is_none());
        assert_eq!(h.state().data.overview.zones.len(), 4);
        assert!(h.state().data.filtered.measures.len() > 50);
        let kept = broken_files(dir.path());
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(std::fs::read(&kept[0]).expect("kept"), GARBAGE);
    }
}

#[test]
fn a_damaged_database_can_be_restored_from_its_backup() {
    let (dir, db) = temp_db();
    // A database with a correction, backed up, then damaged.
    let id = {
        let mut store = Store::open(&db).expect("open");
        let t = store.targets(&Filter::default()).expect("targets")[0].id;
        let c = zonecompare::store::rows::TargetCorrection {
            value: Some(777.0),
            ..Default::default()
        };
        store.correct_target(t, &c).expect("correct");
        t
    };
    let backup = dir.path().join("zones.sqlite.bak-v1");
    std::fs::copy(&db, &backup).expect("backup");
    std::fs::write(&db, GARBAGE).expect("damage");
    let lang = Lang::En;
    let mut h = harness(&db, prefs(lang));
    assert!(h.query_by_label(T::DamagedTitle.get(lang)).is_some());
    h.get_by_label(T::RestoreBackup.get(lang)).click();
    settle(&mut h);
    assert!(h.query_by_label(T::DamagedTitle.get(lang)).is_none());
    let restored = h.state().data.filtered.targets.iter().find(|t| t.id == id);
    assert_eq!(restored.map(|t| t.target.value), Some(777.0));
    assert_eq!(broken_files(dir.path()).len(), 1);
    assert!(backup.exists(), "the backup itself stays");
}

/// The preview lists every target the file holds — as many as its count says — each with
/// the canonical indicator it was mapped to, in both languages.
#[test]
fn the_preview_lists_every_target_with_its_indicator_mapping() {
    let (dir, db) = temp_db();
    // A plan with more targets than the old preview showed (it stopped at 12).
    let mut text = String::from("示范区科技创新实施方案\n\n一、主要目标\n");
    for i in 1..=15 {
        text.push_str(&format!("到2025年,高新技术企业不少于{}家。\n", 100 + i));
    }
    text.push_str("到2025年,引进高层次人才100名。\n");
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, text).expect("write");
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness_sized(&db, prefs(lang), [1280.0, 2400.0], 0.25);
        h.state_mut()
            .push(Command::AddImportFiles(vec![file.clone()]));
        settle(&mut h);
        let info = h.state().ui.import.previews[0]
            .result
            .clone()
            .expect("parsed");
        let n = info.targets.len();
        assert!(n > 12, "{n}");
        let count = format!("{n} {}", T::Targets.get(lang));
        assert!(
            h.query_by_label_contains(&count).is_some(),
            "{count} in the summary"
        );
        let hte = zonecompare::gui::panels::names::indicator(lang, "high_tech_enterprises");
        let mapped = format!("→ {hte}");
        let shown = h.query_all_by_value(&mapped).count();
        let of_hte = info
            .targets
            .iter()
            .filter(|t| t.indicator_id.as_deref() == Some("high_tech_enterprises"))
            .count();
        assert_eq!(shown, of_hte, "{mapped}");
        assert_eq!(
            h.query_all_by_label_contains("◆ ").count(),
            n,
            "one line per target"
        );
    }
}

/// Saving an import into a new zone a second time (the button is still there) finds the
/// zone the first save made: the file is "already present", with no raw error about the
/// zone.
#[test]
fn saving_an_import_into_a_new_zone_twice_says_already_present() {
    for lang in [Lang::Zh, Lang::En] {
        let (dir, db) = temp_db();
        let file = sample_file(dir.path());
        let mut h = harness(&db, prefs(lang));
        h.state_mut()
            .push(Command::AddImportFiles(vec![file.clone()]));
        settle(&mut h);
        {
            let import = &mut h.state_mut().ui.import;
            import.new_zone = true;
            import.slug = "demo-zone".into();
            import.name_zh = "示范区".into();
            import.name_en = "Demo zone".into();
        }
        h.run_steps(2);
        for _ in 0..2 {
            h.get_by_label(T::SaveImport.get(lang)).click();
            settle(&mut h);
        }
        let import = &h.state().ui.import;
        let new_zone = import.new_zone;
        let results = &import.results;
        assert!(
            matches!(results[0].result, Ok(ImportOutcome::AlreadyPresent { .. })),
            "{:?} (new zone still chosen: {new_zone})",
            results[0].result
        );
        assert!(h.query_by_label(T::AlreadyPresent.get(lang)).is_some());
    }
}

/// A target's indicator mapping is changed in the preview before saving; the import stores
/// it as a correction (marked, and kept when the document is parsed again) — both languages.
#[test]
fn a_wrong_mapping_is_corrected_in_the_preview_before_saving() {
    for lang in [Lang::Zh, Lang::En] {
        let (dir, db) = temp_db();
        let file = sample_file(dir.path());
        let mut h = harness_sized(&db, prefs(lang), [1280.0, 1400.0], 0.25);
        h.state_mut()
            .push(Command::AddImportFiles(vec![file.clone()]));
        settle(&mut h);
        let hte = zonecompare::gui::panels::names::indicator(lang, "high_tech_enterprises");
        let other = zonecompare::gui::panels::names::indicator(lang, "tech_enterprises");
        // Each mapping is a combo box showing the chosen indicator.
        h.get_all_by_value(&format!("→ {hte}"))
            .next()
            .expect("combo")
            .click();
        h.run_steps(2);
        h.get_by_label(&other).click();
        h.run_steps(2);
        assert_eq!(
            h.state().ui.import.mappings,
            vec![(file.clone(), 0, "tech_enterprises".to_string())]
        );
        assert!(h.query_by_value(&format!("→ {other}")).is_some());
        {
            let import = &mut h.state_mut().ui.import;
            import.new_zone = true;
            import.slug = "demo-zone".into();
            import.name_zh = "示范区".into();
            import.name_en = "Demo zone".into();
        }
        h.run_steps(2);
        h.get_by_label(T::SaveImport.get(lang)).click();
        settle(&mut h);
        drop(h);
        let store = Store::open(&db).expect("open");
        let targets = store
            .targets(&Filter {
                zones: vec!["demo-zone".into()],
                ..Filter::default()
            })
            .expect("targets");
        assert_eq!(
            targets[0].target.indicator_id.as_deref(),
            Some("tech_enterprises")
        );
        assert!(targets[0].corrected, "kept as a correction");
        assert!(!targets[1].corrected, "the others as parsed");
    }
}

fn retype(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(1);
    if !text.is_empty() {
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        h.run_steps(1);
    }
}

/// Value, comparator and year (cleared) of a target are changed in the preview, together
/// with its indicator mapping; a value that is not a number stops the save with a message
/// naming the target; the import then stores one correction of that target only — both
/// languages.
#[test]
fn value_comparator_and_year_are_edited_in_the_preview_before_saving() {
    use zonecompare::model::Comparator;
    for lang in [Lang::Zh, Lang::En] {
        let (dir, db) = temp_db();
        let file = sample_file(dir.path());
        let mut h = harness_sized(&db, prefs(lang), [1280.0, 1400.0], 0.25);
        h.state_mut()
            .push(Command::AddImportFiles(vec![file.clone()]));
        settle(&mut h);
        // The first target: 高新技术企业 ≥200家 (2025).
        assert!(h.query_by_label("≥200家").is_some());
        h.get_all_by_label(T::Edit.get(lang))
            .next()
            .expect("an Edit per target")
            .click();
        h.run_steps(2);
        assert!(h.query_by_label(T::YearClearHint.get(lang)).is_some());
        retype(&mut h, T::Value.get(lang), "abc");
        assert!(
            h.query_by_label(T::InvalidNumber.get(lang)).is_some(),
            "checked as typed"
        );
        {
            let import = &mut h.state_mut().ui.import;
            import.new_zone = true;
            import.slug = "demo-zone".into();
            import.name_zh = "示范区".into();
            import.name_en = "Demo zone".into();
        }
        h.run_steps(2);
        h.get_by_label(T::SaveImport.get(lang)).click();
        settle(&mut h);
        assert!(h.state().ui.import.results.is_empty(), "nothing saved");
        let refused = format!("高新技术企业: {}", T::InvalidNumber.get(lang));
        assert!(h.query_by_label(&refused).is_some(), "{refused}");

        retype(&mut h, T::Value.get(lang), "250");
        retype(&mut h, T::Year.get(lang), "");
        h.get_by_role_and_label(Role::ComboBox, T::Comparator.get(lang))
            .click();
        h.run_steps(2);
        h.get_by_label(">").click();
        h.run_steps(2);
        // The row shows what will be saved, marked as changed.
        let shown = format!(">250家 · {}", T::Corrected.get(lang));
        assert!(h.query_by_label(&shown).is_some(), "{shown}");
        // The mapping of the same target changed too.
        let other = zonecompare::gui::panels::names::indicator(lang, "tech_enterprises");
        let hte = zonecompare::gui::panels::names::indicator(lang, "high_tech_enterprises");
        h.get_all_by_value(&format!("→ {hte}"))
            .next()
            .expect("combo")
            .click();
        h.run_steps(2);
        h.get_by_label(&other).click();
        h.run_steps(2);
        h.get_by_label(T::Close.get(lang)).click();
        h.run_steps(2);
        assert!(h.query_by_label(T::YearClearHint.get(lang)).is_none());
        h.get_by_label(T::SaveImport.get(lang)).click();
        settle(&mut h);
        assert!(matches!(
            h.state().ui.import.results[0].result,
            Ok(ImportOutcome::Imported { .. })
        ));
        drop(h);
        let store = Store::open(&db).expect("open");
        let targets = store
            .targets(&Filter {
                zones: vec!["demo-zone".into()],
                ..Filter::default()
            })
            .expect("targets");
        let t = &targets[0];
        assert!(t.corrected, "kept as a correction");
        assert_eq!(t.target.value, 250.0);
        assert_eq!(t.target.comparator, Comparator::Gt);
        assert_eq!(t.target.year, None, "year cleared");
        assert_eq!(t.target.unit, "家");
        assert_eq!(t.target.indicator_id.as_deref(), Some("tech_enterprises"));
        assert!(!targets[1].corrected, "the others as parsed");
    }
}

/// Chooses a new zone as the import's destination, as the user fills its fields.
fn new_zone(h: &mut Harness<'static, App>, slug: &str, name_zh: &str) {
    let import = &mut h.state_mut().ui.import;
    import.new_zone = true;
    import.slug = slug.into();
    import.name_zh = name_zh.into();
}

/// `n` generated documents written under `dir`, one sub-folder per zone, plus a file of a
/// format zonecompare does not read.
fn corpus_folder(dir: &Path, n: usize) -> PathBuf {
    let root = dir.join("收到的文件");
    for d in zonecompare::store::synth::SynthStream::new(7, n) {
        let folder = root.join(&d.zone_slug);
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(folder.join(&d.name), &d.bytes).expect("file");
    }
    std::fs::write(root.join("说明.xlsx"), b"not a document").expect("file");
    root
}

#[test]
fn a_dropped_folder_lists_its_documents_one_line_each_and_a_click_shows_a_preview() {
    let (dir, db) = temp_db();
    let folder = corpus_folder(dir.path(), 30);
    let mut h = harness(&db, prefs(Lang::En));
    h.state_mut().push(Command::AddImportFiles(vec![folder]));
    settle(&mut h);
    let files = h.state().ui.import.files.clone();
    assert_eq!(
        files.len(),
        30,
        "the folder's documents, not the spreadsheet"
    );
    assert_eq!(h.state().ui.import.previews.len(), 30);
    // One line per file with what the preview found; no preview is open yet.
    let first = files[0].file_name().unwrap().to_string_lossy().into_owned();
    let line = h
        .query_all_by_label_contains(&first)
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .expect("the first file's line");
    assert!(
        line.starts_with(&first) && line.to_lowercase().contains(" measures · "),
        "{line}"
    );
    assert!(h.query_by_label_contains("Title: ").is_none());
    h.get_by_label(&line).click();
    h.run_steps(2);
    assert_eq!(h.state().ui.import.selected, Some(0));
    assert!(h.query_by_label_contains("Title: ").is_some());

    // The save button is in reach above the list, and every file is stored.
    new_zone(&mut h, "folder-zone", "文件夹区");
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::En)).click();
    settle(&mut h);
    let results = &h.state().ui.import.results;
    assert_eq!(results.len(), 30);
    assert!(
        results
            .iter()
            .all(|r| matches!(r.result, Ok(ImportOutcome::Imported { .. })))
    );
    let line = h
        .query_all_by_label_contains(&first)
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .expect("the first file's line");
    assert!(line.starts_with("√ "), "{line}");
}

#[test]
fn cancelling_an_import_stops_after_the_batch_being_written() {
    let (dir, db) = temp_db();
    let n = zonecompare::store::BATCH * 3;
    let folder = corpus_folder(dir.path(), n);
    let mut h = harness(&db, prefs(Lang::Zh));
    h.state_mut().push(Command::AddImportFiles(vec![folder]));
    settle(&mut h);
    new_zone(&mut h, "cancelled-zone", "取消区");
    h.run_steps(2);
    h.get_by_label(T::SaveImport.get(Lang::Zh)).click();
    // The click starts the job; the user cancels while it runs (the status bar and the
    // Import view both offer the button).
    let cancel = T::Cancel.get(Lang::Zh);
    for _ in 0..20 {
        if h.query_all_by_label(cancel).next().is_some() {
            break;
        }
        h.step();
    }
    h.get_all_by_label(cancel)
        .next()
        .expect("a cancel button while the import runs")
        .click();
    h.run_steps(2);
    settle(&mut h);
    let results = h.state().ui.import.results.clone();
    assert!(
        results.len() < n && results.len() % zonecompare::store::BATCH == 0,
        "stopped after a whole batch: {} of {n} reported",
        results.len()
    );
    let stored = h
        .state()
        .data
        .overview
        .zones
        .iter()
        .find(|z| z.zone.slug == "cancelled-zone")
        .map_or(0, |z| z.document_count);
    assert_eq!(stored, results.len(), "what was reported is what is stored");
    assert!(h.query_by_label(T::Cancelled.get(Lang::Zh)).is_some());
}

/// A file whose header and schema read but whose later pages are garbage: the app opens
/// it (the check runs beside the first queries) and offers recovery once the check has
/// found the damage.
#[test]
fn damage_found_by_the_check_after_opening_is_offered_for_recovery() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).expect("open"));
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("checkpoint");
    }
    let mut bytes = std::fs::read(&db).expect("read");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let pages = bytes.len() / page;
    for p in pages / 2..pages {
        for (i, b) in bytes[p * page..(p + 1) * page].iter_mut().enumerate() {
            *b = GARBAGE[i % GARBAGE.len()];
        }
    }
    std::fs::write(&db, &bytes).expect("damage");
    let lang = Lang::En;
    let app = App::with_prefs(db.clone(), prefs(lang));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(zonecompare::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.frame(ui), app);
    let start = std::time::Instant::now();
    while h.query_by_label(T::DamagedTitle.get(lang)).is_none() {
        assert!(
            start.elapsed().as_secs() < 30,
            "the damage was never offered for recovery"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert!(h.query_by_label(T::StartFresh.get(lang)).is_some());
    assert!(
        std::fs::read(&db).expect("read") == bytes,
        "nothing written"
    );
}
