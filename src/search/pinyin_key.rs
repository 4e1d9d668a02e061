//! Chinese names as sequences of syllables, and the matcher that reads a typed query against them.
//!
//! A name is a sequence of *units*, one per character: a Han character carries its toneless pinyin
//! readings from the `pinyin` crate, an ASCII letter or digit reads as itself, punctuation is
//! dropped. `ü` is spelled both `v` and `u`.
//!
//! The matcher consumes the query from left to right, one unit at a time: a Han character in the
//! query must equal the unit's character; a run of ASCII letters must be a non-empty prefix of one of
//! the unit's readings. So `huawei` (whole syllables), `hw` (initials), `huaw`, `hwei` and `华w`
//! (mixed script) all read 华为. A space in the query must fall between syllables (`hua wei` reads
//! 华为, `hu awei` does not).
//!
//! Heteronyms: the usual reading (the crate's first) is matched freely; the second reading only
//! as a whole syllable or as the unfinished syllable at the end of the query, so 银行 is found as
//! `yinhang` and `yinh` as well as `yinxing`, while rare readings do not turn abbreviations into
//! noise (哈's readings include `ta`, which would otherwise read every 哈尔滨 company as `te…`).
//! Readings past the second are ignored for the same reason.

use std::collections::HashMap;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::column::Column;
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
    /// The items as codes: an ASCII byte (< 128) or a Han character's code point (≥ 0x3400), so
    /// the matcher compares integers.
    codes: Vec<u32>,
    /// `boundary[i]`: a space came before item `i`, so item `i` must start a syllable.
    boundary: Vec<bool>,
    /// Letters and letter pairs the query needs (prefilter).
    sig: Sig,
    /// The ASCII letters and digits in order, when the query has no Han character (for exact keys).
    letters: Option<String>,
    /// Length in pinyin letters: ASCII items plus the usual reading's length per Han item.
    py_len: usize,
}

/// A name's letters and adjacent letter pairs, or a query's: the prefilter that rejects most names
/// before the matcher runs. A query can only read a name if the name has every letter the query
/// has, and every pair of adjacent query letters (`hw`: `h` then `w`) is adjacent in one reading
/// or is some letter of one character's reading followed by the first letter of the next one's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sig {
    /// Bit per ASCII letter or digit.
    letters: u64,
    /// Letter pairs hashed into 256 bits (a one-hash Bloom filter: false positives only).
    pairs: [u64; 4],
}

impl Sig {
    fn add_pair(&mut self, x: u8, y: u8) {
        let h = (usize::from(x) * 37 + usize::from(y)) % 251;
        self.pairs[h / 64] |= 1 << (h % 64);
    }

    /// True when `self` has everything `q` needs.
    #[inline(always)]
    fn covers(&self, q: &Sig) -> bool {
        q.letters & !self.letters == 0 && (0..4).all(|i| q.pairs[i] & !self.pairs[i] == 0)
    }
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
        let mut sig = Sig::default();
        let mut letters = String::new();
        let (mut han, mut py_len) = (false, 0);
        for item in &items {
            match *item {
                PyItem::Ascii(b) => {
                    sig.letters |= bit(b);
                    letters.push(b as char);
                    py_len += 1;
                }
                PyItem::Han(c) => {
                    han = true;
                    py_len += c.to_pinyin().map_or(1, |p| p.plain().len());
                }
            }
        }
        let codes = items
            .iter()
            .map(|i| match *i {
                PyItem::Ascii(b) => u32::from(b),
                PyItem::Han(c) => u32::from(c),
            })
            .collect();
        for pair in items.windows(2) {
            if let [PyItem::Ascii(x), PyItem::Ascii(y)] = *pair {
                sig.add_pair(x, y);
            }
        }
        PyQuery { codes, boundary, sig, letters: (!han).then_some(letters), py_len }
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
    /// The character, lower-cased, as a code point.
    ch: u32,
    /// Its readings: `store.readings[first..first + count]`; the first `usual` are the usual
    /// reading's spellings (matched freely), the rest an alternative reading's (whole or final).
    first: u32,
    count: u8,
    usual: u8,
}

/// The syllables of every indexed name, stored flat: name `i`'s units are
/// `units[unit_ends[i]..unit_ends[i + 1]]`; each distinct reading is interned once.
#[derive(Debug)]
pub(crate) struct PinyinStore {
    /// Distinct readings, each packed as up to 7 ASCII bytes with its length in the last byte
    /// (the longest pinyin syllable, `zhuang`, has 6): no pointer to chase in the matcher.
    syllables: Vec<[u8; 8]>,
    readings: Vec<u16>,
    ids: HashMap<String, u16>,
    units: Vec<Unit>,
    unit_ends: Vec<u32>,
    full: Column,
    initials: Column,
    sigs: Vec<Sig>,
}

impl Default for PinyinStore {
    fn default() -> Self {
        PinyinStore {
            syllables: Vec::new(),
            readings: Vec::new(),
            ids: HashMap::new(),
            units: Vec::new(),
            unit_ends: vec![0],
            full: Column::default(),
            initials: Column::default(),
            sigs: Vec::new(),
        }
    }
}

/// One name's syllables and keys, borrowed from the store.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PinyinName<'a> {
    store: &'a PinyinStore,
    units: &'a [Unit],
    /// The usual readings run together: 华为 → `huawei`.
    pub full: &'a str,
    /// Their first letters: 华为 → `hw`.
    pub initials: &'a str,
    /// Letters and letter pairs of its readings (prefilter).
    sig: Sig,
}

impl PinyinStore {
    fn intern(&mut self, s: &str) -> u16 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u16::try_from(self.syllables.len()).expect("fewer than 65 536 distinct syllables");
        let mut packed = [0u8; 8];
        let len = s.len().min(7);
        packed[..len].copy_from_slice(&s.as_bytes()[..len]);
        packed[7] = len as u8;
        self.syllables.push(packed);
        self.ids.insert(s.to_string(), id);
        id
    }

    /// Drops the build-time lookup table.
    pub(crate) fn finish(&mut self) {
        self.ids = HashMap::new();
    }

    /// Name `i`, in the order they were added.
    #[inline(always)]
    pub(crate) fn name(&self, i: usize) -> PinyinName<'_> {
        PinyinName {
            store: self,
            units: &self.units[self.unit_ends[i] as usize..self.unit_ends[i + 1] as usize],
            full: self.full.get(i),
            initials: self.initials.get(i),
            sig: self.sigs[i],
        }
    }

    /// The letters and letter pairs a name's units can be read with (see [`Sig`]).
    fn signature(&self, units: &[Unit]) -> Sig {
        let mut sig = Sig::default();
        let spellings = |u: &Unit| {
            let ids = &self.readings[u.first as usize..u.first as usize + u.count as usize];
            ids.iter().map(|&id| {
                let syl = &self.syllables[id as usize];
                &syl[..syl[7] as usize]
            })
        };
        for (i, u) in units.iter().enumerate() {
            for r in spellings(u) {
                for (k, &x) in r.iter().enumerate() {
                    sig.letters |= bit(x);
                    if let Some(&y) = r.get(k + 1) {
                        sig.add_pair(x, y);
                    }
                    for next in units.get(i + 1).into_iter().flat_map(spellings) {
                        sig.add_pair(x, next[0]);
                    }
                }
            }
        }
        sig
    }

    /// Splits a Chinese name into units and records their readings, as the next name.
    pub(crate) fn add_name(&mut self, zh: &str) {
        let (mut full, mut initials) = (String::new(), String::new());
        let mut spellings: Vec<String> = Vec::new();
        let name_start = self.units.len();
        for c in zh.chars().filter(|c| c.is_alphanumeric()) {
            let first = self.readings.len() as u32;
            spellings.clear();
            let mut usual = 1;
            let lower = c.to_lowercase().next().unwrap_or(c);
            if c.is_ascii_alphanumeric() {
                spellings.push(lower.to_string());
            } else if let Some(multi) = c.to_pinyin_multi().filter(|_| is_han(c)) {
                let mut readings = 0;
                for p in multi {
                    let plain = p.plain();
                    let spelled: Vec<String> = if plain.contains('ü') {
                        vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
                    } else {
                        vec![plain.to_string()]
                    };
                    if spelled.iter().all(|s| spellings.contains(s)) {
                        continue; // the same toneless reading again (another tone)
                    }
                    for s in spelled {
                        if !spellings.contains(&s) {
                            spellings.push(s);
                        }
                    }
                    readings += 1;
                    if readings == 1 {
                        usual = spellings.len();
                    }
                    if readings == 2 {
                        break;
                    }
                }
            }
            if let Some(usual) = spellings.first() {
                full.push_str(usual);
                initials.push_str(&usual[..1]);
            }
            for s in &spellings {
                let id = self.intern(s);
                self.readings.push(id);
            }
            if self.units.len() - name_start < MAX_UNITS {
                let (count, usual) = (spellings.len() as u8, usual as u8);
                self.units.push(Unit { ch: u32::from(lower), first, count, usual });
            }
        }
        self.unit_ends.push(self.units.len() as u32);
        self.full.push(&full);
        self.initials.push(&initials);
        let sig = self.signature(&self.units[name_start..]);
        self.sigs.push(sig);
    }
}

impl PinyinName<'_> {
    /// True when `q` can be read from this name. `anchored`: reading must start at the first
    /// character (a prefix of the whole name); otherwise it may start at any character.
    ///
    /// Dynamic programme over (query position, next unit) with a bitset of units per query
    /// position: O(query length × units × readings). `scratch` is reused between calls.
    pub(crate) fn find(&self, q: &PyQuery, anchored: bool, scratch: &mut Vec<u64>) -> bool {
        // Plain loops over plain arrays: the release build is size-optimised (opt-level "z"),
        // which leaves iterator adapters and closures as calls in this, the hottest loop.
        let (units, codes, boundary) = (self.units, &q.codes[..], &q.boundary[..]);
        let (readings, syllables) = (&self.store.readings[..], &self.store.syllables[..]);
        let (n, m) = (units.len(), codes.len());
        if m == 0 || n == 0 || !self.sig.covers(&q.sig) {
            return false;
        }
        scratch.clear();
        scratch.resize(m + 1, 0);
        scratch[0] = if anchored { 1 } else { (1u64 << n) - 1 };
        // furthest query position any state has reached: past it, nothing is left to extend
        let (mut qi, mut reach) = (0, 0);
        while qi < m {
            if qi > reach {
                return false;
            }
            let mut set = scratch[qi];
            let code = codes[qi];
            while set != 0 {
                let u = set.trailing_zeros() as usize;
                set &= set - 1;
                if u >= n {
                    continue;
                }
                let next = 1u64 << (u + 1);
                let unit = units[u];
                if code >= 128 {
                    if unit.ch == code {
                        scratch[qi + 1] |= next;
                        reach = reach.max(qi + 1);
                    }
                    continue;
                }
                let (first, usual) = (unit.first as usize, unit.first as usize + unit.usual as usize);
                let mut r = first;
                while r < first + unit.count as usize {
                    let syl = &syllables[readings[r] as usize];
                    let free = r < usual;
                    r += 1;
                    if u32::from(syl[0]) != code {
                        continue;
                    }
                    let len = syl[7] as usize;
                    let mut k = 1;
                    while k < len && qi + k < m && !boundary[qi + k] && codes[qi + k] == u32::from(syl[k]) {
                        if free {
                            scratch[qi + k] |= next;
                        }
                        k += 1;
                    }
                    // k letters read: the usual reading may stop anywhere; the other only at its
                    // end or at the end of the query
                    if free || k == len || qi + k == m {
                        scratch[qi + k] |= next;
                        reach = reach.max(qi + k);
                    }
                }
            }
            qi += 1;
        }
        scratch[m] != 0
    }

    /// How the query's letters compare with the exact keys: `Some(true)` when they are the
    /// initials, `Some(false)` when they are the full pinyin, `None` otherwise.
    pub(crate) fn exact(&self, q: &PyQuery) -> Option<bool> {
        let letters = q.letters.as_deref()?;
        if letters == self.full {
            Some(false)
        } else if letters == self.initials {
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
#[path = "pinyin_key_tests.rs"]
mod tests;
