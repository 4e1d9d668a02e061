//! The URL is the state: the view in `#map=zoom/lat/lon`, the rest in query parameters
//! ([`crate::embed`] parses and writes them). Selections push history entries, so Back and Forward
//! step through them; view changes replace the current entry (debounced while the view moves).

use super::browser::Debounce;
use super::state::{AppState, Selection};
use crate::embed::{parse, to_hash, to_query, MapView, UrlState, UrlWarning};
use crate::filter::Filter;
use leptos::prelude::*;

/// The longest the first URL update waits for an idle moment once the park has settled.
const FIRST_WRITE_WITHIN: std::time::Duration = std::time::Duration::from_millis(500);

/// Quiet time after the last view change before the URL follows.
const VIEW_DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(250);

/// The state in the page's current URL; malformed or unknown parameters are logged and ignored.
/// The warnings about the basemap (`tiles`, `tiles_attr`, `tiles_crs`) are returned too, to be
/// shown: a basemap that does not appear would otherwise be a mystery.
pub fn read_location() -> (UrlState, Vec<UrlWarning>) {
    let location = window().location();
    let (state, warnings) =
        parse(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default());
    for w in &warnings {
        leptos::logging::warn!("ParkMap: ignoring {w}");
    }
    (state, warnings.into_iter().filter(|w| w.param.starts_with("tiles")).collect())
}

/// Sets up the state a link asks for (before the park loads): filter, layers, selection, route.
pub fn apply(state: AppState, from_url: &UrlState) {
    state.filter.set_filter(Filter::from(&from_url.filter));
    state.layers.set_hidden(from_url.hidden_layers.clone());
    state.show(from_url.selection.clone().map(Selection::Feature));
    if !from_url.route.is_empty() {
        state.plan_route(crate::ui::planner::RouteLink {
            points: from_url.route.clone(),
            winter: from_url.winter,
            loop_km: from_url.loop_km,
        });
    }
}

/// The URL state the app is showing now; `base` carries what the app does not change (park, origins,
/// embed flag).
pub fn current(state: AppState, base: &UrlState) -> UrlState {
    let mut s = base.clone();
    if state.layers.manifest().with_untracked(Option::is_some) {
        let v = state.map.viewport().get_untracked();
        let c = state.map.to_lon_lat(v.center);
        s.view = Some(MapView { zoom: (v.zoom * 100.0).round() / 100.0, lat: c.lat, lon: c.lon }.rounded());
    }
    s.selection = state.selection().with_untracked(|s| s.as_ref().and_then(Selection::feature).cloned());
    s.hidden_layers = state.layers.hidden().get_untracked();
    crate::sort::sort(&mut s.hidden_layers);
    s.lang = Some(state.lang().get_untracked());
    s.filter = state.filter.filter().with_untracked(|f| crate::embed::FilterParams::from(f));
    // Until the planner's chunk is there, the route stays the one the page was opened with.
    if let Some(planner) = state.chunks.planner.face_untracked() {
        let route = planner.link.get_untracked();
        (s.route, s.winter, s.loop_km) = (route.points, route.winter, route.loop_km);
    }
    s
}
fn write(state: AppState, base: &UrlState) {
    if !state.layers.settled_untracked() {
        return; // the first write follows the park's settling (`sync`)
    }
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

/// The state in the page's current URL, without logging its warnings.
pub(super) fn read_quietly() -> UrlState {
    let location = window().location();
    parse(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default()).0
}

/// Keeps the URL in step with the state (outward), and the state with Back/Forward.
pub fn sync(state: AppState, base: UrlState) {
    let base = StoredValue::new(base);
    // Selection, layers, language, filter, route: at once — once the park has settled. Until then
    // the page's URL stays as it was opened (a history update costs 1–12 ms on this machine, and
    // two of them fell before the map was interactive); the first write waits for the next idle
    // moment after the park's first render.
    Effect::new(move |was_settled: Option<bool>| {
        let settled = state.layers.settled();
        state.selection().track();
        state.layers.hidden().track();
        state.lang().track();
        state.layers.manifest().track();
        state.filter.filter().track();
        if let Some(planner) = state.chunks.planner.face() {
            planner.link.track();
        }
        if settled && was_settled == Some(true) {
            base.with_value(|b| write(state, b));
        } else if settled {
            super::browser::when_idle(FIRST_WRITE_WITHIN, move || {
                base.try_with_value(|b| write(state, b));
            });
        }
        settled
    });
    // The view: once it has been still for a moment.
    let later = Debounce::new(VIEW_DEBOUNCE);
    Effect::new(move |_| {
        state.map.viewport().track();
        later.call(move || base.with_value(|b| write(state, b)));
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let url = read_quietly();
        match url.selection {
            Some(feature) => state.select(Selection::Feature(feature)),
            None => state.close_panel(),
        }
        if let Some(v) = url.view {
            state.map.show_link_view(&v);
        }
    });
    on_cleanup(move || popstate.remove());
}
