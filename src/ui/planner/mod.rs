//! The route planner's views: the panel, the route on the map, the waypoint markers, "my
//! location" and the downloads. Its state is [`crate::ui::state::PlannerState`]; planning itself
//! is the pure [`crate::route`] module.

mod export;
mod layer;
mod locate;
mod panel;

pub use layer::{RouteLine, WaypointMarkers};
pub use panel::PlannerPanel;

use crate::ui::state::Waypoint;

/// Farthest a waypoint may be from a POI to be named after it (a link stores only positions).
const POI_NAME_RADIUS_M: f64 = 5.0;

/// The POI a waypoint is, either as chosen or because it sits on one.
pub fn waypoint_poi<'a>(park: &'a crate::model::Park, wp: &Waypoint) -> Option<&'a crate::model::Poi> {
    match &wp.poi {
        Some(id) => park.poi(id),
        None => park.poi_at(wp.pos, POI_NAME_RADIUS_M),
    }
}
