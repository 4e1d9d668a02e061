//! The lenient reader: the manifest and GeoJSON layer files → the park's typed model
//! ([`crate::model`]), every problem located, every default noted. Depends on the model, never the
//! reverse. Pure: no DOM.

mod basemap;
mod features;
mod geometry;
mod hubs;
mod intern;
mod lenient;
mod limits;
mod manifest;
mod parse;
mod props;
mod raw;
mod raw_geometry;
mod raw_props;
mod site;

pub use basemap::parse_manifest_basemap;
pub use hubs::{check_email, check_phone, MAX_HUBS};
pub use limits::{
    MAX_CAPITAL_YUAN, MAX_FEATURES, MAX_HEIGHT_M, MAX_LAYERS, MAX_LAYER_BYTES, MAX_MANIFEST_BYTES,
    MAX_PLOT_RATIO, MAX_PRICE_YUAN_M2, MAX_SITE_AREA_M2, MAX_TEXT_CHARS, MAX_UTILITY, MAX_VERTICES,
};
pub use manifest::{parse_manifest, parse_map_manifest, read_investors};
pub use parse::{empty_layer, parse_layer, parse_layer_indexed, parse_map_layer, LayerParse};
