//! The detail panel (`role="dialog"`): a side panel on desktop, a bottom sheet on phones. Its
//! frame — close button, focus, Escape — is here; what it shows is the details chunk's
//! ([`super::details`]).

use super::chunk;
use super::state::{use_app_state, ChunkStatus, Selection};
use crate::feature::FeatureKind;
use crate::i18n::t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses an HTML or SVG element (markers are SVG).
fn focus(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus();
    }
}

/// The panel for the current selection; Escape or the close button closes it and gives focus back.
#[component]
pub fn Panel() -> impl IntoView {
    let state = use_app_state();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    let close = move || {
        state.close_panel();
        if let Some(el) = opener.get_value() {
            focus(&el);
        }
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.selection().with_untracked(Option::is_some) {
            close();
        }
    });
    on_cleanup(move || esc.remove());
    // Outward (focus): when a panel opens, remember what had focus and move focus into the panel
    // (and fetch the details chunk, the first time).
    Effect::new(move |was_open: Option<bool>| {
        let open = state.selection().with(Option::is_some);
        if open {
            match state.selection().with(|s| s.as_ref().and_then(|s| s.id_of(FeatureKind::Site)).is_some()) {
                true => state.chunks.sites.load(state),
                false => state.chunks.details.load(state),
            }
        }
        // A phone's sheet opens over the lower map: bring what was selected into the part left free
        // (once the sheet is laid out).
        if let Some(feature) = state.selection().with(|s| s.as_ref().and_then(|s| s.feature().cloned())) {
            state.keep_in_sight_when_laid_out(feature);
        }
        if open && was_open != Some(true) {
            opener.set_value(document().active_element());
            request_animation_frame(move || {
                if let Some(b) = close_ref.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
        open
    });
    move || {
        let sel = state.selection().get()?;
        // Only what the park has (a link may name what is not there); a site is the site finder's
        // to show (the park has the sites once its chunk has loaded them).
        let (body, status) = match &sel {
            Selection::Feature(f) if f.kind == FeatureKind::Site => {
                let id = f.id.clone();
                let body = chunk::slot(state, state.chunks.sites, move |sites| (sites.panel)(id.clone()));
                (body.into_any(), Signal::derive(move || state.chunks.sites.status()))
            }
            Selection::Feature(f) if state.park().with(|p| p.name_of(f).is_none()) => return None,
            _ => {
                let body =
                    chunk::slot(state, state.chunks.details, move |details| details.content(&sel).into_any());
                (body.into_any(), Signal::derive(move || state.chunks.details.status()))
            }
        };
        // A dialog once what it shows is in (its title names it); while the chunk is on its way the
        // frame is a busy region, so neither a screen reader nor a test meets an empty dialog.
        let ready = move || status.get() == ChunkStatus::Ready;
        Some(view! {
            <div class="panel" role=move || ready().then_some("dialog")
                aria-labelledby=move || ready().then_some("panel-title")
                aria-busy=move || (!ready()).then_some("true")>
                <button type="button" class="panel__close" node_ref=close_ref aria-label=state.tr("close")
                    on:click=move |_| close()>"×"</button>
                <div class="panel__body">{body}</div>
            </div>
        })
    }
}

/// A polite live region that announces each new selection ("Selected: Huawei"), for screen readers.
#[component]
pub fn Announcer() -> impl IntoView {
    let state = use_app_state();
    let text = move || {
        let lang = state.lang().get();
        let park = state.park().get();
        let name = match state.selection().get()? {
            Selection::About => t(lang, "about").to_owned(),
            Selection::Feature(f) => park.name_of(&f)?.get(lang).to_owned(),
        };
        Some(format!("{} {name}", t(lang, "selected")))
    };
    view! { <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{text}</div> }
}
