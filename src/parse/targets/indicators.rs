//! The indicator a figure quantifies, as written: the noun phrase of its clause
//! (`高新技术企业` in `高新技术企业不少于120户`, `研发投入占GDP比重` in `研发投入占GDP比重
//! 达到3%`), the object after a verb (`培育2-3家龙头企业` → `龙头企业`), the subject of the
//! previous figure for growth rates and shares (`产值突破5000亿元,年均增长18%` →
//! `产值年均增长`).

use std::sync::LazyLock;

use super::comparators;
use super::mentions::{Mention, counts_things};
use super::years;
use crate::parse::lexicon::clauses::{
    AREA_WORDS, BORROWS_SUBJECT, FUNDING_VERBS, GOAL_VERBS, LEADING, MODALS, NOT_NOUNS,
    PREDICATE_AFTER_NOUN,
};
use crate::parse::numbers::digit_value;
use crate::parse::scan::{
    Keywords, char_len, ends_with_at, is_space, longest_prefix, longest_suffix, rfind,
    starts_with_at, string,
};

/// [`GOAL_VERBS`] prepared for scanning.
pub static VERBS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(GOAL_VERBS));

/// True for characters that end a clause.
pub fn is_clause_stop(chars: &[char], i: usize) -> bool {
    match chars[i] {
        ',' | '，' | ':' | '：' | ';' | '；' | '。' | '!' | '！' | '?' | '？' => true,
        // `——` sets a subtitle or an explanation apart (`…行动计划——推进项目129项`).
        '—' => chars.get(i + 1) == Some(&'—') || (i > 0 && chars[i - 1] == '—'),
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

/// Where the noun phrase after a figure ends: at a clause stop, a bracket, a `和`/`及`/`与`
/// that opens the next figure (`30名甲和50名乙`) or a `、` before another item with a
/// figure of its own (`100名甲、200名乙`, `1800名甲、乙700人`). A `、` between nouns
/// without a figure joins one phrase (`中国科学院、中国工程院院士后备人才`).
fn clause_end(chars: &[char], from: usize, sentence_end: usize) -> usize {
    (from..sentence_end)
        .find(|&i| {
            is_clause_stop(chars, i)
                || matches!(chars[i], '(' | '（')
                || (chars[i] == '、' && figure_in_clause(chars, i + 1, sentence_end))
                || (matches!(chars[i], '和' | '及' | '与')
                    && figure_opens(chars, i + 1, sentence_end))
        })
        .unwrap_or(sentence_end)
}

/// Whether a figure opens the text at `pos` (after an optional comparator word).
fn figure_opens(chars: &[char], pos: usize, end: usize) -> bool {
    let pos = comparators::word_at(chars, pos).map_or(pos, |w| pos + char_len(w));
    pos < end && digit_value(chars[pos]).is_some()
}

/// Whether a digit comes in `pos..` before the clause ends.
fn figure_in_clause(chars: &[char], pos: usize, end: usize) -> bool {
    (pos..end)
        .take_while(|&i| !is_clause_stop(chars, i))
        .any(|i| digit_value(chars[i]).is_some())
}

/// Strips year expressions and filler words from the front of `from..to`.
fn skip_leading(chars: &[char], mut from: usize, to: usize) -> usize {
    loop {
        while from < to && (is_space(chars[from]) || matches!(chars[from], ',' | '，')) {
            from += 1;
        }
        if let Some(y) = years::years_in(chars, from, to)
            .first()
            .filter(|y| y.start <= from && from < y.end)
        {
            from = y.end;
            continue;
        }
        // `增加到2025年的2000亿元`: a change verb and a year in front of the figure.
        if chars.get(from) == Some(&'的') && from < to {
            from += 1;
            continue;
        }
        if let Some(end) = relative_time(chars, from, to) {
            from = end;
            continue;
        }
        match longest_prefix(chars, from, LEADING).or_else(|| comparators::word_at(chars, from)) {
            Some(w) if from + char_len(w) <= to => from += char_len(w),
            _ => return from,
        }
    }
}

/// End of a relative time phrase opening `from..to` (`5年内`, `三年内`, `连续3年`,
/// `今后5年`), which says when, not what.
fn relative_time(chars: &[char], from: usize, to: usize) -> Option<usize> {
    let mut i = from;
    for w in ["今后", "未来", "连续"] {
        if starts_with_at(chars, i, w) {
            i += char_len(w);
            break;
        }
    }
    let digits = (i..to)
        .take_while(|&k| {
            digit_value(chars[k]).is_some()
                || crate::parse::numbers::is_chinese_numeral_char(chars[k])
        })
        .count();
    if digits == 0 {
        return None;
    }
    i += digits;
    if !starts_with_at(chars, i, "年") {
        return None;
    }
    i += 1;
    for w in ["以内", "之内", "内", "间", "里"] {
        if starts_with_at(chars, i, w) {
            return Some((i + char_len(w)).min(to));
        }
    }
    (i > from + digits + 1).then_some(i.min(to))
}

/// Strips `的`, spaces, a trailing `达` and modal words from the end of `from..to`.
fn skip_trailing(chars: &[char], from: usize, mut to: usize) -> usize {
    loop {
        while to > from && (is_space(chars[to - 1]) || matches!(chars[to - 1], '的' | '达')) {
            to -= 1;
        }
        match longest_suffix(chars, to, MODALS) {
            Some(w) if to > from + char_len(w) => to -= char_len(w),
            _ => return to,
        }
    }
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
    let (from, to) = prefix_bounds(input);
    let found = special_form(input, from, to).unwrap_or_else(|| noun_phrase(input, from, to));
    // `建成新型研发机构10家,其中省级以上5家`: a qualifier of the previous figure's noun.
    let found = match input.previous_in_sentence {
        Some(prev)
            if starts_with_at(input.chars, input.clause_start, "其中")
                && (found.ends_with("以上") || found.ends_with('级')) =>
        {
            format!("{found}{}", subject_of(prev))
        }
        _ => found,
    };
    let found = without_line_breaks(found);
    // Never open with the mark that separated it from the previous item.
    match found.trim_start_matches(['、', ',', '，', ' ', '—']) {
        t if t.len() == found.len() => found,
        t => t.to_string(),
    }
}

/// An indicator written across a wrapped line (`研发\n投入强度`) as one phrase.
fn without_line_breaks(s: String) -> String {
    if !s.contains(['\n', '\r']) {
        return s;
    }
    s.lines().map(str::trim).collect()
}

/// The text in front of the figure without years, filler words and comparator words, and
/// without a starting point (`生产总值由2020年的1250亿元` → `生产总值`).
fn prefix_bounds(input: &IndicatorInput) -> (usize, usize) {
    let chars = input.chars;
    let m = input.mention;
    let from = skip_leading(chars, input.clause_start, m.prefix_end());
    let to = skip_trailing(chars, from, m.prefix_end());
    let from = from.min(to);
    // `生产总值由2020年的1250亿元`: the subject ends where the starting point begins.
    let to = (from..to)
        .find(|&i| {
            matches!(chars[i], '由' | '从')
                && years::years_in(chars, i + 1, to)
                    .first()
                    .is_some_and(|y| y.start == i + 1)
        })
        .unwrap_or(to);
    (from, to)
}

/// Rankings, shares of a total, growth rates and budget lines, which take their words from
/// around the figure or from the figure before it.
fn special_form(input: &IndicatorInput, from: usize, to: usize) -> Option<String> {
    let chars = input.chars;
    let m = input.mention;
    if m.unit == "强" {
        return Some(string(chars, from, to));
    }
    // `X达到Y的50%`: the share of X in Y.
    if ends_with_at(chars, m.prefix_end(), "的")
        && let Some((i, v)) = ["达到", "达"]
            .iter()
            .find_map(|v| rfind(chars, from, to, v).map(|i| (i, *v)))
        && i > from
        && i + char_len(v) < to
    {
        return Some(format!(
            "{}占{}",
            string(chars, from, i),
            string(chars, i + char_len(v), to)
        ));
    }
    if let (Some(prev), Some(_)) = (
        input.previous_in_sentence,
        longest_prefix(chars, from, BORROWS_SUBJECT),
    ) {
        return Some(format!("{}{}", subject_of(prev), string(chars, from, to)));
    }
    if longest_suffix(chars, to, FUNDING_VERBS).is_some()
        && let Some(fund) = previous_clause(chars, input.sentence.0, input.clause_start)
    {
        return Some(fund);
    }
    None
}

/// The noun phrase the figure quantifies: the object after a goal verb, the head after an
/// enumeration, the noun after the figure, else the subject of the previous figure.
fn noun_phrase(input: &IndicatorInput, from: usize, to: usize) -> String {
    let chars = input.chars;
    let m = input.mention;
    let enumeration = ends_with_at(chars, to, "等");
    let object = if enumeration {
        to
    } else {
        after_verb(chars, from, to)
    };
    // `数词 + 量词 + 名词`: a count written before its noun (`培养100名优秀企业家`,
    // `加强与1000家企业合作`) counts that noun, whatever verb or connective stands in front.
    let with_yi = starts_with_at(chars, input.clause_start, "以");
    if counts_things(m.unit)
        && !enumeration
        && let Some(noun) = suffix_noun(chars, m, input.sentence.1, with_yi)
    {
        return noun;
    }
    let whole_area = longest_suffix(chars, to, AREA_WORDS).is_some();
    let object_text = string(chars, object, to);
    if ["规模", "总规模", "资金规模"].contains(&object_text.as_str())
        && let Some(noun) = suffix_noun(chars, m, input.sentence.1, false)
    {
        // `设立规模50亿元的产业引导基金` → `产业引导基金规模`.
        return format!("{noun}{object_text}");
    }
    if object < to && !whole_area {
        // `A、B、C等各级创新平台`: the head noun follows the enumeration.
        let head = enumeration_end(chars, object, to).filter(|&h| h < to);
        return string(chars, head.unwrap_or(object), to);
    }
    if let Some(s) = suffix_noun(chars, m, input.sentence.1, with_yi) {
        return s;
    }
    // A clause that is only its verb (`今年力争新增40家`) counts what the figure before it
    // counted.
    if !enumeration && from < to && object > from {
        let end = object - verb_len(chars, from, object);
        if end > from || input.previous_in_paragraph.is_none() {
            return string(chars, from, end);
        }
    }
    // `营业收入比2020年翻一番，达到5000亿元`: a clause that is only a verb and its figure
    // continues the comparison before it, whose subject it measures.
    if from >= to
        && let Some(subject) = compared_subject(chars, input.sentence.0, input.clause_start)
    {
        return subject;
    }
    input
        .previous_in_paragraph
        .map(|p| subject_of(p).to_string())
        .unwrap_or_else(|| string(chars, from, to))
}

/// The subject of an indicator without a growth or share head taken from it
/// (`地区生产总值年均增长` → `地区生产总值`).
fn subject_of(indicator: &str) -> &str {
    BORROWS_SUBJECT
        .iter()
        .filter_map(|w| indicator.find(w))
        .filter(|&i| i > 0)
        .min()
        .map_or(indicator, |i| &indicator[..i])
}

/// Just past the last `等` closing an enumeration in `from..to` (not the `等` of `高等`,
/// `等级`).
fn enumeration_end(chars: &[char], from: usize, to: usize) -> Option<usize> {
    (from..to).rev().find_map(|i| {
        let word = chars[i] == '等'
            && !(i > 0 && matches!(chars[i - 1], '高' | '中' | '初' | '平' | '同' | '对'))
            && !matches!(chars.get(i + 1), Some('级' | '同' | '待' | '候' | '于'));
        word.then_some(i + 1)
    })
}

/// Start of the object after the first goal verb in `from..to` (`from` when none).
fn after_verb(chars: &[char], from: usize, to: usize) -> usize {
    for i in from..to {
        if let Some(v) = VERBS.at(chars, i) {
            // A verb with a noun suffix is a noun: `拥有量` (`每万人有效发明专利拥有量`),
            // `完成率`, `完成额`, `增加值`.
            if matches!(
                chars.get(i + char_len(v)),
                Some('量' | '率' | '额' | '值' | '度')
            ) {
                continue;
            }
            // `载体建设、设施建设`: a verb closing an item of an enumeration is a noun.
            if chars.get(i + char_len(v)) == Some(&'、')
                && VERBS.at(chars, i + char_len(v) + 1).is_none()
            {
                continue;
            }
            let mut end = i + char_len(v);
            // `引进和培养`, `选拔、培养`: a chain of verbs ends at its last verb.
            while let Some(&c) = chars.get(end)
                && matches!(c, '和' | '与' | '及' | '、' | '并')
                && let Some(next) = VERBS.at(chars, end + 1)
            {
                end += 1 + char_len(next);
            }
            return end.min(to);
        }
    }
    from
}

/// Length of the goal verb ending at `end`.
fn verb_len(chars: &[char], from: usize, end: usize) -> usize {
    VERBS
        .ending_at(chars, end)
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
    let first_ok = chars.get(from).is_some_and(|&c| {
        crate::parse::scan::is_cjk(c)
            || matches!(c, '“' | '"' | '《' | '‘')
            || c.is_ascii_alphabetic()
    });
    if to <= from || !first_ok || longest_prefix(chars, from, NOT_NOUNS).is_some() || to - from > 90
    {
        return None;
    }
    // `500名甲、乙、丙等高层次人才`: the head noun follows the enumeration.
    let from = enumeration_end(chars, from, to)
        .filter(|&h| h < to)
        .unwrap_or(from);
    // `10家链主企业给予重点支持`: the noun ends where its predicate begins (a noun of two
    // characters at least: `100家落户企业` keeps its first word). A verb followed by `的`
    // opens a relative clause inside the noun (`100名享受政府特殊津贴的人才`), no predicate.
    let to = (from + 2..to)
        .find(|&i| {
            longest_prefix(chars, i, PREDICATE_AFTER_NOUN).is_some()
                && !chars[i..to].contains(&'的')
        })
        .unwrap_or(to);
    let noun = string(chars, from, to);
    Some(if scale { format!("{noun}规模") } else { noun })
}

/// The subject of the clause before the one starting at `clause_start` when that clause
/// compares it with a year (`营业收入比2020年翻一番`, `产值较2020年增长一倍`): the words
/// before `比` / `较`.
fn compared_subject(chars: &[char], sentence_start: usize, clause_start: usize) -> Option<String> {
    let end = clause_start
        .checked_sub(1)
        .filter(|&e| e > sentence_start)?;
    let start = clause_start_before(chars, sentence_start, end);
    let from = skip_leading(chars, start, end);
    let at = (from + 2..end).find(|&i| {
        matches!(chars[i], '比' | '较')
            && years::years_in(chars, i + 1, end)
                .first()
                .is_some_and(|y| y.start == i + 1)
    })?;
    Some(string(chars, from, at))
}

/// The clause before the one starting at `clause_start`, without its leading verb
/// (`设立建设专项资金,…每年安排10亿元` → `建设专项资金`).
fn previous_clause(chars: &[char], sentence_start: usize, clause_start: usize) -> Option<String> {
    let end = clause_start
        .checked_sub(1)
        .filter(|&e| e > sentence_start)?;
    let start = clause_start_before(chars, sentence_start, end);
    let from = skip_leading(chars, start, end);
    let verb = VERBS.at(chars, from).map_or(0, char_len);
    let from = from + verb;
    let fund = ["资金", "基金", "经费"]
        .iter()
        .any(|w| crate::parse::scan::contains(chars, from, end, w));
    (from < end && fund).then(|| string(chars, from, end))
}

fn clause_start_before(chars: &[char], sentence_start: usize, end: usize) -> usize {
    (sentence_start..end)
        .rev()
        .find(|&i| is_clause_stop(chars, i))
        .map_or(sentence_start, |i| i + 1)
}

#[cfg(test)]
#[path = "indicators_tests.rs"]
mod tests;
