//! Compare marks each theme as common to the ticked zones, shared by some or only in one,
//! and "differences only" hides what every zone has — in both languages.

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
