//! The pre-rendered first view: the default park's picture at its fitted view (context, zones,
//! trails and company clusters), drawn natively at build time with the app's own code — the same
//! parser, projection, path writer, class names and clustering — and written into `index.html` by
//! `scripts/post-build.mjs` (through the `parkmap-prerender` binary), so a phone paints the park
//! before the wasm has arrived. The app removes it once its own map has drawn (`ui::prerender`).
//!
//! How it fits any window the way the app's fit does: the app shows the manifest's bounds scaled by
//! `min((W − 2p) / bw, (H − 2p) / bh)` and centred (`Viewport::fit` with
//! [`FIT_PADDING_PX`] = p). The world layers are one `<svg>` inset by p with the bounds as its
//! `viewBox` and `xMidYMid meet`, which is that same scale and centre. Markers keep their pixel
//! size, so they sit in a second, unscaled `<svg>`, each moved by a CSS rule computed from the
//! same scale with container-query units (the map box is a size container). The clusters depend
//! on the integer zoom, which depends on the window: one set per zoom a window can give, each
//! shown by a container query on the map box's size.

mod css;
#[cfg(test)]
mod tests;

use crate::geo::svg::{lines_path_in, polygons_path_in};
use crate::geo::viewport::{zoom_for_resolution, FIT_PADDING_PX};
use crate::geo::{MapBounds, MapPoint};
use crate::i18n::Lang;
use crate::index::{cluster_radius_px, ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX, SINGLES_ZOOM};
use crate::model::{DataError, LayerKind, Manifest, Park};
use crate::read::{parse_layer, parse_manifest};
use crate::world::WorldSvg;
use geo::Simplify;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The `id` of the pre-rendered element in `index.html` (the app removes the element by it).
pub const ELEMENT_ID: &str = "prerender";

/// Why the pre-render could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    /// A file of the bundle could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The manifest is unusable (its problems, located).
    #[error("the manifest is unusable: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Manifest(Vec<DataError>),
}

/// How the picture is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Coordinates are rounded to `1 / steps_per_metre` metres (1: whole metres, well under a pixel
    /// at any fitted view of a park).
    pub steps_per_metre: f64,
    /// Douglas–Peucker tolerance in metres for lines and rings (0: none).
    pub simplify_m: f64,
    /// The smallest and the largest map box (CSS pixels) to draw clusters for; other sizes show
    /// the nearest set.
    pub min_size: (f64, f64),
    /// See `min_size`.
    pub max_size: (f64, f64),
}

impl Default for Options {
    /// Whole metres and a 4 m simplification: the shipped park fits a 1366-pixel-wide window at
    /// about 10 m per pixel, a phone at about 38 m. Cluster sets for map boxes from a small
    /// phone's to a 1920 × 1080 screen's (larger ones show that screen's set).
    fn default() -> Self {
        Options {
            steps_per_metre: 1.0,
            simplify_m: 4.0,
            min_size: (320.0, 400.0),
            max_size: (1920.0, 1020.0),
        }
    }
}

/// The picture, ready for `index.html`.
#[derive(Clone, Debug, PartialEq)]
pub struct Prerender {
    /// The element, to insert at the start of `<body>`.
    pub html: String,
    /// Its geometry-dependent rules (marker positions, cluster sets), for a stylesheet.
    pub css: String,
    /// The languages it has a title in (`zh en ru`).
    pub langs: Vec<&'static str>,
    /// The integer zooms it has a cluster set for, ascending.
    pub zooms: Vec<u8>,
}

/// Reads the manifest at `manifest` and every layer it names, as the app does (same parser; a
/// feature the parser refuses is left out, as the app leaves it out).
pub fn load(manifest: &Path) -> Result<(Manifest, Park), PrerenderError> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| PrerenderError::Read { path: path.to_owned(), source })
    };
    let file = manifest.file_name().and_then(|f| f.to_str()).unwrap_or("park.json");
    let (m, _) = parse_manifest(file, &read(manifest)?).map_err(PrerenderError::Manifest)?;
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let mut park = Park { junction_tolerance_m: m.junction_tolerance_m, ..Park::default() };
    for layer in &m.layers {
        park.add(parse_layer(layer.kind, &layer.url, &read(&dir.join(&layer.url))?).layer);
    }
    Ok((m, park))
}

/// The zoom the app's first view has on a map box of `width` × `height` pixels.
pub fn fitted_zoom(bounds: &MapBounds, width: f64, height: f64) -> f64 {
    let pad = 2.0 * FIT_PADDING_PX;
    let r = (bounds.width() / (width - pad).max(1.0)).max(bounds.height() / (height - pad).max(1.0));
    zoom_for_resolution(r)
}

/// Draws the park's first view (see the module docs).
pub fn render(manifest: &Manifest, park: &Park, opts: &Options) -> Prerender {
    let b = manifest.bounds;
    let origin = b.center();
    let fz = |(w, h): (f64, f64)| fitted_zoom(&b, w, h).floor().clamp(0.0, f64::from(SINGLES_ZOOM)) as u8;
    let zooms: Vec<u8> = (fz(opts.min_size)..=fz(opts.max_size).max(fz(opts.min_size))).collect();
    let langs: Vec<&'static str> = Lang::ALL.iter().map(|l| l.tag()).collect();

    let mut html = format!(r#"<div id="{ELEMENT_ID}" class="prerender" aria-hidden="true">"#);
    html.push_str(r#"<div class="prerender__header">"#);
    for lang in Lang::ALL {
        let _ = write!(
            html,
            r#"<p class="prerender__title" lang="{}">{}</p>"#,
            lang.tag(),
            crate::html::escape(manifest.name.get(lang))
        );
    }
    let (w, h) = (b.width(), b.height());
    let _ = write!(
        html,
        r#"</div><div class="prerender__map"><svg class="prerender__world" viewBox="{} {} {} {}" preserveAspectRatio="xMidYMid meet">"#,
        round1(-w / 2.0),
        round1(-h / 2.0),
        round1(w),
        round1(h)
    );
    world_layers(&mut html, park, origin, opts);
    html.push_str(r#"</svg><svg class="prerender__markers">"#);
    let mut rules = css::frame(&b);
    let mut cache = ClusterCache::new(SpatialIndex::new(&park.companies), DEFAULT_RADIUS_PX);
    for &z in &zooms {
        let _ = write!(html, r#"<g class="pr__band pr__band--{z}">"#);
        markers(&mut html, &mut rules, park, &mut cache, z, origin);
        html.push_str("</g>");
    }
    html.push_str("</svg></div></div>");
    rules.push_str(&css::bands(&b, &zooms));
    Prerender { html, css: rules, langs, zooms }
}

/// Context, zones, waterfront and greenway, in the app's order, with the app's classes (block `pr`),
/// written by the app's own writer ([`crate::world`]).
fn world_layers(out: &mut String, park: &Park, origin: MapPoint, opts: &Options) {
    let lines =
        |l: &[Vec<MapPoint>]| lines_path_in(&simplify(l, opts.simplify_m), origin, opts.steps_per_metre);
    let polygons = |p: &[Vec<Vec<MapPoint>>]| {
        let rings: Vec<Vec<Vec<MapPoint>>> = p.iter().map(|rs| simplify(rs, opts.simplify_m)).collect();
        polygons_path_in(&rings, origin, opts.steps_per_metre)
    };
    let w = WorldSvg { block: "pr", lines: &lines, polygons: &polygons, interactive: None };
    let _ = write!(
        out,
        r#"<g class="pr__layer">{}</g><g class="pr__layer">{}</g><g class="pr__layer">{}</g><g class="pr__layer">{}</g>"#,
        w.context(park),
        w.zones(park),
        w.trails(&park.waterfront, LayerKind::Waterfront),
        w.trails(&park.greenway, LayerKind::Greenway)
    );
}

/// The company markers at integer zoom `z`: every cluster of the park (the map box clips what is
/// off screen), ordered as the app orders them.
fn markers(
    out: &mut String,
    rules: &mut String,
    park: &Park,
    cache: &mut ClusterCache,
    z: u8,
    origin: MapPoint,
) {
    let mut items: Vec<(String, crate::index::Cluster)> = cache
        .level(z)
        .to_clusters()
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let key = if c.is_single() {
                format!("company:{}", park.companies[c.members[0]].id)
            } else {
                format!("cluster:{z}:{}", c.key())
            };
            (key, c)
        })
        .collect();
    crate::sort::sort_by(&mut items, |a, b| a.0.cmp(&b.0));
    for (i, (_, c)) in items.iter().enumerate() {
        let class = format!("pr__m{z}-{i}");
        rules.push_str(&css::place(&class, c.center, origin));
        if c.is_single() {
            let company = crate::classes::company(&park.companies[c.members[0]], "pr");
            let _ = write!(out, r#"<g class="{class} {company}"><circle class="pr__marker-dot" r="6"/></g>"#);
        } else {
            let _ = write!(
                out,
                r#"<g class="{class} pr__cluster"><circle class="pr__cluster-dot" r="{:.1}"/><text class="pr__cluster-count" y="4">{}</text></g>"#,
                cluster_radius_px(c.len()),
                c.len()
            );
        }
    }
}

/// Douglas–Peucker on each run of points (a ring stays closed: its ends are kept).
fn simplify(runs: &[Vec<MapPoint>], epsilon_m: f64) -> Vec<Vec<MapPoint>> {
    if epsilon_m <= 0.0 {
        return runs.to_vec();
    }
    runs.iter()
        .map(|run| {
            let line: geo::LineString<f64> = run.iter().map(|p| geo::coord! { x: p.x, y: p.y }).collect();
            line.simplify(epsilon_m).0.into_iter().map(|c| MapPoint::new(c.x, c.y)).collect()
        })
        .collect()
}

/// Rounded to 0.1 (viewBox numbers).
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
