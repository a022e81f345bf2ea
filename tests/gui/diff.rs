//! The Diff view: two stored versions of the Zhongde plan (the bundled draft and a copy
//! with a raised target, a moved deadline, one measure removed and one added), compared by
//! label in both languages.

use super::*;

/// Imports an edited copy of the bundled Zhongde plan; returns (bundled id, copy id).
fn two_versions(dir: &Path, db: &Path) -> (i64, i64) {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus/000_a2d155b297289045.txt");
    let text = std::fs::read_to_string(&plan).expect("corpus");
    let text = text
        .replacen("高新技术企业不少于120户", "高新技术企业不少于150户", 1)
        .replacen(
            "到2025年,科技成果本土转化率",
            "到2024年,科技成果本土转化率",
            1,
        );
    let start = text.find("  1.立足国内大循环").expect("measure 1");
    let end = text.find("  2.融入国内外双循环").expect("measure 2");
    let text = format!("{}{}", &text[..start], &text[end..]).replacen(
        "  (四)提升科技创新能力",
        "  6.建设中德国际人才社区。完善国际学校和人才公寓等配套设施。\
         (责任单位:市人力资源和社会保障局、中德园管委会)\n\n  (四)提升科技创新能力",
        1,
    );
    let copy = dir.join("zhongde_final.txt");
    std::fs::write(&copy, text).expect("write copy");
    let mut store = Store::open(db).expect("open");
    let ImportOutcome::Imported { doc_id: new, .. } =
        store.import_file(&copy, "zhongde").expect("import")
    else {
        panic!("copy imported as new");
    };
    let old = store
        .document_titles()
        .expect("titles")
        .iter()
        .find(|d| d.zone_slug == "zhongde" && d.title.contains("推进方案") && d.id != new)
        .expect("bundled plan")
        .id;
    (old, new)
}

#[test]
fn the_diff_view_shows_what_changed_between_two_versions() {
    let (dir, db) = temp_db();
    let (old, new) = two_versions(dir.path(), &db);
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(&db, prefs(lang));
        h.get_by_label(T::Diff.get(lang)).click();
        settle(&mut h);
        assert_eq!(h.state().prefs.view, View::Diff);
        assert!(h.query_by_label(T::DiffOld.get(lang)).is_some());
        // The two versions are guessed (same zone, most alike titles).
        assert_eq!(
            (h.state().ui.diff.old, h.state().ui.diff.new),
            (Some(old), Some(new))
        );
        h.state_mut().ui.diff.old = Some(old);
        h.state_mut().ui.diff.new = Some(new);
        h.run_steps(2);
        h.get_by_label(T::DiffRun.get(lang)).click();
        settle(&mut h);
        let heading = |key: T, n: usize| format!("{} ({n})", key.get(lang));
        for (key, n) in [
            (T::MeasuresAdded, 1),
            (T::MeasuresRemoved, 1),
            (T::TargetsRaised, 1),
            (T::TargetsMoved, 1),
        ] {
            assert!(
                h.query_by_label(&heading(key, n)).is_some(),
                "{lang:?}: {}",
                heading(key, n)
            );
        }
        for key in [
            T::MeasuresChanged,
            T::TargetsLowered,
            T::TargetsAdded,
            T::TargetsRemoved,
        ] {
            assert!(
                h.query_by_label_contains(key.get(lang)).is_none(),
                "{lang:?}: {key:?} shown"
            );
        }
        // Measure titles in the interface language: as written, or glossed in English.
        for zh in ["建设中德国际人才社区", "立足国内大循环深化区域合作"] {
            let shown = match lang {
                Lang::Zh => zh.to_string(),
                Lang::En => format!("{} [gloss]", zonecompare::english::gloss(zh)),
            };
            assert!(h.query_by_label(&shown).is_some(), "{lang:?}: {shown}");
        }
        let raised = match lang {
            Lang::Zh => "→ ≥150户 (2025)",
            Lang::En => "→ ≥150 (2025)",
        };
        assert!(
            h.query_by_label(raised).is_some(),
            "{lang:?}: {raised} not shown"
        );
        assert!(h.query_by_label("+25%").is_some());
    }
}

#[test]
fn the_same_document_twice_is_not_compared() {
    let (_dir, db) = temp_db();
    let mut h = harness(
        &db,
        Prefs {
            view: View::Diff,
            ..prefs(Lang::En)
        },
    );
    settle(&mut h);
    let first = h.state().ui.diff.old.expect("a default older version");
    h.state_mut().ui.diff.new = Some(first);
    h.run_steps(2);
    // A title list asked again by a late overview refresh (a loaded machine) is waited for.
    settle(&mut h);
    assert!(h.query_by_label(T::DiffSame.get(Lang::En)).is_some());
    h.get_by_label(T::DiffRun.get(Lang::En)).click();
    settle(&mut h);
    assert!(
        h.state().ui.diff.result.is_none(),
        "disabled button does nothing"
    );
}
