//! Geodesic measures on WGS84 through the `geo` crate (Karney's algorithm), never hand-written formulas.

use super::LonLat;
use geo::orient::{Direction, Orient};
use geo::{Contains, Distance, Geodesic, GeodesicArea, InteriorPoint, Length};

fn line_string(points: &[LonLat]) -> geo::LineString<f64> {
    points.iter().map(|p| geo::coord! { x: p.lon, y: p.lat }).collect()
}

/// A polygon as rings of WGS84 positions: the first ring is the outer boundary, the rest are holes.
pub fn to_geo_polygon(rings: &[Vec<LonLat>]) -> geo::Polygon<f64> {
    let mut it = rings.iter();
    let outer = it.next().map(|r| line_string(r)).unwrap_or_else(|| geo::LineString::new(vec![]));
    geo::Polygon::new(outer, it.map(|r| line_string(r)).collect())
}

/// Geodesic length of a polyline in metres.
///
/// ```
/// use parkmap::geo::{LonLat, measure::length_m};
/// // one degree of longitude on the equator is 111.319 km on WGS84
/// let d = length_m(&[LonLat::lon_lat(0.0, 0.0), LonLat::lon_lat(1.0, 0.0)]);
/// assert!((d - 111_319.49).abs() < 1.0);
/// ```
pub fn length_m(points: &[LonLat]) -> f64 {
    Geodesic.length(&line_string(points))
}

/// Geodesic distance between two positions in metres.
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    Geodesic.distance(geo::Point::new(a.lon, a.lat), geo::Point::new(b.lon, b.lat))
}

/// Geodesic area of a polygon (outer ring minus holes) in square metres, whatever the winding:
/// the rings are oriented first, since a clockwise outer ring would otherwise measure the rest of the
/// globe.
pub fn area_m2(rings: &[Vec<LonLat>]) -> f64 {
    to_geo_polygon(rings).orient(Direction::Default).geodesic_area_unsigned()
}

/// A point guaranteed inside the polygon (for labels), or `None` for an empty one.
pub fn interior_point(rings: &[Vec<LonLat>]) -> Option<LonLat> {
    to_geo_polygon(rings).interior_point().map(|p| LonLat::lon_lat(p.x(), p.y()))
}

/// True when `p` lies inside the polygon (not in a hole). Planar test in degrees, which is what
/// GeoJSON's own semantics (RFC 7946 §3.1.1: straight lines in lon-lat) ask for.
pub fn polygon_contains(rings: &[Vec<LonLat>], p: LonLat) -> bool {
    to_geo_polygon(rings).contains(&geo::Point::new(p.lon, p.lat))
}

/// Signed planar area of a ring in square degrees: positive when counter-clockwise (RFC 7946's
/// required winding for outer rings), negative when clockwise.
pub fn ring_signed_area_deg2(ring: &[LonLat]) -> f64 {
    ring.windows(2).map(|w| w[0].lon * w[1].lat - w[1].lon * w[0].lat).sum::<f64>() / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geodesic_length_of_a_known_segment_within_a_tenth_of_a_percent() {
        // Harbin: Central Street (45.773 N, 126.617 E) to Harbin Grand Theatre (45.8028 N, 126.5731 E).
        // Reference: GeographicLib (Python) Geodesic.WGS84.Inverse gives 4 756.40 m.
        let d = length_m(&[LonLat::lon_lat(126.617, 45.773), LonLat::lon_lat(126.5731, 45.8028)]);
        assert!((d - 4756.40).abs() / 4756.40 < 0.001, "{d}");
        // Meridian arc: one degree of latitude from 45 to 46 N is 111 141.5 m on WGS84.
        let m = length_m(&[LonLat::lon_lat(126.5, 45.0), LonLat::lon_lat(126.5, 46.0)]);
        assert!((m - 111_141.5).abs() / 111_141.5 < 0.001, "{m}");
    }

    #[test]
    fn area_ignores_winding_and_subtracts_holes() {
        let sq = |lon0: f64, lat0: f64, d: f64| {
            vec![
                LonLat::lon_lat(lon0, lat0),
                LonLat::lon_lat(lon0 + d, lat0),
                LonLat::lon_lat(lon0 + d, lat0 + d),
                LonLat::lon_lat(lon0, lat0 + d),
                LonLat::lon_lat(lon0, lat0),
            ]
        };
        let outer = sq(126.5, 45.8, 0.01);
        let mut reversed = outer.clone();
        reversed.reverse();
        let a = area_m2(std::slice::from_ref(&outer));
        let r = area_m2(&[reversed]);
        assert!((a - r).abs() / a < 1e-9, "{a} vs {r}");
        // 0.01° x 0.01° at 45.8 N: about 1111.9 m x 776.3 m
        assert!((a - 863_200.0).abs() / 863_200.0 < 0.005, "{a}");
        let holed = area_m2(&[outer.clone(), sq(126.502, 45.802, 0.002)]);
        assert!(holed < a * 0.97);
        assert!(ring_signed_area_deg2(&outer) > 0.0);
        assert!(polygon_contains(std::slice::from_ref(&outer), LonLat::lon_lat(126.505, 45.805)));
        assert!(!polygon_contains(&[outer], LonLat::lon_lat(126.6, 45.805)));
    }
}
