#![cfg(not(target_arch = "wasm32"))]
//! Search on the shipped park: the named leading companies by English, Chinese, pinyin and mixed
//! script; ranking order; typing char by char gives what a full search gives.

mod common;

use common::shipped_park;
use parkmap::search::{bundled_pinyin, Field, Hit, HitKind, IncrementalSearch, MatchTier, SearchIndex};
use proptest::prelude::*;
use std::sync::OnceLock;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(shipped_park(), bundled_pinyin()))
}

fn name_en(hit: &Hit) -> &'static str {
    let park = shipped_park();
    match hit.kind {
        HitKind::Company => &park.companies[hit.index].name.en,
        HitKind::Zone => &park.zones[hit.index].name.en,
        HitKind::Poi => &park.pois[hit.index].name.en,
    }
}

fn top(query: &str, n: usize) -> Vec<&'static str> {
    index().search(query, n).iter().map(name_en).collect()
}

#[test]
fn index_holds_every_company_zone_and_poi() {
    let park = shipped_park();
    assert_eq!(index().len(), park.companies.len() + park.zones.len() + park.pois.len());
}

#[test]
fn huawei_is_first_for_its_pinyin_initials_and_hanzi() {
    for q in ["huawei", "hw", "华为", "Huawei", "hua wei", "HUAWEI", "华w", "hwei"] {
        let hits = index().search(q, 5);
        assert_eq!(hits.first().map(name_en), Some("Huawei"), "{q}: {:?}", top(q, 5));
        assert!(hits[0].tier >= MatchTier::Prefix, "{q}: {:?}", hits[0]);
    }
    assert_eq!(index().search("hw", 1)[0].matched, Field::PinyinInitials);
}

#[test]
fn hua_puts_huawei_in_the_top_three() {
    let names = top("hua", 3);
    assert!(names.contains(&"Huawei"), "{names:?}");
}

#[test]
fn every_named_leading_company_is_found_by_a_prefix_of_its_names() {
    for (q, name) in [
        ("neu", "Neusoft"),
        ("东软", "Neusoft"),
        ("qianx", "Qi Anxin"),
        ("qax", "Qi Anxin"),
        ("奇安", "Qi Anxin"),
        ("siling", "Siling Robotics"),
        ("思灵", "Siling Robotics"),
        ("hit sat", "HIT Satellite"),
        ("哈工大", "HIT Satellite"),
    ] {
        assert_eq!(top(q, 1), [name], "{q}: {:?}", top(q, 5));
    }
}

#[test]
fn zones_and_pois_are_found_too() {
    let hits = index().search("digital economy", 3);
    assert_eq!((hits[0].kind, name_en(&hits[0])), (HitKind::Zone, "Digital Economy Cluster"));
    let hits = index().search("west gate", 3);
    assert_eq!((hits[0].kind, hits[0].tier), (HitKind::Poi, MatchTier::Exact));
}

#[test]
fn hits_are_ordered_by_score_then_kind_then_name() {
    for q in ["h", "harbin", "ha", "ke", "科技", "tech", "hebhh"] {
        let hits = index().search(q, 600);
        for w in hits.windows(2) {
            let key = |h: &Hit| (std::cmp::Reverse(h.score), h.kind);
            assert!(key(&w[0]) <= key(&w[1]), "{q}: {:?} before {:?}", w[0], w[1]);
            if key(&w[0]) == key(&w[1]) {
                assert!(name_en(&w[0]).to_lowercase() <= name_en(&w[1]).to_lowercase(), "{q}");
            }
        }
    }
}

#[test]
fn multi_word_queries_need_every_word() {
    let hits = index().search("harbin satellite", 600);
    assert!(!hits.is_empty());
    for h in &hits {
        let n = name_en(h).to_lowercase();
        assert!(n.contains("harbin") && n.contains("satellite"), "{n}");
    }
}

#[test]
fn only_spaces_give_nothing() {
    assert!(index().search("     ", 10).is_empty());
    assert!(index().search("", 10).is_empty());
}

/// Queries typed char by char from a small alphabet that hits many names, with some Han and
/// spaces, so narrowing is exercised on real data.
fn typed() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::sample::select(vec!['h', 'a', 'r', 'b', 'i', 'n', 'e', 'u', 'w', 'g', 'c', 'o']),
            1 => Just(' '),
            1 => proptest::sample::select(vec!['华', '哈', '科', '技', '为']),
        ],
        1..12,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn typing_char_by_char_matches_a_full_search(query in typed()) {
        let mut typing = IncrementalSearch::new();
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            prop_assert_eq!(typing.search(index(), &typed, 20), index().search(&typed, 20), "{:?}", typed);
        }
    }
}
