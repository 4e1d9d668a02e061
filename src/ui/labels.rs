//! Zone labels placed by [`crate::label::place_labels`]: never over each other, a cluster or a
//! marker, wrapped to two lines before being dropped, and kept in place while the map is dragged
//! (each frame starts from the last frame's choices). A zone's name goes at its label point, or else
//! at the first of a few other points inside the zone where it fits. The browser only measures text:
//! once per string, with a canvas in the labels' own font (a fixed estimate where there is no canvas).

use super::state::{use_app_state, AppState};
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::{ScreenRect, Viewport};
use crate::label::{
    place_labels, Anchor, Candidate, EmMetrics, LabelClass, PlaceOptions, PreviousChoices, TextMeasure,
};
use crate::model::LayerKind;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The labels' font size in CSS pixels (style/main.css, `.map__label`).
const LABEL_PX: f64 = 12.0;
/// Line height of a two-line label, in em.
const LINE_EM: f64 = 1.2;
/// A zone's name may also go at the points of this many × this many grid inside it.
const ZONE_GRID: usize = 5;

/// Text widths measured with a canvas in the labels' font, cached per string.
struct CanvasMeasure {
    ctx: Option<web_sys::CanvasRenderingContext2d>,
    cache: RefCell<HashMap<String, f64>>,
    fallback: EmMetrics,
}

impl CanvasMeasure {
    fn new() -> Self {
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
            ctx.set_font(&format!("600 {LABEL_PX}px {family}"));
        }
        CanvasMeasure { ctx, cache: RefCell::new(HashMap::new()), fallback: EmMetrics::new(LABEL_PX) }
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
        LABEL_PX * LINE_EM
    }
}

/// What the labels keep clear of: company clusters and markers, POI markers (screen boxes).
fn obstacles(state: AppState, v: &Viewport) -> Vec<ScreenRect> {
    let mut out = Vec::new();
    if state.layers.visible(LayerKind::Companies) {
        let mask = state.filter.mask().with(|m| m.to_vec());
        for c in state.filter.clusters_in_view(v, &mask) {
            let r = if c.is_single() { 7.0 } else { 13.0 + (c.len() as f64).log2() * 2.5 };
            out.push(ScreenRect::centered(v.map_to_screen(c.center), 2.0 * r, 2.0 * r));
        }
    }
    if state.layers.visible(LayerKind::Pois) {
        let park = state.park().get_untracked();
        out.extend(park.pois.iter().map(|p| ScreenRect::centered(v.map_to_screen(p.map), 18.0, 18.0)));
    }
    out
}

/// The zone names, placed.
#[component]
pub fn ZoneLabels() -> impl IntoView {
    let state = use_app_state();
    let measure = StoredValue::new_local(None::<CanvasMeasure>);
    let previous = StoredValue::new_local(PreviousChoices::new());
    let labels = move || {
        if !state.layers.visible(LayerKind::Zones) {
            return Vec::new();
        }
        let v = state.map.viewport().get();
        let lang = state.lang().get();
        let park = state.park().get();
        let candidates: Vec<Candidate> = park
            .zones
            .iter()
            .map(|z| {
                let id = FeatureRef::new(FeatureKind::Zone, z.id.clone()).to_string();
                let mut c =
                    Candidate::point(id, LabelClass::Zone, z.name.get(lang), v.map_to_screen(z.label));
                c.anchor = Anchor::Points(
                    z.label_points(ZONE_GRID).into_iter().map(|p| v.map_to_screen(p)).collect(),
                );
                c.importance = z.area_m2;
                c
            })
            .collect();
        let obstacles = obstacles(state, &v);
        let layout = measure
            .try_update_value(|m| {
                let m = m.get_or_insert_with(CanvasMeasure::new);
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
                view! { <text class="map__label" data-label=l.id>{lines}</text> }
            })
            .collect::<Vec<_>>()
    };
    view! { <g class="map__labels" aria-hidden="true">{labels}</g> }
}
