//! The legend: layer toggles and the zone category colours. Folded, it keeps clear of the company
//! bubbles: its usual place is the map's top right, under the north arrow; where it would cover a
//! bubble there it slides along the right edge to the spot that covers fewest (the bottom right
//! first, then from the top down), and it stays put while unfolded (it never jumps under the
//! pointer that opened it).

use super::state::{use_app_state, AppState, Local};
use crate::geo::fit::least_covering;
use crate::geo::{ScreenPoint, ScreenRect};
use crate::model::{LayerKind, ZoneCategory};
use leptos::prelude::*;

/// Its distance from the map's right edge, from the top (under the north arrow) and from the
/// bottom (over the attribution line), CSS pixels (style/main.css, `.legend`).
const RIGHT_PX: f64 = 12.0;
const TOP_PX: f64 = 64.0;
const BOTTOM_PX: f64 = 34.0;
/// The spots between the top and the bottom right are this far apart, CSS pixels.
const STEP_PX: f64 = 24.0;
/// Up to this map width the stylesheet places the legend (a phone's bottom sheet layout).
const PHONE_PX: f64 = 640.0;
/// How long the view must be still before the legend moves (never in the middle of a flight).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// The tops (CSS pixels from the map's top) the legend may take along the right edge: the top
/// right, the bottom right, then every [`STEP_PX`] from the top down.
fn spot_tops(map_height: f64, legend_height: f64) -> Vec<f64> {
    let low = map_height - BOTTOM_PX - legend_height;
    let mut tops = vec![TOP_PX];
    if low > TOP_PX {
        tops.push(low);
        let mut y = TOP_PX + STEP_PX;
        while y < low {
            tops.push(y);
            y += STEP_PX;
        }
    }
    tops
}

/// Where the legend, `width × height` pixels, should sit in the view of the moment, now at `top`
/// (`None`: the stylesheet's place): the spot of [`spot_tops`] that hides fewest company bubbles,
/// staying where it is unless another hides fewer (tracked: view, filter, layers). `None` on a
/// phone and in an embed, where the stylesheet places it.
fn best_top(state: AppState, size: (f64, f64), top: Option<f64>) -> Option<f64> {
    let v = state.map.viewport().get();
    let (w, h) = size;
    if state.embed || v.width <= PHONE_PX || w <= 0.0 || h <= 0.0 {
        return None;
    }
    let left = v.width - RIGHT_PX - w;
    let tops = spot_tops(v.height, h);
    let spots: Vec<ScreenRect> =
        tops.iter().map(|&y| ScreenRect::from_size(ScreenPoint::new(left, y), w, h)).collect();
    let current = top.and_then(|t| tops.iter().position(|&y| (y - t).abs() < 0.5)).unwrap_or(0);
    let bubbles = super::pois::company_boxes_in(state, &v);
    match least_covering(&spots, &bubbles, current) {
        0 => None,
        i => tops.get(i).copied(),
    }
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
    // its top while it sits off its usual place, else 0 (the stylesheet's place); a plain number and
    // string styles, whose code the first module already has (an `Option` cost it 5 KB)
    let top = Local::new(0.0f64);
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
        if open() {
            return; // unfolded, it stays where the visitor opened it
        }
        let shown = move || Some(top.get_untracked()).filter(|&t| t > 0.0);
        if best_top(state, size.get(), shown()) != shown() {
            // decided again once the view is still: a flight passing by moves nothing
            settle.call(move || {
                let now = untrack(|| best_top(state, size.get_untracked(), shown()));
                if now != shown() && !untrack(open) {
                    top.set(now.unwrap_or(0.0));
                    // the labels keep clear of the legend: placed again once it has moved
                    request_animation_frame(move || state.map.floating_moved());
                }
            });
        }
    });
    // unfolded at a lower spot, it grows down to the attribution line and scrolls
    let height = move || state.map.viewport().with(|v| v.height);
    view! {
        <section class="legend" class:legend--closed=move || !open() node_ref=element
            style:top=move || { let t = top.get(); if t > 0.0 { format!("{t:.0}px") } else { String::new() } }
            style:max-height=move || { let t = top.get(); if t > 0.0 { format!("{:.0}px", height() - t - BOTTOM_PX) } else { String::new() } } aria-labelledby="legend-title">
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
