//! What each word list is for, on snippets written for these tests.

use super::WordSet;
use super::agencies::*;
use super::annotations::*;
use super::places::*;

#[test]
fn a_label_opens_an_annotation_and_says_what_its_list_names() {
    assert_eq!(
        label_at_start("牵头单位:市商务局"),
        Some((Field::Lead, "牵头单位".len()))
    );
    assert_eq!(
        label_at_start("配合部门:市财政局"),
        Some((Field::Co, "配合部门".len()))
    );
    assert_eq!(
        label_at_start("责任人:张三"),
        Some((Field::Other, "责任人".len()))
    );
    assert_eq!(
        label_at_start("重点企业:甲公司"),
        Some((Field::Enterprise, "重点企业".len()))
    );
    // Only at the start: a label further in is the text's own business.
    assert_eq!(label_at_start("由牵头单位负责"), None);
    assert_eq!(label_at_start("推进建设"), None);
    assert_eq!(label_at_start(""), None);
}

#[test]
fn every_label_is_found_whole_and_none_opens_another() {
    for &(word, field) in LABELS {
        assert_eq!(label_at_start(word), Some((field, word.len())), "{word}");
        assert_eq!(label_at_end(&format!("。{word}")), Some(word), "{word}");
        for &(other, _) in LABELS {
            assert!(
                other == word || !other.starts_with(word),
                "{word} opens {other}"
            );
        }
    }
    assert_eq!(label_at_end("主责单位之外"), None);
}

#[test]
fn role_verbs_split_the_lead_from_the_co_operating_agencies() {
    let role = |s: &str| {
        ROLE_VERBS
            .iter()
            .find(|(v, _)| s.ends_with(v))
            .map(|&(_, f)| f)
    };
    assert_eq!(role("市发展改革委牵头"), Some(Field::Lead));
    assert_eq!(role("市科技局负责"), Some(Field::Lead));
    assert_eq!(role("市财政局配合"), Some(Field::Co));
    assert_eq!(role("各区协助"), Some(Field::Co));
    assert_eq!(role("市财政局"), None);
    // A verb never says "enterprise" or "other": only annotation labels do.
    assert!(
        ROLE_VERBS
            .iter()
            .all(|(_, f)| matches!(f, Field::Lead | Field::Co))
    );
}

#[test]
fn manner_words_notes_and_tails_are_longest_first() {
    // Each list is tried in order, so a word must come before any word it ends with
    // (tails, manners) or opens with (notes are tried at one place, the first wins).
    fn longer_first(list: &[&str], overlaps: fn(&str, &str) -> bool) {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                assert!(!(overlaps(b, a) && b.len() > a.len()), "{b} after {a}");
            }
        }
    }
    longer_first(&ETC_TAILS, |long, short| long.ends_with(short));
    longer_first(&ROLE_MANNERS, |long, short| long.starts_with(short));
    assert!(ETC_TAILS.iter().all(|t| t.starts_with('等')));
    assert!(NOTE_OPENERS.contains(&"以下") && NOTE_OPENERS.contains(&"简称"));
}

#[test]
fn agency_endings_close_a_complete_name() {
    for name in [
        "市科技局",
        "甲区管委会",
        "市委组织部",
        "某某集团",
        "市人民政府",
    ] {
        assert!(ends_like_agency(name), "{name}");
    }
    for name in ["各区", "县级市", "市场监管"] {
        assert!(!ends_like_agency(name), "{name}");
    }
    // A shared organ is itself a complete ending.
    for organ in SHARED_ORGANS {
        assert!(ends_like_agency(organ), "{organ}");
    }
}

#[test]
fn level_and_place_chars_show_a_name_of_its_own() {
    assert!(has_level_or_place("浑南区政府"));
    assert!(has_level_or_place("某某港"));
    assert!(!has_level_or_place("发展改革委"));
    for p in OWN_PREFIXES {
        assert!(!p.is_empty());
    }
}

#[test]
fn own_markers_are_found_anywhere_in_a_name() {
    for (name, want) in [
        ("沈阳海关", true),
        ("东北大学", true),
        ("某学院", true),
        ("人民银行沈阳分行", true),
        ("市科技局", false),
        ("大连", false),
        ("学", false),
    ] {
        assert_eq!(has_own_marker(name), want, "{name}");
        assert_eq!(OWN_MARKERS.iter().any(|m| name.contains(m)), want, "{name}");
    }
    for m in OWN_MARKERS {
        assert!(has_own_marker(m), "{m}");
    }
}

#[test]
fn not_place_words_are_cut_before_looking_for_a_place() {
    assert!(has_not_place_word("城市管理局"));
    assert!(has_not_place_word("农业农村局"));
    assert!(!has_not_place_word("浑南区政府"));
    // `市场监管局` has 市 only inside 市场: no level of its own.
    assert_eq!(without_not_places("市场监管局"), "监管局");
    assert!(!has_level_or_place(&without_not_places("市场监管局")));
    // `社区` goes but the district stays.
    assert_eq!(without_not_places("甲区社区服务中心"), "甲区服务中心");
    for w in NOT_PLACES {
        assert!(has_not_place_word(w), "{w}");
        assert!(has_level_or_place(w), "{w} needs no cutting");
        assert_eq!(without_not_places(w), "", "{w}");
    }
}

#[test]
fn cities_come_from_the_data_file_and_the_first_named_wins() {
    assert!(CITIES.contains(&"沈阳") && CITIES.contains(&"大连") && CITIES.contains(&"重庆"));
    assert!(CITIES.iter().all(|c| !c.is_empty() && !c.starts_with('#')));
    assert_eq!(city_in("中德(沈阳)装备园"), Some("沈阳"));
    assert_eq!(city_in("大连市与沈阳市"), Some("大连"));
    assert_eq!(city_in("市科技局"), None);
    assert_eq!(
        most_frequent_city("重庆两次,重庆很好,沈阳一次"),
        Some("重庆")
    );
    assert_eq!(most_frequent_city("没有城市"), None);
}

#[test]
fn a_word_set_finds_its_words_only_where_one_starts() {
    static WORDS: [&str; 3] = ["海关", "大学", "大学城"];
    let set = WordSet::new(&WORDS);
    assert_eq!(set.opening("大学生"), Some(1));
    assert_eq!(set.opening("海关总署"), Some(0));
    assert_eq!(set.opening("东北大学"), None);
    assert_eq!(set.opening(""), None);
    assert!(set.occurs_in("东北大学"));
    assert!(set.occurs_in("沈阳海关"));
    // `大` opens a word but no word follows it here.
    assert!(!set.occurs_in("大连市"));
    assert!(!set.occurs_in(""));
}
