//! Zone geometry: OGC validity, RFC 7946 winding, no overlaps, inside the park boundary.

use geo::orient::{Direction, Orient};
use geo::{BooleanOps, BoundingRect, GeodesicArea, Intersects, MultiPolygon, Polygon, Validation};

use super::{Bundle, Loc, AREA_SLACK_M2};
use crate::geo::measure::{ring_signed_area_deg2, to_geo_polygon};
use crate::geo::{LonLat, MapPoint};
use crate::model::{ContextKind, ContextShape, DataError};

/// Zones as `geo` shapes in lon-lat degrees, `None` where the geometry is invalid (such zones are
/// left out of the overlap and boundary checks, whose results would be meaningless).
pub(super) type ZoneShapes = Vec<Option<MultiPolygon<f64>>>;

/// Checks validity and winding of every zone and winding of every context area (plus validity of
/// the park boundary); returns the shapes of the valid zones.
pub(super) fn check_geometry(b: &Bundle, out: &mut Vec<DataError>) -> ZoneShapes {
    let mut shapes = Vec::with_capacity(b.park.zones.len());
    for (zone, loc) in b.park.zones.iter().zip(&b.locs.zones) {
        let rings: Vec<&[Vec<LonLat>]> = zone.polygons.iter().map(|g| g.rings.as_slice()).collect();
        let ok = check_polygons(&rings, loc, true, out);
        shapes.push(ok.then(|| MultiPolygon(rings.iter().map(|r| to_geo_polygon(r)).collect())));
    }
    for (feature, loc) in b.park.context.iter().zip(&b.locs.context) {
        if let ContextShape::Polygons(polys) = &feature.shape {
            let rings: Vec<Vec<Vec<LonLat>>> = polys.iter().map(|p| unproject(p)).collect();
            let rings: Vec<&[Vec<LonLat>]> = rings.iter().map(Vec::as_slice).collect();
            check_polygons(&rings, loc, feature.kind == ContextKind::Boundary, out);
        }
    }
    shapes
}

/// Map rings back to lon-lat (the projection round-trips within 1e-9°).
fn unproject(rings: &[Vec<MapPoint>]) -> Vec<Vec<LonLat>> {
    rings.iter().map(|r| r.iter().map(|p| p.to_lon_lat()).collect()).collect()
}

/// Winding of every ring and, when `validity`, OGC validity of the (multi)polygon. True when clean.
fn check_polygons(polys: &[&[Vec<LonLat>]], loc: &Loc, validity: bool, out: &mut Vec<DataError>) -> bool {
    let before = out.len();
    let multi = polys.len() > 1;
    if validity {
        let geo_polys: Vec<Polygon<f64>> = polys.iter().map(|r| to_geo_polygon(r)).collect();
        let reasons: Vec<String> = if multi {
            MultiPolygon(geo_polys).validation_errors().iter().map(ToString::to_string).collect()
        } else {
            geo_polys[0].validation_errors().iter().map(ToString::to_string).collect()
        };
        out.extend(reasons.into_iter().map(|r| loc.error("geometry", r)));
    }
    for (p, rings) in polys.iter().enumerate() {
        let prefix = if multi { format!("polygon {p}: ") } else { String::new() };
        for (r, ring) in rings.iter().enumerate() {
            let area = ring_signed_area_deg2(ring);
            let reason = match (r, area) {
                (0, a) if a < 0.0 => {
                    "exterior ring is clockwise; RFC 7946 wants it counter-clockwise".to_owned()
                }
                (h, a) if h > 0 && a > 0.0 => format!(
                    "interior ring at index {} is counter-clockwise; RFC 7946 wants holes clockwise",
                    h - 1
                ),
                _ => continue,
            };
            out.push(loc.error("geometry", format!("{prefix}{reason}")));
        }
    }
    out.len() == before
}

/// Geodesic area in m², whatever the winding `geo`'s boolean operations produce.
fn area_m2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter().map(|p| p.orient(Direction::Default).geodesic_area_unsigned()).sum()
}

/// No two zones overlap by more than [`AREA_SLACK_M2`]; the later zone of a pair is reported.
pub(super) fn check_overlaps(b: &Bundle, shapes: &ZoneShapes, out: &mut Vec<DataError>) {
    let boxes: Vec<_> = shapes.iter().map(|s| s.as_ref().and_then(BoundingRect::bounding_rect)).collect();
    for j in 0..shapes.len() {
        let (Some(zj), Some(bj)) = (&shapes[j], boxes[j]) else { continue };
        for i in 0..j {
            let (Some(zi), Some(bi)) = (&shapes[i], boxes[i]) else { continue };
            if !bi.intersects(&bj) {
                continue;
            }
            let overlap = area_m2(&zi.intersection(zj));
            if overlap > AREA_SLACK_M2 {
                let reason = format!("overlaps zone {:?} by {overlap:.0} m²", b.park.zones[i].id);
                out.push(b.locs.zones[j].error("geometry", reason));
            }
        }
    }
}

/// Every zone lies inside the context layer's `boundary` (when it has one and it is valid), give or
/// take [`AREA_SLACK_M2`].
pub(super) fn check_boundary(b: &Bundle, shapes: &ZoneShapes, out: &mut Vec<DataError>) {
    let mut boundary: Vec<Polygon<f64>> = Vec::new();
    for f in b.park.context.iter().filter(|f| f.kind == ContextKind::Boundary) {
        if let ContextShape::Polygons(polys) = &f.shape {
            boundary.extend(polys.iter().map(|p| to_geo_polygon(&unproject(p))));
        }
    }
    if boundary.is_empty() || !boundary.iter().all(Validation::is_valid) {
        return;
    }
    let boundary = boundary
        .iter()
        .skip(1)
        .fold(MultiPolygon(vec![boundary[0].clone()]), |acc, p| acc.union(&MultiPolygon(vec![p.clone()])));
    for (shape, loc) in shapes.iter().zip(&b.locs.zones) {
        let Some(zone) = shape else { continue };
        let outside = area_m2(&zone.difference(&boundary));
        if outside > AREA_SLACK_M2 {
            out.push(loc.error("geometry", format!("extends {outside:.0} m² outside the park boundary")));
        }
    }
}
