//! A site's local frame: the azimuthal equidistant projection centred on the site's anchor, in
//! metres. Each position is placed at its geodesic distance and bearing from the centre (Karney's
//! algorithm, through `geo`'s [`Geodesic`]), so distances from the centre are exact and distances
//! between other points within a few kilometres are off by less than a millimetre (the projection's
//! scale error at a radius `r` is about `r² / 6R²`: 2·10⁻⁸ at 2 km). Distances from a parcel's
//! edge are then plane distances in this frame, with `geo`'s Euclidean algorithms.

use geo::{Bearing, Destination, Distance, Geodesic, LineString, Point, Polygon};

use crate::geo::LonLat;
use crate::model::{PolygonGeom, Site, SiteGeom};

/// The projection centred on one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    centre: LonLat,
}

impl Frame {
    /// The frame centred on `centre`.
    pub fn new(centre: LonLat) -> Frame {
        Frame { centre }
    }

    /// The frame centred on a site's anchor.
    pub fn of_site(site: &Site) -> Frame {
        Frame::new(site.anchor)
    }

    fn point(p: LonLat) -> Point<f64> {
        Point::new(p.lon, p.lat)
    }

    /// `p` in the frame: metres east (x) and north (y) of the centre.
    pub fn to_plane(&self, p: LonLat) -> Point<f64> {
        let (c, q) = (Self::point(self.centre), Self::point(p));
        let d = Geodesic.distance(c, q);
        if d == 0.0 {
            return Point::new(0.0, 0.0);
        }
        let b = Geodesic.bearing(c, q).to_radians();
        Point::new(d * b.sin(), d * b.cos())
    }

    /// The WGS84 position of a point of the frame (the inverse of [`Frame::to_plane`]).
    pub fn to_lon_lat(&self, p: Point<f64>) -> LonLat {
        let d = p.x().hypot(p.y());
        if d == 0.0 {
            return self.centre;
        }
        let bearing = p.x().atan2(p.y()).to_degrees();
        let q = Geodesic.destination(Self::point(self.centre), bearing, d);
        LonLat::lon_lat(q.x(), q.y())
    }

    /// A line of positions in the frame.
    pub fn line(&self, points: &[LonLat]) -> LineString<f64> {
        points.iter().map(|p| self.to_plane(*p)).collect()
    }

    /// A polygon (outer ring, then holes) in the frame.
    pub fn polygon(&self, g: &PolygonGeom) -> Polygon<f64> {
        let mut rings = g.rings.iter().map(|r| self.line(r));
        let outer = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
        Polygon::new(outer, rings.collect())
    }
}

/// A site's geometry in its own frame: its parcel's polygons, or its one point.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaneShape {
    /// A parcel.
    Parcel(Vec<Polygon<f64>>),
    /// Space in a building.
    Space(Point<f64>),
}

impl PlaneShape {
    /// The site in `frame`.
    pub fn of(site: &Site, frame: &Frame) -> PlaneShape {
        match &site.geom {
            SiteGeom::Parcel(polys) => PlaneShape::Parcel(polys.iter().map(|g| frame.polygon(g)).collect()),
            SiteGeom::Space { pos, .. } => PlaneShape::Space(frame.to_plane(*pos)),
        }
    }

    /// Metres from the site to `p` (a point of the frame): 0 inside a parcel, else to its nearest
    /// edge; to the point of a space.
    pub fn distance_m(&self, p: &Point<f64>) -> f64 {
        use geo::Euclidean;
        match self {
            PlaneShape::Parcel(polys) => {
                polys.iter().map(|poly| Euclidean.distance(p, poly)).fold(f64::INFINITY, f64::min)
            }
            PlaneShape::Space(q) => Euclidean.distance(p, q),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::measure::distance_m;

    #[test]
    fn the_frame_keeps_geodesic_distances_and_round_trips() {
        let f = Frame::new(LonLat::lon_lat(126.52, 45.84));
        let a = LonLat::lon_lat(126.531, 45.846);
        let b = LonLat::lon_lat(126.509, 45.8335);
        let (pa, pb) = (f.to_plane(a), f.to_plane(b));
        // From the centre: exact. Between two points 1.7 km apart: within a millimetre.
        assert!((pa.x().hypot(pa.y()) - distance_m(LonLat::lon_lat(126.52, 45.84), a)).abs() < 1e-6);
        let plane = (pa.x() - pb.x()).hypot(pa.y() - pb.y());
        assert!((plane - distance_m(a, b)).abs() < 1e-3, "{plane} vs {}", distance_m(a, b));
        let back = f.to_lon_lat(pa);
        assert!((back.lon - a.lon).abs() < 1e-10 && (back.lat - a.lat).abs() < 1e-10, "{back:?}");
        assert!(pa.x() > 0.0 && pa.y() > 0.0 && pb.x() < 0.0 && pb.y() < 0.0, "east and north are positive");
    }
}
