//! The Targets view's dialogs: entering, changing and deleting a target's actual value (in
//! both languages), Esc closing them, clearing a target's year, and status messages that
//! follow the language.

use super::*;

fn open_actual_of_high_tech_target(h: &mut Harness<'static, App>, lang: Lang) {
    let row = h
        .state()
        .data
        .filtered
        .targets
        .iter()
        .position(|t| t.target.indicator_id.as_deref() == Some("high_tech_enterprises"))
        .expect("Zhongde's high-tech target");
    // The view's buttons are per row; open the one of this target through the same state.
    let r = h.state().data.filtered.targets[row].clone();
    let actuals = h.state().data.filtered.actuals.clone();
    h.state_mut().ui.actual =
        zonecompare::gui::panels::actual::ActualEdit::for_target(&r, &actuals, "HTE".into());
    h.run_steps(2);
    assert!(h.query_by_label(T::ActualTitle.get(lang)).is_some());
}

fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(1);
}

#[test]
fn an_actual_is_entered_changed_and_deleted_in_the_targets_view() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, db) = temp_db();
        let mut h = harness(
            &db,
            Prefs {
                selected_zones: vec!["zhongde".into(), "dalian".into()],
                ..prefs(lang)
            },
        );
        show_view(&mut h, lang, T::Targets);
        settle(&mut h);
        // The row's button is there.
        assert!(h.query_all_by_label(T::Actual.get(lang)).count() > 0);
        open_actual_of_high_tech_target(&mut h, lang);
        // Defaults: the target's year and unit.
        let edit = h.state().ui.actual.clone().expect("window open");
        assert_eq!((edit.year.as_str(), edit.unit.as_str()), ("2025", "户"));
        type_into(&mut h, T::Value.get(lang), "96");
        type_into(&mut h, T::Year.get(lang), "2023");
        h.get_by_label(T::Save.get(lang)).click();
        settle(&mut h);
        assert!(h.state().ui.actual.is_none(), "closed on save");
        let actuals = &h.state().data.filtered.actuals;
        assert_eq!(actuals.len(), 1);
        assert_eq!((actuals[0].value, actuals[0].year), (96.0, 2023));
        assert_eq!(actuals[0].unit, "户");
        // Achievement beside the target: 96 of 120 = 80%.
        assert!(h.query_by_label("(80%)").is_some(), "96 of 120 reached");

        // Change it: the stored value is the default now.
        open_actual_of_high_tech_target(&mut h, lang);
        assert_eq!(h.state().ui.actual.as_ref().unwrap().value, "96");
        type_into(&mut h, T::Value.get(lang), "108");
        h.get_by_label(T::Save.get(lang)).click();
        settle(&mut h);
        assert_eq!(h.state().data.filtered.actuals[0].value, 108.0);

        // Esc closes without saving.
        open_actual_of_high_tech_target(&mut h, lang);
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        assert!(h.state().ui.actual.is_none(), "Esc closes");

        // Delete it.
        open_actual_of_high_tech_target(&mut h, lang);
        h.get_by_label(T::Delete.get(lang)).click();
        settle(&mut h);
        assert!(h.state().data.filtered.actuals.is_empty());
        let store = Store::open(&db).expect("reopen");
        assert!(
            store
                .actuals(&Filter::default())
                .expect("actuals")
                .is_empty()
        );
    }
}

#[test]
fn esc_closes_the_target_editor() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Targets);
        settle(&mut h);
        h.get_all_by_label(T::Edit.get(lang))
            .next()
            .expect("an edit button")
            .click();
        h.run_steps(2);
        assert!(h.state().ui.edit.target.is_some());
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        assert!(h.state().ui.edit.target.is_none());
    }
}

/// A status message that is interface text ("Saved") follows a language switch.
#[test]
fn the_status_message_follows_the_language() {
    let (_dir, db) = temp_db();
    let mut h = harness(
        &db,
        Prefs {
            selected_zones: vec!["zhongde".into(), "dalian".into()],
            ..prefs(Lang::Zh)
        },
    );
    show_view(&mut h, Lang::Zh, T::Targets);
    settle(&mut h);
    open_actual_of_high_tech_target(&mut h, Lang::Zh);
    type_into(&mut h, T::Value.get(Lang::Zh), "100");
    h.get_by_label(T::Save.get(Lang::Zh)).click();
    settle(&mut h);
    let status = |h: &Harness<'static, App>| h.state().ui.status.clone().expect("status").0;
    assert_eq!(status(&h), T::Saved.get(Lang::Zh));
    assert!(h.query_by_label(T::Saved.get(Lang::Zh)).is_some());
    h.get_by_label("English").click();
    h.run_steps(2);
    assert_eq!(status(&h), T::Saved.get(Lang::En));
    assert!(h.query_by_label(T::Saved.get(Lang::En)).is_some());
}

/// Emptying the Year field of the target editor clears the deadline.
#[test]
fn a_targets_year_can_be_cleared_in_the_editor() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Targets);
        settle(&mut h);
        let row = h
            .state()
            .data
            .filtered
            .targets
            .iter()
            .find(|t| t.target.year.is_some())
            .expect("a target with a year")
            .clone();
        h.state_mut().ui.edit.open_target(&row);
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, T::Year.get(lang))
            .focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.key_press(egui::Key::Backspace);
        h.run_steps(1);
        assert_eq!(h.state().ui.edit.target.as_ref().unwrap().year, "");
        h.get_by_label(T::Save.get(lang)).click();
        settle(&mut h);
        let now = h
            .state()
            .data
            .filtered
            .targets
            .iter()
            .find(|t| t.id == row.id)
            .expect("row")
            .clone();
        assert!(now.corrected);
        assert_eq!(now.target.year, None);
    }
}
