//! Round trips of a chosen length from one start point.
//!
//! Candidates are ranked: within ± 10 % of the target first, then the fewest metres walked twice,
//! then the closest length. They come from, in order of search:
//! 1. out and back along the shortest way to the point half the target away (everything walked twice;
//!    always there on a network big enough, so a fallback);
//! 2. "another way back": out to a junction in each compass sector, back by an A* that avoids the way
//!    out (fast, and good on dense networks);
//! 3. simple cycles through the start (nothing walked twice), enumerated depth-first;
//! 4. "lollipops": the shortest way out to a nearby hub junction, a simple cycle through the hub that
//!    keeps off that stem, and the same way back (only the stem walked twice).
//!
//! Cycles are enumerated over a compact adjacency of the junctions within half the longest acceptable
//! loop of the start (no loop can reach farther), pruned as soon as the path so far plus the straight
//! line home exceeds the longest acceptable loop, and capped by a fixed expansion budget, so the answer
//! time is bounded without a clock (the planner also runs in the browser).

use std::collections::{HashMap, HashSet};

use petgraph::algo::{astar, dijkstra};
use petgraph::graph::NodeIndex;

use super::error::RouteError;
use super::graph::TrailGraph;
use super::types::{reused_m, Leg, Piece, Route};
use super::view::{Step, View};
use super::RouteOptions;
use crate::geo::{measure, LonLat};

/// Shortest round trip that may be asked for, in km.
pub const MIN_LOOP_KM: f64 = 2.0;
/// Longest round trip that may be asked for, in km.
pub const MAX_LOOP_KM: f64 = 40.0;
/// Accepted deviation from the target length, as a fraction (0.10 = ± 10 %).
pub const LOOP_TOLERANCE: f64 = 0.10;

/// Depth-first expansions allowed for cycles through the start itself.
const START_BUDGET: usize = 120_000;
/// Depth-first expansions allowed for cycles through each other hub.
const HUB_BUDGET: usize = 12_000;
/// Hubs tried for lollipops, nearest first.
const MAX_HUBS: usize = 24;
/// A cycle through the start this close to the target (as a fraction) ends the search.
const GOOD_ENOUGH: f64 = 0.02;
/// Compass sectors tried for "another way back".
const SECTORS: usize = 8;
/// How far out "another way back" turns, as fractions of the target: half for dense networks, where
/// another way back is hardly longer; less for sparse ones, where it is.
const AIMS_OUT: [f64; 2] = [0.5, 0.35];
/// Cost factor on the way out when looking for another way back.
const AVOID_FACTOR: f64 = 20.0;

/// Plans a round trip of about `target_km` from `start` and back, within ± [`LOOP_TOLERANCE`], walking as
/// little trail twice as it can (then coming as close to the target as it can).
///
/// # Errors
/// [`RouteError::LoopLengthOutOfRange`] outside [`MIN_LOOP_KM`]..=[`MAX_LOOP_KM`];
/// [`RouteError::TooFar`] when the start cannot be snapped; [`RouteError::NoLoop`], carrying the
/// closest round trip found, when none is within the tolerance.
///
/// # Complexity
/// One Dijkstra and at most 16 A* runs (petgraph's) over the junctions within reach, then a bounded
/// depth-first search: at most `START_BUDGET + MAX_HUBS * HUB_BUDGET` expansions whatever the
/// network's size.
pub fn plan_loop(
    graph: &TrailGraph,
    start: LonLat,
    target_km: f64,
    opts: &RouteOptions,
) -> Result<Route, RouteError> {
    if !(MIN_LOOP_KM..=MAX_LOOP_KM).contains(&target_km) {
        return Err(RouteError::LoopLengthOutOfRange { target_km });
    }
    let snap = graph.snap_for_route(0, start, opts)?;
    let target = target_km * 1000.0;
    let hi = target * (1.0 + LOOP_TOLERANCE);
    let (view, nodes) = View::new(graph, *opts, &[snap]);
    let view = view.within(snap.pos, hi / 2.0);
    let mut search = Search::new(&view, nodes[0], target);
    search.out_and_back();
    search.another_way_back();
    search.cycles();
    let best = search.best.take();
    let build = |steps: &[Step]| {
        let leg = Leg::from_steps(graph, steps, snap.pos, snap.pos);
        Route::from_legs(graph, vec![leg], vec![snap, snap])
    };
    // A loop goes round counter-clockwise whichever way the search happened to find it: the same loop
    // for the same start, however the start was snapped (a link's rounded position and the place it
    // was picked from found the two directions of one cycle).
    let to_route = |c: Candidate| {
        let route = build(&c.steps);
        if signed_area(&route.geometry) < 0.0 {
            build(&c.steps.iter().rev().map(|&s| reverse(s)).collect::<Vec<_>>())
        } else {
            route
        }
    };
    match best {
        Some(c) if c.within(target) => Ok(to_route(c)),
        other => Err(RouteError::NoLoop { target_km, closest: other.map(|c| Box::new(to_route(c))) }),
    }
}

#[derive(Clone, Debug)]
struct Candidate {
    steps: Vec<Step>,
    length: f64,
    reused: f64,
}

impl Candidate {
    fn within(&self, target: f64) -> bool {
        (self.length - target).abs() <= target * LOOP_TOLERANCE
    }

    /// Ordering key: acceptable first; among those the least walked twice; then the closest length.
    fn key(&self, target: f64) -> (bool, f64, f64) {
        let off = (self.length - target).abs();
        if self.within(target) {
            (false, self.reused, off)
        } else {
            (true, off, 0.0)
        }
    }
}

struct Search<'v, 'g> {
    view: &'v View<'g>,
    target: f64,
    /// Reached junctions, nearest first; `index[n]` is a junction's position in it.
    order: Vec<NodeIndex>,
    index: HashMap<NodeIndex, usize>,
    dist: Vec<f64>,
    adj: Vec<Vec<(usize, Step)>>,
    best: Option<Candidate>,
}

impl<'v, 'g> Search<'v, 'g> {
    fn new(view: &'v View<'g>, start: NodeIndex, target: f64) -> Self {
        let scores = dijkstra(view, start, None, |s| s.metres);
        let mut order: Vec<NodeIndex> = scores.keys().copied().collect();
        crate::sort::sort_by(&mut order, |a, b| scores[a].total_cmp(&scores[b]).then(a.cmp(b)));
        let index: HashMap<NodeIndex, usize> = order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let dist = order.iter().map(|n| scores[n]).collect();
        let adj = order
            .iter()
            .map(|&n| view.steps(n).into_iter().filter_map(|s| Some((*index.get(&s.target)?, s))).collect())
            .collect();
        Search { view, target, order, index, dist, adj, best: None }
    }

    fn offer(&mut self, length: f64, reused: f64, steps: impl FnOnce() -> Vec<Step>) {
        let c = Candidate { steps: vec![], length, reused };
        let better = match &self.best {
            None => true,
            Some(b) => c.key(self.target).partial_cmp(&b.key(self.target)) == Some(std::cmp::Ordering::Less),
        };
        if better {
            self.best = Some(Candidate { steps: steps(), ..c });
        }
    }

    /// Shortest steps from the start to junction `i` (along the Dijkstra tree).
    fn stem(&self, mut i: usize) -> Vec<Step> {
        let mut steps = Vec::new();
        while i != 0 {
            let (p, s) = self.adj[i]
                .iter()
                .map(|&(p, s)| (p, s))
                .filter(|&(p, s)| {
                    p != i && (self.dist[p] + s.metres - self.dist[i]).abs() <= 1e-6 * (1.0 + self.dist[i])
                })
                .min_by(|x, y| self.dist[x.0].total_cmp(&self.dist[y.0]))
                .expect("every reached junction has a tree parent");
            steps.push(reverse(s));
            i = p;
        }
        steps.reverse();
        steps
    }

    /// Out and back to the point half the target away (or as far as the network goes). The turn is
    /// placed where the shortest way to it really is the way taken: at most halfway along an edge whose
    /// far end is nearer by another way.
    fn out_and_back(&mut self) {
        let half = self.target / 2.0;
        let mut far: Option<(f64, usize, Step)> = None;
        for (i, &n) in self.order.iter().enumerate() {
            for s in self.view.steps_any_distance(n) {
                // beyond the radius, the far end is farther than half the target anyway
                let far_end = self.index.get(&s.target).map_or(f64::INFINITY, |&j| self.dist[j]);
                let useful = s.metres.min((far_end + s.metres - self.dist[i]) / 2.0);
                let reach = (self.dist[i] + useful).min(half);
                if reach > self.dist[i] && far.is_none_or(|f| reach > f.0) {
                    far = Some((reach, i, s));
                }
            }
        }
        let Some((reach, i, s)) = far else { return };
        let f = (reach - self.dist[i]) / s.metres;
        let part = Step {
            to_m: s.from_m + (s.to_m - s.from_m) * f,
            metres: s.metres * f,
            target: NodeIndex::end(),
            ..s
        };
        let mut steps = self.stem(i);
        steps.push(part);
        let back: Vec<Step> = steps.iter().rev().map(|&s| reverse(s)).collect();
        steps.extend(back);
        self.offer(2.0 * reach, reach, || steps);
    }

    /// Out to a junction [`AIMS_OUT`] of the target away, back by the shortest way that keeps off the
    /// way out where it can (petgraph's A* with the way out made costly): one junction per compass
    /// sector and aim. Finds good loops quickly on dense networks, where enumerating cycles is hopeless.
    fn another_way_back(&mut self) {
        let home = self.view.local(self.order[0]);
        let mut picks: Vec<usize> = Vec::new();
        for aim in AIMS_OUT.map(|f| f * self.target) {
            let mut best: [Option<usize>; SECTORS] = [None; SECTORS];
            for i in 1..self.order.len() {
                if self.dist[i] > self.target / 2.0 {
                    break; // sorted by distance
                }
                let p = self.view.local(self.order[i]);
                let angle = (p.y - home.y).atan2(p.x - home.x) + std::f64::consts::PI;
                let sector = ((angle / std::f64::consts::TAU * SECTORS as f64) as usize).min(SECTORS - 1);
                if best[sector].is_none_or(|j| (self.dist[i] - aim).abs() < (self.dist[j] - aim).abs()) {
                    best[sector] = Some(i);
                }
            }
            for i in best.into_iter().flatten() {
                if !picks.contains(&i) {
                    picks.push(i);
                }
            }
        }
        for i in picks {
            let out = self.stem(i);
            let used: HashSet<_> = out.iter().map(|s| s.edge).collect();
            let cost = |s: Step| s.metres * if used.contains(&s.edge) { AVOID_FACTOR } else { 1.0 };
            let (start, start_pos) = (self.order[0], self.view.pos(self.order[0]));
            let crow = |n| if n == start { 0.0 } else { measure::distance_m(self.view.pos(n), start_pos) };
            let Some((_, nodes)) = astar(self.view, self.order[i], |n| n == start, cost, crow) else {
                continue;
            };
            let mut steps = out;
            for w in nodes.windows(2) {
                let s = self
                    .view
                    .steps(w[0])
                    .into_iter()
                    .filter(|s| s.target == w[1])
                    .min_by(|x, y| cost(*x).total_cmp(&cost(*y)));
                steps.extend(s);
            }
            let length = steps.iter().map(|s| s.metres).sum();
            let pieces: Vec<Piece> =
                steps.iter().map(|s| Piece { edge: s.edge, from_m: s.from_m, to_m: s.to_m }).collect();
            let reused = reused_m(pieces.iter());
            self.offer(length, reused, || steps);
        }
    }

    /// Simple cycles through the start, then lollipops through the nearest hubs.
    fn cycles(&mut self) {
        if self.done() {
            return;
        }
        let hi = self.target * (1.0 + LOOP_TOLERANCE);
        for hub in 0..self.order.len().min(MAX_HUBS) {
            let d = self.dist[hub];
            if let Some(b) = &self.best {
                // a lollipop reuses its stem: none from here on can reuse less
                if b.within(self.target) && b.reused <= d {
                    break;
                }
            }
            if 2.0 * d >= hi {
                break;
            }
            let stem = self.stem(hub);
            let mut banned = vec![false; self.order.len()];
            for s in &stem {
                banned[self.index[&s.source]] = true;
            }
            let budget = if hub == 0 { START_BUDGET } else { HUB_BUDGET };
            self.cycles_through(hub, &stem, &mut banned, budget);
        }
    }

    /// Depth-first search for simple cycles through `hub` avoiding `banned` junctions, offering each
    /// one (with the stem out and back) as a candidate. The budget is shared out among the first
    /// steps, so every direction gets explored.
    fn cycles_through(&mut self, hub: usize, stem: &[Step], banned: &mut [bool], budget: usize) {
        let d = self.dist[hub];
        let limit = self.target * (1.0 + LOOP_TOLERANCE) - 2.0 * d;
        let home = self.view.local(self.order[hub]);
        let crow: Vec<f64> = self.order.iter().map(|&n| self.view.local(n).distance(home)).collect();
        let firsts = self.adj[hub].clone();
        let share = budget / firsts.len().max(1);
        banned[hub] = true;
        for &(first, first_step) in &firsts {
            if banned[first] && first != hub {
                continue;
            }
            let mut path: Vec<(usize, Step)> = vec![(first, first_step)];
            let mut cursor: Vec<usize> = vec![0];
            let mut length = first_step.metres;
            let mut spent = 0;
            if first == hub {
                self.offer_cycle(d, length, stem, &path); // an edge from the hub back to itself
                continue;
            }
            banned[first] = true;
            while let Some(&(node, _)) = path.last() {
                let k = cursor.last_mut().expect("cursor per path entry");
                let Some(&(next, step)) = self.adj[node].get(*k) else {
                    banned[node] = false;
                    let (_, s) = path.pop().expect("non-empty");
                    cursor.pop();
                    length -= s.metres;
                    continue;
                };
                *k += 1;
                spent += 1;
                if spent > share {
                    break;
                }
                let total = length + step.metres;
                if next == hub {
                    if path.len() > 1 || step.id != first_step.id {
                        path.push((next, step));
                        self.offer_cycle(d, total, stem, &path);
                        path.pop();
                        if self.done() {
                            break;
                        }
                    }
                } else if !banned[next] && total + crow[next] <= limit {
                    banned[next] = true;
                    path.push((next, step));
                    cursor.push(0);
                    length = total;
                }
            }
            for &(n, _) in &path {
                banned[n] = false;
            }
            if self.done() {
                break;
            }
        }
        banned[hub] = false;
    }

    fn offer_cycle(&mut self, stem_m: f64, cycle_m: f64, stem: &[Step], path: &[(usize, Step)]) {
        self.offer(2.0 * stem_m + cycle_m, stem_m, || {
            let mut steps = stem.to_vec();
            steps.extend(path.iter().map(|&(_, s)| s));
            steps.extend(stem.iter().rev().map(|&s| reverse(s)));
            steps
        });
    }

    /// A cycle through the start itself, close to the target: nothing can beat it by much.
    fn done(&self) -> bool {
        self.best
            .as_ref()
            .is_some_and(|b| b.reused == 0.0 && (b.length - self.target).abs() <= self.target * GOOD_ENOUGH)
    }
}

/// Twice the signed area of a closed line in the lon/lat plane (shoelace): positive when it goes
/// round counter-clockwise, about zero for an out-and-back.
fn signed_area(line: &[LonLat]) -> f64 {
    let Some(&o) = line.first() else { return 0.0 };
    // relative to the first point: products of small numbers, no cancellation of large ones
    let rel = |p: LonLat| (p.lon - o.lon, p.lat - o.lat);
    line.windows(2)
        .map(|w| {
            let ((x0, y0), (x1, y1)) = (rel(w[0]), rel(w[1]));
            x0 * y1 - x1 * y0
        })
        .sum()
}

fn reverse(s: Step) -> Step {
    Step { source: s.target, target: s.source, from_m: s.to_m, to_m: s.from_m, ..s }
}
