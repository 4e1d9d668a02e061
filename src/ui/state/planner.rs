//! The route planner's state: waypoints (clicked points or POIs), a loop length, winter rules and
//! speeds; the route (a `Memo` of all of it) and the trail graph it plans on (built once per set of
//! trail layers, kept between routes).
//! Created by the planner's chunk when it is first entered (the app keeps only whether the planner
//! is open: [`super::AppState::planning`]); planning itself is the pure [`crate::route`] module.

use super::{LayerState, Reader};
use crate::geo::LonLat;
use crate::route::{plan, plan_loop, Route, RouteError, RouteOptions, TrailGraph, CYCLING_KMH, WALKING_KMH};
use leptos::prelude::*;
use std::sync::Arc;

/// A point the route goes through.
#[derive(Clone, Debug, PartialEq)]
pub struct Waypoint {
    /// Where it is.
    pub pos: LonLat,
    /// The POI it was chosen as, if any (for its name).
    pub poi: Option<String>,
}

/// Where the device says the visitor is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Located {
    /// Position.
    pub pos: LonLat,
    /// Accuracy radius in metres.
    pub accuracy_m: f64,
}

/// The trail graph and the trail counts it was built from.
type GraphBuild = Option<((usize, usize), Arc<TrailGraph>)>;

/// The planner. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct PlannerState {
    open: RwSignal<bool>,
    waypoints: RwSignal<Vec<Waypoint>>,
    /// The points after the start, set aside while planning a loop (which needs only the start),
    /// for when the visitor switches back to "From A to B".
    kept: RwSignal<Vec<Waypoint>>,
    loop_km: RwSignal<Option<f64>>,
    winter: RwSignal<bool>,
    walk_kmh: RwSignal<f64>,
    bike_kmh: RwSignal<f64>,
    located: RwSignal<Option<Located>>,
    locate_message: RwSignal<Option<&'static str>>,
    locate_tick: RwSignal<u32>,
    /// The park's trail graph, rebuilt when the trail layers change (a 100 000-edge network takes a
    /// while: never per route).
    graph: StoredValue<GraphBuild>,
    layers: LayerState,
    result: Memo<Option<Result<Route, RouteError>>>,
}

impl PlannerState {
    /// A planner with no waypoint; `app` is the app whose open flag it shares.
    pub fn new(app: super::AppState) -> Self {
        let layers = app.layers;
        let park = layers.park();
        let graph = StoredValue::new(None::<((usize, usize), Arc<TrailGraph>)>);
        let graph_now = move || {
            let counts = park.with(|p| (p.greenway.len(), p.waterfront.len()));
            if counts == (0, 0) {
                return None;
            }
            let built =
                graph.with_value(|g| g.as_ref().filter(|(c, _)| *c == counts).map(|(_, g)| Arc::clone(g)));
            built.or_else(|| {
                let g = Arc::new(park.with_untracked(|p| TrailGraph::from_park(p)));
                graph.set_value(Some((counts, Arc::clone(&g))));
                Some(g)
            })
        };
        let waypoints = RwSignal::new(Vec::<Waypoint>::new());
        let loop_km = RwSignal::new(None::<f64>);
        let winter = RwSignal::new(false);
        let result = Memo::new(move |_| {
            let graph = graph_now()?;
            let points: Vec<LonLat> = waypoints.with(|w| w.iter().map(|p| p.pos).collect());
            let options = RouteOptions { winter: winter.get() };
            match loop_km.get() {
                Some(km) if !points.is_empty() => Some(plan_loop(&graph, points[0], km, &options)),
                Some(_) => None,
                None if points.len() >= 2 => Some(plan(&graph, &points, &options)),
                None => None,
            }
        });
        Self {
            open: app.planning,
            waypoints,
            kept: RwSignal::new(Vec::new()),
            loop_km,
            winter,
            walk_kmh: RwSignal::new(WALKING_KMH),
            bike_kmh: RwSignal::new(CYCLING_KMH),
            located: RwSignal::new(None),
            locate_message: RwSignal::new(None),
            locate_tick: RwSignal::new(0),
            graph,
            layers,
            result,
        }
    }

    /// The panel is open (map clicks add waypoints).
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// The panel is open, read without tracking (in an event handler).
    pub fn is_open_untracked(&self) -> bool {
        self.open.get_untracked()
    }

    /// Opens or closes the panel.
    pub fn set_open(&self, open: bool) {
        self.open.set(open);
    }

    /// Start, vias, end (for a loop: the start).
    pub fn waypoints(&self) -> Reader<Vec<Waypoint>> {
        Reader(self.waypoints)
    }

    /// The points set aside while a loop is planned (restored after the start when the planner
    /// goes back to "From A to B").
    pub fn kept(&self) -> Reader<Vec<Waypoint>> {
        Reader(self.kept)
    }

    /// `Some(km)`: a loop of about this length from the first waypoint.
    pub fn loop_km(&self) -> Reader<Option<f64>> {
        Reader(self.loop_km)
    }

    /// Trails closed in winter are avoided.
    pub fn winter(&self) -> Reader<bool> {
        Reader(self.winter)
    }

    /// Walking speed, km/h.
    pub fn walk_kmh(&self) -> Reader<f64> {
        Reader(self.walk_kmh)
    }

    /// Cycling speed, km/h.
    pub fn bike_kmh(&self) -> Reader<f64> {
        Reader(self.bike_kmh)
    }

    /// The last position from the device.
    pub fn located(&self) -> Reader<Option<Located>> {
        Reader(self.located)
    }

    /// Why "my location" gave nothing usable (a translation key), or that it is on its way.
    pub fn locate_message(&self) -> Reader<Option<&'static str>> {
        Reader(self.locate_message)
    }

    /// Bumped each time the visitor asks for their position.
    pub fn locate_tick(&self) -> Reader<u32> {
        Reader(self.locate_tick)
    }

    /// The trail network of the loaded park.
    pub fn graph(&self) -> Option<Arc<TrailGraph>> {
        let counts = self.layers.park().with_untracked(|p| (p.greenway.len(), p.waterfront.len()));
        self.graph.with_value(|g| g.as_ref().filter(|(c, _)| *c == counts).map(|(_, g)| Arc::clone(g)))
    }

    /// The route for the current inputs: `None` until there is something to plan.
    pub fn result(&self) -> Memo<Option<Result<Route, RouteError>>> {
        self.result
    }

    /// Adds a waypoint: the end moves on, the old end becomes a via (a loop keeps only its start).
    pub fn add(&self, wp: Waypoint) {
        let looping = self.loop_km.get_untracked().is_some();
        self.waypoints.update(|w| {
            if looping {
                *w = vec![wp];
            } else {
                w.push(wp);
            }
        });
    }

    /// Removes waypoint `i`.
    pub fn remove(&self, i: usize) {
        self.waypoints.update(|w| {
            if i < w.len() {
                w.remove(i);
            }
        });
    }

    /// Moves waypoint `i` to `pos` (dragged on the map).
    pub fn move_to(&self, i: usize, pos: LonLat) {
        self.waypoints.update(|w| {
            if let Some(wp) = w.get_mut(i) {
                *wp = Waypoint { pos, poi: None };
            }
        });
    }

    /// Makes the device's position the start.
    pub fn start_at(&self, wp: Waypoint) {
        self.waypoints.update(|w| match w.first_mut() {
            Some(first) => *first = wp,
            None => w.push(wp),
        });
    }

    /// Reverses the route.
    pub fn reverse(&self) {
        self.waypoints.update(|w| w.reverse());
    }

    /// Removes every waypoint (and any set aside for "From A to B").
    pub fn clear(&self) {
        self.waypoints.set(Vec::new());
        self.kept.set(Vec::new());
    }

    /// Plans from A to B (`None`) or a loop of `km` from the first point. A loop needs only the
    /// start: the other points are set aside, and come back after the start when the planner goes
    /// back to "From A to B" (nothing is dropped without a way back).
    pub fn set_loop(&self, km: Option<f64>) {
        let km = km.map(|k| k.clamp(crate::route::MIN_LOOP_KM, crate::route::MAX_LOOP_KM));
        let looping = self.loop_km.get_untracked().is_some();
        if km.is_some() && !looping {
            let rest = self.waypoints.try_update(|w| w.split_off(w.len().min(1))).unwrap_or_default();
            self.kept.set(rest);
        } else if km.is_none() && looping {
            let kept = self.kept.try_update(std::mem::take).unwrap_or_default();
            if !kept.is_empty() {
                self.waypoints.update(|w| w.extend(kept));
            }
        }
        self.loop_km.set(km);
    }

    /// Avoids trails closed in winter, or not.
    pub fn set_winter(&self, winter: bool) {
        self.winter.set(winter);
    }

    /// Sets the walking speed, clamped to 1–10 km/h.
    pub fn set_walk_kmh(&self, kmh: f64) {
        self.walk_kmh.set(kmh.clamp(1.0, 10.0));
    }

    /// Sets the cycling speed, clamped to 5–40 km/h.
    pub fn set_bike_kmh(&self, kmh: f64) {
        self.bike_kmh.set(kmh.clamp(5.0, 40.0));
    }

    /// Plans a whole route at once (a link, the embed API) and opens the panel.
    pub fn plan(&self, points: Vec<LonLat>, winter: bool, loop_km: Option<f64>) {
        self.kept.set(Vec::new());
        self.winter.set(winter);
        self.loop_km.set(loop_km);
        self.waypoints.set(points.into_iter().map(|pos| Waypoint { pos, poi: None }).collect());
        self.open.set(true);
    }

    /// The visitor asked for their position.
    pub fn locate_requested(&self) {
        self.locate_message.set(Some("locate.waiting"));
        self.locate_tick.update(|t| *t += 1);
    }

    /// Says why there is no usable position (a translation key), or clears the message.
    pub fn set_locate_message(&self, key: Option<&'static str>) {
        self.locate_message.set(key);
    }

    /// The device's position, inside the park (or `None`).
    pub fn set_located(&self, located: Option<Located>) {
        self.located.set(located);
    }
}
