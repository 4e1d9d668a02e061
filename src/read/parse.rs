//! GeoJSON layer → typed features, in one typed pass over the bytes ([`super::raw`]), lenient in
//! what it accepts (see `docs/data-format.md`, "What ParkMap accepts").
//!
//! Each feature parses on its own: a broken one (no usable geometry, NaN, out of range, unclosed
//! rings) is reported with its index and skipped, the rest of the layer survives. Valid but unusual
//! data (no `id`, OSM names, an unknown industry) is read with a default and reported once per
//! layer as a [`Note`], never as an error. Lon-lat is projected here, once.

use rustc_hash::FxHashSet as HashSet;

use serde_json::Value;

use super::features::{parse_feature, SiteReader};
use super::intern::Interner;
use super::lenient::IdPlan;
use super::limits::{MAX_FEATURES, MAX_LAYER_BYTES};
use super::raw::{kind_of, read_layer, RawFeatures, RawRoot};
use crate::model::error::quoted;
use crate::model::note::{Note, Notes};
use crate::model::{DataError, Layer, LayerKind};

/// The result of parsing one layer: whatever was valid, every problem found, and every default
/// applied.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerParse {
    /// The valid features.
    pub layer: Layer,
    /// Problems, located; empty for a clean layer.
    pub errors: Vec<DataError>,
    /// Defaults applied to valid-but-unusual data, one per kind with a count; not problems.
    pub notes: Vec<Note>,
}

impl LayerParse {
    /// A layer of `kind` that gave nothing, and why.
    pub fn failed(kind: LayerKind, error: DataError) -> Self {
        LayerParse { layer: empty_layer(kind), errors: vec![error], notes: Vec::new() }
    }
}

/// Parses the text of a layer file of the given kind. Never panics; never fails as a whole: a file
/// that is not usable at all gives an empty layer and the reason.
pub fn parse_layer(kind: LayerKind, file: &str, text: &str) -> LayerParse {
    parse_layer_indexed(kind, file, text).0
}

/// [`parse_layer`] for the layers the map loads ([`LayerKind::loads_with_map`]); a `sites` layer is
/// refused as a whole. The map's loader calls this one, so the site reader is reachable only from
/// the site finder (and the native tools) and a split build keeps it out of the first module.
pub fn parse_map_layer(kind: LayerKind, file: &str, text: &str) -> LayerParse {
    if !kind.loads_with_map() {
        let reason = "a sites layer is read by the site finder, not by the map".to_owned();
        return LayerParse::failed(kind, DataError::Layer { file: file.into(), reason });
    }
    parse_with(kind, file, text, None).0
}

/// [`parse_layer`], also saying where each kept feature came from: the k-th feature of the returned
/// layer is feature `indices[k]` (0-based) of the file's `features` array (a `MultiPoint` POI gives
/// several features of one index). The validator uses it to locate the problems it finds after
/// parsing, since skipped features shift the positions.
pub fn parse_layer_indexed(kind: LayerKind, file: &str, text: &str) -> (LayerParse, Vec<usize>) {
    parse_with(kind, file, text, Some(super::site::site))
}

/// The reader, with the site reader when it reads sites.
fn parse_with(
    kind: LayerKind,
    file: &str,
    text: &str,
    sites: Option<SiteReader>,
) -> (LayerParse, Vec<usize>) {
    let mut notes = Notes::new(file);
    let text = strip_bom(text);
    if text.len() > MAX_LAYER_BYTES {
        let e = DataError::TooLarge { file: file.into(), bytes: text.len(), limit: MAX_LAYER_BYTES };
        return (LayerParse::failed(kind, e), Vec::new());
    }
    // Errors with the index they belong to, sorted (stably) by it at the end, so a duplicate id
    // found after every feature is read still comes in its feature's place.
    let mut errors: Vec<(usize, DataError)> = Vec::new();
    // The items go straight into the layer; their ids are settled once all are read (`plans`).
    let mut layer = empty_layer(kind);
    let mut plans: Vec<(usize, IdPlan)> = Vec::new();
    // The features' notes come after the file's (its `crs`), which is only known at the end.
    let mut feature_notes = Notes::new(file);
    let mut index = 0;
    let mut shared = Interner::default();
    // Each feature becomes its typed item as soon as it is read: one feature's raw form at a time.
    let root = read_layer(text, &mut |raw| {
        match parse_feature(kind, file, index, raw, &mut shared, sites) {
            Ok(parsed) => {
                errors.extend(parsed.soft.into_iter().map(|e| (index, e)));
                for (property, message, example) in parsed.notes {
                    feature_notes.add(index, &property, &message, example.as_deref());
                }
                for (plan, item) in parsed.items {
                    item.push_to(&mut layer);
                    plans.push((index, plan));
                }
            }
            Err((soft, e)) => {
                errors.extend(soft.into_iter().map(|s| (index, s)));
                errors.push((index, e));
            }
        }
        index += 1;
    });
    let total =
        match root.map_err(|e| DataError::json(file, &e)).and_then(|r| check_collection(file, r, &mut notes))
        {
            Ok(total) => total,
            Err(e) => return (LayerParse::failed(kind, e), Vec::new()),
        };
    notes.extend(feature_notes);
    let keep = assign_ids(file, &mut plans, &mut layer, &mut errors);
    layer.retain_flagged(&keep);
    let indices = plans.iter().zip(&keep).filter(|(_, &k)| k).map(|((index, _), _)| *index).collect();
    crate::sort::sort_by_key(&mut errors, |(i, _)| *i);
    let mut errors: Vec<DataError> = errors.into_iter().map(|(_, e)| e).collect();
    if layer.is_empty() {
        errors.push(DataError::Layer {
            file: file.into(),
            reason: format!("no usable features ({total} in the file, all skipped)"),
        });
    }
    (LayerParse { layer, errors, notes: notes.into_vec() }, indices)
}

/// Gives every item of `layer` its final id (`plans[k]` is item k's): ids written in the data
/// first (a repeat is an error and the feature skipped, as the first wins), then ids the reader
/// made, bumped (`-2`, `-3`…) past any taken one so they never collide with a real id. Returns
/// which items to keep.
fn assign_ids(
    file: &str,
    plans: &mut [(usize, IdPlan)],
    layer: &mut Layer,
    errors: &mut Vec<(usize, DataError)>,
) -> Vec<bool> {
    let mut keep = vec![true; plans.len()];
    let mut seen: HashSet<&str> = HashSet::with_capacity_and_hasher(plans.len(), Default::default());
    for (k, (index, plan)) in plans.iter().enumerate() {
        if let IdPlan::Real(id) = plan {
            if !seen.insert(id) {
                let e = DataError::feature(file, *index, "id", format!("duplicate id {}", quoted(id)));
                errors.push((*index, e));
                keep[k] = false;
            }
        }
    }
    // Made ids must miss every real one; the set is only built when some id is made.
    let derived = plans.iter().any(|(_, p)| matches!(p, IdPlan::Derived(_)));
    let mut taken: HashSet<String> =
        if derived { seen.into_iter().map(str::to_owned).collect() } else { HashSet::default() };
    for (k, (_, plan)) in plans.iter_mut().enumerate() {
        match plan {
            IdPlan::Real(id) if keep[k] => layer.set_id(k, std::mem::take(id)),
            IdPlan::Real(_) => {}
            IdPlan::Derived(base) => {
                let mut id = base.clone();
                let mut n = 2;
                while !taken.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                layer.set_id(k, id);
            }
        }
    }
    keep
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
        LayerKind::Sites => Layer::Sites(Vec::new()),
    }
}

/// Coordinate reference systems read as they are: WGS84 (OGC CRS84 and EPSG:4326, the legacy names
/// GDAL and QGIS still write) and CGCS2000 (EPSG:4490, within a metre of WGS84: noted).
fn check_crs(file: &str, crs: &Value, notes: &mut Notes) -> Result<(), DataError> {
    let name = crs.pointer("/properties/name").and_then(Value::as_str);
    let err = |reason: String| Err(DataError::Layer { file: file.into(), reason });
    let Some(name) = name else {
        if crs.is_null() {
            return Ok(());
        }
        return err("crs: expected a named CRS ({\"type\":\"name\",\"properties\":{\"name\":…}})".into());
    };
    let code = name.rsplit([':', '/']).next().unwrap_or("");
    match code {
        "CRS84" | "4326" => Ok(()),
        "4490" => {
            notes.add_file("crs", "EPSG:4490 (CGCS2000) read as WGS84 (they differ by well under a metre)");
            Ok(())
        }
        _ => err(format!(
            "crs: {} is not supported; ParkMap reads WGS84 longitude, latitude (reproject, e.g. \
             `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`)",
            quoted(name)
        )),
    }
}

/// Checks the root of a layer file once read: a `FeatureCollection` in a CRS read as it is, with
/// between 1 and [`MAX_FEATURES`] features. Returns how many features it has.
fn check_collection(file: &str, root: RawRoot, notes: &mut Notes) -> Result<usize, DataError> {
    let layer_err = |reason: String| DataError::Layer { file: file.into(), reason };
    let RawRoot::Object { ty, features, crs } = root else {
        return Err(layer_err("expected a GeoJSON FeatureCollection object".into()));
    };
    match ty {
        Some(Value::String(t)) if t == "FeatureCollection" => {}
        Some(Value::String(t)) => {
            return Err(layer_err(format!("expected a FeatureCollection, found {}", quoted(&t))))
        }
        Some(other) => {
            return Err(layer_err(format!(
                "expected a FeatureCollection, found a \"type\" that is {}",
                kind_of(&other)
            )))
        }
        None => return Err(layer_err("expected a FeatureCollection: no \"type\"".into())),
    }
    if let Some(crs) = &crs {
        check_crs(file, crs, notes)?;
    }
    match features {
        Some(RawFeatures::Array(0)) => Err(layer_err("the layer has no features".into())),
        Some(RawFeatures::Array(total)) if total > MAX_FEATURES => {
            Err(layer_err(format!("{total} features: more than the limit of {MAX_FEATURES}")))
        }
        Some(RawFeatures::Array(total)) => Ok(total),
        _ => Err(layer_err("\"features\" must be an array".into())),
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
