//! Greedy distance clustering of company markers at one integer zoom, on a uniform grid.
//!
//! At zoom `z` the merge radius is `radius_px` screen pixels, i.e. `radius_px × resolution(z)`
//! Web Mercator metres. Companies are visited in index order; each one not yet taken seeds a
//! cluster and takes every untaken company within the radius of it (the same rule as Mapbox's
//! supercluster, without the hierarchy). So:
//! - the result depends only on the points, the mask, the zoom and the radius (not on the view);
//! - every member lies within the radius of its cluster's seed, the smallest index in the cluster;
//! - two seeds are always more than the radius apart, so markers do not pile up;
//! - where no two companies are within the radius, every company is alone.
//!
//! Neighbours are found on a grid whose cells are (at least) one radius wide, so a seed looks at
//! the 3 × 3 cells around it: O(n + cells) to build, O(n · k) to cluster for k points per
//! neighbourhood.

use crate::geo::{MapBounds, MapPoint};

/// A group of company markers drawn as one at some zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Where the marker goes: the mean of the members' positions (Web Mercator metres).
    pub center: MapPoint,
    /// Company indices (into `park.companies`), ascending. The first one seeded the cluster.
    pub members: Vec<usize>,
    /// Smallest box holding every member (Web Mercator metres).
    pub bounds: MapBounds,
}

impl Cluster {
    /// Number of companies in the cluster.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Never true: a cluster has at least one member (here for clippy's `len` convention).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// True when the cluster is one company (drawn as that company's marker).
    pub fn is_single(&self) -> bool {
        self.members.len() == 1
    }

    /// A stable key for keyed lists: the seed's company index.
    pub fn key(&self) -> usize {
        self.members[0]
    }

    /// What a click on the cluster should fit the view to: the bounds of its members.
    pub fn zoom_to(&self) -> MapBounds {
        self.bounds
    }
}

/// Points bucketed by grid cell (a counting sort), for the 3 × 3 neighbourhood look-up.
///
/// Cells are at least one radius wide, so every point within the radius of a seed lies in the
/// seed's cell or one of its 8 neighbours. Cells may be wider than the radius: the grid is capped
/// at `4n + 4096` cells (memory and build time stay linear), and a sparse park coarsens its cells
/// to fit; that costs only a few more distance checks.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    /// The merge radius in metres.
    radius_m: f64,
    /// Cells per row, including one empty padding column on each side (rows are padded too), so
    /// a neighbour cell is always in range.
    cols: usize,
    /// Cell of every point, by point index; `None` for a non-finite point.
    cell: Vec<Option<u32>>,
    /// `ids[starts[c]..starts[c + 1]]` are the points in cell `c`.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Grid {
    /// Grid of `points` for a merge radius of `radius_m` metres (positive, finite).
    pub(crate) fn new(points: &[MapPoint], radius_m: f64) -> Grid {
        let finite = |p: &MapPoint| p.x.is_finite() && p.y.is_finite();
        let b = MapBounds::around(points.iter().filter(|p| finite(p)).copied())
            .unwrap_or(MapBounds { min: MapPoint::default(), max: MapPoint::default() });
        let cap = (4 * points.len() + 4096) as f64;
        // cells across an extent, padding included; an infinite extent (points near ±f64::MAX)
        // gets a single cell, which is still correct, only slow
        let across = |extent: f64, cell: f64| {
            let k = (extent / cell).floor();
            if k.is_finite() {
                k + 3.0
            } else {
                3.0
            }
        };
        let mut cell_m = radius_m;
        let (mut cols, mut rows) = (across(b.width(), cell_m), across(b.height(), cell_m));
        while cols * rows > cap {
            cell_m *= ((cols * rows) / cap).sqrt().max(1.01);
            (cols, rows) = (across(b.width(), cell_m), across(b.height(), cell_m));
        }
        let (cols, rows) = (cols as usize, rows as usize);
        let index =
            |v: f64, o: f64, n: usize| ((v - o) / cell_m).floor().clamp(0.0, (n - 3) as f64) as usize + 1;
        let cell: Vec<Option<u32>> = points
            .iter()
            .map(|p| finite(p).then(|| (index(p.y, b.min.y, rows) * cols + index(p.x, b.min.x, cols)) as u32))
            .collect();
        let mut starts = vec![0u32; cols * rows + 1];
        for c in cell.iter().flatten() {
            starts[*c as usize + 1] += 1;
        }
        for c in 1..starts.len() {
            starts[c] += starts[c - 1];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; starts[cols * rows] as usize];
        for (i, c) in cell.iter().enumerate() {
            if let Some(c) = *c {
                ids[next[c as usize] as usize] = i as u32;
                next[c as usize] += 1;
            }
        }
        Grid { radius_m, cols, cell, starts, ids }
    }

    /// Greedy clustering of the points where `mask` is true (see the module docs).
    pub(crate) fn cluster(&self, points: &[MapPoint], mask: &[bool]) -> Level {
        let r2 = self.radius_m * self.radius_m;
        let mut taken: Vec<bool> =
            (0..points.len()).map(|i| !mask.get(i).copied().unwrap_or(false)).collect();
        let mut level = Level::with_capacity(taken.iter().filter(|&&t| !t).count());
        for seed in 0..points.len() {
            if taken[seed] {
                continue;
            }
            taken[seed] = true;
            let start = level.members.len();
            level.members.push(seed as u32);
            if let Some(c) = self.cell[seed] {
                let p = points[seed];
                for row_mid in [c as usize - self.cols, c as usize, c as usize + self.cols] {
                    // the three cells of a row are contiguous in `ids`
                    let (lo, hi) = (self.starts[row_mid - 1] as usize, self.starts[row_mid + 2] as usize);
                    for &j in &self.ids[lo..hi] {
                        let j = j as usize;
                        let q = points[j];
                        if !taken[j] && (q.x - p.x).powi(2) + (q.y - p.y).powi(2) <= r2 {
                            taken[j] = true;
                            level.members.push(j as u32);
                        }
                    }
                }
            }
            level.close(start, points);
        }
        level
    }
}

/// Every masked point as its own cluster, in index order.
pub(crate) fn singles(points: &[MapPoint], mask: &[bool]) -> Level {
    let mut level = Level::with_capacity(mask.iter().filter(|&&m| m).count());
    for i in (0..points.len()).filter(|&i| mask.get(i).copied().unwrap_or(false)) {
        let start = level.members.len();
        level.members.push(i as u32);
        level.close(start, points);
    }
    level
}

/// One cluster of a [`Level`]: its marker and its slice of the level's members.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Head {
    center: MapPoint,
    bounds: MapBounds,
    start: u32,
    len: u32,
}

/// The whole park's clusters at one zoom, ordered by seed. Stored flat, with one array of members
/// for all clusters, so a level of 50 000 companies is two allocations, not 50 000; a
/// [`Cluster`] is made only for what is asked for (the few hundred near the view).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Level {
    heads: Vec<Head>,
    members: Vec<u32>,
}

impl Level {
    fn with_capacity(members: usize) -> Level {
        Level { heads: Vec::new(), members: Vec::with_capacity(members) }
    }

    /// Ends the cluster whose members were pushed from `start` on: sorts them and records the
    /// centre (mean position) and bounds.
    fn close(&mut self, start: usize, points: &[MapPoint]) {
        let members = &mut self.members[start..];
        members.sort_unstable();
        let n = members.len() as f64;
        let first = points[members[0] as usize];
        let (mut dx, mut dy, mut bounds) = (0.0, 0.0, MapBounds { min: first, max: first });
        for &i in members.iter() {
            let p = points[i as usize];
            // offsets from the first member keep precision at Mercator magnitudes (1e7 m)
            dx += p.x - first.x;
            dy += p.y - first.y;
            // comparisons rather than f64::min/max, which opt-level "z" leaves as libm calls
            if p.x < bounds.min.x {
                bounds.min.x = p.x;
            }
            if p.x > bounds.max.x {
                bounds.max.x = p.x;
            }
            if p.y < bounds.min.y {
                bounds.min.y = p.y;
            }
            if p.y > bounds.max.y {
                bounds.max.y = p.y;
            }
        }
        // max/min keep the centre inside the bounds whatever the rounding (clamp would panic on
        // the NaN bounds of a non-finite point)
        let center = MapPoint::new(
            (first.x + dx / n).max(bounds.min.x).min(bounds.max.x),
            (first.y + dy / n).max(bounds.min.y).min(bounds.max.y),
        );
        self.heads.push(Head { center, bounds, start: start as u32, len: members.len() as u32 });
    }

    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True when no company matched.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Number of companies over all clusters.
    pub fn companies(&self) -> usize {
        self.members.len()
    }

    fn make(&self, h: &Head) -> Cluster {
        let members = &self.members[h.start as usize..(h.start + h.len) as usize];
        Cluster { center: h.center, members: members.iter().map(|&m| m as usize).collect(), bounds: h.bounds }
    }

    /// The `i`-th cluster (by seed order).
    pub fn get(&self, i: usize) -> Option<Cluster> {
        self.heads.get(i).map(|h| self.make(h))
    }

    /// Every cluster, by seed order.
    pub fn to_clusters(&self) -> Vec<Cluster> {
        self.heads.iter().map(|h| self.make(h)).collect()
    }

    /// The clusters whose bounds touch `area`.
    pub fn touching(&self, area: &MapBounds) -> Vec<Cluster> {
        self.heads.iter().filter(|h| intersects(&h.bounds, area)).map(|h| self.make(h)).collect()
    }
}

/// True when two boxes overlap or touch.
pub(crate) fn intersects(a: &MapBounds, b: &MapBounds) -> bool {
    a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(xy: &[(f64, f64)]) -> Vec<MapPoint> {
        xy.iter().map(|&(x, y)| MapPoint::new(x, y)).collect()
    }

    #[test]
    fn points_within_the_radius_of_the_seed_merge_and_others_stay_apart() {
        let p = pts(&[(0.0, 0.0), (5.0, 0.0), (9.0, 9.0), (30.0, 0.0), (38.0, 0.0)]);
        let c = Grid::new(&p, 10.0).cluster(&p, &[true; 5]).to_clusters();
        let members: Vec<&[usize]> = c.iter().map(|c| c.members.as_slice()).collect();
        // (9, 9) is 12.7 m from the seed (0, 0): not taken, it seeds its own cluster
        assert_eq!(members, [&[0, 1][..], &[2], &[3, 4]]);
        assert_eq!(c[0].center, MapPoint::new(2.5, 0.0));
        assert_eq!(
            c[2].zoom_to(),
            MapBounds { min: MapPoint::new(30.0, 0.0), max: MapPoint::new(38.0, 0.0) }
        );
    }

    #[test]
    fn masked_out_points_are_in_no_cluster_and_do_not_seed() {
        let p = pts(&[(0.0, 0.0), (5.0, 0.0), (12.0, 0.0)]);
        let c = Grid::new(&p, 10.0).cluster(&p, &[false, true, true]).to_clusters();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, [1, 2]);
    }

    #[test]
    fn non_finite_points_are_alone_and_far_points_do_not_overflow_the_grid() {
        for far in [1e300, f64::MAX] {
            let p = pts(&[(f64::NAN, 0.0), (0.0, 0.0), (far, -far), (1.0, 0.0)]);
            let c = Grid::new(&p, 10.0).cluster(&p, &[true; 4]).to_clusters();
            let members: Vec<&[usize]> = c.iter().map(|c| c.members.as_slice()).collect();
            assert_eq!(members, [&[0][..], &[1, 3], &[2]], "{far}");
        }
    }
}
