//! The pre-rendered first view: `index.html` carries a picture of the default park at its fitted
//! view (`#prerender`, drawn at build time by `parkmap-prerender`), painted before the wasm has run.
//! CSR cannot hydrate it, so the app removes it: once every layer has settled (its own map then
//! shows the same), or as soon as the view moves away from the first one (a gesture, a key, a
//! flight). `index.html`'s gate script has already removed it when the URL asks for anything else.

use super::state::AppState;
use leptos::prelude::*;

/// The pre-rendered picture's element id.
const ID: &str = "prerender";

/// Whether the pre-rendered picture is up (the app's first view must then be the picture's).
pub(crate) fn shown() -> bool {
    document().get_element_by_id(ID).is_some()
}

/// Removes the pre-rendered picture, if it is still there.
pub(crate) fn dismiss() {
    if let Some(el) = document().get_element_by_id(ID) {
        el.remove();
    }
}

/// Removes the picture once loading is over: every layer has loaded or failed, or the manifest
/// failed (then the app's error shows instead). Call it after the park's loading has started.
pub(crate) fn dismiss_when_settled(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let over = !state.layers.loading().get();
        if over {
            dismiss();
        }
        over
    });
}
