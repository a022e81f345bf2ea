//! Golden parse tests: every document of `data/corpus/` goes through the real pipeline
//! (`ingest::read_path` → `parse::parse_text` with the bundled catalog →
//! `parse::json::to_json_value`) and the contract JSON is compared with
//! `tests/golden/<stem>.json`, written by reading the document line by line.
//!
//! # Expectation format (`tests/golden/<stem>.json`)
//!
//! ```text
//! { "title": "exact title"              — or "title_contains": "a part of it" (one of the two)
//!   "issuer", "doc_number", "date": string or null (date `YYYY-MM-DD`), exact
//!   "period": {"start": 2021, "end": 2025} or null
//!   "measures": [ every measure in document order:
//!     {"number": "1" | "(一)" | null, "path": ["三", "(一)", "1"],
//!      "title_starts": the title up to its final punctuation (the output title starts with it),
//!      "units": [{"name": as expanded, "canonical": agency, "role": "lead" | "co"}] in order,
//!      "key_enterprises": ["…"] in order} ]
//!   "targets": [ every target in document order:
//!     {"indicator_contains": optional, a part of the indicator as written,
//!      "indicator_id": optional; when written (also as null) it must equal the output,
//!      "value": number, "value_max": number or null, "unit": as written,
//!      "comparator": ">=" | ">" | "=" | "~" | "<=" | "<", "year": number or null,
//!      "measure": index into the expected "measures" or null,
//!      "sentence_contains": a part of the target's sentence (identifies the target)} ]
//!   "statistics": [ every current figure in document order:
//!     {"indicator_contains": optional, "value", "unit", "year": number or null,
//!      "sentence_contains"} ] }
//! ```
//! Fields other than these are not allowed (typos fail loudly). Counts must match exactly;
//! values are compared within 1e-6. A failure lists every difference of the document:
//! where (document, index, label), which field, expected, got. Spans, measure texts and
//! sentences are checked by invariants instead (they depend on the cleaned text).
//!
//! Other checks: every corpus document has an expectation file; on every document every
//! span slices the cleaned text to exactly the measure text / target sentence, measure spans
//! are sorted and disjoint, a target's measure is the one whose span holds its sentence,
//! years lie in 1990..=2060; and the JSON has exactly the field names of the
//! `parse --format json` schema (README § `parse --format json`).

// DECISIONS-golden — rules the expectations follow where the schema leaves a choice.
// The parser should follow them too; change them together with the golden files.
//
// Metadata
// G1  title: the document's own title line as written. When the title line is a headline
//     around the plan's name (004 `我院编制的《…》正式发布!!!`), a notice printing a plan
//     (003), or missing (002 starts with the addressee line `各区、县(市)人民政府,…:`),
//     the expectation only asks that the title contains the plan or zone name. An
//     addressee line (ending `:`) is never a title.
// G2  issuer: the body that signs or publishes: signature line (002 沈阳市人民政府), the
//     issuing office of a notice (003 大连市人民政府办公厅), the `来源:` paper of a news
//     article (001 沈阳日报); null when the text names none (000; 004 says only `我院`).
// G3  doc_number: only the document's own number; cited ones (`国发〔2020〕7号`) are not it.
// G4  date: signature date, else publication date (`发布日期:2018/7/11` → 2018-07-11).
// G5  period: only when stated: `(2018-2020年)`, `“十四五”` = 2021–2025. A goal year alone
//     (`到2023年`) is not a period: 001, 002 and 004 have none.
// Measures
// G6  path of an unnumbered measure: enclosing unnumbered headings, then the measure's own
//     heading (004) or, for a run-in `实施…行动。` paragraph, its own title (001), so every
//     path ends with the measure itself. A chapter-type heading (`主要任务`) encloses the
//     short heading lines after it. An excerpt that starts inside a chapter (000 opens with
//     `4.`) gives that measure just its own number as path.
// G7  title of a headed paragraph (004) is its heading line.
// Responsible units and enterprises
// G8  only bare department names (`发展改革委`, `科技局`, `检察院`, `金控集团`) inherit the
//     `市` of the item before; names carrying their own place or zone (`高新区管委会`,
//     `金普新区管委会`, `浑南区委`, `沈阳海关`) never do.
// G9  canonical agencies, per the zone's city (000–002 沈阳, 003 大连, 004 重庆), as
//     data/agencies.toml gives them: everywhere `市发改委`, `市发展和改革委员会` →
//     `市发展改革委`; `市工信局` → `市工业和信息化局`; `市人社局`, `市人力资源和社会保障局` →
//     `市人力资源社会保障局`; in 沈阳 `市金融局` → `市金融发展局` (000 and 002 name one
//     body two ways); in 大连 `高新区管委会` → `大连高新区管委会` (the name stays as written).
//     Every other name is its own canonical form (`市经信委`, `市外办`, `市营商局`,
//     `市市场监管局`, `市卫生计生委`, `市人才办`, district governments, zone committees).
// G10 key enterprises: split on `、`, a trailing `等` dropped; in a list `…、X和Y等` the
//     last item is split at `和` (003: `豪森设备`, `大冷集团`).
// Targets
// G11 comparator: a word after the figure (`以上`, `以下`, `左右`) outranks a verb before it
//     (`达到园区内企业总量的50%以上` → `>=`); `达到或超过` → `>=`; `达` = `达到`, `扩大到`,
//     `扩大为`, `提高到` → `=` unless a word after the figure says otherwise;
//     `降低至30%以下` → `<=`.
// G12 year: a `到2020年,` opening a goals section (004 `发展目标`) covers the paragraphs
//     under its short headings. A target inside a measure with no year of its own is null
//     even in a plan with a period (000 planned areas, 003 `90%以上`, `2-3家`). A recurring
//     `每年…` target in a document without a period is null (002 `每年安排10亿元`).
// G13 planned areas are targets (`规划面积约3.2平方公里` → 3.2 `~`; `面积扩大到357平方公里`;
//     `扩大为243平方公里`), the former area (`在原170平方公里基础上`) is a statistic.
//     Money committed (`每年安排10亿元`, `设立120亿元的…基金`, `形成300亿元规模的基金集群`)
//     is a target; its terms (`连续5年`, `15%:25%:60%`) are not.
// G14 not targets: shares that are rules for others (`收益不低于70%的比例分配给…`,
//     `5%“黄金股”`), terms of a rule (`3年内保留人事关系`), staffing quotas (`副主任1名`,
//     `职数4名`), counted kinds (`11类`, `十大战略性新兴产业`, `一核心两拓展`),
//     sizes and classes of equipment or projects (`20万千瓦…储能电站`, `百万千瓦级`,
//     `3兆瓦及以上级`, `300公斤级`, `25KV`), numbers inside names (`世界500强`,
//     `互联网100强`, `两院`, `中国制造2025`, `5G`, `浑河十五街`, `“5+22”`, `双十双百(十城万盏)`),
//     deadlines for paperwork (`于2017年11月底前研究制定…工作方案`), counts of listed
//     things (`三个骨干企业`, `两个主要产业集聚区`, `八个方面`, `一个产业园区,一位首席科学家`).
// G15 one figure for several things is one target (`众创空间、孵化器达到100家以上`).
// G16 indicator ids come from the canonical list of data/indicators.toml, the most specific
//     fitting one (`海外高层次人才` → overseas_talent, not high_level_talent;
//     `众创空间、孵化器` → incubation_carriers). The id is left unasserted where no id
//     clearly fits (002 `每年安排10亿元` to a special fund: neither a fund size nor spending).
// Statistics
// G17 current figures about the zone or city, also when restated inside a measure (001
//     `激活全区197家技术研发平台、5家新型研发机构`); `余`, `多`, `近` leave the value as
//     written (`3000余家` → 3000, `近三分之一` → 33.33 %); `综合排名19位` → 19 `位`; year =
//     the stated year, else the document date's year (001 → 2021, 002 → 2022, 003 → 2017).
//     Figures about something other than the zone (`全国共有39城(园区)入选`) are not
//     statistics.
// Added with the held-out documents (tests/heldout/)
// G18 a figure in Chinese numerals gives the value and unit the same figure in digits
//     gives, so two zones writing one figure two ways compare equal: `两万人` = `2万人` →
//     2 `万人`; `百万千瓦` = `100万千瓦` → 100 `万千瓦`; `十五家` → 15 `家`. As with digits, a
//     `万`/`亿` stays in the unit when the unit has that form (`万人`, `万元`, `万平方米`,
//     `万千瓦`, `亿元`) and multiplies the value otherwise (`1.5万家` → 15000 `家`).
// G19 policy parameters are neither targets nor statistics: rates applied to an amount
//     (`按研发投入的20%给予补贴`, `不低于…最低价标准的70%`, `租金的60%`), weights and
//     rates of a rule (`考核权重不低于5%`, `贷款利率`), award amounts (`给予30万元奖励`,
//     `20%给予补贴`). A share of a total stays a target (`占全市的30%`).
// G20 a range (`新设区域总部2-3家`) is always a target: present figures are not bracketed.
// G21 a document counting its own contents (`提出了12项具体举措`, `共分三个部分`) sets no
//     target.
// G22 `每年` reaches its own clause and the following clauses that go on without a verb of
//     their own (`每年举办推介会4次,专题培训不少于10场`: both recurring); a clause opening
//     with its own act is not recurring (`每年安排…20亿元,设立规模200亿元的…基金`: the fund's
//     year is null).
// G23 an unnumbered heading over `实施…行动。` paragraphs (`推进三大攻坚行动`) is a chapter:
//     it ends a goals section before it, and its paragraphs are measures with the path
//     [heading, own title] even where other chapters hold headed tasks (h3). A chapter
//     title right above a short task heading (`重点任务` / `建设西部科学城核心区`) heads it.
// G24 an article stating the document's purpose (`第一条 为…,制定本政策。`) or closing it
//     (`本政策自…起施行`, `…负责解释`) is not a measure (h5, h6).
// G25 in a plan (not a news report) a figure in a task that nothing marks as current is a
//     target (`实施技术改造项目200个`), and `累计` before a goal verb or comparator word
//     (`累计建成…80个`, `累计达到50亿美元`) is a cumulative target; in a news report an
//     unmarked `累计…` figure is a statistic.
// G26 a present figure bounded from above (`上年度营业收入不超过2亿元`) and a threshold
//     picking the firms a rule is for (`增长超过20%的规模以上企业`) are neither targets nor
//     statistics. Statistics stated for `去年`/`上年` have the year before the document's.
// G27 units marked `(牵头)` in a responsibility list lead and the others are `co`; a name
//     ending in `管委会` carries its own zone and never inherits a prefix (G8).

#[path = "parse_golden/actual.rs"]
mod actual;
#[path = "parse_golden/compare.rs"]
mod compare;
#[path = "parse_golden/expect.rs"]
mod expect;
#[path = "parse_golden/invariants.rs"]
mod invariants;
#[path = "parse_golden/schema.rs"]
mod schema;
#[path = "parse_golden/selftest.rs"]
mod selftest;

use std::path::PathBuf;

fn golden_path(stem: &str) -> PathBuf {
    actual::root()
        .join("tests/golden")
        .join(format!("{stem}.json"))
}

/// Parses one corpus document and compares it with its expectation file.
fn check_golden(stem: &str) {
    let exp = expect::load(&golden_path(stem));
    let parsed = actual::parse_corpus_file(stem);
    let got = actual::typed(stem, &parsed.json);
    let diffs = compare::compare(&exp, &got);
    assert!(
        diffs.is_empty(),
        "{stem}: {} difference(s) from tests/golden/{stem}.json:\n  {}",
        diffs.len(),
        diffs.join("\n  ")
    );
}

#[test]
fn golden_000_zhongde_construction_plan() {
    check_golden("000_a2d155b297289045");
}

#[test]
fn golden_001_shenyang_etdz_news() {
    check_golden("001_23ee345ab719336e");
}

#[test]
fn golden_002_shenyang_high_tech_zone_opinions() {
    check_golden("002_d1df5a77a2452895");
}

#[test]
fn golden_003_dalian_strategic_emerging_industries() {
    check_golden("003_a6b1758811d1f864");
}

#[test]
fn golden_004_liangjiang_demonstration_zone() {
    check_golden("004_3c5bc2c389159028");
}

#[test]
fn every_corpus_document_has_a_golden_file_and_back() {
    let corpus = actual::corpus_stems();
    let golden = actual::stems_in(&actual::root().join("tests/golden"), "json");
    assert!(!corpus.is_empty(), "data/corpus holds no .txt documents");
    assert_eq!(
        corpus, golden,
        "corpus documents and golden files must correspond one to one"
    );
    for stem in &golden {
        expect::load(&golden_path(stem));
    }
}

#[test]
fn invariants_hold_on_every_document() {
    let mut problems = Vec::new();
    for stem in actual::corpus_stems() {
        let parsed = actual::parse_corpus_file(&stem);
        let doc = actual::typed(&stem, &parsed.json);
        problems.extend(
            invariants::check(&parsed.text, &doc)
                .into_iter()
                .map(|p| format!("{stem}: {p}")),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn json_has_exactly_the_schema_fields() {
    let mut seen = schema::Seen::default();
    let mut problems = Vec::new();
    for stem in actual::corpus_stems() {
        let parsed = actual::parse_corpus_file(&stem);
        problems.extend(
            schema::check(&parsed.json, &mut seen)
                .into_iter()
                .map(|p| format!("{stem}: {p}")),
        );
    }
    for (kind, n) in [
        ("measures", seen.measures),
        ("responsible units", seen.units),
        ("targets", seen.targets),
        ("statistics", seen.statistics),
    ] {
        if n == 0 {
            problems.push(format!(
                "no {kind} in the corpus output: their fields went unchecked"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
