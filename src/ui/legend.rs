//! The legend: layer toggles and the zone category colours.

use super::state::{use_app_state, Local};
use crate::model::{LayerKind, ZoneCategory};
use leptos::prelude::*;

/// Collapsible legend with one checkbox per layer kind.
#[component]
pub fn Legend() -> impl IntoView {
    let state = use_app_state();
    // Folded at first, everywhere: unfolded it would cover part of the park (and the first view,
    // like the pre-rendered picture, fits the whole map box).
    let unfolded = Local::new(false);
    // The planner's column narrows the map: the legend folds out of the route's way while planning,
    // derived from whether the planner is open (the visitor may unfold it again meanwhile).
    let unfolded_planning = Local::new(false);
    let open = move || if state.planning() { unfolded_planning.get() } else { unfolded.get() };
    let toggle_open = move || {
        if state.planning() {
            unfolded_planning.update(|o| *o = !*o);
        } else {
            unfolded.update(|o| *o = !*o);
        }
    };
    view! {
        <section class="legend" class:legend--closed=move || !open() aria-labelledby="legend-title"
            on:pointerdown=|ev| ev.stop_propagation() on:dblclick=|ev| ev.stop_propagation() on:wheel=|ev| ev.stop_propagation()>
            <button type="button" class="legend__toggle" aria-expanded=move || open().to_string()
                on:click=move |_| toggle_open()>
                <span id="legend-title">{state.tr("legend")}</span>
            </button>
            <Show when=open>
                <ul class="legend__layers">
                    {LayerKind::ALL.iter().filter(|k| k.loads_with_map()).map(|&kind| view! {
                        <li><label class="legend__layer">
                            <input type="checkbox" prop:checked=move || state.layers.visible(kind) on:change=move |_| state.layers.toggle_layer(kind)/>
                            <span class=format!("legend__swatch legend__swatch--{}", kind.as_class()) aria-hidden="true"></span>
                            {move || state.t(layer_key(kind))}
                        </label></li>
                    }).collect_view()}
                </ul>
                <ul class="legend__categories">
                    {move || {
                        // "Other" (categories ParkMap does not know) only where the park has such a zone.
                        let other = state.park().with(|p| p.zones.iter().any(|z| z.category == ZoneCategory::Other));
                        ZoneCategory::ALL.iter().filter(move |&&c| c != ZoneCategory::Other || other).map(|&c| view! {
                        <li class="legend__category">
                            <span class=format!("legend__swatch map__zone--{}", c.as_class()) aria-hidden="true"></span>
                            {move || crate::i18n::t(state.lang().get(), &format!("category.{}", c.key()))}
                        </li>
                        }).collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}

/// The translation key naming a layer.
pub fn layer_key(kind: LayerKind) -> &'static str {
    match kind {
        LayerKind::Context => "layer.context",
        LayerKind::Zones => "layer.zones",
        LayerKind::Waterfront => "layer.waterfront",
        LayerKind::Greenway => "layer.greenway",
        LayerKind::Pois => "layer.pois",
        LayerKind::Companies => "layer.companies",
        LayerKind::Sites => "layer.sites",
    }
}
