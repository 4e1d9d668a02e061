//! Coordinate spaces and map math. Pure: no DOM, tested natively.
//!
//! Three spaces, never mixed up by a bare tuple:
//! - [`LonLat`]: WGS84 degrees, as in GeoJSON (converted once, at parse time);
//! - [`MapPoint`]: Web Mercator (EPSG:3857) metres, y pointing north;
//! - [`ScreenPoint`]: CSS pixels inside the map element, y pointing down.

pub mod china;
pub mod fit;
pub mod focus;
pub mod gesture;
pub mod measure;
pub mod rect;
pub mod svg;
pub mod tiles;
pub mod viewport;

pub use rect::ScreenRect;
pub use viewport::Viewport;

/// WGS84 equatorial radius used by Web Mercator, in metres.
pub const EARTH_RADIUS_M: f64 = 6_378_137.0;
/// Latitude limit of Web Mercator, in degrees.
pub const MAX_MERCATOR_LAT: f64 = 85.051_128_779_806_59;

/// A WGS84 position in degrees (longitude first, as GeoJSON writes it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive.
    pub lat: f64,
}

/// A Web Mercator position in metres (x east, y north).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct MapPoint {
    /// Metres east of the prime meridian (at the equator's scale).
    pub x: f64,
    /// Metres north of the equator (at the equator's scale).
    pub y: f64,
}

/// A position in CSS pixels relative to the map element's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ScreenPoint {
    /// Pixels from the left edge.
    pub x: f64,
    /// Pixels from the top edge.
    pub y: f64,
}

impl LonLat {
    /// Builds a position from longitude and latitude, in that order. The name says the order,
    /// which is the point of it (GeoJSON is lon-lat, most people say lat-lon).
    #[allow(clippy::self_named_constructors)]
    pub const fn lon_lat(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// Projects to Web Mercator metres. Latitudes beyond ±85.05° are clamped, as every web map does.
    ///
    /// ```
    /// use parkmap::geo::LonLat;
    /// let p = LonLat::lon_lat(0.0, 0.0).to_map();
    /// assert!(p.x.abs() < 1e-9 && p.y.abs() < 1e-9);
    /// ```
    pub fn to_map(self) -> MapPoint {
        let lat = self.lat.clamp(-MAX_MERCATOR_LAT, MAX_MERCATOR_LAT).to_radians();
        MapPoint {
            x: EARTH_RADIUS_M * self.lon.to_radians(),
            y: EARTH_RADIUS_M * (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln(),
        }
    }

    /// True when both parts are finite and within ±180° / ±90°.
    pub fn is_valid(self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-90.0..=90.0).contains(&self.lat)
    }
}

impl MapPoint {
    /// Builds a map point from metres east and north.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Inverse of [`LonLat::to_map`].
    pub fn to_lon_lat(self) -> LonLat {
        LonLat {
            lon: (self.x / EARTH_RADIUS_M).to_degrees(),
            lat: (2.0 * (self.y / EARTH_RADIUS_M).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
        }
    }
}

impl ScreenPoint {
    /// Builds a screen point from pixels right and down.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Distance to another screen point, in pixels.
    pub fn distance(self, other: ScreenPoint) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// The point halfway to `other`.
    pub fn midpoint(self, other: ScreenPoint) -> ScreenPoint {
        ScreenPoint::new((self.x + other.x) / 2.0, (self.y + other.y) / 2.0)
    }
}

/// An axis-aligned box in Web Mercator metres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapBounds {
    /// South-west corner (smallest x and y).
    pub min: MapPoint,
    /// North-east corner (largest x and y).
    pub max: MapPoint,
}

impl MapBounds {
    /// The box spanning `[west, south, east, north]` degrees.
    pub fn from_lon_lat(west: f64, south: f64, east: f64, north: f64) -> Self {
        Self { min: LonLat::lon_lat(west, south).to_map(), max: LonLat::lon_lat(east, north).to_map() }
    }

    /// The smallest box holding every point, or `None` for no points.
    pub fn around(points: impl IntoIterator<Item = MapPoint>) -> Option<Self> {
        let mut it = points.into_iter();
        let first = it.next()?;
        Some(it.fold(Self { min: first, max: first }, |b, p| b.extend(p)))
    }

    /// This box grown to hold `p`.
    pub fn extend(self, p: MapPoint) -> Self {
        Self {
            min: MapPoint::new(self.min.x.min(p.x), self.min.y.min(p.y)),
            max: MapPoint::new(self.max.x.max(p.x), self.max.y.max(p.y)),
        }
    }

    /// Width in metres.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// Height in metres.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    /// The centre point.
    pub fn center(&self) -> MapPoint {
        MapPoint::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }

    /// True when `p` lies inside or on the edge.
    pub fn contains(&self, p: MapPoint) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_within_a_micro_degree() {
        for &(lon, lat) in &[(126.52, 45.84), (-73.98, 40.75), (0.0, 0.0), (179.9, -60.0)] {
            let back = LonLat::lon_lat(lon, lat).to_map().to_lon_lat();
            assert!((back.lon - lon).abs() < 1e-9, "lon {lon} -> {}", back.lon);
            assert!((back.lat - lat).abs() < 1e-9, "lat {lat} -> {}", back.lat);
        }
    }

    #[test]
    fn projection_matches_known_epsg3857_values() {
        // 180° east is half the equator: pi * R.
        let p = LonLat::lon_lat(180.0, 0.0).to_map();
        assert!((p.x - 20_037_508.342_789_244).abs() < 1e-6);
        let top = LonLat::lon_lat(0.0, MAX_MERCATOR_LAT).to_map();
        assert!((top.y - 20_037_508.342_789_244).abs() < 1e-3);
    }

    #[test]
    fn invalid_positions_are_detected() {
        assert!(!LonLat::lon_lat(f64::NAN, 0.0).is_valid());
        assert!(!LonLat::lon_lat(0.0, 91.0).is_valid());
        assert!(!LonLat::lon_lat(181.0, 0.0).is_valid());
        assert!(LonLat::lon_lat(126.5, 45.8).is_valid());
    }

    #[test]
    fn bounds_around_points_hold_them_all() {
        let pts = [MapPoint::new(1.0, 5.0), MapPoint::new(-2.0, 3.0), MapPoint::new(4.0, -1.0)];
        let b = MapBounds::around(pts).unwrap();
        assert_eq!(b.min, MapPoint::new(-2.0, -1.0));
        assert_eq!(b.max, MapPoint::new(4.0, 5.0));
        assert!(pts.iter().all(|&p| b.contains(p)));
        assert!(MapBounds::around(std::iter::empty()).is_none());
    }
}
