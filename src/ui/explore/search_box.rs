//! The search box: a `role="combobox"` with a `role="listbox"` of results, incremental as you type
//! (English, Chinese, pinyin and initials), navigable with the arrows, Enter and Escape. Choosing a
//! result selects it and flies there.

use crate::feature::{FeatureKind, FeatureRef};
use crate::i18n::t;
use crate::search::{HitKind, IncrementalSearch};
use crate::ui::state::{use_app_state, Local, Selection};
use leptos::prelude::*;

/// Results shown at most.
const LIMIT: usize = 8;

#[derive(Clone, PartialEq)]
struct Option_ {
    sel: Selection,
    name: String,
    other: String,
    kind: &'static str,
}

/// The header's search combobox.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app_state();
    let query = Local::new(String::new());
    let active = Local::new(None::<usize>);
    let open = Local::new(false);
    let incremental = StoredValue::new(IncrementalSearch::new());
    let input = NodeRef::<leptos::html::Input>::new();

    let results = Memo::new(move |_| {
        let q = query.get();
        let lang = state.lang().get();
        let Some(index) = state.filter.search() else { return Vec::new() };
        let park = state.park().get_untracked();
        let hits = incremental.try_update_value(|s| s.search(&index, &q, LIMIT)).unwrap_or_default();
        hits.into_iter()
            .filter_map(|h| {
                Some(match h.kind {
                    HitKind::Company => {
                        let c = park.companies.get(h.index)?;
                        let other =
                            if lang == crate::i18n::Lang::Zh { c.name.en.clone() } else { c.name.zh.clone() };
                        Option_ {
                            sel: Selection::company(c.id.clone()),
                            name: c.name.get(lang).to_owned(),
                            other,
                            kind: "panel.company",
                        }
                    }
                    HitKind::Zone => {
                        let z = park.zones.get(h.index)?;
                        Option_ {
                            sel: Selection::Feature(FeatureRef::new(FeatureKind::Zone, z.id.clone())),
                            name: z.name.get(lang).to_owned(),
                            other: String::new(),
                            kind: "panel.zone",
                        }
                    }
                    HitKind::Poi => {
                        let p = park.pois.get(h.index)?;
                        let kind = t(lang, &format!("poi.{}", p.kind.key()));
                        Option_ {
                            sel: Selection::Feature(FeatureRef::new(FeatureKind::Poi, p.id.clone())),
                            name: p.name.get(lang).to_owned(),
                            other: kind.to_owned(),
                            kind: "panel.poi",
                        }
                    }
                })
            })
            .collect::<Vec<_>>()
    });

    let choose = move |i: usize| {
        if let Some(o) = results.with_untracked(|r| r.get(i).cloned()) {
            state.select(o.sel);
            query.set(o.name);
            open.set(false);
            active.set(None);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n.max(1))));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active
                    .update(|a| *a = Some(a.map_or(n.saturating_sub(1), |i| (i + n.max(1) - 1) % n.max(1))));
            }
            "Enter" => {
                ev.prevent_default();
                choose(active.get_untracked().unwrap_or(0));
            }
            // Close the list first; a second Escape is left to the page (panels).
            "Escape" if open.get_untracked() => {
                ev.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && results.with(|r| !r.is_empty());

    view! {
        <div class="search" role="search">
            <input
                node_ref=input
                class="search__input"
                type="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("search-option-{i}")).unwrap_or_default()
                aria-label=state.tr("search.label")
                placeholder=state.tr("search.placeholder")
                autocomplete="off"
                spellcheck="false"
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); open.set(true); active.set(None); }
                on:keydown=on_key
                on:focus=move |_| open.set(true)
                on:blur=move |_| { set_timeout(move || open.set(false), std::time::Duration::from_millis(150)); }
            />
            <ul id="search-results" class="search__list" role="listbox" aria-label=state.tr("search.results")
                class:search__list--open=expanded>
                {move || {
                    let lang = state.lang().get();
                    results.get().into_iter().enumerate().map(|(i, o)| view! {
                        <li id=format!("search-option-{i}") class="search__option" role="option"
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            on:mousedown=move |ev: web_sys::MouseEvent| { ev.prevent_default(); choose(i); }>
                            <span class="search__name">{o.name}</span>
                            <span class="search__meta">{format!("{} {}", t(lang, o.kind), o.other)}</span>
                        </li>
                    }).collect_view()
                }}
            </ul>
        </div>
    }
}
