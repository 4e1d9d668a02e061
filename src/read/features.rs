//! One feature as read ([`RawFeature`]) → the typed item(s) of its layer. Only a usable geometry is
//! required; everything else is read leniently ([`super::lenient`]).

use geojson::GeometryValue;
use serde_json::Value;

use super::geometry::{lines, point, polygons, positions, project, vertex_count, wrong_type};
use super::intern::Interner;
use super::lenient::{self, IdPlan};
use super::limits::{MAX_CAPITAL_YUAN, MAX_VERTICES};
use super::props::Props;
use super::raw::{kind_of, RawFeature};
use super::raw_props::PropValue;
use crate::geo::{measure, LonLat};
use crate::model::error::quoted;
use crate::model::{
    url, Company, ContextFeature, ContextKind, ContextShape, DataError, Industry, Layer, LayerKind, Poi,
    PoiKind, Site, Text, Trail, TrailKind, Winter, Zone, ZoneCategory,
};

/// One parsed feature of any layer.
pub(crate) enum Item {
    Context(ContextFeature),
    Zone(Zone),
    Trail(Trail),
    Poi(Poi),
    Company(Company),
    Site(Site),
}

impl Item {
    pub fn push_to(self, layer: &mut Layer) {
        match (self, layer) {
            (Item::Context(f), Layer::Context(v)) => v.push(f),
            (Item::Zone(f), Layer::Zones(v)) => v.push(f),
            (Item::Trail(f), Layer::Trails(v)) => v.push(f),
            (Item::Poi(f), Layer::Pois(v)) => v.push(f),
            (Item::Company(f), Layer::Companies(v)) => v.push(f),
            (Item::Site(f), Layer::Sites(v)) => v.push(f),
            _ => {}
        }
    }
}

/// What one feature gave: its items (several for a `MultiPoint` POI) with their id plans, the
/// problems with optional properties, and the defaults applied.
pub(crate) struct Parsed {
    pub items: Vec<(IdPlan, Item)>,
    pub soft: Vec<DataError>,
    pub notes: Vec<(String, String, Option<String>)>,
}

/// What reads one site ([`super::site::site`]), handed in by the readers that read sites: the map's
/// own reader ([`super::parse_map_layer`]) never names it, so its code can live in the site finder's
/// chunk, not in the map's first module.
pub(crate) type SiteReader = fn(&GeometryValue, Text, &mut Props) -> Result<Site, DataError>;

/// Parses feature `index` of `file`. `Err` holds the soft problems found before the one that made
/// the feature unusable, and that one.
pub(crate) fn parse_feature(
    kind: LayerKind,
    file: &str,
    index: usize,
    raw: RawFeature<'_>,
    shared: &mut Interner,
    sites: Option<SiteReader>,
) -> Result<Parsed, (Vec<DataError>, DataError)> {
    let fail =
        |property: &str, reason: String| Err((Vec::new(), DataError::feature(file, index, property, reason)));
    let (ty, id, properties, geometry, bbox) = match raw {
        RawFeature::NotObject(k) => {
            return fail("feature", format!("expected a GeoJSON Feature object, found {k}"))
        }
        RawFeature::Object { ty, id, properties, geometry, bbox } => (ty, id, properties, geometry, bbox),
    };
    match &ty {
        Some(Value::String(t)) if t == "Feature" => {}
        Some(Value::String(t)) => return fail("type", format!("expected \"Feature\", found {}", quoted(t))),
        Some(other) => return fail("type", format!("expected \"Feature\", found {}", kind_of(other))),
        None => return fail("type", "missing; expected \"Feature\"".into()),
    }
    match &bbox {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) if a.iter().all(Value::is_number) => {}
        Some(_) => return fail("bbox", "expected an array of numbers".into()),
    }
    let geom = match geometry.map(|g| g.into_value()) {
        None | Some(Ok(None)) => return fail("geometry", "missing geometry".into()),
        Some(Err(reason)) => return fail("geometry", reason),
        Some(Ok(Some(g))) => g,
    };
    let map = match &properties {
        Some(PropValue::Object(m)) => Some(m.as_slice()),
        _ => None,
    };
    let mut p = Props::new(file, index, map);
    if let Some(other) = properties.as_ref().filter(|v| !matches!(v, PropValue::Object(_) | PropValue::Null))
    {
        p.note("properties", format!("not an object ({}); ignored", other.kind()), None);
    }
    let feature_id = match id {
        Some(v @ (Value::String(_) | Value::Number(_))) => Some(v),
        Some(Value::Null) | None => None,
        Some(other) => {
            p.note("id", format!("the feature's \"id\" is {}; ignored", kind_of(&other)), None);
            None
        }
    };
    match items(kind, index, &geom, feature_id.as_ref(), &mut p, shared, sites) {
        Ok(items) => Ok(Parsed { items, soft: p.soft, notes: p.notes }),
        Err(e) => Err((p.soft, e)),
    }
}

fn id_prefix(kind: LayerKind) -> &'static str {
    match kind {
        LayerKind::Context => "x",
        LayerKind::Zones => "z",
        LayerKind::Waterfront => "w",
        LayerKind::Greenway => "g",
        LayerKind::Pois => "p",
        LayerKind::Companies => "c",
        LayerKind::Sites => "s",
    }
}

fn items(
    kind: LayerKind,
    index: usize,
    geom: &GeometryValue,
    feature_id: Option<&Value>,
    p: &mut Props,
    shared: &mut Interner,
    sites: Option<SiteReader>,
) -> Result<Vec<(IdPlan, Item)>, DataError> {
    // The limit is on the whole geometry: a MultiLineString of many 50 000-vertex lines is as heavy
    // to draw as one long line.
    let vertices = vertex_count(geom);
    if vertices > MAX_VERTICES {
        return Err(p.err("geometry", format!("{vertices} vertices: more than the limit of {MAX_VERTICES}")));
    }
    if kind == LayerKind::Context {
        let ckind = context_kind(geom, p)?;
        let area = match ckind {
            ContextKind::Other => {
                matches!(geom, GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. })
            }
            k => k.is_area(),
        };
        let shape = if area {
            ContextShape::Polygons(polygons(geom, p)?.into_iter().map(|g| g.map_rings).collect())
        } else {
            ContextShape::Lines(lines(geom, p)?.iter().map(|l| project(l)).collect())
        };
        let name = p.opt_text("name");
        return Ok(vec![(
            IdPlan::Derived(String::new()),
            Item::Context(ContextFeature { kind: ckind, name, shape }),
        )]);
    }
    // Check the geometry before the properties: a feature with no usable geometry is skipped and
    // its property defaults would be noise.
    let pois = match kind {
        LayerKind::Pois => Some(poi_points(geom, p)?),
        _ => None,
    };
    let data_name = lenient::data_name(p);
    let id = lenient::resolve_id(p, feature_id, id_prefix(kind), data_name.as_deref(), geom)?;
    let name = lenient::resolve_name(p, lenient::fallback_name(kind, index + 1))?;
    let item = match kind {
        LayerKind::Context => unreachable!("handled above"),
        LayerKind::Zones => Item::Zone(zone(geom, name, p)?),
        LayerKind::Greenway | LayerKind::Waterfront => Item::Trail(trail(kind, geom, name, p)?),
        LayerKind::Companies => Item::Company(company(geom, name, p, shared)?),
        LayerKind::Sites => match sites {
            Some(read) => Item::Site(read(geom, name, p)?),
            None => return Err(p.err("feature", "a site is read by the site finder, not by the map")),
        },
        LayerKind::Pois => {
            let points = pois.unwrap_or_default();
            let poi_kind =
                lenient::vocab(p, "kind", PoiKind::from_key, PoiKind::Other, lenient::poi_kind_from_tags)?;
            let description = p.opt_text("description");
            let base = match &id {
                IdPlan::Real(s) | IdPlan::Derived(s) => s.clone(),
            };
            return Ok(points
                .into_iter()
                .enumerate()
                .map(|(k, pos)| {
                    let plan = match (k, &id) {
                        (0, plan) => plan.clone(),
                        _ => IdPlan::Derived(format!("{base}:{}", k + 1)),
                    };
                    let name = name.clone();
                    let poi = Poi {
                        id: String::new(),
                        kind: poi_kind,
                        name,
                        description: description.clone(),
                        pos,
                        map: pos.to_map(),
                    };
                    (plan, Item::Poi(poi))
                })
                .collect());
        }
    };
    Ok(vec![(id, item)])
}

/// A context feature's kind: the documented `kind`, else from OSM tags; else, for a line or an
/// area, `other` — drawn in a neutral style, noted (its geometry says it is no point of interest) —
/// and for anything else the geometry's problem.
fn context_kind(geom: &GeometryValue, p: &mut Props) -> Result<ContextKind, DataError> {
    if let Some(k) = lenient::context_kind(p) {
        return Ok(k);
    }
    match geom {
        GeometryValue::LineString { .. }
        | GeometryValue::MultiLineString { .. }
        | GeometryValue::Polygon { .. }
        | GeometryValue::MultiPolygon { .. } => {}
        other => return Err(wrong_type("LineString, Polygon or their Multi forms", other, p)),
    }
    let shape = if matches!(geom, GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. }) {
        "an area"
    } else {
        "a line"
    };
    match p.tag("kind") {
        Some(k) => p.note("kind", format!("not a known kind; {shape} drawn in a neutral style"), Some(&k)),
        None => p.note("kind", format!("missing; {shape} drawn in a neutral style"), None),
    }
    Ok(ContextKind::Other)
}

/// A POI's points: one for a `Point`, one per point of a `MultiPoint` (noted).
fn poi_points(geom: &GeometryValue, p: &mut Props) -> Result<Vec<LonLat>, DataError> {
    match geom {
        GeometryValue::MultiPoint { coordinates } if coordinates.is_empty() => {
            Err(p.err("geometry", "MultiPoint has no points"))
        }
        GeometryValue::MultiPoint { coordinates } => {
            if coordinates.len() > 1 {
                p.note("geometry", "MultiPoint read as one POI per point", None);
            }
            positions(coordinates, 1, p)
        }
        GeometryValue::Point { .. } => Ok(vec![point(geom, p)?]),
        other => Err(wrong_type("Point or MultiPoint", other, p)),
    }
}

fn zone(geom: &GeometryValue, name: Text, p: &mut Props) -> Result<Zone, DataError> {
    let polygons = polygons(geom, p)?;
    let category = lenient::vocab(
        p,
        "category",
        ZoneCategory::from_key,
        ZoneCategory::Other,
        lenient::zone_category_from_tags,
    )?;
    let industries = p
        .opt_str_list("industries")
        .iter()
        .filter_map(|k| {
            let v = Industry::from_key(k);
            if v.is_none() {
                p.note("industries", "not a known industry; left out", Some(k));
            }
            v
        })
        .collect();
    // The label goes in the biggest polygon (ranked in the map plane: no geodesy while reading).
    let areas: Vec<f64> = polygons.iter().map(|g| measure::map_area(&g.map_rings)).collect();
    let (biggest, _) = polygons
        .iter()
        .zip(&areas)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .ok_or_else(|| p.err("geometry", "no polygon"))?;
    let label = measure::interior_point(&biggest.rings)
        .ok_or_else(|| p.err("geometry", "degenerate polygon"))?
        .to_map();
    let description = p.opt_text("description");
    let short_name = p.opt_text("short_name");
    Ok(Zone { id: String::new(), name, short_name, category, description, industries, polygons, label })
}

fn trail(kind: LayerKind, geom: &GeometryValue, name: Text, p: &mut Props) -> Result<Trail, DataError> {
    let parts = match geom {
        GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => lines(geom, p)?,
        other => return Err(wrong_type("LineString or MultiLineString", other, p)),
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
    Ok(Trail {
        id: String::new(),
        kind: if kind == LayerKind::Greenway { TrailKind::Greenway } else { TrailKind::Waterfront },
        name,
        route: route(p),
        surface: lenient::surface(p),
        lit: p.opt_bool("lit"),
        winter: p.opt_key("winter", Winter::from_key, Winter::keys()),
        closed,
        sponge: p.opt_str_list("sponge"),
        grade_separated: lenient::grade_separated(p),
        map_parts: parts.iter().map(|l| project(l)).collect(),
        parts,
    })
}

/// The route's name (`route_zh` / `route_en` / `route_ru`): present when either `route_zh` or
/// `route_en` is, the missing one taken from the other (noted).
fn route(p: &mut Props) -> Option<Text> {
    let (zh, en) = (p.tag("route_zh").is_some(), p.tag("route_en").is_some());
    let text = p.opt_text("route")?;
    match (zh, en) {
        (true, false) => p.note("route_en", "missing; used route_zh", None),
        (false, true) => p.note("route_zh", "missing; used route_en", None),
        _ => {}
    }
    Some(text)
}

fn company(
    geom: &GeometryValue,
    name: Text,
    p: &mut Props,
    shared: &mut Interner,
) -> Result<Company, DataError> {
    let pos = match geom {
        GeometryValue::MultiPoint { coordinates } if !coordinates.is_empty() => {
            if coordinates.len() > 1 {
                p.note("geometry", "MultiPoint company placed at its first point", None);
            }
            positions(&coordinates[..1], 1, p)?[0]
        }
        GeometryValue::MultiPoint { .. } => return Err(p.err("geometry", "MultiPoint has no points")),
        GeometryValue::Point { .. } => point(geom, p)?,
        other => return Err(wrong_type("Point", other, p)),
    };
    let industry =
        lenient::vocab(p, "industry", Industry::from_key, Industry::Other, lenient::no_industry_tags)?;
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
    let capital_yuan = p.opt_u64("capital_yuan").filter(|&y| {
        let ok = y <= MAX_CAPITAL_YUAN;
        if !ok {
            let reason = format!("{y} yuan is more than the limit of {MAX_CAPITAL_YUAN}; dropped");
            p.soft.push(p.err("capital_yuan", reason));
        }
        ok
    });
    Ok(Company {
        id: String::new(),
        name,
        industry,
        sector: p.opt_str("sector").map(|s| shared.str(s)),
        zone: p.opt_str("zone").map(|s| shared.str(s)),
        capital_yuan,
        founded,
        address: p.opt_text("address").map(|t| shared.text(t)),
        description: p.opt_text("description").map(|t| shared.text(t)),
        website,
        illustrative: p.opt_bool("illustrative").unwrap_or(false),
        pos,
        map: pos.to_map(),
    })
}
