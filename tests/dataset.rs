#![cfg(not(target_arch = "wasm32"))]
//! The shipped park (`public/data/`) reproduces every published figure. Read from the committed files
//! through the app's own parser (`parse_manifest` + `parse_layer`), so what is asserted here is what
//! the map shows. Independent of the validator: the measures are taken here again.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use parkmap::geo::measure::polygon_contains;
use parkmap::geo::LonLat;
use parkmap::model::manifest::Manifest;
use parkmap::model::{Industry, Park, PoiKind, ZoneCategory};

struct Shipped {
    manifest: Manifest,
    park: Park,
}

/// The committed bundle, parsed once (through `tests/common`); any parse problem fails every test.
fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let (manifest, park) = common::load_shipped();
        Shipped { manifest, park }
    })
}

fn park() -> &'static Park {
    &shipped().park
}

fn within(value: f64, target: f64, tolerance: f64) -> bool {
    (value - target).abs() <= target * tolerance
}

/// Exact-coordinate key: trail segments meet at identical positions.
fn key(p: LonLat) -> (u64, u64) {
    ((p.lon + 0.0).to_bits(), (p.lat + 0.0).to_bits())
}

#[test]
fn park_has_exactly_590_companies() {
    assert_eq!(park().companies.len(), 590);
}

#[test]
fn registered_capital_sums_to_21_921_million_yuan() {
    let sum: u64 =
        park().companies.iter().map(|c| c.capital_yuan.expect("every company has a capital")).sum();
    assert_eq!(sum, 21_921_000_000);
}

#[test]
fn greenway_is_48_km_within_one_percent() {
    let km = park().greenway.iter().map(|t| t.length_m()).sum::<f64>() / 1000.0;
    assert!(within(km, 48.0, 0.01), "{km} km");
}

#[test]
fn waterfront_is_23_km_within_one_percent() {
    let km = park().waterfront.iter().map(|t| t.length_m()).sum::<f64>() / 1000.0;
    assert!(within(km, 23.0, 0.01), "{km} km");
}

#[test]
fn zones_cover_26_km2_within_two_percent() {
    let km2 = park().zones.iter().map(|z| z.area_m2()).sum::<f64>() / 1e6;
    assert!(within(km2, 26.0, 0.02), "{km2} km²");
}

#[test]
fn five_named_leading_companies_are_present_with_their_industries() {
    for (name, industry) in [
        ("Huawei", Industry::DigitalEconomy),
        ("Neusoft", Industry::DigitalEconomy),
        ("Qi Anxin", Industry::DigitalEconomy),
        ("Siling Robotics", Industry::HighEndEquipment),
        ("HIT Satellite", Industry::HighEndEquipment),
    ] {
        let found: Vec<_> = park().companies.iter().filter(|c| c.name.en == name).collect();
        assert_eq!(found.len(), 1, "{name}");
        assert_eq!(found[0].industry, industry, "{name}");
    }
}

#[test]
fn greenway_is_one_connected_graph() {
    // Union-find over segments sharing an identical vertex.
    let lines: Vec<&[LonLat]> = park().greenway.iter().flat_map(|t| &t.parts).map(Vec::as_slice).collect();
    let mut parent: Vec<usize> = (0..lines.len()).collect();
    fn root(parent: &[usize], mut i: usize) -> usize {
        while parent[i] != i {
            i = parent[i];
        }
        i
    }
    let mut first_at = HashMap::new();
    for (s, line) in lines.iter().enumerate() {
        for &p in line.iter() {
            let other = *first_at.entry(key(p)).or_insert(s);
            let (a, b) = (root(&parent, s), root(&parent, other));
            parent[a] = b;
        }
    }
    let roots: HashSet<usize> = (0..lines.len()).map(|s| root(&parent, s)).collect();
    assert!(lines.len() > 1);
    assert_eq!(roots.len(), 1, "greenway components");
}

#[test]
fn waterfront_joins_the_greenway_at_three_or_more_distinct_points() {
    let green: HashSet<_> = park().greenway.iter().flat_map(|t| t.vertices().map(|&p| key(p))).collect();
    let joints: HashSet<_> = park()
        .waterfront
        .iter()
        .flat_map(|t| t.vertices().map(|&p| key(p)))
        .filter(|k| green.contains(k))
        .collect();
    assert!(joints.len() >= 3, "{} joints", joints.len());
}

#[test]
fn every_company_lies_inside_its_zone() {
    let park = park();
    for c in &park.companies {
        let id = c.zone.as_deref().unwrap_or_else(|| panic!("{} has no zone", c.id));
        let zone = park.zone(id).unwrap_or_else(|| panic!("{}: unknown zone {id}", c.id));
        assert!(zone.polygons.iter().any(|g| polygon_contains(&g.rings, c.pos)), "{} outside {id}", c.id);
    }
}

#[test]
fn ten_or_more_zones_cover_all_six_categories() {
    let zones = &park().zones;
    assert!(zones.len() >= 10, "{} zones", zones.len());
    let categories: HashSet<ZoneCategory> = zones.iter().map(|z| z.category).collect();
    // Every documented category; `other` is only for data that names one ParkMap does not know.
    assert!(!categories.contains(&ZoneCategory::Other));
    assert_eq!(categories.len(), ZoneCategory::ALL.len() - 1, "{categories:?}");
}

#[test]
fn government_and_party_mass_service_centers_are_the_two_service_center_pois() {
    let centers: Vec<&str> =
        park().pois.iter().filter(|p| p.kind == PoiKind::ServiceCenter).map(|p| p.name.en.as_str()).collect();
    assert_eq!(centers.len(), 2, "{centers:?}");
    assert!(centers.iter().any(|n| n.contains("Government")), "{centers:?}");
    assert!(centers.iter().any(|n| n.contains("Party-Mass")), "{centers:?}");
}

#[test]
fn park_has_six_or_more_entrances() {
    let n = park().pois.iter().filter(|p| p.kind == PoiKind::Entrance).count();
    assert!(n >= 6, "{n} entrances");
}

#[test]
fn every_generated_company_is_marked_illustrative() {
    let not: Vec<&str> = park().companies.iter().filter(|c| !c.illustrative).map(|c| c.id.as_str()).collect();
    assert!(not.is_empty(), "not illustrative: {not:?}");
}

#[test]
fn companies_were_founded_from_2019_to_2026() {
    for c in &park().companies {
        let year = c.founded.unwrap_or_else(|| panic!("{} has no founding year", c.id));
        assert!((2019..=2026).contains(&year), "{}: {year}", c.id);
    }
}

#[test]
fn park_centre_is_within_a_tenth_of_a_degree_of_45_84_n_126_52_e() {
    let [w, s, e, n] = shipped().manifest.bounds_deg;
    let (lon, lat) = ((w + e) / 2.0, (s + n) / 2.0);
    assert!((lat - 45.84).abs() < 0.1 && (lon - 126.52).abs() < 0.1, "bounds centre {lat} N, {lon} E");
    // The data itself, not only the declared box: the mean of the zone label points.
    let zones = &park().zones;
    let mean = |f: fn(LonLat) -> f64| {
        zones.iter().map(|z| f(z.label.to_lon_lat())).sum::<f64>() / zones.len() as f64
    };
    let (lon, lat) = (mean(|p| p.lon), mean(|p| p.lat));
    assert!((lat - 45.84).abs() < 0.1 && (lon - 126.52).abs() < 0.1, "zone centre {lat} N, {lon} E");
}

#[test]
fn provenance_warns_about_gcj_02_and_bd_09_in_both_languages() {
    let provenance = &shipped().manifest.provenance;
    for text in [&provenance.en, &provenance.zh] {
        assert!(text.contains("GCJ-02") && text.contains("BD-09"), "{text}");
    }
}

#[test]
fn fitting_the_park_shows_the_zones_which_lie_inside_the_manifest_bounds() {
    let (manifest, park) = (&shipped().manifest, park());
    let zones = park.zones_extent().expect("the shipped park has zones");
    let all = &manifest.bounds;
    assert!(
        zones.min.x >= all.min.x
            && zones.min.y >= all.min.y
            && zones.max.x <= all.max.x
            && zones.max.y <= all.max.y
    );
    // every ring point of every zone is inside the extent
    for z in &park.zones {
        for p in z.polygons.iter().flat_map(|p| p.map_rings.iter().flatten()) {
            assert!(p.x >= zones.min.x && p.x <= zones.max.x && p.y >= zones.min.y && p.y <= zones.max.y);
        }
    }
    assert!(Park::default().zones_extent().is_none());
}

#[test]
fn the_attribution_and_provenance_are_in_every_language_of_the_app() {
    let m = &shipped().manifest;
    for (key, text) in [("attribution", &m.attribution), ("provenance", &m.provenance)] {
        let ru = text.ru.as_deref().unwrap_or_else(|| panic!("{key}: no Russian text"));
        assert!(
            ru.chars().filter(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(*c))).count() > 20,
            "{key}.ru is Russian"
        );
        assert!(text.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{key}.zh is Chinese");
        assert!(text.en.chars().filter(char::is_ascii_alphabetic).count() > 20, "{key}.en is English");
        assert!(text.en != ru && text.zh != ru, "{key}: three texts");
    }
}
