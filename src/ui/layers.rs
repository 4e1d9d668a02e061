//! The world layers: context, zones, waterfront and greenway, as SVG paths in world units.

use super::state::{use_app_state, AppState, Selection};
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::svg::{lines_path, polygons_path};
use crate::model::{ContextShape, LayerKind, Trail};
use leptos::prelude::*;

fn selected(state: AppState, feature: FeatureRef) -> impl Fn() -> bool + Copy + 'static {
    let feature = StoredValue::new(feature);
    move || {
        state.selection().with(|s| feature.with_value(|f| s.as_ref().and_then(Selection::feature) == Some(f)))
    }
}

/// Hides a switched-off layer. Set through CSSOM (`style:display`), never a `style` attribute, so
/// the Content-Security-Policy needs no 'unsafe-inline' for styles.
fn layer_display(state: AppState, kind: LayerKind) -> impl Fn() -> &'static str {
    move || if state.layers.visible(kind) { "inline" } else { "none" }
}

/// Draws every world layer in manifest order: context, zones, waterfront, greenway.
#[component]
pub fn WorldLayers() -> impl IntoView {
    let state = use_app_state();
    view! {
        <g class="map__layer map__layer--context" style:display=layer_display(state, LayerKind::Context)>{move || context(state)}</g>
        <g class="map__layer map__layer--zones" style:display=layer_display(state, LayerKind::Zones)>{move || zones(state)}</g>
        <g class="map__layer map__layer--waterfront" style:display=layer_display(state, LayerKind::Waterfront)>
            {move || trails(state, LayerKind::Waterfront)}
        </g>
        <g class="map__layer map__layer--greenway" style:display=layer_display(state, LayerKind::Greenway)>
            {move || trails(state, LayerKind::Greenway)}
        </g>
        {super::chunk::view_of(state.chunks.planner, |p| p.route.run())}
    }
}

fn context(state: AppState) -> impl IntoView {
    let origin = state.map.origin().get();
    let park = state.park().get();
    park.context
        .iter()
        .map(|f| {
            let d = match &f.shape {
                ContextShape::Polygons(p) => polygons_path(p, origin),
                ContextShape::Lines(l) => lines_path(l, origin),
            };
            let class = crate::classes::context(f, "map");
            view! { <path class=class d=d fill-rule="evenodd"/> }
        })
        .collect_view()
}

fn zones(state: AppState) -> impl IntoView {
    let origin = state.map.origin().get();
    let park = state.park().get();
    let lang = state.lang().get();
    park.zones
        .iter()
        .map(|z| {
            let rings: Vec<_> = z.polygons.iter().map(|p| p.map_rings.clone()).collect();
            let d = polygons_path(&rings, origin);
            let feature = FeatureRef::new(FeatureKind::Zone, z.id.clone());
            let key = feature.to_string();
            let is_selected = selected(state, feature);
            let label = format!("{}: {}", crate::i18n::t(lang, "panel.zone"), z.name.get(lang));
            view! {
                <path
                    class=crate::classes::zone(z, "map")
                    class:map__zone--selected=is_selected
                    d=d
                    fill-rule="evenodd"
                    data-select=key
                    role="button"
                    tabindex="0"
                    aria-label=label
                />
            }
        })
        .collect_view()
}

fn trails(state: AppState, kind: LayerKind) -> impl IntoView {
    let origin = state.map.origin().get();
    let park = state.park().get();
    let lang = state.lang().get();
    let list: &[Trail] = if kind == LayerKind::Greenway { &park.greenway } else { &park.waterfront };
    let noun = if kind == LayerKind::Greenway { "greenway.of" } else { "waterfront.of" };
    list.iter()
        .map(|t| {
            let d = lines_path(&t.map_parts, origin);
            let feature = FeatureRef::new(FeatureKind::Trail, t.id.clone());
            let key = feature.to_string();
            let is_selected = selected(state, feature);
            let label = format!("{} ({})", t.name.get(lang), crate::i18n::t(lang, noun));
            let class = crate::classes::trail(t, "map");
            view! {
                <g class="map__trail-group" class:map__trail-group--selected=is_selected data-select=key
                   role="button" tabindex="0" aria-label=label>
                    <path class="map__trail-hit" d=d.clone()/>
                    <path class=class d=d/>
                </g>
            }
        })
        .collect_view()
}
