//! The search chunk: name search over companies, zones and facilities (English, Chinese, pinyin and
//! initials, Russian), for the header's combobox ([`crate::ui::search_box`], in the first module).
//! Entered at the first idle moment after the map is ready (or when the box is used before that): it
//! fetches the pinyin table, builds the index ([`SearchState`]) and gives the box its options.

mod results;

use super::chunk::{Capability, ChunkError};
use super::state::{AppState, SearchState};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

/// The search chunk's face.
#[derive(Clone)]
pub struct SearchFace {
    /// The listbox's options for the box's query.
    pub options: ViewFn,
    /// Under the box: what to say when nothing matches.
    pub status: ViewFn,
    /// How many options the query has (tracked).
    pub count: Signal<usize>,
    /// Chooses option `i`: selects what it names and flies there; its name, for the box.
    pub choose: Callback<usize, Option<String>>,
}

impl Capability for SearchFace {
    const NAME: &'static str = "search";
    fn enter(state: AppState) -> LocalBoxFuture<'static, Result<Self, ChunkError>> {
        Box::pin(search_chunk(state))
    }
    fn preload() -> LocalBoxFuture<'static, Result<(), ChunkError>> {
        Box::pin(async { Ok(preload_search().await?) })
    }
}

#[wasm_split(search, fallible, preload(preload_search))]
fn search_chunk(state: AppState) -> Result<SearchFace, ChunkError> {
    let search = SearchState::new(state.layers);
    leptos::task::spawn_local(results::load_pinyin(search));
    Ok(results::face(state, search))
}
