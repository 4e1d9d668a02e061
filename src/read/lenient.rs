//! The lenient half of the reader: what a feature's id, name and kind are when the documented
//! property is missing, as in files from QGIS, ArcGIS, osmtogeojson or GPX converters. Every
//! default is recorded as a note on the feature's [`Props`]; nothing here is an error except text
//! past the length limit (hostile, not ordinary).

use geojson::GeometryValue;
use serde_json::Value;

use super::limits::MAX_TEXT_CHARS;
use super::props::Props;
use crate::model::{ContextKind, DataError, Industry, LayerKind, PoiKind, Surface, Text, ZoneCategory};

/// Where a feature's id came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum IdPlan {
    /// Written in the data (`properties.id` or the feature's `id`): must be unique.
    Real(String),
    /// Made by the reader (hash, or a part of a `MultiPoint`): de-duplicated after the real ones.
    Derived(String),
}

/// The feature's id: `properties.id`, else the feature-level `id`, else a stable hash of its data
/// name and geometry (`g-1a2b3c4d`), so a `sel=` link survives edits to other features.
pub(crate) fn resolve_id(
    p: &mut Props,
    feature_id: Option<&Value>,
    prefix: &str,
    data_name: Option<&str>,
    geom: &GeometryValue,
) -> Result<IdPlan, DataError> {
    match p.lenient_str("id")? {
        Ok(Some(id)) => return Ok(IdPlan::Real(id)),
        Ok(None) => {}
        Err(why) => p.note("id", format!("{why}; another id used"), None),
    }
    match feature_id {
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT_CHARS => {
            return Ok(IdPlan::Real(s.clone()))
        }
        Some(Value::Number(n)) => return Ok(IdPlan::Real(n.to_string())),
        _ => {}
    }
    p.note("id", "missing; generated from the name and geometry", None);
    Ok(IdPlan::Derived(format!("{prefix}-{:08x}", stable_hash(data_name, geom) as u32)))
}

/// FNV-1a over the name and every coordinate's bits: the same feature always hashes the same,
/// on every platform (std's hasher is randomised per process).
fn stable_hash(name: Option<&str>, geom: &GeometryValue) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(name.unwrap_or("").as_bytes());
    fn walk(g: &GeometryValue, eat: &mut dyn FnMut(&[u8])) {
        let mut pos = |p: &geojson::Position| {
            for x in p.as_slice() {
                eat(&x.to_le_bytes());
            }
        };
        match g {
            GeometryValue::Point { coordinates } => pos(coordinates),
            GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
                coordinates.iter().for_each(pos)
            }
            GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
                coordinates.iter().flatten().for_each(pos)
            }
            GeometryValue::MultiPolygon { coordinates } => {
                coordinates.iter().flatten().flatten().for_each(pos)
            }
            GeometryValue::GeometryCollection { geometries } => {
                geometries.iter().for_each(|g| walk(&g.value, eat))
            }
        }
    }
    walk(geom, &mut eat);
    h
}

/// The readable stand-in name of the `n`-th feature (1-based) of a layer of `kind`, in zh, en, ru.
pub(crate) fn fallback_name(kind: LayerKind, n: usize) -> Text {
    let [zh, en, ru] = match kind {
        LayerKind::Greenway | LayerKind::Waterfront => ["步道", "Trail", "Тропа"],
        LayerKind::Pois => ["地点", "Place", "Место"],
        LayerKind::Companies => ["企业", "Company", "Компания"],
        LayerKind::Zones => ["区域", "Zone", "Зона"],
        LayerKind::Context => ["要素", "Feature", "Объект"],
        LayerKind::Sites => ["用地", "Site", "Участок"],
    };
    Text { zh: format!("{zh} {n}"), en: format!("{en} {n}"), ru: Some(format!("{ru} {n}")) }
}

/// The name written in the data, if any, for hashing: `name_en`, `name`, `name_zh` or `ref`.
pub(crate) fn data_name(p: &Props) -> Option<String> {
    ["name_en", "name", "name_zh", "ref"].iter().find_map(|k| p.tag(k)).filter(|s| !s.is_empty())
}

/// One language of a name: `<prefix>_<lang>`, else OSM's `<prefix>:<lang>`.
fn lang_text(p: &mut Props, prefix: &str, lang: &str) -> Result<Option<String>, DataError> {
    let key = format!("{prefix}_{lang}");
    match p.lenient_str(&key)? {
        Ok(Some(s)) => return Ok(Some(s)),
        Ok(None) => {}
        Err(why) => p.note(&key, format!("{why}; ignored"), None),
    }
    match p.lenient_str(&format!("{prefix}:{lang}"))? {
        Ok(Some(s)) => Ok(Some(s)),
        _ => Ok(None),
    }
}

/// The feature's name: `name_zh` / `name_en` / `name_ru`, else OSM's `name:zh` / `name:en` /
/// `name:ru`, else `name`, else `ref`, else the readable fallback (`Trail 3`, `步道 3`, `Тропа 3`).
pub(crate) fn resolve_name(p: &mut Props, fallback: Text) -> Result<Text, DataError> {
    let zh = lang_text(p, "name", "zh")?;
    let en = lang_text(p, "name", "en")?;
    let ru = lang_text(p, "name", "ru")?;
    if let (Some(zh), Some(en)) = (&zh, &en) {
        return Ok(Text { zh: zh.clone(), en: en.clone(), ru });
    }
    let mut missing = Vec::new();
    if zh.is_none() {
        missing.push("name_zh");
    }
    if en.is_none() {
        missing.push("name_en");
    }
    let generic = ["name", "ref"].iter().find_map(|k| match p.lenient_str(k) {
        Ok(Ok(Some(s))) => Some((k, s)),
        _ => None,
    });
    let missing = missing.join(" and ");
    match generic {
        Some((key, s)) => {
            p.note("name", format!("no {missing}; used \"{key}\""), None);
            Ok(Text { zh: zh.unwrap_or_else(|| s.clone()), en: en.unwrap_or(s), ru })
        }
        None => match (zh, en) {
            (Some(zh), None) => {
                p.note("name", "no name_en; used name_zh", None);
                Ok(Text { en: zh.clone(), zh, ru })
            }
            (None, Some(en)) => {
                p.note("name", "no name_zh; used name_en", None);
                Ok(Text { zh: en.clone(), en, ru })
            }
            _ => {
                p.note("name", "no name; named by layer and position", Some(&fallback.en));
                Ok(fallback)
            }
        },
    }
}

/// A key from a closed vocabulary with `other`: the documented property, else `infer` (from OSM
/// tags, noted), else `other` (noted, with the unknown value as an example).
pub(crate) fn vocab<T: Copy>(
    p: &mut Props,
    key: &str,
    parse: fn(&str) -> Option<T>,
    other: T,
    infer: fn(&Props) -> Option<(T, String)>,
) -> Result<T, DataError> {
    let written = match p.lenient_str(key)? {
        Ok(Some(s)) => match parse(&s) {
            Some(v) => return Ok(v),
            None => Some(s),
        },
        Ok(None) => None,
        Err(why) => {
            p.note(key, format!("{why}; ignored"), None);
            None
        }
    };
    if let Some((v, tag)) = infer(p) {
        p.note(key, "taken from OSM tags", Some(&tag));
        return Ok(v);
    }
    match written {
        Some(s) => p.note(key, "not a known value; shown as other", Some(&s)),
        None => p.note(key, "missing; shown as other", None),
    }
    Ok(other)
}

/// A POI kind from common OSM tags.
pub(crate) fn poi_kind_from_tags(p: &Props) -> Option<(PoiKind, String)> {
    use PoiKind::*;
    let tag = |k: &str| p.tag(k).map(|v| (v.clone(), format!("{k}={v}")));
    if let Some((v, t)) = tag("amenity") {
        let kind = match v.as_str() {
            "toilets" => Some(Toilet),
            "parking" | "parking_entrance" => Some(Parking),
            "bicycle_rental" => Some(BikeRental),
            "bus_station" => Some(BusStop),
            "townhall" | "community_centre" => Some(ServiceCenter),
            _ => None,
        };
        if let Some(k) = kind {
            return Some((k, t));
        }
    }
    if let Some((v, t)) = tag("tourism") {
        if v == "viewpoint" {
            return Some((Viewpoint, t));
        }
    }
    if let Some((v, t)) = tag("entrance") {
        if v != "no" {
            return Some((Entrance, t));
        }
    }
    if let Some((v, t)) = tag("highway") {
        if v == "bus_stop" {
            return Some((BusStop, t));
        }
    }
    for k in ["station", "railway"] {
        if let Some((v, t)) = tag(k) {
            if v == "subway" || v == "subway_entrance" {
                return Some((MetroStation, t));
            }
        }
    }
    None
}

/// A zone category from common OSM tags.
pub(crate) fn zone_category_from_tags(p: &Props) -> Option<(ZoneCategory, String)> {
    let landuse = p.tag("landuse").map(|v| (v.clone(), format!("landuse={v}")));
    let leisure = p.tag("leisure").map(|v| (v.clone(), format!("leisure={v}")));
    match (landuse, leisure) {
        (_, Some((v, t))) if v == "park" || v == "garden" => Some((ZoneCategory::GreenSpace, t)),
        (Some((v, t)), _) => match v.as_str() {
            "industrial" => Some((ZoneCategory::Industry, t)),
            "residential" => Some((ZoneCategory::CityServices, t)),
            "commercial" | "retail" => Some((ZoneCategory::FinanceServices, t)),
            "grass" | "forest" | "recreation_ground" => Some((ZoneCategory::GreenSpace, t)),
            _ => None,
        },
        _ => None,
    }
}

/// No OSM tag names an industry.
pub(crate) fn no_industry_tags(_: &Props) -> Option<(Industry, String)> {
    None
}

/// A context kind from common OSM tags (the documented `kind` first).
pub(crate) fn context_kind(p: &Props) -> Option<ContextKind> {
    if let Some(k) = p.tag("kind").and_then(|k| ContextKind::from_key(&k)) {
        return Some(k);
    }
    match (p.tag("waterway"), p.tag("natural"), p.tag("highway"), p.tag("boundary")) {
        (Some(w), _, _, _) if w == "river" || w == "riverbank" => Some(ContextKind::River),
        (_, Some(n), _, _) if n == "water" => Some(ContextKind::Water),
        (_, _, Some(_), _) => Some(ContextKind::Road),
        (_, _, _, Some(_)) => Some(ContextKind::Boundary),
        _ => None,
    }
}

/// A trail surface, reading OSM's common values too; an unknown one is a note, not an error.
pub(crate) fn surface(p: &mut Props) -> Option<Surface> {
    let s = p.tag("surface")?;
    let v = Surface::from_key(&s).or(match s.as_str() {
        "fine_gravel" | "compacted" => Some(Surface::Gravel),
        "wood" => Some(Surface::Boardwalk),
        "paving_stones" | "grass_paver" => Some(Surface::PermeablePaving),
        "paved" => Some(Surface::Asphalt),
        _ => None,
    });
    if v.is_none() {
        p.note("surface", "not a known surface; left out", Some(&s));
    }
    v
}

/// True when OSM tags put the line off the ground level (`bridge`, `tunnel`, or `layer` ≠ 0): it
/// crosses other lines without meeting them.
pub(crate) fn grade_separated(p: &Props) -> bool {
    let on = |k: &str| p.tag(k).is_some_and(|v| !v.is_empty() && v != "no" && v != "false");
    let layer = p.tag("layer").and_then(|v| v.parse::<f64>().ok()).is_some_and(|l| l != 0.0);
    on("bridge") || on("tunnel") || layer
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::read::raw_props::members as props;

    #[test]
    fn names_fall_back_through_osm_tags_name_ref_and_a_readable_default() {
        let fb = || fallback_name(LayerKind::Greenway, 3);
        let m = props(r#"{"name:zh":"松花江步道","name:en":"Songhua Trail","NAME":"x"}"#);
        let mut p = Props::new("t", 0, Some(&m));
        let t = resolve_name(&mut p, fb()).unwrap();
        assert_eq!((t.zh.as_str(), t.en.as_str()), ("松花江步道", "Songhua Trail"));
        assert!(p.notes.is_empty());
        let m = props(r#"{"NAME":"Loop A"}"#);
        let mut p = Props::new("t", 0, Some(&m));
        assert_eq!(resolve_name(&mut p, fb()).unwrap().zh, "Loop A");
        assert_eq!(p.notes[0].1, "no name_zh and name_en; used \"name\"");
        let m = props(r#"{"name_en":"  "}"#);
        let mut p = Props::new("t", 0, Some(&m));
        let t = resolve_name(&mut p, fb()).unwrap();
        assert_eq!((t.zh.as_str(), t.en.as_str(), t.ru.as_deref()), ("步道 3", "Trail 3", Some("Тропа 3")));
    }

    #[test]
    fn poi_kinds_come_from_osm_tags_and_unknown_ones_are_other() {
        let m = props(r#"{"amenity":"toilets"}"#);
        let mut p = Props::new("t", 0, Some(&m));
        assert_eq!(
            vocab(&mut p, "kind", PoiKind::from_key, PoiKind::Other, poi_kind_from_tags).unwrap(),
            PoiKind::Toilet
        );
        let m = props(r#"{"kind":"museum"}"#);
        let mut p = Props::new("t", 0, Some(&m));
        assert_eq!(
            vocab(&mut p, "kind", PoiKind::from_key, PoiKind::Other, poi_kind_from_tags).unwrap(),
            PoiKind::Other
        );
        assert_eq!(p.notes[0].2.as_deref(), Some("museum"));
    }

    #[test]
    fn bridges_tunnels_and_layers_are_grade_separated() {
        for (json, sep) in [
            (r#"{"bridge":"yes"}"#, true),
            (r#"{"tunnel":"culvert"}"#, true),
            (r#"{"layer":"-1"}"#, true),
            (r#"{"layer":0,"bridge":"no"}"#, false),
            (r#"{}"#, false),
        ] {
            let m = props(json);
            assert_eq!(grade_separated(&Props::new("t", 0, Some(&m))), sep, "{json}");
        }
    }
}
