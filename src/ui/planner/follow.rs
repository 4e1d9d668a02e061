//! The route in view. Once a route is planned, the map shows it where nothing covers it: when the
//! route is not wholly inside the part of the map that an open bottom sheet (a phone's planner)
//! and the legend leave free, the map flies to fit it there ([`crate::geo::fit`]). A route that is
//! already in sight stays where it is, so adding points by clicking never moves the map under the
//! visitor's finger.

use crate::geo::fit::in_free_part;
use crate::geo::{LonLat, MapBounds, MapPoint, ScreenRect};
use crate::ui::state::{use_app_state, AppState, PlannerState};
use leptos::prelude::*;

/// What floats over the map and may hide the route: the bottom sheet (a side column on wider
/// screens, beside the map: then it covers nothing), the legend, the zoom controls, the north
/// arrow and the attribution bar (a wide route fitted under the controls was found by a new
/// user: its ends lay under `+` and the north arrow).
const COVERS: &str = ".sidebar--open, .attribution, .controls, .legend, .north";

/// How close to the map's edge the route may come and still count as in sight, in pixels.
const EDGE_PX: f64 = 8.0;

/// Follows each newly planned route with the view while the planner is mounted.
pub fn follow_route(planner: PlannerState) {
    let state = use_app_state();
    Effect::new(move |shown: Option<Option<Vec<LonLat>>>| {
        let line = planner.result().with(|r| match r {
            Some(Ok(route)) => Some(route.geometry.clone()),
            _ => None,
        });
        if line.is_some() && line != shown.flatten() {
            let bounds =
                line.as_ref().and_then(|l| MapBounds::around(l.iter().map(|&p| state.map.to_map(p))));
            if let Some(bounds) = bounds {
                // once the sheet has grown around the new itinerary and been laid out
                request_animation_frame(move || request_animation_frame(move || show(state, &bounds)));
            }
        }
        line
    });
}

/// Flies to fit `bounds` into the free part of the map unless it is already there.
fn show(state: AppState, bounds: &MapBounds) {
    let covers = crate::ui::browser::boxes_over_map(COVERS);
    let v = state.map.viewport().get_untracked();
    let on_screen = ScreenRect::new(
        v.map_to_screen(MapPoint::new(bounds.min.x, bounds.max.y)),
        v.map_to_screen(MapPoint::new(bounds.max.x, bounds.min.y)),
    );
    if !in_free_part(&on_screen, v.width, v.height, &covers, EDGE_PX) {
        state.map.fly_to_fit(bounds, &covers);
    }
}
