#![cfg(not(target_arch = "wasm32"))]
//! Clustering invariants as property tests, on random parks and on the shipped one: at every zoom
//! 10..=19 each matching company is in exactly one cluster, within the radius of its seed; seeds
//! are more than the radius apart; at the maximum zoom each company is alone. Viewport queries
//! equal a brute-force filter.

mod common;

use common::shipped_park;
use parkmap::filter::Filter;
use parkmap::geo::viewport::resolution_at;
use parkmap::geo::{LonLat, MapBounds, MapPoint, Viewport};
use parkmap::index::{cluster_zoom, Cluster, ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX, SINGLES_ZOOM};
use parkmap::model::Industry;
use proptest::prelude::*;

fn dist(a: MapPoint, b: MapPoint) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// Every invariant of one level, checked by brute force.
fn check_level(points: &[MapPoint], mask: &[bool], zoom: u8, radius_px: f64, clusters: &[Cluster]) {
    // the radius in metres, give or take rounding: members within `r`, seeds beyond `r_min`
    let radius_m = radius_px * resolution_at(f64::from(zoom));
    let (r, r_min) = (radius_m * (1.0 + 1e-9), radius_m * (1.0 - 1e-9));
    let mut seen = vec![0usize; points.len()];
    for c in clusters {
        assert!(!c.is_empty() && c.members.windows(2).all(|w| w[0] < w[1]), "{c:?}");
        let seed = points[c.key()];
        for &m in &c.members {
            seen[m] += 1;
            assert!(mask[m], "zoom {zoom}: company {m} does not match but is clustered");
            assert!(c.bounds.contains(points[m]), "zoom {zoom}: {m} outside its bounds");
            assert!(
                dist(points[m], seed) <= r,
                "zoom {zoom}: {m} is {} m from its seed",
                dist(points[m], seed)
            );
        }
        assert!(c.bounds.contains(c.center));
        assert_eq!(c.zoom_to(), MapBounds::around(c.members.iter().map(|&m| points[m])).unwrap());
    }
    for (i, &n) in seen.iter().enumerate() {
        assert_eq!(n, usize::from(mask[i]), "zoom {zoom}: company {i} is in {n} clusters");
    }
    let total: usize = clusters.iter().map(Cluster::len).sum();
    assert_eq!(total, mask.iter().filter(|&&m| m).count());
    if zoom >= SINGLES_ZOOM {
        assert!(clusters.iter().all(Cluster::is_single), "zoom {zoom}: a company is not alone");
        return;
    }
    for (a, ca) in clusters.iter().enumerate() {
        for cb in &clusters[a + 1..] {
            let d = dist(points[ca.key()], points[cb.key()]);
            assert!(d > r_min, "zoom {zoom}: seeds {d} m apart, radius {radius_m} m");
        }
    }
    // a company with no matching neighbour within the radius is alone
    for (i, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            let lonely = (0..points.len()).all(|j| j == m || !mask[j] || dist(points[j], points[m]) > r);
            assert!(!lonely || c.is_single(), "zoom {zoom}: lonely {m} in cluster {i}");
        }
    }
}

/// Random parks: companies scattered around a few centres in the park's area, so they crowd at
/// low zoom and spread at high zoom, with some exact duplicates.
fn park_points() -> impl Strategy<Value = Vec<MapPoint>> {
    let centre = LonLat::lon_lat(126.52, 45.87).to_map();
    let blobs = proptest::collection::vec((-5000.0..5000.0f64, -4000.0..4000.0f64, 1.0..800.0f64), 1..6);
    blobs.prop_flat_map(move |blobs| {
        let k = blobs.len();
        proptest::collection::vec((0..k, -1.0..1.0f64, -1.0..1.0f64, 0..8u8), 0..250).prop_map(move |raw| {
            raw.into_iter()
                .map(|(b, u, v, dup)| {
                    let (bx, by, spread) = blobs[b];
                    let (u, v) = if dup == 0 { (0.0, 0.0) } else { (u, v) };
                    MapPoint::new(centre.x + bx + u * spread, centre.y + by + v * spread)
                })
                .collect()
        })
    })
}

fn with_mask() -> impl Strategy<Value = (Vec<MapPoint>, Vec<bool>)> {
    park_points().prop_flat_map(|p| {
        let n = p.len();
        (Just(p), proptest::collection::vec(proptest::bool::weighted(0.8), n))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_matching_company_is_in_exactly_one_cluster_at_every_zoom(
        (points, mask) in with_mask(),
        radius_px in prop_oneof![Just(DEFAULT_RADIUS_PX), 5.0..80.0f64],
    ) {
        let index = SpatialIndex::from_points(points.clone());
        let mut cache = ClusterCache::new(index.clone(), radius_px);
        cache.set_matching(&mask);
        for zoom in 10..=19u8 {
            let level = index.cluster_level(|i| mask[i], zoom, radius_px);
            check_level(&points, &mask, zoom, radius_px, &level.to_clusters());
            prop_assert_eq!(cache.level(zoom), &level, "cache differs at zoom {}", zoom);
        }
    }

    #[test]
    fn viewport_query_equals_a_brute_force_filter(
        points in park_points(),
        (cx, cy, w, h) in (-6000.0..6000.0f64, -5000.0..5000.0f64, 0.0..8000.0f64, 0.0..8000.0f64),
    ) {
        let index = SpatialIndex::from_points(points.clone());
        let c = LonLat::lon_lat(126.52, 45.87).to_map();
        let b = MapBounds { min: MapPoint::new(c.x + cx - w / 2.0, c.y + cy - h / 2.0), max: MapPoint::new(c.x + cx + w / 2.0, c.y + cy + h / 2.0) };
        let brute: Vec<usize> = (0..points.len()).filter(|&i| b.contains(points[i])).collect();
        prop_assert_eq!(index.query(&b), brute);
    }

    #[test]
    fn visible_clusters_are_the_level_clusters_near_the_view(
        (points, mask) in with_mask(),
        (dx, dy, zoom) in (-4000.0..4000.0f64, -4000.0..4000.0f64, 10.0..19.0f64),
    ) {
        let index = SpatialIndex::from_points(points.clone());
        let view = Viewport::new(LonLat::lon_lat(126.52, 45.87).to_map(), zoom, 800.0, 600.0).pan_by(dx / 10.0, dy / 10.0);
        let level = index.cluster_level(|i| mask[i], cluster_zoom(&view), DEFAULT_RADIUS_PX).to_clusters();
        let m = DEFAULT_RADIUS_PX * view.resolution();
        let v = view.visible_bounds();
        let near = |c: &&Cluster| c.bounds.max.x >= v.min.x - m && c.bounds.min.x <= v.max.x + m
            && c.bounds.max.y >= v.min.y - m && c.bounds.min.y <= v.max.y + m;
        let expected: Vec<Cluster> = level.iter().filter(near).cloned().collect();
        prop_assert_eq!(&index.clusters(|i| mask[i], &view, DEFAULT_RADIUS_PX), &expected);
        let mut cache = ClusterCache::new(index, DEFAULT_RADIUS_PX);
        cache.set_matching(&mask);
        prop_assert_eq!(cache.visible(&view), expected);
    }
}

#[test]
fn shipped_park_clusters_hold_every_invariant_for_every_industry_filter() {
    let park = shipped_park();
    let index = SpatialIndex::new(&park.companies);
    let points = index.points().to_vec();
    let mut cache = ClusterCache::new(index, DEFAULT_RADIUS_PX);
    let filters = std::iter::once(Filter::default()).chain(
        Industry::ALL.iter().map(|&i| Filter { industries: [i].into_iter().collect(), ..Filter::default() }),
    );
    for filter in filters {
        let mask = filter.mask(&park.companies);
        cache.set_matching(&mask);
        for zoom in 10..=19u8 {
            check_level(&points, &mask, zoom, DEFAULT_RADIUS_PX, &cache.level(zoom).to_clusters());
        }
    }
}

#[test]
fn shipped_park_merges_at_low_zoom_and_is_all_singles_at_the_maximum() {
    let park = shipped_park();
    let index = SpatialIndex::new(&park.companies);
    let counts: Vec<usize> =
        (10..=19).map(|z| index.cluster_level(|_| true, z, DEFAULT_RADIUS_PX).len()).collect();
    assert!(counts[0] < 30, "zoom 10 should show a handful of clusters: {counts:?}");
    assert!(counts[0] < counts[8], "zoom 18 should show more clusters than zoom 10: {counts:?}");
    assert_eq!(counts[9], 590);
}

#[test]
fn shipped_park_viewport_query_finds_every_company_in_the_park_box() {
    let park = shipped_park();
    let index = SpatialIndex::new(&park.companies);
    let all = MapBounds::around(park.companies.iter().map(|c| c.map)).unwrap();
    assert_eq!(index.query(&all).len(), 590);
    let huawei = park.companies.iter().position(|c| c.name.en == "Huawei").unwrap();
    let at = park.companies[huawei].map;
    let around =
        MapBounds { min: MapPoint::new(at.x - 0.5, at.y - 0.5), max: MapPoint::new(at.x + 0.5, at.y + 0.5) };
    assert!(index.query(&around).contains(&huawei));
    let upside_down = MapBounds { min: all.max, max: all.min };
    assert!(index.query(&upside_down).is_empty());
}
