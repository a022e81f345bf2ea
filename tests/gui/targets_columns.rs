//! The Targets view's columns: who is responsible for each target (and where that comes
//! from), recurring targets "per year" instead of a deadline, and ambition against a
//! same-scope baseline only — in both languages.

use super::*;

#[test]
fn targets_show_the_lead_agency_and_recurring_targets_per_year() {
    let (_dir, db) = temp_db();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(
            &db,
            Prefs {
                selected_zones: vec!["zhongde".into(), "dalian".into()],
                ..prefs(lang)
            },
        );
        show_view(&mut h, lang, T::Targets);
        settle(&mut h);
        assert!(h.query_by_label(T::LeadAgency.get(lang)).is_some());
        // Zhongde's talent and enterprise targets belong to a measure the S&T bureau leads.
        let bureau = zonecompare::charts::labels::agency_name(
            zonecompare::catalog::Catalog::in_use(),
            "市科技局",
            lang,
        );
        assert!(h.query_all_by_label(&bureau).count() > 0, "{bureau}");
        // Dalian's goals have no measure: the issuing office, marked as the issuer.
        let office = zonecompare::charts::labels::agency_name(
            zonecompare::catalog::Catalog::in_use(),
            "大连市人民政府办公厅",
            lang,
        );
        let issuer = format!("{office} ({})", T::OwnerIssuer.get(lang));
        assert!(h.query_all_by_label(&issuer).count() > 0, "{issuer}");
        // `每年举办…2次`: per year, not "2025".
        let per_year = lang.pick("每年", "per year");
        assert_eq!(h.query_all_by_label(per_year).count(), 2, "{per_year}");
    }
}

const PLAN_WITH_BASELINE: &str = "示范园区高质量发展规划(2021-2025年)\n\n一、发展基础\n\
2020年,园区共有高新技术企业200家,规模以上工业企业80家。\n\n二、发展目标\n\
到2025年,高新技术企业达到400家,规模以上工业企业达到120家。\n";

#[test]
fn ambition_is_shown_for_a_same_scope_baseline_and_a_news_figure_is_not_used() {
    let (dir, db) = temp_db();
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, PLAN_WITH_BASELINE).expect("write");
    let mut store = Store::open(&db).expect("open");
    let zone = store.zone_for_name("示范园区").expect("zone");
    store.import_file(&file, &zone.slug).expect("import");
    drop(store);
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(
            &db,
            Prefs {
                selected_zones: vec!["zhongde".into(), zone.slug.clone()],
                ..prefs(lang)
            },
        );
        show_view(&mut h, lang, T::Targets);
        settle(&mut h);
        let ambition = match lang {
            Lang::Zh => "200家 (2020) → +14.9%/年 ×2",
            Lang::En => "200 (2020) → +14.9%/yr ×2",
        };
        assert!(h.query_by_label(ambition).is_some(), "{ambition}");
        // Zhongde's 408 comes from the news profile of the wider 沈阳经开区.
        let news = match lang {
            Lang::Zh => "408家 (2021) *",
            Lang::En => "408 (2021) *",
        };
        assert!(h.query_by_label(news).is_some(), "{news}");
    }
}
