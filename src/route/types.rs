//! A planned route and what can be read off it: distance, times, trails used, POIs passed.

use std::collections::HashMap;

use petgraph::graph::EdgeIndex;

use super::graph::TrailGraph;
use super::snap::{LocalPlane, LocalPoint, Snap};
use super::view::Step;
use crate::geo::{measure, LonLat, MapPoint};
use crate::model::{Park, PoiKind, Text, TrailKind};

/// Walking speed used by [`Route::walking_minutes`], in km/h.
pub const WALKING_KMH: f64 = 4.5;
/// Cycling speed used by [`Route::cycling_minutes`], in km/h.
pub const CYCLING_KMH: f64 = 15.0;
/// How far from the route a POI may be to count as passed, in metres.
pub const POI_NEAR_M: f64 = 50.0;

/// A stretch of one graph edge walked in one direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    /// The edge.
    pub edge: EdgeIndex,
    /// Where the stretch starts, in metres from the edge's first vertex.
    pub from_m: f64,
    /// Where it ends, in metres from the edge's first vertex (less than `from_m` when walked backwards).
    pub to_m: f64,
}

impl Piece {
    /// Length in metres.
    pub fn metres(&self) -> f64 {
        (self.to_m - self.from_m).abs()
    }

    fn reversed(self) -> Piece {
        Piece { from_m: self.to_m, to_m: self.from_m, ..self }
    }
}

/// The route between two consecutive waypoints.
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    /// Start, snapped onto the network.
    pub from: LonLat,
    /// End, snapped onto the network.
    pub to: LonLat,
    /// Length in metres.
    pub distance_m: f64,
    /// The stretches of edges walked, in order.
    pub pieces: Vec<Piece>,
    /// The line walked, from `from` to `to`.
    pub geometry: Vec<LonLat>,
}

impl Leg {
    pub(crate) fn from_steps(g: &TrailGraph, steps: &[Step], from: LonLat, to: LonLat) -> Leg {
        let mut pieces: Vec<Piece> = Vec::with_capacity(steps.len());
        for s in steps {
            match pieces.last_mut() {
                // two halves of a split edge walked straight through: one piece
                Some(last)
                    if last.edge == s.edge
                        && last.to_m == s.from_m
                        && (last.to_m > last.from_m) == (s.to_m > s.from_m) =>
                {
                    last.to_m = s.to_m
                }
                _ => pieces.push(Piece { edge: s.edge, from_m: s.from_m, to_m: s.to_m }),
            }
        }
        pieces.retain(|p| p.metres() > 0.0);
        let mut geometry = vec![from];
        for p in &pieces {
            append(&mut geometry, g.graph[p.edge].slice(p.from_m, p.to_m));
        }
        append(&mut geometry, vec![to]);
        Leg { from, to, distance_m: pieces.iter().map(Piece::metres).sum(), pieces, geometry }
    }

    fn reversed(&self) -> Leg {
        Leg {
            from: self.to,
            to: self.from,
            distance_m: self.distance_m,
            pieces: self.pieces.iter().rev().map(|p| p.reversed()).collect(),
            geometry: self.geometry.iter().rev().copied().collect(),
        }
    }
}

/// Appends `more` to a line, dropping a first point that repeats the line's last.
fn append(line: &mut Vec<LonLat>, more: Vec<LonLat>) {
    let skip = usize::from(line.last().is_some() && line.last() == more.first());
    line.extend(more.into_iter().skip(skip));
}

/// Consecutive pieces of the same trail, merged: what a turn-by-turn list shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentRun {
    /// Trail id, e.g. `g07`.
    pub trail_id: String,
    /// Trail name.
    pub name: Text,
    /// Greenway or waterfront.
    pub kind: TrailKind,
    /// Metres walked on it.
    pub metres: f64,
}

/// A point of interest near a route.
#[derive(Clone, Debug, PartialEq)]
pub struct PoiPass {
    /// POI id.
    pub poi_id: String,
    /// What it is.
    pub kind: PoiKind,
    /// Name.
    pub name: Text,
    /// Metres from the route's start to the point of the route nearest the POI.
    pub along_m: f64,
    /// Metres from that point to the POI.
    pub off_m: f64,
}

/// A planned route: legs between waypoints, joined.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// One leg per pair of consecutive waypoints.
    pub legs: Vec<Leg>,
    /// Total length in metres.
    pub distance_m: f64,
    /// The whole line walked, start to end.
    pub geometry: Vec<LonLat>,
    /// Trails walked in order, consecutive pieces of one trail merged.
    pub segments: Vec<SegmentRun>,
    /// The waypoints as snapped onto the network, in order (`distance_m` says how far each was moved).
    pub waypoints: Vec<Snap>,
    /// Metres of trail walked more than once (0 for a route that never doubles back).
    pub reused_m: f64,
}

impl Route {
    pub(crate) fn from_legs(g: &TrailGraph, legs: Vec<Leg>, waypoints: Vec<Snap>) -> Route {
        let mut geometry = Vec::new();
        for leg in &legs {
            append(&mut geometry, leg.geometry.clone());
        }
        let pieces = || legs.iter().flat_map(|l| &l.pieces);
        let mut segments: Vec<SegmentRun> = Vec::new();
        for p in pieces() {
            let e = &g.graph[p.edge];
            match segments.last_mut() {
                Some(last) if last.trail_id == e.trail_id => last.metres += p.metres(),
                _ => segments.push(SegmentRun {
                    trail_id: e.trail_id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    metres: p.metres(),
                }),
            }
        }
        let reused_m = reused_m(pieces());
        let distance_m = legs.iter().map(|l| l.distance_m).sum();
        Route { legs, distance_m, geometry, segments, waypoints, reused_m }
    }

    /// The line in Web Mercator, for drawing.
    pub fn map_line(&self) -> Vec<MapPoint> {
        self.geometry.iter().map(|p| p.to_map()).collect()
    }

    /// Minutes on foot at [`WALKING_KMH`].
    pub fn walking_minutes(&self) -> f64 {
        self.minutes_at(WALKING_KMH)
    }

    /// Minutes by bike at [`CYCLING_KMH`].
    pub fn cycling_minutes(&self) -> f64 {
        self.minutes_at(CYCLING_KMH)
    }

    /// Minutes at `kmh` (0 for a speed that is not positive).
    pub fn minutes_at(&self, kmh: f64) -> f64 {
        if kmh > 0.0 {
            self.distance_m / 1000.0 / kmh * 60.0
        } else {
            0.0
        }
    }

    /// The same route walked the other way: legs, pieces, geometry and segments reversed.
    pub fn reverse(&self) -> Route {
        Route {
            legs: self.legs.iter().rev().map(Leg::reversed).collect(),
            distance_m: self.distance_m,
            geometry: self.geometry.iter().rev().copied().collect(),
            segments: self.segments.iter().rev().cloned().collect(),
            waypoints: self.waypoints.iter().rev().copied().collect(),
            reused_m: self.reused_m,
        }
    }

    /// The park's POIs within `within_m` metres of the route ([`POI_NEAR_M`] is the usual choice), in
    /// the order the route passes them. A POI passed twice is listed where the route comes closest.
    pub fn pois_passed(&self, park: &Park, within_m: f64) -> Vec<PoiPass> {
        let Some(first) = self.geometry.first() else { return vec![] };
        let plane = LocalPlane::new(first.lat);
        let local: Vec<_> = self.geometry.iter().map(|&p| plane.project(p)).collect();
        let mut cum = vec![0.0];
        for w in self.geometry.windows(2) {
            cum.push(cum[cum.len() - 1] + measure::distance_m(w[0], w[1]));
        }
        let mut out = Vec::new();
        for poi in &park.pois {
            let q = plane.project(poi.pos);
            let mut best: Option<(f64, usize, f64)> = None; // (planar distance, segment, t)
            for i in 0..local.len().saturating_sub(1) {
                let (a, b) = (local[i], local[i + 1]);
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 {
                    (((q.x - a.x) * dx + (q.y - a.y) * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let d = (a.x + dx * t - q.x).hypot(a.y + dy * t - q.y);
                if best.is_none_or(|(bd, _, _)| d < bd) {
                    best = Some((d, i, t));
                }
            }
            let Some((d, i, t)) = best else { continue };
            if d > within_m * 1.01 + 1.0 {
                continue; // clearly out; the geodesic check below settles the edge cases
            }
            let (a, b) = (local[i], local[i + 1]);
            let foot = plane.unproject(LocalPoint { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
            let off_m = measure::distance_m(poi.pos, foot);
            if off_m <= within_m {
                let along_m = cum[i] + (cum[i + 1] - cum[i]) * t;
                out.push(PoiPass {
                    poi_id: poi.id.clone(),
                    kind: poi.kind,
                    name: poi.name.clone(),
                    along_m,
                    off_m,
                });
            }
        }
        crate::sort::sort_by(&mut out, |x, y| x.along_m.total_cmp(&y.along_m));
        out
    }
}

/// Metres covered more than once: the total minus the union of the stretches of each edge.
pub(crate) fn reused_m<'a>(pieces: impl Iterator<Item = &'a Piece>) -> f64 {
    let mut by_edge: HashMap<EdgeIndex, Vec<(f64, f64)>> = HashMap::new();
    for p in pieces {
        by_edge.entry(p.edge).or_default().push((p.from_m.min(p.to_m), p.from_m.max(p.to_m)));
    }
    let mut reused = 0.0;
    for mut spans in by_edge.into_values() {
        crate::sort::sort_by(&mut spans, |x, y| x.0.total_cmp(&y.0));
        let total: f64 = spans.iter().map(|s| s.1 - s.0).sum();
        let (mut union, mut end) = (0.0, f64::NEG_INFINITY);
        for (lo, hi) in spans {
            let lo = lo.max(end);
            if hi > lo {
                union += hi - lo;
                end = hi;
            }
        }
        reused += total - union;
    }
    reused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_metres_count_only_overlaps() {
        let e = EdgeIndex::new(0);
        let f = EdgeIndex::new(1);
        let p = |edge, from_m, to_m| Piece { edge, from_m, to_m };
        assert_eq!(reused_m([p(e, 0.0, 100.0), p(f, 0.0, 50.0)].iter()), 0.0);
        assert_eq!(reused_m([p(e, 0.0, 100.0), p(e, 100.0, 40.0)].iter()), 60.0);
        assert_eq!(reused_m([p(e, 0.0, 30.0), p(e, 50.0, 80.0), p(e, 20.0, 60.0)].iter()), 20.0);
    }

    #[test]
    fn times_follow_the_published_speeds() {
        let r = Route {
            legs: vec![],
            distance_m: 4500.0,
            geometry: vec![],
            segments: vec![],
            waypoints: vec![],
            reused_m: 0.0,
        };
        assert!((r.walking_minutes() - 60.0).abs() < 1e-9);
        assert!((r.cycling_minutes() - 18.0).abs() < 1e-9);
        assert_eq!(r.minutes_at(0.0), 0.0);
    }
}
