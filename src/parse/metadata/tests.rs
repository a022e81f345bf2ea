//! Metadata conventions on snippets written for these tests.

use super::period::year_range;
use super::*;
use crate::parse::outline::headings;

fn meta(text: &str) -> Metadata {
    let t = NormText::new(text);
    let first = headings(&t).first().map(|h| h.line);
    extract(&t, first)
}

fn period(start: i32, end: i32) -> Option<Period> {
    Some(Period { start, end })
}

#[test]
fn official_notice_head() {
    let m = meta(
        "甲政办发〔2019〕45号\n《甲市人民政府办公厅关于印发甲市数字经济发展规划(2019—2021年)的通知》\n\
         各区县人民政府:\n现将规划印发给你们,请认真贯彻执行。\n甲市人民政府办公厅\n2019年4月3日\n\
         一、发展目标\n到2021年,数字经济规模明显扩大。\n",
    );
    assert_eq!(
        m.title,
        "甲市人民政府办公厅关于印发甲市数字经济发展规划(2019—2021年)的通知"
    );
    assert_eq!(m.issuer.as_deref(), Some("甲市人民政府办公厅"));
    assert_eq!(m.doc_number.as_deref(), Some("甲政办发〔2019〕45号"));
    assert_eq!(m.date.as_deref(), Some("2019-04-03"));
    assert_eq!(m.year, Some(2019));
    assert_eq!(m.period, period(2019, 2021));
    assert_eq!(m.kind, DocKind::Plan);
}

#[test]
fn doc_number_variants_and_leading_number_on_title_line() {
    let m = meta("乙府发[2020]7号《乙市关于推进改革的实施意见》\n正文内容在这里说明。\n");
    assert_eq!(m.doc_number.as_deref(), Some("乙府发[2020]7号"));
    assert_eq!(m.title, "乙市关于推进改革的实施意见");
    assert_eq!(m.kind, DocKind::Opinion);
    let m = meta("丙办发(2021)12号\n关于做好招商工作的通知\n正文内容在这里说明。\n");
    assert_eq!(m.doc_number.as_deref(), Some("丙办发(2021)12号"));
    assert_eq!(m.kind, DocKind::Notice);
}

#[test]
fn cited_document_numbers_are_not_the_documents_own() {
    let m = meta(
        "关于促进园区发展的意见\n根据《国务院关于某事的通知》(国发〔2016〕8号)精神,提出如下意见。\n",
    );
    assert_eq!(m.doc_number, None);
}

#[test]
fn news_article_head() {
    let m = meta(
        "导航\n某开发区:打造创新高地\n来源:某某日报 | 2020-09-08 10:11:12\n\
         记者从开发区获悉,园区将加快发展。\n",
    );
    assert_eq!(m.title, "某开发区:打造创新高地");
    assert_eq!(m.kind, DocKind::News);
    assert_eq!(m.issuer.as_deref(), Some("某某日报"));
    assert_eq!(m.date.as_deref(), Some("2020-09-08"));
}

#[test]
fn a_source_label_after_the_date_names_the_paper() {
    let m = meta(
        "某区发布行动方案\n2023-03-02 10:15  来源:某城日报  作者:张三\n\n\
         本报讯 某区正式发布方案。\n",
    );
    assert_eq!(m.kind, DocKind::News);
    assert_eq!(m.issuer.as_deref(), Some("某城日报"));
    assert_eq!(m.date.as_deref(), Some("2023-03-02"));
    assert_eq!(meta("某区方案\n资金来源:财政拨款。\n").issuer, None);
}

#[test]
fn a_line_naming_a_kind_of_document_beats_the_site_name() {
    let m = meta(
        "某某市人民政府门户网站\n某区产业发展三年行动计划(征求意见稿)\n为加快发展,制定本计划。\n",
    );
    assert_eq!(m.title, "某区产业发展三年行动计划(征求意见稿)");
    assert_eq!(m.kind, DocKind::ImplementationPlan);
}

#[test]
fn labelled_publication_dates() {
    let m = meta("某区发布新政策要点\n\n发布时间:2021-06-15\n\n区里出台政策,支持企业发展。\n");
    assert_eq!(m.date.as_deref(), Some("2021-06-15"));
    let m = meta("某区发布新政策要点\n发布日期:2016/7/9 8:00:01\n区里出台政策。\n");
    assert_eq!(m.date.as_deref(), Some("2016-07-09"));
}

#[test]
fn chinese_numeral_signature_date() {
    let m = meta("关于加快发展的意见\n正文内容。\n某市人民政府\n二〇二〇年十二月三十日\n");
    assert_eq!(m.date.as_deref(), Some("2020-12-30"));
    assert_eq!(m.issuer.as_deref(), Some("某市人民政府"));
}

#[test]
fn a_report_is_dated_by_the_line_saying_when_it_was_delivered() {
    let m = meta("政府工作报告\n(2025年1月10日在某市第十届人民代表大会第四次会议上)\n各位代表:\n");
    assert_eq!(m.date.as_deref(), Some("2025-01-10"));
    let m = meta("在全区经济工作会议上的讲话\n——2024年12月28日在区委经济工作会议上\n同志们:\n");
    assert_eq!(m.date.as_deref(), Some("2024-12-28"));
}

#[test]
fn five_year_plan_names_give_the_period() {
    let m = meta("某园区“十四五”发展规划\n正文内容。\n");
    assert_eq!(m.period, period(2021, 2025));
    let m = meta("某市十三五科技创新规划\n正文内容。\n");
    assert_eq!(m.period, period(2016, 2020));
}

#[test]
fn a_plan_of_work_for_one_year_has_that_year_as_its_period() {
    let m = meta("某高新区2025年工作要点\n一、主要目标\n正文内容。\n");
    assert_eq!(m.period, period(2025, 2025));
    let m = meta("某县2024年度招商引资目标任务\n正文内容。\n");
    assert_eq!(m.period, period(2024, 2024));
    // An account of a year plans nothing; a plan named after a goal year has no period.
    let m = meta("某开发区2023年工作总结\n正文内容。\n");
    assert_eq!(m.period, None);
    let m = meta("某市到2030年产业发展规划\n正文内容。\n");
    assert_eq!(m.period, None);
}

#[test]
fn a_goal_year_alone_gives_no_period() {
    let m = meta(
        "各有关单位:\n为加快发展,提出如下意见。\n一、目标\n到2024年,产值翻番。\n\
         某市人民政府\n2022年5月6日\n",
    );
    assert_eq!(m.period, None);
    assert_eq!(m.kind, DocKind::Opinion);
    assert_eq!(m.title, "");
}

#[test]
fn a_document_without_title_line_is_named_by_its_purpose() {
    let m = meta(
        "各区、县(市)人民政府:\n为推动甲市高新技术产业开发区（以下简称甲高新区）高质量发展,\
         提出如下意见。\n一、重点任务\n(一)建设平台。搭建平台。\n",
    );
    assert_eq!(m.title, "推动甲市高新技术产业开发区高质量发展");
}

#[test]
fn year_range_writings() {
    assert_eq!(year_range("方案(2018-2020年)"), period(2018, 2020));
    assert_eq!(year_range("方案(2018—2020年)"), period(2018, 2020));
    assert_eq!(year_range("2018年-2020年行动"), period(2018, 2020));
    assert_eq!(year_range("2019至2022年"), period(2019, 2022));
    assert_eq!(year_range("5月28-30日"), None);
    assert_eq!(year_range("1200-2000年前"), None);
}

#[test]
fn city_from_title_issuer_or_text() {
    assert_eq!(meta("大连市关于某事的通知\n正文。\n").city, Some("大连"));
    let m = meta("各单位:\n正文提到重庆两次,重庆很好,北京一次。\n");
    assert_eq!(m.city, Some("重庆"));
}

#[test]
fn a_government_number_without_a_document_kind_is_a_doc_number() {
    let m =
        meta("关于加快甲区发展的若干意见\n甲政〔2018〕75号\n一、总体要求\n正文内容在这里说明。\n");
    assert_eq!(m.doc_number.as_deref(), Some("甲政〔2018〕75号"));
    let m = meta("关于乙事的通知\n乙府〔2020〕3号\n一、总体要求\n正文内容在这里说明。\n");
    assert_eq!(m.doc_number.as_deref(), Some("乙府〔2020〕3号"));
}

#[test]
fn an_undated_work_list_is_of_the_year_its_title_names() {
    let m = meta("乙开发区2026年重点工作任务清单\n一、项目建设\n1.推进厂房建设。\n");
    assert_eq!(m.date, None);
    assert_eq!(m.year, Some(2026));
    // A horizon or a period in the title is no year of writing.
    assert_eq!(meta("关于到2030年建成丙园区的意见\n正文。\n").year, None);
    assert_eq!(meta("丁区发展规划(2021-2025年)\n正文。\n").year, None);
}

#[test]
fn an_account_of_one_years_results_names_that_year() {
    assert_eq!(accounted_year("某开发区2024年工作总结"), Some(2024));
    assert_eq!(
        accounted_year("某市2023年国民经济和社会发展统计公报"),
        Some(2023)
    );
    assert_eq!(
        accounted_year("关于某区2024年计划执行情况的报告"),
        Some(2024)
    );
    // A plan of work, and a work report that also sets next year's goals.
    assert_eq!(accounted_year("某开发区2025年工作要点"), None);
    assert_eq!(accounted_year("2025年政府工作报告"), None);
    assert_eq!(accounted_year("某区工作总结"), None);
}

#[test]
fn a_formal_five_year_plan_title_gives_its_period() {
    let m = meta(
        "某市国民经济和社会发展第十五个五年规划纲要\n一、发展基础\n“十四五”期间,经济总量稳步增长。\n",
    );
    assert_eq!(m.period, period(2026, 2030));
}
