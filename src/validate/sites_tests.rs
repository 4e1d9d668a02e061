//! The sites rules on a tiny bundle: one zone (126.50–126.52 × 45.83–45.84) and sites in, across
//! and outside it.

use super::*;

fn square(w: f64, s: f64, e: f64, n: f64) -> String {
    format!(r#"{{"type":"Polygon","coordinates":[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]}}"#)
}

fn site(id: &str, geometry: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{geometry},
        "properties":{{"id":"{id}","name_zh":"地","name_en":"Site {id}","type":"land","zone":"z1"{extra}}}}}"#
    )
}

fn report(sites: &[String]) -> Report {
    let m = manifest(&[("zones", "zones.geojson"), ("sites", "sites.geojson")], "");
    let zones = collection(&[zone("z1", &square(126.50, 45.83, 126.52, 45.84))]);
    run(&m, &[("zones.geojson", zones), ("sites.geojson", collection(sites))])
}

#[test]
fn sites_inside_their_zone_and_the_bounds_are_clean() {
    let point = r#"{"type":"Point","coordinates":[126.515,45.835]}"#;
    let r = report(&[
        site("a", &square(126.501, 45.831, 126.505, 45.834), ""),
        site("b", point, r#","type":"office","area_m2":800"#),
        // On the zone's edge counts as in it.
        site("c", r#"{"type":"Point","coordinates":[126.52,45.835]}"#, ""),
    ]);
    assert!(r.is_clean(), "{:?}", r.problems);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_eq!(r.park.sites.len(), 3);
    assert!(r.summary().ends_with(", 3 sites"), "{}", r.summary());
}

#[test]
fn a_site_outside_its_zone_or_the_bounds_or_naming_no_zone_is_located() {
    let r = report(&[
        site("a", &square(126.515, 45.831, 126.525, 45.834), ""),
        site("b", r#"{"type":"Point","coordinates":[126.53,45.835]}"#, ""),
        site("c", r#"{"type":"Point","coordinates":[126.51,45.835]}"#, r#","zone":"z9""#),
        site("d", r#"{"type":"Point","coordinates":[126.60,45.835]}"#, r#","zone":null"#),
        // Clockwise: the parcel is drawn, the validator wants it turned.
        site(
            "e",
            r#"{"type":"Polygon","coordinates":[[[126.502,45.836],[126.502,45.838],[126.504,45.838],[126.504,45.836],[126.502,45.836]]]}"#,
            "",
        ),
    ]);
    assert_eq!(
        lines(&r),
        [
            "sites.geojson:3: geometry: lies outside the park's bounds [126.5, 45.83, 126.54, 45.85]",
            "sites.geojson:4: geometry: exterior ring is clockwise; RFC 7946 wants it counter-clockwise",
            "sites.geojson:0: zone: extends 129538 m² outside zone \"z1\"",
            "sites.geojson:1: zone: point lies outside zone \"z1\"",
            "sites.geojson:2: zone: unknown zone id \"z9\"",
        ]
    );
}

#[test]
fn overlapping_parcels_and_an_area_far_from_the_polygon_are_warnings() {
    let r = report(&[
        site("a", &square(126.501, 45.831, 126.505, 45.834), ""),
        site("b", &square(126.504, 45.831, 126.508, 45.834), r#","area_m2":1000"#),
    ]);
    assert!(r.is_clean(), "{:?}", r.problems);
    let notes: Vec<String> = r.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(
        notes[0].starts_with("sites.geojson: area_m2: 1000 m² differs from the parcel's geodesic area 103"),
        "{}",
        notes[0]
    );
    assert!(notes[0].ends_with("(more than 5 %) (1 feature, first at index 1)"), "{}", notes[0]);
    assert!(notes[1].starts_with("sites.geojson: geometry: overlaps site \"a\" by 25908 m²"), "{}", notes[1]);
}
