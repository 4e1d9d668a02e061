//! Records against the rest: each company in its zone, the published figures against the data.

use std::collections::HashMap;

use super::{over_budget, Budget, Bundle, Loc, AREA_TOLERANCE, LENGTH_TOLERANCE};
use crate::geo::measure::polygon_covers;
use crate::model::error::quoted;
use crate::model::{DataError, Figures, LayerKind, Zone};

/// A company's `zone` names an existing zone whose polygon contains the company's point (or has it
/// on its edge: a point on the edge two zones share belongs to both). Zones are
/// looked up by id through a map (a linear search per company was zones × companies); the
/// point-in-polygon tests, a vertex visit each, are held to the [`super::Budget`].
pub(super) fn check_company_zones(b: &Bundle, out: &mut Vec<DataError>) {
    let mut zones: HashMap<&str, &Zone> = HashMap::new();
    for z in &b.park.zones {
        zones.entry(z.id.as_str()).or_insert(z);
    }
    let mut budget = Budget::new();
    let mut skipped: Option<(&Loc, usize)> = None;
    for (c, loc) in b.park.companies.iter().zip(&b.locs.companies) {
        let Some(id) = &c.zone else { continue };
        match zones.get(&**id) {
            None => out.push(loc.error("zone", format!("unknown zone id {}", quoted(id)))),
            Some(z) => {
                let vertices: usize = z.polygons.iter().flat_map(|g| &g.rings).map(Vec::len).sum();
                if !budget.take(vertices as u64) {
                    skipped.get_or_insert((loc, 0)).1 += 1;
                } else if !z.polygons.iter().any(|g| polygon_covers(&g.rings, c.pos)) {
                    out.push(loc.error("zone", format!("point lies outside zone {}", quoted(id))))
                }
            }
        }
    }
    if let Some((loc, n)) = skipped {
        out.push(over_budget(&loc.file, "zone containment", n, "company", "companies"));
    }
}

/// The data reproduces the manifest's `figures`: company count and capital exactly, trail lengths
/// within [`LENGTH_TOLERANCE`], zone area within [`AREA_TOLERANCE`]. A figure whose layer failed to
/// load as a whole is not compared (that failure is already reported).
pub(super) fn check_figures(b: &Bundle, file: &str, f: &Figures, out: &mut Vec<DataError>) {
    let park = b.park;
    let mut err = |property: &str, reason: String| {
        out.push(DataError::Manifest { file: file.into(), property: format!("figures.{property}"), reason })
    };
    if b.loaded(&[LayerKind::Companies]) {
        if let Some(declared) = f.companies {
            let has = park.companies.len() as u64;
            if has != declared {
                err("companies", format!("the manifest declares {declared}, the data has {has}"));
            }
        }
        if let Some(declared) = f.registered_capital_yuan {
            // The parser caps each capital, so this cannot overflow; saturate anyway rather than panic.
            let has = park.companies.iter().filter_map(|c| c.capital_yuan).fold(0u64, u64::saturating_add);
            if has != declared {
                err(
                    "registered_capital_yuan",
                    format!("the manifest declares {declared}, the data has {has}"),
                );
            }
        }
    }
    let mut measure = |property: &str, declared: Option<f64>, has: f64, unit: &str, tolerance: f64| {
        let Some(declared) = declared else { return };
        if (has - declared).abs() > declared * tolerance {
            let pct = tolerance * 100.0;
            err(
                property,
                format!(
                    "the manifest declares {declared} {unit}, the data has {has:.3} {unit} (more than {pct} % off)"
                ),
            );
        }
    };
    if b.loaded(&[LayerKind::Greenway]) {
        let km = park.greenway.iter().map(|t| t.length_m()).sum::<f64>() / 1000.0;
        measure("greenway_km", f.greenway_km, km, "km", LENGTH_TOLERANCE);
    }
    if b.loaded(&[LayerKind::Waterfront]) {
        let km = park.waterfront.iter().map(|t| t.length_m()).sum::<f64>() / 1000.0;
        measure("waterfront_km", f.waterfront_km, km, "km", LENGTH_TOLERANCE);
    }
    if b.loaded(&[LayerKind::Zones]) {
        let km2 = park.zones.iter().map(|z| z.area_m2()).sum::<f64>() / 1e6;
        measure("area_km2", f.area_km2, km2, "km²", AREA_TOLERANCE);
    }
}
