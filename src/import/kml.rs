//! KML and KMZ (Google Earth, 91卫图, LocaSpace, Ovital exports): every `Placemark` with a `Point`,
//! `LineString`, `Polygon`, `gx:Track` or a `MultiGeometry` of them becomes a feature named by its
//! `<name>`; `<ExtendedData>` (`Data`/`value` and `SchemaData`/`SimpleData`) become properties, so
//! a `kind`, `category` or `industry` column survives. A KMZ is a zip holding `doc.kml` (or another
//! `.kml`). Read with `xml-rs`, which is already here through `gpx`, so errors carry the line.

use std::io::{Cursor, Read};

use serde_json::{json, Map, Value};
use xml::common::Position;
use xml::reader::{EventReader, ParserConfig, XmlEvent};

use super::gpx::props;
use super::{described, feature, position, GeomClass, ImportError, InputDatum, Origin, SourceFeature};

/// Largest KML read from a KMZ, in bytes (a zip bomb stops here).
pub const MAX_KML_BYTES: u64 = 64 * 1024 * 1024;

/// A `Placemark` being read.
#[derive(Default)]
struct Placemark {
    line: usize,
    number: usize,
    name: Option<String>,
    description: Option<String>,
    data: Map<String, Value>,
    /// Geometries met, each with its class and GeoJSON coordinates.
    geoms: Vec<(GeomClass, Value)>,
    /// Rings of the `Polygon` being read: outer first.
    rings: Vec<Value>,
    /// Positions of the `gx:Track` being read.
    track: Vec<Value>,
}

/// Reads a KML document.
pub fn read(file: &str, text: &str, datum: InputDatum) -> Result<Vec<SourceFeature>, Vec<ImportError>> {
    let config = ParserConfig::new().trim_whitespace(true).cdata_to_characters(true);
    let mut reader = EventReader::new_with_config(text.as_bytes(), config);
    let mut stack: Vec<String> = Vec::new();
    let mut text_buf = String::new();
    let mut data_name: Option<String> = None;
    let mut current: Option<Placemark> = None;
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let mut count = 0;
    // Line of the last start tag: a value error is reported where its element starts.
    let mut start_line = 1;
    loop {
        let event = reader.next();
        let line = reader.position().row as usize + 1;
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                let at = e.position().row as usize + 1;
                errors.push(ImportError::line(file, at, format!("malformed XML: {}", e.msg())));
                return Err(errors);
            }
        };
        match event {
            XmlEvent::StartElement { name, attributes, .. } => {
                let local = name.local_name;
                text_buf.clear();
                start_line = line;
                let attr =
                    |k: &str| attributes.iter().find(|a| a.name.local_name == k).map(|a| a.value.clone());
                match local.as_str() {
                    "Placemark" => {
                        count += 1;
                        let mut p = Placemark { line, number: count, ..Placemark::default() };
                        if let Some(id) = attr("id").filter(|s| !s.trim().is_empty()) {
                            p.data.insert("id".into(), id.into());
                        }
                        current = Some(p);
                    }
                    "Data" | "SimpleData" => data_name = attr("name"),
                    "Polygon" => {
                        if let Some(p) = current.as_mut() {
                            p.rings.clear();
                        }
                    }
                    "Track" => {
                        if let Some(p) = current.as_mut() {
                            p.track.clear();
                        }
                    }
                    _ => {}
                }
                stack.push(local);
            }
            XmlEvent::Characters(s) => text_buf.push_str(&s),
            XmlEvent::EndElement { .. } => {
                let local = stack.pop().unwrap_or_default();
                let parent = stack.last().map(String::as_str);
                let Some(p) = current.as_mut() else { continue };
                let text = std::mem::take(&mut text_buf);
                match (local.as_str(), parent) {
                    ("name", Some("Placemark")) => p.name = Some(text),
                    ("description", Some("Placemark")) => p.description = Some(text),
                    ("value", Some("Data")) | ("SimpleData", _) => {
                        if let Some(k) = data_name.take().filter(|k| !k.trim().is_empty()) {
                            p.data.insert(k, text.into());
                        }
                    }
                    ("coordinates", Some(geom)) => match coordinates(&text, datum) {
                        Err(reason) => errors.push(ImportError::line(file, start_line, reason)),
                        Ok(c) => match geom {
                            "Point" if !c.is_empty() => p.geoms.push((GeomClass::Point, c[0].clone())),
                            "LineString" => p.geoms.push((GeomClass::Line, Value::Array(c))),
                            "LinearRing" if stack.iter().any(|s| s == "outerBoundaryIs") => {
                                p.rings.insert(0, Value::Array(c))
                            }
                            "LinearRing" => p.rings.push(Value::Array(c)),
                            _ => {}
                        },
                    },
                    ("coord", Some("Track")) => {
                        let n: Vec<f64> = text.split_whitespace().filter_map(|x| x.parse().ok()).collect();
                        match n[..] {
                            [lon, lat, ..] => p.track.push(position(datum, lon, lat)),
                            _ => errors.push(ImportError::line(
                                file,
                                start_line,
                                format!(
                                    "gx:coord {}: expected \"lon lat [alt]\"",
                                    crate::model::error::quoted(&text)
                                ),
                            )),
                        }
                    }
                    ("Track", _) => {
                        p.geoms.push((GeomClass::Line, Value::Array(std::mem::take(&mut p.track))))
                    }
                    ("Polygon", _) => {
                        p.geoms.push((GeomClass::Area, Value::Array(std::mem::take(&mut p.rings))))
                    }
                    ("Placemark", _) => {
                        if let Some(p) = current.take() {
                            match finish(file, p) {
                                Ok(f) => out.extend(f),
                                Err(e) => errors.push(e),
                            }
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::EndDocument => break,
            _ => {}
        }
    }
    super::finish(file, out, errors, "no Placemark with a geometry")
}

/// The features of a finished Placemark: one per geometry class (a `MultiGeometry` of points and
/// lines gives a POI and a trail of the same name).
fn finish(file: &str, p: Placemark) -> Result<Vec<SourceFeature>, ImportError> {
    let origin = Origin {
        file: file.to_owned(),
        line: Some(p.line),
        what: described("Placemark", p.number, p.name.as_deref()),
    };
    if p.geoms.is_empty() {
        return Err(ImportError::feature(
            &origin,
            "geometry",
            "none (expected a Point, LineString or Polygon)",
        ));
    }
    let mut properties = props(p.name.as_deref(), p.description.as_deref().filter(|d| !d.contains('<')));
    properties.extend(p.data);
    let mut out = Vec::new();
    for class in [GeomClass::Point, GeomClass::Line, GeomClass::Area] {
        let coords: Vec<Value> =
            p.geoms.iter().filter(|(c, _)| *c == class).map(|(_, v)| v.clone()).collect();
        let (one, many) = match class {
            GeomClass::Point => ("Point", "MultiPoint"),
            GeomClass::Line => ("LineString", "MultiLineString"),
            GeomClass::Area => ("Polygon", "MultiPolygon"),
        };
        let geometry = match coords.len() {
            0 => continue,
            1 => json!({"type": one, "coordinates": coords[0]}),
            _ => json!({"type": many, "coordinates": coords}),
        };
        out.push(SourceFeature {
            feature: feature(properties.clone(), geometry),
            class,
            origin: origin.clone(),
        });
    }
    Ok(out)
}

/// KML `<coordinates>`: `lon,lat[,alt]` tuples separated by white space.
fn coordinates(text: &str, datum: InputDatum) -> Result<Vec<Value>, String> {
    text.split_whitespace()
        .map(|tuple| {
            let n: Vec<Option<f64>> = tuple.split(',').map(|x| x.trim().parse().ok()).collect();
            match n[..] {
                [Some(lon), Some(lat)] | [Some(lon), Some(lat), Some(_)] => Ok(position(datum, lon, lat)),
                _ => Err(format!("coordinates: {} is not lon,lat[,alt]", crate::model::error::quoted(tuple))),
            }
        })
        .collect()
}

/// Reads a KMZ: the zip's `doc.kml`, else its first `.kml` file. Messages name the inner file as
/// `park.kmz!doc.kml`.
pub fn read_kmz(file: &str, bytes: &[u8], datum: InputDatum) -> Result<Vec<SourceFeature>, Vec<ImportError>> {
    let fail = |reason: String| vec![ImportError::file(file, reason)];
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("not a KMZ (zip) archive: {e}")))?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let inner = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case("doc.kml"))
        .or_else(|| names.iter().find(|n| n.to_ascii_lowercase().ends_with(".kml")))
        .ok_or_else(|| fail("no .kml file in the archive".into()))?
        .clone();
    let entry = zip.by_name(&inner).map_err(|e| fail(format!("{inner}: {e}")))?;
    let mut kml = Vec::new();
    entry
        .take(MAX_KML_BYTES + 1)
        .read_to_end(&mut kml)
        .map_err(|e| fail(format!("{inner}: could not unpack: {e}")))?;
    if kml.len() as u64 > MAX_KML_BYTES {
        return Err(fail(format!("{inner}: more than {MAX_KML_BYTES} bytes unpacked")));
    }
    let name = format!("{file}!{inner}");
    let text = super::text_of(&name, &kml).map_err(|e| vec![e])?;
    read(&name, text, datum)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
  <Placemark id="gate-n"><name>North gate</name>
    <ExtendedData><Data name="kind"><value>entrance</value></Data></ExtendedData>
    <Point><coordinates>126.51,45.85,0</coordinates></Point></Placemark>
  <Placemark><name><![CDATA[滨水区]]></name>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      126.50,45.84 126.52,45.84 126.52,45.86 126.50,45.84
    </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder></Document></kml>"#;

    #[test]
    fn placemarks_become_features_with_their_names_and_data() {
        let f = read("p.kml", KML, InputDatum::Wgs84).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].feature["properties"],
            json!({"name": "North gate", "id": "gate-n", "kind": "entrance"})
        );
        assert_eq!(f[0].feature["geometry"], json!({"type": "Point", "coordinates": [126.51, 45.85]}));
        assert_eq!(f[0].origin.to_string(), "p.kml:3: Placemark 1 \"North gate\"");
        assert_eq!(f[1].class, GeomClass::Area);
        assert_eq!(f[1].feature["properties"]["name"], "滨水区");
        assert_eq!(f[1].feature["geometry"]["coordinates"][0].as_array().unwrap().len(), 4);
    }

    #[test]
    fn broken_coordinates_and_xml_are_located() {
        let e = read("p.kml", &KML.replace("126.52,45.86", "126.52;45.86"), InputDatum::Wgs84).unwrap_err();
        assert_eq!(e[0].to_string(), "p.kml:7: coordinates: \"126.52;45.86\" is not lon,lat[,alt]");
        let e = read("p.kml", &KML.replace("</Folder>", ""), InputDatum::Wgs84).unwrap_err();
        assert!(e[0].to_string().starts_with("p.kml:10: malformed XML"), "{}", e[0]);
    }
}
