//! A chunk's state ([`crate::ui::chunk`] loads chunks): where it stands, its face once entered
//! (type-erased: one copy of this code serves every capability), what waits for the face, and the
//! app's owner, under which the capability is created.

use super::Reader;
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;
use std::any::Any;
use std::sync::Arc;

/// A face as the loader keeps it, whatever its capability.
pub type AnyFace = Arc<dyn Any + Send + Sync>;

/// Runs with a face once its chunk is there.
pub type Then = Box<dyn FnOnce(&AnyFace)>;

/// Where a chunk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkStatus {
    /// Not asked for yet.
    Idle,
    /// Being fetched (or waiting between attempts).
    Loading,
    /// Its face is there.
    Ready,
    /// Every attempt failed: its place offers Retry.
    Failed,
}

/// One chunk's state. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct ChunkCell {
    face: RwSignal<Option<AnyFace>>,
    status: RwSignal<ChunkStatus>,
    waiting: StoredValue<Vec<Then>, LocalStorage>,
    /// Weak: the owner holds this value, and a strong handle would keep it alive for ever.
    owner: StoredValue<Option<WeakOwner>>,
}

impl ChunkCell {
    /// Idle, owned by the current owner (create it in the app's).
    pub fn new() -> Self {
        ChunkCell {
            face: RwSignal::new(None),
            status: RwSignal::new(ChunkStatus::Idle),
            waiting: StoredValue::new_local(Vec::new()),
            owner: StoredValue::new(Owner::current().map(|o| o.downgrade())),
        }
    }

    /// The face, once entered.
    pub fn face(&self) -> Reader<Option<AnyFace>> {
        Reader(self.face)
    }

    /// Where the chunk stands.
    pub fn status(&self) -> Reader<ChunkStatus> {
        Reader(self.status)
    }

    /// The app's owner, if it is still there.
    pub fn owner(&self) -> Option<Owner> {
        self.owner.get_value().and_then(|o| o.upgrade())
    }

    /// Keeps `then` for when the face is there.
    pub fn wait(&self, then: Then) {
        self.waiting.update_value(|w| w.push(then));
    }

    /// The chunk is being fetched; false when it already was (nothing more to start).
    pub fn start_loading(&self) -> bool {
        if self.status.get_untracked() == ChunkStatus::Loading {
            return false;
        }
        self.status.set(ChunkStatus::Loading);
        true
    }

    /// The face is there: kept, and handed to everything that waited for it.
    pub fn ready(&self, face: AnyFace) {
        self.face.set(Some(Arc::clone(&face)));
        self.status.set(ChunkStatus::Ready);
        for then in self.waiting.try_update_value(std::mem::take).unwrap_or_default() {
            then(&face);
        }
    }

    /// Every attempt failed.
    pub fn failed(&self) {
        self.status.set(ChunkStatus::Failed);
    }
}

impl Default for ChunkCell {
    fn default() -> Self {
        Self::new()
    }
}
