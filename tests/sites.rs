#![cfg(not(target_arch = "wasm32"))]
//! The shipped park's sites (issue 23's "Done when"): they pass the validator, fit the brief (count,
//! types, status, land use by zone, inside their zones, clear of companies and of each other), their
//! areas match an independent computation, and every neighbour count matches a brute-force check
//! over every company with a method of its own. `cargo test --test sites -- --nocapture` prints the
//! figures.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

use parkmap::geo::measure::{distance_m, polygon_covers};
use parkmap::geo::LonLat;
use parkmap::model::{Industry, LandUse, Park, PoiKind, Site, SiteGeom, SiteStatus, ZoneCategory};
use parkmap::sites::{
    companies_within, greenway_access, hub_distances, nearest_poi, neighbours, FAR_M, NEAR_M,
};
use parkmap::validate::files::validate_path;
use parkmap::validate::Report;

fn report() -> &'static Report {
    static R: OnceLock<Report> = OnceLock::new();
    R.get_or_init(|| {
        validate_path(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data/park.json")).unwrap()
    })
}

fn park() -> &'static Park {
    &report().park
}

// ---------------------------------------------------------------------------------------------
// An independent geometry: WGS84 as an ellipsoid in Earth-centred Cartesian metres (ECEF). No
// geodesic solver: straight 3-D chords, which at a kilometre differ from the geodesic by micrometres
// and, along a 300 m parcel edge, sag below it by under 2 mm.
// ---------------------------------------------------------------------------------------------

const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_223_563;

fn ecef(p: LonLat) -> [f64; 3] {
    let e2 = F * (2.0 - F);
    let (lat, lon) = (p.lat.to_radians(), p.lon.to_radians());
    let n = A / (1.0 - e2 * lat.sin().powi(2)).sqrt();
    [n * lat.cos() * lon.cos(), n * lat.cos() * lon.sin(), n * (1.0 - e2) * lat.sin()]
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// 3-D distance from `p` to the chord `a`–`b`.
fn chord_segment_distance(p: [f64; 3], a: [f64; 3], b: [f64; 3]) -> f64 {
    let (ab, ap) = (sub(b, a), sub(p, a));
    let t = (dot(ap, ab) / dot(ab, ab)).clamp(0.0, 1.0);
    let q = [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
    dot(sub(p, q), sub(p, q)).sqrt()
}

/// Brute force: metres from a site to a position — 0 inside a parcel (planar in degrees, as GeoJSON
/// means its polygons), else the least chord distance to any of its edges; to a space's point.
fn brute_distance_m(site: &Site, p: LonLat) -> f64 {
    let q = ecef(p);
    match &site.geom {
        SiteGeom::Space { pos, .. } => dot(sub(q, ecef(*pos)), sub(q, ecef(*pos))).sqrt(),
        SiteGeom::Parcel(polys) => {
            if polys.iter().any(|g| polygon_covers(&g.rings, p)) {
                return 0.0;
            }
            polys
                .iter()
                .flat_map(|g| g.rings.iter())
                .flat_map(|r| r.windows(2))
                .map(|w| chord_segment_distance(q, ecef(w[0]), ecef(w[1])))
                .fold(f64::INFINITY, f64::min)
        }
    }
}

/// The area of a ring on the ellipsoid in a plane tangent at its centre, with the ellipsoid's two
/// radii of curvature there (meridian M, prime vertical N): the shoelace formula in metres. For a
/// parcel a few hundred metres across this is the ellipsoidal area to within 10⁻⁵ — and it shares
/// nothing with geographiclib, which gave the data its `area_m2`.
fn tangent_plane_area_m2(ring: &[LonLat]) -> f64 {
    let e2 = F * (2.0 - F);
    let n = ring.len() - 1;
    let lat0 = ring[..n].iter().map(|p| p.lat).sum::<f64>() / n as f64;
    let lon0 = ring[..n].iter().map(|p| p.lon).sum::<f64>() / n as f64;
    let s = lat0.to_radians().sin();
    let m_radius = A * (1.0 - e2) / (1.0 - e2 * s * s).powf(1.5);
    let n_radius = A / (1.0 - e2 * s * s).sqrt();
    let xy: Vec<(f64, f64)> = ring
        .iter()
        .map(|p| {
            (
                (p.lon - lon0).to_radians() * n_radius * lat0.to_radians().cos(),
                (p.lat - lat0).to_radians() * m_radius,
            )
        })
        .collect();
    (xy.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum::<f64>() / 2.0).abs()
}

// ---------------------------------------------------------------------------------------------

#[test]
fn the_shipped_sites_pass_the_validator_and_fit_the_brief() {
    let r = report();
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert!(r.notes.is_empty(), "{:#?}", r.notes);
    let sites = &park().sites;
    assert!((40..=60).contains(&sites.len()), "{} sites", sites.len());
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sites {
        *by_type.entry(s.kind.key()).or_default() += 1;
        *by_status.entry(s.status.map_or("unknown", |v| v.key())).or_default() += 1;
    }
    println!("{} sites; by type {by_type:?}; by status {by_status:?}", sites.len());
    assert!(by_type.len() >= 3, "{by_type:?}");
    let available = sites.iter().filter(|s| s.status == Some(SiteStatus::Available)).count();
    assert!(available * 2 > sites.len(), "most are available: {available}");
    let parcels = sites.iter().filter(|s| s.is_parcel()).count();
    let land_ha: f64 = sites.iter().filter(|s| s.is_parcel()).filter_map(|s| s.area_m2).sum::<f64>() / 1e4;
    let space_m2: f64 = sites.iter().filter(|s| !s.is_parcel()).filter_map(|s| s.area_m2).sum();
    println!(
        "{parcels} parcels, {land_ha:.1} ha of land; {} spaces, {space_m2:.0} m² of floor space",
        sites.len() - parcels
    );
    for s in sites {
        assert!(s.illustrative, "{}", s.id);
        assert!(s.area_m2.is_some_and(|a| a > 0.0) && s.price.is_some() && s.land_use.is_some(), "{}", s.id);
        let zone = park().zone(s.zone.as_deref().unwrap()).unwrap();
        let allowed: &[LandUse] = match zone.category {
            ZoneCategory::Industry => &[LandUse::Industrial, LandUse::Logistics],
            ZoneCategory::InnovationHq => &[LandUse::RnD],
            ZoneCategory::FinanceServices => &[LandUse::Commercial, LandUse::Logistics],
            ZoneCategory::ServiceCenters => &[LandUse::Commercial],
            ZoneCategory::CityServices => &[LandUse::Commercial, LandUse::Mixed],
            other => panic!("{}: a site in a {other:?} zone", s.id),
        };
        assert!(allowed.contains(&s.land_use.unwrap()), "{}: {:?} in {:?}", s.id, s.land_use, zone.category);
        // Inside its zone: every vertex (the zones are convex) or its point.
        assert!(s.positions().all(|p| zone.polygons.iter().any(|g| polygon_covers(&g.rings, p))), "{}", s.id);
    }
}

#[test]
fn the_sites_overlap_neither_each_other_nor_a_company() {
    let sites = &park().sites;
    for (i, a) in sites.iter().enumerate() {
        for b in &sites[i + 1..] {
            // Between two sites, the least distance from one's vertices or point to the other.
            let d = a.positions().map(|p| brute_distance_m(b, p)).fold(f64::INFINITY, f64::min);
            let e = b.positions().map(|p| brute_distance_m(a, p)).fold(f64::INFINITY, f64::min);
            assert!(d.min(e) >= 39.0, "{} and {} are {} m apart", a.id, b.id, d.min(e));
        }
        for c in &park().companies {
            let d = brute_distance_m(a, c.pos);
            assert!(d >= 24.0, "company {} is {d} m from site {}", c.id, a.id);
        }
    }
}

#[test]
fn parcel_areas_match_an_independent_computation_within_half_a_percent() {
    let mut worst: f64 = 0.0;
    for s in &park().sites {
        let SiteGeom::Parcel(polys) = &s.geom else { continue };
        let independent: f64 = polys.iter().map(|g| tangent_plane_area_m2(&g.rings[0])).sum();
        let off = (s.area_m2.unwrap() - independent).abs() / independent;
        worst = worst.max(off);
        assert!(
            off < 0.005,
            "{}: {} m² in the data, {independent:.1} m² independently",
            s.id,
            s.area_m2.unwrap()
        );
    }
    println!("parcel areas: largest difference from the tangent-plane computation {:.4} %", worst * 100.0);
    assert!(worst > 0.0, "there are parcels");
}

#[test]
fn every_neighbour_count_matches_a_brute_force_check() {
    let (park, companies) = (park(), &park().companies);
    let (mut band, mut worst) = (0usize, 0.0f64);
    let mut totals = (0usize, 0usize);
    for s in &park.sites {
        let brute: Vec<f64> = companies.iter().map(|c| brute_distance_m(s, c.pos)).collect();
        // The implementation's distances agree with the brute force's everywhere they are measured.
        let measured: HashMap<usize, f64> = companies_within(s, companies, 1_500.0).into_iter().collect();
        for (i, &b) in brute.iter().enumerate() {
            match measured.get(&i) {
                Some(&d) => {
                    worst = worst.max((d - b).abs());
                    assert!((d - b).abs() < 0.05, "{} to {}: {d} vs brute force {b}", s.id, companies[i].id);
                }
                None => assert!(b > 1_499.95, "{} misses {} at {b} m", s.id, companies[i].id),
            }
        }
        let n = neighbours(s, companies);
        for (radius, groups) in [(NEAR_M, &n.within_500_m), (FAR_M, &n.within_1_km)] {
            // Companies within 5 cm of the radius could fall either side of it on rounding alone.
            band += brute.iter().filter(|&&b| (b - radius).abs() < 0.05).count();
            for industry in Industry::ALL {
                let want = companies
                    .iter()
                    .zip(&brute)
                    .filter(|(c, &b)| c.industry == *industry && b <= radius && (b - radius).abs() >= 0.05)
                    .count();
                let got: Vec<usize> = groups
                    .iter()
                    .filter(|g| g.industry == *industry)
                    .flat_map(|g| g.companies.clone())
                    .collect();
                let sure = got.iter().filter(|&&i| (brute[i] - radius).abs() >= 0.05).count();
                assert_eq!(sure, want, "{}: {} within {radius} m", s.id, industry.key());
            }
        }
        totals.0 += n.count_500_m();
        totals.1 += n.count_1_km();
    }
    println!(
        "neighbours: {} within 500 m and {} within 1 km over all sites; largest distance difference {:.1e} m; {band} within 5 cm of a radius",
        totals.0, totals.1, worst
    );
    assert!(totals.0 > 0 && totals.1 > totals.0);
}

#[test]
fn every_site_has_a_service_center_a_greenway_access_and_its_hub_distances() {
    let park = park();
    let hubs = &report().manifest.as_ref().unwrap().hubs;
    assert_eq!(hubs.len(), 4);
    let (mut far_center, mut far_greenway): (f64, f64) = (0.0, 0.0);
    for s in &park.sites {
        let center = nearest_poi(s, &park.pois, PoiKind::ServiceCenter).unwrap();
        let brute = brute_distance_m(s, park.pois[center.index].pos);
        assert!((center.distance_m - brute).abs() < 0.5, "{}: {} vs {brute}", s.id, center.distance_m);
        far_center = far_center.max(center.distance_m);
        let access = greenway_access(s, &park.greenway).unwrap();
        // The access point lies on the greenway and as far from the site as reported.
        assert!((brute_distance_m(s, access.point) - access.distance_m).abs() < 0.5, "{}", s.id);
        far_greenway = far_greenway.max(access.distance_m);
        let d = hub_distances(s.anchor, hubs);
        for h in &d.hubs {
            assert!((h.distance_m - distance_m(s.anchor, hubs[h.hub].pos)).abs() < 1e-6);
        }
    }
    println!("farthest service center {far_center:.0} m, farthest greenway access {far_greenway:.0} m");
    let centre = LonLat::lon_lat(126.52, 45.84);
    for h in hub_distances(centre, hubs).hubs {
        println!(
            "from the park centre (45.84 N, 126.52 E) to {}: {:.1} km, indicative drive {:.0} min",
            hubs[h.hub].name.en,
            h.distance_m / 1000.0,
            h.drive_minutes
        );
    }
}
