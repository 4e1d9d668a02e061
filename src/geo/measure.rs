//! Geodesic measures on WGS84 through the `geo` crate (Karney's algorithm), never hand-written
//! formulas; and a label point inside a polygon.

use super::LonLat;
use geo::coordinate_position::CoordPos;
use geo::orient::{Direction, Orient};
use geo::{
    BoundingRect, Contains, CoordinatePosition, CoordsIter, Distance, Geodesic, GeodesicArea, Length,
    LinesIter,
};

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

/// Area of a polygon in the Web Mercator plane (outer ring minus holes, any winding), in square map
/// metres: not a ground area (Mercator grows areas by 1 / cos² of the latitude), but it ranks
/// polygons of one park the way their ground areas do, without geodesy — for choosing which of a
/// zone's polygons carries its label, and which label matters more.
///
/// ```
/// use parkmap::geo::{MapPoint, measure::map_area};
/// let square = |x: f64, s: f64| vec![MapPoint::new(x, 0.0), MapPoint::new(x + s, 0.0),
///     MapPoint::new(x + s, s), MapPoint::new(x, s), MapPoint::new(x, 0.0)];
/// let mut ring = square(0.0, 10.0);
/// ring.reverse(); // any winding
/// assert_eq!(map_area(&[ring, square(2.0, 3.0)]), 100.0 - 9.0);
/// ```
pub fn map_area(rings: &[Vec<super::MapPoint>]) -> f64 {
    let ring_area = |r: &Vec<super::MapPoint>| {
        r.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>().abs() / 2.0
    };
    let mut it = rings.iter();
    let outer = it.next().map(ring_area).unwrap_or(0.0);
    (outer - it.map(ring_area).sum::<f64>()).max(0.0)
}

/// A point guaranteed inside the polygon (for labels), or `None` for an empty one.
///
/// The same point as `geo::InteriorPoint` (a horizontal line through the middle of the bounding box,
/// off every vertex; the midpoint of its longest stretch inside the polygon), but each candidate is
/// tested with a point-in-polygon test, not with geo's `relate`: `relate` was the only user of
/// geo's whole DE-9IM machinery in the app, and measured among the largest costs of reading the
/// zones in the browser. The tests compare the two.
pub fn interior_point(rings: &[Vec<LonLat>]) -> Option<LonLat> {
    let polygon = to_geo_polygon(rings);
    let exterior = &polygon.exterior().0;
    if exterior.len() == 1 {
        return Some(LonLat::lon_lat(exterior[0].x, exterior[0].y));
    }
    let bounds = polygon.bounding_rect()?;
    let mut y = (bounds.min().y + bounds.max().y) / 2.0;
    if polygon.coords_iter().any(|c| c.y == y) {
        // Off the vertices: halfway to the next closest vertex height.
        let closest = polygon
            .coords_iter()
            .filter(|c| c.y != y)
            .min_by(|a, b| (a.y - y).abs().total_cmp(&(b.y - y).abs()));
        if let Some(c) = closest {
            y = (y + c.y) / 2.0;
        }
    }
    // Where the line crosses the rings' edges, west to east. No vertex lies on it, so an edge
    // crosses it when its ends are on either side.
    let mut xs: Vec<f64> = polygon
        .lines_iter()
        .filter(|l| (l.start.y > y) != (l.end.y > y))
        .map(|l| l.start.x + (y - l.start.y) * (l.end.x - l.start.x) / (l.end.y - l.start.y))
        .collect();
    crate::sort::sort_by(&mut xs, |a, b| a.total_cmp(b));
    let mut stretches: Vec<(geo::Coord<f64>, f64)> =
        xs.windows(2).map(|w| (geo::coord! { x: (w[0] + w[1]) / 2.0, y: y }, w[1] - w[0])).collect();
    crate::sort::sort_by(&mut stretches, |a, b| b.1.total_cmp(&a.1));
    stretches
        .iter()
        .map(|(mid, _)| *mid)
        .find(|mid| polygon.coordinate_position(mid) != CoordPos::Outside)
        .or_else(|| polygon.coords_iter().next())
        .map(|c| LonLat::lon_lat(c.x, c.y))
}

/// True when `p` lies inside the polygon (not in a hole). Planar test in degrees, which is what
/// GeoJSON's own semantics (RFC 7946 §3.1.1: straight lines in lon-lat) ask for.
pub fn polygon_contains(rings: &[Vec<LonLat>], p: LonLat) -> bool {
    to_geo_polygon(rings).contains(&geo::Point::new(p.lon, p.lat))
}

/// True when `p` lies inside the polygon or on its boundary (an edge or a vertex, a hole's too).
/// Planar in degrees, as [`polygon_contains`].
pub fn polygon_covers(rings: &[Vec<LonLat>], p: LonLat) -> bool {
    use geo::Intersects;
    to_geo_polygon(rings).intersects(&geo::Point::new(p.lon, p.lat))
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
    fn interior_point_is_geos_without_relate() {
        use geo::InteriorPoint;
        let ring = |pts: &[(f64, f64)]| pts.iter().map(|&(x, y)| LonLat::lon_lat(x, y)).collect::<Vec<_>>();
        let shapes: Vec<Vec<Vec<LonLat>>> = vec![
            // a U: the middle of the box is outside; the longer arm wins
            vec![ring(&[
                (0.0, 0.0),
                (3.0, 0.0),
                (3.0, 3.0),
                (2.0, 3.0),
                (2.0, 1.0),
                (1.2, 1.0),
                (1.2, 3.0),
                (0.0, 3.0),
                (0.0, 0.0),
            ])],
            // a square with a hole in its middle
            vec![
                ring(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]),
                ring(&[(1.5, 1.0), (2.5, 1.0), (2.5, 3.0), (1.5, 3.0), (1.5, 1.0)]),
            ],
            // a vertex exactly at the middle height
            vec![ring(&[(0.0, 0.0), (2.0, 1.0), (4.0, 0.0), (3.0, 2.0), (0.5, 2.5), (0.0, 0.0)])],
            // a thin sliver
            vec![ring(&[(126.6, 45.8), (126.61, 45.8001), (126.6, 45.8002), (126.6, 45.8)])],
        ];
        let mut zones: Vec<Vec<Vec<LonLat>>> = Vec::new();
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/zones.geojson"))
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for f in json["features"].as_array().unwrap() {
            let c = &f["geometry"]["coordinates"];
            let polys = if f["geometry"]["type"] == "Polygon" {
                vec![c.clone()]
            } else {
                c.as_array().unwrap().clone()
            };
            for poly in polys {
                let rings = poly.as_array().unwrap().iter().map(|r| {
                    r.as_array()
                        .unwrap()
                        .iter()
                        .map(|p| LonLat::lon_lat(p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                        .collect()
                });
                zones.push(rings.collect());
            }
        }
        assert!(zones.len() >= 12, "{}", zones.len());
        for rings in shapes.iter().chain(&zones) {
            let ours = interior_point(rings).unwrap();
            let geos = to_geo_polygon(rings).interior_point().unwrap();
            // the same up to rounding in the crossing arithmetic (1e-9° is 0.1 mm)
            assert!(
                (ours.lon - geos.x()).abs() < 1e-9 && (ours.lat - geos.y()).abs() < 1e-9,
                "{ours:?} vs {geos:?}"
            );
            assert!(polygon_contains(rings, ours), "{ours:?}");
        }
        assert_eq!(interior_point(&[vec![]]), None);
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
