//! The pinyin table: the shipped file's readings, the round trip, and every malformed table
//! rejected with a located error rather than a panic.

use super::*;

fn small() -> PinyinTable {
    let chars = [('华', vec!["hua"]), ('行', vec!["xing", "hang"]), ('绿', vec!["lü"]), ('为', vec!["wei"])];
    PinyinTable::from_readings(chars).expect("valid readings")
}

fn read(t: &PinyinTable, c: char) -> Vec<&str> {
    t.readings(c).collect()
}

#[test]
fn the_shipped_table_reads_the_usual_and_second_readings() {
    let t = bundled();
    assert_eq!(read(t, '华'), ["hua"]);
    assert_eq!(read(t, '为'), ["wei"]);
    assert_eq!(read(t, '行'), ["xing", "hang"]);
    assert_eq!(read(t, '银'), ["yin"]);
    // 哈 reads hā, hǎ, hà, shà, tà ...: toneless, the first two that spell differently
    assert_eq!(read(t, '哈').len(), 2);
    assert_eq!(read(t, '哈')[0], "ha");
    // lǜ and lù: `lu` is already a spelling of `lü`
    assert_eq!(read(t, '绿'), ["lü"]);
    assert_eq!(read(t, '㐀').len(), 1, "extension A is covered");
    assert!(read(t, '\u{20000}').is_empty(), "extension B is left out");
    assert!(read(t, 'a').is_empty() && read(t, 'я').is_empty() && read(t, '，').is_empty());
    assert!(t.len() > 26_000, "{} characters", t.len());
}

#[test]
fn bytes_round_trip_exactly() {
    for t in [small(), bundled().clone(), PinyinTable::empty()] {
        let bytes = t.to_bytes();
        let back = PinyinTable::parse(&bytes).expect("parses");
        assert_eq!(back, t);
        assert_eq!(back.to_bytes(), bytes);
    }
    assert!(PinyinTable::empty().is_empty() && !small().is_empty());
    assert_eq!(small().len(), 4);
}

#[test]
fn every_truncation_is_an_error_never_a_panic() {
    let bytes = small().to_bytes();
    for n in 0..bytes.len() {
        let err = PinyinTable::parse(&bytes[..n]).expect_err("truncated");
        assert!(matches!(err, PinyinTableError::Truncated { .. } | PinyinTableError::Magic), "{n}: {err}");
    }
}

#[test]
fn malformed_tables_say_what_is_wrong() {
    let good = small().to_bytes();
    assert_eq!(PinyinTable::parse(b"PNG\x89rest"), Err(PinyinTableError::Magic));
    let mut trailing = good.clone();
    trailing.push(0);
    assert_eq!(PinyinTable::parse(&trailing), Err(PinyinTableError::Trailing(1)));
    // the first syllable ("hang") as "Hang"
    let mut upper = good.clone();
    upper[7] = b'H';
    assert_eq!(PinyinTable::parse(&upper), Err(PinyinTableError::Syllable { index: 0 }));
    // the last usual reading pointing far past the syllable list
    let t = small();
    let at = good.len() - 4 - 6 * t.second.len() - 2;
    let mut far = good.clone();
    far[at..at + 2].copy_from_slice(&999u16.to_le_bytes());
    let err = PinyinTable::parse(&far).expect_err("out of range");
    assert!(matches!(err, PinyinTableError::Reading { syllable: 998, .. }), "{err}");
    assert_eq!(err.to_string(), "pinyin table: the reading of U+884C is syllable 998 of 5");
}

#[test]
fn runs_must_ascend_and_readings_must_be_syllables() {
    let mut t = small();
    t.runs.reverse();
    let err = PinyinTable::parse(&t.to_bytes()).expect_err("runs out of order");
    assert!(matches!(err, PinyinTableError::Order { what: "runs", .. }), "{err}");
    let err = PinyinTable::from_readings([('华', vec!["Hua"])]).expect_err("capital");
    assert_eq!(err.to_string(), "pinyin reading \"Hua\" of U+534E is not a toneless syllable");
    assert!(PinyinTable::from_readings([('华', vec!["huaaaaaa"])]).is_err(), "8 letters");
}

#[test]
fn only_the_first_two_readings_are_kept_and_gaps_read_nothing() {
    let t = PinyinTable::from_readings([('a', vec!["x", "y", "z"]), ('d', vec!["w"])]).expect("valid");
    assert_eq!(read(&t, 'a'), ["x", "y"]);
    assert!(read(&t, 'b').is_empty() && read(&t, 'c').is_empty(), "the gap between runs");
    assert_eq!(read(&t, 'd'), ["w"]);
    assert_eq!(t.runs.len(), 1, "a gap of two shares the run");
}

#[test]
fn syllables_must_be_sorted_and_second_readings_need_a_usual_one() {
    let mut unsorted = small();
    unsorted.syllables.swap(0, 1);
    assert_eq!(PinyinTable::parse(&unsorted.to_bytes()), Err(PinyinTableError::Syllable { index: 1 }));
    let mut orphan = small();
    orphan.second.insert(0, (u32::from('a'), 0));
    let err = PinyinTable::parse(&orphan.to_bytes()).expect_err("a second reading without a usual one");
    assert_eq!(err, PinyinTableError::Order { what: "second readings", code: 0x61 });
}

#[test]
fn a_count_that_claims_more_than_the_bytes_hold_is_truncation_not_a_huge_allocation() {
    // one run claiming every code point, and no readings after it
    let mut bytes = MAGIC.to_vec();
    bytes.extend(0u16.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(0u32.to_le_bytes());
    bytes.extend(0x11_0000u32.to_le_bytes());
    let err = PinyinTable::parse(&bytes).expect_err("truncated");
    assert!(matches!(err, PinyinTableError::Truncated { what: "the usual readings", .. }), "{err}");
}

#[test]
fn the_bundled_table_is_the_file_at_the_published_path() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PINYIN_TABLE_PATH);
    let file = std::fs::read(&path).expect("the committed table");
    assert_eq!(&PinyinTable::parse(&file).expect("valid"), bundled());
}
