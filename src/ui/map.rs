//! `<MapView/>`: the SVG map element and its gestures. Layers draw in world units under one
//! transform; markers draw in screen pixels so they keep their size at every zoom.

use super::state::{use_app_state, AppState, LayerStatus, Local, Selection};
use crate::feature::FeatureRef;
use crate::geo::gesture::{wheel_factor, GestureEffect, Gestures, TapDetector};
use crate::geo::ScreenPoint;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A wheel zoom is committed this long after the last notch, milliseconds.
const WHEEL_COMMIT_MS: u64 = 150;

/// Why the map has nothing to show; caught by the error boundary around the map.
#[derive(Clone, Debug, thiserror::Error)]
pub enum MapError {
    /// Every layer failed: the problems are listed in the alert.
    #[error("no layer of this park could be drawn")]
    NothingToDraw,
}

/// `Err` once loading has finished and not one feature could be drawn.
fn drawable(state: AppState) -> Result<(), MapError> {
    if state.layers.settled() && state.park().with(|p| p.is_empty()) {
        Err(MapError::NothingToDraw)
    } else {
        Ok(())
    }
}

/// The feature under an event's target (`data-select="kind:id"`).
pub(super) fn feature_at(target: Option<web_sys::EventTarget>) -> Option<FeatureRef> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let hit = el.closest("[data-select]").ok()??;
    hit.get_attribute("data-select")?.parse().ok()
}

/// Whether an event is the map's own: on what is drawn (the pane), on the map element itself (a
/// key while it has focus), or — for clicks and keys — on `also` (a facility badge's list of
/// places, whose entries open places as the map's features do). A control over the map (zoom, fit,
/// the legend, the attribution, a chip, a hint) keeps its events: a tap on "+" while planning zooms
/// and never becomes a route point where the button is, and no drag or double tap starts on it.
fn is_map_event(ev: &web_sys::Event, also: &str) -> bool {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let on_map_itself =
        ev.current_target().is_some_and(|c| JsValue::from(c) == JsValue::from(target.clone()));
    let selector = if also.is_empty() { ".map__pane".to_owned() } else { format!(".map__pane, {also}") };
    on_map_itself || target.closest(&selector).ok().flatten().is_some()
}

/// The list a facility badge opens ([`super::pois::BadgeList`]).
const BADGE_LIST: &str = ".badge-list";

/// The box a clicked cluster's members span (`data-fit="minx,miny,maxx,maxy"` in map metres).
pub(super) fn cluster_at(target: Option<web_sys::EventTarget>) -> Option<crate::geo::MapBounds> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let hit = el.closest("[data-fit]").ok()??;
    let v: Vec<f64> = hit.get_attribute("data-fit")?.split(',').filter_map(|n| n.parse().ok()).collect();
    let [a, b, c, d] = v[..] else { return None };
    Some(crate::geo::MapBounds { min: crate::geo::MapPoint::new(a, b), max: crate::geo::MapPoint::new(c, d) })
}

/// Flies to a cluster's members: fits them, and always at least two levels closer so it splits.
pub(super) fn zoom_into_cluster(state: AppState, bounds: &crate::geo::MapBounds) {
    let v = state.map.viewport().get_untracked();
    let fit = v.fit(bounds, 64.0);
    let target =
        if fit.zoom < v.zoom + 2.0 { v.with_center(bounds.center()).with_zoom(v.zoom + 2.0) } else { fit };
    state.map.fly_to(target);
}

/// The element's top-left corner in client pixels.
fn corner_of(el: &web_sys::Element) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top())
}

fn observe_size(el: &web_sys::HtmlDivElement, state: AppState) {
    let target = el.clone();
    super::browser::watch_size(el, move || {
        let r = target.get_bounding_client_rect();
        state.map.resize(r.width(), r.height());
    });
}

/// The interactive map.
#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app_state();
    let container = NodeRef::<leptos::html::Div>::new();
    let gestures = StoredValue::new(Gestures::default());
    let suppress_click = StoredValue::new(false);
    let taps = StoredValue::new(TapDetector::default());
    let last_pointer_touch = StoredValue::new(false);
    let preview = Local::new((0.0f64, 0.0f64));
    // A wheel zoom is first shown by scaling the pane (composited, nothing repainted) and committed
    // once the wheel has been still for WHEEL_COMMIT_MS, as Leaflet animates its zoom.
    let wheel_target = Local::new(None::<crate::geo::Viewport>);
    let wheel_commit = super::browser::Debounce::new(std::time::Duration::from_millis(WHEEL_COMMIT_MS));
    let commit_wheel = move || {
        if let Some(target) = wheel_target.get_untracked() {
            wheel_target.set(None);
            state.map.set_view(target);
        }
    };

    Effect::new(move |_| {
        if let Some(el) = container.get() {
            observe_size(&el, state);
        }
    });

    let apply = move |effect: GestureEffect| match effect {
        GestureEffect::Nothing => {}
        GestureEffect::Preview { dx, dy } => preview.set((dx, dy)),
        GestureEffect::View(v) => {
            preview.set((0.0, 0.0));
            state.map.set_view(v);
        }
    };
    // The map's top-left corner in client pixels, kept while a pointer is down: the map box does
    // not move during a gesture (only its pane does), and reading it on every move forced a style
    // recalculation per move (the last move's transform had dirtied it).
    let corner = StoredValue::new(None::<(f64, f64)>);
    // A client position in the map's pixels.
    let point = move |x: i32, y: i32| {
        corner
            .get_value()
            .or_else(|| container.get_untracked().map(|el| corner_of(&el)))
            .map(|(left, top)| ScreenPoint::new(x as f64 - left, y as f64 - top))
            .unwrap_or_default()
    };

    let on_down = move |ev: web_sys::PointerEvent| {
        if !is_map_event(&ev, "") {
            return;
        }
        commit_wheel();
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        last_pointer_touch.set_value(ev.pointer_type() == "touch");
        corner.set_value(container.get_untracked().map(|el| corner_of(&el)));
        let at = point(ev.client_x(), ev.client_y());
        let view = state.map.viewport().get_untracked();
        let two_fingers = state.embed && ev.pointer_type() == "touch";
        let effect = gestures
            .try_update_value(|g| g.down(ev.pointer_id(), at, view, two_fingers))
            .unwrap_or(GestureEffect::Nothing);
        if two_fingers && gestures.with_value(|g| g.pointer_count() == 1) {
            state.map.show_hint("hint.two_fingers");
        }
        apply(effect);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !gestures.with_value(|g| g.is_active()) {
            return; // a hover: nothing to do
        }
        let at = point(ev.client_x(), ev.client_y());
        let effect =
            gestures.try_update_value(|g| g.moved(ev.pointer_id(), at)).unwrap_or(GestureEffect::Nothing);
        if !matches!(effect, GestureEffect::Nothing) {
            // Once it is a drag, keep receiving moves outside the element.
            if let Some(el) = container.get_untracked().filter(|el| !el.has_pointer_capture(ev.pointer_id()))
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        apply(effect);
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let dragged = gestures.with_value(|g| g.dragged());
        if dragged {
            suppress_click.set_value(true);
        } else if ev.pointer_type() == "touch"
            && is_map_event(&ev, "")
            && !gestures.with_value(|g| g.is_active() && g.pointer_count() > 1)
        {
            let at = point(ev.client_x(), ev.client_y());
            let now = window().performance().map(|p| p.now()).unwrap_or_default();
            if taps.try_update_value(|t| t.tap(now, at)).unwrap_or(false) {
                state.map.fly_to(state.map.viewport().get_untracked().zoom_at(at, 2.0));
            }
        }
        let effect = gestures.try_update_value(|g| g.up(ev.pointer_id())).unwrap_or(GestureEffect::Nothing);
        if !gestures.with_value(|g| g.is_active()) {
            corner.set_value(None);
        }
        apply(effect);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if !is_map_event(&ev, "") {
            return; // the legend and the badge list scroll
        }
        if state.embed && !(ev.ctrl_key() || ev.meta_key()) {
            // Cooperative: the wheel scrolls the host page unless Ctrl/⌘ is held.
            state.map.show_hint("hint.ctrl_zoom");
            return;
        }
        ev.prevent_default();
        let at = point(ev.client_x(), ev.client_y());
        let factor = wheel_factor(ev.delta_y(), ev.delta_mode());
        let from = wheel_target.get_untracked().unwrap_or_else(|| state.map.viewport().get_untracked());
        wheel_target.set(Some(from.zoom_at(at, factor)));
        wheel_commit.call(commit_wheel);
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        if !is_map_event(&ev, "") {
            return;
        }
        ev.prevent_default();
        if last_pointer_touch.get_value() {
            return; // a double tap was already handled on pointerup
        }
        let at = point(ev.client_x(), ev.client_y());
        state.map.fly_to(state.map.viewport().get_untracked().zoom_at(at, 2.0));
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if suppress_click.get_value() {
            suppress_click.set_value(false);
            return;
        }
        if !is_map_event(&ev, BADGE_LIST) {
            return;
        }
        if let Some(key) = super::pois::badge_at(ev.target()) {
            state.map.toggle_badge(&key);
            return;
        }
        state.map.close_badge();
        if let Some(bounds) = cluster_at(ev.target()) {
            zoom_into_cluster(state, &bounds);
            return;
        }
        let feature = feature_at(ev.target());
        // Planning: a facility or any other spot of the map becomes the next waypoint (the planner
        // chunk decides); companies still open their panel.
        if state.planning_untracked() {
            let at = point(ev.client_x(), ev.client_y());
            let pos = state.map.to_lon_lat(state.map.viewport().get_untracked().screen_to_map(at));
            let Some(planner) = state.chunks.planner.face_untracked() else {
                // The planner's chunk is still on its way (a click right after "Plan a route"): the
                // click is the planner's once it is in, not a selection meanwhile.
                state.chunks.planner.load_then(state, move |planner| {
                    if !planner.click.run((feature.clone(), pos)) {
                        if let Some(feature) = feature {
                            state.select(Selection::Feature(feature));
                        }
                    }
                });
                return;
            };
            if planner.click.run((feature.clone(), pos)) {
                return;
            }
        }
        if let Some(feature) = feature {
            state.select(Selection::Feature(feature));
        }
    };
    // The keyboard: ui/keys.rs.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !is_map_event(&ev, "") || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return; // a control's own keys, and the browser's shortcuts
        }
        commit_wheel();
        if let Some(map) = container.get_untracked() {
            super::keys::on_key(state, map.unchecked_ref(), &ev);
        }
    };

    // A drag and a wheel zoom in progress move the pane (the basemap and the <svg>) with a CSS
    // transform, on its own compositor layer: nothing is repainted, as Leaflet moves its map pane.
    let pane_transform = move || {
        let (dx, dy) = preview.get();
        let zoom = wheel_target.get().map(|target| {
            let base = state.map.viewport().get_untracked();
            base.transform_to(&target)
        });
        match zoom {
            None if (dx, dy) == (0.0, 0.0) => String::new(),
            None => format!("translate({dx}px, {dy}px)"),
            Some((ox, oy, s)) => format!("translate({}px, {}px) scale({s})", ox + dx, oy + dy),
        }
    };
    let world_transform =
        move || state.map.viewport().with(|v| v.world_transform(state.map.origin().get()).to_svg());
    let dragging = move || preview.with(|p| *p != (0.0, 0.0));
    let moving = move || dragging() || wheel_target.with(Option::is_some);

    view! {
        <div
            class="map"
            class:map--dragging=dragging
            class:map--moving=moving
            node_ref=container
            tabindex="0"
            role="region"
            aria-roledescription="map"
            aria-label=state.tr("map.label")
            aria-describedby="map-keys"
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=move |ev: web_sys::PointerEvent| on_up(ev)
            on:wheel=on_wheel
            on:dblclick=on_dblclick
            on:click=on_click
            on:keydown=on_key
        >
            <div class="map__pane" style:transform=pane_transform>
            {super::chunk::view_of(state.chunks.basemap, |t| t.view.run())}
            <svg class="map__svg" xmlns="http://www.w3.org/2000/svg">
                <g class="map__pan">
                    <g class="map__world" transform=world_transform>
                        <super::layers::WorldLayers/>
                    </g>
                    <super::markers::Markers/>
                </g>
            </svg>
            </div>
            <super::controls::Controls/>
            <super::controls::KeyHint/>
            <super::legend::Legend/>
            <super::pois::BadgeList/>
            {move || drawable(state)}
            <LoadingState/>
            <super::chip::MatchChip/>
            {move || state.map.hint().get().map(|key| view! { <div class="map__hint" role="status">{move || state.t(key)}</div> })}
        </div>
    }
}

/// Before anything is drawn, a veil over the map; afterwards a small chip naming the layers still
/// loading (and retries), so a slow layer never freezes the page.
#[component]
fn LoadingState() -> impl IntoView {
    let state = use_app_state();
    let nothing_drawn =
        move || state.park().with(|p| p.zones.is_empty() && p.companies.is_empty() && p.context.is_empty());
    let chip = move || {
        state.layers.status().with(|status| {
            status
                .iter()
                .filter_map(|(id, s)| match s {
                    LayerStatus::Loading => Some(id.clone()),
                    LayerStatus::Retrying(n) => Some(format!("{id} ({} {n})", state.t("retry"))),
                    LayerStatus::Failed(_) | LayerStatus::Loaded => None,
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    move || {
        if !state.layers.loading().get() {
            None
        } else if nothing_drawn() {
            Some(view! { <div class="map__loading" role="status">{state.tr("loading")}</div> }.into_any())
        } else {
            Some(view! {
                <div class="map__loading-chip" role="status">{move || format!("{} {}", state.t("loading.layer"), chip())}</div>
            }.into_any())
        }
    }
}
