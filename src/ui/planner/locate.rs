//! "You are here": the browser's geolocation through leptos-use. Inside the park the position is
//! shown with its accuracy circle and becomes the route's start at the nearest greenway access;
//! outside, or without permission, the visitor is told why.

use crate::geo::LonLat;
use crate::ui::state::{use_app_state, Located, PlannerState, Waypoint};
use leptos::prelude::*;
use leptos_use::{use_geolocation_with_options, UseGeolocationOptions, UseGeolocationReturn};

/// Asks for the position (the browser may prompt for permission). Over plain http (not a secure
/// context) browsers refuse geolocation, and some have none: the visitor is told so at once.
pub fn locate(planner: PlannerState) {
    if !crate::ui::browser::is_secure_context() {
        planner.set_locate_message(Some("locate.insecure"));
        return;
    }
    if !crate::ui::browser::navigator_has("geolocation") {
        planner.set_locate_message(Some("locate.denied"));
        return;
    }
    planner.locate_requested();
}

/// Owns the geolocation watch while the planner is mounted, idle until [`locate`] is called. Its
/// Effects push requests out to the device and bring its answers in through the planner's intents.
#[component]
pub fn Locator(planner: PlannerState) -> impl IntoView {
    let state = use_app_state();
    let UseGeolocationReturn { coords, error, resume, pause, .. } = use_geolocation_with_options(
        UseGeolocationOptions::default().immediate(false).enable_high_accuracy(true),
    );
    Effect::new(move |_| {
        if planner.locate_tick().get() > 0 {
            resume();
        }
    });
    Effect::new(move |_| {
        if error.with(Option::is_some) {
            planner.set_locate_message(Some("locate.denied"));
        }
    });
    Effect::new(move |_| {
        let Some((pos, accuracy_m)) =
            coords.with(|c| c.as_ref().map(|c| (LonLat::lon_lat(c.longitude(), c.latitude()), c.accuracy())))
        else {
            return;
        };
        pause();
        let inside = state.layers.manifest().with_untracked(|m| {
            m.as_ref().is_some_and(|m| {
                let [w, s, e, n] = m.bounds_deg;
                (w..=e).contains(&pos.lon) && (s..=n).contains(&pos.lat)
            })
        });
        if !inside {
            planner.set_located(None);
            planner.set_locate_message(Some("locate.outside"));
            return;
        }
        planner.set_located(Some(Located { pos, accuracy_m }));
        planner.set_locate_message(None);
        let access = planner.graph().and_then(|g| g.snap(pos)).map(|s| s.pos);
        planner.start_at(Waypoint { pos: access.unwrap_or(pos), poi: None });
        planner.set_open(true);
    });
}
