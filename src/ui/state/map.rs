//! The map view's state: the viewport, the world origin, a short gesture hint, and fly-to
//! animations (one at a time: a new flight or a gesture cancels the running one).

use super::Reader;
use crate::embed::MapView;
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::fit::fit_clear_of;
use crate::geo::tiles::TileCrs;
use crate::geo::viewport::FIT_PADDING_PX;
use crate::geo::{LonLat, MapBounds, MapPoint, ScreenRect, Viewport};
use crate::model::{Basemap, Park};
use leptos::prelude::*;
use std::sync::Arc;

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
    /// The POI badge whose list is open (its key), if any.
    open_badge: RwSignal<Option<String>>,
    /// The raster basemap under the park, if any; set once at start.
    basemap: RwSignal<Option<Arc<Basemap>>>,
    /// The next frame of the running flight, cancelled when another flight or a gesture starts.
    flight: StoredValue<Option<AnimationFrameRequestHandle>>,
    /// Where the running flight ends.
    destination: StoredValue<Option<Viewport>>,
    hint_timer: StoredValue<Option<TimeoutHandle>>,
    /// Counts the moves of what floats over the map on its own (the legend finding a free spot):
    /// the labels, which keep clear of it, are placed again.
    floating_moved: RwSignal<u32>,
}

impl MapState {
    pub(super) fn new() -> Self {
        Self {
            viewport: RwSignal::new(Viewport::new(MapPoint::default(), 14.0, 800.0, 600.0)),
            origin: RwSignal::new(MapPoint::default()),
            hint: RwSignal::new(None),
            open_badge: RwSignal::new(None),
            basemap: RwSignal::new(None),
            flight: StoredValue::new(None),
            destination: StoredValue::new(None),
            hint_timer: StoredValue::new(None),
            floating_moved: RwSignal::new(0),
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

    /// The key of the POI badge whose list of places is open.
    pub fn open_badge(&self) -> Reader<Option<String>> {
        Reader(self.open_badge)
    }

    /// Opens the list of badge `key`, or closes it when it is already open.
    pub fn toggle_badge(&self, key: &str) {
        self.open_badge.update(|open| {
            *open = if open.as_deref() == Some(key) { None } else { Some(key.to_owned()) };
        });
    }

    /// Closes any open badge list.
    pub fn close_badge(&self) {
        if self.open_badge.with_untracked(Option::is_some) {
            self.open_badge.set(None);
        }
    }

    /// The basemap drawn under the park (`?tiles=` or the manifest's), if any.
    pub fn basemap(&self) -> Reader<Option<Arc<Basemap>>> {
        Reader(self.basemap)
    }

    /// Draws `basemap` under the park. Set it before the park's layers arrive: a GCJ-02 basemap
    /// changes where they are drawn ([`crate::model::Layer::draw_for`]).
    pub fn set_basemap(&self, basemap: Basemap) {
        self.basemap.set(Some(Arc::new(basemap)));
    }

    /// What the map is drawn in: the basemap's CRS, WGS84 without one. Map points (the viewport,
    /// features' `map` points) are in it; [`Self::to_map`] and [`Self::to_lon_lat`] cross over.
    pub fn crs(&self) -> TileCrs {
        self.basemap.with_untracked(|b| b.as_ref().map(|b| b.crs).unwrap_or_default())
    }

    /// Where a WGS84 position (a link's view, a waypoint, the device's location) is drawn.
    pub fn to_map(&self, p: LonLat) -> MapPoint {
        self.crs().draw_map(p.to_map())
    }

    /// The WGS84 position drawn at a map point (a click, the view's centre for `#map=`).
    pub fn to_lon_lat(&self, p: MapPoint) -> LonLat {
        self.crs().undraw_map(p)
    }

    /// Tracks [`MapState::floating_moved`]'s count (the labels' placement reads it).
    pub fn track_floating(&self) {
        self.floating_moved.track();
    }

    /// Says that something floating over the map has moved by itself (the legend).
    pub fn floating_moved(&self) {
        self.floating_moved.update(|n| *n = n.wrapping_add(1));
    }

    /// True while a flight is under way (its target is where it is going).
    pub fn flying(&self) -> bool {
        self.flight.with_value(Option::is_some)
    }

    /// Where the running flight ends, while one is under way.
    pub fn flight_destination(&self) -> Option<Viewport> {
        if self.flying() {
            self.destination.get_value()
        } else {
            None
        }
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
        // stays up until the layers are in. The picture fits the whole map box: so does this
        // while it is up. Any other bundle's first view shows its bounds whole where nothing
        // floats over them: clear of the attribution bar, the controls, the legend, the north
        // arrow and an open bottom sheet (an OSM export's southern end ran under the bar).
        self.cancel_flight();
        self.viewport.set(match view {
            Some(shared) => view_at(&self.viewport.get_untracked(), shared, self.crs()),
            None => {
                let over = if crate::ui::prerender::shown() {
                    ".sidebar--open"
                } else {
                    ".sidebar--open, .attribution, .controls, .legend, .north"
                };
                let covers = crate::ui::browser::boxes_over_map(over);
                fit_clear_of(&self.viewport.get_untracked(), bounds, &covers, FIT_PADDING_PX)
            }
        });
    }

    /// Flies to show `bounds` whole ("fit park") in the part of the map that `covers` (screen
    /// boxes of floating panels) leave free.
    pub fn fly_to_fit(&self, bounds: &MapBounds, covers: &[ScreenRect]) {
        self.fly_to(fit_clear_of(&self.viewport.get_untracked(), bounds, covers, FIT_PADDING_PX));
    }

    /// Shows a link's `#map=` view (Back/Forward).
    pub fn show_link_view(&self, view: &MapView) {
        self.set_view(view_at(&self.viewport.get_untracked(), view, self.crs()));
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
        self.destination.set_value(Some(target));
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

/// The viewport showing a URL's `#map=` view (WGS84) on a map drawn in `crs`.
pub fn view_at(vp: &Viewport, v: &MapView, crs: TileCrs) -> Viewport {
    vp.with_center(crs.draw_map(LonLat::lon_lat(v.lon, v.lat).to_map())).with_zoom(v.zoom)
}

/// The view that shows `feature` of `park` from `view`, if the feature exists.
/// What a feature covers on the map (Web Mercator): a point's degenerate box, a zone's or a
/// trail's or a parcel's box.
pub(super) fn bounds_of(park: &Park, feature: &FeatureRef) -> Option<MapBounds> {
    let id = feature.id.as_str();
    let point = |p: crate::geo::MapPoint| MapBounds::around([p]);
    match feature.kind {
        FeatureKind::Company => park.company(id).and_then(|c| point(c.map)),
        FeatureKind::Poi => park.poi(id).and_then(|p| point(p.map)),
        FeatureKind::Zone => park.zone(id)?.map_bounds(),
        FeatureKind::Trail => MapBounds::around(park.trail(id)?.map_parts.iter().flatten().copied()),
        FeatureKind::Site => {
            let site = park.site(id)?;
            match &site.geom {
                crate::model::SiteGeom::Parcel(polygons) => {
                    MapBounds::around(polygons.iter().flat_map(|p| p.map_rings.iter().flatten().copied()))
                }
                crate::model::SiteGeom::Space { .. } => point(site.map),
            }
        }
    }
}

pub(super) fn view_of(view: &Viewport, park: &Park, feature: &FeatureRef) -> Option<Viewport> {
    let point_view = |p| view.with_zoom(view.zoom.max(POINT_ZOOM)).with_center(p);
    let id = feature.id.as_str();
    match feature.kind {
        FeatureKind::Company => park.company(id).map(|c| point_view(c.map)),
        FeatureKind::Poi => park.poi(id).map(|p| point_view(p.map)),
        FeatureKind::Zone => park.zone(id)?.map_bounds().map(|b| view.fit(&b, 48.0)),
        FeatureKind::Trail => {
            let trail = park.trail(id)?;
            MapBounds::around(trail.map_parts.iter().flatten().copied()).map(|b| view.fit(&b, 48.0))
        }
        // A site: its point (a space), or its parcel's box at the point zoom at least.
        FeatureKind::Site => {
            let site = park.site(id)?;
            let parcel = match &site.geom {
                crate::model::SiteGeom::Parcel(polygons) => {
                    MapBounds::around(polygons.iter().flat_map(|p| p.map_rings.iter().flatten().copied()))
                }
                crate::model::SiteGeom::Space { .. } => None,
            };
            let fit = parcel.map(|b| view.fit(&b, 64.0)).filter(|v| v.zoom < POINT_ZOOM);
            Some(fit.unwrap_or_else(|| point_view(site.map)))
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
