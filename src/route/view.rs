//! A temporary, read-only view of the trail graph for one query: snapped waypoints split their edges
//! into temporary nodes, blocked edges disappear, and (for round trips) nodes beyond a radius are left
//! out. It implements petgraph's visit traits, so `astar` and `dijkstra` run on it directly and the
//! shared graph is never mutated.

use std::collections::{HashMap, HashSet};

use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::{Data, EdgeRef, GraphBase, IntoEdgeReferences, IntoEdges, IntoNeighbors, Visitable};

use super::graph::{Junction, TrailEdge, TrailGraph};
use super::snap::{LocalPoint, Snap};
use super::RouteOptions;
use crate::geo::LonLat;

/// The visit map petgraph uses for `UnGraph` (a bit set), named through the trait so the
/// `fixedbitset` crate need not be a direct dependency.
type Bits = <&'static UnGraph<Junction, TrailEdge> as Visitable>::Map;

/// One traversal of (part of) an edge: from `source` to `target`, covering `from_m..to_m` of `edge`
/// (measured from the edge's first vertex; `from_m > to_m` when walked backwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Step {
    /// Where the step starts (a graph node, or a temporary one).
    pub source: NodeIndex,
    /// Where it ends.
    pub target: NodeIndex,
    /// The step's own id in the view (temporary steps get ids past the graph's edges).
    pub id: EdgeIndex,
    /// Length in metres.
    pub metres: f64,
    /// The graph edge walked.
    pub edge: EdgeIndex,
    /// Start, in metres from the edge's first vertex.
    pub from_m: f64,
    /// End, in metres from the edge's first vertex.
    pub to_m: f64,
}

impl Step {
    fn flipped(self) -> Step {
        Step { source: self.target, target: self.source, from_m: self.to_m, to_m: self.from_m, ..self }
    }
}

impl EdgeRef for Step {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
    type Weight = f64;
    fn source(&self) -> NodeIndex {
        self.source
    }
    fn target(&self) -> NodeIndex {
        self.target
    }
    fn weight(&self) -> &f64 {
        &self.metres
    }
    fn id(&self) -> EdgeIndex {
        self.id
    }
}

/// A temporary node where a snapped position splits an edge.
#[derive(Clone, Copy, Debug)]
struct TempNode {
    pos: LonLat,
    local: LocalPoint,
}

/// The per-query view. See the module docs.
pub(crate) struct View<'g> {
    /// The graph seen through this view.
    pub g: &'g TrailGraph,
    opts: RouteOptions,
    /// Ignore closures altogether (used to explain a missing path).
    pub allow_blocked: bool,
    temps: Vec<TempNode>,
    temp_steps: Vec<Step>,
    split: HashSet<EdgeIndex>,
    radius: Option<(LocalPoint, f64)>,
}

impl<'g> View<'g> {
    /// A view where each snap becomes a node (base nodes when it lands on an edge's end); returns the
    /// node of each snap, in order.
    pub fn new(g: &'g TrailGraph, opts: RouteOptions, snaps: &[Snap]) -> (Self, Vec<NodeIndex>) {
        let mut view = View {
            g,
            opts,
            allow_blocked: false,
            temps: vec![],
            temp_steps: vec![],
            split: HashSet::new(),
            radius: None,
        };
        // Group the interior snaps by edge, in order along it.
        let mut by_edge: HashMap<EdgeIndex, Vec<(f64, usize)>> = HashMap::new();
        let mut nodes = vec![NodeIndex::end(); snaps.len()];
        for (i, s) in snaps.iter().enumerate() {
            let (a, b) = g.graph.edge_endpoints(s.edge).expect("snap on this graph");
            let len = g.graph[s.edge].length_m;
            if s.along_m <= 1e-9 {
                nodes[i] = a;
            } else if s.along_m >= len - 1e-9 {
                nodes[i] = b;
            } else {
                by_edge.entry(s.edge).or_default().push((s.along_m, i));
            }
        }
        let mut edges: Vec<_> = by_edge.into_iter().collect();
        crate::sort::sort_by_key(&mut edges, |(e, _)| *e); // deterministic temporary ids
        for (edge, mut cuts) in edges {
            crate::sort::sort_by(&mut cuts, |x, y| x.0.total_cmp(&y.0));
            let (a, b) = g.graph.edge_endpoints(edge).expect("snap on this graph");
            let len = g.graph[edge].length_m;
            view.split.insert(edge);
            let (mut prev, mut prev_m) = (a, 0.0);
            for (m, i) in cuts {
                if m > prev_m || prev == a {
                    let n = view.add_temp(snaps[i].pos);
                    view.add_step(prev, n, edge, prev_m, m);
                    prev = n;
                    prev_m = m;
                }
                nodes[i] = prev; // same position as the previous cut: same node
            }
            view.add_step(prev, b, edge, prev_m, len);
        }
        (view, nodes)
    }

    /// Leaves out every node farther than `radius_m` (in the local plane) from `center`.
    pub fn within(mut self, center: LonLat, radius_m: f64) -> Self {
        self.radius = Some((self.g.plane.project(center), radius_m));
        self
    }

    fn add_temp(&mut self, pos: LonLat) -> NodeIndex {
        self.temps.push(TempNode { pos, local: self.g.plane.project(pos) });
        NodeIndex::new(self.g.graph.node_count() + self.temps.len() - 1)
    }

    fn add_step(&mut self, source: NodeIndex, target: NodeIndex, edge: EdgeIndex, from_m: f64, to_m: f64) {
        let id = EdgeIndex::new(self.g.graph.edge_count() + self.temp_steps.len());
        self.temp_steps.push(Step { source, target, id, metres: to_m - from_m, edge, from_m, to_m });
    }

    fn temp(&self, n: NodeIndex) -> Option<&TempNode> {
        n.index().checked_sub(self.g.graph.node_count()).and_then(|k| self.temps.get(k))
    }

    /// Position of a node (base or temporary).
    pub fn pos(&self, n: NodeIndex) -> LonLat {
        self.temp(n).map_or_else(|| self.g.graph[n].pos, |t| t.pos)
    }

    /// Position of a node in the graph's local plane.
    pub fn local(&self, n: NodeIndex) -> LocalPoint {
        self.temp(n).map_or_else(|| self.g.graph[n].local, |t| t.local)
    }

    /// Number of node ids the view can hand out (base + temporary).
    pub fn node_bound(&self) -> usize {
        self.g.graph.node_count() + self.temps.len()
    }

    /// Component label (ignoring closures) of a node.
    pub fn component(&self, n: NodeIndex) -> usize {
        match n.index().checked_sub(self.g.graph.node_count()) {
            None => self.g.component[n.index()],
            Some(_) => {
                let step = self
                    .temp_steps
                    .iter()
                    .find(|s| s.source == n || s.target == n)
                    .expect("temp node has steps");
                self.g.component_of_edge(step.edge)
            }
        }
    }

    /// True when the step's underlying edge is blocked under the view's options.
    pub fn is_blocked(&self, s: &Step) -> bool {
        self.g.graph[s.edge].is_blocked(&self.opts)
    }

    fn keeps(&self, edge: EdgeIndex, target: NodeIndex, radius: bool) -> bool {
        (self.allow_blocked || !self.g.graph[edge].is_blocked(&self.opts))
            && match self.radius {
                Some((c, r)) if radius => self.local(target).distance(c) <= r,
                _ => true,
            }
    }

    /// The usable steps leaving `n`.
    pub fn steps(&self, n: NodeIndex) -> Vec<Step> {
        self.steps_within(n, true)
    }

    /// The usable steps leaving `n`, including those to nodes beyond the view's radius.
    pub fn steps_any_distance(&self, n: NodeIndex) -> Vec<Step> {
        self.steps_within(n, false)
    }

    fn steps_within(&self, n: NodeIndex, radius: bool) -> Vec<Step> {
        let mut out = Vec::new();
        if n.index() < self.g.graph.node_count() {
            for e in self.g.graph.edges(n) {
                if self.split.contains(&e.id()) {
                    continue;
                }
                let (a, _) = self.g.graph.edge_endpoints(e.id()).expect("edge of this graph");
                let w = e.weight();
                let (target, from_m, to_m) = if a == n {
                    (if e.source() == n { e.target() } else { e.source() }, 0.0, w.length_m)
                } else {
                    (a, w.length_m, 0.0)
                };
                if self.keeps(e.id(), target, radius) {
                    out.push(Step {
                        source: n,
                        target,
                        id: e.id(),
                        metres: w.length_m,
                        edge: e.id(),
                        from_m,
                        to_m,
                    });
                }
            }
        }
        for s in &self.temp_steps {
            let s = if s.source == n {
                *s
            } else if s.target == n {
                s.flipped()
            } else {
                continue;
            };
            if self.keeps(s.edge, s.target, radius) {
                out.push(s);
            }
        }
        out
    }
}

impl GraphBase for View<'_> {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
}

impl Data for View<'_> {
    type NodeWeight = ();
    type EdgeWeight = f64;
}

impl IntoNeighbors for &View<'_> {
    type Neighbors = std::vec::IntoIter<NodeIndex>;
    fn neighbors(self, n: NodeIndex) -> Self::Neighbors {
        self.steps(n).into_iter().map(|s| s.target).collect::<Vec<_>>().into_iter()
    }
}

impl IntoEdgeReferences for &View<'_> {
    type EdgeRef = Step;
    type EdgeReferences = std::vec::IntoIter<Step>;
    fn edge_references(self) -> Self::EdgeReferences {
        // each undirected step once: from its lower-numbered end
        (0..self.node_bound())
            .map(NodeIndex::new)
            .flat_map(|n| self.steps(n).into_iter().filter(|s| s.source <= s.target))
            .collect::<Vec<_>>()
            .into_iter()
    }
}

impl IntoEdges for &View<'_> {
    type Edges = std::vec::IntoIter<Step>;
    fn edges(self, n: NodeIndex) -> Self::Edges {
        self.steps(n).into_iter()
    }
}

impl Visitable for View<'_> {
    type Map = Bits;
    fn visit_map(&self) -> Bits {
        Bits::with_capacity(self.node_bound())
    }
    fn reset_map(&self, map: &mut Bits) {
        map.clear();
        map.grow(self.node_bound());
    }
}
