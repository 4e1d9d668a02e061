//! GeoJSON geometries → positions in both spaces, checked: finite, in range, enough positions,
//! closed rings with three distinct corners. Every problem names the feature and the part.

use super::props::Props;
use crate::geo::{LonLat, MapPoint};
use crate::model::error::number;
use crate::model::{DataError, PolygonGeom};
use geojson::{GeometryValue, Position};

fn type_name(g: &GeometryValue) -> &'static str {
    match g {
        GeometryValue::Point { .. } => "Point",
        GeometryValue::MultiPoint { .. } => "MultiPoint",
        GeometryValue::LineString { .. } => "LineString",
        GeometryValue::MultiLineString { .. } => "MultiLineString",
        GeometryValue::Polygon { .. } => "Polygon",
        GeometryValue::MultiPolygon { .. } => "MultiPolygon",
        GeometryValue::GeometryCollection { .. } => "GeometryCollection",
    }
}

pub(crate) fn wrong_type(expected: &str, found: &GeometryValue, p: &Props) -> DataError {
    p.err("geometry", format!("expected {expected}, found {}", type_name(found)))
}

/// Number of positions in a geometry (a collection counts its members'; serde_json's nesting limit
/// bounds the recursion).
pub(crate) fn vertex_count(g: &GeometryValue) -> usize {
    match g {
        GeometryValue::Point { .. } => 1,
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
            coordinates.len()
        }
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            coordinates.iter().map(Vec::len).sum()
        }
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().flatten().map(Vec::len).sum(),
        GeometryValue::GeometryCollection { geometries } => {
            geometries.iter().map(|g| vertex_count(&g.value)).sum()
        }
    }
}

pub(crate) fn project(line: &[LonLat]) -> Vec<MapPoint> {
    line.iter().map(|p| p.to_map()).collect()
}

fn position(pos: &Position, i: usize, p: &Props) -> Result<LonLat, DataError> {
    // geojson checks the length of a Point's position only; a position inside a line or ring may
    // hold fewer than two numbers.
    let &[lon, lat, ..] = pos.as_slice() else {
        let n = pos.as_slice().len();
        let numbers = if n == 1 { "number" } else { "numbers" };
        return Err(p.err("geometry", format!("position {i} has {n} {numbers}, need longitude and latitude")));
    };
    let ll = LonLat::lon_lat(lon, lat);
    if !(ll.lon.is_finite() && ll.lat.is_finite()) {
        return Err(p.err("geometry", format!("position {i} is not a finite number")));
    }
    if !ll.is_valid() {
        let (lon, lat) = (number(ll.lon), number(ll.lat));
        return Err(p.err("geometry", format!("position {i} ({lon}, {lat}) is out of range")));
    }
    Ok(ll)
}

pub(crate) fn positions(coords: &[Position], min: usize, p: &Props) -> Result<Vec<LonLat>, DataError> {
    if coords.len() < min {
        return Err(p.err("geometry", format!("{} positions, need at least {min}", coords.len())));
    }
    coords.iter().enumerate().map(|(i, c)| position(c, i, p)).collect()
}

pub(crate) fn point(g: &GeometryValue, p: &Props) -> Result<LonLat, DataError> {
    match g {
        GeometryValue::Point { coordinates } => position(coordinates, 0, p),
        other => Err(wrong_type("Point", other, p)),
    }
}

pub(crate) fn lines(g: &GeometryValue, p: &Props) -> Result<Vec<Vec<LonLat>>, DataError> {
    match g {
        GeometryValue::LineString { coordinates } => Ok(vec![positions(coordinates, 2, p)?]),
        GeometryValue::MultiLineString { coordinates } if coordinates.is_empty() => {
            Err(p.err("geometry", "MultiLineString has no lines"))
        }
        GeometryValue::MultiLineString { coordinates } => {
            coordinates.iter().map(|l| positions(l, 2, p)).collect()
        }
        other => Err(wrong_type("LineString or MultiLineString", other, p)),
    }
}

fn polygon(rings: &[Vec<Position>], p: &Props) -> Result<PolygonGeom, DataError> {
    if rings.is_empty() {
        return Err(p.err("geometry", "polygon has no rings"));
    }
    let mut out = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        let ring =
            positions(ring, 4, p).map_err(|e| p.err("geometry", format!("ring {r}: {}", reason_of(&e))))?;
        if ring.first() != ring.last() {
            return Err(
                p.err("geometry", format!("ring {r} is not closed (first and last positions differ)"))
            );
        }
        // Four copies of one point pass the length check but enclose nothing: a short ring.
        if !has_three_distinct(&ring) {
            return Err(p.err("geometry", format!("ring {r} has fewer than 3 distinct positions")));
        }
        out.push(ring);
    }
    let map_rings = out.iter().map(|r| project(r)).collect();
    Ok(PolygonGeom { rings: out, map_rings })
}

/// True when the ring holds at least three different positions (stops looking once it has them).
fn has_three_distinct(ring: &[LonLat]) -> bool {
    let mut seen: Vec<LonLat> = Vec::with_capacity(3);
    for q in ring {
        if !seen.contains(q) {
            seen.push(*q);
            if seen.len() == 3 {
                return true;
            }
        }
    }
    false
}

fn reason_of(e: &DataError) -> String {
    match e {
        DataError::Feature { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

pub(crate) fn polygons(g: &GeometryValue, p: &Props) -> Result<Vec<PolygonGeom>, DataError> {
    match g {
        GeometryValue::Polygon { coordinates } => Ok(vec![polygon(coordinates, p)?]),
        GeometryValue::MultiPolygon { coordinates } if coordinates.is_empty() => {
            Err(p.err("geometry", "MultiPolygon has no polygons"))
        }
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().map(|rings| polygon(rings, p)).collect()
        }
        other => Err(wrong_type("Polygon or MultiPolygon", other, p)),
    }
}
