//! An agency's page: a click on an agency in the Agencies table lists every measure it
//! leads or co-owns in the ticked zones of its city, with their targets — in both
//! languages; the same-named office of another city is not included.

use super::*;

#[test]
fn an_agencys_page_lists_what_it_owns_in_its_city() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        show_view(&mut h, lang, T::Agencies);
        settle(&mut h);
        let bureau = zonecompare::gui::panels::names::agency(lang, "市科技局");
        let row = format!(
            "{bureau} · {}",
            zonecompare::gui::panels::names::city(lang, "沈阳")
        );
        h.get_by_label(&row).click();
        h.run_steps(2);
        assert_eq!(
            h.state().ui.agencies.selected,
            Some(("市科技局".to_string(), "沈阳".to_string()))
        );
        let lead = T::Lead.get(lang);
        // Zhongde's measure the Shenyang bureau leads, with its target.
        assert!(
            h.query_by_label(&format!("[{lead}] 优化科技创新生态"))
                .is_some(),
            "{lang:?}"
        );
        assert!(h.query_by_label_contains("◆ 高新技术企业").is_some());
        // Dalian's 市科技局 is another office: none of Dalian's measures are listed.
        let dalian: Vec<String> = h
            .state()
            .data
            .filtered
            .measures
            .iter()
            .filter(|m| m.zone_slug == "dalian")
            .filter(|m| m.units.iter().any(|u| u.canonical == "市科技局"))
            .map(|m| m.title.clone())
            .collect();
        assert!(!dalian.is_empty());
        for title in &dalian {
            assert!(h.query_by_label_contains(title).is_none(), "{title}");
        }
        // Away from the row's tooltip first, then the page's close button.
        h.get_by_label(T::Close.get(lang)).hover();
        h.run_steps(2);
        h.get_by_label(T::Close.get(lang)).click();
        h.run_steps(2);
        assert!(h.state().ui.agencies.selected.is_none());
    }
}
