//! The site finder's chunk: where in the park an investor's company could go. The finder panel
//! (filters, the count, the sortable list, the comparison), the site panel (every attribute,
//! neighbours, hubs, the office; printed, the one-page brief with the link's QR code) and the sites
//! on the map (parcels among the world layers, spaces among the markers; the filter's matches
//! highlighted, the others dimmed). Entered when the finder opens, a site is selected or a link
//! carries the finder's filter; it fetches the sites layer then (never before the map is ready)
//! and reads the manifest's hubs and office. Its words are [`crate::sites::st`]'s, its logic the
//! pure [`crate::sites`].

mod brief;
mod finder;
mod layer;
mod panel;

use super::chunk::chunk;
use super::state::{AppState, SitesLoad, SitesState};
use crate::embed::{SiteFilterParams, SiteLink};
use crate::model::LayerKind;
use crate::sites::SiteFilter;
use leptos::prelude::*;
use std::sync::Arc;

/// A site's panel, by the site's id.
type SitePanel = dyn Fn(String) -> AnyView + Send + Sync;

/// The site finder's face.
#[derive(Clone)]
pub struct SitesFace {
    /// The finder panel, in the sidebar while it is open.
    pub finder: ViewFn,
    /// The land parcels, among the world layers.
    pub layer: ViewFn,
    /// The spaces in buildings, among the markers.
    pub markers: ViewFn,
    /// What the detail panel shows for a site.
    pub panel: Arc<SitePanel>,
    /// The finder's filter as the URL carries it.
    pub link: Signal<SiteLink>,
    /// Sets the filter (the embed API's `filterSites`).
    pub set_filter: Callback<SiteFilterParams>,
    /// True once the sites are in the park, or known to be missing or failed.
    pub loaded: Signal<bool>,
}

chunk!(sites: SitesFace = fn sites_chunk(state) {
    super::chunk::stylesheet("sites");
    // The link's filter, as the page was opened (nothing has written the URL's site_* since).
    let (params, _) = SiteFilterParams::read(&super::url::read_quietly().sites);
    let sites = SitesState::new(SiteFilter::from(&params));
    load(state, sites);
    let link = Signal::derive(move || sites.filter().with(|f| SiteFilterParams::from(f).to_link()));
    Ok(SitesFace {
        finder: ViewFn::from(move || view! { <finder::Finder sites=sites/> }),
        layer: ViewFn::from(move || view! { <layer::Parcels sites=sites/> }),
        markers: ViewFn::from(move || view! { <layer::Spaces sites=sites/> }),
        panel: Arc::new(move |id| view! { <panel::SitePanel sites=sites id=id/> }.into_any()),
        link,
        set_filter: Callback::new(move |p: SiteFilterParams| sites.set_filter(SiteFilter::from(&p))),
        loaded: Signal::derive(move || sites.load().with(|l| *l != SitesLoad::Loading)),
    })
});

/// Fetches the manifest's sites layer (with the site reader) into the park, and reads the
/// manifest's hubs and office; their problems join the app's.
fn load(state: AppState, sites: SitesState) {
    let Some(manifest) = state.layers.manifest().get_untracked() else {
        sites.loaded(SitesLoad::Absent);
        return;
    };
    let (hubs, contact, problems) = crate::read::read_investors("park.json", &manifest);
    sites.set_investor_info(hubs, contact);
    state.layers.report(problems);
    let Some(layer) = manifest.layers.iter().find(|l| l.kind == LayerKind::Sites).cloned() else {
        sites.loaded(SitesLoad::Absent);
        return;
    };
    if state.park().with_untracked(|p| !p.sites.is_empty()) {
        sites.loaded(SitesLoad::Loaded);
        return;
    }
    let Some(manifest_url) = state.layers.manifest_url().get_untracked() else { return };
    sites.loading();
    leptos::task::spawn_local(async move {
        let parsed =
            crate::fetch::load_layer_with(&layer, &manifest_url, &|_| {}, crate::read::parse_layer).await;
        let failed = parsed.layer.is_empty() && parsed.errors.iter().any(crate::retry::is_download_failure);
        if failed {
            sites.loaded(SitesLoad::Failed(parsed.errors));
            return;
        }
        // At once, not batched with the frame: the sites are in the park when they count as loaded.
        state.layers.apply_layers(vec![(layer.id.clone(), parsed)]);
        sites.loaded(SitesLoad::Loaded);
    });
}

/// Loads the sites again after a failure (the panel's Retry).
fn retry(state: AppState, sites: SitesState) {
    load(state, sites);
}
