//! Search while typing: each keystroke that extends the previous query only rescans the entries
//! the previous query matched.
//!
//! Sound because matching is monotone in the query: whatever matches a query also matches every
//! prefix of it (a run of a name contains the runs of its prefixes; a pinyin reading of a query
//! reads its prefixes; every term of a longer query extends a term of the shorter one). The
//! equivalence with a full scan is checked by a property test.

use super::normalize::Query;
use super::{Hit, SearchIndex};

/// Keeps the previous keystroke's matches to narrow the next scan. One per search box.
///
/// ```
/// use parkmap::model::Park;
/// use parkmap::search::{IncrementalSearch, PinyinTable, SearchIndex};
/// let index = SearchIndex::new(&Park::default(), &PinyinTable::empty());
/// let mut typing = IncrementalSearch::new();
/// for q in ["h", "hu", "hua"] {
///     assert_eq!(typing.search(&index, q, 10), index.search(q, 10));
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct IncrementalSearch {
    /// Folded text of the previous query and every entry it matched (positions, ascending).
    last: Option<(String, Vec<u32>)>,
    /// Identity of the index the matches refer to.
    index_id: u64,
}

impl IncrementalSearch {
    /// A search box with no history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets the previous query (call when the index changes).
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// Same hits as [`SearchIndex::search`], scanning only the previous query's matches when
    /// `query` extends it (after folding), and the whole index otherwise.
    pub fn search(&mut self, index: &SearchIndex, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query);
        if q.is_blank() {
            self.last = None;
            return Vec::new();
        }
        let narrowed = match &self.last {
            Some((text, _)) if self.index_id == index.id && q.text.starts_with(text.as_str()) => {
                self.last.take().map(|(_, m)| m)
            }
            _ => None,
        };
        let mut matched = Vec::new();
        let hits = index.run(&q, narrowed.as_deref(), limit, &mut matched);
        self.index_id = index.id;
        self.last = Some((q.text, matched));
        hits
    }

    /// How many entries the next narrowed scan would visit (for benchmarks and tests).
    pub fn candidates(&self) -> Option<usize> {
        self.last.as_ref().map(|(_, m)| m.len())
    }
}
