//! Targets and Compare name who is responsible for each target (and where that comes
//! from), and recurring targets read "per year" instead of a deadline — in both languages.

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
        let issuer = format!("大连市人民政府办公厅 ({})", T::OwnerIssuer.get(lang));
        assert!(h.query_all_by_label(&issuer).count() > 0, "{issuer}");
        // `每年举办…2次`: per year, not "2025".
        let per_year = lang.pick("每年", "per year");
        assert_eq!(h.query_all_by_label(per_year).count(), 2, "{per_year}");
    }
}
