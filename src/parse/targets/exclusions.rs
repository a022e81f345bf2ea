//! Figures with a unit that are not goals: technical specifications (`时速400公里`,
//! `300公斤级`), policy parameters (`15%:25%:60%`, subsidies per firm, `不低于70%的比例`
//! shares of income), formulas and category counts (`5+4+7+N`, `两个主要产业集聚区`),
//! names (`“四个中心”`, `5%“黄金股”`), rankings that are names (`世界500强企业`).

use std::sync::LazyLock;

use super::indicators::VERBS;
use super::mentions::{Mention, counts_things, is_physical};
use crate::parse::lexicon::conditions::{
    AWARD_WORDS, CLASS_NOUNS, CLASS_PLACES, DESCRIBING_VERBS, DOCUMENT_PARTS, PER_ITEM_WORDS,
    POLICY_WORDS, PREPOSITIONS, QUOTA_WORDS, RANK_VERBS, RATE_BASES, RULE_TERMS, SPEC_WORDS,
};
use crate::parse::numbers::digit_value;
use crate::parse::scan::{
    Keywords, contains_any, is_cjk, is_space, longest_suffix, starts_with_at,
};

static SPECS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(SPEC_WORDS));
static AWARDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(AWARD_WORDS));
static RATE_BASE_WORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(RATE_BASES));
static RULE_TERM_WORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(RULE_TERMS));
static DESCRIBING: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(DESCRIBING_VERBS));
static PARTS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(DOCUMENT_PARTS));

/// `按研发投入的20%`, `不低于最低价标准的70%`: a percentage of an amount a policy applies
/// a rate to. A share of a total (`占全市的30%`, `企业总量的50%`) is not one.
fn rate_of_a_base(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    let of = m.start.checked_sub(1).filter(|&i| chars[i] == '的');
    let Some(of) = of.filter(|_| m.unit == "%" && m.before.is_none()) else {
        return false;
    };
    let share = contains_any(chars, clause_start, m.start, &["占", "比重"]);
    let by_rate = (clause_start..of).any(|i| chars[i] == '按');
    !share && (by_rate || RATE_BASE_WORDS.ending_at(chars, of).is_some())
}

/// The figure sets a weight, rate or coefficient of a rule (`考核权重不低于5%`,
/// `考核分值占比不低于10%`).
fn rule_term(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    RULE_TERM_WORDS.any_in(chars, clause_start, m.prefix_end())
}

/// `30万元奖励资金`: the award word names a fund, whose size is a goal.
fn funds_follow(chars: &[char], pos: usize) -> bool {
    let word = AWARDS.at(chars, pos).map_or(0, |w| w.chars().count());
    ["资金", "基金", "经费", "专项"]
        .iter()
        .any(|f| starts_with_at(chars, pos + word, f))
}

/// `提出了12项具体举措`, `共分三个部分`, `将22项举措细化为68条任务`: the document counting
/// its own contents (the verb may follow the figure it counts).
fn describes_document(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    let end = (m.end..chars.len())
        .find(|&i| super::indicators::is_clause_stop(chars, i))
        .unwrap_or(chars.len());
    DESCRIBING.any_in(chars, clause_start, end) && PARTS.any_in(chars, clause_start, end)
}
static POLICIES: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(POLICY_WORDS));
static PER_ITEMS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(PER_ITEM_WORDS));

/// Why a figure is not a goal, when it is not.
pub fn excluded(chars: &[char], m: &Mention, clause_start: usize) -> Option<&'static str> {
    let before = m.start.checked_sub(1).map(|i| chars[i]);
    let after_unit = chars.get(m.unit_end).copied();
    let after_all = chars.get(m.end).copied();
    if matches!(before, Some('+') | Some('＋') | Some('×'))
        || matches!(after_unit, Some('+') | Some('＋'))
        || ratio_neighbour(chars, m)
    {
        return Some("formula-or-ratio");
    }
    if quoted(chars, m, clause_start) {
        return Some("name-in-quotes");
    }
    if matches!(after_unit, Some('级') | Some('型'))
        || matches!(after_all, Some('级') | Some('型'))
        || SPECS.any_in(chars, clause_start, m.start)
    {
        return Some("technical-spec");
    }
    let modifier = chars.get(m.end).is_some_and(|&c| is_cjk(c));
    let introduced = m.before.is_some() || VERBS.any_in(chars, clause_start, m.start);
    if is_physical(m.unit) && (modifier || !introduced) {
        return Some("technical-spec");
    }
    if m.unit == "强" && !ranking(chars, m, clause_start) {
        return Some("ranking-in-name");
    }
    if starts_with_at(chars, m.end, "的比例")
        || starts_with_at(chars, m.end, "比例")
        || (POLICIES.any_in(chars, clause_start, m.start)
            && (!counts_things(m.unit) || PER_ITEMS.any_in(chars, clause_start, m.start)))
        || starts_with_at(chars, clause_start, "按")
        || rate_of_a_base(chars, m, clause_start)
        || rule_term(chars, m, clause_start)
        || AWARDS
            .at(chars, m.end)
            .is_some_and(|_| !funds_follow(chars, m.end))
    {
        return Some("policy-parameter");
    }
    if describes_document(chars, m, clause_start) {
        return Some("document-contents");
    }
    if names_listed_items(chars, m, clause_start) {
        return Some("category-count");
    }
    if permission_bound(chars, m, clause_start) || quota(chars, m, clause_start) {
        return Some("policy-parameter");
    }
    if m.before.is_none() && longest_suffix(chars, m.start, PREPOSITIONS).is_some() {
        return Some("category-count");
    }
    if class_descriptor(chars, m) {
        return Some("class-threshold");
    }
    // `面积超过2万平方米的,给予补助`: a clause closed by `的` states when a rule applies.
    if chars.get(m.end) == Some(&'的')
        && chars
            .get(m.end + 1)
            .is_some_and(|&c| matches!(c, ',' | '，' | ';' | '；'))
    {
        return Some("condition-of-rule");
    }
    if m.chinese && !m.fraction && !chinese_count_is_goal(chars, m) {
        return Some("category-count");
    }
    None
}

/// `超百亿元企业5家`, `投资额10亿元以上项目20个`, `排名前3位的单位`: the figure
/// describes the class of things another figure (or a rule) is about.
fn class_descriptor(chars: &[char], m: &Mention) -> bool {
    let mut pos = m.end;
    if chars.get(pos) == Some(&'的') {
        pos += 1;
    }
    let money = crate::catalog::unit_family(m.unit) == Some("money");
    let of = chars.get(m.end) == Some(&'的');
    let rank = matches!(m.unit, "位" | "名" | "强") && of;
    // `研发投入增长超过20%的规模以上企业`: a threshold that picks the firms a rule is for.
    let qualified = ["规模以上", "规上"]
        .iter()
        .find(|q| starts_with_at(chars, pos, q))
        .map_or(pos, |q| pos + q.chars().count());
    let class_noun = CLASS_NOUNS
        .iter()
        .any(|w| starts_with_at(chars, qualified, w));
    // `投资额10亿元以上的制造业项目`: after `的`, a short noun phrase ending in a class noun
    // (the head of `的`'s phrase is what the threshold picks).
    let class_after_of = of
        && (qualified..(qualified + 8).min(chars.len()))
            .take_while(|&i| !super::indicators::is_clause_stop(chars, i))
            .any(|i| CLASS_NOUNS.iter().any(|w| starts_with_at(chars, i, w)));
    // `千万元以上技改项目3000个`: a bounded amount before a short noun phrase ending in a
    // class noun.
    let bounded_before_class = money
        && m.after.is_some()
        && (qualified..(qualified + 6).min(chars.len()))
            .take_while(|&i| !super::indicators::is_clause_stop(chars, i))
            .any(|i| CLASS_NOUNS.iter().any(|w| starts_with_at(chars, i, w)));
    // `营业收入超千亿元的开发区`, `利用率达到90%以上的园区`: an amount or a share bounded
    // by a comparator picking out places (`设立120亿元的高新区发展基金` names a fund).
    let place_after_of = of
        && !counts_things(m.unit)
        && (m.before.is_some() || m.after.is_some())
        && (qualified..(qualified + 6).min(chars.len()))
            .take_while(|&i| !super::indicators::is_clause_stop(chars, i))
            .any(|i| CLASS_PLACES.iter().any(|w| starts_with_at(chars, i, w)));
    rank || (money && class_noun)
        || (of && class_noun)
        || class_after_of
        || bounded_before_class
        || place_after_of
}

/// `15%:25%:60%`: a ratio, not three figures.
fn ratio_neighbour(chars: &[char], m: &Mention) -> bool {
    let colon = |c: Option<&char>| matches!(c, Some(':') | Some('：') | Some('∶'));
    let after_digit = chars
        .get(m.unit_end + 1)
        .copied()
        .and_then(digit_value)
        .is_some();
    let before_digit = m.start >= 2
        && (digit_value(chars[m.start - 2]).is_some() || matches!(chars[m.start - 2], '%' | '％'));
    (colon(chars.get(m.unit_end)) && after_digit)
        || (m.start >= 1 && colon(chars.get(m.start - 1)) && before_digit)
}

/// Inside a short quotation (`“四个中心、一个聚集区”`) or glued to one (`5%“黄金股”`). A
/// count a goal verb introduces is not part of the name it is glued to (`设立50个“某某学者”
/// 岗位`, `培养100名“创业能手”`).
fn quoted(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    if chars.get(m.unit_end) == Some(&'“') {
        let counted_goal = counts_things(m.unit)
            && (m.before.is_some() || VERBS.any_in(chars, clause_start, m.start));
        return !counted_goal;
    }
    // A figure closing a quotation is part of a name only when the quotation is short
    // and states nothing (`“双百”计划` against `“…人才贡献率达到40%”的目标`).
    if chars.get(m.unit_end) == Some(&'”') {
        let open = (m.start.saturating_sub(40)..m.start)
            .rev()
            .find(|&i| matches!(chars[i], '“' | '”'))
            .filter(|&i| chars[i] == '“');
        // No `“` near: a long quotation, which states rather than names.
        return open.is_some_and(|o| {
            m.start - o <= 12
                && m.before.is_none()
                && !(o..m.start).any(|i| super::indicators::is_clause_stop(chars, i))
        });
    }
    let open = (m.start.saturating_sub(15)..m.start)
        .rev()
        .take_while(|&i| chars[i] != '”')
        .any(|i| chars[i] == '“');
    let close = (m.end..(m.end + 15).min(chars.len()))
        .take_while(|&i| chars[i] != '“')
        .any(|i| chars[i] == '”');
    // A quotation holding a comparator or a clause stop states goals: it names nothing.
    let states = || {
        m.before.is_some()
            || (m.start.saturating_sub(15)..(m.end + 15).min(chars.len()))
                .any(|i| super::indicators::is_clause_stop(chars, i) && inside_quotes(chars, i))
    };
    open && close && !states()
}

/// Whether position `i` lies between a `“` and its `”`.
fn inside_quotes(chars: &[char], i: usize) -> bool {
    let open = (i.saturating_sub(40)..i)
        .rev()
        .find(|&k| matches!(chars[k], '“' | '”'))
        .is_some_and(|k| chars[k] == '“');
    let close = (i..(i + 40).min(chars.len()))
        .find(|&k| matches!(chars[k], '“' | '”'))
        .is_some_and(|k| chars[k] == '”');
    open && close
}

/// `抓好“规划、规范、提升”3个环节`, `聚焦芯片、软件等2个领域`: a count right after a list
/// that equals the number of items listed counts the list, not a goal (`甲、乙等10余所
/// 高校` counts more than it names, and stays).
fn names_listed_items(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    let end = m.start;
    if m.before.is_some()
        || !matches!(end.checked_sub(1).map(|i| chars[i]), Some('”' | '等'))
        || !counts_things(m.unit)
    {
        return false;
    }
    let list_start = (clause_start..end - 1)
        .rev()
        .find(|&i| chars[i] == '“')
        .unwrap_or(clause_start);
    let items = 1 + (list_start..end).filter(|&i| chars[i] == '、').count();
    items >= 2 && (m.value - items as f64).abs() < f64::EPSILON
}

/// `允许不超过五分之一的股东`, `可放宽至不低于…`: a bound a rule permits or sets, not a
/// result to reach.
fn permission_bound(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    use crate::model::Comparator::{Le, Lt};
    let bound = m.before.is_some_and(|b| matches!(b.2, Le | Lt));
    bound
        && contains_any(
            chars,
            clause_start,
            m.start,
            &["允许", "可以", "准予", "不得", "须", "应当"],
        )
}

/// `每年遴选领军人才不超过50名`, `名额控制在10名以内`: a cap on how many are chosen.
fn quota(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    use crate::model::Comparator::{Le, Lt};
    let capped = matches!(m.comparator(), Le | Lt);
    capped && contains_any(chars, clause_start, m.start, QUOTA_WORDS)
}

/// `进入…20强` at the end of a clause is a ranking goal; `世界500强企业` is a name.
fn ranking(chars: &[char], m: &Mention, clause_start: usize) -> bool {
    let next = chars.get(m.unit_end).copied();
    let ends_clause = next.is_none_or(|c| !(is_cjk(c) || c == '、'))
        || starts_with_at(chars, m.unit_end, "行列")
        || starts_with_at(chars, m.unit_end, "之列");
    ends_clause && contains_any(chars, clause_start, m.start, RANK_VERBS)
}

/// A figure in Chinese numerals counts a goal only when a comparator or a goal verb
/// introduces it (`培育两家`, `不少于三个`); otherwise it counts named things
/// (`金普新区和高新区两个主要产业集聚区`, `这两个领域`, `以一个产业园区`).
fn chinese_count_is_goal(chars: &[char], m: &Mention) -> bool {
    if m.before.is_some() || m.after.is_some() {
        return true;
    }
    // A rank (`稳居全省前五位`, `进入全国第三名`) counts no categories.
    let ranked = m.start > 0 && matches!(chars[m.start - 1], '前' | '第');
    if ranked && matches!(m.unit, "位" | "名" | "强") {
        return true;
    }
    let mut end = m.start;
    while end > 0 && is_space(chars[end - 1]) {
        end -= 1;
    }
    m.value >= 2.0 && (VERBS.ending_at(chars, end).is_some() || closes_goal_clause(chars, m))
}

/// `新增上市企业十五家,`: the figure and its unit end a clause that a goal verb opens.
fn closes_goal_clause(chars: &[char], m: &Mention) -> bool {
    let next = chars.get(m.unit_end).copied();
    if !next.is_none_or(|c| "，,。；;！？\n".contains(c)) {
        return false;
    }
    let start = (0..m.start)
        .rev()
        .find(|&i| "，,。；;：:！？\n、".contains(chars[i]))
        .map_or(0, |i| i + 1);
    contains_any(
        chars,
        start,
        m.start,
        crate::parse::lexicon::clauses::GOAL_VERBS,
    )
}

#[cfg(test)]
mod tests {
    use super::super::mentions::scan;
    use super::*;

    fn why(s: &str) -> Vec<Option<&'static str>> {
        let c: Vec<char> = s.chars().collect();
        scan(&c, 0, c.len())
            .iter()
            .map(|m| excluded(&c, m, 0))
            .collect()
    }

    #[test]
    fn a_chinese_count_closing_a_goal_clause_is_a_target() {
        assert_eq!(why("新增上市企业十五家，"), [None]);
        // A bounded amount names the class of projects counted after it.
        assert_eq!(
            why("每年实施千万元以上技改项目3000个"),
            [Some("class-threshold"), None]
        );
        // A rank in Chinese numerals is no count of categories.
        assert_eq!(why("营商环境评价稳居全省前五位"), [None]);
        assert_eq!(
            why("金普新区和高新区两个主要产业集聚区"),
            [Some("category-count")]
        );
    }

    #[test]
    fn specifications_are_not_targets() {
        assert_eq!(
            why("推动时速400公里及以上高速列车研制"),
            [Some("technical-spec")]
        );
        assert!(why("300公斤级无人直升机").is_empty());
        assert_eq!(
            why("大连20万千瓦液流电池储能电站"),
            [Some("technical-spec")]
        );
        assert_eq!(why("3兆瓦及以上级风电"), [Some("technical-spec")]);
        assert_eq!(why("装机容量达到20万千瓦"), [None]);
        assert_eq!(why("建成城市轨道交通100公里。"), [None]);
        assert_eq!(why("连续5天"), [Some("technical-spec")]);
    }

    #[test]
    fn policy_parameters_are_not_targets() {
        assert_eq!(why("按15%:25%:60%的比例")[0], Some("formula-or-ratio"));
        assert_eq!(why("社会资本15%:25%:60%"), [Some("formula-or-ratio"); 3]);
        assert_eq!(why("收益不低于70%的比例分配"), [Some("policy-parameter")]);
        assert_eq!(
            why("对每家企业给予最高500万元补贴"),
            [Some("policy-parameter")]
        );
        assert_eq!(why("按研发投入的10%给予补助"), [Some("policy-parameter")]);
        // A cap on how many are chosen is a quota; choosing a number is a goal.
        assert_eq!(
            why("每年遴选青年英才不超过50名"),
            [Some("policy-parameter")]
        );
        assert_eq!(
            why("每年推荐名额控制在10名以内"),
            [Some("policy-parameter")]
        );
        assert_eq!(why("选拔100名后备人才"), [None]);
    }

    #[test]
    fn names_and_category_counts_are_not_targets() {
        assert_eq!(
            why("培育营业收入超百亿元企业5家"),
            [Some("class-threshold"), None]
        );
        assert_eq!(
            why("对营收增长超过30%的规上企业给予奖励"),
            [Some("class-threshold")]
        );
        assert_eq!(why("对排名前3位的单位予以表扬"), [Some("class-threshold")]);
        // Amounts and shares pick out zones and places; a count of them is a goal.
        assert_eq!(
            why("营业收入超千亿元的开发区达到20个"),
            [Some("class-threshold"), None]
        );
        assert_eq!(
            why("对土地开发利用率达到90%以上的园区优先安排用地"),
            [Some("class-threshold")]
        );
        assert_eq!(why("建成5个以上的特色产业园"), [None]);
        assert_eq!(why("设立120亿元的高新区发展基金"), [None]);
        // A clause closed by `的` is the condition of the rule after it.
        assert_eq!(
            why("新建厂房面积超过2万平方米的,按每平方米100元给予补助"),
            [Some("condition-of-rule"), Some("policy-parameter")]
        );
        // The threshold's class noun may close a longer phrase after `的`.
        assert_eq!(
            why("对新引进的投资额5亿元以上的装备制造业项目给予支持"),
            [Some("class-threshold")]
        );
        assert_eq!(
            why("实现“四个中心、一个聚集区”建设目标"),
            [Some("name-in-quotes"); 2]
        );
        assert_eq!(
            why("复制推广成果转化 5%“黄金股”经验"),
            [Some("name-in-quotes")]
        );
        assert_eq!(
            why("打造金普新区和高新区两个主要产业集聚区"),
            [Some("category-count")]
        );
        assert_eq!(
            why("以大一互、北互、二互三个骨干企业为依托"),
            [Some("category-count")]
        );
        assert_eq!(why("这两个最有基础的领域"), [Some("category-count")]);
        assert_eq!(why("以一个产业园区为牵引"), [Some("category-count")]);
        assert_eq!(
            why("对世界500强、民营500强、互联网100强企业重点招商"),
            [Some("ranking-in-name"); 3]
        );
        assert_eq!(why("进驻世界500强企业61家")[0], Some("ranking-in-name"));
        assert_eq!(why("围绕5个重点领域"), [Some("category-count")]);
        assert_eq!(why("在3个园区开展试点"), [Some("category-count")]);
    }

    #[test]
    fn selecting_people_is_a_goal_a_per_item_grant_is_not() {
        // A programme that funds a number of people sets a goal (the count of people).
        assert_eq!(why("每年评选资助80名青年技术骨干"), [None]);
        assert_eq!(why("奖励300家企业上云"), [None]);
        // Amounts, and counts under a per-item rule, are terms of the grant.
        assert_eq!(why("给予每家企业最多3个名额"), [Some("policy-parameter")]);
        assert_eq!(why("资助金额20万元"), [Some("policy-parameter")]);
    }

    #[test]
    fn a_bound_a_rule_permits_is_a_parameter() {
        assert_eq!(
            why("允许不超过三分之一的股东不具有执业资格"),
            [Some("policy-parameter")]
        );
        assert_eq!(why("单位能耗不超过0.5吨标准煤/万元"), [None]);
    }

    #[test]
    fn the_number_of_items_just_named_is_a_category_count() {
        assert_eq!(
            why("抓好“选址、建设、招商”3个环节"),
            [Some("category-count")]
        );
        assert_eq!(why("聚焦芯片、软件等2个领域"), [Some("category-count")]);
        assert_eq!(why("新增孵化器4个"), [None]);
        assert_eq!(why("拥有甲大学、乙所等10余所高校院所"), [None]);
    }

    #[test]
    fn a_goal_statement_in_quotes_is_no_name() {
        assert_eq!(
            why("实现“创新人才达到500名,贡献率达到35%”的目标"),
            [None, None]
        );
        assert_eq!(why("打造“1个中心”品牌"), [Some("name-in-quotes")]);
        assert_eq!(
            why(
                "实现“引进和培养领军人才达到300名左右,全市技能人才总量达到80万名,贡献率达到35%”的目标"
            ),
            [None, None, None]
        );
    }

    #[test]
    fn a_count_glued_to_a_quoted_name_is_still_counted() {
        assert_eq!(why("择优设立30个“某江学者”岗位"), [None]);
        assert_eq!(why("培养产生60名“技术能手”"), [None]);
        assert_eq!(why("复制推广 5%“黄金股”经验"), [Some("name-in-quotes")]);
    }

    #[test]
    fn goals_pass() {
        assert_eq!(why("综合排名进入全国高新区20强。"), [None]);
        assert_eq!(why("培育两家龙头企业"), [None]);
        assert_eq!(why("企业不少于三家"), [None]);
        assert_eq!(why("占全市三分之一"), [None]);
        assert_eq!(why("每万人有效发明专利拥有量达到15件"), [None]);
    }
}
