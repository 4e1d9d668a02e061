//! The match chip: "132 companies match (of 590) · Clear", on the map while a filter is active (a
//! link may carry one, so it is part of the first module; the filters themselves are the explore
//! chunk's).

use super::state::use_app_state;
use crate::i18n::{format_int, t, Lang};
use leptos::prelude::*;

/// "132 companies match (of 590) · Clear": always on the map while a filter is active.
#[component]
pub fn MatchChip() -> impl IntoView {
    let state = use_app_state();
    let filter = state.filter;
    move || {
        (!filter.filter().with(|f| f.is_empty())).then(|| {
            let lang: Lang = state.lang().get();
            view! {
                <div class="match-chip" role="status">
                    <span>{format!("{} ({} {})", crate::i18n::count(filter.matches() as u64, "n.companies_match", lang),
                        t(lang, "explore.of_total"), format_int(state.park().with(|p| p.companies.len()) as u64, lang))}</span>
                    <button type="button" class="match-chip__clear" on:click=move |_| filter.clear()>{t(lang, "explore.clear")}</button>
                </div>
            }
        })
    }
}
