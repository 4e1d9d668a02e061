//! Markers in screen pixels (constant size at every zoom): companies, POIs and zone labels. Only what
//! is inside the view (plus a margin) is in the DOM.

use super::pois::{poi_badges, poi_title, view_clusters};
use super::state::{use_app_state, AppState, Selection};
use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::{MapBounds, MapPoint, Viewport};
use crate::model::LayerKind;
use leptos::prelude::*;

/// Pixels beyond the edges within which markers are still drawn (so a drag shows no pop-in).
const MARGIN_PX: f64 = 64.0;

#[derive(Clone, PartialEq)]
struct MarkerItem {
    /// The DOM key: a feature's `kind:id`, or a cluster's own key.
    key: String,
    /// The feature a single marker stands for (`None` for a cluster).
    feature: Option<FeatureRef>,
    at: MapPoint,
    class: String,
    label: String,
    /// A POI's icon letters, or a badge's count ("" for companies and clusters).
    glyph: String,
    /// Screen offset of a POI badge that stepped aside from a cluster.
    offset: (f64, f64),
    /// A badge of several POIs: its key (`data-badge`).
    badge: Option<String>,
    /// A cluster: how many companies, and the box to fit when it is clicked.
    cluster: Option<(usize, MapBounds)>,
}

fn company_item(c: &crate::model::Company, lang: crate::i18n::Lang) -> MarkerItem {
    let feature = FeatureRef::company(c.id.clone());
    MarkerItem {
        key: feature.to_string(),
        feature: Some(feature),
        at: c.map,
        class: crate::classes::company(c, "map"),
        label: format!(
            "{} — {} ({})",
            c.name.en,
            c.name.zh,
            crate::i18n::t(lang, &format!("industry.{}", c.industry.key()))
        ),
        glyph: String::new(),
        offset: (0.0, 0.0),
        badge: None,
        cluster: None,
    }
}

/// The companies on screen: clusters at low zoom, single markers when zoomed in. Only companies
/// that pass the filter count; the selected company always stands alone, so its marker is there to
/// see and to focus.
fn company_items(state: AppState) -> Vec<MarkerItem> {
    let v = state.map.viewport().get();
    let lang = state.lang().get();
    let park = state.park().get();
    let drawn = view_clusters(state, &v);
    let mut out: Vec<MarkerItem> = drawn
        .clusters
        .iter()
        .map(|c| {
            if c.is_single() {
                company_item(&park.companies[c.members[0]], lang)
            } else {
                let n = c.len();
                MarkerItem {
                    key: format!("cluster:{}:{}", crate::index::cluster_zoom(&v), c.key()),
                    feature: None,
                    at: c.center,
                    class: "map__cluster".into(),
                    label: crate::i18n::count(n as u64, "n.companies", lang),
                    glyph: String::new(),
                    offset: (0.0, 0.0),
                    badge: None,
                    cluster: Some((n, c.zoom_to())),
                }
            }
        })
        .collect();
    if let Some(i) = drawn.alone {
        out.push(company_item(&park.companies[i], lang));
    }
    // A stable order: selecting a company must not move its marker in the DOM (that would drop
    // keyboard focus from it).
    crate::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
    out
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
    if !state.layers.visible(kind) {
        return Vec::new();
    }
    let v = state.map.viewport().get();
    let lang = state.lang().get();
    let park = state.park().get();
    if kind == LayerKind::Companies {
        return company_items(state);
    }
    // Every POI takes part in the merge (so one entering the view changes nothing); only badges
    // near the view are drawn.
    poi_badges(state, &v)
        .shown
        .into_iter()
        .filter(|b| on_screen_px(&v, b.at))
        .filter_map(|b| {
            let offset = (b.at.x - b.anchor.x, b.at.y - b.anchor.y);
            let seed: FeatureRef = b.key.parse().ok()?;
            let p = park.poi(seed.id_of(FeatureKind::Poi)?)?;
            let at = p.map;
            if b.len() == 1 {
                return Some(MarkerItem {
                    key: b.key.clone(),
                    feature: Some(seed),
                    at,
                    class: format!("map__poi map__poi--{}", p.kind.as_class()),
                    label: poi_title(state, &b.key)?,
                    glyph: poi_glyph(p.kind).into(),
                    offset,
                    badge: None,
                    cluster: None,
                });
            }
            let names: Vec<String> = b.members.iter().filter_map(|m| poi_title(state, m)).collect();
            let class = match b.kind {
                Some(k) => format!("map__poi map__poi--group map__poi--{}", k.as_class()),
                None => "map__poi map__poi--group".into(),
            };
            Some(MarkerItem {
                key: format!("badge:{}", b.key),
                feature: None,
                at,
                class,
                label: format!(
                    "{}: {}",
                    crate::i18n::count(b.len() as u64, "n.places", lang),
                    names.join("; ")
                ),
                glyph: b.len().to_string(),
                offset,
                badge: Some(b.key),
                cluster: None,
            })
        })
        .collect()
}

fn on_screen_px(v: &Viewport, s: crate::geo::ScreenPoint) -> bool {
    s.x >= -MARGIN_PX && s.y >= -MARGIN_PX && s.x <= v.width + MARGIN_PX && s.y <= v.height + MARGIN_PX
}

fn marker(state: AppState, item: MarkerItem) -> impl IntoView {
    let (at, (dx, dy)) = (item.at, item.offset);
    let transform = move || {
        let s = state.map.viewport().with(|v| v.map_to_screen(at));
        format!("translate({:.1} {:.1})", s.x + dx, s.y + dy)
    };
    let feature = StoredValue::new(item.feature.clone());
    let is_selected = move || {
        state.selection().with(|s| {
            feature.with_value(|f| f.is_some() && s.as_ref().and_then(Selection::feature) == f.as_ref())
        })
    };
    let is_highlighted = move || {
        state.explore.highlight().with(|h| {
            feature.with_value(|f| {
                f.as_ref()
                    .and_then(|f| f.id_of(FeatureKind::Company))
                    .is_some_and(|id| h.as_deref() == Some(id))
            })
        })
    };
    if let Some((n, fit)) = item.cluster {
        // A cluster's visible count is part of its name ("12 companies").
        let r = crate::index::cluster_radius_px(n);
        let fit = format!("{:.1},{:.1},{:.1},{:.1}", fit.min.x, fit.min.y, fit.max.x, fit.max.y);
        return view! {
            <g transform=transform>
                <g class=item.class data-fit=fit role="button" tabindex="-1" aria-label=item.label>
                    <circle class="map__cluster-dot" r=format!("{r:.1}")/>
                    <text class="map__cluster-count" y="4">{n}</text>
                </g>
            </g>
        }
        .into_any();
    }
    if let Some(key) = item.badge {
        let open = move || state.map.open_badge().with(|o| o.as_deref() == Some(key.as_str()));
        let key = item.key.trim_start_matches("badge:").to_owned();
        return view! {
            <g transform=transform>
                <g class=item.class data-badge=key role="button" tabindex="-1" aria-haspopup="dialog"
                   aria-expanded=move || open().to_string() aria-label=item.label>
                    <circle class="map__marker-hit" r="12"/>
                    <rect class="map__marker-dot" x="-9" y="-9" width="18" height="18" rx="9"/>
                </g>
                <text class="map__marker-glyph" y="4" aria-hidden="true">{item.glyph}</text>
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
               role="button" tabindex="-1" aria-label=item.label>
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
    view! {
        {super::chunk::view_of(state.chunks.labels, |l| l.view.run())}
        <g class="map__layer map__layer--pois">
            <For each=move || items(state, LayerKind::Pois) key=|m| (m.key.clone(), m.label.clone(), format!("{:.1},{:.1}", m.offset.0, m.offset.1)) children=move |m| marker(state, m)/>
        </g>
        <g class="map__layer map__layer--companies">
            <For each=move || items(state, LayerKind::Companies) key=|m| (m.key.clone(), m.label.clone()) children=move |m| marker(state, m)/>
        </g>
        {super::chunk::view_of(state.chunks.sites, |s| s.markers.run())}
        {super::chunk::view_of(state.chunks.planner, |p| p.markers.run())}
    }
}
