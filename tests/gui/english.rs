//! The English edition on screen: structured fields in English in Targets and Compare,
//! English title lines in the Reader, and a title translated in place replacing the gloss.

use super::*;
use egui_kittest::kittest::NodeT as _;

/// Whether any widget's label contains `text`.
fn shown(h: &Harness<'static, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn english_screens_show_english_fields() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    show_view(&mut h, Lang::En, T::Targets);
    settle(&mut h);
    // zhongde's target, in English conventions
    assert!(
        shown(&h, "at least 120 enterprises"),
        "English target value"
    );
    assert!(!shown(&h, "≥120户"), "no Chinese unit");
    assert!(shown(&h, "CNY"), "money in CNY");
    // who is responsible: the lead agency of the target's measure, in English
    assert!(shown(&h, "Lead: Municipal Science and Technology Bureau"));
    show_view(&mut h, Lang::En, T::Compare);
    h.state_mut().push(Command::CompareTheme("talent".into()));
    settle(&mut h);
    assert!(shown(&h, "[gloss]"), "measure titles glossed and marked");
    assert!(shown(&h, "Lead: "), "lead agencies");
    let leads: Vec<String> = h
        .query_all_by_label_contains("Lead: ")
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.value()))
        .collect();
    assert!(!leads.is_empty());
    for l in &leads {
        assert!(!zonecompare::english::has_cjk(l), "{l}");
    }
}

#[test]
fn the_english_reader_puts_english_titles_above_measures() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    show_view(&mut h, Lang::En, T::Reader);
    settle(&mut h);
    assert!(shown(&h, "[machine gloss]"), "English title lines");
    let zh = harness(&db, prefs(Lang::Zh));
    assert!(!shown(&zh, "[machine gloss]"), "not in Chinese");
}

#[test]
fn a_title_translated_in_place_replaces_the_gloss() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    show_view(&mut h, Lang::En, T::Compare);
    settle(&mut h);
    h.get_all_by_label(T::Edit.get(Lang::En))
        .next()
        .expect("an edit button")
        .click();
    h.run_steps(2);
    let (id, zh) = {
        let e = h.state().ui.edit.measure.as_ref().expect("editor open");
        (e.id, e.title.clone())
    };
    h.get_by_role_and_label(Role::TextInput, T::EnglishTitle.get(Lang::En))
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, T::EnglishTitle.get(Lang::En))
        .type_text("Our own English title");
    h.run_steps(1);
    h.get_by_label(T::Save.get(Lang::En)).click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(
        app.data.overview.translations.get(&zh).map(String::as_str),
        Some("Our own English title")
    );
    let m = app
        .data
        .filtered
        .measures
        .iter()
        .find(|m| m.id == id)
        .expect("measure");
    assert!(!m.corrected, "only the title was translated");
    assert!(shown(&h, "Our own English title"));
    // stored: a new window on the same database shows it
    let h2 = harness(&db, prefs(Lang::En));
    assert_eq!(
        h2.state()
            .data
            .overview
            .translations
            .get(&zh)
            .map(String::as_str),
        Some("Our own English title")
    );
}

#[test]
fn a_zones_english_name_is_typed_on_its_card() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    let slug = h.state().data.overview.zones[0].zone.slug.clone();
    h.get_all_by_label(T::EnglishName.get(Lang::En))
        .next()
        .expect("the card's English-name button")
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().ui.edit.zone.as_ref().map(|e| e.slug.clone()),
        Some(slug.clone())
    );
    let field = h.get_by_role_and_label(Role::TextInput, T::EnglishName.get(Lang::En));
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, T::EnglishName.get(Lang::En))
        .type_text("Sino-German Park");
    h.run_steps(1);
    h.get_by_label(T::Save.get(Lang::En)).click();
    settle(&mut h);
    let zone = h
        .state()
        .data
        .overview
        .zones
        .iter()
        .find(|z| z.zone.slug == slug)
        .expect("zone")
        .zone
        .clone();
    assert_eq!(zone.name_en, "Sino-German Park");
    assert!(shown(&h, "Sino-German Park"));
}

#[test]
fn a_document_title_is_translated_in_the_reader() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db, prefs(Lang::En));
    show_view(&mut h, Lang::En, T::Reader);
    settle(&mut h);
    let zh = h
        .state()
        .ui
        .reader
        .doc
        .as_ref()
        .expect("a document opens")
        .info
        .title
        .clone();
    h.get_by_label(T::Translate.get(Lang::En)).click();
    h.run_steps(2);
    assert!(h.state().ui.edit.title.is_some(), "the title editor opens");
    h.get_by_role_and_label(Role::TextInput, T::EnglishTitle.get(Lang::En))
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, T::EnglishTitle.get(Lang::En))
        .type_text("Construction plan of the Sino-German park, 2021–2025");
    h.run_steps(1);
    h.get_by_label(T::Save.get(Lang::En)).click();
    settle(&mut h);
    assert_eq!(
        h.state()
            .data
            .overview
            .translations
            .get(&zh)
            .map(String::as_str),
        Some("Construction plan of the Sino-German park, 2021–2025")
    );
    // the zone's card lists the document by its translated title
    show_view(&mut h, Lang::En, T::Overview);
    settle(&mut h);
    assert!(shown(&h, "Construction plan of the Sino-German park"));
}
