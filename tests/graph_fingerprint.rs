#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm
#![cfg(not(target_arch = "wasm32"))]
//! The shipped park's trail graph, pinned: the figures below were taken from the graph built by
//! exact-coordinate joining, before the network was built by noding. Noding must give the very same
//! graph for a park whose segments already meet at identical coordinates (same nodes, edges,
//! lengths), so routes and `sel=` links on the shipped park never change.

mod common;

use parkmap::geo::LonLat;
use parkmap::route::{plan, RouteOptions, TrailGraph};

/// A 64-bit FNV-1a over the graph's edges, each as (trail id, first and last vertex, vertex count,
/// length in millimetres), sorted so the order of construction does not matter.
fn fingerprint(g: &TrailGraph) -> u64 {
    let mut rows: Vec<String> = g
        .edges()
        .map(|(_, e)| {
            let (a, b) = (e.line[0], e.line[e.line.len() - 1]);
            format!(
                "{}|{:.7},{:.7}|{:.7},{:.7}|{}|{}",
                e.trail_id,
                a.lon,
                a.lat,
                b.lon,
                b.lat,
                e.line.len(),
                (e.length_m * 1000.0).round() as i64
            )
        })
        .collect();
    rows.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in rows.join("\n").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn poi(id: &str) -> LonLat {
    common::shipped_park().poi(id).unwrap_or_else(|| panic!("POI {id}")).pos
}

#[test]
fn shipped_graph_is_unchanged_by_noding() {
    let park = common::shipped_park();
    let g = TrailGraph::from_park(park);
    let total_m: f64 = g.edges().map(|(_, e)| e.length_m).sum();
    let fp = fingerprint(&g);
    if std::env::var_os("FINGERPRINT_PRINT").is_some() {
        println!("nodes {} edges {} total {total_m:.3} fp {fp:#x}", g.node_count(), g.edge_count());
        return;
    }
    assert_eq!(g.node_count(), EXPECTED_NODES);
    assert_eq!(g.edge_count(), EXPECTED_EDGES);
    assert!((total_m - EXPECTED_TOTAL_M).abs() < 0.001, "{total_m}");
    assert_eq!(fp, EXPECTED_FINGERPRINT);
}

#[test]
fn shipped_route_lengths_are_unchanged_by_noding() {
    let park = common::shipped_park();
    let g = TrailGraph::from_park(park);
    let ids: Vec<&str> = park.pois.iter().map(|p| p.id.as_str()).collect();
    for &(a, b, expected) in EXPECTED_ROUTES {
        let r = plan(&g, &[poi(a), poi(b)], &RouteOptions::default());
        let got = r.map(|r| r.distance_m).unwrap_or(-1.0);
        if std::env::var_os("FINGERPRINT_PRINT").is_some() {
            println!("(\"{a}\", \"{b}\", {got:.3}),");
            continue;
        }
        assert!((got - expected).abs() < 0.001, "{a} → {b}: {got} vs {expected} ({} POIs)", ids.len());
    }
}

const EXPECTED_NODES: usize = 49;
const EXPECTED_EDGES: usize = 76;
const EXPECTED_TOTAL_M: f64 = 70_999.992;
const EXPECTED_FINGERPRINT: u64 = 0x86a8_1a5b_1613_ac1a;
const EXPECTED_ROUTES: &[(&str, &str, f64)] = &[
    ("p01", "p08", 5252.944),
    ("p02", "p33", 5516.343),
    ("p09", "p40", 4691.888),
    ("p15", "p28", 1635.915),
    ("p23", "p05", 9825.625),
    ("p35", "p12", 5222.181),
];
