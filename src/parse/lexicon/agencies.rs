//! Words that make up an agency's name: how a complete name ends (`局`, `管委会`), the
//! organ a list of places shares (`各区、县级市政府`), and the words and chars that show a
//! name carries its own level or place (`市科技局`, `沈阳海关`) rather than borrowing the
//! previous name's (`发展改革委` after `市科技局`).

use std::sync::LazyLock;

use super::WordSet;

/// Endings of a complete agency name; a `各…` item without one continues in the next item.
pub const AGENCY_ENDINGS: [&str; 24] = [
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

/// Whether `name` ends like a complete agency name.
pub fn ends_like_agency(name: &str) -> bool {
    AGENCY_ENDINGS.iter().any(|e| name.ends_with(e))
}

/// Organ words a distributive set shares (`各区、县级市政府`), longest of a family first.
pub const SHARED_ORGANS: [&str; 5] = ["人民政府", "政府", "管委会", "党委", "党工委"];

/// Chars marking an administrative level inside a name (`浑南区政府`).
pub const LEVEL_CHARS: [char; 6] = ['市', '省', '区', '县', '州', '旗'];

/// Chars marking a place inside a name (`某某园`, `某某港`).
pub const PLACE_CHARS: [char; 7] = ['园', '镇', '乡', '村', '港', '岛', '湾'];

/// Whether `s` holds a level or a place char.
pub fn has_level_or_place(s: &str) -> bool {
    s.contains(LEVEL_CHARS) || s.contains(PLACE_CHARS)
}

/// Words holding a level or place char that name no place (`市场监管局`, `农业农村局`).
pub const NOT_PLACES: [&str; 12] = [
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

static NOT_PLACE_FINDER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&NOT_PLACES));

/// Whether one of [`NOT_PLACES`] occurs in `name`.
pub fn has_not_place_word(name: &str) -> bool {
    NOT_PLACE_FINDER.occurs_in(name)
}

/// `name` with every [`NOT_PLACES`] word cut out, one word after the other in list order.
pub fn without_not_places(name: &str) -> String {
    let mut stripped = name.to_string();
    for w in NOT_PLACES {
        if stripped.contains(w) {
            stripped = stripped.replace(w, "");
        }
    }
    stripped
}

/// Openings of a name that carries its own level (`国家…`, `市…`, `各…`, `驻…`).
pub const OWN_PREFIXES: [&str; 14] = [
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

/// Words anywhere in a name that make it a body of its own, never a part of the previous
/// name's level (`沈阳海关`, `东北大学`, `人民银行沈阳分行`).
pub const OWN_MARKERS: [&str; 4] = ["海关", "大学", "学院", "银行"];

static OWN_MARKER_FINDER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&OWN_MARKERS));

/// Whether one of [`OWN_MARKERS`] occurs in `name`.
pub fn has_own_marker(name: &str) -> bool {
    OWN_MARKER_FINDER.occurs_in(name)
}
