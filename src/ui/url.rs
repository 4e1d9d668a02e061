//! The URL is the state: the view in `#map=zoom/lat/lon`, the rest in query parameters
//! ([`crate::embed`] parses and writes them). Selections push history entries, so Back and Forward
//! step through them; view changes replace the current entry (debounced while the view moves).

use super::fly::select;
use super::state::{AppState, Selection};
use crate::embed::{parse, to_hash, to_query, MapView, SelectionKind, SelectionRef, UrlState};
use crate::geo::LonLat;
use leptos::prelude::*;
use std::cell::Cell;

/// Quiet time after the last view change before the URL follows, in milliseconds.
const VIEW_DEBOUNCE_MS: i32 = 250;

thread_local! {
    static VIEW_WRITE: Cell<u32> = const { Cell::new(0) };
}

/// The state in the page's current URL; malformed or unknown parameters are logged and ignored.
pub fn read_location() -> UrlState {
    let location = window().location();
    let (state, warnings) =
        parse(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default());
    for w in warnings {
        leptos::logging::warn!("ParkMap: ignoring {w}");
    }
    state
}

/// The selection a URL names.
pub fn selection_of(r: &SelectionRef) -> Selection {
    let id = r.id.clone();
    match r.kind {
        SelectionKind::Company => Selection::Company(id),
        SelectionKind::Zone => Selection::Zone(id),
        SelectionKind::Trail => Selection::Trail(id),
        SelectionKind::Poi => Selection::Poi(id),
    }
}

fn selection_ref(s: &Selection) -> Option<SelectionRef> {
    let (kind, id) = match s {
        Selection::Company(id) => (SelectionKind::Company, id),
        Selection::Zone(id) => (SelectionKind::Zone, id),
        Selection::Trail(id) => (SelectionKind::Trail, id),
        Selection::Poi(id) => (SelectionKind::Poi, id),
        Selection::About => return None,
    };
    Some(SelectionRef { kind, id: id.clone() })
}

/// The URL state the app is showing now; `base` carries what the app does not change (park, origins,
/// embed flag).
pub fn current(state: AppState, base: &UrlState) -> UrlState {
    let mut s = base.clone();
    if state.manifest.with_untracked(Option::is_some) {
        let v = state.viewport.get_untracked();
        let c = v.center.to_lon_lat();
        s.view = Some(MapView { zoom: (v.zoom * 100.0).round() / 100.0, lat: c.lat, lon: c.lon }.rounded());
    }
    s.selection = state.selection.get_untracked().as_ref().and_then(selection_ref);
    s.hidden_layers = state.hidden.get_untracked();
    crate::sort::sort(&mut s.hidden_layers);
    s.lang = Some(state.lang.get_untracked());
    s.filter = state.explore.filter.with_untracked(super::explore::params_from_filter);
    let planner = state.planner;
    s.route = planner.waypoints.with_untracked(|w| w.iter().map(|p| p.pos).collect());
    s.winter = planner.winter.get_untracked() && !s.route.is_empty();
    s.loop_km = planner.loop_km.get_untracked().filter(|_| !s.route.is_empty());
    s
}

fn write(state: AppState, base: &UrlState) {
    let Ok(history) = window().history() else { return };
    let location = window().location();
    let next = current(state, base);
    let url = format!("{}{}{}", location.pathname().unwrap_or_default(), to_query(&next), to_hash(&next));
    let now = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if url == now {
        return;
    }
    let shown = read_quietly();
    // A new selection is a step Back can return to; anything else just updates the entry.
    let result = if shown.selection != next.selection {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = result {
        leptos::logging::warn!("ParkMap: could not update the URL: {e:?}");
    }
}

fn read_quietly() -> UrlState {
    let location = window().location();
    parse(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default()).0
}

/// Keeps the URL in step with the state, and the state with Back/Forward.
pub fn sync(state: AppState, base: UrlState) {
    let base = StoredValue::new(base);
    // Selection, layers, language: at once.
    Effect::new(move |_| {
        state.selection.track();
        state.hidden.track();
        state.lang.track();
        state.manifest.track();
        state.planner.waypoints.track();
        state.explore.filter.track();
        state.planner.winter.track();
        state.planner.loop_km.track();
        base.with_value(|b| write(state, b));
    });
    // The view: once it has been still for a moment.
    Effect::new(move |_| {
        state.viewport.track();
        let ticket = VIEW_WRITE.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        });
        set_timeout(
            move || {
                if VIEW_WRITE.with(|c| c.get()) == ticket {
                    base.with_value(|b| write(state, b));
                }
            },
            std::time::Duration::from_millis(VIEW_DEBOUNCE_MS as u64),
        );
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let url = read_quietly();
        match url.selection.as_ref().map(selection_of) {
            Some(sel) => select(state, sel),
            None => state.selection.set(None),
        }
        if let Some(v) = url.view {
            state.viewport.update(|vp| *vp = view_to(vp, &v));
        }
    });
}

/// The viewport showing a URL's `#map=` view.
pub fn view_to(vp: &crate::geo::Viewport, v: &MapView) -> crate::geo::Viewport {
    vp.with_center(LonLat::lon_lat(v.lon, v.lat).to_map()).with_zoom(v.zoom)
}
