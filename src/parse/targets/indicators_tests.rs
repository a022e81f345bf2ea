//! Indicator phrases on snippets written for these tests.

use super::super::mentions::scan;
use super::*;

/// Indicators of every figure in a one-sentence text.
fn indicators(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let ms = scan(&c, 0, c.len());
    let mut out: Vec<String> = Vec::new();
    let mut prev_end = None;
    for m in &ms {
        let cs = clause_start(&c, 0, m.start, prev_end);
        let prev = out.last().cloned();
        let ind = indicator(&IndicatorInput {
            chars: &c,
            mention: m,
            clause_start: cs,
            sentence: (0, c.len()),
            previous_in_sentence: prev.as_deref(),
            previous_in_paragraph: prev.as_deref(),
        });
        out.push(ind);
        prev_end = Some(m.end);
    }
    out
}

#[test]
fn subject_before_comparator() {
    assert_eq!(
        indicators("到2025年,高新技术企业不少于120户,引进培养高层次人才不少于20人。"),
        ["高新技术企业", "高层次人才"]
    );
    assert_eq!(indicators("研发投入占GDP比重达到3%"), ["研发投入占GDP比重"]);
    assert_eq!(
        indicators("对外技术依存度降低至30%以下"),
        ["对外技术依存度"]
    );
    assert_eq!(indicators("孵化场地面积达30万平方米"), ["孵化场地面积"]);
}

#[test]
fn object_after_verb() {
    assert_eq!(
        indicators("至2025年,力争建设省级以上中试基地1个以上"),
        ["省级以上中试基地"]
    );
    assert_eq!(
        indicators("每年举办大型国际交流活动2次,小型交流活动不少于8次。"),
        ["大型国际交流活动", "小型交流活动"]
    );
    assert_eq!(indicators("培育2-3家龙头企业,形成产业链。"), ["龙头企业"]);
    assert_eq!(
        indicators("设立120亿元的沈阳高新区发展基金,撬动社会资本形成300亿元规模的基金集群"),
        ["沈阳高新区发展基金", "基金集群规模"]
    );
    assert_eq!(
        indicators("引进1800名以上高水平双创人才、海外高层次人才700人"),
        ["高水平双创人才", "海外高层次人才"]
    );
}

#[test]
fn lists_growth_and_shares() {
    assert_eq!(
        indicators("培育龙头企业30家、创新型领军企业100家"),
        ["龙头企业", "创新型领军企业"]
    );
    assert_eq!(
        indicators("国家级众创空间、科技企业孵化器超过15家"),
        ["国家级众创空间、科技企业孵化器"]
    );
    assert_eq!(
        indicators("产业产值突破5000亿元,年均增长18%左右"),
        ["产业产值", "产业产值年均增长"]
    );
    assert_eq!(
        indicators("规模以上工业企业366家,占全市三分之一"),
        ["规模以上工业企业", "规模以上工业企业占全市"]
    );
    assert_eq!(
        indicators("外资企业达到园区内企业总量的50%以上"),
        ["外资企业占园区内企业总量"]
    );
    assert_eq!(
        indicators("每万人有效发明专利拥有量达到15件"),
        ["每万人有效发明专利拥有量"]
    );
}

#[test]
fn enumerations_and_funding() {
    assert_eq!(
        indicators("经开区拥有甲大学、乙所等10余所高校院所"),
        ["高校院所"]
    );
    assert_eq!(indicators("以300多家规模以上企业为支撑"), ["规模以上企业"]);
    assert_eq!(
        indicators("新建工程研究中心、企业技术中心等各级创新平台50个"),
        ["各级创新平台"]
    );
    assert_eq!(indicators("引进高等院校10所"), ["高等院校"]);
    assert_eq!(
        indicators("设立规模50亿元的产业引导基金"),
        ["产业引导基金规模"]
    );
    assert_eq!(
        indicators("生产总值由2020年的1250亿元增加到2025年的2000亿元"),
        ["生产总值", "生产总值"]
    );
    assert_eq!(
        indicators("地区生产总值年均增长7.5%,2020年达到1250亿元"),
        ["地区生产总值年均增长", "地区生产总值"]
    );
    assert_eq!(
        indicators("各方向激活全区197家技术研发平台"),
        ["技术研发平台"]
    );
    assert_eq!(
        indicators("设立建设专项资金,市财政局每年安排10亿元"),
        ["建设专项资金"]
    );
    assert_eq!(
        indicators("综合排名进入全国高新区20强"),
        ["综合排名进入全国高新区"]
    );
}

#[test]
fn qualifiers_of_the_previous_noun() {
    assert_eq!(
        indicators("建成新型研发机构10家,其中省级以上5家"),
        ["新型研发机构", "省级以上新型研发机构"]
    );
}

#[test]
fn a_count_before_its_noun_counts_that_noun() {
    // Verb + count + noun phrase: the noun phrase, never the verb or connective in front.
    assert_eq!(
        indicators("三年内重点引进和培育2000名左右具有硕士学位的工程技术人才。"),
        ["具有硕士学位的工程技术人才"]
    );
    assert_eq!(
        indicators("组织和动员80家行业协会,加强与600家企业对接。"),
        ["行业协会", "企业对接"]
    );
    // Several counts in one clause are separate figures with their own nouns.
    assert_eq!(
        indicators("遴选40名首席技师、90名青年技师和300名技术能手。"),
        ["首席技师", "青年技师", "技术能手"]
    );
    // A `、` between nouns without a figure of its own keeps one phrase.
    assert_eq!(
        indicators("推荐不少于6名来自省农科院、省林科院的青年专家。"),
        ["来自省农科院、省林科院的青年专家"]
    );
    // A verb phrase after the noun belongs to what is counted.
    assert_eq!(
        indicators("5年内市、区两级重点支持300名经营管理人才赴境外培训。"),
        ["经营管理人才赴境外培训"]
    );
    // After an enumeration closed by `等`, the head noun is what is counted.
    assert_eq!(
        indicators("培养200名教师、医生、律师等专业人才。"),
        ["专业人才"]
    );
    // A noun written before the count keeps the older reading.
    assert_eq!(indicators("新增孵化器12家。"), ["孵化器"]);
}

#[test]
fn relative_time_phrases_are_not_indicators() {
    assert_eq!(indicators("3年内新建标准厂房20万平方米"), ["标准厂房"]);
    assert_eq!(indicators("今后五年建设公租房8000套"), ["公租房"]);
}

#[test]
fn the_noun_after_a_figure_ends_where_its_predicate_begins() {
    assert_eq!(indicators("每年遴选10家链主企业给予重点支持"), ["链主企业"]);
    assert_eq!(indicators("组织50家配套企业参与协作"), ["配套企业"]);
    assert_eq!(indicators("推动200家规上企业完成数字化改造"), ["规上企业"]);
    // A noun that opens with such a word keeps it.
    assert_eq!(indicators("服务100家落户企业"), ["落户企业"]);
    // A verb inside a relative clause (`…的`) belongs to the noun.
    assert_eq!(
        indicators("选拔100名骨干、享受政府特殊津贴的后备人才"),
        ["骨干、享受政府特殊津贴的后备人才"]
    );
}

#[test]
fn a_figure_after_a_comparison_measures_the_compared_subject() {
    assert_eq!(
        indicators("营业收入比2020年翻一番，达到5000亿元"),
        ["营业收入"]
    );
    assert_eq!(
        indicators("工业总产值较2020年明显提高，达2000亿元"),
        ["工业总产值"]
    );
}

#[test]
fn a_modal_or_a_verb_of_keeping_before_the_figure_is_not_part_of_the_indicator() {
    assert_eq!(
        indicators("到2028年,工业用地中新型产业用地占比应当达到20%以上"),
        ["工业用地中新型产业用地占比"]
    );
    assert_eq!(
        indicators("空气质量优良天数比例保持90%以上"),
        ["空气质量优良天数比例"]
    );
    assert_eq!(indicators("研发投入强度要达到3%"), ["研发投入强度"]);
}

#[test]
fn a_verb_with_a_noun_suffix_is_part_of_the_indicator() {
    assert_eq!(
        indicators("重点项目年度投资完成率不低于95%"),
        ["重点项目年度投资完成率"]
    );
    assert_eq!(
        indicators("固定资产投资完成额增长8%"),
        ["固定资产投资完成额增长"]
    );
}

#[test]
fn a_time_word_and_a_modal_before_the_verb_are_no_indicator() {
    assert_eq!(
        indicators("上年培育专精特新企业12家,今年力争新增20家。"),
        ["专精特新企业", "专精特新企业"]
    );
    assert_eq!(indicators("明年争取建成充电桩500个"), ["充电桩"]);
}
