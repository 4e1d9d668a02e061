//! The map by keyboard (README, "Using the map"). The map is one Tab stop: every feature drawn on
//! it is `tabindex="-1"` (the world writer, [`crate::world`], writes the zones and trails so; the
//! markers are drawn so), so Tab goes from the map straight to its zoom buttons. On the map the
//! arrows pan and + / − zoom; a digit (1 zones, 2 waterfront, 3 greenway, 4 facilities,
//! 5 companies, 6 sites: [`LayerKind::focus_key`]) moves focus to that layer's feature nearest the
//! middle of the map; on a feature the arrows move to the nearest feature of the same layer that
//! way, Enter opens it and Escape goes back to the map.

use super::map::{cluster_at, feature_at, zoom_into_cluster};
use super::state::{AppState, Selection};
use crate::geo::focus::{nearest_to, seen_at};
use crate::geo::gesture::{key_action, nearest_in_direction, Direction, KeyAction};
use crate::geo::{ScreenPoint, ScreenRect};
use crate::model::LayerKind;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A key pressed on the map (the map element or a feature; the map's controls keep their keys).
pub(super) fn on_key(state: AppState, map: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let key = ev.key();
    let feature = feature_of(ev.target());
    if key == "Enter" || key == " " {
        if let Some(badge) = super::pois::badge_at(ev.target()) {
            ev.prevent_default();
            state.map.toggle_badge(&badge);
        } else if let Some(bounds) = cluster_at(ev.target()) {
            ev.prevent_default();
            zoom_into_cluster(state, &bounds);
            refocus_companies_after_flight(state, map.clone(), bounds.center());
        } else if let Some(feature) = feature_at(ev.target()) {
            ev.prevent_default();
            state.select(Selection::Feature(feature));
        }
        return;
    }
    if let Some(kind) = LayerKind::for_focus_key(&key) {
        ev.prevent_default();
        focus_layer(map, kind, None);
        return;
    }
    if let Some(from) = &feature {
        if key == "Escape" && state.selection().with_untracked(Option::is_none) {
            focus_quietly(map);
            return;
        }
        if let Some(dir) = Direction::from_key(&key) {
            // on a feature the arrows move between features; the map pans from the map itself
            ev.prevent_default();
            move_within_layer(map, from, dir);
            return;
        }
    }
    let Some(action) = key_action(&key) else { return };
    ev.prevent_default();
    if feature.is_some() {
        // a zoom redraws the markers: keep focus on the map rather than on one that goes
        focus_quietly(map);
    }
    state.map.change_view(|v| match action {
        KeyAction::Pan(dx, dy) => v.pan_by(dx, dy),
        KeyAction::Zoom(f) => v.zoom_at(ScreenPoint::new(v.width / 2.0, v.height / 2.0), f),
    });
}

/// What the keyboard can focus on the map: features, cluster bubbles, facility badges.
const FOCUSABLE: &str = "[data-select], [data-fit], [data-badge]";

/// A layer's focusable elements on the map (its features, bubbles and badges, in the groups it
/// is drawn in); `None` for the context, which has none.
fn selector(kind: LayerKind) -> Option<&'static str> {
    Some(match kind {
        LayerKind::Context => return None,
        LayerKind::Zones => ".map__layer--zones [data-select]",
        LayerKind::Waterfront => ".map__layer--waterfront [data-select]",
        LayerKind::Greenway => ".map__layer--greenway [data-select]",
        LayerKind::Pois => ".map__layer--pois [data-select], .map__layer--pois [data-badge]",
        LayerKind::Companies => ".map__layer--companies [data-select], .map__layer--companies [data-fit]",
        LayerKind::Sites => ".map__layer--sites [data-select], .map__layer--site-spaces [data-select]",
    })
}

/// The layer a focusable element of the map belongs to.
fn layer_of(el: &web_sys::Element) -> Option<LayerKind> {
    LayerKind::ALL.iter().copied().find(|&k| selector(k).is_some_and(|s| el.matches(s).unwrap_or(false)))
}

/// The feature (zone, trail, facility, badge, cluster, company, site) an event's target is, when it
/// is one drawn on the map.
fn feature_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let feature = el.closest(FOCUSABLE).ok()??;
    feature.closest(".map__pane").ok()?.map(|_| feature)
}

/// An element's box in client pixels.
fn client_box(el: &web_sys::Element) -> ScreenRect {
    let r = el.get_bounding_client_rect();
    ScreenRect::new(ScreenPoint::new(r.left(), r.top()), ScreenPoint::new(r.right(), r.bottom()))
}

/// A layer's features that are drawn and in view (a switched-off layer's are not), each with
/// where it is seen ([`seen_at`]: a zone larger than the view in the view's middle).
fn features(map: &web_sys::Element, kind: LayerKind) -> (Vec<web_sys::Element>, Vec<ScreenPoint>) {
    let view = client_box(map);
    let Some(Ok(list)) = selector(kind).map(|s| map.query_selector_all(s)) else {
        return (Vec::new(), Vec::new());
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| {
            let b = client_box(&e);
            let drawn = b.width() > 0.0 || b.height() > 0.0;
            drawn.then(|| seen_at(&b, &view)).flatten().map(|at| (e, at))
        })
        .unzip()
}

/// Focuses an element of the map without scrolling anything (the map's box never scrolls).
fn focus_quietly(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("preventScroll"), &JsValue::TRUE);
    if let Some(focus) = js_sys::Reflect::get(el, &JsValue::from_str("focus"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = focus.call1(el, &options);
    }
}

/// Moves focus to `kind`'s feature nearest `at` (client pixels; the middle of the map when
/// `None`), among those in view. False when the layer is off or has nothing in view.
fn focus_layer(map: &web_sys::Element, kind: LayerKind, at: Option<ScreenPoint>) -> bool {
    let view = client_box(map);
    let (elements, centres) = features(map, kind);
    match nearest_to(at.unwrap_or_else(|| view.center()), &centres, &view) {
        Some(i) => {
            focus_quietly(&elements[i]);
            true
        }
        None => false,
    }
}

/// Moves focus from the feature `from` to the nearest feature of its layer in `dir`, among those
/// in view. False when nothing lies that way (focus stays).
fn move_within_layer(map: &web_sys::Element, from: &web_sys::Element, dir: Direction) -> bool {
    let Some(kind) = layer_of(from) else { return false };
    let Some(here) = seen_at(&client_box(from), &client_box(map)) else { return false };
    let (elements, seen) = features(map, kind);
    match nearest_in_direction(here, &seen, dir) {
        Some(i) => {
            focus_quietly(&elements[i]);
            true
        }
        None => false,
    }
}

/// Once a flight into a cluster has ended (a little after [`crate::ui::state::MapState::fly_to`]'s
/// 400 ms), focus the company marker or bubble now nearest where the cluster was, so the keyboard
/// goes on from there (the cluster itself is gone).
fn refocus_companies_after_flight(state: AppState, map: web_sys::Element, at: crate::geo::MapPoint) {
    set_timeout(
        move || {
            let view = client_box(&map);
            let s = state.map.viewport().with_untracked(|v| v.map_to_screen(at));
            let at = ScreenPoint::new(view.min.x + s.x, view.min.y + s.y);
            if !focus_layer(&map, LayerKind::Companies, Some(at)) {
                focus_quietly(&map);
            }
        },
        std::time::Duration::from_millis(480),
    );
}
