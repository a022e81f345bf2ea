//! Finds telephone numbers and e-mail addresses in a line (for dropping contact lines).
//! Dates (`2021-06-15`), years and quantities do not look like either.

use std::ops::Range;

/// Byte ranges of the phone numbers and e-mail addresses in `line`, in order.
pub fn find(line: &str) -> Vec<Range<usize>> {
    let mut spans = phones(line);
    spans.extend(emails(line));
    spans.sort_by_key(|r| r.start);
    // Overlaps are impossible in practice (an address has an '@'), but keep ranges disjoint.
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Groups of ASCII digits joined by single `-`, `－` or spaces, e.g. `024-1234 5678`.
fn digit_groups(line: &str) -> Vec<(Range<usize>, Vec<&str>)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut groups = Vec::new();
        let mut end;
        loop {
            let g = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push(&line[g..i]);
            end = i;
            let sep = if line[i..].starts_with('-') || line[i..].starts_with(' ') {
                1
            } else if line[i..].starts_with('－') {
                '－'.len_utf8()
            } else {
                0
            };
            if sep > 0 && b.get(i + sep).is_some_and(u8::is_ascii_digit) {
                i += sep;
            } else {
                break;
            }
        }
        let followed_by_word = b.get(end).is_some_and(|c| c.is_ascii_alphabetic());
        if !followed_by_word {
            out.push((start..end, groups));
        }
        i = end.max(start + 1);
    }
    out
}

fn is_phone(groups: &[&str]) -> bool {
    let all: String = groups.concat();
    let len = all.len();
    let first = groups[0];
    match groups.len() {
        1 => {
            (len == 11 && all.starts_with('1') && matches!(all.as_bytes()[1], b'3'..=b'9'))
                || (all.starts_with('0') && (10..=12).contains(&len))
        }
        _ => {
            let mobile = len == 11 && first.starts_with('1') && first.len() == 3;
            let landline = first.starts_with('0')
                && (3..=4).contains(&first.len())
                && (7..=8).contains(&groups[1].len());
            let service = (first == "400" || first == "800") && len == 10;
            mobile || landline || service
        }
    }
}

fn phones(line: &str) -> Vec<Range<usize>> {
    digit_groups(line)
        .into_iter()
        .filter(|(_, g)| is_phone(g))
        .map(|(r, _)| r)
        .collect()
}

fn emails(line: &str) -> Vec<Range<usize>> {
    let b = line.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    let mut out = Vec::new();
    for (at, _) in line.match_indices('@') {
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        let host = line[at + 1..e].trim_end_matches('.');
        let e = at + 1 + host.len();
        if s < at && host.contains('.') && !host.starts_with('.') {
            out.push(s..e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str) -> Vec<&str> {
        find(line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn phones_and_emails() {
        assert_eq!(
            found("罗生:13802768887 詹:13802768635"),
            ["13802768887", "13802768635"]
        );
        assert_eq!(
            found("电话 024-12345678,传真(010)8765 4321"),
            ["024-12345678"]
        );
        assert_eq!(
            found("欢迎投稿:13570744358@139.com"),
            ["13570744358@139.com"]
        );
        assert_eq!(found("热线 400-123-4567。"), ["400-123-4567"]);
    }

    #[test]
    fn dates_and_quantities_are_not_phones() {
        assert!(found("2021-06-15 09:35:13 到2025年达到120户,投入100亿元").is_empty());
        assert!(found("面积扩大到357平方公里,电话号码另行公布").is_empty());
        assert!(found("编号 12345678901234").is_empty());
    }
}
