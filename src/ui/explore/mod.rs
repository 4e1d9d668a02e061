//! The explore chunk: the explore panel (filters, figures, comparison) and the list view. Their
//! open flags, the filter and the highlighted company are the first module's
//! ([`crate::ui::state::ExploreState`], [`crate::ui::state::FilterState`]); the logic is in the pure
//! [`crate::filter`] and [`crate::listing`].

mod charts;
mod list;
mod panel;

use super::chunk::chunk;
use leptos::prelude::*;

/// The explore chunk's face: the panel (in the sidebar) and the list's content (in its section).
#[derive(Clone)]
pub struct ExploreFace {
    /// The explore panel, shown while it is open.
    pub panel: ViewFn,
    /// The list's content, shown while the list is open.
    pub list: ViewFn,
}

chunk!(explore: ExploreFace = fn explore_chunk(_state) {
    Ok(ExploreFace {
        panel: ViewFn::from(|| view! { <panel::ExplorePanel/> }),
        list: ViewFn::from(|| view! { <list::ListContent/> }),
    })
});
