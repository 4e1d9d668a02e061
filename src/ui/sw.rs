//! Offline support: registers the service worker (`sw.js`, written at build time) and shows a
//! small notice when it reports that a new version was installed.

use super::state::{use_app_state, AppState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Registers `sw.js` next to the page and listens for its "updated" message.
pub fn register(state: AppState) {
    let container = window().navigator().service_worker();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field =
            |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
        if field("source").as_deref() == Some("parkmap-sw") && field("type").as_deref() == Some("updated") {
            state.updated.set(true);
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    on_message.forget();
    // A worker taking over a page that already had one is a new version too (covers a message
    // sent before this page was listening).
    let had_controller = container.controller().is_some();
    let on_change = Closure::<dyn Fn()>::new(move || {
        if had_controller {
            state.updated.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    // A page without a service worker (an old browser, a file: URL) simply stays online-only.
    let _ = container.register("sw.js");
}

/// "ParkMap was updated" — shown once after a new version took over.
#[component]
pub fn UpdatedNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.updated.get().then(|| {
            view! {
                <div class="notice" role="status">
                    <span>{state.tr("updated")}</span>
                    <button type="button" class="notice__close" aria-label=state.tr("close")
                        on:click=move |_| state.updated.set(false)>"×"</button>
                </div>
            }
        })
    }
}
