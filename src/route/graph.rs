//! The trail graph: junctions where segments share a coordinate, edges for the pieces in between.

use std::collections::{BTreeSet, HashMap};

use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use rstar::RTree;

use super::noding::{node_lines, Noded, NodingLine, DEFAULT_JOIN_M};
use super::snap::{segment_item, LocalPlane, LocalPoint, SegmentItem};
use super::RouteOptions;
use crate::geo::{measure, LonLat, MapPoint};
use crate::model::{Park, Text, Trail, TrailKind, Winter};

/// A node of the trail graph: a coordinate shared by two or more segments, or a segment's end.
#[derive(Clone, Debug, PartialEq)]
pub struct Junction {
    /// Position in WGS84.
    pub pos: LonLat,
    /// Position in Web Mercator.
    pub map: MapPoint,
    pub(crate) local: LocalPoint,
}

/// An edge of the trail graph: the piece of one trail segment between two junctions.
///
/// Its vertex lists run from the edge's first node to its second (as returned by
/// [`TrailGraph::endpoints`]), in the order of the segment in the data.
#[derive(Clone, Debug, PartialEq)]
pub struct TrailEdge {
    /// Id of the segment this piece belongs to, e.g. `g07`.
    pub trail_id: String,
    /// Name of the segment.
    pub name: Text,
    /// Greenway or waterfront.
    pub kind: TrailKind,
    /// Closed now (status `closed`): never routed over.
    pub closed: bool,
    /// Closed in winter (`winter: closed`): not routed over under winter rules.
    pub winter_closed: bool,
    /// The vertices in WGS84.
    pub line: Vec<LonLat>,
    /// The same vertices in Web Mercator.
    pub map_line: Vec<MapPoint>,
    /// Geodesic length in metres.
    pub length_m: f64,
    /// Geodesic distance from the first vertex to each vertex, in metres (last = `length_m`).
    pub(crate) cum_m: Vec<f64>,
}

impl TrailEdge {
    /// True when the planner must not use this edge under `opts`.
    pub fn is_blocked(&self, opts: &RouteOptions) -> bool {
        self.closed || (opts.winter && self.winter_closed)
    }

    /// The position `along_m` metres from the first vertex (clamped to the edge). Between vertices it
    /// lies on the straight Web Mercator line, the one the map draws (and the one snapping projects
    /// onto), at the fraction of that vertex pair's geodesic length.
    pub fn point_at(&self, along_m: f64) -> LonLat {
        let m = along_m.clamp(0.0, self.length_m);
        let i = self.cum_m.partition_point(|&c| c <= m).clamp(1, self.line.len() - 1);
        let span = self.cum_m[i] - self.cum_m[i - 1];
        let t = if span > 0.0 { ((m - self.cum_m[i - 1]) / span).clamp(0.0, 1.0) } else { 0.0 };
        if t == 0.0 {
            return self.line[i - 1];
        }
        if t == 1.0 {
            return self.line[i];
        }
        let (a, b) = (self.map_line[i - 1], self.map_line[i]);
        MapPoint::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t).to_lon_lat()
    }

    /// The vertices between two positions along the edge, both ends included (interpolated when they
    /// fall between vertices). Runs backwards when `from_m > to_m`.
    pub fn slice(&self, from_m: f64, to_m: f64) -> Vec<LonLat> {
        let (lo, hi) = (from_m.min(to_m), from_m.max(to_m));
        let mut out = vec![self.point_at(lo)];
        for (p, &c) in self.line.iter().zip(&self.cum_m) {
            if c > lo && c < hi {
                out.push(*p);
            }
        }
        out.push(self.point_at(hi));
        if from_m > to_m {
            out.reverse();
        }
        out
    }
}

/// The routable network of a park: greenway and waterfront lines joined wherever they share a
/// coordinate exactly (any vertex, not only ends), cross at grade, or end within the join tolerance
/// of another line (see [`super::noding`]).
///
/// Built once per park; planning never changes it (a snapped waypoint splits its edge only in a
/// temporary view), so one graph can serve every query.
#[derive(Clone, Debug)]
pub struct TrailGraph {
    pub(crate) graph: UnGraph<Junction, TrailEdge>,
    pub(crate) plane: LocalPlane,
    pub(crate) tree: RTree<SegmentItem>,
    /// Component label of every node (indexed by node index), ignoring closures.
    pub(crate) component: Vec<usize>,
}

/// Exact-coordinate key; `+ 0.0` folds `-0.0` into `0.0`.
fn key(p: LonLat) -> (u64, u64) {
    ((p.lon + 0.0).to_bits(), (p.lat + 0.0).to_bits())
}

impl TrailGraph {
    /// Builds the graph from every greenway and waterfront segment of `park`.
    ///
    /// The lines are noded first ([`super::noding`]): crossings at grade and ends near another line
    /// are joined; lines that already share coordinates are left as they are.
    ///
    /// # Complexity
    /// O(V log V) in the number of vertices: noding, one pass to count shared coordinates, one to
    /// cut the segments, one R-tree bulk load.
    pub fn from_park(park: &Park) -> Self {
        Self::from_park_noded(park).0
    }

    /// [`TrailGraph::from_park`], also returning what noding did (crossings joined or left apart as
    /// grade-separated, ends joined), for the validator's notes. The end-joining tolerance is the
    /// park's [`Park::junction_tolerance_m`], else [`DEFAULT_JOIN_M`].
    pub fn from_park_noded(park: &Park) -> (Self, Noded) {
        // Every part of every trail is a line to node; parts of one trail are lines of their own.
        let pieces: Vec<(&Trail, &[LonLat])> = park
            .greenway
            .iter()
            .chain(&park.waterfront)
            .flat_map(|t| t.parts.iter().filter(|l| l.len() >= 2).map(move |l| (t, l.as_slice())))
            .collect();
        let input: Vec<NodingLine> =
            pieces.iter().map(|(t, l)| NodingLine { line: l, grade_separated: t.grade_separated }).collect();
        let noded = node_lines(&input, park.junction_tolerance_m.unwrap_or(DEFAULT_JOIN_M));
        // How many distinct lines touch each coordinate.
        let mut shared: HashMap<(u64, u64), (usize, usize)> = HashMap::new();
        for (ti, line) in noded.lines.iter().enumerate() {
            for &p in line {
                let e = shared.entry(key(p)).or_insert((usize::MAX, 0));
                if e.0 != ti {
                    *e = (ti, e.1 + 1);
                }
            }
        }
        let lat0 = {
            let n: usize = noded.lines.iter().map(Vec::len).sum();
            if n == 0 {
                0.0
            } else {
                noded.lines.iter().flatten().map(|p| p.lat).sum::<f64>() / n as f64
            }
        };
        let plane = LocalPlane::new(lat0);
        let mut graph = UnGraph::<Junction, TrailEdge>::default();
        let mut nodes: HashMap<(u64, u64), NodeIndex> = HashMap::new();
        let mut node_at = |graph: &mut UnGraph<Junction, TrailEdge>, p: LonLat| {
            *nodes.entry(key(p)).or_insert_with(|| {
                graph.add_node(Junction { pos: p, map: p.to_map(), local: plane.project(p) })
            })
        };
        for ((t, _), full) in pieces.iter().zip(&noded.lines) {
            if full.len() < 2 {
                continue;
            }
            let last = full.len() - 1;
            let mut start = 0;
            for i in 1..=last {
                if i < last && shared[&key(full[i])].1 < 2 {
                    continue;
                }
                let line = full[start..=i].to_vec();
                start = i;
                let cum_m = cumulative_m(&line);
                let length_m = *cum_m.last().unwrap_or(&0.0);
                if length_m <= 0.0 {
                    continue; // a repeated coordinate, not a piece of trail
                }
                let (a, b) = (node_at(&mut graph, line[0]), node_at(&mut graph, line[line.len() - 1]));
                let winter_closed = t.winter == Some(Winter::Closed);
                // An overlapping stretch of two routes is one edge (when both are equally open).
                if graph.edges_connecting(a, b).any(|e| {
                    let w = e.weight();
                    w.closed == t.closed && w.winter_closed == winter_closed && same_course(&w.line, &line)
                }) {
                    continue;
                }
                let edge = TrailEdge {
                    trail_id: t.id.clone(),
                    name: t.name.clone(),
                    kind: t.kind,
                    closed: t.closed,
                    winter_closed,
                    map_line: line.iter().map(|p| p.to_map()).collect(),
                    line,
                    length_m,
                    cum_m,
                };
                graph.add_edge(a, b, edge);
            }
        }
        let tree = RTree::bulk_load(
            graph
                .edge_references()
                .flat_map(|e| {
                    let line = &e.weight().line;
                    (1..line.len()).map(move |i| segment_item(&plane, e.id(), i - 1, line[i - 1], line[i]))
                })
                .collect(),
        );
        let mut uf = UnionFind::<usize>::new(graph.node_count());
        for e in graph.edge_references() {
            uf.union(e.source().index(), e.target().index());
        }
        let component = uf.into_labeling();
        (Self { graph, plane, tree, component }, noded)
    }

    /// The underlying petgraph graph (read-only), for callers that want their own traversals.
    pub fn inner(&self) -> &UnGraph<Junction, TrailEdge> {
        &self.graph
    }

    /// Number of junctions.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (trail pieces between junctions).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// A junction by index.
    pub fn junction(&self, n: NodeIndex) -> Option<&Junction> {
        self.graph.node_weight(n)
    }

    /// An edge by index.
    pub fn edge(&self, e: EdgeIndex) -> Option<&TrailEdge> {
        self.graph.edge_weight(e)
    }

    /// The edge's first and second node (the ends of its vertex list, in order).
    pub fn endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(e)
    }

    /// Every edge with its index.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, &TrailEdge)> + '_ {
        self.graph.edge_references().map(|e| (e.id(), e.weight()))
    }

    /// The connected parts of the network, ignoring closures, as sets of trail ids, largest first
    /// (by number of trails, then by smallest id). One entry means everything is connected. A trail
    /// appears in exactly one set.
    pub fn components(&self) -> Vec<BTreeSet<String>> {
        let mut by_label: HashMap<usize, BTreeSet<String>> = HashMap::new();
        for e in self.graph.edge_references() {
            by_label
                .entry(self.component[e.source().index()])
                .or_default()
                .insert(e.weight().trail_id.clone());
        }
        let mut out: Vec<BTreeSet<String>> = by_label.into_values().collect();
        crate::sort::sort_by(&mut out, |a, b| b.len().cmp(&a.len()).then_with(|| a.first().cmp(&b.first())));
        out
    }

    pub(crate) fn component_of_edge(&self, e: EdgeIndex) -> usize {
        let (a, _) = self.graph.edge_endpoints(e).expect("edge of this graph");
        self.component[a.index()]
    }
}

/// True when two edge lines between the same junctions follow the same course: the same vertices,
/// in either direction (what an overlap shared by two routes becomes after noding).
fn same_course(a: &[LonLat], b: &[LonLat]) -> bool {
    a.len() == b.len() && (a == b || a.iter().eq(b.iter().rev()))
}

/// Geodesic distance from the first vertex to each vertex.
fn cumulative_m(line: &[LonLat]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out = Vec::with_capacity(line.len());
    out.push(0.0);
    for w in line.windows(2) {
        acc += measure::distance_m(w[0], w[1]);
        out.push(acc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::test_park::{park_of, trail};

    #[test]
    fn segments_crossing_at_a_shared_inner_vertex_are_split_into_four_edges() {
        // a plus sign: both segments have the centre as their middle vertex
        let h = trail("h", &[(126.50, 45.83), (126.51, 45.83), (126.52, 45.83)]);
        let v = trail("v", &[(126.51, 45.82), (126.51, 45.83), (126.51, 45.84)]);
        let expected = h.length_m() + v.length_m();
        let g = TrailGraph::from_park(&park_of(vec![h, v]));
        assert_eq!(g.node_count(), 5);
        assert_eq!(g.edge_count(), 4);
        assert_eq!(g.components().len(), 1);
        let total: f64 = g.edges().map(|(_, e)| e.length_m).sum();
        assert!((total - expected).abs() < 1e-6, "{total} vs {expected}");
    }

    #[test]
    fn segments_that_cross_at_grade_are_joined_and_a_bridge_is_not() {
        let h = trail("h", &[(126.50, 45.83), (126.52, 45.83)]);
        let v = trail("v", &[(126.51, 45.82), (126.51, 45.84)]);
        let g = TrailGraph::from_park(&park_of(vec![h.clone(), v.clone()]));
        assert_eq!((g.node_count(), g.edge_count(), g.components().len()), (5, 4, 1));
        let bridge = Trail { grade_separated: true, ..v };
        let (g, noded) = TrailGraph::from_park_noded(&park_of(vec![h, bridge]));
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.components().len(), 2);
        assert_eq!(noded.separated_crossings, 1);
    }

    #[test]
    fn edge_slice_and_point_at_follow_the_vertices() {
        let t = trail("t", &[(126.50, 45.83), (126.51, 45.83), (126.51, 45.84)]);
        let g = TrailGraph::from_park(&park_of(vec![t]));
        let (_, e) = g.edges().next().unwrap();
        assert_eq!(e.line.len(), 3);
        let mid = e.cum_m[1];
        assert_eq!(e.point_at(mid), LonLat::lon_lat(126.51, 45.83));
        let s = e.slice(mid / 2.0, e.length_m);
        assert_eq!(s.len(), 3);
        let back = e.slice(e.length_m, mid / 2.0);
        assert_eq!(back.first(), s.last());
        assert!((measure::length_m(&s) - (e.length_m - mid / 2.0)).abs() < 0.01);
    }
}
