//! Responsible units: `(责任单位:…)`, `(责任单位:…;重点企业:…)`, `(牵头单位:…,配合单位:…)`,
//! `主责单位`/`协同单位`, `责任部门`. Splits the lists, expands shared prefixes
//! (`市科技局、发展改革委` → `市发展改革委`), keeps distributive sets whole
//! (`各区、县级市政府`) and assigns lead/co roles. Works on the half-width view.

use std::ops::Range;

use crate::model::Role;

/// What a label says about the units listed after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    /// `责任单位`: role from the list's grouping.
    Responsible,
    Lead,
    Co,
    /// `重点企业`/`重点机构`: key enterprises, not units.
    Enterprise,
}

const LABELS: [(&str, LabelKind); 17] = [
    ("责任单位", LabelKind::Responsible),
    ("责任部门", LabelKind::Responsible),
    ("责任主体", LabelKind::Responsible),
    ("牵头单位", LabelKind::Lead),
    ("牵头部门", LabelKind::Lead),
    ("主责单位", LabelKind::Lead),
    ("主责部门", LabelKind::Lead),
    ("配合单位", LabelKind::Co),
    ("配合部门", LabelKind::Co),
    ("协同单位", LabelKind::Co),
    ("协同部门", LabelKind::Co),
    ("参与单位", LabelKind::Co),
    ("协办单位", LabelKind::Co),
    ("重点企业", LabelKind::Enterprise),
    ("重点机构", LabelKind::Enterprise),
    ("重点园区", LabelKind::Enterprise),
    ("重点单位", LabelKind::Enterprise),
];

/// A label at the start of `s` (`责任单位:`), with the text after its colon.
fn label_at(s: &str) -> Option<(LabelKind, &str)> {
    let s = s.trim_start();
    LABELS.iter().find_map(|&(name, kind)| {
        let rest = s.strip_prefix(name)?.trim_start();
        rest.strip_prefix(':').map(|r| (kind, r))
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
    if !trimmed.ends_with(')') {
        return None;
    }
    let open = matching_open(trimmed)?;
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    (label_at(inner).is_some() || is_verb_annotation(inner)).then_some(open)
}

/// Verbs closing a unit list in `(市发展改革委牵头,市科技局、财政局配合)`, with the role
/// they give.
const ROLE_VERBS: [(&str, LabelKind); 6] = [
    ("牵头", LabelKind::Lead),
    ("负责", LabelKind::Lead),
    ("配合", LabelKind::Co),
    ("参与", LabelKind::Co),
    ("协助", LabelKind::Co),
    ("协同", LabelKind::Co),
];

/// `市科技局、财政局配合` → (co, `市科技局、财政局`), when the names end like agencies.
fn verb_role(segment: &str) -> Option<(LabelKind, &str)> {
    let segment = segment.trim();
    ROLE_VERBS.iter().find_map(|&(verb, kind)| {
        let names = segment.strip_suffix(verb)?.trim_end();
        let names = names.strip_prefix('由').unwrap_or(names);
        let agency_like = AGENCY_ENDINGS
            .iter()
            .any(|e| strip_trailing_etc(names).ends_with(e));
        agency_like.then_some((kind, names))
    })
}

/// A parenthetical made only of `…牵头`/`…负责`/`…配合` parts, one of them leading.
fn is_verb_annotation(inner: &str) -> bool {
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
    // Whether the previous char lets a bare label start here.
    let mut at_break = true;
    for (i, c) in text.char_indices() {
        let bare_ok = at_break;
        at_break = matches!(c, '\n' | '。' | ' ' | ';');
        if i < covered {
            continue;
        }
        let range = if c == '(' {
            let close = matching_close(text, i);
            let labelled = label_at(&text[i + 1..]).is_some();
            close
                .filter(|&end| labelled || is_verb_annotation(&text[i + 1..end - 1]))
                .map(|end| i..end)
        } else if bare_ok && label_at(&text[i..]).is_some() {
            let end = text[i..].find('\n').map_or(text.len(), |e| i + e);
            Some(i..end)
        } else {
            None
        };
        if let Some(r) = range {
            covered = r.end;
            found.push(r);
        }
    }
    found
        .into_iter()
        .map(|r| parse_annotation(text, r))
        .collect()
}

/// Splits `s` at top level (outside parentheses) on any of `seps`.
fn split_top(s: &str, seps: &[char]) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && seps.contains(&c) {
            parts.push(String::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts
}

fn parse_annotation(text: &str, range: Range<usize>) -> Annotation {
    let inner = text[range.clone()]
        .trim_start_matches('(')
        .strip_suffix(')')
        .unwrap_or_else(|| text[range.clone()].trim_start_matches('('));
    let mut kind = LabelKind::Responsible;
    // Groups of names for each label, in order.
    let mut groups: Vec<(LabelKind, Vec<String>)> = Vec::new();
    for segment in split_top(inner, &[',', ';']) {
        let (seg_kind, body) = match (label_at(&segment), verb_role(&segment)) {
            (Some((k, rest)), _) => {
                kind = k;
                (k, rest.to_string())
            }
            (None, Some((k, names))) => (k, names.to_string()),
            (None, None) => (kind, segment),
        };
        let names = if seg_kind == LabelKind::Enterprise {
            split_top(&body, &['、'])
                .iter()
                .map(|n| strip_trailing_etc(n.trim()).to_string())
                .filter(|n| !n.is_empty())
                .collect()
        } else {
            split_units(&body)
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
            let name = expand_prefix(&name, prev.as_deref());
            let role = match kind {
                LabelKind::Lead => Role::Lead,
                LabelKind::Co | LabelKind::Enterprise => Role::Co,
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

/// Endings of a complete agency name; a `各…` item without one continues in the next item.
const AGENCY_ENDINGS: [&str; 24] = [
    "政府",
    "管委会",
    "委员会",
    "部门",
    "单位",
    "机构",
    "局",
    "委",
    "办",
    "厅",
    "院",
    "部",
    "中心",
    "集团",
    "公司",
    "组",
    "会",
    "所",
    "处",
    "署",
    "站",
    "队",
    "行",
    "校",
];

/// Splits one group on `、`, cleaning each name and keeping `各区、县级市政府` whole.
fn split_units(group: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for raw in split_top(group, &['、', ' ']) {
        let name = clean_name(&raw);
        if name.is_empty() {
            continue;
        }
        let name = match pending.take() {
            Some(p) => format!("{p}、{name}"),
            None => name,
        };
        if name.starts_with('各') && !AGENCY_ENDINGS.iter().any(|e| name.ends_with(e)) {
            pending = Some(name);
        } else {
            out.push(name);
        }
    }
    out.extend(pending);
    out
}

/// Drops note parentheticals (`(以下简称…)`) and trailing `等有关部门`.
fn clean_name(raw: &str) -> String {
    let mut s = raw.trim().to_string();
    while let Some(open) = find_note_paren(&s) {
        let end = matching_close(&s, open).unwrap_or(s.len());
        s.replace_range(open..end, "");
    }
    strip_trailing_etc(s.trim()).to_string()
}

fn find_note_paren(s: &str) -> Option<usize> {
    const NOTES: [&str; 9] = [
        "以下", "下同", "简称", "均指", "含", "包括", "不含", "即", "指",
    ];
    s.match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| NOTES.iter().any(|n| s[i + 1..].starts_with(n)))
}

fn strip_trailing_etc(s: &str) -> &str {
    const TAILS: [&str; 7] = [
        "等有关部门",
        "等相关部门",
        "等有关单位",
        "等相关单位",
        "等部门",
        "等单位",
        "等",
    ];
    let mut s = s;
    while let Some(t) = TAILS.iter().find_map(|t| s.strip_suffix(t)) {
        s = t.trim_end();
    }
    s
}

/// Chars marking an administrative level or place inside a name (`浑南区政府`).
const LEVEL_CHARS: [char; 6] = ['市', '省', '区', '县', '州', '旗'];
const PLACE_CHARS: [char; 7] = ['园', '镇', '乡', '村', '港', '岛', '湾'];
/// Words containing a level or place char that do not name a place.
const NOT_PLACES: [&str; 12] = [
    "市场",
    "城乡",
    "乡村",
    "农村",
    "村镇",
    "园林",
    "港口",
    "港航",
    "港澳",
    "区块链",
    "社区",
    "城市",
];
const OWN_PREFIXES: [&str; 14] = [
    "国家",
    "国务院",
    "中央",
    "中共",
    "全国",
    "中国",
    "国网",
    "各",
    "团",
    "驻",
    "省",
    "市",
    "区",
    "县",
];
const OWN_MARKERS: [&str; 4] = ["海关", "大学", "学院", "银行"];

/// Whether a name carries its own level or place (`市科技局`, `沈阳高新区管委会`,
/// `沈阳海关`) rather than relying on the previous item's (`发展改革委`).
fn has_own_prefix(name: &str) -> bool {
    if name.starts_with("市场") {
        return false;
    }
    if OWN_PREFIXES.iter().any(|p| name.starts_with(p))
        || OWN_MARKERS.iter().any(|m| name.contains(m))
        || super::metadata::city_in(name).is_some()
    {
        return true;
    }
    let mut stripped = name.to_string();
    for w in NOT_PLACES {
        stripped = stripped.replace(w, "");
    }
    stripped.contains(LEVEL_CHARS) || stripped.contains(PLACE_CHARS)
}

/// The level prefix a following bare name inherits: `市` from `市科技局`, `市委` from
/// `市委组织部` for party organs, `浑南区` from `浑南区政府`.
fn prefix_of<'a>(prev: &'a str, name: &str) -> Option<&'a str> {
    let (i, c) = prev
        .char_indices()
        .find(|&(i, c)| LEVEL_CHARS.contains(&c) && !prev[i..].starts_with("市场"))?;
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
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<(String, &'static str)> {
        let s: String = s.chars().map(crate::parse::normalize::halfwidth).collect();
        annotations(&s)
            .into_iter()
            .flat_map(|a| a.units)
            .map(|(n, r)| (n, r.as_str()))
            .collect()
    }

    fn names(s: &str) -> Vec<String> {
        units(s).into_iter().map(|u| u.0).collect()
    }

    #[test]
    fn first_unit_leads_a_plain_list() {
        let u = units("推进工作。(责任单位:市工信局、市财政局、甲园区管委会)");
        assert_eq!(u[0], ("市工信局".into(), "lead"));
        assert_eq!(u[1], ("市财政局".into(), "co"));
        assert_eq!(u[2], ("甲园区管委会".into(), "co"));
    }

    #[test]
    fn comma_groups_make_the_first_group_lead() {
        let u = units("(责任单位:乙区政府、丙区政府,市商务局、税务局,某园管委会)");
        let roles: Vec<&str> = u.iter().map(|x| x.1).collect();
        assert_eq!(roles, ["lead", "lead", "co", "co", "co"]);
        assert_eq!(u[3].0, "市税务局");
    }

    #[test]
    fn shared_prefix_is_inherited() {
        assert_eq!(
            names("(责任单位:市科技局、发展改革委、工业和信息化局)"),
            ["市科技局", "市发展改革委", "市工业和信息化局"]
        );
        assert_eq!(names("(责任单位:市法院、检察院)"), ["市法院", "市检察院"]);
        assert_eq!(
            names("(责任单位:市交投集团、文旅集团)"),
            ["市交投集团", "市文旅集团"]
        );
        assert_eq!(
            names("(责任单位:省商务厅、市场监管局)"),
            ["省商务厅", "省市场监管局"]
        );
        assert_eq!(
            names("(责任单位:市委宣传部、统战部)"),
            ["市委宣传部", "市委统战部"]
        );
    }

    #[test]
    fn named_places_keep_their_own_prefix() {
        assert_eq!(
            names("(责任单位:市商务局、沈阳海关、甲县政府、乙经济区管委会)"),
            ["市商务局", "沈阳海关", "甲县政府", "乙经济区管委会"]
        );
    }

    #[test]
    fn whole_sets_stay_whole() {
        assert_eq!(
            names("(责任单位:市人社局、各区、县级市政府)"),
            ["市人社局", "各区、县级市政府"]
        );
        assert_eq!(
            names("(责任单位:市统计局、各区市县政府、市政府各有关部门、市直相关部门)"),
            [
                "市统计局",
                "各区市县政府",
                "市政府各有关部门",
                "市直相关部门"
            ]
        );
    }

    #[test]
    fn notes_and_trailing_etc_are_stripped() {
        assert_eq!(
            names("(责任单位:市科技局、财政局等有关部门、甲高新区(以下简称高新区)管委会)"),
            ["市科技局", "市财政局", "甲高新区管委会"]
        );
        assert_eq!(
            names("(责任单位:中国(甲市)保护中心)"),
            ["中国(甲市)保护中心"]
        );
    }

    #[test]
    fn key_enterprises_are_not_units() {
        let a = annotations("(责任单位:市工信局、乙新区管委会;重点企业:甲科技、乙电子和丙集团等)");
        assert_eq!(a[0].units.len(), 2);
        assert_eq!(a[0].enterprises, ["甲科技", "乙电子和丙集团"]);
        let a = annotations("(责任单位:市卫健委;重点机构:某医院、某检验所)");
        assert_eq!(a[0].enterprises, ["某医院", "某检验所"]);
    }

    #[test]
    fn lead_and_co_labels() {
        let u = units("做好工作。（牵头单位：市发改委、市科技局，配合单位：市财政局、税务局）");
        assert_eq!(
            u,
            [
                ("市发改委".into(), "lead"),
                ("市科技局".into(), "lead"),
                ("市财政局".into(), "co"),
                ("市税务局".into(), "co"),
            ]
        );
        let u = units("推进改革。\n主责单位:市营商局;协同单位:市司法局、某区政府");
        assert_eq!(u[0], ("市营商局".into(), "lead"));
        assert_eq!(u[2], ("某区政府".into(), "co"));
        let u = units("(责任部门:市教育局、人社局)");
        assert_eq!(u[1], ("市人社局".into(), "co"));
    }

    #[test]
    fn responsible_beside_lead_label_is_co_and_spaces_separate() {
        let u = units("(牵头单位:市科技局;责任单位:市财政局 市税务局)");
        assert_eq!(
            u,
            [
                ("市科技局".into(), "lead"),
                ("市财政局".into(), "co"),
                ("市税务局".into(), "co"),
            ]
        );
    }

    #[test]
    fn lead_and_co_verbs() {
        let u = units("推进工作。(市发展改革委牵头,市科技局、财政局配合)");
        assert_eq!(
            u,
            [
                ("市发展改革委".into(), "lead"),
                ("市科技局".into(), "co"),
                ("市财政局".into(), "co"),
            ]
        );
        assert_eq!(
            units("加快建设。(市住建局负责)"),
            [("市住建局".into(), "lead")]
        );
        assert!(units("选派专家(由企业负责)。").is_empty());
        assert!(units("支持企业(含个体户)发展。").is_empty());
    }

    #[test]
    fn text_without_labels_has_no_annotation() {
        assert!(annotations("各责任单位要认真落实(详见附件)。").is_empty());
    }

    #[test]
    fn trailing_annotations_are_found() {
        let s = "推进。(责任单位:市科技局、甲区(以下简称乙)管委会)";
        assert_eq!(trailing_annotation(s), s.find("(责任"));
        assert_eq!(trailing_annotation("推进建设(二期)"), None);
        assert!(trailing_annotation("推进。(牵头单位:市委)。").is_some());
    }
}
