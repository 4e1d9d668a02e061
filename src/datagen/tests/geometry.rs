//! Geometry figures: zone area and tiling, trail lengths and connectivity, context, POIs, bounds.

use std::collections::BTreeSet;

use geo::{Area, Distance, Geodesic, GeodesicArea, Length, LineString, Point, Relate, Validation};

use super::{features, line, manifest, point, polygon, ring, text};

/// Total geodesic length of a trail layer, km.
fn layer_km(file: &str) -> f64 {
    features(file).iter().map(|f| Geodesic.length(&LineString::from(line(f)))).sum::<f64>() / 1000.0
}

/// Bit-exact key of a position, for junction matching.
fn key(p: [f64; 2]) -> (u64, u64) {
    (p[0].to_bits(), p[1].to_bits())
}

/// Number of connected components of segments joined at identical endpoints.
fn components(segments: &[Vec<[f64; 2]>]) -> usize {
    let mut parent: Vec<usize> = (0..segments.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner = std::collections::BTreeMap::new();
    for (i, s) in segments.iter().enumerate() {
        for end in [s[0], s[s.len() - 1]] {
            if let Some(&j) = owner.get(&key(end)) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            } else {
                owner.insert(key(end), i);
            }
        }
    }
    (0..segments.len()).filter(|&i| find(&mut parent, i) == i).count()
}

fn endpoints(file: &str) -> BTreeSet<(u64, u64)> {
    features(file)
        .iter()
        .flat_map(|f| {
            let l = line(f);
            [key(l[0]), key(l[l.len() - 1])]
        })
        .collect()
}

#[test]
fn zones_tile_the_boundary_with_the_published_area() {
    let zones = features("zones.geojson");
    assert!(zones.len() >= 10);
    let boundary = features("context.geojson")
        .iter()
        .find(|f| text(f, "kind") == "boundary")
        .map(polygon)
        .expect("boundary");
    let mut total = 0.0;
    for (k, z) in zones.iter().enumerate() {
        assert_eq!(text(z, "id"), format!("z{:02}", k + 1));
        let industries = z["properties"]["industries"].as_array().expect("industries");
        for i in industries {
            let known =
                ["digital_economy", "new_materials", "high_end_equipment", "bio_economy", "modern_services"];
            assert!(known.contains(&i.as_str().expect("key")));
        }
        for key in ["name_zh", "name_en", "name_ru", "description_zh", "description_en"] {
            assert!(!text(z, key).is_empty());
        }
        let r = ring(z);
        assert_eq!(r[0], r[r.len() - 1], "ring closed");
        let p = polygon(z);
        assert!(p.is_valid(), "{} invalid", text(z, "id"));
        assert!(p.signed_area() > 0.0, "{} not counter-clockwise", text(z, "id"));
        assert!(boundary.relate(&p).is_covers(), "{} outside", text(z, "id"));
        for other in &zones[k + 1..] {
            let m = p.relate(&polygon(other));
            assert!(m.is_disjoint() || m.is_touches(), "{} overlaps {}", text(z, "id"), text(other, "id"));
        }
        total += p.geodesic_area_unsigned();
    }
    let km2 = total / 1e6;
    assert!((km2 - 26.0).abs() < 0.01, "zone area {km2} km²");
    let tiling = boundary.geodesic_area_unsigned() / 1e6;
    assert!((tiling - km2).abs() < 1e-6, "zones {km2} vs boundary {tiling}");
    let categories: BTreeSet<&str> = zones.iter().map(|z| text(z, "category")).collect();
    for c in
        ["industry", "innovation_hq", "city_services", "finance_services", "green_space", "service_centers"]
    {
        assert!(categories.contains(c), "no {c} zone");
    }
}

#[test]
fn park_sits_on_the_north_bank_in_songbei() {
    let boundary =
        features("context.geojson").iter().find(|f| text(f, "kind") == "boundary").expect("boundary");
    let r = ring(boundary);
    let (lon, lat): (Vec<f64>, Vec<f64>) = r.iter().map(|p| (p[0], p[1])).unzip();
    let (w, e) = (lon.iter().cloned().fold(f64::MAX, f64::min), lon.iter().cloned().fold(f64::MIN, f64::max));
    let (s, n) = (lat.iter().cloned().fold(f64::MAX, f64::min), lat.iter().cloned().fold(f64::MIN, f64::max));
    assert!(((w + e) / 2.0 - 126.52).abs() < 0.01 && ((s + n) / 2.0 - 45.84).abs() < 0.01);
    let width = Geodesic.distance(Point::new(w, 45.84), Point::new(e, 45.84));
    let height = Geodesic.distance(Point::new(126.52, s), Point::new(126.52, n));
    assert!((6000.0..7200.0).contains(&width), "width {width}");
    assert!((3700.0..4500.0).contains(&height), "height {height}");
    let ctx = features("context.geojson");
    let river = ctx.iter().find(|f| text(f, "kind") == "river").expect("river");
    assert_eq!(text(river, "name_zh"), "松花江");
    assert_eq!(text(river, "name_en"), "Songhua River");
    // The river lies south of the park.
    assert!(ring(river).iter().all(|p| p[1] < n));
    let count = |kind: &str| ctx.iter().filter(|f| text(f, "kind") == kind).count();
    assert!(count("water") >= 2 && count("road") >= 3 && count("axis") == 1);
    for f in ctx {
        let p = polygon_or_line_ccw(f);
        assert!(p, "context polygon {} not CCW", text(f, "name_en"));
    }
}

/// Polygons counter-clockwise; lines trivially fine.
fn polygon_or_line_ccw(f: &serde_json::Value) -> bool {
    f["geometry"]["type"] != "Polygon" || polygon(f).signed_area() > 0.0
}

#[test]
fn greenway_is_48_km_connected_and_named() {
    let km = layer_km("greenway.geojson");
    assert!((km - 48.0).abs() < 0.02, "greenway {km} km");
    let gw = features("greenway.geojson");
    assert!(gw.len() >= 12);
    let segments: Vec<_> = gw.iter().map(line).collect();
    assert_eq!(components(&segments), 1, "greenway not connected");
    let mut winters = BTreeSet::new();
    for (k, f) in gw.iter().enumerate() {
        assert_eq!(text(f, "id"), format!("g{:02}", k + 1));
        for key in ["name_zh", "name_en", "name_ru", "surface"] {
            assert!(!text(f, key).is_empty());
        }
        assert_eq!(text(f, "status"), "open");
        winters.insert(text(f, "winter"));
    }
    assert_eq!(winters, BTreeSet::from(["closed", "groomed", "open"]));
    let closed = gw.iter().filter(|f| text(f, "winter") == "closed").count();
    assert!((1..=4).contains(&closed));
}

#[test]
fn waterfront_is_23_km_and_joins_the_greenway() {
    let km = layer_km("waterfront.geojson");
    assert!((km - 23.0).abs() < 0.02, "waterfront {km} km");
    let wf = features("waterfront.geojson");
    let segments: Vec<_> = wf.iter().map(line).collect();
    assert_eq!(components(&segments), 1, "waterfront not connected");
    let mut all = segments.clone();
    all.extend(features("greenway.geojson").iter().map(line));
    assert_eq!(components(&all), 1, "networks not joined");
    let joins = endpoints("waterfront.geojson").intersection(&endpoints("greenway.geojson")).count();
    assert!(joins >= 3, "{joins} joins");
    for (k, f) in wf.iter().enumerate() {
        assert_eq!(text(f, "id"), format!("w{:02}", k + 1));
        let sponge = f["properties"]["sponge"].as_array().expect("sponge");
        assert!(!sponge.is_empty());
        for s in sponge {
            let s = s.as_str().expect("string");
            assert!(["wetland", "rain_garden", "permeable_promenade", "bioswale"].contains(&s));
        }
    }
}

#[test]
fn trails_keep_out_of_the_lakes() {
    let lakes: Vec<_> = features("context.geojson")
        .iter()
        .filter(|f| text(f, "kind") == "water" && text(f, "name_en").contains("Lake"))
        .map(polygon)
        .collect();
    assert_eq!(lakes.len(), 2);
    for file in ["greenway.geojson", "waterfront.geojson"] {
        for f in features(file) {
            let l = LineString::from(line(f));
            for lake in &lakes {
                assert!(!geo::Intersects::intersects(&l, lake), "{} crosses a lake", text(f, "id"));
            }
        }
    }
}

#[test]
fn trail_side_pois_are_within_50_m_of_the_network() {
    let vertices: Vec<Point> = ["greenway.geojson", "waterfront.geojson"]
        .iter()
        .flat_map(|file| features(file).iter().flat_map(line))
        .map(|p| Point::new(p[0], p[1]))
        .collect();
    let pois = features("pois.geojson");
    let mut kinds = std::collections::BTreeMap::new();
    for f in pois {
        let kind = text(f, "kind");
        *kinds.entry(kind).or_insert(0) += 1;
        for key in ["id", "name_zh", "name_en", "name_ru", "description_zh", "description_en"] {
            assert!(!text(f, key).is_empty());
        }
        if ["bus_stop", "metro_station", "service_center"].contains(&kind) {
            continue;
        }
        let p = point(f);
        let near =
            vertices.iter().map(|v| Geodesic.distance(Point::new(p[0], p[1]), *v)).fold(f64::MAX, f64::min);
        assert!(near <= 25.0, "{} is {near} m from the network", text(f, "id"));
    }
    assert!(kinds["entrance"] >= 6);
    assert_eq!(kinds["service_center"], 2);
    for kind in ["parking", "toilet", "bike_rental", "viewpoint", "warm_station", "bus_stop", "metro_station"]
    {
        assert!(kinds.get(kind).copied().unwrap_or(0) >= 1, "no {kind}");
    }
    let centres: Vec<_> = pois.iter().filter(|f| text(f, "kind") == "service_center").collect();
    assert_eq!(text(centres[0], "name_zh"), "园区政务服务中心");
    assert_eq!(text(centres[0], "name_en"), "Park Government Service Center");
    assert_eq!(text(centres[1], "name_zh"), "党群服务中心");
    assert_eq!(text(centres[1], "name_en"), "Party-Mass Service Center");
    let zone = features("zones.geojson")
        .iter()
        .find(|z| text(z, "category") == "service_centers")
        .expect("service zone");
    for c in centres {
        let p = point(c);
        assert!(geo::Contains::contains(&polygon(zone), &Point::new(p[0], p[1])));
    }
}

#[test]
fn bounds_cover_the_park_with_padding() {
    let b: Vec<f64> = manifest()["bounds"]
        .as_array()
        .expect("bounds")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect();
    // the park's own layers; the context (river, roads) runs on beyond the fitted box
    for file in
        ["zones.geojson", "greenway.geojson", "waterfront.geojson", "pois.geojson", "companies.geojson"]
    {
        for f in features(file) {
            let pts = match f["geometry"]["type"].as_str() {
                Some("Point") => vec![point(f)],
                Some("LineString") => line(f),
                _ => ring(f),
            };
            for p in pts {
                assert!(p[0] > b[0] && p[0] < b[2] && p[1] > b[1] && p[1] < b[3]);
            }
        }
    }
}
