//! The route planner's state: waypoints (clicked points or POIs), a loop length, winter rules and
//! speeds; the trail graph built once per park; and the route, recomputed whenever any of them
//! changes. Planning itself is the pure [`crate::route`] module.

mod export;
mod layer;
mod locate;
mod panel;

pub use layer::{RouteLine, WaypointMarkers};
pub use locate::Locator;
pub use panel::PlannerPanel;

use super::state::AppState;
use crate::geo::LonLat;
use crate::route::{plan, plan_loop, Route, RouteError, RouteOptions, TrailGraph, CYCLING_KMH, WALKING_KMH};
use leptos::prelude::*;
use std::sync::Arc;

/// A point the route goes through.
#[derive(Clone, Debug, PartialEq)]
pub struct Waypoint {
    /// Where it is.
    pub pos: LonLat,
    /// The POI it was chosen as, if any (for its name).
    pub poi: Option<String>,
}

/// Where the device says the visitor is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Located {
    /// Position.
    pub pos: LonLat,
    /// Accuracy radius in metres.
    pub accuracy_m: f64,
}

/// The planner's signals. Copy, like [`AppState`].
#[derive(Clone, Copy)]
pub struct Planner {
    /// The planner panel is open (map clicks add waypoints).
    pub open: RwSignal<bool>,
    /// Start, vias, end (for a loop: the start).
    pub waypoints: RwSignal<Vec<Waypoint>>,
    /// `Some(km)`: plan a loop of about this length from the first waypoint.
    pub loop_km: RwSignal<Option<f64>>,
    /// Avoid trails closed in winter.
    pub winter: RwSignal<bool>,
    /// Walking speed, km/h.
    pub walk_kmh: RwSignal<f64>,
    /// Cycling speed, km/h.
    pub bike_kmh: RwSignal<f64>,
    /// The trail network of the loaded park.
    pub graph: RwSignal<Option<Arc<TrailGraph>>>,
    /// The last position from the device, and a message key when there is none to use.
    pub located: RwSignal<Option<Located>>,
    /// Why "my location" gave nothing usable (a translation key).
    pub locate_message: RwSignal<Option<&'static str>>,
    /// Bumped to ask the device for its position.
    pub locate_tick: RwSignal<u32>,
    /// The route for the current inputs (kept up to date by [`start`]).
    pub result: RwSignal<Option<Result<Route, RouteError>>>,
}

impl Planner {
    /// Fresh, closed planner.
    pub fn new() -> Self {
        Self {
            open: RwSignal::new(false),
            waypoints: RwSignal::new(Vec::new()),
            loop_km: RwSignal::new(None),
            winter: RwSignal::new(false),
            walk_kmh: RwSignal::new(WALKING_KMH),
            bike_kmh: RwSignal::new(CYCLING_KMH),
            graph: RwSignal::new(None),
            located: RwSignal::new(None),
            locate_message: RwSignal::new(None),
            result: RwSignal::new(None),
            locate_tick: RwSignal::new(0),
        }
    }

    /// Adds a waypoint: the end moves on, the old end becomes a via (a loop keeps only its start).
    pub fn add(&self, wp: Waypoint) {
        let looping = self.loop_km.get_untracked().is_some();
        self.waypoints.update(|w| {
            if looping {
                *w = vec![wp];
            } else {
                w.push(wp);
            }
        });
    }

    /// The route for the current inputs: `None` until there is something to plan.
    pub fn compute(&self) -> Option<Result<Route, RouteError>> {
        let graph = self.graph.get()?;
        let points: Vec<LonLat> = self.waypoints.with(|w| w.iter().map(|p| p.pos).collect());
        let options = RouteOptions { winter: self.winter.get() };
        match self.loop_km.get() {
            Some(km) if !points.is_empty() => Some(plan_loop(&graph, points[0], km, &options)),
            Some(_) => None,
            None if points.len() >= 2 => Some(plan(&graph, &points, &options)),
            None => None,
        }
    }
}

/// Farthest a waypoint may be from a POI to be named after it (a link stores only positions).
const POI_NAME_RADIUS_M: f64 = 5.0;

/// The POI a waypoint is, either as chosen or because it sits on one.
pub fn waypoint_poi<'a>(park: &'a crate::model::Park, wp: &Waypoint) -> Option<&'a crate::model::Poi> {
    match &wp.poi {
        Some(id) => park.poi(id),
        None => {
            park.pois.iter().find(|p| crate::geo::measure::distance_m(p.pos, wp.pos) <= POI_NAME_RADIUS_M)
        }
    }
}

impl Default for Planner {
    fn default() -> Self {
        Self::new()
    }
}

/// Builds the trail graph whenever the trail layers change, and keeps `result` up to date.
pub fn start(state: AppState) {
    let planner = state.planner;
    Effect::new(move |trails: Option<(usize, usize)>| {
        let now = state.park.with(|p| (p.greenway.len(), p.waterfront.len()));
        if now != (0, 0) && trails != Some(now) {
            planner.graph.set(Some(Arc::new(state.park.with_untracked(|p| TrailGraph::from_park(p)))));
        }
        now
    });
    Effect::new(move |_| {
        let result = planner.compute();
        planner.result.set(result);
    });
}
