//! The URL is the state: the view in `#map=zoom/lat/lon`, the rest in query parameters
//! ([`crate::embed`] parses and writes them). Read here, at start; written by the session chunk
//! ([`super::session`]) once the map is ready.

use super::state::{AppState, Selection};
use crate::embed::{parse, UrlState, UrlWarning};
use crate::filter::Filter;
use leptos::prelude::*;

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
    if !from_url.sites.is_empty() {
        // The site finder's filter: the finder opens with it (its chunk reads it from the URL).
        state.open_sites(true);
    }
    if !from_url.route.is_empty() {
        state.plan_route(crate::ui::planner::RouteLink {
            points: from_url.route.clone(),
            winter: from_url.winter,
            loop_km: from_url.loop_km,
        });
    }
}

/// The state in the page's current URL, without logging its warnings.
pub fn read_quietly() -> UrlState {
    let location = window().location();
    parse(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default()).0
}
