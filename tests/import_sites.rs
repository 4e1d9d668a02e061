//! `parkmap-import` for sites and for data placed where it is: a sites layer from a CSV (lon/lat and
//! WKT) and from GeoJSON, bad rows located at their line and column; companies without a zone put
//! in the zone that holds them, from the same import or an existing bundle.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use parkmap::import::run::run;
use parkmap::model::{Layer, LayerKind, Price, SiteType};
use parkmap::read::parse_layer;
use parkmap::validate::files::validate_path;

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parkmap-import-sites-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `files` into `dir` and runs the importer into `dir/out` with `extra` flags and the files as
/// inputs: (exit status, stdout, stderr with the folder's path taken out).
fn import(dir: &Path, files: &[(&str, &str)], extra: &[&str]) -> (u8, String, String) {
    let out = dir.join("out");
    let mut args: Vec<String> = [
        "--out",
        out.to_str().unwrap(),
        "--name-zh",
        "测试园",
        "--name-en",
        "Test Park",
        "--attribution",
        "Test data",
        "--attribution-ru",
        "Тестовые данные",
        "--provenance",
        "Hand-made",
        "--provenance-ru",
        "Вручную",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    for e in extra {
        args.push(e.replace("{dir}", dir.to_str().unwrap()));
    }
    args.extend(files.iter().map(|(name, _)| dir.join(name).to_str().unwrap().to_owned()));
    let (mut o, mut e) = (Vec::new(), Vec::new());
    let status = run(&args, &mut o, &mut e);
    let strip = |b: Vec<u8>| String::from_utf8(b).unwrap().replace(&format!("{}/", dir.display()), "");
    (status, strip(o), strip(e))
}

/// Two zones sharing the edge at longitude 126.51 (z1 west of it, z2 east).
const ZONES: &str = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"z1","name_zh":"西区","name_en":"West","category":"industry"},
 "geometry":{"type":"Polygon","coordinates":[[[126.50,45.83],[126.51,45.83],[126.51,45.84],[126.50,45.84],[126.50,45.83]]]}},
{"type":"Feature","properties":{"id":"z2","name_zh":"东区","name_en":"East","category":"innovation_hq"},
 "geometry":{"type":"Polygon","coordinates":[[[126.51,45.83],[126.52,45.83],[126.52,45.84],[126.51,45.84],[126.51,45.83]]]}}]}"#;

fn layer(dir: &Path, name: &str, kind: LayerKind) -> Layer {
    let parse = parse_layer(kind, name, &std::fs::read_to_string(dir.join("out").join(name)).unwrap());
    assert!(
        parse.errors.is_empty() && parse.notes.is_empty(),
        "{name}: {:?} {:?}",
        parse.errors,
        parse.notes
    );
    parse.layer
}

#[test]
fn companies_without_a_zone_get_the_zone_that_holds_them_a_shared_edge_the_first() {
    let dir = scratch("zones");
    let csv = "id,name,lon,lat\nc1,Inside West,126.505,45.835\nc2,On The Edge,126.51,45.835\nc3,Outside,126.60,45.835\n\
               c4,Inside East,126.515,45.836\n";
    let (status, stdout, stderr) = import(&dir, &[("zones.geojson", ZONES), ("companies.csv", csv)], &[]);
    assert_eq!((status, stdout.as_str()), (0, ""), "{stderr}");
    let Layer::Companies(c) = layer(&dir, "companies.geojson", LayerKind::Companies) else { panic!() };
    let zones: Vec<(&str, Option<&str>)> = c.iter().map(|c| (c.id.as_str(), c.zone.as_deref())).collect();
    assert_eq!(zones, [("c1", Some("z1")), ("c2", Some("z1")), ("c3", None), ("c4", Some("z2"))]);
    for line in [
        "warning: companies.csv: zone: missing; set to the zone that holds the point (2 features, first \"Inside West\" at line 2, in \"z1\")",
        "warning: companies.csv:3: \"On The Edge\": zone: on the edge of zones \"z1\" and \"z2\"; placed in \"z1\", the first",
        "warning: companies.csv:4: \"Outside\": zone: in no zone; left without one",
    ] {
        assert!(stderr.lines().any(|l| l == line), "{line}\nnot in\n{stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn zones_of_an_existing_bundle_place_companies_and_a_different_zone_given_is_noted_and_kept() {
    let dir = scratch("zones-from");
    std::fs::create_dir_all(dir.join("old")).unwrap();
    std::fs::write(dir.join("old/zones.geojson"), ZONES).unwrap();
    std::fs::write(
        dir.join("old/park.json"),
        r#"{"parkmap":1,"id":"old","name":{"zh":"旧","en":"Old"},"bounds":[126.4,45.8,126.6,45.9],
           "attribution":{"zh":"数据","en":"Data"},"provenance":{"zh":"示意","en":"Illustrative"},
           "layers":[{"id":"zones","kind":"zones","url":"zones.geojson"}]}"#,
    )
    .unwrap();
    let csv = "id,name,lon,lat,zone\nc1,Placed,126.515,45.835,\nc2,Said East,126.505,45.835,z2\n";
    let (status, stdout, stderr) =
        import(&dir, &[("companies.csv", csv)], &["--zones-from", "{dir}/old/park.json"]);
    assert_eq!(status, 1, "the validator cannot check c2's zone without the zones layer: {stdout}\n{stderr}");
    assert!(stderr.contains("warning: companies.csv:3: \"Said East\": zone: \"z2\" given, but it lies in zone \"z1\"; kept as given"), "{stderr}");
    let Layer::Companies(c) = layer(&dir, "companies.geojson", LayerKind::Companies) else { panic!() };
    assert_eq!((c[0].zone.as_deref(), c[1].zone.as_deref()), (Some("z2"), Some("z2")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sites_layer_imports_from_a_csv_with_lon_lat_and_wkt_and_from_geojson() {
    let dir = scratch("sites");
    let csv = "id,name_zh,name_en,type,wkt,lon,lat,area_m2,land_use,status,power_kva,gas,district_heating,price_sale_yuan_m2,price_rent_yuan_m2_month\n\
               s1,一号地块,Parcel 1,land,\"POLYGON((126.501 45.831,126.505 45.831,126.505 45.834,126.501 45.831))\",,,,industrial,available,2000,yes,yes,320,\n\
               s2,二号地块,Parcel 2,land,\"MULTIPOLYGON(((126.506 45.831,126.509 45.831,126.509 45.834,126.506 45.834,126.506 45.831)))\",,,,industrial,reserved,,no,yes,300,\n\
               s3,孵化器,Incubator,incubator,,126.515,45.835,600,rnd,available,,,,,28\n";
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"s4","name_en":"Office floor","type":"office",
        "area_m2":900,"status":"available","price_on_request":true},"geometry":{"type":"Point","coordinates":[126.516,45.838]}}]}"#;
    let (status, stdout, stderr) = import(
        &dir,
        &[("zones.geojson", ZONES), ("sites.csv", csv), ("offices.geojson", geojson)],
        &["--as", "sites={dir}/sites.csv", "--as", "sites={dir}/offices.geojson"],
    );
    assert_eq!((status, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains(", 4 sites"), "{stderr}");
    assert!(
        stderr
            .contains("warning: sites.csv: zone: missing; set to the zone that holds the point (3 features"),
        "{stderr}"
    );
    let Layer::Sites(s) = layer(&dir, "sites.geojson", LayerKind::Sites) else { panic!() };
    let kinds: Vec<(&str, SiteType, Option<&str>)> =
        s.iter().map(|s| (s.id.as_str(), s.kind, s.zone.as_deref())).collect();
    assert_eq!(
        kinds,
        [
            ("s1", SiteType::Land, Some("z1")),
            ("s2", SiteType::Land, Some("z1")),
            ("s3", SiteType::Incubator, Some("z2")),
            ("s4", SiteType::Office, Some("z2")),
        ]
    );
    assert_eq!(s[0].price, Some(Price::Sale { yuan_m2: 320.0 }));
    assert_eq!(s[2].price, Some(Price::Rent { yuan_m2_month: 28.0 }));
    assert_eq!(s[3].price, Some(Price::OnRequest));
    // The triangle's area is its geodesic one (none was given); the CSV's yes/no became booleans.
    assert!((s[0].area_m2.unwrap() - 0.5 * 311.0 * 333.6).abs() < 600.0, "{:?}", s[0].area_m2);
    assert_eq!((s[0].utilities.gas, s[1].utilities.gas), (Some(true), Some(false)));
    assert!(validate_path(&dir.join("out/park.json")).unwrap().is_clean());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_site_rows_are_named_by_file_line_and_column_and_nothing_is_written() {
    let dir = scratch("bad-sites");
    let csv = "id,name,type,wkt,area_m2,price_sale_yuan_m2\n\
               s1,Good,land,\"POLYGON((126.501 45.831,126.505 45.831,126.505 45.834,126.501 45.831))\",,300\n\
               s2,Broken ring,land,\"POLYGON((126.501 45.831,126.505))\",,300\n\
               s3,Bad area,land,\"POINT(126.51 45.835)\",lots,300\n\
               s4,Line,land,\"LINESTRING(126.51 45.835,126.52 45.836)\",,\n";
    let (status, _, stderr) = import(&dir, &[("sites.csv", csv)], &["--as", "sites={dir}/sites.csv"]);
    assert_eq!(status, 1);
    assert_eq!(
        stderr,
        "error: sites.csv:3: wkt: a position needs 2 to 4 numbers, found 1 at character 32\n\
         error: sites.csv:4: area_m2: \"lots\" is not a number\n\
         error: sites.csv:5: wkt: \"LINESTRING\" is not read here: a site is a POINT, POLYGON or MULTIPOLYGON at character 1\n\
         no bundle written: 3 problems\n"
    );
    assert!(!dir.join("out").exists());
    // A negative price is the reader's to refuse: named at the row it came from.
    let csv = "id,name,type,lon,lat,price_rent_yuan_m2_month\ns1,Floor,office,126.515,45.835,-4\n";
    let (status, _, stderr) = import(&dir, &[("sites.csv", csv)], &["--as", "sites={dir}/sites.csv"]);
    assert_eq!(status, 1);
    assert!(
        stderr.starts_with(
            "error: sites.csv:2: \"Floor\": price_rent_yuan_m2_month: -4 is negative; dropped\n"
        ),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_context_feature_without_a_kind_is_kept_in_a_neutral_style_with_a_note() {
    let dir = scratch("context");
    let geojson = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"Old dyke"},"geometry":{"type":"LineString","coordinates":[[126.50,45.83],[126.52,45.83]]}},
      {"type":"Feature","properties":{"kind":"forest"},"geometry":{"type":"Polygon","coordinates":[[[126.50,45.84],[126.51,45.84],[126.51,45.85],[126.50,45.84]]]}},
      {"type":"Feature","properties":{"kind":"road"},"geometry":{"type":"LineString","coordinates":[[126.50,45.835],[126.52,45.835]]}}]}"#;
    let (status, _, stderr) =
        import(&dir, &[("context.geojson", geojson)], &["--as", "context={dir}/context.geojson"]);
    assert_eq!(status, 0, "{stderr}");
    for line in [
        "warning: context.geojson: kind: missing; a line drawn in a neutral style (1 feature, first feature at index 0)",
        "warning: context.geojson: kind: not a known kind; an area drawn in a neutral style (1 feature, first feature at index 1; e.g. \"forest\")",
    ] {
        assert!(stderr.lines().any(|l| l == line), "{line}\nnot in\n{stderr}");
    }
    let written = std::fs::read_to_string(dir.join("out/context.geojson")).unwrap();
    let kinds: Vec<&str> =
        written.lines().filter_map(|l| l.split("\"kind\":\"").nth(1)?.split('"').next()).collect();
    assert_eq!(kinds, ["other", "other", "road"]);
    std::fs::remove_dir_all(&dir).unwrap();
}
