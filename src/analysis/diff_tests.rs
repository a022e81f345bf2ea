use super::*;

fn measure(path: &str, title: &str, body: &str, agencies: &[&str]) -> VersionMeasure {
    VersionMeasure {
        path: path.split('/').map(str::to_string).collect(),
        title: title.to_string(),
        text: format!("{title}。{body}"),
        agencies: agencies.iter().map(|a| a.to_string()).collect(),
    }
}

fn target(
    id: &str,
    value: f64,
    unit: &str,
    year: i32,
    measure: usize,
    sentence: &str,
) -> VersionTarget {
    VersionTarget {
        indicator: id.to_string(),
        indicator_id: Some(id.to_string()),
        value,
        value_max: None,
        unit: unit.to_string(),
        comparator: Comparator::Ge,
        year: Some(year),
        measure: Some(measure),
        sentence: sentence.to_string(),
    }
}

fn base() -> Version {
    Version {
        label: "old".into(),
        measures: vec![
            measure(
                "一/1",
                "强化政产学研协同创新",
                "建设中试基地和创新平台。",
                &["市科技局", "市工信局"],
            ),
            measure(
                "一/2",
                "立足国内大循环深化区域合作",
                "对接京津冀协同发展。",
                &["市发改委"],
            ),
            measure(
                "一/3",
                "优化科技创新生态",
                "到2025年,高新技术企业不少于120户。",
                &["市科技局"],
            ),
        ],
        targets: vec![
            target(
                "innovation_platforms",
                5.0,
                "个",
                2025,
                0,
                "至2025年,建设创新平台5个以上",
            ),
            target(
                "high_tech_enterprises",
                120.0,
                "户",
                2025,
                2,
                "到2025年,高新技术企业不少于120户",
            ),
        ],
    }
}

#[test]
fn identical_versions_have_no_changes() {
    let d = diff(&base(), &base());
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.targets.unchanged.len(), 2);
}

#[test]
fn raised_target_moved_deadline_and_measures_in_and_out() {
    let mut new = base();
    new.label = "new".into();
    // measure 2 removed; a new one added at the end; measures renumbered
    new.measures.remove(1);
    new.measures[1].path = vec!["一".into(), "2".into()];
    new.measures[1].text = "优化科技创新生态。到2025年,高新技术企业不少于150户。".into();
    new.measures.push(measure(
        "一/3",
        "建设国际人才社区",
        "完善人才公寓和国际学校。",
        &["市人社局"],
    ));
    new.targets[0].year = Some(2027);
    new.targets[0].sentence = "至2027年,建设创新平台5个以上".into();
    new.targets[1].value = 150.0;
    new.targets[1].measure = Some(1);
    new.targets[1].sentence = "到2025年,高新技术企业不少于150户".into();

    let d = diff(&base(), &new);
    let titles = |v: &[MeasureRef]| v.iter().map(|m| m.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&d.measures.removed), ["立足国内大循环深化区域合作"]);
    assert_eq!(titles(&d.measures.added), ["建设国际人才社区"]);
    assert!(d.measures.changed.is_empty(), "{:?}", d.measures.changed);
    assert_eq!(d.targets.raised.len(), 1);
    assert_eq!(d.targets.raised[0].new.value, 150.0);
    assert_eq!(d.targets.raised[0].change_pct, Some(25.0));
    assert_eq!(d.targets.moved.len(), 1);
    assert_eq!(d.targets.moved[0].new.year, Some(2027));
    assert!(d.targets.lowered.is_empty() && d.targets.added.is_empty());
    assert!(d.targets.removed.is_empty() && d.targets.unchanged.is_empty());
}

#[test]
fn reworded_measure_and_new_lead_are_changes() {
    let mut new = base();
    new.measures[0].title = "全面强化政产学研协同创新".into();
    new.measures[0].text = "全面强化政产学研协同创新。建设中试基地和创新平台。".into();
    new.measures[1].agencies = vec!["市商务局".into(), "市发改委".into()];
    let d = diff(&base(), &new);
    assert_eq!(d.measures.changed.len(), 2);
    assert!(d.measures.changed[0].title_changed);
    assert_eq!(d.measures.changed[1].agencies_added, ["市商务局"]);
    assert!(d.measures.added.is_empty() && d.measures.removed.is_empty());
}

#[test]
fn lowered_and_dropped_targets() {
    let mut new = base();
    new.targets[1].value = 100.0;
    new.targets.remove(0);
    let d = diff(&base(), &new);
    assert_eq!(d.targets.lowered.len(), 1);
    assert_eq!(d.targets.removed.len(), 1);
    assert_eq!(d.targets.removed[0].indicator, "innovation_platforms");
}

#[test]
fn figures_are_masked() {
    assert_eq!(masked("到2025年达到3.5%"), "到#年达到#%");
    assert_eq!(dice(&bigrams("abc"), &bigrams("abc")), 1.0);
    assert_eq!(dice(&bigrams("ab"), &bigrams("cd")), 0.0);
}
