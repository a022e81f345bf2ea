//! Theme ranking, unit-aware indicator matching and instrument sub-types on corpus text and
//! on snippets written for these tests.

use super::*;

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
    // A ratio unit fits only an indicator listing it: output per area is no planned area.
    assert_eq!(
        id("单位面积产出", "亿元/平方公里").as_deref(),
        Some("output_per_land")
    );
    assert_eq!(
        id("亩均税收", "万元/亩").as_deref(),
        Some("output_per_land")
    );
    assert_eq!(id("园区面积", "万元/亩"), None);
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
    // A growth rate of a quantity is a growth rate, not the quantity's share.
    assert_eq!(
        id("战略性新兴产业增加值年均增长", "%").as_deref(),
        Some("growth_rate")
    );
    assert_eq!(
        id("科技成果转化率提高到", "%").as_deref(),
        Some("tech_transfer_rate")
    );
    assert_eq!(id("提高到", "%"), None);
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

#[test]
fn indicator_wordings_of_other_plans() {
    let c = catalog();
    let cases = [
        ("全社会研发经费支出占地区生产总值比重", "%", "rd_intensity"),
        ("规上工业总产值", "亿元", "industrial_output"),
        ("技术合同登记额", "亿元", "tech_transactions"),
        ("签约项目总投资", "亿元", "fixed_asset_investment"),
        ("新增院士专家工作站", "个", "postdoc_workstations"),
        ("单位GDP能耗下降", "%", "energy_intensity"),
        ("新能源汽车产量", "万辆", "vehicles"),
        (
            "数字经济核心产业增加值占GDP比重",
            "%",
            "digital_economy_share",
        ),
        ("科技贷款余额", "亿元", "loans"),
        ("国家级专精特新“小巨人”企业", "家", "little_giants"),
        ("实际使用外资", "亿美元", "utilised_foreign_capital"),
        ("外贸进出口总额", "亿元", "foreign_trade"),
        ("新增上市公司", "家", "listed_companies"),
        ("一般公共预算收入", "亿元", "fiscal_revenue"),
        ("空气质量优良天数比例", "%", "air_quality"),
    ];
    for (phrase, unit, want) in cases {
        let got = c.indicator_for(phrase, unit).map(|i| i.id.as_str());
        assert_eq!(got, Some(want), "{phrase} ({unit})");
    }
}

#[test]
fn one_pass_tagging_agrees_with_separate_theme_and_instrument_lookups() {
    let c = catalog();
    let mut texts: Vec<String> = vec![
        "设立产业引导基金,对引进的高层次人才给予安家补贴。".into(),
        "优化营商环境,推行一网通办,简化审批流程。(责任单位:市科技局)".into(),
        "建设公共技术服务平台,政府采购首台套产品。".into(),
        String::new(),
    ];
    for stem in ["000", "002", "003", "004"] {
        texts.extend(corpus(stem).lines().map(str::to_string));
    }
    for t in &texts {
        let (themes, sub) = c.classify(t);
        assert_eq!(themes, c.themes_for(t), "{t}");
        assert_eq!(
            sub.map(|s| s.id.as_str()),
            c.instrument_for(t).map(|s| s.id.as_str()),
            "{t}"
        );
    }
}
