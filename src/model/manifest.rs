//! The park manifest (`park.json`): names, bounds, provenance, published figures and the layer list.
//! The types only; `read::manifest` reads them from the file.

use super::{LayerKind, Text};
use crate::geo::MapBounds;

/// A layer entry of the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerRef {
    /// Unique id.
    pub id: String,
    /// What the layer holds.
    pub kind: LayerKind,
    /// URL as written (relative to the manifest, or https).
    pub url: String,
}

/// Published totals the data must reproduce (checked by the validator).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figures {
    /// Number of registered companies.
    pub companies: Option<u64>,
    /// Sum of registered capital, yuan.
    pub registered_capital_yuan: Option<u64>,
    /// Greenway length, km (± 1 %).
    pub greenway_km: Option<f64>,
    /// Waterfront length, km (± 1 %).
    pub waterfront_km: Option<f64>,
    /// Planned area, km² (± 2 %).
    pub area_km2: Option<f64>,
    /// Date the park agreement was signed (ISO 8601).
    pub signed: Option<String>,
}

/// A parsed manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    /// Park id.
    pub id: String,
    /// Park name.
    pub name: Text,
    /// A short name for narrow screens (the header on a phone); `None`: the name.
    pub short_name: Option<Text>,
    /// `[west, south, east, north]` in degrees.
    pub bounds_deg: [f64; 4],
    /// The same box in map metres.
    pub bounds: MapBounds,
    /// Attribution line.
    pub attribution: Text,
    /// Where the data comes from and what is illustrative.
    pub provenance: Text,
    /// Published figures, when declared.
    pub figures: Option<Figures>,
    /// Origins allowed to drive an embed.
    pub origins: Vec<String>,
    /// `junction_tolerance_m` (0–50): how far a trail's end may lie from another trail and still be
    /// joined to it in the route network; `None` for the default, 3 m.
    pub junction_tolerance_m: Option<f64>,
    /// Layers, in drawing order of the file.
    pub layers: Vec<LayerRef>,
    /// A raster basemap to draw under the park (`?tiles=` replaces it); a bad one is reported and
    /// left out.
    pub basemap: Option<super::Basemap>,
}
