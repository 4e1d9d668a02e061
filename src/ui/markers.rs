//! Markers in screen pixels (constant size at every zoom): companies, POIs and zone labels. Only what
//! is inside the view (plus a margin) is in the DOM.

use super::state::{use_app_state, AppState, Selection};
use crate::geo::{MapPoint, Viewport};
use crate::model::LayerKind;
use leptos::prelude::*;

/// Pixels beyond the edges within which markers are still drawn (so a drag shows no pop-in).
const MARGIN_PX: f64 = 64.0;

#[derive(Clone, PartialEq)]
struct MarkerItem {
    key: String,
    at: MapPoint,
    class: String,
    label: String,
    glyph: &'static str,
}

fn on_screen(v: &Viewport, p: MapPoint) -> bool {
    let s = v.map_to_screen(p);
    s.x >= -MARGIN_PX && s.y >= -MARGIN_PX && s.x <= v.width + MARGIN_PX && s.y <= v.height + MARGIN_PX
}

fn poi_glyph(kind: crate::model::PoiKind) -> &'static str {
    use crate::model::PoiKind::*;
    match kind {
        Entrance => "⇲",
        Parking => "P",
        Toilet => "WC",
        BikeRental => "B",
        Viewpoint => "▲",
        WarmStation => "♨",
        BusStop => "◉",
        MetroStation => "M",
        ServiceCenter => "★",
    }
}

fn items(state: AppState, kind: LayerKind) -> Vec<MarkerItem> {
    if !state.visible(kind) {
        return Vec::new();
    }
    let v = state.viewport.get();
    let lang = state.lang.get();
    let park = state.park.get();
    match kind {
        LayerKind::Companies => park
            .companies
            .iter()
            .filter(|c| on_screen(&v, c.map))
            .map(|c| MarkerItem {
                key: format!("company:{}", c.id),
                at: c.map,
                class: format!("map__company map__company--{}", c.industry.as_class()),
                label: format!(
                    "{} — {} ({})",
                    c.name.en,
                    c.name.zh,
                    crate::i18n::t(lang, &format!("industry.{}", c.industry.key()))
                ),
                glyph: "",
            })
            .collect(),
        _ => park
            .pois
            .iter()
            .filter(|p| on_screen(&v, p.map))
            .map(|p| MarkerItem {
                key: format!("poi:{}", p.id),
                at: p.map,
                class: format!("map__poi map__poi--{}", p.kind.as_class()),
                label: format!(
                    "{}: {}",
                    crate::i18n::t(lang, &format!("poi.{}", p.kind.key())),
                    p.name.get(lang)
                ),
                glyph: poi_glyph(p.kind),
            })
            .collect(),
    }
}

fn marker(state: AppState, item: MarkerItem) -> impl IntoView {
    let at = item.at;
    let transform = move || {
        let s = state.viewport.with(|v| v.map_to_screen(at));
        format!("translate({:.1} {:.1})", s.x, s.y)
    };
    let key = item.key.clone();
    let is_selected = move || {
        state.selection.with(|s| match s {
            Some(Selection::Company(id)) => key.strip_prefix("company:") == Some(id.as_str()),
            Some(Selection::Poi(id)) => key.strip_prefix("poi:") == Some(id.as_str()),
            _ => false,
        })
    };
    let is_poi = !item.glyph.is_empty();
    // The glyph is a sibling of the button, not inside it: its visible letters are not the
    // button's name (the label is), and assistive technology should not read both.
    view! {
        <g transform=transform>
            <g class=item.class class:map__marker--selected=is_selected data-select=item.key
               role="button" tabindex="0" aria-label=item.label>
                <circle class="map__marker-hit" r="12"/>
                {if is_poi {
                    view! { <rect class="map__marker-dot" x="-9" y="-9" width="18" height="18" rx="4"/> }.into_any()
                } else {
                    view! { <circle class="map__marker-dot" r="6"/> }.into_any()
                }}
            </g>
            {is_poi.then(|| view! { <text class="map__marker-glyph" y="4" aria-hidden="true">{item.glyph}</text> })}
        </g>
    }
}

/// Zone labels, POIs and companies, in that order (companies on top).
#[component]
pub fn Markers() -> impl IntoView {
    let state = use_app_state();
    let labels = move || {
        if !state.visible(LayerKind::Zones) {
            return Vec::new();
        }
        let v = state.viewport.get();
        let lang = state.lang.get();
        let park = state.park.get();
        if v.zoom < 13.0 {
            return Vec::new();
        }
        park.zones
            .iter()
            .filter(|z| on_screen(&v, z.label))
            .map(|z| {
                let s = v.map_to_screen(z.label);
                view! { <text class="map__label" x=format!("{:.1}", s.x) y=format!("{:.1}", s.y)>{z.name.get(lang).to_owned()}</text> }
            })
            .collect_view()
    };
    view! {
        <g class="map__labels" aria-hidden="true">{labels}</g>
        <g class="map__layer map__layer--pois">
            <For each=move || items(state, LayerKind::Pois) key=|m| (m.key.clone(), m.label.clone()) children=move |m| marker(state, m)/>
        </g>
        <g class="map__layer map__layer--companies">
            <For each=move || items(state, LayerKind::Companies) key=|m| (m.key.clone(), m.label.clone()) children=move |m| marker(state, m)/>
        </g>
        <super::planner::WaypointMarkers/>
    }
}
