//! Chinese names as sequences of syllables, and the matcher that reads a typed query against them.
//!
//! A name is a sequence of *units*, one per character: a Han character carries its toneless pinyin
//! readings from the `pinyin` crate (every reading of a heteronym, the usual one first, so 银行 is
//! found as `yinhang` as well as `yinxing`; `ü` is also spelled `v` and `u`), an ASCII letter or
//! digit reads as itself, punctuation is dropped.
//!
//! The matcher consumes the query from left to right, one unit at a time: a Han character in the
//! query must equal the unit's character; a run of ASCII letters must be a non-empty prefix of one of
//! the unit's readings. So `huawei` (whole syllables), `hw` (initials), `huaw`, `hwei` and `华w`
//! (mixed script) all read 华为. A space in the query must fall between syllables (`hua wei` reads
//! 华为, `hu awei` does not).

use std::collections::HashMap;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::normalize::is_han;

/// The most units a name is matched on (the bitset's width); longer names are matched on their
/// first 63 characters. Chinese company names are well under 30.
const MAX_UNITS: usize = 63;

/// One item of a pinyin query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PyItem {
    /// A Han character, matched by identity.
    Han(char),
    /// A lower-case ASCII letter or digit, matched against readings.
    Ascii(u8),
}

/// A query prepared for [`PinyinName::find`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PyQuery {
    items: Vec<PyItem>,
    /// `boundary[i]`: a space came before item `i`, so item `i` must start a syllable.
    boundary: Vec<bool>,
    /// Bit per ASCII letter/digit the query uses (prefilter).
    mask: u64,
    /// The ASCII letters and digits in order, when the query has no Han character (for exact keys).
    letters: Option<String>,
    /// Length in pinyin letters: ASCII items plus the usual reading's length per Han item.
    py_len: usize,
}

/// Bit of an ASCII letter or digit in a 36-bit mask.
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

impl PyQuery {
    /// A query from its items and the space-before flags (same length).
    pub(crate) fn new(items: Vec<PyItem>, boundary: Vec<bool>) -> Self {
        let mut mask = 0;
        let mut letters = String::new();
        let (mut han, mut py_len) = (false, 0);
        for item in &items {
            match *item {
                PyItem::Ascii(b) => {
                    mask |= bit(b);
                    letters.push(b as char);
                    py_len += 1;
                }
                PyItem::Han(c) => {
                    han = true;
                    py_len += c.to_pinyin().map_or(1, |p| p.plain().len());
                }
            }
        }
        PyQuery { items, boundary, mask, letters: (!han).then_some(letters), py_len }
    }

    /// Length in pinyin letters (what coverage is measured in).
    pub(crate) fn py_len(&self) -> usize {
        self.py_len
    }

    /// The ASCII letters, when the query has no Han character.
    pub(crate) fn letters(&self) -> Option<&str> {
        self.letters.as_deref()
    }
}

/// One character of a name.
#[derive(Clone, Copy, Debug)]
struct Unit {
    /// The character, lower-cased.
    ch: char,
    /// Its readings: `store.readings[first..first + count]`.
    first: u32,
    count: u16,
}

/// The readings of every indexed name, interned: each distinct syllable is stored once.
#[derive(Debug, Default)]
pub(crate) struct PinyinStore {
    syllables: Vec<Box<[u8]>>,
    readings: Vec<u16>,
    ids: HashMap<String, u16>,
}

/// The syllables of one Chinese name plus its exact keys.
#[derive(Clone, Debug)]
pub(crate) struct PinyinName {
    units: Box<[Unit]>,
    /// The usual readings run together: 华为 → `huawei`.
    pub full: Box<str>,
    /// Their first letters: 华为 → `hw`.
    pub initials: Box<str>,
    /// Bit per ASCII letter/digit in any reading (prefilter).
    mask: u64,
}

impl PinyinStore {
    fn intern(&mut self, s: String) -> u16 {
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        let id = u16::try_from(self.syllables.len()).expect("fewer than 65 536 distinct syllables");
        self.syllables.push(s.clone().into_bytes().into_boxed_slice());
        self.ids.insert(s, id);
        id
    }

    /// Drops the build-time lookup table.
    pub(crate) fn finish(&mut self) {
        self.ids = HashMap::new();
    }

    fn readings_of(&self, u: &Unit) -> impl Iterator<Item = &[u8]> {
        let range = u.first as usize..u.first as usize + u.count as usize;
        self.readings[range].iter().map(|&id| &*self.syllables[id as usize])
    }

    /// Splits a Chinese name into units and records their readings.
    pub(crate) fn add_name(&mut self, zh: &str) -> PinyinName {
        let mut units = Vec::new();
        let (mut full, mut initials, mut mask) = (String::new(), String::new(), 0u64);
        for c in zh.chars().filter(|c| c.is_alphanumeric()) {
            let first = self.readings.len() as u32;
            let mut spellings: Vec<String> = Vec::new();
            let lower = c.to_lowercase().next().unwrap_or(c);
            if c.is_ascii_alphanumeric() {
                spellings.push(lower.to_string());
            } else if let Some(multi) = c.to_pinyin_multi().filter(|_| is_han(c)) {
                for p in multi {
                    let plain = p.plain();
                    for s in [plain.replace('ü', "v"), plain.replace('ü', "u")] {
                        if !spellings.contains(&s) {
                            spellings.push(s);
                        }
                    }
                }
            }
            if let Some(usual) = spellings.first() {
                full.push_str(usual);
                initials.push_str(&usual[..1]);
            }
            for s in spellings.iter() {
                mask |= s.bytes().fold(0, |m, b| m | bit(b));
            }
            let count = spellings.len() as u16;
            for s in spellings {
                let id = self.intern(s);
                self.readings.push(id);
            }
            units.push(Unit { ch: lower, first, count });
        }
        units.truncate(MAX_UNITS);
        PinyinName { units: units.into(), full: full.into(), initials: initials.into(), mask }
    }
}

impl PinyinName {
    /// True when `q` can be read from this name. `anchored`: reading must start at the first
    /// character (a prefix of the whole name); otherwise it may start at any character.
    ///
    /// Dynamic programme over (query position, next unit) with a bitset of units per query
    /// position: O(query length × units × readings). `scratch` is reused between calls.
    pub(crate) fn find(
        &self,
        store: &PinyinStore,
        q: &PyQuery,
        anchored: bool,
        scratch: &mut Vec<u64>,
    ) -> bool {
        let (n, m) = (self.units.len(), q.items.len());
        if m == 0 || n == 0 || q.mask & !self.mask != 0 {
            return false;
        }
        scratch.clear();
        scratch.resize(m + 1, 0);
        scratch[0] = if anchored { 1 } else { (1u64 << n) - 1 };
        for qi in 0..m {
            let mut set = scratch[qi];
            if set == 0 {
                return false;
            }
            while set != 0 {
                let u = set.trailing_zeros() as usize;
                set &= set - 1;
                if u >= n {
                    continue;
                }
                let next = 1u64 << (u + 1);
                let unit = &self.units[u];
                match q.items[qi] {
                    PyItem::Han(c) => {
                        if unit.ch == c {
                            scratch[qi + 1] |= next;
                        }
                    }
                    PyItem::Ascii(b) => {
                        for r in store.readings_of(unit).filter(|r| r[0] == b) {
                            scratch[qi + 1] |= next;
                            let mut k = 1;
                            while k < r.len()
                                && qi + k < m
                                && !q.boundary[qi + k]
                                && q.items[qi + k] == PyItem::Ascii(r[k])
                            {
                                k += 1;
                                scratch[qi + k] |= next;
                            }
                        }
                    }
                }
            }
        }
        scratch[m] != 0
    }

    /// How the query's letters compare with the exact keys: `Some(true)` when they are the
    /// initials, `Some(false)` when they are the full pinyin, `None` otherwise.
    pub(crate) fn exact(&self, q: &PyQuery) -> Option<bool> {
        let letters = q.letters.as_deref()?;
        if letters == &*self.full {
            Some(false)
        } else if letters == &*self.initials {
            Some(true)
        } else {
            None
        }
    }

    /// True when the query's letters are a run of the initials (`hw` in `hwkj`), for reporting.
    pub(crate) fn in_initials(&self, q: &PyQuery) -> bool {
        q.letters.as_deref().is_some_and(|l| self.initials.contains(l))
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::Query;
    use super::*;

    fn reads(name: &str, query: &str, anchored: bool) -> bool {
        let mut store = PinyinStore::default();
        let n = store.add_name(name);
        let q = Query::parse(query).py.expect("a pinyin query");
        n.find(&store, &q, anchored, &mut Vec::new())
    }

    #[test]
    fn keys_are_the_usual_toneless_readings_and_their_initials() {
        let mut store = PinyinStore::default();
        let n = store.add_name("华为");
        assert_eq!((&*n.full, &*n.initials), ("huawei", "hw"));
        let n = store.add_name("5G（哈尔滨）");
        assert_eq!((&*n.full, &*n.initials), ("5ghaerbin", "5gheb"));
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
        assert!(reads("绿色", "lvse", true) && reads("绿色", "luse", true));
    }
}
