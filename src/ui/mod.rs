//! The Leptos UI: thin components that read signals and call the pure core.

mod browser;
mod chip;
pub mod chunk;
mod controls;
mod details;
mod embed;
mod embed_dialog;
pub mod explore;
mod header;
mod inbox;
mod keys;
mod labels;
mod layers;
mod legend;
mod loading;
mod map;
mod markers;
mod panel;
pub mod planner;
mod pois;
pub(crate) mod prerender;
pub mod search;
mod search_box;
mod session;
mod side;
mod sites;
pub mod state;
mod sw;
mod tiles;
mod url;

use crate::i18n::choose_lang;
use leptos::prelude::*;
pub use loading::load_layer;
use loading::load_park;
pub use state::{use_app_state, AppState, Local, Selection};

/// The park loaded when no `?park=` is given (relative to the page).
pub const DEFAULT_PARK: &str = "public/data/park.json";

fn browser_languages() -> Vec<String> {
    window().navigator().languages().iter().filter_map(|v| v.as_string()).collect()
}

/// Mounts the app on `<body>`; called by the binary's `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::timing::mark("start");
    mount_to_body(App);
    crate::timing::mark("mounted");
}

/// The whole app: reads `?lang=` and `?park=`, loads the park and shows the [`Shell`].
#[component]
pub fn App() -> impl IntoView {
    let (from_url, basemap_warnings) = url::read_location();
    let lang = from_url.lang.unwrap_or_else(|| choose_lang(None, &browser_languages()));
    let state = AppState::new(lang, from_url.embed);
    provide_context(state);
    if let Some(basemap) = from_url.basemap() {
        state.map.set_basemap(basemap);
    }
    state.layers.report(
        basemap_warnings
            .into_iter()
            .map(|w| crate::model::DataError::Manifest {
                file: "URL".into(),
                property: w.param,
                reason: w.reason,
            })
            .collect(),
    );
    url::apply(state, &from_url);
    load_park(state, from_url.park.clone(), from_url.view);
    prerender::dismiss_when_settled(state);
    if from_url.view.is_none() {
        fly_to_selection_once_loaded(state);
    }
    if state.embed {
        // From the first moment: a host's early commands wait in the inbox for the embed API.
        state.inbox.listen();
        start_embed_when_loaded(state);
    }
    chunk::enter_when_settled(state);
    chunk::prefetch_when_ready(state);
    view! { <Shell/> }
}

/// Header, map, panel and alerts, for the [`AppState`] in context (tests mount it with a park they
/// filled themselves).
#[component]
pub fn Shell() -> impl IntoView {
    let state = use_app_state();
    // Outward: the document's language and title follow the UI language.
    Effect::new(move |_| {
        let lang = state.lang().get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(crate::i18n::t(lang, "app.title"));
    });
    view! {
        <div class="app" class:app--embed=state.embed class:app--list=move || state.explore.is_list_open()>
            <a class="skip-link" href="#company-list" on:click=move |_| {
                state.open_list(true, || request_animation_frame(|| {
                    if let Some(el) = document().get_element_by_id("company-list") {
                        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                    }
                }));
            }>{state.tr("skip.list")}</a>
            {(!state.embed).then(|| view! { <header::Header/> })}
            <main class="app__main">
                <ErrorBoundary fallback=move |errors| view! {
                    <div class="map map--failed" role="alert">
                        <p class="map__failed-title">{state.tr("map.nothing")}</p>
                        {move || errors.get().into_iter().map(|(_, e)| view! { <p>{e.to_string()}</p> }).collect_view()}
                    </div>
                }>
                    <map::MapView/>
                </ErrorBoundary>
                <div class="sidebar" on:keydown=move |ev| side::on_key(state, &ev) class:sidebar--open=move || {
                    state.selection().with(Option::is_some) || state.planning() || state.explore.is_open()
                        || state.sites_open()
                }>
                    {move || state.explore.is_open().then(|| chunk::slot(state, state.chunks.explore, |e| e.panel.run()))}
                    {move || state.planning().then(|| chunk::slot(state, state.chunks.planner, |p| p.panel.run()))}
                    {move || state.sites_open().then(|| chunk::slot(state, state.chunks.sites, |s| s.finder.run()))}
                    <panel::Panel/>
                </div>
            </main>
            // Always there: the skip link's target. Its content is the explore chunk's.
            <section id="company-list" class="list" class:list--closed=move || !state.explore.is_list_open()
                aria-label=state.tr("list.title") tabindex="-1">
                {move || state.explore.is_list_open().then(|| chunk::slot(state, state.chunks.explore, |e| e.list.run()))}
            </section>
            <Alerts/>
            <panel::Announcer/>
            {chunk::view_of(state.chunks.session, |s| s.notice.run())}
        </div>
    }
}

/// The embed API's chunk is entered (and posts `ready`) once every layer has loaded, so that
/// commands naming companies or zones find them.
fn start_embed_when_loaded(state: AppState) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !state.layers.settled() {
            return started == Some(true);
        }
        state.chunks.embed.load(state);
        true
    });
}

/// A link that names a selection but no view flies to the selection as soon as its layer is in (a
/// one-time action on the data's arrival, not a derived value).
fn fly_to_selection_once_loaded(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(sel) = state.selection().get() else { return false };
        state.park().track();
        match state.target_for(&sel) {
            Some(target) if state.layers.manifest().with_untracked(Option::is_some) => {
                state.map.fly_to(target);
                // On a phone the sheet covers the flight's end: turned to the part it leaves free.
                if let Some(feature) = sel.feature().cloned() {
                    state.keep_in_sight_when_laid_out(feature);
                }
                true
            }
            _ => false,
        }
    });
}

/// Most data problems listed in full; the rest are counted.
const MAX_LISTED_ERRORS: usize = 8;

#[component]
fn Alerts() -> impl IntoView {
    let state = use_app_state();
    move || {
        let errors = state.layers.errors().get();
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
            .layers
            .failed()
            .into_iter()
            .map(|layer| {
                let label = format!("{} {}", state.t("retry"), layer.url);
                view! {
                    <button type="button" class="alerts__retry" on:click=move |_| load_layer(state, layer.clone())>
                        {label}
                    </button>
                }
            })
            .collect_view()
    }
}
