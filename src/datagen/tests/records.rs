//! Records and bytes: manifest, companies, determinism and the stress park.

use std::collections::{BTreeMap, BTreeSet};

use geo::{Contains, Point};
use serde_json::Value;

use super::{bundle, features, manifest, metres, point, polygon, ring, text};
use crate::datagen::{generate, GenOptions, PUBLISHED_CAPITAL_YUAN};

const SECTORS: [(&str, &[&str]); 5] = [
    ("digital_economy", &["software", "cloud", "cybersecurity", "big_data", "ai"]),
    ("new_materials", &["graphene", "composites", "alloys"]),
    ("high_end_equipment", &["robotics", "satellites", "smart_manufacturing"]),
    ("bio_economy", &["biopharma", "agritech", "medical_devices"]),
    ("modern_services", &["finance", "logistics", "consulting"]),
];

#[test]
fn manifest_follows_the_format() {
    let m = manifest();
    assert_eq!(m["parkmap"], 1);
    assert_eq!(m["id"], "shenzhen-harbin");
    assert_eq!(m["name"]["zh"], "深哈产业园");
    assert_eq!(m["name"]["en"], "Shenzhen-Harbin Industrial Park");
    assert_eq!(m["name"]["ru"], "Шэньчжэнь-Харбинский индустриальный парк");
    let f = &m["figures"];
    assert_eq!(f["companies"], 590);
    assert_eq!(f["registered_capital_yuan"], 21_921_000_000u64);
    assert_eq!(f["greenway_km"], 48.0);
    assert_eq!(f["waterfront_km"], 23.0);
    assert_eq!(f["area_km2"], 26.0);
    assert_eq!(f["signed"], "2019-05-09");
    let layers: Vec<(&str, &str, &str)> = m["layers"]
        .as_array()
        .expect("layers")
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["kind"].as_str().unwrap(), l["url"].as_str().unwrap()))
        .collect();
    let ids = ["context", "zones", "waterfront", "greenway", "pois", "companies", "sites"];
    assert_eq!(layers.len(), 7);
    for ((id, kind, url), want) in layers.into_iter().zip(ids) {
        assert_eq!((id, kind, url), (want, want, format!("{want}.geojson").as_str()));
    }
    let en = m["provenance"]["en"].as_str().expect("provenance");
    for needle in [
        "9 May 2019",
        "26 km²",
        "Jiangbei",
        "590",
        "21.921",
        "Huawei",
        "HIT Satellite",
        "48 km",
        "23 km",
        "illustrative",
        "seed 20190509",
        "WGS84",
        "GCJ-02",
        "sites on offer",
        "Harbin West",
    ] {
        assert!(en.contains(needle), "provenance lacks {needle}");
    }
    assert!(m["provenance"]["zh"].as_str().expect("zh").contains("2019年5月9日"));
    assert!(m["attribution"]["zh"].is_string() && m["attribution"]["en"].is_string());
}

#[test]
fn companies_match_the_published_figures() {
    let companies = features("companies.geojson");
    assert_eq!(companies.len(), 590);
    let sectors: BTreeMap<&str, &[&str]> = SECTORS.into_iter().collect();
    let (mut en, mut zh, mut sum) = (BTreeSet::new(), BTreeSet::new(), 0u64);
    for (k, c) in companies.iter().enumerate() {
        let p = &c["properties"];
        assert_eq!(text(c, "id"), format!("c{:04}", k + 1));
        assert!(en.insert(text(c, "name_en")), "duplicate {}", text(c, "name_en"));
        assert!(zh.insert(text(c, "name_zh")), "duplicate {}", text(c, "name_zh"));
        assert!(sectors[text(c, "industry")].contains(&text(c, "sector")));
        let capital = p["capital_yuan"].as_u64().expect("integer capital");
        assert!(capital > 0);
        sum += capital;
        assert!((2019..=2026).contains(&p["founded"].as_u64().expect("founded")));
        assert_eq!(p["illustrative"], true);
        for key in ["address_zh", "address_en", "description_zh", "description_en"] {
            assert!(!text(c, key).is_empty());
        }
        if let Some(w) = p.get("website") {
            let w = w.as_str().expect("string");
            assert!(w.starts_with("https://") && (w.ends_with(".example.com") || k < 3), "{w}");
        }
    }
    assert_eq!(sum, PUBLISHED_CAPITAL_YUAN);
    let named = [
        ("Huawei", "华为", "digital_economy", None),
        ("Neusoft", "东软", "digital_economy", None),
        ("Qi Anxin", "奇安信", "digital_economy", Some("cybersecurity")),
        ("Siling Robotics", "思灵机器人", "high_end_equipment", Some("robotics")),
        ("HIT Satellite", "哈工大卫星", "high_end_equipment", Some("satellites")),
    ];
    for (name_en, name_zh, industry, sector) in named {
        let c = companies
            .iter()
            .find(|c| text(c, "name_en") == name_en)
            .unwrap_or_else(|| panic!("{name_en} missing"));
        assert_eq!(text(c, "name_zh"), name_zh);
        assert_eq!(text(c, "industry"), industry);
        if let Some(s) = sector {
            assert_eq!(text(c, "sector"), s);
        }
        // Generated names never borrow a named company's name.
        let clashes = companies.iter().filter(|o| text(o, "name_en").contains(name_en)).count();
        assert_eq!(clashes, 1, "{name_en}");
    }
}

#[test]
fn companies_sit_well_inside_their_zone() {
    let zones: Vec<&Value> = features("zones.geojson").iter().collect();
    for c in features("companies.geojson") {
        let p = point(c);
        let inside: Vec<&str> = zones
            .iter()
            .filter(|z| polygon(z).contains(&Point::new(p[0], p[1])))
            .map(|z| text(z, "id"))
            .collect();
        assert_eq!(inside, vec![text(c, "zone")], "{}", text(c, "id"));
        let zone = zones.iter().find(|z| text(z, "id") == inside[0]).expect("zone");
        assert_ne!(text(zone, "category"), "green_space");
        let r: Vec<[f64; 2]> = ring(zone).iter().map(|&q| metres(q, p)).collect();
        let clearance = crate::datagen::geom::dist_to_line([0.0, 0.0], &r);
        assert!(clearance >= 30.0, "{} only {clearance} m from its zone edge", text(c, "id"));
    }
}

#[test]
fn output_is_deterministic_and_formatted() {
    let again = generate(&GenOptions::default());
    assert_eq!(again, bundle().files);
    let names: Vec<&str> = again.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "park.json",
            "context.geojson",
            "zones.geojson",
            "waterfront.geojson",
            "greenway.geojson",
            "pois.geojson",
            "companies.geojson",
            "sites.geojson"
        ]
    );
    for f in &again[1..] {
        let lines: Vec<&str> = f.contents.lines().collect();
        assert_eq!(lines[0], r#"{"type":"FeatureCollection","features":["#);
        assert_eq!(lines[lines.len() - 1], "]}");
        assert!(f.contents.ends_with("]}\n"));
        let n = features(&f.name).len();
        assert_eq!(lines.len(), n + 2, "{}: one feature per line", f.name);
    }
    let size = again.iter().find(|f| f.name == "companies.geojson").unwrap().contents.len();
    // 382 KB with the Russian descriptions (+51 KB raw, +0.8 KB as Brotli sends it: 17 distinct texts).
    assert!(size < 400_000, "companies.geojson is {size} bytes");
}

#[test]
fn stress_park_has_n_companies_and_no_figures() {
    let n = 3000;
    let files = generate(&GenOptions { seed: 7, companies: n });
    let get = |name: &str| -> Value {
        serde_json::from_str(&files.iter().find(|f| f.name == name).unwrap().contents).unwrap()
    };
    assert!(get("park.json").get("figures").is_none());
    let companies = get("companies.geojson");
    let list = companies["features"].as_array().unwrap();
    assert_eq!(list.len(), n);
    let ids: BTreeSet<&str> = list.iter().map(|c| text(c, "id")).collect();
    assert_eq!(ids.len(), n);
    // Same geometry as the shipped park.
    let shipped = files.iter().find(|f| f.name == "greenway.geojson").unwrap();
    assert_eq!(shipped.contents, bundle().files[4].contents);
    // Sites of its own seed: as many, placed elsewhere.
    let sites = get("sites.geojson");
    assert_eq!(sites["features"].as_array().unwrap().len(), features("sites.geojson").len());
    assert_ne!(
        files.iter().find(|f| f.name == "sites.geojson").unwrap().contents,
        bundle().files[7].contents
    );
}

#[test]
fn every_generated_sector_and_sponge_feature_has_a_name_in_each_language() {
    use crate::i18n::{lookup, Lang};
    let sectors = features("companies.geojson").iter().map(|c| ("sector", &c["properties"]["sector"]));
    let sponge = ["greenway.geojson", "waterfront.geojson"]
        .iter()
        .flat_map(|f| features(f))
        .filter_map(|t| t["properties"]["sponge"].as_array())
        .flatten()
        .map(|v| ("sponge", v));
    let mut checked = 0;
    for (kind, value) in sectors.chain(sponge) {
        let value = value.as_str().expect("a string");
        for lang in [Lang::Zh, Lang::En, Lang::Ru] {
            let name = lookup(lang, &format!("{kind}.{value}"));
            assert!(name.is_some_and(|n| !n.is_empty()), "{kind} {value} has no {lang:?} name");
        }
        checked += 1;
    }
    assert!(checked > 600, "{checked} values");
}
