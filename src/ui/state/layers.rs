//! The park's data and its loading: the manifest, the park built from the layers that have
//! arrived, every data problem, one status per layer, and which layers the visitor switched off.

use super::Reader;
use crate::model::{DataError, LayerKind, LayerRef, Manifest, Note, Park};
use crate::read::LayerParse;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where one layer of the manifest is.
#[derive(Clone, Debug, PartialEq)]
pub enum LayerStatus {
    /// Asked for, not yet here.
    Loading,
    /// Being asked for again after a transient failure (the retry's number).
    Retrying(u32),
    /// Could not be downloaded: offered a retry button.
    Failed(LayerRef),
    /// Parsed and added to the park (with whatever problems it had).
    Loaded,
}

/// The park's data and loading state. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct LayerState {
    manifest: RwSignal<Option<Arc<Manifest>>>,
    manifest_url: RwSignal<Option<String>>,
    /// The manifest itself is on its way.
    manifest_loading: RwSignal<bool>,
    park: RwSignal<Arc<Park>>,
    errors: RwSignal<Vec<DataError>>,
    /// What the reader defaulted or accepted in unusual data (shown in About, never as an alert).
    notes: RwSignal<Vec<Note>>,
    /// One status per manifest layer, by layer id.
    status: RwSignal<BTreeMap<String, LayerStatus>>,
    hidden: RwSignal<Vec<LayerKind>>,
    /// Layers parsed but not yet added to the park: added together once per frame.
    arrived: StoredValue<Vec<(String, LayerParse)>>,
    loading: Memo<bool>,
}

impl LayerState {
    pub(super) fn new() -> Self {
        let manifest_loading = RwSignal::new(false);
        let status = RwSignal::new(BTreeMap::<String, LayerStatus>::new());
        Self {
            manifest: RwSignal::new(None),
            manifest_url: RwSignal::new(None),
            manifest_loading,
            park: RwSignal::new(Arc::new(Park::default())),
            errors: RwSignal::new(Vec::new()),
            notes: RwSignal::new(Vec::new()),
            status,
            hidden: RwSignal::new(Vec::new()),
            arrived: StoredValue::new(Vec::new()),
            loading: Memo::new(move |_| {
                manifest_loading.get()
                    || status.with(|s| {
                        s.values().any(|v| matches!(v, LayerStatus::Loading | LayerStatus::Retrying(_)))
                    })
            }),
        }
    }

    /// The manifest, once loaded.
    pub fn manifest(&self) -> Reader<Option<Arc<Manifest>>> {
        Reader(self.manifest)
    }

    /// The manifest's absolute URL (layer URLs are relative to it).
    pub fn manifest_url(&self) -> Reader<Option<String>> {
        Reader(self.manifest_url)
    }

    /// Every layer that has loaded so far.
    pub fn park(&self) -> Reader<Arc<Park>> {
        Reader(self.park)
    }

    /// Every data problem found, located.
    pub fn errors(&self) -> Reader<Vec<DataError>> {
        Reader(self.errors)
    }

    /// Notes about the data: what was defaulted or accepted, once per layer.
    pub fn notes(&self) -> Reader<Vec<Note>> {
        Reader(self.notes)
    }

    /// Each manifest layer's status, by id.
    pub fn status(&self) -> Reader<BTreeMap<String, LayerStatus>> {
        Reader(self.status)
    }

    /// True while the manifest or any layer is on its way.
    pub fn loading(&self) -> Memo<bool> {
        self.loading
    }

    /// True once the manifest is in and no layer is on its way.
    pub fn settled(&self) -> bool {
        self.manifest.with(Option::is_some) && !self.loading.get()
    }

    /// [`LayerState::settled`], untracked.
    pub fn settled_untracked(&self) -> bool {
        untrack(|| self.settled())
    }

    /// Layers whose download failed (each gets a retry button); reactive.
    pub fn failed(&self) -> Vec<LayerRef> {
        self.status.with(|s| {
            s.values()
                .filter_map(|v| match v {
                    LayerStatus::Failed(layer) => Some(layer.clone()),
                    _ => None,
                })
                .collect()
        })
    }

    /// Layers the visitor switched off.
    pub fn hidden(&self) -> Reader<Vec<LayerKind>> {
        Reader(self.hidden)
    }

    /// Whether a layer is switched on (reactive).
    pub fn visible(&self, kind: LayerKind) -> bool {
        self.hidden.with(|h| !h.contains(&kind))
    }

    /// Switches a layer on or off.
    pub fn toggle_layer(&self, kind: LayerKind) {
        self.hidden.update(|h| match h.iter().position(|k| *k == kind) {
            Some(i) => {
                h.remove(i);
            }
            None => h.push(kind),
        });
    }

    /// Shows `visible` and hides `hidden` (the embed API's `setLayers`); other layers keep their state.
    pub fn set_layers(&self, visible: &[LayerKind], hidden: &[LayerKind]) {
        self.hidden.update(|h| {
            h.retain(|k| !visible.contains(k));
            for k in hidden {
                if !h.contains(k) {
                    h.push(*k);
                }
            }
        });
    }

    /// Replaces the set of hidden layers (from a link).
    pub fn set_hidden(&self, hidden: Vec<LayerKind>) {
        self.hidden.set(hidden);
    }

    /// Records problems that belong to no layer (a bad `?park=`).
    pub fn report(&self, problems: Vec<DataError>) {
        self.errors.update(|v| v.extend(problems));
    }

    /// The manifest is on its way.
    pub fn manifest_started(&self) {
        self.manifest_loading.set(true);
    }

    /// The manifest could not be loaded: nothing else will come.
    pub fn manifest_failed(&self, problems: Vec<DataError>) {
        self.errors.update(|v| v.extend(problems));
        self.manifest_loading.set(false);
    }

    pub(super) fn apply_manifest(&self, manifest: Manifest, problems: Vec<DataError>, url: Option<String>) {
        self.errors.update(|v| v.extend(problems));
        self.status.update(|s| {
            // Only the layers the map loads (not the sites): the park is settled without them.
            for layer in manifest.layers.iter().filter(|l| l.kind.loads_with_map()) {
                s.entry(layer.id.clone()).or_insert(LayerStatus::Loading);
            }
        });
        if url.is_some() {
            self.manifest_url.set(url);
        }
        let tolerance = manifest.junction_tolerance_m;
        self.park.update(|p| Arc::make_mut(p).junction_tolerance_m = tolerance);
        self.manifest.set(Some(Arc::new(manifest)));
        self.manifest_loading.set(false);
    }

    /// A layer's download started (first time or a retry button): it is loading, its old problems
    /// are forgotten.
    pub fn layer_started(&self, layer: &LayerRef) {
        self.errors.update(|v| v.retain(|e| e.file() != layer.url));
        self.status.update(|s| {
            s.insert(layer.id.clone(), LayerStatus::Loading);
        });
    }

    /// A layer is being tried again after a transient failure (`attempt` ≥ 1).
    pub fn layer_retrying(&self, id: &str, attempt: u32) {
        self.status.update(|s| {
            s.insert(id.to_owned(), LayerStatus::Retrying(attempt));
        });
    }

    /// Queues a parsed layer; the first in a batch schedules [`LayerState::apply_layers`] for the next
    /// frame, or a 100 ms timer where frames are paused (a hidden tab), so layers that arrive together
    /// draw once.
    pub fn arrived(&self, id: String, parsed: LayerParse) {
        let first = self.arrived.try_update_value(|q| {
            q.push((id, parsed));
            q.len() == 1
        });
        if first != Some(true) {
            return;
        }
        let this = *self;
        let flush = move || {
            if let Some(batch) = this.arrived.try_update_value(std::mem::take) {
                let n = batch.len();
                this.apply_layers(batch);
                crate::timing::mark(&format!("applied:{n}"));
            }
        };
        request_animation_frame(flush);
        set_timeout(flush, std::time::Duration::from_millis(100));
    }

    /// Adds parsed layers (and their problems) to the park in one update, so the map re-renders once
    /// for all of them; ids are the manifest's layer ids. A layer that could not be downloaded at all
    /// is marked failed (it gets a retry button).
    pub fn apply_layers(&self, batch: Vec<(String, LayerParse)>) {
        if batch.is_empty() {
            return;
        }
        let layer_of = |id: &str| {
            self.manifest
                .with_untracked(|m| m.as_ref().and_then(|m| m.layers.iter().find(|l| l.id == id).cloned()))
        };
        // (file, its problems, how many of its features repeated an earlier layer's ids), per layer
        let mut reports = Vec::with_capacity(batch.len());
        let mut statuses = Vec::with_capacity(batch.len());
        let mut notes = Vec::new();
        self.park.update(|p| {
            let park = Arc::make_mut(p);
            for (id, parsed) in batch {
                notes.extend(parsed.notes);
                let layer = layer_of(&id);
                let failed =
                    parsed.layer.is_empty() && parsed.errors.iter().any(crate::retry::is_download_failure);
                let status = match (failed, &layer) {
                    (true, Some(layer)) => LayerStatus::Failed(layer.clone()),
                    _ => LayerStatus::Loaded,
                };
                let file = layer.map(|l| l.url).unwrap_or_else(|| id.clone());
                reports.push((file, parsed.errors, park.add_new(parsed.layer).len()));
                statuses.push((id, status));
            }
        });
        self.errors.update(|v| {
            for (file, errors, dropped) in reports {
                v.extend(errors);
                if dropped > 0 {
                    let reason =
                        format!("{dropped} feature(s) skipped: their ids repeat ids of an earlier layer");
                    v.push(DataError::Layer { file, reason });
                }
            }
        });
        self.status.update(|s| s.extend(statuses));
        if !notes.is_empty() {
            self.notes.update(|v| v.extend(notes));
        }
    }
}
