//! The `sites` layer against the rest of the park: parcels are valid polygons wound as RFC 7946
//! wants, every site lies inside the manifest's bounds and inside the zone it names, a parcel's
//! declared area matches its polygon, and no two parcels overlap (a warning: a parcel may be
//! offered whole and in parts). And the manifest's texts in Russian (a warning when missing).

use geo::orient::{Direction, Orient};
use geo::{BooleanOps, BoundingRect, GeodesicArea, Intersects, MultiPolygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

use super::zones::check_polygons;
use super::{over_budget, Budget, Bundle, Loc, AREA_SLACK_M2};
use crate::geo::measure::to_geo_polygon;
use crate::geo::LonLat;
use crate::model::error::quoted;
use crate::model::{DataError, LayerKind, Manifest, Note, Site, SiteGeom, Zone};

/// A parcel's `area_m2` may differ from its polygon's geodesic area by this much (relative) before
/// the validator warns: plans often give a net area, the polygon a gross one.
pub const SITE_AREA_TOLERANCE: f64 = 0.05;

/// Steps charged for a boolean operation between two shapes, plus their vertices.
const PAIR_STEPS: u64 = 1_000;

/// A warning about one feature (a [`Note`] counting it alone).
fn warning(loc: &Loc, property: &str, message: String) -> Note {
    Note {
        file: loc.file.clone(),
        property: property.into(),
        message,
        count: 1,
        first: Some(loc.index),
        examples: Vec::new(),
    }
}

/// A parcel as a `geo` multipolygon in lon-lat degrees.
fn shape(site: &Site) -> Option<MultiPolygon<f64>> {
    match &site.geom {
        SiteGeom::Parcel(polys) => {
            Some(MultiPolygon(polys.iter().map(|p| to_geo_polygon(&p.rings)).collect()))
        }
        SiteGeom::Space { .. } => None,
    }
}

fn vertices(mp: &MultiPolygon<f64>) -> u64 {
    mp.0.iter()
        .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
        .sum::<usize>() as u64
}

fn geodesic_m2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter().map(|p| p.orient(Direction::Default).geodesic_area_unsigned()).sum()
}

/// Every rule of the sites layer, in report order; warnings go to `notes`.
pub(super) fn check_sites(b: &Bundle, manifest: &Manifest, out: &mut Vec<DataError>, notes: &mut Vec<Note>) {
    let sites = &b.park.sites;
    let locs = &b.locs.sites;
    let [w, s, e, n] = manifest.bounds_deg;
    let inside = |p: &LonLat| (w..=e).contains(&p.lon) && (s..=n).contains(&p.lat);
    let mut budget = Budget::new();
    let mut shapes: Vec<Option<MultiPolygon<f64>>> = Vec::with_capacity(sites.len());
    let mut skipped: Option<(&Loc, usize)> = None;
    for (site, loc) in sites.iter().zip(locs) {
        if !site.positions().all(|p| inside(&p)) {
            out.push(loc.error("geometry", format!("lies outside the park's bounds [{w}, {s}, {e}, {n}]")));
        }
        let SiteGeom::Parcel(polys) = &site.geom else {
            shapes.push(None);
            continue;
        };
        let rings: Vec<&[Vec<LonLat>]> = polys.iter().map(|g| g.rings.as_slice()).collect();
        let steps: u64 = rings.iter().flat_map(|p| p.iter()).map(|r| (r.len() as u64).pow(2)).sum();
        let checked = budget.take(steps.saturating_add(PAIR_STEPS));
        if !checked {
            skipped.get_or_insert((loc, 0)).1 += 1;
        }
        let clean = check_polygons(&rings, loc, checked, out).clean;
        let mp = shape(site).filter(|_| clean && checked);
        if let (Some(mp), Some(declared)) = (&mp, site.area_m2) {
            let geodesic = geodesic_m2(mp);
            let off = (declared - geodesic).abs() / geodesic.max(1.0);
            if off > SITE_AREA_TOLERANCE {
                let message = format!(
                    "{declared:.0} m² differs from the parcel's geodesic area {geodesic:.0} m² by {:.1} % (more than {} %)",
                    off * 100.0,
                    SITE_AREA_TOLERANCE * 100.0
                );
                notes.push(warning(loc, "area_m2", message));
            }
        }
        shapes.push(mp);
    }
    if let Some((loc, n)) = skipped {
        out.push(over_budget(&loc.file, "parcel geometry validity", n, "site", "sites"));
    }
    if b.loaded(&[LayerKind::Zones]) {
        check_zones(b, &shapes, out);
    }
    check_overlaps(b, &shapes, notes);
}

/// A site's `zone` names a zone, and the site lies in it: a space's point in (or on the edge of)
/// the zone's polygons, a parcel no more than [`AREA_SLACK_M2`] outside them.
fn check_zones(b: &Bundle, shapes: &[Option<MultiPolygon<f64>>], out: &mut Vec<DataError>) {
    let zones: std::collections::HashMap<&str, &Zone> =
        b.park.zones.iter().rev().map(|z| (z.id.as_str(), z)).collect();
    let mut budget = Budget::new();
    let mut skipped: Option<(&Loc, usize)> = None;
    for ((site, loc), shape) in b.park.sites.iter().zip(&b.locs.sites).zip(shapes) {
        let Some(id) = &site.zone else { continue };
        let Some(zone) = zones.get(id.as_str()) else {
            out.push(loc.error("zone", format!("unknown zone id {}", quoted(id))));
            continue;
        };
        let zone_mp = MultiPolygon(zone.polygons.iter().map(|p| to_geo_polygon(&p.rings)).collect());
        match (&site.geom, shape) {
            (SiteGeom::Space { pos, .. }, _) => {
                if !budget.take(vertices(&zone_mp)) {
                    skipped.get_or_insert((loc, 0)).1 += 1;
                } else if !zone_mp.intersects(&geo::Point::new(pos.lon, pos.lat)) {
                    out.push(loc.error("zone", format!("point lies outside zone {}", quoted(id))));
                }
            }
            (SiteGeom::Parcel(_), Some(parcel)) => {
                if !budget.take(PAIR_STEPS + vertices(&zone_mp) + vertices(parcel)) {
                    skipped.get_or_insert((loc, 0)).1 += 1;
                    continue;
                }
                let outside = geodesic_m2(&parcel.difference(&zone_mp));
                if outside > AREA_SLACK_M2 {
                    out.push(
                        loc.error("zone", format!("extends {outside:.0} m² outside zone {}", quoted(id))),
                    );
                }
            }
            // An invalid parcel was reported already; its area outside means nothing.
            (SiteGeom::Parcel(_), None) => {}
        }
    }
    if let Some((loc, n)) = skipped {
        out.push(over_budget(&loc.file, "sites inside their zones", n, "site", "sites"));
    }
}

/// Parcels that overlap by more than [`AREA_SLACK_M2`]: a warning on the later one of each pair.
/// Candidate pairs come from an R-tree of the parcels' boxes; each pair compared is charged.
fn check_overlaps(b: &Bundle, shapes: &[Option<MultiPolygon<f64>>], notes: &mut Vec<Note>) {
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
    for j in 0..shapes.len() {
        let (Some(sj), Some(bj)) = (&shapes[j], boxes[j]) else { continue };
        let mut earlier: Vec<usize> =
            tree.locate_in_envelope_intersecting(&envelope(&bj)).map(|g| g.data).filter(|&i| i < j).collect();
        earlier.sort_unstable();
        for i in earlier {
            let Some(si) = &shapes[i] else { continue };
            if !budget.take(PAIR_STEPS + vertices(si) + vertices(sj)) {
                let left = shapes[j..].iter().filter(|s| s.is_some()).count();
                let e = over_budget(&b.locs.sites[j].file, "site overlaps", left, "site", "sites");
                notes.push(Note {
                    file: e.file().to_owned(),
                    property: "geometry".into(),
                    message: e.to_string().split_once(": ").map_or_else(String::new, |(_, m)| m.to_owned()),
                    count: 0,
                    first: None,
                    examples: Vec::new(),
                });
                return;
            }
            let overlap = geodesic_m2(&si.intersection(sj));
            if overlap > AREA_SLACK_M2 {
                let message = format!("overlaps site {} by {overlap:.0} m²", quoted(&b.park.sites[i].id));
                notes.push(warning(&b.locs.sites[j], "geometry", message));
            }
        }
    }
}

/// Warnings for a manifest whose attribution or provenance has no Russian text: the Russian page
/// then shows the English one.
pub(super) fn check_russian_texts(file: &str, manifest: &Manifest, notes: &mut Vec<Note>) {
    for (key, text) in [("attribution", &manifest.attribution), ("provenance", &manifest.provenance)] {
        if text.ru.is_none() {
            notes.push(Note {
                file: file.into(),
                property: format!("{key}.ru"),
                message: "missing; the Russian page shows the English text".into(),
                count: 0,
                first: None,
                examples: Vec::new(),
            });
        }
    }
}
