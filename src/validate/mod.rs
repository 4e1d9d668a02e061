//! The park-bundle validator: every rule a bundle must follow, as pure functions (no DOM, no I/O;
//! reading a bundle from disk is [`files`], native only).
//!
//! The schema check *is* the app's parser ([`parse_manifest`], [`parse_layer_indexed`]), so the
//! validator and the map can never disagree about what a valid file is. On top of it come the rules
//! that need the whole park, each reported as a located [`DataError`] (`file:feature-index: property:
//! reason`, indices 0-based into the file's `features` array):
//!
//! | rule | example |
//! |---|---|
//! | schema, unique ids per layer, `http(s)` links only (all the parser's) | `companies.geojson:3: id: duplicate id "c1"` |
//! | zone (and park boundary) geometry is valid (OGC, via `geo`) | `zones.geojson:1: geometry: exterior ring has a self-intersection` |
//! | RFC 7946 winding of zones and context areas (the app accepts any) | `zones.geojson:0: geometry: exterior ring is clockwise; RFC 7946 wants it counter-clockwise` |
//! | zones do not overlap | `zones.geojson:1: geometry: overlaps zone "z01" by 2500 m²` |
//! | zones lie inside the `boundary` | `zones.geojson:1: geometry: extends 2500 m² outside the park boundary` |
//! | one connected greenway | `greenway.geojson:2: geometry: not connected to the rest of the greenway: component 2 of 2, 1 segment` |
//! | one connected greenway + waterfront network | `waterfront.geojson:0: geometry: not connected to the rest of the trail network (greenway + waterfront): component 2 of 2, 1 segment` |
//! | trail-side POIs within 50 m of a trail | `pois.geojson:1: geometry: toilet is 220 m from the nearest greenway or waterfront segment (limit 50 m)` |
//! | a company lies in its zone (or on its edge) | `companies.geojson:12: zone: point lies outside zone "z03"` |
//! | parcels valid and wound as RFC 7946 wants; sites inside the bounds and inside their zone | `sites.geojson:4: zone: extends 812 m² outside zone "z05"` |
//! | published figures | `park.json: figures.companies: the manifest declares 590, the data has 589` |
//!
//! Warnings (notes, not problems): parcels that overlap, a parcel's `area_m2` more than 5 % off its
//! polygon, a manifest without Russian attribution or provenance.
//!
//! Rules that need a layer are skipped when a layer of that kind failed to load as a whole (that
//! failure is already reported), so one broken file does not bury the report in follow-on messages.

#[cfg(not(target_arch = "wasm32"))]
pub mod files;
mod network;
mod records;
mod sites;
mod zones;

pub use sites::SITE_AREA_TOLERANCE;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::model::error::quoted;
use crate::model::{DataError, Layer, LayerKind, Manifest, Note, Park};
use crate::read::{parse_layer_indexed, parse_manifest, LayerParse};

/// Two zones may share an edge; an intersection up to this area (m²) is rounding, not overlap. The
/// same slack applies to a zone poking out of the park boundary.
pub const AREA_SLACK_M2: f64 = 1.0;
/// Trail-side POIs (entrances, toilets, bike rental, viewpoints, warm stations, parking) must lie
/// within this distance of a greenway or waterfront segment, in metres.
pub const POI_MAX_DISTANCE_M: f64 = 50.0;
/// Relative tolerance of the published trail lengths.
pub const LENGTH_TOLERANCE: f64 = 0.01;
/// Relative tolerance of the published area.
pub const AREA_TOLERANCE: f64 = 0.02;

/// Most elementary steps one whole-park rule may take on a bundle (a pair of ring segments
/// compared, a vertex visited in a point-in-zone test, …). Several rules are quadratic at heart, so
/// a hostile bundle well within the parser's limits (5 000 identical zones; one 50 000-vertex zone
/// holding 200 000 companies) could keep the validator busy for hours. A rule that reaches the limit
/// stops and says what it did not check, located at the layer file: see [`Budget`].
pub const WORK_LIMIT: u64 = 100_000_000;

/// The work left to one rule (starts at [`WORK_LIMIT`]).
#[derive(Debug)]
pub(crate) struct Budget {
    left: u64,
}

impl Budget {
    pub fn new() -> Self {
        Budget { left: WORK_LIMIT }
    }

    /// Takes `steps` from the budget; false (and nothing taken) when that would go past the limit.
    pub fn take(&mut self, steps: u64) -> bool {
        match self.left.checked_sub(steps) {
            Some(left) => {
                self.left = left;
                true
            }
            None => false,
        }
    }
}

/// The message of a rule that stopped at [`WORK_LIMIT`]: `file: what not checked for N items: …`.
pub(crate) fn over_budget(file: &str, what: &str, skipped: usize, one: &str, many: &str) -> DataError {
    DataError::Layer {
        file: file.into(),
        reason: format!(
            "{what} not checked for {}: more work than the validator's limit of {WORK_LIMIT} steps",
            count(skipped, one, many)
        ),
    }
}

/// Where a parsed feature came from: its file (the layer URL as written in the manifest) and its
/// 0-based index in that file's `features`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// The layer file.
    pub file: String,
    /// Index in the file's `features` array.
    pub index: usize,
}

impl Loc {
    /// A feature-level problem at this location.
    pub fn error(&self, property: &str, reason: impl Into<String>) -> DataError {
        DataError::feature(&self.file, self.index, property, reason)
    }
}

/// Locations of the parsed features, parallel to the vectors of [`Park`] (`zones[k]` is where
/// `park.zones[k]` came from, and so on).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Locations {
    /// Of `park.context`.
    pub context: Vec<Loc>,
    /// Of `park.zones`.
    pub zones: Vec<Loc>,
    /// Of `park.waterfront`.
    pub waterfront: Vec<Loc>,
    /// Of `park.greenway`.
    pub greenway: Vec<Loc>,
    /// Of `park.pois`.
    pub pois: Vec<Loc>,
    /// Of `park.companies`.
    pub companies: Vec<Loc>,
    /// Of `park.sites`.
    pub sites: Vec<Loc>,
}

/// What the validator found.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Every problem, located, in rule order: schema (manifest, then layers in manifest order), zone
    /// geometry, overlaps and boundary, trail connectivity, POIs, companies, published figures.
    pub problems: Vec<DataError>,
    /// Defaults the reader applied to valid-but-unusual data, and crossings noding left apart:
    /// warnings, not problems (a bundle with notes only is clean).
    pub notes: Vec<Note>,
    /// The manifest, when it parsed.
    pub manifest: Option<Manifest>,
    /// Everything that parsed (what the app would show).
    pub park: Park,
    /// Where each feature of `park` came from.
    pub locations: Locations,
}

impl Report {
    /// True when there is no problem at all.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// One line for humans: `ok: 590 companies, 12 zones, …` or `3 problems`, followed by the
    /// number of notes when there are any (`…; 2 notes`).
    pub fn summary(&self) -> String {
        let line = self.summary_of_problems();
        match self.notes.len() {
            0 => line,
            n => format!("{line}; {}", count(n, "note", "notes")),
        }
    }

    fn summary_of_problems(&self) -> String {
        let p = &self.park;
        match self.problems.len() {
            0 => {
                format!(
                    "ok: {}, {}, {}, {}, {}, {}",
                    count(p.companies.len(), "company", "companies"),
                    count(p.zones.len(), "zone", "zones"),
                    count(p.greenway.len(), "greenway segment", "greenway segments"),
                    count(p.waterfront.len(), "waterfront segment", "waterfront segments"),
                    count(p.pois.len(), "POI", "POIs"),
                    count(p.context.len(), "context feature", "context features"),
                ) + &if p.sites.is_empty() {
                    String::new()
                } else {
                    format!(", {}", count(p.sites.len(), "site", "sites"))
                }
            }
            n => count(n, "problem", "problems"),
        }
    }
}

/// `1 zone`, `2 zones`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Validates a whole bundle. `manifest_file` names the manifest in messages; `read` maps a layer URL,
/// exactly as written in the manifest, to the layer's text (or to the [`DataError`] saying why it
/// could not be read; that error is reported as it is).
pub fn validate_bundle(
    manifest_file: &str,
    manifest_text: &str,
    read: &dyn Fn(&str) -> Result<String, DataError>,
) -> Report {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut park = Park::default();
    let mut locations = Locations::default();
    let manifest = match parse_manifest(manifest_file, manifest_text) {
        Ok((m, errors)) => {
            problems.extend(errors);
            m
        }
        Err(errors) => {
            problems.extend(errors);
            return Report { problems, notes, manifest: None, park, locations };
        }
    };
    park.junction_tolerance_m = manifest.junction_tolerance_m;
    // Kinds with a layer that gave nothing at all: rules needing them are skipped.
    let mut failed = HashSet::new();
    for layer in &manifest.layers {
        let (parse, indices) = match read(&layer.url) {
            Ok(text) => parse_layer_indexed(layer.kind, &layer.url, &text),
            Err(e) => {
                problems.push(e);
                failed.insert(layer.kind);
                continue;
            }
        };
        let LayerParse { layer: parsed, errors, notes: layer_notes } = parse;
        problems.extend(errors);
        notes.extend(layer_notes);
        if parsed.is_empty() {
            failed.insert(layer.kind);
        }
        let target = match (&parsed, layer.kind) {
            (Layer::Context(_), _) => &mut locations.context,
            (Layer::Zones(_), _) => &mut locations.zones,
            (Layer::Pois(_), _) => &mut locations.pois,
            (Layer::Companies(_), _) => &mut locations.companies,
            (Layer::Sites(_), _) => &mut locations.sites,
            (Layer::Trails(_), LayerKind::Greenway) => &mut locations.greenway,
            (Layer::Trails(_), _) => &mut locations.waterfront,
        };
        let ids: Vec<Option<String>> = feature_ids(&parsed);
        // Ids already taken by an earlier layer of the kind: the app leaves those features out too.
        let dropped = park.add_new(parsed);
        for (k, index) in indices.into_iter().enumerate() {
            let loc = Loc { file: layer.url.clone(), index };
            if dropped.binary_search(&k).is_ok() {
                let id = ids[k].as_deref().unwrap_or_default();
                let reason = format!("duplicate id {} (already in an earlier layer); skipped", quoted(id));
                problems.push(loc.error("id", reason));
            } else {
                target.push(loc);
            }
        }
    }
    let bundle = Bundle { park: &park, locs: &locations, failed: &failed };
    problems.extend(check_park(&bundle, manifest_file, &manifest, &mut notes));
    Report { problems, notes, manifest: Some(manifest), park, locations }
}

/// The id of each feature of a parsed layer, in order (`None` for context features).
fn feature_ids(layer: &Layer) -> Vec<Option<String>> {
    match layer {
        Layer::Context(v) => vec![None; v.len()],
        Layer::Zones(v) => v.iter().map(|z| Some(z.id.clone())).collect(),
        Layer::Trails(v) => v.iter().map(|t| Some(t.id.clone())).collect(),
        Layer::Pois(v) => v.iter().map(|p| Some(p.id.clone())).collect(),
        Layer::Companies(v) => v.iter().map(|c| Some(c.id.clone())).collect(),
        Layer::Sites(v) => v.iter().map(|s| Some(s.id.clone())).collect(),
    }
}

/// A parsed park with its feature locations and the kinds whose layers failed as a whole.
pub(crate) struct Bundle<'a> {
    pub park: &'a Park,
    pub locs: &'a Locations,
    pub failed: &'a HashSet<LayerKind>,
}

impl Bundle<'_> {
    /// True when every layer of these kinds loaded (so rules over them mean something).
    pub fn loaded(&self, kinds: &[LayerKind]) -> bool {
        kinds.iter().all(|k| !self.failed.contains(k))
    }
}

/// The whole-park rules, in report order.
fn check_park(b: &Bundle, manifest_file: &str, manifest: &Manifest, notes: &mut Vec<Note>) -> Vec<DataError> {
    let mut out = Vec::new();
    let shapes = zones::check_geometry(b, &mut out);
    if b.loaded(&[LayerKind::Zones]) {
        zones::check_overlaps(b, &shapes.zones, &mut out);
        if b.loaded(&[LayerKind::Context]) {
            zones::check_boundary(b, &shapes, &mut out);
        }
    }
    if b.loaded(&[LayerKind::Greenway, LayerKind::Waterfront]) {
        network::check_connectivity(b, &mut out, notes);
        network::check_poi_distance(b, &mut out);
    }
    if b.loaded(&[LayerKind::Zones]) {
        records::check_company_zones(b, &mut out);
    }
    sites::check_sites(b, manifest, &mut out, notes);
    sites::check_russian_texts(manifest_file, manifest, notes);
    if let Some(figures) = &manifest.figures {
        records::check_figures(b, manifest_file, figures, &mut out);
    }
    out
}
