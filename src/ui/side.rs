//! The side panels' keyboard manners (explore, the route planner, the site finder): opened from the
//! header, focus moves into the panel (its close button) once its chunk has drawn it; Escape inside
//! one closes it and gives focus back to the header button that opens it. The detail panel has its
//! own ([`super::panel`]).

use super::browser::focus_first_shown;
use super::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A side panel: the selector of its root inside the sidebar, and the header buttons that open it
/// (the first one shown gets focus back; "more" where the button sits in a phone's closed menu).
#[derive(Clone, Copy)]
pub enum Side {
    /// The explore panel.
    Explore,
    /// The route planner.
    Planner,
    /// The site finder.
    Sites,
}

impl Side {
    fn root(self) -> &'static str {
        match self {
            Side::Explore => ".sidebar .explore:not(.sites)",
            Side::Planner => ".sidebar .planner",
            Side::Sites => ".sidebar .sites",
        }
    }

    fn openers(self) -> &'static [&'static str] {
        match self {
            Side::Explore => &[".header__explore", ".map"],
            Side::Planner => &[".header__plan", ".map"],
            Side::Sites => &[".header__sites", ".header__more-toggle", ".map"],
        }
    }

    fn set_open(self, state: AppState, open: bool) {
        match self {
            Side::Explore => state.open_explore(open),
            Side::Planner => state.open_planner(open),
            Side::Sites => state.open_sites(open),
        }
    }
}

/// Opens or closes `side` from its header button; opened, it takes focus once it is drawn (a
/// keyboard user is then in it).
pub fn open_from_header(state: AppState, side: Side, open: bool) {
    side.set_open(state, open);
    if open {
        focus_when_open(state, side);
    }
}

/// Moves focus to `side`'s close button once its chunk is in and has drawn the panel (two frames:
/// the chunk's view mounts on the next one).
fn focus_when_open(state: AppState, side: Side) {
    let focus = move || {
        request_animation_frame(move || {
            request_animation_frame(move || focus_first_shown(&[&format!("{} .panel__close", side.root())]))
        })
    };
    match side {
        Side::Explore => state.chunks.explore.load_then(state, move |_| focus()),
        Side::Planner => state.chunks.planner.load_then(state, move |_| focus()),
        Side::Sites => state.chunks.sites.load_then(state, move |_| focus()),
    }
}

/// The sidebar's keydown: Escape inside a side panel (the detail panel closed, nothing below having
/// taken the key) closes that panel and gives focus back to its opener.
pub fn on_key(state: AppState, ev: &web_sys::KeyboardEvent) {
    if ev.key() != "Escape" || ev.default_prevented() || state.selection().with_untracked(Option::is_some) {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let within = |side: Side| target.closest(side.root()).ok().flatten().is_some();
    let Some(side) = [Side::Sites, Side::Planner, Side::Explore].into_iter().find(|&s| within(s)) else {
        return;
    };
    ev.prevent_default();
    side.set_open(state, false);
    request_animation_frame(move || focus_first_shown(side.openers()));
}
