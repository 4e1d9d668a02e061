//! "You are here": the browser's geolocation through leptos-use. Inside the park the position is
//! shown with its accuracy circle and becomes the route's start at the nearest greenway access;
//! outside, or without permission, the visitor is told why.

use super::{Located, Waypoint};
use crate::geo::LonLat;
use crate::ui::state::{use_app_state, AppState};
use leptos::prelude::*;
use leptos_use::{use_geolocation_with_options, UseGeolocationOptions, UseGeolocationReturn};

/// Asks for the position (the browser may prompt for permission). Over plain http (not a secure
/// context) browsers refuse geolocation, and some have none: the visitor is told so at once.
pub fn locate(state: AppState) {
    if !crate::ui::browser::is_secure_context() {
        state.planner.locate_message.set(Some("locate.insecure"));
        return;
    }
    if !crate::ui::browser::navigator_has("geolocation") {
        state.planner.locate_message.set(Some("locate.denied"));
        return;
    }
    state.planner.locate_message.set(Some("locate.waiting"));
    state.planner.locate_tick.update(|t| *t += 1);
}

/// Owns the geolocation watch; mounted once in the shell, idle until [`locate`] is called.
#[component]
pub fn Locator() -> impl IntoView {
    let state = use_app_state();
    let planner = state.planner;
    let UseGeolocationReturn { coords, error, resume, pause, .. } = use_geolocation_with_options(
        UseGeolocationOptions::default().immediate(false).enable_high_accuracy(true),
    );
    Effect::new(move |_| {
        if planner.locate_tick.get() > 0 {
            resume();
        }
    });
    Effect::new(move |_| {
        if error.with(Option::is_some) {
            planner.locate_message.set(Some("locate.denied"));
        }
    });
    Effect::new(move |_| {
        let Some((pos, accuracy_m)) =
            coords.with(|c| c.as_ref().map(|c| (LonLat::lon_lat(c.longitude(), c.latitude()), c.accuracy())))
        else {
            return;
        };
        pause();
        let inside = state.manifest.with_untracked(|m| {
            m.as_ref().is_some_and(|m| {
                let [w, s, e, n] = m.bounds_deg;
                (w..=e).contains(&pos.lon) && (s..=n).contains(&pos.lat)
            })
        });
        if !inside {
            planner.located.set(None);
            planner.locate_message.set(Some("locate.outside"));
            return;
        }
        planner.located.set(Some(Located { pos, accuracy_m }));
        planner.locate_message.set(None);
        let access = planner.graph.with_untracked(|g| g.as_ref().and_then(|g| g.snap(pos)).map(|s| s.pos));
        let start = Waypoint { pos: access.unwrap_or(pos), poi: None };
        planner.waypoints.update(|w| {
            if w.is_empty() {
                w.push(start);
            } else {
                w[0] = start;
            }
        });
        planner.open.set(true);
    });
}
