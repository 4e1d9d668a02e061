//! The session chunk, entered once the park has settled: the URL follows the state (selections push
//! history entries, so Back and Forward step through them; view changes replace the current entry,
//! debounced while the view moves); the offline service worker is registered once every chunk has
//! been prefetched (its precache then finds them in the HTTP cache); the "updated" notice shows
//! when it says a new version took over.

use super::browser::Debounce;
use super::chunk::chunk;
use super::state::{AppState, Selection};
use super::url::read_quietly;
use crate::embed::{to_hash, to_query, MapView, UrlState};
use leptos::prelude::*;

/// The longest the first URL update waits for an idle moment once the park has settled.
const FIRST_WRITE_WITHIN: std::time::Duration = std::time::Duration::from_millis(500);

/// Quiet time after the last view change before the URL follows.
const VIEW_DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(250);

/// The session chunk's face.
#[derive(Clone)]
pub struct SessionFace {
    /// "ParkMap was updated", once a new version took over.
    pub notice: ViewFn,
    /// Registers the offline service worker (once every chunk has been prefetched).
    pub register_worker: Callback<()>,
    /// The full app's URL for what an embedded map shows at this moment: its URL state (language,
    /// view, selection, filter, layers, route…) without `embed` ("Open the full map").
    pub full_map: Callback<(), String>,
}

chunk!(session: SessionFace = fn session_chunk(state) {
    // Nothing has written the URL before this chunk: it is still the one the page was opened with.
    sync(state, read_quietly());
    Ok(SessionFace {
        notice: ViewFn::from(|| view! { <super::sw::UpdatedNotice/> }),
        register_worker: Callback::new(move |()| super::sw::register(state)),
        full_map: Callback::new(move |()| full_map_url(state)),
    })
});

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
    // Until the site finder's chunk is there, its filter stays the one the page was opened with.
    if let Some(sites) = state.chunks.sites.face_untracked() {
        s.sites = sites.link.get_untracked();
    }
    // Until the planner's chunk is there, the route stays the one the page was opened with.
    if let Some(planner) = state.chunks.planner.face_untracked() {
        let route = planner.link.get_untracked();
        (s.route, s.winter, s.loop_km) = (route.points, route.winter, route.loop_km);
    }
    s
}
/// This page's address with the state of the moment (the view read now, not when the URL last
/// followed it: that waits for the view to settle): what a printed page's link and QR code open.
pub fn page_url(state: AppState) -> String {
    absolute_url(&current(state, &read_quietly()))
}

/// [`page_url`], not embedded: the full app showing what this embedded map shows.
fn full_map_url(state: AppState) -> String {
    let mut next = current(state, &read_quietly());
    next.embed = false;
    absolute_url(&next)
}

/// `next` as an absolute address on this page's origin and path.
fn absolute_url(next: &UrlState) -> String {
    format!("{}{}", window().location().origin().unwrap_or_default(), path_url(next))
}

/// `next` as an address on this page's path (what the history holds).
fn path_url(next: &UrlState) -> String {
    format!("{}{}{}", window().location().pathname().unwrap_or_default(), to_query(next), to_hash(next))
}

fn write(state: AppState, base: &UrlState) {
    if !state.layers.settled_untracked() {
        return; // the first write follows the park's settling (`sync`)
    }
    let Ok(history) = window().history() else { return };
    let location = window().location();
    let next = current(state, base);
    write_unwritten_steps(state, &history, &next);
    let url = path_url(&next);
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

/// The selections the visitor stepped through before this chunk was in, each as a history entry
/// (without a view: Back to one flies to its feature), so Back and Forward step through them too.
/// The last is the selection of the moment: [`write`] writes it.
fn write_unwritten_steps(state: AppState, history: &web_sys::History, next: &UrlState) {
    let mut steps = state.take_unwritten_steps();
    steps.pop();
    let mut shown = read_quietly().selection;
    for step in steps {
        if step == shown {
            continue;
        }
        let entry = UrlState { selection: step.clone(), view: None, ..next.clone() };
        if let Err(e) = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path_url(&entry)))
        {
            leptos::logging::warn!("ParkMap: could not update the URL: {e:?}");
            return;
        }
        shown = step;
    }
}

/// Keeps the URL in step with the state (outward), and the state with Back/Forward.
fn sync(state: AppState, base: UrlState) {
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
        if let Some(sites) = state.chunks.sites.face() {
            sites.link.track();
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
