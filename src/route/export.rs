//! A route out of the app: GPX 1.1 for GPS devices and sports apps, GeoJSON for other maps.

use serde_json::{json, Value};

use super::types::Route;
use crate::geo::LonLat;

/// Decimals of every coordinate written (GPX and GeoJSON): 6, about 0.1 m, the precision of the
/// park's own data and what RFC 7946 suggests. One precision for every point: a snapped start
/// point or a position from a link would otherwise carry 15 decimals beside the data's 6.
pub const COORD_DECIMALS: usize = 6;

/// A coordinate rounded to [`COORD_DECIMALS`] (for GeoJSON, whose numbers serde writes shortest).
fn rounded(v: f64) -> f64 {
    let scale = 10f64.powi(COORD_DECIMALS as i32);
    (v * scale).round() / scale
}

/// The route as a GPX 1.1 document: one track (`<trk>`) with the route's line as its single segment,
/// and one named `<wpt>` per entry of `waypoints` (e.g. start, vias, end, or POIs passed); every
/// coordinate with [`COORD_DECIMALS`] decimals.
///
/// Written by hand (a few lines of escaped XML) so the wasm carries no XML library; the tests read it
/// back with the `gpx` crate. A track rather than a `<rte>` because the line is the dense trail
/// geometry, not a handful of turn points for a device to route between.
pub fn to_gpx(route: &Route, name: &str, waypoints: &[(&str, LonLat)]) -> String {
    use std::fmt::Write;
    let name = xml_escape(name);
    let mut out = String::with_capacity(200 + 64 * (route.geometry.len() + waypoints.len()));
    out.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<gpx version="1.1" creator="ParkMap" xmlns="http://www.topografix.com/GPX/1/1">"#,
        "\n"
    ));
    let _ = writeln!(out, "  <metadata><name>{name}</name></metadata>");
    for &(label, p) in waypoints {
        let _ = writeln!(
            out,
            r#"  <wpt lat="{:.*}" lon="{:.*}"><name>{}</name></wpt>"#,
            COORD_DECIMALS,
            p.lat,
            COORD_DECIMALS,
            p.lon,
            xml_escape(label)
        );
    }
    let _ = writeln!(out, "  <trk><name>{name}</name><type>walking</type><trkseg>");
    for p in &route.geometry {
        let _ = writeln!(
            out,
            r#"    <trkpt lat="{:.*}" lon="{:.*}"></trkpt>"#,
            COORD_DECIMALS, p.lat, COORD_DECIMALS, p.lon
        );
    }
    out.push_str("  </trkseg></trk>\n</gpx>\n");
    out
}

/// Text as XML character data or an attribute value: escaped as for HTML attributes, and without the
/// control characters XML 1.0 forbids (a name from data must not break the document).
fn xml_escape(s: &str) -> String {
    let allowed: String = s.chars().filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    crate::html::escape(&allowed)
}

/// The route as a GeoJSON FeatureCollection with one LineString feature (coordinates rounded to
/// [`COORD_DECIMALS`]) whose properties are
/// `distance_m`, `walking_minutes`, `cycling_minutes`, `reused_m` and the trails walked (`segments`:
/// id, English name, metres).
pub fn to_geojson(route: &Route) -> String {
    let coords: Vec<Value> = route.geometry.iter().map(|p| json!([rounded(p.lon), rounded(p.lat)])).collect();
    let segments: Vec<Value> = route
        .segments
        .iter()
        .map(|s| json!({ "id": s.trail_id, "name_en": s.name.en, "name_zh": s.name.zh, "metres": s.metres }))
        .collect();
    json!({
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "geometry": { "type": "LineString", "coordinates": coords },
            "properties": {
                "distance_m": route.distance_m,
                "walking_minutes": route.walking_minutes(),
                "cycling_minutes": route.cycling_minutes(),
                "reused_m": route.reused_m,
                "segments": segments,
            },
        }],
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::test_park::{park_of, trail};
    use crate::route::{plan, RouteOptions, TrailGraph};

    fn route() -> Route {
        let g = TrailGraph::from_park(&park_of(vec![trail(
            "t",
            &[(126.50, 45.83), (126.51, 45.83), (126.51, 45.84)],
        )]));
        plan(&g, &[LonLat::lon_lat(126.50, 45.83), LonLat::lon_lat(126.51, 45.84)], &RouteOptions::default())
            .unwrap()
    }

    // The gpx crate (which reads the document back) is native-only.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn gpx_names_the_track_and_the_waypoints() {
        let r = route();
        let text = to_gpx(&r, "Loop <1> & more", &[("Start", r.geometry[0])]);
        assert!(text.contains("version=\"1.1\""));
        assert!(text.contains("http://www.topografix.com/GPX/1/1"));
        let back = gpx::read(text.as_bytes()).unwrap();
        assert_eq!(back.tracks[0].name.as_deref(), Some("Loop <1> & more"));
        assert_eq!(back.waypoints[0].name.as_deref(), Some("Start"));
        assert_eq!(back.tracks[0].segments[0].points.len(), 3);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn gpx_reads_back_with_every_name_and_coordinate_intact() {
        let r = route();
        let name = "Greenway \"loop\" — 绿道 'north' <a&b>\u{7}";
        let text = to_gpx(&r, name, &[("步道 \"A\" & 'B'", r.geometry[0]), ("End", r.geometry[2])]);
        let back = gpx::read(text.as_bytes()).unwrap();
        let expected = "Greenway \"loop\" — 绿道 'north' <a&b>"; // the control character is dropped
        assert_eq!(back.metadata.and_then(|m| m.name).as_deref(), Some(expected));
        assert_eq!(back.tracks[0].name.as_deref(), Some(expected));
        assert_eq!(back.tracks[0].type_.as_deref(), Some("walking"));
        assert_eq!(back.waypoints[0].name.as_deref(), Some("步道 \"A\" & 'B'"));
        let points = &back.tracks[0].segments[0].points;
        let close = |a: f64, b: f64| (a - b).abs() <= 0.5e-6 + 1e-12;
        for (p, q) in points.iter().zip(&r.geometry) {
            assert!(close(p.point().x(), q.lon) && close(p.point().y(), q.lat), "{:?} vs {q:?}", p.point());
        }
        assert!(close(back.waypoints[1].point().x(), r.geometry[2].lon));
    }

    #[test]
    fn every_gpx_coordinate_has_the_same_six_decimals() {
        let r = route();
        // a snapped or linked point carries every decimal a float has
        let start = LonLat::lon_lat(126.500_000_123_456_78, 45.830_000_987_654_32);
        let text = to_gpx(&r, "r", &[("Start", start), ("End", r.geometry[2])]);
        let mut seen = 0;
        for attr in ["lat=\"", "lon=\""] {
            for value in text.split(attr).skip(1) {
                let number = &value[..value.find('"').unwrap()];
                let decimals = number.split('.').nth(1).map_or(0, str::len);
                assert_eq!(decimals, COORD_DECIMALS, "{number} in {attr}");
                seen += 1;
            }
        }
        assert_eq!(seen, 2 * (2 + r.geometry.len()), "every wpt and trkpt");
        assert!(text.contains(r#"<wpt lat="45.830001" lon="126.500000">"#), "{text}");
    }

    #[test]
    fn geojson_coordinates_are_rounded_to_the_same_precision() {
        let mut r = route();
        r.geometry[0] = LonLat::lon_lat(126.500_000_123_456_78, 45.830_000_987_654_32);
        let v: Value = serde_json::from_str(&to_geojson(&r)).unwrap();
        let first = &v["features"][0]["geometry"]["coordinates"][0];
        assert_eq!(first[0].to_string(), "126.5");
        assert_eq!(first[1].to_string(), "45.830001");
    }

    #[test]
    fn geojson_carries_the_line_and_the_figures() {
        let r = route();
        let v: Value = serde_json::from_str(&to_geojson(&r)).unwrap();
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["type"], "LineString");
        assert_eq!(f["geometry"]["coordinates"].as_array().unwrap().len(), 3);
        assert_eq!(f["geometry"]["coordinates"][0][0], 126.50);
        let d = f["properties"]["distance_m"].as_f64().unwrap();
        assert!((d - r.distance_m).abs() < 1e-9);
        assert!((f["properties"]["walking_minutes"].as_f64().unwrap() - r.walking_minutes()).abs() < 1e-9);
        assert_eq!(f["properties"]["segments"][0]["id"], "t");
    }
}
