//! Raster basemap tiles (XYZ, 256 px, Web Mercator) under the SVG map: which tiles cover a view,
//! where each one goes on screen, and what URL it has.
//!
//! Tiles are fetched at the integer zoom `z = round(view.zoom)` (clamped to the source's maximum)
//! and drawn scaled by `2^(view.zoom − z)`, so at a fractional zoom they are between 0.71× and
//! 1.41× their natural size and text on them stays readable. Each tile's screen box is computed
//! from its corner [`MapPoint`]s with the view's own [`Viewport::map_to_screen`], so tile pixels line
//! up with the SVG drawn in Web Mercator exactly (to float rounding), at every zoom.
//!
//! Columns wrap at the antimeridian (column −1 is column `2^z − 1` of the URL, drawn to the west);
//! rows outside `0..2^z` do not exist and are never returned.
//!
//! China's map providers (Amap, Tencent, Google's China tiles) draw in GCJ-02: see [`TileCrs`].
//!
//! ```
//! use parkmap::geo::tiles::{tiles_in_view, TileTemplate};
//! use parkmap::geo::{LonLat, Viewport};
//! let view = Viewport::new(LonLat::lon_lat(126.53, 45.84).to_map(), 14.3, 800.0, 600.0);
//! let osm = TileTemplate::new("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png", &["a", "b", "c"]).unwrap();
//! let tiles = tiles_in_view(&view, 18, 1);
//! assert!(tiles.iter().all(|t| t.tile.z == 14));
//! let url = osm.url(tiles[0].tile, false);
//! assert!(url.starts_with("https://") && url.contains("/14/"));
//! ```

use std::f64::consts::PI;

use super::china::{gcj02_to_wgs84, wgs84_to_gcj02};
use super::{LonLat, MapPoint, ScreenPoint, ScreenRect, Viewport, EARTH_RADIUS_M};

/// Natural size of a tile in CSS pixels.
pub const TILE_PX: f64 = 256.0;
/// Highest tile zoom this module computes (indices stay well inside `u32`).
pub const MAX_TILE_ZOOM: u8 = 24;
/// Most tiles [`tiles_in_view`] returns: beyond that (an absurdly wide element, or a view zoomed
/// far below the source's range) the tiles nearest the centre are kept.
pub const MAX_TILES: usize = 512;

/// Half the Web Mercator world's width, in metres (x runs from −this to +this).
const HALF_WORLD_M: f64 = PI * EARTH_RADIUS_M;

/// One tile of the XYZ scheme (OpenStreetMap's: row 0 at the top, column 0 at 180° W).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    /// Zoom level: the world is `2^z × 2^z` tiles.
    pub z: u8,
    /// Column, `0..2^z`, west to east.
    pub x: u32,
    /// Row, `0..2^z`, north to south.
    pub y: u32,
}

/// A tile to draw: which one, and the screen box its image fills.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedTile {
    /// The tile to fetch (column wrapped into `0..2^z`).
    pub tile: TileId,
    /// The column before wrapping: differs from `tile.x` for a copy of the world east or west.
    pub column: i64,
    /// Where the image goes, in CSS pixels (`256 · 2^(zoom − z)` square).
    pub rect: ScreenRect,
}

impl PlacedTile {
    /// A key for keyed lists, unique among one view's tiles (two copies of a tile differ in it).
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.tile.z, self.column, self.tile.y)
    }
}

/// Size of a tile at zoom `z`, in Web Mercator metres.
pub fn tile_size_m(z: u8) -> f64 {
    2.0 * HALF_WORLD_M / 2f64.powi(i32::from(z.min(MAX_TILE_ZOOM)))
}

/// The north-west (top-left) corner of the tile in `column` (not wrapped) and `row` at zoom `z`.
///
/// ```
/// use parkmap::geo::tiles::tile_corner;
/// let nw = tile_corner(0, 0, 0);
/// assert!((nw.x + 20_037_508.342_789).abs() < 1e-3 && (nw.y - 20_037_508.342_789).abs() < 1e-3);
/// ```
pub fn tile_corner(z: u8, column: i64, row: i64) -> MapPoint {
    let size = tile_size_m(z);
    MapPoint::new(-HALF_WORLD_M + column as f64 * size, HALF_WORLD_M - row as f64 * size)
}

/// The tile zoom a view uses: its zoom rounded to the nearest integer, within `0..=max_zoom`
/// (and [`MAX_TILE_ZOOM`]).
pub fn tile_zoom(view: &Viewport, max_zoom: u8) -> u8 {
    let top = f64::from(max_zoom.min(MAX_TILE_ZOOM));
    let z = view.zoom.round();
    if z.is_finite() {
        z.clamp(0.0, top) as u8
    } else {
        max_zoom.min(MAX_TILE_ZOOM)
    }
}

/// The tiles covering `view`, plus `margin` more tiles on every side (so a drag shows no gaps
/// while new tiles load), nearest the view's centre first. Rows beyond the poles are left out;
/// columns wrap round the antimeridian. At most [`MAX_TILES`].
///
/// # Complexity
/// O(t log t) for the t tiles returned (a few dozen on a phone or a laptop).
pub fn tiles_in_view(view: &Viewport, max_zoom: u8, margin: u32) -> Vec<PlacedTile> {
    let z = tile_zoom(view, max_zoom);
    let size = tile_size_m(z);
    let n = 1i64 << z;
    let margin = i64::from(margin.min(16));
    let top_left = view.screen_to_map(ScreenPoint::new(0.0, 0.0));
    let bottom_right = view.screen_to_map(ScreenPoint::new(view.width, view.height));
    let col = |x: f64| ((x + HALF_WORLD_M) / size).floor();
    let row = |y: f64| ((HALF_WORLD_M - y) / size).floor();
    // A view is finite by construction; the clamps only bound the loops.
    let span = MAX_TILES as f64;
    let (centre_col, centre_row) = (col(view.center.x), row(view.center.y));
    let c0 = col(top_left.x).max(centre_col - span) as i64 - margin;
    let c1 = col(bottom_right.x).min(centre_col + span) as i64 + margin;
    let r0 = (row(top_left.y).max(centre_row - span).max(-1.0) as i64 - margin).max(0);
    let r1 = (row(bottom_right.y).min(centre_row + span).min(n as f64) as i64 + margin).min(n - 1);
    let centre = ScreenPoint::new(view.width / 2.0, view.height / 2.0);
    let mut out = Vec::new();
    for r in r0..=r1 {
        for c in c0..=c1 {
            let rect = ScreenRect::new(
                view.map_to_screen(tile_corner(z, c, r)),
                view.map_to_screen(tile_corner(z, c + 1, r + 1)),
            );
            let tile = TileId { z, x: c.rem_euclid(n) as u32, y: r as u32 };
            out.push(PlacedTile { tile, column: c, rect });
        }
    }
    let dist = |t: &PlacedTile| t.rect.center().distance(centre);
    crate::sort::sort_by(&mut out, |a, b| {
        dist(a).total_cmp(&dist(b)).then(a.tile.y.cmp(&b.tile.y)).then(a.column.cmp(&b.column))
    });
    out.truncate(MAX_TILES);
    out
}

/// What is wrong with a tile URL template.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// One of `{z}`, `{x}`, `{y}` (or `{-y}`) is missing: every tile would load the same image.
    #[error("tile URL template {template:?} has no {placeholder}")]
    Missing {
        /// The template as given.
        template: String,
        /// The placeholder it lacks.
        placeholder: &'static str,
    },
    /// `{s}` is used but no subdomains were given.
    #[error("tile URL template {template:?} uses {{s}} but no subdomains are given")]
    NoSubdomains {
        /// The template as given.
        template: String,
    },
    /// A `{…}` this module does not know (a typo, or another library's extension).
    #[error("tile URL template {template:?} has an unknown placeholder {placeholder:?}")]
    Unknown {
        /// The template as given.
        template: String,
        /// The unknown placeholder, braces included.
        placeholder: String,
    },
}

/// The placeholders [`expand`] knows.
const KNOWN: [&str; 6] = ["{z}", "{x}", "{y}", "{-y}", "{s}", "{r}"];

/// Expands an XYZ URL template for `tile`, as Leaflet does: `{z}`, `{x}`, `{y}`, `{-y}` (TMS row,
/// counted from the south), `{s}` (one of `subdomains`, chosen by `(x + y) mod n` so a tile always
/// comes from the same host and the browser cache works) and `{r}` (`@2x` when `retina`, else
/// nothing). Unknown placeholders are left as they are; [`TileTemplate::new`] rejects them.
///
/// ```
/// use parkmap::geo::tiles::{expand, TileId};
/// let t = TileId { z: 14, x: 14_143, y: 5_807 };
/// assert_eq!(
///     expand("https://{s}.example.org/{z}/{x}/{y}{r}.png", t, &["a", "b", "c"], true),
///     "https://a.example.org/14/14143/5807@2x.png" // (14143 + 5807) mod 3 = 0
/// );
/// assert_eq!(expand("/tms/{z}/{x}/{-y}.png", t, &[], false), "/tms/14/14143/10576.png");
/// ```
pub fn expand(template: &str, tile: TileId, subdomains: &[&str], retina: bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let Some(close) = tail.find('}') else { break };
        let token = &tail[..=close];
        match token {
            "{z}" => out.push_str(&tile.z.to_string()),
            "{x}" => out.push_str(&tile.x.to_string()),
            "{y}" => out.push_str(&tile.y.to_string()),
            "{-y}" => {
                let n = 1u64 << tile.z.min(MAX_TILE_ZOOM);
                out.push_str(&(n - 1).saturating_sub(u64::from(tile.y)).to_string())
            }
            "{s}" if !subdomains.is_empty() => {
                let i = (u64::from(tile.x) + u64::from(tile.y)) % subdomains.len() as u64;
                out.push_str(subdomains[i as usize]);
            }
            "{r}" => out.push_str(if retina { "@2x" } else { "" }),
            other => out.push_str(other),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A checked XYZ URL template with its subdomains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileTemplate {
    template: String,
    subdomains: Vec<String>,
}

impl TileTemplate {
    /// Checks `template`: it must have `{z}`, `{x}` and `{y}` (or `{-y}`), subdomains if it uses
    /// `{s}`, and no placeholder [`expand`] does not know.
    ///
    /// ```
    /// use parkmap::geo::tiles::{TemplateError, TileTemplate};
    /// assert!(TileTemplate::new("https://t.example/{z}/{x}/{y}.png", &[]).is_ok());
    /// assert!(matches!(
    ///     TileTemplate::new("https://{s}.t.example/{z}/{x}/{y}.png", &[]),
    ///     Err(TemplateError::NoSubdomains { .. })
    /// ));
    /// ```
    pub fn new(template: &str, subdomains: &[&str]) -> Result<Self, TemplateError> {
        for placeholder in ["{z}", "{x}"] {
            if !template.contains(placeholder) {
                return Err(TemplateError::Missing { template: template.into(), placeholder });
            }
        }
        if !template.contains("{y}") && !template.contains("{-y}") {
            return Err(TemplateError::Missing { template: template.into(), placeholder: "{y}" });
        }
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let tail = &rest[open..];
            let token = tail.find('}').map_or(tail, |close| &tail[..=close]);
            if !KNOWN.contains(&token) {
                return Err(TemplateError::Unknown { template: template.into(), placeholder: token.into() });
            }
            rest = &tail[token.len()..];
        }
        if template.contains("{s}") && subdomains.is_empty() {
            return Err(TemplateError::NoSubdomains { template: template.into() });
        }
        Ok(Self { template: template.into(), subdomains: subdomains.iter().map(|s| (*s).into()).collect() })
    }

    /// The URL of `tile` (see [`expand`]).
    pub fn url(&self, tile: TileId, retina: bool) -> String {
        let subs: Vec<&str> = self.subdomains.iter().map(String::as_str).collect();
        expand(&self.template, tile, &subs, retina)
    }
}

/// The coordinate system a tile source draws in. Web Mercator either way; GCJ-02 tiles show
/// everything shifted by China's offset (a few hundred metres near the park).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TileCrs {
    /// OpenStreetMap and most of the world: WGS84, no shift.
    #[default]
    Wgs84,
    /// Amap (Gaode), Tencent, Google's China tiles.
    Gcj02,
}

impl TileCrs {
    /// Where a WGS84 position must be drawn to sit on the right spot of these tiles. For drawing
    /// only: data, measurements, routes and exports stay in WGS84.
    ///
    /// ```
    /// use parkmap::geo::tiles::TileCrs;
    /// use parkmap::geo::{measure::distance_m, LonLat};
    /// let p = LonLat::lon_lat(126.53, 45.857);
    /// assert_eq!(TileCrs::Wgs84.draw_lon_lat(p), p);
    /// assert!(distance_m(TileCrs::Gcj02.draw_lon_lat(p), p) > 300.0);
    /// ```
    pub fn draw_lon_lat(self, p: LonLat) -> LonLat {
        match self {
            TileCrs::Wgs84 => p,
            TileCrs::Gcj02 => wgs84_to_gcj02(p),
        }
    }

    /// [`Self::draw_lon_lat`] for a Web Mercator point (projected back, shifted, projected again).
    pub fn draw_map(self, p: MapPoint) -> MapPoint {
        match self {
            TileCrs::Wgs84 => p,
            TileCrs::Gcj02 => wgs84_to_gcj02(p.to_lon_lat()).to_map(),
        }
    }

    /// The inverse of [`Self::draw_map`]: the WGS84 position drawn at map point `p` (a click, the
    /// view's centre written to `#map=`). Within a centimetre of the position drawn.
    ///
    /// ```
    /// use parkmap::geo::tiles::TileCrs;
    /// use parkmap::geo::{measure::distance_m, LonLat};
    /// let p = LonLat::lon_lat(126.53, 45.857);
    /// let drawn = TileCrs::Gcj02.draw_map(p.to_map());
    /// assert!(distance_m(TileCrs::Gcj02.undraw_map(drawn), p) < 0.01);
    /// ```
    pub fn undraw_map(self, p: MapPoint) -> LonLat {
        match self {
            TileCrs::Wgs84 => p.to_lon_lat(),
            TileCrs::Gcj02 => gcj02_to_wgs84(p.to_lon_lat()),
        }
    }

    /// The key used in `?tiles_crs=` and the manifest: `wgs84` or `gcj02`.
    pub fn key(self) -> &'static str {
        match self {
            TileCrs::Wgs84 => "wgs84",
            TileCrs::Gcj02 => "gcj02",
        }
    }

    /// The CRS with that key (ASCII case ignored).
    pub fn from_key(key: &str) -> Option<Self> {
        [TileCrs::Wgs84, TileCrs::Gcj02].into_iter().find(|c| c.key().eq_ignore_ascii_case(key))
    }

    /// The shift [`Self::draw_map`] applies at `p`, in Web Mercator metres (about 500–800 near the
    /// park). It varies slowly (some 40 m across the park), so moving the *tiles* by minus the shift
    /// at the view's centre, and leaving the data alone, is off by at most about 0.5 % of the
    /// distance from the centre in pixels (3–4 px at the corners of a 1366 × 800 view, at any zoom);
    /// [`Self::draw_map`] on the data is exact.
    pub fn shift_at(self, p: MapPoint) -> MapPoint {
        let q = self.draw_map(p);
        MapPoint::new(q.x - p.x, q.y - p.y)
    }
}

#[cfg(test)]
#[path = "tiles_tests.rs"]
mod tests;
