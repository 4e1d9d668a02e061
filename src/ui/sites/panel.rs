//! A site's panel — every attribute in the reader's language and units, its neighbours by industry
//! (each company a button), the nearest service center and greenway access, the distances to the
//! city's hubs with an indicative drive time and its assumptions, the investment office — and the
//! comparison of up to four sites. Printed while a site's panel is open, the page is the site's
//! one-page brief ([`super::brief`]): style/sites.css hides the rest.

use super::brief::Brief;
use crate::i18n::{format_km, format_minutes, t, Lang};
use crate::model::{Park, Site};
use crate::sites::{
    best_of, format_area, format_price, greenway_access, hub_distances, nearest_poi, neighbours, st, yes_no,
    Better, IndustryGroup,
};
use crate::ui::state::{use_app_state, AppState, Selection, SitesState};
use leptos::prelude::*;

pub(super) fn row(label: &'static str, value: String) -> impl IntoView {
    view! { <div class="panel__row"><dt>{label}</dt><dd>{value}</dd></div> }
}

pub(super) fn number(v: Option<f64>, unit: &str, lang: Lang) -> String {
    v.map(|v| {
        let digits = if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") };
        let digits = if lang == Lang::Ru { digits.replace('.', ",") } else { digits };
        if unit.is_empty() {
            digits
        } else {
            format!("{digits} {unit}")
        }
    })
    .unwrap_or_else(|| "—".into())
}

/// The attribute rows of a site (the panel's, the brief's).
pub(super) fn facts(site: &Site, park: &Park, lang: Lang) -> impl IntoView {
    let zone = site.zone.as_deref().and_then(|z| park.zone(z)).map(|z| z.name.get(lang).to_owned());
    let u = site.utilities;
    view! {
        <dl class="panel__facts">
            {row(st(lang, "field.type"), st(lang, &format!("type.{}", site.kind.key())).to_owned())}
            {site.area_m2.map(|a| row(st(lang, "field.area"), format_area(a, lang)))}
            {site.land_use.map(|l| row(st(lang, "field.land_use"), st(lang, &format!("land_use.{}", l.key())).to_owned()))}
            {site.status.map(|s| row(st(lang, "field.status"), st(lang, &format!("status.{}", s.key())).to_owned()))}
            {row(st(lang, "field.price"), format_price(site.price, lang))}
            {site.available_from.map(|d| row(st(lang, "field.available_from"), crate::i18n::format_date(&d.to_string(), lang)))}
            {site.plot_ratio_max.map(|r| row(st(lang, "field.plot_ratio"), number(Some(r), "", lang)))}
            {site.height_max_m.map(|h| row(st(lang, "field.height"), number(Some(h), st(lang, "unit.m"), lang)))}
            {row(st(lang, "field.power"), number(u.power_kva, st(lang, "unit.kva"), lang))}
            {row(st(lang, "field.water"), number(u.water_m3_day, st(lang, "unit.m3_day"), lang))}
            {row(st(lang, "util.gas"), yes_no(u.gas, lang).to_owned())}
            {row(st(lang, "util.fibre"), yes_no(u.fibre, lang).to_owned())}
            {row(st(lang, "util.district_heating"), yes_no(u.district_heating, lang).to_owned())}
            {zone.map(|z| row(st(lang, "field.zone"), z))}
        </dl>
    }
}

/// One neighbourhood's industries, each with its count and its companies as buttons.
fn groups(state: AppState, groups: &[IndustryGroup], park: &Park, lang: Lang) -> AnyView {
    if groups.is_empty() {
        return view! { <p>{st(lang, "neighbours.none")}</p> }.into_any();
    }
    groups
        .iter()
        .map(|g| {
            let companies = g
                .companies
                .iter()
                .filter_map(|&i| park.companies.get(i))
                .map(|c| {
                    let id = c.id.clone();
                    view! { <li><button type="button" class="panel__link"
                        on:click=move |_| state.select(Selection::company(id.clone()))>{c.name.get(lang).to_owned()}</button></li> }
                })
                .collect_view();
            view! {
                <details class="sites__group">
                    <summary>{format!("{} ({})", t(lang, &format!("industry.{}", g.industry.key())), g.companies.len())}</summary>
                    <ul class="panel__list">{companies}</ul>
                </details>
            }
        })
        .collect_view()
        .into_any()
}

/// The hub lines: "Harbin Taiping International Airport — 31.9 km · about 1 h 02 min by car".
pub(super) fn hub_lines(site: &Site, sites: SitesState, lang: Lang) -> impl IntoView {
    let hubs = sites.hubs().get();
    let d = hub_distances(site.anchor, &hubs);
    let note = st(lang, "drive.note")
        .replace("{factor}", &number(Some(d.assumptions.road_factor), "", lang))
        .replace("{speed}", &number(Some(d.assumptions.average_speed_kmh), "", lang));
    let lines = d
        .hubs
        .iter()
        .filter_map(|h| {
            let hub = hubs.get(h.hub)?;
            let drive = st(lang, "drive.time").replace("{minutes}", &format_minutes(h.drive_minutes, lang));
            Some(view! { <li>{format!("{} — {} · {drive}", hub.name.get(lang), format_km(h.distance_m, lang))}</li> })
        })
        .collect_view();
    (!hubs.is_empty()).then(|| {
        view! {
            <h3 class="panel__section">{st(lang, "hubs.title")}</h3>
            <ul class="sites__hubs">{lines}</ul>
            <p class="panel__note">{note}</p>
        }
    })
}

/// The office's lines and the "contact" link (`mailto:` with the site's id in the subject, else
/// `tel:`).
pub(super) fn contact(site: &Site, sites: SitesState, lang: Lang) -> impl IntoView {
    let office = sites.contact().get()?;
    let subject = format!("{} {} ({})", st(lang, "contact.subject"), site.name.get(lang), site.id);
    let href = office.mailto_uri(&subject).or_else(|| office.tel_uri());
    Some(view! {
        <h3 class="panel__section">{st(lang, "contact.title")}</h3>
        <dl class="panel__facts">
            {row(st(lang, "contact.name"), office.name.get(lang).to_owned())}
            {office.phone.clone().map(|p| view! { <div class="panel__row"><dt>{st(lang, "field.phone")}</dt>
                <dd><a href=office.tel_uri().unwrap_or_default()>{p}</a></dd></div> })}
            {office.email.clone().map(|e| view! { <div class="panel__row"><dt>{st(lang, "field.email")}</dt>
                <dd><a href=office.mailto_uri(&subject).unwrap_or_default()>{e}</a></dd></div> })}
            {office.address.as_ref().map(|a| row(st(lang, "field.address"), a.get(lang).to_owned()))}
            {office.website.clone().map(|w| { let href = w.clone(); view! { <div class="panel__row"><dt>{st(lang, "field.website")}</dt>
                <dd><a href=href target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{w}</a></dd></div> }})}
        </dl>
        {href.map(|h| view! { <p><a class="planner__button sites__contact" href=h>{st(lang, "contact.office")}</a></p> })}
    })
}

/// A site's panel (the detail panel's content when a site is selected).
#[component]
pub fn SitePanel(sites: SitesState, id: String) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    move || {
        let lang = state.lang().get();
        let park = state.park().get();
        let Some(site) = id.with_value(|id| park.site(id).cloned()) else {
            return view! { <p class="sites__status" role="status">{st(lang, "loading")}</p> }.into_any();
        };
        let n = neighbours(&site, &park.companies);
        let service = nearest_poi(&site, &park.pois, crate::model::PoiKind::ServiceCenter);
        let greenway = greenway_access(&site, &park.greenway);
        let near = view! {
            <h3 class="panel__section">{st(lang, "near.title")}</h3>
            <dl class="panel__facts">
                {service.and_then(|s| park.pois.get(s.index).map(|p| row(st(lang, "near.service_center"),
                    format!("{} — {}", p.name.get(lang), format_km(s.distance_m, lang)))))}
                {greenway.and_then(|g| park.greenway.get(g.trail).map(|tr| row(st(lang, "near.greenway"),
                    format!("{} — {}", tr.name.get(lang), format_km(g.distance_m, lang)))))}
            </dl>
        };
        let sid = StoredValue::new(site.id.clone());
        let compared = move || sid.with_value(|id| sites.compared().with(|c| c.contains(id)));
        let toggle_id = site.id.clone();
        let full = move || sites.compared().with(|c| c.len() >= crate::ui::state::MAX_COMPARED);
        view! {
            <p class="panel__kind">{st(lang, &format!("type.{}", site.kind.key()))}</p>
            <h2 id="panel-title" class="panel__title">{site.name.get(lang).to_owned()}</h2>
            {facts(&site, &park, lang)}
            {site.description.as_ref().map(|d| view! { <p class="panel__description">{d.get(lang).to_owned()}</p> })}
            {site.illustrative.then(|| view! { <p class="panel__note">{st(lang, "illustrative")}</p> })}
            <div class="planner__row">
                <button type="button" class="planner__button" aria-pressed=move || compared().to_string()
                    disabled=move || !compared() && full()
                    on:click=move |_| { sites.toggle_compared(&toggle_id); }>
                    {move || st(lang, if compared() { "compare.remove" } else { "compare.add" })}
                </button>
                <button type="button" class="planner__button" on:click=move |_| { let _ = window().print(); }>{st(lang, "print")}</button>
            </div>
            {move || (full() && !compared()).then(|| view! { <p class="panel__note">{st(lang, "compare.full")}</p> })}
            <h3 class="panel__section">{st(lang, "neighbours.title")}</h3>
            <h4 class="sites__subsection">{format!("{} ({})", st(lang, "neighbours.near"), n.count_500_m())}</h4>
            {groups(state, &n.within_500_m, &park, lang)}
            <h4 class="sites__subsection">{format!("{} ({})", st(lang, "neighbours.far"), n.count_1_km())}</h4>
            {groups(state, &n.within_1_km, &park, lang)}
            {near}
            {hub_lines(&site, sites, lang)}
            {contact(&site, sites, lang)}
            <Brief sites=sites site=site.clone()/>
        }
        .into_any()
    }
}

/// One row of the comparison: a label, each site's value as text, and which is best.
fn compare_row(
    label: String,
    cells: Vec<(String, Option<f64>)>,
    better: Option<Better>,
    lang: Lang,
) -> impl IntoView {
    let best = better.map_or_else(
        || vec![false; cells.len()],
        |b| best_of(&cells.iter().map(|c| c.1).collect::<Vec<_>>(), b),
    );
    let tds = cells
        .into_iter()
        .zip(best)
        .map(|((text, _), best)| {
            view! { <td class:compare__best=best>{text}{best.then(|| view! { <span class="compare__mark">{format!(" ✓ {}", st(lang, "compare.best"))}</span> })}</td> }
        })
        .collect_view();
    view! { <tr><th scope="row">{label}</th>{tds}</tr> }
}

/// The comparison of the picked sites: every attribute, the neighbours, the hubs; the best value of
/// each row marked.
#[component]
pub fn Comparison(sites: SitesState) -> impl IntoView {
    let state = use_app_state();
    move || {
        let lang = state.lang().get();
        let park = state.park().get();
        let picked: Vec<Site> =
            sites.compared().with(|c| c.iter().filter_map(|id| park.site(id).cloned()).collect());
        if picked.is_empty() {
            return None;
        }
        let hubs = sites.hubs().get();
        let cells = |f: &dyn Fn(&Site) -> (String, Option<f64>)| picked.iter().map(f).collect::<Vec<_>>();
        let text = |f: &dyn Fn(&Site) -> String| picked.iter().map(|s| (f(s), None)).collect::<Vec<_>>();
        let counts: Vec<_> = picked.iter().map(|s| neighbours(s, &park.companies)).collect();
        let distances: Vec<_> = picked.iter().map(|s| hub_distances(s.anchor, &hubs)).collect();
        // A price compares with prices of the same kind only (sales with sales, rents with rents).
        let kinds: Vec<_> = picked.iter().map(|s| s.price.map(|p| std::mem::discriminant(&p))).collect();
        let same_price_kind = kinds.iter().all(|k| k.is_some() && *k == kinds[0]);
        let price_value = |s: &Site| match s.price {
            Some(crate::model::Price::Sale { yuan_m2 }) => Some(yuan_m2),
            Some(crate::model::Price::Rent { yuan_m2_month }) => Some(yuan_m2_month),
            _ => None,
        };
        let heads = picked
            .iter()
            .map(|s| {
                let (id, id2) = (s.id.clone(), s.id.clone());
                view! { <th scope="col">
                    <button type="button" class="panel__link" on:click=move |_| super::layer::select(state, &id)>{s.name.get(lang).to_owned()}</button>
                    <button type="button" class="planner__icon" aria-label=format!("{} {}", st(lang, "compare.remove"), s.name.get(lang))
                        on:click=move |_| { sites.toggle_compared(&id2); }>"×"</button>
                </th> }
            })
            .collect_view();
        let hub_rows = hubs
            .iter()
            .enumerate()
            .map(|(k, hub)| {
                let values = distances.iter().map(|d| {
                    let h = d.hubs.iter().find(|h| h.hub == k);
                    (
                        h.map(|h| format_km(h.distance_m, lang)).unwrap_or_else(|| "—".into()),
                        h.map(|h| h.distance_m),
                    )
                });
                compare_row(hub.name.get(lang).to_owned(), values.collect(), Some(Better::Less), lang)
            })
            .collect_view();
        Some(view! {
            <h3 class="panel__section" id="compare-title">{st(lang, "compare.title")}</h3>
            <div class="sites__scroll">
                <table class="explore__compare sites__compare" aria-labelledby="compare-title">
                    <thead><tr><th scope="col">{st(lang, "list.name")}</th>{heads}</tr></thead>
                    <tbody>
                        {compare_row(st(lang, "field.type").into(), text(&|s| st(lang, &format!("type.{}", s.kind.key())).into()), None, lang)}
                        {compare_row(st(lang, "field.area").into(), cells(&|s| (s.area_m2.map(|a| format_area(a, lang)).unwrap_or_else(|| "—".into()), s.area_m2)), Some(Better::More), lang)}
                        {compare_row(st(lang, "field.land_use").into(), text(&|s| s.land_use.map(|l| st(lang, &format!("land_use.{}", l.key())).to_owned()).unwrap_or_else(|| "—".into())), None, lang)}
                        {compare_row(st(lang, "field.status").into(), text(&|s| s.status.map(|v| st(lang, &format!("status.{}", v.key())).to_owned()).unwrap_or_else(|| "—".into())), None, lang)}
                        {compare_row(st(lang, "field.price").into(), cells(&|s| (format_price(s.price, lang), price_value(s))), same_price_kind.then_some(Better::Less), lang)}
                        {compare_row(st(lang, "field.plot_ratio").into(), cells(&|s| (number(s.plot_ratio_max, "", lang), s.plot_ratio_max)), Some(Better::More), lang)}
                        {compare_row(st(lang, "field.height").into(), cells(&|s| (number(s.height_max_m, st(lang, "unit.m"), lang), s.height_max_m)), Some(Better::More), lang)}
                        {compare_row(st(lang, "field.power").into(), cells(&|s| (number(s.utilities.power_kva, st(lang, "unit.kva"), lang), s.utilities.power_kva)), Some(Better::More), lang)}
                        {compare_row(st(lang, "field.water").into(), cells(&|s| (number(s.utilities.water_m3_day, st(lang, "unit.m3_day"), lang), s.utilities.water_m3_day)), Some(Better::More), lang)}
                        {compare_row(st(lang, "util.gas").into(), text(&|s| yes_no(s.utilities.gas, lang).into()), None, lang)}
                        {compare_row(st(lang, "util.fibre").into(), text(&|s| yes_no(s.utilities.fibre, lang).into()), None, lang)}
                        {compare_row(st(lang, "util.district_heating").into(), text(&|s| yes_no(s.utilities.district_heating, lang).into()), None, lang)}
                        {compare_row(st(lang, "neighbours.near").into(), counts.iter().map(|n| (n.count_500_m().to_string(), Some(n.count_500_m() as f64))).collect(), Some(Better::More), lang)}
                        {compare_row(st(lang, "neighbours.far").into(), counts.iter().map(|n| (n.count_1_km().to_string(), Some(n.count_1_km() as f64))).collect(), Some(Better::More), lang)}
                        {hub_rows}
                    </tbody>
                </table>
            </div>
            <button type="button" class="planner__button" on:click=move |_| sites.clear_compared()>{st(lang, "compare.clear")}</button>
        })
    }
}
