//! The list view: a sortable, paginated table of the companies that pass the filter, synced with
//! the map both ways (hovering or focusing a row highlights its marker; choosing a row selects the
//! company; the selected company's row is marked). It is also the accessible alternative to the map.

use crate::i18n::{format_capital, t, Lang};
use crate::model::Company;
use crate::ui::fly::select;
use crate::ui::state::{use_app_state, Selection};
use leptos::prelude::*;

/// Rows per page: a page renders fast whatever the park's size.
pub const PAGE_SIZE: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Industry,
    Zone,
    Capital,
    Year,
}

fn compare(
    a: &Company,
    b: &Company,
    col: Column,
    lang: Lang,
    zone_name: &dyn Fn(&Company) -> String,
) -> std::cmp::Ordering {
    match col {
        Column::Name => a.name.get(lang).cmp(b.name.get(lang)),
        Column::Industry => a.industry.cmp(&b.industry),
        Column::Zone => zone_name(a).cmp(&zone_name(b)),
        Column::Capital => a.capital_yuan.cmp(&b.capital_yuan),
        Column::Year => a.founded.cmp(&b.founded),
    }
    .then_with(|| a.id.cmp(&b.id))
}

/// The list, shown while `explore.list_open`.
#[component]
pub fn ListView() -> impl IntoView {
    let state = use_app_state();
    let ex = state.explore;
    let sort = RwSignal::new((Column::Name, true));
    let page = RwSignal::new(0usize);
    // A new filter or order starts at the first page.
    Effect::new(move |_| {
        ex.filter.track();
        sort.track();
        page.set(0);
    });
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let park = state.park.get();
        let mask = ex.mask.get();
        let (col, asc) = sort.get();
        let zone_name = |c: &Company| {
            c.zone
                .as_ref()
                .and_then(|z| park.zone(z))
                .map(|z| z.name.get(lang).to_owned())
                .unwrap_or_default()
        };
        let mut idx: Vec<usize> =
            (0..park.companies.len()).filter(|&i| mask.get(i).copied().unwrap_or(true)).collect();
        crate::sort::sort_by(&mut idx, |&a, &b| {
            let o = compare(&park.companies[a], &park.companies[b], col, lang, &zone_name);
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        idx
    });
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1));
    let header = move |col: Column, key: &'static str| {
        let aria = move || match sort.get() {
            (c, true) if c == col => "ascending",
            (c, false) if c == col => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="list__sort" on:click=move |_| sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, true) })>
                    {move || state.t(key)}
                </button>
            </th>
        }
    };
    let body = move || {
        let lang = state.lang.get();
        let park = state.park.get();
        let p = page.get().min(pages() - 1);
        rows.with(|r| {
            r.iter()
                .skip(p * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|&i| {
                    let c = &park.companies[i];
                    let id = c.id.clone();
                    let (id_sel, id_hover, id_focus, id_key) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let zone = c.zone.as_ref().and_then(|z| park.zone(z)).map(|z| z.name.get(lang).to_owned()).unwrap_or_default();
                    view! {
                        <tr class="list__row" tabindex="0"
                            aria-selected=move || state.selection.with(|s| matches!(s, Some(Selection::Company(x)) if *x == id_sel)).to_string()
                            on:click=move |_| select(state, Selection::Company(id.clone()))
                            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { select(state, Selection::Company(id_key.clone())) }
                            on:mouseenter=move |_| ex.highlight.set(Some(id_hover.clone()))
                            on:focus=move |_| ex.highlight.set(Some(id_focus.clone()))
                            on:mouseleave=move |_| ex.highlight.set(None)
                            on:blur=move |_| ex.highlight.set(None)>
                            <td>{c.name.get(lang).to_owned()}</td>
                            <td>{t(lang, &format!("industry.{}", c.industry.key())).to_owned()}</td>
                            <td>{zone}</td>
                            <td class="list__num">{c.capital_yuan.map(|y| format_capital(y, lang)).unwrap_or_default()}</td>
                            <td class="list__num">{c.founded.map(|y| y.to_string()).unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    // The section is always there (the skip link's target); its content only while open.
    let content = move || {
        ex.list_open.get().then(|| {
            view! {
                    <div class="list__bar">
                        <h2 id="list-title" class="list__title">{state.tr("list.title")}</h2>
                        <span class="list__count" role="status">{move || crate::i18n::count(rows.with(Vec::len) as u64, "n.companies_match", state.lang.get())}</span>
                        <div class="list__pager">
                            <button type="button" class="planner__button" disabled=move || page.get() == 0
                                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{state.tr("list.prev")}</button>
                            <span>{move || format!("{} / {}", page.get().min(pages() - 1) + 1, pages())}</span>
                            <button type="button" class="planner__button" disabled=move || { page.get() + 1 >= pages() }
                                on:click=move |_| page.update(|p| *p += 1)>{state.tr("list.next")}</button>
                        </div>
                        <button type="button" class="panel__close list__close" aria-label=state.tr("close")
                            on:click=move |_| ex.list_open.set(false)>"×"</button>
                    </div>
                    <div class="list__scroll">
                        <table class="list__table">
                            <thead><tr>
                                {header(Column::Name, "list.name")}
                                {header(Column::Industry, "field.industry")}
                                {header(Column::Zone, "field.zone")}
                                {header(Column::Capital, "field.capital")}
                                {header(Column::Year, "field.founded")}
                            </tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
            }
        })
    };
    view! {
        <section id="company-list" class="list" class:list--closed=move || !ex.list_open.get()
            aria-label=state.tr("list.title") tabindex="-1">
            {content}
        </section>
    }
}
