//! Downloads of the planned route: GPX 1.1 and GeoJSON, made by [`crate::route`].

use crate::route::{to_geojson, to_gpx};
use crate::ui::state::{AppState, PlannerState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long an object URL outlives the click that downloads it (Firefox cancels a download whose
/// URL is revoked in the clicking task).
const REVOKE_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// Saves `text` as a file called `name` through a temporary object URL, released a little later.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
}

fn route_name(state: AppState) -> String {
    let lang = state.lang().get_untracked();
    let park =
        state.layers.manifest().get_untracked().map(|m| m.name.get(lang).to_owned()).unwrap_or_default();
    format!("{park} — {}", crate::i18n::t(lang, "layer.greenway"))
}

/// Downloads the route as GPX 1.1, with the waypoints named.
pub fn gpx(state: AppState, planner: PlannerState) {
    let Some(Ok(route)) = planner.result().get_untracked() else { return };
    let lang = state.lang().get_untracked();
    let park = state.park().get_untracked();
    let names: Vec<(String, crate::geo::LonLat)> = planner.waypoints().with_untracked(|w| {
        w.iter()
            .enumerate()
            .map(|(i, wp)| {
                let name = super::waypoint_poi(&park, wp)
                    .map(|p| p.name.get(lang).to_owned())
                    .unwrap_or_else(|| format!("{} {}", crate::i18n::t(lang, "planner.point"), i + 1));
                (name, wp.pos)
            })
            .collect()
    });
    let refs: Vec<(&str, crate::geo::LonLat)> = names.iter().map(|(n, p)| (n.as_str(), *p)).collect();
    download("parkmap-route.gpx", "application/gpx+xml", &to_gpx(&route, &route_name(state), &refs));
}

/// Downloads the route as a GeoJSON FeatureCollection.
pub fn geojson(planner: PlannerState) {
    let Some(Ok(route)) = planner.result().get_untracked() else { return };
    download("parkmap-route.geojson", "application/geo+json", &to_geojson(&route));
}
