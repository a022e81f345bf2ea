//! What the lists read around a figure are for, on snippets written for these tests: each
//! list is prepared the way the target extraction prepares it and asked about a sentence.

use super::clauses::*;
use super::conditions::*;
use super::documents::*;
use super::goals::*;
use super::quantities::*;
use super::sections::*;
use super::time::*;
use crate::model::Comparator;
use crate::parse::scan::{Keywords, longest_prefix, longest_suffix};

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The first word of `list` lying in `s`.
fn first_in(list: &[&'static str], s: &str) -> Option<&'static str> {
    let c = chars(s);
    Keywords::new(list).find(&c, 0, c.len()).map(|(_, w)| w)
}

#[test]
fn goal_words_make_a_figure_a_goal_and_current_words_the_present() {
    assert_eq!(first_in(GOAL_WORDS, "营业收入年均增长10%"), Some("增长"));
    assert_eq!(first_in(GOAL_WORDS, "现有企业100家"), None);
    assert_eq!(
        first_in(NOW_WORDS, "现有企业100家,到2025年达到200家"),
        Some("现有")
    );
    assert_eq!(
        first_in(CURRENT_WORDS, "区内聚集了企业300家"),
        Some("聚集了")
    );
    assert_eq!(first_in(CURRENT_WORDS, "新建企业30家"), None);
    // A planning word makes every figure of its sentence a goal, so it is a goal word too.
    for w in PLAN_WORDS {
        assert!(GOAL_WORDS.contains(w), "{w}");
    }
    // Holding a thing describes the present, with or without a goal word nearby.
    for w in HOLDING_VERBS {
        assert!(CURRENT_WORDS.contains(w), "{w}");
    }
    assert_eq!(first_in(REVIEW_WORDS, "“十四五”时期发展成就"), Some("成就"));
}

#[test]
fn current_verbs_are_the_goal_verbs_that_plan_nothing() {
    // `拥有企业100家` introduces a counted object like `建设`, but states what is there.
    for w in CURRENT_VERBS {
        assert!(GOAL_VERBS.contains(w), "{w}");
    }
    assert!(!CURRENT_VERBS.contains(&"建设"));
}

#[test]
fn goal_verbs_introduce_the_counted_object_longest_first() {
    let c = chars("新认定高新技术企业50家,建设中试基地1个");
    let verbs = Keywords::new(GOAL_VERBS);
    assert_eq!(verbs.at(&c, 0), Some("新认定"));
    assert_eq!(verbs.at(&c, 1), Some("认定"));
    assert_eq!(verbs.at(&c, 13), Some("建设"));
    assert_eq!(verbs.at(&c, 3), None);
}

#[test]
fn clause_words_mark_where_an_indicator_starts_and_ends() {
    let c = chars("力争全区规上工业企业数量达到500家");
    assert_eq!(longest_prefix(&c, 0, LEADING), Some("力争"));
    assert_eq!(longest_prefix(&c, 2, AREA_WORDS), Some("全区"));
    assert_eq!(longest_prefix(&c, 10, PREDICATE_OPENERS), Some("数量"));
    let c = chars("营业总收入将突破");
    assert_eq!(longest_prefix(&c, 5, MODALS), Some("将"));
    // A growth figure takes its subject from the figure before it.
    let c = chars("年均增长15%");
    assert_eq!(longest_prefix(&c, 0, BORROWS_SUBJECT), Some("年均增长"));
    assert_eq!(
        longest_prefix(&chars("以上企业"), 0, NOT_NOUNS),
        Some("以上")
    );
    assert_eq!(
        longest_prefix(&chars("每年安排资金"), 2, FUNDING_VERBS),
        Some("安排")
    );
    assert_eq!(first_in(JOINS, "高新技术企业和科技型中小企业"), Some("和"));
    assert_eq!(first_in(LAND_WORKS, "新增开发面积5平方公里"), Some("新增"));
    assert_eq!(first_in(LAND_WORKS, "规划面积50平方公里"), None);
}

#[test]
fn condition_words_show_a_rule_not_a_goal() {
    assert_eq!(first_in(POLICY_WORDS, "给予最高50万元补贴"), Some("给予"));
    assert_eq!(first_in(PER_ITEM_WORDS, "每家企业最多3个"), Some("每家"));
    // Every per-item word is a policy word: a per-item count is a policy parameter.
    for w in PER_ITEM_WORDS {
        assert!(POLICY_WORDS.contains(w), "{w}");
    }
    assert_eq!(first_in(SPEC_WORDS, "时速400公里"), Some("时速"));
    assert_eq!(first_in(RATE_BASES, "研发投入的20%"), Some("研发投入"));
    assert_eq!(first_in(RULE_TERMS, "考核权重不低于5%"), Some("权重"));
    assert_eq!(first_in(AWARD_WORDS, "30万元奖励"), Some("奖励"));
    assert_eq!(first_in(RANK_VERBS, "进入全国高新区20强"), Some("进入"));
    assert_eq!(first_in(PREPOSITIONS, "围绕5个重点领域"), Some("围绕"));
    assert_eq!(
        first_in(DESCRIBING_VERBS, "提出了12项具体举措"),
        Some("提出")
    );
    assert_eq!(first_in(DOCUMENT_PARTS, "提出了12项具体举措"), Some("举措"));
    assert_eq!(
        longest_prefix(&chars("产业集群5个"), 0, CLASS_NOUNS),
        Some("产业集群")
    );
    assert_eq!(first_in(POLICY_WORDS, "高新技术企业达到500家"), None);
}

#[test]
fn year_words_tell_a_deadline_from_a_date_and_a_base_year() {
    let c = chars("力争到2025年底前");
    assert_eq!(longest_suffix(&c, 3, DEADLINE_BEFORE), Some("力争到"));
    assert_eq!(longest_prefix(&c, 7, YEAR_TAILS), Some("年底前"));
    let c = chars("截至2020年底");
    assert_eq!(longest_suffix(&c, 2, ASOF_BEFORE), Some("截至"));
    let c = chars("比2020年增长");
    assert_eq!(longest_suffix(&c, 1, BASELINE_BEFORE), Some("比"));
    // No word is both a deadline and a base: each year gets one reading.
    for w in DEADLINE_BEFORE {
        assert!(
            !BASELINE_BEFORE.contains(w) && !ASOF_BEFORE.contains(w),
            "{w}"
        );
    }
}

#[test]
fn section_words_name_chapters_reviews_and_tasks() {
    assert!(CHAPTER_ENDINGS.iter().any(|w| "主要任务".ends_with(w)));
    assert!(!CHAPTER_ENDINGS.iter().any(|w| "某某产业园".ends_with(w)));
    assert_eq!(first_in(REVIEW_TITLES, "一、发展基础"), Some("发展基础"));
    assert_eq!(first_in(GOAL_TITLES, "二、发展目标"), Some("目标"));
    assert_eq!(first_in(OTHER_SECTION_TITLES, "三、重点任务"), Some("任务"));
    assert_eq!(
        longest_prefix(&chars("优化人才发展环境"), 0, TASK_VERBS),
        Some("优化")
    );
    assert!(NON_TASK_ENDINGS.iter().any(|w| "指导思想".ends_with(w)));
    assert!(NON_TASK_TOP_ENDINGS.iter().any(|w| "区位布局".ends_with(w)));
    // A goals heading never reads as another kind of section.
    for w in GOAL_TITLES {
        assert!(!OTHER_SECTION_TITLES.contains(w), "{w}");
    }
}

#[test]
fn document_words_name_kinds_heads_and_closes() {
    assert!(
        TITLE_KINDS
            .iter()
            .any(|k| "某区产业发展实施方案".ends_with(k))
    );
    assert!(
        OWN_DOCUMENT_KINDS
            .iter()
            .any(|k| "意见自印发之日起施行".starts_with(k))
    );
    assert!(
        PURPOSE_WORDS
            .iter()
            .any(|w| "为加快发展,特制定本政策。".contains(w))
    );
    assert!(
        DOC_KIND_WORDS
            .iter()
            .any(|w| "《关于推进某事的意见》".ends_with(w))
    );
    assert!(
        DATE_LABELS
            .iter()
            .any(|l| "发布日期:2021-06-15".contains(l))
    );
    assert!(ISSUER_ENDINGS.iter().any(|e| "沈阳市人民政府".ends_with(e)));
    assert!(!ISSUER_ENDINGS.iter().any(|e| "高新技术企业".ends_with(e)));
}

#[test]
fn units_and_comparators_bound_a_figure() {
    let c = chars("不少于120亿元/平方公里以上");
    let units = Keywords::new(UNITS);
    assert_eq!(units.at(&c, 6), Some("亿元/平方公里"));
    assert_eq!(units.at(&c, 7), Some("元"));
    let before: Vec<&'static str> = BEFORE.iter().map(|(w, _)| *w).collect();
    assert_eq!(Keywords::new(&before).ending_at(&c, 3), Some("不少于"));
    let lookup = |table: &[(&str, Comparator)], w: &str| {
        table.iter().find(|(x, _)| *x == w).map(|&(_, k)| k)
    };
    assert_eq!(lookup(BEFORE, "不少于"), Some(Comparator::Ge));
    assert_eq!(lookup(BEFORE, "不超过"), Some(Comparator::Le));
    assert_eq!(lookup(AFTER, "以上"), Some(Comparator::Ge));
    // A unit char followed by one of its blocked chars heads another word (`项目`).
    let (unit, after) = BLOCKED
        .iter()
        .find(|(u, _)| *u == "项")
        .expect("项 is blocked");
    assert_eq!(*unit, "项");
    assert!(after.contains('目'));
}
