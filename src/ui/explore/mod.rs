//! Investors' tools: the company filter and what it drives — clustered markers, the list view and
//! the figures. The logic is in the pure [`crate::filter`], [`crate::index`] and [`crate::search`].

mod charts;
mod list;
mod panel;
mod search_box;

pub use list::ListView;
pub use panel::{ExplorePanel, MatchChip};
pub use search_box::SearchBox;

use crate::embed::FilterParams;
use crate::filter::Filter;
use crate::index::{ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
use crate::retry::RetryPolicy;
use crate::search::{PinyinTable, SearchIndex, PINYIN_TABLE_PATH};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// The filter a link or the embed API describes.
pub fn filter_from_params(p: &FilterParams) -> Filter {
    Filter {
        industries: p.industries.iter().copied().collect(),
        zone: p.zone.clone(),
        capital_yuan: (p.capital_min, p.capital_max),
        founded: (p.founded_min, p.founded_max),
    }
}

/// The filter as link parameters.
pub fn params_from_filter(f: &Filter) -> FilterParams {
    FilterParams {
        industries: f.industries.iter().copied().collect(),
        zone: f.zone.clone(),
        capital_min: f.capital_yuan.0,
        capital_max: f.capital_yuan.1,
        founded_min: f.founded.0,
        founded_max: f.founded.1,
    }
}

/// The investor tools' state. Copy, like [`AppState`].
#[derive(Clone, Copy)]
pub struct Explore {
    /// Which companies are shown on the map, in the list and in the figures.
    pub filter: RwSignal<Filter>,
    /// `filter` applied to every company, by index (kept in step by [`start`]).
    pub mask: RwSignal<Arc<Vec<bool>>>,
    /// The company hovered or focused in the list (its marker is highlighted).
    pub highlight: RwSignal<Option<String>>,
    /// The explore panel (filters, figures, comparison) is open.
    pub open: RwSignal<bool>,
    /// The list view is open.
    pub list_open: RwSignal<bool>,
    /// Name search over companies, zones and POIs, built once per park when the pinyin table
    /// has settled.
    pub search: RwSignal<Option<Arc<SearchIndex>>>,
    /// The pinyin readings search uses: `None` while `public/search/pinyin.bin` loads, an empty
    /// table if it could not be loaded (Chinese names then match by their characters only).
    pub pinyin: RwSignal<Option<Arc<PinyinTable>>>,
    /// Marker clusters per zoom level, built once per park and re-clustered when the filter changes.
    pub clusters: RwSignal<Option<Arc<Mutex<ClusterCache>>>>,
}

impl Explore {
    /// Fresh state: no filter, panels closed.
    pub fn new() -> Self {
        Self {
            filter: RwSignal::new(Filter::default()),
            mask: RwSignal::new(Arc::new(Vec::new())),
            highlight: RwSignal::new(None),
            open: RwSignal::new(false),
            list_open: RwSignal::new(false),
            search: RwSignal::new(None),
            pinyin: RwSignal::new(None),
            clusters: RwSignal::new(None),
        }
    }

    /// How many companies pass the filter.
    pub fn matches(&self) -> usize {
        self.mask.with(|m| m.iter().filter(|&&b| b).count())
    }
}

impl Default for Explore {
    fn default() -> Self {
        Self::new()
    }
}

/// Rebuilds the cluster index when the park's companies change and the mask when the filter
/// changes. The pinyin table is fetched once every layer has loaded, so it never delays the map,
/// and the search index is built when the table has arrived or been given up on (5 s per
/// attempt, two attempts): once, as the index of a 50 000-company park takes about half a second.
pub fn start(state: AppState) {
    let ex = state.explore;
    let counts = move || state.park.with(|p| (p.companies.len(), p.zones.len(), p.pois.len()));
    let settled = move || state.manifest.with(Option::is_some) && state.pending.with(Vec::is_empty);
    Effect::new(move |seen: Option<(usize, usize, usize)>| {
        let now = counts();
        if seen != Some(now) {
            let park = state.park.get_untracked();
            let cache = ClusterCache::new(SpatialIndex::new(&park.companies), DEFAULT_RADIUS_PX);
            ex.clusters.set(Some(Arc::new(Mutex::new(cache))));
        }
        now
    });
    // What the search index was built from: the park's counts (the table is set only once). While
    // a layer is loading again (a retry), the last build is kept, so an unchanged park is not
    // indexed twice.
    Effect::new(move |built: Option<Option<(usize, usize, usize)>>| {
        let built = built.flatten();
        let (table, settled, now) = (ex.pinyin.get(), settled(), counts());
        let Some(table) = table.filter(|_| settled) else { return built };
        if built != Some(now) {
            let index = state.park.with_untracked(|p| SearchIndex::new(p, &table));
            ex.search.set(Some(Arc::new(index)));
        }
        Some(now)
    });
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if !settled() || asked.get_value() {
            return;
        }
        asked.set_value(true);
        leptos::task::spawn_local(async move {
            let policy = RetryPolicy { attempts: 2, timeout_ms: 5_000, ..RetryPolicy::default() };
            let table = match crate::fetch::fetch_bytes(PINYIN_TABLE_PATH, "pinyin.bin", policy).await {
                Ok(bytes) => PinyinTable::parse(&bytes).map_err(|e| format!("{PINYIN_TABLE_PATH}: {e}")),
                Err(e) => Err(e.to_string()),
            };
            let table = table.unwrap_or_else(|e| {
                leptos::logging::warn!("pinyin search is off: {e}");
                PinyinTable::empty()
            });
            ex.pinyin.set(Some(Arc::new(table)));
        });
    });
    Effect::new(move |_| {
        let mask = state.park.with(|p| ex.filter.with(|f| f.mask(&p.companies)));
        ex.mask.set(Arc::new(mask));
    });
}
