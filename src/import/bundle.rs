//! Read inputs → a park bundle's files: each input's features go to a layer kind (by `--as`, else
//! by geometry), are read by the app's lenient reader per input and kind, merged per kind (an id
//! repeated across inputs is an error), and written in the strict form with a manifest whose bounds
//! are the data's and whose names, attribution and provenance are the caller's.

use serde_json::{json, Map, Value};

use super::{write, Format, GeomClass, ImportError, Input, Origin};
use crate::geo::LonLat;
use crate::model::note::Note;
use crate::model::{DataError, Layer, LayerKind, Text, Zone};
use crate::read::parse_layer_indexed;

/// What the manifest says that the data cannot: the caller's words, never invented.
#[derive(Clone, Debug, PartialEq)]
pub struct ParkInfo {
    /// The park's id (`park.json`'s `id`).
    pub id: String,
    /// Its name (zh and en required, ru optional).
    pub name: Text,
    /// Whose data it is.
    pub attribution: Text,
    /// Where the data comes from and what is illustrative.
    pub provenance: Text,
}

/// A bundle ready to be written: file names (relative to the bundle folder) and texts, the
/// manifest first, plus what the reader defaulted.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// `park.json`, then one `<kind>.geojson` per kind present.
    pub files: Vec<(String, String)>,
    /// Defaults applied while reading, one line each, located at the input.
    pub notes: Vec<String>,
    /// `[west, south, east, north]` of every position written.
    pub bounds: [f64; 4],
}

/// Kinds in drawing order (the order of [`LayerKind::ALL`]): the order of the layers in the manifest.
const ORDER: &[LayerKind] = LayerKind::ALL;

/// The kind a feature of `class` from `input` goes to: the file's `--as` kind when it holds that
/// geometry, else the class's default (points of a CSV are companies).
fn kind_for(input: &Input, class: GeomClass, assigned: Option<LayerKind>) -> LayerKind {
    match assigned {
        Some(k) if class.fits(k) => k,
        _ if class == GeomClass::Point && Format::of_name(&input.file) == Some(Format::Csv) => {
            LayerKind::Companies
        }
        _ => class.default_kind(),
    }
}

/// One kind's features from every input, with where each came from.
#[derive(Default)]
struct Merged {
    layer: Option<Layer>,
    ids: std::collections::HashMap<String, Origin>,
    /// Per trail: its `bridge` / `tunnel` / `layer` members as written.
    grade: Vec<Map<String, Value>>,
}

/// Builds the bundle. `assign` gives `--as` kinds by input file name; `zones_from` are zones of an
/// existing bundle that companies and sites without a zone are placed in (with the import's own).
pub fn import(
    inputs: &[Input],
    assign: &[(LayerKind, String)],
    info: &ParkInfo,
    zones_from: &[Zone],
) -> Result<Bundle, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut merged: Vec<(LayerKind, Merged)> = ORDER.iter().map(|k| (*k, Merged::default())).collect();
    for input in inputs {
        let assigned = assign.iter().find(|(_, f)| *f == input.file).map(|(k, _)| *k);
        if let Some(k) = assigned {
            if !input.features.iter().any(|f| f.class.fits(k)) {
                let holds = match k {
                    LayerKind::Greenway | LayerKind::Waterfront => "lines",
                    LayerKind::Pois | LayerKind::Companies => "points",
                    LayerKind::Zones => "polygons",
                    LayerKind::Context => "lines or polygons",
                    LayerKind::Sites => "points or polygons",
                };
                errors.push(ImportError::file(
                    &input.file,
                    format!("--as {}: the file has no {holds}", k.key()),
                ));
                continue;
            }
        }
        for (kind, m) in merged.iter_mut() {
            let group: Vec<_> =
                input.features.iter().filter(|f| kind_for(input, f.class, assigned) == *kind).collect();
            if group.is_empty() {
                continue;
            }
            let mut collection = json!({"type": "FeatureCollection", "features": group.iter().map(|f| &f.feature).collect::<Vec<_>>()});
            if let Some(crs) = &input.crs {
                collection["crs"] = crs.clone();
            }
            let (parse, indices) = parse_layer_indexed(*kind, &input.file, &collection.to_string());
            for e in parse.errors {
                errors.push(match e {
                    DataError::Feature { index, property, reason, .. } => {
                        ImportError::Feature { origin: group[index].origin.clone(), property, reason }
                    }
                    DataError::Layer { file, reason } => ImportError::file(&file, reason),
                    other => ImportError::file(&input.file, other.to_string()),
                });
            }
            notes.extend(parse.notes.iter().map(|n| note_line(n, &input.file, |i| &group[i].origin)));
            let origins: Vec<&Origin> = indices.iter().map(|&i| &group[i].origin).collect();
            if let Layer::Trails(trails) = &parse.layer {
                m.grade.extend(indices.iter().map(|&i| grade_members(&group[i].feature)));
                debug_assert_eq!(trails.len(), indices.len());
            }
            merge(m, parse.layer, &origins, &mut errors);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Companies and sites without a zone go to the zone that holds them.
    let mut zones: Vec<Zone> = zones_from.to_vec();
    if let Some((_, Merged { layer: Some(Layer::Zones(z)), .. })) =
        merged.iter().find(|(k, _)| *k == LayerKind::Zones)
    {
        zones.splice(0..0, z.iter().cloned());
    }
    for (_, m) in merged.iter_mut() {
        let Merged { layer, ids, .. } = m;
        if let Some(layer) = layer.as_mut() {
            notes.extend(super::zones::place_in_zones(&zones, layer, &|id| ids.get(id).cloned()));
        }
    }
    let mut files = Vec::new();
    let mut turned = 0;
    let mut points: Vec<LonLat> = Vec::new();
    let mut layers = Vec::new();
    for (kind, m) in merged {
        let Some(layer) = m.layer else { continue };
        collect_positions(&layer, &mut points);
        let text = match &layer {
            Layer::Context(v) => write::context(v, &mut turned),
            Layer::Zones(v) => write::zones(v, &mut turned),
            Layer::Trails(v) => write::trails(v, &m.grade),
            Layer::Pois(v) => write::pois(v),
            Layer::Companies(v) => write::companies(v),
            Layer::Sites(v) => write::sites(v, &mut turned),
        };
        let url = format!("{}.geojson", kind.key());
        layers.push(json!({"id": kind.key(), "kind": kind.key(), "url": url}));
        files.push((url, text));
    }
    if files.is_empty() {
        return Err(vec![ImportError::Usage("no input files".into())]);
    }
    if turned > 0 {
        notes.push(format!(
            "{turned} polygon ring(s) written the other way round: RFC 7946 wants outer rings counter-clockwise, holes clockwise"
        ));
    }
    let bounds = bounds_of(&points);
    let manifest = manifest(info, bounds, layers);
    files.insert(0, ("park.json".to_owned(), manifest));
    Ok(Bundle { files, notes, bounds })
}

/// Adds a parsed layer to its kind, refusing ids another input already used.
fn merge(m: &mut Merged, layer: Layer, origins: &[&Origin], errors: &mut Vec<ImportError>) {
    let ids: Vec<Option<String>> = match &layer {
        Layer::Context(_) => vec![None; layer.len()],
        Layer::Zones(v) => v.iter().map(|x| Some(x.id.clone())).collect(),
        Layer::Trails(v) => v.iter().map(|x| Some(x.id.clone())).collect(),
        Layer::Pois(v) => v.iter().map(|x| Some(x.id.clone())).collect(),
        Layer::Companies(v) => v.iter().map(|x| Some(x.id.clone())).collect(),
        Layer::Sites(v) => v.iter().map(|x| Some(x.id.clone())).collect(),
    };
    for (k, id) in ids.into_iter().enumerate() {
        let Some(id) = id else { continue };
        if let Some(first) = m.ids.get(&id) {
            let reason =
                format!("duplicate id {} (already used by {first})", crate::model::error::quoted(&id));
            errors.push(ImportError::feature(origins[k], "id", reason));
        } else {
            m.ids.insert(id, origins[k].clone());
        }
    }
    match (&mut m.layer, layer) {
        (None, l) => m.layer = Some(l),
        (Some(Layer::Context(a)), Layer::Context(b)) => a.extend(b),
        (Some(Layer::Zones(a)), Layer::Zones(b)) => a.extend(b),
        (Some(Layer::Trails(a)), Layer::Trails(b)) => a.extend(b),
        (Some(Layer::Pois(a)), Layer::Pois(b)) => a.extend(b),
        (Some(Layer::Companies(a)), Layer::Companies(b)) => a.extend(b),
        (Some(Layer::Sites(a)), Layer::Sites(b)) => a.extend(b),
        _ => unreachable!("one kind parses to one layer type"),
    }
}

/// A reader note located at the input: `trails.gpx: kind: not a known value; shown as other
/// (2 features, first waypoint 3 "Bench"; e.g. "bench")`.
fn note_line<'a>(n: &Note, file: &str, origin: impl Fn(usize) -> &'a Origin) -> String {
    let mut s = format!("{file}: {}: {}", n.property, n.message);
    if let Some(first) = n.first {
        let o = origin(first);
        let at = match (o.what.is_empty(), o.line) {
            (false, Some(line)) => format!("{} at line {line}", o.what),
            (false, None) => o.what.clone(),
            (true, Some(line)) => format!("line {line}"),
            (true, None) => String::new(),
        };
        let plural = if n.count == 1 { "" } else { "s" };
        s.push_str(&format!(" ({} feature{plural}, first {at}", n.count));
        if !n.examples.is_empty() {
            let ex: Vec<String> = n.examples.iter().map(|e| crate::model::error::quoted(e)).collect();
            s.push_str(&format!("; e.g. {}", ex.join(", ")));
        }
        s.push(')');
    }
    s
}

/// The OSM members that put a trail off the ground, as the input wrote them.
fn grade_members(feature: &Value) -> Map<String, Value> {
    let props = feature.get("properties").and_then(Value::as_object);
    ["bridge", "tunnel", "layer"]
        .iter()
        .filter_map(|k| Some((k.to_string(), props?.get(*k)?.clone())))
        .filter(|(_, v)| !v.is_null())
        .collect()
}

fn collect_positions(layer: &Layer, out: &mut Vec<LonLat>) {
    use crate::model::ContextShape;
    match layer {
        Layer::Context(v) => {
            for f in v {
                match &f.shape {
                    ContextShape::Lines(l) => out.extend(l.iter().flatten().map(|m| m.to_lon_lat())),
                    ContextShape::Polygons(p) => {
                        out.extend(p.iter().flatten().flatten().map(|m| m.to_lon_lat()))
                    }
                }
            }
        }
        Layer::Zones(v) => {
            out.extend(v.iter().flat_map(|z| z.polygons.iter().flat_map(|p| p.rings.iter().flatten())))
        }
        Layer::Trails(v) => out.extend(v.iter().flat_map(|t| t.vertices())),
        Layer::Pois(v) => out.extend(v.iter().map(|p| p.pos)),
        Layer::Companies(v) => out.extend(v.iter().map(|c| c.pos)),
        Layer::Sites(v) => out.extend(v.iter().flat_map(|s| s.positions())),
    }
}

/// `[west, south, east, north]` around the points, widened to 0.001° (about 100 m) where the data
/// is a single point or line of points (the manifest needs west < east and south < north).
pub fn bounds_of(points: &[LonLat]) -> [f64; 4] {
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for p in points {
        b = [b[0].min(p.lon), b[1].min(p.lat), b[2].max(p.lon), b[3].max(p.lat)];
    }
    for (lo, hi) in [(0, 2), (1, 3)] {
        if b[hi] - b[lo] < 0.001 {
            let mid = (b[lo] + b[hi]) / 2.0;
            (b[lo], b[hi]) = (mid - 0.0005, mid + 0.0005);
        }
    }
    // Outward to 10⁻⁶ degree so the rounded box still holds every position.
    [
        (b[0] * 1e6).floor() / 1e6,
        (b[1] * 1e6).floor() / 1e6,
        (b[2] * 1e6).ceil() / 1e6,
        (b[3] * 1e6).ceil() / 1e6,
    ]
}

fn text_json(t: &Text) -> Value {
    let mut v = json!({"zh": t.zh, "en": t.en});
    if let Some(ru) = &t.ru {
        v["ru"] = ru.clone().into();
    }
    v
}

/// `park.json` with its members in the documented order (serde_json's map would sort them).
#[derive(serde::Serialize)]
struct ManifestOut<'a> {
    parkmap: u32,
    id: &'a str,
    name: Value,
    bounds: [f64; 4],
    attribution: Value,
    provenance: Value,
    layers: Vec<Value>,
}

fn manifest(info: &ParkInfo, bounds: [f64; 4], layers: Vec<Value>) -> String {
    let m = ManifestOut {
        parkmap: 1,
        id: &info.id,
        name: text_json(&info.name),
        bounds,
        attribution: text_json(&info.attribution),
        provenance: text_json(&info.provenance),
        layers,
    };
    let mut s = serde_json::to_string_pretty(&m).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_every_point_and_a_single_point_gets_a_box() {
        let b = bounds_of(&[LonLat::lon_lat(126.5000004, 45.8), LonLat::lon_lat(126.6, 45.9000001)]);
        assert_eq!(b, [126.5, 45.8, 126.6, 45.900001]);
        let b = bounds_of(&[LonLat::lon_lat(126.5, 45.8)]);
        assert!(b[0] < 126.5 && b[2] > 126.5 && b[1] < 45.8 && b[3] > 45.8);
    }
}
