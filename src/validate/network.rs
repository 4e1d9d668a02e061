//! The trail network: one connected greenway, one connected greenway + waterfront network, and
//! trail-side POIs close to it.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

#[cfg(test)]
use geo::{Distance, Euclidean, LineString, Point};
use rstar::primitives::Line;
use rstar::{PointDistance, RTree};

use super::{count, Bundle, Loc, POI_MAX_DISTANCE_M};
use crate::geo::LonLat;
use crate::model::{DataError, Note, PoiKind, Trail};
use crate::route::noding::{node_lines, NodingLine, DEFAULT_JOIN_M};

/// A coordinate as an exact hash key (after noding, lines connect at *identical* coordinates).
fn key(p: LonLat) -> (u64, u64) {
    // `+ 0.0` folds -0.0 into 0.0 so the two compare equal, as they do as numbers.
    ((p.lon + 0.0).to_bits(), (p.lat + 0.0).to_bits())
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Connected components of trails in the noded network (the route planner's noding: identical
/// vertices, crossings at grade, ends within `join_m` of another line), the parts of one trail
/// counted together. Each component lists its trail indices in ascending order; components come in
/// the order of their smallest trail.
pub(super) fn components(trails: &[&Trail], join_m: f64) -> Vec<Vec<usize>> {
    components_noded(trails, join_m).0
}

/// [`components`], also giving the number of crossings left apart as grade-separated.
fn components_noded(trails: &[&Trail], join_m: f64) -> (Vec<Vec<usize>>, usize) {
    let pieces: Vec<(usize, &[LonLat], bool)> = trails
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| t.parts.iter().map(move |l| (ti, l.as_slice(), t.grade_separated)))
        .collect();
    let input: Vec<NodingLine> =
        pieces.iter().map(|&(_, line, grade_separated)| NodingLine { line, grade_separated }).collect();
    let noded = node_lines(&input, join_m);
    let mut parent: Vec<usize> = (0..trails.len()).collect();
    let mut first_at: HashMap<(u64, u64), usize> = HashMap::new();
    for ((s, _, _), line) in pieces.iter().zip(&noded.lines) {
        for &p in line.iter() {
            let other = *first_at.entry(key(p)).or_insert(*s);
            let (a, b) = (find(&mut parent, *s), find(&mut parent, other));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for s in 0..trails.len() {
        let root = find(&mut parent, s);
        by_root.entry(root).or_default().push(s);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    crate::sort::sort_by_key(&mut out, |c| c[0]);
    (out, noded.separated_crossings)
}

/// Reports every segment outside the main component. `main_first` orders the components (main
/// first); numbering in the message follows that order.
fn report<K: Ord>(
    comps: &mut Vec<Vec<usize>>,
    locs: &[&Loc],
    what: &str,
    skip: &HashSet<usize>,
    main_first: impl Fn(&Vec<usize>) -> K,
    out: &mut Vec<DataError>,
) -> HashSet<usize> {
    crate::sort::sort_by_key(comps, |c| Reverse(main_first(c)));
    let total = comps.len();
    let mut reported = HashSet::new();
    for (n, comp) in comps.iter().enumerate().skip(1) {
        for &s in comp {
            reported.insert(s);
            if !skip.contains(&s) {
                let reason = format!(
                    "not connected to the rest of the {what}: component {} of {total}, {}",
                    n + 1,
                    count(comp.len(), "segment", "segments")
                );
                out.push(locs[s].error("geometry", reason));
            }
        }
    }
    reported
}

/// The greenway is one connected graph; so is the greenway and the waterfront together. Components
/// are numbered from the main one (the largest; for the joint network, the one with the most
/// greenway), ties going to the component holding the earliest segment. A greenway segment already
/// reported as cut off from the greenway is not reported again for the joint network.
pub(super) fn check_connectivity(b: &Bundle, out: &mut Vec<DataError>, notes: &mut Vec<Note>) {
    let park = b.park;
    let join_m = park.junction_tolerance_m.unwrap_or(DEFAULT_JOIN_M);
    let green: Vec<&Trail> = park.greenway.iter().collect();
    let green_locs: Vec<&Loc> = b.locs.greenway.iter().collect();
    let mut comps = components(&green, join_m);
    let n_green = green.len();
    // Largest first; `Reverse(first)` puts the earliest first among equals.
    let by_size = |c: &Vec<usize>| (c.len(), Reverse(c[0]));
    let cut_off = report(&mut comps, &green_locs, "greenway", &HashSet::new(), by_size, out);

    let all: Vec<&Trail> = park.greenway.iter().chain(&park.waterfront).collect();
    let (mut comps, separated) = components_noded(&all, join_m);
    if separated > 0 {
        let file = b.locs.greenway.first().or(b.locs.waterfront.first()).map_or("", |l| l.file.as_str());
        notes.push(Note {
            file: file.to_owned(),
            property: "geometry".into(),
            message: format!(
                "{} not joined in the route network: a bridge, tunnel or other layer",
                count(separated, "crossing", "crossings")
            ),
            count: 0,
            first: None,
            examples: Vec::new(),
        });
    }
    if park.waterfront.is_empty() {
        return;
    }
    let all_locs: Vec<&Loc> = b.locs.greenway.iter().chain(&b.locs.waterfront).collect();
    let most_green = |c: &Vec<usize>| (c.iter().filter(|&&s| s < n_green).count(), c.len(), Reverse(c[0]));
    report(&mut comps, &all_locs, "trail network (greenway + waterfront)", &cut_off, most_green, out);
}

/// POI kinds that serve trail users and so must sit by a trail.
pub(super) const TRAIL_SIDE: [PoiKind; 6] = [
    PoiKind::Entrance,
    PoiKind::Toilet,
    PoiKind::BikeRental,
    PoiKind::Viewpoint,
    PoiKind::WarmStation,
    PoiKind::Parking,
];

/// Distance in metres from `p` to the nearest of `trails`: Web Mercator distance scaled by the
/// cosine of the latitude (exact scale at that latitude; well under 0.1 % off across a park). The
/// plain scan over every trail; [`check_poi_distance`] uses an R-tree and is tested against it.
#[cfg(test)]
pub(super) fn distance_to_trails_m<'a>(
    p: LonLat,
    trails: impl IntoIterator<Item = &'a Trail>,
) -> Option<f64> {
    let m = p.to_map();
    let point = Point::new(m.x, m.y);
    let scale = p.lat.to_radians().cos();
    trails
        .into_iter()
        .map(|t| {
            t.map_parts
                .iter()
                .map(|part| {
                    let line: LineString<f64> = part.iter().map(|q| geo::coord! { x: q.x, y: q.y }).collect();
                    Euclidean.distance(&point, &line) * scale
                })
                .fold(f64::INFINITY, f64::min)
        })
        .min_by(f64::total_cmp)
}

/// Trail-side POIs lie within [`POI_MAX_DISTANCE_M`] of a greenway or waterfront segment (skipped when
/// the park has no trails at all). The nearest segment comes from an R-tree of all trail segments in
/// map metres (a scan of every trail per POI was POIs × vertices); the distance is then scaled as in
/// [`distance_to_trails_m`].
pub(super) fn check_poi_distance(b: &Bundle, out: &mut Vec<DataError>) {
    let park = b.park;
    let segments: Vec<Line<[f64; 2]>> = park
        .greenway
        .iter()
        .chain(&park.waterfront)
        .flat_map(|t| t.map_parts.iter().flat_map(|l| l.windows(2)))
        .map(|w| Line::new([w[0].x, w[0].y], [w[1].x, w[1].y]))
        .collect();
    if segments.is_empty() {
        return;
    }
    let tree = RTree::bulk_load(segments);
    for (poi, loc) in park.pois.iter().zip(&b.locs.pois) {
        if !TRAIL_SIDE.contains(&poi.kind) {
            continue;
        }
        let m = poi.pos.to_map();
        let Some(nearest) = tree.nearest_neighbor(&[m.x, m.y]) else { continue };
        let d = nearest.distance_2(&[m.x, m.y]).sqrt() * poi.pos.lat.to_radians().cos();
        if d > POI_MAX_DISTANCE_M {
            let reason = format!(
                "{} is {d:.0} m from the nearest greenway or waterfront segment (limit {POI_MAX_DISTANCE_M:.0} m)",
                poi.kind.key()
            );
            out.push(loc.error("geometry", reason));
        }
    }
}
