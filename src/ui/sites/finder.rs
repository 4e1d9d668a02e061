//! The finder panel: the filters (type, area, land use, status, power, utilities, price), the number
//! of matches (always shown, and announced), the matching sites as a sortable list — the accessible
//! alternative to the map — and the comparison of the sites picked.

use super::layer::select;
use crate::model::{LandUse, SiteStatus, SiteType, Utility};
use crate::sites::{format_area, format_price, site_count, sorted_sites, st, SiteColumn, SiteFilter};
use crate::ui::state::{use_app_state, AppState, Local, SitesLoad, SitesState, MAX_COMPARED};
use leptos::prelude::*;

fn parse_whole(s: &str) -> Option<u64> {
    let s = s.trim();
    (!s.is_empty())
        .then(|| s.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round() as u64)
}

/// The site types a finder offers (a site of another type is listed, never asked for).
const TYPES: [SiteType; 5] =
    [SiteType::Land, SiteType::Factory, SiteType::Office, SiteType::Incubator, SiteType::Warehouse];

/// A part of the filter that is a set of a vocabulary's values: how to read it and to change it.
struct SetPart<T: 'static> {
    get: fn(&SiteFilter) -> &std::collections::BTreeSet<T>,
    set: fn(&mut SiteFilter) -> &mut std::collections::BTreeSet<T>,
}

/// A group of checkboxes over a vocabulary, each toggling its value in the filter.
fn checks<T: Copy + Ord + Send + Sync + 'static>(
    state: AppState,
    sites: SitesState,
    legend: &'static str,
    values: &'static [T],
    key: fn(T) -> String,
    part: SetPart<T>,
) -> impl IntoView {
    let SetPart { get, set } = part;
    let boxes = move || {
        let lang = state.lang().get();
        values
            .iter()
            .map(|&v| {
                view! {
                    <label class="explore__check">
                        <input type="checkbox" prop:checked=move || sites.filter().with(|f| get(f).contains(&v))
                            on:change=move |_| sites.change(|f| { let s = set(f); if !s.remove(&v) { s.insert(v); } })/>
                        {st(lang, &key(v))}
                    </label>
                }
            })
            .collect_view()
    };
    view! { <fieldset class="explore__group"><legend>{move || st(state.lang().get(), legend)}</legend>{boxes}</fieldset> }
}

/// A whole-number field of the filter.
fn number(
    state: AppState,
    sites: SitesState,
    label: &'static str,
    get: fn(&SiteFilter) -> Option<u64>,
    put: fn(&mut SiteFilter, Option<u64>),
) -> impl IntoView {
    view! {
        <label class="planner__field">{move || st(state.lang().get(), label)}
            <input type="number" min="0" step="1" inputmode="numeric"
                prop:value=move || sites.filter().with(|f| get(f).map(|v| v.to_string()).unwrap_or_default())
                on:change=move |ev| { let v = parse_whole(&event_target_value(&ev)); sites.change(|f| put(f, v)); }/>
        </label>
    }
}

/// "58,433.0 m² · 5.8 ha · 87.6 mu" as parts that each stay on one line, the line breaking only
/// between them: a narrow table's cell wraps without splitting a figure from its unit.
fn unbroken_parts(text: &str) -> impl IntoView {
    let parts: Vec<String> = text.split(" · ").map(str::to_owned).collect();
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { <span class="sites__part">{part}</span>{(i < last).then_some(" · ")} })
        .collect_view()
}

/// Scrolls the comparison (below the list) into view and moves focus to its title.
fn show_comparison() {
    if let Some(title) = document().get_element_by_id("compare-title") {
        title.scroll_into_view();
        if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&title) {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
        }
    }
}

/// The finder panel, shown while the finder is open.
#[component]
pub fn Finder(sites: SitesState) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang().get();
    let mask = Memo::new(move |_| state.park().with(|p| sites.filter().with(|f| f.mask(&p.sites))));
    let count = move || {
        let (n, total) = (mask.with(|m| m.iter().filter(|&&b| b).count()), mask.with(Vec::len));
        format!(
            "{} / {}",
            site_count(n as u64, "n.sites_match", lang()),
            crate::i18n::format_int(total as u64, lang())
        )
    };
    // A fifth site refused for the comparison: said beside the comparison's line, until the next toggle.
    let refused = Local::new(false);
    let header = move |col: SiteColumn, key: &'static str| {
        let aria = move || match sites.sort().get() {
            (c, true) if c == col => "ascending",
            (c, false) if c == col => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="list__sort" on:click=move |_| sites.sort_by(col)>{move || st(lang(), key)}</button>
            </th>
        }
    };
    let rows = move || {
        let lang = lang();
        let park = state.park().get();
        let (col, asc) = sites.sort().get();
        let order = mask.with(|m| sorted_sites(&park, m, col, asc, lang));
        order
            .into_iter()
            .map(|i| {
                let s = &park.sites[i];
                let (id, id_key, id_cmp) = (s.id.clone(), s.id.clone(), s.id.clone());
                let (id_pressed, id_full) = (s.id.clone(), s.id.clone());
                let zone = crate::sites::zone_label(&park, s, lang).unwrap_or_default();
                view! {
                    <tr class="list__row" tabindex="0"
                        on:click=move |_| select(state, &id)
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { select(state, &id_key) }>
                        <td>{s.name.get(lang).to_owned()}</td>
                        <td>{st(lang, &format!("type.{}", s.kind.key()))}</td>
                        <td class="list__num">{s.area_m2.map(|a| unbroken_parts(&format_area(a, lang)))}</td>
                        <td>{s.status.map(|v| st(lang, &format!("status.{}", v.key()))).unwrap_or("—")}</td>
                        <td class="list__num">{format_price(s.price, lang)}</td>
                        <td>{zone}</td>
                        <td>
                            <button type="button" class="sites__compare-toggle"
                                aria-pressed=move || sites.compared().with(|c| c.contains(&id_pressed)).to_string()
                                // four compared: the others' buttons look unavailable and say why
                                // (a press still answers, beside the count)
                                class:sites__compare-toggle--full=move || sites.compared().with(|c| c.len() >= MAX_COMPARED && !c.contains(&id_full))
                                title=move || sites.compared().with(|c| c.len() >= MAX_COMPARED).then(|| st(lang, "compare.full"))
                                aria-label=format!("{} {}", st(lang, "compare.add"), s.name.get(lang))
                                on:click=move |ev| { ev.stop_propagation(); refused.set(!sites.toggle_compared(&id_cmp)); }
                                on:keydown=|ev: web_sys::KeyboardEvent| ev.stop_propagation()>"⇄"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="explore sites" role="region" aria-labelledby="sites-title">
            <button type="button" class="panel__close" aria-label=state.tr("close") on:click=move |_| state.open_sites(false)>"×"</button>
            <h2 id="sites-title" class="panel__title">{move || st(lang(), "title")}</h2>
            <p class="panel__note">{move || st(lang(), "illustrative")}</p>
            {move || match sites.load().get() {
                SitesLoad::Loading => Some(view! { <p class="sites__status" role="status">{st(lang(), "loading")}</p> }.into_any()),
                SitesLoad::Failed(_) => Some(view! {
                    <div class="chunk-failed" role="alert">
                        <span>{state.t("chunk.failed")}</span>
                        <button type="button" class="chunk-failed__retry" on:click=move |_| super::retry(state, sites)>{state.t("retry")}</button>
                    </div>
                }.into_any()),
                SitesLoad::Loaded | SitesLoad::Absent => None,
            }}
            <p class="explore__count" role="status">{count}</p>
            // The comparison is drawn below the list: say it is there, and take the reader to it.
            {move || {
                let n = sites.compared().with(Vec::len);
                (n > 0 || refused.get()).then(|| view! {
                    <p class="sites__comparing" role="status">
                        {move || if refused.get() { st(lang(), "compare.full") } else { "" }}
                        {(n > 0).then(|| view! {
                            <button type="button" class="panel__link" on:click=move |_| show_comparison()>
                                {site_count(n as u64, "n.compared", lang())}</button>
                        })}
                    </p>
                })
            }}
            <button type="button" class="planner__button" on:click=move |_| sites.set_filter(SiteFilter::default())>
                {move || st(lang(), "filter.clear")}</button>
            {checks(state, sites, "field.type", &TYPES, |v| format!("type.{}", v.key()),
                SetPart { get: |f| &f.types, set: |f| &mut f.types })}
            <div class="planner__speeds">
                {number(state, sites, "filter.area_min", |f| f.area_m2.0, |f, v| f.area_m2.0 = v)}
                {number(state, sites, "filter.area_max", |f| f.area_m2.1, |f, v| f.area_m2.1 = v)}
            </div>
            {move || sites.filter().with(|f| matches!(f.area_m2, (Some(lo), Some(hi)) if lo > hi))
                .then(|| view! { <p class="panel__note" role="status">{st(lang(), "filter.area_inverted")}</p> })}
            {checks(state, sites, "field.land_use", LandUse::ALL, |v| format!("land_use.{}", v.key()),
                SetPart { get: |f| &f.land_uses, set: |f| &mut f.land_uses })}
            {checks(state, sites, "field.status", SiteStatus::ALL, |v| format!("status.{}", v.key()),
                SetPart { get: |f| &f.statuses, set: |f| &mut f.statuses })}
            {number(state, sites, "filter.power", |f| f.min_power_kva, |f, v| f.min_power_kva = v)}
            {checks(state, sites, "field.utilities", Utility::ALL, |v| format!("util.{}", v.key()),
                SetPart { get: |f| &f.utilities, set: |f| &mut f.utilities })}
            <div class="planner__speeds">
                {number(state, sites, "filter.sale", |f| f.max_sale_yuan_m2, |f, v| f.max_sale_yuan_m2 = v)}
                {number(state, sites, "filter.rent", |f| f.max_rent_yuan_m2_month, |f, v| f.max_rent_yuan_m2_month = v)}
            </div>
            <h3 class="panel__section">{move || st(lang(), "list.title")}</h3>
            <div class="sites__scroll">
                <table class="list__table sites__list" aria-labelledby="sites-title">
                    <thead><tr>
                        {header(SiteColumn::Name, "list.name")}
                        {header(SiteColumn::Type, "field.type")}
                        {header(SiteColumn::Area, "field.area")}
                        {header(SiteColumn::Status, "field.status")}
                        {header(SiteColumn::Price, "field.price")}
                        {header(SiteColumn::Zone, "field.zone")}
                        <th scope="col"><span class="visually-hidden">{move || st(lang(), "compare.title")}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <super::panel::Comparison sites=sites/>
        </section>
    }
}
