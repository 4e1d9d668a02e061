//! AppState: one Copy struct of signals, provided as context.

use crate::geo::{MapPoint, Viewport};
use crate::i18n::Lang;
use crate::model::parse::LayerParse;
use crate::model::{DataError, LayerKind, LayerRef, Manifest, Park};
use leptos::prelude::*;
use std::sync::Arc;

/// What the detail panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A company, by id.
    Company(String),
    /// A zone, by id.
    Zone(String),
    /// A greenway or waterfront segment, by id.
    Trail(String),
    /// A point of interest, by id.
    Poi(String),
    /// The "About the data" panel.
    About,
}

/// The app's shared state. Cheap to copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The manifest, once loaded.
    pub manifest: RwSignal<Option<Arc<Manifest>>>,
    /// Every layer that has loaded so far.
    pub park: RwSignal<Arc<Park>>,
    /// Every data problem found, located.
    pub errors: RwSignal<Vec<DataError>>,
    /// Defaults the reader applied to valid-but-unusual data (listed in About, never alerted).
    pub notes: RwSignal<Vec<crate::model::Note>>,
    /// Layers still loading (by id).
    pub pending: RwSignal<Vec<String>>,
    /// Layers being retried after a failure: (id, retry number).
    pub retrying: RwSignal<Vec<(String, u32)>>,
    /// Layers whose download failed for good (offered a retry button).
    pub failed: RwSignal<Vec<LayerRef>>,
    /// Layers parsed but not yet added to `park` (by manifest id): added together once per frame.
    pub arrived: StoredValue<Vec<(String, LayerParse)>>,
    /// Embedded in another page (`?embed=1`): compact chrome, cooperative gestures, postMessage API.
    pub embed: bool,
    /// A short hint over the map (cooperative gestures), as a translation key.
    pub hint: RwSignal<Option<&'static str>>,
    /// The route planner.
    pub planner: super::planner::Planner,
    /// The investors' tools: filter, clusters, search, list.
    pub explore: super::explore::Explore,
    /// A new version of the app was installed by the service worker (shows a notice).
    pub updated: RwSignal<bool>,
    /// Absolute URL of the manifest (layer URLs are relative to it).
    pub manifest_url: RwSignal<Option<String>>,
    /// The selected feature.
    pub selection: RwSignal<Option<Selection>>,
    /// The current view.
    pub viewport: RwSignal<Viewport>,
    /// Layers the user has switched off.
    pub hidden: RwSignal<Vec<LayerKind>>,
    /// Origin of world coordinates (the park's centre), so SVG numbers stay small.
    pub origin: RwSignal<MapPoint>,
}

impl AppState {
    /// Fresh state in `lang`.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
            manifest: RwSignal::new(None),
            park: RwSignal::new(Arc::new(Park::default())),
            errors: RwSignal::new(Vec::new()),
            notes: RwSignal::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
            arrived: StoredValue::new(Vec::new()),
            retrying: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            manifest_url: RwSignal::new(None),
            updated: RwSignal::new(false),
            planner: super::planner::Planner::new(),
            explore: super::explore::Explore::new(),
            embed: false,
            hint: RwSignal::new(None),
            selection: RwSignal::new(None),
            viewport: RwSignal::new(Viewport::new(MapPoint::default(), 14.0, 800.0, 600.0)),
            hidden: RwSignal::new(Vec::new()),
            origin: RwSignal::new(MapPoint::default()),
        }
    }

    /// A UI string in the current language (reactive).
    pub fn t(&self, key: &'static str) -> &'static str {
        crate::i18n::t(self.lang.get(), key)
    }

    /// `key`'s text in the current language as a reactive closure for a view. Every call returns
    /// the same closure type, so Leptos instantiates its text and attribute rendering code once
    /// for all translated texts rather than once per `move || state.t(..)` in the views.
    pub fn tr(self, key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || crate::i18n::t(self.lang.get(), key)
    }

    /// Whether a layer is switched on (reactive).
    pub fn visible(&self, kind: LayerKind) -> bool {
        self.hidden.with(|h| !h.contains(&kind))
    }
}

/// The state provided by `<App/>`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
