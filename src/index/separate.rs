//! Cluster bubbles that never pile up on screen. Clustering ([`super::Cluster`]) keeps seeds a radius
//! apart at an integer zoom, but a bubble sits at its members' mean, grows with its count and is
//! drawn at fractional zooms: two bubbles can still cover each other. [`separate`] merges, in screen
//! space, every pair whose boxes overlap by more than [`MAX_OVERLAP`] of the smaller, until none do.
//!
//! Only differences of screen positions count, so a pan changes nothing; the result depends on the
//! input order (the clusters' seed order), not on the view's position.
//!
//! ```
//! use parkmap::geo::{MapBounds, MapPoint, Viewport};
//! use parkmap::index::{separate, Cluster};
//! let at = |x: f64, members: Vec<usize>| Cluster {
//!     center: MapPoint::new(x, 0.0),
//!     bounds: MapBounds { min: MapPoint::new(x, 0.0), max: MapPoint::new(x, 0.0) },
//!     members,
//! };
//! let view = Viewport::new(MapPoint::new(0.0, 0.0), 18.0, 800.0, 600.0); // ≈ 0.6 m per pixel
//! let merged = separate(vec![at(0.0, vec![0, 1, 2, 3]), at(3.0, vec![4, 5]), at(60.0, vec![6, 7])], &view);
//! assert_eq!(merged.iter().map(|c| c.len()).collect::<Vec<_>>(), [6, 2]);
//! ```

use super::Cluster;
use crate::geo::{MapPoint, ScreenRect, Viewport};

/// Largest share of the smaller of two bubbles' boxes that one may cover of the other.
pub const MAX_OVERLAP: f64 = 0.2;
/// Side of a single company's marker box, CSS pixels (its dot is 12 px, with a white ring).
pub const SINGLE_PX: f64 = 14.0;

/// The screen box a cluster is drawn in under `view`.
pub fn bubble_box(c: &Cluster, view: &Viewport) -> ScreenRect {
    let side = if c.len() <= 1 { SINGLE_PX } else { 2.0 * super::cluster_radius_px(c.len()) };
    ScreenRect::centered(view.map_to_screen(c.center), side, side)
}

/// Merges clusters whose bubbles would overlap on screen (see the module docs), except from
/// [`super::SINGLES_ZOOM`] on, where every company stands alone. A merged cluster
/// keeps the earlier one's seed first, takes the union of members (ascending after the seed) and
/// bounds, and its centre is the members' mean.
///
/// # Complexity
/// O(n log n) per pass (a sweep in x), one pass per merge plus one: a handful on a screen.
pub fn separate(mut clusters: Vec<Cluster>, view: &Viewport) -> Vec<Cluster> {
    if super::cluster_zoom(view) >= super::SINGLES_ZOOM {
        // every company stands alone at the last level: a merge could never be zoomed apart
        return clusters;
    }
    while let Some((a, b)) = first_overlap(&clusters, view) {
        let other = clusters.remove(b);
        let into = &mut clusters[a];
        let (na, nb) = (into.len() as f64, other.len() as f64);
        into.center = MapPoint::new(
            (into.center.x * na + other.center.x * nb) / (na + nb),
            (into.center.y * na + other.center.y * nb) / (na + nb),
        );
        into.bounds = into.bounds.extend(other.bounds.min).extend(other.bounds.max);
        let seed = into.members[0];
        into.members.extend(other.members);
        let mut rest = into.members.split_off(1);
        crate::sort::sort(&mut rest);
        into.members.append(&mut rest);
        into.members.dedup();
        debug_assert_eq!(into.members[0], seed);
    }
    clusters
}

/// The first pair (in input order of the first, then the second) whose boxes overlap too much.
fn first_overlap(clusters: &[Cluster], view: &Viewport) -> Option<(usize, usize)> {
    let boxes: Vec<ScreenRect> = clusters.iter().map(|c| bubble_box(c, view)).collect();
    let widest = boxes.iter().map(|b| b.width()).filter(|w| w.is_finite()).fold(0.0, f64::max);
    let mut by_x: Vec<usize> = (0..boxes.len()).filter(|&i| boxes[i].is_finite()).collect();
    crate::sort::sort_by(&mut by_x, |&a, &b| boxes[a].min.x.total_cmp(&boxes[b].min.x).then(a.cmp(&b)));
    let mut best: Option<(usize, usize)> = None;
    for (k, &i) in by_x.iter().enumerate() {
        for &j in &by_x[k + 1..] {
            if boxes[j].min.x > boxes[i].max.x + widest {
                break;
            }
            let smaller = boxes[i].area().min(boxes[j].area());
            if boxes[i].intersection_area(&boxes[j]) > MAX_OVERLAP * smaller {
                let pair = (i.min(j), i.max(j));
                if best.is_none_or(|b| pair < b) {
                    best = Some(pair);
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::MapBounds;

    fn cluster(x: f64, y: f64, members: std::ops::Range<usize>) -> Cluster {
        let p = MapPoint::new(x, y);
        Cluster { center: p, bounds: MapBounds { min: p, max: p }, members: members.collect() }
    }

    fn view() -> Viewport {
        Viewport::new(MapPoint::new(0.0, 0.0), 16.0, 800.0, 600.0) // ≈ 2.39 m per pixel
    }

    #[test]
    fn no_two_boxes_overlap_too_much_afterwards_and_no_company_is_lost() {
        let v = view();
        // a ring of crowded clusters, each within a bubble of the next
        let input: Vec<Cluster> = (0..12)
            .map(|k| cluster(k as f64 * 30.0, (k % 3) as f64 * 20.0, k * 100..k * 100 + 2 + k))
            .collect();
        let total: usize = input.iter().map(Cluster::len).sum();
        let out = separate(input, &v);
        assert_eq!(out.iter().map(Cluster::len).sum::<usize>(), total);
        for (i, a) in out.iter().enumerate() {
            for b in &out[i + 1..] {
                let (ba, bb) = (bubble_box(a, &v), bubble_box(b, &v));
                assert!(ba.intersection_area(&bb) <= MAX_OVERLAP * ba.area().min(bb.area()) + 1e-9);
            }
        }
    }

    #[test]
    fn a_pan_changes_nothing_and_far_clusters_stay_as_they_are() {
        let input = vec![cluster(0.0, 0.0, 0..5), cluster(20.0, 0.0, 5..7), cluster(900.0, 0.0, 7..9)];
        let a = separate(input.clone(), &view());
        let b = separate(input.clone(), &view().pan_by(137.0, -41.0));
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1], input[2]);
        assert_eq!(a[0].members, (0..7).collect::<Vec<_>>());
        assert!((a[0].center.x - 20.0 * 2.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn at_the_singles_zoom_nothing_merges() {
        let v = Viewport::new(MapPoint::new(0.0, 0.0), 19.0, 800.0, 600.0);
        let input = vec![cluster(0.0, 0.0, 0..1), cluster(0.5, 0.0, 1..2)];
        assert_eq!(separate(input.clone(), &v), input);
    }

    #[test]
    fn the_seed_stays_first() {
        let out = separate(vec![cluster(0.0, 0.0, 40..42), cluster(1.0, 0.0, 3..5)], &view());
        assert_eq!(out[0].members, [40, 3, 4, 41]);
        assert_eq!(out[0].key(), 40);
    }
}
