//! Conventions of target extraction on short snippets written for these tests.

use super::*;
use crate::model::Comparator::{self, *};

fn ctx() -> TargetContext {
    TargetContext {
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        doc_year: Some(2021),
        news: false,
        accounted: None,
    }
}

fn run(text: &str) -> (Vec<Target>, Vec<Statistic>) {
    extract_targets(text, &[], &ctx(), Catalog::in_use())
}

/// (value, value_max, unit, comparator, year) of one target.
type Row = (f64, Option<f64>, String, Comparator, Option<i32>);

fn targets(text: &str) -> Vec<Row> {
    run(text)
        .0
        .into_iter()
        .map(|t| (t.value, t.value_max, t.unit, t.comparator, t.year))
        .collect()
}

fn one(text: &str) -> Row {
    let t = targets(text);
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    t.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn comparators_before_and_after_the_figure() {
    let cases: &[(&str, Comparator)] = &[
        ("到2025年,孵化器达到50家以上。", Ge),
        ("到2025年,专利不少于300件。", Ge),
        ("到2025年,研发投入强度不低于3%。", Ge),
        ("到2025年,营业收入超过800亿元。", Gt),
        ("到2025年,营业收入超800亿元。", Gt),
        ("到2025年,产值突破1000亿元。", Gt),
        ("到2025年,企业达到200家。", Eq),
        ("到2025年,实现产值300亿元。", Eq),
        ("到2025年,实现增加值年均增长10%左右。", Approx),
        ("到2025年,规划面积约12平方公里。", Approx),
        ("到2025年,新增就业近5000人。", Approx),
        ("到2025年,单位能耗控制在0.5吨以下。", Le),
        ("到2025年,外部依存度不超过30%。", Le),
        ("到2025年,综合能耗降至20%。", Le),
        ("到2025年,失业率低于4%。", Lt),
    ];
    for (text, want) in cases {
        let (_, _, _, cmp, year) = one(text);
        assert_eq!((cmp, year), (*want, Some(2025)), "{text}");
    }
}

#[test]
fn ranges_give_value_max() {
    assert_eq!(
        one("培育2-3家龙头企业。"),
        (2.0, Some(3.0), "家".into(), Ge, None)
    );
    assert_eq!(one("每区建设1到2个孵化基地。").1, Some(2.0));
    assert_eq!(one("新建5～8个创新中心。").1, Some(8.0));
    assert_eq!(one("引进10至20名领军人才。").1, Some(20.0));
}

#[test]
fn lists_give_one_target_each() {
    let t = targets("规划三个片区,面积分别为12、25、40平方公里。");
    let values: Vec<f64> = t.iter().map(|x| x.0).collect();
    assert_eq!(values, [12.0, 25.0, 40.0]);
    assert!(t.iter().all(|x| x.2 == "平方公里" && x.3 == Eq));
}

#[test]
fn deadline_year_stated_or_inherited() {
    assert_eq!(one("力争到2024年,新增上市企业6家。").4, Some(2024));
    assert_eq!(one("园区企业2024年底前达到400户。").4, Some(2024));
    assert_eq!(one("至2023年,建成孵化器10个。").4, Some(2023));
    assert_eq!(one("“十四五”期间,新增专精特新企业30家。").4, Some(2025));
    let t = targets("到2024年,企业营收达到900亿元。新建研发平台12个。培育瞪羚企业40家。");
    assert_eq!(t.iter().map(|x| x.4).collect::<Vec<_>>(), [Some(2024); 3]);
}

#[test]
fn goals_section_gives_the_period_end_or_its_opening_year() {
    let text = "二、主要目标\n企业数量达到500家。\n三、重点任务\n1.建设平台。培育企业10家。";
    let t = targets(text);
    assert_eq!(t[0].4, Some(2025));
    assert_eq!(t[1].4, None);
    let text = "发展目标\n到2023年,建成创新中心。\n人才集聚\n引进人才500人。";
    assert_eq!(one(text).4, Some(2023));
}

#[test]
fn recurring_targets_are_due_at_the_period_end() {
    let t = targets("每年举办招商推介会4次,专题培训不少于10场。");
    assert_eq!(
        t,
        [
            (4.0, None, "次".into(), Eq, Some(2025)),
            (10.0, None, "场".into(), Ge, Some(2025))
        ]
    );
}

#[test]
fn growth_share_ranking_and_funds() {
    let (t, _) = run(
        "到2025年,工业产值突破2000亿元,年均增长12%左右,研发投入占地区生产总值比重达到3.5%,综合实力进入全国经开区30强。",
    );
    let got: Vec<(&str, f64, &str, Comparator)> = t
        .iter()
        .map(|x| (x.indicator.as_str(), x.value, x.unit.as_str(), x.comparator))
        .collect();
    assert_eq!(
        got,
        [
            ("工业产值", 2000.0, "亿元", Gt),
            ("工业产值年均增长", 12.0, "%", Approx),
            ("研发投入占地区生产总值比重", 3.5, "%", Eq),
            ("综合实力进入全国经开区", 30.0, "强", Eq),
        ]
    );
    let (t, _) = run("设立50亿元的产业引导基金。");
    assert_eq!(
        (t[0].indicator.as_str(), t[0].value, t[0].unit.as_str()),
        ("产业引导基金", 50.0, "亿元")
    );
}

#[test]
fn money_units_as_written() {
    let units: Vec<String> =
        targets("到2025年,营收达到1.2万亿元,利用外资12亿美元,税收500万元,产值80亿元。")
            .into_iter()
            .map(|t| t.2)
            .collect();
    assert_eq!(units, ["万亿元", "亿美元", "万元", "亿元"]);
}

#[test]
fn chinese_numerals_and_fractions() {
    assert_eq!(one("到2025年,培育两家上市企业。").0, 2.0);
    assert_eq!(one("到2025年,新建十五个实验室。").0, 15.0);
    assert_eq!(one("到2025年,外资企业占比达到三分之一。").0, 33.33);
    assert_eq!(one("到2025年,高新技术产业比重达到百分之四十。").0, 40.0);
}

#[test]
fn not_targets() {
    for text in [
        "研制时速350公里高速列车。",
        "对每家企业给予最高200万元补贴。",
        "市财政连续3年给予支持。",
        "按30%:30%:40%的比例出资。",
        "年龄在45周岁以下。",
        "积分达到80分的企业。",
        "实施“六大行动”。",
        "构建“3+5+N”产业体系。",
        "形成一核两翼格局。",
        "4.加快建设科技城。",
        "2022年3月10日印发。",
        "研发百万千瓦级核电装备。",
    ] {
        let (t, s) = run(text);
        assert!(t.is_empty() && s.is_empty(), "{text}: {t:?} {s:?}");
    }
}

#[test]
fn current_figures_are_statistics() {
    let (t, s) = run("目前,园区现有国家高新技术企业408家,规模以上工业企业210家。");
    assert!(t.is_empty(), "{t:?}");
    let got: Vec<(&str, f64, Option<i32>)> = s
        .iter()
        .map(|x| (x.indicator.as_str(), x.value, x.year))
        .collect();
    assert_eq!(
        got,
        [
            ("国家高新技术企业", 408.0, Some(2021)),
            ("规模以上工业企业", 210.0, Some(2021))
        ]
    );
    assert_eq!(s[0].indicator_id.as_deref(), Some("high_tech_enterprises"));
    let (t, s) = run("2020年实现工业总产值600亿元。");
    assert!(t.is_empty());
    assert_eq!((s[0].value, s[0].year), (600.0, Some(2020)));
    let (t, s) = run("截至2020年底,累计引进人才1200人。");
    assert!(t.is_empty());
    assert_eq!(s[0].year, Some(2020));
    let (t, s) = run("已建成孵化器12家。");
    assert!(t.is_empty());
    assert_eq!(s.len(), 1);
}

#[test]
fn current_and_goal_in_one_sentence() {
    let (t, s) = run("园区现有企业100家,到2025年达到300家。");
    assert_eq!(s.iter().map(|x| x.value).collect::<Vec<_>>(), [100.0]);
    assert_eq!(
        t.iter().map(|x| (x.value, x.year)).collect::<Vec<_>>(),
        [(300.0, Some(2025))]
    );
}

#[test]
fn sentence_span_and_measure() {
    let text = "总体要求。\n1.培育企业。到2025年,培育瞪羚企业30家。\n2.其他。";
    let m = |span: (usize, usize)| Measure {
        number: None,
        path: vec![],
        title: String::new(),
        text: String::new(),
        span,
        responsible_units: vec![],
        key_enterprises: vec![],
        themes: vec![],
        instrument: None,
        instrument_subtype: None,
    };
    let measures = [m((6, 30)), m((31, 36))];
    let (t, _) = extract_targets(text, &measures, &ctx(), Catalog::in_use());
    assert_eq!(t[0].sentence, "到2025年,培育瞪羚企业30家。");
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = t[0].span;
    assert_eq!(chars[a..b].iter().collect::<String>(), t[0].sentence);
    assert_eq!(t[0].measure, Some(0));
}

#[test]
fn from_to_figures_give_baseline_and_goal() {
    let (t, s) = run("地区生产总值由2020年的1250亿元增加到2025年的2000亿元。");
    assert_eq!(
        (s[0].value, s[0].year, s[0].indicator.as_str()),
        (1250.0, Some(2020), "地区生产总值")
    );
    assert_eq!(
        (t[0].value, t[0].year, t[0].indicator.as_str()),
        (2000.0, Some(2025), "地区生产总值")
    );
}

#[test]
fn class_descriptors_are_part_of_the_indicator() {
    let (t, _) = run("到2025年,培育营业收入超百亿元企业5家,引进投资额10亿元以上项目20个。");
    let got: Vec<(&str, f64)> = t.iter().map(|x| (x.indicator.as_str(), x.value)).collect();
    assert_eq!(
        got,
        [
            ("营业收入超百亿元企业", 5.0),
            ("投资额10亿元以上项目", 20.0)
        ]
    );
}

#[test]
fn planned_figures_without_year() {
    let t = targets("规划建设科技城,总面积约50平方公里,其中起步区10平方公里。");
    assert_eq!(
        t,
        [
            (50.0, None, "平方公里".into(), Approx, None),
            (10.0, None, "平方公里".into(), Eq, None)
        ]
    );
}

#[test]
fn time_limits_and_vehicles() {
    assert_eq!(
        one("企业开办时间压缩至1个工作日以内。"),
        (1.0, None, "个工作日".into(), Le, None)
    );
    assert_eq!(one("到2023年,新能源汽车产量达到10万辆。").2, "万辆");
    assert!(targets("实行7×24小时服务,连续5天").is_empty());
}

/// Random text from the characters the scanner reacts to never makes it panic, and every
/// span slices the text to the reported sentence.
#[test]
fn random_text_never_panics() {
    const ALPHABET: &[&str] = &[
        "1",
        "2",
        "0",
        "9",
        ".",
        ",",
        "、",
        "-",
        "～",
        "至",
        "到",
        "年",
        "底",
        "前",
        "%",
        "：",
        ":",
        "+",
        "第",
        "“",
        "”",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "两",
        "三",
        "分之",
        "家",
        "个",
        "亿元",
        "平方公里",
        "强",
        "以上",
        "左右",
        "不少于",
        "达到",
        "每年",
        "十四五",
        "期间",
        "目标",
        "\n",
        "。",
        ";",
        "现有",
        "培育",
        "的",
        "企业",
        "基础上",
        "由",
        "等",
        "级",
        " ",
        "(",
        ")",
        "一、",
        "发展目标",
        "１",
        "％",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(ALPHABET[(seed % ALPHABET.len() as u64) as usize]);
        }
        let chars: Vec<char> = text.chars().collect();
        let (t, s) = run(&text);
        for (span, sentence) in t
            .iter()
            .map(|x| (x.span, &x.sentence))
            .chain(s.iter().map(|x| (x.span, &x.sentence)))
        {
            assert_eq!(
                &chars[span.0..span.1].iter().collect::<String>(),
                sentence,
                "{text}"
            );
        }
    }
}

#[test]
fn absurdly_long_numbers_are_ignored() {
    let text = format!("到2025年,企业达到{}家。", "9".repeat(400));
    assert!(run(&text).0.is_empty());
    let text = format!("到2025年,企业达到{}家。", "九".repeat(400));
    assert!(run(&text).0.is_empty());
}

#[test]
fn reports_of_the_past_are_statistics() {
    let (t, s) = run("1-5月,全区实现规上工业产值123.4亿元,同比增长15.2%。");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(s.iter().map(|x| x.value).collect::<Vec<_>>(), [123.4, 15.2]);
    let (t, s) = run("“十三五”以来,累计引进项目230个。");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(s[0].value, 230.0);
    assert!(targets("审批在3个月内办结。").is_empty());
}

#[test]
fn run_in_goals_heading_gives_its_year_to_the_paragraph() {
    let t = targets(
        "(二)发展目标。到2025年,企业达到3000家。技术合同成交额突破200亿元。\n(三)主要任务。新建实验室20个。",
    );
    let years: Vec<Option<i32>> = t.iter().map(|x| x.4).collect();
    assert_eq!(years, [Some(2025), Some(2025), None]);
}

#[test]
fn review_sections_hold_statistics() {
    let text = "一、发展基础\n全区建成国家级孵化器5家,培育高新技术企业达到620家。\n二、发展目标\n到2025年,高新技术企业达到1200家。";
    let (t, s) = run(text);
    assert_eq!(s.iter().map(|x| x.value).collect::<Vec<_>>(), [5.0, 620.0]);
    assert_eq!(
        t.iter().map(|x| (x.value, x.year)).collect::<Vec<_>>(),
        [(1200.0, Some(2025))]
    );
}
