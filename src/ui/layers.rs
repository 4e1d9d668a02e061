//! The world layers — context, zones, waterfront and greenway — in world units under the map's
//! transform. Each layer is one piece of SVG markup ([`crate::world`], the writer the pre-rendered
//! picture uses too), inserted once per park, origin and language: no view per feature. Clicks
//! and keys reach the map's own handlers through `data-select`; the selected zone or trail is
//! marked in place, so the element a visitor focused stays the same element.

use super::state::{use_app_state, AppState, Selection};
use crate::feature::FeatureKind;
use crate::geo::svg::{lines_path, polygons_path};
use crate::geo::MapPoint;
use crate::model::LayerKind;
use crate::world::WorldSvg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Hides a switched-off layer. Set through CSSOM (`style:display`), never a `style` attribute, so
/// the Content-Security-Policy needs no 'unsafe-inline' for styles.
fn layer_display(state: AppState, kind: LayerKind) -> impl Fn() -> &'static str {
    move || if state.layers.visible(kind) { "inline" } else { "none" }
}

/// A layer's markup for the park, origin and language of the moment (tracked).
fn markup(state: AppState, kind: LayerKind) -> String {
    let origin = state.map.origin().get();
    let lang = state.lang().get();
    let park = state.park().get();
    let lines = move |l: &[Vec<MapPoint>]| lines_path(l, origin);
    let polygons = move |p: &[Vec<Vec<MapPoint>>]| polygons_path(p, origin);
    let w = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: Some(lang) };
    match kind {
        LayerKind::Context => w.context(&park),
        LayerKind::Zones => w.zones(&park),
        LayerKind::Waterfront => w.trails(&park.waterfront, kind),
        LayerKind::Greenway => w.trails(&park.greenway, kind),
        LayerKind::Pois | LayerKind::Companies | LayerKind::Sites => String::new(),
    }
}

/// The class that marks a selected feature of the world layers.
fn selected_class(kind: FeatureKind) -> Option<&'static str> {
    match kind {
        FeatureKind::Zone => Some("map__zone--selected"),
        FeatureKind::Trail => Some("map__trail-group--selected"),
        FeatureKind::Company | FeatureKind::Poi | FeatureKind::Site => None,
    }
}

/// Marks the selected zone or trail among `root`'s elements (and unmarks any other).
fn mark_selected(root: &web_sys::Element, selection: Option<&Selection>) {
    for kind in [FeatureKind::Zone, FeatureKind::Trail] {
        let Some(class) = selected_class(kind) else { continue };
        if let Ok(list) = root.query_selector_all(&format!(".{class}")) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().remove_1(class);
                }
            }
        }
    }
    let Some(feature) = selection.and_then(Selection::feature) else { return };
    let Some(class) = selected_class(feature.kind) else { return };
    let key = feature.to_string().replace(['"', '\\'], "");
    if let Ok(Some(el)) = root.query_selector(&format!("[data-select=\"{key}\"]")) {
        let _ = el.class_list().add_1(class);
    }
}

/// Draws every world layer in manifest order: context, zones, waterfront, greenway (and the route,
/// when the planner has one).
#[component]
pub fn WorldLayers() -> impl IntoView {
    let state = use_app_state();
    let root = NodeRef::<leptos::svg::G>::new();
    let layer = move |kind: LayerKind| {
        let class = format!("map__layer map__layer--{}", kind.as_class());
        view! { <g class=class style:display=layer_display(state, kind) inner_html=move || markup(state, kind)></g> }
    };
    // Outward (DOM): the selection's mark follows the selection, and the markup when it is redrawn.
    Effect::new(move |_| {
        state.park().track();
        state.lang().track();
        state.map.origin().track();
        let Some(root) = root.get() else { return };
        state.selection().with(|sel| mark_selected(&root, sel.as_ref()));
    });
    view! {
        <g node_ref=root>
            {layer(LayerKind::Context)}
            {layer(LayerKind::Zones)}
            {layer(LayerKind::Waterfront)}
            {layer(LayerKind::Greenway)}
        </g>
        {super::chunk::view_of(state.chunks.sites, |s| s.layer.run())}
        {super::chunk::view_of(state.chunks.planner, |p| p.route.run())}
    }
}
