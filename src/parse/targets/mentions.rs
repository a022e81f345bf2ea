//! Figures with a unit: `120户`, `3.2平方公里`, `2-3家`, `18%`, `三分之一`, `1.5万家`,
//! `3000余家`, and lists sharing one unit (`7、33、74平方公里` → three mentions).
//! Comparator words around each figure are read here too; deciding whether a mention is
//! a target, a statistic or neither is left to the caller.

use super::comparators;
use std::sync::LazyLock;

use crate::model::Comparator;
use crate::parse::lexicon::quantities::{BLOCKED, UNITS};
use crate::parse::numbers::{self, Number};
use crate::parse::scan::Keywords;

/// True for units of physical size (power, mass, length), durations and bare magnitudes
/// (`500万`): specifications or terms unless a comparator word or a goal verb introduces
/// them.
pub fn is_physical(unit: &str) -> bool {
    matches!(
        unit,
        "万" | "亿"
            | "小时"
            | "个小时"
            | "万千瓦"
            | "千瓦"
            | "兆瓦"
            | "万吨"
            | "吨"
            | "公里"
            | "个工作日"
            | "工作日"
            | "天"
            | "亿千瓦时"
            | "万千瓦时"
            | "千瓦时"
            | "微克/立方米"
            | "毫克/立方米"
    )
}

/// Units that count things or people (`家`, `名`, `个`, `场次`, `辆`), as against amounts,
/// shares and sizes: a count is written before the noun it counts and names whom or what
/// a programme selects, where an amount is a term of a grant.
pub fn counts_things(unit: &str) -> bool {
    matches!(
        crate::catalog::unit_family(unit),
        Some("count" | "people" | "times" | "vehicles")
    )
}

/// One figure with its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First character of the number (of the first number of a list).
    pub start: usize,
    /// First character of this mention's own number.
    pub num_start: usize,
    /// Just past the unit.
    pub unit_end: usize,
    /// Just past the unit and any comparator word after it.
    pub end: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: &'static str,
    /// Written in Chinese numerals (`两`, `三分之一`).
    pub chinese: bool,
    /// A fraction or percentage written out (`三分之一`, `百分之十五`).
    pub fraction: bool,
    /// `余`/`多` between number and unit (`3000余家`).
    pub more_than: bool,
    /// Comparator word before the number: text, start index, meaning.
    pub before: Option<(&'static str, usize, Comparator)>,
    /// Comparator word after the unit.
    pub after: Option<(&'static str, Comparator)>,
    /// Position in a `、` list sharing one unit (0 for a lone figure).
    pub list_index: usize,
}

impl Mention {
    /// The comparator the words around the figure give.
    /// The comparator the words around the figure give; a range without one (`培育8-10家`)
    /// commits to its lower end at least.
    pub fn comparator(&self) -> Comparator {
        let (before, after) = (self.before.map(|b| b.2), self.after.map(|a| a.1));
        if before.is_none() && after.is_none() && self.value_max.is_some() {
            return Comparator::Ge;
        }
        comparators::resolve(before, after, self.more_than)
    }

    /// Where the text in front of the figure ends (before a comparator word, if any).
    pub fn prefix_end(&self) -> usize {
        self.before.map_or(self.start, |b| b.1)
    }
}

/// Unit written at `pos`, longest first, unless it is the head of another word.
fn unit_at(chars: &[char], pos: usize) -> Option<&'static str> {
    static PREPARED: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(UNITS));
    let unit = PREPARED.at(chars, pos)?;
    let next = chars.get(pos + unit.chars().count()).copied();
    let blocked = BLOCKED
        .iter()
        .any(|(u, after)| *u == unit && next.is_some_and(|n| after.contains(n)));
    (!blocked).then_some(if unit == "％" { "%" } else { unit })
}

/// True when a number may start at `i`: not in the middle of another number or a word
/// written in Latin letters (`5G`, `IPv6`).
fn can_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    // Ordinals (`第八十次`) never quantify anything.
    if prev == Some('第') {
        return false;
    }
    if numbers::digit_value(c).is_some() {
        return !prev.is_some_and(|p| {
            numbers::digit_value(p).is_some() || p.is_ascii_alphabetic() || p == '.' || p == '．'
        });
    }
    if numbers::is_chinese_numeral_char(c) || c == '百' || c == '千' {
        return !prev.is_some_and(numbers::is_chinese_numeral_char);
    }
    false
}

/// Where the unit of a number ending at `end` starts: at `end`, or past one line break
/// when a line was broken between a number and its unit (`固定资产投资突破2900` /
/// `亿元，…`, text taken from a PDF or typed with hard breaks). A blank line between them
/// is a paragraph break, not a wrap.
fn across_line_break(chars: &[char], end: usize) -> usize {
    let p = crate::parse::scan::past_one_line_break(chars, end);
    let unit_follows =
        p > end && (unit_at(chars, p).is_some() || numbers::magnitude_suffix(chars, p).is_some());
    if unit_follows { p } else { end }
}

/// Reads the unit after a number ending at `end`: optional `余`/`多`, optional magnitude
/// word for digits, then the unit. Returns (multiplier, unit, unit end, more_than).
fn unit_after(
    chars: &[char],
    end: usize,
    num: &Number,
) -> Option<(f64, &'static str, usize, bool)> {
    if num.percent {
        return Some((1.0, "%", end, false));
    }
    let mut pos = across_line_break(chars, end);
    let mut more_than = false;
    if matches!(chars.get(pos), Some('余') | Some('多')) {
        more_than = true;
        pos += 1;
    }
    // `三万人`: the numeral swallowed the `万` of the unit `万人`; give it back.
    if num.chinese && !more_than {
        for k in [2, 1] {
            let Some(at) = pos.checked_sub(k).filter(|&at| at > num.start) else {
                continue;
            };
            let Some((mult, len)) = numbers::magnitude_suffix(chars, at) else {
                continue;
            };
            if len == k
                && let Some(u) = unit_at(chars, at)
            {
                return Some((1.0 / mult, u, at + u.chars().count(), false));
            }
        }
    }
    if let Some(u) = unit_at(chars, pos) {
        return Some((1.0, u, pos + u.chars().count(), more_than));
    }
    // `突破6000亿` / `元,`: a unit broken after its magnitude by a line break.
    if !num.chinese && numbers::magnitude_suffix(chars, pos).is_some_and(|(_, len)| len == 1) {
        let rest = across_line_break(chars, pos + 1);
        if rest > pos + 1 {
            let joined: Vec<char> = std::iter::once(chars[pos])
                .chain(chars[rest..].iter().take(6).copied())
                .collect();
            if let Some(u) = unit_at(&joined, 0).filter(|u| u.chars().count() > 1) {
                return Some((1.0, u, rest + u.chars().count() - 1, more_than));
            }
        }
    }
    if !num.chinese
        && let Some((mult, len)) = numbers::magnitude_suffix(chars, pos)
    {
        let mut p = pos + len;
        if matches!(chars.get(p), Some('余') | Some('多')) {
            more_than = true;
            p += 1;
        }
        if let Some(u) = unit_at(chars, p) {
            return Some((mult, u, p + u.chars().count(), more_than));
        }
        // A bare magnitude closing its clause (`粉丝数达到500万,`, `突破300万以上`) is the
        // unit as written.
        let closes = chars
            .get(p)
            .is_none_or(|&c| !(c.is_alphanumeric() || c == '“' || c == '"'))
            || comparators::after(chars, p).is_some();
        if len == 1 && closes {
            let unit = if chars[pos] == '万' { "万" } else { "亿" };
            return Some((1.0, unit, p, more_than));
        }
    }
    None
}

/// Follows a `、` list of bare numbers (`7、33、74平方公里`) from the number `first`.
fn list_from(chars: &[char], first: Number) -> Vec<Number> {
    let mut list = vec![first];
    let mut pos = first.end;
    while chars.get(pos) == Some(&'、') {
        match numbers::parse_plain(chars, pos + 1) {
            Some(n) if n.chinese == first.chinese => {
                list.push(n);
                pos = n.end;
            }
            _ => break,
        }
    }
    list
}

/// Every figure with a unit in `chars[from..to]`, in text order.
pub fn scan(chars: &[char], from: usize, to: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        // Jump to the next char a number may start with.
        let Some(k) = chars[i..to]
            .iter()
            .position(|&c| numbers::may_start_number(c))
        else {
            break;
        };
        i += k;
        if !can_start(chars, i) {
            i += 1;
            continue;
        }
        let Some((lo, hi)) = numbers::parse_range(chars, i) else {
            i += 1;
            continue;
        };
        let list = match hi {
            None if !lo.percent => list_from(chars, lo),
            _ => vec![lo],
        };
        let tail = hi.unwrap_or(list[list.len() - 1]);
        let Some((mult, unit, unit_end, more_than)) = unit_after(chars, tail.end, &tail) else {
            i = tail.end.max(i + 1);
            continue;
        };
        if unit_end > to {
            break;
        }
        let after_word = comparators::after(chars, unit_end);
        let after = after_word.map(|(w, cmp, _)| (w, cmp));
        let end = after_word.map_or(unit_end, |(_, _, end)| end);
        let before = comparators::before(chars, i);
        for (k, n) in list.iter().enumerate() {
            if !(n.value * mult).is_finite() {
                continue;
            }
            out.push(Mention {
                start: i,
                num_start: n.start,
                unit_end,
                end,
                value: numbers::round(n.value * mult, 4),
                value_max: hi.map(|h| numbers::round(h.value * mult, 4)),
                unit,
                chinese: n.chinese,
                fraction: n.percent,
                more_than,
                before,
                after,
                list_index: k,
            });
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(s: &str) -> Vec<(f64, Option<f64>, &'static str, Comparator)> {
        let c: Vec<char> = s.chars().collect();
        scan(&c, 0, c.len())
            .into_iter()
            .map(|m| (m.value, m.value_max, m.unit, m.comparator()))
            .collect()
    }

    #[test]
    fn a_unit_on_the_line_after_its_number_is_read() {
        assert_eq!(
            mentions("投资突破2900\n亿元，"),
            [(2900.0, None, "亿元", Comparator::Gt)]
        );
        assert_eq!(
            mentions("达到150\r\n  家"),
            [(150.0, None, "家", Comparator::Eq)]
        );
        // A blank line is a paragraph break: the number stands alone.
        assert!(mentions("共2900\n\n亿元").is_empty());
        // The break may fall between the magnitude and the rest of the unit.
        assert_eq!(
            mentions("突破6000亿\n元，"),
            [(6000.0, None, "亿元", Comparator::Gt)]
        );
    }

    #[test]
    fn number_and_unit() {
        assert_eq!(
            mentions("劳动生产率达到30万元/人"),
            vec![(30.0, None, "万元/人", Comparator::Eq)]
        );
        assert_eq!(mentions("亩均税收达到50万元/亩以上")[0].2, "万元/亩");
        use Comparator::*;
        assert_eq!(
            mentions("高新技术企业不少于120户"),
            vec![(120.0, None, "户", Ge)]
        );
        assert_eq!(
            mentions("规划面积约3.2平方公里"),
            vec![(3.2, None, "平方公里", Approx)]
        );
        assert_eq!(
            mentions("孵化场地面积达30万平方米"),
            vec![(30.0, None, "万平方米", Eq)]
        );
        assert_eq!(
            mentions("利用外资额150亿美元"),
            vec![(150.0, None, "亿美元", Eq)]
        );
        assert_eq!(
            mentions("规模达到1.5万亿元"),
            vec![(1.5, None, "万亿元", Eq)]
        );
        assert_eq!(mentions("研发投入占比达到3%"), vec![(3.0, None, "%", Eq)]);
        assert_eq!(mentions("提高2个百分点"), vec![(2.0, None, "个百分点", Eq)]);
    }

    #[test]
    fn magnitude_words_stay_in_the_unit_as_written() {
        // `1万名` is written as one figure of the unit `万名`, like `2万人` and `30亿元`.
        assert_eq!(
            mentions("培训人才1万名")[0],
            (1.0, None, "万名", Comparator::Eq)
        );
        assert_eq!(mentions("企业1.5万家")[0].0, 1.5);
        assert_eq!(mentions("企业1.5万家")[0].2, "万家");
        assert_eq!(mentions("举办50场次讲座")[0].2, "场次");
        assert_eq!(
            mentions("新增就业两万人")[0],
            (2.0, None, "万人", Comparator::Eq)
        );
        assert_eq!(
            mentions("新增就业2万人")[0],
            (2.0, None, "万人", Comparator::Eq)
        );
        assert_eq!(
            mentions("营收达到三千亿元")[0],
            (3000.0, None, "亿元", Comparator::Eq)
        );
        assert_eq!(
            mentions("营收达到三万亿元")[0],
            (3.0, None, "万亿元", Comparator::Eq)
        );
        // A numeral gives what the same figure in digits gives (G18).
        assert_eq!(
            mentions("装机规模达到百万千瓦")[0],
            (100.0, None, "万千瓦", Comparator::Eq)
        );
        assert_eq!(
            mentions("集聚人才近两万人")[0],
            (2.0, None, "万人", Comparator::Approx)
        );
    }

    #[test]
    fn ranges_and_lists() {
        use Comparator::*;
        assert_eq!(
            mentions("培育2-3家龙头企业"),
            vec![(2.0, Some(3.0), "家", Ge)]
        );
        assert_eq!(mentions("建设1到2个基地"), vec![(1.0, Some(2.0), "个", Ge)]);
        assert_eq!(
            mentions("面积分别为7、33、74平方公里"),
            vec![
                (7.0, None, "平方公里", Eq),
                (33.0, None, "平方公里", Eq),
                (74.0, None, "平方公里", Eq)
            ]
        );
    }

    #[test]
    fn chinese_numerals_and_fractions() {
        use Comparator::*;
        assert_eq!(mentions("培育十五家企业"), vec![(15.0, None, "家", Eq)]);
        assert_eq!(mentions("占全市三分之一"), vec![(33.33, None, "%", Eq)]);
        assert_eq!(mentions("比重达到百分之十五"), vec![(15.0, None, "%", Eq)]);
        assert_eq!(mentions("近三分之一"), vec![(33.33, None, "%", Approx)]);
    }

    #[test]
    fn more_than_and_after_words() {
        use Comparator::*;
        assert_eq!(mentions("工业企业3000余家"), vec![(3000.0, None, "家", Gt)]);
        assert_eq!(mentions("达到2000家以上"), vec![(2000.0, None, "家", Ge)]);
        assert_eq!(mentions("年均增长18%左右"), vec![(18.0, None, "%", Approx)]);
        assert_eq!(mentions("降低至30%以下"), vec![(30.0, None, "%", Le)]);
    }

    #[test]
    fn no_unit_no_mention() {
        for s in [
            "2025年",
            "5G网络",
            "〔2017〕133号",
            "第八十次",
            "十九大",
            "5月28-30日",
            "一批项目",
            "项目建设",
            "万众创新",
            "每万人",
            "百家争鸣",
            "2018-2020年",
            "4.加快推进",
            "25KV互感器",
            "两院院士",
        ] {
            assert!(mentions(s).is_empty(), "{s}: {:?}", mentions(s));
        }
    }

    #[test]
    fn transport_and_energy_units() {
        use Comparator::*;
        assert_eq!(
            mentions("每周全货机航班达到150班"),
            vec![(150.0, None, "班", Eq)]
        );
        assert_eq!(
            mentions("中欧班列开行突破800列。"),
            vec![(800.0, None, "列", Gt)]
        );
        assert_eq!(
            mentions("集装箱吞吐量达到300万标箱")[0],
            (300.0, None, "万标箱", Eq)
        );
        assert_eq!(
            mentions("年发电量超过5亿千瓦时")[0],
            (5.0, None, "亿千瓦时", Gt)
        );
        assert!(mentions("3列入名单").is_empty());
    }

    #[test]
    fn unit_heads_of_other_words_are_not_units() {
        assert!(mentions("3项目").is_empty());
        assert!(mentions("两条件").is_empty());
        assert_eq!(mentions("3项技术").len(), 1);
    }
}
