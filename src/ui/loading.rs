//! Loading the park: the manifest, then every layer on its own task, added to the state in
//! batches (one park update per frame for the layers that arrive together).

use super::state::AppState;
use super::url;
use super::DEFAULT_PARK;
use crate::embed::MapView;
use crate::model::parse::LayerParse;
use crate::model::url::resolve_park_param;
use crate::model::{DataError, LayerRef, Manifest};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Records a parsed manifest: shows `view` (from a shared link) or else fits the park, and marks its
/// layers as loading.
pub fn apply_manifest(state: AppState, manifest: Manifest, problems: Vec<DataError>, view: Option<MapView>) {
    state.errors.update(|v| v.extend(problems));
    state.origin.set(manifest.bounds.center());
    state.viewport.update(|v| {
        *v = match &view {
            Some(shared) => url::view_to(v, shared),
            None => v.fit(&manifest.bounds, 16.0),
        }
    });
    state.pending.set(manifest.layers.iter().map(|l| l.id.clone()).collect());
    state.park.update(|p| Arc::make_mut(p).junction_tolerance_m = manifest.junction_tolerance_m);
    state.manifest.set(Some(Arc::new(manifest)));
}

/// Adds a parsed layer (and its problems) to the park; `id` is the manifest's layer id.
pub fn apply_layer(state: AppState, id: &str, parsed: LayerParse) {
    apply_layers(state, vec![(id.to_owned(), parsed)]);
}

/// Adds parsed layers (and their problems) to the park in one update, so the map re-renders once
/// for all of them; ids are the manifest's layer ids.
pub fn apply_layers(state: AppState, batch: Vec<(String, LayerParse)>) {
    if batch.is_empty() {
        return;
    }
    let file_of = |id: &str| {
        state
            .manifest
            .with_untracked(|m| {
                m.as_ref().and_then(|m| m.layers.iter().find(|l| l.id == id).map(|l| l.url.clone()))
            })
            .unwrap_or_else(|| id.to_owned())
    };
    // (file, its problems, how many of its features repeated an earlier layer's ids), per layer
    let mut reports = Vec::with_capacity(batch.len());
    let mut ids = Vec::with_capacity(batch.len());
    let mut notes = Vec::new();
    state.park.update(|p| {
        let park = Arc::make_mut(p);
        for (id, parsed) in batch {
            notes.extend(parsed.notes);
            reports.push((file_of(&id), parsed.errors, park.add_new(parsed.layer).len()));
            ids.push(id);
        }
    });
    state.errors.update(|v| {
        for (file, errors, dropped) in reports {
            v.extend(errors);
            if dropped > 0 {
                let reason =
                    format!("{dropped} feature(s) skipped: their ids repeat ids of an earlier layer");
                v.push(DataError::Layer { file, reason });
            }
        }
    });
    if !notes.is_empty() {
        state.notes.update(|v| v.extend(notes));
    }
    state.pending.update(|v| v.retain(|p| !ids.contains(p)));
    state.retrying.update(|v| v.retain(|(p, _)| !ids.contains(p)));
}

/// Queues a parsed layer; the first in a batch schedules [`apply_layers`] for the next frame, or
/// a 100 ms timer where frames are paused (a hidden tab, which also slows timers to about a
/// second), so layers that arrive together draw once.
fn queue_layer(state: AppState, id: String, parsed: LayerParse) {
    let first = state.arrived.try_update_value(|q| {
        q.push((id, parsed));
        q.len() == 1
    });
    if first != Some(true) {
        return;
    }
    let flush = move || {
        if let Some(batch) = state.arrived.try_update_value(std::mem::take) {
            apply_layers(state, batch);
        }
    };
    request_animation_frame(flush);
    set_timeout(flush, std::time::Duration::from_millis(100));
}

/// Downloads and adds one layer, on its own task; a download that fails for good is offered a retry.
pub fn load_layer(state: AppState, layer: LayerRef) {
    let Some(manifest_url) = state.manifest_url.get_untracked() else { return };
    state.pending.update(|v| {
        if !v.contains(&layer.id) {
            v.push(layer.id.clone())
        }
    });
    state.failed.update(|v| v.retain(|l| l.id != layer.id));
    spawn_local(async move {
        let id = layer.id.clone();
        let on_retry = move |n: u32| {
            state.retrying.update(|v| {
                v.retain(|(p, _)| *p != id);
                v.push((id.clone(), n));
            })
        };
        let parsed = crate::fetch::load_layer(&layer, &manifest_url, &on_retry).await;
        if parsed.layer.is_empty() && parsed.errors.iter().any(crate::retry::is_retryable) {
            state.failed.update(|v| v.push(layer.clone()));
        }
        queue_layer(state, layer.id.clone(), parsed);
    });
}

/// Forgets a failed layer's problems and downloads it again.
pub fn retry_layer(state: AppState, layer: LayerRef) {
    state.errors.update(|v| v.retain(|e| e.file() != layer.url));
    load_layer(state, layer);
}

pub(super) fn load_park(state: AppState, param: Option<String>, view: Option<MapView>) {
    let page = window().location().href().unwrap_or_default();
    let manifest_url = match resolve_park_param(param.as_deref().unwrap_or(DEFAULT_PARK), &page) {
        Ok(u) => u,
        Err(e) => {
            let reason = e.to_string();
            state.errors.update(|v| {
                v.push(DataError::Manifest { file: "?park=".into(), property: "park".into(), reason })
            });
            return;
        }
    };
    state.pending.set(vec!["park.json".into()]);
    spawn_local(async move {
        let (manifest, problems) = match crate::fetch::load_manifest(&manifest_url).await {
            Ok(m) => m,
            Err(errors) => {
                state.pending.set(Vec::new());
                state.errors.update(|v| v.extend(errors));
                return;
            }
        };
        let layers = manifest.layers.clone();
        state.manifest_url.set(Some(manifest_url));
        // Every layer on its own task: they load in parallel and each draws as soon as it parses.
        for layer in layers {
            load_layer(state, layer);
        }
        apply_manifest(state, manifest, problems, view);
    });
}
