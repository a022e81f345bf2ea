//! The indicator a figure quantifies, as written: the noun phrase of its clause
//! (`高新技术企业` in `高新技术企业不少于120户`, `研发投入占GDP比重` in `研发投入占GDP比重
//! 达到3%`), the object after a verb (`培育2-3家龙头企业` → `龙头企业`), the subject of the
//! previous figure for growth rates and shares (`产值突破5000亿元,年均增长18%` →
//! `产值年均增长`).

use super::mentions::Mention;
use super::scan::{
    char_len, ends_with_at, is_space, longest_prefix, longest_suffix, rfind, starts_with_at, string,
};
use super::years;
use crate::parse::numbers::digit_value;

/// Verbs that introduce the quantified object (`建设…中试基地1个`).
pub const GOAL_VERBS: &[&str] = &[
    "引进培养",
    "培育引进",
    "引进培育",
    "新建",
    "建设",
    "建成",
    "培育",
    "引进",
    "引入",
    "打造",
    "设立",
    "组建",
    "形成",
    "举办",
    "开展",
    "新增",
    "吸引",
    "招引",
    "集聚",
    "聚集",
    "认定",
    "创建",
    "争创",
    "建立",
    "培养",
    "储备",
    "引育",
    "新认定",
    "新培育",
    "新引进",
    "拥有",
    "进驻",
    "共有",
    "现有",
    "落户",
];

/// Words opening a clause that are not part of the indicator.
const LEADING: &[&str] = &[
    "力争",
    "争取",
    "确保",
    "每年",
    "目前",
    "现有",
    "其中",
    "同时",
    "并且",
    "并",
    "全年",
    "在",
    "以",
    "原",
    "共",
    "已",
    "的基础上",
    "基础上",
];

/// Growth and share heads that take the previous figure's subject.
const BORROWS_SUBJECT: &[&str] = &[
    "年均增长",
    "年均增速",
    "同比增长",
    "年增长",
    "增长",
    "增速",
    "占",
];

/// Verbs after which a figure is a budget line of the previous clause's fund.
const FUNDING_VERBS: &[&str] = &["安排", "投入", "出资", "筹集"];

/// True for characters that end a clause.
pub fn is_clause_stop(chars: &[char], i: usize) -> bool {
    match chars[i] {
        ',' | '，' | ':' | '：' | ';' | '；' | '。' | '!' | '！' | '?' | '？' => true,
        // An ASCII full stop between two non-digits is a stray sentence end (`15%.新建`).
        '.' => {
            !(i > 0
                && digit_value(chars[i - 1]).is_some()
                && chars.get(i + 1).copied().and_then(digit_value).is_some())
        }
        _ => false,
    }
}

/// Start of the clause holding a figure at `pos`: after the last clause stop, or after the
/// `、` following the previous figure of the same clause (`企业30家、领军企业100家`).
pub fn clause_start(
    chars: &[char],
    sentence_start: usize,
    pos: usize,
    prev_end: Option<usize>,
) -> usize {
    let mut start = sentence_start;
    for i in (sentence_start..pos).rev() {
        if is_clause_stop(chars, i) {
            start = i + 1;
            break;
        }
    }
    if let Some(prev) = prev_end.filter(|&p| p >= start && p <= pos) {
        start = (prev..pos)
            .find(|&i| chars[i] == '、')
            .map_or(prev, |i| i + 1);
    }
    start
}

/// Where the clause after a figure ends.
fn clause_end(chars: &[char], from: usize, sentence_end: usize) -> usize {
    (from..sentence_end)
        .find(|&i| is_clause_stop(chars, i) || matches!(chars[i], '、' | '(' | '（'))
        .unwrap_or(sentence_end)
}

/// Strips year expressions and filler words from the front of `from..to`.
fn skip_leading(chars: &[char], mut from: usize, to: usize) -> usize {
    loop {
        while from < to && (is_space(chars[from]) || matches!(chars[from], ',' | '，')) {
            from += 1;
        }
        if let Some(y) = years::years_in(chars, from, to)
            .first()
            .filter(|y| y.start == from)
        {
            from = y.end;
            continue;
        }
        match longest_prefix(chars, from, LEADING) {
            Some(w) if from + char_len(w) <= to => from += char_len(w),
            _ => return from,
        }
    }
}

/// Strips `的`, spaces and a trailing `达` from the end of `from..to`.
fn skip_trailing(chars: &[char], from: usize, mut to: usize) -> usize {
    while to > from && (is_space(chars[to - 1]) || matches!(chars[to - 1], '的' | '达')) {
        to -= 1;
    }
    to
}

/// Everything the indicator of one figure depends on.
pub struct IndicatorInput<'a> {
    pub chars: &'a [char],
    pub mention: &'a Mention,
    /// Start of the figure's clause (see [`clause_start`]).
    pub clause_start: usize,
    pub sentence: (usize, usize),
    /// Indicator of the previous figure in the same sentence.
    pub previous_in_sentence: Option<&'a str>,
    /// Indicator of the previous figure in the same paragraph.
    pub previous_in_paragraph: Option<&'a str>,
}

/// The indicator as written for one figure.
pub fn indicator(input: &IndicatorInput) -> String {
    let chars = input.chars;
    let m = input.mention;
    let from = skip_leading(chars, input.clause_start, m.prefix_end());
    let to = skip_trailing(chars, from, m.prefix_end());
    let from = from.min(to);
    if m.unit == "强" {
        return string(chars, from, to);
    }
    // `X达到Y的50%`: the share of X in Y.
    if ends_with_at(chars, m.prefix_end(), "的")
        && let Some((i, v)) = ["达到", "达"]
            .iter()
            .find_map(|v| rfind(chars, from, to, v).map(|i| (i, *v)))
        && i > from
        && i + char_len(v) < to
    {
        return format!(
            "{}占{}",
            string(chars, from, i),
            string(chars, i + char_len(v), to)
        );
    }
    if let (Some(prev), Some(_)) = (
        input.previous_in_sentence,
        longest_prefix(chars, from, BORROWS_SUBJECT),
    ) {
        return format!("{prev}{}", string(chars, from, to));
    }
    if longest_suffix(chars, to, FUNDING_VERBS).is_some()
        && let Some(fund) = previous_clause(chars, input.sentence.0, input.clause_start)
    {
        return fund;
    }
    let enumeration = ends_with_at(chars, to, "等");
    let object = if enumeration {
        to
    } else {
        after_verb(chars, from, to)
    };
    if object < to {
        return string(chars, object, to);
    }
    if let Some(s) = suffix_noun(
        chars,
        m,
        input.sentence.1,
        starts_with_at(chars, input.clause_start, "以"),
    ) {
        return s;
    }
    if !enumeration && from < to && object > from {
        return string(chars, from, object - verb_len(chars, from, object));
    }
    input
        .previous_in_paragraph
        .map(str::to_string)
        .unwrap_or_else(|| string(chars, from, to))
}

/// Start of the object after the first goal verb in `from..to` (`from` when none).
fn after_verb(chars: &[char], from: usize, to: usize) -> usize {
    for i in from..to {
        if let Some(v) = longest_prefix(chars, i, GOAL_VERBS) {
            // `拥有量` is a noun (`每万人有效发明专利拥有量`).
            if v == "拥有" && chars.get(i + 2) == Some(&'量') {
                continue;
            }
            return (i + char_len(v)).min(to);
        }
    }
    from
}

/// Length of the goal verb ending at `end`.
fn verb_len(chars: &[char], from: usize, end: usize) -> usize {
    longest_suffix(chars, end, GOAL_VERBS)
        .map(char_len)
        .filter(|&l| end >= from + l)
        .unwrap_or(0)
}

/// The noun after a figure written before its noun (`培育2-3家龙头企业`, `设立120亿元的
/// 发展基金`, `300亿元规模的基金集群` → `基金集群规模`).
fn suffix_noun(chars: &[char], m: &Mention, sentence_end: usize, with_yi: bool) -> Option<String> {
    let mut from = m.end;
    if chars.get(from) == Some(&'的') {
        from += 1;
    }
    let scale = starts_with_at(chars, from, "规模的");
    if scale {
        from += 3;
    }
    let mut to = clause_end(chars, from, sentence_end);
    if with_yi && let Some(i) = (from..to).find(|&i| chars[i] == '为') {
        to = i;
    }
    const NOT_NOUNS: &[&str] = &["基础", "以上", "以下", "左右", "比例", "的"];
    if to <= from || longest_prefix(chars, from, NOT_NOUNS).is_some() || to - from > 30 {
        return None;
    }
    let noun = string(chars, from, to);
    Some(if scale { format!("{noun}规模") } else { noun })
}

/// The clause before the one starting at `clause_start`, without its leading verb
/// (`设立建设专项资金,…每年安排10亿元` → `建设专项资金`).
fn previous_clause(chars: &[char], sentence_start: usize, clause_start: usize) -> Option<String> {
    let end = clause_start
        .checked_sub(1)
        .filter(|&e| e > sentence_start)?;
    let start = clause_start_before(chars, sentence_start, end);
    let from = skip_leading(chars, start, end);
    let verb = longest_prefix(chars, from, GOAL_VERBS).map_or(0, char_len);
    let from = from + verb;
    let fund = ["资金", "基金", "经费"]
        .iter()
        .any(|w| super::scan::contains(chars, from, end, w));
    (from < end && fund).then(|| string(chars, from, end))
}

fn clause_start_before(chars: &[char], sentence_start: usize, end: usize) -> usize {
    (sentence_start..end)
        .rev()
        .find(|&i| is_clause_stop(chars, i))
        .map_or(sentence_start, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::mentions::scan;
    use super::*;

    /// Indicators of every figure in a one-sentence text.
    fn indicators(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        let ms = scan(&c, 0, c.len());
        let mut out: Vec<String> = Vec::new();
        let mut prev_end = None;
        for m in &ms {
            let cs = clause_start(&c, 0, m.start, prev_end);
            let prev = out.last().cloned();
            let ind = indicator(&IndicatorInput {
                chars: &c,
                mention: m,
                clause_start: cs,
                sentence: (0, c.len()),
                previous_in_sentence: prev.as_deref(),
                previous_in_paragraph: prev.as_deref(),
            });
            out.push(ind);
            prev_end = Some(m.end);
        }
        out
    }

    #[test]
    fn subject_before_comparator() {
        assert_eq!(
            indicators("到2025年,高新技术企业不少于120户,引进培养高层次人才不少于20人。"),
            ["高新技术企业", "高层次人才"]
        );
        assert_eq!(indicators("研发投入占GDP比重达到3%"), ["研发投入占GDP比重"]);
        assert_eq!(
            indicators("对外技术依存度降低至30%以下"),
            ["对外技术依存度"]
        );
        assert_eq!(indicators("孵化场地面积达30万平方米"), ["孵化场地面积"]);
    }

    #[test]
    fn object_after_verb() {
        assert_eq!(
            indicators("至2025年,力争建设省级以上中试基地1个以上"),
            ["省级以上中试基地"]
        );
        assert_eq!(
            indicators("每年举办大型国际交流活动2次,小型交流活动不少于8次。"),
            ["大型国际交流活动", "小型交流活动"]
        );
        assert_eq!(indicators("培育2-3家龙头企业,形成产业链。"), ["龙头企业"]);
        assert_eq!(
            indicators("设立120亿元的沈阳高新区发展基金,撬动社会资本形成300亿元规模的基金集群"),
            ["沈阳高新区发展基金", "基金集群规模"]
        );
        assert_eq!(
            indicators("引进1800名以上高水平双创人才、海外高层次人才700人"),
            ["高水平双创人才", "海外高层次人才"]
        );
    }

    #[test]
    fn lists_growth_and_shares() {
        assert_eq!(
            indicators("培育龙头企业30家、创新型领军企业100家"),
            ["龙头企业", "创新型领军企业"]
        );
        assert_eq!(
            indicators("国家级众创空间、科技企业孵化器超过15家"),
            ["国家级众创空间、科技企业孵化器"]
        );
        assert_eq!(
            indicators("产业产值突破5000亿元,年均增长18%左右"),
            ["产业产值", "产业产值年均增长"]
        );
        assert_eq!(
            indicators("规模以上工业企业366家,占全市三分之一"),
            ["规模以上工业企业", "规模以上工业企业占全市"]
        );
        assert_eq!(
            indicators("外资企业达到园区内企业总量的50%以上"),
            ["外资企业占园区内企业总量"]
        );
        assert_eq!(
            indicators("每万人有效发明专利拥有量达到15件"),
            ["每万人有效发明专利拥有量"]
        );
    }

    #[test]
    fn enumerations_and_funding() {
        assert_eq!(
            indicators("经开区拥有甲大学、乙所等10余所高校院所"),
            ["高校院所"]
        );
        assert_eq!(indicators("以300多家规模以上企业为支撑"), ["规模以上企业"]);
        assert_eq!(
            indicators("设立建设专项资金,市财政局每年安排10亿元"),
            ["建设专项资金"]
        );
        assert_eq!(
            indicators("综合排名进入全国高新区20强"),
            ["综合排名进入全国高新区"]
        );
    }
}
