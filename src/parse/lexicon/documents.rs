//! Document kinds and the words of a document's head and close: a plan (`规划`), a scheme
//! (`方案`), a notice (`通知`); the labels of its date lines, the endings of its issuer's
//! name, and the clauses that state its purpose or its entry into force.

/// Endings of the document's own title rather than a section's (`…实施方案`).
pub const TITLE_KINDS: [&str; 9] = [
    "意见", "方案", "规划", "通知", "办法", "计划", "纲要", "决定", "细则",
];

/// Kinds a document calls itself in its closing clause (`本意见自印发之日起施行`).
pub const OWN_DOCUMENT_KINDS: [&str; 11] = [
    "意见", "方案", "规划", "办法", "通知", "细则", "措施", "计划", "政策", "规定", "若干",
];

/// Words of a title naming a plan of work (`2025年工作要点`, `2024年度目标任务`): with one
/// year in the title, the document plans that year.
pub const WORK_PLAN_WORDS: [&str; 7] = ["要点", "计划", "方案", "任务", "目标", "安排", "清单"];

/// Words of a title naming an account of a year rather than a plan for it
/// (`2023年工作总结`, `2023年统计公报`).
pub const ACCOUNT_WORDS: [&str; 5] = ["总结", "公报", "报告", "年鉴", "统计"];

/// Words of a title naming an account of one year's results only (`2024年工作总结`,
/// `2024年统计公报`, `2024年计划执行情况`); a work report (`政府工作报告`) also sets
/// the next year's goals, so `报告` is not among them.
pub const RESULTS_OF_YEAR_WORDS: [&str; 5] = ["总结", "公报", "年鉴", "执行情况", "完成情况"];

/// Words of the opening clause that states a policy's purpose (`…,特制定本政策`).
pub const PURPOSE_WORDS: [&str; 6] = [
    "制定本",
    "特制定",
    "制定如下",
    "现提出",
    "特提出",
    "提出如下",
];

/// Endings of a line naming the kind of document (`…推进方案`, `《…意见》`).
pub const DOC_KIND_WORDS: [&str; 12] = [
    "意见》",
    "方案》",
    "规划》",
    "通知》",
    "意见",
    "方案",
    "规划",
    "通知",
    "办法",
    "计划",
    "纲要",
    "决定",
];

/// Labels of a line giving the issue date (`发布日期:`).
pub const DATE_LABELS: [&str; 7] = [
    "发布日期",
    "发布时间",
    "成文日期",
    "发文日期",
    "印发日期",
    "日期:",
    "时间:",
];

/// Endings of an issuing body's name (`…人民政府`), on a signature line or before `关于`.
pub const ISSUER_ENDINGS: [&str; 10] = [
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "管委会",
    "政府",
    "局",
    "厅",
    "部",
    "委",
];
