//! The explore panel: filters (industry, zone, capital, founding year), the park's figures as charts
//! (click a bar to filter) and a side-by-side comparison of zones.

use super::charts::{Bar, BarChart};
use crate::filter::Stats;
use crate::i18n::{format_capital, format_int, format_km2, t, CapitalScale};
use crate::model::Industry;
use crate::ui::state::{use_app_state, Local};
use leptos::prelude::*;

/// Capital inputs are in millions of yuan.
const CAPITAL_UNIT: f64 = 1e6;

fn parse_opt<T: std::str::FromStr>(s: &str) -> Option<T> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        s.parse().ok()
    }
}

/// The panel, shown while `explore.open`.
#[component]
pub fn ExplorePanel() -> impl IntoView {
    let state = use_app_state();
    let filter = state.filter;
    let lang = move || state.lang().get();
    let stats = Memo::new(move |_| filter.filter().with(|f| state.park().with(|p| Stats::compute(p, f))));
    let compare = Local::new(Vec::<String>::new());

    // "Other" (industries the data named but ParkMap does not know) only where the park has some.
    let has_other = move || state.park().with(|p| p.companies.iter().any(|c| c.industry == Industry::Other));
    let industry_boxes = move || {
        let lang = lang();
        let other = has_other();
        Industry::ALL
            .iter()
            .filter(|&&ind| ind != Industry::Other || other)
            .map(|&ind| {
                view! {
                    <label class="explore__check">
                        <input type="checkbox" prop:checked=move || filter.filter().with(|f| f.industries.contains(&ind))
                            on:change=move |_| filter.change(|f| { if !f.industries.remove(&ind) { f.industries.insert(ind); } })/>
                        <span class=format!("legend__swatch explore__swatch--{}", ind.as_class()) aria-hidden="true"></span>
                        {t(lang, &format!("industry.{}", ind.key()))}
                    </label>
                }
            })
            .collect_view()
    };
    let zone_options = move || {
        let lang = lang();
        state.park().get().zones.iter().map(|z| view! { <option value=z.id.clone() selected={let id = z.id.clone(); move || filter.filter().with(|f| f.zone.as_ref() == Some(&id))}>{z.name.get(lang).to_owned()}</option> }).collect_view()
    };
    let set_capital = move |end: usize| {
        move |ev: leptos::ev::Event| {
            let v = parse_opt::<f64>(&event_target_value(&ev))
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map(|v| (v * CAPITAL_UNIT).round() as u64);
            filter.change(|f| if end == 0 { f.capital_yuan.0 = v } else { f.capital_yuan.1 = v });
        }
    };
    let set_year = move |end: usize| {
        move |ev: leptos::ev::Event| {
            let v = parse_opt::<i32>(&event_target_value(&ev));
            filter.change(|f| if end == 0 { f.founded.0 = v } else { f.founded.1 = v });
        }
    };
    let capital_value = move |end: usize| {
        move || {
            filter
                .filter()
                .with(|f| if end == 0 { f.capital_yuan.0 } else { f.capital_yuan.1 })
                .map(|y| format!("{}", y as f64 / CAPITAL_UNIT))
                .unwrap_or_default()
        }
    };
    let year_value = move |end: usize| {
        move || {
            filter
                .filter()
                .with(|f| if end == 0 { f.founded.0 } else { f.founded.1 })
                .map(|y| y.to_string())
                .unwrap_or_default()
        }
    };

    let figures = move || {
        let lang = lang();
        let s = stats.get();
        let f = filter.filter().get();
        let park = state.park().get();
        let other = has_other();
        // one unit and one precision for every figure of a chart (its largest value's)
        let industries_scale = CapitalScale::for_largest(
            s.by_industry.iter().map(|(_, b)| b.capital_yuan).max().unwrap_or(0),
            lang,
        );
        let zones_scale =
            CapitalScale::for_largest(s.by_zone.iter().map(|(_, b)| b.capital_yuan).max().unwrap_or(0), lang);
        let by_industry: Vec<Bar> = s
            .by_industry
            .iter()
            .filter(|(ind, _)| *ind != Industry::Other || other)
            .map(|(ind, b)| Bar {
                label: t(lang, &format!("industry.{}", ind.key())).to_owned(),
                value: b.count as f64,
                text: format!(
                    "{} · {}",
                    format_int(b.count as u64, lang),
                    industries_scale.format(b.capital_yuan, lang)
                ),
                class: ind.as_class(),
                active: f.industries.contains(ind),
            })
            .collect();
        let industries: Vec<Industry> = s.by_industry.iter().map(|(i, _)| *i).collect();
        let by_zone: Vec<Bar> = s
            .by_zone
            .iter()
            .filter_map(|(id, b)| {
                let z = park.zone(id)?;
                Some(Bar {
                    label: z.name.get(lang).to_owned(),
                    value: b.count as f64,
                    text: format!(
                        "{} · {}",
                        format_int(b.count as u64, lang),
                        zones_scale.format(b.capital_yuan, lang)
                    ),
                    class: z.category.as_class(),
                    active: f.zone.as_ref() == Some(id),
                })
            })
            .collect();
        let zone_ids: Vec<String> =
            s.by_zone.iter().filter(|(id, _)| park.zone(id).is_some()).map(|(id, _)| id.clone()).collect();
        let pick_industry = Callback::new(move |i: usize| {
            if let Some(&ind) = industries.get(i) {
                filter.change(|f| {
                    if !f.industries.remove(&ind) {
                        f.industries.insert(ind);
                    }
                });
            }
        });
        let pick_zone = Callback::new(move |i: usize| {
            if let Some(id) = zone_ids.get(i).cloned() {
                filter.change(|f| f.zone = if f.zone.as_ref() == Some(&id) { None } else { Some(id) });
            }
        });
        view! {
            <dl class="explore__totals">
                <div><dt>{t(lang, "explore.total_companies")}</dt><dd class="explore__big">{format_int(s.total.count as u64, lang)}</dd></div>
                <div><dt>{t(lang, "explore.total_capital")}</dt><dd class="explore__big">{format_capital(s.total.capital_yuan, lang)}</dd></div>
            </dl>
            <h3 class="panel__section">{t(lang, "explore.by_industry")}</h3>
            <BarChart title=t(lang, "explore.by_industry").to_owned() bars=by_industry on_pick=pick_industry/>
            <h3 class="panel__section">{t(lang, "explore.by_zone")}</h3>
            <BarChart title=t(lang, "explore.by_zone").to_owned() bars=by_zone on_pick=pick_zone/>
        }
    };

    // Available land and space (the site finder's sites, fetched with its chunk when this opens):
    // by zone in area, by type in sites; a bar opens the finder (filtered by that type).
    state.chunks.sites.load(state);
    let site_figures = move || {
        let lang = lang();
        let park = state.park().get();
        if park.sites.is_empty() {
            return None;
        }
        let stats = crate::sites::SiteStats::compute(&park, &crate::sites::SiteFilter::default());
        let by_zone: Vec<Bar> = stats
            .by_zone
            .iter()
            .filter(|(_, b)| b.available > 0)
            .filter_map(|(id, b)| {
                let z = park.zone(id)?;
                Some(Bar {
                    label: z.name.get(lang).to_owned(),
                    value: b.available_area_m2,
                    text: format!(
                        "{} · {}",
                        crate::sites::site_count(b.available as u64, "n.sites", lang),
                        crate::sites::format_hectares(b.available_area_m2, lang)
                    ),
                    class: z.category.as_class(),
                    active: false,
                })
            })
            .collect();
        let types: Vec<_> = stats.by_type.iter().filter(|(_, b)| b.available > 0).map(|(t, _)| *t).collect();
        let by_type: Vec<Bar> = stats
            .by_type
            .iter()
            .filter(|(_, b)| b.available > 0)
            .map(|(t, b)| Bar {
                label: crate::sites::st(lang, &format!("type.{}", t.key())).to_owned(),
                value: b.available as f64,
                text: crate::sites::site_count(b.available as u64, "n.sites", lang),
                class: format!("site-{}", t.as_class()),
                active: false,
            })
            .collect();
        let open_finder = Callback::new(move |_: usize| state.open_sites(true));
        let pick_type = Callback::new(move |i: usize| {
            if let Some(&t) = types.get(i) {
                state.open_sites(true);
                let params = crate::embed::SiteFilterParams { types: vec![t], ..Default::default() };
                state.chunks.sites.load_then(state, move |sites| sites.set_filter.run(params));
            }
        });
        let st = |key| crate::sites::st(lang, key);
        Some(view! {
            <h3 class="panel__section">{st("figures.title")}</h3>
            {if by_zone.is_empty() {
                view! { <p>{st("figures.none")}</p> }.into_any()
            } else {
                view! {
                    <BarChart title=st("figures.by_zone").to_owned() bars=by_zone on_pick=open_finder/>
                    <BarChart title=st("figures.by_type").to_owned() bars=by_type on_pick=pick_type/>
                }.into_any()
            }}
        })
    };

    let comparison = move || {
        let lang = lang();
        let park = state.park().get();
        let chosen = compare.get();
        let picks = park
            .zones
            .iter()
            .map(|z| {
                let id = z.id.clone();
                let id2 = z.id.clone();
                view! {
                    <label class="explore__check">
                        <input type="checkbox" prop:checked=move || compare.with(|c| c.contains(&id))
                            on:change=move |_| compare.update(|c| if let Some(i) = c.iter().position(|x| *x == id2) { c.remove(i); } else { c.push(id2.clone()); })/>
                        {z.name.get(lang).to_owned()}
                    </label>
                }
            })
            .collect_view();
        let table = (chosen.len() >= 2).then(|| {
            let zones: Vec<_> = chosen.iter().filter_map(|id| park.zone(id)).collect();
            let stat = |id: &str| -> (usize, u64, Option<Industry>) {
                let cs: Vec<_> = park.companies_in_zone(id).collect();
                let mut counts = std::collections::BTreeMap::new();
                for c in &cs {
                    *counts.entry(c.industry).or_insert(0usize) += 1;
                }
                let top = counts.into_iter().max_by_key(|(_, n)| *n).map(|(i, _)| i);
                (cs.len(), cs.iter().filter_map(|c| c.capital_yuan).sum(), top)
            };
            let cells = |f: &dyn Fn(&crate::model::Zone) -> String| zones.iter().map(|z| view! { <td>{f(z)}</td> }).collect_view();
            view! {
                <table class="explore__compare">
                    <thead><tr><th scope="col">{t(lang, "panel.zone")}</th>{zones.iter().map(|z| view! { <th scope="col">{z.name.get(lang).to_owned()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        <tr><th scope="row">{t(lang, "field.companies")}</th>{cells(&|z| format_int(stat(&z.id).0 as u64, lang))}</tr>
                        <tr><th scope="row">{t(lang, "field.capital_total")}</th>{cells(&|z| format_capital(stat(&z.id).1, lang))}</tr>
                        <tr><th scope="row">{t(lang, "field.area")}</th>{cells(&|z| format_km2(z.area_m2(), lang))}</tr>
                        <tr><th scope="row">{t(lang, "explore.top_industry")}</th>{cells(&|z| stat(&z.id).2.map(|i| t(lang, &format!("industry.{}", i.key())).to_owned()).unwrap_or_else(|| "—".into()))}</tr>
                    </tbody>
                </table>
            }
        });
        view! { <div class="explore__picks">{picks}</div>{table} }
    };

    move || {
        state.explore.is_open().then(|| {
            view! {
                <section class="explore" role="region" aria-labelledby="explore-title">
                    <button type="button" class="panel__close" aria-label=state.tr("close") on:click=move |_| state.open_explore(false)>"×"</button>
                    <h2 id="explore-title" class="panel__title">{state.tr("explore.title")}</h2>
                    <p class="explore__count" role="status">{move || format!("{} {} {}", format_int(filter.matches() as u64, lang()), state.t("explore.of"), format_int(state.park().with(|p| p.companies.len()) as u64, lang()))}</p>
                    <button type="button" class="planner__button" on:click=move |_| filter.clear()>{state.tr("explore.clear")}</button>
                    <fieldset class="explore__group"><legend>{state.tr("field.industry")}</legend>{industry_boxes}</fieldset>
                    <label class="planner__field">{state.tr("field.zone")}
                        <select class="planner__select" on:change=move |ev| { let v = event_target_value(&ev); filter.change(|f| f.zone = (!v.is_empty()).then_some(v)); }>
                            <option value="" selected=move || filter.filter().with(|f| f.zone.is_none())>{state.tr("explore.all_zones")}</option>
                            {zone_options}
                        </select>
                    </label>
                    <div class="planner__speeds">
                        <label class="planner__field">{state.tr("explore.capital_min")}
                            <input type="number" min="0" step="1" prop:value=capital_value(0) on:change=set_capital(0)/></label>
                        <label class="planner__field">{state.tr("explore.capital_max")}
                            <input type="number" min="0" step="1" prop:value=capital_value(1) on:change=set_capital(1)/></label>
                    </div>
                    <div class="planner__speeds">
                        <label class="planner__field">{state.tr("explore.year_min")}
                            <input type="number" min="1900" max="2100" prop:value=year_value(0) on:change=set_year(0)/></label>
                        <label class="planner__field">{state.tr("explore.year_max")}
                            <input type="number" min="1900" max="2100" prop:value=year_value(1) on:change=set_year(1)/></label>
                    </div>
                    {figures}
                    {site_figures}
                    <h3 class="panel__section">{state.tr("explore.compare")}</h3>
                    {comparison}
                </section>
            }
        })
    }
}
