//! Round trips on tiny hand-built networks.

use crate::geo::LonLat;
use crate::route::test_park::{park_of, trail};
use crate::route::{plan_loop, RouteError, RouteOptions, TrailGraph};

/// A square of four ~1.1 km sides with a dead-end spur from its south-west corner.
fn square_with_spur() -> TrailGraph {
    let (w, e, s, n) = (126.50, 126.514, 45.83, 45.84);
    TrailGraph::from_park(&park_of(vec![
        trail("s", &[(w, s), (e, s)]),
        trail("e", &[(e, s), (e, n)]),
        trail("n", &[(e, n), (w, n)]),
        trail("w", &[(w, n), (w, s)]),
        trail("spur", &[(w, s), (w - 0.02, s)]),
    ]))
}

#[test]
fn a_loop_around_a_square_walks_nothing_twice() {
    let g = square_with_spur();
    let perimeter: f64 = g.edges().filter(|(_, e)| e.trail_id != "spur").map(|(_, e)| e.length_m).sum();
    let r =
        plan_loop(&g, LonLat::lon_lat(126.507, 45.83), perimeter / 1000.0, &RouteOptions::default()).unwrap();
    assert_eq!(r.reused_m, 0.0);
    assert!((r.distance_m - perimeter).abs() < 1e-6);
    assert_eq!(r.geometry.first(), r.geometry.last());
}

#[test]
fn from_the_end_of_a_spur_the_loop_walks_only_the_spur_twice() {
    let g = square_with_spur();
    let spur = g.edges().find(|(_, e)| e.trail_id == "spur").unwrap().1.length_m;
    let perimeter: f64 = g.edges().filter(|(_, e)| e.trail_id != "spur").map(|(_, e)| e.length_m).sum();
    let km = (perimeter + 2.0 * spur) / 1000.0;
    let r = plan_loop(&g, LonLat::lon_lat(126.48, 45.83), km, &RouteOptions::default()).unwrap();
    assert!((r.reused_m - spur).abs() < 1e-6, "{} vs {spur}", r.reused_m);
    assert!((r.distance_m - km * 1000.0).abs() < 1e-6);
}

#[test]
fn a_loop_longer_than_the_network_allows_comes_back_with_the_closest() {
    let g = square_with_spur();
    match plan_loop(&g, LonLat::lon_lat(126.507, 45.83), 40.0, &RouteOptions::default()) {
        Err(RouteError::NoLoop { target_km, closest: Some(c) }) => {
            assert_eq!(target_km, 40.0);
            assert!(c.distance_m < 36_000.0);
        }
        other => panic!("{other:?}"),
    }
}
