//! The printed route: what printing gives while the planner has a route — one page, whatever the
//! screen's width, with the park's map fitted to the route (drawn by the world writer, as the site
//! brief's extract is), the summary, the points, the itinerary and the facilities on the way, and
//! the page's link as text and as a QR code a phone camera opens. Hidden on screen (`hidden`);
//! chunks/planner.css shows only it in print: no control, no search box, no sheet over the map.

use super::panel::{leg_lines, pass_lines, role_label, summary, waypoint_label};
use crate::geo::svg::{lines_path, polygons_path};
use crate::geo::{MapBounds, MapPoint};
use crate::i18n::t;
use crate::model::LayerKind;
use crate::route::text::rt;
use crate::route::Route;
use crate::ui::state::{use_app_state, AppState, PlannerState};
use crate::world::WorldSvg;
use leptos::prelude::*;

/// Room around the route on the printed map: this share of its larger side, at least
/// [`MIN_MARGIN_M`] on the ground.
const MARGIN_SHARE: f64 = 0.12;
/// The least room around the route, in metres on the ground.
const MIN_MARGIN_M: f64 = 150.0;

/// The page's address for the state of the moment (the route, the language): what the QR code
/// and the printed link open.
fn page_link(state: AppState) -> String {
    crate::ui::session::page_url(state)
}

/// Candidate spots per side of a zone's grid when its label point is off the printed map or taken.
const NAME_GRID: usize = 8;
/// A name's width per character, in font sizes (a generous average over Latin, Cyrillic and Han).
const CHAR_WIDTH: f64 = 0.62;

/// The names of the zones on the printed map (`origin`-relative, in a box of `w` × `h` map units):
/// each at its label point or, when that is off the map or another name is there, at the spot
/// inside the zone nearest it that is free and on the map; a zone with no such spot goes unnamed.
/// Short names where the data has them; text from the data is escaped.
fn zone_names(state: AppState, origin: MapPoint, (w, h): (f64, f64), size: f64) -> String {
    let park = state.park().get_untracked();
    let lang = state.lang().get_untracked();
    // placed names as (centre x, centre y, half width), y of the baseline's middle
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    let mut out = String::new();
    for z in &park.zones {
        let name = z.short_name.as_ref().unwrap_or(&z.name).get(lang);
        let half = name.chars().count() as f64 * size * CHAR_WIDTH / 2.0;
        let free = |(x, y): (f64, f64)| {
            x.abs() + half < w / 2.0
                && y.abs() + size < h / 2.0
                && placed
                    .iter()
                    .all(|&(px, py, ph)| (x - px).abs() > half + ph || (y - py).abs() > 1.4 * size)
        };
        let spot = z
            .label_points(NAME_GRID)
            .into_iter()
            .map(|p| (p.x - origin.x, origin.y - p.y))
            .find(|&xy| free(xy));
        if let Some((x, y)) = spot {
            placed.push((x, y, half));
            out.push_str(&format!(
                r#"<text class="route-print__zone" x="{x:.1}" y="{y:.1}" font-size="{size:.1}">{}</text>"#,
                crate::html::escape(name)
            ));
        }
    }
    out
}

/// The map of the route: the park's context, zones (named) and trails around it, the route and its
/// numbered points, in a box that holds the route with room around it (`meet`: the page's box
/// may be of any shape, the route stays whole and centred).
fn map_svg(state: AppState, route: &Route, points: &[crate::geo::LonLat]) -> String {
    let park = state.park().get_untracked();
    let line: Vec<MapPoint> = route.geometry.iter().map(|&p| state.map.to_map(p)).collect();
    let Some(b) = MapBounds::around(line.iter().copied()) else { return String::new() };
    let origin = b.center();
    // Web Mercator stretches ground distances by 1 / cos(latitude).
    let stretch = 1.0 / origin.to_lon_lat().lat.to_radians().cos();
    let margin = (b.width().max(b.height()) * MARGIN_SHARE).max(MIN_MARGIN_M * stretch);
    let (w, h) = (b.width() + 2.0 * margin, b.height() + 2.0 * margin);
    let lines = move |l: &[Vec<MapPoint>]| lines_path(l, origin);
    let polygons = move |p: &[Vec<Vec<MapPoint>>]| polygons_path(p, origin);
    let world = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: None };
    let d = lines_path(&[line], origin);
    let r = w.max(h) / 80.0;
    let dots: String = points
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let m = state.map.to_map(p);
            let (x, y) = (m.x - origin.x, origin.y - m.y);
            format!(
                r#"<circle class="route-print__dot" cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/><text class="route-print__number" x="{x:.1}" y="{:.1}" font-size="{:.1}">{}</text>"#,
                y + r * 0.4,
                r * 1.15,
                i + 1
            )
        })
        .collect();
    let names = zone_names(state, origin, (w, h), r * 1.5);
    format!(
        r#"<svg class="route-print__svg" xmlns="http://www.w3.org/2000/svg" viewBox="{:.1} {:.1} {w:.1} {h:.1}" preserveAspectRatio="xMidYMid meet" width="100%" height="100%">{}{}{}{}{names}<path class="route-print__casing" d="{d}"/><path class="route-print__line" d="{d}"/>{dots}</svg>"#,
        -w / 2.0,
        -h / 2.0,
        world.context(&park),
        world.zones(&park),
        world.trails(&park.waterfront, LayerKind::Waterfront),
        world.trails(&park.greenway, LayerKind::Greenway),
    )
}

/// The printed page of the planned route (nothing without one).
#[component]
pub fn RoutePrint(planner: PlannerState) -> impl IntoView {
    let state = use_app_state();
    move || {
        let Some(Ok(route)) = planner.result().get() else { return None };
        let lang = state.lang().get();
        let park = state.park().get();
        let looping = planner.loop_km().get().is_some();
        let waypoints = planner.waypoints().get();
        let title = state
            .layers
            .manifest()
            .with(|m| m.as_ref().map(|m| m.name.get(lang).to_owned()))
            .unwrap_or_default();
        let positions: Vec<_> = waypoints.iter().map(|w| w.pos).collect();
        let n = waypoints.len();
        let points = waypoints
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text =
                    format!("{} — {}", role_label(i, n, looping, lang), waypoint_label(&park, w, lang));
                view! { <li>{text}</li> }
            })
            .collect_view();
        let legs = leg_lines(&route, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
        let passes =
            pass_lines(&route, &park, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
        let link = page_link(state);
        let qr = crate::sites::qr::qr_svg(&link, 112, rt(lang, "print.qr")).unwrap_or_default();
        Some(view! {
            <section class="route-print" hidden aria-hidden="true">
                <header class="route-print__head">
                    <p class="route-print__park">{title}</p>
                    <h2 class="route-print__title">{t(lang, "planner.title")}</h2>
                    <p class="route-print__summary">{summary(&route, planner, lang)}</p>
                </header>
                <div class="route-print__map" inner_html=map_svg(state, &route, &positions)></div>
                <div class="route-print__columns">
                    <div>
                        <h3 class="route-print__section">{rt(lang, "print.points")}</h3>
                        <ol class="route-print__list">{points}</ol>
                        <h3 class="route-print__section">{t(lang, "planner.passes")}</h3>
                        <ul class="route-print__list">{passes}</ul>
                    </div>
                    <div>
                        <h3 class="route-print__section">{t(lang, "planner.legs")}</h3>
                        <ol class="route-print__list">{legs}</ol>
                    </div>
                </div>
                <div class="route-print__link">
                    <div class="route-print__qr" inner_html=qr></div>
                    <p><span class="route-print__label">{rt(lang, "print.link")}</span><br/>
                        <span class="route-print__url">{link}</span></p>
                </div>
                <p class="route-print__note">{rt(lang, "print.printed")}</p>
            </section>
        })
    }
}
