//! The site finder's state (its chunk's, created when the chunk is entered): the sites layer and
//! its loading, the filter, the sites picked for comparison, the hubs and the investment office read
//! from the manifest, and the list's order. The app keeps only whether the finder is open
//! ([`super::AppState::sites_open`]); the sites themselves join the park when they arrive, so a
//! site is selected, named and flown to like any feature.

use super::Reader;
use crate::model::{Contact, DataError, Hub};
use crate::sites::{SiteColumn, SiteFilter};
use leptos::prelude::*;

/// Where the sites layer stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SitesLoad {
    /// Being fetched.
    Loading,
    /// In the park (whatever problems it had, listed with the app's).
    Loaded,
    /// The park has no sites layer.
    Absent,
    /// Could not be had: why.
    Failed(Vec<DataError>),
}

/// Most sites compared side by side.
pub const MAX_COMPARED: usize = 4;

/// The site finder's state. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct SitesState {
    load: RwSignal<SitesLoad>,
    filter: RwSignal<SiteFilter>,
    compared: RwSignal<Vec<String>>,
    hubs: RwSignal<Vec<Hub>>,
    contact: RwSignal<Option<Contact>>,
    sort: RwSignal<(SiteColumn, bool)>,
}

impl SitesState {
    /// Nothing loaded yet; `filter` is the link's.
    pub fn new(filter: SiteFilter) -> Self {
        Self {
            load: RwSignal::new(SitesLoad::Loading),
            filter: RwSignal::new(filter),
            compared: RwSignal::new(Vec::new()),
            hubs: RwSignal::new(Vec::new()),
            contact: RwSignal::new(None),
            sort: RwSignal::new((SiteColumn::Name, true)),
        }
    }

    /// Where the sites layer stands.
    pub fn load(&self) -> Reader<SitesLoad> {
        Reader(self.load)
    }

    /// The layer's download started again (Retry).
    pub fn loading(&self) {
        self.load.set(SitesLoad::Loading);
    }

    /// The layer is in the park, or there is none, or it failed.
    pub fn loaded(&self, outcome: SitesLoad) {
        self.load.set(outcome);
    }

    /// The hubs and the office, read from the manifest.
    pub fn set_investor_info(&self, hubs: Vec<Hub>, contact: Option<Contact>) {
        self.hubs.set(hubs);
        self.contact.set(contact);
    }

    /// The city's hubs.
    pub fn hubs(&self) -> Reader<Vec<Hub>> {
        Reader(self.hubs)
    }

    /// The park's investment office.
    pub fn contact(&self) -> Reader<Option<Contact>> {
        Reader(self.contact)
    }

    /// Which sites are shown (the others dimmed).
    pub fn filter(&self) -> Reader<SiteFilter> {
        Reader(self.filter)
    }

    /// Changes the filter.
    pub fn change(&self, change: impl FnOnce(&mut SiteFilter)) {
        self.filter.update(change);
    }

    /// Replaces the filter (a link, the embed API).
    pub fn set_filter(&self, filter: SiteFilter) {
        self.filter.set(filter);
    }

    /// The sites picked for comparison, in the order they were picked.
    pub fn compared(&self) -> Reader<Vec<String>> {
        Reader(self.compared)
    }

    /// Adds a site to the comparison, or takes it out; false when four are there already.
    pub fn toggle_compared(&self, id: &str) -> bool {
        let mut added = true;
        self.compared.update(|c| match c.iter().position(|x| x == id) {
            Some(i) => {
                c.remove(i);
            }
            None if c.len() < MAX_COMPARED => c.push(id.to_owned()),
            None => added = false,
        });
        added
    }

    /// Empties the comparison.
    pub fn clear_compared(&self) {
        self.compared.set(Vec::new());
    }

    /// The list's order: a column and whether ascending.
    pub fn sort(&self) -> Reader<(SiteColumn, bool)> {
        Reader(self.sort)
    }

    /// Sorts by `column`, ascending, or the other way when it already sorts by it.
    pub fn sort_by(&self, column: SiteColumn) {
        self.sort.update(|s| *s = if s.0 == column { (column, !s.1) } else { (column, true) });
    }
}
