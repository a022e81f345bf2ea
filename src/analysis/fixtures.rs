//! Realistic rows for unit tests: the four bundled zones with figures taken from their plans.

use crate::model::{Comparator, DocKind, Instrument, Period, ResponsibleUnit, Role, Target, Zone};
use crate::store::rows::*;

use super::Dataset;

#[derive(serde::Deserialize)]
struct ZonesFile {
    zone: Vec<Zone>,
}

fn doc(
    id: i64,
    zone: &str,
    title: &str,
    date: Option<&str>,
    period: Option<(i32, i32)>,
) -> DocumentInfo {
    DocumentInfo {
        id,
        zone_slug: zone.into(),
        title: title.into(),
        source_name: format!("{id:03}.txt"),
        kind: DocKind::Plan,
        issuer: None,
        doc_number: None,
        date: date.map(Into::into),
        period: period.map(|(start, end)| Period { start, end }),
        sha256: String::new(),
        imported_at: "2026-01-01T00:00:00Z".into(),
    }
}

/// A target row; `id` doubles as the span start so rows stay distinct.
#[allow(clippy::too_many_arguments)]
pub fn target(
    id: i64,
    doc_id: i64,
    zone: &str,
    indicator: &str,
    indicator_id: Option<&str>,
    value: f64,
    unit: &str,
    cmp: Comparator,
    year: Option<i32>,
    sentence: &str,
) -> TargetRow {
    TargetRow {
        id,
        doc_id,
        zone_slug: zone.into(),
        measure_id: None,
        measure_title: Some("发展目标".into()),
        target: Target {
            indicator: indicator.into(),
            indicator_id: indicator_id.map(Into::into),
            value,
            value_max: None,
            unit: unit.into(),
            comparator: cmp,
            year,
            measure: None,
            sentence: sentence.into(),
            span: (id as usize, id as usize + sentence.chars().count()),
        },
        corrected: false,
        owners: Default::default(),
    }
}

fn measure(
    id: i64,
    doc_id: i64,
    zone: &str,
    title: &str,
    themes: &[&str],
    instrument: Option<Instrument>,
    units: &[(&str, Role)],
) -> MeasureRow {
    MeasureRow {
        id,
        doc_id,
        zone_slug: zone.into(),
        number: Some(id.to_string()),
        path: vec!["三".into(), id.to_string()],
        title: title.into(),
        text: format!("{title}。"),
        span: (0, title.chars().count()),
        units: units
            .iter()
            .map(|(n, role)| ResponsibleUnit {
                name: (*n).into(),
                canonical: (*n).into(),
                role: *role,
            })
            .collect(),
        key_enterprises: vec![],
        themes: themes.iter().map(|t| (*t).to_string()).collect(),
        instrument,
        instrument_subtype: None,
        target_count: 0,
        corrected: false,
    }
}

fn load(zone: &str, agency: &str, lead: usize, co: usize) -> AgencyLoadRow {
    AgencyLoadRow {
        zone_slug: zone.into(),
        agency: agency.into(),
        lead,
        co,
    }
}

/// The four bundled zones, all selected, with measures, targets, baselines and actuals.
pub fn dataset() -> Dataset {
    use Comparator::*;
    let zones: ZonesFile = toml::from_str(include_str!("../../data/zones.toml")).unwrap();
    let mut docs = [
        doc(
            1,
            "zhongde",
            "中德(沈阳)高端装备制造产业园建设“十四五”规划(征求意见稿)",
            None,
            Some((2021, 2025)),
        ),
        doc(
            2,
            "zhongde",
            "沈阳经开区入选“科创中国”试点",
            Some("2021-06-15"),
            None,
        ),
        doc(
            3,
            "shenyang-htz",
            "沈阳市人民政府关于推进沈阳国家高新区高质量发展的意见",
            Some("2022-03-10"),
            Some((2022, 2023)),
        ),
        doc(
            4,
            "dalian",
            "大连市战略性新兴产业发展实施方案(2018-2020年)",
            Some("2017-12-29"),
            Some((2018, 2020)),
        ),
        doc(
            5,
            "liangjiang",
            "重庆两江新区国家自主创新示范区建设实施方案",
            Some("2018-07-11"),
            Some((2018, 2020)),
        ),
    ];
    // The second Zhongde document is the news profile of the wider 沈阳经开区.
    docs[1].kind = DocKind::News;
    let summaries = zones
        .zone
        .into_iter()
        .map(|zone| {
            let documents: Vec<_> = docs
                .iter()
                .filter(|d| d.zone_slug == zone.slug)
                .cloned()
                .collect();
            ZoneSummary {
                document_count: documents.len(),
                documents,
                zone,
                measure_count: 0,
                target_count: 0,
                agency_count: 0,
                top_themes: vec![],
            }
        })
        .collect();
    let (lead, co) = (Role::Lead, Role::Co);
    let measures = vec![
        measure(
            1,
            1,
            "zhongde",
            "实施高层次人才引进计划",
            &["talent"],
            Some(Instrument::Supply),
            &[("中德园管委会", lead), ("沈阳市人社局", co)],
        ),
        measure(
            2,
            1,
            "zhongde",
            "建设中德人才培训中心",
            &["talent", "opening_up"],
            Some(Instrument::Supply),
            &[("中德园管委会", lead)],
        ),
        measure(
            3,
            1,
            "zhongde",
            "优化外资企业营商环境",
            &["opening_up"],
            Some(Instrument::Environment),
            &[("沈阳市商务局", lead)],
        ),
        measure(
            4,
            3,
            "shenyang-htz",
            "设立科技成果转化基金",
            &["finance"],
            Some(Instrument::Supply),
            &[("市财政局", lead), ("市科技局", co)],
        ),
        measure(
            5,
            3,
            "shenyang-htz",
            "完善一区三园管理体制",
            &[],
            None,
            &[("沈阳高新区管委会", lead)],
        ),
        measure(
            6,
            5,
            "liangjiang",
            "引进海外高层次人才",
            &["talent"],
            Some(Instrument::Supply),
            &[],
        ),
        measure(
            7,
            5,
            "liangjiang",
            "政府采购支持首台套产品",
            &["innovation"],
            Some(Instrument::Demand),
            &[],
        ),
    ];
    let targets = vec![
        target(
            10,
            1,
            "zhongde",
            "高新技术企业",
            Some("high_tech_enterprises"),
            120.0,
            "户",
            Ge,
            Some(2025),
            "到2025年,高新技术企业不少于120户",
        ),
        target(
            11,
            1,
            "zhongde",
            "引进培养高层次人才",
            Some("high_level_talent"),
            20.0,
            "人",
            Ge,
            Some(2025),
            "引进培养高层次人才不少于20人",
        ),
        target(
            12,
            1,
            "zhongde",
            "科技成果本土转化率",
            None,
            40.0,
            "%",
            Ge,
            Some(2025),
            "到2025年,科技成果本土转化率提高到40%以上",
        ),
        target(
            20,
            3,
            "shenyang-htz",
            "高新技术企业",
            Some("high_tech_enterprises"),
            2000.0,
            "家",
            Ge,
            Some(2023),
            "高新技术企业达到2000家以上",
        ),
        target(
            21,
            3,
            "shenyang-htz",
            "科技研发投入",
            Some("rd_investment"),
            100.0,
            "亿元",
            Ge,
            Some(2023),
            "科技研发投入达到100亿元以上",
        ),
        target(
            22,
            3,
            "shenyang-htz",
            "众创空间、孵化器",
            None,
            100.0,
            "家",
            Ge,
            Some(2023),
            "众创空间、孵化器达到100家以上",
        ),
        target(
            30,
            4,
            "dalian",
            "战略性新兴产业产值",
            None,
            5000.0,
            "亿元",
            Gt,
            Some(2020),
            "到2020年,战略性新兴产业产值突破5000亿元",
        ),
        target(
            31,
            4,
            "dalian",
            "创新平台",
            None,
            50.0,
            "个",
            Eq,
            Some(2020),
            "新建各级创新平台50个",
        ),
        target(
            40,
            5,
            "liangjiang",
            "高新技术企业",
            Some("high_tech_enterprises"),
            500.0,
            "家",
            Eq,
            Some(2020),
            "高新技术企业达到500家",
        ),
        target(
            41,
            5,
            "liangjiang",
            "R&D经费占生产总值比重",
            Some("rd_investment"),
            4.0,
            "%",
            Eq,
            Some(2020),
            "R&D经费占生产总值比重达到4%",
        ),
        target(
            42,
            5,
            "liangjiang",
            "科技型企业",
            None,
            1200.0,
            "家",
            Eq,
            Some(2020),
            "科技型企业达到1200家",
        ),
    ];
    let statistics = vec![
        StatisticRow {
            id: 1,
            doc_id: 2,
            zone_slug: "zhongde".into(),
            indicator: "国家高新技术企业".into(),
            indicator_id: Some("high_tech_enterprises".into()),
            value: 408.0,
            unit: "家".into(),
            year: Some(2021),
            sentence: "国家高新技术企业408家".into(),
            span: (0, 12),
        },
        StatisticRow {
            id: 2,
            doc_id: 2,
            zone_slug: "zhongde".into(),
            indicator: "规模以上工业企业".into(),
            indicator_id: None,
            value: 366.0,
            unit: "家".into(),
            year: Some(2021),
            sentence: "规模以上工业企业366家".into(),
            span: (20, 32),
        },
    ];
    let agency_load = vec![
        load("zhongde", "中德园管委会", 2, 0),
        load("zhongde", "沈阳市商务局", 1, 0),
        load("zhongde", "沈阳市人社局", 0, 1),
        load("shenyang-htz", "沈阳高新区管委会", 9, 2),
        load("shenyang-htz", "市科技局", 6, 5),
        load("shenyang-htz", "市发展改革委", 2, 7),
        load("shenyang-htz", "市财政局", 1, 4),
        load("dalian", "市发展改革委", 12, 3),
        load("dalian", "市经济和信息化委", 9, 6),
    ];
    let actuals = vec![
        ActualRow {
            id: 1,
            zone_slug: "zhongde".into(),
            indicator_id: "high_tech_enterprises".into(),
            year: 2023,
            value: 96.0,
            unit: "户".into(),
            note: "园区统计".into(),
        },
        ActualRow {
            id: 2,
            zone_slug: "liangjiang".into(),
            indicator_id: "high_tech_enterprises".into(),
            year: 2020,
            value: 532.0,
            unit: "家".into(),
            note: String::new(),
        },
    ];
    Dataset {
        selected: vec![
            "zhongde".into(),
            "shenyang-htz".into(),
            "dalian".into(),
            "liangjiang".into(),
        ],
        zones: summaries,
        measures,
        targets,
        statistics,
        agency_load,
        actuals,
        translations: Default::default(),
    }
}
