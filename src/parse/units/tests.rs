//! Responsible-unit conventions on snippets written for these tests.

use super::*;

fn units(s: &str) -> Vec<(String, &'static str)> {
    let s: String = s.chars().map(crate::parse::normalize::halfwidth).collect();
    annotations(&s)
        .into_iter()
        .flat_map(|a| a.units)
        .map(|(n, r)| (n, r.as_str()))
        .collect()
}

fn names(s: &str) -> Vec<String> {
    units(s).into_iter().map(|u| u.0).collect()
}

#[test]
fn first_unit_leads_a_plain_list() {
    let u = units("推进工作。(责任单位:市工信局、市财政局、甲园区管委会)");
    assert_eq!(u[0], ("市工信局".into(), "lead"));
    assert_eq!(u[1], ("市财政局".into(), "co"));
    assert_eq!(u[2], ("甲园区管委会".into(), "co"));
}

#[test]
fn comma_groups_make_the_first_group_lead() {
    let u = units("(责任单位:乙区政府、丙区政府,市商务局、税务局,某园管委会)");
    let roles: Vec<&str> = u.iter().map(|x| x.1).collect();
    assert_eq!(roles, ["lead", "lead", "co", "co", "co"]);
    assert_eq!(u[3].0, "市税务局");
}

#[test]
fn shared_prefix_is_inherited() {
    assert_eq!(
        names("(责任单位:市科技局、发展改革委、工业和信息化局)"),
        ["市科技局", "市发展改革委", "市工业和信息化局"]
    );
    assert_eq!(names("(责任单位:市法院、检察院)"), ["市法院", "市检察院"]);
    assert_eq!(
        names("(责任单位:市交投集团、文旅集团)"),
        ["市交投集团", "市文旅集团"]
    );
    assert_eq!(
        names("(责任单位:省商务厅、市场监管局)"),
        ["省商务厅", "省市场监管局"]
    );
    assert_eq!(
        names("(责任单位:市委宣传部、统战部)"),
        ["市委宣传部", "市委统战部"]
    );
    // `城市管理局` names no level for the names after it.
    assert_eq!(
        names("(城市管理局牵头,供电公司、建设发展局配合)"),
        ["城市管理局", "供电公司", "建设发展局"]
    );
    assert_eq!(
        names("(责任单位:成都市科技局、经信局)"),
        ["成都市科技局", "成都市经信局"]
    );
}

#[test]
fn a_lead_mark_in_the_list_gives_the_roles() {
    assert_eq!(
        units("(责任单位:市科技局(牵头)、发展改革委,市财政局)"),
        [
            ("市科技局".into(), "lead"),
            ("市发展改革委".into(), "co"),
            ("市财政局".into(), "co")
        ]
    );
    assert_eq!(
        units("(责任单位:市商务局、市外办(牵头))"),
        [("市商务局".into(), "co"), ("市外办".into(), "lead")]
    );
}

#[test]
fn named_places_keep_their_own_prefix() {
    assert_eq!(
        names("(责任单位:市商务局、沈阳海关、甲县政府、乙经济区管委会)"),
        ["市商务局", "沈阳海关", "甲县政府", "乙经济区管委会"]
    );
    // A management committee carries its zone's name even without a level char.
    assert_eq!(
        names("(责任单位:某高新区规划局、国际医学城管委会、航空港管理委员会)"),
        ["某高新区规划局", "国际医学城管委会", "航空港管理委员会"]
    );
}

#[test]
fn a_distributive_set_names_each_kind_of_body() {
    // `各区、县级市` is every district and every county-level city: two units.
    assert_eq!(
        names("(牵头单位:市民政局,配合单位:各区、县级市)"),
        ["市民政局", "各区", "各县级市"]
    );
    // The set's organ word belongs to every member.
    assert_eq!(
        names("(责任单位:市人社局、各区、县级市政府)"),
        ["市人社局", "各区政府", "各县级市政府"]
    );
    assert_eq!(
        names("(责任单位:市文旅局,各有关区、县)"),
        ["市文旅局", "各有关区", "各有关县"]
    );
    // A full agency after a `各…` unit is not a member of a set.
    assert_eq!(names("(责任单位:各区、市财政局)"), ["各区", "市财政局"]);
}

#[test]
fn whole_sets_stay_whole() {
    assert_eq!(
        names("(责任单位:市统计局、各区市县政府、市政府各有关部门、市直相关部门)"),
        [
            "市统计局",
            "各区市县政府",
            "市政府各有关部门",
            "市直相关部门"
        ]
    );
}

#[test]
fn notes_and_trailing_etc_are_stripped() {
    assert_eq!(
        names("(责任单位:市科技局、财政局等有关部门、甲高新区(以下简称高新区)管委会)"),
        ["市科技局", "市财政局", "甲高新区管委会"]
    );
    assert_eq!(
        names("(责任单位:中国(甲市)保护中心)"),
        ["中国(甲市)保护中心"]
    );
}

#[test]
fn key_enterprises_are_not_units() {
    let a = annotations("(责任单位:市工信局、乙新区管委会;重点企业:甲科技、乙电子和丙集团等)");
    assert_eq!(a[0].units.len(), 2);
    assert_eq!(a[0].enterprises, ["甲科技", "乙电子", "丙集团"]);
    let a = annotations("(责任单位:市卫健委;重点机构:某医院、某检验所)");
    assert_eq!(a[0].enterprises, ["某医院", "某检验所"]);
}

#[test]
fn lead_and_co_labels() {
    let u = units("做好工作。（牵头单位：市发改委、市科技局，配合单位：市财政局、税务局）");
    assert_eq!(
        u,
        [
            ("市发改委".into(), "lead"),
            ("市科技局".into(), "lead"),
            ("市财政局".into(), "co"),
            ("市税务局".into(), "co"),
        ]
    );
    let u = units("推进改革。\n主责单位:市营商局;协同单位:市司法局、某区政府");
    assert_eq!(u[0], ("市营商局".into(), "lead"));
    assert_eq!(u[2], ("某区政府".into(), "co"));
    let u = units("(责任部门:市教育局、人社局)");
    assert_eq!(u[1], ("市人社局".into(), "co"));
}

#[test]
fn responsible_beside_lead_label_is_co_and_spaces_separate() {
    let u = units("(牵头单位:市科技局;责任单位:市财政局 市税务局)");
    assert_eq!(
        u,
        [
            ("市科技局".into(), "lead"),
            ("市财政局".into(), "co"),
            ("市税务局".into(), "co"),
        ]
    );
}

#[test]
fn lead_and_co_verbs() {
    let u = units("推进工作。(市发展改革委牵头,市科技局、财政局配合)");
    assert_eq!(
        u,
        [
            ("市发展改革委".into(), "lead"),
            ("市科技局".into(), "co"),
            ("市财政局".into(), "co"),
        ]
    );
    assert_eq!(
        units("加快建设。(市住建局负责)"),
        [("市住建局".into(), "lead")]
    );
    let u = units("(责任单位:市发展改革委牵头,市科技局、市财政局按职责分工负责)");
    assert_eq!(u[0], ("市发展改革委".into(), "lead"));
    assert_eq!(u[2], ("市财政局".into(), "co"));
    let u = units("(市商务局牵头,各区政府配合)");
    assert_eq!(u[1], ("各区政府".into(), "co"));
    // Every street office, every county: a set of places co-operates as any agency does.
    let u = units("(区发展改革局牵头,各街道配合)");
    assert_eq!(u[1], ("各街道".into(), "co"));
    let u = units("(市农业农村局牵头,各乡镇配合)");
    assert_eq!(u[1], ("各乡镇".into(), "co"));
    assert!(units("选派专家(由企业负责)。").is_empty());
    assert!(units("鼓励参与(各方面配合)。").is_empty());
    assert!(units("支持企业(含个体户)发展。").is_empty());
}

#[test]
fn a_closing_sentence_of_role_verbs_is_an_annotation_without_brackets() {
    let u = units("培育链主企业3家。市工信局牵头,市发展改革委、市科技局配合。");
    assert_eq!(
        u,
        [
            ("市工信局".into(), "lead"),
            ("市发展改革委".into(), "co"),
            ("市科技局".into(), "co"),
        ]
    );
    assert_eq!(
        units("培育集群5个。由市商务局牵头,市财政局配合。"),
        [("市商务局".into(), "lead"), ("市财政局".into(), "co")]
    );
    // A sentence of the task itself, or one in the middle, is none.
    assert!(units("企业负责建设,政府配合。").is_empty());
    assert!(units("培育集群5个。市商务局牵头,市财政局配合。建设平台。").is_empty());
}

#[test]
fn text_without_labels_has_no_annotation() {
    assert!(annotations("各责任单位要认真落实(详见附件)。").is_empty());
}

#[test]
fn trailing_annotations_are_found() {
    let s = "推进。(责任单位:市科技局、甲区(以下简称乙)管委会)";
    assert_eq!(trailing_annotation(s), s.find("(责任"));
    assert_eq!(trailing_annotation("推进建设(二期)"), None);
    assert!(trailing_annotation("推进。(牵头单位:市委)。").is_some());
}

#[test]
fn a_second_plate_in_parentheses_is_dropped() {
    assert_eq!(
        names("(责任单位:市委组织部(市人才办),市人社局)"),
        ["市委组织部", "市人社局"]
    );
    assert_eq!(
        names("(责任单位:丙区(甲片区)管理中心)"),
        ["丙区(甲片区)管理中心"]
    );
}

#[test]
fn marks_are_every_parenthesis_and_colon() {
    let text = "甲(乙):丙丁戊己庚辛壬癸(甲乙丙丁:戊己)庚a:b((c";
    let want: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'(' || b == b':')
        .map(|(i, _)| i)
        .collect();
    let got: Vec<usize> = marks(text).map(|(i, _)| i).collect();
    assert_eq!(got, want);
    assert_eq!(marks("").count(), 0);
}

#[test]
fn fields_that_name_no_unit_are_skipped() {
    // The scope and deadline fields of an annotation are not units.
    assert_eq!(
        names("放宽限制。(负责部门:甲部、乙委;适用范围:所有试验区)"),
        ["甲部", "乙委"]
    );
    assert_eq!(
        names("(实施单位:县农业局;完成时限:2024年底;责任领导:张三)"),
        ["县农业局"]
    );
}

#[test]
fn bracketed_annotations_are_read_like_parenthesised_ones() {
    // Square, lenticular and tortoise-shell brackets around the labels.
    for (open, close) in [("［", "］"), ("【", "】"), ("〔", "〕")] {
        let s =
            format!("推进甲项工作。{open}牵头单位：市商务局；配合单位：市财政局、税务局等{close}");
        assert_eq!(
            units(&s),
            [
                ("市商务局".to_string(), "lead"),
                ("市财政局".to_string(), "co"),
                ("市税务局".to_string(), "co"),
            ],
            "{s}"
        );
        let half: String = s.chars().map(crate::parse::normalize::halfwidth).collect();
        assert_eq!(trailing_annotation(&half), half.find(['[', '【', '〔']));
    }
    // A bracket that holds no label is no annotation.
    assert_eq!(trailing_annotation("建设示范园区[二期]"), None);
}

#[test]
fn a_unit_list_wrapped_after_a_list_mark_goes_on_in_the_next_line() {
    assert_eq!(
        names("推行一网通办。\n责任单位:行政审批局、\n政务服务中心\n(二)强化保障。"),
        ["行政审批局", "政务服务中心"]
    );
    // Without the mark the next line is not part of the list.
    assert_eq!(
        names("推行一网通办。\n责任单位:行政审批局\n政务服务中心负责窗口建设。"),
        ["行政审批局"]
    );
}

#[test]
fn labels_parted_by_a_space_are_read_one_by_one() {
    assert_eq!(
        units("牵头单位:县科技局　责任单位:县财政局、县人社局"),
        [
            ("县科技局".into(), "lead"),
            ("县财政局".into(), "co"),
            ("县人社局".into(), "co")
        ]
    );
    assert_eq!(
        units("(牵头单位:县工信局 配合单位:县科技局)"),
        [("县工信局".into(), "lead"), ("县科技局".into(), "co")]
    );
}
