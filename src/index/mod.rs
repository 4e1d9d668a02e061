//! Company marker positions and marker clustering per zoom level. Pure: no DOM.
//!
//! - [`SpatialIndex::query`]: the companies inside a map box (a scan, for tools and tests).
//! - [`SpatialIndex::cluster_level`]: the whole park's clusters at one integer zoom; stateless, for
//!   tests and one-off use.
//! - [`ClusterCache`]: what the map uses. It memoises the neighbour grid per zoom (kept across
//!   filter changes) and the clusters per zoom (until the filter changes), and returns only the
//!   clusters near the viewport for the DOM.
//!
//! ```
//! use parkmap::geo::{MapPoint, Viewport};
//! use parkmap::index::{ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
//! let points = vec![MapPoint::new(0.0, 0.0), MapPoint::new(10.0, 0.0), MapPoint::new(5_000.0, 0.0)];
//! let index = SpatialIndex::from_points(points);
//! // at zoom 12 (38 m per pixel) the first two merge; at 19 everything is alone
//! let level = index.cluster_level(|_| true, 12, DEFAULT_RADIUS_PX);
//! assert_eq!(level.to_clusters().iter().map(|c| c.len()).collect::<Vec<_>>(), [2, 1]);
//! assert!(index.cluster_level(|_| true, 19, DEFAULT_RADIUS_PX).to_clusters().iter().all(|c| c.is_single()));
//! let mut cache = ClusterCache::new(index, DEFAULT_RADIUS_PX);
//! let view = Viewport::new(MapPoint::new(0.0, 0.0), 16.0, 800.0, 600.0);
//! assert_eq!(cache.visible(&view).len(), 1, "the far company is off screen");
//! ```

mod cache;
mod cluster;
pub mod separate;

pub use cache::ClusterCache;
pub use cluster::{Cluster, Level};
pub use separate::separate;

use crate::geo::viewport::resolution_at;
use crate::geo::{MapBounds, MapPoint, Viewport};
use crate::model::Company;
use cluster::{singles, Grid};

/// From this zoom on, every company is its own cluster (the viewport's default maximum zoom).
pub const SINGLES_ZOOM: u8 = 19;
/// Marker merge radius the map uses, in CSS pixels (Leaflet.markercluster uses 80): wide enough
/// that bubbles leave room for the zone names.
pub const DEFAULT_RADIUS_PX: f64 = 80.0;
/// Largest radius accepted, in CSS pixels; larger ones are clamped.
pub const MAX_RADIUS_PX: f64 = 4096.0;

/// The integer zoom level whose clustering a view shows: its zoom rounded down, so markers never
/// overlap more than the radius allows while zooming in between levels.
pub fn cluster_zoom(view: &Viewport) -> u8 {
    let z = view.zoom.floor();
    if z.is_finite() {
        z.clamp(0.0, f64::from(SINGLES_ZOOM)) as u8
    } else {
        SINGLES_ZOOM
    }
}

/// The drawn radius of a cluster marker of `n` companies, in CSS pixels: it grows slowly with `n`.
///
/// ```
/// assert_eq!(parkmap::index::cluster_radius_px(1), 11.0);
/// assert_eq!(parkmap::index::cluster_radius_px(16), 19.0);
/// ```
pub fn cluster_radius_px(n: usize) -> f64 {
    11.0 + (n.max(1) as f64).log2() * 2.0
}

/// The radius to cluster with: `radius_px` clamped to `1..=MAX_RADIUS_PX`, `0` (or less) meaning
/// no merging, and a non-finite value meaning [`DEFAULT_RADIUS_PX`].
fn clean_radius(radius_px: f64) -> f64 {
    if !radius_px.is_finite() {
        DEFAULT_RADIUS_PX
    } else if radius_px <= 0.0 {
        0.0
    } else {
        radius_px.clamp(1.0, MAX_RADIUS_PX)
    }
}

/// Clusters of the masked points at `zoom`, building the grid with `grid` when one is needed.
fn cluster_with<'g>(
    points: &[MapPoint],
    mask: &[bool],
    zoom: u8,
    radius_px: f64,
    grid: impl FnOnce(f64) -> &'g Grid,
) -> Level {
    let radius_px = clean_radius(radius_px);
    if zoom >= SINGLES_ZOOM || radius_px == 0.0 {
        return singles(points, mask);
    }
    grid(radius_px * resolution_at(f64::from(zoom))).cluster(points, mask)
}

/// The clusters of `level` near `view`: bounds within `margin_px` pixels of the visible box.
fn near_view(level: &Level, view: &Viewport, margin_px: f64) -> Vec<Cluster> {
    let m = if margin_px.is_finite() { margin_px.max(0.0) * view.resolution() } else { 0.0 };
    let v = view.visible_bounds();
    level.touching(&MapBounds {
        min: MapPoint::new(v.min.x - m, v.min.y - m),
        max: MapPoint::new(v.max.x + m, v.max.y + m),
    })
}

/// The companies' marker positions, by company index: what clustering works on (through its own
/// grid per zoom). No tree: the map never asks for the companies in a box, only for clusters.
#[derive(Clone, Debug)]
pub struct SpatialIndex {
    points: Vec<MapPoint>,
}

impl SpatialIndex {
    /// Indexes the companies' map positions; index `i` is `companies[i]`.
    pub fn new(companies: &[Company]) -> Self {
        Self::from_points(companies.iter().map(|c| c.map).collect())
    }

    /// Indexes bare positions (Web Mercator metres). Non-finite ones are kept (so indices stay
    /// aligned) but never found by [`Self::query`], and each is its own cluster.
    pub fn from_points(points: Vec<MapPoint>) -> Self {
        SpatialIndex { points }
    }

    /// Number of indexed companies.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True when there are no companies.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The indexed positions, by company index.
    pub fn points(&self) -> &[MapPoint] {
        &self.points
    }

    /// Companies inside `bounds` (edges included), ascending. A box with `min` beyond `max` on
    /// either axis, or with a non-finite corner, holds nothing.
    ///
    /// # Complexity
    /// O(n): a scan (tools and tests; the map asks for clusters, not boxes).
    pub fn query(&self, bounds: &MapBounds) -> Vec<usize> {
        let (a, b) = (bounds.min, bounds.max);
        let sane = [a.x, a.y, b.x, b.y].iter().all(|v| v.is_finite()) && a.x <= b.x && a.y <= b.y;
        if !sane {
            return Vec::new();
        }
        let inside = |p: &MapPoint| p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y;
        (0..self.points.len()).filter(|&i| inside(&self.points[i])).collect()
    }

    /// The whole park's clusters of the companies where `matching(i)` holds, at integer `zoom`
    /// with a merge radius of `radius_px` pixels (see [`Cluster`] for the rule). Ordered by seed.
    ///
    /// # Complexity
    /// O(n log n) for the grid plus O(n · k) for the clustering (k companies per neighbourhood);
    /// [`ClusterCache`] keeps the grid between calls.
    pub fn cluster_level(&self, matching: impl Fn(usize) -> bool, zoom: u8, radius_px: f64) -> Level {
        let mask: Vec<bool> = (0..self.len()).map(matching).collect();
        let mut built = None;
        cluster_with(&self.points, &mask, zoom, radius_px, |cell_m| {
            built.insert(Grid::new(&self.points, cell_m))
        })
    }

    /// The clusters to draw for `view`: the whole park's clustering at [`cluster_zoom`], kept
    /// where a cluster's bounds come within `radius_px` pixels of the visible box.
    pub fn clusters(
        &self,
        matching: impl Fn(usize) -> bool,
        view: &Viewport,
        radius_px: f64,
    ) -> Vec<Cluster> {
        let all = self.cluster_level(matching, cluster_zoom(view), radius_px);
        near_view(&all, view, clean_radius(radius_px))
    }
}
