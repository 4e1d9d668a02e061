//! Map chrome: zoom and fit buttons, scale bar, north arrow, attribution and provenance line, the
//! embedded map's "Open the full map" and the map's keyboard hint.

use super::state::{use_app_state, AppState, Selection};
use crate::geo::gesture::scale_bar;
use crate::geo::ScreenPoint;
use crate::i18n::format_km;
use leptos::prelude::*;

/// Widest the scale bar may be, in pixels.
const SCALE_MAX_PX: f64 = 120.0;

/// Zoom in/out, fit park; scale bar; north arrow; attribution.
#[component]
pub fn Controls() -> impl IntoView {
    let state = use_app_state();
    let zoom = move |factor: f64| {
        let v = state.map.viewport().get_untracked();
        state.map.fly_to(v.zoom_at(ScreenPoint::new(v.width / 2.0, v.height / 2.0), factor));
    };
    let fit = move |_| {
        state.fit_park();
    };
    let scale = move || {
        let v = state.map.viewport().get();
        let lat = v.center.to_lon_lat().lat;
        let (metres, px) = scale_bar(&v, lat, SCALE_MAX_PX);
        let lang = state.lang().get();
        let label = if metres >= 1000.0 {
            format_km(metres, lang).replace(".00", "").replace(",00", "")
        } else {
            format!("{metres} {}", crate::i18n::t(lang, "unit_m"))
        };
        (format!("{px:.1}px"), label)
    };
    view! {
        <div class="controls">
            <button type="button" class="controls__button" aria-label=state.tr("zoom.in") title=state.tr("zoom.in") on:click=move |_| zoom(2.0)>"+"</button>
            <button type="button" class="controls__button" aria-label=state.tr("zoom.out") title=state.tr("zoom.out") on:click=move |_| zoom(0.5)>"−"</button>
            <button type="button" class="controls__button" aria-label=state.tr("zoom.fit") title=state.tr("zoom.fit") on:click=fit>"⤢"</button>
        </div>
        <div class="north" role="img" aria-label=state.tr("north")>
            <svg viewBox="-12 -16 24 32" width="24" height="32" aria-hidden="true">
                <path d="M0 -14 L8 10 L0 5 L-8 10 Z" class="north__arrow"/>
            </svg>
            <span class="north__n">"N"</span>
        </div>
        <div class="scalebar" aria-label=state.tr("scale")>
            <div class="scalebar__bar" style:width=move || scale().0></div>
            <span class="scalebar__label">{move || scale().1}</span>
        </div>
        {state.embed.then(|| {
            // The link is the full app's URL for the state of the moment, set whenever it can be
            // followed or copied: pointed at (the status bar shows it), pressed (a click, a middle or right
            // click, a long press) or focused (the keyboard's Enter follows a focused link).
            let refresh = move |ev: web_sys::Event| {
                if let Some(a) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(t).ok()) {
                    a.set_href(&full_map_url(state));
                }
            };
            view! {
                <a class="open-full" href=full_map_url(state) target="_blank" rel="noopener noreferrer"
                   on:pointerdown=move |ev| refresh(ev.into()) on:pointerenter=move |ev| refresh(ev.into())
                   on:focus=move |ev| refresh(ev.into())>
                    {state.tr("open_full")}
                </a>
            }
        })}
        <div class="attribution">
            // the text shortens to fit; "About the data" always shows (and says it all)
            <span class="attribution__text">
                <span>{move || {
                    let lang = state.lang().get();
                    state.layers.manifest().with(|m| m.as_ref().map(|m| m.attribution.get(lang).to_owned()))
                }}</span>
                {move || state.map.basemap().get().map(|b| view! {
                    " · "<span class="attribution__tiles">{format!("{} {}", state.t("attribution.tiles"), b.credit())}</span>
                })}
            </span>
            <button type="button" class="attribution__about" on:click=move |_| state.select(Selection::About)>
                {state.tr("about")}
            </button>
        </div>
    }
}

/// The full app showing what this embedded map shows: from the session's URL state when it is
/// there (the view of this moment), else this page's URL without `embed=1` (until the session
/// chunk is in, nothing has changed the state the URL was opened with but a gesture or two).
fn full_map_url(state: AppState) -> String {
    if let Some(session) = state.chunks.session.face_untracked() {
        return session.full_map.run(());
    }
    let href = window().location().href().unwrap_or_default();
    match web_sys::Url::new(&href) {
        Ok(url) => {
            url.search_params().delete("embed");
            url.href()
        }
        Err(_) => href,
    }
}

/// What the keyboard does on the map: the map's description (`aria-describedby="map-keys"`),
/// shown while the map or one of its features has keyboard focus. The digits are
/// [`crate::model::LayerKind::focus_key`]'s.
#[component]
pub fn KeyHint() -> impl IntoView {
    let state = use_app_state();
    view! { <p id="map-keys" class="map__keys">{state.tr("map.keys")}</p> }
}
