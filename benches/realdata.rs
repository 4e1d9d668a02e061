//! Reading real-world-shaped data: a 10 000-feature bundle (5 000 OSM-style trail ways on a grid
//! that meet only by noding — no shared vertices — and 5 000 POIs tagged the OSM way, no ids,
//! names in `name`), parsed with the app's reader and validated whole (noding included).
//! Prints figures; never fails on time. `cargo bench --bench realdata`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

use std::time::Instant;

use parkmap::model::LayerKind;
use parkmap::read::parse_layer;
use parkmap::validate::validate_bundle;

fn feature(geometry: String, props: String) -> String {
    format!(r#"{{"type":"Feature","properties":{{{props}}},"geometry":{geometry}}}"#)
}

/// 50 × 50 grid cells, each side a way crossing its neighbours between vertices (3-D positions).
fn trails() -> String {
    let mut out = Vec::new();
    for i in 0..2_500 {
        let (r, c) = (i / 50, i % 50);
        let (lon, lat) = (126.40 + c as f64 * 0.004, 45.75 + r as f64 * 0.003);
        out.push(feature(
            format!(
                r#"{{"type":"LineString","coordinates":[[{:.6},{lat:.6},120.5],[{:.6},{lat:.6},121.0],[{:.6},{lat:.6},121.5]]}}"#,
                lon - 0.0021,
                lon,
                lon + 0.0021
            ),
            format!(r#""highway":"path","name":"Path {i}""#),
        ));
        out.push(feature(
            format!(
                r#"{{"type":"MultiLineString","coordinates":[[[{lon:.6},{:.6},118],[{lon:.6},{:.6},119]]]}}"#,
                lat - 0.0016,
                lat + 0.0016
            ),
            format!(r#""highway":"footway","NAME":"Lane {i}""#),
        ));
    }
    format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, out.join(",\n"))
}

fn pois() -> String {
    let tags = ["amenity\":\"toilets", "amenity\":\"parking", "tourism\":\"viewpoint", "amenity\":\"bench"];
    let out: Vec<String> = (0..5_000)
        .map(|i| {
            let (r, c) = (i / 100 % 50, i % 50);
            let (lon, lat) = (126.40 + c as f64 * 0.004 + 0.0005, 45.75 + r as f64 * 0.003 + 0.0001);
            feature(
                format!(r#"{{"type":"Point","coordinates":[{lon:.6},{lat:.6}]}}"#),
                format!(r#""{}","name":"Place {i}""#, tags[i % 4]),
            )
        })
        .collect();
    format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, out.join(",\n"))
}

const MANIFEST: &str = r#"{"parkmap":1,"id":"bench","name":{"zh":"测","en":"Bench"},
  "bounds":[126.39,45.74,126.61,45.91],"attribution":{"zh":"测","en":"Bench"},
  "provenance":{"zh":"生成","en":"Generated"},
  "layers":[{"id":"g","kind":"greenway","url":"g.geojson"},{"id":"p","kind":"pois","url":"p.geojson"}]}"#;

fn main() {
    let (g, p) = (trails(), pois());
    println!("== 10 000 features: {} KB of trails, {} KB of POIs", g.len() / 1024, p.len() / 1024);
    for run in 0..3 {
        let t = Instant::now();
        let gl = parse_layer(LayerKind::Greenway, "g.geojson", &g);
        let pl = parse_layer(LayerKind::Pois, "p.geojson", &p);
        let parse = t.elapsed();
        assert!(gl.errors.is_empty() && pl.errors.is_empty());
        let t = Instant::now();
        let read = |url: &str| Ok(if url == "g.geojson" { g.clone() } else { p.clone() });
        let report = validate_bundle("park.json", MANIFEST, &read);
        let validate = t.elapsed();
        println!(
            "run {run}: parse both layers {:.1} ms; validate the bundle (parse + noding + rules) {:.1} ms; \
             {} problems, {} notes",
            parse.as_secs_f64() * 1e3,
            validate.as_secs_f64() * 1e3,
            report.problems.len(),
            report.notes.len()
        );
    }
}
