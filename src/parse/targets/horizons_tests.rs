//! How far a horizon reaches and whose figures a `分别` clause lists, on snippets written
//! for these tests.

use super::*;

fn with(ctx: &TargetContext, text: &str) -> Vec<(String, f64, Option<i32>)> {
    extract_targets(text, &[], ctx, Catalog::in_use())
        .0
        .into_iter()
        .map(|t| (t.indicator, t.value, t.year))
        .collect()
}

fn dated() -> TargetContext {
    TargetContext {
        period: None,
        doc_year: Some(2023),
        news: false,
        accounted: None,
    }
}

fn undated() -> TargetContext {
    TargetContext {
        period: None,
        doc_year: None,
        news: false,
        accounted: None,
    }
}

#[test]
fn a_horizon_inside_a_sentence_governs_the_rest_of_the_paragraph() {
    let t = with(
        &dated(),
        "十四五时期,园区营业收入年均增长8%,力争到2025年突破900亿元;上市公司达到12家,\
         省级技术中心新增20个。",
    );
    assert!(t.iter().all(|x| x.2 == Some(2025)), "{t:?}");
    assert_eq!(t.len(), 4);
}

#[test]
fn a_year_naming_a_work_plan_is_no_horizon() {
    // `2024年重点工作` qualifies a noun; the goals line below keeps its own year.
    let t = with(
        &dated(),
        "会议部署2024年重点工作。\n发展目标(至2030年)\n力争园区产值达到300亿元。",
    );
    assert_eq!(t, [("园区产值".to_string(), 300.0, Some(2030))]);
}

#[test]
fn an_undated_goals_section_reads_a_bare_year_as_its_deadline() {
    let t = with(
        &undated(),
        "一、工作目标\n2026年,开发区工业总产值突破800亿元。新培育专精特新企业15家。",
    );
    assert_eq!(
        t,
        [
            ("开发区工业总产值".to_string(), 800.0, Some(2026)),
            ("专精特新企业".to_string(), 15.0, Some(2026)),
        ]
    );
}

#[test]
fn respectively_gives_each_figure_its_own_subject() {
    let t = with(
        &dated(),
        "到2027年,全县规上企业和科技型企业在2022年的基础上实现倍增,分别达到160家和300家。",
    );
    assert_eq!(
        t,
        [
            ("全县规上企业".to_string(), 160.0, Some(2027)),
            ("科技型企业".to_string(), 300.0, Some(2027)),
        ]
    );
}

#[test]
fn the_goals_a_year_names_are_targets_of_that_year() {
    let ctx = TargetContext {
        period: None,
        doc_year: Some(2024),
        news: false,
        accounted: None,
    };
    let t = with(
        &ctx,
        "2024年全区发展主要预期目标是:地区生产总值增长6.5%,一般公共预算收入增长5%以上。",
    );
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t.iter().all(|x| x.2 == Some(2024)));
    // A year with its results stays a statistic.
    let (targets, stats) = extract_targets(
        "2023年全区地区生产总值增长6%,完成年度目标。",
        &[],
        &ctx,
        Catalog::in_use(),
    );
    assert!(targets.is_empty() && stats.len() == 1);
}

#[test]
fn a_plan_of_work_for_one_year_dates_its_goals_that_year() {
    let one_year = TargetContext {
        period: Some(Period {
            start: 2025,
            end: 2025,
        }),
        doc_year: Some(2025),
        news: false,
        accounted: None,
    };
    let text =
        "二、重点工作\n(一)建设数字园区。园区5G基站覆盖率达到95%,到2027年建成智慧园区平台3个。";
    let t = with(&one_year, text);
    assert_eq!(t[0].1, 95.0);
    assert_eq!(t[0].2, Some(2025));
    // A year the sentence states still wins.
    assert_eq!((t[1].1, t[1].2), (3.0, Some(2027)));
    // A plan over several years leaves an undated goal undated.
    let several = TargetContext {
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        ..one_year
    };
    assert_eq!(with(&several, "园区5G基站覆盖率达到95%。")[0].2, None);
}

#[test]
fn a_sentence_announcing_goals_ends_the_present_before_it() {
    let ctx = TargetContext {
        period: None,
        doc_year: Some(2026),
        news: false,
        accounted: None,
    };
    // The first sentence describes the present year; the second announces its goals.
    let text = "2026年是新一轮规划的开局之年。全区主要预期目标是:工业增加值增长7%左右,新增市场主体1000户以上。";
    let (t, s) = extract_targets(text, &[], &ctx, Catalog::in_use());
    assert!(s.is_empty(), "{s:?}");
    let values: Vec<f64> = t.iter().map(|t| t.value).collect();
    assert_eq!(values, [7.0, 1000.0]);
    // Without the announcement the figures stay a description of the present.
    let (t, _) = extract_targets(
        "2026年是新一轮规划的开局之年。全区工业增加值增长7%左右。",
        &[],
        &ctx,
        Catalog::in_use(),
    );
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_year_opening_a_clause_of_intent_is_a_deadline() {
    let t = with(&undated(), "2030年,园区要力争新增规上工业企业40家。");
    assert_eq!((t[0].1, t[0].2), (40.0, Some(2030)));
    // In the year the document was written, too.
    let t = with(&dated(), "2023年,计划新开工项目25个。");
    assert_eq!((t[0].1, t[0].2), (25.0, Some(2023)));
    // A year gone by, or one stated without intent, stays a result.
    let (t, s) = extract_targets(
        "2022年,园区力争新增企业40家。2023年,园区新增企业30家。",
        &[],
        &dated(),
        Catalog::in_use(),
    );
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(s.len(), 2);
}

#[test]
fn beds_rooms_and_sites_are_counted() {
    let t = with(
        &dated(),
        "到2025年,新增养老床位800张,改造客房500间,建设口袋公园20处。",
    );
    let got: Vec<f64> = t.iter().map(|t| t.1).collect();
    assert_eq!(got, [800.0, 500.0, 20.0]);
}

#[test]
fn a_year_in_a_section_heading_dates_the_goals_under_it() {
    let doc = crate::parse::parse_text(
        "某市政府工作报告\n一、过去一年工作回顾\n全市新增企业120家。\n二、2025年重点工作\n\
         (一)扩大有效投资。实施市级重点项目500个。\n(二)培育企业。新增规上工业企业150家。\n\
         三、2026年工作展望\n(一)建设平台。建成创新平台10个。\n",
        Catalog::in_use(),
    );
    let t: Vec<(f64, Option<i32>)> = doc.targets.iter().map(|t| (t.value, t.year)).collect();
    // The section a heading names a year for ends at the next heading of its rank.
    assert_eq!(
        t,
        [(500.0, Some(2025)), (150.0, Some(2025)), (10.0, Some(2026))]
    );
}

#[test]
fn a_deadline_before_an_undated_plan_starts_is_gone_by() {
    let plan = TargetContext {
        period: Some(Period {
            start: 2026,
            end: 2030,
        }),
        doc_year: None,
        news: false,
        accounted: None,
    };
    let (t, s) = extract_targets(
        "“十四五”期间,高新技术企业数量达到1200家。到2030年,高新技术企业数量达到2000家。",
        &[],
        &plan,
        Catalog::in_use(),
    );
    assert_eq!(t.iter().map(|t| t.value).collect::<Vec<_>>(), [2000.0]);
    assert_eq!(s.iter().map(|s| s.value).collect::<Vec<_>>(), [1200.0]);
}
