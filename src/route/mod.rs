//! Route planning on the trail network: a graph of greenway and waterfront segments joined at their
//! shared coordinates, snapping of any position onto it, shortest paths between waypoints, round trips
//! of a chosen length, and GPX / GeoJSON export. Pure: no DOM, no clock, no files; tested natively.
//!
//! Coordinate spaces: positions come in and go out as [`LonLat`](crate::geo::LonLat); lengths are
//! geodesic metres on WGS84 (through [`crate::geo::measure`]). Nearest-point questions (snapping, POIs
//! near a route) are answered in a private local metric plane, Web Mercator scaled by the cosine of the
//! network's mean latitude, where one unit is one metre near the park.
//!
//! ```
//! use parkmap::geo::LonLat;
//! use parkmap::model::{Park, Text, Trail, TrailKind};
//! use parkmap::route::{plan, RouteOptions, TrailGraph};
//!
//! let line = vec![LonLat::lon_lat(126.50, 45.83), LonLat::lon_lat(126.51, 45.83)];
//! let name = Text { zh: "绿道".into(), en: "Greenway".into(), ru: None };
//! let trail = Trail::from_line("g01", TrailKind::Greenway, name, line);
//! let park = Park { greenway: vec![trail], ..Park::default() };
//! let graph = TrailGraph::from_park(&park);
//! let route = plan(
//!     &graph,
//!     &[LonLat::lon_lat(126.502, 45.8301), LonLat::lon_lat(126.508, 45.8299)],
//!     &RouteOptions::default(),
//! )
//! .unwrap();
//! assert!((route.distance_m - 466.0).abs() < 2.0, "{}", route.distance_m);
//! ```

mod error;
mod export;
mod graph;
mod itinerary;
mod loops;
#[cfg(test)]
mod loops_tests;
pub mod noding;
mod plan;
mod snap;
pub mod text;
mod types;
mod view;

pub use error::{Blocked, Closure, RouteError};
pub use export::{to_geojson, to_gpx};
pub use graph::{Junction, TrailEdge, TrailGraph};
pub use itinerary::{itinerary, ITINERARY_MIN_M};
pub use loops::{plan_loop, LOOP_TOLERANCE, MAX_LOOP_KM, MIN_LOOP_KM};
pub use plan::plan;
pub use snap::{Snap, SNAP_LIMIT_M};
pub use types::{Leg, Piece, PoiPass, Route, SegmentRun, CYCLING_KMH, POI_NEAR_M, WALKING_KMH};

/// Re-exported so callers can name the edges a [`Snap`] or a [`Piece`] refers to.
pub use petgraph::graph::{EdgeIndex, NodeIndex};

/// What the planner may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RouteOptions {
    /// Winter rules: segments marked `winter: closed` are avoided as well as those closed now.
    pub winter: bool,
}

/// Tiny hand-built parks for the unit tests.
#[cfg(test)]
pub(crate) mod test_park {
    use crate::geo::LonLat;
    use crate::model::{Park, Text, Trail, TrailKind};

    /// An open greenway segment through `coords` (lon, lat).
    pub fn trail(id: &str, coords: &[(f64, f64)]) -> Trail {
        let line: Vec<LonLat> = coords.iter().map(|&(lon, lat)| LonLat::lon_lat(lon, lat)).collect();
        Trail::from_line(id, TrailKind::Greenway, Text { zh: id.into(), en: id.into(), ru: None }, line)
    }

    /// A park holding only these trails.
    pub fn park_of(trails: Vec<Trail>) -> Park {
        Park { greenway: trails, ..Park::default() }
    }
}
