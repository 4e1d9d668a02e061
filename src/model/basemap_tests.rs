use super::*;
use crate::geo::china::wgs84_to_gcj02;
use crate::geo::measure::distance_m;
use crate::geo::LonLat;
use crate::model::{Company, PolygonGeom, Zone};

#[test]
fn a_good_template_is_kept_with_its_defaults() {
    let b =
        Basemap::new("https://tile.example.org/{z}/{x}/{y}.png", &[], None, TileCrs::Wgs84, None).unwrap();
    assert_eq!(b.tiles, "https://tile.example.org/{z}/{x}/{y}.png");
    assert_eq!(b.max_zoom, DEFAULT_TILE_MAX_ZOOM);
    assert_eq!(b.attribution, None);
    let t = crate::geo::tiles::TileId { z: 3, x: 1, y: 2 };
    assert_eq!(b.template.url(t, false), "https://tile.example.org/3/1/2.png");
    let s =
        Basemap::new("https://{s}.t.example/{z}/{x}/{y}{r}.png", &[], None, TileCrs::Wgs84, None).unwrap();
    assert_eq!(s.template.url(t, true), "https://a.t.example/3/1/2@2x.png"); // (1 + 2) mod 3 = 0
}

#[test]
fn only_absolute_http_templates_are_accepted() {
    for bad in [
        "javascript:alert({z}{x}{y})",
        "data:image/png,{z}{x}{y}",
        "/tiles/{z}/{x}/{y}.png",
        "https://",
        "ftp://x/{z}/{x}/{y}",
    ] {
        let e = Basemap::new(bad, &[], None, TileCrs::Wgs84, None).unwrap_err();
        assert!(matches!(e, BasemapError::Scheme { .. }), "{bad}: {e:?}");
    }
    assert!(Basemap::new("HTTP://127.0.0.1:8080/{z}/{x}/{y}.png", &[], None, TileCrs::Wgs84, None).is_ok());
    let e = Basemap::new("https://t.example/{z}/{x}/{y}.png\" onerror=\"x", &[], None, TileCrs::Wgs84, None);
    assert!(matches!(e, Err(BasemapError::Characters { .. })));
    let long = format!("https://t.example/{}/{{z}}/{{x}}/{{y}}", "a".repeat(MAX_TEMPLATE_CHARS));
    assert_eq!(Basemap::new(&long, &[], None, TileCrs::Wgs84, None), Err(BasemapError::TooLong));
}

#[test]
fn a_template_without_y_names_what_is_missing() {
    let e = Basemap::new("https://t.example/{z}/{x}.png", &[], None, TileCrs::Wgs84, None).unwrap_err();
    assert_eq!(e.to_string(), "tile URL template \"https://t.example/{z}/{x}.png\" has no {y}");
    let e =
        Basemap::new("https://t.example/{z}/{x}/{y}{q}.png", &[], None, TileCrs::Wgs84, None).unwrap_err();
    assert!(e.to_string().contains("unknown placeholder \"{q}\""), "{e}");
}

#[test]
fn attribution_is_one_line_of_plain_text() {
    assert_eq!(clean_attribution("a\u{0}b\tc\n\nd"), "a b c d");
    let long = clean_attribution(&"x".repeat(1000));
    assert_eq!(long.chars().count(), MAX_ATTRIBUTION_CHARS);
    assert!(long.ends_with('…'));
    let b = Basemap::new("https://t.example/{z}/{x}/{y}", &[], Some("  \n "), TileCrs::Wgs84, None).unwrap();
    assert_eq!(b.attribution, None);
}

#[test]
fn gcj02_moves_only_where_features_are_drawn() {
    let pos = LonLat::lon_lat(126.53, 45.857);
    let ring = vec![pos, LonLat::lon_lat(126.54, 45.857), LonLat::lon_lat(126.54, 45.86), pos];
    let zone = Zone {
        polygons: vec![PolygonGeom {
            map_rings: vec![ring.iter().map(|p| p.to_map()).collect()],
            rings: vec![ring.clone()],
        }],
        label: pos.to_map(),
        ..Zone::sample("z")
    };
    let mut layers = [
        Layer::Companies(vec![Company { pos, map: pos.to_map(), ..Company::sample("c") }]),
        Layer::Zones(vec![zone]),
    ];
    let before = layers.clone();
    for l in &mut layers {
        l.draw_for(TileCrs::Wgs84);
    }
    assert_eq!(layers, before);
    for l in &mut layers {
        l.draw_for(TileCrs::Gcj02);
    }
    let gcj = wgs84_to_gcj02(pos).to_map();
    let Layer::Companies(c) = &layers[0] else { unreachable!() };
    assert_eq!(c[0].pos, pos, "the WGS84 position is untouched");
    assert!((c[0].map.x - gcj.x).abs() < 1e-6 && (c[0].map.y - gcj.y).abs() < 1e-6);
    let Layer::Zones(z) = &layers[1] else { unreachable!() };
    assert_eq!(z[0].polygons[0].rings[0], ring);
    assert!(distance_m(z[0].polygons[0].map_rings[0][0].to_lon_lat(), pos) > 300.0);
    assert!(distance_m(z[0].label.to_lon_lat(), wgs84_to_gcj02(pos)) < 0.01);
}

#[test]
fn a_point_drawn_then_clicked_comes_back_within_a_centimetre() {
    for crs in [TileCrs::Wgs84, TileCrs::Gcj02] {
        for (lon, lat) in [(126.53, 45.857), (126.41, 45.79), (116.39, 39.91), (114.06, 22.54), (2.35, 48.85)]
        {
            let p = LonLat::lon_lat(lon, lat);
            let back = crs.undraw_map(crs.draw_map(p.to_map()));
            assert!(distance_m(back, p) < 0.01, "{crs:?} {p:?} → {back:?}");
        }
    }
}

#[test]
fn moved_bounds_keep_their_size() {
    let b = MapBounds::from_lon_lat(126.4, 45.8, 126.6, 45.9);
    assert_eq!(bounds_for(b, TileCrs::Wgs84), b);
    let g = bounds_for(b, TileCrs::Gcj02);
    assert!((g.width() - b.width()).abs() < 200.0 && (g.height() - b.height()).abs() < 200.0);
    assert!(g.min.x > b.min.x, "GCJ-02 moves the park east here");
}
