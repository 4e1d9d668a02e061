//! The embed API's inbox: from the first moment of an embedded map (`?embed=1`), every `message` the
//! page receives is kept, in order, until the embed API's chunk takes over ([`Inbox::take_over`]):
//! a host that sends commands before the map is ready loses none, and each is answered. Before the
//! wasm runs, the start-up script keeps them (`window.__parkmapInbox`, written by
//! `scripts/build.mjs`); [`Inbox::listen`] takes those over. The inbox itself only queues; reading,
//! checking and answering messages is the chunk's.

use leptos::prelude::*;
use std::rc::Rc;

/// What handles a message once the embed API is there.
type Handler = Rc<dyn Fn(web_sys::MessageEvent)>;

/// The queue and, once the embed API has taken over, its handler. Copy: both are handles.
#[derive(Clone, Copy)]
pub struct Inbox {
    queue: StoredValue<Vec<web_sys::MessageEvent>, LocalStorage>,
    handler: StoredValue<Option<Handler>, LocalStorage>,
}

impl Inbox {
    /// An empty inbox that does not listen yet.
    pub fn new() -> Self {
        Inbox { queue: StoredValue::new_local(Vec::new()), handler: StoredValue::new_local(None) }
    }

    /// Takes over the messages the start-up script kept, then listens to the window's messages for
    /// as long as the current reactive scope lives.
    pub fn listen(&self) {
        let this = *self;
        this.queue.update_value(|q| q.extend(early_messages()));
        let listener =
            window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
                match this.handler.get_value() {
                    Some(handle) => handle(ev),
                    None => this.queue.update_value(|q| q.push(ev)),
                }
            });
        on_cleanup(move || listener.remove());
    }

    /// Hands every message kept so far to `handle`, in order, and every later one as it comes.
    pub fn take_over(&self, handle: impl Fn(web_sys::MessageEvent) + 'static) {
        let handle: Handler = Rc::new(handle);
        for ev in self.queue.try_update_value(std::mem::take).unwrap_or_default() {
            handle(ev);
        }
        self.handler.set_value(Some(handle));
    }
}

/// The messages the start-up script kept (its listener stops here: from now on the inbox listens).
fn early_messages() -> Vec<web_sys::MessageEvent> {
    use wasm_bindgen::{JsCast, JsValue};
    let window = window();
    let Ok(early) = js_sys::Reflect::get(&window, &JsValue::from_str("__parkmapInbox")) else {
        return Vec::new();
    };
    if early.is_undefined() || early.is_null() {
        return Vec::new();
    }
    if let Some(stop) = js_sys::Reflect::get(&early, &JsValue::from_str("stop"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = stop.call0(&early);
    }
    let _ = js_sys::Reflect::delete_property(
        window.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str("__parkmapInbox"),
    );
    js_sys::Reflect::get(&early, &JsValue::from_str("queue"))
        .ok()
        .and_then(|q| q.dyn_into::<js_sys::Array>().ok())
        .map(|q| q.iter().filter_map(|e| e.dyn_into::<web_sys::MessageEvent>().ok()).collect())
        .unwrap_or_default()
}

impl Default for Inbox {
    fn default() -> Self {
        Self::new()
    }
}
