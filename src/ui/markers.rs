//! Markers in screen pixels (constant size at every zoom): companies, POIs and zone labels. Only what
//! is inside the view (plus a margin) is in the DOM.

use super::state::{use_app_state, AppState, Selection};
use crate::geo::{MapBounds, MapPoint, Viewport};
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
    /// A cluster: how many companies, and the box to fit when it is clicked.
    cluster: Option<(usize, MapBounds)>,
}

fn company_item(c: &crate::model::Company, lang: crate::i18n::Lang) -> MarkerItem {
    MarkerItem {
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
        cluster: None,
    }
}

/// The companies on screen: clusters at low zoom, single markers when zoomed in. Only companies
/// that pass the filter count; the selected company always stands alone, so its marker is there to
/// see and to focus.
fn company_items(state: AppState) -> Vec<MarkerItem> {
    let v = state.viewport.get();
    let lang = state.lang.get();
    let park = state.park.get();
    let ex = state.explore;
    let Some(cache) = ex.clusters.get() else { return Vec::new() };
    let selected = state.selection.with(|s| match s {
        Some(Selection::Company(id)) => park.companies.iter().position(|c| &c.id == id),
        _ => None,
    });
    let mut mask: Vec<bool> = ex.mask.with(|m| {
        if m.len() == park.companies.len() {
            m.to_vec()
        } else {
            vec![true; park.companies.len()]
        }
    });
    let alone = selected.filter(|&i| mask[i]);
    if let Some(i) = alone {
        mask[i] = false;
    }
    let Ok(mut cache) = cache.lock() else { return Vec::new() };
    cache.set_matching(&mask);
    let mut out: Vec<MarkerItem> = cache
        .visible(&v)
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            if c.is_single() {
                company_item(&park.companies[c.members[0]], lang)
            } else {
                let n = c.len();
                MarkerItem {
                    key: format!("cluster:{}:{}", crate::index::cluster_zoom(&v), c.key()),
                    at: c.center,
                    class: "map__cluster".into(),
                    label: format!("{n} {}", crate::i18n::t(lang, "cluster.companies")),
                    glyph: "",
                    cluster: Some((n, c.zoom_to())),
                }
            }
        })
        .collect();
    if let Some(i) = alone {
        out.push(company_item(&park.companies[i], lang));
    }
    // A stable order: selecting a company must not move its marker in the DOM (that would drop
    // keyboard focus from it).
    crate::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
    out
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
        Other => "•",
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
        LayerKind::Companies => company_items(state),
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
                cluster: None,
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
    let highlight_key = item.key.clone();
    let is_highlighted = move || {
        state
            .explore
            .highlight
            .with(|h| h.as_ref().is_some_and(|id| highlight_key.strip_prefix("company:") == Some(id)))
    };
    if let Some((n, fit)) = item.cluster {
        // A cluster's visible count is part of its name ("12 companies").
        let r = 13.0 + (n as f64).log2() * 2.5;
        let fit = format!("{:.1},{:.1},{:.1},{:.1}", fit.min.x, fit.min.y, fit.max.x, fit.max.y);
        return view! {
            <g transform=transform>
                <g class=item.class data-fit=fit role="button" tabindex="0" aria-label=item.label>
                    <circle class="map__cluster-dot" r=format!("{r:.1}")/>
                    <text class="map__cluster-count" y="4">{n}</text>
                </g>
            </g>
        }
        .into_any();
    }
    let is_poi = !item.glyph.is_empty();
    // The glyph is a sibling of the button, not inside it: its visible letters are not the
    // button's name (the label is), and assistive technology should not read both.
    view! {
        <g transform=transform>
            <g class=item.class class:map__marker--selected=is_selected class:map__marker--highlight=is_highlighted data-select=item.key
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
    .into_any()
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
