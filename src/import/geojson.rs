//! GeoJSON input: the features as they are, for the app's lenient reader to read (OSM, QGIS and
//! ogr2ogr exports included; see `docs/data-format.md`, "What ParkMap accepts"). This step only
//! sorts them by geometry and, with `--from`, converts their positions to WGS84.

use serde_json::Value;

use super::{position, GeomClass, ImportError, InputDatum, Origin, SourceFeature};
use crate::model::error::quoted;
use crate::model::DataError;

/// Reads a GeoJSON `FeatureCollection`: its features and its legacy `crs` member, if any.
pub fn read(
    file: &str,
    text: &str,
    datum: InputDatum,
) -> Result<(Vec<SourceFeature>, Option<Value>), Vec<ImportError>> {
    let root: Value = serde_json::from_str(text).map_err(|e| match DataError::json(file, &e) {
        DataError::Json { line, column, reason, .. } => {
            vec![ImportError::line(file, line, format!("column {column}: malformed JSON: {reason}"))]
        }
        other => vec![ImportError::file(file, other.to_string())],
    })?;
    let fail = |reason: &str| vec![ImportError::file(file, reason)];
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(fail("expected a GeoJSON FeatureCollection"));
    }
    let Some(Value::Array(features)) = root.get("features") else {
        return Err(fail("\"features\" must be an array"));
    };
    if features.is_empty() {
        return Err(fail("the collection has no features"));
    }
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for (index, f) in features.iter().enumerate() {
        let origin = Origin { file: file.to_owned(), line: None, what: format!("feature at index {index}") };
        let ty = f.pointer("/geometry/type").and_then(Value::as_str);
        let Some(class) = ty.and_then(GeomClass::of_type) else {
            let reason = match ty {
                None => "missing".to_owned(),
                Some(t) => {
                    format!("{} is not read; split it into Point, LineString or Polygon features", quoted(t))
                }
            };
            errors.push(ImportError::feature(&origin, "geometry", reason));
            continue;
        };
        let mut feature = f.clone();
        if datum != InputDatum::Wgs84 {
            if let Some(c) = feature.pointer_mut("/geometry/coordinates") {
                convert(c, datum);
            }
        }
        out.push(SourceFeature { feature, class, origin });
    }
    if errors.is_empty() {
        Ok((out, root.get("crs").cloned()))
    } else {
        Err(errors)
    }
}

/// Converts every position in a GeoJSON `coordinates` value to WGS84; anything that is not a
/// position of two finite numbers is left for the reader to report.
pub fn convert(coordinates: &mut Value, datum: InputDatum) {
    let Value::Array(items) = coordinates else { return };
    match (items.first().and_then(Value::as_f64), items.get(1).and_then(Value::as_f64)) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => {
            *coordinates = position(datum, lon, lat);
        }
        _ => items.iter_mut().for_each(|c| convert(c, datum)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn features_are_sorted_by_geometry_and_unusable_ones_located() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[126.5,45.8],[126.6,45.8]]]}},
          {"type":"Feature","properties":{},"geometry":null},
          {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}}]}"#;
        let e: Vec<String> =
            read("x.geojson", text, InputDatum::Wgs84).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            e,
            [
                "x.geojson: feature at index 1: geometry: missing",
                "x.geojson: feature at index 2: geometry: \"GeometryCollection\" is not read; split it into Point, LineString or Polygon features",
            ]
        );
        let e = read("x.geojson", "{\n\"type\":", InputDatum::Wgs84).unwrap_err();
        assert!(e[0].to_string().starts_with("x.geojson:2: column"), "{}", e[0]);
    }

    #[test]
    fn gcj02_positions_are_converted_at_every_depth() {
        let mut c = json!([[[126.5360678118, 45.8589779039, 120.0], [0.0, 1.0]]]);
        convert(&mut c, InputDatum::Gcj02);
        let p = &c[0][0];
        assert!(
            (p[0].as_f64().unwrap() - 126.53).abs() < 1e-7 && (p[1].as_f64().unwrap() - 45.857).abs() < 1e-7
        );
        assert_eq!(c[0][1], json!([0.0, 1.0])); // outside China: unchanged
    }
}
