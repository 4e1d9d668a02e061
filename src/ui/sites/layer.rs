//! The sites on the map, while the finder is open or a site is selected: land parcels as polygons
//! among the world layers, spaces in buildings as square markers in screen pixels. The filter's
//! matches are drawn strong, the others dimmed; the selected site is outlined. Each is a button
//! of the map (`data-select="site:ID"`: the map's own click and key handlers select it).

use crate::feature::{FeatureKind, FeatureRef};
use crate::geo::svg::polygons_path;
use crate::i18n::Lang;
use crate::model::{Site, SiteGeom};
use crate::sites::{format_area, st};
use crate::ui::state::{use_app_state, AppState, Selection, SitesState};
use leptos::prelude::*;

/// Whether the sites are on the map: the finder is open or a site is selected.
fn shown(state: AppState) -> bool {
    state.sites_open()
        || state.selection().with(|s| s.as_ref().and_then(|s| s.id_of(FeatureKind::Site)).is_some())
}

/// A site's name for assistive technology: its name, type and area.
fn label(site: &Site, lang: Lang) -> String {
    let kind = st(lang, &format!("type.{}", site.kind.key()));
    match site.area_m2 {
        Some(a) => {
            format!("{}: {} ({kind}, {})", st(lang, "list.name"), site.name.get(lang), format_area(a, lang))
        }
        None => format!("{}: {} ({kind})", st(lang, "list.name"), site.name.get(lang)),
    }
}

/// The classes of a site's shape: its status, and whether the filter dims it or it is selected.
fn class(state: AppState, site: &Site, matches: bool, base: &str) -> String {
    let status = site.status.map(|s| format!(" {base}--{}", s.as_class())).unwrap_or_default();
    let dim = if matches { "" } else { " map__site--dim" };
    let selected = state
        .selection()
        .with(|s| s.as_ref().and_then(|s| s.id_of(FeatureKind::Site)) == Some(site.id.as_str()));
    format!("map__site {base}{status}{dim}{}", if selected { " map__site--selected" } else { "" })
}

/// The land parcels, in world units.
#[component]
pub fn Parcels(sites: SitesState) -> impl IntoView {
    let state = use_app_state();
    move || {
        if !shown(state) {
            return None;
        }
        let lang = state.lang().get();
        let origin = state.map.origin().get();
        let park = state.park().get();
        let mask = sites.filter().with(|f| f.mask(&park.sites));
        let parcels = park
            .sites
            .iter()
            .zip(mask)
            .filter_map(|(site, matches)| {
                let SiteGeom::Parcel(polygons) = &site.geom else { return None };
                let rings: Vec<_> = polygons.iter().map(|p| p.map_rings.clone()).collect();
                let key = FeatureRef::new(FeatureKind::Site, site.id.clone()).to_string();
                Some(view! {
                    <path class=class(state, site, matches, "map__site--parcel") d=polygons_path(&rings, origin)
                        fill-rule="evenodd" data-select=key role="button" tabindex="-1" aria-label=label(site, lang)/>
                })
            })
            .collect_view();
        Some(view! { <g class="map__layer map__layer--sites">{parcels}</g> })
    }
}

/// The spaces in buildings, in screen pixels (constant size at every zoom).
#[component]
pub fn Spaces(sites: SitesState) -> impl IntoView {
    let state = use_app_state();
    move || {
        if !shown(state) {
            return None;
        }
        let lang = state.lang().get();
        let park = state.park().get();
        let mask = sites.filter().with(|f| f.mask(&park.sites));
        let spaces = park
            .sites
            .iter()
            .zip(mask)
            .filter(|(site, _)| !site.is_parcel())
            .map(|(site, matches)| {
                let at = site.map;
                let transform = move || {
                    let s = state.map.viewport().with(|v| v.map_to_screen(at));
                    format!("translate({:.1} {:.1})", s.x, s.y)
                };
                let key = FeatureRef::new(FeatureKind::Site, site.id.clone()).to_string();
                view! {
                    <g transform=transform>
                        <g class=class(state, site, matches, "map__site--space") data-select=key role="button" tabindex="-1"
                            aria-label=label(site, lang)>
                            <circle class="map__marker-hit" r="12"/>
                            <rect class="map__site-dot" x="-7" y="-7" width="14" height="14"/>
                        </g>
                    </g>
                }
            })
            .collect_view();
        Some(view! { <g class="map__layer map__layer--site-spaces">{spaces}</g> })
    }
}

/// Selects a site and flies to it (the list's rows, the comparison's headers).
pub fn select(state: AppState, id: &str) {
    state.select(Selection::Feature(FeatureRef::new(FeatureKind::Site, id.to_owned())));
}
