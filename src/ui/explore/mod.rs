//! The explore chunk: the explore panel (filters, figures, comparison) and the list view. Their
//! open flags, the filter and the highlighted company are the first module's
//! ([`crate::ui::state::ExploreState`], [`crate::ui::state::FilterState`]); the logic is in the pure
//! [`crate::filter`] and [`crate::listing`].

mod charts;
mod list;
mod panel;

use super::chunk::{Capability, ChunkError};
use super::state::AppState;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

/// The explore chunk's face: the panel (in the sidebar) and the list's content (in its section).
#[derive(Clone)]
pub struct ExploreFace {
    /// The explore panel, shown while it is open.
    pub panel: ViewFn,
    /// The list's content, shown while the list is open.
    pub list: ViewFn,
}

impl Capability for ExploreFace {
    const NAME: &'static str = "explore";
    fn enter(state: AppState) -> LocalBoxFuture<'static, Result<Self, ChunkError>> {
        Box::pin(explore_chunk(state))
    }
    fn preload() -> LocalBoxFuture<'static, Result<(), ChunkError>> {
        Box::pin(async { Ok(preload_explore().await?) })
    }
}

#[wasm_split(explore, fallible, preload(preload_explore))]
fn explore_chunk(_state: AppState) -> Result<ExploreFace, ChunkError> {
    Ok(ExploreFace {
        panel: ViewFn::from(|| view! { <panel::ExplorePanel/> }),
        list: ViewFn::from(|| view! { <list::ListContent/> }),
    })
}
