//! Tests of matching, ranking and highlight positions.

use super::*;

const U1: &str = "市政务服务和大数据管理局";

fn score(query: &str, texts: &[&str]) -> Option<i64> {
    let fields: Vec<Field> = texts.iter().map(|t| Field::new(t)).collect();
    let refs: Vec<FieldRef> = fields.iter().map(Field::as_ref).collect();
    Matcher::new().score(&Query::parse(query), &refs)
}

fn positions(query: &str, text: &str) -> Vec<usize> {
    Matcher::new().positions(&Query::parse(query), Field::new(text).as_ref())
}

#[test]
fn chinese_substring_and_pinyin_find_the_unit() {
    for query in ["大数据", "dsj", "dashuju", "DSJ", "dasj"] {
        assert!(score(query, &["市大数据中心"]).is_some(), "{query}");
    }
    assert!(score("xyz", &["市大数据中心"]).is_none());
}

#[test]
fn positions_are_character_indices() {
    // Byte offsets would be 3, 6, 9 here; slicing with them would panic or miscolour.
    assert_eq!(positions("大数据", "市大数据中心"), vec![1, 2, 3]);
    assert_eq!(positions("dsj", "市大数据中心"), vec![1, 2, 3]);
    assert_eq!(positions("2.0", "推进“一网通办”2.0建设"), vec![8, 9, 10]);
    assert_eq!(positions("大据", U1), vec![6, 8]);
}

#[test]
fn highlighting_by_position_never_splits_a_character() {
    let text = "推进“一网通办”2.0建设";
    let hit = positions("wtb", text);
    let marked: String = text
        .chars()
        .enumerate()
        .filter(|(i, _)| hit.contains(i))
        .map(|(_, c)| c)
        .collect();
    assert_eq!(marked, "网通办");
}

#[test]
fn contiguous_hits_rank_before_scattered_ones() {
    let scattered = score("大数据", &["大力推进数字化和据实统计"]).unwrap();
    let contiguous = score("大数据", &["建设智慧海洋大数据中心"]).unwrap();
    assert!(contiguous > scattered, "{contiguous} vs {scattered}");
}

#[test]
fn tighter_scattered_hits_rank_first() {
    let tight = score("大数据", &["大力数字据实"]).unwrap();
    let wide = score("大数据", &["大力推进数字化和据实统计"]).unwrap();
    assert!(tight > wide, "{tight} vs {wide}");
    assert!(score("大数据", &["数据大"]).is_none());
}

#[test]
fn hits_at_the_start_of_a_name_rank_first() {
    let matcher = Matcher::new();
    let query = Query::parse("大数据");
    let middle = matcher
        .score(&query, &[Field::names("市政务服务和大数据管理局").as_ref()])
        .unwrap();
    let start = matcher
        .score(
            &query,
            &[Field::names("市工业和信息化局、大数据中心").as_ref()],
        )
        .unwrap();
    assert!(start > middle);
    // In running text, 、 separates list items, not names: no bonus there.
    let text = matcher
        .score(
            &query,
            &[Field::new("市工业和信息化局、大数据中心").as_ref()],
        )
        .unwrap();
    assert!(start > text);
}

#[test]
fn pinyin_matches_only_contiguous_characters() {
    assert!(score("dsj", &["大数据"]).is_some());
    assert!(score("dsj", &["大力数字据实"]).is_none());
}

#[test]
fn every_term_must_match_somewhere() {
    let task = ["建设智慧海洋大数据中心", "市海洋发展局"];
    assert!(score("大数据 海洋", &task).is_some());
    assert!(score("dsj hyfz", &task).is_some());
    assert!(score("大数据 公安", &task).is_none());
    // A full-width space, as an input method types it, separates terms too.
    assert!(score("大数据\u{3000}海洋", &task).is_some());
}

#[test]
fn u_umlaut_is_typed_as_v_or_u() {
    assert!(score("lvse", &["绿色"]).is_some());
    assert!(score("luse", &["绿色"]).is_some());
    assert!(score("lvs", &["绿色"]).is_some());
}

#[test]
fn full_width_letters_and_digits_match_as_ascii() {
    assert!(score("ＤＳＪ", &["市大数据中心"]).is_some());
    assert!(score("ｆ５ｇ", &["发展第五代超高速光纤网络（F5G）"]).is_some());
    assert!(score("（", &["发展第五代超高速光纤网络（F5G）"]).is_some());
    assert_eq!(positions("f5g", "网络（F5G）"), vec![3, 4, 5]);
}

#[test]
fn empty_query_matches_everything() {
    assert_eq!(score("", &["任何任务"]), Some(0));
    assert_eq!(score("   ", &["任何任务"]), Some(0));
}

#[test]
fn odd_input_does_not_panic() {
    for query in [
        "\u{0}",
        "、",
        "“",
        "🙂",
        "a\u{FE0F}",
        "%",
        "((",
        "ǚ",
        "ü",
        "ⅷ",
    ] {
        let _ = score(query, &[U1, "A市大数据局", ""]);
        let _ = positions(query, U1);
    }
}
