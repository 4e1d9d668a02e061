#![cfg(not(target_arch = "wasm32"))]
//! The park-bundle validator, end to end: one small broken bundle per rule under
//! `tests/fixtures/invalid/<rule>/` (each is the valid mini park of `tests/fixtures/valid/` with one
//! rule broken; unchanged layers are read from `../../valid/`), checked through the library and
//! through the `parkmap-validate` binary, line for line; and the shipped park, which must be clean.

use std::path::{Path, PathBuf};
use std::process::Command;

use parkmap::model::DataError;
use parkmap::validate::{validate_bundle, Report};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Validates the manifest at `path` through the library, reading layers beside it.
fn validate(path: &Path) -> Report {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dir = path.parent().unwrap();
    let read = |url: &str| {
        std::fs::read_to_string(dir.join(url))
            .map_err(|e| DataError::Unreachable { file: url.into(), reason: e.to_string() })
    };
    validate_bundle("park.json", &text, &read)
}

fn lines(report: &Report) -> Vec<String> {
    report.problems.iter().map(ToString::to_string).collect()
}

/// Runs the binary on `path`: exit code, stdout lines, stderr.
fn run(args: &[&Path]) -> (i32, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parkmap-validate")).args(args).output().expect("run binary");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
    (out.status.code().expect("exit code"), stdout.lines().map(str::to_owned).collect(), stderr)
}

/// The fixture for `rule` gives exactly `expected`, through the library and through the binary
/// (exit code 1, the problems on stdout, the count on stderr).
fn assert_rule(rule: &str, expected: &[&str]) {
    let manifest = root().join("tests/fixtures/invalid").join(rule).join("park.json");
    assert_eq!(lines(&validate(&manifest)), expected, "library, rule {rule}");
    let (code, stdout, stderr) = run(&[&manifest]);
    assert_eq!(stdout, expected, "binary stdout, rule {rule}");
    assert_eq!(code, 1, "binary exit code, rule {rule}");
    let count =
        if expected.len() == 1 { "1 problem".to_owned() } else { format!("{} problems", expected.len()) };
    // Notes (warnings) come first on stderr; the summary is the last line.
    let summary = stderr.trim_end().lines().last().unwrap_or_default();
    assert!(
        summary == count || summary.starts_with(&format!("{count}; ")),
        "binary stderr, rule {rule}: {stderr}"
    );
}

#[test]
fn valid_mini_park_is_clean() {
    let report = validate(&root().join("tests/fixtures/valid/park.json"));
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(
        report.summary(),
        "ok: 4 companies, 2 zones, 2 greenway segments, 1 waterfront segment, 4 POIs, 2 context features"
    );
}

#[test]
fn schema_problems_are_the_parsers_located_messages() {
    assert_rule(
        "schema",
        &[
            "park.json: layers[6].kind: expected one of context, zones, waterfront, greenway, pois, companies, sites; found \"trees\"",
            "companies.geojson:1: website: only http: and https: links are allowed; dropped",
            "companies.geojson:3: id: duplicate id \"c1\"",
            "companies.geojson:4: capital_yuan: expected a non-negative integer, found a negative or fractional number",
            "companies.geojson:5: geometry: expected Point, found LineString",
        ],
    );
}

#[test]
fn self_intersecting_zone_is_invalid_geometry() {
    assert_rule("geometry", &["zones.geojson:1: geometry: exterior ring has a self-intersection"]);
}

#[test]
fn clockwise_outer_rings_and_counter_clockwise_holes_break_rfc_7946_winding() {
    assert_rule(
        "winding",
        &[
            "zones.geojson:0: geometry: interior ring at index 0 is counter-clockwise; RFC 7946 wants holes clockwise",
            "zones.geojson:1: geometry: exterior ring is clockwise; RFC 7946 wants it counter-clockwise",
        ],
    );
}

#[test]
fn overlapping_zones_are_reported_on_the_later_zone() {
    assert_rule("overlap", &["zones.geojson:1: geometry: overlaps zone \"zw\" by 345388 m²"]);
}

#[test]
fn zone_outside_the_park_boundary_is_reported_with_the_area_outside() {
    assert_rule(
        "outside-boundary",
        &["zones.geojson:1: geometry: extends 863469 m² outside the park boundary"],
    );
}

#[test]
fn every_segment_of_a_cut_off_component_is_reported() {
    assert_rule(
        "connectivity",
        &[
            "greenway.geojson:2: geometry: not connected to the rest of the greenway: component 2 of 2, 2 segments",
            "greenway.geojson:3: geometry: not connected to the rest of the greenway: component 2 of 2, 2 segments",
            "waterfront.geojson:1: geometry: not connected to the rest of the trail network (greenway + waterfront): component 3 of 3, 1 segment",
        ],
    );
}

#[test]
fn trail_side_pois_farther_than_50_m_from_a_trail_are_reported_and_stations_are_not() {
    assert_rule(
        "poi-distance",
        &[
            "pois.geojson:1: geometry: toilet is 278 m from the nearest greenway or waterfront segment (limit 50 m)",
            "pois.geojson:4: geometry: warm_station is 1539 m from the nearest greenway or waterfront segment (limit 50 m)",
        ],
    );
}

#[test]
fn company_zone_must_exist_and_contain_the_point() {
    assert_rule(
        "company-zone",
        &[
            "companies.geojson:0: zone: unknown zone id \"z99\"",
            "companies.geojson:1: zone: point lies outside zone \"zw\"",
        ],
    );
}

#[test]
fn declared_figures_must_match_the_data() {
    assert_rule(
        "figures",
        &[
            "park.json: figures.companies: the manifest declares 5, the data has 4",
            "park.json: figures.registered_capital_yuan: the manifest declares 420000001, the data has 420000000",
            "park.json: figures.greenway_km: the manifest declares 3.2 km, the data has 3.108 km (more than 1 % off)",
            "park.json: figures.waterfront_km: the manifest declares 1.86 km, the data has 1.888 km (more than 1 % off)",
            "park.json: figures.area_km2: the manifest declares 7.1 km², the data has 6.908 km² (more than 2 % off)",
        ],
    );
}

#[test]
fn binary_reports_layers_it_cannot_read_and_skips_the_rules_that_need_them() {
    // Zones and greenway fail as a whole, so overlap, connectivity, company-zone and their figures
    // are not checked (no follow-on messages); the company figures still are, and match.
    let manifest = root().join("tests/fixtures/invalid/unloadable/park.json");
    let (code, stdout, stderr) = run(&[&manifest]);
    assert_eq!(
        stdout,
        [
            "https://example.com/zones.geojson: could not load: remote layer not checked offline",
            "../../mini/broken.geojson:1:58: malformed JSON: EOF while parsing a value",
            "missing.geojson?v=2: could not load: file not found",
        ]
    );
    assert_eq!((code, stderr.trim_end()), (1, "3 problems"));
}

#[test]
fn shared_mini_fixture_has_only_its_deliberate_javascript_link() {
    let report = validate(&root().join("tests/fixtures/mini/park.json"));
    assert_eq!(
        lines(&report),
        ["companies.geojson:1: website: only http: and https: links are allowed; dropped"]
    );
}

#[test]
fn shipped_park_validates_with_zero_problems() {
    let report = validate(&root().join("public/data/park.json"));
    assert_eq!(lines(&report), Vec::<String>::new());
    assert!(report.summary().starts_with("ok: 590 companies, "), "{}", report.summary());
}

#[test]
fn binary_exits_0_on_the_shipped_park_with_a_summary_on_stderr() {
    let (code, stdout, stderr) = run(&[&root().join("public/data/park.json")]);
    assert_eq!(stdout, Vec::<String>::new());
    assert_eq!(code, 0);
    assert!(stderr.starts_with("ok: 590 companies, 12 zones, "), "{stderr}");
}

#[test]
fn binary_exits_2_on_usage_errors_and_unreadable_manifests() {
    let (code, stdout, stderr) = run(&[]);
    assert_eq!((code, stdout.len()), (2, 0));
    assert!(stderr.starts_with("usage: parkmap-validate"), "{stderr}");
    let a = root().join("public/data/park.json");
    assert_eq!(run(&[&a, &a]).0, 2);
    let (code, _, stderr) = run(&[&root().join("tests/fixtures/invalid/no-such-park.json")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn binary_exits_1_when_the_manifest_is_not_json() {
    let (code, stdout, stderr) = run(&[&root().join("tests/fixtures/mini/broken.geojson")]);
    assert_eq!(stdout, ["broken.geojson:1:58: malformed JSON: EOF while parsing a value"]);
    assert_eq!((code, stderr.trim_end()), (1, "1 problem"));
}
