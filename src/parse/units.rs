//! Responsible units: `(责任单位:…)`, `(责任单位:…;重点企业:…)`, `(牵头单位:…,配合单位:…)`,
//! `主责单位`/`协同单位`, `责任部门`. Splits the lists, expands shared prefixes
//! (`市科技局、发展改革委` → `市发展改革委`), keeps distributive sets whole
//! (`各区、县级市政府`) and assigns lead/co roles. Works on the half-width view.

use std::ops::Range;

use super::lexicon;
use super::lexicon::agencies::{
    AGENCY_ENDINGS, LEVEL_CHARS, OWN_PREFIXES, SHARED_ORGANS, ends_like_agency, has_level_or_place,
    has_not_place_word, has_own_marker, without_not_places,
};
use super::lexicon::annotations::{
    ETC_TAILS, Field as LabelKind, NOTE_OPENERS, ROLE_MANNERS, ROLE_VERBS,
};
use super::normalize::char_count;
use crate::model::Role;
use crate::utf8::utf8_len;

/// A label at the start of `s` (`责任单位:`), with the text after its colon.
fn label_at(s: &str) -> Option<(LabelKind, &str)> {
    let s = s.trim_start();
    let (kind, len) = lexicon::annotations::label_at_start(s)?;
    s[len..].trim_start().strip_prefix(':').map(|r| (kind, r))
}

/// A segment cut before each label that follows white space (`牵头单位:县科技局　责任单位:
/// 县财政局`: labels parted by a space, not a comma).
fn at_spaced_labels(segment: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(segment);
    std::iter::from_fn(move || {
        let s = rest?;
        // Only white space parts labels here, and most segments have none (the annotation
        // text is the half-width view: an ideographic space is a space).
        let cut = memchr::memchr2(b' ', b'\t', s.as_bytes()).and_then(|_| next_spaced_label(s));
        match cut {
            Some((end, next)) => {
                rest = Some(&s[next..]);
                Some(&s[..end])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// Where the text before the first label after white space ends, and where that label
/// starts.
fn next_spaced_label(s: &str) -> Option<(usize, usize)> {
    s.char_indices()
        .filter(|&(i, c)| i > 0 && c.is_whitespace())
        .find_map(|(i, _)| {
            let rest = &s[i..];
            label_at(rest).map(|_| (i, i + rest.len() - rest.trim_start().len()))
        })
}

/// The units and key enterprises named in one annotation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotation {
    /// Byte range of the annotation in the text it was found in (parentheses included).
    pub range: Range<usize>,
    /// Expanded unit names with their roles, in the order written.
    pub units: Vec<(String, Role)>,
    pub enterprises: Vec<String>,
}

/// Byte index of the `(` of a responsibility annotation that closes `s`, if any.
pub fn trailing_annotation(s: &str) -> Option<usize> {
    let trimmed = s.trim_end_matches(|c: char| c.is_whitespace() || c == '。');
    if let Some(open) = trailing_bracketed(trimmed) {
        return Some(open);
    }
    if !trimmed.ends_with(')') {
        return None;
    }
    let open = matching_open(trimmed)?;
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    (label_at(inner).is_some() || is_verb_annotation(inner)).then_some(open)
}

/// Square and lenticular brackets that some documents put around an annotation
/// (`[牵头单位:…;配合单位:…]`, `【责任单位:…】`, `〔责任单位:…〕`), as (open, close).
const ANNOTATION_BRACKETS: [(char, char); 3] = [('[', ']'), ('【', '】'), ('〔', '〕')];

/// Byte index of the opening bracket of a labelled `[…]`/`【…】`/`〔…〕` annotation that
/// closes `s`.
fn trailing_bracketed(s: &str) -> Option<usize> {
    let last = s.chars().next_back()?;
    let &(open, _) = ANNOTATION_BRACKETS.iter().find(|(_, c)| *c == last)?;
    let start = s.rfind(open)?;
    label_at(&s[start + open.len_utf8()..]).map(|_| start)
}

/// End of an unbracketed annotation starting at byte `from`: its line's end, or a later
/// line's when a line ends in `、` (a list wrapped onto the next line, `责任单位：市商务局、` /
/// `市财政局`), for a few lines at most.
fn list_end(text: &str, from: usize) -> usize {
    let mut end = text[from..].find('\n').map_or(text.len(), |e| from + e);
    for _ in 0..4 {
        if end >= text.len() || !text[from..end].trim_end().ends_with('、') {
            break;
        }
        end = text[end + 1..]
            .find('\n')
            .map_or(text.len(), |e| end + 1 + e);
    }
    end
}

/// Byte range of a bracketed annotation whose label starts at byte `label` of `text`
/// (the bracket just before it up to its partner, or to the line end when unclosed).
fn bracketed_range(text: &str, label: usize) -> Option<Range<usize>> {
    let open = text[..label].chars().next_back()?;
    let &(_, close) = ANNOTATION_BRACKETS.iter().find(|(o, _)| *o == open)?;
    let start = label - open.len_utf8();
    let line_end = text[label..].find('\n').map_or(text.len(), |e| label + e);
    let end = text[label..line_end]
        .find(close)
        .map_or(line_end, |e| label + e + close.len_utf8());
    Some(start..end)
}

/// The units of a task table's row: the cells of its unit columns read as the labelled
/// fields of one annotation (`牵头单位:…;配合单位:…`), so lists split, prefixes expand and
/// roles fall as they do in the text.
pub fn units_of_cells(
    lead: Option<&str>,
    co: Option<&str>,
    responsible: Option<&str>,
) -> Vec<(String, Role)> {
    let mut fields = String::new();
    for (label, cell) in [
        ("牵头单位", lead),
        ("配合单位", co),
        ("责任单位", responsible),
    ] {
        let Some(cell) = cell.map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        if !fields.is_empty() {
            fields.push(';');
        }
        fields.push_str(label);
        fields.push(':');
        // A wrapped cell is one list; its line breaks and separators inside are spaces.
        fields.extend(cell.chars().map(|c| {
            if matches!(c, '\n' | '\r' | ';') {
                '、'
            } else {
                c
            }
        }));
    }
    if fields.is_empty() {
        return Vec::new();
    }
    let len = fields.len();
    parse_annotation(&fields, 0..len).units
}

/// `市科技局、财政局配合` → (co, `市科技局、财政局`), when the names end like agencies.
fn verb_role(segment: &str) -> Option<(LabelKind, &str)> {
    let segment = segment.trim();
    ROLE_VERBS.iter().find_map(|&(verb, kind)| {
        let mut names = segment.strip_suffix(verb)?.trim_end();
        // `按职责分工负责`, `分别负责`, `共同牵头`.
        for manner in ROLE_MANNERS {
            names = names.strip_suffix(manner).unwrap_or(names).trim_end();
        }
        let names = names.strip_prefix('由').unwrap_or(names);
        let agency_like = AGENCY_ENDINGS
            .iter()
            .any(|e| strip_trailing_etc(names).ends_with(e));
        (agency_like || names_every_place(names)).then_some((kind, names))
    })
}

/// A distributive set of places (`各街道`, `各区`, `各乡镇`, `各县(市、区)`): the bodies of
/// every such place, a unit as any agency is (`(区发展改革局牵头,各街道配合)`).
fn names_every_place(names: &str) -> bool {
    let Some(rest) = names.strip_prefix('各') else {
        return false;
    };
    let rest = rest.strip_prefix("有关").unwrap_or(rest);
    (1..=8).contains(&char_count(rest))
        && (rest.ends_with("街道") || rest.ends_with(')') || has_level_or_place(rest))
}

/// A parenthetical made only of `…牵头`/`…负责`/`…配合` parts, one of them leading.
fn is_verb_annotation(inner: &str) -> bool {
    let tail = inner.trim_end();
    if !ROLE_VERBS.iter().any(|(v, _)| tail.ends_with(v)) {
        return false;
    }
    let parts = split_top(inner, &[',', ';']);
    let roles: Vec<_> = parts.iter().map(|p| verb_role(p)).collect();
    roles.iter().all(Option::is_some) && roles.iter().flatten().any(|(k, _)| *k == LabelKind::Lead)
}

/// Whether a line opens with a responsibility annotation (`(责任单位:…)` or `责任单位:…`).
pub fn starts_with_annotation(s: &str) -> bool {
    label_at(s.strip_prefix('(').unwrap_or(s)).is_some()
}

/// Index of the `(` matching the final `)` of `s`.
fn matching_open(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Index just past the `)` matching the `(` at `open`.
fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every responsibility annotation in a measure's text: parenthesised ones, and labels
/// opening a line or following a sentence end (`主责单位:…;协同单位:…`) up to the line end.
pub fn annotations(text: &str) -> Vec<Annotation> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut covered = 0;
    // Annotations open with `(` or with a label right before a `:`.
    for (i, b) in marks(text) {
        let range = if b == b'(' {
            if i < covered {
                continue;
            }
            let close = matching_close(text, i);
            let labelled = label_at(&text[i + 1..]).is_some();
            close
                .filter(|&end| labelled || is_verb_annotation(&text[i + 1..end - 1]))
                .map(|end| i..end)
        } else {
            bare_label_start(text, i)
                .filter(|&start| start >= covered)
                .map(|start| {
                    bracketed_range(text, start).unwrap_or_else(|| start..list_end(text, i))
                })
        };
        if let Some(r) = range {
            covered = r.end;
            found.push(r);
        }
    }
    if found.is_empty()
        && let Some(r) = closing_verb_clause(text)
    {
        found.push(r);
    }
    found
        .into_iter()
        .map(|r| parse_annotation(text, r))
        .collect()
}

/// The last sentence of a text when it names who does the work without brackets
/// (`…培育链主企业3家。市工信局牵头,市发展改革委配合。`, `由市商务局负责。`): made only of
/// role-verb parts, one of them leading, and closing the text.
fn closing_verb_clause(text: &str) -> Option<Range<usize>> {
    let body = text.trim_end();
    let end = body.strip_suffix('。').unwrap_or(body).len();
    let start = body[..end].rfind(['。', '\n', ';']).map_or(0, |k| {
        k + body[k..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &body[start..end];
    let lead_space = clause.len() - clause.trim_start().len();
    (start > 0 && clause.chars().count() <= 80 && is_verb_annotation(clause.trim()))
        .then(|| start + lead_space..end)
}

/// Byte offsets of the `(` and `:` in `text` (both ASCII, so never inside another char).
fn marks(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = next_mark(bytes, from)?;
        from = at + 1;
        Some((at, bytes[at]))
    })
}

/// Index of the first `(` or `:` in `bytes[from..]`.
fn next_mark(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr2(b'(', b':', bytes.get(from..)?).map(|k| from + k)
}

/// Start of a label that ends at the colon at byte `colon` and opens the text, a line or
/// a sentence (`…。主责单位:…`).
fn bare_label_start(text: &str, colon: usize) -> Option<usize> {
    let before = text[..colon].trim_end();
    let name = lexicon::annotations::label_at_end(before)?;
    let start = before.len() - name.len();
    let prev = text[..start].chars().next_back();
    prev.is_none_or(|p| matches!(p, '\n' | '。' | ' ' | ';' | '[' | '【' | '〔'))
        .then_some(start)
}

/// Splits `s` at top level (outside parentheses) on any of `seps`.
fn split_top<'s>(s: &'s str, seps: &[char]) -> Vec<&'s str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    // Lead bytes of the separators: a char is decoded only when its lead byte is one of
    // them (separators and parentheses are never inside another char's bytes).
    debug_assert!(seps.len() <= 4, "at most four separators");
    let mut leads = [0u8; 4];
    for (lead, sep) in leads.iter_mut().zip(seps) {
        *lead = sep.encode_utf8(&mut [0; 4]).as_bytes()[0];
    }
    let leads = &leads[..seps.len().min(4)];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let len = utf8_len(b);
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ if depth <= 0 && leads.contains(&b) => {
                let c = s[i..].chars().next().unwrap_or_default();
                if seps.contains(&c) {
                    parts.push(&s[start..i]);
                    start = i + len;
                }
            }
            _ => {}
        }
        i += len;
    }
    parts.push(&s[start..]);
    parts
}

fn parse_annotation(text: &str, range: Range<usize>) -> Annotation {
    let whole = text[range.clone()].trim_start_matches(['(', '[', '【', '〔']);
    let inner = whole.strip_suffix([')', ']', '】', '〕']).unwrap_or(whole);
    let mut kind = LabelKind::Responsible;
    // Groups of names for each label, in order.
    let mut groups: Vec<(LabelKind, Vec<String>)> = Vec::new();
    let segments = split_top(inner, &[',', ';'])
        .into_iter()
        .flat_map(at_spaced_labels);

    for segment in segments {
        let body = match label_at(segment) {
            Some((k, rest)) => {
                kind = k;
                rest
            }
            None => segment,
        };
        if kind == LabelKind::Other {
            continue;
        }
        // `(责任单位:市发展改革委牵头,市科技局按职责分工负责)`: verbs outrank the label.
        // Beside a `牵头` unit, `负责` ones share the work.
        let (seg_kind, body) = match verb_role(body) {
            Some((_, names)) if body.trim_end().ends_with("负责") && inner.contains("牵头") => {
                (LabelKind::Co, names)
            }
            Some((k, names)) if kind != LabelKind::Enterprise => (k, names),
            _ => (kind, body),
        };
        let names = if seg_kind == LabelKind::Enterprise {
            split_enterprises(body)
        } else {
            split_units(body)
        };
        if !names.is_empty() {
            groups.push((seg_kind, names));
        }
    }
    let responsible_groups = groups
        .iter()
        .filter(|g| g.0 == LabelKind::Responsible)
        .count();
    let mut ann = Annotation {
        range,
        ..Annotation::default()
    };
    let has_lead_label = groups.iter().any(|g| g.0 == LabelKind::Lead);
    // `市科技局(牵头)、市财政局`: the marked units lead, the others of the list support.
    let has_lead_mark = groups
        .iter()
        .flat_map(|g| &g.1)
        .any(|n| lead_mark(n).is_some());
    let mut prev: Option<String> = None;
    let mut seen_responsible = 0;
    for (kind, names) in groups {
        if kind == LabelKind::Enterprise {
            ann.enterprises.extend(names);
            continue;
        }
        // Beside a `牵头单位` list, `责任单位` names the other owners.
        let first_group =
            kind == LabelKind::Responsible && seen_responsible == 0 && !has_lead_label;
        for (k, name) in names.into_iter().enumerate() {
            let marked = lead_mark(&name);
            let name = expand_prefix(marked.unwrap_or(&name), prev.as_deref());
            let role = match kind {
                _ if marked.is_some() => Role::Lead,
                LabelKind::Responsible if has_lead_mark => Role::Co,
                LabelKind::Lead => Role::Lead,
                LabelKind::Co | LabelKind::Enterprise | LabelKind::Other => Role::Co,
                LabelKind::Responsible if first_group && (responsible_groups > 1 || k == 0) => {
                    Role::Lead
                }
                LabelKind::Responsible => Role::Co,
            };
            prev = Some(name.clone());
            if !ann.units.iter().any(|(n, _)| *n == name) {
                ann.units.push((name, role));
            }
        }
        if kind == LabelKind::Responsible {
            seen_responsible += 1;
        }
    }
    ann
}

/// The name before a `(牵头)` mark (`市科技局(牵头)` → `市科技局`).
fn lead_mark(name: &str) -> Option<&str> {
    ["(牵头)", "(牵头单位)", "(牵头部门)", "(主责)"]
        .iter()
        .find_map(|m| name.strip_suffix(m))
        .map(str::trim_end)
}

/// `甲科技、乙电子和丙集团等` → `甲科技`, `乙电子`, `丙集团`: a list's last item joined
/// by `和` names two enterprises.
fn split_enterprises(body: &str) -> Vec<String> {
    let mut names: Vec<String> = split_top(body, &['、'])
        .iter()
        .map(|n| strip_trailing_etc(n.trim()).to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.len() >= 2
        && let Some(last) = names.pop()
    {
        match last.rfind('和') {
            Some(i)
                if char_count(&last[..i]) >= 2 && char_count(&last[i + '和'.len_utf8()..]) >= 2 =>
            {
                names.push(last[..i].to_string());
                names.push(last[i + '和'.len_utf8()..].to_string());
            }
            _ => names.push(last),
        }
    }
    names
}

/// Splits one group on `、`, cleaning each name. A distributive set (`各区、县级市`,
/// `各有关区、县级市政府`) names every kind of body it lists: `各区`, `各县级市` (with a
/// final organ word shared by all: `各区政府`, `各县级市政府`).
fn split_units(group: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut set: Vec<String> = Vec::new();
    for raw in split_top(group, &['、', ' ']) {
        let name = clean_name(raw);
        if name.is_empty() {
            continue;
        }
        if !set.is_empty() && is_set_member(&name) {
            let complete = ends_like_agency(&name);
            set.push(name);
            if complete {
                close_set(&mut set, &mut out);
            }
            continue;
        }
        close_set(&mut set, &mut out);
        if name.starts_with('各') && !ends_like_agency(&name) {
            set.push(name);
        } else {
            out.push(name);
        }
    }
    close_set(&mut set, &mut out);
    out
}

/// A further kind of body in a distributive set: a short name of a level or place
/// (`县级市`, `开发区`, `县(市)`), possibly with the set's organ word.
fn is_set_member(name: &str) -> bool {
    let stem = SHARED_ORGANS
        .iter()
        .find_map(|o| name.strip_suffix(o))
        .unwrap_or(name);
    let n = char_count(stem);
    (1..=5).contains(&n)
        && !stem.starts_with('各')
        && !ends_like_agency(stem)
        && has_level_or_place(stem)
}

/// Writes out an open distributive set: its `各…` word and shared organ go to every member.
fn close_set(set: &mut Vec<String>, out: &mut Vec<String>) {
    if set.len() < 2 {
        out.append(set);
        return;
    }
    let last = set.last().map(String::as_str).unwrap_or_default();
    let organ = SHARED_ORGANS
        .iter()
        .find(|o| last.strip_suffix(*o).is_some_and(|s| !s.is_empty()))
        .copied()
        .unwrap_or("");
    let first = set[0].as_str();
    let each = ["各有关", "各相关", "各"]
        .into_iter()
        .find(|w| first.starts_with(w) && first.len() > w.len())
        .unwrap_or("各");
    for (k, member) in set.drain(..).enumerate() {
        let stem = member.strip_suffix(organ).unwrap_or(&member);
        out.push(if k == 0 {
            format!("{stem}{organ}")
        } else {
            format!("{each}{stem}{organ}")
        });
    }
}

/// Drops note parentheticals (`(以下简称…)`) and trailing `等有关部门`.
fn clean_name(raw: &str) -> String {
    // Both parenthetical tests need a `(`: most names have none and are copied once.
    if !raw.contains('(') {
        return strip_trailing_etc(raw.trim()).to_string();
    }
    let mut s = raw.trim().to_string();
    while let Some(open) = find_note_paren(&s) {
        let end = matching_close(&s, open).unwrap_or(s.len());
        s.replace_range(open..end, "");
    }
    if let Some(open) = trailing_second_plate(&s) {
        s.truncate(open);
    }
    strip_trailing_etc(s.trim()).to_string()
}

/// Start of a final parenthetical naming the body's second plate
/// (`市委组织部(市人才办)`): it closes the name and itself ends like an agency.
fn trailing_second_plate(s: &str) -> Option<usize> {
    let open = s
        .match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| i > 0 && matching_close(s, i) == Some(s.len()))?;
    let inner = &s[open + 1..s.len() - 1];
    AGENCY_ENDINGS
        .iter()
        .chain(["办", "局", "委"].iter())
        .any(|e| inner.ends_with(e))
        .then_some(open)
}

fn find_note_paren(s: &str) -> Option<usize> {
    s.match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| NOTE_OPENERS.iter().any(|n| s[i + 1..].starts_with(n)))
}

fn strip_trailing_etc(s: &str) -> &str {
    let mut s = s;
    while let Some(t) = ETC_TAILS.iter().find_map(|t| s.strip_suffix(t)) {
        s = t.trim_end();
    }
    s
}

/// Whether a name carries its own level or place (`市科技局`, `沈阳高新区管委会`,
/// `沈阳海关`) rather than relying on the previous item's (`发展改革委`).
fn has_own_prefix(name: &str) -> bool {
    if name.starts_with("市场") {
        return false;
    }
    // A zone's management committee is named after its zone (`天府国际生物城管委会`).
    if name.ends_with("管委会") || name.ends_with("管理委员会") {
        return true;
    }
    if OWN_PREFIXES.iter().any(|p| name.starts_with(p))
        || has_own_marker(name)
        || lexicon::places::city_in(name).is_some()
    {
        return true;
    }
    // Cutting words out cannot add a level or place char: most names have none.
    if !has_level_or_place(name) {
        return false;
    }
    // Nor is there anything to cut in most of the others.
    if !has_not_place_word(name) {
        return true;
    }
    has_level_or_place(&without_not_places(name))
}

/// The level prefix a following bare name inherits: `市` from `市科技局`, `市委` from
/// `市委组织部` for party organs, `浑南区` from `浑南区政府`.
fn prefix_of<'a>(prev: &'a str, name: &str) -> Option<&'a str> {
    // A level char inside a word (`城市管理局`, `社区`, `市场监管局`) is no level.
    let in_word = |i: usize, c: char| {
        let through = &prev[..i + c.len_utf8()];
        prev[i..].starts_with("市场")
            || ["城市", "超市", "社区", "小区", "景区"]
                .iter()
                .any(|w| through.ends_with(w))
    };
    let (i, c) = prev
        .char_indices()
        .find(|&(i, c)| LEVEL_CHARS.contains(&c) && !in_word(i, c))?;
    let end = i + c.len_utf8();
    let party = prev[end..].starts_with('委') && (name.ends_with('部') || name == "编办");
    Some(if party {
        &prev[..end + '委'.len_utf8()]
    } else {
        &prev[..end]
    })
}

/// `发展改革委` after `市科技局` → `市发展改革委`.
fn expand_prefix(name: &str, prev: Option<&str>) -> String {
    match prev {
        Some(p) if !has_own_prefix(name) => match prefix_of(p, name) {
            Some(prefix) => format!("{prefix}{name}"),
            None => name.to_string(),
        },
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests;
