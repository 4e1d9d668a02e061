//! A route out of the app: GPX 1.1 for GPS devices and sports apps, GeoJSON for other maps.

use serde_json::{json, Value};

use super::types::Route;
use crate::geo::LonLat;

/// The route as a GPX 1.1 document: one track (`<trk>`) with the route's line as its single segment,
/// and one named `<wpt>` per entry of `waypoints` (e.g. start, vias, end, or POIs passed).
///
/// Written with the `gpx` crate; `gpx::read` parses it back. A track rather than a `<rte>` because the
/// line is the dense trail geometry, not a handful of turn points for a device to route between.
pub fn to_gpx(route: &Route, name: &str, waypoints: &[(&str, LonLat)]) -> String {
    let point = |p: LonLat| gpx::Waypoint::new(geo::Point::new(p.lon, p.lat));
    let mut segment = gpx::TrackSegment::new();
    segment.points = route.geometry.iter().map(|&p| point(p)).collect();
    let mut track = gpx::Track::new();
    track.name = Some(name.to_owned());
    track.type_ = Some("walking".to_owned());
    track.segments = vec![segment];
    let doc = gpx::Gpx {
        version: gpx::GpxVersion::Gpx11,
        creator: Some("ParkMap".to_owned()),
        metadata: Some(gpx::Metadata { name: Some(name.to_owned()), ..Default::default() }),
        waypoints: waypoints
            .iter()
            .map(|&(label, p)| {
                let mut w = point(p);
                w.name = Some(label.to_owned());
                w
            })
            .collect(),
        tracks: vec![track],
        routes: vec![],
    };
    let mut bytes = Vec::new();
    // Writing GPX 1.1 into memory has no failure mode left (the version is known, the sink cannot
    // fail); an empty string would be the visible symptom rather than a panic in the browser.
    match gpx::write(&doc, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The route as a GeoJSON FeatureCollection with one LineString feature whose properties are
/// `distance_m`, `walking_minutes`, `cycling_minutes`, `reused_m` and the trails walked (`segments`:
/// id, English name, metres).
pub fn to_geojson(route: &Route) -> String {
    let coords: Vec<Value> = route.geometry.iter().map(|p| json!([p.lon, p.lat])).collect();
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
