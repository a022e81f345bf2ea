//! Names and number formats in the chart language: zones, themes, indicators, agencies,
//! units, target values and source notes.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::Lang;
use crate::analysis::Dataset;
use crate::catalog::Catalog;
use crate::english;
use crate::model::{Comparator, Target, Zone};

/// The zone's name in `lang`; in English the gloss of the Chinese name when the zone has
/// no English name yet.
pub fn zone_name(zone: &Zone, lang: Lang) -> Cow<'_, str> {
    match lang {
        Lang::Zh => Cow::Borrowed(&zone.name_zh),
        Lang::En if zone.name_en.trim().is_empty() => Cow::Owned(english::gloss(&zone.name_zh)),
        Lang::En => Cow::Borrowed(&zone.name_en),
    }
}

/// Name of the zone with this slug in a dataset (the slug when unknown).
pub fn zone_label(ds: &Dataset, slug: &str, lang: Lang) -> String {
    ds.zone(slug)
        .map(|z| zone_name(z, lang).to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// A canonical indicator's name; falls back to the phrase as written, then to the id.
pub fn indicator_name(catalog: &Catalog, id: &str, lang: Lang, as_written: Option<&str>) -> String {
    catalog
        .indicators
        .iter()
        .find(|i| i.id == id)
        .map(|i| lang.pick(&i.zh, &i.en).to_string())
        .or_else(|| {
            as_written.map(|w| match lang {
                Lang::Zh => w.to_string(),
                Lang::En => english::gloss(w),
            })
        })
        .unwrap_or_else(|| id.to_string())
}

/// A theme's name (the id when the catalogue does not know it).
pub fn theme_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .themes
        .iter()
        .find(|t| t.id == id)
        .map(|t| lang.pick(&t.zh, &t.en).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// An agency's name: in English the catalogue's English name when it has one, else the
/// name composed from level and organ (`data/organs.toml`), for an agency of any city.
pub fn agency_name(catalog: &Catalog, canonical: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => canonical.to_string(),
        Lang::En => catalog
            .agencies
            .iter()
            .find(|a| a.canonical == canonical && !a.en.is_empty())
            .map(|a| a.en.clone())
            .unwrap_or_else(|| english::agencies::Organs::bundled().compose(canonical)),
    }
}

/// A document's title in `lang`: in English the user's translation or the gloss.
pub fn document_title(ds: &Dataset, doc_id: i64, lang: Lang) -> String {
    let Some(d) = ds.document(doc_id) else {
        return String::new();
    };
    let title = match d.title.trim() {
        "" => d.source_name.as_str(),
        t => t,
    };
    match lang {
        Lang::Zh => title.to_string(),
        Lang::En => english::title(&ds.translations, title).text,
    }
}

/// A measure's (or any) title in `lang`: in English the user's translation or the gloss.
pub fn title(ds: &Dataset, zh: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => english::title(&ds.translations, zh).text,
    }
}

/// Name of a comparison key ([`crate::analysis::presence`]): theme, instrument sub-type (or
/// family), canonical indicator or agency, in `lang`; the key itself when unknown.
pub fn key_name(
    catalog: &Catalog,
    dimension: crate::analysis::presence::Dimension,
    key: &str,
    lang: Lang,
) -> String {
    use crate::analysis::presence::Dimension;
    match dimension {
        Dimension::Theme => theme_name(catalog, key, lang),
        Dimension::Indicator => indicator_name(catalog, key, lang, None),
        Dimension::Agency => agency_name(catalog, key, lang),
        Dimension::Instrument => match catalog.instrument(key) {
            Some(s) => lang.pick(&s.zh, &s.en).to_string(),
            None => match (key, lang) {
                ("supply", Lang::Zh) => "供给型".into(),
                ("environment", Lang::Zh) => "环境型".into(),
                ("demand", Lang::Zh) => "需求型".into(),
                ("supply", Lang::En) => "Supply".into(),
                ("environment", Lang::En) => "Environment".into(),
                ("demand", Lang::En) => "Demand".into(),
                _ => key.to_string(),
            },
        },
    }
}

/// A unit as shown after a number: as written in Chinese; translated in English, where
/// Chinese counting words (`家`, `户`, `个`…) need no word at all.
pub fn unit_label(unit: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return unit.to_string();
    }
    // the conventions of `english::values`: CNY, ten-thousands written as 10,000
    match unit {
        "%" => "%",
        "‰" => "‰",
        "个百分点" | "百分点" => " percentage points",
        "元" => " CNY",
        "万元" => " × CNY 10,000",
        "亿元" => " × CNY 100 m",
        "万亿元" => " × CNY 1 trn",
        "美元" => " USD",
        "万美元" => " × USD 10,000",
        "亿美元" => " × USD 100 m",
        "平方公里" | "平方千米" => " km²",
        "万平方米" => " × 10,000 m²",
        "平方米" => " m²",
        "亩" => " mu",
        "公顷" => " ha",
        "人" | "名" => " people",
        "万人" | "万名" => " × 10,000 people",
        "万家" | "万户" | "万个" | "万件" | "万项" | "万套" | "万台" | "万座" => {
            " × 10,000"
        }
        "人次" => " person-times",
        "次" | "场" => " times",
        "件" | "项" => " items",
        "强" | "位" => " (rank)",
        _ => "",
    }
    .to_string()
}

/// A unit as an axis title suffix: `(户)`, `(× 100m yuan)`, `(%)`; empty for bare counts.
pub fn axis_unit(units: &[String], lang: Lang) -> String {
    let mut shown: Vec<String> = Vec::new();
    for u in units {
        let l = unit_label(u, lang)
            .trim()
            .trim_start_matches("× ")
            .to_string();
        let l = match (lang, l.is_empty()) {
            (Lang::En, true) => "number".to_string(),
            (Lang::Zh, true) => continue,
            _ => l,
        };
        if !shown.contains(&l) {
            shown.push(l);
        }
    }
    match (shown.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("（{}）", shown.join("/")),
        (false, Lang::En) => format!(" ({})", shown.join(" / ")),
    }
}

/// A number without needless decimals; thousands separated in English.
pub fn fmt_number(v: f64, lang: Lang) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let mut s = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.2}").trim_end_matches('0').to_string()
    };
    if lang == Lang::En && rounded.abs() >= 10_000.0 {
        let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
        let digits: Vec<char> = int.chars().collect();
        let mut out = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) && *c != '-' && digits[i - 1] != '-' {
                out.push(',');
            }
            out.push(*c);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        s = out;
    }
    s
}

/// Symbol of a comparator before a target value (`=` shows nothing).
pub fn comparator_symbol(c: Comparator) -> &'static str {
    match c {
        Comparator::Ge => "≥",
        Comparator::Gt => ">",
        Comparator::Eq => "",
        Comparator::Approx => "≈",
        Comparator::Le => "≤",
        Comparator::Lt => "<",
    }
}

/// A target as a value label: `≥120户`, `2–3家`, `≈18%`.
pub fn fmt_target(t: &Target, lang: Lang) -> String {
    fmt_figure(t.comparator, t.value, t.value_max, &t.unit, lang)
}

/// Whether a target is a commitment for every year (`每年举办大型国际交流活动2次`): its
/// stored year is the plan's end, not a deadline.
pub fn is_recurring(t: &Target) -> bool {
    t.sentence.contains("每年")
}

/// When a target is due: its year, `每年` / `per year` for a recurring one, empty when none.
pub fn fmt_deadline(t: &Target, lang: Lang) -> String {
    if is_recurring(t) {
        return lang.pick("每年", "per year").to_string();
    }
    t.year.map(|y| y.to_string()).unwrap_or_default()
}

/// A target's figure from its parts (comparator, value or range, unit), as [`fmt_target`].
pub fn fmt_figure(
    comparator: Comparator,
    value: f64,
    value_max: Option<f64>,
    unit: &str,
    lang: Lang,
) -> String {
    let value = match value_max {
        Some(max) => format!("{}–{}", fmt_number(value, lang), fmt_number(max, lang)),
        None => fmt_number(value, lang),
    };
    format!(
        "{}{}{}",
        comparator_symbol(comparator),
        value,
        unit_label(unit, lang)
    )
}

/// `资料来源:《…》(2022-03-10);…` naming each document the chart's figures come from.
pub fn source_note(ds: &Dataset, doc_ids: &BTreeSet<i64>, lang: Lang) -> String {
    let docs: Vec<String> = doc_ids
        .iter()
        .filter_map(|id| ds.document(*id))
        .map(|d| {
            // a document whose title was not recognised is named by its file
            let title = document_title(ds, d.id, lang);
            let mut when = d
                .date
                .clone()
                .or_else(|| d.period.map(|p| format!("{}–{}", p.start, p.end)));
            if let Some(n) = &d.doc_number {
                let n = match lang {
                    Lang::Zh => n.clone(),
                    Lang::En => english::doc_number(n),
                };
                when = Some(match when {
                    Some(w) => format!("{n}, {w}"),
                    None => n.clone(),
                });
            }
            match (when, lang) {
                (Some(w), Lang::Zh) => format!("《{}》（{w}）", title),
                (Some(w), Lang::En) => format!("“{}” ({w})", title),
                (None, Lang::Zh) => format!("《{}》", title),
                (None, Lang::En) => format!("“{}”", title),
            }
        })
        .collect();
    match (docs.is_empty(), lang) {
        (true, Lang::Zh) => "资料来源：所选园区的规划文件；zonecompare 整理".into(),
        (true, Lang::En) => {
            "Source: plan documents of the selected zones; compiled with zonecompare".into()
        }
        (false, Lang::Zh) => format!("资料来源：{}；zonecompare 整理", docs.join("；")),
        (false, Lang::En) => format!("Source: {}; compiled with zonecompare", docs.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_targets() {
        assert_eq!(fmt_number(120.0, Lang::Zh), "120");
        assert_eq!(fmt_number(4.5, Lang::Zh), "4.5");
        assert_eq!(fmt_number(12000.0, Lang::En), "12,000");
        assert_eq!(fmt_number(-1234567.25, Lang::En), "-1,234,567.25");
        assert_eq!(fmt_number(12000.0, Lang::Zh), "12000");
        let t = crate::analysis::fixtures::dataset().targets[0]
            .target
            .clone();
        assert_eq!(fmt_target(&t, Lang::Zh), "≥120户");
        assert_eq!(fmt_target(&t, Lang::En), "≥120");
        let range = Target {
            value_max: Some(3.0),
            value: 2.0,
            unit: "亿元".into(),
            comparator: Comparator::Eq,
            ..t
        };
        assert_eq!(fmt_target(&range, Lang::En), "2–3 × CNY 100 m");
    }

    #[test]
    fn axis_units() {
        let u = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(axis_unit(&u(&["户", "家"]), Lang::Zh), "（户/家）");
        assert_eq!(axis_unit(&u(&["户", "家"]), Lang::En), " (number)");
        assert_eq!(axis_unit(&u(&["亿元"]), Lang::En), " (CNY 100 m)");
    }

    #[test]
    fn names_fall_back() {
        let c = Catalog::in_use();
        assert_eq!(
            indicator_name(c, "high_tech_enterprises", Lang::Zh, None),
            "高新技术企业"
        );
        assert_eq!(
            indicator_name(c, "nope", Lang::Zh, Some("科技型企业")),
            "科技型企业"
        );
        // in English an indicator the catalogue lacks is glossed
        assert_eq!(
            indicator_name(c, "nope", Lang::En, Some("科技型企业")),
            "Technology-based enterprises"
        );
        assert_eq!(theme_name(c, "talent", Lang::En), "Talent");
        assert_eq!(theme_name(c, "zz", Lang::En), "zz");
    }

    #[test]
    fn source_names_documents_and_dates() {
        let ds = crate::analysis::fixtures::dataset();
        let s = source_note(&ds, &[1, 3].into_iter().collect(), Lang::Zh);
        assert!(s.contains("（2022-03-10）"), "{s}");
        assert!(s.contains("（2021–2025）"), "{s}");
    }
}
