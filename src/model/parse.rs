//! GeoJSON layer → typed features. Each feature parses on its own: a bad one is reported with its
//! index and skipped, the rest of the layer survives. Lon-lat is projected here, once.

use super::error::quoted;
use super::geometry::{lines, point, polygons, positions, project, vertex_count, wrong_type};
use super::props::{type_name as json_type, Props};
use super::*;
use crate::geo::measure;
use geojson::{Feature, GeometryValue};
use serde_json::Value;
use std::collections::HashSet;

/// Largest layer file accepted, in bytes (documented in the README).
pub const MAX_LAYER_BYTES: usize = 32 * 1024 * 1024;
/// Most features accepted in one layer.
pub const MAX_FEATURES: usize = 200_000;
/// Most vertices accepted in one feature's geometry (all its lines or rings together).
pub const MAX_VERTICES: usize = 50_000;
/// Largest registered capital accepted, in yuan (10 trillion: ten times the largest registered
/// capital in China). With at most [`MAX_FEATURES`] companies a layer's total stays below 2·10¹⁸,
/// so sums of capital never overflow a `u64`.
pub const MAX_CAPITAL_YUAN: u64 = 10_000_000_000_000;

/// The result of parsing one layer: whatever was valid, and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerParse {
    /// The valid features.
    pub layer: Layer,
    /// Problems, located; empty for a clean layer.
    pub errors: Vec<DataError>,
}

/// Parses the text of a layer file of the given kind. Never panics; never fails as a whole: a file
/// that is not usable at all gives an empty layer and the reason.
pub fn parse_layer(kind: LayerKind, file: &str, text: &str) -> LayerParse {
    parse_layer_indexed(kind, file, text).0
}

/// [`parse_layer`], also saying where each kept feature came from: the k-th feature of the returned
/// layer is feature `indices[k]` (0-based) of the file's `features` array. The validator uses it to
/// locate the problems it finds after parsing, since skipped features shift the positions.
pub fn parse_layer_indexed(kind: LayerKind, file: &str, text: &str) -> (LayerParse, Vec<usize>) {
    let mut errors = Vec::new();
    let mut indices = Vec::new();
    let mut layer = empty_layer(kind);
    let text = strip_bom(text);
    if text.len() > MAX_LAYER_BYTES {
        errors.push(DataError::TooLarge { file: file.into(), bytes: text.len(), limit: MAX_LAYER_BYTES });
        return (LayerParse { layer, errors }, indices);
    }
    let features = match collection_features(file, text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(e);
            return (LayerParse { layer, errors }, indices);
        }
    };
    let total = features.len();
    let mut ids = HashSet::new();
    for (index, value) in features.into_iter().enumerate() {
        if let Err(e) = feature_shape(file, index, &value) {
            errors.push(e);
            continue;
        }
        let feature = match serde_json::from_value::<Feature>(value) {
            Ok(f) => f,
            Err(e) => {
                errors.push(DataError::feature(file, index, "geometry", clean_geojson_error(&e)));
                continue;
            }
        };
        let mut props = Props::new(file, index, feature.properties.as_ref());
        let parsed = parse_feature(kind, &feature, &mut props);
        errors.append(&mut props.soft);
        match parsed {
            Ok(item) => {
                if let Some(id) = item.id() {
                    if !ids.insert(id.to_owned()) {
                        errors.push(DataError::feature(
                            file,
                            index,
                            "id",
                            format!("duplicate id {}", quoted(id)),
                        ));
                        continue;
                    }
                }
                item.push_to(&mut layer);
                indices.push(index);
            }
            Err(e) => errors.push(e),
        }
    }
    if layer.is_empty() {
        errors.push(DataError::Layer {
            file: file.into(),
            reason: format!("no usable features ({total} in the file, all skipped)"),
        });
    }
    (LayerParse { layer, errors }, indices)
}

/// The text without a leading byte-order mark (U+FEFF). RFC 8259 lets a parser ignore one, and the
/// browser's `Response.text()` already drops it, so the validator (which reads files as they are)
/// must drop it too or the two would disagree about a file saved with a BOM.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A layer of the given kind with no features (what a failed layer contributes).
pub fn empty_layer(kind: LayerKind) -> Layer {
    match kind {
        LayerKind::Context => Layer::Context(Vec::new()),
        LayerKind::Zones => Layer::Zones(Vec::new()),
        LayerKind::Waterfront | LayerKind::Greenway => Layer::Trails(Vec::new()),
        LayerKind::Pois => Layer::Pois(Vec::new()),
        LayerKind::Companies => Layer::Companies(Vec::new()),
    }
}

fn collection_features(file: &str, text: &str) -> Result<Vec<Value>, DataError> {
    let layer_err = |reason: String| DataError::Layer { file: file.into(), reason };
    let value: Value = serde_json::from_str(text).map_err(|e| DataError::json(file, &e))?;
    let Value::Object(mut obj) = value else {
        return Err(layer_err("expected a GeoJSON FeatureCollection object".into()));
    };
    match obj.get("type") {
        Some(Value::String(t)) if t == "FeatureCollection" => {}
        Some(Value::String(t)) => {
            return Err(layer_err(format!("expected a FeatureCollection, found {}", quoted(t))))
        }
        Some(other) => {
            return Err(layer_err(format!(
                "expected a FeatureCollection, found a \"type\" that is {}",
                json_type(other)
            )))
        }
        None => return Err(layer_err("expected a FeatureCollection: no \"type\"".into())),
    }
    match obj.remove("features") {
        Some(Value::Array(f)) if f.is_empty() => Err(layer_err("the layer has no features".into())),
        Some(Value::Array(f)) if f.len() > MAX_FEATURES => {
            Err(layer_err(format!("{} features: more than the limit of {MAX_FEATURES}", f.len())))
        }
        Some(Value::Array(f)) => Ok(f),
        _ => Err(layer_err("\"features\" must be an array".into())),
    }
}

/// Checks the parts of a feature that are not its geometry, so that their problems are named by
/// their own property (geojson would report them all as the geometry's, in its internal terms).
fn feature_shape(file: &str, index: usize, v: &Value) -> Result<(), DataError> {
    let err = |property: &str, reason: String| Err(DataError::feature(file, index, property, reason));
    let Value::Object(obj) = v else {
        return err("feature", format!("expected a GeoJSON Feature object, found {}", json_type(v)));
    };
    match obj.get("type") {
        Some(Value::String(t)) if t == "Feature" => {}
        Some(Value::String(t)) => return err("type", format!("expected \"Feature\", found {}", quoted(t))),
        Some(other) => return err("type", format!("expected \"Feature\", found {}", json_type(other))),
        None => return err("type", "missing; expected \"Feature\"".into()),
    }
    match obj.get("properties") {
        None | Some(Value::Null | Value::Object(_)) => {}
        Some(other) => return err("properties", format!("expected an object, found {}", json_type(other))),
    }
    match obj.get("id") {
        None | Some(Value::String(_) | Value::Number(_)) => {}
        Some(other) => {
            return err(
                "id",
                format!("a Feature's \"id\" must be a string or a number, found {}", json_type(other)),
            )
        }
    }
    match obj.get("bbox") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(a)) if a.iter().all(Value::is_number) => Ok(()),
        Some(_) => err("bbox", "expected an array of numbers".into()),
    }
}

fn clean_geojson_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.split(" at line ").next().unwrap_or(&s).to_owned()
}

/// One parsed feature of any layer.
enum Item {
    Context(ContextFeature),
    Zone(Zone),
    Trail(Trail),
    Poi(Poi),
    Company(Company),
}

impl Item {
    fn id(&self) -> Option<&str> {
        match self {
            Item::Context(_) => None,
            Item::Zone(z) => Some(&z.id),
            Item::Trail(t) => Some(&t.id),
            Item::Poi(p) => Some(&p.id),
            Item::Company(c) => Some(&c.id),
        }
    }

    fn push_to(self, layer: &mut Layer) {
        match (self, layer) {
            (Item::Context(f), Layer::Context(v)) => v.push(f),
            (Item::Zone(f), Layer::Zones(v)) => v.push(f),
            (Item::Trail(f), Layer::Trails(v)) => v.push(f),
            (Item::Poi(f), Layer::Pois(v)) => v.push(f),
            (Item::Company(f), Layer::Companies(v)) => v.push(f),
            _ => {}
        }
    }
}

fn parse_feature(kind: LayerKind, f: &Feature, p: &mut Props) -> Result<Item, DataError> {
    let geom = f.geometry.as_ref().map(|g| &g.value).ok_or_else(|| p.err("geometry", "missing geometry"))?;
    // The limit is on the whole geometry: a MultiLineString of many 50 000-vertex lines is as heavy
    // to draw as one long line.
    let vertices = vertex_count(geom);
    if vertices > MAX_VERTICES {
        return Err(p.err("geometry", format!("{vertices} vertices: more than the limit of {MAX_VERTICES}")));
    }
    Ok(match kind {
        LayerKind::Context => {
            let ckind = p.req_key("kind", ContextKind::from_key, ContextKind::keys())?;
            let shape = if ckind.is_area() {
                ContextShape::Polygons(polygons(geom, p)?.into_iter().map(|g| g.map_rings).collect())
            } else {
                ContextShape::Lines(lines(geom, p)?.iter().map(|l| project(l)).collect())
            };
            let name = p.opt_text("name");
            Item::Context(ContextFeature { kind: ckind, name, shape })
        }
        LayerKind::Zones => {
            let id = p.req_str("id")?;
            let name = p.req_text("name")?;
            let category = p.req_key("category", ZoneCategory::from_key, ZoneCategory::keys())?;
            let polygons = polygons(geom, p)?;
            let industries = p
                .opt_str_list("industries")
                .iter()
                .filter_map(|k| {
                    let v = Industry::from_key(k);
                    if v.is_none() {
                        let reason = format!("expected one of {}; found {}", Industry::keys(), quoted(k));
                        p.soft.push(p.err("industries", reason));
                    }
                    v
                })
                .collect();
            let area_m2 = polygons.iter().map(|g| measure::area_m2(&g.rings)).sum();
            let biggest = polygons
                .iter()
                .max_by(|a, b| measure::area_m2(&a.rings).total_cmp(&measure::area_m2(&b.rings)))
                .ok_or_else(|| p.err("geometry", "no polygon"))?;
            let label = measure::interior_point(&biggest.rings)
                .ok_or_else(|| p.err("geometry", "degenerate polygon"))?
                .to_map();
            let description = p.opt_text("description");
            Item::Zone(Zone { id, name, category, description, industries, polygons, area_m2, label })
        }
        LayerKind::Greenway | LayerKind::Waterfront => {
            let id = p.req_str("id")?;
            let name = p.req_text("name")?;
            let line = match geom {
                GeometryValue::LineString { coordinates } => positions(coordinates, 2, p)?,
                other => return Err(wrong_type("LineString", other, p)),
            };
            let status = p.opt_str("status");
            let closed = match status.as_deref() {
                None | Some("open") => false,
                Some("closed") => true,
                Some(other) => {
                    p.soft.push(p.err("status", format!("expected open or closed; found {}", quoted(other))));
                    false
                }
            };
            Item::Trail(Trail {
                id,
                kind: if kind == LayerKind::Greenway { TrailKind::Greenway } else { TrailKind::Waterfront },
                name,
                surface: p.opt_key("surface", Surface::from_key, Surface::keys()),
                lit: p.opt_bool("lit"),
                winter: p.opt_key("winter", Winter::from_key, Winter::keys()),
                closed,
                sponge: p.opt_str_list("sponge"),
                length_m: measure::length_m(&line),
                map_line: project(&line),
                line,
            })
        }
        LayerKind::Pois => {
            let pos = point(geom, p)?;
            Item::Poi(Poi {
                id: p.req_str("id")?,
                kind: p.req_key("kind", PoiKind::from_key, PoiKind::keys())?,
                name: p.req_text("name")?,
                description: p.opt_text("description"),
                pos,
                map: pos.to_map(),
            })
        }
        LayerKind::Companies => {
            let pos = point(geom, p)?;
            let id = p.req_str("id")?;
            let name = p.req_text("name")?;
            let industry = p.req_key("industry", Industry::from_key, Industry::keys())?;
            let website = p.opt_str("website").filter(|w| {
                let ok = url::is_http_url(w);
                if !ok {
                    p.soft.push(p.err("website", "only http: and https: links are allowed; dropped"));
                }
                ok
            });
            let founded = p.opt_u64("founded").and_then(|y| {
                let ok = (1800..=2100).contains(&y);
                if !ok {
                    p.soft.push(p.err("founded", format!("year {y} out of range 1800–2100")));
                }
                ok.then_some(y as i32)
            });
            Item::Company(Company {
                id,
                name,
                industry,
                sector: p.opt_str("sector"),
                zone: p.opt_str("zone"),
                capital_yuan: p.opt_u64("capital_yuan").filter(|&y| {
                    let ok = y <= MAX_CAPITAL_YUAN;
                    if !ok {
                        let reason =
                            format!("{y} yuan is more than the limit of {MAX_CAPITAL_YUAN}; dropped");
                        p.soft.push(p.err("capital_yuan", reason));
                    }
                    ok
                }),
                founded,
                address: p.opt_text("address"),
                description: p.opt_text("description"),
                website,
                illustrative: p.opt_bool("illustrative").unwrap_or(false),
                pos,
                map: pos.to_map(),
            })
        }
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
