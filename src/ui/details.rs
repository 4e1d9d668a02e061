//! The detail views of the panel (a chunk, entered when something is first selected or when the
//! map is idle): a company, a zone with its companies, a trail, a facility, and "About the data".
//! Every text from data is rendered as text, never as HTML.

use super::chunk::chunk;
use super::state::{AppState, Selection};
use crate::feature::{FeatureKind, FeatureRef};
use crate::i18n::{format_capital, format_int, format_km, format_km2, t, Lang};
use crate::model::{Company, Park, Poi, Trail, Zone};
use leptos::prelude::*;
use std::sync::Arc;

/// What the panel shows for a selection, if it names something there.
type Content = dyn Fn(&Selection) -> Option<AnyView> + Send + Sync;

/// The details chunk's face: the panel's content for a selection.
#[derive(Clone)]
pub struct DetailsFace(Arc<Content>);

impl DetailsFace {
    /// What the panel shows for `sel` (reactive: language, park), if it names something there.
    pub fn content(&self, sel: &Selection) -> Option<AnyView> {
        (self.0)(sel)
    }
}

chunk!(details: DetailsFace = fn details_chunk(state) {
    Ok(DetailsFace(Arc::new(move |sel| content(state, sel))))
});

fn row(label: &'static str, value: String) -> impl IntoView {
    view! { <div class="panel__row"><dt>{label}</dt><dd>{value}</dd></div> }
}

fn company_view(c: &Company, park: &Park, lang: Lang) -> AnyView {
    let zone = c.zone.as_ref().and_then(|z| park.zone(z)).map(|z| z.name.get(lang).to_owned());
    view! {
        <p class="panel__kind">{t(lang, "panel.company")}</p>
        <h2 id="panel-title" class="panel__title">{c.name.get(lang).to_owned()}</h2>
        <p class="panel__subtitle" lang=if lang == Lang::Zh { "en" } else { "zh" }>
            {if lang == Lang::Zh { c.name.en.clone() } else { c.name.zh.clone() }}
        </p>
        <dl class="panel__facts">
            {row(t(lang, "field.industry"), t(lang, &format!("industry.{}", c.industry.key())).to_owned())}
            {c.sector.as_deref().map(|s| row(t(lang, "field.sector"), crate::i18n::value_label(lang, "sector", s)))}
            {zone.map(|z| row(t(lang, "field.zone"), z))}
            {c.capital_yuan.map(|y| row(t(lang, "field.capital"), format_capital(y, lang)))}
            {c.founded.map(|y| row(t(lang, "field.founded"), y.to_string()))}
            {c.address.as_ref().map(|a| row(t(lang, "field.address"), a.get(lang).to_owned()))}
            {c.website.clone().map(|w| { let href = w.clone(); view! {
                <div class="panel__row"><dt>{t(lang, "field.website")}</dt>
                <dd><a href=href target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{w}</a></dd></div>
            }})}
        </dl>
        {c.description.as_ref().map(|d| view! { <p class="panel__description">{d.get(lang).to_owned()}</p> })}
        {c.illustrative.then(|| view! { <p class="panel__note">{t(lang, "illustrative")}</p> })}
    }
    .into_any()
}

fn zone_view(state: AppState, z: &Zone, park: &Park, lang: Lang) -> AnyView {
    let companies: Vec<&Company> = park.companies_in_zone(&z.id).collect();
    let capital: u64 = companies.iter().filter_map(|c| c.capital_yuan).sum();
    let industries = z
        .industries
        .iter()
        .map(|i| t(lang, &format!("industry.{}", i.key())))
        .collect::<Vec<_>>()
        .join(" · ");
    let list = companies
        .iter()
        .map(|c| {
            let id = c.id.clone();
            view! { <li><button type="button" class="panel__link" on:click=move |_| state.select(Selection::company(id.clone()))>
                {c.name.get(lang).to_owned()}</button></li> }
        })
        .collect_view();
    view! {
        <p class="panel__kind">{t(lang, "panel.zone")}</p>
        <h2 id="panel-title" class="panel__title">{z.name.get(lang).to_owned()}</h2>
        <dl class="panel__facts">
            {row(t(lang, "field.category"), t(lang, &format!("category.{}", z.category.key())).to_owned())}
            {row(t(lang, "field.area"), format_km2(z.area_m2(), lang))}
            {(!industries.is_empty()).then(|| row(t(lang, "field.industries"), industries))}
            {row(t(lang, "field.companies"), format_int(companies.len() as u64, lang))}
            {row(t(lang, "field.capital_total"), format_capital(capital, lang))}
        </dl>
        {z.description.as_ref().map(|d| view! { <p class="panel__description">{d.get(lang).to_owned()}</p> })}
        <h3 class="panel__section">{t(lang, "zone.company_list")}</h3>
        {if companies.is_empty() {
            view! { <p>{t(lang, "zone.no_companies")}</p> }.into_any()
        } else {
            view! { <ul class="panel__list">{list}</ul> }.into_any()
        }}
    }
    .into_any()
}

fn trail_view(tr: &Trail, lang: Lang) -> AnyView {
    let yes_no = |b: bool| t(lang, if b { "yes" } else { "no" }).to_owned();
    view! {
        <p class="panel__kind">{t(lang, if tr.kind == crate::model::TrailKind::Greenway { "layer.greenway" } else { "layer.waterfront" })}</p>
        <h2 id="panel-title" class="panel__title">{tr.name.get(lang).to_owned()}</h2>
        <dl class="panel__facts">
            {row(t(lang, "field.length"), format_km(tr.length_m(), lang))}
            {row(t(lang, "field.status"), t(lang, if tr.closed { "status.closed" } else { "status.open" }).to_owned())}
            {tr.surface.map(|s| row(t(lang, "field.surface"), t(lang, &format!("surface.{}", s.key())).to_owned()))}
            {tr.lit.map(|l| row(t(lang, "field.lit"), yes_no(l)))}
            {tr.winter.map(|w| row(t(lang, "field.winter"), t(lang, &format!("winter.{}", w.key())).to_owned()))}
            {(!tr.sponge.is_empty()).then(|| row(t(lang, "field.sponge"), tr.sponge.iter().map(|f| crate::i18n::value_label(lang, "sponge", f)).collect::<Vec<_>>().join(" · ")))}
        </dl>
    }
    .into_any()
}

fn poi_view(p: &Poi, lang: Lang) -> AnyView {
    view! {
        <p class="panel__kind">{t(lang, &format!("poi.{}", p.kind.key()))}</p>
        <h2 id="panel-title" class="panel__title">{p.name.get(lang).to_owned()}</h2>
        {p.description.as_ref().map(|d| view! { <p class="panel__description">{d.get(lang).to_owned()}</p> })}
    }
    .into_any()
}

fn about_view(state: AppState, lang: Lang) -> AnyView {
    let manifest = state.layers.manifest().get();
    let figures = manifest.as_ref().and_then(|m| m.figures.clone()).unwrap_or_default();
    let notes = state.layers.notes().get();
    view! {
        <h2 id="panel-title" class="panel__title">{t(lang, "about")}</h2>
        {manifest.as_ref().map(|m| view! { <p class="panel__description">{m.provenance.get(lang).to_owned()}</p> })}
        <h3 class="panel__section">{t(lang, "about.figures")}</h3>
        <dl class="panel__facts">
            {figures.signed.map(|s| row(t(lang, "about.signed"), crate::i18n::format_date(&s, lang)))}
            {figures.area_km2.map(|a| row(t(lang, "about.area"), format_km2(a * 1e6, lang)))}
            {figures.companies.map(|n| row(t(lang, "about.companies"), format_int(n, lang)))}
            {figures.registered_capital_yuan.map(|y| row(t(lang, "about.capital"), format_capital(y, lang)))}
            {figures.greenway_km.map(|k| row(t(lang, "about.greenway"), format_km(k * 1000.0, lang)))}
            {figures.waterfront_km.map(|k| row(t(lang, "about.waterfront"), format_km(k * 1000.0, lang)))}
        </dl>
        {(!notes.is_empty()).then(|| view! {
            <h3 class="panel__section">{t(lang, "about.notes")}</h3>
            <ul class="panel__notes">{notes.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
        })}
    }
    .into_any()
}

fn content(state: AppState, sel: &Selection) -> Option<AnyView> {
    let lang = state.lang().get();
    let park = state.park().get();
    let Selection::Feature(FeatureRef { kind, id }) = sel else { return Some(about_view(state, lang)) };
    Some(match kind {
        FeatureKind::Company => company_view(park.company(id)?, &park, lang),
        FeatureKind::Zone => zone_view(state, park.zone(id)?, &park, lang),
        FeatureKind::Trail => trail_view(park.trail(id)?, lang),
        FeatureKind::Poi => poi_view(park.poi(id)?, lang),
        // The site finder's chunk shows a site (`super::panel`).
        FeatureKind::Site => return None,
    })
}
