//! What each line of a document is: a numbered heading, a candidate unnumbered heading,
//! body text or something else (signature, date, navigation). Pure predicates over the
//! half-width view of one line. Web boilerplate never reaches them: ingest removes it
//! (`ingest::clean`) before any text is parsed.

use super::normalize::char_count;
use crate::parse::lexicon::documents::{OWN_DOCUMENT_KINDS, PURPOSE_WORDS};

/// A heading number at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Conventional depth of the numbering style: 0 `第一章`, 1 `第一节`, 2 `一、`,
    /// 3 `(一)`, 4 `1.` and `第一条`, 5 `(1)`, 6 `①`.
    pub rank: u8,
    /// Normalised number (`三`, `(一)`, `1`, `(1)`, `①`, `第一章`).
    pub number: String,
    /// Chars taken by the marker and the spaces after it.
    pub len: usize,
}

const CN_DIGITS: &str = "零〇一二三四五六七八九十百两";

fn is_cn_digit(c: char) -> bool {
    CN_DIGITS.contains(c)
}

/// Leading run of chars satisfying `f`, at most `max` of them.
fn take_run(s: &str, max: usize, f: impl Fn(char) -> bool) -> &str {
    let mut end = 0;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n == max || !f(c) {
            return &s[..i];
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

/// Recognises the heading number at the start of a (trimmed, half-width) line.
/// Numbers inside figures (`1.5亿元`, `2022年`) are not markers.
pub fn parse_marker(line: &str) -> Option<Marker> {
    marker_checked(line, false)
}

/// A `N.` marker whose title opens with a digit (`11.121人才梯队项目`), which
/// [`parse_marker`] refuses as a possible decimal (`1.5亿元`); the caller accepts it only
/// where it continues the numbering of the items before it.
pub fn parse_marker_before_digit(line: &str) -> Option<Marker> {
    marker_checked(line, true).filter(|m| m.rank == 4 && parse_marker(line).is_none())
}

fn marker_checked(line: &str, digit_after: bool) -> Option<Marker> {
    let (rank, number, rest) = marker_parts(line)?;
    // `(一)、` and `(1).` carry a redundant separator after the bracket.
    let rest = match rank {
        3 | 5 => rest.strip_prefix(['、', '.']).unwrap_or(rest),
        _ => rest,
    };
    let after = rest.trim_start_matches([' ', '\t']);
    let first = after.chars().next()?;
    // A digit after an Arabic number may be a decimal (`1.5亿元`); after a Chinese one
    // (`二、2018年工作要点`) it opens the title.
    let arabic = number.chars().any(|c| c.is_ascii_digit());
    if (first.is_ascii_digit() && !digit_after && arabic)
        || matches!(first, '%' | '.' | '、' | ')' | '年' | '月' | '日')
    {
        return None;
    }
    let len = char_count(&line[..line.len() - after.len()]);
    Some(Marker { rank, number, len })
}

fn marker_parts(line: &str) -> Option<(u8, String, &str)> {
    let first = line.chars().next()?;
    if let Some(rest) = line.strip_prefix('第') {
        // `第十条`, `第10条`, and `第 1 0 条` as a PDF spaces it out.
        let run = take_run(rest, 8, |c| {
            is_cn_digit(c) || c.is_ascii_digit() || c == ' '
        });
        let tail = rest[run.len()..].trim_start();
        let num: String = run.chars().filter(|&c| c != ' ').collect();
        let mixed = num.chars().any(|c| c.is_ascii_digit()) && num.chars().any(is_cn_digit);
        if num.is_empty() || mixed {
            return None;
        }
        for (suffix, rank) in [('章', 0), ('部', 0), ('节', 1), ('条', 4)] {
            if !num.is_empty()
                && let Some(t) = tail.strip_prefix(suffix)
            {
                // `第一部分`: the `部` opens `部分`.
                let (t, number) = match (suffix, t.strip_prefix('分')) {
                    ('部', Some(t)) => (t, format!("第{num}部分")),
                    ('部', None) => continue,
                    _ => (t, format!("第{num}{suffix}")),
                };
                return Some((rank, number, t));
            }
        }
        return None;
    }
    if is_cn_digit(first) {
        let num = take_run(line, 3, is_cn_digit);
        let rest = &line[num.len()..];
        let rest = rest.strip_prefix('、').or_else(|| rest.strip_prefix('.'))?;
        return Some((2, num.to_string(), rest));
    }
    if let Some(inner) = line.strip_prefix('(') {
        let cn = take_run(inner, 3, is_cn_digit);
        if !cn.is_empty() {
            let rest = inner[cn.len()..].strip_prefix(')')?;
            return Some((3, format!("({cn})"), rest));
        }
        let digits = take_run(inner, 2, |c| c.is_ascii_digit());
        if !digits.is_empty() {
            let rest = inner[digits.len()..].strip_prefix(')')?;
            return Some((5, format!("({digits})"), rest));
        }
        return None;
    }
    if first.is_ascii_digit() {
        let digits = take_run(line, 2, |c| c.is_ascii_digit());
        let rest = &line[digits.len()..];
        // `1.`, `1、`, and `1﹒` (a small full stop some documents use).
        let rest = rest.strip_prefix(['.', '、', '\u{FE52}'])?;
        return Some((4, digits.to_string(), rest));
    }
    let rest = &line[first.len_utf8()..];
    match first {
        '\u{2474}'..='\u{2487}' => Some((5, format!("({})", first as u32 - 0x2473), rest)),
        '\u{2460}'..='\u{2473}' => Some((6, first.to_string(), rest)),
        _ => None,
    }
}

/// The lead sentence of a run-in action paragraph (`实施创新主体培育行动。…`): a short
/// first sentence opening with `实施` and naming an action, project or programme. Returns
/// the lead without its `。`.
pub fn action_lead(line: &str) -> Option<&str> {
    let lead = &line[..line.find('。')?];
    let named = ["行动", "工程", "计划"].iter().any(|w| lead.ends_with(w));
    (lead.starts_with("实施") && named && lead.chars().count() <= 30).then_some(lead)
}

/// Sentence-ending punctuation inside a line.
fn has_sentence_end(s: &str) -> bool {
    // Two fast searches rather than one that decodes every char.
    s.contains("。") || s.as_bytes().iter().any(|&b| b == b'!' || b == b'?')
}

/// Whether a line reads as running text (a paragraph of the document).
pub fn is_body(line: &str) -> bool {
    reads_as_text(line)
}

/// Running-text shape of a line.
fn reads_as_text(line: &str) -> bool {
    // `nth(k - 1)` tells whether the line has k chars without counting all of them.
    let at_least = |k: usize| line.chars().nth(k - 1).is_some();
    at_least(4)
        && (has_sentence_end(line) || (line.ends_with([',', ';', ':', '—', '…']) && at_least(30)))
}

/// Whether a line stops in the middle of a sentence (a paragraph wrapped over several
/// lines, as in text taken from a PDF): a long line ending in a character or a comma, or a
/// line of any length ending in `、`, which always has another item after it
/// (`责任单位：市商务局、` / `市财政局`).
pub fn ends_mid_sentence(line: &str) -> bool {
    breaks_off(line, false)
}

/// Whether a line breaks off inside a sentence that the next line finishes. `continued`:
/// the line itself goes on from a line broken mid-sentence. Ending in `、` it always does.
/// Ending in a character or a comma, a line alone breaks off only when it is long running
/// text, with clause marks (a title or a heading has none, however long); the middle of a
/// wrapped paragraph is no title, so it breaks off whatever its length (a text broken at
/// ragged places: `…固定资产投资突破2900` / `亿元,新引进亿元以上项目` / `60个。`).
pub fn breaks_off(line: &str, continued: bool) -> bool {
    let last = line.chars().last().unwrap_or('。');
    if last == '、' || ends_in_cut_figure(line) {
        return true;
    }
    let open = ('\u{4e00}'..='\u{9fff}').contains(&last)
        || last.is_ascii_alphanumeric()
        || matches!(last, ',' | '“' | '(' | '《');
    open && (continued || (line.chars().nth(14).is_some() && line.contains([',', '、', '。', ';'])))
}

/// Whether a line ends in two or more digits: a figure or a year cut from its unit by a line
/// break (`力争到2027` / `年,…`, `突破2900` / `亿元`), never the end of a title.
pub fn ends_in_cut_figure(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 2 && b[b.len() - 1].is_ascii_digit() && b[b.len() - 2].is_ascii_digit()
}

/// Whether `line` goes on with the paragraph whose last line is `prev`: running text, or
/// any line after a line broken mid-sentence — but never a bare date or a closing clause.
pub fn continues(prev: &str, line: &str) -> bool {
    if is_date_only(line) || is_closing(line) {
        return false;
    }
    reads_as_text(line) || ends_mid_sentence(prev)
}

pub(crate) use crate::ingest::layout::is_page_number;

/// The closing clause of a document (`本意见自印发之日起施行。`), never part of a task.
pub fn is_closing(line: &str) -> bool {
    if line.len() > 240 {
        return false;
    }
    let own_doc = line
        .strip_prefix('本')
        .is_some_and(|r| OWN_DOCUMENT_KINDS.iter().any(|d| r.starts_with(d)));
    // Searched only for a line naming its own document.
    let in_force = || {
        ["之日起", "起施行", "起实施", "起执行"]
            .iter()
            .any(|w| line.contains(w))
    };
    (own_doc && in_force()) || line.contains("负责解释")
}

/// The opening clause of a policy stating its purpose and basis (`为加快…,结合实际,制定本
/// 政策。`), never a task.
pub fn states_purpose(text: &str) -> bool {
    let opens = text.starts_with('为') || text.starts_with("根据");
    opens && text.len() <= 600 && PURPOSE_WORDS.iter().any(|w| text.contains(w))
}

/// A line holding nothing but a date (the date under a signature).
pub fn is_date_only(line: &str) -> bool {
    line.len() <= 60 && date_in(line).is_some_and(|(_, r)| r.start == 0 && r.end == line.len())
}

/// Whether a line may be a short unnumbered heading (`提升自主创新能力`); the caller also
/// checks that body text follows it.
pub fn is_heading_like(line: &str) -> bool {
    let n = line.chars().count();
    if !(2..=30).contains(&n) || has_sentence_end(line) {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    let last = line.chars().last().unwrap_or(' ');
    !first.is_ascii_digit()
        && !matches!(
            last,
            ',' | ';' | ':' | '、' | '.' | '—' | '…' | '-' | ')' | '(' | '|' | '>'
        )
        && !line.contains([':', '|', '>', ';'])
        && date_in(line).is_none()
}

/// A calendar date written in the line (`2022年3月10日`, `2022-03-10`, `2018/7/11`,
/// `二〇一七年十一月九日`), as `(year, month, day)` with its byte range.
pub fn date_in(line: &str) -> Option<((i32, u32, u32), std::ops::Range<usize>)> {
    if !line.contains(|c: char| c.is_ascii_digit() || c == '〇' || c == '零') {
        return None;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    (0..chars.len()).find_map(|i| {
        if i > 0 && chars[i - 1].1.is_ascii_digit() {
            return None;
        }
        let (ymd, used) = date_at(&chars[i..])?;
        let end = chars.get(i + used).map_or(line.len(), |&(b, _)| b);
        Some((ymd, chars[i].0..end))
    })
}

fn date_at(chars: &[(usize, char)]) -> Option<((i32, u32, u32), usize)> {
    let mut pos = 0;
    let year = read_year(chars, &mut pos)?;
    let sep = chars.get(pos)?.1;
    if !matches!(sep, '年' | '-' | '/' | '.') {
        return None;
    }
    pos += 1;
    let month = read_small(chars, &mut pos)?;
    let sep2 = chars.get(pos)?.1;
    let ok = match sep {
        '年' => sep2 == '月',
        s => sep2 == s,
    };
    if !ok {
        return None;
    }
    pos += 1;
    let day = read_small(chars, &mut pos)?;
    if sep == '年' {
        if chars.get(pos).map(|c| c.1) != Some('日') {
            return None;
        }
        pos += 1;
    } else if chars.get(pos).is_some_and(|c| c.1.is_ascii_digit()) {
        return None;
    }
    ((1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in(year, month)).contains(&day))
    .then_some(((year, month, day), pos))
}

/// Days of `month` in `year` (Gregorian calendar): a date such as `2月30日` is no date.
fn days_in(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

fn cn_digit_value(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or((c == '零').then_some(0))
}

fn read_year(chars: &[(usize, char)], pos: &mut usize) -> Option<i32> {
    let mut value = 0i32;
    for k in 0..4 {
        let c = chars.get(*pos + k)?.1;
        let d = c.to_digit(10).or_else(|| cn_digit_value(c))?;
        value = value * 10 + d as i32;
    }
    *pos += 4;
    Some(value)
}

/// A month or day: one or two ASCII digits, or a Chinese numeral up to 三十一.
fn read_small(chars: &[(usize, char)], pos: &mut usize) -> Option<u32> {
    let start = *pos;
    let digits: String = chars[start..]
        .iter()
        .take(2)
        .map(|c| c.1)
        .take_while(char::is_ascii_digit)
        .collect();
    if !digits.is_empty() {
        *pos += digits.len();
        return digits.parse().ok();
    }
    let mut value = 0;
    let mut tens = false;
    let mut any = false;
    while let Some(&(_, c)) = chars.get(*pos) {
        if c == '十' {
            value = if any { value * 10 } else { 10 };
            tens = true;
        } else if let Some(d) = cn_digit_value(c) {
            value = if tens { value + d } else { value * 10 + d };
        } else {
            break;
        }
        any = true;
        *pos += 1;
    }
    any.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(line: &str) -> Option<(u8, String)> {
        parse_marker(line).map(|m| (m.rank, m.number))
    }

    #[test]
    fn every_heading_number_style_is_recognised() {
        assert_eq!(num("三、加强保障"), Some((2, "三".into())));
        assert_eq!(num("十二、附则"), Some((2, "十二".into())));
        assert_eq!(num("(二)优化服务"), Some((3, "(二)".into())));
        assert_eq!(num("3.培育企业。正文"), Some((4, "3".into())));
        assert_eq!(num("12、建设平台"), Some((4, "12".into())));
        assert_eq!(num("(4)推进合作"), Some((5, "(4)".into())));
        assert_eq!(num("②完善机制"), Some((6, "②".into())));
        assert_eq!(num("⑶完善机制"), Some((5, "(3)".into())));
        assert_eq!(num("第二章 发展目标"), Some((0, "第二章".into())));
        assert_eq!(
            num("第十二条 对企业给予奖励。"),
            Some((4, "第十二条".into()))
        );
        assert_eq!(num("第三部分 重点任务"), Some((0, "第三部分".into())));
        assert_eq!(num("第10条 支持企业上市。"), Some((4, "第10条".into())));
        assert_eq!(num("第 1 0 条 支持企业上市。"), Some((4, "第10条".into())));
        assert_eq!(num("2\u{FE52}建设创新平台。"), Some((4, "2".into())));
        assert_eq!(num("第三部门"), None);
        assert_eq!(num("(三)、强化保障"), Some((3, "(三)".into())));
    }

    #[test]
    fn figures_and_years_are_not_heading_numbers() {
        assert_eq!(num("1.5亿元用于补助"), None);
        assert_eq!(num("2022年工作要点"), None);
        assert_eq!(num("3.6平方公里的园区"), None);
        assert_eq!(num("(以下简称园区)"), None);
        assert_eq!(num("一是加强领导"), None);
        assert_eq!(num("5G基站建设"), None);
        assert_eq!(num("1、2月份产值"), None);
    }

    #[test]
    fn a_title_opening_with_a_digit_is_offered_separately() {
        assert!(parse_marker("11.121人才梯队项目。").is_none());
        let m = parse_marker_before_digit("11.121人才梯队项目。").unwrap();
        assert_eq!((m.rank, m.number.as_str()), (4, "11"));
        assert!(parse_marker_before_digit("3.推进合作").is_none());
    }

    #[test]
    fn a_chinese_number_may_head_a_title_opening_with_a_year() {
        let m = parse_marker("二、2018年工作总体要求和目标任务").unwrap();
        assert_eq!((m.rank, m.number.as_str()), (2, "二"));
        assert!(parse_marker("(三)2025年主要目标").is_some());
        // An Arabic number before a digit is still a decimal or a list of months.
        assert!(parse_marker("1.5亿元的项目").is_none());
    }

    #[test]
    fn marker_length_includes_following_spaces() {
        assert_eq!(parse_marker("1. 推进合作").unwrap().len, 3);
        assert_eq!(parse_marker("(十)推进合作").unwrap().len, 3);
    }

    #[test]
    fn action_leads_open_run_in_paragraphs() {
        assert_eq!(
            action_lead("实施招商引资攻坚行动。瞄准重点产业链。"),
            Some("实施招商引资攻坚行动")
        );
        assert_eq!(
            action_lead("实施人才安居工程。建设公寓。"),
            Some("实施人才安居工程")
        );
        assert_eq!(action_lead("实施方案印发后,各部门抓好落实。"), None);
        assert_eq!(action_lead("推进招商行动。引进企业。"), None);
        assert_eq!(action_lead("实施招商行动"), None);
    }

    #[test]
    fn body_and_heading_lines_are_told_apart() {
        assert!(is_body("推进园区建设,完善配套设施。"));
        assert!(!is_body("发展目标"));
        assert!(is_heading_like("优化营商环境"));
        assert!(!is_heading_like("优化营商环境。"));
        assert!(!is_heading_like("来源:某某日报"));
        assert!(!is_heading_like("2019年5月6日"));
        assert!(!is_heading_like("各区县政府:"));
    }

    #[test]
    fn wrapped_lines_continue_their_paragraph() {
        let prev = "推进园区建设,完善配套设施,加快引进一批龙头企业和配套";
        assert!(ends_mid_sentence(prev));
        assert!(continues(prev, "企业"));
        // A short line ending in `、` goes on: its list has another item.
        assert!(ends_mid_sentence("责任单位:行政审批局、"));
        assert!(continues("责任单位:行政审批局、", "政务服务中心"));
        assert!(!ends_mid_sentence("责任单位:行政审批局"));
        assert!(!continues("推进园区建设,完善配套设施。", "某市人民政府"));
        assert!(!continues(prev, "2020年5月1日"));
        assert!(!ends_mid_sentence("发展目标"));
        // A long title has no clause marks: it does not run into the line after it.
        assert!(!ends_mid_sentence(
            "关于加快推进经济技术开发区创新提升打造改革开放新高地的实施意见"
        ));
        // The middle of a wrapped paragraph breaks off whatever its length, unless it ends
        // its sentence.
        assert!(breaks_off("亿元以上产业项目", true));
        assert!(!breaks_off("亿元以上产业项目", false));
        assert!(!breaks_off("40个。", true));
        assert!(!continues("设立专项资金。", "本意见自印发之日起施行。"));
        assert!(is_page_number("- 12 -") && is_page_number("第3页 共9页"));
        assert!(!is_page_number("12家企业"));
        assert!(!continues("设立专项资金。", "本办法由市科技局负责解释。"));
        assert!(is_closing("本政策自2023年1月1日起施行。"));
    }

    #[test]
    fn purpose_clauses_are_recognised() {
        assert!(states_purpose(
            "为支持园区企业创新发展,结合本区实际,制定本办法。"
        ));
        assert!(states_purpose("根据有关规定,特制定如下措施。"));
        assert!(!states_purpose("为企业提供一站式服务,建设服务中心。"));
        assert!(!states_purpose("制定本区产业地图。"));
    }

    #[test]
    fn dates_in_several_writings() {
        let d = |s: &str| date_in(s).map(|x| x.0);
        assert_eq!(d("2019年5月6日"), Some((2019, 5, 6)));
        // Only days the month has.
        assert_eq!(d("2019年2月30日"), None);
        assert_eq!(d("2021-04-31"), None);
        assert_eq!(d("2019年2月29日"), None);
        assert_eq!(d("2020年2月29日"), Some((2020, 2, 29)));
        assert_eq!(d("2000/2/29"), Some((2000, 2, 29)));
        assert_eq!(d("2100年2月29日"), None);
        assert_eq!(d("2021年12月31日"), Some((2021, 12, 31)));
        assert_eq!(d("发布时间:2020-12-01 10:00"), Some((2020, 12, 1)));
        assert_eq!(d("发布日期:2016/7/9 8:00:01"), Some((2016, 7, 9)));
        assert_eq!(d("二〇一九年十二月二十日"), Some((2019, 12, 20)));
        assert_eq!(d("到2025年底前完成"), None);
        assert_eq!(d("2018-2020年"), None);
    }
}
