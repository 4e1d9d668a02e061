//! The site brief: what printing the page gives while a site's panel is open — one A4 page with
//! a map extract (the site among the zones and the companies within 1 km), its attributes, its
//! neighbours, its hubs, the investment office, and the page's link as text and as a QR code a
//! phone camera opens. Hidden on screen; chunks/sites.css shows only it in print.

use super::panel::{contact, facts, hub_lines};
use crate::geo::svg::{lines_path, polygons_path};
use crate::geo::MapPoint;
use crate::model::{Site, SiteGeom};
use crate::sites::{neighbours, qr::qr_svg, st, FAR_M};
use crate::ui::state::{use_app_state, AppState, SitesState};
use crate::world::WorldSvg;
use leptos::prelude::*;

/// Half the side of the map extract, in metres on the ground.
const EXTRACT_HALF_M: f64 = 1_300.0;

/// The page's link as the URL bar shows it for the state of the moment (tracked).
fn page_link(state: AppState) -> String {
    state.selection().track();
    state.lang().track();
    state.map.viewport().track();
    crate::ui::session::page_url(state)
}

/// The map extract: the zones, the site and the companies within 1 km, around the site.
fn extract(state: AppState, site: &Site) -> String {
    let park = state.park().get();
    let origin = site.map;
    // Mercator stretches ground distances by 1 / cos(latitude).
    let half = EXTRACT_HALF_M / site.anchor.lat.to_radians().cos();
    let lines = move |l: &[Vec<MapPoint>]| lines_path(l, origin);
    let polygons = move |p: &[Vec<Vec<MapPoint>>]| polygons_path(p, origin);
    let w = WorldSvg { block: "map", lines: &lines, polygons: &polygons, interactive: None };
    let mut svg = format!(
        r#"<svg class="brief__map" xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" preserveAspectRatio="xMidYMid slice" role="img" aria-hidden="true"><g>{}{}{}</g>"#,
        -half,
        -half,
        2.0 * half,
        2.0 * half,
        w.zones(&park),
        w.trails(&park.waterfront, crate::model::LayerKind::Waterfront),
        w.trails(&park.greenway, crate::model::LayerKind::Greenway)
    );
    for c in crate::sites::companies_within(site, &park.companies, FAR_M)
        .iter()
        .filter_map(|&(i, _)| park.companies.get(i))
    {
        let (x, y) = (c.map.x - origin.x, origin.y - c.map.y);
        svg.push_str(&format!(
            r#"<circle class="brief__company" cx="{x:.0}" cy="{y:.0}" r="{:.0}"/>"#,
            half / 90.0
        ));
    }
    match &site.geom {
        SiteGeom::Parcel(polys) => {
            let rings: Vec<_> = polys.iter().map(|p| p.map_rings.clone()).collect();
            svg.push_str(&format!(
                r#"<path class="brief__site" d="{}" fill-rule="evenodd"/>"#,
                polygons_path(&rings, origin)
            ));
        }
        SiteGeom::Space { .. } => {
            svg.push_str(&format!(
                r#"<rect class="brief__site" x="{0:.0}" y="{0:.0}" width="{1:.0}" height="{1:.0}"/>"#,
                -half / 40.0,
                half / 20.0
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The brief of `site` (hidden on screen).
#[component]
pub fn Brief(sites: SitesState, site: Site) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang().get_untracked();
    let park = state.park().get_untracked();
    let link = Memo::new(move |_| page_link(state));
    let qr = move || link.with(|l| qr_svg(l, 112, st(lang, "brief.qr")).unwrap_or_default());
    let n = neighbours(&site, &park.companies);
    let industries = |groups: &[crate::sites::IndustryGroup]| {
        groups
            .iter()
            .map(|g| {
                format!(
                    "{} {}",
                    crate::i18n::t(lang, &format!("industry.{}", g.industry.key())),
                    g.companies.len()
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let title = state
        .layers
        .manifest()
        .with_untracked(|m| m.as_ref().map(|m| m.name.get(lang).to_owned()))
        .unwrap_or_default();
    view! {
        <section class="brief" aria-hidden="true">
            <header class="brief__head">
                <p class="brief__park">{title}" · "{st(lang, "brief.title")}</p>
                <h2 class="brief__title">{site.name.get(lang).to_owned()}</h2>
            </header>
            <div class="brief__top">
                <div class="brief__extract" inner_html=extract(state, &site)></div>
                <div class="brief__facts">{facts(&site, &park, lang)}</div>
            </div>
            <h3 class="panel__section">{st(lang, "neighbours.title")}</h3>
            <p>{format!("{} ({}): {}", st(lang, "neighbours.near"), n.count_500_m(), industries(&n.within_500_m))}</p>
            <p>{format!("{} ({}): {}", st(lang, "neighbours.far"), n.count_1_km(), industries(&n.within_1_km))}</p>
            {hub_lines(&site, sites, lang)}
            <div class="brief__bottom">
                <div class="brief__contact">{contact(&site, sites, lang)}</div>
                <div class="brief__link">
                    <div class="brief__qr" inner_html=qr></div>
                    <p><span class="brief__label">{st(lang, "brief.link")}</span><br/><span class="brief__url">{move || link.get()}</span></p>
                </div>
            </div>
            <p class="panel__note">{st(lang, "illustrative")}" "{st(lang, "brief.printed")}</p>
        </section>
    }
}
