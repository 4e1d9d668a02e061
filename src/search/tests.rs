//! Ranking rules on a tiny hand-made park; the shipped park is searched in `tests/search.rs`.

use super::pinyin_table::bundled;
use super::*;
use crate::geo::{LonLat, MapPoint};
use crate::model::{Company, Industry, Poi, PoiKind, Zone, ZoneCategory};

fn text(zh: &str, en: &str, ru: Option<&str>) -> Text {
    Text { zh: zh.into(), en: en.into(), ru: ru.map(Into::into) }
}

fn company(id: &str, zh: &str, en: &str) -> Company {
    Company { name: text(zh, en, None), ..Company::sample(id) }
}

fn park() -> Park {
    let mut park = Park::default();
    for (id, zh, en) in [
        ("c1", "华为", "Huawei"),
        ("c2", "东软", "Neusoft"),
        ("c3", "哈尔滨华明航天科技有限公司", "Harbin Huaming Aerospace Co., Ltd."),
        ("c4", "黑龙江华北复合材料有限公司", "Heilongjiang Huabei Composite Materials Co., Ltd."),
        ("c5", "哈尔滨数字科技有限公司", "Harbin Digital Technology Co., Ltd."),
        ("c6", "奇安信", "Qi Anxin"),
        ("c7", "哈尔滨银行", "Harbin Bank"),
    ] {
        park.companies.push(company(id, zh, en));
    }
    park.zones.push(Zone {
        id: "z02".into(),
        name: text("数字经济产业区", "Digital Economy Cluster", Some("Кластер цифровой экономики")),
        short_name: None,
        category: ZoneCategory::Industry,
        description: None,
        industries: vec![Industry::DigitalEconomy],
        polygons: vec![],
        label: MapPoint::default(),
    });
    park.pois.push(Poi {
        id: "p01".into(),
        kind: PoiKind::Entrance,
        name: text("西门", "West Gate", Some("Западный вход")),
        description: None,
        pos: LonLat::lon_lat(126.5, 45.8),
        map: LonLat::lon_lat(126.5, 45.8).to_map(),
    });
    park
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn full_pinyin_and_initials_find_huawei_exactly() {
    let index = SearchIndex::new(&park(), bundled());
    for (q, field) in [("huawei", Field::English), ("hw", Field::PinyinInitials), ("hua wei", Field::Pinyin)]
    {
        let hits = index.search(q, 5);
        assert_eq!(hits[0].id, "c1", "{q}: {hits:?}");
        assert_eq!((hits[0].tier, hits[0].matched), (MatchTier::Exact, field), "{q}");
    }
}

#[test]
fn hua_ranks_the_shortest_whole_name_prefix_first() {
    let hits = SearchIndex::new(&park(), bundled()).search("hua", 10);
    assert_eq!(ids(&hits)[0], "c1");
    assert_eq!(hits[0].tier, MatchTier::Prefix);
    // Huaming and Huabei follow as word prefixes
    assert!(ids(&hits).contains(&"c3") && ids(&hits).contains(&"c4"), "{hits:?}");
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn chinese_substring_and_mixed_script_queries_match() {
    let index = SearchIndex::new(&park(), bundled());
    let hits = index.search("华为", 5);
    assert_eq!(
        (hits[0].id.as_str(), hits[0].tier, hits[0].matched),
        ("c1", MatchTier::Exact, Field::Chinese)
    );
    assert_eq!(ids(&index.search("航天", 5)), ["c3"]);
    assert_eq!(index.search("华w", 5)[0].id, "c1");
    // Han and Latin parts that do not form one run: both must match somewhere
    let hits = index.search("华明 aerospace", 5);
    assert_eq!(ids(&hits), ["c3"]);
    assert_eq!(hits[0].tier, MatchTier::Terms);
}

#[test]
fn english_ranks_exact_then_prefix_then_word_prefix_then_substring() {
    let index = SearchIndex::new(&park(), bundled());
    assert_eq!(index.search("neu", 5)[0].id, "c2");
    let hits = index.search("digital", 5);
    // the zone's whole name starts with "digital", the company's second word does
    assert_eq!(ids(&hits), ["z02", "c5"]);
    let hits = index.search("anxin", 5);
    assert_eq!((hits[0].id.as_str(), hits[0].tier), ("c6", MatchTier::WordPrefix));
    let hits = index.search("ilongj", 5);
    assert_eq!((hits[0].id.as_str(), hits[0].tier), ("c4", MatchTier::Substring));
}

#[test]
fn ties_break_by_kind_then_name() {
    let mut park = park();
    park.companies.push(company("c9", "西门", "West Gate"));
    let hits = SearchIndex::new(&park, bundled()).search("west gate", 5);
    assert_eq!(hits.iter().map(|h| h.kind).collect::<Vec<_>>(), [HitKind::Company, HitKind::Poi]);
    assert_eq!(hits[0].score, hits[1].score);
}

#[test]
fn russian_names_and_heteronyms_are_searchable() {
    let index = SearchIndex::new(&park(), bundled());
    let hits = index.search("западный", 5);
    assert_eq!((hits[0].id.as_str(), hits[0].matched), ("p01", Field::Russian));
    assert_eq!(index.search("yinhang", 5)[0].id, "c7");
    assert_eq!(index.search("qianxin", 5)[0].id, "c6");
}

#[test]
fn blank_queries_and_zero_limit_give_nothing() {
    let index = SearchIndex::new(&park(), bundled());
    for q in ["", "   ", " ,. ", "\t"] {
        assert!(index.search(q, 10).is_empty(), "{q:?}");
    }
    assert!(index.search("hua", 0).is_empty());
    assert!(index.search("zzzz", 10).is_empty());
}

#[test]
fn limit_keeps_the_best_hits_in_order() {
    let index = SearchIndex::new(&park(), bundled());
    let all = index.search("h", 100);
    let top = index.search("h", 2);
    assert_eq!(top, all[..2]);
}

#[test]
fn typing_narrows_the_scan_and_gives_the_same_hits() {
    let index = SearchIndex::new(&park(), bundled());
    let mut typing = IncrementalSearch::new();
    let mut previous = usize::MAX;
    for q in ["h", "ha", "har", "harb", "harbin", "harbin ", "harbin b", "harbin ba"] {
        assert_eq!(typing.search(&index, q, 10), index.search(q, 10), "{q}");
        let n = typing.candidates().unwrap();
        assert!(n <= previous, "{q}: {n} > {previous}");
        previous = n;
    }
    // backspace and a new query rescan everything
    assert_eq!(typing.search(&index, "hua", 10), index.search("hua", 10));
    assert_eq!(typing.search(&index, "  ", 10), vec![]);
    assert_eq!(typing.candidates(), None);
}

#[test]
fn without_a_pinyin_table_chinese_names_match_by_character_and_the_table_adds_pinyin() {
    let plain = SearchIndex::new(&park(), &PinyinTable::empty());
    assert!(plain.search("hw", 10).is_empty(), "no readings, no initials");
    assert_eq!(plain.search("华为", 10)[0].id, "c1");
    assert_eq!(plain.search("huawei", 10)[0].id, "c1", "the English name still matches");
    // typing on across the index rebuilt with the table: the narrowed scan must not reuse the
    // empty matches of the index without pinyin
    let with_table = SearchIndex::new(&park(), bundled());
    let mut typing = IncrementalSearch::new();
    assert!(typing
        .search(&plain, "h", 10)
        .iter()
        .all(|h| h.id != "c1" || h.matched != Field::PinyinInitials));
    assert!(typing.search(&plain, "hw", 10).is_empty());
    assert_eq!(typing.search(&with_table, "hw", 10), with_table.search("hw", 10));
    assert_eq!(typing.search(&with_table, "hw", 10)[0].id, "c1");
}
