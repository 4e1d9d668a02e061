//! Unit tests of the generator. They read the generated bundle back as JSON, the way the app and
//! the validator will, and measure it with `geo`'s geodesic algorithms.

mod geometry;
mod records;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use geo::{LineString, Polygon};
use serde_json::Value;

use super::{generate, GenOptions, GeneratedFile};

/// The default bundle, generated once and shared by all tests.
struct Bundle {
    files: Vec<GeneratedFile>,
    json: BTreeMap<String, Value>,
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let files = generate(&GenOptions::default());
        let json = files
            .iter()
            .map(|f| {
                let v: Value = serde_json::from_str(&f.contents)
                    .unwrap_or_else(|e| panic!("{} is not JSON: {e}", f.name));
                (f.name.clone(), v)
            })
            .collect();
        Bundle { files, json }
    })
}

fn manifest() -> &'static Value {
    &bundle().json["park.json"]
}

/// The features of a layer file.
fn features(file: &str) -> &'static [Value] {
    let fc = &bundle().json[file];
    assert_eq!(fc["type"], "FeatureCollection", "{file}");
    fc["features"].as_array().expect("features array")
}

/// A string property (panics when missing).
fn text<'a>(f: &'a Value, key: &str) -> &'a str {
    f["properties"][key].as_str().unwrap_or_else(|| panic!("missing {key} in {}", f["properties"]))
}

fn pos(v: &Value) -> [f64; 2] {
    let a = v.as_array().expect("position");
    [a[0].as_f64().expect("lon"), a[1].as_f64().expect("lat")]
}

/// The vertices of a LineString feature.
fn line(f: &Value) -> Vec<[f64; 2]> {
    assert_eq!(f["geometry"]["type"], "LineString");
    f["geometry"]["coordinates"].as_array().expect("coordinates").iter().map(pos).collect()
}

/// The outer ring of a Polygon feature.
fn ring(f: &Value) -> Vec<[f64; 2]> {
    assert_eq!(f["geometry"]["type"], "Polygon");
    f["geometry"]["coordinates"][0].as_array().expect("ring").iter().map(pos).collect()
}

/// A Point feature's position.
fn point(f: &Value) -> [f64; 2] {
    assert_eq!(f["geometry"]["type"], "Point");
    pos(&f["geometry"]["coordinates"])
}

fn polygon(f: &Value) -> Polygon {
    Polygon::new(LineString::from(ring(f)), vec![])
}

/// Approximate local metres of `p` relative to `origin` (for clearances, not for the figures).
fn metres(p: [f64; 2], origin: [f64; 2]) -> [f64; 2] {
    let k = origin[1].to_radians().cos();
    [(p[0] - origin[0]) * 111_320.0 * k, (p[1] - origin[1]) * 111_320.0]
}
