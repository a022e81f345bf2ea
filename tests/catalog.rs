//! The bundled taxonomies and the catalog lookups: agency aliases per city (including every
//! agency named in the bundled corpus), theme ranking, unit-aware indicator matching,
//! instrument sub-types, and clear errors for malformed taxonomy files.

use std::collections::HashSet;
use std::path::PathBuf;

use zonecompare::Error;
use zonecompare::catalog::{Catalog, MAX_THEMES, unit_family};
use zonecompare::model::Instrument;

fn catalog() -> &'static Catalog {
    Catalog::bundled()
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
    assert_eq!(
        c.agency_for("市卫生计生委", Some("大连"))
            .unwrap()
            .successor
            .as_deref(),
        Some("市卫生健康委")
    );
}

// ---- themes ------------------------------------------------------------------------------

fn line_starting(doc: &str, start: &str) -> String {
    corpus(doc)
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{doc} has no line starting {start}"))
        .to_string()
}

#[test]
fn themes_of_corpus_measures() {
    let c = catalog();
    let cases = [
        ("002", "3.打造高端人才集聚地", "talent"),
        ("002", "6.优化知识产权服务", "intellectual_property"),
        ("002", "(二)强化资金保障", "finance"),
        ("002", "14.优化土地资源配置", "land_space"),
        ("003", "1.重点发展集成电路产业", "integrated_circuits"),
        ("003", "1.重点发展储能产业", "new_energy"),
        ("003", "2.重点培育通用航空", "aerospace"),
        ("003", "2.积极发展节能环保服务业", "green"),
        (
            "003",
            "加快推进大连市国家军民融合创新示范区",
            "civil_military",
        ),
        ("003", "1.积极发展数字创意", "cultural_creative"),
        ("000", "2.融入国内外双循环增创国际合作新优势", "opening_up"),
        ("004", "增强金融资源集聚辐射能力", "finance"),
        (
            "004",
            "鼓励支持多元主体投资建设一批新型孵化器",
            "entrepreneurship",
        ),
    ];
    for (doc, start, want) in cases {
        let themes = c.themes_for(&line_starting(doc, start));
        assert_eq!(
            themes.first().map(String::as_str),
            Some(want),
            "{start}: {themes:?}"
        );
        assert!(themes.len() <= MAX_THEMES);
    }
    let funds = c.themes_for(&line_starting("002", "(四)争取上级政策"));
    assert!(funds.contains(&"sci_tech_finance".to_string()), "{funds:?}");
}

#[test]
fn themes_of_own_snippets_ranked_and_deterministic() {
    let c = catalog();
    let text = "引进海外高层次人才和青年人才团队,建设人才公寓;设立天使投资基金。";
    let themes = c.themes_for(text);
    assert_eq!(themes[0], "talent", "{themes:?}");
    assert!(
        themes.contains(&"sci_tech_finance".to_string()),
        "{themes:?}"
    );
    assert_eq!(themes, c.themes_for(text));
    assert_eq!(
        c.themes_for("建设５Ｇ基站,推动企业数字化改造")[0],
        "digital_economy"
    );
    assert_eq!(
        c.themes_for("支持IC设计和芯片封装测试企业")[0],
        "integrated_circuits"
    );
    assert_eq!(c.themes_for("发展海水淡化装备和船舶配套")[0], "marine");
    assert_eq!(
        c.themes_for("推行一网通办,压缩审批时限")[0],
        "business_environment"
    );
    // Agency names in the annotation are not themes.
    assert!(
        c.themes_for("(责任单位:市金融局、市发展改革委、市商务局)")
            .is_empty()
    );
    assert!(c.themes_for("").is_empty());
    // Many themes: only five, most mentioned first, ties in catalog order.
    let busy = "人才人才人才,金融金融,外资,集成电路,生物医药,新材料,航空,海洋";
    let themes = c.themes_for(busy);
    assert_eq!(themes.len(), MAX_THEMES);
    assert_eq!(&themes[..2], ["talent", "finance"]);
    let order: Vec<usize> = themes[2..]
        .iter()
        .map(|t| c.themes().iter().position(|x| &x.id == t).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{themes:?}");
}

// ---- indicators --------------------------------------------------------------------------

/// Quantified figures of the bundled documents as they word them: (document, indicator
/// phrase, unit, canonical id).
const CORPUS_FIGURES: &[(&str, &str, &str, &str)] = &[
    ("000", "规划面积", "平方公里", "planned_area"),
    ("000", "大型国际交流活动", "次", "events"),
    ("000", "小型交流活动", "次", "events"),
    (
        "000",
        "外资企业达到园区内企业总量的",
        "%",
        "foreign_funded_share",
    ),
    ("000", "省级以上中试基地", "个", "pilot_bases"),
    ("000", "省级以上创新平台", "个", "innovation_platforms"),
    ("000", "新合作高校院所", "个", "universities_institutes"),
    ("000", "科技成果本土转化率", "%", "tech_transfer_rate"),
    ("000", "高新技术企业", "户", "high_tech_enterprises"),
    ("000", "引进培养高层次人才", "人", "high_level_talent"),
    ("001", "综合排名", "位", "ranking"),
    ("001", "工业企业", "家", "industrial_enterprises"),
    ("001", "世界500强企业", "家", "fortune500_enterprises"),
    ("001", "规模以上工业企业", "家", "above_scale_enterprises"),
    ("001", "高校院所", "所", "universities_institutes"),
    ("001", "两院院士", "人", "academicians"),
    ("001", "技术研发平台", "家", "innovation_platforms"),
    ("001", "国家级重点实验室", "个", "key_labs"),
    ("001", "国家级工程技术中心", "个", "engineering_centers"),
    ("001", "国家级企业技术中心", "个", "enterprise_tech_centers"),
    ("001", "科技型中小企业", "家", "tech_smes"),
    ("001", "国家高新技术企业", "家", "high_tech_enterprises"),
    ("001", "科技小巨人企业", "家", "little_giants"),
    ("001", "雏鹰企业", "家", "fledgling_enterprises"),
    ("001", "瞪羚企业", "家", "gazelle_enterprises"),
    ("001", "新型研发机构", "家", "new_r_and_d_institutions"),
    ("002", "火炬统计企业营业收入", "亿元", "revenue"),
    ("002", "工业总产值", "亿元", "industrial_output"),
    ("002", "高新技术企业", "家", "high_tech_enterprises"),
    ("002", "众创空间、孵化器", "家", "incubation_carriers"),
    ("002", "科技研发投入", "亿元", "rd_spending"),
    ("002", "综合排名进入全国高新区", "强", "ranking"),
    ("002", "面积扩大到", "平方公里", "planned_area"),
    ("002", "沈阳高新区发展基金", "亿元", "fund_size"),
    ("002", "基金集群", "亿元", "fund_size"),
    ("003", "战略性新兴产业产值", "亿元", "sei_output"),
    ("003", "年均增长", "%", "growth_rate"),
    (
        "003",
        "战略性新兴产业增加值占全市GDP比重",
        "%",
        "sei_value_added_share",
    ),
    ("003", "各级创新平台", "个", "innovation_platforms"),
    ("003", "带动能力强的龙头企业", "家", "leading_enterprises"),
    (
        "003",
        "创新型领军企业",
        "家",
        "innovative_leading_enterprises",
    ),
    ("003", "社区设立规范的回收站点", "%", "recycling_coverage"),
    ("003", "再生资源进入", "%", "recycling_rate"),
    ("003", "规模以上企业", "家", "above_scale_enterprises"),
    ("003", "液流电池储能电站", "万千瓦", "energy_capacity"),
    ("004", "R&D经费占生产总值比重", "%", "rd_intensity"),
    ("004", "对外技术依存度", "%", "foreign_tech_dependence"),
    ("004", "全球领先技术", "项", "leading_technologies"),
    ("004", "法人化研发机构", "家", "rd_institutions"),
    ("004", "科技型企业", "家", "tech_enterprises"),
    ("004", "每万人有效发明专利拥有量", "件", "patents_per_10k"),
    (
        "004",
        "战略性新兴制造业增加值占规模以上工业增加值比重",
        "%",
        "sei_manufacturing_share",
    ),
    (
        "004",
        "文化创意产业增加值占地区总产值比重",
        "%",
        "cultural_creative_share",
    ),
    (
        "004",
        "知识密集型服务业增加值占地区生产总值比重",
        "%",
        "kis_share",
    ),
    ("004", "科技进步贡献率", "%", "tech_progress_contribution"),
    (
        "004",
        "具有较强国际竞争力的产业集群",
        "个",
        "industrial_clusters",
    ),
    ("004", "对外合作基地", "个", "cooperation_bases"),
    ("004", "国际科技创新平台", "个", "innovation_platforms"),
    ("004", "高水平双创人才", "名", "entrepreneurial_talent"),
    ("004", "海外高层次人才", "人", "overseas_talent"),
    (
        "004",
        "累计实际利用外资额",
        "亿美元",
        "utilised_foreign_capital",
    ),
    (
        "004",
        "科技型中小企业研发服务平台",
        "个",
        "service_platforms",
    ),
    (
        "004",
        "国家级众创空间、科技企业孵化器",
        "家",
        "incubation_carriers",
    ),
    ("004", "孵化场地面积", "万平方米", "incubation_area"),
    ("004", "创新创业投资基金规模", "亿元", "fund_size"),
    ("004", "各类创业培训、活动", "次", "events"),
    ("004", "牛羚企业", "家", "wildebeest_enterprises"),
    ("004", "独角兽企业", "家", "unicorn_enterprises"),
    ("004", "军民融合产值", "亿元", "civil_military_output"),
    ("004", "军民融合产业示范基地", "个", "demonstration_bases"),
];

#[test]
fn every_corpus_figure_maps_to_its_canonical_indicator() {
    let c = catalog();
    for &(doc, phrase, unit, want) in CORPUS_FIGURES {
        assert!(
            corpus(doc).contains(phrase),
            "{doc} does not say `{phrase}`"
        );
        assert!(unit_family(unit).is_some(), "{unit}");
        let got = c.indicator_for(phrase, unit).map(|i| i.id.as_str());
        assert_eq!(got, Some(want), "{doc}: {phrase} ({unit})");
    }
}

#[test]
fn indicator_matching_respects_unit_family_and_prefers_longest() {
    let c = catalog();
    let id = |phrase: &str, unit: &str| c.indicator_for(phrase, unit).map(|i| i.id.clone());
    // Same words, different kind of quantity.
    assert_eq!(
        id("外资企业", "家").as_deref(),
        Some("foreign_funded_enterprises")
    );
    assert_eq!(id("外资企业", "%").as_deref(), Some("foreign_funded_share"));
    assert_eq!(id("研发投入", "亿元").as_deref(), Some("rd_spending"));
    assert_eq!(
        id("全社会研发投入强度", "%").as_deref(),
        Some("rd_intensity")
    );
    assert_eq!(
        id("高新技术企业营业收入", "亿元").as_deref(),
        Some("revenue")
    );
    assert_ne!(
        id("高新技术企业增加值", "亿元").as_deref(),
        Some("high_tech_enterprises")
    );
    assert_eq!(
        id("高新技术企业数量年均增长", "%").as_deref(),
        Some("growth_rate")
    );
    // Longest synonym wins within the family.
    assert_eq!(
        id("战略性新兴产业产值", "亿元").as_deref(),
        Some("sei_output")
    );
    assert_eq!(id("国家级众创空间", "家").as_deref(), Some("maker_spaces"));
    assert_eq!(
        id("国家级科技企业孵化器", "家").as_deref(),
        Some("incubators")
    );
    assert_eq!(
        id("技术合同成交额", "亿元").as_deref(),
        Some("tech_transactions")
    );
    assert_eq!(
        id("境内外上市企业", "家").as_deref(),
        Some("listed_companies")
    );
    assert_eq!(id("地区生产总值", "亿元").as_deref(), Some("gdp"));
    assert_eq!(
        id("有效发明专利", "件").as_deref(),
        Some("invention_patents")
    );
    assert_eq!(id("营收", "万亿元").as_deref(), Some("revenue"));
    // Width folding on phrase and unit; unknown unit accepts any family.
    assert_eq!(
        id("Ｒ＆Ｄ经费占ＧＤＰ比重", "％").as_deref(),
        Some("rd_intensity")
    );
    assert_eq!(id("工业总产值", "").as_deref(), Some("industrial_output"));
    // Nothing fits.
    assert_eq!(id("时速", "公里"), None);
    assert_eq!(id("高新技术企业", "亿元"), None);
    assert_eq!(id("", "家"), None);
}

// ---- instruments -------------------------------------------------------------------------

#[test]
fn instruments_of_snippets_and_corpus_measures() {
    let c = catalog();
    let cases = [
        (
            "落实研发费用加计扣除、高新技术企业所得税减免政策",
            "tax_incentives",
        ),
        (
            "通过政府采购等方式,为创新产品拓展市场",
            "public_procurement",
        ),
        (
            "引导政府部门将非核心业务外包,支持服务外包企业",
            "outsourcing",
        ),
        (
            "鼓励企业走出去,在海外设立研发中心和境外园区",
            "overseas_institutions",
        ),
        (
            "引进高层次人才团队,建设高技能人才培训基地",
            "talent_support",
        ),
        (
            "设立天使投资基金,开展投贷联动和知识产权质押融资",
            "financial_instruments",
        ),
        (
            "简化进出口业务办理环节,发展跨境电商和保税维修",
            "trade_control",
        ),
        (
            "加强专利快速审查、快速确权、快速维权等知识产权服务",
            "ip_protection",
        ),
    ];
    for (text, want) in cases {
        let got = c.instrument_for(text).map(|s| s.id.as_str());
        assert_eq!(got, Some(want), "{text}");
    }
    let family = |doc: &str, start: &str| {
        c.instrument_for(&line_starting(doc, start))
            .map(|s| s.family)
    };
    assert_eq!(
        family("003", "1.加大应用示范力度"),
        Some(Instrument::Demand)
    );
    assert_eq!(
        family("002", "3.打造高端人才集聚地"),
        Some(Instrument::Supply)
    );
    assert_eq!(
        family("003", "3.鼓励各类融资创新"),
        Some(Instrument::Environment)
    );
    assert_eq!(
        c.instrument_for("(责任单位:市财政局、市金融局)")
            .map(|s| &s.id),
        None
    );
    assert!(c.instrument_for("").is_none());
}

// ---- malformed files ---------------------------------------------------------------------

fn bundled_text(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

fn catalog_error(result: zonecompare::Result<Catalog>) -> (String, String) {
    match result {
        Err(Error::Catalog { file, message }) => (file, message),
        Err(other) => panic!("expected a catalog error, got {other}"),
        Ok(_) => panic!("malformed taxonomy accepted"),
    }
}

#[test]
fn malformed_toml_names_the_file_and_line() {
    let [t, i, a, s] = [
        "themes.toml",
        "indicators.toml",
        "agencies.toml",
        "instruments.toml",
    ]
    .map(bundled_text);
    let broken = "[[theme]]\nid = \"x\"\nzh = \"未闭合\n";
    let (file, message) = catalog_error(Catalog::from_strs(broken, &i, &a, &s));
    assert_eq!(file, "themes.toml");
    assert!(message.contains("line 3"), "{message}");
    let missing =
        "[[subtype]]\nid = \"x\"\nfamily = \"sideways\"\nzh = \"\"\nen = \"\"\nkeywords = []\n";
    assert_eq!(
        catalog_error(Catalog::from_strs(&t, &i, &a, missing)).0,
        "instruments.toml"
    );
    let family = i.replacen("unit_family = \"count\"", "unit_family = \"pieces\"", 1);
    let (file, message) = catalog_error(Catalog::from_strs(&t, &family, &a, &s));
    assert_eq!(file, "indicators.toml");
    assert!(message.contains("pieces"), "{message}");
    let twice =
        format!("{t}\n[[theme]]\nid = \"talent\"\nzh = \"人\"\nen = \"T\"\nkeywords = [\"人\"]\n");
    assert!(
        catalog_error(Catalog::from_strs(&twice, &i, &a, &s))
            .1
            .contains("talent")
    );
    let empty =
        format!("{t}\n[[theme]]\nid = \"void\"\nzh = \"空\"\nen = \"V\"\nkeywords = [\"\"]\n");
    assert!(
        catalog_error(Catalog::from_strs(&empty, &i, &a, &s))
            .1
            .contains("void")
    );
    let clash = format!(
        "{a}\n[[agency]]\ncity = \"*\"\ncanonical = \"市某局\"\nen = \"X\"\naliases = [\"市发改委\"]\n"
    );
    let (file, message) = catalog_error(Catalog::from_strs(&t, &i, &clash, &s));
    assert_eq!(file, "agencies.toml");
    assert!(message.contains("市发改委"), "{message}");
    let no_city = format!("{a}\n[[agency]]\ncity = \"火星\"\ncanonical = \"某局\"\nen = \"X\"\n");
    assert!(
        catalog_error(Catalog::from_strs(&t, &i, &no_city, &s))
            .1
            .contains("火星")
    );
}

#[test]
fn load_dir_reads_edited_copies_and_names_the_broken_path() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "themes.toml",
        "indicators.toml",
        "agencies.toml",
        "instruments.toml",
    ] {
        std::fs::write(dir.path().join(name), bundled_text(name)).unwrap();
    }
    let copy = Catalog::load_dir(dir.path()).unwrap();
    assert_eq!(copy.indicators().len(), catalog().indicators().len());
    assert_eq!(
        copy.canonical_agency("市工信局", Some("沈阳")),
        "市工业和信息化局"
    );
    std::fs::write(dir.path().join("indicators.toml"), "[[indicator]\n").unwrap();
    let (file, _) = catalog_error(Catalog::load_dir(dir.path()));
    assert!(
        file.ends_with("indicators.toml") && file.len() > "indicators.toml".len(),
        "{file}"
    );
    std::fs::remove_file(dir.path().join("themes.toml")).unwrap();
    match Catalog::load_dir(dir.path()) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("themes.toml")),
        other => panic!("expected an I/O error, got {:?}", other.map(|_| ())),
    }
}
