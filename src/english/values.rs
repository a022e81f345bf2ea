//! Targets in English conventions: comparators as words, money in CNY with the conversion
//! shown (`120亿元` → `CNY 12 bn (120 × CNY 100 m)`), ten-thousands written out (`5万人` →
//! `50,000 people`), km², percentage points, the counted noun for a Chinese classifier
//! (`120家` high-tech enterprises → `120 enterprises`), and plan periods by name.

use crate::catalog::Catalog;
use crate::model::{Comparator, Period, Target};

/// A comparator as words before a value (`=` says nothing).
pub fn comparator_words(c: Comparator) -> &'static str {
    match c {
        Comparator::Ge => "at least",
        Comparator::Gt => "more than",
        Comparator::Eq => "",
        Comparator::Approx => "about",
        Comparator::Le => "at most",
        Comparator::Lt => "less than",
    }
}

/// How a unit as written reads in English: a scale applied to the value, and the name.
struct UnitEn {
    /// The written value times this is the value in `name`'s units.
    factor: f64,
    name: String,
    /// Money: the amount is written as `CNY 12 bn` with the written unit shown after.
    currency: Option<(&'static str, &'static str)>,
}

fn unit_en(unit: &str, noun: &str) -> UnitEn {
    let u = |factor: f64, name: &str| UnitEn {
        factor,
        name: name.to_string(),
        currency: None,
    };
    let money = |factor: f64, code: &'static str, written: &'static str| UnitEn {
        factor,
        name: code.to_string(),
        currency: Some((code, written)),
    };
    let unit = crate::catalog::fold(unit);
    match unit.as_str() {
        "%" => u(1.0, "%"),
        "‰" => u(1.0, "‰"),
        "个百分点" | "百分点" => u(1.0, "percentage points"),
        "元" => money(1.0, "CNY", "CNY"),
        "万元" => money(1e4, "CNY", "CNY 10,000"),
        "百万元" => money(1e6, "CNY", "CNY 1 m"),
        "千万元" => money(1e7, "CNY", "CNY 10 m"),
        "亿元" => money(1e8, "CNY", "CNY 100 m"),
        "万亿元" => money(1e12, "CNY", "CNY 1 trn"),
        "美元" => money(1.0, "USD", "USD"),
        "万美元" => money(1e4, "USD", "USD 10,000"),
        "亿美元" => money(1e8, "USD", "USD 100 m"),
        "万欧元" => money(1e4, "EUR", "EUR 10,000"),
        "亿欧元" => money(1e8, "EUR", "EUR 100 m"),
        "平方公里" | "平方千米" | "km2" => u(1.0, "km²"),
        "平方米" => u(1.0, "m²"),
        "万平方米" => u(1e4, "m²"),
        "亩" => u(1.0, "mu"),
        "万亩" => u(1e4, "mu"),
        "公顷" => u(1.0, "ha"),
        "人" | "名" => u(1.0, "people"),
        "万人" | "万名" => u(1e4, "people"),
        "人次" => u(1.0, "person-times"),
        "万人次" => u(1e4, "person-times"),
        "亿人次" => u(1e8, "person-times"),
        "强" | "位" => u(1.0, "rank"),
        "次" | "万次" => u(if unit.starts_with('万') { 1e4 } else { 1.0 }, "times"),
        "场" | "场次" | "届" | "期" => u(1.0, "events"),
        "万场" => u(1e4, "events"),
        "架次" | "班次" | "班" | "列" => u(1.0, "trips"),
        "千瓦" | "kw" => u(1.0, "kW"),
        "万千瓦" => u(1e4, "kW"),
        "兆瓦" | "mw" => u(1.0, "MW"),
        "吉瓦" | "gw" => u(1.0, "GW"),
        "辆" => u(1.0, "vehicles"),
        "万辆" => u(1e4, "vehicles"),
        "标箱" => u(1.0, "TEU"),
        "万标箱" => u(1e4, "TEU"),
        "" => u(1.0, ""),
        other => match other.strip_prefix('万') {
            Some(rest) if classifier_noun(rest).is_some() => u(1e4, noun),
            _ if classifier_noun(other).is_some() => u(1.0, noun),
            _ => u(1.0, &super::gloss::gloss(other).to_lowercase()),
        },
    }
}

/// The noun a Chinese classifier counts when the indicator does not say (`家` → firms).
fn classifier_noun(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "家" => "organisations",
        "户" => "enterprises",
        "个" => "units",
        "项" => "projects",
        "件" => "items",
        "所" => "institutions",
        "座" => "facilities",
        "种" => "kinds",
        "条" => "lines",
        "支" => "teams",
        "台" => "machines",
        "套" => "sets",
        "处" => "sites",
        "类" => "categories",
        "款" => "products",
        "株" => "plants",
        _ => return None,
    })
}

/// The counted noun of a target: from the canonical indicator's English name
/// (`High-tech enterprises` → `enterprises`), else from the classifier.
pub fn count_noun(catalog: &Catalog, indicator_id: Option<&str>, unit: &str) -> String {
    let from_indicator = indicator_id
        .and_then(|id| catalog.indicators.iter().find(|i| i.id == id))
        .filter(|i| i.unit_family == "count")
        .and_then(|i| {
            // `Pilot-scale (scale-up) bases` → `bases`
            let mut name = String::new();
            let mut depth = 0usize;
            for c in i.en.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    c if depth == 0 => name.push(c),
                    _ => {}
                }
            }
            let name = name.split(" per ").next().unwrap_or("").to_string();
            name.split_whitespace().last().map(str::to_lowercase)
        });
    let base = unit.trim_start_matches('万');
    from_indicator
        .or_else(|| classifier_noun(base).map(String::from))
        .unwrap_or_else(|| "units".into())
}

/// The unit's English name for a table column (`亿元` → `CNY 100 m`, `万人` → `×10,000
/// people`, `家` → the counted noun).
pub fn unit_name(unit: &str, noun: &str) -> String {
    let u = unit_en(unit, noun);
    match (u.currency, u.factor) {
        (Some((_, written)), _) => written.to_string(),
        (None, 1.0) => u.name,
        (None, f) => format!("×{} {}", number(f), u.name),
    }
}

/// A value in a unit, in English (`CNY 12 bn (120 × CNY 100 m)`, `50,000 people`, `18%`,
/// `top 20`, `2–3 organisations`).
pub fn quantity(value: f64, value_max: Option<f64>, unit: &str, noun: &str) -> String {
    let u = unit_en(unit, noun);
    if let Some((code, written)) = u.currency {
        let amount = |v: f64| money(v * u.factor);
        let (shown, as_written) = match value_max {
            Some(max) => (
                format!("{code} {}–{}", amount(value), amount(max)),
                format!("{}–{}", number(value), number(max)),
            ),
            None => (format!("{code} {}", amount(value)), number(value)),
        };
        return if u.factor == 1.0 {
            shown
        } else {
            format!("{shown} ({as_written} × {written})")
        };
    }
    let v = match value_max {
        Some(max) => format!("{}–{}", number(value * u.factor), number(max * u.factor)),
        None => number(value * u.factor),
    };
    match u.name.as_str() {
        "" => v,
        "rank" => format!("top {v}"),
        "%" | "‰" => format!("{v}{}", u.name),
        name if value_max.is_none() && value * u.factor == 1.0 => {
            format!("{v} {}", singular(name))
        }
        name => format!("{v} {name}"),
    }
}

/// The singular of a counted noun, for a count of one (`enterprises` → `enterprise`,
/// `facilities` → `facility`, `people` → `person`); a word that is not a plain English
/// plural is kept as it is.
fn singular(noun: &str) -> String {
    let (head, last) = match noun.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), noun),
    };
    let one = if let Some(stem) = last.strip_suffix("people") {
        format!("{stem}person")
    } else if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|e| last.ends_with(e))
    {
        last[..last.len() - 2].to_string()
    } else if last.ends_with('s') && !last.ends_with("ss") && last.len() > 2 {
        last[..last.len() - 1].to_string()
    } else {
        last.to_string()
    };
    format!("{head}{one}")
}

/// A target in English: comparator words, the quantity, the deadline
/// (`at least 120 enterprises by 2025`).
pub fn target(catalog: &Catalog, t: &Target) -> String {
    let noun = count_noun(catalog, t.indicator_id.as_deref(), &t.unit);
    let mut s = comparator_words(t.comparator).to_string();
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(&quantity(t.value, t.value_max, &t.unit, &noun));
    if let Some(y) = t.year {
        s.push_str(&format!(" by {y}"));
    }
    s
}

/// A plan period: a Five-Year Plan by name (`14th Five-Year Plan (2021–2025)`), else the
/// years.
pub fn period(p: Period) -> String {
    let years = format!("{}–{}", p.start, p.end);
    // The 4th plan began in 1971 and every plan since has run five years.
    let fyp = p.end - p.start == 4 && p.start >= 1971 && (p.start - 1971) % 5 == 0;
    match fyp {
        true => format!(
            "{} Five-Year Plan ({years})",
            ordinal((p.start - 1971) / 5 + 4)
        ),
        false => years,
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Money with a scale word (`12 bn`, `1.5 m`, `800,000`).
fn money(v: f64) -> String {
    let a = v.abs();
    if a >= 1e12 {
        format!("{} trn", number(v / 1e12))
    } else if a >= 1e9 {
        format!("{} bn", number(v / 1e9))
    } else if a >= 1e6 {
        format!("{} m", number(v / 1e6))
    } else {
        number(v)
    }
}

/// A number with thousands separators and at most two decimals.
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let s = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_in_english() {
        assert_eq!(
            quantity(120.0, None, "亿元", ""),
            "CNY 12 bn (120 × CNY 100 m)"
        );
        assert_eq!(quantity(5.0, None, "万人", ""), "50,000 people");
        assert_eq!(quantity(20.0, None, "平方公里", ""), "20 km²");
        assert_eq!(quantity(1.5, None, "个百分点", ""), "1.5 percentage points");
        assert_eq!(
            quantity(2.0, Some(3.0), "家", "enterprises"),
            "2–3 enterprises"
        );
        assert_eq!(quantity(18.0, None, "%", ""), "18%");
        assert_eq!(quantity(20.0, None, "强", ""), "top 20");
        assert_eq!(
            quantity(3.0, None, "亿美元", ""),
            "USD 300 m (3 × USD 100 m)"
        );
        assert_eq!(unit_name("万人", ""), "×10,000 people");
        assert_eq!(unit_name("亿元", ""), "CNY 100 m");
    }

    #[test]
    fn nouns_periods_comparators() {
        let c = Catalog::in_use();
        assert_eq!(
            count_noun(c, Some("high_tech_enterprises"), "家"),
            "enterprises"
        );
        assert_eq!(count_noun(c, None, "项"), "projects");
        assert_eq!(
            period(Period {
                start: 2021,
                end: 2025
            }),
            "14th Five-Year Plan (2021–2025)"
        );
        assert_eq!(
            period(Period {
                start: 2016,
                end: 2020
            }),
            "13th Five-Year Plan (2016–2020)"
        );
        assert_eq!(
            period(Period {
                start: 2018,
                end: 2020
            }),
            "2018–2020"
        );
        assert_eq!(comparator_words(Comparator::Approx), "about");
        assert_eq!(number(-1234567.25), "-1,234,567.25");
    }

    #[test]
    fn a_count_of_one_names_one_thing() {
        assert_eq!(quantity(1.0, None, "家", "enterprises"), "1 enterprise");
        assert_eq!(quantity(1.0, None, "个", "facilities"), "1 facility");
        assert_eq!(quantity(1.0, None, "人", ""), "1 person");
        assert_eq!(quantity(1.0, None, "人次", ""), "1 person-time");
        assert_eq!(quantity(1.0, None, "次", ""), "1 time");
        assert_eq!(quantity(1.0, None, "个", "bases"), "1 base");
        assert_eq!(
            quantity(1.0, None, "个", "business processes"),
            "1 business process"
        );
        // More than one, a range, or a unit that is no plural: as before.
        assert_eq!(quantity(2.0, None, "家", "enterprises"), "2 enterprises");
        assert_eq!(
            quantity(1.0, Some(2.0), "家", "enterprises"),
            "1–2 enterprises"
        );
        assert_eq!(quantity(1.0, None, "平方公里", ""), "1 km²");
        assert_eq!(quantity(1.0, None, "标箱", ""), "1 TEU");
    }
}
