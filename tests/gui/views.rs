//! The views on the bundled corpus, driven by label in both languages: zones, filters,
//! search, heatmap, Compare, Targets, corrections, Agencies and the reader.

use super::*;

const ZONES: [&str; 4] = ["zhongde", "shenyang-htz", "dalian", "liangjiang"];

#[test]
fn zones_are_listed_and_ticked_by_name() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        assert_eq!(h.state().data.overview.zones.len(), 4);
        assert_eq!(h.state().prefs.selected_zones, ZONES);
        let z = &h.state().data.overview.zones[2].zone;
        let dalian = lang.pick(&z.name_zh, &z.name_en).to_string();
        // The name is also on the Overview card and the heatmap: the tick box is the one.
        h.get_by_role_and_label(Role::CheckBox, &dalian).click();
        settle(&mut h);
        assert_eq!(h.state().prefs.selected_zones.len(), 3);
        let measures = &h.state().data.filtered.measures;
        assert!(!measures.is_empty());
        assert!(measures.iter().all(|m| m.zone_slug != "dalian"));
        h.get_by_role_and_label(Role::CheckBox, &dalian).click();
        settle(&mut h);
        assert!(
            h.state()
                .prefs
                .selected_zones
                .contains(&"dalian".to_string())
        );
        assert!(
            h.state()
                .data
                .filtered
                .measures
                .iter()
                .any(|m| m.zone_slug == "dalian")
        );
    }
}

#[test]
fn filters_and_search_narrow_the_rows() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        let all = h.state().data.filtered.measures.len();
        assert!(all > 50, "corpus measures: {all}");
        h.get_by_label(T::HasTarget.get(lang)).click();
        settle(&mut h);
        assert!(h.state().prefs.filter.has_target);
        let with_targets = &h.state().data.filtered.measures;
        assert!(!with_targets.is_empty() && with_targets.len() < all);
        assert!(with_targets.iter().all(|m| m.target_count > 0));

        h.get_by_label(T::ClearFilters.get(lang)).click();
        settle(&mut h);
        assert_eq!(h.state().data.filtered.measures.len(), all);
        type_into(&mut h, T::Search.get(lang), "人才");
        settle(&mut h);
        assert_eq!(h.state().ui.search, "人才");
        let found = &h.state().data.filtered.measures;
        assert!(!found.is_empty() && found.len() < all);
        assert!(
            found
                .iter()
                .all(|m| m.text.contains("人才") || m.title.contains("人才"))
        );
        h.get_by_label(T::ClearFilters.get(lang)).click();
        settle(&mut h);
        assert_eq!(h.state().data.filtered.measures.len(), all);
    }
}

#[test]
fn a_theme_chosen_in_the_sidebar_filters_every_view() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        // A theme some measures have (the heatmap lists only those).
        let id = h.state().data.overview.heatmap.themes[0].clone();
        let theme = zonecompare::catalog::Catalog::in_use()
            .themes
            .iter()
            .find(|t| t.id == id)
            .expect("theme");
        // Away from the Overview, whose heatmap also names every theme.
        show_view(&mut h, lang, T::Agencies);
        h.run_steps(2);
        h.get_by_label(T::Theme.get(lang)).click();
        h.run_steps(2);
        h.get_by_label(lang.pick(&theme.zh, &theme.en)).click();
        settle(&mut h);
        assert_eq!(
            h.state().prefs.filter.theme.as_deref(),
            Some(theme.id.as_str())
        );
        let measures = &h.state().data.filtered.measures;
        assert!(!measures.is_empty());
        assert!(measures.iter().all(|m| m.themes.contains(&theme.id)));
    }
}

#[test]
fn filter_lists_are_built_once_per_data_and_language() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::Zh));
    let builds = h.state().ui.options.builds;
    h.run_steps(10);
    assert_eq!(h.state().ui.options.builds, builds);
    h.get_by_label("English").click();
    h.run_steps(3);
    assert_eq!(h.state().ui.options.builds, builds + 1);
    assert!(h.query_by_label(T::Theme.get(Lang::En)).is_some());
}

#[test]
fn typing_a_search_sends_one_query_when_typing_pauses() {
    let (_dir, db) = temp_db();
    // Frames 1/60 s apart, as while a user types.
    let mut h = harness_sized(&db, prefs(Lang::En), [1280.0, 800.0], 1.0 / 60.0);
    type_into(&mut h, T::Search.get(Lang::En), "科技");
    h.run_steps(3);
    // Frames go on while typing; the query waits for a pause (egui time, not wall time).
    assert_eq!(h.state().ui.search, "科技");
    assert!(h.state().ui.search_edited_at.is_some());
    h.get_by_label(T::Search.get(Lang::En)).type_text("创新");
    h.run_steps(2);
    assert!(h.state().ui.search_edited_at.is_some());
    // ~0.5 s of frames later the one query for the whole text has been sent.
    h.run_steps(30);
    assert!(h.state().ui.search_edited_at.is_none());
    settle(&mut h);
    assert_eq!(h.state().ui.search, "科技创新");
    let found = &h.state().data.filtered.measures;
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|m| m.text.contains("科技创新") || m.title.contains("科技创新"))
    );
}
#[test]
fn heatmap_cell_opens_compare_on_its_theme() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    let theme = h.state().data.overview.heatmap.themes[0].clone();
    let zone = h.state().data.overview.zones[0].zone.name_en.clone();
    let name = zonecompare::catalog::Catalog::in_use()
        .themes
        .iter()
        .find(|t| t.id == theme)
        .map(|t| t.en.clone())
        .expect("theme");
    h.get_by_label(&format!("{name} · {zone}")).click();
    settle(&mut h);
    assert_eq!(h.state().prefs.view, View::Compare);
    assert_eq!(
        h.state().prefs.filter.theme.as_deref(),
        Some(theme.as_str())
    );
    assert!(
        h.state()
            .data
            .filtered
            .measures
            .iter()
            .all(|m| m.themes.contains(&theme))
    );
}

#[test]
fn a_targets_source_sentence_opens_in_the_reader() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Targets);
        h.run_steps(2);
        h.get_all_by_label(T::Source.get(lang))
            .next()
            .expect("a source button")
            .click();
        settle(&mut h);
        let app = h.state();
        assert_eq!(app.prefs.view, View::Reader);
        let focused = app
            .ui
            .reader
            .focused_text()
            .expect("a highlighted sentence");
        assert!(
            app.data
                .filtered
                .targets
                .iter()
                .any(|t| t.target.sentence == focused)
        );
        // The reader shows the sentence under its label, in the interface language.
        assert!(h.query_by_label_contains(T::Sentence.get(lang)).is_some());
    }
}

#[test]
fn a_target_in_compare_opens_its_source_sentence() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Compare);
        h.run_steps(2);
        h.get_by_role_and_label(Role::RadioButton, T::ByIndicator.get(lang))
            .click();
        settle(&mut h);
        let (text, doc, span) = {
            let app = h.state();
            // The first target on screen: the first item of the first row.
            let first = app
                .ui
                .compare
                .lines
                .iter()
                .find_map(|line| match line {
                    Line::Row(cells) => cells.iter().find_map(|c| match c {
                        Cell::Item(i) => Some(*i),
                        _ => None,
                    }),
                    Line::Header { .. } => None,
                })
                .expect("a target in Compare");
            let row = &app.data.filtered.targets[first];
            let year = row
                .target
                .year
                .map(|y| format!(" · {y}"))
                .unwrap_or_default();
            let value = match lang {
                Lang::Zh => zonecompare::charts::labels::fmt_target(&row.target, lang),
                Lang::En => {
                    let catalog = zonecompare::catalog::Catalog::in_use();
                    let t = &row.target;
                    let noun = zonecompare::english::values::count_noun(
                        catalog,
                        t.indicator_id.as_deref(),
                        &t.unit,
                    );
                    let words = zonecompare::english::values::comparator_words(t.comparator);
                    let q = zonecompare::english::values::quantity(
                        t.value,
                        t.value_max,
                        &t.unit,
                        &noun,
                    );
                    format!("{words} {q}").trim().to_string()
                }
            };
            let text = format!("{value}{year}");
            (text, row.doc_id, row.target.span)
        };
        h.get_all_by_label(&text)
            .next()
            .expect("target cell")
            .click();
        settle(&mut h);
        assert_eq!(h.state().prefs.view, View::Reader);
        assert_eq!(h.state().ui.reader.doc_id, Some(doc));
        assert_eq!(h.state().ui.reader.focus, Some(span));
    }
}

/// Corrects the first target of the Targets table through its editor, checks it is saved,
/// marked and survives reopening the database, then resets it.
fn correct_and_reset(lang: Lang) {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(lang));
    show_view(&mut h, lang, T::Targets);
    h.run_steps(2);
    h.get_all_by_label(T::Edit.get(lang))
        .next()
        .expect("an edit button")
        .click();
    h.run_steps(2);
    let id = h.state().ui.edit.target.as_ref().expect("editor open").id;
    // Type into the editor's fields by their labels.
    for (label, text) in [(T::Value, "4321"), (T::Year, "2031")] {
        h.get_by_role_and_label(Role::TextInput, label.get(lang))
            .focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, label.get(lang))
            .type_text(text);
        h.run_steps(1);
    }
    let edit = h.state().ui.edit.target.as_ref().expect("editor open");
    assert_eq!((edit.value.as_str(), edit.year.as_str()), ("4321", "2031"));
    h.get_by_label(T::Save.get(lang)).click();
    settle(&mut h);
    assert!(h.state().ui.edit.target.is_none(), "editor closed");
    let row = h
        .state()
        .data
        .filtered
        .targets
        .iter()
        .find(|t| t.id == id)
        .expect("row");
    assert!(row.corrected);
    assert_eq!((row.target.value, row.target.year), (4321.0, Some(2031)));
    assert!(h.query_by_label_contains(T::Corrected.get(lang)).is_some());
    drop(h);

    // Persisted: a fresh connection sees it.
    let store = Store::open(&db).expect("reopen");
    let t = store.targets(&Filter::default()).expect("targets");
    let t = t.iter().find(|t| t.id == id).expect("target");
    assert!(t.corrected);
    assert_eq!((t.target.value, t.target.year), (4321.0, Some(2031)));
    drop(store);

    // A new window on the same database shows it corrected and can reset it.
    let mut h = harness(&db, prefs(lang));
    show_view(&mut h, lang, T::Targets);
    h.run_steps(2);
    assert!(h.query_by_label_contains(T::Corrected.get(lang)).is_some());
    let row = h
        .state()
        .data
        .filtered
        .targets
        .iter()
        .find(|t| t.id == id)
        .expect("row")
        .clone();
    h.state_mut().ui.edit.open_target(&row);
    h.run_steps(2);
    h.get_by_label(T::ResetToParsed.get(lang)).click();
    settle(&mut h);
    let row = h
        .state()
        .data
        .filtered
        .targets
        .iter()
        .find(|t| t.id == id)
        .expect("row");
    assert!(!row.corrected);
    assert_ne!(row.target.value, 4321.0);
}

#[test]
fn a_corrected_target_is_saved_marked_and_reset() {
    correct_and_reset(Lang::En);
}

#[test]
fn a_corrected_target_is_saved_marked_and_reset_in_chinese() {
    correct_and_reset(Lang::Zh);
}

#[test]
fn agencies_are_counted_per_ticked_zone() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Agencies);
        settle(&mut h);
        assert_eq!(h.state().prefs.view, View::Agencies);
        // The busiest agency of the ticked zones heads the table, with its total. An
        // agency is its name in one city: Shenyang's and Dalian's 市科技局 are two rows.
        let city = |slug: &str| {
            let zones = &h.state().data.overview.zones;
            let z = zones.iter().find(|z| z.zone.slug == slug).expect("zone");
            z.zone.city.clone()
        };
        let load = &h.state().data.filtered.agency_load;
        let mut totals: std::collections::BTreeMap<(String, String), usize> = Default::default();
        for r in load {
            *totals
                .entry((r.agency.clone(), city(&r.zone_slug)))
                .or_default() += r.lead + r.co;
        }
        let ((busiest, in_city), most) = totals
            .iter()
            .max_by_key(|(a, n)| (**n, std::cmp::Reverse((*a).clone())))
            .map(|(a, n)| (a.clone(), *n))
            .expect("agencies");
        let name = zonecompare::gui::panels::names::agency(lang, &busiest);
        let shown = format!(
            "{name} · {}",
            zonecompare::gui::panels::names::city(lang, &in_city)
        );
        assert!(h.query_all_by_label(&shown).next().is_some(), "{shown}");
        assert!(h.query_all_by_label(&most.to_string()).next().is_some());
        // 市科技局 leads measures in Shenyang zones and in Dalian: never one merged row.
        let bureau = zonecompare::gui::panels::names::agency(lang, "市科技局");
        let rows = h
            .query_all_by_label_contains(&format!("{bureau} · "))
            .count();
        let cities: std::collections::BTreeSet<String> = totals
            .keys()
            .filter(|(a, _)| a == "市科技局")
            .map(|(_, c)| c.clone())
            .collect();
        assert_eq!(rows, cities.len(), "one row per city: {cities:?}");
        assert!(cities.len() >= 2, "{cities:?}");
        assert!(h.query_by_label(T::Total.get(lang)).is_some());
        // Unticking a zone drops its column.
        let z = &h.state().data.overview.zones[2].zone;
        let name = lang.pick(&z.name_zh, &z.name_en).to_string();
        h.get_by_role_and_label(Role::CheckBox, &name).click();
        settle(&mut h);
        assert!(
            h.state()
                .data
                .filtered
                .agency_load
                .iter()
                .all(|r| r.zone_slug != "dalian")
        );
    }
}

#[test]
fn the_reader_opens_a_chosen_document_and_jumps_through_its_outline() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Reader);
        settle(&mut h);
        // The first document of the first ticked zone opens by itself.
        let first = h.state().data.overview.zones[0].documents[0].id;
        assert_eq!(h.state().ui.reader.doc_id, Some(first));
        assert!(h.query_by_label(T::Outline.get(lang)).is_some());
        // Another document, chosen in the picker by its label.
        let (zone, doc) = {
            let z = &h.state().data.overview.zones[2];
            (
                lang.pick(&z.zone.name_zh, &z.zone.name_en).to_string(),
                z.documents[0].clone(),
            )
        };
        h.get_by_role_and_label(Role::ComboBox, T::Document.get(lang))
            .click();
        h.run_steps(2);
        h.get_by_label(&format!("{zone} — {}", shown_title(lang, &doc.title)))
            .click();
        settle(&mut h);
        assert_eq!(h.state().ui.reader.doc_id, Some(doc.id));
        let outline = h
            .state()
            .ui
            .reader
            .doc
            .as_ref()
            .expect("loaded")
            .outline
            .clone();
        let section = &outline[1];
        let (number, title) = match lang {
            Lang::Zh => (section.number.clone(), section.title.clone()),
            Lang::En => (
                section
                    .number
                    .as_deref()
                    .map(zonecompare::english::outline_label),
                zonecompare::english::gloss(&section.title),
            ),
        };
        let label = match number {
            Some(n) => format!("{n} {title}"),
            None => title,
        };
        h.get_all_by_label(&label)
            .next()
            .expect("outline entry")
            .click();
        h.run_steps(2);
        assert_eq!(h.state().ui.reader.focus, Some(section.span));
    }
}

#[test]
fn a_measures_agencies_are_corrected_in_compare_and_reset() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Compare);
        settle(&mut h);
        h.get_all_by_label(T::Edit.get(lang))
            .next()
            .expect("an edit button")
            .click();
        h.run_steps(2);
        let id = h.state().ui.edit.measure.as_ref().expect("editor open").id;
        let units = T::UnitsHint.get(lang);
        h.get_by_role_and_label(Role::MultilineTextInput, units)
            .focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run_steps(1);
        h.get_by_role_and_label(Role::MultilineTextInput, units)
            .type_text("市统计局、市科技局");
        h.run_steps(1);
        h.get_by_label(T::Save.get(lang)).click();
        settle(&mut h);
        let row = |h: &Harness<'static, App>| {
            h.state()
                .data
                .filtered
                .measures
                .iter()
                .find(|m| m.id == id)
                .cloned()
                .expect("measure")
        };
        let m = row(&h);
        assert!(m.corrected);
        let names: Vec<&str> = m.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["市统计局", "市科技局"]);
        assert!(
            h.query_all_by_label_contains(T::Corrected.get(lang))
                .next()
                .is_some()
        );
        // Reset through the editor: the parsed units come back.
        let m = row(&h);
        h.state_mut().ui.edit.open_measure(&m, &Default::default());
        h.run_steps(2);
        h.get_by_label(T::ResetToParsed.get(lang)).click();
        settle(&mut h);
        assert!(!row(&h).corrected);
    }
}

/// A document of a zone that is not ticked is found through the picker's filter box and
/// shown with its measures and targets highlighted (they do not come from the ticked zones'
/// rows).
/// A document title as the interface shows it: in English the machine gloss, marked.
fn shown_title(lang: Lang, zh: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => format!("{} [gloss]", zonecompare::english::gloss(zh)),
    }
}

#[test]
fn a_document_of_an_unticked_zone_is_found_and_highlighted() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        settle(&mut h);
        let z = h.state().data.overview.zones[3].clone();
        h.state_mut().push(Command::ToggleZone(z.zone.slug.clone()));
        settle(&mut h);
        assert!(!h.state().prefs.selected_zones.contains(&z.zone.slug));
        assert!(
            h.state()
                .data
                .filtered
                .measures
                .iter()
                .all(|m| m.zone_slug != z.zone.slug)
        );
        show_view(&mut h, lang, T::Reader);
        settle(&mut h);
        h.get_by_role_and_label(Role::ComboBox, T::Document.get(lang))
            .click();
        h.run_steps(2);
        let doc = &z.documents[0];
        let word: String = doc.title.chars().take(6).collect();
        type_into(&mut h, T::Filter.get(lang), &word);
        h.run_steps(2);
        // Documents whose label lacks the word are filtered out of the list.
        let zones = h.state().data.overview.zones.clone();
        let label = |z: &zonecompare::store::rows::ZoneSummary, title: &str| {
            let name = lang.pick(&z.zone.name_zh, &z.zone.name_en);
            format!("{name} — {}", shown_title(lang, title))
        };
        // the filter matches the label, and in English the Chinese title too
        let others: Vec<String> = zones
            .iter()
            .flat_map(|o| o.documents.iter().map(move |d| (o, d)))
            .filter(|(_, d)| !d.title.contains(&word))
            .map(|(o, d)| label(o, &d.title))
            .filter(|l| !l.contains(&word))
            .collect();
        assert!(!others.is_empty());
        for other in &others {
            assert!(h.query_by_label(other).is_none(), "{other} filtered out");
        }
        h.get_by_label(&label(&z, &doc.title)).click();
        settle(&mut h);
        let reader = &h.state().ui.reader;
        assert_eq!(reader.doc_id, Some(doc.id));
        assert!(reader.doc.is_some());
        assert!(!reader.marks().measures.is_empty(), "measures highlighted");
        assert!(!reader.marks().targets.is_empty(), "targets highlighted");
    }
}

/// With more zones than the first load details, the Overview loads a zone's documents and
/// themes when its card comes into view, and shows them.
#[test]
fn zone_cards_load_their_documents_when_shown() {
    let (dir, db) = temp_db();
    let extra = zonecompare::gui::data::FIRST_DETAILS + 6;
    let last = format!("extra-{extra}");
    add_zones(&db, dir.path(), extra);
    let mut h = harness_sized(&db, prefs(Lang::En), [1280.0, 800.0], 0.25);
    let detailed =
        |h: &Harness<'static, App>, slug: &str| h.state().data.overview.detailed.contains(slug);
    assert!(!detailed(&h, &last), "not part of the first load");
    let zone = h
        .state()
        .data
        .overview
        .zones
        .iter()
        .find(|z| z.zone.slug == last)
        .cloned()
        .expect("listed");
    assert_eq!(zone.document_count, 1, "counted without its documents");
    assert!(zone.documents.is_empty());
    // A window tall enough to show every card: the last one asks for its details.
    h.set_size(egui::vec2(1280.0, 12_000.0));
    h.run_steps(2);
    settle(&mut h);
    assert!(detailed(&h, &last));
    let ov = &h.state().data.overview;
    let zone = ov
        .zones
        .iter()
        .find(|z| z.zone.slug == last)
        .expect("listed");
    assert_eq!(zone.documents.len(), 1);
    assert!(!zone.top_themes.is_empty());
    // in English, the document title's gloss
    let title = format!("· {}", shown_title(Lang::En, &zone.documents[0].title));
    // The copy's title is on its card as well as on the original's.
    assert_eq!(
        h.query_all_by_label(&title).count(),
        2,
        "{title} on its card"
    );
    let column = ov
        .heatmap
        .zones
        .iter()
        .position(|s| *s == last)
        .expect("column");
    assert!(ov.heatmap.loaded[column]);
}

/// Adds zones `extra-1`…`extra-N` to the bundled ones; the last one gets a copy of a bundled
/// document (changed by a line, so it is a new document).
fn add_zones(db: &std::path::Path, dir: &std::path::Path, n: usize) {
    let mut store = zonecompare::store::Store::open(db).expect("open");
    for i in 1..=n {
        let zone = zonecompare::model::Zone {
            slug: format!("extra-{i}"),
            name_zh: format!("第{i}开发区"),
            name_en: format!("Extra zone {i}"),
            city: String::new(),
            province: String::new(),
            level: String::new(),
            kind: String::new(),
            documents: vec![],
        };
        store.create_zone(&zone).expect("zone");
    }
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let first = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .min()
        .expect("a text document");
    let mut text = std::fs::read_to_string(&first).expect("utf-8 text");
    text.push_str("\n（本文件为第二份副本）\n");
    let copy = dir.join("copy.txt");
    std::fs::write(&copy, text).expect("write");
    store
        .import_file(&copy, &format!("extra-{n}"))
        .expect("import");
}

/// With many zones the sidebar has a box to find one by name; the ticked zones stay listed.
#[test]
fn a_zone_is_found_by_name_and_ticked() {
    let (dir, db) = temp_db();
    add_zones(&db, dir.path(), 60);
    let mut h = harness(&db, prefs(Lang::En));
    let ticked = h.state().prefs.selected_zones.clone();
    h.state_mut().push(Command::ToggleZone(ticked[3].clone()));
    settle(&mut h);
    // A view without zone names, so only the sidebar lists them.
    show_view(&mut h, Lang::En, T::Import);
    // Far down the list: not drawn before it is looked for.
    assert!(h.query_by_label("Extra zone 53").is_none());
    type_into(&mut h, T::FindZone.get(Lang::En), "zone 53");
    h.run_steps(2);
    assert!(
        h.query_by_label("Extra zone 5").is_none(),
        "other zones filtered out"
    );
    assert!(h.query_by_label("Extra zone 52").is_none());
    let names: Vec<String> = h
        .state()
        .data
        .overview
        .zones
        .iter()
        .filter(|z| ticked[..3].contains(&z.zone.slug))
        .map(|z| z.zone.name_en.clone())
        .collect();
    for name in &names {
        assert!(
            h.query_by_label(name).is_some(),
            "ticked {name} still listed"
        );
    }
    h.get_by_role_and_label(Role::CheckBox, "Extra zone 53")
        .click();
    h.run_steps(2);
    settle(&mut h);
    assert!(
        h.state()
            .prefs
            .selected_zones
            .contains(&"extra-53".to_string())
    );
}

/// With more zones than fit a heatmap, its columns are the ticked zones.
#[test]
fn a_heatmap_of_many_zones_shows_the_ticked_ones() {
    let (dir, db) = temp_db();
    add_zones(&db, dir.path(), 60);
    let mut h = harness_sized(&db, prefs(Lang::En), [1280.0, 6_000.0], 0.25);
    settle(&mut h);
    let (theme, ticked, unticked) = {
        let st = h.state();
        let hm = &st.data.overview.heatmap;
        let name = |slug: &str| {
            let z = st.data.overview.zones.iter().find(|z| z.zone.slug == slug);
            z.map(|z| z.zone.name_en.clone()).expect("zone")
        };
        let ticked: Vec<String> = st.prefs.selected_zones.iter().map(|s| name(s)).collect();
        let theme = zonecompare::gui::panels::names::theme(Lang::En, &hm.themes[0]);
        (theme, ticked, name("extra-1"))
    };
    assert_eq!(ticked.len(), 4);
    assert!(h.query_by_label(T::HeatmapTicked.get(Lang::En)).is_some());
    for zone in &ticked {
        let cell = format!("{theme} · {zone}");
        assert!(h.query_by_label(&cell).is_some(), "{cell}");
    }
    assert!(h.query_by_label(&format!("{theme} · {unticked}")).is_none());
}
