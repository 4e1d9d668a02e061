use super::*;
use crate::geo::china::wgs84_to_gcj02;
use crate::geo::MapBounds;

/// The slippy-map formula for a tile's north-west corner (OpenStreetMap wiki), independent of the
/// module's metre arithmetic.
fn slippy_corner(z: u8, x: f64, y: f64) -> LonLat {
    let n = 2f64.powi(i32::from(z));
    let lon = x / n * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y / n)).sinh().atan().to_degrees();
    LonLat::lon_lat(lon, lat)
}

fn park() -> MapPoint {
    LonLat::lon_lat(126.53, 45.84).to_map()
}

#[test]
fn tile_pixels_line_up_with_the_svg_within_half_a_pixel() {
    let centres = [
        park(),
        LonLat::lon_lat(-73.98, 40.75).to_map(),
        LonLat::lon_lat(0.001, -0.001).to_map(),
        LonLat::lon_lat(179.99, 60.0).to_map(),
        LonLat::lon_lat(114.06, 22.54).to_map(),
    ];
    let mut checked = 0;
    for centre in centres {
        for step in 0..=36 {
            let zoom = 10.0 + f64::from(step) * 0.25 + 0.013;
            for &(w, h) in &[(1366.0, 800.0), (390.0, 844.0)] {
                let view = Viewport::new(centre, zoom, w, h);
                let tiles = tiles_in_view(&view, 18, 1);
                assert!(!tiles.is_empty());
                for t in &tiles {
                    let z = t.tile.z;
                    let scale = 2f64.powf(view.zoom - f64::from(z));
                    assert!((t.rect.width() - TILE_PX * scale).abs() < 1e-6, "zoom {zoom}: {t:?}");
                    assert!((t.rect.height() - TILE_PX * scale).abs() < 1e-6, "zoom {zoom}: {t:?}");
                    // image pixel (u, v) of the tile, where the SVG draws the same map point
                    for &(u, v) in &[(0.0, 0.0), (255.0, 0.0), (0.0, 255.0), (128.0, 77.0), (256.0, 256.0)] {
                        let at = slippy_corner(
                            z,
                            t.column as f64 + u / TILE_PX,
                            f64::from(t.tile.y) + v / TILE_PX,
                        );
                        let svg = view.map_to_screen(at.to_map());
                        let img = ScreenPoint::new(t.rect.min.x + u * scale, t.rect.min.y + v * scale);
                        assert!(
                            svg.distance(img) < 0.5,
                            "zoom {zoom} {t:?} pixel ({u},{v}): {svg:?} vs {img:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn tiles_cover_the_view_and_the_margin_adds_a_ring() {
    for zoom in [12.0, 13.4, 14.5, 15.77, 18.2] {
        let view = Viewport::new(park(), zoom, 1366.0, 800.0);
        let tight = tiles_in_view(&view, 18, 0);
        for i in 0..=20 {
            for j in 0..=20 {
                let p = ScreenPoint::new(view.width * f64::from(i) / 20.0, view.height * f64::from(j) / 20.0);
                let inside = |t: &PlacedTile| {
                    t.rect.min.x <= p.x && p.x <= t.rect.max.x && t.rect.min.y <= p.y && p.y <= t.rect.max.y
                };
                assert!(tight.iter().any(inside), "zoom {zoom}: {p:?} uncovered");
            }
        }
        let cols =
            |ts: &[PlacedTile]| ts.iter().map(|t| t.column).collect::<std::collections::BTreeSet<_>>().len();
        let rows =
            |ts: &[PlacedTile]| ts.iter().map(|t| t.tile.y).collect::<std::collections::BTreeSet<_>>().len();
        let wide = tiles_in_view(&view, 18, 1);
        assert_eq!(cols(&wide), cols(&tight) + 2);
        assert_eq!(rows(&wide), rows(&tight) + 2);
        assert_eq!(wide.len(), cols(&wide) * rows(&wide));
    }
}

#[test]
fn fractional_zoom_rounds_to_the_nearest_tile_zoom_and_clamps() {
    let at = |zoom: f64| Viewport::new(park(), zoom, 800.0, 600.0);
    assert_eq!(tile_zoom(&at(14.49), 18), 14);
    assert_eq!(tile_zoom(&at(14.5), 18), 15);
    assert_eq!(tile_zoom(&at(19.0), 18), 18);
    let over = tiles_in_view(&at(19.0), 18, 0);
    assert!(over.iter().all(|t| t.tile.z == 18 && (t.rect.width() - 512.0).abs() < 1e-6));
}

#[test]
fn columns_wrap_at_the_antimeridian() {
    let view = Viewport::new(LonLat::lon_lat(179.9, 0.0).to_map(), 10.0, 1366.0, 800.0)
        .with_limits(0.0, 19.0)
        .with_zoom(6.0);
    let tiles = tiles_in_view(&view, 18, 1);
    let n = 1u32 << 6;
    assert!(tiles.iter().all(|t| t.tile.x < n));
    let east = tiles.iter().find(|t| t.column == i64::from(n)).expect("a column east of 180°");
    assert_eq!(east.tile.x, 0);
    assert!(east.rect.min.x > view.width / 2.0);
    let keys: std::collections::HashSet<String> = tiles.iter().map(PlacedTile::key).collect();
    assert_eq!(keys.len(), tiles.len(), "keys are unique");
}

#[test]
fn no_rows_beyond_the_poles_even_zoomed_out() {
    for (lat, zoom) in [(84.0, 3.0), (-84.0, 2.2), (0.0, 0.0), (60.0, 1.4)] {
        let view =
            Viewport::new(LonLat::lon_lat(10.0, lat).to_map(), zoom, 1920.0, 1080.0).with_limits(0.0, 19.0);
        let view = view.with_zoom(zoom);
        let tiles = tiles_in_view(&view, 18, 2);
        let z = tile_zoom(&view, 18);
        assert!(!tiles.is_empty());
        assert!(tiles.iter().all(|t| t.tile.y < 1 << z && t.tile.x < 1 << z), "lat {lat} zoom {zoom}");
        assert!(tiles.len() <= MAX_TILES);
    }
}

#[test]
fn nearest_tiles_come_first() {
    let view = Viewport::new(park(), 15.3, 1366.0, 800.0);
    let tiles = tiles_in_view(&view, 18, 1);
    let c = ScreenPoint::new(683.0, 400.0);
    let d: Vec<f64> = tiles.iter().map(|t| t.rect.center().distance(c)).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));
    assert!(tiles[0].rect.min.x <= c.x && c.x <= tiles[0].rect.max.x);
}

#[test]
fn subdomains_are_chosen_per_tile_and_spread() {
    let subs = ["a", "b", "c"];
    let mut seen = std::collections::BTreeMap::new();
    for x in 0..6u32 {
        for y in 0..6u32 {
            let tile = TileId { z: 5, x, y };
            let url = expand("https://{s}.t/{z}/{x}/{y}.png", tile, &subs, false);
            assert_eq!(url, expand("https://{s}.t/{z}/{x}/{y}.png", tile, &subs, false));
            *seen.entry(url.split('.').next().unwrap().to_owned()).or_insert(0) += 1;
        }
    }
    assert_eq!(seen.values().copied().collect::<Vec<_>>(), [12, 12, 12], "{seen:?}");
}

#[test]
fn templates_are_checked() {
    let t = TileTemplate::new("https://t/{z}/{x}/{y}{r}.png?k=1", &[]).unwrap();
    assert_eq!(t.url(TileId { z: 3, x: 1, y: 2 }, false), "https://t/3/1/2.png?k=1");
    assert_eq!(t.url(TileId { z: 3, x: 1, y: 2 }, true), "https://t/3/1/2@2x.png?k=1");
    assert!(matches!(
        TileTemplate::new("https://t/{z}/{x}.png", &[]),
        Err(TemplateError::Missing { placeholder: "{y}", .. })
    ));
    assert!(matches!(
        TileTemplate::new("https://t/{z}/{x}/{y}/{apikey}.png", &[]),
        Err(TemplateError::Unknown { placeholder, .. }) if placeholder == "{apikey}"
    ));
    assert!(TileTemplate::new("https://t/{z}/{x}/{-y}.png", &[]).is_ok());
    let e = TileTemplate::new("https://{s}.t/{z}/{x}/{y}.png", &[]).unwrap_err();
    assert!(e.to_string().contains("{s}"), "{e}");
    // an unclosed brace is reported, and expand leaves it as it is
    assert!(TileTemplate::new("https://t/{z}/{x}/{y}.png?{", &[]).is_err());
    assert_eq!(expand("/{z}/{x}/{y}{", TileId { z: 1, x: 0, y: 1 }, &[], false), "/1/0/1{");
}

#[test]
fn gcj02_tiles_shift_the_drawing_only_in_china() {
    let p = LonLat::lon_lat(126.53, 45.857);
    let m = p.to_map();
    let want = wgs84_to_gcj02(p).to_map();
    let got = TileCrs::Gcj02.draw_map(m);
    assert!((got.x - want.x).abs() < 1e-6 && (got.y - want.y).abs() < 1e-6);
    assert_eq!(TileCrs::Wgs84.draw_map(m), m);
    assert_eq!(TileCrs::default(), TileCrs::Wgs84);
    let paris = LonLat::lon_lat(2.35, 48.85).to_map();
    let moved = TileCrs::Gcj02.draw_map(paris);
    assert!((moved.x - paris.x).abs() < 1e-6 && (moved.y - paris.y).abs() < 1e-6);
}

#[test]
fn the_gcj02_shift_varies_slowly() {
    // ~40 Mercator metres across the park; within one view a few pixels at any zoom (the formula's
    // short-period terms make the local gradient up to ~0.5 %).
    let b = MapBounds::from_lon_lat(126.457, 45.806, 126.583, 45.868);
    let c = TileCrs::Gcj02.shift_at(b.center());
    assert!(c.x.hypot(c.y) > 400.0, "{c:?}"); // Mercator metres, ~1.4x ground metres here
    for corner in [b.min, b.max, MapPoint::new(b.min.x, b.max.y), MapPoint::new(b.max.x, b.min.y)] {
        let s = TileCrs::Gcj02.shift_at(corner);
        assert!((s.x - c.x).hypot(s.y - c.y) < 60.0, "{s:?} vs {c:?}");
    }
    for zoom in [13.0, 15.5, 18.0] {
        let view = Viewport::new(b.center(), zoom, 1366.0, 800.0);
        let worst = [(0.0, 0.0), (1366.0, 800.0), (0.0, 800.0), (1366.0, 0.0)]
            .iter()
            .map(|&(x, y)| {
                let s = TileCrs::Gcj02.shift_at(view.screen_to_map(ScreenPoint::new(x, y)));
                (s.x - c.x).hypot(s.y - c.y) / view.resolution()
            })
            .fold(0.0, f64::max);
        eprintln!("zoom {zoom}: a constant tile shift is off by up to {worst:.2} px at the corners");
        assert!(worst < 8.0, "zoom {zoom}: {worst} px");
    }
}
