//! Feature detection for the optional browser APIs the app uses. A page served over plain http from
//! a host name that is not `localhost` is not a secure context: there `navigator.serviceWorker` and
//! `navigator.clipboard` do not exist and geolocation refuses; an embedding page or a privacy setting
//! can take others away. Every caller checks here first and degrades in place, so the map always mounts.

use wasm_bindgen::JsValue;

/// Runs `f` once, when the main thread is next idle (`requestIdleCallback`), and at the latest after
/// `within`; after `within` where the browser has no idle callbacks (Safari). For work that must not
/// hold up the map's first render.
pub fn when_idle(within: std::time::Duration, f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let window = leptos::prelude::window();
    let ms = within.as_millis().min(i32::MAX as u128) as i32;
    let callback = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let asked = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(ms));
        idle.call2(&window, &callback, &options).is_ok()
    });
    if !asked {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}

/// True when `object[name]` exists (neither `undefined` nor `null`).
fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined() && !v.is_null())
}

/// True when `navigator[name]` exists, e.g. `serviceWorker`, `clipboard`, `geolocation`.
pub fn navigator_has(name: &str) -> bool {
    has(&leptos::prelude::window().navigator(), name)
}

/// True when the global `window[name]` exists, e.g. `ResizeObserver`, `matchMedia`.
pub fn window_has(name: &str) -> bool {
    has(&leptos::prelude::window(), name)
}

/// `window.isSecureContext` (https, or http on `localhost`/`127.0.0.1`). Browsers without the flag are
/// taken as secure: they predate the rule.
pub fn is_secure_context() -> bool {
    let window = leptos::prelude::window();
    js_sys::Reflect::get(&window, &JsValue::from_str("isSecureContext"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// Calls `on_change` whenever `target`'s size changes (a `ResizeObserver` calls it once at the start
/// too). Without `ResizeObserver` it measures once now and then on every window `resize`. Either way
/// the observer or listener is removed when the calling reactive scope is cleaned up.
pub fn watch_size(target: &web_sys::Element, on_change: impl Fn() + Clone + 'static) {
    use leptos::prelude::{on_cleanup, window_event_listener};
    use leptos::reactive::send_wrapper_ext::SendOption;
    use wasm_bindgen::{closure::Closure, JsCast};
    if window_has("ResizeObserver") {
        let callback = Closure::<dyn Fn()>::new(on_change.clone());
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(target);
            let held = SendOption::new_local(Some((observer, callback)));
            on_cleanup(move || {
                if let Some((observer, _callback)) = held.take() {
                    observer.disconnect();
                }
            });
            return;
        }
    }
    on_change();
    let listener = window_event_listener(leptos::ev::resize, move |_| on_change());
    on_cleanup(move || listener.remove());
}

/// Runs the last of a burst of calls once `delay` has passed without another (a view that stopped
/// moving). A pending call is dropped when the reactive scope that made the `Debounce` is cleaned
/// up, so nothing fires into an unmounted app.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: leptos::prelude::StoredValue<Option<leptos::prelude::TimeoutHandle>>,
    delay: std::time::Duration,
}

impl Debounce {
    /// A debouncer with `delay`.
    pub fn new(delay: std::time::Duration) -> Self {
        use leptos::prelude::*;
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        });
        Debounce { pending, delay }
    }

    /// Calls `f` after the delay, unless another call comes first (then only that one runs).
    pub fn call(&self, f: impl FnOnce() + 'static) {
        use leptos::prelude::*;
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                pending.try_set_value(None);
                f();
            },
            self.delay,
        );
        self.pending.try_set_value(handle.ok());
    }
}

/// The boxes of the elements matching `selectors` that are shown over the map, in the map
/// element's pixels (the legend, the controls, a bottom sheet): what labels and "fit park" avoid.
pub fn boxes_over_map(selectors: &str) -> Vec<crate::geo::ScreenRect> {
    use crate::geo::{ScreenPoint, ScreenRect};
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Some(map) = document.query_selector(".map").ok().flatten() else { return Vec::new() };
    let origin = map.get_bounding_client_rect();
    let Ok(list) = document.query_selector_all(selectors) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.get_bounding_client_rect())
        .filter(|r| r.width() > 0.0 && r.height() > 0.0)
        .map(|r| {
            ScreenRect::new(
                ScreenPoint::new(r.left() - origin.left(), r.top() - origin.top()),
                ScreenPoint::new(r.right() - origin.left(), r.bottom() - origin.top()),
            )
        })
        .collect()
}

/// Calls `close` when a pointer goes down anywhere outside the nodes `inside` accepts (a popup and
/// its opener): a click or tap outside closes a popup. The listener is on the document in the
/// capture phase, so a handler that stops the event (the map's, a badge list's) cannot hide it; it
/// is removed when the calling reactive scope is cleaned up.
pub fn on_press_outside(inside: impl Fn(&web_sys::Node) -> bool + 'static, close: impl Fn() + 'static) {
    use leptos::reactive::send_wrapper_ext::SendOption;
    use wasm_bindgen::{closure::Closure, JsCast};
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !target.is_some_and(|t| inside(&t)) {
            close();
        }
    });
    let document = leptos::prelude::document();
    let added = document
        .add_event_listener_with_callback_and_bool("pointerdown", callback.as_ref().unchecked_ref(), true)
        .is_ok();
    let held = SendOption::new_local(added.then_some(callback));
    leptos::prelude::on_cleanup(move || {
        if let Some(callback) = held.take() {
            let _ = leptos::prelude::document().remove_event_listener_with_callback_and_bool(
                "pointerdown",
                callback.as_ref().unchecked_ref(),
                true,
            );
        }
    });
}

/// Focuses the first element matching `selectors` that is shown (has a box): where focus goes
/// back when a popup closes and its opener may be hidden (a phone's "more" menu).
pub fn focus_first_shown(selectors: &[&str]) {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    for sel in selectors {
        let el = document
            .query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el.filter(|e| {
            let r = e.get_bounding_client_rect();
            r.width() > 0.0 && r.height() > 0.0
        }) {
            let _ = el.focus();
            return;
        }
    }
}
