//! Selecting a feature and flying the view to it (instant under prefers-reduced-motion).

use super::state::{AppState, Selection};
use crate::geo::{MapBounds, Viewport};
use leptos::prelude::*;
use std::cell::Cell;

/// Duration of a fly-to animation.
const FLY_MS: f64 = 400.0;
/// Zoom a point feature is shown at, at least.
const POINT_ZOOM: f64 = 16.0;

thread_local! {
    /// Bumped by every new flight, so an older one stops at its next frame.
    static FLIGHT: Cell<u32> = const { Cell::new(0) };
}

fn reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// Animates the viewport to `target`.
pub fn fly_to(state: AppState, target: Viewport) {
    let flight = FLIGHT.with(|f| {
        f.set(f.get().wrapping_add(1));
        f.get()
    });
    let from = state.viewport.get_untracked();
    if reduced_motion() {
        state.viewport.set(target);
        return;
    }
    let start = now_ms();
    fn frame(state: AppState, from: Viewport, target: Viewport, start: f64, flight: u32) {
        if FLIGHT.with(|f| f.get()) != flight {
            return;
        }
        let t = ((now_ms() - start) / FLY_MS).min(1.0);
        // Size may have changed mid-flight: keep the element's current size.
        let size = state.viewport.get_untracked();
        state.viewport.set(from.interpolate(&target, t).with_size(size.width, size.height));
        if t < 1.0 {
            request_animation_frame(move || frame(state, from, target, start, flight));
        }
    }
    request_animation_frame(move || frame(state, from, target, start, flight));
}

/// The view that shows a selection, if it has a place on the map.
pub fn target_for(state: AppState, sel: &Selection) -> Option<Viewport> {
    let view = state.viewport.get_untracked();
    let park = state.park.get_untracked();
    let point_view = |p| view.with_zoom(view.zoom.max(POINT_ZOOM)).with_center(p);
    match sel {
        Selection::Company(id) => park.company(id).map(|c| point_view(c.map)),
        Selection::Poi(id) => park.poi(id).map(|p| point_view(p.map)),
        Selection::Zone(id) => {
            let zone = park.zone(id)?;
            let pts = zone.polygons.iter().flat_map(|p| p.map_rings[0].iter().copied());
            MapBounds::around(pts).map(|b| view.fit(&b, 48.0))
        }
        Selection::Trail(id) => {
            let trail = park.trail(id)?;
            MapBounds::around(trail.map_parts.iter().flatten().copied()).map(|b| view.fit(&b, 48.0))
        }
        Selection::About => None,
    }
}

/// Selects a feature, opens its panel and flies to it.
pub fn select(state: AppState, sel: Selection) {
    if let Some(target) = target_for(state, &sel) {
        fly_to(state, target);
    }
    state.selection.set(Some(sel));
}
