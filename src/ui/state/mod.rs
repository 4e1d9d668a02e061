//! The UI's state, one struct per feature: the map view, the selection, the layers and their
//! loading, the company filter with what it drives, the explore panels and the route planner.
//!
//! Every signal lives in this module and its fields are private. Components read through
//! read-only handles (`Reader`, `Memo`) and change state only by calling intent methods
//! (`select`, `set_filter`, `toggle_layer`, `fly_to`, `plan`…). Derived values — the filter's
//! mask, the trail graph, the planned route, the search index, whether anything is loading — are
//! `Memo`s, so a reader never sees them one tick stale and no Effect keeps them in step. The
//! remaining Effects elsewhere only push state outward (URL, document title, postMessage, DOM).
//!
//! The capabilities loaded on demand ([`crate::ui::chunk`]) create their own state when their chunk
//! is entered (the planner's [`PlannerState`], search's [`SearchState`]); the app keeps only what the
//! first module needs of them: whether the planner and the explore panels are open, the search box.

mod chunk;
mod explore;
mod layers;
mod map;
mod planner;
mod search;
mod sight;
mod sites;
mod steps;

pub use chunk::{AnyFace, ChunkCell, ChunkStatus, Then};
pub use explore::{ExploreState, FilterState};
pub use layers::{LayerState, LayerStatus};
pub use map::MapState;
pub use planner::{Located, PlannerState, Waypoint};
pub use search::{SearchInput, SearchState};
pub use sites::{SitesLoad, SitesState, MAX_COMPARED};

use crate::feature::{FeatureKind, FeatureRef};
use crate::i18n::Lang;
use crate::model::{DataError, Manifest, Park};
use leptos::prelude::*;
use std::sync::Arc;

/// What the detail panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A feature of the park: a company, zone, trail or POI.
    Feature(FeatureRef),
    /// The "About the data" panel.
    About,
}

impl Selection {
    /// The company with `id`.
    pub fn company(id: impl Into<String>) -> Self {
        Selection::Feature(FeatureRef::company(id))
    }

    /// The feature, if this is one.
    pub fn feature(&self) -> Option<&FeatureRef> {
        match self {
            Selection::Feature(f) => Some(f),
            Selection::About => None,
        }
    }

    /// The id, when this is a feature of `kind`.
    pub fn id_of(&self, kind: FeatureKind) -> Option<&str> {
        self.feature().and_then(|f| f.id_of(kind))
    }
}

/// A read-only handle on one of the state's signals: views read through it (tracked or not), only
/// the state module writes. It reuses the signal's own code (a `ReadSignal` would be a second copy of
/// the reactive machinery per value type in the wasm).
pub struct Reader<T: 'static>(RwSignal<T>);

impl<T> Clone for Reader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Reader<T> {}

impl<T: Send + Sync + 'static> Reader<T> {
    /// The value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.get()
    }

    /// The value, not tracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.0.get_untracked()
    }

    /// `f` of the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }

    /// `f` of the value, not tracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }

    /// Subscribes the running effect or memo to the value.
    pub fn track(&self) {
        self.0.track();
    }
}

/// One component's own state (a dialog's fields, a drag in progress), never shared through the
/// app's context: a plain signal, readable (as a [`Reader`]) and writable by that component and the
/// children it is passed to.
pub struct Local<T: 'static>(Reader<T>);

impl<T> Clone for Local<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Local<T> {}

impl<T> std::ops::Deref for Local<T> {
    type Target = Reader<T>;
    fn deref(&self) -> &Reader<T> {
        &self.0
    }
}

impl<T: Send + Sync + 'static> Local<T> {
    /// New local state holding `value`, owned by the current component.
    pub fn new(value: T) -> Self {
        Local(Reader(RwSignal::new(value)))
    }

    /// Replaces the value.
    pub fn set(&self, value: T) {
        self.0 .0.set(value);
    }

    /// Changes the value in place.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.0 .0.update(f);
    }
}

/// A shared value compared by identity: a `Memo` of a large value (a mask, an index) tells its
/// readers it changed when it was rebuilt, without comparing contents.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The app's state. Cheap to copy: every part is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Embedded in another page (`?embed=1`): compact chrome, cooperative gestures, postMessage API.
    pub embed: bool,
    lang: RwSignal<Lang>,
    /// The view: viewport, world origin, gesture hints and fly-to animations.
    pub map: MapState,
    selection: RwSignal<Option<Selection>>,
    /// The manifest, the park, data problems and each layer's loading status.
    pub layers: LayerState,
    /// The company filter and what it drives: the mask, the clusters.
    pub filter: FilterState,
    /// Whether the explore panel and the list are open; the company the list highlights.
    pub explore: ExploreState,
    /// The header's search box.
    pub search: SearchInput,
    /// The route planner is open (map clicks add waypoints).
    planning: RwSignal<bool>,
    /// The site finder is open.
    sites_open: RwSignal<bool>,
    updated: RwSignal<bool>,
    /// The capabilities loaded on demand.
    pub chunks: crate::ui::chunk::Chunks,
    /// Embedded: the messages that arrive before the embed API's chunk.
    pub inbox: crate::ui::inbox::Inbox,
    /// The selections shown before the session chunk (which writes the URL) was in, oldest first:
    /// it writes each as a history step, so Back returns to them as to the later ones.
    unwritten: StoredValue<Vec<Option<FeatureRef>>>,
}

impl AppState {
    /// Fresh state in `lang`; `embed` for `?embed=1`. Create it inside the app's reactive owner.
    pub fn new(lang: Lang, embed: bool) -> Self {
        let layers = LayerState::new();
        Self {
            embed,
            lang: RwSignal::new(lang),
            map: MapState::new(),
            selection: RwSignal::new(None),
            filter: FilterState::new(layers),
            layers,
            explore: ExploreState::new(),
            search: SearchInput::new(),
            planning: RwSignal::new(false),
            sites_open: RwSignal::new(false),
            updated: RwSignal::new(false),
            chunks: crate::ui::chunk::Chunks::new(),
            inbox: crate::ui::inbox::Inbox::new(),
            unwritten: StoredValue::new(Vec::new()),
        }
    }

    /// The UI language.
    pub fn lang(&self) -> Reader<Lang> {
        Reader(self.lang)
    }

    /// Switches the UI language.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// A UI string in the current language (reactive).
    pub fn t(&self, key: &'static str) -> &'static str {
        crate::i18n::t(self.lang.get(), key)
    }

    /// `key`'s text in the current language as a reactive closure for a view. Every call returns
    /// the same closure type, so Leptos instantiates its text and attribute rendering code once
    /// for all translated texts rather than once per `move || state.t(..)` in the views.
    pub fn tr(self, key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || crate::i18n::t(lang.get(), key)
    }

    /// The park's layers loaded so far (shortcut for `layers.park()`).
    pub fn park(&self) -> Reader<Arc<Park>> {
        self.layers.park()
    }

    /// The selected feature or panel.
    pub fn selection(&self) -> Reader<Option<Selection>> {
        Reader(self.selection)
    }

    /// Selects a feature or panel and flies to it when it has a place on the map.
    pub fn select(&self, sel: Selection) {
        if let Some(target) = self.target_for(&sel) {
            self.map.fly_to(target);
        }
        self.unwritten_step(Some(&sel));
        self.selection.set(Some(sel));
    }

    /// Shows `sel` (or nothing) without moving the map (Back/Forward, a link).
    pub fn show(&self, sel: Option<Selection>) {
        self.selection.set(sel);
    }

    /// Closes the panel.
    pub fn close_panel(&self) {
        self.unwritten_step(None);
        self.selection.set(None);
    }

    /// The view that shows a selection, if it has a place on the map.
    pub fn target_for(&self, sel: &Selection) -> Option<crate::geo::Viewport> {
        let park = self.layers.park().get_untracked();
        let view = self.map.viewport().get_untracked();
        map::view_of(&view, &park, sel.feature()?)
    }

    /// Opens or closes the explore panel (its chunk is fetched when first opened); opening it closes the
    /// other side panels.
    pub fn open_explore(&self, open: bool) {
        if open {
            self.close_sides();
        }
        self.explore.set_open(open);
        if open {
            self.chunks.explore.load(*self);
        }
    }

    /// Opens or closes the list of companies; `then` runs once the list is there (when opening).
    pub fn open_list(&self, open: bool, then: impl FnOnce() + 'static) {
        self.explore.set_list_open(open);
        if open {
            self.chunks.explore.load_then(*self, move |_| then());
        }
    }

    /// True while the planner is open (map clicks add waypoints).
    pub fn planning(&self) -> bool {
        self.planning.get()
    }

    /// [`AppState::planning`] without tracking (event handlers).
    pub fn planning_untracked(&self) -> bool {
        self.planning.get_untracked()
    }

    /// Opens or closes the route planner (its chunk is fetched when first opened); opening it closes the
    /// other side panels.
    pub fn open_planner(&self, open: bool) {
        if open {
            self.close_sides();
        }
        self.planning.set(open);
        if open {
            self.chunks.planner.load(*self);
        }
    }

    /// True while the site finder is open.
    pub fn sites_open(&self) -> bool {
        self.sites_open.get()
    }

    /// Opens or closes the site finder (its chunk is fetched when first opened); opening it closes the
    /// other side panels.
    pub fn open_sites(&self, open: bool) {
        if open {
            self.close_sides();
        }
        self.sites_open.set(open);
        if open {
            self.chunks.sites.load(*self);
        }
    }

    /// Closes the side panels (explore, the planner, the site finder): one is open at a time when
    /// opened from the app (a link may ask for two: a route and a site filter).
    fn close_sides(&self) {
        self.explore.set_open(false);
        self.planning.set(false);
        self.sites_open.set(false);
    }

    /// Plans a whole route at once (a link, the embed API) and opens the planner.
    pub fn plan_route(&self, route: crate::ui::planner::RouteLink) {
        self.planning.set(true);
        self.chunks.planner.load_then(*self, move |planner| planner.plan.run(route));
    }

    /// A new version of the app was installed (the service worker said so).
    pub fn updated(&self) -> Reader<bool> {
        Reader(self.updated)
    }

    /// Shows or hides the "updated" notice.
    pub fn set_updated(&self, shown: bool) {
        self.updated.set(shown);
    }

    /// The park's extent: its zones' box, or the manifest's `bounds` when it has no zones (yet).
    pub fn park_extent(&self) -> Option<crate::geo::MapBounds> {
        self.park()
            .with_untracked(|p| p.zones_extent())
            .or_else(|| self.layers.manifest().with_untracked(|m| m.as_ref().map(|m| m.bounds)))
    }

    /// Flies to show the whole park ("fit park", the embed API's `fitPark`) where the legend and a
    /// bottom sheet leave the map free.
    pub fn fit_park(&self) {
        if let Some(bounds) = self.park_extent() {
            let covers = crate::ui::browser::boxes_over_map(".legend, .sidebar--open");
            self.map.fly_to_fit(&bounds, &covers);
        }
    }

    /// Records a parsed manifest: takes its basemap unless the URL named one, shows `view` (from a
    /// shared link) or else fits the manifest's bounds (drawn as on the basemap), and marks its layers
    /// as loading. `url` is its absolute address (layer URLs are relative).
    pub fn apply_manifest(
        &self,
        manifest: Manifest,
        problems: Vec<DataError>,
        view: Option<crate::embed::MapView>,
        url: Option<String>,
    ) {
        let mut manifest = manifest;
        // `?tiles=` wins over the manifest's basemap.
        if let Some(basemap) =
            manifest.basemap.clone().filter(|_| self.map.basemap().with_untracked(Option::is_none))
        {
            self.map.set_basemap(basemap);
        }
        manifest.bounds = crate::model::basemap::bounds_for(manifest.bounds, self.map.crs());
        self.map.show_park(&manifest.bounds, view.as_ref());
        self.layers.apply_manifest(manifest, problems, url);
    }
}

/// The state provided by `<App/>`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
