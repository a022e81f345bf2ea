//! Measure conventions on snippets written for these tests.

use super::*;
use crate::model::Role;
use crate::parse::outline::headings;

fn catalog() -> Catalog {
    let agencies = r#"
[[agency]]
city = "*"
canonical = "市发展改革委"
aliases = ["市发改委"]
"#;
    Catalog::from_strs("theme = []", "indicator = []", agencies, "subtype = []").unwrap()
}

fn measures(text: &str) -> Vec<Measure> {
    let t = NormText::new(text);
    let hs = headings(&t);
    let cat = catalog();
    let tables = crate::parse::tables::tables(&t);
    Extractor {
        text: &t,
        headings: &hs,
        catalog: &cat,
        city: None,
        news: false,
        tables: &tables,
    }
    .measures()
}

fn check_spans(text: &str, ms: &[Measure]) {
    let chars: Vec<char> = text.chars().collect();
    let mut prev_end = 0;
    for m in ms {
        let slice: String = chars[m.span.0..m.span.1].iter().collect();
        assert_eq!(slice, m.text);
        assert!(m.span.0 >= prev_end, "spans overlap");
        prev_end = m.span.1;
    }
}

const NUMBERED: &str = "一、指导思想\n坚持创新引领,推动高质量发展。\n二、主要目标\n\
    1.规模目标。到2025年产值达到500亿元。\n三、重点任务\n（一）壮大产业集群。\n\
    1．培育龙头企业。支持企业兼并重组。(责任单位:市发改委、工信局)\n\
    2、建设创新平台。新建一批实验室。\n（二）优化营商环境\n\
    (1)深化审批改革。推行告知承诺制。\n推进“一网通办”,做到①材料减半②时间减半。\n四、保障措施\n\
    (一)加强组织领导。建立工作专班,定期调度。\n(二)强化资金保障。设立专项资金。\n";

#[test]
fn deepest_numbered_tasks_are_measures() {
    let ms = measures(NUMBERED);
    let paths: Vec<Vec<String>> = ms.iter().map(|m| m.path.clone()).collect();
    assert_eq!(
        paths,
        vec![
            vec!["三", "(一)", "1"],
            vec!["三", "(一)", "2"],
            vec!["三", "(二)", "(1)"],
            vec!["四", "(一)"],
            vec!["四", "(二)"],
        ]
    );
    let numbers: Vec<Option<&str>> = ms.iter().map(|m| m.number.as_deref()).collect();
    assert_eq!(
        numbers,
        [
            Some("1"),
            Some("2"),
            Some("(1)"),
            Some("(一)"),
            Some("(二)")
        ]
    );
    check_spans(NUMBERED, &ms);
}

#[test]
fn titles_are_lead_sentences_without_number_and_stop() {
    let ms = measures(NUMBERED);
    assert_eq!(ms[0].title, "培育龙头企业");
    assert_eq!(
        ms[0].text,
        "1．培育龙头企业。支持企业兼并重组。(责任单位:市发改委、工信局)"
    );
    assert_eq!(ms[3].title, "加强组织领导");
}

#[test]
fn units_are_expanded_and_canonical() {
    let ms = measures(NUMBERED);
    let u = &ms[0].responsible_units;
    assert_eq!(u.len(), 2);
    assert_eq!(
        (u[0].name.as_str(), u[0].canonical.as_str(), u[0].role),
        ("市发改委", "市发展改革委", Role::Lead)
    );
    assert_eq!((u[1].name.as_str(), u[1].role), ("市工信局", Role::Co));
}

#[test]
fn goals_and_guiding_sections_give_no_measures() {
    let ms = measures(NUMBERED);
    assert!(ms.iter().all(|m| !m.title.contains("规模目标")));
    assert!(ms.iter().all(|m| !m.text.contains("坚持创新引领")));
}

#[test]
fn a_heading_line_with_body_paragraphs_below_is_one_measure() {
    let text = "三、任务\n(七)推进军民融合\n加快建设示范区。推动技术转移。\n\
                完善协同机制,共建平台。(责任单位:市国防动员办)\n本文地址:/x/1.html\n";
    let ms = measures(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].title, "推进军民融合");
    assert!(ms[0].text.starts_with("(七)推进军民融合\n"));
    assert!(ms[0].text.ends_with("(责任单位:市国防动员办)"));
    check_spans(text, &ms);
}

#[test]
fn boilerplate_after_the_last_measure_stays_out() {
    // Web boilerplate is removed when the page is read, before any parsing.
    let page = "1.打造平台。推动合作。\n2.扩大开放。引进外资。\n\n\
                本文仅代表作者观点,不代表本站立场。\n扫描二维码 关注我们\n";
    let text = &crate::ingest::clean::clean(page);
    let ms = measures(text);
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[1].text, "2.扩大开放。引进外资。");
}

#[test]
fn unnumbered_headings_under_a_task_chapter() {
    let text = "园区介绍\n\n空间布局\n\n一核两翼协同发展,形成整体格局。\n\n东部片区\n\n\
                重点发展装备制造,建设产业基地。\n\n重点任务\n\n围绕以下方面推进工作。\n\n\
                培育创新主体\n\n实施企业梯度培育计划,壮大科技企业。\n\n\
                集聚高端人才\n\n落实人才政策,建设人才公寓。\n\n发展目标\n\n到2025年,建成创新高地。\n\n\
                创新能力提升\n\n研发投入占比达到3%。\n";
    let ms = measures(text);
    let titles: Vec<&str> = ms.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["培育创新主体", "集聚高端人才"]);
    assert_eq!(ms[0].path, ["重点任务", "培育创新主体"]);
    assert_eq!(ms[0].number, None);
    assert!(ms[0].text.starts_with("培育创新主体\n\n实施"));
    check_spans(text, &ms);
}

#[test]
fn action_paragraphs_of_a_document_without_numbers() {
    let text = "某区启动三大行动\n来源:某报\n\n推进行动\n\n区里将推进以下工作,加快发展。\n\n\
                实施企业培育行动。支持企业做大做强。\n\n实施人才引进工程。引进高层次人才。\n\n\
                今年以来,实施改革取得成效。\n";
    let ms = measures(text);
    let titles: Vec<&str> = ms.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["实施企业培育行动", "实施人才引进工程"]);
    assert_eq!(ms[0].path, ["推进行动", "实施企业培育行动"]);
    check_spans(text, &ms);
}

#[test]
fn a_single_action_sentence_is_not_a_measure_list() {
    let ms = measures("新闻标题在此\n\n实施企业培育行动。支持企业做大做强。\n");
    assert!(ms.is_empty());
}

#[test]
fn annotation_on_its_own_line_belongs_to_the_measure() {
    let text = "1.建设平台。搭建公共服务平台。\n（责任单位：市科技局、财政局）\n\
                2.引进人才。落实人才政策。\n责任单位:市人社局\n某市人民政府\n";
    let ms = measures(text);
    assert_eq!(ms.len(), 2);
    assert!(ms[0].text.ends_with("（责任单位：市科技局、财政局）"));
    assert_eq!(ms[0].responsible_units[1].name, "市财政局");
    assert_eq!(ms[1].responsible_units[0].name, "市人社局");
    assert!(!ms[1].text.contains("人民政府"));
    check_spans(text, &ms);
}

#[test]
fn paragraphs_wrapped_over_lines_stay_whole() {
    let text = "三、重点任务\n1.加快建设科技城。围绕先进材料、智能制造等领域,建设一批重大\n\
                创新平台,推动新型研发机构建设。(责任单位:市科技局)\n\
                2.优化服务。完善企业服务体系,建立健全企业诉求快速响应\n机制\n";
    let ms = measures(text);
    assert_eq!(ms.len(), 2);
    assert!(ms[0].text.ends_with("(责任单位:市科技局)"));
    assert!(ms[1].text.ends_with("快速响应\n机制"));
    check_spans(text, &ms);
}

#[test]
fn a_one_sentence_task_is_a_measure_but_a_bare_label_is_not() {
    let text = "二、任务\n(一)产业方向\n1.智能制造\n2.新材料\n(二)工作要求\n\
                1.加强宣传引导,营造良好氛围。\n2.建立工作台账;\n";
    let ms = measures(text);
    let titles: Vec<&str> = ms.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["加强宣传引导,营造良好氛围", "建立工作台账"]);
}

#[test]
fn a_task_with_bare_list_items_is_one_measure() {
    let text = "三、任务\n1.发展智能装备。重点发展以下领域:\n(1)工业机器人;\n(2)数控机床。\n\
                2.建设创新平台。新建一批实验室。\n(1)支持企业建设重点实验室,给予资金补助。\n\
                (2)支持高校建设新型研发机构,给予用地保障。\n";
    let ms = measures(text);
    let paths: Vec<String> = ms.iter().map(|m| m.path.join("/")).collect();
    assert_eq!(paths, ["三/1", "三/2/(1)", "三/2/(2)"]);
    assert!(ms[0].text.ends_with("(2)数控机床。"));
    check_spans(text, &ms);
}

#[test]
fn closing_clause_is_not_part_of_the_last_measure() {
    let text = "二、任务\n(一)强化资金保障。每年安排专项资金。\n本意见自印发之日起施行。\n";
    let ms = measures(text);
    assert_eq!(ms[0].text, "(一)强化资金保障。每年安排专项资金。");
}

#[test]
fn page_numbers_inside_a_task_are_stepped_over() {
    let text = "1.建设平台。搭建公共服务平台。\n\n- 3 -\n\n完善平台运营机制,提升服务能力。(责任单位:市科技局)\n";
    let ms = measures(text);
    assert_eq!(ms.len(), 1);
    assert!(ms[0].text.ends_with("(责任单位:市科技局)"));
    assert_eq!(ms[0].responsible_units.len(), 1);
}

#[test]
fn task_headings_without_a_chapter_heading() {
    let text = "某区数字经济工作要点\n\n壮大数字产业\n\n培育软件企业,建设产业园区。\n\n\
                推动智能改造\n\n支持企业建设智能工厂。\n";
    let titles: Vec<String> = measures(text).into_iter().map(|m| m.title).collect();
    assert_eq!(titles, ["壮大数字产业", "推动智能改造"]);
}

#[test]
fn non_task_titles() {
    assert!(is_non_task_title("发展目标", true));
    assert!(is_non_task_title("指导思想", false));
    assert!(is_non_task_title("区位布局", true));
    assert!(!is_non_task_title("优化产业布局", false));
    assert!(!is_non_task_title("加快建设科技城", true));
    assert!(is_non_task_title("指导思想、基本原则和发展目标", true));
    assert!(!is_non_task_title("确保完成年度工作任务和发展目标", false));
}

#[test]
fn action_chapter_after_goals_and_headed_tasks_are_all_measures() {
    let text = "某新区建设行动方案\n\n发展目标\n\n到2026年,建成创新高地。\n\n实施两大专项行动\n\n\
                实施招商引资攻坚行动。瞄准重点产业链招商。\n\n实施企业上市培育行动。建立后备企业库。\n\n\
                重点任务\n\n完善城市功能\n\n建设一批公共服务设施。\n\n优化政务服务\n\n推行一网通办。\n";
    let ms = measures(text);
    let paths: Vec<Vec<String>> = ms.iter().map(|m| m.path.clone()).collect();
    assert_eq!(
        paths,
        [
            vec!["实施两大专项行动", "实施招商引资攻坚行动"],
            vec!["实施两大专项行动", "实施企业上市培育行动"],
            vec!["重点任务", "完善城市功能"],
            vec!["重点任务", "优化政务服务"],
        ]
    );
    check_spans(text, &ms);
}

#[test]
fn purpose_and_closing_articles_are_not_measures() {
    let text = "某区科技企业扶持办法\n\n第一条 为扶持科技企业发展,结合本区实际,制定本办法。\n\n\
                第二条 支持企业研发。对研发投入大的企业给予补助。(责任单位:区科技局)\n\n\
                第三条 支持企业上市。对上市企业给予奖励。(责任单位:区金融办)\n\n\
                第四条 本办法自2024年1月1日起施行。\n";
    let ms = measures(text);
    let numbers: Vec<Option<&str>> = ms.iter().map(|m| m.number.as_deref()).collect();
    assert_eq!(numbers, [Some("第二条"), Some("第三条")]);
    check_spans(text, &ms);
}

#[test]
fn a_closing_chapter_of_an_annotated_document_is_no_measure() {
    let text = "某部门关于支持试验区的若干措施\n一、扩大开放\n\
        (一)放宽外资准入限制。(负责部门:商务部)\n(二)简化审批流程。(负责部门:发展改革委)\n\
        二、优化服务\n(三)推行告知承诺制。(负责部门:司法部)\n(四)建设单一窗口。(负责部门:海关总署)\n\
        (五)开展试点工作。(负责部门:财政部)\n\
        三、做好组织实施\n各地区要高度重视,抓好落实,重大问题及时报告。\n";
    let numbers: Vec<Option<String>> = measures(text).into_iter().map(|m| m.number).collect();
    assert_eq!(numbers.len(), 5, "{numbers:?}");
    assert!(
        numbers
            .iter()
            .all(|n| n.as_deref().is_some_and(|n| n.starts_with('(')))
    );
}

#[test]
fn a_safeguards_chapter_over_a_plain_paragraph_is_no_measure_beside_three_annotated_tasks() {
    let text = "某区三年行动方案\n一、重点任务\n\
        (一)建设算力中心。(区工信局负责)\n(二)培育数据企业。(区大数据中心负责)\n\
        (三)开放应用场景。(区科技局牵头,区财政局配合)\n\
        二、保障措施\n建立工作专班,统筹推进各项任务。\n";
    let numbers: Vec<Option<String>> = measures(text).into_iter().map(|m| m.number).collect();
    assert_eq!(
        numbers,
        [
            Some("(一)".into()),
            Some("(二)".into()),
            Some("(三)".into())
        ]
    );
}

#[test]
fn the_unannotated_items_of_a_chapter_of_safeguards_are_no_measures() {
    let text = "某市行动方案\n一、重点任务\n\
        (一)建设算力中心。(市工信局负责)\n(二)培育数据企业。(市大数据局负责)\n\
        (三)开放应用场景。(市科技局牵头,市财政局配合)\n(四)完善标准体系。\n\
        二、保障措施\n(一)加强组织领导。成立领导小组。\n(二)加大资金支持。安排专项资金。\n";
    let titles: Vec<String> = measures(text).into_iter().map(|m| m.title).collect();
    // An unannotated item among annotated tasks stays a task.
    assert_eq!(
        titles,
        [
            "建设算力中心",
            "培育数据企业",
            "开放应用场景",
            "完善标准体系"
        ]
    );
}

#[test]
fn an_unannotated_chapter_of_tasks_keeps_its_items() {
    let text = "某市行动方案\n一、建设平台\n\
        (一)建设算力中心。(市工信局负责)\n(二)培育数据企业。(市大数据局负责)\n\
        (三)开放应用场景。(市科技局牵头,市财政局配合)\n\
        二、扩大开放\n(一)举办推介活动。\n(二)引进外资项目。\n";
    assert_eq!(measures(text).len(), 5);
}

#[test]
fn an_annotated_paragraph_without_a_number_is_a_measure() {
    let text = "某县推进园区建设的实施方案\n一、重点任务\n\
        加快标准厂房建设,完善园区配套设施。(责任单位:县工信局、县住建局)\n\
        强化要素保障,优先安排园区用地指标。\n责任单位:县自然资源局\n";
    let ms = measures(text);
    let got: Vec<(Option<&str>, &str, usize)> = ms
        .iter()
        .map(|m| {
            (
                m.number.as_deref(),
                m.title.as_str(),
                m.responsible_units.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (None, "加快标准厂房建设,完善园区配套设施", 2),
            (None, "强化要素保障,优先安排园区用地指标", 1)
        ]
    );
}

#[test]
fn rows_of_a_task_table_are_measures_with_their_units() {
    let text = "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n\
                1\t建设中试基地。年内投用。\t市科技局\t财政局、市工信局\n\
                2\t培育链主企业\t各区、县级市政府\t\n";
    let m = measures(text);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[0].number.as_deref(), Some("1"));
    assert_eq!(m[0].title, "建设中试基地");
    let units: Vec<(&str, &str)> = m[0]
        .responsible_units
        .iter()
        .map(|u| (u.name.as_str(), u.role.as_str()))
        .collect();
    assert_eq!(
        units,
        [("市科技局", "lead"), ("市财政局", "co"), ("市工信局", "co")]
    );
    let names: Vec<&str> = m[1]
        .responsible_units
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(names, ["各区政府", "各县级市政府"]);
}

#[test]
fn an_account_of_work_done_holds_no_tasks() {
    let text = "某区2025年工作要点\n一、2024年重点工作完成情况\n\
        (一)产业项目顺利推进。全年完成投资40亿元。\n(二)营商环境持续优化。\n\
        二、2025年重点任务\n(一)加快项目建设。(区发展改革局负责)\n\
        (二)优化营商环境。(区营商局负责)\n";
    let found = measures(text);
    assert_eq!(
        found.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(),
        ["加快项目建设", "优化营商环境"]
    );
}

#[test]
fn an_unannotated_article_on_the_document_itself_is_no_measure() {
    let text = "某市扶持办法\n第一条 本办法适用于园区内的工业企业。\n\
        第二条 支持项目落地。按设备购置额的10%给予补助。(责任单位:市工信局)\n\
        第三条 鼓励技术改造。按投资额的8%给予奖励。(责任单位:市工信局)\n\
        第四条 支持厂房建设。按每平方米100元给予补助。(责任单位:市住建局)\n\
        第五条 同时符合本办法和其他政策的,按从优原则支持。\n";
    let titles: Vec<String> = measures(text).into_iter().map(|m| m.title).collect();
    assert_eq!(titles, ["支持项目落地", "鼓励技术改造", "支持厂房建设"]);
}
