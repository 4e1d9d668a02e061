//! "Embed this map": builds the snippet for the current view and the chosen options — the plain
//! `<iframe>`, or the partner kit's two lines (its script, with Subresource Integrity on the hashed
//! copy the build's `kit.json` names, and `<park-map>`) — with a live preview and a copy button. The
//! snippets themselves are made (and escaped) by [`crate::embed`].
//! A chunk ([`super::chunk`]): fetched when the dialog is first opened, or when the map is idle.

use super::chunk::chunk;
use super::session::current;
use super::state::{use_app_state, Local};
use crate::embed::{
    embed_src, iframe_snippet, kit_snippet, EmbedOptions, KitFile, KitOptions, Size, UrlState,
};
use crate::i18n::Lang;
use crate::model::LayerKind;
use leptos::prelude::*;
use std::sync::Arc;

/// The embed dialog's face: the dialog, shown while `open` is true.
#[derive(Clone)]
pub struct EmbedDialogFace(Arc<dyn Fn(Local<bool>) -> AnyView + Send + Sync>);

impl EmbedDialogFace {
    /// The dialog, open while `open` is.
    pub fn view(&self, open: Local<bool>) -> AnyView {
        (self.0)(open)
    }
}

chunk!(embed_dialog: EmbedDialogFace = fn embed_dialog_chunk(_state) {
    Ok(EmbedDialogFace(Arc::new(|open| view! { <EmbedDialog open=open/> }.into_any())))
});

fn base_url() -> String {
    let l = window().location();
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

/// The dialog; open while `open` is true. Focus moves into it and back to the opener on close.
#[component]
pub fn EmbedDialog(open: Local<bool>) -> impl IntoView {
    let state = use_app_state();
    let width = Local::new(600u32);
    let height = Local::new(400u32);
    let lang = Local::new(state.lang().get_untracked());
    let with_view = Local::new(true);
    let with_selection = Local::new(true);
    let hidden = Local::new(state.layers.hidden().get_untracked());
    let title = Local::new(String::new());
    // The kit's two lines instead of the iframe; the build's kit.json, once read (`Some(None)`: none).
    let with_kit = Local::new(false);
    let kit_file = Local::new(None::<Option<KitFile>>);
    let choose_kit = move |kit: bool| {
        with_kit.set(kit);
        if kit && kit_file.get_untracked().is_none() {
            kit_file.set(Some(None));
            leptos::task::spawn_local(async move {
                let policy = crate::retry::RetryPolicy::default();
                let read = crate::fetch::fetch_text("kit.json", "kit.json", policy, &|_| {}).await;
                kit_file.set(Some(read.ok().and_then(|json| KitFile::parse(&json))));
            });
        }
    };
    // The copy button's outcome, as a translation key.
    let copy_status = Local::new(None::<&'static str>);
    let first = NodeRef::<leptos::html::Input>::new();
    let code = NodeRef::<leptos::html::Textarea>::new();

    let url_state = move || {
        // `current` reads without tracking; the snippet follows the view and selection live.
        state.map.viewport().track();
        state.selection().track();
        let mut s = current(state, &UrlState::default());
        // The page's basemap goes into the embed too (the manifest's comes with the park anyway).
        let page = super::url::read_quietly();
        (s.tiles, s.tiles_attr, s.tiles_crs) = (page.tiles, page.tiles_attr, page.tiles_crs);
        s.lang = Some(lang.get());
        s.hidden_layers = hidden.get();
        crate::sort::sort(&mut s.hidden_layers);
        if !with_view.get() {
            s.view = None;
        }
        if !with_selection.get() {
            s.selection = None;
        }
        s
    };
    let park_name = move || {
        state
            .layers
            .manifest()
            .with(|m| m.as_ref().map(|m| m.name.get(lang.get()).to_owned()))
            .unwrap_or_default()
    };
    let snippet = move || {
        let t = title.get();
        if with_kit.get() {
            return kit_snippet(&KitOptions {
                base_url: base_url(),
                height: height.get().clamp(200, 4000),
                state: url_state(),
                title: if t.trim().is_empty() { park_name() } else { t },
                kit: kit_file.get().flatten(),
            })
            .unwrap_or_else(|e| e.to_string());
        }
        iframe_snippet(&EmbedOptions {
            base_url: base_url(),
            width: Size::Px(width.get().clamp(300, 4000)),
            height: Size::Px(height.get().clamp(200, 4000)),
            state: url_state(),
            title: if t.trim().is_empty() { park_name() } else { t },
        })
        .unwrap_or_else(|e| e.to_string())
    };
    let preview = move || embed_src(&base_url(), &url_state()).unwrap_or_default();
    // The snippet is selected either way, so that where the clipboard API is missing (plain http, an
    // old browser) or refuses (a frame without permission) Ctrl+C copies it.
    let copy = move |_| {
        if let Some(el) = code.get_untracked() {
            el.select();
        }
        if !super::browser::navigator_has("clipboard") {
            copy_status.set(Some("embed.copy_manual"));
            return;
        }
        let written =
            wasm_bindgen_futures::JsFuture::from(window().navigator().clipboard().write_text(&snippet()));
        leptos::task::spawn_local(async move {
            let key = if written.await.is_ok() { "embed.copied" } else { "embed.copy_manual" };
            copy_status.set(Some(key));
        });
    };
    // Outward (focus): the first field takes focus when the dialog opens — in the task that shows
    // it (this runs again once the field exists), not a frame later, when a key pressed in between
    // would land behind the dialog. Returns whether this opening has been focused.
    Effect::new(move |focused: Option<bool>| {
        if !open.get() {
            return false;
        }
        if focused == Some(true) {
            return true;
        }
        first.get().filter(|el| el.is_connected()).is_some_and(|el| el.focus().is_ok())
    });
    let close = move || {
        copy_status.set(None);
        open.set(false);
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            close();
        }
    });
    on_cleanup(move || esc.remove());
    let num = move |set: Local<u32>| {
        move |ev| {
            if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                set.set(v);
            }
        }
    };
    move || {
        open.get().then(|| {
            view! {
                <div class="modal" on:click=move |ev| {
                    if ev.target() == ev.current_target() { close() }
                }>
                    <section class="modal__dialog embed-dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title">
                        <button type="button" class="panel__close" aria-label=state.tr("close") on:click=move |_| close()>"×"</button>
                        <h2 id="embed-title" class="panel__title">{state.tr("embed.title")}</h2>
                        <div class="embed-dialog__grid">
                            <form class="embed-dialog__options" on:submit=|ev| ev.prevent_default()>
                                <label>{state.tr("embed.width")}
                                    <input node_ref=first type="number" min="300" max="4000" prop:value=move || width.get().to_string() on:input=num(width)/>
                                </label>
                                <label>{state.tr("embed.height")}
                                    <input type="number" min="200" max="4000" prop:value=move || height.get().to_string() on:input=num(height)/>
                                </label>
                                <label>{state.tr("language")}
                                    <select on:change=move |ev| if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { lang.set(l) }>
                                        {Lang::ALL.iter().map(|&l| view! { <option value=l.tag() selected=move || lang.get() == l>{l.native_name()}</option> }).collect_view()}
                                    </select>
                                </label>
                                <label>{state.tr("embed.name")}
                                    <input type="text" maxlength="200" placeholder=park_name prop:value=move || title.get()
                                        on:input=move |ev| title.set(event_target_value(&ev))/>
                                </label>
                                <label class="embed-dialog__check"><input type="checkbox" prop:checked=move || with_view.get()
                                    on:change=move |_| with_view.update(|v| *v = !*v)/>{state.tr("embed.with_view")}</label>
                                <label class="embed-dialog__check"><input type="checkbox" prop:checked=move || with_selection.get()
                                    on:change=move |_| with_selection.update(|v| *v = !*v)/>{state.tr("embed.with_selection")}</label>
                                // Code, not words: the same in every language.
                                <fieldset>
                                    <legend>{state.tr("embed.code")}</legend>
                                    <label class="embed-dialog__check"><input type="radio" name="embed-kind" prop:checked=move || !with_kit.get()
                                        on:change=move |_| choose_kit(false)/><code>"<iframe>"</code></label>
                                    <label class="embed-dialog__check"><input type="radio" name="embed-kind" prop:checked=move || with_kit.get()
                                        on:change=move |_| choose_kit(true)/><code>"<script> + <park-map>"</code></label>
                                </fieldset>
                                <fieldset>
                                    <legend>{state.tr("legend")}</legend>
                                    {LayerKind::ALL.iter().filter(|k| k.loads_with_map()).map(|&k| view! {
                                        <label class="embed-dialog__check">
                                            <input type="checkbox" prop:checked=move || hidden.with(|h| !h.contains(&k))
                                                on:change=move |_| hidden.update(|h| if let Some(i) = h.iter().position(|x| *x == k) { h.remove(i); } else { h.push(k); })/>
                                            {move || state.t(super::legend::layer_key(k))}
                                        </label>
                                    }).collect_view()}
                                </fieldset>
                            </form>
                            <div class="embed-dialog__output">
                                <label for="embed-code">{state.tr("embed.code")}</label>
                                <textarea id="embed-code" node_ref=code class="embed-dialog__code" readonly rows="5" prop:value=snippet></textarea>
                                <button type="button" class="embed-dialog__copy" on:click=copy>{state.tr("embed.copy")}</button>
                                <span class="embed-dialog__copied" role="status">{move || copy_status.get().map(|k| state.t(k)).unwrap_or_default()}</span>
                                <p class="embed-dialog__preview-label">{state.tr("embed.preview")}</p>
                                <div class="embed-dialog__preview">
                                    <iframe class="embed-dialog__frame" src=preview title=state.tr("embed.preview")
                                        width=move || width.get().clamp(300, 4000).to_string() height=move || height.get().clamp(200, 4000).to_string()></iframe>
                                </div>
                            </div>
                        </div>
                    </section>
                </div>
            }
        })
    }
}
