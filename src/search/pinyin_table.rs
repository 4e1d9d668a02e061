//! The toneless pinyin readings of Han characters as a compact binary table, so that the app does
//! not carry a pinyin crate in its wasm: the table is generated natively from the `pinyin` crate
//! (`parkmap-gen --pinyin`, committed as `public/search/pinyin.bin`), fetched by the app after the
//! map is drawn, and parsed here.
//!
//! Each character keeps at most two readings, the ones the matcher uses (see `pinyin_key`): the
//! usual one, and a second that spells differently (`行`: `xing`, `hang`; `绿`: `lü`, `lu` is not
//! a second reading because `lü` is also spelled `lu`). `ü` and `ê` are kept as they are.
//!
//! # Format (version 1, little-endian)
//!
//! ```text
//! "PYT1"
//! u16 S, then S × (u8 n, n bytes of UTF-8)      toneless syllables, sorted
//! u16 R, then R × (u32 first, u32 len)          runs of code points, ascending, disjoint
//! Σ len × u16                                   usual reading per code point: syllable + 1, 0 = none
//! u32 K, then K × (u32 code point, u16 syll.)   second readings, ascending by code point
//! ```
//!
//! ```
//! use parkmap::search::PinyinTable;
//! let table = PinyinTable::from_readings([('行', vec!["xing", "hang"]), ('华', vec!["hua"])]).unwrap();
//! let parsed = PinyinTable::parse(&table.to_bytes()).unwrap();
//! assert_eq!(parsed.readings('行').collect::<Vec<_>>(), ["xing", "hang"]);
//! assert_eq!(parsed.readings('华').collect::<Vec<_>>(), ["hua"]);
//! assert_eq!(parsed.readings('x').count(), 0);
//! ```

use std::collections::BTreeMap;

use thiserror::Error;

const MAGIC: &[u8; 4] = b"PYT1";
/// A run of code points ends where the next reading is further away than this (the gap is
/// stored as zeros, cheaper than a new run's 8 bytes up to about four code points).
const MAX_GAP: u32 = 4;

/// Why a pinyin table could not be read or built.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PinyinTableError {
    /// The bytes do not start with the format's magic (`PYT1`).
    #[error("not a pinyin table: it does not start with \"PYT1\"")]
    Magic,
    /// The bytes end in the middle of a part.
    #[error("pinyin table truncated at byte {at} while reading {what}")]
    Truncated {
        /// Offset where more bytes were needed.
        at: usize,
        /// The part being read.
        what: &'static str,
    },
    /// A syllable is not UTF-8, not 1 to 7 bytes of lower-case `a`–`z`, `ü` and `ê`, or not after
    /// the one before it (the list is sorted, without repeats).
    #[error("pinyin table: syllable {index} is not a valid syllable")]
    Syllable {
        /// Position of the syllable in the list.
        index: usize,
    },
    /// A reading given to [`PinyinTable::from_readings`] is not a valid syllable.
    #[error("pinyin reading {reading:?} of U+{code:04X} is not a toneless syllable")]
    Invalid {
        /// The character's code point.
        code: u32,
        /// The reading.
        reading: String,
    },
    /// A reading points past the syllable list.
    #[error("pinyin table: the reading of U+{code:04X} is syllable {syllable} of {count}")]
    Reading {
        /// The character's code point.
        code: u32,
        /// The syllable number it points at.
        syllable: usize,
        /// How many syllables the table has.
        count: usize,
    },
    /// Runs or second readings are out of order, overlapping, or not valid characters, or a second
    /// reading is given for a character without a usual one.
    #[error("pinyin table: {what} out of order or invalid at U+{code:04X}")]
    Order {
        /// Which list.
        what: &'static str,
        /// The offending code point.
        code: u32,
    },
    /// Bytes are left over after the last part.
    #[error("pinyin table: {0} bytes after the end")]
    Trailing(usize),
    /// More syllables or runs than the format can count.
    #[error("pinyin table: too many {0}")]
    TooMany(&'static str),
}

/// One run of consecutive code points and where its readings start in `usual`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    first: u32,
    len: u32,
    offset: u32,
}

/// Toneless pinyin readings of Han characters (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PinyinTable {
    syllables: Vec<Box<str>>,
    runs: Vec<Run>,
    /// Syllable + 1 per code point of the runs, 0 where there is no reading.
    usual: Vec<u16>,
    /// (code point, syllable) of the second readings, ascending.
    second: Vec<(u32, u16)>,
}

impl PinyinTable {
    /// A table with no readings: search then matches Chinese names by their characters only.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Builds a table from each character's readings, usual first; readings past the second are
    /// ignored, and a character with none is left out.
    pub fn from_readings<C, S>(chars: C) -> Result<Self, PinyinTableError>
    where
        C: IntoIterator<Item = (char, Vec<S>)>,
        S: AsRef<str>,
    {
        let mut by_char = BTreeMap::new();
        let mut names = BTreeMap::<String, u16>::new();
        for (c, readings) in chars {
            let readings: Vec<String> = readings.iter().take(2).map(|r| r.as_ref().to_string()).collect();
            for r in &readings {
                if !valid_syllable(r) {
                    return Err(PinyinTableError::Invalid { code: u32::from(c), reading: r.clone() });
                }
                names.insert(r.clone(), 0);
            }
            if !readings.is_empty() {
                by_char.insert(u32::from(c), readings);
            }
        }
        if names.len() >= usize::from(u16::MAX) {
            return Err(PinyinTableError::TooMany("syllables"));
        }
        let syllables: Vec<Box<str>> = names.keys().map(|s| s.as_str().into()).collect();
        for (i, v) in names.values_mut().enumerate() {
            *v = i as u16;
        }
        let mut table = PinyinTable { syllables, ..Self::default() };
        for (&code, readings) in &by_char {
            match table.runs.last_mut() {
                Some(run) if code - (run.first + run.len) < MAX_GAP => {
                    let gap = code - (run.first + run.len);
                    table.usual.extend(std::iter::repeat_n(0, gap as usize));
                    run.len += gap + 1;
                }
                _ => table.runs.push(Run { first: code, len: 1, offset: table.usual.len() as u32 }),
            }
            table.usual.push(names[&readings[0]] + 1);
            if let Some(second) = readings.get(1) {
                table.second.push((code, names[second]));
            }
        }
        if table.runs.len() > usize::from(u16::MAX) {
            return Err(PinyinTableError::TooMany("runs"));
        }
        Ok(table)
    }

    /// Reads a table written by [`PinyinTable::to_bytes`].
    pub fn parse(bytes: &[u8]) -> Result<Self, PinyinTableError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4, "the magic")? != MAGIC {
            return Err(PinyinTableError::Magic);
        }
        let count = r.u16("the syllable count")? as usize;
        // capacities are capped by the bytes left, not taken from the counts the bytes claim
        let mut syllables: Vec<Box<str>> = Vec::with_capacity(count.min(bytes.len() / 2));
        for index in 0..count {
            let n = r.take(1, "a syllable length")?[0] as usize;
            let s = std::str::from_utf8(r.take(n, "a syllable")?)
                .map_err(|_| PinyinTableError::Syllable { index })?;
            if !valid_syllable(s) || syllables.last().is_some_and(|prev| **prev >= *s) {
                return Err(PinyinTableError::Syllable { index });
            }
            syllables.push(Box::from(s));
        }
        let mut runs = Vec::new();
        let (mut total, mut end) = (0u32, 0u32);
        for _ in 0..r.u16("the run count")? {
            let (first, len) = (r.u32("a run")?, r.u32("a run")?);
            let last = first.checked_add(len).filter(|&l| len > 0 && first >= end && l <= 0x11_0000);
            end = last.ok_or(PinyinTableError::Order { what: "runs", code: first })?;
            runs.push(Run { first, len, offset: total });
            total = total.checked_add(len).ok_or(PinyinTableError::TooMany("runs"))?;
        }
        let mut usual = Vec::with_capacity((total as usize).min((bytes.len() - r.at) / 2));
        for run in &runs {
            for code in run.first..run.first + run.len {
                let s = r.u16("the usual readings")?;
                check_syllable(code, s.checked_sub(1), syllables.len())?;
                usual.push(s);
            }
        }
        let k = r.u32("the second-reading count")? as usize;
        let mut second = Vec::with_capacity(k.min(bytes.len() / 6));
        for _ in 0..k {
            let (code, s) = (r.u32("a second reading")?, r.u16("a second reading")?);
            let ordered = second.last().is_none_or(|&(prev, _)| prev < code);
            if !ordered || usual_reading(&runs, &usual, code).is_none() {
                return Err(PinyinTableError::Order { what: "second readings", code });
            }
            check_syllable(code, Some(s), syllables.len())?;
            second.push((code, s));
        }
        match bytes.len() - r.at {
            0 => Ok(PinyinTable { syllables, runs, usual, second }),
            n => Err(PinyinTableError::Trailing(n)),
        }
    }

    /// The table in the binary format [`PinyinTable::parse`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.syllables.len() as u16).to_le_bytes());
        for s in &self.syllables {
            out.push(s.len() as u8);
            out.extend(s.as_bytes());
        }
        out.extend((self.runs.len() as u16).to_le_bytes());
        for run in &self.runs {
            out.extend(run.first.to_le_bytes());
            out.extend(run.len.to_le_bytes());
        }
        self.usual.iter().for_each(|s| out.extend(s.to_le_bytes()));
        out.extend((self.second.len() as u32).to_le_bytes());
        for (code, s) in &self.second {
            out.extend(code.to_le_bytes());
            out.extend(s.to_le_bytes());
        }
        out
    }

    /// The character's readings, usual first; none for a character the table does not know.
    pub fn readings(&self, c: char) -> impl Iterator<Item = &str> {
        let code = u32::from(c);
        let usual = usual_reading(&self.runs, &self.usual, code);
        let second = usual.and_then(|_| {
            self.second.binary_search_by_key(&code, |&(c, _)| c).ok().map(|i| self.second[i].1)
        });
        usual.into_iter().chain(second).map(|s| &*self.syllables[usize::from(s)])
    }

    /// Number of characters with a reading.
    pub fn len(&self) -> usize {
        self.usual.iter().filter(|&&s| s != 0).count()
    }

    /// True when the table has no reading at all.
    pub fn is_empty(&self) -> bool {
        self.usual.iter().all(|&s| s == 0)
    }
}

/// Where the table is: the app fetches it from this path relative to its page, and the file is
/// at this path in the repository (`parkmap-gen --pinyin` writes it; [`bundled`] includes it).
pub const PINYIN_TABLE_PATH: &str = "public/search/pinyin.bin";

/// The table shipped at [`PINYIN_TABLE_PATH`], for native tests, benches and tools (the app
/// fetches the file instead, so its wasm does not carry the table).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn bundled() -> &'static PinyinTable {
    static TABLE: std::sync::OnceLock<PinyinTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        PinyinTable::parse(include_bytes!("../../public/search/pinyin.bin"))
            .expect("public/search/pinyin.bin is a valid table (tests/data_drift.rs regenerates it)")
    })
}

/// The usual reading (syllable number) of `code`, if the runs give it one.
fn usual_reading(runs: &[Run], usual: &[u16], code: u32) -> Option<u16> {
    let at = runs.partition_point(|run| run.first + run.len <= code);
    let run = runs.get(at).filter(|run| run.first <= code)?;
    usual.get((run.offset + code - run.first) as usize)?.checked_sub(1)
}

/// Lower-case ASCII letters, `ü` and `ê`, 1 to 7 bytes (the matcher packs a syllable in 7 bytes).
fn valid_syllable(s: &str) -> bool {
    (1..=7).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c == 'ü' || c == 'ê')
}

fn check_syllable(code: u32, syllable: Option<u16>, count: usize) -> Result<(), PinyinTableError> {
    match syllable {
        Some(s) if usize::from(s) >= count => {
            Err(PinyinTableError::Reading { code, syllable: usize::from(s), count })
        }
        _ => Ok(()),
    }
}

/// A cursor over the table's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], PinyinTableError> {
        let part =
            self.bytes.get(self.at..self.at + n).ok_or(PinyinTableError::Truncated { at: self.at, what })?;
        self.at += n;
        Ok(part)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, PinyinTableError> {
        self.take(2, what).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, PinyinTableError> {
        self.take(4, what).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
#[path = "pinyin_table_tests.rs"]
mod tests;
