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
//! Neighbours are found on a grid whose cells are one radius wide, so a seed looks at the 3 × 3
//! cells around it: O(n · k) for k points per neighbourhood.

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
    /// A cluster of the given members (ascending, non-empty) at their positions.
    fn of(members: Vec<usize>, points: &[MapPoint]) -> Cluster {
        let n = members.len() as f64;
        let first = points[members[0]];
        // offsets from the first member keep precision at Mercator magnitudes (1e7 m), and the
        // clamp keeps the centre inside the bounds whatever the rounding
        let (dx, dy) = members
            .iter()
            .fold((0.0, 0.0), |(dx, dy), &i| (dx + (points[i].x - first.x), dy + (points[i].y - first.y)));
        let bounds =
            members.iter().skip(1).fold(MapBounds { min: first, max: first }, |b, &i| b.extend(points[i]));
        let center = MapPoint::new(
            // max/min rather than clamp: a non-finite point's bounds are NaN, and clamp panics
            (first.x + dx / n).max(bounds.min.x).min(bounds.max.x),
            (first.y + dy / n).max(bounds.min.y).min(bounds.max.y),
        );
        Cluster { center, members, bounds }
    }

    /// A single company's cluster.
    pub(crate) fn single(i: usize, p: MapPoint) -> Cluster {
        Cluster { center: p, members: vec![i], bounds: MapBounds { min: p, max: p } }
    }

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

/// Points sorted by grid cell, for the 3 × 3 neighbourhood look-up.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    /// Cell width in metres (the merge radius).
    cell_m: f64,
    /// Cell key of every point, by point index; `None` for a non-finite point.
    cell: Vec<Option<u64>>,
    /// Cell keys, ascending, and the point in each slot.
    keys: Vec<u64>,
    ids: Vec<u32>,
}

/// Column or row numbers run from 1 so that the neighbours `- 1` and `+ 1` stay in range.
const MAX_CELL: f64 = (u32::MAX - 1) as f64;

impl Grid {
    /// Grid of `points` with cells `cell_m` metres wide (positive, finite).
    pub(crate) fn new(points: &[MapPoint], cell_m: f64) -> Grid {
        let finite = |p: &&MapPoint| p.x.is_finite() && p.y.is_finite();
        let origin =
            MapBounds::around(points.iter().filter(finite).copied()).map_or(MapPoint::default(), |b| b.min);
        let coord = |v: f64, o: f64| ((v - o) / cell_m).floor().clamp(0.0, MAX_CELL - 2.0) as u64 + 1;
        let cell: Vec<Option<u64>> = points
            .iter()
            .map(|p| finite(&p).then(|| coord(p.y, origin.y) << 32 | coord(p.x, origin.x)))
            .collect();
        let mut sorted: Vec<(u64, u32)> =
            cell.iter().enumerate().filter_map(|(i, k)| k.map(|k| (k, i as u32))).collect();
        sorted.sort_unstable();
        let (keys, ids) = sorted.into_iter().unzip();
        Grid { cell_m, cell, keys, ids }
    }

    /// Greedy clustering of the points where `mask` is true (see the module docs).
    pub(crate) fn cluster(&self, points: &[MapPoint], mask: &[bool]) -> Vec<Cluster> {
        let r2 = self.cell_m * self.cell_m;
        let mut taken: Vec<bool> =
            (0..points.len()).map(|i| !mask.get(i).copied().unwrap_or(false)).collect();
        let mut out = Vec::new();
        let mut members = Vec::new();
        for seed in 0..points.len() {
            if taken[seed] {
                continue;
            }
            taken[seed] = true;
            members.push(seed);
            if let Some(key) = self.cell[seed] {
                let p = points[seed];
                for row in [key - (1 << 32), key, key + (1 << 32)] {
                    let start = self.keys.partition_point(|&k| k < row - 1);
                    for (&k, &j) in self.keys[start..].iter().zip(&self.ids[start..]) {
                        if k > row + 1 {
                            break;
                        }
                        let j = j as usize;
                        let q = points[j];
                        if !taken[j] && (q.x - p.x).powi(2) + (q.y - p.y).powi(2) <= r2 {
                            taken[j] = true;
                            members.push(j);
                        }
                    }
                }
            }
            members.sort_unstable();
            out.push(Cluster::of(std::mem::take(&mut members), points));
        }
        out
    }
}

/// Every masked point as its own cluster, in index order.
pub(crate) fn singles(points: &[MapPoint], mask: &[bool]) -> Vec<Cluster> {
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| mask.get(i).copied().unwrap_or(false))
        .map(|(i, &p)| Cluster::single(i, p))
        .collect()
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
        let c = Grid::new(&p, 10.0).cluster(&p, &[true; 5]);
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
        let c = Grid::new(&p, 10.0).cluster(&p, &[false, true, true]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, [1, 2]);
    }

    #[test]
    fn non_finite_points_are_alone_and_far_points_do_not_overflow_the_grid() {
        let p = pts(&[(f64::NAN, 0.0), (0.0, 0.0), (1e300, -1e300), (1.0, 0.0)]);
        let c = Grid::new(&p, 10.0).cluster(&p, &[true; 4]);
        let members: Vec<&[usize]> = c.iter().map(|c| c.members.as_slice()).collect();
        assert_eq!(members, [&[0][..], &[1, 3], &[2]]);
    }
}
