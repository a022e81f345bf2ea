//! Words of the clause that holds a figure: the verbs that introduce the counted object
//! (`新建…中试基地1个`), the words that open a clause without belonging to its indicator
//! (`力争`, `其中`), and the joins of a `分别` list. They tell where an indicator's name
//! starts and ends.

/// Verbs that introduce the quantified object (`建设…中试基地1个`).
pub const GOAL_VERBS: &[&str] = &[
    "引进培养",
    "培育引进",
    "引进培育",
    "新建",
    "新设",
    "建设",
    "建成",
    "培育",
    "引进",
    "引入",
    "打造",
    "设立",
    "组建",
    "形成",
    "举办",
    "开展",
    "新增",
    "吸引",
    "招引",
    "集聚",
    "聚集",
    "认定",
    "创建",
    "争创",
    "建立",
    "培养",
    "储备",
    "引育",
    "新认定",
    "新培育",
    "新引进",
    "拥有",
    "进驻",
    "共有",
    "现有",
    "落户",
    "安排",
    "完成",
];

/// Words opening a clause that are not part of the indicator.
pub const LEADING: &[&str] = &[
    "累计",
    "力争",
    "争取",
    "确保",
    "每年",
    "目前",
    "现有",
    "其中",
    "同时",
    "并且",
    "并",
    "全年",
    // Time words opening a clause (`今年力争新增40家`) say when, not what.
    "今年",
    "明年",
    "本年",
    "当年",
    "去年",
    "上年",
    "在",
    "以",
    "原",
    "共",
    "已",
    "的基础上",
    "基础上",
    "以及",
    "和",
    "与",
    "及",
];

/// Growth and share heads that take the previous figure's subject.
pub const BORROWS_SUBJECT: &[&str] = &[
    "年均增长",
    "年均增速",
    "同比增长",
    "年增长",
    "增长",
    "增速",
    "占",
];

/// Words for the whole territory before a figure written ahead of its noun
/// (`激活全区197家技术研发平台`).
pub const AREA_WORDS: &[&str] = &[
    "全区",
    "全市",
    "全省",
    "全县",
    "全国",
    "全园",
    "园区内",
    "区内",
];

/// Verbs after which a figure is a budget line of the previous clause's fund.
pub const FUNDING_VERBS: &[&str] = &["安排", "投入", "出资", "筹集"];

/// Modal words and verbs of keeping between an indicator and its figure (`营业总收入将突破…`,
/// `新型产业用地占比应当达到…`, `优良天数比例保持…`).
pub const MODALS: &[&str] = &[
    "将", "力争", "争取", "预计", "确保", "有望", "累计", "应当", "必须", "要", "保持",
];

/// Words that cannot open the noun of an indicator (`以上`, `给予`).
pub const NOT_NOUNS: &[&str] = &[
    "基础", "以上", "以下", "左右", "比例", "的", "给予", "用于", "作为", "以", "为", "内", "后",
    "前", "次", "左", "由",
];

/// Verbs that open the predicate of a counted noun written after its figure
/// (`10家链主企业给予重点支持`, `50家配套企业参与协作`, `200家企业完成数字化改造`): the
/// indicator is the noun before them.
pub const PREDICATE_AFTER_NOUN: &[&str] = &[
    "给予", "参与", "参加", "开展", "获得", "享受", "入驻", "落户", "纳入", "进入", "完成", "实现",
    "达到",
];

/// Words that end the subject of a `分别` clause: what follows them is the predicate
/// (`…企业在2022年的基础上实现翻番`, `…企业将分别`).
pub const PREDICATE_OPENERS: &[&str] = &[
    "在",
    "实现",
    "将",
    "要",
    "力争",
    "争取",
    "达到",
    "均分别",
    "均为",
    "均达",
    "均增长",
    "均超",
    "均突破",
    "共",
    "数量",
    "总数",
    "规模",
];

/// Joins between members of an enumerated subject.
pub const JOINS: &[&str] = &["以及", "和", "与", "及", "、"];

/// Works on land (`新增`, `出让`): an area figure with one is a goal, without one the zone's scope.
pub const LAND_WORKS: &[&str] = &[
    "新增", "开发", "建成", "完成", "整治", "盘活", "出让", "供应", "收储", "征收", "招商", "腾退",
];
