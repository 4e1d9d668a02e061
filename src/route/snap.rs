//! Snapping any position onto the network, through an R-tree of edge segments in a local metric plane.

use petgraph::graph::EdgeIndex;
use rstar::primitives::{GeomWithData, Line};

use super::graph::TrailGraph;
use super::RouteOptions;
use crate::geo::{measure, LonLat};

/// How far a waypoint may lie from the nearest usable trail and still be snapped onto it, in metres.
pub const SNAP_LIMIT_M: f64 = 500.0;

/// A position in the local metric plane: Web Mercator metres scaled by `cos(lat0)` of the network's
/// mean latitude, so one unit is one ground metre near the park (to 0.1 % across a few km).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub(crate) struct LocalPoint {
    /// Metres east (scaled Web Mercator).
    pub x: f64,
    /// Metres north (scaled Web Mercator).
    pub y: f64,
}

impl LocalPoint {
    /// Planar distance in (local) metres.
    pub fn distance(self, o: LocalPoint) -> f64 {
        (self.x - o.x).hypot(self.y - o.y)
    }
}

/// The projection into [`LocalPoint`]s.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LocalPlane {
    scale: f64,
}

impl LocalPlane {
    /// The plane that is metric at latitude `lat0` (degrees).
    pub fn new(lat0: f64) -> Self {
        Self { scale: lat0.to_radians().cos().max(1e-6) }
    }

    /// WGS84 to the plane.
    pub fn project(&self, p: LonLat) -> LocalPoint {
        let m = p.to_map();
        LocalPoint { x: m.x * self.scale, y: m.y * self.scale }
    }

    /// The plane back to WGS84.
    pub fn unproject(&self, p: LocalPoint) -> LonLat {
        crate::geo::MapPoint::new(p.x / self.scale, p.y / self.scale).to_lon_lat()
    }

    /// Metres per degree of longitude at the plane's latitude, for tests and sanity checks.
    #[cfg(test)]
    pub fn metres_per_degree_lon(&self) -> f64 {
        crate::geo::EARTH_RADIUS_M * self.scale * std::f64::consts::PI / 180.0
    }
}

/// One straight segment of an edge in the R-tree: the edge and the index of its first vertex.
pub(crate) type SegmentItem = GeomWithData<Line<[f64; 2]>, (EdgeIndex, usize)>;

pub(crate) fn segment_item(plane: &LocalPlane, e: EdgeIndex, i: usize, a: LonLat, b: LonLat) -> SegmentItem {
    let (a, b) = (plane.project(a), plane.project(b));
    GeomWithData::new(Line::new([a.x, a.y], [b.x, b.y]), (e, i))
}

/// Where a position lands on the network.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snap {
    /// The edge it lands on.
    pub edge: EdgeIndex,
    /// Geodesic metres from the edge's first vertex to the snapped position.
    pub along_m: f64,
    /// The snapped position, on the edge.
    pub pos: LonLat,
    /// Geodesic distance from the asked position to `pos`, in metres.
    pub distance_m: f64,
}

impl TrailGraph {
    /// The nearest point on any edge, closed or not; `None` only for an empty network or an invalid
    /// position.
    pub fn snap(&self, p: LonLat) -> Option<Snap> {
        self.snap_where(p, |_| true)
    }

    /// The nearest point on an edge the planner may use under `opts`.
    pub fn snap_usable(&self, p: LonLat, opts: &RouteOptions) -> Option<Snap> {
        self.snap_where(p, |e| !self.graph[e].is_blocked(opts))
    }

    fn snap_where(&self, p: LonLat, usable: impl Fn(EdgeIndex) -> bool) -> Option<Snap> {
        if !p.is_valid() {
            return None;
        }
        let q = self.plane.project(p);
        let item = self.tree.nearest_neighbor_iter(&[q.x, q.y]).find(|it| usable(it.data.0))?;
        let (edge, i) = item.data;
        let foot = item.geom().nearest_point(&[q.x, q.y]);
        let (a, b) = (item.geom().from, item.geom().to);
        let len2 = (b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2);
        let t = if len2 > 0.0 {
            (((foot[0] - a[0]) * (b[0] - a[0]) + (foot[1] - a[1]) * (b[1] - a[1])) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let w = &self.graph[edge];
        let seg_m = w.cum_m[i + 1] - w.cum_m[i];
        // exactly on a junction when it is one, so the snap and the node share a position
        let along_m = match w.cum_m[i] + seg_m * t {
            m if m <= 1e-9 => 0.0,
            m if m >= w.length_m - 1e-9 => w.length_m,
            m => m,
        };
        let pos = w.point_at(along_m);
        Some(Snap { edge, along_m, pos, distance_m: measure::distance_m(p, pos) })
    }

    /// Snaps `p` for planning: the nearest usable edge within [`SNAP_LIMIT_M`].
    pub(crate) fn snap_for_route(
        &self,
        index: usize,
        p: LonLat,
        opts: &RouteOptions,
    ) -> Result<Snap, super::RouteError> {
        match self.snap_usable(p, opts) {
            Some(s) if s.distance_m <= SNAP_LIMIT_M => Ok(s),
            other => Err(super::RouteError::TooFar {
                index,
                distance_m: other.map_or(f64::INFINITY, |s| s.distance_m),
                limit_m: SNAP_LIMIT_M,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::test_park::{park_of, trail};

    #[test]
    fn local_plane_is_metric_near_its_latitude() {
        let plane = LocalPlane::new(45.83);
        let a = LonLat::lon_lat(126.50, 45.83);
        let b = LonLat::lon_lat(126.51, 45.835);
        let planar = plane.project(a).distance(plane.project(b));
        let geodesic = measure::distance_m(a, b);
        assert!((planar - geodesic).abs() / geodesic < 0.005, "{planar} vs {geodesic}");
        let back = plane.unproject(plane.project(b));
        assert!((back.lon - b.lon).abs() < 1e-9 && (back.lat - b.lat).abs() < 1e-9);
        assert!((plane.metres_per_degree_lon() - 77_600.0).abs() < 300.0);
    }

    #[test]
    fn a_click_beside_a_trail_snaps_perpendicular_onto_it() {
        let g = TrailGraph::from_park(&park_of(vec![trail("t", &[(126.50, 45.83), (126.52, 45.83)])]));
        let s = g.snap(LonLat::lon_lat(126.505, 45.8309)).unwrap();
        assert!((s.pos.lon - 126.505).abs() < 1e-6, "{:?}", s.pos);
        assert!((s.pos.lat - 45.83).abs() < 1e-6);
        assert!((s.distance_m - 100.0).abs() < 1.0, "{}", s.distance_m);
        let quarter = g.edge(s.edge).unwrap().length_m / 4.0;
        assert!((s.along_m - quarter).abs() < 0.5, "{} vs {quarter}", s.along_m);
        // beyond the end: snaps to the end vertex
        let end = g.snap(LonLat::lon_lat(126.53, 45.83)).unwrap();
        assert_eq!(end.pos, LonLat::lon_lat(126.52, 45.83));
        assert!(g.snap(LonLat::lon_lat(f64::NAN, 45.0)).is_none());
    }

    #[test]
    fn routing_snaps_skip_closed_trails_and_refuse_far_points() {
        let mut shut = trail("shut", &[(126.50, 45.83), (126.52, 45.83)]);
        shut.closed = true;
        let open = trail("open", &[(126.50, 45.832), (126.52, 45.832)]);
        let g = TrailGraph::from_park(&park_of(vec![shut, open]));
        let p = LonLat::lon_lat(126.51, 45.8301);
        assert_eq!(g.edge(g.snap(p).unwrap().edge).unwrap().trail_id, "shut");
        let s = g.snap_for_route(0, p, &RouteOptions::default()).unwrap();
        assert_eq!(g.edge(s.edge).unwrap().trail_id, "open");
        let far = g.snap_for_route(3, LonLat::lon_lat(126.51, 45.84), &RouteOptions::default());
        assert!(
            matches!(far, Err(crate::route::RouteError::TooFar { index: 3, distance_m, .. }) if distance_m > 800.0)
        );
    }
}
