//! The list view: a sortable, paginated table of the companies that pass the filter, synced with
//! the map both ways (hovering or focusing a row highlights its marker; choosing a row selects the
//! company; the selected company's row is marked). It is also the accessible alternative to the map.

use crate::feature::FeatureKind;
use crate::i18n::{format_capital, t};
use crate::listing::{rows as list_rows, Column};
use crate::ui::state::{use_app_state, Local, Selection};
use leptos::prelude::*;

/// Rows per page: a page renders fast whatever the park's size.
pub const PAGE_SIZE: usize = 50;

/// The list's content, shown while `explore.list_open`: its section (the skip link's target) is the
/// shell's.
#[component]
pub fn ListContent() -> impl IntoView {
    let state = use_app_state();
    let sort = Local::new((Column::Name, true));
    let rows = Memo::new(move |_| {
        let (col, asc) = sort.get();
        let lang = state.lang().get();
        state.park().with(|park| state.filter.mask().with(|mask| list_rows(park, mask, col, asc, lang)))
    });
    // The page and the filter revision it was chosen at: back to the first page when the filter
    // changes (derived, no Effect) or when the order changes (with the click).
    let chosen = Local::new((0usize, 0u64));
    let page = move || {
        let revision = state.filter.revision().get();
        chosen.with(|&(page, at)| if at == revision { page } else { 0 })
    };
    let set_page = move |p: usize| chosen.set((p, state.filter.revision().get_untracked()));
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1));
    let header = move |col: Column, key: &'static str| {
        let aria = move || match sort.get() {
            (c, true) if c == col => "ascending",
            (c, false) if c == col => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="list__sort" on:click=move |_| {
                    sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, true) });
                    set_page(0);
                }>
                    {move || state.t(key)}
                </button>
            </th>
        }
    };
    let body = move || {
        let lang = state.lang().get();
        let park = state.park().get();
        let p = page().min(pages() - 1);
        rows.with(|r| {
            r.iter()
                .skip(p * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|&i| {
                    let c = &park.companies[i];
                    let id = c.id.clone();
                    let (id_sel, id_hover, id_focus, id_key) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let highlight = move |id: Option<String>| state.explore.set_highlight(id);
                    let zone = c.zone.as_ref().and_then(|z| park.zone(z)).map(|z| z.name.get(lang).to_owned()).unwrap_or_default();
                    view! {
                        <tr class="list__row" tabindex="0"
                            aria-selected=move || state.selection().with(|s| s.as_ref().and_then(|s| s.id_of(FeatureKind::Company)) == Some(id_sel.as_str())).to_string()
                            on:click=move |_| state.select(Selection::company(id.clone()))
                            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { state.select(Selection::company(id_key.clone())) }
                            on:mouseenter=move |_| highlight(Some(id_hover.clone()))
                            on:focus=move |_| highlight(Some(id_focus.clone()))
                            on:mouseleave=move |_| highlight(None)
                            on:blur=move |_| highlight(None)>
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
    move || {
        state.explore.is_list_open().then(|| {
            view! {
                    <div class="list__bar">
                        <h2 id="list-title" class="list__title">{state.tr("list.title")}</h2>
                        <span class="list__count" role="status">{move || crate::i18n::count(rows.with(Vec::len) as u64, "n.companies_match", state.lang().get())}</span>
                        <div class="list__pager">
                            <button type="button" class="planner__button" disabled=move || page() == 0
                                on:click=move |_| set_page(page().saturating_sub(1))>{state.tr("list.prev")}</button>
                            <span>{move || format!("{} / {}", page().min(pages() - 1) + 1, pages())}</span>
                            <button type="button" class="planner__button" disabled=move || { page() + 1 >= pages() }
                                on:click=move |_| set_page(page() + 1)>{state.tr("list.next")}</button>
                        </div>
                        <button type="button" class="panel__close list__close" aria-label=state.tr("close")
                            on:click=move |_| state.open_list(false, || ())>"×"</button>
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
    }
}
