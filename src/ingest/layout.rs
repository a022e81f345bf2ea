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
            if open && !starts_like_heading(line) {
                let glue = out.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_alphanumeric());
                if glue {
                    out.push(' ');
                }
                out.push_str(line.trim_start());
            } else {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
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
