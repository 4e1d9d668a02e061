#![cfg(not(target_arch = "wasm32"))]
//! Properties of the planner on small random networks, checked against a Floyd–Warshall oracle that
//! works on the park data directly (trail ends and lengths), not on the planner's graph.

use parkmap::geo::LonLat;
use parkmap::model::{Park, Text, Trail, TrailKind, Winter};
use parkmap::route::{plan, Blocked, RouteError, RouteOptions, TrailGraph};
use proptest::prelude::*;

/// Junction `k` of a generated network. On a parabola, so no three are collinear and no trail's
/// straight line or midpoint falls on another junction, even when proptest shrinks the jitter to 0.
fn junction(k: usize, jitter: (f64, f64)) -> LonLat {
    let k = k as f64;
    LonLat::lon_lat(126.50 + 0.003 * k + jitter.0, 45.83 + 0.0005 * k * k + jitter.1)
}

#[derive(Clone, Debug)]
struct Link {
    a: usize,
    b: usize,
    /// Offset of an optional middle vertex from the midpoint, in degrees.
    bend: Option<(f64, f64)>,
    closed: bool,
    winter_closed: bool,
}

fn network() -> impl Strategy<Value = (Vec<(f64, f64)>, Vec<Link>)> {
    (2usize..8).prop_flat_map(|n| {
        let jitter = prop::collection::vec((0.0..0.0008f64, 0.0..0.0008f64), n);
        let link = (
            0..n,
            0..n,
            prop::option::of((-0.001..0.001f64, -0.001..0.001f64)),
            prop::bool::weighted(0.15),
            prop::bool::weighted(0.2),
        )
            .prop_map(|(a, b, bend, closed, winter_closed)| Link {
                a,
                b,
                bend,
                closed,
                winter_closed,
            });
        (jitter, prop::collection::vec(link, 1..16))
    })
}

fn build(jitter: &[(f64, f64)], links: &[Link]) -> (Vec<LonLat>, Vec<Trail>) {
    let nodes: Vec<LonLat> = jitter.iter().enumerate().map(|(k, &j)| junction(k, j)).collect();
    let trails = links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.a != l.b)
        .map(|(i, l)| {
            let (a, b) = (nodes[l.a], nodes[l.b]);
            let mut line = vec![a];
            if let Some((dx, dy)) = l.bend {
                line.push(LonLat::lon_lat((a.lon + b.lon) / 2.0 + dx, (a.lat + b.lat) / 2.0 + dy));
            }
            line.push(b);
            let name = Text { zh: format!("路{i}"), en: format!("Trail {i}"), ru: None };
            Trail {
                winter: l.winter_closed.then_some(Winter::Closed),
                closed: l.closed,
                // The model joins lines only at their end nodes: where two random lines cross, one
                // passes over the other (noding would otherwise join them at the crossing), and the
                // parks below join no line end to a line it merely passes near (tolerance 0 m).
                grade_separated: true,
                ..Trail::from_line(&format!("t{i}"), TrailKind::Greenway, name, line)
            }
        })
        .collect();
    (nodes, trails)
}

/// All-pairs shortest distances over the usable trails, by Floyd–Warshall.
fn floyd_warshall(nodes: &[LonLat], links: &[Link], trails: &[Trail], opts: &RouteOptions) -> Vec<Vec<f64>> {
    let n = nodes.len();
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        row[i] = 0.0;
    }
    let usable = links.iter().filter(|l| l.a != l.b);
    for (l, t) in usable.zip(trails) {
        if t.closed || (opts.winter && t.winter == Some(Winter::Closed)) {
            continue;
        }
        d[l.a][l.b] = d[l.a][l.b].min(t.length_m());
        d[l.b][l.a] = d[l.a][l.b];
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if d[i][k] + d[k][j] < d[i][j] {
                    d[i][j] = d[i][k] + d[k][j];
                }
            }
        }
    }
    d
}

/// Junctions with at least one usable trail: a waypoint placed there snaps onto the junction itself.
fn served(links: &[Link], trails: &[Trail], n: usize, opts: &RouteOptions) -> Vec<bool> {
    let mut out = vec![false; n];
    for (l, t) in links.iter().filter(|l| l.a != l.b).zip(trails) {
        if !(t.closed || (opts.winter && t.winter == Some(Winter::Closed))) {
            out[l.a] = true;
            out[l.b] = true;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn shortest_distances_between_junctions_equal_floyd_warshall((jitter, links) in network(), winter: bool) {
        let (nodes, trails) = build(&jitter, &links);
        let opts = RouteOptions { winter };
        let graph = TrailGraph::from_park(&Park { greenway: trails.clone(), junction_tolerance_m: Some(0.0), ..Park::default() });
        let fw = floyd_warshall(&nodes, &links, &trails, &opts);
        let ok = served(&links, &trails, nodes.len(), &opts);
        let opened: Vec<Trail> = trails.iter().map(|t| Trail { closed: false, winter: None, ..t.clone() }).collect();
        let open_all = floyd_warshall(&nodes, &links, &opened, &opts);
        for i in (0..nodes.len()).filter(|&i| ok[i]) {
            for j in (0..nodes.len()).filter(|&j| ok[j]) {
                match plan(&graph, &[nodes[i], nodes[j]], &opts) {
                    Ok(r) => {
                        prop_assert!((r.distance_m - fw[i][j]).abs() < 1e-6, "{i}->{j}: {} vs {}", r.distance_m, fw[i][j]);
                        prop_assert!((r.reverse().distance_m - r.distance_m).abs() < 1e-9);
                    }
                    Err(RouteError::NoPath { reason, .. }) => {
                        prop_assert!(fw[i][j].is_infinite(), "{i}->{j}: no path but FW says {}", fw[i][j]);
                        // a closure is named exactly when opening every trail would connect them
                        match reason {
                            Blocked::Disconnected => prop_assert!(open_all[i][j].is_infinite()),
                            Blocked::Closed { closures, .. } => {
                                prop_assert!(open_all[i][j].is_finite());
                                prop_assert!(!closures.is_empty());
                            }
                        }
                    }
                    Err(e) => prop_assert!(false, "{i}->{j}: {e}"),
                }
            }
        }
    }

    #[test]
    fn a_point_inside_an_edge_reaches_each_junction_through_one_of_the_edge_ends(
        (jitter, links) in network(),
        pick in any::<prop::sample::Index>(),
        frac in 0.05..0.95f64,
    ) {
        let (nodes, trails) = build(&jitter, &links);
        let opts = RouteOptions::default();
        let graph = TrailGraph::from_park(&Park { greenway: trails.clone(), junction_tolerance_m: Some(0.0), ..Park::default() });
        let open: Vec<_> = graph.edges().filter(|(_, e)| !e.closed).collect();
        prop_assume!(!open.is_empty());
        let (_, edge) = open[pick.index(open.len())];
        let p = edge.point_at(edge.length_m * frac);
        // lands on that edge, or on one lying exactly on top of it (identical parallel trails)
        let snap = graph.snap(p).unwrap();
        prop_assert!(snap.distance_m < 1e-3, "{}", snap.distance_m);
        let (a, b) = graph.endpoints(snap.edge).unwrap();
        let at = |n| nodes.iter().position(|&q| q == graph.junction(n).unwrap().pos).unwrap();
        let (a, b) = (at(a), at(b));
        let len = graph.edge(snap.edge).unwrap().length_m;
        let fw = floyd_warshall(&nodes, &links, &trails, &opts);
        let ok = served(&links, &trails, nodes.len(), &opts);
        for x in (0..nodes.len()).filter(|&x| ok[x]) {
            let expected = (snap.along_m + fw[a][x]).min(len - snap.along_m + fw[b][x]);
            match plan(&graph, &[p, nodes[x]], &opts) {
                Ok(r) => prop_assert!((r.distance_m - expected).abs() < 1e-6, "to {x}: {} vs {expected}", r.distance_m),
                Err(e) => prop_assert!(expected.is_infinite(), "to {x}: {e}"),
            }
        }
    }
}
