//! The route on the map: its line (world units, under the markers), the numbered waypoints (screen
//! pixels; drag one to move it) and "you are here" with its accuracy circle.

use crate::geo::svg::lines_path;
use crate::geo::ScreenPoint;
use crate::i18n::t;
use crate::ui::state::{use_app_state, Local, PlannerState, Waypoint};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The planned route, drawn in world units inside the map's world group.
#[component]
pub fn RouteLine(planner: PlannerState) -> impl IntoView {
    let state = use_app_state();
    let d = move || match planner.result().get() {
        Some(Ok(route)) => {
            let line: Vec<_> = route.geometry.iter().map(|&p| state.map.to_map(p)).collect();
            Some(lines_path(&[line], state.map.origin().get()))
        }
        _ => None,
    };
    let here = move || {
        let located = planner.located().get()?;
        let origin = state.map.origin().get();
        let p = state.map.to_map(located.pos);
        // Web Mercator stretches ground distances by 1 / cos(latitude).
        let r = located.accuracy_m / located.pos.lat.to_radians().cos();
        Some(view! {
            <circle class="map__accuracy" cx=format!("{:.1}", p.x - origin.x) cy=format!("{:.1}", origin.y - p.y) r=format!("{r:.1}")/>
        })
    };
    view! {
        <g class="map__layer map__layer--route">
            {here}
            <path class="map__route-casing" d=move || d().unwrap_or_default()/>
            <path class="map__route" d=move || d().unwrap_or_default()/>
        </g>
    }
}

fn map_element(ev: &web_sys::PointerEvent) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into::<web_sys::Element>().ok()?.closest(".map").ok()?
}

/// Numbered waypoint markers and the "you are here" dot, in screen pixels.
#[component]
pub fn WaypointMarkers(planner: PlannerState) -> impl IntoView {
    let state = use_app_state();
    let dragging = Local::new(None::<(usize, ScreenPoint)>);
    let local = move |ev: &web_sys::PointerEvent| {
        map_element(ev).map(|m| {
            let r = m.get_bounding_client_rect();
            ScreenPoint::new(ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top())
        })
    };
    let markers = move || {
        let lang = state.lang().get();
        let park = state.park().get();
        let looping = planner.loop_km().get().is_some();
        let wps: Vec<Waypoint> = planner.waypoints().get();
        let n = wps.len();
        let markers = wps
            .into_iter()
            .enumerate()
            .map(|(i, wp)| {
                let role = if i == 0 {
                    t(lang, "planner.start")
                } else if i + 1 == n && !looping {
                    t(lang, "planner.end")
                } else {
                    t(lang, "planner.via")
                };
                let name = super::waypoint_poi(&park, &wp).map(|p| p.name.get(lang).to_owned());
                let label = format!("{role} {}{}", i + 1, name.map(|n| format!(": {n}")).unwrap_or_default());
                let at = state.map.to_map(wp.pos);
                let transform = move || {
                    let s = match dragging.get() {
                        Some((j, p)) if j == i => p,
                        _ => state.map.viewport().with(|v| v.map_to_screen(at)),
                    };
                    format!("translate({:.1} {:.1})", s.x, s.y)
                };
                view! {
                    <g class="map__waypoint" transform=transform role="img" aria-label=label
                        on:pointerdown=move |ev: web_sys::PointerEvent| {
                            ev.stop_propagation();
                            if let Some(p) = local(&ev) { dragging.set(Some((i, p))); }
                            if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                let _ = el.set_pointer_capture(ev.pointer_id());
                            }
                        }
                        on:pointermove=move |ev: web_sys::PointerEvent| {
                            if dragging.with_untracked(|d| d.is_some_and(|(j, _)| j == i)) {
                                if let Some(p) = local(&ev) { dragging.set(Some((i, p))); }
                            }
                        }
                        on:pointerup=move |_| {
                            if let Some((j, p)) = dragging.get_untracked() {
                                let pos = state.map.to_lon_lat(state.map.viewport().get_untracked().screen_to_map(p));
                                planner.move_to(j, pos);
                            }
                            dragging.set(None);
                        }
                        on:click=|ev: web_sys::MouseEvent| ev.stop_propagation()
                        on:dblclick=|ev: web_sys::MouseEvent| ev.stop_propagation()>
                        <circle class="map__waypoint-dot" r="11"/>
                        <text class="map__waypoint-number" y="4" aria-hidden="true">{i + 1}</text>
                    </g>
                }
            })
            .collect_view();
        Some(markers)
    };
    let here = move || {
        let located = planner.located().get()?;
        let p = state.map.to_map(located.pos);
        let transform = move || {
            let s = state.map.viewport().with(|v| v.map_to_screen(p));
            format!("translate({:.1} {:.1})", s.x, s.y)
        };
        Some(
            view! { <g class="map__here" transform=transform role="img" aria-label=state.tr("locate.here")><circle r="7"/></g> },
        )
    };
    view! { <g class="map__layer map__layer--waypoints">{here}{markers}</g> }
}
