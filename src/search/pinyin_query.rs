//! A typed query as the pinyin matcher reads it, and the letter/pair signature that lets it skip
//! most names without running the matcher.

use super::pinyin_key::PinyinStore;

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
    pub(super) codes: Vec<u32>,
    /// `boundary[i]`: a space came before item `i`, so item `i` must start a syllable.
    pub(super) boundary: Vec<bool>,
    /// Letters and letter pairs the query needs (prefilter).
    pub(super) sig: Sig,
    /// The ASCII letters and digits in order, when the query has no Han character (for exact keys).
    letters: Option<String>,
    /// Number of ASCII items (letters and digits).
    ascii_len: usize,
}

/// A name's letters and adjacent letter pairs, or a query's: the prefilter that rejects most names
/// before the matcher runs. A query can only read a name if the name has every letter the query
/// has, and every pair of adjacent query letters (`hw`: `h` then `w`) is adjacent in one reading
/// or is some letter of one character's reading followed by the first letter of the next one's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sig {
    /// Bit per ASCII letter or digit.
    pub(super) letters: u64,
    /// Letter pairs hashed into 256 bits (a one-hash Bloom filter: false positives only).
    pairs: [u64; 4],
}

impl Sig {
    #[inline(always)]
    pub(super) fn add_pair(&mut self, x: u8, y: u8) {
        let h = (usize::from(x) * 37 + usize::from(y)) % 251;
        self.pairs[h / 64] |= 1 << (h % 64);
    }

    /// True when `self` has everything `q` needs.
    #[inline(always)]
    pub(super) fn covers(&self, q: &Sig) -> bool {
        q.letters & !self.letters == 0 && (0..4).all(|i| q.pairs[i] & !self.pairs[i] == 0)
    }
}

/// Bit of an ASCII letter or digit in a 36-bit mask.
pub(super) fn bit(b: u8) -> u64 {
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
        let (mut han, mut ascii_len) = (false, 0);
        for item in &items {
            match *item {
                PyItem::Ascii(b) => {
                    sig.letters |= bit(b);
                    letters.push(b as char);
                    ascii_len += 1;
                }
                PyItem::Han(_) => han = true,
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
        PyQuery { codes, boundary, sig, letters: (!han).then_some(letters), ascii_len }
    }

    /// Length in pinyin letters (what coverage is measured in): the ASCII items plus, per Han
    /// item, the length of its usual reading in `store`'s names.
    pub(crate) fn py_len(&self, store: &PinyinStore) -> usize {
        let han = self.codes.iter().filter(|&&c| c >= 128).filter_map(|&c| char::from_u32(c));
        self.ascii_len + han.map(|c| store.usual_len(c)).sum::<usize>()
    }

    /// The ASCII letters, when the query has no Han character.
    pub(crate) fn letters(&self) -> Option<&str> {
        self.letters.as_deref()
    }
}
