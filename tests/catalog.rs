//! The bundled taxonomies and the catalog lookups: agency aliases per city (including every
//! agency named in the bundled corpus), theme ranking, unit-aware indicator matching,
//! instrument sub-types, and clear errors for malformed taxonomy files.

use std::collections::HashSet;
use std::path::PathBuf;

use zonecompare::Error;
use zonecompare::catalog::{Catalog, MAX_THEMES, unit_family};
use zonecompare::model::Instrument;

#[path = "catalog/errors.rs"]
mod errors;
#[path = "catalog/matching.rs"]
mod matching;

fn catalog() -> &'static Catalog {
    Catalog::in_use()
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn corpus(prefix: &str) -> String {
    let dir = data_dir().join("corpus");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no corpus document {prefix}"));
    std::fs::read_to_string(entry).unwrap()
}

/// City of each bundled document (from data/zones.toml).
const DOC_CITIES: [(&str, &str); 5] = [
    ("000", "沈阳"),
    ("001", "沈阳"),
    ("002", "沈阳"),
    ("003", "大连"),
    ("004", "重庆"),
];

#[test]
fn bundled_taxonomies_are_large_enough_and_complete() {
    let c = catalog();
    assert!(c.indicators().len() >= 60, "{}", c.indicators().len());
    assert!(c.themes().len() >= 20, "{}", c.themes().len());
    for id in [
        "high_tech_enterprises",
        "tech_smes",
        "gazelle_enterprises",
        "unicorn_enterprises",
        "rd_spending",
        "rd_intensity",
        "revenue",
        "industrial_output",
        "sei_output",
        "sei_value_added_share",
        "gdp",
        "innovation_platforms",
        "incubators",
        "maker_spaces",
        "high_level_talent",
        "patents_per_10k",
        "invention_patents",
        "foreign_funded_share",
        "utilised_foreign_capital",
        "fund_size",
        "planned_area",
        "listed_companies",
        "key_labs",
        "engineering_centers",
        "new_r_and_d_institutions",
        "tech_transactions",
        "enterprise_count",
        "industrial_clusters",
        "growth_rate",
        "ranking",
    ] {
        let ind = c
            .indicator(id)
            .unwrap_or_else(|| panic!("missing indicator {id}"));
        assert!(
            !ind.zh.is_empty() && !ind.en.is_empty() && !ind.synonyms.is_empty(),
            "{id}"
        );
    }
    for id in [
        "talent",
        "finance",
        "opening_up",
        "innovation_platforms",
        "digital_economy",
        "advanced_manufacturing",
        "intelligent_manufacturing",
        "integrated_circuits",
        "biomedicine",
        "new_energy",
        "new_materials",
        "aerospace",
        "marine",
        "green",
        "land_space",
        "business_environment",
        "tech_transfer",
        "entrepreneurship",
        "institutional_reform",
        "sci_tech_finance",
    ] {
        let theme = c.theme(id).unwrap_or_else(|| panic!("missing theme {id}"));
        assert!(!theme.zh.is_empty() && !theme.en.is_empty() && !theme.keywords.is_empty());
    }
    assert!(c.theme("no_such_theme").is_none() && c.indicator("no_such").is_none());
    assert!(
        std::ptr::eq(c, Catalog::in_use()),
        "bundled() must parse once"
    );
    for family in [
        Instrument::Supply,
        Instrument::Environment,
        Instrument::Demand,
    ] {
        let n = c
            .instruments()
            .iter()
            .filter(|s| s.family == family)
            .count();
        assert!(n >= 4, "{family:?} has {n} sub-types");
    }
    for id in [
        "talent_support",
        "tax_incentives",
        "public_procurement",
        "overseas_institutions",
    ] {
        assert!(c.instrument(id).is_some(), "{id}");
    }
}

#[test]
fn no_synonym_is_shared_by_two_indicators_of_one_family() {
    let mut seen = HashSet::new();
    for ind in catalog().indicators() {
        assert!(unit_family_known(&ind.unit_family), "{}", ind.id);
        for s in &ind.synonyms {
            let key = (ind.unit_family.clone(), zonecompare::catalog::fold(s));
            assert!(
                seen.insert(key),
                "`{s}` is listed twice in family {}",
                ind.unit_family
            );
        }
    }
}

fn unit_family_known(family: &str) -> bool {
    zonecompare::catalog::FAMILIES.contains(&family)
}

// ---- agencies ---------------------------------------------------------------------------

#[test]
fn every_alias_resolves_in_its_city() {
    let c = catalog();
    for agency in c.agencies() {
        assert!(
            !agency.en.is_empty(),
            "{} has no English name",
            agency.canonical
        );
        if let Some(successor) = &agency.successor {
            assert!(
                c.agency_en(successor).is_some(),
                "unknown successor {successor}"
            );
        }
        let names = std::iter::once(&agency.canonical).chain(&agency.aliases);
        if agency.city == "*" {
            for name in names {
                assert_eq!(c.canonical_agency(name, None), agency.canonical, "{name}");
                for city in c.cities() {
                    let own = c.agencies().iter().any(|a| {
                        a.city == city.key && (a.canonical == *name || a.aliases.contains(name))
                    });
                    if !own {
                        let got = c.canonical_agency(name, Some(&city.key));
                        assert_eq!(got, agency.canonical, "{name} in {}", city.key);
                    }
                }
            }
        } else {
            let city = c.cities().iter().find(|x| x.key == agency.city).unwrap();
            for name in names {
                for city_name in city.names.iter().chain([&city.key]) {
                    let got = c.canonical_agency(name, Some(city_name));
                    assert_eq!(got, agency.canonical, "{name} in {city_name}");
                }
            }
        }
    }
}

#[test]
fn common_aliases_and_city_specific_names() {
    let c = catalog();
    let cases = [
        ("市发改委", None, "市发展改革委"),
        ("市发展和改革委员会", Some("大连"), "市发展改革委"),
        ("市发展改革委", Some("沈阳"), "市发展改革委"),
        ("市工信局", Some("沈阳"), "市工业和信息化局"),
        ("市工业和信息化局", None, "市工业和信息化局"),
        ("市人社局", Some("大连"), "市人力资源社会保障局"),
        (
            "市人力资源和社会保障局",
            Some("沈阳"),
            "市人力资源社会保障局",
        ),
        ("市人力资源社会保障局", None, "市人力资源社会保障局"),
        ("市人社局", Some("重庆"), "市人力社保局"),
        ("市经信委", Some("大连"), "市经信委"),
        ("市经信委", Some("重庆"), "市经济信息委"),
        ("高新区管委会", Some("沈阳"), "沈阳高新区管委会"),
        ("高新区管委会", Some("大连"), "大连高新区管委会"),
        ("高新区管委会", Some("Chongqing"), "重庆高新区管委会"),
        ("市金融局", Some("沈阳市"), "市金融发展局"),
        ("市金融局", Some("大连"), "市金融局"),
        ("海关", Some("shenyang"), "沈阳海关"),
        ("市外办", None, "市外办"),
        ("市政府外事办公室", None, "市外办"),
        // Width, spaces and the city's own name do not matter.
        (
            "中德（沈阳）高端装备制造产业园管委会",
            Some("沈阳"),
            "中德园管委会",
        ),
        ("市 发改委 ", None, "市发展改革委"),
        ("沈阳市科技局", Some("沈阳"), "市科技局"),
        ("大连市经济和信息化委员会", Some("大连"), "市经信委"),
    ];
    for (name, city, want) in cases {
        assert_eq!(c.canonical_agency(name, city), want, "{name} in {city:?}");
    }
    // An alias that only exists per city stays unresolved without a city.
    assert_eq!(c.canonical_agency("高新区管委会", None), "高新区管委会");
    assert_eq!(c.canonical_agency(" 某某协会 ", Some("沈阳")), "某某协会");
    assert_eq!(
        c.agency_en("市发展改革委"),
        Some("Municipal Development and Reform Commission")
    );
    assert_eq!(
        c.agency_en("市发改委"),
        Some("Municipal Development and Reform Commission")
    );
    assert_eq!(c.agency_en("沈阳海关"), Some("Shenyang Customs"));
    assert_eq!(c.agency_en("不存在的单位"), None);
}

/// Responsible units of every annotation in `text`, split and expanded roughly as the parser
/// does (shared `市`/`市委` prefix carried to items that need it).
fn annotation_units(text: &str, c: &Catalog, city: &str) -> Vec<String> {
    let mut units = Vec::new();
    for (start, _) in text.match_indices("责任单位") {
        if !text[..start].ends_with(['(', '（']) {
            continue;
        }
        let body = &text[start + "责任单位".len()..];
        let body = body.trim_start_matches([':', '：']);
        let (mut depth, mut end) = (0usize, body.len());
        for (i, ch) in body.char_indices() {
            match ch {
                '(' | '（' => depth += 1,
                ')' | '）' if depth == 0 => {
                    end = i;
                    break;
                }
                ')' | '）' => depth -= 1,
                _ => {}
            }
        }
        let list = body[..end].split([';', '；']).next().unwrap_or("");
        let mut prefix = "";
        for item in list.split(['、', ',', '，']) {
            let item = without_parentheses(item);
            let item = item
                .trim_end_matches("等有关部门")
                .trim_end_matches("等部门")
                .trim();
            if item.is_empty() {
                continue;
            }
            let name = if c.agency_for(item, Some(city)).is_some() || prefix.is_empty() {
                item.to_string()
            } else {
                format!("{prefix}{item}")
            };
            prefix = ["市委", "市"]
                .into_iter()
                .find(|p| name.starts_with(p))
                .unwrap_or("");
            units.push(name);
        }
    }
    units
}

fn without_parentheses(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&ch| match ch {
            '(' | '（' => {
                depth += 1;
                false
            }
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

#[test]
fn every_corpus_agency_has_a_canonical_entry_with_an_english_name() {
    let c = catalog();
    let mut total = 0;
    for (doc, city) in DOC_CITIES {
        for unit in annotation_units(&corpus(doc), c, city) {
            total += 1;
            let agency = c
                .agency_for(&unit, Some(city))
                .unwrap_or_else(|| panic!("{doc}: `{unit}` has no entry in agencies.toml"));
            assert!(!agency.en.is_empty(), "{unit}");
            assert_eq!(
                c.agency_en(&agency.canonical),
                Some(agency.en.as_str()),
                "{unit}"
            );
        }
    }
    assert!(
        total > 150,
        "only {total} units found: the annotation reader is broken"
    );
}

#[test]
fn corpus_agencies_that_need_the_city_or_a_shared_prefix() {
    let c = catalog();
    let shenyang = annotation_units(&corpus("002"), c, "沈阳");
    for want in [
        "市发展改革委",
        "市检察院",
        "市金控集团",
        "市金融发展局",
        "市教育局",
    ] {
        assert!(shenyang.iter().any(|u| u == want), "002 lacks {want}");
    }
    assert_eq!(
        c.canonical_agency("沈阳高新区", Some("沈阳")),
        "沈阳高新区管委会"
    );
    let dalian = annotation_units(&corpus("003"), c, "大连");
    for (unit, want) in [
        ("高新区管委会", "大连高新区管委会"),
        ("市卫生计生委", "市卫生计生委"),
        ("市创促办", "市创促办"),
        ("各先导区管委会", "各先导区管委会"),
        ("市政府各有关部门", "市政府各有关部门"),
    ] {
        assert!(dalian.iter().any(|u| u == unit), "003 lacks {unit}");
        assert_eq!(c.canonical_agency(unit, Some("大连")), want);
    }
    // Bodies the texts name outside the annotations.
    for (doc, name, want) in [
        ("004", "国家工信部", "工业和信息化部"),
        ("001", "中国科协", "中国科协"),
        ("003", "国家发展改革委", "国家发展改革委"),
        ("002", "国务院", "国务院"),
    ] {
        assert!(corpus(doc).contains(name), "{doc} does not name {name}");
        let (_, city) = DOC_CITIES.iter().find(|(d, _)| *d == doc).unwrap();
        assert_eq!(c.canonical_agency(name, Some(city)), want);
        assert!(c.agency_en(want).is_some(), "{want}");
    }
    assert_eq!(
        c.agency_for("市卫生计生委", Some("大连"))
            .unwrap()
            .successor
            .as_deref(),
        Some("市卫生健康委")
    );
}
