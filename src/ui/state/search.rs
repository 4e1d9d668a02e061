//! Name search. [`SearchInput`] is the header's combobox as the first module keeps it (the query,
//! whether its list is open, the option the arrow keys are on), so the box answers at once;
//! [`SearchState`] — the pinyin table and the index built on it — belongs to the search chunk.

use super::{LayerState, Reader, Shared};
use crate::search::{PinyinTable, SearchIndex};
use leptos::prelude::*;
use std::sync::Arc;

/// The search box's own state. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct SearchInput {
    query: RwSignal<String>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
}

impl SearchInput {
    pub(super) fn new() -> Self {
        Self { query: RwSignal::new(String::new()), open: RwSignal::new(false), active: RwSignal::new(None) }
    }

    /// What is typed.
    pub fn query(&self) -> Reader<String> {
        Reader(self.query)
    }

    /// Whether the results may show (the box has focus or the arrows opened them).
    pub fn open(&self) -> Reader<bool> {
        Reader(self.open)
    }

    /// The result the arrow keys are on.
    pub fn active(&self) -> Reader<Option<usize>> {
        Reader(self.active)
    }

    /// A new query: the list opens, no result is active.
    pub fn typed(&self, query: String) {
        self.query.set(query);
        self.open.set(true);
        self.active.set(None);
    }

    /// Opens or closes the list (closing forgets the active result).
    pub fn set_open(&self, open: bool) {
        self.open.set(open);
        if !open {
            self.active.set(None);
        }
    }

    /// Moves the active result by `step` among `n`, wrapping around (down from none is the first,
    /// up from none the last).
    pub fn step(&self, step: isize, n: usize) {
        let n = n.max(1) as isize;
        self.active.update(|a| {
            let next = match *a {
                None if step > 0 => 0,
                None => n - 1,
                Some(i) => (i as isize + step).rem_euclid(n),
            };
            *a = Some(next as usize);
        });
    }

    /// A result was chosen: the box shows its name and the list closes.
    pub fn chosen(&self, name: String) {
        self.query.set(name);
        self.set_open(false);
    }
}

/// A search index and the park it was built from (companies, zones, POIs counted).
#[derive(Clone, PartialEq)]
struct SearchBuild {
    counts: (usize, usize, usize),
    index: Shared<SearchIndex>,
}

/// The pinyin table and the name index (the search chunk's). Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct SearchState {
    pinyin: RwSignal<Option<Arc<PinyinTable>>>,
    search: Memo<Option<SearchBuild>>,
}

impl SearchState {
    /// No table yet; the index is built once it arrives and no layer is loading.
    pub fn new(layers: LayerState) -> Self {
        let pinyin = RwSignal::new(None::<Arc<PinyinTable>>);
        let park = layers.park();
        Self {
            pinyin,
            // Built once the pinyin table has settled and no layer is loading; kept while a layer
            // loads again (a retry), so an unchanged park is not indexed twice (a 50 000-company
            // park takes about half a second).
            search: Memo::new(move |built: Option<&Option<SearchBuild>>| {
                let built = built.cloned().flatten();
                let table = pinyin.get();
                let settled = layers.settled();
                let counts = park.with(|p| (p.companies.len(), p.zones.len(), p.pois.len()));
                let Some(table) = table.filter(|_| settled) else { return built };
                if built.as_ref().is_some_and(|b| b.counts == counts) {
                    return built;
                }
                let index = park.with_untracked(|p| SearchIndex::new(p, &table));
                Some(SearchBuild { counts, index: Shared(Arc::new(index)) })
            }),
        }
    }

    /// The pinyin readings arrived (or were given up on: an empty table); search can be built.
    pub fn set_pinyin(&self, table: PinyinTable) {
        self.pinyin.set(Some(Arc::new(table)));
    }

    /// Name search over companies, zones and POIs, once built.
    pub fn index(&self) -> Option<Arc<SearchIndex>> {
        self.search.with(|b| b.as_ref().map(|b| Arc::clone(&b.index.0)))
    }
}
