//! Words of a responsibility annotation: `(牵头单位:市商务局;配合单位:市财政局)` names the
//! agencies that carry out a measure and says which one leads; `(市发展改革委牵头,市科技局
//! 配合)` says the same with verbs after the names.

use std::sync::LazyLock;

use super::WordSet;

/// What a label says about the units listed after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `责任单位`: the role comes from the list's grouping.
    Responsible,
    /// `牵头单位`: the agencies that lead.
    Lead,
    /// `配合单位`: the agencies that co-operate.
    Co,
    /// `重点企业`/`重点机构`: key enterprises, not units.
    Enterprise,
    /// `适用范围`, `完成时限`, `责任领导`: a field of the annotation that names no unit.
    Other,
}

/// Labels of a responsibility annotation and what the list after each one names. No label
/// opens another, so at most one is found at a place.
pub const LABELS: &[(&str, Field)] = &[
    ("责任单位", Field::Responsible),
    ("责任部门", Field::Responsible),
    ("责任主体", Field::Responsible),
    ("负责单位", Field::Responsible),
    ("负责部门", Field::Responsible),
    ("实施单位", Field::Responsible),
    ("实施部门", Field::Responsible),
    ("责任处室", Field::Responsible),
    ("牵头处室", Field::Lead),
    ("牵头领导", Field::Other),
    ("牵头单位", Field::Lead),
    ("牵头部门", Field::Lead),
    ("主责单位", Field::Lead),
    ("主责部门", Field::Lead),
    ("配合单位", Field::Co),
    ("配合部门", Field::Co),
    ("协同单位", Field::Co),
    ("协同部门", Field::Co),
    ("参与单位", Field::Co),
    ("协办单位", Field::Co),
    ("重点企业", Field::Enterprise),
    ("重点机构", Field::Enterprise),
    ("重点园区", Field::Enterprise),
    ("重点单位", Field::Enterprise),
    ("配合处室", Field::Co),
    ("支持单位", Field::Co),
    ("适用范围", Field::Other),
    ("实施范围", Field::Other),
    ("完成时限", Field::Other),
    ("完成时间", Field::Other),
    ("时间节点", Field::Other),
    ("时间安排", Field::Other),
    ("进度安排", Field::Other),
    ("责任领导", Field::Other),
    ("分管领导", Field::Other),
    ("责任人", Field::Other),
    ("备注", Field::Other),
];

/// The words of [`LABELS`], in the same order.
const LABEL_WORDS: [&str; LABELS.len()] = {
    let mut words = [""; LABELS.len()];
    let mut i = 0;
    while i < LABELS.len() {
        words[i] = LABELS[i].0;
        i += 1;
    }
    words
};

/// [`LABELS`] prepared for testing the start of a string: most strings tried open with no
/// label and are rejected on their first char.
static LABEL_FINDER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&LABEL_WORDS));

/// The label that opens `s`, with its byte length.
pub fn label_at_start(s: &str) -> Option<(Field, usize)> {
    let (word, field) = LABELS[LABEL_FINDER.opening(s)?];
    Some((field, word.len()))
}

/// The label that closes `s` (`…。主责单位` before its colon).
pub fn label_at_end(s: &str) -> Option<&'static str> {
    LABELS.iter().map(|(w, _)| *w).find(|w| s.ends_with(w))
}

/// Verbs closing a unit list in `(市发展改革委牵头,市科技局、财政局配合)`, with the role
/// they give: a role word splits the lead agencies from the co-operating ones.
pub const ROLE_VERBS: [(&str, Field); 6] = [
    ("牵头", Field::Lead),
    ("负责", Field::Lead),
    ("配合", Field::Co),
    ("参与", Field::Co),
    ("协助", Field::Co),
    ("协同", Field::Co),
];

/// Words of manner between the names and their role verb (`按职责分工负责`, `分别负责`,
/// `共同牵头`), stripped in this order.
pub const ROLE_MANNERS: [&str; 5] = ["按职责分工", "按职能分工", "按职责", "分别", "共同"];

/// Words opening a parenthetical that explains a name rather than naming a unit
/// (`(以下简称…)`, `(含…)`).
pub const NOTE_OPENERS: [&str; 9] = [
    "以下", "下同", "简称", "均指", "含", "包括", "不含", "即", "指",
];

/// Tails closing an open-ended unit list (`市科技局等有关部门`), longest first.
pub const ETC_TAILS: [&str; 7] = [
    "等有关部门",
    "等相关部门",
    "等有关单位",
    "等相关单位",
    "等部门",
    "等单位",
    "等",
];
