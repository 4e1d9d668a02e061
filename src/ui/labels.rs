//! Zone, trail and POI labels placed by [`crate::label::place_labels`]: never over each other, a cluster or a
//! marker, wrapped to two lines before being dropped, and kept in place while the map is dragged
//! (each frame starts from the last frame's choices). A zone's name goes at its label point, or else
//! at the first of a few other points inside the zone where it fits. The browser only measures text:
//! once per string, with a canvas in the labels' own font (a fixed estimate where there is no canvas).
//! A chunk, entered as soon as the park's layers are in: the map is interactive before its names.

use super::chunk::chunk;
use super::state::{use_app_state, AppState, Local};
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::{ScreenRect, Viewport};
use crate::i18n::Lang;
use crate::label::{
    chain_lines, place_labels, Anchor, Candidate, EmMetrics, LabelClass, PlaceOptions, PreviousChoices,
    TextMeasure,
};
use crate::model::{LayerKind, Park, Zone};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The labels' font size in CSS pixels (set on the labels' group).
const LABEL_PX: f64 = 12.0;
/// The labels' font size on a narrow map (a phone), CSS pixels.
const NARROW_LABEL_PX: f64 = 10.5;
/// Widest map that counts as narrow, CSS pixels.
const NARROW_MAP_PX: f64 = 640.0;
/// Line height of a two-line label, in em.
const LINE_EM: f64 = 1.2;
/// After a zoom, labels are placed once the view has been still this long, milliseconds.
const LABEL_SETTLE_MS: u64 = 120;
/// Trails are named from this zoom on.
const TRAIL_LABEL_ZOOM: f64 = 15.0;
/// POIs are named from this zoom on.
const POI_LABEL_ZOOM: f64 = 17.0;
/// A zone's name may also go at the points of this many × this many grid inside it.
const ZONE_GRID: usize = 9;

/// Text widths measured with a canvas in the labels' font, cached per string.
struct CanvasMeasure {
    /// The font size measured, CSS pixels.
    px: f64,
    ctx: Option<web_sys::CanvasRenderingContext2d>,
    cache: RefCell<HashMap<String, f64>>,
    fallback: EmMetrics,
}

impl CanvasMeasure {
    fn new(px: f64) -> Self {
        let family = document()
            .document_element()
            .and_then(|root| window().get_computed_style(&root).ok().flatten())
            .and_then(|s| s.get_property_value("font-family").ok())
            .unwrap_or_else(|| "sans-serif".into());
        let ctx = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(ctx) = &ctx {
            ctx.set_font(&format!("600 {px}px {family}"));
        }
        CanvasMeasure { px, ctx, cache: RefCell::new(HashMap::new()), fallback: EmMetrics::new(px) }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, class: LabelClass, text: &str) -> f64 {
        if let Some(w) = self.cache.borrow().get(text) {
            return *w;
        }
        let w = self
            .ctx
            .as_ref()
            .and_then(|c| c.measure_text(text).ok())
            .map(|m| m.width())
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or_else(|| self.fallback.width(class, text));
        self.cache.borrow_mut().insert(text.to_owned(), w);
        w
    }

    fn line_height(&self, _class: LabelClass) -> f64 {
        self.px * LINE_EM
    }
}

/// What the labels keep clear of: company clusters and markers, POI badges, and the controls and
/// legend floating over the map (screen boxes).
fn obstacles(state: AppState, v: &Viewport) -> Vec<ScreenRect> {
    let mut out = super::pois::company_boxes_in(state, v);
    out.extend(super::pois::poi_badges(state, v).shown.iter().map(|b| b.rect(super::pois::ICON_PX)));
    out.extend(overlays(v));
    out
}

/// What floats over the map (the controls, the legend, chips): measured from the DOM only when the
/// map's size, the legend's state or the chips change, not every frame of a zoom (measuring forces
/// a layout).
fn overlays(v: &Viewport) -> Vec<ScreenRect> {
    const FLOATING: &str =
        ".controls, .legend, .north, .scalebar, .attribution, .open-full, .map__loading-chip, .match-chip";
    thread_local! {
        static LAST: RefCell<Option<(String, Vec<ScreenRect>)>> = const { RefCell::new(None) };
    }
    // the legend's and chips' state and text are read without layout
    let key = document()
        .query_selector_all(".legend, .map__loading-chip, .match-chip")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|e| {
                    let style = e.get_attribute("style").unwrap_or_default(); // the legend's own spot
                    format!("{}|{}|{style}", e.class_name(), e.text_content().unwrap_or_default().len())
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .unwrap_or_default();
    let key = format!("{}x{};{key}", v.width, v.height);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(k, _)| *k != key) {
            *last = Some((key, super::browser::boxes_over_map(FLOATING)));
        }
        last.as_ref().map(|(_, boxes)| boxes.clone()).unwrap_or_default()
    })
}

/// A zone's name at its label point or else at a point of a grid inside it. Where the name is
/// wider than the zone even on two lines (on a narrow map: on one line), its short name (if any)
/// comes first; otherwise the short name is the fallback.
fn zone_candidate(z: &Zone, v: &Viewport, lang: Lang, m: &CanvasMeasure) -> Candidate {
    let id = FeatureRef::new(FeatureKind::Zone, z.id.clone()).to_string();
    let name = z.name.get(lang);
    let mut c = Candidate::point(id, LabelClass::Zone, name, v.map_to_screen(z.label));
    c.anchor = Anchor::Points(z.label_points(ZONE_GRID).into_iter().map(|p| v.map_to_screen(p)).collect());
    c.importance = z.map_area();
    let Some(short) = z.short_name.as_ref().map(|t| t.get(lang).to_owned()) else { return c };
    let zone_px = z.map_bounds().map_or(0.0, |b| b.width() / v.resolution());
    // on a narrow map, a name wider than its zone gives way to the short one
    let too_wide =
        if v.width <= NARROW_MAP_PX { 1.0 } else { 0.5 } * m.width(LabelClass::Zone, name) > zone_px;
    if too_wide {
        c.text = short;
    } else {
        c.short = Some(short);
    }
    c
}

/// Trail names along their lines (the part of each trail with most points in view), from zoom
/// [`TRAIL_LABEL_ZOOM`] on: each section is named by its route (the placement keeps the same name
/// apart, so a route reads once per stretch); the section's own name is in its panel.
fn trail_candidates(state: AppState, park: &Park, v: &Viewport, lang: Lang) -> Vec<Candidate> {
    if v.zoom < TRAIL_LABEL_ZOOM {
        return Vec::new();
    }
    let view = v.visible_bounds();
    let mut out = Vec::new();
    for (kind, list) in [(LayerKind::Greenway, &park.greenway), (LayerKind::Waterfront, &park.waterfront)] {
        if !state.layers.visible(kind) {
            continue;
        }
        for t in list.iter() {
            let in_view = |p: &&Vec<crate::geo::MapPoint>| p.iter().filter(|q| view.contains(**q)).count();
            let Some(part) = t.map_parts.iter().filter(|p| in_view(p) > 0).max_by_key(in_view) else {
                continue;
            };
            let id = FeatureRef::new(FeatureKind::Trail, t.id.clone()).to_string();
            let line = part.iter().map(|&p| v.map_to_screen(p)).collect();
            let mut c = Candidate::line(id, LabelClass::Trail, t.route_name().get(lang), line);
            c.wrap = false;
            c.importance = t.map_length();
            out.push(c);
        }
    }
    // the sections of a route, end to end, become one stretch: one name along it
    chain_lines(out, 1.0)
}

/// POI names beside their icons (single places only), from zoom [`POI_LABEL_ZOOM`] on.
fn poi_candidates(state: AppState, park: &Park, v: &Viewport, lang: Lang) -> Vec<Candidate> {
    if v.zoom < POI_LABEL_ZOOM {
        return Vec::new();
    }
    super::pois::poi_badges(state, v)
        .shown
        .into_iter()
        .filter(|b| b.len() == 1)
        .filter_map(|b| {
            let f: FeatureRef = b.key.parse().ok()?;
            let poi = park.poi(f.id_of(FeatureKind::Poi)?)?;
            let mut c = Candidate::point(b.key.clone(), LabelClass::Poi, poi.name.get(lang), b.at);
            c.gap_px = super::pois::ICON_PX / 2.0 + 3.0;
            Some(c)
        })
        .collect()
}

/// Whether labels placed for `a` are still in place in `b` after a pan: same zoom and size.
fn same_scale(a: &Viewport, b: &Viewport) -> bool {
    a.zoom == b.zoom && a.width == b.width && a.height == b.height
}

/// The labels' face: the placed names, among the markers.
#[derive(Clone)]
pub struct LabelsFace {
    /// The names.
    pub view: ViewFn,
}

chunk!(labels: LabelsFace = fn labels_chunk(_state) {
    Ok(LabelsFace { view: ViewFn::from(|| view! { <ZoneLabels/> }) })
});

/// The zone, trail and POI names, placed.
#[component]
fn ZoneLabels() -> impl IntoView {
    let state = use_app_state();
    let measure = StoredValue::new_local(None::<CanvasMeasure>);
    let previous = StoredValue::new_local(PreviousChoices::new());
    // The view the labels were placed for. A pan (same zoom and size) places them at once, so a
    // label whose anchor stays in view stays; a zoom hides them and places them once the view has
    // been still for LABEL_SETTLE_MS (no placement per frame of a wheel sweep or a flight).
    let placed_for = Local::new(None::<Viewport>);
    let settle = super::browser::Debounce::new(std::time::Duration::from_millis(LABEL_SETTLE_MS));
    Effect::new(move |_| {
        let v = state.map.viewport().get();
        if placed_for.with_untracked(|p| p.is_some_and(|p| same_scale(&p, &v))) {
            placed_for.set(Some(v));
        } else {
            settle.call(move || placed_for.set(Some(state.map.viewport().get_untracked())));
        }
    });
    let hidden = move || {
        let v = state.map.viewport().get();
        placed_for.with(|p| p.is_none_or(|p| !same_scale(&p, &v)))
    };
    let font_px = move || {
        if placed_for.with(|p| p.is_some_and(|p| p.width <= NARROW_MAP_PX)) {
            NARROW_LABEL_PX
        } else {
            LABEL_PX
        }
    };
    let labels = move || {
        let Some(v) = placed_for.get() else { return Vec::new() };
        state.map.track_floating();
        let px = font_px();
        let lang = state.lang().get();
        let park = state.park().get();
        let obstacles = obstacles(state, &v);
        let layout = measure
            .try_update_value(|m| {
                if m.as_ref().is_none_or(|m| m.px != px) {
                    *m = Some(CanvasMeasure::new(px));
                }
                let Some(m) = m.as_ref() else { return Default::default() };
                let zones: &[Zone] = if state.layers.visible(LayerKind::Zones) { &park.zones } else { &[] };
                let mut candidates: Vec<Candidate> =
                    zones.iter().map(|z| zone_candidate(z, &v, lang, m)).collect();
                candidates.extend(trail_candidates(state, &park, &v, lang));
                candidates.extend(poi_candidates(state, &park, &v, lang));
                previous.with_value(|prev| {
                    place_labels(&candidates, &obstacles, m, &PlaceOptions::new(v.width, v.height), prev)
                })
            })
            .unwrap_or_default();
        previous.set_value(layout.choices());
        layout
            .placed
            .into_iter()
            .map(|l| {
                let lines = l
                    .lines
                    .into_iter()
                    .map(|line| {
                        view! { <tspan x=format!("{:.1}", line.center.x) y=format!("{:.1}", line.center.y)>{line.text}</tspan> }
                    })
                    .collect_view();
                let class = match l.class {
                    LabelClass::Zone => "map__label",
                    LabelClass::Trail => "map__label map__label--trail",
                    LabelClass::Poi => "map__label map__label--poi",
                };
                // a label along a line turns about its centre with the line
                let transform = (l.angle_deg != 0.0).then(|| {
                    let c = l.rect.center();
                    format!("rotate({:.2} {:.1} {:.1})", l.angle_deg, c.x, c.y)
                });
                view! { <text class=class data-label=l.id transform=transform>{lines}</text> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <g class="map__labels" aria-hidden="true" style:font-size=move || format!("{}px", font_px())
            style:display=move || if hidden() { "none" } else { "inline" }>{labels}</g>
    }
}
