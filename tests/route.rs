#![cfg(not(target_arch = "wasm32"))]
//! Route planning on the shipped park (`public/data/`), read through the app's own parser.

mod common;

use std::sync::OnceLock;

use parkmap::geo::measure::{distance_m, length_m};
use parkmap::geo::LonLat;
use parkmap::model::{Park, PoiKind};
use parkmap::route::{plan, plan_loop, to_gpx, Blocked, RouteError, RouteOptions, TrailGraph, POI_NEAR_M};

struct Shipped {
    park: Park,
    graph: TrailGraph,
}

fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let park = load_park();
        let graph = TrailGraph::from_park(&park);
        Shipped { park, graph }
    })
}

fn load_park() -> Park {
    common::load_shipped().1
}

/// POIs the data format promises lie within 50 m of a trail: good route and loop endpoints.
fn trail_pois() -> Vec<(String, LonLat)> {
    use PoiKind::*;
    let near = [Entrance, Parking, Toilet, BikeRental, Viewpoint, WarmStation];
    shipped().park.pois.iter().filter(|p| near.contains(&p.kind)).map(|p| (p.id.clone(), p.pos)).collect()
}

const SUMMER: RouteOptions = RouteOptions { winter: false };
const WINTER: RouteOptions = RouteOptions { winter: true };

#[test]
fn shipped_network_is_one_component_of_all_76_segments() {
    let g = &shipped().graph;
    let comps = g.components();
    assert_eq!(comps.len(), 1, "{comps:?}");
    assert_eq!(comps[0].len(), 76);
    let total_km = g.edges().map(|(_, e)| e.length_m).sum::<f64>() / 1000.0;
    let data_km =
        shipped().park.greenway.iter().chain(&shipped().park.waterfront).map(|t| t.length_m()).sum::<f64>()
            / 1000.0;
    assert!((total_km - data_km).abs() < 1e-6, "{total_km} vs {data_km}");
}

#[test]
fn routes_between_poi_pairs_are_at_least_the_straight_line_and_reverse_to_the_same_length() {
    let pois = trail_pois();
    assert!(pois.len() >= 40);
    for (i, (a_id, a)) in pois.iter().enumerate() {
        let (b_id, b) = &pois[(i * 7 + 3) % pois.len()];
        if a_id == b_id {
            continue;
        }
        let r =
            plan(&shipped().graph, &[*a, *b], &SUMMER).unwrap_or_else(|e| panic!("{a_id} -> {b_id}: {e}"));
        let snapped = distance_m(r.waypoints[0].pos, r.waypoints[1].pos);
        assert!(r.distance_m >= snapped - 1e-6, "{a_id} -> {b_id}");
        assert!((length_m(&r.geometry) - r.distance_m).abs() < 0.05, "geometry matches the distance");
        assert!((r.segments.iter().map(|s| s.metres).sum::<f64>() - r.distance_m).abs() < 1e-6);
        let back = plan(&shipped().graph, &[*b, *a], &SUMMER).unwrap();
        assert!((back.distance_m - r.distance_m).abs() < 1e-6, "{a_id} <-> {b_id}");
        let rev = r.reverse();
        assert!((rev.distance_m - r.distance_m).abs() < 1e-9);
        assert_eq!(rev.geometry.first(), r.geometry.last());
        assert!((length_m(&rev.geometry) - length_m(&r.geometry)).abs() < 1e-6);
        assert_eq!(rev.reverse(), r);
    }
}

#[test]
fn snapping_splits_an_edge_so_the_ways_to_its_two_ends_add_up_to_its_length() {
    let g = &shipped().graph;
    let mut straight = 0;
    for (e, edge) in g.edges() {
        let (a, b) = g.endpoints(e).unwrap();
        let (a, b) = (g.junction(a).unwrap().pos, g.junction(b).unwrap().pos);
        let p = edge.point_at(edge.length_m * 0.37);
        let s = g.snap(p).unwrap();
        assert_eq!(s.edge, e, "{}", edge.trail_id);
        assert!(s.distance_m < 1e-3, "{}: {}", edge.trail_id, s.distance_m);
        let to_a = plan(g, &[p, a], &SUMMER).unwrap();
        let to_b = plan(g, &[p, b], &SUMMER).unwrap();
        // never longer than walking along the edge
        assert!(to_a.distance_m <= s.along_m + 1e-6);
        assert!(to_b.distance_m <= edge.length_m - s.along_m + 1e-6);
        let on_edge = |r: &parkmap::route::Route| r.legs[0].pieces.iter().all(|p| p.edge == e);
        if on_edge(&to_a) && on_edge(&to_b) {
            straight += 1;
            assert!((to_a.distance_m + to_b.distance_m - edge.length_m).abs() < 1e-6, "{}", edge.trail_id);
        }
    }
    assert!(straight >= g.edge_count() * 9 / 10, "{straight} of {}", g.edge_count());
}

#[test]
fn winter_routes_never_use_a_trail_closed_in_winter() {
    let g = &shipped().graph;
    let pois = trail_pois();
    let mut detours = 0;
    for (i, (_, a)) in pois.iter().enumerate() {
        let (_, b) = pois[(i * 5 + 1) % pois.len()];
        let summer = plan(g, &[*a, b], &SUMMER).unwrap();
        let winter = plan(g, &[*a, b], &WINTER).unwrap();
        let closed: Vec<_> =
            winter.legs[0].pieces.iter().filter(|p| g.edge(p.edge).unwrap().winter_closed).collect();
        assert!(closed.is_empty(), "winter route uses {closed:?}");
        assert!(winter.distance_m >= summer.distance_m - 1e-6);
        detours += usize::from(winter.distance_m > summer.distance_m + 1.0);
    }
    assert!(detours > 0, "some shortest summer route crosses a winter closure");
}

#[test]
fn closing_every_way_to_the_riverside_but_a_winter_closed_link_names_that_link() {
    // Leave West Lake Link (g46, closed in winter) as the only way between the greenway and the river
    // promenade that ever opens: close the others all year.
    let mut park = load_park();
    for t in park.greenway.iter_mut().chain(park.waterfront.iter_mut()) {
        if ["g47", "g48", "w15", "w21", "w22", "w28"].contains(&t.id.as_str()) {
            t.closed = true;
        }
    }
    let g = TrailGraph::from_park(&park);
    let river = park.trail("w04").unwrap().parts[0][10];
    let greenway = park.trail("g12").unwrap().parts[0][10];
    assert!(plan(&g, &[greenway, river], &SUMMER).is_ok());
    let err = plan(&g, &[greenway, river], &WINTER).unwrap_err();
    let RouteError::NoPath { from: 0, to: 1, reason: Blocked::Closed { ref closures, only: true } } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!(closures.len(), 1);
    assert_eq!(closures[0].trail_id, "g46");
    assert!(
        err.to_string().ends_with("the only connection, West Lake Link (g46), is closed in winter"),
        "{err}"
    );
}

#[test]
fn a_point_far_from_every_trail_is_too_far() {
    let far = LonLat::lon_lat(126.40, 45.75);
    let start = trail_pois()[0].1;
    let err = plan(&shipped().graph, &[start, far], &SUMMER).unwrap_err();
    assert!(matches!(err, RouteError::TooFar { index: 1, distance_m, .. } if distance_m > 5000.0), "{err:?}");
}

#[test]
fn routes_through_vias_are_the_sum_of_their_legs() {
    let pois = trail_pois();
    let pts = [pois[0].1, pois[9].1, pois[17].1, pois[30].1];
    let r = plan(&shipped().graph, &pts, &SUMMER).unwrap();
    assert_eq!(r.legs.len(), 3);
    let sum: f64 = (0..3).map(|i| plan(&shipped().graph, &pts[i..i + 2], &SUMMER).unwrap().distance_m).sum();
    assert!((r.distance_m - sum).abs() < 1e-6);
    for w in r.legs.windows(2) {
        assert_eq!(w[0].to, w[1].from);
    }
}

#[test]
fn pois_passed_are_near_the_route_and_in_route_order() {
    let park = &shipped().park;
    let pois = trail_pois();
    let r = plan(&shipped().graph, &[pois[0].1, pois[20].1], &SUMMER).unwrap();
    let passed = r.pois_passed(park, POI_NEAR_M);
    assert!(passed.iter().any(|p| p.poi_id == pois[0].0), "the start POI itself is passed");
    assert!(passed.windows(2).all(|w| w[0].along_m <= w[1].along_m));
    for p in &passed {
        assert!(p.off_m <= POI_NEAR_M);
        assert!(p.along_m <= r.distance_m + 0.05);
    }
    // and every POI left out is farther than 50 m from every route vertex
    for poi in &park.pois {
        if passed.iter().all(|p| p.poi_id != poi.id) {
            assert!(r.geometry.iter().all(|&v| distance_m(v, poi.pos) > POI_NEAR_M), "{}", poi.id);
        }
    }
}

#[test]
fn round_trips_from_forty_starts_are_within_ten_percent_or_say_how_close_they_came() {
    let g = &shipped().graph;
    let starts = trail_pois();
    assert!(starts.len() >= 20);
    let mut ok = 0;
    for km in [3.0, 5.0, 10.0, 20.0] {
        for (id, p) in &starts {
            match plan_loop(g, *p, km, &SUMMER) {
                Ok(r) => {
                    ok += 1;
                    assert!(
                        (r.distance_m - km * 1000.0).abs() <= km * 100.0,
                        "{id} {km} km: {}",
                        r.distance_m
                    );
                    assert_eq!(r.geometry.first(), r.geometry.last(), "{id} {km} km: closed");
                    assert!((length_m(&r.geometry) - r.distance_m).abs() < 0.1);
                    assert!(r.reused_m <= r.distance_m / 2.0 + 1e-6);
                }
                Err(RouteError::NoLoop { target_km, closest }) => {
                    assert_eq!(target_km, km);
                    let c = closest.expect("a closest round trip");
                    assert!((c.distance_m - km * 1000.0).abs() > km * 100.0);
                }
                Err(e) => panic!("{id} {km} km: {e}"),
            }
        }
    }
    assert!(ok >= starts.len() * 4 * 9 / 10, "{ok} loops");
}

#[test]
fn a_ten_km_round_trip_from_the_middle_walks_nothing_twice() {
    let g = &shipped().graph;
    let centre = shipped().park.trail("g12").unwrap().parts[0][20];
    let r = plan_loop(g, centre, 10.0, &SUMMER).unwrap();
    assert_eq!(r.reused_m, 0.0);
    assert!((r.distance_m - 10_000.0).abs() <= 1000.0);
}

#[test]
fn round_trip_lengths_outside_two_to_forty_km_are_refused() {
    let p = trail_pois()[0].1;
    for km in [1.9, 40.5, f64::NAN] {
        assert!(matches!(
            plan_loop(&shipped().graph, p, km, &SUMMER),
            Err(RouteError::LoopLengthOutOfRange { .. })
        ));
    }
}

#[test]
fn gpx_round_trips_points_waypoints_and_length() {
    let pois = trail_pois();
    let r = plan(&shipped().graph, &[pois[1].1, pois[25].1, pois[33].1], &SUMMER).unwrap();
    let marks: Vec<(&str, LonLat)> =
        r.waypoints.iter().enumerate().map(|(i, s)| (["Start", "Via", "End"][i], s.pos)).collect();
    let text = to_gpx(&r, "ParkMap route", &marks);
    let back = gpx::read(text.as_bytes()).expect("GPX parses back");
    assert_eq!(back.version, gpx::GpxVersion::Gpx11);
    assert_eq!(back.waypoints.len(), 3);
    assert_eq!(back.waypoints[1].name.as_deref(), Some("Via"));
    let pts: Vec<LonLat> = back.tracks[0].segments[0]
        .points
        .iter()
        .map(|w| LonLat::lon_lat(w.point().x(), w.point().y()))
        .collect();
    assert_eq!(pts.len(), r.geometry.len());
    assert!((length_m(&pts) - r.distance_m).abs() < 1.0, "{} vs {}", length_m(&pts), r.distance_m);
}

#[test]
fn a_loop_goes_the_same_way_from_a_place_and_from_its_link() {
    // A loop planned from a facility and the same loop opened from the link (whose position is
    // rounded to 5 decimals) are one route: they once went round opposite ways (West Gate, 10 km).
    let ids = |r: &parkmap::route::Route| r.segments.iter().map(|s| s.trail_id.clone()).collect::<Vec<_>>();
    let g = &shipped().graph;
    let mut compared = 0;
    for (id, p) in trail_pois() {
        let linked = LonLat::lon_lat((p.lon * 1e5).round() / 1e5, (p.lat * 1e5).round() / 1e5);
        for km in [5.0, 10.0] {
            let (Ok(picked), Ok(opened)) = (plan_loop(g, p, km, &SUMMER), plan_loop(g, linked, km, &SUMMER))
            else {
                continue;
            };
            if (picked.distance_m - opened.distance_m).abs() < 1.0 {
                assert_eq!(ids(&picked), ids(&opened), "{id} {km} km");
                compared += 1;
            }
        }
    }
    assert!(compared >= 20, "{compared} loops compared");
}
