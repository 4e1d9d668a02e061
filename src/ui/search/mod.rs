//! The search chunk: name search over companies, zones and facilities (English, Chinese, pinyin and
//! initials, Russian), for the header's combobox ([`crate::ui::search_box`], in the first module).
//! Entered at the first idle moment after the map is ready (or when the box is used before that): it
//! fetches the pinyin table, builds the index ([`SearchState`]) and gives the box its options.

mod results;

use super::chunk::chunk;
use super::state::SearchState;
use leptos::prelude::*;

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

chunk!(search: SearchFace = fn search_chunk(state) {
    let search = SearchState::new(state.layers);
    leptos::task::spawn_local(results::load_pinyin(search));
    Ok(results::face(state, search))
});
