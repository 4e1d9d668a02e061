//! Who and what is near a site: the companies within 500 m and 1 km grouped by industry, the
//! nearest service center, the nearest entrance and the nearest point of the greenway. Distances
//! are taken from the site's edge (0 inside a parcel) or its point, in the site's own frame
//! ([`Frame`]: geodesic to within a millimetre at these ranges).

use geo::{BoundingRect, ClosestPoint, Euclidean, Intersects, Line, LineString, Point, Polygon};

use super::frame::{Frame, PlaneShape};
use crate::geo::LonLat;
use crate::model::{Company, Industry, Poi, PoiKind, Site, Trail};

/// The inner neighbourhood, metres.
pub const NEAR_M: f64 = 500.0;
/// The outer neighbourhood, metres.
pub const FAR_M: f64 = 1_000.0;

/// Companies of one industry near a site.
#[derive(Clone, Debug, PartialEq)]
pub struct IndustryGroup {
    /// The industry.
    pub industry: Industry,
    /// The companies (indices into the park's `companies`), nearest first; the count is its length.
    pub companies: Vec<usize>,
}

/// The companies around a site, grouped by industry (in [`Industry::ALL`] order, empty industries
/// left out).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Neighbours {
    /// Within [`NEAR_M`] of the site.
    pub within_500_m: Vec<IndustryGroup>,
    /// Within [`FAR_M`] of the site (those within 500 m included).
    pub within_1_km: Vec<IndustryGroup>,
}

impl Neighbours {
    /// How many companies are within 500 m.
    pub fn count_500_m(&self) -> usize {
        self.within_500_m.iter().map(|g| g.companies.len()).sum()
    }

    /// How many companies are within 1 km.
    pub fn count_1_km(&self) -> usize {
        self.within_1_km.iter().map(|g| g.companies.len()).sum()
    }
}

/// Degrees that certainly hold `m` metres around `lat` (a box to skip far companies cheaply; the
/// distance decides).
fn margin_deg(m: f64, lat: f64) -> (f64, f64) {
    let lat_deg = m / 110_000.0;
    let lon_deg = m / (110_000.0 * lat.to_radians().cos().max(0.01));
    (lon_deg, lat_deg)
}

/// Every company within `max_m` of the site, with its distance in metres, nearest first (ties in
/// park order). Companies far outside the site's box are skipped before any geodesic is solved.
///
/// # Complexity
/// O(companies) box tests, plus O(edges) per company near the site.
pub fn companies_within(site: &Site, companies: &[Company], max_m: f64) -> Vec<(usize, f64)> {
    let frame = Frame::of_site(site);
    let shape = PlaneShape::of(site, &frame);
    let (mut w, mut s, mut e, mut n) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in site.positions() {
        (w, s, e, n) = (w.min(p.lon), s.min(p.lat), e.max(p.lon), n.max(p.lat));
    }
    let (dlon, dlat) = margin_deg(max_m, s.abs().max(n.abs()));
    let mut out: Vec<(usize, f64)> = companies
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            (w - dlon..=e + dlon).contains(&c.pos.lon) && (s - dlat..=n + dlat).contains(&c.pos.lat)
        })
        .map(|(i, c)| (i, shape.distance_m(&frame.to_plane(c.pos))))
        .filter(|&(_, d)| d <= max_m)
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.1.total_cmp(&b.1));
    out
}

/// The companies within [`NEAR_M`] and [`FAR_M`] of the site, grouped by industry.
///
/// ```
/// use parkmap::model::Park;
/// # let park = Park::default();
/// # let Some(site) = park.sites.first() else { return };
/// let n = parkmap::sites::neighbours(site, &park.companies);
/// assert!(n.count_500_m() <= n.count_1_km());
/// ```
pub fn neighbours(site: &Site, companies: &[Company]) -> Neighbours {
    let near = companies_within(site, companies, FAR_M);
    let group = |max_m: f64| -> Vec<IndustryGroup> {
        Industry::ALL
            .iter()
            .map(|&industry| IndustryGroup {
                industry,
                companies: near
                    .iter()
                    .filter(|&&(i, d)| d <= max_m && companies[i].industry == industry)
                    .map(|&(i, _)| i)
                    .collect(),
            })
            .filter(|g| !g.companies.is_empty())
            .collect()
    };
    Neighbours { within_500_m: group(NEAR_M), within_1_km: group(FAR_M) }
}

/// The nearest of something, and how far it is from the site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nearest {
    /// Index into the list searched (the park's `pois`, `greenway`…).
    pub index: usize,
    /// Metres from the site's edge or point.
    pub distance_m: f64,
}

/// The POI of `kind` nearest to the site (e.g. [`PoiKind::ServiceCenter`], [`PoiKind::Entrance`]);
/// `None` when the park has none.
pub fn nearest_poi(site: &Site, pois: &[Poi], kind: PoiKind) -> Option<Nearest> {
    let frame = Frame::of_site(site);
    let shape = PlaneShape::of(site, &frame);
    pois.iter()
        .enumerate()
        .filter(|(_, p)| p.kind == kind)
        .map(|(index, p)| Nearest { index, distance_m: shape.distance_m(&frame.to_plane(p.pos)) })
        .min_by(|a, b| a.distance_m.total_cmp(&b.distance_m))
}

/// Where a site meets the greenway most closely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GreenwayAccess {
    /// Index into the park's `greenway`.
    pub trail: usize,
    /// The point of the greenway nearest to the site, WGS84.
    pub point: LonLat,
    /// Metres from the site's edge or point to it (0 where the greenway crosses a parcel).
    pub distance_m: f64,
}

/// The closest pair of points of a segment and a polygon's rings (the segment's point first), with
/// their distance; the distance is 0 where they meet.
fn closest_to_polygon(seg: &Line<f64>, poly: &Polygon<f64>) -> (Point<f64>, f64) {
    if seg.intersects(poly) {
        // Inside, or crossing an edge: where the segment first meets the polygon.
        let start = Point::from(seg.start);
        if start.intersects(poly) {
            return (start, 0.0);
        }
        let from_start = |q: &geo::Coord<f64>| (q.x - seg.start.x).hypot(q.y - seg.start.y);
        let first = poly
            .exterior()
            .lines()
            .chain(poly.interiors().iter().flat_map(|r| r.lines()))
            .filter_map(|edge| match geo::line_intersection::line_intersection(*seg, edge)? {
                geo::LineIntersection::SinglePoint { intersection, .. } => Some(intersection),
                geo::LineIntersection::Collinear { intersection } => Some(intersection.start),
            })
            .min_by(|a, b| from_start(a).total_cmp(&from_start(b)));
        return (Point::from(first.unwrap_or(seg.end)), 0.0);
    }
    let mut best = (Point::from(seg.start), f64::INFINITY);
    let mut consider = |on_seg: Point<f64>, other: Point<f64>| {
        let d = geo::Distance::distance(&Euclidean, &on_seg, &other);
        if d < best.1 {
            best = (on_seg, d);
        }
    };
    let closest = |l: &Line<f64>, p: Point<f64>| match l.closest_point(&p) {
        geo::Closest::Intersection(q) | geo::Closest::SinglePoint(q) => q,
        geo::Closest::Indeterminate => Point::from(l.start),
    };
    for edge in poly.exterior().lines().chain(poly.interiors().iter().flat_map(|r| r.lines())) {
        // Two segments that do not cross are closest at an end of one of them.
        for p in [Point::from(edge.start), Point::from(edge.end)] {
            consider(closest(seg, p), p);
        }
        for p in [Point::from(seg.start), Point::from(seg.end)] {
            consider(p, closest(&edge, p));
        }
    }
    best
}

/// The point of the greenway nearest to the site, and its distance from the site's edge or point;
/// `None` without a greenway. Only greenway segments near the site's box are measured exactly.
pub fn greenway_access(site: &Site, greenway: &[Trail]) -> Option<GreenwayAccess> {
    let frame = Frame::of_site(site);
    let shape = PlaneShape::of(site, &frame);
    let mut best: Option<(usize, Point<f64>, f64)> = None;
    for (t, trail) in greenway.iter().enumerate() {
        for part in &trail.parts {
            let line: LineString<f64> = frame.line(part);
            for seg in line.lines() {
                let (q, d) = match &shape {
                    PlaneShape::Space(p) => match seg.closest_point(p) {
                        geo::Closest::Intersection(q) | geo::Closest::SinglePoint(q) => {
                            (q, geo::Distance::distance(&Euclidean, &q, p))
                        }
                        geo::Closest::Indeterminate => continue,
                    },
                    PlaneShape::Parcel(polys) => {
                        let mut here = (Point::new(0.0, 0.0), f64::INFINITY);
                        for poly in polys {
                            if let Some(r) = poly.bounding_rect() {
                                // A cheap lower bound first: the segment's box against the parcel's.
                                let sb = seg.bounding_rect();
                                let gap_x = (r.min().x - sb.max().x).max(sb.min().x - r.max().x).max(0.0);
                                let gap_y = (r.min().y - sb.max().y).max(sb.min().y - r.max().y).max(0.0);
                                if gap_x.hypot(gap_y) >= best.map_or(f64::INFINITY, |b| b.2).min(here.1) {
                                    continue;
                                }
                            }
                            let c = closest_to_polygon(&seg, poly);
                            if c.1 < here.1 {
                                here = c;
                            }
                        }
                        here
                    }
                };
                if best.is_none_or(|b| d < b.2) {
                    best = Some((t, q, d));
                }
            }
        }
    }
    best.filter(|b| b.2.is_finite()).map(|(trail, q, distance_m)| GreenwayAccess {
        trail,
        point: frame.to_lon_lat(q),
        distance_m,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::measure::distance_m;
    use crate::model::{PolygonGeom, SiteGeom, SiteType, Text, TrailKind};

    /// A 0.01° × 0.005° parcel (about 776 × 556 m) with its south-west corner at 126.50, 45.84.
    fn parcel() -> Site {
        let ring: Vec<LonLat> =
            [(126.50, 45.84), (126.51, 45.84), (126.51, 45.845), (126.50, 45.845), (126.50, 45.84)]
                .iter()
                .map(|&(x, y)| LonLat::lon_lat(x, y))
                .collect();
        let anchor = LonLat::lon_lat(126.505, 45.8425);
        Site {
            kind: SiteType::Land,
            name: Text::default(),
            geom: SiteGeom::Parcel(vec![PolygonGeom {
                map_rings: vec![ring.iter().map(|p| p.to_map()).collect()],
                rings: vec![ring],
            }]),
            anchor,
            map: anchor.to_map(),
            ..Site::sample("s")
        }
    }

    fn company(id: &str, industry: Industry, lon: f64, lat: f64) -> Company {
        let pos = LonLat::lon_lat(lon, lat);
        Company { industry, pos, map: pos.to_map(), ..Company::sample(id) }
    }

    #[test]
    fn companies_are_measured_from_the_parcel_edge_and_grouped_by_industry() {
        let east = |m: f64| {
            126.51 + m / distance_m(LonLat::lon_lat(126.51, 45.8425), LonLat::lon_lat(126.52, 45.8425)) * 0.01
        };
        let companies = vec![
            company("inside", Industry::BioEconomy, 126.505, 45.842),
            company("e300", Industry::NewMaterials, east(300.0), 45.8425),
            company("e499", Industry::BioEconomy, east(499.0), 45.8425),
            company("e501", Industry::BioEconomy, east(501.0), 45.8425),
            company("e999", Industry::DigitalEconomy, east(999.0), 45.8425),
            company("e1001", Industry::DigitalEconomy, east(1001.0), 45.8425),
        ];
        let d = companies_within(&parcel(), &companies, FAR_M);
        let order: Vec<&str> = d.iter().map(|&(i, _)| companies[i].id.as_str()).collect();
        assert_eq!(order, ["inside", "e300", "e499", "e501", "e999"]);
        assert_eq!(d[0].1, 0.0);
        assert!((d[1].1 - 300.0).abs() < 0.05, "{}", d[1].1);
        let n = neighbours(&parcel(), &companies);
        let counts =
            |g: &[IndustryGroup]| g.iter().map(|g| (g.industry, g.companies.len())).collect::<Vec<_>>();
        assert_eq!(counts(&n.within_500_m), [(Industry::NewMaterials, 1), (Industry::BioEconomy, 2)]);
        assert_eq!(
            counts(&n.within_1_km),
            [(Industry::DigitalEconomy, 1), (Industry::NewMaterials, 1), (Industry::BioEconomy, 3)]
        );
        assert_eq!((n.count_500_m(), n.count_1_km()), (3, 5));
    }

    #[test]
    fn the_greenway_is_reached_at_its_nearest_point_or_where_it_crosses() {
        let south = 45.84 - 200.0 / 111_130.0;
        let line = |lat: f64| vec![LonLat::lon_lat(126.49, lat), LonLat::lon_lat(126.52, lat)];
        let trail = |pts| Trail::from_line("g", TrailKind::Greenway, Text::default(), pts);
        let access = greenway_access(&parcel(), &[trail(line(45.85)), trail(line(south))]).unwrap();
        assert_eq!(access.trail, 1);
        assert!((access.distance_m - 200.0).abs() < 1.0, "{}", access.distance_m);
        assert!((access.point.lat - south).abs() < 1e-6 && (126.50..=126.51).contains(&access.point.lon));
        let crossing = greenway_access(&parcel(), &[trail(line(45.8425))]).unwrap();
        assert_eq!(crossing.distance_m, 0.0);
        assert!((crossing.point.lon - 126.50).abs() < 1e-6, "where it enters: {:?}", crossing.point);
        assert_eq!(greenway_access(&parcel(), &[]), None);
    }

    #[test]
    fn the_nearest_service_center_is_found_by_kind() {
        let poi = |kind, lon: f64| {
            let pos = LonLat::lon_lat(lon, 45.8425);
            Poi { id: String::new(), kind, name: Text::default(), description: None, pos, map: pos.to_map() }
        };
        let pois = vec![
            poi(PoiKind::Toilet, 126.511),
            poi(PoiKind::ServiceCenter, 126.53),
            poi(PoiKind::ServiceCenter, 126.52),
        ];
        let n = nearest_poi(&parcel(), &pois, PoiKind::ServiceCenter).unwrap();
        assert_eq!(n.index, 2);
        assert!((n.distance_m - distance_m(LonLat::lon_lat(126.51, 45.8425), pois[2].pos)).abs() < 0.05);
        assert_eq!(nearest_poi(&parcel(), &pois, PoiKind::Viewpoint), None);
    }
}
