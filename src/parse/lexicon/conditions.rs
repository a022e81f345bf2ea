//! Condition words: a figure near them states a rule, a threshold, a ranking or a
//! specification (`对…给予50万元奖励`, `排名前3位`, `单体面积1万平方米以上`), not a goal of
//! the plan. The target extraction drops such figures.

/// Verbs that make `N强` a ranking goal (`进入全国高新区20强`).
pub const RANK_VERBS: &[&str] = &[
    "进入", "跻身", "迈入", "位列", "位居", "挺进", "晋级", "入围", "进",
];

/// Words marking a subsidy, reward or other policy amount (`给予最高50万元补贴`). Before a
/// count of people or things they name whom a programme selects (`每年资助100名青年人才`),
/// which is a goal: see [`PER_ITEM_WORDS`].
pub const POLICY_WORDS: &[&str] = &[
    "补贴",
    "补助",
    "奖励",
    "资助",
    "贴息",
    "奖补",
    "给予",
    "最高",
    "按照",
    "每家",
    "每户",
    "每个",
    "每项",
    "每人",
    "单个",
    "单项",
    "每乡",
    "每镇",
    "每村",
    "每街道",
    "每社区",
];

/// Words of a per-item rule (`每家企业最多3个`, `每乡镇不少于5名`: a norm for every place),
/// which make even a count a parameter.
pub const PER_ITEM_WORDS: &[&str] = &[
    "每家",
    "每户",
    "每个",
    "每项",
    "每人",
    "单个",
    "单项",
    "最高",
    "每乡",
    "每镇",
    "每村",
    "每街道",
    "每社区",
];

/// Prepositions before a count of the fields or places a measure covers
/// (`围绕5个重点领域`, `在3个园区开展试点`).
pub const PREPOSITIONS: &[&str] = &[
    "围绕", "聚焦", "依托", "针对", "通过", "在", "从", "对", "按", "覆盖",
];

/// Speed, power and size words of technical specifications.
pub const SPEC_WORDS: &[&str] = &[
    "时速",
    "速度",
    "功率",
    "电压",
    "排量",
    "载重",
    "容量为",
    "直径",
    "长度",
];

/// Amounts a percentage is taken of when a policy sets a rate (`最低价标准的70%`,
/// `研发投入的20%`), not totals a share is measured against (`企业总量的50%`).
pub const RATE_BASES: &[&str] = &[
    "标准",
    "价格",
    "基准价",
    "底价",
    "投资额",
    "研发投入",
    "研发费用",
    "费用",
    "成本",
    "租金",
    "工资",
    "薪酬",
    "利息",
    "保费",
    "出资额",
    "金额",
    "额度",
    "实际投入",
    "到位资金",
];

/// Terms of a rule rather than results (`考核权重不低于5%`, `贷款利率不超过4%`).
pub const RULE_TERMS: &[&str] = &[
    "权重",
    "利率",
    "税率",
    "费率",
    "分值",
    "系数",
    "补贴比例",
    "补助比例",
    "资助比例",
    "奖励比例",
    "贴息比例",
    "分担比例",
    "出资比例",
];

/// Words right after a figure that make it the amount of an award (`20%给予补贴`,
/// `30万元奖励`).
pub const AWARD_WORDS: &[&str] = &[
    "给予",
    "补贴",
    "补助",
    "奖励",
    "资助",
    "奖补",
    "贴息",
    "的补贴",
    "的补助",
    "的奖励",
    "的资助",
];

/// Verbs that describe what a document contains (`提出了12项具体举措`).
pub const DESCRIBING_VERBS: &[&str] = &[
    "提出",
    "包括",
    "包含",
    "涵盖",
    "涉及",
    "分为",
    "共分",
    "列出",
    "明确了",
    "出台了",
    "部署了",
    "部署",
    "安排了",
    // `将22项举措细化为68条工作任务`: the document breaking its own parts down.
    "细化为",
    "分解为",
    "细化成",
    "分解成",
];

/// Parts of a document counted when it describes itself.
pub const DOCUMENT_PARTS: &[&str] = &[
    "举措", "措施", "任务", "政策", "条款", "方面", "部分", "意见", "章节", "行动",
];

/// Words of choosing people or entries by a quota (`每年遴选…不超过50名`, `名额控制在10名
/// 以内`): a capped figure beside them is the quota a policy sets, not a goal.
pub const QUOTA_WORDS: &[&str] = &["遴选", "评选", "评定", "选拔", "推荐", "名额"];

/// Nouns of a class a figure describes (`超百亿元企业`, `10亿元以上项目`).
pub const CLASS_NOUNS: &[&str] = &["企业", "项目", "产业集群", "集群", "龙头", "品牌", "单位"];

/// Zones and places a threshold that is no count picks out (`营业收入超千亿元的开发区`,
/// `利用率达到90%以上的园区`): after `的`, like [`CLASS_NOUNS`]. A count before them
/// (`建成5个以上的园区`) is how many are built, so counts are left out.
pub const CLASS_PLACES: &[&str] = &[
    "开发区",
    "园区",
    "高新区",
    "经开区",
    "产业园",
    "县",
    "乡镇",
    "街道",
    "城市",
];
