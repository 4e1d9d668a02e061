//! Offline support: registers the service worker (`sw.js`, written at build time) once the map is
//! ready (the session chunk, [`super::session`], calls it), and shows a small notice when it reports
//! that a new version was installed.
//!
//! The worker is optional: over plain http from a host that is not `localhost` the browser has no
//! `navigator.serviceWorker`, and in a third-party iframe it may refuse the registration. Either way the
//! map stays online-only and nothing reaches the console as an error.

use super::browser;
use super::state::{use_app_state, AppState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Registers `sw.js` next to the page (its scope is the page's folder) and listens for its
/// "updated" message. Does nothing where the browser has no service workers.
pub fn register(state: AppState) {
    if !browser::navigator_has("serviceWorker") {
        return;
    }
    let container = window().navigator().service_worker();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field =
            |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
        if field("source").as_deref() == Some("parkmap-sw") && field("type").as_deref() == Some("updated") {
            state.set_updated(true);
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Page lifetime: the worker may report an update at any time while the page is open.
    on_message.forget();
    // A worker taking over a page that already had one is a new version too (covers a message
    // sent before this page was listening).
    let had_controller = container.controller().is_some();
    let on_change = Closure::<dyn Fn()>::new(move || {
        if had_controller {
            state.set_updated(true);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // Page lifetime, as above.
    on_change.forget();
    let registration = wasm_bindgen_futures::JsFuture::from(container.register("sw.js"));
    wasm_bindgen_futures::spawn_local(async move {
        // Refused (a third-party iframe, a privacy setting, a file the host does not serve): the map
        // simply stays online-only. Awaiting the promise here also keeps the refusal from surfacing
        // as an unhandled rejection in the embedding page's console.
        if let Err(reason) = registration.await {
            leptos::logging::log!("ParkMap works online only here: {reason:?}");
        }
    });
}

/// "ParkMap was updated" — shown once after a new version took over.
#[component]
pub fn UpdatedNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.updated().get().then(|| {
            view! {
                <div class="notice" role="status">
                    <span>{state.tr("updated")}</span>
                    <button type="button" class="notice__close" aria-label=state.tr("close")
                        on:click=move |_| state.set_updated(false)>"×"</button>
                </div>
            }
        })
    }
}
