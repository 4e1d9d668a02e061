//! The Leptos UI: thin components that read signals and call the pure core.

mod browser;
mod controls;
mod embed;
mod embed_dialog;
pub mod explore;
pub(crate) mod fly;
mod layers;
mod legend;
mod loading;
mod map;
mod markers;
mod panel;
pub mod planner;
pub mod state;
mod sw;
mod url;

use crate::i18n::{choose_lang, Lang};
use leptos::prelude::*;
use loading::load_park;
pub use loading::{apply_layer, apply_layers, apply_manifest, load_layer, retry_layer};
pub use state::{use_app_state, AppState, Selection};

/// The park loaded when no `?park=` is given (relative to the page).
pub const DEFAULT_PARK: &str = "public/data/park.json";

fn browser_languages() -> Vec<String> {
    window().navigator().languages().iter().filter_map(|v| v.as_string()).collect()
}

/// Mounts the app on `<body>`; called by the binary's `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

/// The whole app: reads `?lang=` and `?park=`, loads the park and shows the [`Shell`].
#[component]
pub fn App() -> impl IntoView {
    let from_url = url::read_location();
    let lang = from_url.lang.unwrap_or_else(|| choose_lang(None, &browser_languages()));
    let mut state = AppState::new(lang);
    state.embed = from_url.embed;
    provide_context(state);
    state.explore.filter.set(explore::filter_from_params(&from_url.filter));
    state.hidden.set(from_url.hidden_layers.clone());
    state.selection.set(from_url.selection.as_ref().map(url::selection_of));
    planner::start(state);
    explore::start(state);
    if !from_url.route.is_empty() {
        let p = state.planner;
        p.waypoints.set(from_url.route.iter().map(|&pos| planner::Waypoint { pos, poi: None }).collect());
        p.winter.set(from_url.winter);
        p.loop_km.set(from_url.loop_km);
        p.open.set(true);
    }
    load_park(state, from_url.park.clone(), from_url.view);
    if from_url.view.is_none() {
        fly_to_selection_once_loaded(state);
    }
    if state.embed {
        start_embed_when_loaded(state, from_url.origins.clone());
    }
    url::sync(state, from_url);
    sw::register_when_ready(state);
    view! { <Shell/> }
}

/// Header, map, panel and alerts, for the [`AppState`] in context (tests mount it with a park they
/// filled themselves).
#[component]
pub fn Shell() -> impl IntoView {
    let state = use_app_state();
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(crate::i18n::t(lang, "app.title"));
    });
    view! {
        <div class="app" class:app--embed=state.embed class:app--list=move || state.explore.list_open.get()>
            <a class="skip-link" href="#company-list" on:click=move |_| {
                state.explore.list_open.set(true);
                request_animation_frame(|| {
                    if let Some(el) = document().get_element_by_id("company-list") {
                        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                    }
                });
            }>{state.tr("skip.list")}</a>
            {(!state.embed).then(|| view! { <Header/> })}
            <main class="app__main">
                <ErrorBoundary fallback=move |errors| view! {
                    <div class="map map--failed" role="alert">
                        <p class="map__failed-title">{state.tr("map.nothing")}</p>
                        {move || errors.get().into_iter().map(|(_, e)| view! { <p>{e.to_string()}</p> }).collect_view()}
                    </div>
                }>
                    <map::MapView/>
                </ErrorBoundary>
                <div class="sidebar" class:sidebar--open=move || {
                    state.selection.with(Option::is_some) || state.planner.open.get() || state.explore.open.get()
                }>
                    <explore::ExplorePanel/>
                    <planner::PlannerPanel/>
                    <panel::Panel/>
                </div>
            </main>
            <explore::ListView/>
            <planner::Locator/>
            <Alerts/>
            <panel::Announcer/>
            <sw::UpdatedNotice/>
        </div>
    }
}

/// The embed bridge starts (and posts `ready`) once every layer has loaded, so that commands naming
/// companies or zones find them.
fn start_embed_when_loaded(state: AppState, url_origins: Vec<String>) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Some(manifest) = state.manifest.get() else { return false };
        if is_loading(state) {
            return false;
        }
        let page = window().location().origin().unwrap_or_default();
        embed::start(state, crate::embed::OriginPolicy::new(&page, &manifest.origins, &url_origins));
        true
    });
}

/// A link that names a selection but no view flies to the selection as soon as its layer is in.
fn fly_to_selection_once_loaded(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(sel) = state.selection.get() else { return false };
        state.park.track();
        match fly::target_for(state, &sel) {
            Some(target) if state.manifest.with_untracked(Option::is_some) => {
                fly::fly_to(state, target);
                true
            }
            _ => false,
        }
    });
}

#[component]
fn Header() -> impl IntoView {
    let state = use_app_state();
    let name = move || {
        let lang = state.lang.get();
        state
            .manifest
            .with(|m| m.as_ref().map(|m| m.name.get(lang).to_owned()))
            .unwrap_or_else(|| crate::i18n::t(lang, "app.title").to_owned())
    };
    let embed_open = RwSignal::new(false);
    view! {
        <header class="header">
            <h1 class="header__title">{name}</h1>
            <explore::SearchBox/>
            <div class="header__actions">
                <button class="header__about" type="button" aria-pressed=move || state.explore.open.get().to_string()
                    on:click=move |_| state.explore.open.update(|o| *o = !*o)>
                    {state.tr("explore.open")}
                </button>
                <button class="header__about" type="button" aria-pressed=move || state.explore.list_open.get().to_string()
                    on:click=move |_| state.explore.list_open.update(|o| *o = !*o)>
                    {state.tr("list.open")}
                </button>
                <button class="header__about header__plan" type="button" aria-pressed=move || state.planner.open.get().to_string()
                    on:click=move |_| state.planner.open.update(|o| *o = !*o)>
                    {state.tr("planner.open")}
                </button>
                <button class="header__about" type="button" on:click=move |_| embed_open.set(true)>
                    {state.tr("embed.open")}
                </button>
                <embed_dialog::EmbedDialog open=embed_open/>
                <button class="header__about" type="button" on:click=move |_| state.selection.set(Some(Selection::About))>
                    {state.tr("about")}
                </button>
                <select
                    class="header__lang"
                    aria-label=state.tr("language")
                    on:change=move |ev| {
                        if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                            state.lang.set(l);
                        }
                    }
                >
                    {Lang::ALL.iter().map(|&l| view! {
                        <option value=l.tag() selected=move || state.lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
        </header>
    }
}

/// Most data problems listed in full; the rest are counted.
const MAX_LISTED_ERRORS: usize = 8;

#[component]
fn Alerts() -> impl IntoView {
    let state = use_app_state();
    move || {
        let errors = state.errors.get();
        (!errors.is_empty()).then(|| {
            let more = errors.len().saturating_sub(MAX_LISTED_ERRORS);
            view! {
                <div class="alerts" role="alert">
                    <strong class="alerts__title">{state.t("errors.title")}</strong>
                    <ul class="alerts__list">
                        {errors.iter().take(MAX_LISTED_ERRORS).map(|e| view! {
                            <li class="alerts__item" data-file=e.file().to_owned()>{e.to_string()}</li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="alerts__more">{format!("+{more} {}", state.t("errors.more"))}</p> })}
                    <RetryButtons/>
                </div>
            }
        })
    }
}

#[component]
fn RetryButtons() -> impl IntoView {
    let state = use_app_state();
    move || {
        state
            .failed
            .get()
            .into_iter()
            .map(|layer| {
                let label = format!("{} {}", state.t("retry"), layer.url);
                view! {
                    <button type="button" class="alerts__retry" on:click=move |_| retry_layer(state, layer.clone())>
                        {label}
                    </button>
                }
            })
            .collect_view()
    }
}

/// True while the manifest or any layer is still loading (for the loading state).
pub fn is_loading(state: AppState) -> bool {
    state.pending.with(|p| !p.is_empty())
}
