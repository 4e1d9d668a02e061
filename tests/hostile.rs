#![cfg(not(target_arch = "wasm32"))]
//! Hostile park bundles (`tests/fixtures/hostile/`, described in its README): for every one, the
//! validator (library API and the `parkmap-validate` binary) reports the expected located problems
//! without panicking, and what the app would keep — the same `parse_manifest` / `parse_map_layer`
//! behind a browser-like fetch — is exactly what the validator calls valid, and what
//! `expect.json` says is drawn. Large files (a 10⁶-vertex line, 200 001 features, 32 MiB + 1,
//! 10⁵ nested brackets, 1 MB strings) are generated here, never committed; the end-to-end suite
//! (`tests/e2e/hostile.test.mjs`) generates the same bytes.
//!
//! Timing is measured and printed (`cargo test --test hostile -- --nocapture`), never asserted per
//! fixture: the suite finishing is the bound.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

use parkmap::model::url::resolve_layer_url;
use parkmap::model::{DataError, LayerKind, Park};
use parkmap::read::{parse_map_layer, parse_map_manifest, read_investors, MAX_LAYER_BYTES};
use parkmap::validate::files::validate_path;
use parkmap::validate::Report;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------------
// Generated files. Keep byte for byte in step with `generate()` in tests/e2e/hostile.test.mjs.
// ---------------------------------------------------------------------------------------------

const VALID_COMPANY: &str = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[126.505,45.845]},"properties":{"id":"c1","name_zh":"华为","name_en":"Huawei","industry":"digital_economy","zone":"zw"}}"#;

fn collection(features: &str) -> String {
    format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
}

/// A company feature with the given id and extra properties (a JSON fragment starting with `,`).
fn company(id: &str, lon: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},45.842]}},"properties":{{"id":"{id}","name_zh":"甲","name_en":"A","industry":"digital_economy","zone":"zw"{extra}}}}}"#
    )
}

/// The bytes of a generated file.
fn generate(what: &str) -> Vec<u8> {
    match what {
        // One greenway segment of 1 000 000 vertices, then a valid one.
        "line-1e6" => {
            let mut coords = String::with_capacity(23_000_000);
            for i in 0..1_000_000 {
                if i > 0 {
                    coords.push(',');
                }
                coords.push_str(&format!("[126.5{i:07},45.835]"));
            }
            collection(&format!(
                r#"{{"type":"Feature","geometry":{{"type":"LineString","coordinates":[{coords}]}},"properties":{{"id":"g1","name_zh":"长","name_en":"Long"}}}},{{"type":"Feature","geometry":{{"type":"LineString","coordinates":[[126.52,45.835],[126.54,45.835]]}},"properties":{{"id":"g2","name_zh":"东绿道","name_en":"East Greenway"}}}}"#
            ))
            .into_bytes()
        }
        // A road of three 20 000-vertex lines (60 000 in all), then the park boundary.
        "multi-vertices" => {
            let line: Vec<String> = (0..20_000).map(|i| format!("[126.5{i:05},45.84]")).collect();
            let line = format!("[{}]", line.join(","));
            collection(&format!(
                r#"{{"type":"Feature","geometry":{{"type":"MultiLineString","coordinates":[{line},{line},{line}]}},"properties":{{"kind":"road"}}}},{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[[[126.50,45.83],[126.54,45.83],[126.54,45.85],[126.50,45.85],[126.50,45.83]]]}},"properties":{{"kind":"boundary"}}}}"#
            ))
            .into_bytes()
        }
        // 200 001 features, one more than the limit.
        "features-200001" => {
            let one = r#"{"type":"Feature","geometry":null,"properties":null}"#;
            collection(&vec![one; 200_001].join(",")).into_bytes()
        }
        // A valid layer padded with spaces to one byte over the limit.
        "too-large" => {
            let mut text = collection(VALID_COMPANY);
            let pad = MAX_LAYER_BYTES + 1 - text.len();
            text.insert_str(text.len() - 2, &" ".repeat(pad));
            text.into_bytes()
        }
        // 1 MB (1 048 576 characters) in a required name, a description, a website and a sector.
        "huge-strings" => {
            let mb = "x".repeat(1 << 20);
            let features = [
                company("c1", "126.505", &format!(r#","name_en":"{mb}""#)).replace(r#""name_en":"A","#, ""),
                company("c2", "126.510", &format!(r#","description_en":"{mb}""#)),
                company("c3", "126.515", &format!(r#","website":"https://a.example/{mb}""#)),
                company("c4", "126.518", &format!(r#","sector":"{mb}","address_zh":"{mb}""#)),
            ];
            collection(&features.join(",")).into_bytes()
        }
        // 10 000 companies out of range (longitude 526.51), then four good ones. (An unknown
        // industry was the error here until unknown values became `other` with a note.)
        "many-errors" => {
            let mut features: Vec<String> =
                (0..10_000).map(|i| company(&format!("b{i}"), "526.51", "")).collect();
            features.extend(
                ["126.505", "126.510", "126.515", "126.518"]
                    .iter()
                    .enumerate()
                    .map(|(i, lon)| company(&format!("c{}", i + 1), lon, "")),
            );
            collection(&features.join(",")).into_bytes()
        }
        // The two valid zones and 4 998 copies of the west one: 12.5 million overlapping pairs.
        "identical-zones" => {
            let zone = |id: &str, w: &str, e: &str| {
                format!(
                    r#"{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[[[{w},45.83],[{e},45.83],[{e},45.85],[{w},45.85],[{w},45.83]]]}},"properties":{{"id":"{id}","name_zh":"区","name_en":"Zone","category":"industry"}}}}"#
                )
            };
            let mut features = vec![zone("zw", "126.50", "126.52"), zone("ze", "126.52", "126.54")];
            features.extend((0..4_998).map(|i| zone(&format!("zc{i}"), "126.50", "126.52")));
            collection(&features.join(",")).into_bytes()
        }
        // The west zone as a circle of 49 999 vertices (under the parser's limit, far past what
        // the validator's quadratic validity test may spend), and the east zone.
        "complex-zone" => {
            let ring: Vec<String> = (0..49_998)
                .map(|i| {
                    let a = f64::from(i) / 49_998.0 * std::f64::consts::TAU;
                    format!("[{:.7},{:.7}]", 126.51 + 0.0099 * a.cos(), 45.84 + 0.0099 * a.sin())
                })
                .collect();
            let ring = format!("[{},{}]", ring.join(","), ring[0]);
            collection(&format!(
                r#"{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[{ring}]}},"properties":{{"id":"zw","name_zh":"圆","name_en":"Round Zone","category":"industry"}}}},{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[[[126.52,45.83],[126.54,45.83],[126.54,45.85],[126.52,45.85],[126.52,45.83]]]}},"properties":{{"id":"ze","name_zh":"东区","name_en":"East Zone","category":"green_space"}}}}"#
            ))
            .into_bytes()
        }
        // A sites layer: a parcel of 60 000 vertices (a circle in the west zone), then a valid space.
        "site-60k-vertices" => {
            let ring: Vec<String> = (0..59_999)
                .map(|i| {
                    let a = f64::from(i) / 59_999.0 * std::f64::consts::TAU;
                    format!("[{:.7},{:.7}]", 126.51 + 0.005 * a.cos(), 45.84 + 0.005 * a.sin())
                })
                .collect();
            let ring = format!("[{},{}]", ring.join(","), ring[0]);
            collection(&format!(
                r#"{{"type":"Feature","geometry":{{"type":"Polygon","coordinates":[{ring}]}},"properties":{{"id":"s-huge","name_zh":"巨","name_en":"Huge","type":"land","zone":"zw"}}}},{{"type":"Feature","geometry":{{"type":"Point","coordinates":[126.516,45.846]}},"properties":{{"id":"s-after","name_zh":"后","name_en":"After the huge one","type":"office","zone":"zw"}}}}"#
            ))
            .into_bytes()
        }
        // 10⁵ nested brackets as the features.
        "deep-layer" => collection(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))).into_bytes(),
        // 10⁵ nested brackets as the park's name.
        "deep-manifest" => {
            format!(r#"{{"parkmap":1,"name":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000)).into_bytes()
        }
        other => panic!("no generator {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Expectations (tests/fixtures/hostile/expect.json, shared with the end-to-end suite)
// ---------------------------------------------------------------------------------------------

/// Layer kinds in the order of `expect.json`'s `drawn`.
const KINDS: [(&str, LayerKind); 6] = [
    ("context", LayerKind::Context),
    ("zones", LayerKind::Zones),
    ("waterfront", LayerKind::Waterfront),
    ("greenway", LayerKind::Greenway),
    ("pois", LayerKind::Pois),
    ("companies", LayerKind::Companies),
];

fn expectations() -> &'static BTreeMap<String, Value> {
    static E: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    E.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("tests/fixtures/hostile/expect.json")).unwrap();
        serde_json::from_str(&text).expect("expect.json parses")
    })
}

fn expect(name: &str) -> &'static Value {
    expectations().get(name).unwrap_or_else(|| panic!("{name} is not in expect.json"))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect()).unwrap_or_default()
}

/// The fixture tree with the generated files written in: `<tmp>/fixtures/{valid,hostile}/…`, so
/// relative layer URLs such as `../../valid/zones.geojson` work and the binary can read it all.
fn tree() -> &'static Path {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-fixtures");
        let _ = std::fs::remove_dir_all(&out);
        for sub in ["valid", "hostile"] {
            copy_dir(&root().join("tests/fixtures").join(sub), &out.join(sub));
        }
        let started = Instant::now();
        for (name, e) in expectations() {
            for (file, what) in e["generated"].as_object().into_iter().flatten() {
                let path = out.join("hostile").join(name).join(file);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, generate(what.as_str().unwrap())).unwrap();
            }
        }
        println!("generated the large fixtures in {:.1} s", started.elapsed().as_secs_f64());
        out
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The app's view: parse_manifest + parse_map_layer behind a browser-like fetch of the served tree
// ---------------------------------------------------------------------------------------------

/// Where the e2e server mounts `tests/fixtures`.
const SERVED: &str = "http://127.0.0.1:8080/fixtures/";

/// What the app does with a bundle, as `fetch::load_manifest` / `fetch::load_layer` do it: the
/// problems it would list in its alert and the park it would draw.
struct AppView {
    problems: Vec<String>,
    park: Park,
    /// What the site finder adds to the alert when it opens: the manifest's hubs and contact
    /// problems (the map keeps them unread).
    finder_problems: Vec<String>,
}

/// `fetch_text` against the e2e server: files under the mounted tree, 404 for anything else on
/// the origin, a network failure for other origins. `Response.text()` decodes UTF-8, dropping a
/// BOM and replacing invalid bytes with U+FFFD.
fn browser_fetch(tree: &Path, url: &str, file: &str) -> Result<String, DataError> {
    let Some(rest) = url.strip_prefix(SERVED) else {
        return Err(if url.starts_with("http://127.0.0.1:8080/") {
            DataError::Http { file: file.into(), status: 404 }
        } else {
            DataError::Unreachable { file: file.into(), reason: "network".into() }
        });
    };
    let path = tree.join(rest.split(['?', '#']).next().unwrap_or(rest));
    match std::fs::metadata(&path) {
        Ok(m) if m.is_file() => {}
        _ => return Err(DataError::Http { file: file.into(), status: 404 }),
    }
    let bytes = std::fs::read(&path).unwrap();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

fn app_view(name: &str) -> AppView {
    let tree = tree();
    let manifest_url = format!("{SERVED}hostile/{name}/park.json");
    let mut park = Park::default();
    let text = match browser_fetch(tree, &manifest_url, "park.json") {
        Ok(t) => t,
        Err(e) => return AppView { problems: vec![e.to_string()], park, finder_problems: Vec::new() },
    };
    let (manifest, mut problems) = match parse_map_manifest("park.json", &text) {
        Ok((m, p)) => (m, p.iter().map(ToString::to_string).collect::<Vec<_>>()),
        Err(e) => {
            return AppView {
                problems: e.iter().map(ToString::to_string).collect(),
                park,
                finder_problems: Vec::new(),
            }
        }
    };
    let finder_problems = read_investors("park.json", &manifest).2.iter().map(ToString::to_string).collect();
    // As `ui::loading` does: the sites are loaded with the site finder, not with the map.
    for layer in manifest.layers.iter().filter(|l| l.kind.loads_with_map()) {
        let parsed = match resolve_layer_url(&layer.url, &manifest_url) {
            Ok(url) => match browser_fetch(tree, &url, &layer.url) {
                Ok(text) => parse_map_layer(layer.kind, &layer.url, &text),
                Err(e) => {
                    problems.push(e.to_string());
                    continue;
                }
            },
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        problems.extend(parsed.errors.iter().map(ToString::to_string));
        // As `ui::apply_layer` does: ids repeating an earlier layer's are skipped and reported.
        let dropped = park.add_new(parsed.layer);
        if !dropped.is_empty() {
            problems.push(format!(
                "{}: {} feature(s) skipped: their ids repeat ids of an earlier layer",
                layer.url,
                dropped.len()
            ));
        }
    }
    AppView { problems, park, finder_problems }
}

fn counts(park: &Park) -> BTreeMap<&'static str, usize> {
    KINDS
        .iter()
        .map(|&(key, kind)| {
            let n = match kind {
                LayerKind::Context => park.context.len(),
                LayerKind::Zones => park.zones.len(),
                LayerKind::Waterfront => park.waterfront.len(),
                LayerKind::Greenway => park.greenway.len(),
                LayerKind::Pois => park.pois.len(),
                LayerKind::Companies => park.companies.len(),
                LayerKind::Sites => park.sites.len(),
            };
            (key, n)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The check, per fixture
// ---------------------------------------------------------------------------------------------

fn lines(report: &Report) -> Vec<String> {
    report.problems.iter().map(ToString::to_string).collect()
}

/// Runs the binary on a manifest: exit code and stdout lines.
fn run_binary(manifest: &Path) -> (i32, Vec<String>) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_parkmap-validate")).arg(manifest).output().expect("run binary");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    (out.status.code().expect("exit code (no signal, no abort)"), stdout.lines().map(str::to_owned).collect())
}

fn check(name: &str) {
    let e = expect(name);
    let manifest = tree().join("hostile").join(name).join("park.json");

    // (a) the validator, through the library: no panic, the expected located problems.
    let started = Instant::now();
    let report = validate_path(&manifest);
    let took = started.elapsed();
    let got = match &report {
        Ok(r) => lines(r),
        Err(reason) => vec![format!("cannot read: {reason}")],
    };
    println!("{name}: validated in {:.2} s, {} problems", took.as_secs_f64(), got.len());
    if std::env::var_os("HOSTILE_PRINT").is_some() {
        // Bootstrapping or reviewing expect.json: show everything, assert nothing.
        let (code, _) = run_binary(&manifest);
        let app = app_view(name);
        let shown = serde_json::json!({
            "exit": code, "problems": got, "drawn": counts(&app.park),
            "validator_drawn": report.as_ref().map(|r| counts(&r.park)).ok(), "app": app.problems,
            "sites_kept": report.as_ref().map(|r| r.park.sites.len()).ok(),
        });
        println!("== {name}\n{}", serde_json::to_string_pretty(&shown).unwrap());
        return;
    }
    let v = &e["validator"];
    if let Some(exact) = v.get("problems") {
        assert_eq!(got, strings(exact), "{name}: validator problems");
    }
    for line in strings(&v["include"]) {
        assert!(got.contains(&line), "{name}: validator should report {line:?}; got {got:#?}");
    }
    if let Some(n) = v.get("count") {
        assert_eq!(got.len() as u64, n.as_u64().unwrap(), "{name}: number of problems");
    }
    for line in &got {
        assert!(is_located(line), "{name}: {line:?} does not say where");
    }

    // ... and through the binary: the same lines, the expected exit code.
    let (code, stdout) = run_binary(&manifest);
    assert_eq!(code, v["exit"].as_i64().unwrap() as i32, "{name}: exit code");
    if report.is_ok() {
        assert_eq!(stdout, got, "{name}: the binary prints what the library reports");
    }

    // (b) the app keeps exactly what the validator calls valid, and that is what expect.json draws.
    let app = app_view(name);
    let drawn: BTreeMap<&str, usize> =
        KINDS.iter().map(|&(key, _)| (key, e["drawn"][key].as_u64().unwrap_or(0) as usize)).collect();
    assert_eq!(counts(&app.park), drawn, "{name}: what the app keeps");
    if let Ok(r) = &report {
        assert_eq!(counts(&r.park), drawn, "{name}: what the validator calls valid");
        // The sites are not the map's (the site finder loads them): the validator's count of the
        // valid ones is expected apart.
        let sites = e.get("sites_kept").and_then(Value::as_u64).unwrap_or(0) as usize;
        assert_eq!(r.park.sites.len(), sites, "{name}: sites the validator calls valid");
        assert!(app.park.sites.is_empty(), "{name}: the map loads no sites");
    }
    for needle in strings(&e["alert"]) {
        assert!(
            app.problems.iter().any(|p| p.contains(&needle)),
            "{name}: the app's alert should contain {needle:?}; it has {:#?}",
            app.problems
        );
    }
    let alert_count = e["alert_count"].as_u64().unwrap() as usize;
    assert_eq!(app.problems.len(), alert_count, "{name}: problems in the app's alert: {:#?}", app.problems);
    // What the site finder adds when it opens (the manifest's hubs and contact, read then).
    let finder: Vec<String> = strings(&e["finder_alert"]);
    assert_eq!(app.finder_problems, finder, "{name}: the site finder's problems");
}

/// `file: …`, `file:index: property: …` or `file:line:column: …`.
fn is_located(line: &str) -> bool {
    line.starts_with("cannot read: ") || line.split_once(": ").is_some_and(|(file, _)| !file.is_empty())
}

macro_rules! fixtures {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($name);
            }
        )*

        /// Every fixture folder and every expectation has its test, and the README lists it.
        #[test]
        fn every_fixture_has_a_test_an_expectation_and_a_readme_row() {
            let tested: Vec<&str> = vec![$($name),*];
            let expected: Vec<&str> = expectations().keys().map(String::as_str).collect();
            let mut sorted = tested.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, expected, "tests vs expect.json");
            let readme = std::fs::read_to_string(root().join("tests/fixtures/hostile/README.md")).unwrap();
            for name in &tested {
                assert!(readme.contains(&format!("| `{name}` |")), "README row for {name}");
            }
            for entry in std::fs::read_dir(root().join("tests/fixtures/hostile")).unwrap() {
                let entry = entry.unwrap();
                if entry.file_type().unwrap().is_dir() {
                    let dir = entry.file_name().into_string().unwrap();
                    assert!(tested.contains(&dir.as_str()), "fixture folder {dir} has no test");
                }
            }
            assert!(tested.len() >= 30, "at least 30 hostile bundles");
        }
    };
}

fixtures! {
    manifest_truncated => "manifest-truncated",
    manifest_empty_file => "manifest-empty-file",
    manifest_wrong_types => "manifest-wrong-types",
    manifest_entry_types => "manifest-entry-types",
    manifest_self_layer => "manifest-self-layer",
    manifest_100_layers => "manifest-100-layers",
    deep_nesting_manifest => "deep-nesting-manifest",
    hostile_bounds => "hostile-bounds",
    outside_urls => "outside-urls",
    escaping_paths => "escaping-paths",
    remote_https => "remote-https",
    bom_utf8 => "bom-utf8",
    utf16 => "utf16",
    layer_truncated => "layer-truncated",
    layer_empty_file => "layer-empty-file",
    layer_bare_array => "layer-bare-array",
    layer_string => "layer-string",
    layer_null => "layer-null",
    layer_features_object => "layer-features-object",
    wrong_root_type => "wrong-root-type",
    deep_nesting_layer => "deep-nesting-layer",
    layer_too_large => "layer-too-large",
    features_200001 => "features-200001",
    feature_wrong_types => "feature-wrong-types",
    nan_infinity => "nan-infinity",
    huge_coordinates => "huge-coordinates",
    out_of_range => "out-of-range",
    vertices_1e6 => "vertices-1e6",
    multi_vertices => "multi-vertices",
    geometry_collection => "geometry-collection",
    wrong_geometry_kind => "wrong-geometry-kind",
    empty_rings => "empty-rings",
    holes_only => "holes-only",
    duplicate_ids => "duplicate-ids",
    huge_strings => "huge-strings",
    many_errors => "many-errors",
    markup_everywhere => "markup-everywhere",
    dangerous_links => "dangerous-links",
    control_chars => "control-chars",
    lone_surrogate => "lone-surrogate",
    numbers_overflow => "numbers-overflow",
    proto_keys => "proto-keys",
    identical_zones => "identical-zones",
    complex_zone => "complex-zone",
    manifest_long_strings => "manifest-long-strings",
    hostile_sites => "hostile-sites",
}
