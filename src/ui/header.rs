//! The header: the park's name, the search box and the actions. On a phone (up to 640 px) the
//! actions become icon buttons (their names stay, visually hidden, for assistive technology) and
//! Embed, About and the language move into a "more" menu, so the header never wraps or clips. The
//! menu closes as a WAI-ARIA menu button's does: on Escape (focus back on its button), on a press
//! outside it, and when one of its items is chosen.

use super::side::Side;
use super::state::{use_app_state, Local, Selection};
use super::{chunk, search_box};
use crate::i18n::Lang;
use leptos::prelude::*;

/// A 20 px line icon (`d`: SVG path data in a 20 × 20 box), hidden from assistive technology.
fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="header__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <path d=d/>
        </svg>
    }
}

const ICON_EXPLORE: &str = "M3 17V9M8 17V3M13 17v-6M18 17V6";
const ICON_LIST: &str = "M3 5h14M3 10h14M3 15h14";
const ICON_ROUTE: &str = "M4 16c3-8 9 0 12-8M4 16a1.5 1.5 0 1 0 0 .1M16 8a1.5 1.5 0 1 0 0 .1";
const ICON_MORE: &str = "M4 10h.1M10 10h.1M16 10h.1";

/// The header of the full app (embeds have none).
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    let name = move |short: bool| {
        let lang = state.lang().get();
        state
            .layers
            .manifest()
            .with(|m| {
                let m = m.as_ref()?;
                let text = if short { m.short_name.as_ref().unwrap_or(&m.name) } else { &m.name };
                Some(text.get(lang).to_owned())
            })
            .unwrap_or_else(|| crate::i18n::t(lang, "app.title").to_owned())
    };
    let embed_open = Local::new(false);
    let more_open = Local::new(false);
    let explore_open = move || state.explore.is_open();
    let list_open = move || state.explore.is_list_open();
    let label = move |key: &'static str| view! { <span class="header__label">{state.tr(key)}</span> };
    let actions = NodeRef::<leptos::html::Div>::new();
    // A press outside the toggle and the menu closes it (the press still does what it does).
    super::browser::on_press_outside(
        move |t| {
            actions.get_untracked().is_some_and(|a| {
                let toggle = a.query_selector(".header__more-toggle").ok().flatten();
                let menu = a.query_selector("#header-more").ok().flatten();
                [toggle, menu].into_iter().flatten().any(|e| e.contains(Some(t)))
            })
        },
        move || {
            if more_open.get_untracked() {
                more_open.set(false);
            }
        },
    );
    let open_side = move |side: Side, open: bool| super::side::open_from_header(state, side, open);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && more_open.get_untracked() {
            ev.stop_propagation();
            more_open.set(false);
            super::browser::focus_first_shown(&[".header__more-toggle"]);
        }
    };
    // Outward (focus): when the embed dialog closes, focus goes back to its opener, or to "more"
    // where the opener is in the closed menu (a phone).
    Effect::new(move |was: Option<bool>| {
        let now = embed_open.get();
        if was == Some(true) && !now {
            super::browser::focus_first_shown(&[".header__embed", ".header__more-toggle"]);
        }
        now
    });
    view! {
        <header class="header">
            <h1 class="header__title">
                <span class="header__title-full">{move || name(false)}</span>
                <span class="header__title-short">{move || name(true)}</span>
            </h1>
            <search_box::SearchBox/>
            <div class="header__actions" node_ref=actions on:keydown=on_key>
                <button class="header__about header__explore" type="button" aria-pressed=move || explore_open().to_string()
                    on:click=move |_| open_side(Side::Explore, !explore_open())>
                    {icon(ICON_EXPLORE)}{label("explore.open")}
                </button>
                <button class="header__about" type="button" aria-pressed=move || list_open().to_string()
                    on:click=move |_| state.open_list(!list_open(), || ())>
                    {icon(ICON_LIST)}{label("list.open")}
                </button>
                <button class="header__about header__plan" type="button" aria-pressed=move || state.planning().to_string()
                    on:click=move |_| open_side(Side::Planner, !state.planning_untracked())>
                    {icon(ICON_ROUTE)}{label("planner.open")}
                </button>
                <button class="header__about header__more-toggle" type="button" aria-expanded=move || more_open.get().to_string()
                    aria-controls="header-more" on:click=move |_| more_open.update(|o| *o = !*o)>
                    {icon(ICON_MORE)}{label("more")}
                </button>
                // On a desktop these sit in the row; on a phone they drop down from "more".
                <div id="header-more" class="header__overflow" class:header__overflow--open=move || more_open.get()>
                    <button class="header__about header__sites" type="button" aria-pressed=move || state.sites_open().to_string()
                        on:click=move |_| { more_open.set(false); open_side(Side::Sites, !state.sites_open()) }>
                        {state.tr("sites.open")}
                    </button>
                    <button class="header__about header__embed" type="button" on:click=move |_| {
                        more_open.set(false);
                        embed_open.set(true);
                        state.chunks.embed_dialog.load(state);
                    }>
                        {state.tr("embed.open")}
                    </button>
                    <button class="header__about" type="button" on:click=move |_| { more_open.set(false); state.select(Selection::About) }>
                        {state.tr("about")}
                    </button>
                    <select
                        class="header__lang"
                        aria-label=state.tr("language")
                        on:change=move |ev| {
                            if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                                more_open.set(false);
                                state.set_lang(l);
                            }
                        }
                    >
                        {Lang::ALL.iter().map(|&l| view! {
                            <option value=l.tag() selected=move || state.lang().get() == l>{l.native_name()}</option>
                        }).collect_view()}
                    </select>
                </div>
                {chunk::slot(state, state.chunks.embed_dialog, move |dialog| dialog.view(embed_open))}
            </div>
        </header>
    }
}
