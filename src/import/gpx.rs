//! GPX (with the `gpx` crate): each track becomes a trail (a `MultiLineString` when it has several
//! segments), each route a trail, each waypoint a POI whose kind comes from its `<sym>` or `<type>`
//! (`Restroom` → `toilet`, `Parking Area` → `parking`…). Elevations and times are dropped: the
//! strict form is two-dimensional.
//!
//! The `gpx` crate does not say where a file is broken, so on failure the text is scanned again with
//! `xml-rs` to find the line and column: the XML syntax error, the first point whose `lat`/`lon` is
//! not a number in range, or the first number element (`<ele>`, `<speed>`…) that is not a number;
//! failing those, the first tag the crate's message names.

use serde_json::{json, Map, Value};
use xml::common::Position;
use xml::reader::{EventReader, XmlEvent};

use super::{described, feature, position, GeomClass, ImportError, InputDatum, Origin, SourceFeature};

/// Reads a GPX document.
pub fn read(file: &str, text: &str, datum: InputDatum) -> Result<Vec<SourceFeature>, Vec<ImportError>> {
    let doc = ::gpx::read(text.as_bytes()).map_err(|e| vec![locate(file, text, &e)])?;
    let mut out = Vec::new();
    let origin = |what: String| Origin { file: file.to_owned(), line: None, what };
    for (i, track) in doc.tracks.iter().enumerate() {
        let parts: Vec<Value> = track
            .segments
            .iter()
            .filter(|s| !s.points.is_empty())
            .map(|s| Value::Array(s.points.iter().map(|w| point(datum, w)).collect()))
            .collect();
        let geometry = match parts.len() {
            1 => json!({"type": "LineString", "coordinates": parts[0]}),
            _ => json!({"type": "MultiLineString", "coordinates": parts}),
        };
        let props = props(track.name.as_deref(), track.description.as_deref().or(track.comment.as_deref()));
        out.push(SourceFeature {
            feature: feature(props, geometry),
            class: GeomClass::Line,
            origin: origin(described("track", i + 1, track.name.as_deref())),
        });
    }
    for (i, route) in doc.routes.iter().enumerate() {
        let line: Vec<Value> = route.points.iter().map(|w| point(datum, w)).collect();
        let props = props(route.name.as_deref(), route.description.as_deref().or(route.comment.as_deref()));
        out.push(SourceFeature {
            feature: feature(props, json!({"type": "LineString", "coordinates": line})),
            class: GeomClass::Line,
            origin: origin(described("route", i + 1, route.name.as_deref())),
        });
    }
    for (i, w) in doc.waypoints.iter().enumerate() {
        let mut props = props(w.name.as_deref(), w.description.as_deref().or(w.comment.as_deref()));
        let hint = w.symbol.as_deref().or(w.type_.as_deref());
        if let Some(kind) = hint.map(poi_kind) {
            props.insert("kind".into(), kind.into());
        }
        out.push(SourceFeature {
            feature: feature(props, json!({"type": "Point", "coordinates": point(datum, w)})),
            class: GeomClass::Point,
            origin: origin(described("waypoint", i + 1, w.name.as_deref())),
        });
    }
    if out.is_empty() {
        return Err(vec![ImportError::file(file, "no tracks, routes or waypoints")]);
    }
    Ok(out)
}

fn point(datum: InputDatum, w: &::gpx::Waypoint) -> Value {
    let p = w.point();
    position(datum, p.x(), p.y())
}

/// `name` and a description, in the language its script says (Chinese characters → `_zh`).
pub(crate) fn props(name: Option<&str>, description: Option<&str>) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some(n) = name.map(str::trim).filter(|s| !s.is_empty()) {
        m.insert("name".into(), n.into());
    }
    if let Some(d) = description.map(str::trim).filter(|s| !s.is_empty()) {
        m.insert(format!("description_{}", script_lang(d)), d.into());
    }
    m
}

/// `zh` when the text has a CJK ideograph, else `en`.
pub(crate) fn script_lang(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        "zh"
    } else {
        "en"
    }
}

/// A POI kind from a GPS symbol or type name (Garmin's and OsmAnd's common ones, any case); an
/// unknown one is passed on as written, and the reader shows it as `other` with a note.
pub(crate) fn poi_kind(hint: &str) -> String {
    let h = hint.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let kind = if has(&["toilet", "restroom", "wc", "厕所", "卫生间"]) {
        "toilet"
    } else if has(&["parking", "停车"]) {
        "parking"
    } else if has(&["bike", "bicycle", "自行车"]) {
        "bike_rental"
    } else if has(&["scenic", "viewpoint", "overlook", "观景"]) {
        "viewpoint"
    } else if has(&["entrance", "gate", "trail head", "trailhead", "入口"]) {
        "entrance"
    } else if has(&["metro", "subway", "地铁"]) {
        "metro_station"
    } else if has(&["bus", "公交"]) {
        "bus_stop"
    } else if has(&["warm", "shelter", "暖"]) {
        "warm_station"
    } else {
        return h;
    };
    kind.to_owned()
}

/// Elements whose text the `gpx` crate reads as a number.
const NUMBER_ELEMENTS: [&str; 9] =
    ["ele", "magvar", "geoidheight", "hdop", "vdop", "pdop", "ageofdgpsdata", "course", "speed"];

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The located error of a GPX file the `gpx` crate refused.
fn locate(file: &str, text: &str, e: &::gpx::errors::GpxError) -> ImportError {
    let mut reader = EventReader::new(text.as_bytes());
    let at = |p: xml::common::TextPosition, reason: String| {
        ImportError::at(file, p.row as usize + 1, p.column as usize + 1, reason)
    };
    let mut open: Vec<String> = Vec::new();
    loop {
        match reader.next() {
            Ok(XmlEvent::StartElement { name, attributes, .. }) => {
                if matches!(name.local_name.as_str(), "wpt" | "trkpt" | "rtept") {
                    for (key, range) in [("lat", -90.0..=90.0), ("lon", -180.0..=180.0)] {
                        let v =
                            attributes.iter().find(|a| a.name.local_name == key).map(|a| a.value.as_str());
                        let bad = match v.map(|v| v.trim().parse::<f64>()) {
                            None => Some(format!("<{}> has no {key}", name.local_name)),
                            Some(Ok(x)) if range.contains(&x) => None,
                            Some(_) => Some(format!(
                                "<{}> {key}={}: not a number in {}..{}",
                                name.local_name,
                                crate::model::error::quoted(v.unwrap_or_default()),
                                range.start(),
                                range.end()
                            )),
                        };
                        if let Some(reason) = bad {
                            return at(reader.position(), reason);
                        }
                    }
                }
                open.push(name.local_name);
            }
            Ok(XmlEvent::EndElement { .. }) => {
                open.pop();
            }
            Ok(XmlEvent::Characters(s)) => {
                if let Some(el) = open.last().filter(|el| NUMBER_ELEMENTS.contains(&el.as_str())) {
                    if s.trim().parse::<f64>().is_err() {
                        let reason =
                            format!("<{el}> {}: not a number", crate::model::error::quoted(s.trim()));
                        return at(reader.position(), reason);
                    }
                }
            }
            Ok(XmlEvent::EndDocument) => break,
            Ok(_) => {}
            Err(x) => return at(x.position(), format!("malformed XML: {}", x.msg())),
        }
    }
    let reason = format!("not a GPX file the reader understands: {e}");
    // The crate names the tag it choked on in backticks: find it in the text.
    let message = e.to_string();
    let named = message.split('`').nth(1).filter(|n| !n.is_empty());
    let found = named.and_then(|n| {
        text.match_indices(&format!("<{n}"))
            .find(|(i, m)| text[i + m.len()..].starts_with([' ', '>', '/', '\t', '\n', '\r']))
            .map(|(i, _)| i)
    });
    match found {
        Some(offset) => {
            let (line, column) = line_column(text, offset);
            ImportError::at(file, line, column, reason)
        }
        None => ImportError::file(file, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GPX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="45.85" lon="126.51"><name>WC</name><sym>Restroom</sym></wpt>
  <trk><name>Loop</name>
    <trkseg><trkpt lat="45.85" lon="126.50"><ele>120</ele></trkpt><trkpt lat="45.85" lon="126.51"/></trkseg>
    <trkseg><trkpt lat="45.85" lon="126.51"/><trkpt lat="45.86" lon="126.51"/></trkseg>
  </trk>
</gpx>"#;

    #[test]
    fn tracks_become_multi_lines_and_waypoints_pois_with_a_kind() {
        let f = read("t.gpx", GPX, InputDatum::Wgs84).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].class, GeomClass::Line);
        assert_eq!(f[0].feature["geometry"]["type"], "MultiLineString");
        assert_eq!(f[0].feature["geometry"]["coordinates"][0][0], json!([126.50, 45.85]));
        assert_eq!(f[0].origin.to_string(), "t.gpx: track 1 \"Loop\"");
        assert_eq!(f[1].feature["properties"]["kind"], "toilet");
        assert_eq!(f[1].origin.to_string(), "t.gpx: waypoint 1 \"WC\"");
    }

    #[test]
    fn a_bad_coordinate_is_located_at_its_line() {
        let bad = GPX.replace(r#"<trkpt lat="45.86""#, r#"<trkpt lat="north""#);
        let e = read("t.gpx", &bad, InputDatum::Wgs84).unwrap_err();
        assert_eq!(e[0].to_string(), "t.gpx:6:46: <trkpt> lat=\"north\": not a number in -90..90");
        let e = read("t.gpx", &GPX.replace("</trk>", ""), InputDatum::Wgs84).unwrap_err();
        assert!(e[0].to_string().starts_with("t.gpx:8:6: malformed XML"), "{}", e[0]);
        let e =
            read("t.gpx", &GPX.replace("<ele>120</ele>", "<ele>high</ele>"), InputDatum::Wgs84).unwrap_err();
        assert_eq!(e[0].to_string(), "t.gpx:5:50: <ele> \"high\": not a number");
        let e = read(
            "t.gpx",
            &GPX.replace("<name>Loop</name>", "<name>Loop</name><colour>red</colour>"),
            InputDatum::Wgs84,
        )
        .unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "t.gpx:4:25: not a GPX file the reader understands: invalid child element `colour` in `track`"
        );
    }

    #[test]
    fn symbols_map_to_poi_kinds() {
        assert_eq!(poi_kind("Parking Area"), "parking");
        assert_eq!(poi_kind("Scenic Area"), "viewpoint");
        assert_eq!(poi_kind("Museum"), "museum");
        assert_eq!(script_lang("松花江"), "zh");
    }
}
