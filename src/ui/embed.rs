//! Embed mode's postMessage bridge: commands from an allowed host page in, events out to the exact
//! parent origin (never `*`). The protocol itself is typed and validated in [`crate::embed`].
//! A chunk, entered once every layer has loaded (so that commands naming companies or zones find
//! them); the messages that came before are waiting in the app's [`super::inbox::Inbox`].

use super::browser::Debounce;
use super::chunk::chunk;
use super::planner::RouteLink;
use super::state::{AppState, Selection};
use crate::embed::{
    parse_command, Action, Command, Event, OriginPolicy, ProtocolError, RequestId, RouteRequest,
};
use crate::feature::{FeatureKind, FeatureRef};
use crate::filter::Filter;
use crate::geo::LonLat;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn from_js(value: &JsValue) -> Option<Value> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// The parent page's origin, if the page is framed: Chromium's `ancestorOrigins`, else the referrer.
fn parent_origin() -> Option<String> {
    let w = window();
    if w.parent().ok().flatten().is_none_or(|p| p == w) {
        return None;
    }
    let from_ancestors = js_sys::Reflect::get(&w.location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|list| list.item(0));
    from_ancestors.or_else(|| crate::model::url::origin(&document().referrer()))
}

/// Whether a message's source is a window. A cross-origin window is a proxy from another realm, so
/// `instanceof Window` is false for it; but it always exposes `window` (itself), which a message port
/// or a service worker does not.
fn is_window(source: &js_sys::Object) -> bool {
    js_sys::Reflect::get(source, &JsValue::from_str("window"))
        .is_ok_and(|w| !w.is_undefined() && !w.is_null())
}

/// Where events go: the exact allowed origin of a window — the parent for events, the sender for
/// replies — or nowhere.
#[derive(Clone)]
struct Outbox {
    /// `None`: the parent window.
    window: Option<web_sys::Window>,
    target: Option<String>,
}

impl Outbox {
    /// Events for the parent page, at `target` (its exact origin, when allowed).
    fn parent(target: Option<String>) -> Self {
        Outbox { window: None, target }
    }

    fn post(&self, event: &Event, request_id: Option<&RequestId>) {
        let Some(target) = &self.target else { return };
        let window = match &self.window {
            Some(w) => w.clone(),
            None => match window().parent() {
                Ok(Some(parent)) => parent,
                _ => return,
            },
        };
        let _ = window.post_message(&to_js(&event.to_json_replying(request_id)), target);
    }
}

fn not_found(command: &str, what: &str, id: &str) -> Event {
    Event::Error {
        message: format!("{command}: no {what} with id {id:?}"),
        command: Some(command.to_owned()),
        request_id: None,
    }
}

/// Carries out a validated command; a query's answer; an `Err` event when it names something that
/// does not exist.
fn execute(state: AppState, command: &Command) -> Result<Option<Value>, Event> {
    let park = state.park().get_untracked();
    let map = state.map;
    match &command.action {
        Action::SelectCompany { id } => {
            park.company(id).ok_or_else(|| not_found("selectCompany", "company", id))?;
            state.select(Selection::company(id.clone()));
        }
        Action::SelectZone { id } => {
            park.zone(id).ok_or_else(|| not_found("selectZone", "zone", id))?;
            state.select(Selection::Feature(FeatureRef::new(FeatureKind::Zone, id.clone())));
        }
        Action::FlyTo { center, zoom } => {
            let target = map.viewport().get_untracked().with_center(map.to_map(*center));
            map.fly_to(zoom.map_or(target, |z| target.with_zoom(z)));
        }
        Action::FitPark => {
            state.fit_park();
        }
        Action::SetLayers { visible, hidden } => state.layers.set_layers(visible, hidden),
        Action::SetLanguage(lang) => state.set_lang(*lang),
        Action::SetFilter(params) => state.filter.set_filter(Filter::from(params)),
        // Carried out by `sites_command`.
        Action::SelectSite { .. } | Action::FilterSites(_) => {}
        Action::PlanRoute(request) => state.plan_route(match request {
            RouteRequest::Waypoints { waypoints, winter } => {
                RouteLink { points: waypoints.clone(), winter: *winter, loop_km: None }
            }
            RouteRequest::Loop { km, start, winter } => {
                RouteLink { points: vec![*start], winter: *winter, loop_km: Some(*km) }
            }
        }),
        // What the URL carries now (the route the page was opened with until the planner is there).
        Action::Query(query) => {
            return Ok(Some(query.answer(&super::session::current(state, &super::url::read_quietly()))))
        }
    }
    Ok(None)
}

/// `selectSite` and `filterSites`: carried out by the site finder once its sites are in (its chunk
/// is fetched first, if need be), then answered like any command: an `error` for a site that does
/// not exist, an `ok` once the view has settled when the command had a `requestId`.
fn sites_command(state: AppState, command: Command, reply: Outbox) {
    state.chunks.sites.load_then(state, move |sites| {
        when_sites_loaded(sites.loaded, move || {
            let name = command.action.name();
            let id = command.request_id.clone();
            match &command.action {
                Action::SelectSite { id: site }
                    if state.park().with_untracked(|p| p.site(site).is_none()) =>
                {
                    let mut event = not_found(name, "site", site);
                    if let Event::Error { request_id, .. } = &mut event {
                        request_id.clone_from(&id);
                    }
                    reply.post(&event, id.as_ref());
                    return;
                }
                Action::SelectSite { id: site } => {
                    state.select(Selection::Feature(FeatureRef::new(FeatureKind::Site, site.clone())))
                }
                Action::FilterSites(params) => {
                    state.open_sites(true);
                    sites.set_filter.run(params.clone());
                }
                _ => {}
            }
            if command.acknowledged() {
                when_settled(state, move || {
                    reply.post(&Event::Ok { command: name.to_owned(), result: None }, id.as_ref())
                });
            }
        });
    });
}

/// Runs `then` once the site finder's sites are in (or known to be missing), checked each frame.
fn when_sites_loaded(loaded: Signal<bool>, then: impl FnOnce() + 'static) {
    fn check(loaded: Signal<bool>, then: Box<dyn FnOnce()>) {
        if loaded.get_untracked() {
            then();
        } else {
            request_animation_frame(move || check(loaded, then));
        }
    }
    check(loaded, Box::new(then));
}

/// Most animation frames [`when_settled`] waits (a flight takes about 25).
const SETTLE_FRAMES: u32 = 120;

/// Runs `then` once the view has held still for an animation frame: a command's flight (0.4 s) has
/// ended, and its changes are drawn.
fn when_settled(state: AppState, then: impl FnOnce() + 'static) {
    fn check(state: AppState, last: crate::geo::Viewport, frames: u32, then: Box<dyn FnOnce()>) {
        request_animation_frame(move || {
            let now = state.map.viewport().get_untracked();
            if now == last || frames >= SETTLE_FRAMES {
                then();
            } else {
                check(state, now, frames + 1, then);
            }
        });
    }
    check(state, state.map.viewport().get_untracked(), 0, Box::new(then));
}

/// Acknowledges a command that was carried out: a query at once with its answer; `planRoute` once the
/// planner has planned (with the route's figures, or an `error` when there is no route); any other
/// once the view has settled.
fn acknowledge(state: AppState, command: &Command, result: Option<Value>, reply: Outbox) {
    let id = command.request_id.clone();
    let name = command.action.name();
    let ok = move |result| Event::Ok { command: name.to_owned(), result };
    match &command.action {
        Action::Query(_) => reply.post(&ok(result), id.as_ref()),
        Action::PlanRoute(request) => {
            let looping = matches!(request, RouteRequest::Loop { .. });
            // Runs after the plan itself (the chunk runs what waits for it in order).
            state.chunks.planner.load_then(state, move |planner| {
                let event = match planner.summary.get_untracked() {
                    Some(route) => ok(Some(route_changed(route).fields())),
                    None => Event::Error {
                        message: format!(
                            "planRoute: no {} found (the map's route panel says why)",
                            if looping { "loop" } else { "route" }
                        ),
                        command: Some(name.to_owned()),
                        request_id: id.clone(),
                    },
                };
                // After `routeChanged`, which an effect posts, and the route drawn.
                when_settled(state, move || reply.post(&event, id.as_ref()));
            });
        }
        _ => when_settled(state, move || reply.post(&ok(None), id.as_ref())),
    }
}

/// `routeChanged` for a planned route.
fn route_changed(route: super::planner::RouteSummary) -> Event {
    Event::RouteChanged {
        distance_km: (route.distance_m / 10.0).round() / 100.0,
        walking_min: route.walking_min.round() as u32,
        cycling_min: route.cycling_min.round() as u32,
        waypoints: route.waypoints,
    }
}

/// The embed API's face: nothing to show; entering its chunk starts the bridge.
#[derive(Clone, Copy)]
pub struct EmbedFace;

chunk!(embed_api: EmbedFace = fn embed_chunk(state) {
    let page = window().location().origin().unwrap_or_default();
    let manifest = state.layers.manifest().get_untracked();
    let url_origins = super::url::read_quietly().origins;
    let policy = OriginPolicy::new(&page, manifest.as_ref().map_or(&[][..], |m| &m.origins[..]), &url_origins);
    start(state, policy);
    Ok(EmbedFace)
});

/// Starts the bridge: posts `ready`, answers every command (those that came before it first), and
/// reports selections, view changes, routes and the content height.
fn start(state: AppState, policy: OriginPolicy) {
    let outbox = Outbox::parent(parent_origin().and_then(|p| policy.target_origin_for(&p)));
    let policy = StoredValue::new(policy);
    // `ready` first: a host that sent commands early hears that the map is ready, then their answers.
    outbox.post(&Event::ready(), None);
    state.inbox.take_over(move |ev: web_sys::MessageEvent| {
        let origin = ev.origin();
        if !policy.with_value(|p| p.allows(&origin)) {
            return; // not on the allowlist: ignored, not answered
        }
        let Some(data) = from_js(&ev.data()) else { return };
        // Replies go to the window that sent the command, at its (allowed) origin: the parent, a
        // sibling frame of the host, or the page itself. A sender that is not a window (a message
        // port, a worker) gets no reply.
        let sender = ev.source().filter(is_window).map(|s| s.unchecked_into::<web_sys::Window>());
        let reply = Outbox { target: sender.as_ref().map(|_| origin), window: sender };
        match parse_command(&data) {
            Ok(command) if matches!(command.action, Action::SelectSite { .. } | Action::FilterSites(_)) => {
                sites_command(state, command, reply)
            }
            Ok(command) => match execute(state, &command) {
                Ok(result) if command.acknowledged() => acknowledge(state, &command, result, reply),
                Ok(_) => {}
                Err(mut event) => {
                    if let Event::Error { request_id, .. } = &mut event {
                        *request_id = command.request_id.clone();
                    }
                    reply.post(&event, command.request_id.as_ref());
                }
            },
            Err(ProtocolError::NotForUs) => {}
            Err(e) => {
                if let Some(event) = e.to_event(&data) {
                    reply.post(&event, None);
                }
            }
        }
    });

    let selection_out = outbox.clone();
    // Each selection once; a site's when the site finder has its sites (the park then changes).
    Effect::new(move |posted: Option<Option<FeatureRef>>| {
        let posted = posted.flatten();
        let Some(Selection::Feature(feature)) = state.selection().get() else { return None };
        if posted.as_ref() == Some(&feature) {
            return posted;
        }
        let park = state.park().get();
        let FeatureRef { kind, id } = feature.clone();
        let event = match kind {
            FeatureKind::Company => {
                park.company(&id).map(|c| Event::CompanySelected { name: c.name.en.clone(), id })
            }
            FeatureKind::Zone => park.zone(&id).map(|z| Event::ZoneSelected { name: z.name.en.clone(), id }),
            FeatureKind::Site => park.site(&id).map(|s| Event::SiteSelected { name: s.name.en.clone(), id }),
            FeatureKind::Trail | FeatureKind::Poi => None,
        };
        let sent = event.is_some();
        if let Some(e) = event {
            selection_out.post(&e, None);
        }
        sent.then_some(feature)
    });

    let view_out = outbox.clone();
    let later = Debounce::new(std::time::Duration::from_millis(300));
    Effect::new(move |_| {
        let v = state.map.viewport().get();
        if state.layers.manifest().with_untracked(Option::is_none) {
            return;
        }
        let out = view_out.clone();
        later.call(move || {
            let c: LonLat = state.map.to_lon_lat(v.center);
            out.post(
                &Event::ViewChanged { lat: c.lat, lon: c.lon, zoom: (v.zoom * 100.0).round() / 100.0 },
                None,
            );
        });
    });

    let route_out = outbox.clone();
    Effect::new(move |_| {
        let Some(route) = state.chunks.planner.face().and_then(|p| p.summary.get()) else { return };
        route_out.post(&route_changed(route), None);
    });

    let resize_out = outbox;
    let last_height = StoredValue::new(0i32);
    let report_height = move || {
        let h = document().document_element().map(|e| e.scroll_height()).unwrap_or_default();
        if h != last_height.get_value() {
            last_height.set_value(h);
            resize_out.post(&Event::Resize { height: h.max(0) as u32 }, None);
        }
    };
    if let Some(root) = document().document_element() {
        super::browser::watch_size(&root, report_height);
    }
}
