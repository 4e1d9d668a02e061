//! Every DataError case of layer parsing, each with its location.

use super::*;
use crate::geo::LonLat;
use crate::model::{Industry, Winter};
use crate::read::limits::{self, MAX_CAPITAL_YUAN, MAX_VERTICES};

fn fc(features: &str) -> String {
    format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
}

const COMPANY: &str = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[126.52,45.84]},
  "properties":{"id":"c1","name_zh":"华为","name_en":"Huawei","industry":"digital_economy","capital_yuan":100,
  "website":"https://www.huawei.com","zone":"z01","founded":2020,"illustrative":true}}"#;

fn company_with(props: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[126.52,45.84]}},"properties":{props}}}"#
    )
}

fn errors(kind: LayerKind, text: &str) -> Vec<String> {
    parse_layer(kind, "f.geojson", text).errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_clean_company_layer_parses_with_no_errors() {
    let r = parse_layer(LayerKind::Companies, "c.geojson", &fc(COMPANY));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let Layer::Companies(cs) = r.layer else { panic!("wrong layer") };
    assert_eq!(cs[0].name.en, "Huawei");
    assert_eq!(cs[0].capital_yuan, Some(100));
    assert_eq!(cs[0].website.as_deref(), Some("https://www.huawei.com"));
    assert!((cs[0].map.x - LonLat::lon_lat(126.52, 45.84).to_map().x).abs() < 1e-9);
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let e =
        parse_layer(LayerKind::Zones, "zones.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [")
            .errors;
    assert_eq!(e.len(), 1);
    assert!(matches!(&e[0], DataError::Json { file, line: 2, .. } if file == "zones.geojson"), "{e:?}");
}

#[test]
fn not_a_feature_collection_is_a_layer_error() {
    let e = errors(LayerKind::Zones, r#"{"type":"Feature"}"#);
    assert_eq!(e, vec![r#"f.geojson: expected a FeatureCollection, found "Feature""#]);
    let e = errors(LayerKind::Zones, "[1,2]");
    assert_eq!(e, vec!["f.geojson: expected a GeoJSON FeatureCollection object"]);
}

#[test]
fn empty_collection_is_reported() {
    assert_eq!(errors(LayerKind::Pois, &fc("")), vec!["f.geojson: the layer has no features"]);
}

#[test]
fn wrong_geometry_type_is_located_and_skipped_keeping_the_rest() {
    let line = r#"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.5,45.8],[126.6,45.8]]},
      "properties":{"id":"c2","name_zh":"甲","name_en":"A","industry":"new_materials"}}"#;
    let r = parse_layer(LayerKind::Companies, "c.geojson", &fc(&format!("{COMPANY},{line}")));
    assert_eq!(r.layer.len(), 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].to_string(), "c.geojson:1: geometry: expected Point, found LineString");
}

fn notes(kind: LayerKind, text: &str) -> Vec<String> {
    parse_layer(kind, "f.geojson", text).notes.iter().map(ToString::to_string).collect()
}

#[test]
fn a_missing_name_falls_back_with_a_note_not_an_error() {
    let text =
        fc(&format!("{COMPANY},{}", company_with(r#"{"id":"c2","name_zh":"乙","industry":"bio_economy"}"#)));
    assert!(errors(LayerKind::Companies, &text).is_empty());
    assert_eq!(
        notes(LayerKind::Companies, &text),
        vec!["f.geojson: name: no name_en; used name_zh (1 feature, first at index 1)"]
    );
}

#[test]
fn a_number_id_is_read_as_text() {
    let r = parse_layer(
        LayerKind::Companies,
        "f.geojson",
        &fc(&format!(
            "{COMPANY},{}",
            company_with(r#"{"id":7,"name_zh":"乙","name_en":"B","industry":"bio_economy"}"#)
        )),
    );
    assert!(r.errors.is_empty() && r.notes.is_empty(), "{r:?}");
    let Layer::Companies(cs) = r.layer else { panic!() };
    assert_eq!(cs[1].id, "7");
}

#[test]
fn an_unknown_industry_is_other_with_a_note() {
    let text = fc(&format!(
        "{COMPANY},{}",
        company_with(r#"{"id":"c2","name_zh":"乙","name_en":"B","industry":"mining"}"#)
    ));
    let r = parse_layer(LayerKind::Companies, "f.geojson", &text);
    assert!(r.errors.is_empty());
    let Layer::Companies(cs) = r.layer else { panic!() };
    assert_eq!(cs[1].industry, Industry::Other);
    assert_eq!(
        notes(LayerKind::Companies, &text),
        vec!["f.geojson: industry: not a known value; shown as other (1 feature, first at index 1; e.g. \"mining\")"]
    );
}

#[test]
fn mistyped_optional_property_is_reported_but_the_feature_kept() {
    let r = parse_layer(
        LayerKind::Companies,
        "c.geojson",
        &fc(&company_with(
            r#"{"id":"c2","name_zh":"乙","name_en":"B","industry":"bio_economy","capital_yuan":"lots","website":"javascript:alert(1)"}"#,
        )),
    );
    assert_eq!(r.layer.len(), 1);
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert!(
        e.contains(&"c.geojson:0: capital_yuan: expected a non-negative integer, found a string".to_string()),
        "{e:?}"
    );
    assert!(
        e.contains(&"c.geojson:0: website: only http: and https: links are allowed; dropped".to_string()),
        "{e:?}"
    );
    let Layer::Companies(cs) = r.layer else { panic!() };
    assert_eq!(cs[0].website, None);
}

#[test]
fn out_of_range_coordinates_are_rejected() {
    let bad = COMPANY.replace("[126.52,45.84]", "[126.52,95.0]");
    let e = errors(LayerKind::Companies, &fc(&format!("{COMPANY},{bad}")));
    assert_eq!(e, vec!["f.geojson:1: geometry: position 0 (126.52, 95) is out of range"]);
}

#[test]
fn huge_numbers_are_malformed_json_not_infinity() {
    let bad = COMPANY.replace("[126.52,45.84]", "[1e999,45.84]");
    let e = errors(LayerKind::Companies, &fc(&bad));
    assert!(e[0].contains("number out of range"), "{e:?}");
}

#[test]
fn unclosed_ring_is_located() {
    let zone = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.5,45.8],[126.51,45.8],[126.51,45.81],[126.5,45.81]]]},
      "properties":{"id":"z1","name_zh":"甲","name_en":"A","category":"industry"}}"#;
    let e = errors(LayerKind::Zones, &fc(zone));
    assert_eq!(e[0], "f.geojson:0: geometry: ring 0 is not closed (first and last positions differ)");
    assert_eq!(e[1], "f.geojson: no usable features (1 in the file, all skipped)");
}

#[test]
fn short_ring_is_located() {
    let zone = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.5,45.8],[126.51,45.8],[126.5,45.8]]]},
      "properties":{"id":"z1","name_zh":"甲","name_en":"A","category":"industry"}}"#;
    assert_eq!(
        errors(LayerKind::Zones, &fc(zone))[0],
        "f.geojson:0: geometry: ring 0: 3 positions, need at least 4"
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let r = parse_layer(LayerKind::Companies, "c.geojson", &fc(&format!("{COMPANY},{COMPANY}")));
    assert_eq!(r.layer.len(), 1);
    assert_eq!(r.errors[0].to_string(), "c.geojson:1: id: duplicate id \"c1\"");
}

#[test]
fn oversized_text_is_rejected() {
    let long = "x".repeat(limits::MAX_TEXT_CHARS + 1);
    let e = errors(
        LayerKind::Companies,
        &fc(&company_with(&format!(
            r#"{{"id":"c2","name_zh":"{long}","name_en":"B","industry":"bio_economy"}}"#
        ))),
    );
    assert_eq!(e[0], format!("f.geojson:0: name_zh: text longer than {} characters", limits::MAX_TEXT_CHARS));
}

#[test]
fn trails_are_measured_geodesically() {
    let t = r#"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.5,45.0],[126.5,46.0]]},
      "properties":{"id":"g1","name_zh":"绿道","name_en":"Greenway","winter":"groomed","status":"closed"}}"#;
    let r = parse_layer(LayerKind::Greenway, "g.geojson", &fc(t));
    let Layer::Trails(ts) = r.layer else { panic!() };
    assert!((ts[0].length_m() - 111_141.5).abs() < 1.0);
    assert!(ts[0].closed);
    assert_eq!(ts[0].winter, Some(Winter::Groomed));
}

#[test]
fn zones_get_area_and_an_interior_label() {
    let zone = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.5,45.8],[126.51,45.8],[126.51,45.81],[126.5,45.81],[126.5,45.8]]]},
      "properties":{"id":"z1","name_zh":"甲","name_en":"A","category":"green_space","industries":["bio_economy","x"]}}"#;
    let r = parse_layer(LayerKind::Zones, "z.geojson", &fc(zone));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
    let Layer::Zones(zs) = r.layer else { panic!() };
    assert!((zs[0].area_m2() - 863_200.0).abs() / 863_200.0 < 0.005);
    assert_eq!(zs[0].industries, vec![Industry::BioEconomy]);
    let b = crate::geo::MapBounds::around(zs[0].polygons[0].map_rings[0].iter().copied()).unwrap();
    assert!(b.contains(zs[0].label));
}

#[test]
fn too_large_files_are_refused_before_parsing() {
    let big = " ".repeat(MAX_LAYER_BYTES + 1);
    assert!(matches!(parse_layer(LayerKind::Zones, "z", &big).errors[0], DataError::TooLarge { .. }));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = errors(LayerKind::Zones, &deep);
    assert!(e[0].contains("recursion limit"), "{e:?}");
}

#[test]
fn a_position_with_fewer_than_two_numbers_is_an_error_not_a_panic() {
    // geojson checks only a Point's own position; inside lines and rings a short one got through
    // and indexing it panicked (a panic aborts the whole app in the release build).
    let trail = |coords: &str| {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"LineString","coordinates":{coords}}},
              "properties":{{"id":"g1","name_zh":"绿道","name_en":"Greenway"}}}}"#
        )
    };
    assert_eq!(
        errors(LayerKind::Greenway, &fc(&trail("[[126.5],[126.6]]")))[0],
        "f.geojson:0: geometry: position 0 has 1 number, need longitude and latitude"
    );
    assert_eq!(
        errors(LayerKind::Greenway, &fc(&trail("[[126.5,45.8],[]]")))[0],
        "f.geojson:0: geometry: position 1 has 0 numbers, need longitude and latitude"
    );
    let zone = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.5,45.8],[126.51,45.8],[126.51],[126.5,45.8]]]},
      "properties":{"id":"z1","name_zh":"甲","name_en":"A","category":"industry"}}"#;
    assert_eq!(
        errors(LayerKind::Zones, &fc(zone))[0],
        "f.geojson:0: geometry: ring 0: position 2 has 1 number, need longitude and latitude"
    );
}

#[test]
fn empty_multi_geometries_are_rejected() {
    let context = |geom: &str, kind: &str| {
        format!(r#"{{"type":"Feature","geometry":{geom},"properties":{{"kind":"{kind}"}}}}"#)
    };
    assert_eq!(
        errors(LayerKind::Context, &fc(&context(r#"{"type":"MultiLineString","coordinates":[]}"#, "road")))
            [0],
        "f.geojson:0: geometry: MultiLineString has no lines"
    );
    assert_eq!(
        errors(LayerKind::Context, &fc(&context(r#"{"type":"MultiPolygon","coordinates":[]}"#, "water")))[0],
        "f.geojson:0: geometry: MultiPolygon has no polygons"
    );
}

#[test]
fn the_vertex_limit_counts_every_line_of_a_geometry() {
    let line: Vec<String> = (0..20_000).map(|i| format!("[126.5,{}]", 45.0 + f64::from(i) * 1e-5)).collect();
    let line = format!("[{}]", line.join(","));
    let road = format!(
        r#"{{"type":"Feature","geometry":{{"type":"MultiLineString","coordinates":[{line},{line},{line}]}},
          "properties":{{"kind":"road"}}}}"#
    );
    assert_eq!(
        errors(LayerKind::Context, &fc(&road))[0],
        format!("f.geojson:0: geometry: 60000 vertices: more than the limit of {MAX_VERTICES}")
    );
    let two = road.replace(&format!(",{line}]"), "]");
    assert!(errors(LayerKind::Context, &fc(&two)).is_empty());
}

#[test]
fn a_byte_order_mark_is_ignored_as_the_browser_does() {
    let r = parse_layer(LayerKind::Companies, "c.geojson", &format!("\u{feff}{}", fc(COMPANY)));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.layer.len(), 1);
}

#[test]
fn implausible_capital_is_dropped_so_sums_cannot_overflow() {
    let r = parse_layer(
        LayerKind::Companies,
        "c.geojson",
        &fc(&company_with(
            r#"{"id":"c2","name_zh":"乙","name_en":"B","industry":"bio_economy","capital_yuan":18446744073709551615}"#,
        )),
    );
    assert_eq!(
        r.errors[0].to_string(),
        "c.geojson:0: capital_yuan: 18446744073709551615 yuan is more than the limit of 10000000000000; dropped"
    );
    let Layer::Companies(cs) = r.layer else { panic!() };
    assert_eq!(cs[0].capital_yuan, None);
    assert_eq!((MAX_FEATURES as u64).checked_mul(MAX_CAPITAL_YUAN).map(|t| t < u64::MAX), Some(true));
}

#[test]
fn a_malformed_feature_is_named_by_the_part_that_is_wrong() {
    let point = r#""geometry":{"type":"Point","coordinates":[126.52,45.84]}"#;
    let props = r#""properties":{"id":"c2","name_zh":"乙","name_en":"B","industry":"bio_economy"}"#;
    let cases = [
        (r#""a feature""#.to_owned(), "feature: expected a GeoJSON Feature object, found a string"),
        (format!(r#"{{"type":"Feat",{point},{props}}}"#), r#"type: expected "Feature", found "Feat""#),
        (format!(r#"{{"type":7,{point},{props}}}"#), r#"type: expected "Feature", found a number"#),
        (format!(r#"{{{point},{props}}}"#), r#"type: missing; expected "Feature""#),
        (
            format!(r#"{{"type":"Feature","bbox":{{}},{point},{props}}}"#),
            "bbox: expected an array of numbers",
        ),
    ];
    for (feature, reason) in cases {
        let e = errors(LayerKind::Companies, &fc(&format!("{COMPANY},{feature}")));
        assert_eq!(e, vec![format!("f.geojson:1: {reason}")], "{feature}");
    }
}

#[test]
fn huge_values_are_short_in_messages() {
    let far = COMPANY.replace("[126.52,45.84]", "[1e308,-1.5e300]");
    assert_eq!(
        errors(LayerKind::Companies, &fc(&far)),
        vec![
            "f.geojson:0: geometry: position 0 (1e308, -1.5e300) is out of range",
            "f.geojson: no usable features (1 in the file, all skipped)",
        ]
    );
    let long_kind = "x".repeat(1_500);
    let n = notes(
        LayerKind::Companies,
        &fc(&format!(
            "{COMPANY},{}",
            company_with(&format!(r#"{{"id":"c2","name_zh":"乙","name_en":"B","industry":"{long_kind}"}}"#))
        )),
    );
    assert!(n[0].ends_with(&format!("e.g. \"{}…\" (80 characters))", "x".repeat(40))), "{}", n[0]);
    let e = errors(LayerKind::Companies, &format!(r#"{{"type":"{}"}}"#, "x".repeat(1_000_000)));
    assert!(e[0].len() < 120, "{}", e[0]);
}

#[test]
fn an_integer_too_large_is_not_called_fractional() {
    let r = parse_layer(
        LayerKind::Companies,
        "c.geojson",
        &fc(&company_with(
            r#"{"id":"c2","name_zh":"乙","name_en":"B","industry":"bio_economy","founded":1e20,"capital_yuan":18446744073709551616}"#,
        )),
    );
    let e: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        e,
        vec![
        "c.geojson:0: founded: expected a non-negative integer, found a number too large for an integer",
        "c.geojson:0: capital_yuan: expected a non-negative integer, found a number too large for an integer",
    ]
    );
}

#[test]
fn a_ring_of_fewer_than_three_distinct_positions_is_short() {
    // Long enough by count, but it encloses nothing; the app drew it as an invisible zone while
    // the validator called it invalid.
    let zone = |ring: &str| {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[{ring}]}},
              "properties":{{"id":"z1","name_zh":"甲","name_en":"A","category":"industry"}}}}"#
        )
    };
    let same = "[[126.5,45.8],[126.5,45.8],[126.5,45.8],[126.5,45.8]]";
    let two = "[[126.5,45.8],[126.6,45.8],[126.5,45.8],[126.6,45.8],[126.5,45.8]]";
    for ring in [same, two] {
        assert_eq!(
            errors(LayerKind::Zones, &fc(&zone(ring)))[0],
            "f.geojson:0: geometry: ring 0 has fewer than 3 distinct positions"
        );
    }
    let triangle = "[[126.5,45.8],[126.6,45.8],[126.6,45.9],[126.5,45.8]]";
    assert!(errors(LayerKind::Zones, &fc(&zone(triangle))).is_empty());
}
