//! In-browser tests (wasm-bindgen-test in headless Chromium): the real components mounted on the
//! hand-made fixture park in tests/fixtures/mini.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use parkmap::geo::LonLat;
use parkmap::i18n::Lang;
use parkmap::model::LayerKind;
use parkmap::read::{parse_layer, parse_manifest};
use parkmap::ui::{AppState, Shell};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MANIFEST: &str = include_str!("fixtures/mini/park.json");
const LAYERS: &[(&str, LayerKind, &str)] = &[
    ("context", LayerKind::Context, include_str!("fixtures/mini/context.geojson")),
    ("zones", LayerKind::Zones, include_str!("fixtures/mini/zones.geojson")),
    ("greenway", LayerKind::Greenway, include_str!("fixtures/mini/greenway.geojson")),
    ("pois", LayerKind::Pois, include_str!("fixtures/mini/pois.geojson")),
    ("companies", LayerKind::Companies, include_str!("fixtures/mini/companies.geojson")),
];

/// Mounts the app shell in a fresh 900×600 container with the fixture park; `broken` replaces the
/// companies layer with a truncated file. Returns the unmount handle too.
fn mount_with_handle(
    broken: bool,
) -> (web_sys::Element, AppState, leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>)
{
    let doc = document();
    let host = doc.create_element("div").unwrap();
    host.set_attribute("style", "width:900px;height:600px;position:relative").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let made = Rc::new(Cell::new(None::<AppState>));
    let out = Rc::clone(&made);
    let el: web_sys::HtmlElement = host.clone().unchecked_into();
    let handle = leptos::mount::mount_to(el, move || {
        // The state is made inside the app's owner, as <App/> does: unmounting disposes of it.
        let state = AppState::new(Lang::En, false);
        let (manifest, problems) = parse_manifest("park.json", MANIFEST).unwrap();
        state.apply_manifest(manifest, problems, None, None);
        let layers = LAYERS
            .iter()
            .map(|(id, kind, text)| {
                let (file, text) = if broken && *id == "companies" {
                    ("broken.geojson", include_str!("fixtures/mini/broken.geojson"))
                } else {
                    (*id, *text)
                };
                (id.to_string(), parse_layer(*kind, file, text))
            })
            .collect();
        state.layers.apply_layers(layers);
        provide_context(state);
        out.set(Some(state));
        view! { <Shell/> }.into_any()
    });
    (host, made.get().expect("state made"), handle)
}

fn mount(broken: bool) -> (web_sys::Element, AppState) {
    let (host, state, handle) = mount_with_handle(broken);
    handle.forget();
    (host, state)
}

/// Centres the map on company `id` at the singles zoom (19), where its own marker is drawn (zoomed
/// out, the fixture's companies share an 80 px cluster).
async fn show_company(state: &AppState, id: &str) {
    let at = state.park().with_untracked(|p| p.company(id).map(|c| c.map)).expect("fixture company");
    state.map.set_view(state.map.viewport().get_untracked().with_center(at).with_zoom(19.0));
    leptos::task::tick().await;
}

/// Companies on the map: single markers plus the members of cluster bubbles.
fn companies_drawn(host: &web_sys::Element) -> u32 {
    let list = host.query_selector_all(".map__cluster-count").unwrap();
    let in_clusters: u32 =
        (0..list.length()).filter_map(|i| list.item(i)?.text_content()?.trim().parse::<u32>().ok()).sum();
    host.query_selector_all(".map__company").unwrap().length() + in_clusters
}

fn click(el: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn text_of(host: &web_sys::Element, selector: &str) -> Option<String> {
    host.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn clicking_a_company_marker_opens_its_panel() {
    let (host, state) = mount(false);
    leptos::task::tick().await;
    // The first view fits the bundle into the part of the map the chrome leaves free, where the
    // fixture's companies may share a bubble: at the singles zoom c1 has its own marker.
    show_company(&state, "c1").await;
    let marker = host.query_selector("[data-select=\"company:c1\"]").unwrap().expect("marker for c1");
    assert!(marker.get_attribute("aria-label").unwrap().starts_with("Huawei"));
    assert_eq!(marker.get_attribute("role").as_deref(), Some("button"));
    click(&marker);
    // The panel's content is the details chunk's: entered on its own task (one module here).
    settle().await;
    let dialog = host.query_selector("[role=dialog]").unwrap().expect("panel open");
    assert_eq!(text_of(&dialog, "h2").as_deref(), Some("Huawei"));
    let labelled = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(text_of(&host, &format!("#{labelled}")).as_deref(), Some("Huawei"));
    // capital in English units, website as a safe link
    assert!(dialog.text_content().unwrap().contains("¥200 m"));
    let link = dialog.query_selector("a").unwrap().expect("website link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://www.huawei.com"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
}

#[wasm_bindgen_test]
async fn data_text_is_never_html() {
    let (host, state) = mount(false);
    leptos::task::tick().await;
    show_company(&state, "c1").await;
    click(&host.query_selector("[data-select=\"company:c1\"]").unwrap().unwrap());
    settle().await;
    let dialog = host.query_selector("[role=dialog]").unwrap().unwrap();
    assert!(dialog.query_selector("img").unwrap().is_none(), "markup from data became an element");
    assert!(dialog.text_content().unwrap().contains("<img src=x onerror=alert(1)>Cloud"));
}

#[wasm_bindgen_test]
async fn a_javascript_website_is_not_a_link() {
    let (host, state) = mount(false);
    leptos::task::tick().await;
    show_company(&state, "c2").await;
    click(&host.query_selector("[data-select=\"company:c2\"]").unwrap().unwrap());
    settle().await;
    let dialog = host.query_selector("[role=dialog]").unwrap().unwrap();
    assert_eq!(text_of(&dialog, "h2").as_deref(), Some("Neusoft"));
    assert!(dialog.query_selector("a").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_broken_layer_shows_its_alert_and_the_rest_still_draws() {
    let (host, _state) = mount(true);
    leptos::task::tick().await;
    let alert = text_of(&host, "[role=alert]").expect("an alert");
    assert!(alert.contains("broken.geojson"), "{alert}");
    assert!(alert.contains("malformed JSON"), "{alert}");
    assert_eq!(host.query_selector_all(".map__zone").unwrap().length(), 2);
    assert_eq!(host.query_selector_all(".map__trail-group").unwrap().length(), 2);
    assert_eq!(host.query_selector_all(".map__company").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn clicking_a_zone_lists_its_companies_and_escape_closes() {
    let (host, state) = mount(false);
    leptos::task::tick().await;
    click(&host.query_selector("[data-select=\"zone:zw\"]").unwrap().unwrap());
    settle().await;
    let dialog = host.query_selector("[role=dialog]").unwrap().unwrap();
    assert_eq!(text_of(&dialog, "h2").as_deref(), Some("West Zone"));
    assert_eq!(dialog.query_selector_all(".panel__list li").unwrap().length(), 3);
    assert!(dialog.text_content().unwrap().contains("¥350 m"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    window().dispatch_event(&esc).unwrap();
    leptos::task::tick().await;
    assert!(state.selection().get_untracked().is_none());
    assert!(host.query_selector("[role=dialog]").unwrap().is_none());
}

fn click_at(target: &web_sys::Element, x: f64, y: f64) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn clicking_two_points_in_the_planner_draws_a_route() {
    let (host, state) = mount(false);
    // The planner's chunk: an ordinary function in this one-module build, entered on its own task.
    state.open_planner(true);
    settle().await;
    let svg = host.query_selector(".map__svg").unwrap().unwrap();
    let map = host.query_selector(".map").unwrap().unwrap().get_bounding_client_rect();
    // two spots on the fixture's greenway (latitude 45.835), one on each segment
    for lon in [126.505, 126.535] {
        let s = state.map.viewport().get_untracked().map_to_screen(LonLat::lon_lat(lon, 45.8351).to_map());
        click_at(&svg, map.left() + s.x, map.top() + s.y);
        leptos::task::tick().await;
    }
    assert_eq!(host.query_selector_all(".map__waypoint").unwrap().length(), 2);
    let route = host.query_selector(".map__route").unwrap().expect("route path");
    let d = route.get_attribute("d").unwrap_or_default();
    assert!(d.starts_with('M') && d.matches('L').count() >= 2, "route drawn: {d:?}");
    let summary = text_of(&host, ".planner__summary").unwrap();
    // 0.03° of longitude at 45.835° N is 2.33 km on WGS84; the clicks land on whole pixels (≈ 10 m)
    let km: f64 = summary
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a distance in {summary:?}"));
    assert!((km - 2.33).abs() <= 0.02, "{summary}");
    assert!(state.selection().get_untracked().is_none(), "planning clicks do not select zones");
}

#[wasm_bindgen_test]
async fn an_industry_filter_changes_the_markers_on_the_map() {
    let (host, state) = mount(false);
    leptos::task::tick().await;
    let companies = || companies_drawn(&host);
    assert_eq!(companies(), 3);
    state.filter.change(|f| {
        f.industries.insert(parkmap::model::Industry::HighEndEquipment);
    });
    leptos::task::tick().await;
    assert_eq!(companies(), 1);
    assert!(host.query_selector("[data-select=\"company:c3\"]").unwrap().is_some(), "Siling Robotics stays");
    state.filter.clear();
    leptos::task::tick().await;
    assert_eq!(companies(), 3);
}

/// Counts the listeners added to `window` and the elements ResizeObservers watch, by wrapping
/// `window.addEventListener`/`removeEventListener` and `ResizeObserver` (installed once).
fn install_counters() {
    js_sys::eval(
        r#"(() => {
        if (window.__counts) return;
        const counts = (window.__counts = { listeners: 0, observed: 0 });
        const add = window.addEventListener, remove = window.removeEventListener;
        window.addEventListener = function (...a) { counts.listeners++; return add.apply(this, a); };
        window.removeEventListener = function (...a) { counts.listeners--; return remove.apply(this, a); };
        const Base = window.ResizeObserver;
        window.ResizeObserver = class extends Base {
            observe(...a) { this.n = (this.n || 0) + 1; counts.observed++; return super.observe(...a); }
            disconnect() { counts.observed -= this.n || 0; this.n = 0; return super.disconnect(); }
        };
    })()"#,
    )
    .unwrap();
}

fn counts() -> (f64, f64) {
    let c = js_sys::Reflect::get(&window(), &"__counts".into()).unwrap();
    let get = |k: &str| js_sys::Reflect::get(&c, &k.into()).unwrap().as_f64().unwrap();
    (get("listeners"), get("observed"))
}

/// Lets effects, animation frames and timers of the last change run (a 30 ms pause).
async fn settle() {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
}

#[wasm_bindgen_test]
async fn mounting_and_unmounting_the_shell_leaves_no_listener_or_observer_behind() {
    install_counters();
    // Once first: Leptos installs its delegated event listeners on first use, for the page's life.
    let (host, _state, handle) = mount_with_handle(false);
    settle().await;
    drop(handle);
    host.remove();
    settle().await;
    let before = counts();
    for _ in 0..20 {
        let (host, state, handle) = mount_with_handle(false);
        state.open_planner(true);
        settle().await;
        assert!(
            counts().1 > before.1,
            "the map's size is observed while mounted: {:?} vs {before:?}",
            counts()
        );
        drop(handle);
        host.remove();
        settle().await;
    }
    assert_eq!(counts(), before, "window listeners and observed elements are back to where they were");
}
