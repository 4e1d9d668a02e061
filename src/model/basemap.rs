//! The optional raster basemap under the map: its tile URL template, who to credit, the tiles'
//! highest zoom and the coordinate system they draw in. It comes from `?tiles=` (with
//! `tiles_attr=` and `tiles_crs=`) or from the manifest's `basemap` object; the URL wins. Without
//! either there is no basemap at all: no request, no element.
//!
//! With a GCJ-02 basemap (Amap, Tencent) the park is *drawn* shifted into GCJ-02
//! ([`Layer::draw_for`]): the `map` points of every feature, which only ever serve drawing, move;
//! the WGS84 positions (`pos`, `rings`, `parts`) that routes, exports and the URL use do not.
//!
//! ```
//! use parkmap::geo::tiles::TileCrs;
//! use parkmap::model::basemap::Basemap;
//! let b = Basemap::new("https://{s}.tile.example.org/{z}/{x}/{y}.png", &[], Some("© Example"), TileCrs::Wgs84, None)
//!     .unwrap();
//! assert_eq!(b.attribution.as_deref(), Some("© Example"));
//! assert!(Basemap::new("javascript:{z}{x}{y}", &[], None, TileCrs::Wgs84, None).is_err());
//! ```

use super::{ContextShape, Layer};
use crate::geo::tiles::{TemplateError, TileCrs, TileTemplate, MAX_TILE_ZOOM};
use crate::geo::{MapBounds, MapPoint};
use thiserror::Error;

/// Subdomains `{s}` takes when none are given (Leaflet's default).
pub const DEFAULT_SUBDOMAINS: [&str; 3] = ["a", "b", "c"];
/// Highest tile zoom requested when none is given: most providers serve 0–18 (beyond it the
/// zoom-18 tiles are scaled up).
pub const DEFAULT_TILE_MAX_ZOOM: u8 = 18;
/// Longest tile URL template accepted.
pub const MAX_TEMPLATE_CHARS: usize = 2048;
/// Longest attribution kept (the rest is cut, with an ellipsis).
pub const MAX_ATTRIBUTION_CHARS: usize = 300;

/// Why a basemap cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BasemapError {
    /// Not an absolute `http:` or `https:` URL (a `javascript:` or `data:` template, a relative path).
    #[error("{template:?}: the tile URL must start with https:// (or http://)")]
    Scheme {
        /// The template as given.
        template: String,
    },
    /// Longer than [`MAX_TEMPLATE_CHARS`].
    #[error("the tile URL is longer than {MAX_TEMPLATE_CHARS} characters")]
    TooLong,
    /// Spaces, quotes or control characters: not a URL.
    #[error("{template:?}: the tile URL contains spaces, quotes or control characters")]
    Characters {
        /// The template as given.
        template: String,
    },
    /// The placeholders are wrong (see [`TileTemplate::new`]).
    #[error(transparent)]
    Template(#[from] TemplateError),
}

/// A checked basemap.
#[derive(Clone, Debug, PartialEq)]
pub struct Basemap {
    /// The template as given (written back to the URL and the embed snippet).
    pub tiles: String,
    /// The checked template with its subdomains.
    pub template: TileTemplate,
    /// Credit line for the tiles, plain text (never read as HTML).
    pub attribution: Option<String>,
    /// What the tiles are drawn in.
    pub crs: TileCrs,
    /// Highest tile zoom the source has.
    pub max_zoom: u8,
}

impl Basemap {
    /// Checks a basemap: `tiles` must be an absolute http(s) URL template with `{z}`, `{x}`, `{y}`
    /// (see [`TileTemplate::new`]); `subdomains` default to [`DEFAULT_SUBDOMAINS`], `max_zoom` to
    /// [`DEFAULT_TILE_MAX_ZOOM`]; the attribution is cleaned by [`clean_attribution`].
    pub fn new(
        tiles: &str,
        subdomains: &[&str],
        attribution: Option<&str>,
        crs: TileCrs,
        max_zoom: Option<u8>,
    ) -> Result<Basemap, BasemapError> {
        let tiles = tiles.trim();
        if tiles.chars().count() > MAX_TEMPLATE_CHARS {
            return Err(BasemapError::TooLong);
        }
        let lower = tiles.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || tiles.len() <= "https://".len()
        {
            return Err(BasemapError::Scheme { template: tiles.into() });
        }
        if tiles.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>')) {
            return Err(BasemapError::Characters { template: tiles.into() });
        }
        let subdomains = if subdomains.is_empty() { &DEFAULT_SUBDOMAINS[..] } else { subdomains };
        Ok(Basemap {
            tiles: tiles.into(),
            template: TileTemplate::new(tiles, subdomains)?,
            attribution: attribution.map(clean_attribution).filter(|a| !a.is_empty()),
            crs,
            max_zoom: max_zoom.unwrap_or(DEFAULT_TILE_MAX_ZOOM).min(MAX_TILE_ZOOM),
        })
    }

    /// The credit line for the tiles: the attribution, or else the tile server's host name (so the
    /// provider is always named).
    ///
    /// ```
    /// use parkmap::geo::tiles::TileCrs;
    /// use parkmap::model::basemap::Basemap;
    /// let b = Basemap::new("https://{s}.tile.example.org:8080/{z}/{x}/{y}.png", &[], None, TileCrs::Wgs84, None);
    /// assert_eq!(b.unwrap().credit(), "tile.example.org");
    /// ```
    pub fn credit(&self) -> String {
        if let Some(a) = &self.attribution {
            return a.clone();
        }
        let rest = self.tiles.split_once("://").map_or(self.tiles.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next().unwrap_or_default();
        host.replace("{s}.", "")
    }
}

/// An attribution as plain text on one line: control characters become spaces, runs of spaces
/// one, and it is cut at [`MAX_ATTRIBUTION_CHARS`]. Markup stays literal text (the UI never
/// parses it).
///
/// ```
/// use parkmap::model::basemap::clean_attribution;
/// assert_eq!(clean_attribution(" © <b>OSM</b>\n contributors "), "© <b>OSM</b> contributors");
/// ```
pub fn clean_attribution(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= MAX_ATTRIBUTION_CHARS {
        joined
    } else {
        joined.chars().take(MAX_ATTRIBUTION_CHARS - 1).chain(['…']).collect()
    }
}

impl Layer {
    /// Moves where this layer's features are *drawn* (their Web Mercator `map` points) to sit on
    /// tiles in `crs`; the WGS84 positions stay as they are. The identity for [`TileCrs::Wgs84`].
    pub fn draw_for(&mut self, crs: TileCrs) {
        if crs == TileCrs::Wgs84 {
            return;
        }
        let f = |p: &mut MapPoint| *p = crs.draw_map(*p);
        let lines = |ls: &mut Vec<Vec<MapPoint>>| ls.iter_mut().flatten().for_each(f);
        match self {
            Layer::Context(v) => v.iter_mut().for_each(|c| match &mut c.shape {
                ContextShape::Polygons(p) => p.iter_mut().for_each(lines),
                ContextShape::Lines(l) => lines(l),
            }),
            Layer::Zones(v) => v.iter_mut().for_each(|z| {
                z.polygons.iter_mut().for_each(|p| lines(&mut p.map_rings));
                f(&mut z.label);
            }),
            Layer::Trails(v) => v.iter_mut().for_each(|t| lines(&mut t.map_parts)),
            Layer::Pois(v) => v.iter_mut().for_each(|p| f(&mut p.map)),
            Layer::Companies(v) => v.iter_mut().for_each(|c| f(&mut c.map)),
            Layer::Sites(v) => v.iter_mut().for_each(|s| {
                f(&mut s.map);
                match &mut s.geom {
                    super::SiteGeom::Parcel(polys) => polys.iter_mut().for_each(|p| lines(&mut p.map_rings)),
                    super::SiteGeom::Space { map, .. } => f(map),
                }
            }),
        }
    }
}

/// `bounds` as drawn on tiles in `crs`: its corners moved (the shift changes by a few metres per
/// kilometre, so the moved box still holds what it held, give or take a few metres).
pub fn bounds_for(bounds: MapBounds, crs: TileCrs) -> MapBounds {
    MapBounds { min: crs.draw_map(bounds.min), max: crs.draw_map(bounds.max) }
}

#[cfg(test)]
#[path = "basemap_tests.rs"]
mod tests;
