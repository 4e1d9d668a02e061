//! The map view's state: the viewport, the world origin, a short gesture hint, and fly-to
//! animations (one at a time: a new flight or a gesture cancels the running one).

use super::Reader;
use crate::embed::MapView;
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::viewport::FIT_PADDING_PX;
use crate::geo::{LonLat, MapBounds, MapPoint, Viewport};
use crate::model::Park;
use leptos::prelude::*;

/// Duration of a fly-to animation.
const FLY_MS: f64 = 400.0;
/// Zoom a point feature is shown at, at least.
const POINT_ZOOM: f64 = 16.0;
/// How long a gesture hint stays up.
const HINT_MS: u64 = 1500;

/// The view and its animations. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct MapState {
    viewport: RwSignal<Viewport>,
    origin: RwSignal<MapPoint>,
    hint: RwSignal<Option<&'static str>>,
    /// The next frame of the running flight, cancelled when another flight or a gesture starts.
    flight: StoredValue<Option<AnimationFrameRequestHandle>>,
    hint_timer: StoredValue<Option<TimeoutHandle>>,
}

impl MapState {
    pub(super) fn new() -> Self {
        Self {
            viewport: RwSignal::new(Viewport::new(MapPoint::default(), 14.0, 800.0, 600.0)),
            origin: RwSignal::new(MapPoint::default()),
            hint: RwSignal::new(None),
            flight: StoredValue::new(None),
            hint_timer: StoredValue::new(None),
        }
    }

    /// The current view.
    pub fn viewport(&self) -> Reader<Viewport> {
        Reader(self.viewport)
    }

    /// Origin of world coordinates (the park's centre), so SVG numbers stay small.
    pub fn origin(&self) -> Reader<MapPoint> {
        Reader(self.origin)
    }

    /// The gesture hint shown over the map, as a translation key.
    pub fn hint(&self) -> Reader<Option<&'static str>> {
        Reader(self.hint)
    }

    fn cancel_flight(&self) {
        if let Some(handle) = self.flight.try_update_value(Option::take).flatten() {
            handle.cancel();
        }
    }

    /// Shows `view` at once (a gesture, a key); stops any flight.
    pub fn set_view(&self, view: Viewport) {
        self.cancel_flight();
        crate::ui::prerender::dismiss();
        self.viewport.set(view);
    }

    /// Changes the view with `change` (a wheel notch, an arrow key); stops any flight.
    pub fn change_view(&self, change: impl FnOnce(&Viewport) -> Viewport) {
        self.cancel_flight();
        crate::ui::prerender::dismiss();
        self.viewport.update(|v| *v = change(v));
    }

    /// The map element's new size in pixels.
    pub fn resize(&self, width: f64, height: f64) {
        self.viewport.update(|v| *v = v.with_size(width, height));
    }

    /// Shows a link's `#map=` view, or else fits `bounds` (a park's), and centres world coordinates
    /// on `bounds`.
    pub(super) fn show_park(&self, bounds: &MapBounds, view: Option<&MapView>) {
        self.origin.set(bounds.center());
        // Not `set_view`: the park's first view is the one the pre-rendered picture shows, so it
        // stays up until the layers are in.
        self.cancel_flight();
        self.viewport.set(match view {
            Some(shared) => view_at(&self.viewport.get_untracked(), shared),
            None => self.viewport.get_untracked().fit(bounds, FIT_PADDING_PX),
        });
    }

    /// Flies to show `bounds` whole ("fit park").
    pub fn fly_to_fit(&self, bounds: &MapBounds) {
        self.fly_to(self.viewport.get_untracked().fit(bounds, FIT_PADDING_PX));
    }

    /// Shows a link's `#map=` view (Back/Forward).
    pub fn show_link_view(&self, view: &MapView) {
        self.set_view(view_at(&self.viewport.get_untracked(), view));
    }

    /// Animates the viewport to `target` (at once under prefers-reduced-motion).
    pub fn fly_to(&self, target: Viewport) {
        self.cancel_flight();
        crate::ui::prerender::dismiss();
        if reduced_motion() {
            self.viewport.set(target);
            return;
        }
        let from = self.viewport.get_untracked();
        let start = now_ms();
        let map = *self;
        fn frame(map: MapState, from: Viewport, target: Viewport, start: f64) {
            let t = ((now_ms() - start) / FLY_MS).min(1.0);
            // Size may have changed mid-flight: keep the element's current size.
            let size = map.viewport.get_untracked();
            map.viewport.set(from.interpolate(&target, t).with_size(size.width, size.height));
            let next = (t < 1.0)
                .then(|| request_animation_frame_with_handle(move || frame(map, from, target, start)).ok())
                .flatten();
            map.flight.set_value(next);
        }
        let first = request_animation_frame_with_handle(move || frame(map, from, target, start)).ok();
        self.flight.set_value(first);
    }

    /// Shows a short hint over the map (cooperative gestures), replacing any other.
    pub fn show_hint(&self, key: &'static str) {
        if self.hint.get_untracked() == Some(key) {
            return;
        }
        self.hint.set(Some(key));
        if let Some(old) = self.hint_timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
        let hint = self.hint;
        let timer =
            set_timeout_with_handle(move || hint.set(None), std::time::Duration::from_millis(HINT_MS));
        self.hint_timer.set_value(timer.ok());
    }
}

/// The viewport showing a URL's `#map=` view.
pub fn view_at(vp: &Viewport, v: &MapView) -> Viewport {
    vp.with_center(LonLat::lon_lat(v.lon, v.lat).to_map()).with_zoom(v.zoom)
}

/// The view that shows `feature` of `park` from `view`, if the feature exists.
pub(super) fn view_of(view: &Viewport, park: &Park, feature: &FeatureRef) -> Option<Viewport> {
    let point_view = |p| view.with_zoom(view.zoom.max(POINT_ZOOM)).with_center(p);
    let id = feature.id.as_str();
    match feature.kind {
        FeatureKind::Company => park.company(id).map(|c| point_view(c.map)),
        FeatureKind::Poi => park.poi(id).map(|p| point_view(p.map)),
        FeatureKind::Zone => {
            let zone = park.zone(id)?;
            let pts = zone.polygons.iter().flat_map(|p| p.map_rings[0].iter().copied());
            MapBounds::around(pts).map(|b| view.fit(&b, 48.0))
        }
        FeatureKind::Trail => {
            let trail = park.trail(id)?;
            MapBounds::around(trail.map_parts.iter().flatten().copied()).map(|b| view.fit(&b, 48.0))
        }
    }
}

fn reduced_motion() -> bool {
    // No matchMedia (an old browser, a stripped-down embed): animate as usual.
    crate::ui::browser::window_has("matchMedia")
        && window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}
