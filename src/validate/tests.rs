//! Unit tests of the rules on tiny in-memory bundles (the per-rule fixtures and the shipped park are
//! covered by `tests/validator.rs`).

use std::collections::HashMap;

#[path = "sites_tests.rs"]
mod sites;

use super::network::{components, distance_to_trails_m};
use super::*;
use crate::geo::measure::distance_m;
use crate::geo::LonLat;
use crate::model::{Text, Trail, TrailKind};

/// A manifest listing `layers` as `(kind, url)`, with optional `figures`.
fn manifest(layers: &[(&str, &str)], figures: &str) -> String {
    let layers: Vec<String> = layers
        .iter()
        .enumerate()
        .map(|(i, (kind, url))| format!(r#"{{"id":"l{i}","kind":"{kind}","url":"{url}"}}"#))
        .collect();
    let figures = if figures.is_empty() { String::new() } else { format!(r#""figures":{figures},"#) };
    format!(
        r#"{{"parkmap":1,"id":"t","name":{{"zh":"测","en":"T"}},"bounds":[126.5,45.83,126.54,45.85],
        "attribution":{{"zh":"测","en":"T","ru":"Т"}},"provenance":{{"zh":"测","en":"T","ru":"Т"}},{figures}
        "layers":[{}]}}"#,
        layers.join(",")
    )
}

fn collection(features: &[String]) -> String {
    format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
}

fn line(id: &str, coords: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"LineString","coordinates":{coords}}},
        "properties":{{"id":"{id}","name_zh":"道","name_en":"Trail {id}"}}}}"#
    )
}

fn zone(id: &str, geometry: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{geometry},
        "properties":{{"id":"{id}","name_zh":"区","name_en":"Zone {id}","category":"industry"}}}}"#
    )
}

fn run(manifest: &str, files: &[(&str, String)]) -> Report {
    let files: HashMap<&str, &String> = files.iter().map(|(k, v)| (*k, v)).collect();
    let read = |url: &str| {
        files.get(url).map(|t| (*t).clone()).ok_or_else(|| DataError::Unreachable {
            file: url.into(),
            reason: "not in the test bundle".into(),
        })
    };
    validate_bundle("park.json", manifest, &read)
}

fn lines(r: &Report) -> Vec<String> {
    r.problems.iter().map(ToString::to_string).collect()
}

fn ll(lon: f64, lat: f64) -> LonLat {
    LonLat::lon_lat(lon, lat)
}

#[test]
fn segments_connect_at_any_shared_vertex_including_negative_zero() {
    let a = [ll(0.0, 0.0), ll(1.0, 0.0), ll(2.0, 0.0)];
    let b = [ll(1.0, 0.0), ll(1.0, 1.0)]; // meets `a` at an interior vertex
    let c = [ll(-0.0, 5.0), ll(3.0, 5.0)];
    let d = [ll(0.0, 5.0), ll(0.0, 6.0)]; // meets `c` at 0.0 == -0.0
    let e = [ll(1.5, 0.1), ll(1.5, 1.0)]; // ends 11 km from `a`: apart
    let t = |l: &[LonLat]| Trail::from_line("t", TrailKind::Greenway, Text::default(), l.to_vec());
    let (a, b, c, d, e) = (t(&a), t(&b), t(&c), t(&d), t(&e));
    assert_eq!(components(&[&a, &b, &c, &d, &e], 3.0), vec![vec![0, 1], vec![2, 3], vec![4]]);
    // Crossing `a` between vertices at grade joins; as a bridge it does not.
    let f = t(&[ll(1.5, -1.0), ll(1.5, 1.0)]);
    assert_eq!(components(&[&a, &f], 3.0), vec![vec![0, 1]]);
    let bridge = Trail { grade_separated: true, ..f };
    assert_eq!(components(&[&a, &bridge], 3.0), vec![vec![0], vec![1]]);
}

#[test]
fn cut_off_components_are_numbered_from_the_largest() {
    // g0 alone, g1-g2-g3 together: the three-segment component is the main one.
    let files = [(
        "g.geojson",
        collection(&[
            line("g0", "[[126.50,45.84],[126.501,45.84]]"),
            line("g1", "[[126.51,45.84],[126.52,45.84]]"),
            line("g2", "[[126.52,45.84],[126.53,45.84]]"),
            line("g3", "[[126.53,45.84],[126.53,45.845]]"),
        ]),
    )];
    let r = run(&manifest(&[("greenway", "g.geojson")], ""), &files);
    assert_eq!(
        lines(&r),
        ["g.geojson:0: geometry: not connected to the rest of the greenway: component 2 of 2, 1 segment"]
    );
}

#[test]
fn a_greenway_apart_from_a_larger_waterfront_is_still_reported_against_the_joint_network() {
    // The waterfront (two segments) is bigger than the greenway (one), but the greenway is the spine.
    let files = [
        ("g.geojson", collection(&[line("g1", "[[126.51,45.84],[126.52,45.84]]")])),
        (
            "w.geojson",
            collection(&[
                line("w1", "[[126.51,45.845],[126.52,45.845]]"),
                line("w2", "[[126.52,45.845],[126.53,45.845]]"),
            ]),
        ),
    ];
    let r = run(&manifest(&[("greenway", "g.geojson"), ("waterfront", "w.geojson")], ""), &files);
    let joint = "not connected to the rest of the trail network (greenway + waterfront): component 2 of 2, 2 segments";
    assert_eq!(
        lines(&r),
        [format!("w.geojson:0: geometry: {joint}"), format!("w.geojson:1: geometry: {joint}")]
    );
}

#[test]
fn locations_count_skipped_features_so_indices_match_the_file() {
    // Feature 1 is skipped by the parser; the cut-off segment is feature 2 of the file, not 1.
    let files = [(
        "g.geojson",
        collection(&[
            line("g0", "[[126.51,45.84],[126.52,45.84]]"),
            r#"{"type":"Feature","geometry":null,"properties":{"id":"bad"}}"#.to_owned(),
            line("g2", "[[126.50,45.83],[126.501,45.83]]"),
        ]),
    )];
    let r = run(&manifest(&[("greenway", "g.geojson")], ""), &files);
    assert_eq!(
        lines(&r),
        [
            "g.geojson:1: geometry: missing geometry",
            "g.geojson:2: geometry: not connected to the rest of the greenway: component 2 of 2, 1 segment",
        ]
    );
    assert_eq!(r.locations.greenway.iter().map(|l| l.index).collect::<Vec<_>>(), [0, 2]);
}

#[test]
fn multipolygon_zones_report_overlapping_parts_and_winding_per_polygon() {
    let a = "[[[126.50,45.83],[126.52,45.83],[126.52,45.85],[126.50,45.85],[126.50,45.83]]]";
    let b_cw = "[[[126.51,45.84],[126.51,45.845],[126.53,45.845],[126.53,45.84],[126.51,45.84]]]";
    let files = [(
        "z.geojson",
        collection(&[zone("z1", &format!(r#"{{"type":"MultiPolygon","coordinates":[{a},{b_cw}]}}"#))]),
    )];
    let r = run(&manifest(&[("zones", "z.geojson")], ""), &files);
    assert_eq!(
        lines(&r),
        [
            "z.geojson:0: geometry: polygons at indices 0 and 1 overlap",
            "z.geojson:0: geometry: polygon 1: exterior ring is clockwise; RFC 7946 wants it counter-clockwise",
        ]
    );
}

#[test]
fn zones_sharing_an_edge_or_overlapping_by_under_a_square_metre_do_not_overlap() {
    let sq = |w: f64, e: f64| {
        format!(
            r#"{{"type":"Polygon","coordinates":[[[{w},45.83],[{e},45.83],[{e},45.85],[{w},45.85],[{w},45.83]]]}}"#
        )
    };
    // 2e-9° of longitude (0.16 mm) over 0.02° of latitude (2.2 km) is 0.35 m²: within the slack.
    let files = [(
        "z.geojson",
        collection(&[
            zone("a", &sq(126.50, 126.52)),
            zone("b", &sq(126.52, 126.54)),
            zone("c", &sq(126.539999998, 126.56)),
        ]),
    )];
    let r = run(&manifest(&[("zones", "z.geojson")], ""), &files);
    assert_eq!(lines(&r), Vec::<String>::new());
}

#[test]
fn poi_distance_agrees_with_the_geodesic_within_half_a_percent() {
    let files = [("g.geojson", collection(&[line("g1", "[[126.50,45.84],[126.54,45.84]]")]))];
    let r = run(&manifest(&[("greenway", "g.geojson")], ""), &files);
    for metres in [10.0, 50.0, 400.0] {
        // `metres` north of the middle of the segment
        let p = ll(126.52, 45.84 + metres / 111_140.0);
        let geodesic = distance_m(p, ll(126.52, 45.84));
        let d = distance_to_trails_m(p, &r.park.greenway).unwrap();
        assert!((d - geodesic).abs() / geodesic < 0.005, "{d} vs {geodesic}");
    }
    assert_eq!(distance_to_trails_m(ll(126.52, 45.84), &[]), None);
}

#[test]
fn a_layer_that_cannot_be_read_is_reported_and_its_figures_are_not_compared() {
    let files = [("g.geojson", collection(&[line("g1", "[[126.50,45.84],[126.54,45.84]]")]))];
    let m = manifest(
        &[("greenway", "g.geojson"), ("companies", "c.geojson")],
        r#"{"companies":590,"greenway_km":48}"#,
    );
    let r = run(&m, &files);
    assert_eq!(
        lines(&r),
        [
            "c.geojson: could not load: not in the test bundle",
            "park.json: figures.greenway_km: the manifest declares 48 km, the data has 3.107 km (more than 1 % off)",
        ]
    );
    assert_eq!(r.summary(), "2 problems");
}

#[test]
fn a_manifest_that_does_not_parse_gives_its_problems_and_no_park() {
    let r = run(r#"{"parkmap":2}"#, &[]);
    assert!(r.manifest.is_none());
    assert_eq!(lines(&r)[0], "park.json: parkmap: unsupported format version 2 (this ParkMap reads 1)");
    assert!(!r.is_clean());
}

#[test]
fn context_areas_must_wind_counter_clockwise_too() {
    let river_cw = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.50,45.86],[126.50,45.87],[126.54,45.87],[126.54,45.86],[126.50,45.86]]]},"properties":{"kind":"river"}}"#;
    let road = r#"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.50,45.84],[126.54,45.84]]},"properties":{"kind":"road"}}"#;
    let files = [("c.geojson", collection(&[road.to_owned(), river_cw.to_owned()]))];
    let r = run(&manifest(&[("context", "c.geojson")], ""), &files);
    assert_eq!(
        lines(&r),
        ["c.geojson:1: geometry: exterior ring is clockwise; RFC 7946 wants it counter-clockwise"]
    );
}

/// A trail-side POI (a toilet) at `lon`, `lat`.
fn toilet(id: &str, lon: f64, lat: f64) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
        "properties":{{"id":"{id}","kind":"toilet","name_zh":"厕","name_en":"Toilet {id}"}}}}"#
    )
}

#[test]
fn the_indexed_poi_check_reports_exactly_what_a_scan_of_every_trail_finds() {
    // A zigzag greenway and a grid of toilets around it: the R-tree's nearest segment must give the
    // same verdict and the same metres as the plain scan.
    let zigzag: Vec<String> = (0..40)
        .map(|i| format!("[{},{}]", 126.50 + f64::from(i) * 0.001, 45.84 + f64::from(i % 2) * 0.0007))
        .collect();
    let green = collection(&[line("g1", &format!("[{}]", zigzag.join(",")))]);
    let pois: Vec<String> = (0..200)
        .map(|k| {
            toilet(
                &format!("p{k}"),
                126.499 + f64::from(k % 20) * 0.0022,
                45.8385 + f64::from(k / 20) * 0.0004,
            )
        })
        .collect();
    let files = [("g.geojson", green), ("p.geojson", collection(&pois))];
    let r = run(&manifest(&[("greenway", "g.geojson"), ("pois", "p.geojson")], ""), &files);
    let scan: Vec<String> = r
        .park
        .pois
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let d = distance_to_trails_m(p.pos, &r.park.greenway).unwrap();
            (d > POI_MAX_DISTANCE_M).then(|| {
                format!(
                    "p.geojson:{k}: geometry: toilet is {d:.0} m from the nearest greenway or waterfront segment (limit 50 m)"
                )
            })
        })
        .collect();
    assert!(scan.len() > 20 && scan.len() < 190, "a mix of near and far: {}", scan.len());
    assert_eq!(lines(&r), scan);
}

#[test]
fn identical_zones_stop_at_the_work_limit_and_say_so() {
    // 500 copies of one square: 124 750 overlapping pairs, each a boolean operation. Without the
    // limit the rule was quadratic in time and in output (5 000 copies: 12.5 million lines).
    let sq = r#"{"type":"Polygon","coordinates":[[[126.50,45.83],[126.51,45.83],[126.51,45.84],[126.50,45.84],[126.50,45.83]]]}"#;
    let zones: Vec<String> = (0..500).map(|i| zone(&format!("z{i}"), sq)).collect();
    let r = run(&manifest(&[("zones", "z.geojson")], ""), &[("z.geojson", collection(&zones))]);
    let l = lines(&r);
    assert!(l.len() < 100_000, "{}", l.len());
    assert_eq!(l[0], "z.geojson:1: geometry: overlaps zone \"z0\" by 863545 m²");
    let last = l.last().unwrap();
    assert!(
        last.starts_with("z.geojson: zone overlaps not checked for ")
            && last.ends_with(" zones: more work than the validator's limit of 100000000 steps"),
        "{last}"
    );
}

#[test]
fn a_zone_too_complex_to_validate_is_reported_not_checked() {
    // geo's self-intersection test compares every pair of segments: a 20 000-vertex ring is 4·10⁸
    // pairs, past the limit, so its validity (and its overlaps) are left unchecked, and said so.
    let ring: Vec<String> = (0..20_000)
        .map(|i| {
            let a = f64::from(i) / 20_000.0 * std::f64::consts::TAU;
            format!("[{},{}]", 126.52 + 0.01 * a.cos(), 45.84 + 0.01 * a.sin())
        })
        .chain(std::iter::once(format!("[{},{}]", 126.53, 45.84)))
        .collect();
    let geometry = format!(r#"{{"type":"Polygon","coordinates":[[{}]]}}"#, ring.join(","));
    let r =
        run(&manifest(&[("zones", "z.geojson")], ""), &[("z.geojson", collection(&[zone("z1", &geometry)]))]);
    assert_eq!(
        lines(&r),
        ["z.geojson: geometry validity, overlaps and boundary not checked for 1 zone: more work than the validator's limit of 100000000 steps"]
    );
}

#[test]
fn an_id_repeated_in_a_later_layer_of_the_kind_is_skipped_there_as_the_app_does() {
    // Two greenway layers and a waterfront sharing ids: the map keys trails, markers and selections
    // by id, and two companies with one id were drawn as one marker. Park::add_new keeps the first.
    let files = [
        (
            "g1.geojson",
            collection(&[
                line("g1", "[[126.50,45.84],[126.52,45.84]]"),
                line("g2", "[[126.52,45.84],[126.54,45.84]]"),
            ]),
        ),
        (
            "g2.geojson",
            collection(&[
                line("g2", "[[126.50,45.85],[126.52,45.85]]"),
                line("g3", "[[126.52,45.84],[126.52,45.85]]"),
            ]),
        ),
        ("w.geojson", collection(&[line("g1", "[[126.50,45.84],[126.50,45.85]]")])),
    ];
    let r = run(
        &manifest(&[("greenway", "g1.geojson"), ("greenway", "g2.geojson"), ("waterfront", "w.geojson")], ""),
        &files,
    );
    assert_eq!(
        lines(&r),
        [
            "g2.geojson:0: id: duplicate id \"g2\" (already in an earlier layer); skipped",
            "w.geojson:0: id: duplicate id \"g1\" (already in an earlier layer); skipped",
        ]
    );
    let ids: Vec<&str> = r.park.greenway.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["g1", "g2", "g3"]);
    assert!(r.park.waterfront.is_empty());
    assert_eq!(
        r.locations.greenway.iter().map(|l| (l.file.as_str(), l.index)).collect::<Vec<_>>(),
        [("g1.geojson", 0), ("g1.geojson", 1), ("g2.geojson", 1)]
    );
}

#[test]
fn a_manifest_without_russian_attribution_or_provenance_is_warned_about() {
    let m = manifest(&[("zones", "zones.geojson")], "")
        .replace(r#","ru":"Т"},"provenance""#, r#"},"provenance""#);
    let z = collection(&[zone(
        "z1",
        r#"{"type":"Polygon","coordinates":[[[126.50,45.83],[126.51,45.83],[126.51,45.84],[126.50,45.83]]]}"#,
    )]);
    let r = run(&m, &[("zones.geojson", z)]);
    assert!(r.is_clean(), "{:?}", r.problems);
    let notes: Vec<String> = r.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes, ["park.json: attribution.ru: missing; the Russian page shows the English text"]);
}
