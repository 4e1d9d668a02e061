#![cfg(not(target_arch = "wasm32"))]
//! Real-world-shaped bundles (`tests/fixtures/real/`): an osmtogeojson export (`way/…` ids, OSM
//! tags, a route relation as a MultiLineString overlapping its ways, a footbridge), a QGIS export
//! (`Multi*` geometries, 3-D positions, a legacy `crs`, upper-case property names, nulls) and a GPX
//! file converted by ogr2ogr (tracks with elevations and two segments, waypoints). Each must load
//! with no problem, every feature drawn, the expected notes, and routes between all its POIs. The
//! hand-built `noding` fixture states its junctions and route lengths.

use std::path::PathBuf;

use parkmap::geo::measure::{distance_m, length_m};
use parkmap::geo::LonLat;
use parkmap::model::{Industry, PoiKind, ZoneCategory};
use parkmap::route::{plan, RouteError, RouteOptions, TrailGraph};
use parkmap::validate::files::validate_path;
use parkmap::validate::Report;

fn report(bundle: &str) -> Report {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real").join(bundle).join("park.json");
    validate_path(&path).expect("readable bundle")
}

fn notes(r: &Report) -> Vec<String> {
    r.notes.iter().map(ToString::to_string).collect()
}

/// No problem, the given notes among the notes, and a route between every pair of POIs.
fn check(bundle: &str, trails: usize, pois: usize, expected_notes: &[&str]) -> Report {
    let r = report(bundle);
    assert!(r.problems.is_empty(), "{bundle}: {:#?}", r.problems);
    let got = notes(&r);
    for n in expected_notes {
        assert!(got.iter().any(|g| g == n), "{bundle}: expected note {n:?} in {got:#?}");
    }
    assert_eq!(r.park.greenway.len(), trails, "{bundle}: trails drawn");
    assert_eq!(r.park.pois.len(), pois, "{bundle}: POIs drawn");
    for t in &r.park.greenway {
        let parts: f64 = t.parts.iter().map(|p| length_m(p)).sum();
        assert!(
            t.length_m() > 100.0 && (t.length_m() - parts).abs() < 1e-6,
            "{bundle}: {} {}",
            t.id,
            t.length_m()
        );
    }
    let graph = TrailGraph::from_park(&r.park);
    assert_eq!(graph.components().len(), 1, "{bundle}: {:?}", graph.components());
    for a in &r.park.pois {
        for b in &r.park.pois {
            if a.id != b.id {
                let route = plan(&graph, &[a.pos, b.pos], &RouteOptions::default());
                let route = route.unwrap_or_else(|e| panic!("{bundle}: {} → {}: {e}", a.id, b.id));
                assert!(route.distance_m > 0.0, "{bundle}: {} → {}", a.id, b.id);
            }
        }
    }
    r
}

#[test]
fn an_osmtogeojson_export_loads_with_osm_ids_names_and_kinds() {
    let r = check(
        "osm-export",
        7,
        6,
        &[
            "pois.geojson: kind: taken from OSM tags (5 features, first at index 0; e.g. \"amenity=toilets\", \"amenity=parking\", \"tourism=viewpoint\")",
            "pois.geojson: kind: missing; shown as other (1 feature, first at index 5)",
            "greenway.geojson: geometry: 1 crossing not joined in the route network: a bridge, tunnel or other layer",
        ],
    );
    let p = &r.park;
    let riverside = p.trail("way/101").expect("feature id used");
    assert_eq!((riverside.name.zh.as_str(), riverside.name.en.as_str()), ("滨江步道", "Riverside Path"));
    assert!(riverside.lit == Some(true));
    assert!(p.trail("way/104").unwrap().grade_separated);
    assert_eq!(p.trail("way/106").unwrap().name.en, "U1");
    let relation = p.trail("relation/9001").unwrap();
    assert_eq!(relation.parts.len(), 2);
    assert_eq!(p.poi("node/201").unwrap().kind, PoiKind::Toilet);
    assert_eq!(p.poi("node/204").unwrap().kind, PoiKind::Entrance);
    assert_eq!(p.poi("node/204").unwrap().name.en, "Place 4");
    assert_eq!(p.poi("node/206").unwrap().kind, PoiKind::Other);
    assert_eq!(p.poi("node/203").unwrap().name.ru.as_deref(), Some("Смотровая площадка"));
}

#[test]
fn a_qgis_export_loads_multi_geometries_and_upper_case_names() {
    let r = check(
        "qgis-export",
        5,
        5,
        &[
            "pois.geojson: geometry: MultiPoint read as one POI per point (1 feature, first at index 0)",
            "companies.geojson: geometry: MultiPoint company placed at its first point (1 feature, first at index 1)",
            "companies.geojson: industry: not a known value; shown as other (1 feature, first at index 0; e.g. \"robotics\")",
            "trails.geojson: name: no name; named by layer and position (1 feature, first at index 3; e.g. \"Trail 4\")",
        ],
    );
    let p = &r.park;
    assert_eq!(p.companies.len(), 2);
    let robotics = p.companies.iter().find(|c| c.name.en == "Harbin Robotics Co.").unwrap();
    assert_eq!(
        (robotics.industry, robotics.capital_yuan, robotics.name.zh.as_str()),
        (Industry::Other, Some(5_000_000), "哈尔滨机器人有限公司")
    );
    assert_eq!(p.zones[0].category, ZoneCategory::Other);
    assert!(p.greenway.iter().any(|t| t.name.en == "S1"));
    assert!(p.greenway.iter().any(|t| t.name.zh == "步道 4" && t.name.ru.as_deref() == Some("Тропа 4")));
    let toilets: Vec<_> = p.pois.iter().filter(|q| q.kind == PoiKind::Toilet).collect();
    assert_eq!(toilets.len(), 2);
    assert_ne!(toilets[0].id, toilets[1].id);
    assert_eq!(toilets[1].id, format!("{}:2", toilets[0].id));
}

#[test]
fn a_gpx_conversion_loads_tracks_with_elevations() {
    let r = check(
        "gpx-converted",
        2,
        3,
        &["waypoints.geojson: kind: missing; shown as other (3 features, first at index 0)"],
    );
    let ride = r.park.greenway.iter().find(|t| t.name.en == "Morning ride").unwrap();
    assert_eq!(ride.parts.len(), 2);
    // A 0.01° × 0.006° loop near 45.85° N: about 2 × (776 + 667) m.
    assert!((ride.length_m() - 2886.0).abs() < 10.0, "{}", ride.length_m());
}

#[test]
fn generated_ids_are_stable_across_edits_to_other_features() {
    let a = report("qgis-export");
    let ids: Vec<String> = a.park.greenway.iter().map(|t| t.id.clone()).collect();
    let b = report("qgis-export");
    assert_eq!(ids, b.park.greenway.iter().map(|t| t.id.clone()).collect::<Vec<_>>());
    assert!(ids.iter().all(|id| id.starts_with("g-") && id.len() == 10), "{ids:?}");
}

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::lon_lat(lon, lat)
}

#[test]
fn the_noding_fixture_has_its_stated_junctions_and_route_lengths() {
    // a: west–east at 45.840; b crosses it at 126.505 with no shared vertex (joined); c crosses it
    // at 126.508 as a bridge (not joined); d ends 2 m south of it at 126.502 (joined, extended to
    // it); e ends 4 m north of it at 126.5035 (beyond the 3 m tolerance: not joined).
    let r = report("noding");
    let (graph, noded) = TrailGraph::from_park_noded(&r.park);
    assert_eq!(noded.joined_crossings, 1);
    assert_eq!(noded.separated_crossings, 1);
    assert_eq!(noded.joined_ends, 1);
    // Junctions: a's 2 ends, the a×b crossing, b's 2 ends, d's far end, d's junction on a, c's 2
    // ends, e's 2 ends. Edges: a in 3 pieces, b in 2, c, d, e.
    assert_eq!((graph.node_count(), graph.edge_count()), (11, 8));
    let comps = graph.components();
    assert_eq!(comps.len(), 3, "{comps:?}");
    assert_eq!(comps[0].iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "d"]);
    // d's far end to b's north end: d (≈ 1110 m incl. the 2 m to a), along a 126.502 → 126.505
    // (≈ 233 m), b north from a (≈ 556 m).
    let d_start = ll(126.502, 45.830);
    let b_north = ll(126.505, 45.845);
    let expected = distance_m(d_start, ll(126.502, 45.840))
        + distance_m(ll(126.502, 45.840), ll(126.505, 45.840))
        + distance_m(ll(126.505, 45.840), b_north);
    let route = plan(&graph, &[d_start, b_north], &RouteOptions::default()).unwrap();
    assert!((route.distance_m - expected).abs() < 1.0, "{} vs {expected}", route.distance_m);
    assert!((expected - 1899.0).abs() < 5.0, "{expected}");
    // Along a from its west end to its east end: the bridge does not cut it short or join it.
    let along = plan(&graph, &[ll(126.500, 45.840), ll(126.510, 45.840)], &RouteOptions::default()).unwrap();
    assert!((along.distance_m - distance_m(ll(126.500, 45.840), ll(126.510, 45.840))).abs() < 1.0);
    // e, 4 m off, is not reachable from a; nor is the bridge.
    let e_end = r.park.trail("e").unwrap().parts[0][1];
    let to_e = plan(&graph, &[ll(126.500, 45.840), e_end], &RouteOptions::default());
    assert!(matches!(to_e, Err(RouteError::NoPath { .. })), "{to_e:?}");
    let to_c = plan(&graph, &[ll(126.500, 45.840), ll(126.508, 45.844)], &RouteOptions::default());
    assert!(matches!(to_c, Err(RouteError::NoPath { .. })), "{to_c:?}");
}

#[test]
fn the_shipped_park_has_no_notes_and_no_problems() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data/park.json");
    let r = validate_path(&path).unwrap();
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert!(r.notes.is_empty(), "{:#?}", notes(&r));
}
