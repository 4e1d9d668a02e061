use super::*;
use crate::geo::Viewport;

fn shipped() -> (Manifest, Park) {
    load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/park.json"))
        .expect("the shipped park loads")
}

/// The numbers of a `place` rule: (dx, dy) in metres.
fn offsets(rule: &str) -> (f64, f64) {
    let num = |key: &str| -> f64 {
        rule.split(key).nth(1).unwrap().split([';', '}']).next().unwrap().parse().unwrap()
    };
    (num("--x:"), num("--y:"))
}

#[test]
fn the_shipped_park_renders_the_same_every_time() {
    let (m, park) = shipped();
    let a = render(&m, &park, &Options::default());
    let b = render(&m, &park, &Options::default());
    assert_eq!(a, b);
}

#[test]
fn every_zone_and_trail_of_the_shipped_park_is_drawn_once() {
    let (m, park) = shipped();
    assert!(!park.zones.is_empty() && !park.greenway.is_empty() && !park.waterfront.is_empty());
    let p = render(&m, &park, &Options::default());
    for z in &park.zones {
        assert!(
            p.html.contains(&format!(r#"class="{}" d="M"#, crate::classes::zone(z, "pr"))),
            "zone {}",
            z.id
        );
    }
    assert_eq!(p.html.matches(r#"class="pr__zone "#).count(), park.zones.len());
    for t in park.waterfront.iter().chain(&park.greenway) {
        assert!(p.html.contains(&crate::classes::trail(t, "pr")), "trail {}", t.id);
    }
    assert_eq!(p.html.matches(r#"class="pr__trail "#).count(), park.waterfront.len() + park.greenway.len());
    assert_eq!(p.html.matches(r#"class="pr__context "#).count(), park.context.len());
    assert!(p.html.starts_with(r#"<div id="prerender" class="prerender" aria-hidden="true">"#));
    assert_eq!(p.langs, ["zh", "en", "ru"]);
    assert!(p.html.contains(r#"<p class="prerender__title" lang="zh">深哈产业园</p>"#));
}

#[test]
fn every_cluster_set_holds_every_company_once() {
    let (m, park) = shipped();
    let p = render(&m, &park, &Options::default());
    assert!(p.zooms.len() >= 2, "phones and desktops fit at different zooms: {:?}", p.zooms);
    let mut cache = ClusterCache::new(SpatialIndex::new(&park.companies), DEFAULT_RADIUS_PX);
    for z in &p.zooms {
        let band = p.html.split(&format!(r#"<g class="pr__band pr__band--{z}">"#)).nth(1).unwrap();
        let band = band.split(r#"<g class="pr__band "#).next().unwrap();
        let clusters = cache.level(*z).to_clusters();
        assert_eq!(band.matches(&format!(r#"<g class="pr__m{z}-"#)).count(), clusters.len());
        let counted: usize = clusters.iter().map(|c| c.len()).sum();
        assert_eq!(counted, park.companies.len());
        assert_eq!(p.css.matches(&format!(".pr__m{z}-")).count(), clusters.len());
    }
}

#[test]
fn the_fitted_zoom_is_the_apps() {
    let (m, _) = shipped();
    for (w, h) in [(1366.0, 743.0), (390.0, 788.0), (800.0, 600.0), (3000.0, 300.0)] {
        let app = Viewport::new(MapPoint::default(), 14.0, w, h).fit(&m.bounds, FIT_PADDING_PX);
        assert!((fitted_zoom(&m.bounds, w, h) - app.zoom).abs() < 1e-9, "{w}×{h}");
    }
}

#[test]
fn a_marker_rule_puts_it_where_the_app_draws_it() {
    let (m, park) = shipped();
    let origin = m.bounds.center();
    for (w, h) in [(1366.0, 743.0), (390.0, 788.0)] {
        let app = Viewport::new(MapPoint::default(), 14.0, w, h).fit(&m.bounds, FIT_PADDING_PX);
        let pad = 2.0 * FIT_PADDING_PX;
        let s = ((w - pad) / m.bounds.width()).min((h - pad) / m.bounds.height());
        for c in park.companies.iter().take(20) {
            let (dx, dy) = offsets(&css::place("x", c.map, origin));
            let at = app.map_to_screen(c.map);
            assert!((w / 2.0 + dx * s - at.x).abs() < 0.1 && (h / 2.0 + dy * s - at.y).abs() < 0.1);
        }
    }
}

#[test]
fn each_cluster_set_shows_from_the_size_whose_fitted_zoom_reaches_it() {
    let (m, park) = shipped();
    let p = render(&m, &park, &Options::default());
    for rule in p.css.lines().filter(|l| l.starts_with("@container")) {
        let num = |key: &str| -> f64 {
            rule.split(key).nth(1).unwrap().split("px").next().unwrap().parse().unwrap()
        };
        let (w, h) = (num("min-width:"), num("min-height:"));
        let z: f64 = rule.rsplit("pr__band--").next().unwrap().split('{').next().unwrap().parse().unwrap();
        assert_eq!(fitted_zoom(&m.bounds, w + 0.01, h + 0.01).floor(), z, "{rule}");
        assert_eq!(fitted_zoom(&m.bounds, w - 0.01, h + 100.0).floor(), z - 1.0, "{rule}");
    }
}

#[test]
fn a_missing_layer_is_a_read_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("parkmap-prerender-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/park.json")).unwrap();
    std::fs::write(dir.join("park.json"), manifest).unwrap();
    let err = load(&dir.join("park.json")).unwrap_err();
    assert!(matches!(err, PrerenderError::Read { .. }));
    assert!(err.to_string().contains("context.geojson"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
