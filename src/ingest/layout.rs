//! Lines of a PDF back into paragraphs: a line that fills the text width and does not end
//! a sentence continues on the next line (or the next page); page numbers are dropped.

/// Joins the text of the pages, one line per paragraph, ending with a line break.
pub fn assemble(pages: &[String]) -> String {
    let mut out = String::new();
    let mut open = false;
    for page in pages {
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty() && !is_page_number(l))
            .collect();
        let full = lines.iter().map(|l| width(l)).max().unwrap_or(0);
        for line in lines {
            push_line(&mut out, line, open, |c| c.is_ascii_alphanumeric());
            open = full >= 24
                && width(line) * 100 >= full * 85
                && !ends_sentence(line)
                && !has_cell_gap(line);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Appends `line` to `out`: joined to the paragraph `out` ends with when that paragraph is
/// `open` (broken at the page width) and the line opens no heading — with a space when the
/// paragraph ends in a Latin letter or digit and the line opens with a char `glues` — else
/// on a line of its own.
fn push_line(out: &mut String, line: &str, open: bool, glues: fn(char) -> bool) {
    if open && !starts_like_heading(line) {
        let line = line.trim_start();
        if out.ends_with(|c: char| c.is_ascii_alphanumeric()) && line.starts_with(glues) {
            out.push(' ');
        }
        out.push_str(line);
    } else {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(line);
    }
}

/// Plain text laid out at a fixed width (a PDF saved as text): lines that fill the width
/// without ending a sentence are joined with the next, as [`assemble`] joins a PDF's lines.
/// Blank lines stay paragraph breaks. `None` when the text is not laid out so: at least
/// eight lines, and a quarter of them (three or more) fill the common full width (the 90th
/// percentile of widths) without ending a sentence. Text with a paragraph per line (a web
/// page) has almost no such lines.
pub fn unwrap_plain(text: &str) -> Option<String> {
    let mut widths: Vec<usize> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(width)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    let full = widths[widths.len() * 9 / 10];
    if full < 24 {
        return None;
    }
    let fills = |l: &str| {
        let w = width(l);
        w * 100 >= full * 85 && w <= full + 4 && !ends_sentence(l) && !has_cell_gap(l)
    };
    let open_lines = text.lines().filter(|l| fills(l)).count();
    if open_lines < 3 || open_lines * 4 < widths.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    for line in text.lines() {
        if line.trim().is_empty() || is_page_number(line) {
            if line.trim().is_empty() {
                out.push('\n');
                open = false;
            }
            continue;
        }
        // A number broken over two lines is one number: only a word after a word or
        // number gets a space.
        push_line(&mut out, line, open, |c| c.is_ascii_alphabetic());
        open = fills(line);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// Digits a PDF spread out with single spaces (`总产值2 9 0 0亿元`, `达到1 5 0家`) written
/// together again: a run of two or more single digits separated by one space, beside a
/// Chinese character on at least one side (so an ASCII list `1 2 3` stays).
pub fn join_spaced_digits(text: &str) -> Option<String> {
    // Most texts have no digit, space, digit at all: one pass over the bytes says so
    // without decoding the text into chars.
    let spread = text
        .as_bytes()
        .windows(3)
        .any(|w| w[1] == b' ' && w[0].is_ascii_digit() && w[2].is_ascii_digit());
    if !spread {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lone_digit_start = c.is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric() && chars[i - 1] != '.');
        if lone_digit_start {
            // i, i+2, i+4 … are digits with single spaces between and nothing glued on.
            let mut end = i + 1;
            while end + 1 < chars.len()
                && chars[end] == ' '
                && chars[end + 1].is_ascii_digit()
                && chars.get(end + 2).is_none_or(|n| !n.is_ascii_digit())
            {
                end += 2;
            }
            let run = (end - i).div_ceil(2);
            // Beside a Chinese character, directly or across one space or line break.
            let cjk = |k: Option<usize>| {
                k.and_then(|k| chars.get(k))
                    .is_some_and(|a| !a.is_ascii() && !a.is_whitespace())
            };
            let gap = |k: Option<usize>| {
                k.and_then(|k| chars.get(k))
                    .is_some_and(|a| matches!(a, ' ' | '\n'))
            };
            let before_cjk =
                cjk(i.checked_sub(1)) || (gap(i.checked_sub(1)) && cjk(i.checked_sub(2)));
            let after_cjk = cjk(Some(end)) || (gap(Some(end)) && cjk(Some(end + 1)));
            if run >= 2 && (before_cjk || after_cjk) {
                out.extend(chars[i..end].iter().filter(|c| **c != ' '));
                changed = true;
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// Spaces set around a figure inside running text (`新增铁路专用线 3 条`, `增长 12 % 以上`,
/// `到 2027 年`), as PDF extraction and some web typesetting leave them, removed: a figure
/// is read with its unit and its year only when they touch. Only prose lines are changed
/// (a line with a full-width `，` `。` `；` or `、`): in a table row written as text the
/// spaces separate cells.
pub fn close_figure_gaps(text: &str) -> Option<String> {
    // Most texts have no digit beside a space: one pass over the bytes says so.
    let spaced = text.as_bytes().windows(2).any(|w| {
        (w[0] == b' ' && (w[1].is_ascii_digit() || w[1] == b'%'))
            || (w[1] == b' ' && (w[0].is_ascii_digit() || w[0] == b'%'))
    });
    if !spaced {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if !line.contains(['，', '。', '；', '、']) {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        // The space after the number opening a table row (`1 到2027年… 市发改委 市统计局`:
        // cells parted by spaces) parts cells: it stays. A line opening with a wrapped
        // figure (`10 家以上。`) is no row.
        let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
        let lead = indent
            + chars[indent..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
        let lead = if has_cell_gaps(&chars[lead..]) {
            lead
        } else {
            usize::MAX
        };
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == ' ' && i > 0 && i != lead {
                let run = chars[i..].iter().take_while(|&&c| c == ' ').count();
                let (a, b) = (chars[i - 1], chars.get(i + run).copied());
                if run <= 2 && b.is_some_and(|b| figure_gap(a, b, &chars[i + run + 1..])) {
                    changed = true;
                    i += run;
                    continue;
                }
            }
            out.push(c);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Whether a space between `a` and `b` (`after`: the chars after `b`) sits inside a
/// figure's writing: between a number and its unit, percent sign or year mark, between a
/// word and the number after it, or around the point of a decimal.
fn figure_gap(a: char, b: char, after: &[char]) -> bool {
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let digit_after = after
        .iter()
        .find(|&&c| c != ' ')
        .is_some_and(char::is_ascii_digit);
    ((a.is_ascii_digit() || a == '%') && (cjk(b) || b == '%'))
        || (cjk(a) && b.is_ascii_digit() && !names_with_letters(after))
        || (a.is_ascii_digit() && b == '.' && digit_after)
        || (a == '.' && b.is_ascii_digit())
}

/// Whether a line's chars hold two or more spaces between Chinese chars (cells of a table
/// row laid out with spaces).
fn has_cell_gaps(chars: &[char]) -> bool {
    let cjk = |c: &char| !c.is_ascii() && !c.is_whitespace();
    chars
        .windows(3)
        .filter(|w| w[1] == ' ' && cjk(&w[0]) && cjk(&w[2]))
        .nth(1)
        .is_some()
}

/// Whether the digits opening `rest` run into Latin letters (`5G`, `3D`): a name, not a
/// figure.
fn names_with_letters(rest: &[char]) -> bool {
    rest.iter()
        .find(|c| !c.is_ascii_digit() && **c != '.')
        .is_some_and(char::is_ascii_alphabetic)
}

/// Printed width in half-width columns: ASCII counts one, everything else two.
fn width(line: &str) -> usize {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '。', '；', ';', '：', ':', '！', '!', '？', '?', '”', '》', ')', '）',
    ])
}

/// A space beside a Chinese character: a gap between table cells, not running prose.
fn has_cell_gap(line: &str) -> bool {
    let chars: Vec<char> = line.trim().chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == ' ' && (!w[0].is_ascii() || !w[2].is_ascii()))
}

/// A page number left by a page break: `- 3 -`, `— 3 —`, `第3页`, `3/10`, `第 3 页 共 10 页`.
/// The one page-number rule: the parser reads text through it too.
pub(crate) fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 14
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || " -—–_/·第页共".contains(c))
}

/// Numbered headings start a paragraph even when the previous line looks unfinished.
pub fn starts_like_heading(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    let cjk_digit = |c: char| "一二三四五六七八九十".contains(c);
    (cjk_digit(first) && second == '、')
        || ((first == '(' || first == '（') && (cjk_digit(second) || second.is_ascii_digit()))
        || (first.is_ascii_digit()
            && t.trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['.', '、', '．']))
        || ('①'..='⑳').contains(&first)
        || (first == '第' && t.chars().take(6).any(|c| "章节条".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_at_a_fixed_width_is_unwrapped() {
        let text = "某区产业发展三年行动方案\n\
            一、主要目标\n\
            到2025年,全区规模以上工业总产值达到九百亿元,年均增\n\
            长百分之八以上;高新技术企业达到一百五十家,研发投入\n\
            强度达到百分之三。\n\
            二、重点任务\n\
            1.推进园区扩容提质。加快标准厂房建设,新建标准厂房一\n\
            百万平方米,盘活低效用地五百亩,完善园区道路管网等基\n\
            础设施。\n\
            2.培育龙头企业。支持企业兼并重组,培育产值超百亿元企\n\
            业五家,新增上市企业三家,培育专精特新企业二十家以上\n\
            并给予支持。\n";
        let out = unwrap_plain(text).unwrap_or_default();
        assert!(out.contains("年均增长百分之八以上"), "{out}");
        assert!(out.contains("培育产值超百亿元企业五家"), "{out}");
        // Headings keep their own lines.
        assert!(out.contains("\n二、重点任务\n"), "{out}");
        assert!(out.contains("\n2.培育龙头企业"), "{out}");
    }

    #[test]
    fn a_paragraph_per_line_is_left_alone() {
        let text = "一、总体要求\n推进园区建设。\n二、主要任务\n(一)建设平台。建成一批平台。\n\
                    (二)培育企业。培育一批企业。\n(三)优化服务。\n三、保障措施\n加强组织领导。\n";
        assert_eq!(unwrap_plain(text), None);
    }

    #[test]
    fn digits_spread_by_a_pdf_are_joined() {
        assert_eq!(
            join_spaced_digits("总产值2 9 0 0\n亿元,企业1 5 0家").as_deref(),
            Some("总产值2900\n亿元,企业150家")
        );
        assert_eq!(join_spaced_digits("第 1 0 条").as_deref(), Some("第 10 条"));
        assert_eq!(join_spaced_digits("steps 1 2 3 done"), None);
        assert_eq!(join_spaced_digits("增长12 %"), None);
    }

    #[test]
    fn spaces_around_a_figure_in_running_text_are_closed() {
        assert_eq!(
            close_figure_gaps("到 2027 年，新增货运专线 3 条，运量增长 12 % 以上。").as_deref(),
            Some("到2027年，新增货运专线3条，运量增长12%以上。")
        );
        assert_eq!(
            close_figure_gaps("比率降至 13 . 5 %，企业 15 家。").as_deref(),
            Some("比率降至13.5%，企业15家。")
        );
        // A figure wrapped to the start of a line is closed up.
        assert_eq!(
            close_figure_gaps("10 家以上。(牵头单位:区招商局)").as_deref(),
            Some("10家以上。(牵头单位:区招商局)")
        );
        // A table row keeps the spaces between its cells (and after its number); Latin
        // words keep theirs.
        assert_eq!(
            close_figure_gaps("1 培育企业50 家，建设平台 市工信局 市科技局、市统计局").as_deref(),
            Some("1 培育企业50家，建设平台 市工信局 市科技局、市统计局")
        );
        assert_eq!(close_figure_gaps("研发投入强度 2.5 3.0 预期性"), None);
        assert_eq!(close_figure_gaps("建成 5G 基站，推广 AI 应用。"), None);
        assert_eq!(close_figure_gaps("增长12%，企业15家。"), None);
    }

    #[test]
    fn wrapped_lines_join_headings_and_page_numbers_do_not() {
        let p1 = "一、发展目标\n到2025年,园区高新技术企业不少于一百二十户,\n研发投入强度达到百分之三以上,形成一批创\n新平台。\n- 1 -\n".to_string();
        let p2 = "新型研发机构达到十家以上,引进培养高层次人\n才不少于二十人。\n(二)保障措施\n"
            .to_string();
        let p1b = "1.加快推进工业互联网核心板块建设,规划面积约\n- 1 -\n".to_string();
        assert_eq!(
            assemble(&[p1, p2]),
            "一、发展目标\n到2025年,园区高新技术企业不少于一百二十户,研发投入强度达到百分之三以上,形成一批创新平台。\n新型研发机构达到十家以上,引进培养高层次人才不少于二十人。\n(二)保障措施\n"
        );
        let p2b = "(三)扩大对外开放\n".to_string();
        assert_eq!(
            assemble(&[p1b, p2b]),
            "1.加快推进工业互联网核心板块建设,规划面积约\n(三)扩大对外开放\n"
        );
    }
}
