//! Zone geometry: OGC validity, RFC 7946 winding, no overlaps, inside the park boundary.

use geo::orient::{Direction, Orient};
use geo::{BooleanOps, BoundingRect, GeodesicArea, MultiPolygon, Polygon, Rect, Validation};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

use super::{over_budget, Budget, Bundle, Loc, AREA_SLACK_M2};
use crate::geo::measure::{ring_signed_area_deg2, to_geo_polygon};
use crate::geo::{LonLat, MapPoint};
use crate::model::error::quoted;
use crate::model::{ContextKind, ContextShape, DataError};

/// Zones as `geo` shapes in lon-lat degrees, `None` where the geometry is invalid or was not checked
/// (such zones are left out of the overlap and boundary checks, whose results would be meaningless).
pub(super) type ZoneShapes = Vec<Option<MultiPolygon<f64>>>;

/// Steps charged for one comparison of two rings or polygons (a `relate` or a boolean operation
/// costs far more than one segment pair; this keeps [`super::WORK_LIMIT`] meaningful for them).
const PAIR_STEPS: u64 = 1_000;

/// What checking the OGC validity of these polygons costs: every pair of segments of each ring
/// (geo's self-intersection test is quadratic) and every pair of rings and of polygons.
fn validity_steps(polys: &[&[Vec<LonLat>]]) -> u64 {
    let segment_pairs: u64 = polys.iter().flat_map(|p| p.iter()).map(|r| (r.len() as u64).pow(2)).sum();
    let rings: u64 = polys.iter().map(|p| p.len() as u64).sum();
    let parts = polys.len() as u64;
    segment_pairs.saturating_add((rings * rings + parts * parts).saturating_mul(PAIR_STEPS))
}

fn vertices(mp: &MultiPolygon<f64>) -> u64 {
    mp.0.iter()
        .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
        .sum::<usize>() as u64
}

/// The zones' shapes and whether the park boundary (when there is one) was checked and is valid.
pub(super) struct Shapes {
    /// Per zone, its shape when valid.
    pub zones: ZoneShapes,
    /// True when every boundary feature was checked and is valid.
    pub boundary_valid: bool,
}

/// Checks validity and winding of every zone and winding of every context area (plus validity of
/// the park boundary); returns the shapes of the valid zones. Validity checks stop at the work limit
/// (winding, which is linear, is always checked); the zones left unchecked are reported once.
pub(super) fn check_geometry(b: &Bundle, out: &mut Vec<DataError>) -> Shapes {
    let mut budget = Budget::new();
    let mut skipped: Option<(&Loc, usize)> = None;
    let mut shapes = Vec::with_capacity(b.park.zones.len());
    for (zone, loc) in b.park.zones.iter().zip(&b.locs.zones) {
        let rings: Vec<&[Vec<LonLat>]> = zone.polygons.iter().map(|g| g.rings.as_slice()).collect();
        // A zone too costly for what is left is skipped; smaller ones after it are still checked.
        if !budget.take(validity_steps(&rings)) {
            skipped.get_or_insert((loc, 0)).1 += 1;
            check_polygons(&rings, loc, false, out);
            shapes.push(None);
            continue;
        }
        let ok = check_polygons(&rings, loc, true, out).clean;
        shapes.push(ok.then(|| MultiPolygon(rings.iter().map(|r| to_geo_polygon(r)).collect())));
    }
    if let Some((loc, n)) = skipped {
        out.push(over_budget(&loc.file, "geometry validity, overlaps and boundary", n, "zone", "zones"));
    }
    let mut boundary_valid = true;
    let mut skipped: Option<(&Loc, usize)> = None;
    for (feature, loc) in b.park.context.iter().zip(&b.locs.context) {
        if let ContextShape::Polygons(polys) = &feature.shape {
            let rings: Vec<Vec<Vec<LonLat>>> = polys.iter().map(|p| unproject(p)).collect();
            let rings: Vec<&[Vec<LonLat>]> = rings.iter().map(Vec::as_slice).collect();
            let mut validity = feature.kind == ContextKind::Boundary;
            if validity && !budget.take(validity_steps(&rings)) {
                skipped.get_or_insert((loc, 0)).1 += 1;
                validity = false;
            }
            let checked = check_polygons(&rings, loc, validity, out);
            if feature.kind == ContextKind::Boundary {
                boundary_valid &= validity && checked.valid;
            }
        }
    }
    if let Some((loc, n)) = skipped {
        boundary_valid = false;
        out.push(over_budget(&loc.file, "boundary validity", n, "feature", "features"));
    }
    Shapes { zones: shapes, boundary_valid }
}

/// Map rings back to lon-lat (the projection round-trips within 1e-9°).
fn unproject(rings: &[Vec<MapPoint>]) -> Vec<Vec<LonLat>> {
    rings.iter().map(|r| r.iter().map(|p| p.to_lon_lat()).collect()).collect()
}

/// What [`check_polygons`] found.
pub(super) struct Checked {
    /// No OGC validity problem (true when validity was not checked).
    pub valid: bool,
    /// No problem at all.
    pub clean: bool,
}

/// Winding of every ring and, when `validity`, OGC validity of the (multi)polygon.
pub(super) fn check_polygons(
    polys: &[&[Vec<LonLat>]],
    loc: &Loc,
    validity: bool,
    out: &mut Vec<DataError>,
) -> Checked {
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
    let valid = out.len() == before;
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
    Checked { valid, clean: out.len() == before }
}

/// Geodesic area in m², whatever the winding `geo`'s boolean operations produce.
fn area_m2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter().map(|p| p.orient(Direction::Default).geodesic_area_unsigned()).sum()
}

/// No two zones overlap by more than [`AREA_SLACK_M2`]; the later zone of a pair is reported.
/// Candidate pairs come from an R-tree of the zones' bounding boxes; each pair compared (a boolean
/// operation) is charged to the work limit.
pub(super) fn check_overlaps(b: &Bundle, shapes: &ZoneShapes, out: &mut Vec<DataError>) {
    let boxes: Vec<Option<Rect<f64>>> =
        shapes.iter().map(|s| s.as_ref().and_then(BoundingRect::bounding_rect)).collect();
    let envelope = |r: &Rect<f64>| AABB::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]);
    let tree = RTree::bulk_load(
        boxes
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|r| GeomWithData::new(Rectangle::from_aabb(envelope(r)), i)))
            .collect(),
    );
    let mut budget = Budget::new();
    // Once the budget is spent the rest is not even enumerated (that alone is quadratic): the zones
    // from the first one not fully compared on are reported as unchecked.
    let mut stopped_at = None;
    'zones: for j in 0..shapes.len() {
        let (Some(zj), Some(bj)) = (&shapes[j], boxes[j]) else { continue };
        let mut earlier: Vec<usize> =
            tree.locate_in_envelope_intersecting(&envelope(&bj)).map(|g| g.data).filter(|&i| i < j).collect();
        earlier.sort_unstable();
        for i in earlier {
            let Some(zi) = &shapes[i] else { continue };
            if !budget.take(PAIR_STEPS + vertices(zi) + vertices(zj)) {
                stopped_at = Some(j);
                break 'zones;
            }
            let overlap = area_m2(&zi.intersection(zj));
            if overlap > AREA_SLACK_M2 {
                let reason = format!("overlaps zone {} by {overlap:.0} m²", quoted(&b.park.zones[i].id));
                out.push(b.locs.zones[j].error("geometry", reason));
            }
        }
    }
    if let Some(j) = stopped_at {
        let n = shapes[j..].iter().filter(|s| s.is_some()).count();
        out.push(over_budget(&b.locs.zones[j].file, "zone overlaps", n, "zone", "zones"));
    }
}

/// Every zone lies inside the context layer's `boundary` (when it has one and it is valid), give or
/// take [`AREA_SLACK_M2`]. The union of the boundary's parts and each zone's difference with it are
/// charged to the work limit.
pub(super) fn check_boundary(b: &Bundle, shapes: &Shapes, out: &mut Vec<DataError>) {
    let mut boundary: Vec<Polygon<f64>> = Vec::new();
    let mut boundary_loc = None;
    for (f, loc) in
        b.park.context.iter().zip(&b.locs.context).filter(|(f, _)| f.kind == ContextKind::Boundary)
    {
        if let ContextShape::Polygons(polys) = &f.shape {
            boundary.extend(polys.iter().map(|p| to_geo_polygon(&unproject(p))));
            boundary_loc.get_or_insert(loc);
        }
    }
    let Some(boundary_loc) = boundary_loc else { return };
    if boundary.is_empty() || !shapes.boundary_valid {
        return;
    }
    let mut budget = Budget::new();
    let total = vertices(&MultiPolygon(boundary.clone()));
    if !budget.take((boundary.len() as u64).saturating_mul(PAIR_STEPS + total)) {
        out.push(over_budget(
            &boundary_loc.file,
            "zones inside the boundary",
            shapes.zones.len(),
            "zone",
            "zones",
        ));
        return;
    }
    let boundary = boundary
        .iter()
        .skip(1)
        .fold(MultiPolygon(vec![boundary[0].clone()]), |acc, p| acc.union(&MultiPolygon(vec![p.clone()])));
    let mut skipped: Option<(&Loc, usize)> = None;
    for (shape, loc) in shapes.zones.iter().zip(&b.locs.zones) {
        let Some(zone) = shape else { continue };
        if !budget.take(PAIR_STEPS + vertices(zone) + total) {
            skipped.get_or_insert((loc, 0)).1 += 1;
            continue;
        }
        let outside = area_m2(&zone.difference(&boundary));
        if outside > AREA_SLACK_M2 {
            out.push(loc.error("geometry", format!("extends {outside:.0} m² outside the park boundary")));
        }
    }
    if let Some((loc, n)) = skipped {
        out.push(over_budget(&loc.file, "zones inside the boundary", n, "zone", "zones"));
    }
}
