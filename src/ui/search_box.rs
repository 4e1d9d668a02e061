//! The search box: a `role="combobox"` with a `role="listbox"` of results, incremental as you type
//! (English, Chinese, pinyin and initials), navigable with the arrows, Enter and Escape. Choosing a
//! result selects it and flies there. The box answers from the first frame; its results come from
//! the search chunk ([`super::search`]), entered when the map is idle or when the box is first used.

use super::chunk;
use crate::ui::state::use_app_state;
use leptos::prelude::*;

/// The header's search combobox.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app_state();
    let input = state.search;
    let results = state.chunks.search;
    let count = move || results.face().map_or(0, |f| f.count.get());
    let count_untracked = move || results.face_untracked().map_or(0, |f| f.count.get_untracked());
    let choose = move |i: usize| {
        if let Some(name) = results.face_untracked().and_then(|f| f.choose.run(i)) {
            input.chosen(name);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            input.set_open(true);
            input.step(1, count_untracked());
        }
        "ArrowUp" => {
            ev.prevent_default();
            input.step(-1, count_untracked());
        }
        "Enter" => {
            ev.prevent_default();
            choose(input.active().get_untracked().unwrap_or(0));
        }
        // Close the list first; a second Escape is left to the page (panels).
        "Escape" if input.open().get_untracked() => {
            ev.stop_propagation();
            input.set_open(false);
        }
        _ => {}
    };
    let expanded = move || input.open().get() && count() > 0;

    view! {
        <div class="search" role="search">
            <input
                class="search__input"
                type="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || input.active().get().map(|i| format!("search-option-{i}")).unwrap_or_default()
                aria-label=state.tr("search.label")
                placeholder=state.tr("search.placeholder")
                autocomplete="off"
                spellcheck="false"
                prop:value=move || input.query().get()
                on:input=move |ev| {
                    input.typed(event_target_value(&ev));
                    results.load(state);
                }
                on:keydown=on_key
                on:focus=move |_| {
                    input.set_open(true);
                    results.load(state);
                }
                on:blur=move |_| { set_timeout(move || input.set_open(false), std::time::Duration::from_millis(150)); }
            />
            <ul id="search-results" class="search__list" role="listbox" aria-label=state.tr("search.results")
                class:search__list--open=expanded>
                {chunk::view_of(results, |f| f.options.run())}
            </ul>
            {chunk::view_of(results, |f| f.status.run())}
        </div>
    }
}
