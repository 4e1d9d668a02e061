//! The Leptos UI: thin components that read signals and call the pure core.

mod controls;
mod embed;
mod embed_dialog;
pub mod explore;
pub(crate) mod fly;
mod layers;
mod legend;
mod map;
mod markers;
mod panel;
pub mod planner;
pub mod state;
mod sw;
mod url;

use crate::embed::MapView;
use crate::i18n::{choose_lang, Lang};
use crate::model::parse::LayerParse;
use crate::model::url::resolve_park_param;
use crate::model::{DataError, LayerRef, Manifest};
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use state::{use_app_state, AppState, Selection};
use std::sync::Arc;

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
    sw::register(state);
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
            }>{move || state.t("skip.list")}</a>
            {(!state.embed).then(|| view! { <Header/> })}
            <main class="app__main">
                <ErrorBoundary fallback=move |errors| view! {
                    <div class="map map--failed" role="alert">
                        <p class="map__failed-title">{move || state.t("map.nothing")}</p>
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

/// Records a parsed manifest: shows `view` (from a shared link) or else fits the park, and marks its
/// layers as loading.
pub fn apply_manifest(state: AppState, manifest: Manifest, problems: Vec<DataError>, view: Option<MapView>) {
    state.errors.update(|v| v.extend(problems));
    state.origin.set(manifest.bounds.center());
    state.viewport.update(|v| {
        *v = match &view {
            Some(shared) => url::view_to(v, shared),
            None => v.fit(&manifest.bounds, 16.0),
        }
    });
    state.pending.set(manifest.layers.iter().map(|l| l.id.clone()).collect());
    state.manifest.set(Some(Arc::new(manifest)));
}

/// Adds a parsed layer (and its problems) to the park; `id` is the manifest's layer id.
pub fn apply_layer(state: AppState, id: &str, parsed: LayerParse) {
    apply_layers(state, vec![(id.to_owned(), parsed)]);
}

/// Adds parsed layers (and their problems) to the park in one update, so the map re-renders once
/// for all of them; ids are the manifest's layer ids.
pub fn apply_layers(state: AppState, batch: Vec<(String, LayerParse)>) {
    if batch.is_empty() {
        return;
    }
    let file_of = |id: &str| {
        state
            .manifest
            .with_untracked(|m| {
                m.as_ref().and_then(|m| m.layers.iter().find(|l| l.id == id).map(|l| l.url.clone()))
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let ids: Vec<String> = batch.iter().map(|(id, _)| id.clone()).collect();
    let mut problems = Vec::new();
    let mut layers = Vec::with_capacity(batch.len());
    for (id, parsed) in batch {
        problems.push((file_of(&id), parsed.errors));
        layers.push(parsed.layer);
    }
    let mut dropped = Vec::new();
    state.park.update(|p| {
        let park = Arc::make_mut(p);
        dropped = layers.into_iter().map(|layer| park.add_new(layer).len()).collect();
    });
    state.errors.update(|v| {
        for ((file, errors), dropped) in problems.into_iter().zip(dropped) {
            v.extend(errors);
            if dropped > 0 {
                let reason =
                    format!("{dropped} feature(s) skipped: their ids repeat ids of an earlier layer");
                v.push(DataError::Layer { file, reason });
            }
        }
    });
    state.pending.update(|v| v.retain(|p| !ids.contains(p)));
    state.retrying.update(|v| v.retain(|(p, _)| !ids.contains(p)));
}

/// Queues a parsed layer; the first in a batch schedules [`apply_layers`] for the next frame (or
/// 100 ms, where frames are paused, as in a hidden tab), so layers that arrive together draw once.
fn queue_layer(state: AppState, id: String, parsed: LayerParse) {
    let first = state.arrived.try_update_value(|q| {
        q.push((id, parsed));
        q.len() == 1
    });
    if first != Some(true) {
        return;
    }
    let flush = move || {
        if let Some(batch) = state.arrived.try_update_value(std::mem::take) {
            apply_layers(state, batch);
        }
    };
    request_animation_frame(flush);
    set_timeout(flush, std::time::Duration::from_millis(100));
}

/// Downloads and adds one layer, on its own task; a download that fails for good is offered a retry.
pub fn load_layer(state: AppState, layer: LayerRef) {
    let Some(manifest_url) = state.manifest_url.get_untracked() else { return };
    state.pending.update(|v| {
        if !v.contains(&layer.id) {
            v.push(layer.id.clone())
        }
    });
    state.failed.update(|v| v.retain(|l| l.id != layer.id));
    spawn_local(async move {
        let id = layer.id.clone();
        let on_retry = move |n: u32| {
            state.retrying.update(|v| {
                v.retain(|(p, _)| *p != id);
                v.push((id.clone(), n));
            })
        };
        let parsed = crate::fetch::load_layer(&layer, &manifest_url, &on_retry).await;
        if parsed.layer.is_empty() && parsed.errors.iter().any(crate::retry::is_retryable) {
            state.failed.update(|v| v.push(layer.clone()));
        }
        queue_layer(state, layer.id.clone(), parsed);
    });
}

/// Forgets a failed layer's problems and downloads it again.
pub fn retry_layer(state: AppState, layer: LayerRef) {
    state.errors.update(|v| v.retain(|e| e.file() != layer.url));
    load_layer(state, layer);
}

fn load_park(state: AppState, param: Option<String>, view: Option<MapView>) {
    let page = window().location().href().unwrap_or_default();
    let manifest_url = match resolve_park_param(param.as_deref().unwrap_or(DEFAULT_PARK), &page) {
        Ok(u) => u,
        Err(e) => {
            let reason = e.to_string();
            state.errors.update(|v| {
                v.push(DataError::Manifest { file: "?park=".into(), property: "park".into(), reason })
            });
            return;
        }
    };
    state.pending.set(vec!["park.json".into()]);
    spawn_local(async move {
        let (manifest, problems) = match crate::fetch::load_manifest(&manifest_url).await {
            Ok(m) => m,
            Err(errors) => {
                state.pending.set(Vec::new());
                state.errors.update(|v| v.extend(errors));
                return;
            }
        };
        let layers = manifest.layers.clone();
        state.manifest_url.set(Some(manifest_url));
        // Every layer on its own task: they load in parallel and each draws as soon as it parses.
        // The tasks are spawned, and given a turn, before the manifest is applied: their requests
        // go out before the header, legend and map re-render for it (tens of ms), not after.
        for layer in layers {
            load_layer(state, layer);
        }
        crate::fetch::yield_now().await;
        apply_manifest(state, manifest, problems, view);
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
                    {move || state.t("explore.open")}
                </button>
                <button class="header__about" type="button" aria-pressed=move || state.explore.list_open.get().to_string()
                    on:click=move |_| state.explore.list_open.update(|o| *o = !*o)>
                    {move || state.t("list.open")}
                </button>
                <button class="header__about header__plan" type="button" aria-pressed=move || state.planner.open.get().to_string()
                    on:click=move |_| state.planner.open.update(|o| *o = !*o)>
                    {move || state.t("planner.open")}
                </button>
                <button class="header__about" type="button" on:click=move |_| embed_open.set(true)>
                    {move || state.t("embed.open")}
                </button>
                <embed_dialog::EmbedDialog open=embed_open/>
                <button class="header__about" type="button" on:click=move |_| state.selection.set(Some(Selection::About))>
                    {move || state.t("about")}
                </button>
                <select
                    class="header__lang"
                    aria-label=move || state.t("language")
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
