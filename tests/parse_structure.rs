//! Structure of the five bundled documents: metadata, measure counts, numbers, paths and
//! titles, every responsible-unit list of doc 002, and span invariants. Expected values
//! were read off the documents themselves.

use std::path::Path;

use zonecompare::catalog::Catalog;
use zonecompare::model::{Measure, ParsedDocument, Period, Role};
use zonecompare::{ingest, parse};

const DOCS: [&str; 5] = [
    "000_a2d155b297289045.txt",
    "001_23ee345ab719336e.txt",
    "002_d1df5a77a2452895.txt",
    "003_a6b1758811d1f864.txt",
    "004_3c5bc2c389159028.txt",
];

fn load(name: &str) -> (String, ParsedDocument) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/corpus")
        .join(name);
    let text = ingest::read_path(&path)
        .expect("corpus document reads")
        .text;
    let doc = parse::parse_text(&text, Catalog::in_use());
    (text, doc)
}

fn doc(i: usize) -> ParsedDocument {
    load(DOCS[i]).1
}

/// (path, title) of a measure, for compact comparisons.
fn head(m: &Measure) -> (String, &str) {
    (m.path.join("/"), m.title.as_str())
}

#[test]
fn measure_counts_match_the_documents() {
    let counts: Vec<usize> = (0..5).map(|i| doc(i).measures.len()).collect();
    assert_eq!(counts, [9, 6, 18, 58, 6]);
}

#[test]
fn spans_slice_the_text_exactly_and_are_ordered() {
    for name in DOCS {
        let (text, d) = load(name);
        let chars: Vec<char> = text.chars().collect();
        let mut prev_end = 0;
        for m in &d.measures {
            assert!(m.span.0 < m.span.1 && m.span.1 <= chars.len(), "{name}");
            let slice: String = chars[m.span.0..m.span.1].iter().collect();
            assert_eq!(slice, m.text, "{name}: {}", m.title);
            assert!(
                m.span.0 >= prev_end,
                "{name}: overlapping spans at {}",
                m.title
            );
            prev_end = m.span.1;
            assert!(m.text.contains(m.title.as_str()), "{name}: {}", m.title);
            assert!(
                !m.text.contains("本文"),
                "{name}: boilerplate in {}",
                m.title
            );
        }
        for s in &d.outline {
            let slice: String = chars[s.span.0..s.span.1].iter().collect();
            assert!(slice.contains(s.title.as_str()), "{name}: {}", s.title);
            assert!(s.parent.is_none_or(|p| d.outline[p].level < s.level));
        }
    }
}

#[test]
fn doc000_zhongde_plan_excerpt() {
    let d = doc(0);
    assert_eq!(
        d.title,
        "(辽宁省)中德(沈阳)高端装备制造产业园 “十四五”期间园区建设推进方案 (讨论稿)"
    );
    assert_eq!(
        d.period,
        Some(Period {
            start: 2021,
            end: 2025
        })
    );
    assert_eq!((d.issuer.as_deref(), d.doc_number.as_deref()), (None, None));
    assert_eq!(d.date, None);
    let m = &d.measures;
    assert_eq!(head(&m[0]), ("4".into(), "加快推进工业互联网核心板块建设"));
    assert_eq!(head(&m[1]), ("(三)/1".into(), "立足国内大循环深化区域合作"));
    assert_eq!(
        head(&m[5]),
        ("(三)/5".into(), "打造国际文化商务交流核心板块")
    );
    assert_eq!(head(&m[8]), ("(四)/3".into(), "优化科技创新生态"));
    assert!(
        m[8].text
            .ends_with("(责任单位:市科技局、市人力资源和社会保障局)")
    );
    let u = &m[1].responsible_units;
    assert_eq!(u[0].name, "市发改委");
    assert_eq!(u[0].canonical, "市发展改革委");
    assert_eq!(u[0].role, Role::Lead);
    let names: Vec<&str> = m[4]
        .responsible_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "市商务局",
            "沈阳海关",
            "辽宁自贸区沈阳片区管委会",
            "中德园管委会"
        ]
    );
}

#[test]
fn doc001_news_actions() {
    let d = doc(1);
    assert_eq!(d.title, "沈阳经开区:产业科创“样板间”将如何“建模”?");
    assert_eq!(d.date.as_deref(), Some("2021-06-15"));
    assert_eq!(d.issuer.as_deref(), Some("沈阳日报"));
    let titles: Vec<&str> = d.measures.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "实施创新主体培育行动",
            "实施科技创新平台支撑行动",
            "实施创新生态培育行动",
            "实施科技人才集聚行动",
            "实施科技园区建设行动",
            "实施科技交流合作行动",
        ]
    );
    assert!(d.measures.iter().all(|m| m.number.is_none()));
    assert_eq!(
        d.measures[0].path,
        ["启动科创“六大行动”", "实施创新主体培育行动"]
    );
    let headings: Vec<&str> = d.outline.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        headings,
        [
            "打造全国科创“样板间”",
            "区域“创新指数”再攀升",
            "启动科创“六大行动”"
        ]
    );
}

#[test]
fn doc002_metadata_and_measures() {
    let d = doc(2);
    assert_eq!(d.issuer.as_deref(), Some("沈阳市人民政府"));
    assert_eq!(d.date.as_deref(), Some("2022-03-10"));
    assert_eq!(d.period, None, "a goal year alone is no period");
    assert!(
        d.title.contains("沈阳国家高新技术产业开发区"),
        "{}",
        d.title
    );
    assert_eq!(d.doc_number, None);
    let m = &d.measures;
    assert_eq!(head(&m[0]), ("三/(一)/1".into(), "加快建设沈阳浑南科技城"));
    assert_eq!(
        head(&m[9]),
        ("三/(四)/10".into(), "推进高新区“一区三园”发展")
    );
    assert_eq!(head(&m[13]), ("三/(四)/14".into(), "优化土地资源配置"));
    assert_eq!(head(&m[14]), ("四/(一)".into(), "加强组织领导"));
    assert_eq!(m[14].number.as_deref(), Some("(一)"));
    assert_eq!(head(&m[17]), ("四/(四)".into(), "争取上级政策"));
    let top: Vec<&str> = d
        .outline
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(top, ["指导思想", "发展目标", "重点任务", "保障措施"]);
}

/// `L:` lead, `C:` co.
fn units(m: &Measure) -> Vec<String> {
    m.responsible_units
        .iter()
        .map(|u| {
            let r = if u.role == Role::Lead { "L" } else { "C" };
            format!("{r}:{}", u.name)
        })
        .collect()
}

#[test]
fn doc002_every_responsible_unit_list() {
    let d = doc(2);
    let expected: [&[&str]; 18] = [
        &[
            "L:浑南区政府",
            "C:市科技局",
            "C:市发展改革委",
            "C:市工业和信息化局",
        ],
        &["L:市科技局", "C:沈阳高新区管委会"],
        &[
            "L:市委组织部",
            "C:市人力资源社会保障局",
            "C:市科技局",
            "C:市教育局",
            "C:市工业和信息化局",
            "C:沈阳高新区管委会",
        ],
        &[
            "L:市科技局",
            "L:市发展改革委",
            "L:市税务局",
            "L:市自然资源局",
            "L:市财政局",
            "L:市金融发展局",
            "C:沈阳高新区管委会",
        ],
        &["L:沈阳高新区管委会", "C:市科技局", "C:市工业和信息化局"],
        &[
            "L:市市场监管局",
            "C:市法院",
            "C:市检察院",
            "C:沈阳高新区管委会",
        ],
        &[
            "L:沈阳高新区管委会",
            "C:市科技局",
            "C:市发展改革委",
            "C:市工业和信息化局",
        ],
        &[
            "L:沈阳高新区管委会",
            "C:市科技局",
            "C:市商务局",
            "C:市工业和信息化局",
            "C:市发展改革委",
        ],
        &["L:市科技局", "L:市工业和信息化局", "C:沈阳高新区管委会"],
        &["L:市科技局", "L:市自然资源局", "C:沈阳高新区管委会"],
        &["L:市委组织部", "C:市委编办"],
        &["L:市营商局", "C:沈阳高新区管委会"],
        &[
            "L:浑南区委",
            "L:市委组织部",
            "C:市人力资源社会保障局",
            "C:沈阳高新区管委会",
        ],
        &["L:市自然资源局", "C:沈阳高新区管委会"],
        &["L:市委编办", "C:市直相关部门", "C:沈阳高新区管委会"],
        &[
            "L:沈阳高新区管委会",
            "C:市财政局",
            "C:市城投集团",
            "C:市金控集团",
        ],
        &["L:市委组织部", "C:市发展改革委", "C:市科技局"],
        &[
            "L:沈阳高新区管委会",
            "C:市金融发展局",
            "C:市发展改革委",
            "C:市科技局",
            "C:市财政局",
        ],
    ];
    assert_eq!(d.measures.len(), expected.len());
    for (k, (m, e)) in d.measures.iter().zip(expected).enumerate() {
        assert_eq!(units(m), e, "measure {k} {}", m.title);
    }
    assert!(d.measures.iter().all(|m| m.key_enterprises.is_empty()));
}

#[test]
fn doc003_dalian_implementation_plan() {
    let d = doc(3);
    assert_eq!(
        d.title,
        "大连市人民政府办公厅关于印发大连市战略性新兴产业发展实施方案(2018-2020年)的通知"
    );
    assert_eq!(d.issuer.as_deref(), Some("大连市人民政府办公厅"));
    assert_eq!(d.doc_number.as_deref(), Some("大政办发〔2017〕133号"));
    assert_eq!(d.date.as_deref(), Some("2017-11-09"));
    assert_eq!(
        d.period,
        Some(Period {
            start: 2018,
            end: 2020
        })
    );
    let m = &d.measures;
    assert_eq!(head(&m[0]), ("三/(一)/1".into(), "重点发展集成电路产业"));
    assert_eq!(head(&m[28]), ("三/(六)/4".into(), "积极发展文化旅游产业"));
    assert_eq!(
        head(&m[29]),
        ("四/(一)/1".into(), "进一步明确相关部门的任务和责任")
    );
    assert_eq!(head(&m[52]), ("四/(七)".into(), "推进新兴产业军民融合"));
    assert_eq!(m[52].number.as_deref(), Some("(七)"));
    assert!(
        m[52]
            .text
            .starts_with("(七)推进新兴产业军民融合。\n加快推进")
    );
    assert_eq!(head(&m[57]), ("四/(八)/5".into(), "推动对外高技术产业合作"));
    assert_eq!(
        m[0].key_enterprises,
        [
            "英特尔半导体",
            "宇宙半导体",
            "维德集成电路",
            "芯冠科技",
            "佳峰自动化",
            "硅展科技",
            "吉星电子"
        ]
    );
    assert_eq!(
        units(&m[0]),
        ["L:市经信委", "C:金普新区管委会", "C:高新区管委会"]
    );
    assert_eq!(m[16].key_enterprises.len(), 5, "重点机构 of 基因检测");
    assert_eq!(
        units(&m[42]),
        [
            "L:市发展改革委",
            "C:市人社局",
            "C:市创促办",
            "C:各区市县政府",
            "C:各先导区管委会"
        ]
    );
    assert_eq!(units(&m[49])[1], "C:市政府各有关部门");
}

#[test]
fn doc004_unnumbered_task_headings() {
    let d = doc(4);
    assert_eq!(d.date.as_deref(), Some("2018-07-11"));
    assert_eq!(d.period, None);
    assert!(
        d.title
            .contains("重庆两江新区国家自主创新示范区建设实施方案")
    );
    let titles: Vec<&str> = d.measures.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "提升自主创新能力",
            "打造新兴产业体系",
            "创新军民融合模式",
            "集聚新型金融机构",
            "营造多维创新生态",
            "构建开放创新格局",
        ]
    );
    assert_eq!(d.measures[5].path, ["主要任务", "构建开放创新格局"]);
    let top: Vec<&str> = d
        .outline
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(top, ["区位布局", "主要任务", "发展目标"]);
    assert_eq!(d.outline.len(), 3 + 3 + 6 + 6);
}

#[test]
fn explain_gives_every_figure_the_fate_parse_gave_it() {
    for name in DOCS {
        let (text, doc) = load(name);
        let figures = parse::explain_text(&text, Catalog::in_use());
        let count = |o: parse::Outcome| figures.iter().filter(|f| f.outcome == o).count();
        assert_eq!(count(parse::Outcome::Target), doc.targets.len(), "{name}");
        assert_eq!(
            count(parse::Outcome::Statistic),
            doc.statistics.len(),
            "{name}"
        );
        // Each target of the document is one explained figure with its value, unit, year.
        for t in &doc.targets {
            assert!(
                figures.iter().any(|f| f.outcome == parse::Outcome::Target
                    && f.value == t.value
                    && f.unit == t.unit
                    && f.year == t.year),
                "{name}: {t:?}"
            );
        }
        for f in &figures {
            assert!(
                parse::EXPLAIN_RULES.iter().any(|(r, _)| *r == f.rule),
                "{name}: unlisted rule {}",
                f.rule
            );
            assert!(f.span.0 < f.span.1, "{name}: {f:?}");
        }
    }
}
