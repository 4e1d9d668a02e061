//! `parkmap-import` end to end on realistic inputs (tests/fixtures/import/): a GPX with a
//! two-segment track, a route and waypoints; a KML with a trail, a zone and points (and a KMZ built
//! from it here); a company CSV with mixed-case headers, quoted commas and Chinese names; a QGIS-style
//! GeoJSON. The written bundle must load with the app's parser and pass the validator.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};

use parkmap::geo::measure::distance_m;
use parkmap::geo::LonLat;
use parkmap::import::run::run;
use parkmap::model::Layer;
use parkmap::read::{parse_layer, parse_manifest};
use parkmap::validate::files::validate_path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parkmap-import-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// The flags every import needs, writing to `out`.
fn flags(out: &Path) -> Vec<String> {
    [
        "--out",
        out.to_str().unwrap(),
        "--name-zh",
        "深哈产业园",
        "--name-en",
        "Shenzhen-Harbin Industrial Park",
        "--attribution",
        "ParkMap test data",
        "--provenance",
        "Hand-made fixtures shaped like real exports",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Runs the command in-process: (exit status, stdout, stderr).
fn import(args: &[String]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(args, &mut out, &mut err);
    (status, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// A KMZ holding `kml` as `doc.kml` (deflated, as Google Earth writes it) plus an icon.
fn kmz(path: &Path, kml: &str) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("files/icon.png", opts).unwrap();
    zip.write_all(b"\x89PNG not really").unwrap();
    zip.start_file("doc.kml", opts).unwrap();
    zip.write_all(kml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn layer_text(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Every position in a GeoJSON text (walking `coordinates`).
fn positions(v: &serde_json::Value, out: &mut Vec<LonLat>) {
    match v {
        serde_json::Value::Array(a) if a.first().is_some_and(|x| x.is_number()) => {
            out.push(LonLat::lon_lat(a[0].as_f64().unwrap(), a[1].as_f64().unwrap()))
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| positions(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| positions(x, out)),
        _ => {}
    }
}

#[test]
fn every_format_imports_into_a_bundle_the_app_and_the_validator_accept() {
    let dir = scratch("all");
    let park_kmz = dir.join("park.kmz");
    kmz(&park_kmz, &std::fs::read_to_string(fixture("park.kml")).unwrap());
    let out = dir.join("my-park");
    let kmz_name = park_kmz.to_str().unwrap().to_owned();
    let mut args = flags(&out);
    args.extend(["--as".into(), format!("waterfront={kmz_name}")]);
    args.extend([fixture("trails.gpx"), kmz_name, fixture("zones.geojson"), fixture("companies.csv")]);
    let (status, stdout, stderr) = import(&args);
    assert_eq!(status, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stdout, "", "no validator problems");
    assert!(
        stderr.contains("ok: 4 companies, 2 zones, 2 greenway segments, 1 waterfront segment, 5 POIs"),
        "{stderr}"
    );

    // The manifest: names, attribution and provenance from the flags, nothing else invented.
    let text = layer_text(&out, "park.json");
    let (m, problems) = parse_manifest("park.json", &text).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        (m.name.zh.as_str(), m.name.en.as_str(), m.name.ru.as_deref()),
        ("深哈产业园", "Shenzhen-Harbin Industrial Park", None)
    );
    assert_eq!(m.attribution.en, "ParkMap test data");
    assert_eq!(m.provenance.en, "Hand-made fixtures shaped like real exports");
    assert_eq!(m.id, "my-park");
    assert!(m.figures.is_none());
    let kinds: Vec<&str> = m.layers.iter().map(|l| l.kind.key()).collect();
    assert_eq!(kinds, ["zones", "waterfront", "greenway", "pois", "companies"]);

    // Each layer parses with the app's reader with no error and no note (the strict form), and the
    // bounds hold every position.
    let b = m.bounds_deg;
    for l in &m.layers {
        let text = layer_text(&out, &l.url);
        let parse = parse_layer(l.kind, &l.url, &text);
        assert!(parse.errors.is_empty(), "{}: {:?}", l.url, parse.errors);
        assert!(parse.notes.is_empty(), "{}: {:?}", l.url, parse.notes);
        let mut ps = Vec::new();
        positions(&serde_json::from_str(&text).unwrap(), &mut ps);
        for p in ps {
            assert!(b[0] <= p.lon && p.lon <= b[2] && b[1] <= p.lat && p.lat <= b[3], "{p:?} outside {b:?}");
        }
        match (l.kind.key(), parse.layer) {
            ("greenway", Layer::Trails(t)) => {
                let track = t.iter().find(|t| t.name.en == "Songhua Riverside Greenway").unwrap();
                assert_eq!(track.parts.len(), 2, "two track segments, one trail");
                assert!(t.iter().any(|t| t.name.en == "North Link"), "the route is a trail too");
            }
            ("waterfront", Layer::Trails(t)) => {
                assert_eq!((t[0].id.as_str(), t[0].name.zh.as_str()), ("w-boardwalk", "湿地栈道"));
                assert_eq!(t[0].lit, Some(true));
            }
            ("pois", Layer::Pois(p)) => {
                let kind = |name: &str| p.iter().find(|p| p.name.en == name).unwrap().kind.key();
                assert_eq!(kind("Public toilet"), "toilet");
                assert_eq!(kind("P1 car park"), "parking");
                assert_eq!(kind("South Gate"), "entrance");
            }
            ("companies", Layer::Companies(c)) => {
                assert_eq!(c[0].name.en, "Harbin Shenha Robotics Co., Ltd.");
                assert_eq!(c[0].name.zh, "哈尔滨深哈机器人有限公司");
                assert_eq!(c[1].capital_yuan, Some(10_000_000));
                assert_eq!(c[1].founded, Some(2021));
            }
            ("zones", Layer::Zones(z)) => {
                assert_eq!(z[0].name.en, "Digital Economy Zone");
                assert_eq!(z[1].category.key(), "finance_services");
            }
            (k, _) => panic!("unexpected layer {k}"),
        }
    }
    // The validator agrees (notes allowed, no problem).
    let report = validate_path(&out.join("park.json")).unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    // Nothing left beside the bundle.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_kmz_imports_exactly_like_its_kml() {
    let dir = scratch("kmz");
    let park_kmz = dir.join("park.kmz");
    kmz(&park_kmz, &std::fs::read_to_string(fixture("park.kml")).unwrap());
    let (a, b) = (dir.join("a"), dir.join("b"));
    // With the GPX too, so the KML's entrance lies by a trail and the bundle is clean.
    let mut args = flags(&a);
    args.extend([fixture("trails.gpx"), fixture("park.kml")]);
    assert_eq!(import(&args).0, 0);
    let mut args = flags(&b);
    args.extend([fixture("trails.gpx"), park_kmz.to_str().unwrap().to_owned()]);
    assert_eq!(import(&args).0, 0);
    for f in ["greenway.geojson", "zones.geojson", "pois.geojson"] {
        assert_eq!(layer_text(&a, f), layer_text(&b, f), "{f}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gcj02_and_bd09_inputs_land_within_a_centimetre_of_wgs84() {
    // Reference pairs of src/geo/china.rs (coord-convert 0.2.1): WGS84 (126.53, 45.857) is GCJ-02
    // (126.5360678118, 45.8589779039) and BD-09 (126.5427182403, 45.8646120238).
    let dir = scratch("datum");
    let gcj = dir.join("traced.geojson");
    std::fs::write(
        &gcj,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Gate","kind":"entrance"},
           "geometry":{"type":"Point","coordinates":[126.5360678118,45.8589779039]}}]}"#,
    )
    .unwrap();
    let bd = dir.join("baidu.csv");
    std::fs::write(&bd, "name,lng,lat\nBaidu Co,126.5427182403,45.8646120238\n").unwrap();
    let wgs = LonLat::lon_lat(126.53, 45.857);
    for (datum, input, layer) in [("gcj02", &gcj, "pois.geojson"), ("bd09", &bd, "companies.geojson")] {
        let out = dir.join(datum);
        let mut args = flags(&out);
        args.extend(["--from".into(), datum.into(), input.to_str().unwrap().into()]);
        let (status, _, stderr) = import(&args);
        assert_eq!(status, 0, "{stderr}");
        let mut ps = Vec::new();
        positions(&serde_json::from_str(&layer_text(&out, layer)).unwrap(), &mut ps);
        assert!(distance_m(ps[0], wgs) < 0.01, "{datum}: {:?} is {} m off", ps[0], distance_m(ps[0], wgs));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Imports `inputs` into a fresh folder, expecting failure: the stderr, after checking that nothing
/// was left behind.
fn failing(name: &str, inputs: &[(&str, &str)], expect_status: u8) -> String {
    let dir = scratch(name);
    let out = dir.join("out");
    let mut args = flags(&out);
    for (file, text) in inputs {
        std::fs::write(dir.join(file), text).unwrap();
        args.push(dir.join(file).to_str().unwrap().to_owned());
    }
    let (status, _, stderr) = import(&args);
    assert_eq!(status, expect_status, "{stderr}");
    assert!(!out.exists(), "no bundle after a failure");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), inputs.len(), "nothing but the inputs: {left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
    stderr.replace(&format!("{}/", dir.display()), "")
}

#[test]
fn a_bad_csv_number_is_named_with_its_line_and_nothing_is_written() {
    let csv = std::fs::read_to_string(fixture("companies.csv"))
        .unwrap()
        .replace("126.505,45.856", "126.505,45.85.6");
    let gpx = std::fs::read_to_string(fixture("trails.gpx")).unwrap();
    let stderr = failing("csv", &[("trails.gpx", &gpx), ("companies.csv", &csv)], 1);
    assert_eq!(
        stderr,
        "error: companies.csv:3: lat: \"45.85.6\" is not a number\nno bundle written: 1 problem\n"
    );
}

#[test]
fn a_placemark_without_geometry_is_named_with_its_line() {
    let kml = std::fs::read_to_string(fixture("park.kml")).unwrap().replace(
        "<Point><coordinates>126.5231,45.8502</coordinates></Point>",
        "<!-- pin lost in the export -->",
    );
    let stderr = failing("kml", &[("park.kml", &kml)], 1);
    assert_eq!(
        stderr,
        "error: park.kml:44: Placemark 4 \"Boardwalk warm station\": geometry: none (expected a Point, \
         LineString or Polygon)\nno bundle written: 1 problem\n"
    );
}

#[test]
fn a_broken_feature_the_reader_refuses_is_named_by_its_origin() {
    let gpx = std::fs::read_to_string(fixture("trails.gpx"))
        .unwrap()
        .replace(r#"<rtept lat="45.8550" lon="126.5100"><ele>121.5</ele></rtept>"#, "")
        .replace(r#"<rtept lat="45.8580" lon="126.5120"><ele>123.0</ele></rtept>"#, "");
    let stderr = failing("gpx", &[("trails.gpx", &gpx)], 1);
    assert!(stderr.starts_with("error: trails.gpx: route 1 \"North Link\": geometry: "), "{stderr}");
}

#[test]
fn a_missing_name_flag_exits_2_with_a_message() {
    let dir = scratch("usage");
    let mut args = flags(&dir.join("out"));
    let i = args.iter().position(|a| a == "--name-en").unwrap();
    args.drain(i..i + 2);
    args.push(fixture("trails.gpx"));
    // The real binary, for the real exit status.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_parkmap-import")).args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr.starts_with("parkmap-import: missing --name-en (the park's English name)\nusage: "),
        "{stderr}"
    );
    assert!(!dir.join("out").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_non_empty_out_is_replaced_only_with_force() {
    let dir = scratch("force");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("old.txt"), "keep me").unwrap();
    let mut args = flags(&out);
    args.push(fixture("zones.geojson"));
    let (status, _, stderr) = import(&args);
    assert_eq!(status, 2);
    assert!(stderr.contains("not an empty folder; use --force to replace it"), "{stderr}");
    assert!(out.join("old.txt").exists());
    args.push("--force".into());
    let (status, _, stderr) = import(&args);
    assert_eq!(status, 0, "{stderr}");
    assert!(!out.join("old.txt").exists() && out.join("zones.geojson").exists());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary folder left");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// tests/fixtures/real/imported/ is this importer's own output for the import fixtures (GPX, KML as
/// waterfront, GeoJSON zones, companies CSV); the end-to-end suite loads it in the built app. The
/// test keeps it byte-identical to what the importer writes now (`PARKMAP_BLESS=1` rewrites it).
#[test]
fn the_imported_bundle_fixture_is_the_importers_output() {
    let dir = scratch("fixture");
    let out = dir.join("imported");
    let mut args = flags(&out);
    args.extend([
        "--id".into(),
        "imported".into(),
        "--as".into(),
        format!("waterfront={}", fixture("park.kml")),
    ]);
    args.extend([
        fixture("trails.gpx"),
        fixture("park.kml"),
        fixture("zones.geojson"),
        fixture("companies.csv"),
    ]);
    let (status, stdout, stderr) = import(&args);
    assert_eq!(status, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/imported");
    let mut written: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    written.sort();
    if std::env::var_os("PARKMAP_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        std::fs::create_dir_all(&committed).unwrap();
        for name in &written {
            std::fs::copy(out.join(name), committed.join(name)).unwrap();
        }
    }
    let mut present: Vec<_> =
        std::fs::read_dir(&committed).unwrap().map(|e| e.unwrap().file_name()).collect();
    present.sort();
    assert_eq!(present, written, "the same files (PARKMAP_BLESS=1 cargo test --test import rewrites them)");
    for name in &written {
        assert_eq!(
            std::fs::read(committed.join(name)).unwrap(),
            std::fs::read(out.join(name)).unwrap(),
            "{name:?} differs from the importer's output (PARKMAP_BLESS=1 cargo test --test import rewrites it)"
        );
    }
}
