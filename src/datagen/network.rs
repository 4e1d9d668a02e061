//! The greenway and sponge-city waterfront networks, and the solving of their published lengths.
//!
//! Both are graphs whose junctions are computed once (as design points) and shared by every segment
//! that meets there, so after projection the segment endpoints are bit-identical. A segment is one
//! edge between junctions; a route is a named chain of segments.

use super::geom::{densify, geodesic_len, meander, polyline_len, Projector, Xy};
use super::layout::{
    bank_node, canal_head_y, lake, node, promenade_nodes, promenade_y, x_line, BANK_OFFSET, CANAL_LINES,
    COLS, LAKE_LINES,
};
use super::texts::{RouteText, GREENWAY_ROUTES, WATERFRONT_ROUTES};

/// Spacing of generated vertices along curved segments, metres.
const STEP: f64 = 25.0;
/// Half-wavelength of the greenway's meander, metres.
pub const GREENWAY_HALF_WAVE: f64 = 200.0;
/// Fixed meander of the riverside promenade (the lakes absorb the waterfront length instead).
const PROMENADE_AMP: f64 = 25.0;
/// Half-wavelength of the promenade's meander, metres.
const PROMENADE_HALF_WAVE: f64 = 300.0;
/// Segments shorter than this stay straight: a meander on a short link looks like a kink.
const MIN_WIGGLE_LEN: f64 = 300.0;

/// One edge of a network before meandering.
struct Edge {
    base: Vec<Xy>,
    /// Half-wavelength of the meander, when the edge meanders at all.
    half_wave: Option<f64>,
}

/// A named chain of edges.
struct Route {
    text: usize,
    edges: Vec<Edge>,
}

/// One output segment: which route it belongs to, its 1-based section number and its vertices.
#[derive(Clone, Debug)]
pub struct Trail {
    /// The route's text and attributes.
    pub text: &'static RouteText,
    /// Section number within the route (1-based).
    pub section: usize,
    /// Number of sections of the route, so single-section routes get no section suffix.
    pub sections: usize,
    /// Vertices in the design frame; the endpoints are shared junctions.
    pub pts: Vec<Xy>,
}

/// A chain of straight edges through `nodes`; edges listed in `bridges` never meander.
fn chain(nodes: &[Xy], half_wave: f64, bridges: &[usize]) -> Vec<Edge> {
    nodes
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            let wiggle = !bridges.contains(&k) && super::geom::dist(w[0], w[1]) >= MIN_WIGGLE_LEN;
            Edge {
                base: if wiggle { densify(w[0], w[1], STEP) } else { vec![w[0], w[1]] },
                half_wave: wiggle.then_some(half_wave),
            }
        })
        .collect()
}

/// The greenway routes, in the order of [`GREENWAY_ROUTES`].
fn greenway_routes() -> Vec<Route> {
    let hw = GREENWAY_HALF_WAVE;
    let [ca, cb] = CANAL_LINES;
    // East–west lines 1 and 2 cross both canals on bridges whose ends are the bank junctions.
    let crossing = |j: usize| {
        let nodes = [
            node(0, j),
            node(1, j),
            bank_node(ca, -1.0, j),
            bank_node(ca, 1.0, j),
            node(3, j),
            bank_node(cb, -1.0, j),
            bank_node(cb, 1.0, j),
            node(5, j),
            node(COLS, j),
        ];
        chain(&nodes, hw, &[2, 5])
    };
    let full = |j: usize| chain(&(0..=COLS).map(|i| node(i, j)).collect::<Vec<_>>(), hw, &[]);
    let north_south = |i: usize, j0: usize| chain(&(j0..=4).map(|j| node(i, j)).collect::<Vec<_>>(), hw, &[]);
    let prom = promenade_nodes();
    let mut edges = vec![
        crossing(1),
        crossing(2),
        full(3),
        full(4),
        north_south(0, 1),
        north_south(LAKE_LINES[0], 1),
        north_south(3, 1),
        north_south(LAKE_LINES[1], 1),
        north_south(COLS, 1),
        north_south(ca, 3),
        north_south(cb, 3),
        chain(&[node(LAKE_LINES[0], 1), lake(0).north()], hw, &[]),
        chain(&[node(3, 1), prom[4]], hw, &[]),
        chain(&[node(LAKE_LINES[1], 1), lake(1).north()], hw, &[]),
    ];
    edges.drain(..).enumerate().map(|(text, edges)| Route { text, edges }).collect()
}

/// Half of a lake's shore path between its north and south points, `from`/`to` in radians.
fn lake_arc(k: usize, a: f64, from: f64, to: f64) -> Edge {
    let l = lake(k);
    let n = 48;
    let mut base: Vec<Xy> = (0..=n)
        .map(|s| {
            let th = from + (to - from) * s as f64 / n as f64;
            [l.cx + a * th.cos(), l.cy + l.b * th.sin()]
        })
        .collect();
    // Endpoints are the shared junctions, not whatever sin/cos give at ±π/2.
    let (first, last) = if from.sin() > 0.0 { (l.north(), l.south()) } else { (l.south(), l.north()) };
    base[0] = first;
    base[n] = last;
    Edge { base, half_wave: None }
}

/// A canal's bank path: up the west bank, round the head, down the east bank.
fn canal_banks(canal: usize, prom_west: Xy, prom_east: Xy) -> Vec<Edge> {
    let hy = canal_head_y(canal);
    let hx = x_line(canal, hy);
    let (head_w, head_e) = ([hx - BANK_OFFSET, hy], [hx + BANK_OFFSET, hy]);
    let straight = |a: Xy, b: Xy| Edge { base: vec![a, b], half_wave: None };
    let mut arc: Vec<Xy> = (0..=12)
        .map(|k| {
            let th = std::f64::consts::PI * (1.0 - k as f64 / 12.0);
            [hx + BANK_OFFSET * th.cos(), hy + BANK_OFFSET * th.sin()]
        })
        .collect();
    arc[0] = head_w;
    arc[12] = head_e;
    vec![
        straight(prom_west, bank_node(canal, -1.0, 1)),
        straight(bank_node(canal, -1.0, 1), bank_node(canal, -1.0, 2)),
        straight(bank_node(canal, -1.0, 2), head_w),
        Edge { base: arc, half_wave: None },
        straight(head_e, bank_node(canal, 1.0, 2)),
        straight(bank_node(canal, 1.0, 2), bank_node(canal, 1.0, 1)),
        straight(bank_node(canal, 1.0, 1), prom_east),
    ]
}

/// The waterfront routes for lake semi-axis `a`, in the order of [`WATERFRONT_ROUTES`].
fn waterfront_routes(a: f64) -> Vec<Route> {
    let prom = promenade_nodes();
    let promenade: Vec<Edge> = prom
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            if k == 2 || k == 5 {
                // The bridges over the canal mouths.
                return Edge { base: vec![w[0], w[1]], half_wave: None };
            }
            let mut base = vec![w[0]];
            for p in densify(w[0], w[1], STEP).iter().skip(1).take_while(|p| p[0] < w[1][0]) {
                base.push([p[0], promenade_y(p[0])]);
            }
            base.push(w[1]);
            let wiggle = polyline_len(&base) >= MIN_WIGGLE_LEN;
            Edge { base, half_wave: wiggle.then_some(PROMENADE_HALF_WAVE) }
        })
        .collect();
    let half_pi = std::f64::consts::FRAC_PI_2;
    let loop_of = |k: usize| vec![lake_arc(k, a, half_pi, 3.0 * half_pi), lake_arc(k, a, -half_pi, half_pi)];
    let outlet = |k: usize, p: Xy| vec![Edge { base: vec![lake(k).south(), p], half_wave: None }];
    let mut edges = vec![
        promenade,
        loop_of(0),
        outlet(0, prom[1]),
        loop_of(1),
        outlet(1, prom[7]),
        canal_banks(CANAL_LINES[0], prom[2], prom[3]),
        canal_banks(CANAL_LINES[1], prom[5], prom[6]),
    ];
    edges.drain(..).enumerate().map(|(text, edges)| Route { text, edges }).collect()
}

/// Applies the meander and flattens routes into trails.
fn realize(routes: &[Route], texts: &'static [RouteText], amp: f64) -> Vec<Trail> {
    let mut out = Vec::new();
    for route in routes {
        for (k, edge) in route.edges.iter().enumerate() {
            let pts = match edge.half_wave {
                Some(hw) => meander(&edge.base, amp, hw),
                None => edge.base.clone(),
            };
            out.push(Trail { text: &texts[route.text], section: k + 1, sections: route.edges.len(), pts });
        }
    }
    out
}

/// Total geodesic length of trails after projection, in kilometres.
pub fn network_km(trails: &[Trail], proj: &Projector) -> f64 {
    trails.iter().map(|t| geodesic_len(&proj.line(&t.pts))).sum::<f64>() / 1000.0
}

/// The greenway with the meander amplitude that gives `target_km`.
pub fn solve_greenway(proj: &Projector, target_km: f64) -> Vec<Trail> {
    let routes = greenway_routes();
    let km = |amp: f64| network_km(&realize(&routes, &GREENWAY_ROUTES, amp), proj);
    assert!(km(0.0) < target_km, "greenway base plan is already too long");
    let amp = super::geom::bisect(0.0, 90.0, target_km, km);
    realize(&routes, &GREENWAY_ROUTES, amp)
}

/// The waterfront with the lake size that gives `target_km`, and that lake semi-axis (metres).
pub fn solve_waterfront(proj: &Projector, target_km: f64) -> (Vec<Trail>, f64) {
    let realized = |a: f64| realize(&waterfront_routes(a), &WATERFRONT_ROUTES, PROMENADE_AMP);
    let max_a = super::layout::lake_max_a(0).min(super::layout::lake_max_a(1));
    let a = super::geom::bisect(200.0, max_a, target_km, |a| network_km(&realized(a), proj));
    (realized(a), a)
}
