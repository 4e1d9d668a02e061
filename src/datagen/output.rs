//! Serialisation: GeoJSON features with properties in a fixed order, one feature per line.
//!
//! Properties are written from an ordered list rather than a `serde_json::Map`, whose key order
//! depends on crate features another crate may switch on; field order is part of the bytes the
//! drift test compares.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::geom::Ll;

/// A GeoJSON geometry with already rounded coordinates.
#[derive(Debug, serde::Serialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    /// A single position.
    Point(Ll),
    /// A polyline.
    LineString(Vec<Ll>),
    /// Rings, the first being the outer ring (counter-clockwise).
    Polygon(Vec<Vec<Ll>>),
}

impl Geometry {
    /// Every position of the geometry, for the bounding box.
    pub fn positions(&self) -> Vec<Ll> {
        match self {
            Geometry::Point(p) => vec![*p],
            Geometry::LineString(l) => l.clone(),
            Geometry::Polygon(rings) => rings.concat(),
        }
    }
}

/// Feature properties in insertion order.
#[derive(Debug, Default)]
pub struct Props(Vec<(&'static str, Value)>);

impl Props {
    /// Empty properties.
    pub fn new() -> Self {
        Props::default()
    }

    /// Appends a property.
    pub fn with(mut self, key: &'static str, value: impl Into<Value>) -> Self {
        self.0.push((key, value.into()));
        self
    }

    /// Appends a property when there is a value.
    pub fn with_opt(self, key: &'static str, value: Option<impl Into<Value>>) -> Self {
        match value {
            Some(v) => self.with(key, v),
            None => self,
        }
    }
}

impl Serialize for Props {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One GeoJSON feature.
#[derive(Debug)]
pub struct Feature {
    /// Its geometry.
    pub geometry: Geometry,
    /// Its properties.
    pub properties: Props,
}

#[derive(serde::Serialize)]
struct FeatureOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: &'a Geometry,
    properties: &'a Props,
}

/// A FeatureCollection with one feature per line, so diffs of the committed data stay readable.
pub fn collection(features: &[Feature]) -> String {
    let lines: Vec<String> = features
        .iter()
        .map(|f| {
            serde_json::to_string(&FeatureOut {
                kind: "Feature",
                geometry: &f.geometry,
                properties: &f.properties,
            })
            .expect("features serialise")
        })
        .collect();
    format!("{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n", lines.join(",\n"))
}

/// Text in the manifest's languages.
#[derive(Debug, serde::Serialize)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
    /// Russian, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
}

/// Published totals the validator checks the data against.
#[derive(Debug, serde::Serialize)]
pub struct Figures {
    /// Registered companies.
    pub companies: usize,
    /// Cumulative registered capital, yuan.
    pub registered_capital_yuan: u64,
    /// Greenway length, km.
    pub greenway_km: f64,
    /// Sponge-city waterfront length, km.
    pub waterfront_km: f64,
    /// Planned area, km².
    pub area_km2: f64,
    /// Date the park agreement was signed.
    pub signed: &'static str,
}

/// One layer entry of the manifest.
#[derive(Debug, serde::Serialize)]
pub struct Layer {
    /// Layer id.
    pub id: &'static str,
    /// Layer kind.
    pub kind: &'static str,
    /// URL relative to the manifest.
    pub url: String,
}

/// A hub of the city (`hubs` in the manifest).
#[derive(Debug, serde::Serialize)]
pub struct Hub {
    /// Hub id.
    pub id: &'static str,
    /// Name.
    pub name: Text,
    /// Kind key (`airport`, `high_speed_rail`, `railway`, `city_centre`…).
    pub kind: &'static str,
    /// `[lon, lat]`.
    pub position: [f64; 2],
}

/// The investment-promotion office (`contact` in the manifest).
#[derive(Debug, serde::Serialize)]
pub struct Contact {
    /// Name.
    pub name: Text,
    /// Telephone.
    pub phone: &'static str,
    /// Email.
    pub email: &'static str,
    /// Postal address.
    pub address: Text,
}

/// The manifest, `park.json` (field order as in docs/data-format.md).
#[derive(Debug, serde::Serialize)]
pub struct Manifest {
    /// Format version.
    pub parkmap: u32,
    /// Park id.
    pub id: &'static str,
    /// Park name.
    pub name: Text,
    /// A short name for narrow screens.
    pub short_name: Text,
    /// `[west, south, east, north]`.
    pub bounds: [f64; 4],
    /// Where the data comes from.
    pub attribution: Text,
    /// What is published fact and what is illustrative.
    pub provenance: Text,
    /// Published totals (omitted for stress parks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Figures>,
    /// The city's hubs a site's distances are given to.
    pub hubs: Vec<Hub>,
    /// The (illustrative) investment-promotion office.
    pub contact: Contact,
    /// The layers, drawn in this order.
    pub layers: Vec<Layer>,
}
