//! The route planner's chunk: the panel, the route on the map (followed by the view once planned),
//! the waypoint markers, "my location", the downloads and the printed page, with their state ([`PlannerState`], created when the chunk is entered).
//! The first module keeps only whether the planner is open and reaches the rest through
//! [`PlannerFace`]; planning itself is the pure [`crate::route`] module.

mod export;
mod follow;
mod layer;
mod locate;
mod panel;
mod print;

use super::chunk::chunk;
use super::state::{PlannerState, Waypoint};
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::LonLat;
use leptos::prelude::*;

/// Farthest a waypoint may be from a POI to be named after it (a link stores only positions).
const POI_NAME_RADIUS_M: f64 = 5.0;

/// The POI a waypoint is, either as chosen or because it sits on one.
pub fn waypoint_poi<'a>(park: &'a crate::model::Park, wp: &Waypoint) -> Option<&'a crate::model::Poi> {
    match &wp.poi {
        Some(id) => park.poi(id),
        None => park.poi_at(wp.pos, POI_NAME_RADIUS_M),
    }
}

/// A route as a link or the embed API asks for it, and as the URL carries it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteLink {
    /// The waypoints (for a loop: its start).
    pub points: Vec<LonLat>,
    /// Trails closed in winter are avoided.
    pub winter: bool,
    /// A loop of about this many kilometres from the first point.
    pub loop_km: Option<f64>,
}

/// A planned route's figures, for the embed API's `routeChanged`.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteSummary {
    /// Length in metres.
    pub distance_m: f64,
    /// Minutes on foot and by bike at the planner's speeds.
    pub walking_min: f64,
    /// See `walking_min`.
    pub cycling_min: f64,
    /// The waypoints it goes through.
    pub waypoints: Vec<LonLat>,
}

/// The planner chunk's face.
#[derive(Clone)]
pub struct PlannerFace {
    /// The panel, in the sidebar while the planner is open.
    pub panel: ViewFn,
    /// The route line, in the map's world group.
    pub route: ViewFn,
    /// The numbered waypoints and "you are here", among the markers.
    pub markers: ViewFn,
    /// A click on the map while planning, on a feature (if any) at a position: true when it became a
    /// waypoint (a company's click is left to the map: it opens its panel).
    pub click: Callback<(Option<FeatureRef>, LonLat), bool>,
    /// Plans a whole route at once (a link, the embed API) and opens the planner.
    pub plan: Callback<RouteLink>,
    /// The route as the URL carries it (nothing planned: no points).
    pub link: Signal<RouteLink>,
    /// The planned route's figures, when there is a route.
    pub summary: Signal<Option<RouteSummary>>,
}

chunk!(planner: PlannerFace = fn planner_chunk(state) {
    // the printed page's styles (style/chunks/planner.css) come with the planner
    super::chunk::stylesheet("planner");
    let planner = PlannerState::new(state);
    let click = Callback::new(move |(feature, at): (Option<FeatureRef>, LonLat)| {
        let waypoint = match feature.as_ref().map(|f| (f.kind, f.id.as_str())) {
            Some((FeatureKind::Poi, id)) => state
                .park()
                .with_untracked(|p| p.poi(id).map(|p| p.pos))
                .map(|pos| Waypoint { pos, poi: Some(id.to_owned()) }),
            Some((FeatureKind::Company, _)) => None,
            _ => Some(Waypoint { pos: at, poi: None }),
        };
        waypoint.map(|wp| planner.add(wp)).is_some()
    });
    let link = Signal::derive(move || {
        let points: Vec<LonLat> = planner.waypoints().with(|w| w.iter().map(|p| p.pos).collect());
        let planned = !points.is_empty();
        RouteLink {
            winter: planner.winter().get() && planned,
            loop_km: planner.loop_km().get().filter(|_| planned),
            points,
        }
    });
    let summary = Signal::derive(move || match planner.result().get() {
        Some(Ok(route)) => Some(RouteSummary {
            distance_m: route.distance_m,
            walking_min: route.minutes_at(planner.walk_kmh().get_untracked()),
            cycling_min: route.minutes_at(planner.bike_kmh().get_untracked()),
            waypoints: planner.waypoints().with_untracked(|w| w.iter().map(|w| w.pos).collect()),
        }),
        _ => None,
    });
    Ok(PlannerFace {
        panel: ViewFn::from(move || view! { <panel::Planner planner=planner/> }),
        route: ViewFn::from(move || view! { <layer::RouteLine planner=planner/> }),
        markers: ViewFn::from(move || view! { <layer::WaypointMarkers planner=planner/> }),
        click,
        plan: Callback::new(move |r: RouteLink| planner.plan(r.points, r.winter, r.loop_km)),
        link,
        summary,
    })
});
