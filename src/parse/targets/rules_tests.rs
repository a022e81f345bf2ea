//! Rules for figures that look like goals but set the terms of a policy, for ranges and for
//! the reach of `每年`, on snippets written for these tests.

use super::*;
use crate::model::Comparator::*;

fn ctx() -> TargetContext {
    TargetContext {
        period: Some(Period {
            start: 2024,
            end: 2026,
        }),
        doc_year: Some(2024),
        news: false,
        accounted: None,
    }
}

fn run(text: &str) -> (Vec<Target>, Vec<Statistic>) {
    extract_targets(text, &[], &ctx(), Catalog::in_use())
}

/// (value, unit, year) of every target.
fn targets(text: &str) -> Vec<(f64, String, Option<i32>)> {
    run(text)
        .0
        .into_iter()
        .map(|t| (t.value, t.unit, t.year))
        .collect()
}

#[test]
fn a_range_is_a_goal_even_without_a_verb() {
    let (t, s) = run("鼓励外资企业在开发区新设研发中心3-4家。");
    assert!(s.is_empty(), "{s:?}");
    assert_eq!(
        (t[0].value, t[0].value_max, t[0].comparator),
        (3.0, Some(4.0), Ge)
    );
    let (t, s) = run("支持龙头企业牵头组建创新联合体5至8个。");
    assert!(s.is_empty());
    assert_eq!(t[0].value_max, Some(8.0));
}

#[test]
fn rates_applied_to_a_base_are_policy_parameters() {
    for text in [
        "对新引进的企业按实际到位资金的10%给予奖励。",
        "厂房租金不高于市场租金的60%。",
        "土地出让价格可按不低于所在地工业用地最低价标准的70%执行。",
        "按设备投资额的15%给予一次性补助。",
    ] {
        let (t, s) = run(text);
        assert!(t.is_empty() && s.is_empty(), "{text}: {t:?} {s:?}");
    }
    // A share of a total stays a goal.
    assert_eq!(
        targets("到2026年,园区税收占全区的40%。"),
        [(40.0, "%".into(), Some(2026))]
    );
    assert_eq!(targets("骨干企业达到企业总数的30%以上。").len(), 1);
}

#[test]
fn weights_rates_and_award_amounts_are_policy_parameters() {
    for text in [
        "将创新指标纳入绩效评价,评价权重不低于10%。",
        "科技贷款利率不超过4%。",
        "对认定的平台给予50万元奖励。",
        "按15%给予贴息。",
        "对首台套产品销售额的20%给予补助。",
    ] {
        let (t, s) = run(text);
        assert!(t.is_empty() && s.is_empty(), "{text}: {t:?} {s:?}");
    }
    // A fund named after the award it pays is a goal.
    assert_eq!(
        targets("每年安排3000万元奖励资金。"),
        [(3000.0, "万元".into(), Some(2026))]
    );
}

#[test]
fn a_document_counting_its_own_contents_sets_no_goal() {
    for text in [
        "《方案》提出了18项重点举措。",
        "意见共分为五个部分、涵盖30条政策措施。",
        "文件包括6个方面24条具体措施。",
        "将15项重点举措分解为40条具体任务。",
    ] {
        let (t, s) = run(text);
        assert!(t.is_empty() && s.is_empty(), "{text}: {t:?} {s:?}");
    }
    // A plan that makes policies its goal keeps the goal.
    assert_eq!(targets("到2026年,制定配套政策10项。").len(), 1);
}

#[test]
fn every_year_reaches_verbless_clauses_only() {
    assert_eq!(
        targets("每年组织路演活动6场,参与企业不少于200家。"),
        [
            (6.0, "场".into(), Some(2026)),
            (200.0, "家".into(), Some(2026))
        ]
    );
    assert_eq!(
        targets("区财政每年安排扶持资金5亿元,设立总规模30亿元的天使基金。"),
        [
            (5.0, "亿元".into(), Some(2026)),
            (30.0, "亿元".into(), None)
        ]
    );
}

#[test]
fn cumulative_figures_with_a_goal_word_are_goals() {
    let (t, s) = run("推动外资扩量,实际使用外资累计达到30亿美元。");
    assert!(s.is_empty(), "{s:?}");
    assert_eq!((t[0].value, t[0].comparator), (30.0, Eq));
    let (t, s) = run("推进数字化改造,累计建成智能工厂80个。");
    assert!(s.is_empty(), "{s:?}");
    assert_eq!(t[0].value, 80.0);
    // In a goals section any verb after `累计` sums the plan's work.
    let (t, s) = run("一、发展目标\n技改项目累计实施100个以上,累计投入50亿元。\n");
    assert!(s.is_empty(), "{s:?}");
    assert_eq!(t.len(), 2);
    let news = TargetContext {
        news: true,
        accounted: None,
        ..ctx()
    };
    let (t, s) = extract_targets("园区累计引进人才1200人。", &[], &news, Catalog::in_use());
    assert!(t.is_empty());
    assert_eq!(s[0].value, 1200.0);
}

#[test]
fn last_year_figures_and_modal_words() {
    let (t, s) = run("去年,园区实现营业收入800亿元,同比增长9%。");
    assert!(t.is_empty());
    let years: Vec<Option<i32>> = s.iter().map(|x| x.year).collect();
    assert_eq!(years, [Some(2023), Some(2023)]);
    let (t, _) = run("到2026年,园区营业收入将突破1000亿元。");
    assert_eq!(t[0].indicator, "园区营业收入");
    let (t, _) = run("到2026年,软件装机量累计突破300万套。");
    assert_eq!(t[0].indicator, "软件装机量");
}

#[test]
fn unmarked_figures_in_a_plan_task_are_goals() {
    let text = "1.推进技术改造。实施技术改造项目200个。\n";
    let measure = Measure {
        number: Some("1".into()),
        path: vec!["1".into()],
        title: "推进技术改造".into(),
        text: text.trim_end().into(),
        span: (0, text.chars().count() - 1),
        responsible_units: vec![],
        key_enterprises: vec![],
        themes: vec![],
        instrument: None,
        instrument_subtype: None,
    };
    let measures = [measure];
    let (t, s) = extract_targets(text, &measures, &ctx(), Catalog::in_use());
    assert!(s.is_empty(), "{s:?}");
    assert_eq!((t[0].value, t[0].measure), (200.0, Some(0)));
    let news = TargetContext {
        news: true,
        accounted: None,
        ..ctx()
    };
    let (t, s) = extract_targets(text, &measures, &news, Catalog::in_use());
    assert!(t.is_empty());
    assert_eq!(s[0].value, 200.0);
}

#[test]
fn an_upper_bound_on_a_present_figure_is_a_condition() {
    let (t, s) = run("支持对象为上年度营业收入不超过2亿元的企业。");
    assert!(t.is_empty() && s.is_empty(), "{t:?} {s:?}");
    let (t, s) = run("申报企业目前职工人数在300人以下。");
    assert!(t.is_empty() && s.is_empty(), "{t:?} {s:?}");
}

#[test]
fn a_horizon_set_in_a_later_sentence_governs_the_rest_of_the_paragraph() {
    let t = targets(
        "近日,某区发布三年计划。计划到2026年,园区营业收入力争达到900亿元。计划部署重点项目60项,总投资约300亿元。",
    );
    assert_eq!(
        t,
        [
            (900.0, "亿元".into(), Some(2026)),
            (60.0, "项".into(), Some(2026)),
            (300.0, "亿元".into(), Some(2026))
        ]
    );
}

#[test]
fn the_year_of_a_goals_heading_is_the_deadline_below_it() {
    let t = targets("某开发区\n2025年目标任务\n实现地区生产总值增长7%以上;进出口增长4%左右。\n");
    assert_eq!(
        t,
        [(7.0, "%".into(), Some(2025)), (4.0, "%".into(), Some(2025))]
    );
}

#[test]
fn this_year_words_take_the_documents_year() {
    assert_eq!(
        targets("力争全年招引项目40个以上。"),
        [(40.0, "个".into(), Some(2024))]
    );
    // A relative span is no calendar year.
    assert_eq!(targets("5年内培养工匠300名。")[0].2, None);
}

#[test]
fn results_of_the_last_period_are_statistics_goals_of_the_next_are_targets() {
    let text = "会议总结成就并部署目标 [1] “十四五”时期发展成就 - 产业:累计引进项目80个,新增学位1.2万个 [3] “十五五”时期发展目标(至2030年) - 经济:地区生产总值达到600亿元";
    let (t, s) = run(text);
    assert_eq!(
        t.iter()
            .map(|t| (t.value, t.unit.as_str(), t.year))
            .collect::<Vec<_>>(),
        [(600.0, "亿元", Some(2030))]
    );
    assert_eq!(s.len(), 2, "{s:?}");
}

#[test]
fn a_figure_restated_is_one_target() {
    // Headline and body: the body's statement is kept, with its year.
    let t =
        run("某园发布行动计划——推进重大项目90项\n到2026年,推进产业类重大项目90项,建成载体3个。").0;
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!((t[0].value, t[0].year), (90.0, Some(2026)));
    assert!(t[0].sentence.starts_with("到2026年"));
    // The same figure in a goals paragraph and again in a later sentence.
    let t = run("到2026年,规上工业产值增长8%以上。\n一要稳工业,确保规上工业产值增长8%以上。").0;
    assert_eq!(t.len(), 1, "{t:?}");
    // Equal values of different things stay apart.
    let t = run("到2026年,培育龙头企业10家,建设孵化器10家。").0;
    assert_eq!(t.len(), 2);
    // One char names nothing: it matches no indicator that holds it.
    assert!(!same_thing("率", "土地开发利用率"));
    assert!(same_thing("开发利用率", "土地开发利用率"));
}

#[test]
fn the_land_area_of_a_zone_is_its_scope_not_a_goal() {
    let (t, s) = run("构建“一区两园”格局,面积扩大到120平方公里,两园面积分别为8、12平方公里。");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(s.len(), 3);
    let (t, _) = run("到2026年,新增开发面积5平方公里。");
    assert_eq!(t.len(), 1);
}

#[test]
fn a_concentration_bounded_by_a_comparator_is_a_goal_and_a_bare_one_a_specification() {
    let (t, _) = run("到2026年，细颗粒物（PM2.5）平均浓度控制在35微克/立方米以内。");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!((t[0].value, t[0].unit.as_str()), (35.0, "微克/立方米"));
    assert_eq!(t[0].comparator, Le);
    assert_eq!(t[0].year, Some(2026));
    assert!(targets("配备精度0.5毫克/立方米的监测设备。").is_empty());
}

#[test]
fn a_year_on_year_change_is_a_result_unless_a_plan_sets_it() {
    let doc = crate::parse::parse_text(
        "某区2026年营商环境工作方案\n一、2025年工作回顾\n1-11月,全区税收收入同比增长6%。\n二、重点任务\n\
         1.规范涉企检查。涉企检查频次同比下降30%以上。(责任单位:区司法局)\n",
        Catalog::in_use(),
    );
    let t: Vec<(f64, Option<i32>)> = doc.targets.iter().map(|t| (t.value, t.year)).collect();
    assert_eq!(t, [(30.0, Some(2026))]);
    let s: Vec<f64> = doc.statistics.iter().map(|s| s.value).collect();
    assert_eq!(s, [6.0]);
}

#[test]
fn a_bare_magnitude_or_hours_after_a_goal_word_is_a_figure() {
    let t =
        targets("到2026年,平台粉丝数达到500万,年接待游客突破300万以上,通关时间压缩至24小时以内。");
    assert_eq!(
        t,
        [
            (500.0, "万".to_string(), Some(2026)),
            (300.0, "万".to_string(), Some(2026)),
            (24.0, "小时".to_string(), Some(2026)),
        ]
    );
    // Not introduced by a goal word, a bare magnitude or a duration is no target.
    assert!(targets("中心提供24小时服务,覆盖500万人口中的300万。").is_empty());
}

#[test]
fn a_norm_for_every_place_is_a_parameter() {
    assert!(targets("配备乡镇农技人员每乡镇不少于5名。").is_empty());
    assert!(targets("每村建设1个综合服务站。").is_empty());
    // A total over the places is a goal.
    assert_eq!(targets("到2026年,全县配备乡镇农技人员100名。").len(), 1);
}

#[test]
fn figures_under_an_account_of_the_years_plan_are_results() {
    let text = "某区2025年国民经济和社会发展计划\n一、2024年计划执行情况\n\
        全区地区生产总值增长5.2%,新增市场主体3000户。\n\
        二、2025年主要目标\n地区生产总值增长6%左右,新增市场主体3500户以上。\n";
    let (t, s) = run(text);
    assert_eq!(
        t.iter().map(|t| (t.value, t.year)).collect::<Vec<_>>(),
        [(6.0, Some(2025)), (3500.0, Some(2025))]
    );
    assert_eq!(s.len(), 2, "{s:?}");
}

#[test]
fn a_later_clause_of_this_years_intent_sets_a_goal_after_last_years_result() {
    let (t, s) = run("去年新增规上工业企业30家,今年力争新增40家。");
    assert_eq!(
        t.iter()
            .map(|t| (t.value, t.indicator.as_str(), t.year))
            .collect::<Vec<_>>(),
        [(40.0, "规上工业企业", Some(2024))]
    );
    assert_eq!(
        s.iter().map(|s| (s.value, s.year)).collect::<Vec<_>>(),
        [(30.0, Some(2023))]
    );
    // The whole of last year is last year's.
    assert!(targets("去年全年完成投资80亿元。").is_empty());
}

#[test]
fn the_whole_year_of_an_account_is_its_result_and_the_next_years_plan_a_goal() {
    let ctx = TargetContext {
        period: None,
        doc_year: Some(2025),
        news: false,
        accounted: Some(2024),
    };
    let text = "某园区2024年工作总结\n一、主要工作\n全年完成工业总产值150亿元,新增入园企业26家。\n\
        二、下步打算\n2025年,力争工业总产值增长10%,新增入园企业30家以上。\n";
    let (t, s) = extract_targets(text, &[], &ctx, Catalog::in_use());
    assert_eq!(
        t.iter().map(|t| (t.value, t.year)).collect::<Vec<_>>(),
        [(10.0, Some(2025)), (30.0, Some(2025))]
    );
    assert_eq!(
        s.iter().map(|s| (s.value, s.year)).collect::<Vec<_>>(),
        [(150.0, Some(2024)), (26.0, Some(2024))]
    );
}

#[test]
fn a_heading_dated_by_the_documents_year_dates_what_stands_under_it() {
    // ctx(): a document of 2024.
    let text = "某区政府工作报告\n一、过去一年工作回顾\n全区地区生产总值增长5.2%。\n\
        二、今年主要目标\n地区生产总值增长6%左右。\n三、明年工作安排\n力争实施重点项目120个。\n";
    let (t, s) = run(text);
    assert_eq!(
        s.iter().map(|s| (s.value, s.year)).collect::<Vec<_>>(),
        [(5.2, Some(2023))]
    );
    assert_eq!(
        t.iter().map(|t| (t.value, t.year)).collect::<Vec<_>>(),
        [(6.0, Some(2024)), (120.0, Some(2025))]
    );
}

#[test]
fn a_range_commits_to_its_lower_end_at_least() {
    let (t, _) = run("到2026年,培育专精特新企业8-10家,建设孵化器约3-5个。");
    assert_eq!(
        t.iter()
            .map(|t| (t.value, t.value_max, t.comparator))
            .collect::<Vec<_>>(),
        [(8.0, Some(10.0), Ge), (3.0, Some(5.0), Approx)]
    );
}

#[test]
fn a_task_table_row_is_due_when_its_deadline_cell_says() {
    let text = "序号\t重点任务\t牵头单位\t完成时限\n\
        1\t力争培育龙头企业3家。\t区工信局\t2025年12月\n\
        2\t力争新增孵化器2个。\t区科技局\t持续推进\n";
    assert_eq!(
        targets(text),
        [(3.0, "家".into(), Some(2025)), (2.0, "个".into(), None)]
    );
}
