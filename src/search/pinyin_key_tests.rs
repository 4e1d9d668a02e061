//! The pinyin matcher: keys, syllable readings, heteronyms, and monotonicity while typing.

use super::super::normalize::Query;
use super::super::pinyin_table::bundled;
use super::*;

fn reads(name: &str, query: &str, anchored: bool) -> bool {
    let mut store = PinyinStore::default();
    store.add_name(name, bundled());
    let q = Query::parse(query).py.expect("a pinyin query");
    store.name(0).find(&q, anchored, &mut Vec::new())
}

#[test]
fn keys_are_the_usual_toneless_readings_and_their_initials() {
    let mut store = PinyinStore::default();
    store.add_name("华为", bundled());
    store.add_name("5G（哈尔滨）", bundled());
    assert_eq!((store.name(0).full, store.name(0).initials), ("huawei", "hw"));
    assert_eq!((store.name(1).full, store.name(1).initials), ("5ghaerbin", "5gheb"));
}

#[test]
fn whole_syllables_initials_and_mixtures_read_the_name() {
    for q in ["huawei", "hw", "huaw", "hwei", "hua wei", "华w", "华 wei", "hua为"] {
        assert!(reads("华为", q, true), "{q}");
    }
    for q in ["hu awei", "huaweii", "wh", "x"] {
        assert!(!reads("华为", q, false), "{q}");
    }
}

#[test]
fn unanchored_reading_starts_at_any_character_anchored_only_at_the_first() {
    assert!(reads("哈尔滨华明航天", "huaming", false));
    assert!(!reads("哈尔滨华明航天", "huaming", true));
    assert!(reads("哈尔滨华明航天", "heb", true));
}

#[test]
fn heteronyms_and_u_umlaut_read_every_way() {
    assert!(reads("银行", "yinhang", true) && reads("银行", "yinxing", true));
    assert!(reads("银行", "yinh", true) && reads("银行", "yh", true) && reads("银行", "yinhan", true));
    assert!(reads("绿色", "lvse", true) && reads("绿色", "luse", true) && reads("绿色", "ls", true));
}

#[test]
fn alternative_readings_are_no_abbreviations_and_rare_ones_are_ignored() {
    // 行 reads xing (usual) or hang: "hang" whole, not "h" followed by more
    assert!(!reads("行长", "hz", true) && reads("行长", "hangz", true) && reads("行长", "xz", true));
    // 哈 reads ha (usual), he, ta, sha: "ta" is past the second reading
    assert!(!reads("哈尔滨", "te", false) && !reads("哈尔滨", "taer", true));
    assert!(reads("哈尔滨", "heb", true));
}

#[test]
fn a_query_that_reads_a_name_reads_it_without_its_last_letter() {
    // what makes narrowing the scan while typing sound (see `IncrementalSearch`)
    let mut store = PinyinStore::default();
    let names = ["银行长", "哈尔滨", "重庆长安", "行长行"];
    names.iter().for_each(|n| store.add_name(n, bundled()));
    let letters = b"hangxizcerb";
    let (mut queries, mut level) = (Vec::new(), vec![String::new()]);
    for _ in 0..4 {
        level =
            level.iter().flat_map(|q| letters.iter().map(move |&l| format!("{q}{}", l as char))).collect();
        queries.extend(level.iter().cloned());
    }
    let mut scratch = Vec::new();
    let mut read = 0;
    for (i, name) in names.iter().enumerate() {
        for q in queries.iter().filter(|q| q.len() >= 2) {
            let shorter = &q[..q.len() - 1];
            for anchored in [true, false] {
                let parse = |s: &str| Query::parse(s).py.expect("pinyin");
                if store.name(i).find(&parse(q), anchored, &mut scratch) {
                    read += 1;
                    assert!(
                        store.name(i).find(&parse(shorter), anchored, &mut scratch),
                        "{name}: {q} but not {shorter}"
                    );
                }
            }
        }
    }
    assert!(read > 50, "the check should exercise some readings: {read}");
}

/// A unit's spellings, each with whether it may stop anywhere (the usual reading).
type Spellings<'a> = dyn Fn(&Unit) -> Vec<(Vec<u8>, bool)> + 'a;

/// The reading rules written as a plain recursive search, to check the bitset matcher and its
/// prefilter against.
fn reference(store: &PinyinStore, name: usize, q: &PyQuery, anchored: bool) -> bool {
    let n = store.name(name);
    let (units, m) = (n.units, q.codes.len());
    let spellings = |u: &Unit| -> Vec<(Vec<u8>, bool)> {
        (0..u.count as usize)
            .map(|r| {
                let syl = store.syllables[store.readings[u.first as usize + r] as usize];
                (syl[..syl[7] as usize].to_vec(), r < u.usual as usize)
            })
            .collect()
    };
    fn rec(units: &[Unit], spellings: &Spellings, q: &PyQuery, u: usize, qi: usize) -> bool {
        let m = q.codes.len();
        if qi == m {
            return true;
        }
        if u == units.len() {
            return false;
        }
        let code = q.codes[qi];
        if code >= 128 {
            return units[u].ch == code && rec(units, spellings, q, u + 1, qi + 1);
        }
        spellings(&units[u]).iter().any(|(r, free)| {
            (1..=r.len()).any(|k| {
                qi + k <= m
                    && (0..k).all(|j| q.codes[qi + j] == u32::from(r[j]))
                    && (1..k).all(|j| !q.boundary[qi + j])
                    && (*free || k == r.len() || qi + k == m)
                    && rec(units, spellings, q, u + 1, qi + k)
            })
        })
    }
    m > 0 && (0..if anchored { 1 } else { units.len() }).any(|s| rec(units, &spellings, q, s, 0))
}

#[test]
fn the_matcher_and_its_prefilter_agree_with_a_plain_recursive_search() {
    let mut store = PinyinStore::default();
    let names = ["银行长", "哈尔滨华为", "重庆长安", "行长行", "5G绿色"];
    names.iter().for_each(|n| store.add_name(n, bundled()));
    let letters = ["h", "a", "n", "g", "x", "i", "z", "e", "r", "w", "l", "v", " ", "华", "5"];
    let (mut queries, mut level) = (Vec::new(), vec![String::new()]);
    for _ in 0..4 {
        level = level.iter().flat_map(|q| letters.iter().map(move |l| format!("{q}{l}"))).collect();
        queries.extend(level.iter().cloned());
    }
    let (mut scratch, mut read) = (Vec::new(), 0);
    for (i, name) in names.iter().enumerate() {
        for q in queries.iter().filter_map(|q| Query::parse(q).py) {
            for anchored in [true, false] {
                let got = store.name(i).find(&q, anchored, &mut scratch);
                assert_eq!(got, reference(&store, i, &q, anchored), "{name}: {q:?} anchored {anchored}");
                read += usize::from(got);
            }
        }
    }
    assert!(read > 500, "the check should exercise many readings: {read}");
}
