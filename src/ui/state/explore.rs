//! The investors' tools in the first module. [`FilterState`]: the markers obey the filter from the
//! start (a link may carry one), so the filter, the mask it gives (a `Memo`) and the per-zoom cluster
//! cache are here. [`ExploreState`]: whether the explore panel and the list are open and the company
//! the list highlights — the panel and the list themselves are the explore chunk's.

use super::{LayerState, Reader, Shared};
use crate::filter::Filter;
use crate::geo::Viewport;
use crate::index::{Cluster, ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
use leptos::prelude::*;
use std::sync::Arc;

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
}

impl FilterState {
    pub(super) fn new(layers: LayerState) -> Self {
        let filter = RwSignal::new(Filter::default());
        let park = layers.park();
        Self {
            layers,
            filter,
            revision: RwSignal::new(0),
            mask: Memo::new(move |_| Shared(Arc::new(park.with(|p| filter.with(|f| f.mask(&p.companies)))))),
            clusters: StoredValue::new(None),
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
}

/// Whether the explore panel and the list are open, and the company the list highlights on the
/// map. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct ExploreState {
    open: RwSignal<bool>,
    list_open: RwSignal<bool>,
    highlight: RwSignal<Option<String>>,
}

impl ExploreState {
    pub(super) fn new() -> Self {
        Self { open: RwSignal::new(false), list_open: RwSignal::new(false), highlight: RwSignal::new(None) }
    }

    /// The explore panel (filters, figures, comparison) is open.
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// The list view is open.
    pub fn is_list_open(&self) -> bool {
        self.list_open.get()
    }

    /// The company hovered or focused in the list (its marker is highlighted).
    pub fn highlight(&self) -> Reader<Option<String>> {
        Reader(self.highlight)
    }

    /// Highlights a company's marker (or none).
    pub fn set_highlight(&self, id: Option<String>) {
        self.highlight.set(id);
    }

    pub(super) fn set_open(&self, open: bool) {
        self.open.set(open);
    }

    pub(super) fn set_list_open(&self, open: bool) {
        self.list_open.set(open);
    }
}
