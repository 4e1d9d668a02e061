//! Search over the park's companies, zones and POIs by English, Chinese, pinyin and Russian names.
//! Pure: no DOM.
//!
//! [`SearchIndex::new`] folds every name once; [`SearchIndex::search`] then scans the folded keys,
//! and [`IncrementalSearch`] narrows the scan to the previous keystroke's matches while the user
//! keeps typing. Measured natively with the release profile (`cargo bench --bench search`): about
//! 20–90 µs per keystroke for the shipped park's 654 names, 1–7 ms for 50 000.
//!
//! # Ranking
//!
//! Each entry is matched on its fields — English, Russian, Chinese, pinyin, in that order — and
//! keeps its best match: a later field replaces an earlier one only with a higher tier, or the
//! same tier and a higher coverage (pinyin, the costly part, is only tried when it could raise the
//! tier). Hits are ordered by:
//!
//! 1. **tier**: [`MatchTier::Exact`] (the whole name, or its full pinyin / initials) >
//!    [`MatchTier::Prefix`] (a prefix of the whole name) > [`MatchTier::WordPrefix`] (a prefix of an
//!    English or Russian word) > [`MatchTier::Substring`] (anywhere; pinyin from a later syllable) >
//!    [`MatchTier::Terms`] (the query's words, or its Han and Latin parts, each start a word, occur
//!    in the Chinese name or read from a syllable, but not as one run);
//! 2. **coverage**: how much of the matched name the query covers, so among the names starting
//!    with `harbin` the shorter come first, and `huawei` ranks Huawei above Huawei Cloud;
//! 3. **kind**: zones, then companies, then POIs. There are few zones and each stands for many
//!    companies, so a tied zone costs one line of the list and answers the broader question;
//!    companies are what investors look for; POIs (gates, toilets) come last;
//! 4. **name**: folded English name, then id, so the order is total and stable.
//!
//! [`Hit::score`] packs tier and coverage into one number (higher is better).
//!
//! ```
//! use parkmap::model::{Company, Industry, Park, Text};
//! use parkmap::search::{Field, HitKind, SearchIndex};
//! # use parkmap::geo::LonLat;
//! # let company = |id: &str, zh: &str, en: &str| Company {
//! #     id: id.into(), name: Text { zh: zh.into(), en: en.into(), ru: None },
//! #     industry: Industry::DigitalEconomy, sector: None, zone: None, capital_yuan: None,
//! #     founded: None, address: None, description: None, website: None, illustrative: true,
//! #     pos: LonLat::lon_lat(126.5, 45.8), map: LonLat::lon_lat(126.5, 45.8).to_map() };
//! let mut park = Park::default();
//! park.companies.push(company("c1", "华为", "Huawei"));
//! park.companies.push(company("c2", "东软", "Neusoft"));
//! let index = SearchIndex::new(&park, parkmap::search::bundled_pinyin());
//! let hits = index.search("hw", 10);
//! assert_eq!((hits[0].kind, hits[0].id.as_str(), hits[0].matched), (HitKind::Company, "c1", Field::PinyinInitials));
//! assert_eq!(index.search("neu", 10)[0].id, "c2");
//! assert!(index.search("   ", 10).is_empty());
//! ```

mod column;
mod incremental;
mod matcher;
mod normalize;
mod pinyin_key;
mod pinyin_query;
mod pinyin_table;
#[cfg(test)]
mod tests;

pub use incremental::IncrementalSearch;
#[cfg(not(target_arch = "wasm32"))]
pub use pinyin_table::bundled as bundled_pinyin;
pub use pinyin_table::{PinyinTable, PinyinTableError, PINYIN_TABLE_PATH};

use crate::model::{Park, Text};
use column::Column;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use normalize::is_han;
use normalize::{fold_compact, fold_words, Query};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use pinyin_key::typed_spellings;
use pinyin_key::PinyinStore;

/// What a hit points at; the declaration order is the tie-break order of the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// A planning zone (`park.zones`).
    Zone,
    /// A company (`park.companies`).
    Company,
    /// A point of interest (`park.pois`).
    Poi,
}

/// Which name of an entry matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The English name, folded (lower case, punctuation as spaces).
    English,
    /// The Chinese name, as a substring.
    Chinese,
    /// The pinyin of the Chinese name: whole syllables, partial syllables or mixed with Han.
    Pinyin,
    /// The pinyin initials of the Chinese name (`hw` for 华为).
    PinyinInitials,
    /// The Russian name, folded.
    Russian,
}

/// How well a hit matched, best last (so `Ord` ranks them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchTier {
    /// Every term of the query matches somewhere in the entry's names, not as one run.
    Terms = 1,
    /// The query occurs inside a name (for pinyin: starting at a later syllable).
    Substring = 2,
    /// The query is the start of a word of the name (English, Russian).
    WordPrefix = 3,
    /// The query is the start of the whole name.
    Prefix = 4,
    /// The query is the whole name (or its full pinyin, or its pinyin initials).
    Exact = 5,
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Company, zone or POI.
    pub kind: HitKind,
    /// Position in the park's `companies`, `zones` or `pois` (by `kind`).
    pub index: usize,
    /// The feature's id.
    pub id: String,
    /// `tier × 10 000 + coverage in ‰`: higher is better; compares like (tier, coverage).
    pub score: u32,
    /// The tier of the match.
    pub tier: MatchTier,
    /// The field that matched (for `Terms`, the field of the first term).
    pub matched: Field,
}

/// The index's columns, one row per entry, sorted by kind, then folded English name, then id:
/// the ranking's final tie-break is the row number.
#[derive(Debug, Default)]
pub(crate) struct Entries {
    kinds: Vec<HitKind>,
    indices: Vec<u32>,
    /// Feature ids, one text for all (not a `String` each).
    ids: Column,
    /// Folded English names (`fold_words`).
    pub(crate) en: Column,
    /// Folded Russian names; empty where there is none.
    pub(crate) ru: Column,
    /// Chinese names without spaces or punctuation (`fold_compact`).
    pub(crate) zh: Column,
    /// Syllables of the Chinese names.
    pub(crate) py: PinyinStore,
}

/// The search index: every company, zone and POI name of a park, folded for matching.
/// Build it once per park; it does not borrow the park.
#[derive(Debug)]
pub struct SearchIndex {
    entries: Entries,
    /// Distinct for every index built in this process, so an [`IncrementalSearch`] never narrows
    /// a scan with matches from another index (the same park read with another pinyin table has
    /// as many entries).
    id: u64,
}

impl SearchIndex {
    /// Folds the names of every company, zone and POI of `park`, reading Chinese names with
    /// `pinyin` (with [`PinyinTable::empty`], Chinese names match by their characters only).
    ///
    /// # Complexity
    /// O(total name length), plus sorting the entries by name.
    pub fn new(park: &Park, pinyin: &PinyinTable) -> Self {
        let named = park
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (HitKind::Zone, i, &z.id, &z.name))
            .chain(park.companies.iter().enumerate().map(|(i, c)| (HitKind::Company, i, &c.id, &c.name)))
            .chain(park.pois.iter().enumerate().map(|(i, p)| (HitKind::Poi, i, &p.id, &p.name)));
        let mut rows: Vec<(HitKind, String, &String, usize, &Text)> =
            named.map(|(kind, i, id, name)| (kind, fold_words(&name.en), id, i, name)).collect();
        crate::sort::sort_by(&mut rows, |a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
        let mut e = Entries::default();
        e.kinds.reserve_exact(rows.len());
        e.indices.reserve_exact(rows.len());
        for (kind, en, id, i, name) in rows {
            e.kinds.push(kind);
            e.indices.push(i as u32);
            e.ids.push(id);
            e.en.push(&en);
            e.ru.push(&name.ru.as_deref().map(fold_words).unwrap_or_default());
            e.zh.push(&fold_compact(&name.zh));
            e.py.add_name(&name.zh, pinyin);
        }
        e.py.finish();
        for column in [&mut e.ids, &mut e.en, &mut e.ru, &mut e.zh] {
            column.shrink_to_fit();
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        SearchIndex { entries: e, id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) }
    }

    /// Number of searchable entries (companies + zones + POIs).
    pub fn len(&self) -> usize {
        self.entries.kinds.len()
    }

    /// True when the park had nothing to search.
    pub fn is_empty(&self) -> bool {
        self.entries.kinds.is_empty()
    }

    /// The best `limit` hits for `query`, best first (see the module docs for the ranking).
    /// A blank query (empty, spaces, punctuation) gives nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query);
        self.run(&q, None, limit, &mut Vec::new())
    }

    /// Scans `candidates` (all entries when `None`), writes every matching entry's position to
    /// `matched` (ascending), and returns the top `limit` hits.
    fn run(&self, q: &Query, candidates: Option<&[u32]>, limit: usize, matched: &mut Vec<u32>) -> Vec<Hit> {
        matched.clear();
        if q.is_blank() {
            return Vec::new();
        }
        let mut scratch = Vec::new();
        let mut scored: Vec<(u32, u32, Field)> = Vec::new();
        let mut visit = |i: u32| {
            if let Some(m) = matcher::match_entry(&self.entries, i as usize, q, &mut scratch) {
                matched.push(i);
                scored.push((m.score(), i, m.field));
            }
        };
        match candidates {
            Some(list) => list.iter().copied().for_each(&mut visit),
            None => (0..self.len() as u32).for_each(&mut visit),
        }
        let better = |a: &(u32, u32, Field), b: &(u32, u32, Field)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if limit == 0 {
            return Vec::new();
        }
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, better);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(better);
        scored
            .into_iter()
            .map(|(score, i, matched)| {
                let (e, i) = (&self.entries, i as usize);
                Hit {
                    kind: e.kinds[i],
                    index: e.indices[i] as usize,
                    id: e.ids.get(i).to_string(),
                    score,
                    tier: matcher::tier_of_score(score),
                    matched,
                }
            })
            .collect()
    }
}
