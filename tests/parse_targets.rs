//! Targets and statistics of the five bundled documents, checked figure by figure against
//! their text. Every sentence with a digit or a Chinese numeral was read and classified as
//! target, statistic or neither; the counts below are the result.

use zonecompare::catalog::Catalog;
use zonecompare::model::{Comparator, Period, Statistic, Target};
use zonecompare::parse::targets::{TargetContext, extract_targets};

use Comparator::*;

fn doc(
    name: &str,
    period: Option<(i32, i32)>,
    doc_year: Option<i32>,
) -> (Vec<Target>, Vec<Statistic>) {
    let path = format!("{}/data/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let ctx = TargetContext {
        period: period.map(|(start, end)| Period { start, end }),
        doc_year,
        news: false,
        accounted: None,
    };
    let (targets, statistics) = extract_targets(&text, &[], &ctx, Catalog::in_use());
    // Every span points at its sentence in the text.
    let chars: Vec<char> = text.chars().collect();
    for t in &targets {
        let s: String = chars[t.span.0..t.span.1].iter().collect();
        assert_eq!(s, t.sentence);
    }
    (targets, statistics)
}

/// The one target with this value and unit; asserts its comparator and year.
#[track_caller]
fn target<'a>(
    ts: &'a [Target],
    value: f64,
    unit: &str,
    comparator: Comparator,
    year: Option<i32>,
) -> &'a Target {
    let found: Vec<&Target> = ts
        .iter()
        .filter(|t| t.value == value && t.unit == unit)
        .collect();
    assert_eq!(found.len(), 1, "{value}{unit}: {found:?}");
    let t = found[0];
    assert_eq!(
        (t.comparator, t.year),
        (comparator, year),
        "{value}{unit}: {t:?}"
    );
    t
}

#[track_caller]
fn statistic<'a>(ss: &'a [Statistic], value: f64, unit: &str, year: Option<i32>) -> &'a Statistic {
    let found: Vec<&Statistic> = ss
        .iter()
        .filter(|s| s.value == value && s.unit == unit)
        .collect();
    assert_eq!(found.len(), 1, "{value}{unit}: {found:?}");
    assert_eq!(found[0].year, year, "{value}{unit}");
    found[0]
}

#[test]
fn zhongde_plan_000() {
    let (t, s) = doc("000_a2d155b297289045.txt", Some((2021, 2025)), None);
    assert_eq!((t.len(), s.len()), (11, 0), "{t:#?}");
    let hte = target(&t, 120.0, "户", Ge, Some(2025));
    assert_eq!(hte.indicator, "高新技术企业");
    assert_eq!(hte.indicator_id.as_deref(), Some("high_tech_enterprises"));
    assert_eq!(
        target(&t, 20.0, "人", Ge, Some(2025)).indicator,
        "高层次人才"
    );
    // Recurring `每年…` targets are due at the end of the plan period.
    assert_eq!(
        target(&t, 2.0, "次", Eq, Some(2025)).indicator,
        "大型国际交流活动"
    );
    target(&t, 8.0, "次", Ge, Some(2025));
    target(&t, 50.0, "%", Ge, Some(2025));
    target(&t, 40.0, "%", Ge, Some(2025));
    target(&t, 1.0, "个", Ge, Some(2025));
    assert_eq!(
        target(&t, 5.0, "个", Ge, Some(2025)).indicator,
        "省级以上创新平台"
    );
    target(&t, 10.0, "个", Ge, Some(2025));
    // Planned areas of the core blocks: no year stated, not in a goals paragraph.
    target(&t, 3.2, "平方公里", Approx, None);
    target(&t, 3.6, "平方公里", Approx, None);
    // `转化5%“黄金股”经验` names a model, it is not a goal.
    assert!(t.iter().all(|x| x.value != 5.0 || x.unit != "%"));
}

#[test]
fn shenyang_news_001_has_only_statistics() {
    let (t, s) = doc("001_23ee345ab719336e.txt", None, Some(2021));
    assert!(t.is_empty(), "{t:#?}");
    assert_eq!(s.len(), 19, "{s:#?}");
    let hte = statistic(&s, 408.0, "家", Some(2021));
    assert_eq!(hte.indicator, "国家高新技术企业");
    assert_eq!(hte.indicator_id.as_deref(), Some("high_tech_enterprises"));
    assert_eq!(
        statistic(&s, 19.0, "位", Some(2020)).indicator,
        "国家级开发区中综合排名"
    );
    statistic(&s, 3000.0, "家", Some(2021));
    statistic(&s, 366.0, "家", Some(2021));
    statistic(&s, 786.0, "家", Some(2021));
    // 197 research platforms: once in the profile, once restated in an action paragraph.
    let platforms: Vec<&Statistic> = s.iter().filter(|x| x.value == 197.0).collect();
    assert_eq!(platforms.len(), 2);
    assert!(platforms.iter().all(|x| x.indicator == "技术研发平台"));
    // A figure stated as a fact, with nothing marking it as a goal, is current.
    let staff = s
        .iter()
        .find(|x| x.sentence.contains("换血"))
        .expect("staff share");
    assert_eq!((staff.value, staff.unit.as_str()), (33.33, "%"));
    assert_eq!(statistic(&s, 10.0, "所", Some(2021)).indicator, "高校院所");
    let share = s
        .iter()
        .find(|x| x.indicator.contains("占全市"))
        .expect("share");
    assert_eq!(
        (share.value, share.indicator.as_str()),
        (33.33, "规模以上工业企业占全市")
    );
    // `世界500强企业`, `六大行动`, `三个方向` are names and category counts.
    assert!(s.iter().all(|x| x.value != 500.0 && x.unit != "强"));
}

#[test]
fn shenyang_htz_opinion_002() {
    let (t, s) = doc("002_d1df5a77a2452895.txt", None, Some(2022));
    assert_eq!((t.len(), s.len()), (9, 6), "{t:#?}");
    // The goals paragraph opens with `到2023年,`.
    assert_eq!(
        target(&t, 3000.0, "亿元", Ge, Some(2023)).indicator,
        "火炬统计企业营业收入"
    );
    target(&t, 2200.0, "亿元", Ge, Some(2023));
    let hte = target(&t, 2000.0, "家", Ge, Some(2023));
    assert_eq!(hte.indicator_id.as_deref(), Some("high_tech_enterprises"));
    assert_eq!(
        target(&t, 100.0, "家", Ge, Some(2023)).indicator,
        "众创空间、孵化器"
    );
    assert_eq!(
        target(&t, 100.0, "亿元", Ge, Some(2023)).indicator,
        "科技研发投入"
    );
    target(&t, 20.0, "强", Eq, Some(2023));
    // Areas: 357 in total, 243 for the core area (170 before), 7, 33 and 74 for the three
    // sub-parks: the zone's scope, statistics rather than targets.
    for v in [357.0, 170.0, 243.0, 7.0, 33.0, 74.0] {
        statistic(&s, v, "平方公里", Some(2022));
    }
    assert!(t.iter().all(|x| x.unit != "平方公里"));
    // Funds; the 15%:25%:60% split, `连续5年` and the 70% income share are parameters.
    assert_eq!(
        target(&t, 120.0, "亿元", Eq, None).indicator,
        "沈阳高新区发展基金"
    );
    target(&t, 300.0, "亿元", Eq, None);
    target(&t, 10.0, "亿元", Eq, None);
    assert!(t.iter().all(|x| x.unit != "%"), "{t:#?}");
    // Posts of the administrative committee are not goals.
    assert!(t.iter().all(|x| x.unit != "名"));
}

#[test]
fn dalian_plan_003() {
    let (t, s) = doc("003_a6b1758811d1f864.txt", Some((2018, 2020)), Some(2017));
    assert_eq!((t.len(), s.len()), (9, 1), "{t:#?}");
    assert_eq!(
        target(&t, 5000.0, "亿元", Gt, Some(2020)).indicator,
        "战略性新兴产业产值"
    );
    let growth = target(&t, 18.0, "%", Approx, Some(2020));
    assert_eq!(growth.indicator, "战略性新兴产业产值年均增长");
    let share = target(&t, 15.0, "%", Ge, Some(2020));
    assert_eq!(share.indicator, "战略性新兴产业增加值占全市GDP比重");
    target(&t, 50.0, "个", Eq, Some(2020));
    // The next sentence of the goals paragraph inherits `到2020年`.
    target(&t, 30.0, "家", Eq, Some(2020));
    target(&t, 100.0, "家", Eq, Some(2020));
    // A task without a year: a range.
    let range = target(&t, 2.0, "家", Ge, None);
    assert_eq!(
        (range.value_max, range.indicator.as_str()),
        (Some(3.0), "龙头企业")
    );
    assert_eq!(
        t.iter()
            .filter(|x| x.value == 90.0 && x.comparator == Ge)
            .count(),
        2
    );
    // Speeds, power ratings and `百万千瓦级` are specifications.
    assert!(
        t.iter()
            .all(|x| !["公里", "千瓦", "万千瓦", "兆瓦"].contains(&x.unit.as_str()))
    );
    statistic(&s, 300.0, "家", Some(2017));
}

#[test]
fn liangjiang_news_004() {
    let (t, s) = doc("004_3c5bc2c389159028.txt", None, Some(2018));
    assert_eq!((t.len(), s.len()), (27, 0), "{t:#?}");
    // Every figure sits under `发展目标`, whose first paragraph opens with `到2020年,`.
    assert!(t.iter().all(|x| x.year == Some(2020)));
    assert_eq!(
        target(&t, 4.0, "%", Eq, Some(2020)).indicator,
        "R&D经费占生产总值比重"
    );
    assert_eq!(
        target(&t, 30.0, "%", Le, Some(2020)).indicator,
        "对外技术依存度"
    );
    target(&t, 4.0, "项", Ge, Some(2020));
    target(&t, 1200.0, "家", Eq, Some(2020));
    let hte = target(&t, 500.0, "家", Eq, Some(2020));
    assert_eq!(hte.indicator_id.as_deref(), Some("high_tech_enterprises"));
    target(&t, 15.0, "件", Eq, Some(2020));
    target(&t, 65.0, "%", Gt, Some(2020));
    target(&t, 1800.0, "名", Ge, Some(2020));
    target(&t, 700.0, "人", Eq, Some(2020));
    target(&t, 150.0, "亿美元", Eq, Some(2020));
    target(&t, 15.0, "家", Gt, Some(2020));
    assert_eq!(
        target(&t, 30.0, "万平方米", Eq, Some(2020)).indicator,
        "孵化场地面积"
    );
    target(&t, 90.0, "亿元", Eq, Some(2020));
    target(&t, 450.0, "次", Ge, Some(2020));
    target(&t, 80.0, "亿元", Eq, Some(2020));
}
