//! The investors' tools. [`FilterState`] is always there (the markers obey the filter from the
//! start): the filter, the mask it gives (a `Memo`), the per-zoom cluster cache and name search.
//! [`ExploreState`] — the explore panel, the list and their small UI state — is created when first
//! opened.

use super::{LayerState, Reader, Shared};
use crate::filter::Filter;
use crate::geo::Viewport;
use crate::index::{Cluster, ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
use crate::search::{PinyinTable, SearchIndex};
use leptos::prelude::*;
use std::sync::Arc;

/// A search index and the park it was built from (companies, zones, POIs counted).
#[derive(Clone, PartialEq)]
struct SearchBuild {
    counts: (usize, usize, usize),
    index: Shared<SearchIndex>,
}

/// The company filter and what it drives. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct FilterState {
    layers: LayerState,
    filter: RwSignal<Filter>,
    /// Bumped by every change of the filter (the list starts again at its first page).
    revision: RwSignal<u64>,
    mask: Memo<Shared<Vec<bool>>>,
    /// Marker clusters per zoom level for the park's companies (and how many companies it was
    /// built for): built once per park, re-clustered per zoom when the filter changes.
    clusters: StoredValue<Option<(usize, ClusterCache)>>,
    pinyin: RwSignal<Option<Arc<PinyinTable>>>,
    search: Memo<Option<SearchBuild>>,
}

impl FilterState {
    pub(super) fn new(layers: LayerState) -> Self {
        let filter = RwSignal::new(Filter::default());
        let pinyin = RwSignal::new(None::<Arc<PinyinTable>>);
        let park = layers.park();
        Self {
            layers,
            filter,
            revision: RwSignal::new(0),
            mask: Memo::new(move |_| Shared(Arc::new(park.with(|p| filter.with(|f| f.mask(&p.companies)))))),
            clusters: StoredValue::new(None),
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

    /// Which companies are shown on the map, in the list and in the figures.
    pub fn filter(&self) -> Reader<Filter> {
        Reader(self.filter)
    }

    /// The filter applied to every company of the park, by index.
    pub fn mask(&self) -> Memo<Shared<Vec<bool>>> {
        self.mask
    }

    /// How many companies pass the filter (reactive).
    pub fn matches(&self) -> usize {
        self.mask.with(|m| m.iter().filter(|&&b| b).count())
    }

    /// Changes counter of the filter (reactive).
    pub fn revision(&self) -> Reader<u64> {
        Reader(self.revision)
    }

    /// Replaces the filter.
    pub fn set_filter(&self, filter: Filter) {
        self.change(|f| *f = filter);
    }

    /// Changes the filter with `change`.
    pub fn change(&self, change: impl FnOnce(&mut Filter)) {
        self.filter.update(change);
        self.revision.update(|r| *r += 1);
    }

    /// Shows every company again.
    pub fn clear(&self) {
        self.change(Filter::clear);
    }

    /// The clusters in `view` of the companies `matching` marks, from the per-zoom cache (built on
    /// first use for the park's companies, rebuilt when they change).
    pub fn clusters_in_view(&self, view: &Viewport, matching: &[bool]) -> Vec<Cluster> {
        let park = self.layers.park().get_untracked();
        self.clusters
            .try_update_value(|slot| {
                let n = park.companies.len();
                let cache = match slot {
                    Some((built_for, cache)) if *built_for == n => cache,
                    _ => {
                        let cache = ClusterCache::new(SpatialIndex::new(&park.companies), DEFAULT_RADIUS_PX);
                        &mut slot.insert((n, cache)).1
                    }
                };
                cache.set_matching(matching);
                crate::index::separate(cache.visible(view), view)
            })
            .unwrap_or_default()
    }

    /// The pinyin readings arrived (or were given up on: an empty table); search can be built.
    pub fn set_pinyin(&self, table: PinyinTable) {
        self.pinyin.set(Some(Arc::new(table)));
    }

    /// Name search over companies, zones and POIs, once built.
    pub fn search(&self) -> Option<Arc<SearchIndex>> {
        self.search.with(|b| b.as_ref().map(|b| Arc::clone(&b.index.0)))
    }
}

/// The explore panel and the list: created when first opened. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct ExploreState {
    filter: FilterState,
    open: RwSignal<bool>,
    list_open: RwSignal<bool>,
    highlight: RwSignal<Option<String>>,
    /// The list's page and the filter revision it was chosen at: a newer filter starts at page 0.
    page: RwSignal<(usize, u64)>,
}

impl ExploreState {
    pub(super) fn new(filter: FilterState) -> Self {
        Self {
            filter,
            open: RwSignal::new(false),
            list_open: RwSignal::new(false),
            highlight: RwSignal::new(None),
            page: RwSignal::new((0, 0)),
        }
    }

    /// The explore panel (filters, figures, comparison) is open.
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// Opens or closes the explore panel.
    pub fn set_open(&self, open: bool) {
        self.open.set(open);
    }

    /// The list view is open.
    pub fn is_list_open(&self) -> bool {
        self.list_open.get()
    }

    /// Opens or closes the list view.
    pub fn set_list_open(&self, open: bool) {
        self.list_open.set(open);
    }

    /// The company hovered or focused in the list (its marker is highlighted).
    pub fn highlight(&self) -> Reader<Option<String>> {
        Reader(self.highlight)
    }

    /// Highlights a company's marker (or none).
    pub fn set_highlight(&self, id: Option<String>) {
        self.highlight.set(id);
    }

    /// The list's page (0-based): back to the first whenever the filter changes.
    pub fn page(&self) -> usize {
        let revision = self.filter.revision().get();
        self.page.with(|&(page, at)| if at == revision { page } else { 0 })
    }

    /// Shows page `page` of the list.
    pub fn set_page(&self, page: usize) {
        self.page.set((page, self.filter.revision().get_untracked()));
    }
}
