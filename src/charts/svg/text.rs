//! Text measurement and line wrapping for the SVG writer, without a font at hand: widths
//! are estimated per character class, slightly on the wide side so text never collides.

/// Estimated advance of one character in em.
fn advance_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | '[' | ']' => 0.32,
        'm' | 'w' | 'M' | 'W' => 0.86,
        '0'..='9' => 0.58,
        'a'..='z' => 0.56,
        'A'..='Z' => 0.68,
        '%' | '&' | '@' => 0.86,
        c if (c as u32) < 0x2000 => 0.62,
        '–' => 0.6,
        '≥' | '≤' | '≈' | '×' | '·' | '—' => 1.0,
        '“' | '”' | '‘' | '’' => 1.0,
        _ => 1.0,
    }
}

/// Estimated width of `s` at `size` px.
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(advance_em).sum::<f64>() * size
}

/// Breaks that may not start a line (Chinese closing punctuation).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '\u{FF0C}'
            | '\u{3002}'
            | '\u{3001}'
            | '\u{FF1B}'
            | '\u{FF1A}'
            | '\u{FF09}'
            | '\u{300B}'
            | '\u{201D}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | ','
            | '.'
            | ')'
            | ';'
            | ':'
            | '%'
    )
}

fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// Splits text into pieces a line may break between: a Latin word with its trailing
/// space, or one CJK character with any closing punctuation after it.
fn atoms(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut open = String::new();
    for c in s.chars() {
        if matches!(c, '\u{FF08}' | '\u{300A}' | '\u{201C}' | '\u{3010}') {
            // opening brackets stay with what follows them
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            open.push(c);
            continue;
        }
        if !open.is_empty() {
            cur.insert_str(0, &std::mem::take(&mut open));
            if is_cjk(c) && !no_line_start(c) {
                cur.push(c);
                out.push(std::mem::take(&mut cur));
                continue;
            }
        }
        if no_line_start(c)
            && cur.is_empty()
            && let Some(last) = out.last_mut()
        {
            last.push(c);
            continue;
        }
        if is_cjk(c) && !no_line_start(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
            continue;
        }
        cur.push(c);
        if c == ' ' {
            out.push(std::mem::take(&mut cur));
        }
    }
    cur.push_str(&open);
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Wraps `s` into lines no wider than `max_width` px at `size` px (a single atom wider than
/// the line is broken by characters).
pub fn wrap(s: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for atom in atoms(s) {
        let candidate = format!("{line}{atom}");
        if text_width(candidate.trim_end(), size) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = atom.trim_start().to_string();
        }
        while text_width(line.trim_end(), size) > max_width && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                if text_width(&format!("{head}{c}"), size) > max_width && !head.is_empty() {
                    break;
                }
                head.push(c);
            }
            line = line[head.len()..].to_string();
            lines.push(head);
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Shortens `s` with `…` to fit `max_width` px.
pub fn truncate(s: &str, size: f64, max_width: f64) -> String {
    if text_width(s, size) <= max_width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&format!("{out}{c}…"), size) > max_width {
            break;
        }
        out.push(c);
    }
    out + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_cjk_and_latin_within_width() {
        let zh = "中德(沈阳)高端装备制造产业园,沈阳国家高新技术产业开发区";
        for l in wrap(zh, 14.0, 120.0) {
            assert!(text_width(&l, 14.0) <= 120.0, "{l}");
            assert!(!l.starts_with(','), "{l}");
        }
        let en = "Chongqing Liangjiang New Area National Independent Innovation Demonstration Zone";
        let lines = wrap(en, 13.0, 200.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), en);
        assert_eq!(wrap("", 12.0, 50.0), [""]);
        let src = "资料来源\u{FF1A}《沈阳市人民政府关于推进沈阳国家高新区高质量发展的意见》\u{FF08}2022-03-10\u{FF09}";
        for l in wrap(src, 12.0, 150.0) {
            assert!(!l.ends_with('\u{FF08}') && !l.ends_with('《'), "{l}");
        }
        assert_eq!(wrap(src, 12.0, 150.0).concat(), src);
    }

    #[test]
    fn truncates_with_ellipsis() {
        let t = truncate("高新技术企业不少于120户", 12.0, 60.0);
        assert!(t.ends_with('…') && text_width(&t, 12.0) <= 60.0);
        assert_eq!(truncate("短", 12.0, 60.0), "短");
    }
}
