//! Chinese names as sequences of syllables, and the matcher that reads a typed query against them.
//!
//! A name is a sequence of *units*, one per character: a Han character carries its toneless pinyin
//! readings from the [`PinyinTable`], an ASCII letter or digit reads as itself, punctuation is
//! dropped. `ü` is spelled both `v` and `u`.
//!
//! The matcher consumes the query from left to right, one unit at a time: a Han character in the
//! query must equal the unit's character; a run of ASCII letters must be a non-empty prefix of one of
//! the unit's readings. So `huawei` (whole syllables), `hw` (initials), `huaw`, `hwei` and `华w`
//! (mixed script) all read 华为. A space in the query must fall between syllables (`hua wei` reads
//! 华为, `hu awei` does not).
//!
//! Heteronyms: the usual reading (the table's first) is matched freely; the second reading only
//! as a whole syllable or as the unfinished syllable at the end of the query, so 银行 is found as
//! `yinhang` and `yinh` as well as `yinxing`, while rare readings do not turn abbreviations into
//! noise (哈's readings include `ta`, which would otherwise read every 哈尔滨 company as `te…`).
//! Readings past the second are ignored for the same reason (the table does not keep them).

use std::collections::HashMap;

use super::column::Column;
use super::normalize::{is_han, is_word_char};
use super::pinyin_query::{bit, Sig};
pub(crate) use super::pinyin_query::{PyItem, PyQuery};
use super::pinyin_table::PinyinTable;

/// The most units a name is matched on (the bitset's width); longer names are matched on their
/// first 63 characters. Chinese company names are well under 30.
const MAX_UNITS: usize = 63;

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
    /// The unit of each character seen: shares readings while building, and gives a Han query
    /// character its reading's length when a query is measured.
    chars: HashMap<char, Unit>,
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
            chars: HashMap::new(),
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

    /// Drops the build-time lookup table and gives back the room the columns kept for growth.
    pub(crate) fn finish(&mut self) {
        self.ids = HashMap::new();
        self.units.shrink_to_fit();
        self.unit_ends.shrink_to_fit();
        self.sigs.shrink_to_fit();
        self.full.shrink_to_fit();
        self.initials.shrink_to_fit();
    }

    /// Length in letters of the usual reading of `c` as the names read it; 1 for a character no
    /// name has, or one without a reading.
    pub(crate) fn usual_len(&self, c: char) -> usize {
        match self.chars.get(&c) {
            Some(u) if u.count > 0 => self.syllables[self.readings[u.first as usize] as usize][7] as usize,
            _ => 1,
        }
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
    pub(crate) fn add_name(&mut self, zh: &str, table: &PinyinTable) {
        let (mut full, mut initials) = (String::new(), String::new());
        let name_start = self.units.len();
        for c in zh.chars().filter(|&c| is_word_char(c)) {
            // every 哈, 尔, 滨 shares one run of readings: spelled once per distinct character
            let unit = match self.chars.get(&c) {
                Some(&unit) => unit,
                None => {
                    let unit = self.new_unit(c, table);
                    self.chars.insert(c, unit);
                    unit
                }
            };
            if unit.count > 0 {
                let syl = &self.syllables[self.readings[unit.first as usize] as usize];
                full.extend(syl[..syl[7] as usize].iter().map(|&b| b as char));
                initials.push(syl[0] as char);
            }
            if self.units.len() - name_start < MAX_UNITS {
                self.units.push(unit);
            }
        }
        self.unit_ends.push(self.units.len() as u32);
        self.full.push(&full);
        self.initials.push(&initials);
        let sig = self.signature(&self.units[name_start..]);
        self.sigs.push(sig);
    }

    /// Records the readings of a character not seen before.
    fn new_unit(&mut self, c: char, table: &PinyinTable) -> Unit {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let (spellings, usual) = spell(c, lower, table);
        let first = self.readings.len() as u32;
        for s in &spellings {
            let id = self.intern(s);
            self.readings.push(id);
        }
        Unit { ch: u32::from(lower), first, count: spellings.len() as u8, usual: usual as u8 }
    }
}

/// The spellings a character is read with, and how many of them are its usual reading's: an
/// ASCII letter or digit reads as itself; a Han character as the table's readings (`ü` spelled
/// `v` and `u`); anything else not at all.
fn spell(c: char, lower: char, table: &PinyinTable) -> (Vec<String>, usize) {
    if c.is_ascii_alphanumeric() {
        return (vec![lower.to_string()], 1);
    }
    if !is_han(c) {
        return (Vec::new(), 0);
    }
    let (mut spellings, mut usual) = (Vec::<String>::new(), 0);
    for (k, plain) in table.readings(c).enumerate() {
        for s in typed_spellings(plain) {
            if !spellings.contains(&s) {
                spellings.push(s);
            }
        }
        if k == 0 {
            usual = spellings.len();
        }
    }
    (spellings, usual)
}

/// How a toneless reading can be typed: `ü` as `v` and as `u`; any other reading as it is.
pub(crate) fn typed_spellings(plain: &str) -> Vec<String> {
    if plain.contains('ü') {
        vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
    } else {
        vec![plain.to_string()]
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
        let letters = q.letters()?;
        if letters == self.full {
            Some(false)
        } else if letters == self.initials {
            Some(true)
        } else {
            None
        }
    }

    /// The query's length in pinyin letters, Han characters counted by their reading here.
    pub(crate) fn query_len(&self, q: &PyQuery) -> usize {
        q.py_len(self.store)
    }

    /// True when the query's letters are a run of the initials (`hw` in `hwkj`), for reporting.
    pub(crate) fn in_initials(&self, q: &PyQuery) -> bool {
        q.letters().is_some_and(|l| self.initials.contains(l))
    }
}

#[cfg(test)]
#[path = "pinyin_key_tests.rs"]
mod tests;
