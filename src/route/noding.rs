//! Noding: real trail lines rarely share identical junction coordinates, so before the graph is
//! built the lines are cut where they meet. Through an R-tree of every segment (in the local metric
//! plane):
//!
//! - two lines that cross at grade get a shared vertex at the crossing (in both lines);
//! - a line's end within the tolerance of another line is extended to the nearest point on it, and
//!   that point becomes a shared vertex of the other line;
//! - collinear overlapping stretches get each other's end vertices, so the overlap becomes the same
//!   vertex run in both lines (the graph then keeps one edge for it);
//! - a crossing where either line is grade-separated (`bridge`, `tunnel`, `layer` ≠ 0) is left
//!   alone, and counted.
//!
//! Lines that already meet at identical coordinates are untouched, so a network drawn that way (the
//! shipped park) noded is exactly the network as drawn.

use rstar::primitives::{GeomWithData, Line};
use rstar::{RTree, AABB};

use super::snap::{LocalPlane, LocalPoint};
use crate::geo::LonLat;

/// Default distance within which a line's end is joined to another line, in metres.
pub const DEFAULT_JOIN_M: f64 = 3.0;

/// Closer than this (metres) to a vertex, a cut uses the vertex itself.
const SAME_POINT_M: f64 = 0.01;

/// One line to node: the vertices, and whether it is off the ground level.
#[derive(Clone, Debug)]
pub struct NodingLine<'a> {
    /// The vertices in WGS84.
    pub line: &'a [LonLat],
    /// Grade-separated (bridge, tunnel, layer ≠ 0): crossings with it are not joined.
    pub grade_separated: bool,
}

/// The noded lines (parallel to the input) and what was left apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Noded {
    /// Each input line with the vertices noding added.
    pub lines: Vec<Vec<LonLat>>,
    /// Crossings not joined because a line is a bridge, tunnel or on another layer.
    pub separated_crossings: usize,
    /// Line ends joined to a nearby line (within the tolerance, not touching).
    pub joined_ends: usize,
    /// At-grade crossings given a shared vertex.
    pub joined_crossings: usize,
}

type Seg = GeomWithData<Line<[f64; 2]>, (usize, usize)>;

/// A vertex to insert into segment `seg` of a line at fraction `t`.
#[derive(Clone, Copy, Debug)]
struct Cut {
    seg: usize,
    t: f64,
    pos: LonLat,
}

/// Nodes `lines` (see the module docs). `join_m` is the end-joining tolerance in metres.
///
/// # Complexity
/// O(S log S) for S segments plus the number of candidate pairs whose boxes meet.
pub fn node_lines(lines: &[NodingLine], join_m: f64) -> Noded {
    let n: usize = lines.iter().map(|l| l.line.len()).sum();
    if n == 0 {
        return Noded { lines: lines.iter().map(|l| l.line.to_vec()).collect(), ..Noded::default() };
    }
    let lat0 = lines.iter().flat_map(|l| l.line).map(|p| p.lat).sum::<f64>() / n as f64;
    let plane = LocalPlane::new(lat0);
    let local: Vec<Vec<LocalPoint>> =
        lines.iter().map(|l| l.line.iter().map(|&p| plane.project(p)).collect()).collect();
    let segs: Vec<Seg> = local
        .iter()
        .enumerate()
        .flat_map(|(li, pts)| {
            pts.windows(2).enumerate().map(move |(si, w)| {
                GeomWithData::new(Line::new([w[0].x, w[0].y], [w[1].x, w[1].y]), (li, si))
            })
        })
        .collect();
    let tree = RTree::bulk_load(segs);
    let mut cuts: Vec<Vec<Cut>> = vec![Vec::new(); lines.len()];
    let mut out = Noded::default();
    let vertex_or = |li: usize, si: usize, t: f64, p: LocalPoint| -> (f64, LonLat) {
        let (a, b) = (local[li][si], local[li][si + 1]);
        if p.distance(a) < SAME_POINT_M {
            (0.0, lines[li].line[si])
        } else if p.distance(b) < SAME_POINT_M {
            (1.0, lines[li].line[si + 1])
        } else {
            (t, plane.unproject(p))
        }
    };
    // Crossings and overlaps, each pair of segments once (the lower line index asks).
    for (li, pts) in local.iter().enumerate() {
        for si in 0..pts.len().saturating_sub(1) {
            let (a, b) = (pts[si], pts[si + 1]);
            let env = AABB::from_corners([a.x.min(b.x), a.y.min(b.y)], [a.x.max(b.x), a.y.max(b.y)]);
            for other in tree.locate_in_envelope_intersecting(&env) {
                let (lj, sj) = other.data;
                if lj <= li {
                    continue;
                }
                let (c, d) = (local[lj][sj], local[lj][sj + 1]);
                for hit in intersections(a, b, c, d) {
                    let (t, u, p) = hit;
                    let (t, pos_i) = vertex_or(li, si, t, p);
                    let (u, pos_j) = vertex_or(lj, sj, u, p);
                    let at_vertex_i = t == 0.0 || t == 1.0;
                    let at_vertex_j = u == 0.0 || u == 1.0;
                    if at_vertex_i && at_vertex_j && pos_i == pos_j {
                        continue; // already a shared vertex
                    }
                    // A bridge or tunnel meets other lines at its ends, never along its length.
                    let inside_i = lines[li].grade_separated && !is_end(lines[li].line, si, t);
                    let inside_j = lines[lj].grade_separated && !is_end(lines[lj].line, sj, u);
                    if inside_i || inside_j {
                        out.separated_crossings += 1;
                        continue;
                    }
                    // One position for both lines, so the graph joins them exactly.
                    let pos = if at_vertex_i { pos_i } else { pos_j };
                    cuts[li].push(Cut { seg: si, t, pos });
                    cuts[lj].push(Cut { seg: sj, t: u, pos });
                    out.joined_crossings += 1;
                }
            }
        }
    }
    // Line ends near another line.
    let mut extend: Vec<(Option<LonLat>, Option<LonLat>)> = vec![(None, None); lines.len()];
    // Ends joined so far: (the line joined to, the junction). An end that another end was
    // joined to is already a junction (else two ends 2 m apart would swap places).
    let mut joined: Vec<(usize, LocalPoint)> = Vec::new();
    if join_m > 0.0 {
        for (li, pts) in local.iter().enumerate() {
            if pts.len() < 2 {
                continue;
            }
            for (end, at) in [(0usize, pts[0]), (1, pts[pts.len() - 1])] {
                let e_pos = if end == 0 { lines[li].line[0] } else { lines[li].line[pts.len() - 1] };
                // Already joined here (a shared coordinate or a crossing cut near the end)?
                let near_cut = cuts[li].iter().any(|c| plane.project(c.pos).distance(at) <= join_m);
                let joined_here = joined.iter().any(|&(to, p)| to == li && p.distance(at) <= join_m);
                if near_cut || joined_here {
                    continue;
                }
                let best = tree
                    .nearest_neighbor_iter_with_distance_2(&[at.x, at.y])
                    .take_while(|(_, d2)| *d2 <= join_m * join_m)
                    // A line touching the end already meets it there (a shared vertex, or the
                    // same course as this line): look past it for one to join.
                    .find(|(s, d2)| s.data.0 != li && *d2 > SAME_POINT_M * SAME_POINT_M);
                let Some((seg, _)) = best else { continue };
                let (lj, sj) = seg.data;
                let (c, d) = (local[lj][sj], local[lj][sj + 1]);
                let (u, p) = project_onto(at, c, d);
                let (u, pos) = vertex_or(lj, sj, u, p);
                if u != 0.0 && u != 1.0 {
                    cuts[lj].push(Cut { seg: sj, t: u, pos });
                }
                if pos != e_pos {
                    if end == 0 {
                        extend[li].0 = Some(pos);
                    } else {
                        extend[li].1 = Some(pos);
                    }
                }
                joined.push((lj, plane.project(pos)));
                joined.push((li, plane.project(pos)));
                out.joined_ends += 1;
            }
        }
    }
    out.lines = lines
        .iter()
        .zip(cuts)
        .zip(extend)
        .map(|((l, mut cuts), (start, end))| {
            cuts.retain(|c| c.t > 0.0 && c.t < 1.0);
            crate::sort::sort_by(&mut cuts, |a, b| a.seg.cmp(&b.seg).then(a.t.total_cmp(&b.t)));
            let mut v = Vec::with_capacity(l.line.len() + cuts.len() + 2);
            v.extend(start);
            let mut k = 0;
            for (i, &p) in l.line.iter().enumerate() {
                v.push(p);
                while k < cuts.len() && cuts[k].seg == i {
                    if v.last() != Some(&cuts[k].pos) {
                        v.push(cuts[k].pos);
                    }
                    k += 1;
                }
            }
            v.extend(end);
            v.dedup();
            v
        })
        .collect();
    out
}

/// True when fraction `t` of segment `seg` is the first or last vertex of `line`.
fn is_end(line: &[LonLat], seg: usize, t: f64) -> bool {
    (seg == 0 && t == 0.0) || (seg + 2 == line.len() && t == 1.0)
}

/// The nearest point to `p` on segment `c`–`d`: its fraction along and position.
fn project_onto(p: LocalPoint, c: LocalPoint, d: LocalPoint) -> (f64, LocalPoint) {
    let (dx, dy) = (d.x - c.x, d.y - c.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.x - c.x) * dx + (p.y - c.y) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    (t, LocalPoint { x: c.x + dx * t, y: c.y + dy * t })
}

/// Where segments `a`–`b` and `c`–`d` meet: (fraction on the first, fraction on the second, point).
/// A proper or touching crossing gives one point; a collinear overlap gives each segment's ends
/// that lie on the other.
fn intersections(a: LocalPoint, b: LocalPoint, c: LocalPoint, d: LocalPoint) -> Vec<(f64, f64, LocalPoint)> {
    let r = (b.x - a.x, b.y - a.y);
    let s = (d.x - c.x, d.y - c.y);
    let cross = |u: (f64, f64), v: (f64, f64)| u.0 * v.1 - u.1 * v.0;
    let qp = (c.x - a.x, c.y - a.y);
    let denom = cross(r, s);
    let scale = (r.0.hypot(r.1) * s.0.hypot(s.1)).max(1e-12);
    if denom.abs() > 1e-9 * scale {
        let t = cross(qp, s) / denom;
        let u = cross(qp, r) / denom;
        let eps = 1e-9;
        if (-eps..=1.0 + eps).contains(&t) && (-eps..=1.0 + eps).contains(&u) {
            let (t, u) = (t.clamp(0.0, 1.0), u.clamp(0.0, 1.0));
            return vec![(t, u, LocalPoint { x: a.x + r.0 * t, y: a.y + r.1 * t })];
        }
        return Vec::new();
    }
    // Parallel: an overlap only when collinear (within a centimetre).
    let len_r = r.0.hypot(r.1);
    if len_r == 0.0 || (cross(qp, r) / len_r).abs() > SAME_POINT_M {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in [c, d] {
        let (t, q) = project_onto(p, a, b);
        if q.distance(p) < SAME_POINT_M {
            let (u, _) = project_onto(p, c, d);
            out.push((t, u, p));
        }
    }
    for p in [a, b] {
        let (u, q) = project_onto(p, c, d);
        if q.distance(p) < SAME_POINT_M {
            let (t, _) = project_onto(p, a, b);
            out.push((t, u, p));
        }
    }
    out
}
