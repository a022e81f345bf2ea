//! Unit families: which kind of quantity a unit as written measures, so that an indicator
//! phrase is only mapped to a canonical indicator of the same kind (`研发投入 100亿元` is
//! money, `研发投入强度 2.5%` a percentage).

/// Every family an indicator in `data/indicators.toml` may name.
pub const FAMILIES: [&str; 9] = [
    "count", "money", "percent", "area", "people", "rank", "times", "power", "vehicles",
];

/// Unit family of a unit as written, when the unit says it (`亿元` → `money`, `家` →
/// `count`). Full-width forms and surrounding spaces are accepted (`％` = `%`).
pub fn unit_family(unit: &str) -> Option<&'static str> {
    let folded = super::text::fold_cow(unit);
    Some(match folded.as_ref() {
        "%" | "‰" | "个百分点" | "百分点" => "percent",
        "元" | "万元" | "亿元" | "万亿元" | "亿美元" | "万美元" | "美元" | "千万元" | "百万元"
        | "亿欧元" | "万欧元" => "money",
        "平方公里" | "万平方米" | "平方米" | "亩" | "万亩" | "公顷" | "平方千米" | "km2" => {
            "area"
        }
        "人" | "名" | "万人" | "万名" | "人次" | "万人次" | "亿人次" => "people",
        "强" | "位" => "rank",
        "次" | "场" | "场次" | "万场" | "万次" | "期" | "届" | "架次" | "班次" | "班" | "列" => {
            "times"
        }
        "千瓦" | "万千瓦" | "兆瓦" | "吉瓦" | "kw" | "mw" | "gw" => "power",
        "辆" | "万辆" => "vehicles",
        "家" | "户" | "个" | "所" | "座" | "项" | "件" | "种" | "条" | "支" | "台" | "套"
        | "万家" | "万户" | "万个" | "万件" | "万项" | "万套" | "万台" | "万座" | "万株" | "处"
        | "类" | "款" | "标箱" | "万标箱" => "count",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_of_common_units() {
        assert_eq!(unit_family("亿元"), Some("money"));
        assert_eq!(unit_family("％"), Some("percent"));
        assert_eq!(unit_family(" 户 "), Some("count"));
        assert_eq!(unit_family("强"), Some("rank"));
        assert_eq!(unit_family("万千瓦"), Some("power"));
        assert_eq!(unit_family("公里"), None);
    }

    #[test]
    fn every_family_returned_is_listed() {
        for unit in ["%", "亿元", "亩", "名", "位", "次", "兆瓦", "辆", "件"] {
            let family = unit_family(unit).expect(unit);
            assert!(FAMILIES.contains(&family), "{unit}: {family}");
        }
    }
}
