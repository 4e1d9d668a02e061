//! What sits on the map in screen pixels besides the labels: the boxes of company markers and
//! cluster bubbles, and the POI icons merged into badges by [`crate::label::badges`] (POIs closer
//! than an icon become one badge with a count; badges step aside from the bubbles, or join the
//! nearest shown badge where they cannot, so every facility can be reached at every zoom). A badge
//! of several places opens a small list ([`BadgeList`]) whose entries select one place.

use super::state::{use_app_state, AppState};
use crate::feature::{FeatureKind, FeatureRef};
use std::rc::Rc;

use crate::geo::{ScreenRect, Viewport};
use crate::index::separate::{bubble_box, SINGLE_PX};
use crate::index::Cluster;
use crate::label::badges::{keep_clear, merge_pois, Cleared, PoiMark};
use crate::model::{LayerKind, PoiKind};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Size of a POI icon, CSS pixels (the `rect` drawn in markers.rs).
pub(super) const ICON_PX: f64 = 18.0;
/// Width of a badge's list (style/main.css, `.badge-list`).
const LIST_PX: f64 = 220.0;

/// What the boxes and badges of one frame depend on: the view, the park (by identity), which
/// layers are shown and the company clusters drawn (held, so the pointer stays theirs; they
/// follow the filter and the selection). The markers, the labels and the badge list all ask for them in the same frame:
/// they are computed once per key.
#[derive(Clone)]
struct FrameKey {
    view: Viewport,
    park: usize,
    companies: Option<Rc<ViewClusters>>,
    pois: bool,
}

impl PartialEq for FrameKey {
    fn eq(&self, other: &Self) -> bool {
        let same_clusters = match (&self.companies, &other.companies) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        (self.view, self.park, self.pois) == (other.view, other.park, other.pois) && same_clusters
    }
}

/// The last frame's company boxes and POI badges.
struct Frame {
    key: FrameKey,
    boxes: Vec<ScreenRect>,
    badges: Cleared<PoiKind>,
}

thread_local! {
    static LAST_FRAME: std::cell::RefCell<Option<Frame>> = const { std::cell::RefCell::new(None) };
    static LAST_CLUSTERS: std::cell::RefCell<Option<(ClustersKey, Rc<ViewClusters>)>> =
        const { std::cell::RefCell::new(None) };
}

/// What the company clusters of a view depend on: the view, the filter's mask and the park (by
/// identity) and the selected company's id.
#[derive(Clone, PartialEq)]
struct ClustersKey {
    view: Viewport,
    mask: usize,
    park: usize,
    selected: Option<String>,
}

/// The companies of a view as the map draws them: the clusters (with `separate` applied) of the
/// companies that pass the filter, except the selected one, which stands `alone` (its index) so
/// its marker is there to see and to focus.
pub(super) struct ViewClusters {
    /// Non-empty clusters in view.
    pub clusters: Vec<Cluster>,
    /// The selected company when it passes the filter.
    pub alone: Option<usize>,
}

/// The companies of view `v` (tracked: park, filter, selection), computed once per key: the
/// markers and the boxes the labels and badges avoid both ask for them in the same frame.
pub(super) fn view_clusters(state: AppState, v: &Viewport) -> Rc<ViewClusters> {
    let key = ClustersKey {
        view: *v,
        mask: state.filter.mask().with(|m| std::sync::Arc::as_ptr(&m.0) as usize),
        park: state.park().with(|p| std::sync::Arc::as_ptr(p) as usize),
        selected: state.selection().with(|s| s.as_ref()?.id_of(FeatureKind::Company).map(str::to_owned)),
    };
    LAST_CLUSTERS.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((_, clusters)) = last.as_ref().filter(|(k, _)| *k == key) {
            return Rc::clone(clusters);
        }
        let mut mask: Vec<bool> = state.filter.mask().with_untracked(|m| m.to_vec());
        let alone = key.selected.as_deref().and_then(|id| {
            let i = state.park().with_untracked(|p| p.companies.iter().position(|c| c.id == id))?;
            mask.get(i).copied().unwrap_or(false).then_some(i)
        });
        if let Some(i) = alone {
            mask[i] = false;
        }
        let clusters =
            state.filter.clusters_in_view(v, &mask).into_iter().filter(|c| !c.is_empty()).collect();
        let out = Rc::new(ViewClusters { clusters, alone });
        *last = Some((key, Rc::clone(&out)));
        out
    })
}

/// Reads (tracked) everything the frame depends on, and computes it unless it is the last one's.
fn with_frame<R>(state: AppState, v: &Viewport, f: impl FnOnce(&Frame) -> R) -> R {
    let key = FrameKey {
        view: *v,
        park: state.park().with(|p| std::sync::Arc::as_ptr(p) as usize),
        companies: state.layers.visible(LayerKind::Companies).then(|| view_clusters(state, v)),
        pois: state.layers.visible(LayerKind::Pois),
    };
    LAST_FRAME.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|frame| frame.key != key) {
            let boxes = key.companies.as_ref().map(|c| company_boxes(state, c, v)).unwrap_or_default();
            let badges = if key.pois {
                let marks: Vec<PoiMark<PoiKind>> = state.park().with_untracked(|park| {
                    park.pois
                        .iter()
                        .map(|p| PoiMark {
                            id: FeatureRef::new(FeatureKind::Poi, p.id.clone()).to_string(),
                            at: v.map_to_screen(p.map),
                            kind: p.kind,
                        })
                        .collect()
                });
                keep_clear(merge_pois(&marks, ICON_PX), &boxes, ICON_PX)
            } else {
                Cleared { shown: Vec::new(), joined: Vec::new() }
            };
            *last = Some(Frame { key, boxes, badges });
        }
        f(last.as_ref().expect("just set"))
    })
}

fn company_boxes(state: AppState, drawn: &ViewClusters, v: &Viewport) -> Vec<ScreenRect> {
    let alone = drawn.alone.and_then(|i| state.park().with_untracked(|p| p.companies.get(i).map(|c| c.map)));
    let single = |at| ScreenRect::centered(v.map_to_screen(at), SINGLE_PX, SINGLE_PX);
    drawn.clusters.iter().map(|c| bubble_box(c, v)).chain(alone.map(single)).collect()
}

/// The screen boxes of the company markers and cluster bubbles in `v` (tracked: filter, layers,
/// selection).
pub(super) fn company_boxes_in(state: AppState, v: &Viewport) -> Vec<ScreenRect> {
    with_frame(state, v, |f| f.boxes.clone())
}

/// The POIs as badges in `v`: merged where icons would overlap, kept clear of the company boxes
/// (tracked: park, layers, and the filter and selection while companies are shown). Member ids are `poi:<id>`.
pub(super) fn poi_badges(state: AppState, v: &Viewport) -> Cleared<PoiKind> {
    with_frame(state, v, |f| f.badges.clone())
}

/// `data-badge` of the element under an event's target: a badge of several places.
pub(super) fn badge_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-badge]").ok()??.get_attribute("data-badge")
}

/// "Toilet: North gate WC" for the POI `poi:<id>`.
pub(super) fn poi_title(state: AppState, member: &str) -> Option<String> {
    let feature: FeatureRef = member.parse().ok()?;
    let lang = state.lang().get();
    state.park().with(|park| {
        let p = park.poi(feature.id_of(FeatureKind::Poi)?)?;
        Some(format!("{}: {}", crate::i18n::t(lang, &format!("poi.{}", p.kind.key())), p.name.get(lang)))
    })
}

/// The open badge's list: one button per place (`data-select`, handled by the map's click), placed
/// beside the badge. Escape closes it and gives focus back to the badge; so do a press outside it
/// and choosing a place (the map's click closes it).
#[component]
pub fn BadgeList() -> impl IntoView {
    let state = use_app_state();
    let list = NodeRef::<leptos::html::Div>::new();
    let open = move || {
        let key = state.map.open_badge().get()?;
        let v = state.map.viewport().get();
        let badge = poi_badges(state, &v).shown.into_iter().find(|b| b.key == key && b.len() > 1)?;
        // Beside the badge, kept inside the map: level with its top edge in the map's upper half,
        // with its bottom edge in the lower half (growing upwards), so a list of any length (at
        // most half the map high, then it scrolls) never runs off the map.
        let left = (badge.at.x + ICON_PX / 2.0 + 4.0).min(v.width - LIST_PX - 4.0).max(4.0);
        let (top, bottom) = if badge.at.y <= v.height / 2.0 {
            (format!("{:.0}px", (badge.at.y - ICON_PX / 2.0).max(4.0)), "auto".to_owned())
        } else {
            ("auto".to_owned(), format!("{:.0}px", (v.height - badge.at.y - ICON_PX / 2.0).max(4.0)))
        };
        Some((key, format!("{left:.0}px"), top, bottom, badge.members))
    };
    // Focus the first entry when a list opens, so the keyboard can go on at once: in the task that
    // shows the list (this Effect runs again as soon as the list's element exists), not a frame
    // later, when a key pressed in between would still land on the badge. Returns the list it
    // focused, so a list drawn again (the view moved) keeps the entry the keyboard is on.
    Effect::new(move |focused: Option<Option<String>>| {
        let now = state.map.open_badge().get()?;
        let focused = focused.flatten();
        if focused.as_deref() == Some(now.as_str()) {
            return focused;
        }
        let first = list.get().and_then(|l| l.query_selector("button").ok().flatten())?;
        first
            .is_connected()
            .then(|| first.unchecked_into::<web_sys::HtmlElement>().focus().ok())
            .flatten()?;
        Some(now)
    });
    // A press outside the list closes it (one on a badge is the badge's own: it toggles its list).
    super::browser::on_press_outside(
        move |t| {
            let in_list = list.get_untracked().is_some_and(|l| l.contains(Some(t)));
            in_list
                || t.dyn_ref::<web_sys::Element>()
                    .is_some_and(|e| e.closest("[data-badge]").ok().flatten().is_some())
        },
        move || state.map.close_badge(),
    );
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // Enter or Space on a place is its button's click (which the map handles: it selects the
        // place and closes the list); the map's own Enter would select it without a click, leaving
        // the list open.
        if matches!(ev.key().as_str(), "Enter" | " ") {
            ev.stop_propagation();
        }
        if ev.key() == "Escape" {
            ev.stop_propagation();
            let key = state.map.open_badge().get_untracked();
            state.map.close_badge();
            if let Some(badge) = key.and_then(|k| {
                document().query_selector(&format!("[data-badge=\"{}\"]", k.replace('"', ""))).ok().flatten()
            }) {
                let _ = badge.unchecked_into::<web_sys::SvgElement>().focus();
            }
        }
    };
    move || {
        open().map(|(key, left, top, bottom, members): (String, String, String, String, Vec<String>)| {
            let items = members
                .into_iter()
                .map(|m| {
                    let title = poi_title(state, &m).unwrap_or_else(|| m.clone());
                    view! { <li><button type="button" class="badge-list__item" data-select=m>{title}</button></li> }
                })
                .collect_view();
            view! {
                <div class="badge-list" node_ref=list role="dialog" aria-label=state.tr("badge.places")
                    data-for=key style:left=left style:top=top style:bottom=bottom
                    on:keydown=on_key on:pointerdown=|ev| ev.stop_propagation() on:wheel=|ev| ev.stop_propagation()>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
