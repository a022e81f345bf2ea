//! Goal, current and review words: whether a figure in a plan is a result to reach
//! (`力争…提高到`), the present state (`现有`, `已建成`) or a look back at past results
//! (`发展成就`). The target extraction reads them around each figure.

/// Words that make an unlabelled figure a goal when nothing marks it as current.
pub const GOAL_WORDS: &[&str] = &[
    "规划", "计划", "目标", "增长", "增速", "比重", "力争", "争取", "提高", "提升", "下降", "降低",
    "压缩", "缩短",
];

/// Words that turn a figure into a current one (not a goal) when they precede it.
pub const CURRENT_VERBS: &[&str] = &["拥有", "共有", "现有", "进驻"];

/// Words of a short sentence naming a review of results (`“十四五”时期发展成就`).
pub const REVIEW_WORDS: &[&str] = &[
    "成就",
    "成效",
    "回顾",
    "总结",
    "发展基础",
    "发展现状",
    "以来",
];

/// Words that, before a figure in its sentence, say it describes the present even inside a
/// goals section (`现有企业100家,到2025年达到200家`).
pub const NOW_WORDS: &[&str] = &[
    "以来",
    "去年",
    "上年",
    "上半年",
    "前三季度",
    "目前",
    "现有",
    "已有",
    "已经",
    "已建成",
    "截至",
    "截止",
    "现已",
    "原有",
];

/// Words saying a change is counted against the same period of the year before (`同比增长
/// 12%`): a report of results, except where a plan sets the change as a task or goal
/// (`涉企检查频次同比下降30%`).
pub const YEAR_ON_YEAR_WORDS: &[&str] = &["同比"];

/// Words that mark a figure as current when nothing says it is a goal (`累计`, `拥有`).
pub const CURRENT_WORDS: &[&str] = &["拥有", "共有", "累计", "已", "进驻", "聚集了", "集聚了"];

/// Planning words that make every figure of their sentence a goal (`规划建设…,总面积约
/// 50平方公里`).
pub const PLAN_WORDS: &[&str] = &["规划", "计划", "目标", "力争", "争取"];

/// Verbs of holding that make a whole sentence describe the present (`…拥有…`).
pub const HOLDING_VERBS: &[&str] = &["拥有", "共有"];
