//! Compare marks each theme as common to the ticked zones, shared by some or only in one,
//! and "differences only" hides what every zone has — in both languages; and two small
//! faults on the way there: Compare's old scroll position after a heatmap click, and two
//! tooltips on a zone card's title.

use super::*;
use zonecompare::analysis::presence::Presence;

fn header_presence(h: &Harness<'static, App>) -> Vec<Option<Presence>> {
    h.state()
        .ui
        .compare
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Header { counts, .. } => Some(Presence::of(counts)),
            Line::Row(_) => None,
        })
        .collect()
}

#[test]
fn compare_marks_common_shared_and_only_and_hides_the_common() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        h.get_by_label(T::Compare.get(lang)).click();
        settle(&mut h);
        let all = header_presence(&h);
        assert!(all.contains(&Some(Presence::Common)), "{all:?}");
        assert!(all.contains(&Some(Presence::Shared)), "{all:?}");
        // The marks are drawn beside the group names (of the groups on screen).
        assert!(h.query_all_by_label(T::CommonMark.get(lang)).count() > 0);

        h.get_by_role_and_label(Role::CheckBox, T::DifferencesOnly.get(lang))
            .click();
        settle(&mut h);
        assert!(h.state().prefs.differences_only);
        let diffs = header_presence(&h);
        assert!(!diffs.is_empty());
        assert!(!diffs.contains(&Some(Presence::Common)), "{diffs:?}");
        assert_eq!(
            diffs.len(),
            all.iter().filter(|p| **p != Some(Presence::Common)).count()
        );
        assert_eq!(h.query_all_by_label(T::CommonMark.get(lang)).count(), 0);
        assert!(h.query_all_by_label(T::SharedMark.get(lang)).count() > 0);

        // Two zones: a theme only one of them has is marked "only here".
        for slug in ["dalian", "liangjiang"] {
            let z = h
                .state()
                .data
                .overview
                .zones
                .iter()
                .find(|z| z.zone.slug == slug)
                .expect("zone")
                .zone
                .clone();
            let name = lang.pick(&z.name_zh, &z.name_en).to_string();
            h.get_by_role_and_label(Role::CheckBox, &name).click();
            settle(&mut h);
        }
        assert_eq!(h.state().prefs.selected_zones.len(), 2);
        let two = header_presence(&h);
        assert!(two.contains(&Some(Presence::Only)), "{two:?}");
        assert!(h.query_all_by_label(T::OnlyMark.get(lang)).count() > 0);
        h.get_by_role_and_label(Role::CheckBox, T::DifferencesOnly.get(lang))
            .click();
        settle(&mut h);
        assert!(!h.state().prefs.differences_only);
    }
}

/// A heatmap click opens Compare at the top of the new line-up, not where the previous
/// one was scrolled to.
#[test]
fn a_heatmap_click_opens_compare_at_its_top() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang));
        h.get_by_label(T::Compare.get(lang)).click();
        settle(&mut h);
        // Scroll the whole line-up far down.
        h.hover_at(egui::pos2(700.0, 200.0));
        for _ in 0..30 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -400.0),
                modifiers: egui::Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
            h.run_steps(1);
        }
        let first_header = |h: &Harness<'static, App>| {
            h.state().ui.compare.lines.iter().find_map(|l| match l {
                Line::Header { key, .. } => key.clone(),
                Line::Row(_) => None,
            })
        };
        let theme = first_header(&h).expect("a theme");
        let name = zonecompare::gui::panels::names::theme(lang, &theme);
        assert!(
            h.query_all_by_label_contains(&format!("{name} · ")).count() == 0,
            "scrolled past the first group"
        );
        // Back to the overview, and a heatmap cell of the busiest theme.
        h.get_by_label(T::Overview.get(lang)).click();
        settle(&mut h);
        let zone =
            zonecompare::charts::labels::zone_name(&h.state().data.overview.zones[2].zone, lang)
                .into_owned();
        let heat = &h.state().data.overview.heatmap;
        let t = (0..heat.themes.len())
            .max_by_key(|&t| heat.counts[t][2])
            .expect("themes");
        let busiest = heat.themes[t].clone();
        let busiest_name = zonecompare::gui::panels::names::theme(lang, &busiest);
        h.get_by_label(&format!("{busiest_name} · {zone}")).click();
        settle(&mut h);
        assert_eq!(h.state().prefs.view, View::Compare);
        assert!(
            h.query_all_by_label_contains(&format!("{busiest_name} · "))
                .count()
                > 0,
            "the group's header is on screen"
        );
    }
}

/// Hovering a zone card's (elided) title shows one tooltip with the full name, not two.
#[test]
fn a_card_title_has_one_tooltip() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, db) = temp_db();
        let mut h = harness(&db, prefs(lang));
        let name =
            zonecompare::charts::labels::zone_name(&h.state().data.overview.zones[3].zone, lang)
                .into_owned();
        let before = h.query_all_by_label(&name).count();
        let title = h
            .query_all_by_label(&name)
            .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()).reverse())
            .expect("the card title")
            .rect();
        h.hover_at(title.center());
        h.run_steps(4);
        let after = h.query_all_by_label(&name).count();
        assert_eq!(after, before + 1, "one tooltip");
    }
}
