//! The legend: layer toggles and the zone category colours. It keeps clear of the company
//! bubbles: its usual place is the map's top right; where it would cover a bubble there and not
//! at the bottom right, it goes to the bottom right (and back when that uncovers more).

use super::state::{use_app_state, AppState, Local};
use crate::geo::fit::least_covering;
use crate::geo::{ScreenPoint, ScreenRect};
use crate::model::{LayerKind, ZoneCategory};
use leptos::prelude::*;

/// Its distance from the map's right edge, from the top (under the north arrow) and from the
/// bottom (over the attribution line), CSS pixels (style/main.css, `.legend`, `.legend--low`).
const RIGHT_PX: f64 = 12.0;
const TOP_PX: f64 = 64.0;
const BOTTOM_PX: f64 = 34.0;
/// Up to this map width the stylesheet places the legend (a phone's bottom sheet layout).
const PHONE_PX: f64 = 640.0;
/// How long the view must be still before the legend moves (never in the middle of a flight).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// Whether the legend, `width × height` pixels, should sit low (bottom right) rather than high, as
/// it does (`low`), in the view of the moment: [`least_covering`] of the two spots over the
/// company bubbles (tracked: view, filter, layers).
fn sits_low(state: AppState, size: (f64, f64), low: bool) -> bool {
    let v = state.map.viewport().get();
    let (w, h) = size;
    if v.width <= PHONE_PX || w <= 0.0 || h <= 0.0 || v.height < TOP_PX + BOTTOM_PX + 2.0 * h {
        return false;
    }
    let left = v.width - RIGHT_PX - w;
    let high_spot = ScreenRect::from_size(ScreenPoint::new(left, TOP_PX), w, h);
    let low_spot = ScreenRect::from_size(ScreenPoint::new(left, v.height - BOTTOM_PX - h), w, h);
    let bubbles = super::pois::company_boxes_in(state, &v);
    least_covering(&[high_spot, low_spot], &bubbles, usize::from(low)) == 1
}

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
    // Where it sits follows the bubbles once the view has been still for a moment, measured at its
    // size (folded or not, in this language).
    let element = NodeRef::<leptos::html::Section>::new();
    let size = Local::new((0.0f64, 0.0f64));
    let low = Local::new(false);
    Effect::new(move |_| {
        if let Some(el) = element.get() {
            let target = el.clone();
            super::browser::watch_size(&el, move || {
                let r = target.get_bounding_client_rect();
                size.set((r.width(), r.height()));
            });
        }
    });
    let settle = super::browser::Debounce::new(SETTLE);
    Effect::new(move |_| {
        if sits_low(state, size.get(), low.get_untracked()) != low.get_untracked() {
            // decided again once the view is still: a flight passing by moves nothing
            settle.call(move || {
                let now = untrack(|| sits_low(state, size.get_untracked(), low.get_untracked()));
                if now != low.get_untracked() {
                    low.set(now);
                }
            });
        }
    });
    view! {
        <section class="legend" class:legend--closed=move || !open() class:legend--low=move || low.get()
            node_ref=element aria-labelledby="legend-title">
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
