//! The planner panel: mode, waypoints, places to add, winter rules, speeds, the summary (a live
//! `role="status"` region), the itinerary and the exports.

use super::{export, locate};
use crate::i18n::{format_decimal, format_km, format_minutes, parse_decimal, t, Lang};
use crate::model::{Park, PoiKind};
use crate::route::text::rt;
use crate::route::{Route, RouteError, MAX_LOOP_KM, MIN_LOOP_KM};
use crate::ui::state::{use_app_state, PlannerState, Waypoint};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// POI kinds offered first as start, via or end (every other kind the park has follows).
const PLACE_KINDS: [PoiKind; 6] = [
    PoiKind::Entrance,
    PoiKind::Parking,
    PoiKind::BikeRental,
    PoiKind::Viewpoint,
    PoiKind::WarmStation,
    PoiKind::Toilet,
];

/// POI kinds listed as passed on the way.
const PASS_KINDS: [PoiKind; 4] =
    [PoiKind::Toilet, PoiKind::WarmStation, PoiKind::Viewpoint, PoiKind::BikeRental];

pub(super) fn waypoint_label(park: &Park, wp: &Waypoint, lang: Lang) -> String {
    super::waypoint_poi(park, wp)
        .map(|p| p.name.get(lang).to_owned())
        .unwrap_or_else(|| format!("{} ({:.5}, {:.5})", t(lang, "planner.point"), wp.pos.lat, wp.pos.lon))
}

pub(super) fn role_label(i: usize, n: usize, looping: bool, lang: Lang) -> &'static str {
    if i == 0 {
        t(lang, "planner.start")
    } else if i + 1 == n && !looping {
        t(lang, "planner.end")
    } else {
        t(lang, "planner.via")
    }
}

fn error_text(e: &RouteError, lang: Lang) -> String {
    match e {
        RouteError::NotEnoughPoints => t(lang, "planner.need_points").to_owned(),
        other => format!("{} {other}", t(lang, "planner.no_route")),
    }
}

/// A field's label with its unit kept whole: "Скорость пешком (км/ч)" may wrap before "(км/ч)",
/// never inside it (the sidebar lets long words break anywhere).
fn label_with_unit(text: &'static str) -> impl IntoView {
    // (one character at a time: a pattern of two would be one more generic searcher in the wasm)
    match text.rfind('(').or_else(|| text.rfind('（')) {
        Some(i) => {
            let (words, unit) = text.split_at(i);
            view! { {words.to_owned()}<span class="planner__unit">{unit.to_owned()}</span> }.into_any()
        }
        None => view! { {text} }.into_any(),
    }
}

/// A number field in the language's own format ("4,5" in Russian, as the summary writes
/// "6,86 км"): typed with either separator, written back as the state keeps it (clamped).
fn number_field(
    planner: PlannerState,
    label: &'static str,
    value: impl Fn() -> f64 + Copy + Send + Sync + 'static,
    set: fn(&PlannerState, f64),
) -> impl IntoView {
    let state = use_app_state();
    let shown = move || format_decimal(value(), 1, state.lang().get());
    let change = move |ev: leptos::ev::Event| {
        if let Some(v) = parse_decimal(&event_target_value(&ev)) {
            set(&planner, v);
        }
        // what is kept (clamped, or the old value for what could not be read), in this language
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_value(&format_decimal(value(), 1, state.lang().get_untracked()));
        }
    };
    view! {
        <label class="planner__field">{move || label_with_unit(state.t(label))}
            <input type="text" inputmode="decimal" prop:value=shown on:change=change/>
        </label>
    }
}

/// The itinerary's lines: each trail walked and how far, short stretches merged into their
/// neighbour ([`crate::route::itinerary`]).
pub(super) fn leg_lines(route: &Route, lang: Lang) -> Vec<String> {
    crate::route::itinerary(&route.segments)
        .iter()
        .map(|s| format!("{} — {}", s.name.get(lang), format_km(s.metres, lang)))
        .collect()
}

/// The facilities passed on the way, each with how far along the route.
pub(super) fn pass_lines(route: &Route, park: &Park, lang: Lang) -> Vec<String> {
    route
        .pois_passed(park, crate::route::POI_NEAR_M)
        .into_iter()
        .filter(|p| PASS_KINDS.contains(&p.kind))
        .map(|p| {
            let kind = t(lang, &format!("poi.{}", p.kind.key()));
            format!("{kind}: {} ({})", p.name.get(lang), format_km(p.along_m, lang))
        })
        .collect()
}

pub(super) fn summary(route: &Route, planner: PlannerState, lang: Lang) -> String {
    format!(
        "{} {} · {} {} · {} {}",
        t(lang, "planner.distance"),
        format_km(route.distance_m, lang),
        t(lang, "planner.walking"),
        format_minutes(route.minutes_at(planner.walk_kmh().get()), lang),
        t(lang, "planner.cycling"),
        format_minutes(route.minutes_at(planner.bike_kmh().get()), lang),
    )
}

/// The planner's panel, shown while it is open.
#[component]
pub fn Planner(planner: PlannerState) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang().get();
    let close = move |_| planner.set_open(false);

    let rows = move || {
        let lang = lang();
        let park = state.park().get();
        let looping = planner.loop_km().get().is_some();
        let wps = planner.waypoints().get();
        let n = wps.len();
        wps.iter()
            .enumerate()
            .map(|(i, wp)| {
                let label = waypoint_label(&park, wp, lang);
                view! {
                    <li class="planner__waypoint">
                        <span class="planner__badge" aria-hidden="true">{i + 1}</span>
                        <span class="planner__role">{role_label(i, n, looping, lang)}</span>
                        <span class="planner__name">{label}</span>
                        <button type="button" class="planner__icon" aria-label=format!("{} {}", t(lang, "planner.remove"), i + 1)
                            on:click=move |_| planner.remove(i)>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };

    let places = move || {
        let lang = lang();
        let park = state.park().get();
        // The usual starts and ends first, then every other kind the park has (an imported GPX's
        // waypoints are often just "other"); empty groups are left out.
        let rest = PoiKind::ALL.iter().filter(|k| !PLACE_KINDS.contains(k));
        PLACE_KINDS
            .iter()
            .chain(rest)
            .filter(|&&kind| park.pois.iter().any(|p| p.kind == kind))
            .map(|&kind| {
                let options = park
                    .pois
                    .iter()
                    .filter(|p| p.kind == kind)
                    .map(|p| view! { <option value=p.id.clone()>{p.name.get(lang).to_owned()}</option> })
                    .collect_view();
                view! { <optgroup label=t(lang, &format!("poi.{}", kind.key()))>{options}</optgroup> }
            })
            .collect_view()
    };
    let add_place = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(p) = state.park().with_untracked(|park| park.poi(&id).map(|p| p.pos)) {
            planner.add(Waypoint { pos: p, poi: Some(id) });
        }
        if let Some(select) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value("");
        }
    };

    let status = move || {
        let lang = lang();
        match planner.result().get() {
            None => t(lang, "planner.need_points").to_owned(),
            Some(Ok(route)) => summary(&route, planner, lang),
            Some(Err(e)) => error_text(&e, lang),
        }
    };
    let closest = move || match planner.result().get() {
        Some(Err(RouteError::NoLoop { closest: Some(route), .. })) => Some(route),
        _ => None,
    };
    let itinerary = move || {
        let lang = lang();
        let Some(Ok(route)) = planner.result().get() else { return None };
        let park = state.park().get();
        let segments = leg_lines(&route, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
        let passes =
            pass_lines(&route, &park, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
        let reused = (route.reused_m > 0.5)
            .then(|| view! { <p class="planner__note">{format!("{} {}", format_km(route.reused_m, lang), t(lang, "planner.reused"))}</p> });
        Some(view! {
            <h3 class="panel__section">{t(lang, "planner.legs")}</h3>
            <ol class="planner__legs">{segments}</ol>
            {reused}
            <h3 class="panel__section">{t(lang, "planner.passes")}</h3>
            <ul class="planner__passes">{passes}</ul>
            <div class="planner__exports">
                <button type="button" class="planner__button" on:click=move |_| export::gpx(state, planner)>{t(lang, "planner.gpx")}</button>
                <button type="button" class="planner__button" on:click=move |_| export::geojson(planner)>{t(lang, "planner.geojson")}</button>
                <button type="button" class="planner__button" on:click=move |_| { let _ = window().print(); }>{t(lang, "planner.print")}</button>
            </div>
        })
    };

    let panel = move || {
        planner.is_open().then(|| {
            view! {
                <section class="planner" role="region" aria-labelledby="planner-title">
                    <button type="button" class="panel__close" aria-label=state.tr("close") on:click=close>"×"</button>
                    <h2 id="planner-title" class="panel__title">{state.tr("planner.title")}</h2>
                    // First under the title, and kept in sight as the sheet scrolls: what was asked.
                    <p class="planner__summary" role="status" aria-live="polite">{status}</p>
                    <div class="planner__modes" role="group">
                        <button type="button" class="planner__mode" aria-pressed=move || planner.loop_km().get().is_none().to_string()
                            on:click=move |_| planner.set_loop(None)>{state.tr("planner.mode_route")}</button>
                        <button type="button" class="planner__mode" aria-pressed=move || planner.loop_km().get().is_some().to_string()
                            on:click=move |_| planner.set_loop(Some(10.0))>
                            {state.tr("planner.mode_loop")}</button>
                    </div>
                    <p class="planner__hint">{state.tr("planner.hint")}</p>
                    {move || (planner.loop_km().get().is_some() && planner.kept().with(|k| !k.is_empty()))
                        .then(|| view! { <p class="planner__note">{move || rt(lang(), "loop.kept")}</p> })}
                    <ol class="planner__waypoints">{rows}</ol>
                    <div class="planner__row">
                        <select class="planner__select" aria-label=state.tr("planner.add_place") on:change=add_place>
                            <option value="">{state.tr("planner.add_place")}</option>
                            {places}
                        </select>
                        <button type="button" class="planner__button" on:click=move |_| locate::locate(planner)>{state.tr("planner.my_location")}</button>
                    </div>
                    {move || planner.locate_message().get().map(|k| view! { <p class="planner__note" role="status">{move || state.t(k)}</p> })}
                    <div class="planner__row">
                        <button type="button" class="planner__button" on:click=move |_| planner.reverse()>{state.tr("planner.reverse")}</button>
                        <button type="button" class="planner__button" on:click=move |_| planner.clear()>{state.tr("planner.clear")}</button>
                    </div>
                    <Show when=move || planner.loop_km().get().is_some()>
                        {number_field(planner, "planner.loop_km", move || planner.loop_km().get().unwrap_or(10.0),
                            |p, km| p.set_loop(Some(km.clamp(MIN_LOOP_KM, MAX_LOOP_KM))))}
                    </Show>
                    <label class="planner__check"><input type="checkbox" prop:checked=move || planner.winter().get()
                        on:change=move |_| planner.set_winter(!planner.winter().get_untracked())/>{state.tr("planner.winter")}</label>
                    <div class="planner__speeds">
                        {number_field(planner, "planner.walk_kmh", move || planner.walk_kmh().get(), PlannerState::set_walk_kmh)}
                        {number_field(planner, "planner.bike_kmh", move || planner.bike_kmh().get(), PlannerState::set_bike_kmh)}
                    </div>
                    {move || closest().map(|route| {
                        let lang = lang();
                        let text = format!("{} {}", t(lang, "planner.closest"), format_km(route.distance_m, lang));
                        let km = (route.distance_m / 100.0).round() / 10.0;
                        view! { <p class="planner__note">{text}" "
                            <button type="button" class="planner__button" on:click=move |_| planner.set_loop(Some(km))>
                                {t(lang, "planner.use_closest")}</button></p> }
                    })}
                    {itinerary}
                </section>
            }
        })
    };
    // The geolocation watch lives as long as the planner is mounted; so does following the route
    // with the view; the printed page is beside the panel (print media shows only it).
    super::follow::follow_route(planner);
    view! { <locate::Locator planner=planner/> {panel} <super::print::RoutePrint planner=planner/> }
}
