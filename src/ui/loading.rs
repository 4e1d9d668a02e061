//! Loading the park: the manifest, then every layer on its own task, added to the state in
//! batches (one park update per frame for the layers that arrive together). The state changes go through [`crate::ui::state::LayerState`]'s
//! intents; this module only does the I/O.

use super::state::AppState;
use super::DEFAULT_PARK;
use crate::embed::MapView;
use crate::model::url::resolve_park_param;
use crate::model::{DataError, LayerRef};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Downloads and adds one layer, on its own task (also the retry button's action: starting a layer
/// forgets its earlier problems).
pub fn load_layer(state: AppState, layer: LayerRef) {
    let Some(manifest_url) = state.layers.manifest_url().get_untracked() else { return };
    state.layers.layer_started(&layer);
    spawn_local(async move {
        let id = layer.id.clone();
        let on_retry = move |n: u32| state.layers.layer_retrying(&id, n);
        let mut parsed = crate::fetch::load_layer(&layer, &manifest_url, &on_retry).await;
        // Drawn where the basemap's tiles show it (a GCJ-02 basemap); positions stay WGS84.
        parsed.layer.draw_for(state.map.crs());
        state.layers.arrived(layer.id.clone(), parsed);
    });
}

pub(super) fn load_park(state: AppState, param: Option<String>, view: Option<MapView>) {
    let page = window().location().href().unwrap_or_default();
    let manifest_url = match resolve_park_param(param.as_deref().unwrap_or(DEFAULT_PARK), &page) {
        Ok(u) => u,
        Err(e) => {
            let reason = e.to_string();
            state.layers.report(vec![DataError::Manifest {
                file: "?park=".into(),
                property: "park".into(),
                reason,
            }]);
            return;
        }
    };
    state.layers.manifest_started();
    spawn_local(async move {
        let (manifest, problems) = match crate::fetch::load_manifest(&manifest_url).await {
            Ok(m) => m,
            Err(errors) => {
                state.layers.manifest_failed(errors);
                return;
            }
        };
        crate::timing::mark("manifest");
        let layers = manifest.layers.clone();
        state.apply_manifest(manifest, problems, view, Some(manifest_url));
        crate::timing::mark("manifest-applied");
        // Every layer on its own task: they load in parallel and each draws as soon as it parses.
        // The sites are loaded with the site finder, never before the map is ready.
        for layer in layers.into_iter().filter(|l| l.kind.loads_with_map()) {
            load_layer(state, layer);
        }
    });
}
