//! Investors' tools: the search box, the explore panel (filters, figures, comparison), the list
//! view and the match chip. Their state is [`crate::ui::state::FilterState`] and
//! [`crate::ui::state::ExploreState`]; the logic is in the pure [`crate::filter`],
//! [`crate::listing`], [`crate::index`] and [`crate::search`].

mod charts;
mod list;
mod panel;
mod search_box;

pub use list::ListView;
pub use panel::{ExplorePanel, MatchChip};
pub use search_box::SearchBox;
