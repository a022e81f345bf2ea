//! Section words: the titles of a plan's chapters (`主要任务`, `发展目标`), of a review of the
//! present (`发展基础`), the verbs a task title opens with, and the endings of a heading that
//! names no task (`总体布局`). The outline, the measures and the targets read them.

/// Section titles of a review of the present (`一、发展基础`, `(一)发展现状`): figures there
/// describe the past unless they carry a deadline.
pub const REVIEW_TITLES: &[&str] = &[
    "发展基础",
    "发展现状",
    "现实基础",
    "基础条件",
    "发展成效",
    "工作回顾",
    "主要成就",
    "发展环境",
    "面临形势",
    "发展形势",
    "基本情况",
    "现状分析",
    "取得成效",
    // An account of a year's plan (`一、2024年计划执行情况`, `重点工作完成情况`).
    "执行情况",
    "完成情况",
    "运行情况",
];

/// Verbs a task title opens with (`优化人才发展环境`, `营造良好发展环境`).
pub const TASK_VERBS: &[&str] = &[
    "优化", "营造", "改善", "提升", "打造", "建设", "推进", "推动", "加强", "加快", "深化", "完善",
    "强化", "构建", "培育", "夯实", "巩固", "扩大", "提高", "实施", "促进", "健全", "创新",
];

/// Words that end the title of a chapter heading in an unnumbered document.
pub const CHAPTER_ENDINGS: [&str; 19] = [
    "任务", "目标", "布局", "措施", "要求", "思想", "原则", "背景", "形势", "意义", "路径", "举措",
    "保障", "定位", "思路", "基础", "工作", "内容", "重点",
];

/// Endings of section titles that state goals, principles or background, not tasks.
pub const NON_TASK_ENDINGS: [&str; 19] = [
    "目标",
    // `执行情况`, `完成情况`: an account of work done.
    "情况",
    "指导思想",
    "基本原则",
    "总体要求",
    "总体思路",
    "发展基础",
    "现状",
    "形势",
    "背景",
    "意义",
    "总则",
    "附则",
    "概况",
    "问题",
    "成效",
    "回顾",
    "机遇",
    "挑战",
];

/// Words of a chapter title on how the plan is carried out (`四、保障措施`, `五、组织实施`):
/// where a document annotates its tasks, such a chapter's unannotated items are no tasks.
pub const SAFEGUARD_TITLES: &[&str] = &[
    "保障",
    "组织实施",
    "组织领导",
    "工作要求",
    "实施要求",
    "贯彻落实",
];

/// Endings that mark a non-task chapter only at the top of the outline (`区位布局`).
pub const NON_TASK_TOP_ENDINGS: [&str; 3] = ["布局", "定位", "范围"];

/// Words of a heading that opens a goals section (`发展目标`, `主要目标`).
pub const GOAL_TITLES: &[&str] = &["目标"];

/// Words of a heading that opens another kind of section than goals or a review.
pub const OTHER_SECTION_TITLES: &[&str] = &["任务", "措施", "保障", "举措", "路径", "布局", "思想"];
