//! Capabilities loaded on demand (design convention 13, "pay for what is used").
//!
//! The first wasm module holds what the first interactive map needs. Every other capability — the
//! explore panel, the route planner, search, the embed API, label placement, the basemap, the detail
//! panels, the embed dialog — is a *chunk*: a split point of the wasm (`#[wasm_split(name,
//! fallible)]`, cut out by `scripts/build.mjs`) whose entry function creates the capability's state
//! and effects and returns its *face*: the views and handlers the shell shows and calls. The shell
//! reaches a chunk's code only through its face (views and callbacks behind pointers), so the chunk's
//! code, strings and dependencies stay out of the first module; `scripts/size.sh` shows what is left.
//!
//! A chunk is fetched the first time it is asked for, or at the first idle moment after the map is
//! ready ([`prefetch`]), whichever comes first — fetched *and instantiated*, so a tap after that
//! fetches nothing. Each fetch follows the download retry policy; a chunk that still cannot be
//! fetched is an inline error with a Retry button ([`slot`]), and the map goes on working.

use super::state::AppState;
use crate::retry::RetryPolicy;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;

/// Why a chunk is not there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    /// Its file could not be fetched or instantiated (the browser's console says why).
    #[error("could not load the {0} part of the map")]
    Load(&'static str),
}

impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        // The loader logs its reason; the name is added by `Chunk::load`.
        ChunkError::Load("")
    }
}

/// Where a chunk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkStatus {
    /// Not asked for yet.
    Idle,
    /// Being fetched (or waiting between attempts).
    Loading,
    /// Its face is there.
    Ready,
    /// Every attempt failed: the slot offers Retry.
    Failed,
}

/// What runs with a face once its chunk is there.
type Waiting<F> = Vec<Box<dyn FnOnce(F)>>;

/// Fetches and instantiates a chunk without entering it ([`Capability::preload`]).
type Preload = fn() -> LocalBoxFuture<'static, Result<(), ChunkError>>;

/// A capability that lives in a chunk: its face's type, and how to fetch it.
pub trait Capability: Clone + Send + Sync + 'static {
    /// The chunk's name, for messages and performance marks.
    const NAME: &'static str;
    /// Fetches the chunk (unless it is there) and runs its entry: creates the capability under the
    /// current owner and returns its face.
    fn enter(state: AppState) -> LocalBoxFuture<'static, Result<Self, ChunkError>>;
    /// Fetches and instantiates the chunk without entering it.
    fn preload() -> LocalBoxFuture<'static, Result<(), ChunkError>>;
}

/// One capability's chunk: its status and, once entered, its face. Copy: both are handles.
pub struct Chunk<F: Capability> {
    face: RwSignal<Option<F>>,
    status: RwSignal<ChunkStatus>,
    /// What runs with the face once it is there.
    waiting: StoredValue<Waiting<F>, LocalStorage>,
    /// The app's owner: a capability belongs to the app, not to the component that first asked.
    /// Weak, as in `state::Lazy`: the owner holds this value.
    owner: StoredValue<Option<WeakOwner>>,
}

impl<F: Capability> Clone for Chunk<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Capability> Copy for Chunk<F> {}

/// The attempts for a chunk: the data's policy (three attempts, 0.4 s and 1.2 s apart).
const POLICY: RetryPolicy = RetryPolicy { attempts: 3, base_delay_ms: 400, factor: 3, timeout_ms: 15_000 };

impl<F: Capability> Chunk<F> {
    /// An idle chunk, owned by the current owner (create it in the app's).
    pub fn new() -> Self {
        Chunk {
            face: RwSignal::new(None),
            status: RwSignal::new(ChunkStatus::Idle),
            waiting: StoredValue::new_local(Vec::new()),
            owner: StoredValue::new(Owner::current().map(|o| o.downgrade())),
        }
    }

    /// The face, once entered (tracked).
    pub fn face(&self) -> Option<F> {
        self.face.get()
    }

    /// The face without tracking (event handlers).
    pub fn face_untracked(&self) -> Option<F> {
        self.face.get_untracked()
    }

    /// Where the chunk stands (tracked).
    pub fn status(&self) -> ChunkStatus {
        self.status.get()
    }

    /// Enters the capability unless it is entered or on its way; `then` runs with the face once it
    /// is there (at once when it already is).
    pub fn load_then(&self, state: AppState, then: impl FnOnce(F) + 'static) {
        if let Some(face) = self.face.get_untracked() {
            then(face);
            return;
        }
        self.load_with(state, Some(Box::new(then)));
    }

    /// Enters the capability unless it is entered or on its way.
    pub fn load(&self, state: AppState) {
        if self.face.get_untracked().is_none() {
            self.load_with(state, None);
        }
    }

    fn load_with(&self, state: AppState, then: Option<Box<dyn FnOnce(F)>>) {
        let this = *self;
        if let Some(then) = then {
            this.waiting.update_value(|w| w.push(then));
        }
        if this.status.get_untracked() == ChunkStatus::Loading {
            return;
        }
        this.status.set(ChunkStatus::Loading);
        let task = async move {
            crate::timing::mark(&format!("chunk:{}:asked", F::NAME));
            let mut attempt = 0;
            let result = loop {
                if let Some(ms) = POLICY.delay_before(attempt).filter(|&ms| ms > 0) {
                    crate::fetch::sleep_ms(ms).await;
                }
                match F::enter(state).await {
                    Ok(face) => break Ok(face),
                    Err(_) if POLICY.delay_before(attempt + 1).is_some() => attempt += 1,
                    Err(_) => break Err(ChunkError::Load(F::NAME)),
                }
            };
            match result {
                Ok(face) => {
                    crate::timing::mark(&format!("chunk:{}:ready", F::NAME));
                    this.face.set(Some(face.clone()));
                    this.status.set(ChunkStatus::Ready);
                    for then in this.waiting.try_update_value(std::mem::take).unwrap_or_default() {
                        then(face.clone());
                    }
                }
                Err(e) => {
                    leptos::logging::warn!("ParkMap: {e}");
                    this.status.set(ChunkStatus::Failed);
                }
            }
        };
        match self.owner.get_value().and_then(|o| o.upgrade()) {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
            None => leptos::task::spawn_local_scoped(task),
        }
    }
}

impl<F: Capability> Default for Chunk<F> {
    fn default() -> Self {
        Self::new()
    }
}

/// Every capability's chunk. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Chunks {
    /// Name search (entered when the map is ready: it fetches the pinyin table and builds its index).
    pub search: Chunk<super::search::SearchFace>,
    /// The explore panel and the list.
    pub explore: Chunk<super::explore::ExploreFace>,
    /// The route planner.
    pub planner: Chunk<super::planner::PlannerFace>,
    /// "Embed this map".
    pub embed_dialog: Chunk<super::embed_dialog::EmbedDialogFace>,
}

impl Chunks {
    /// Every chunk idle, owned by the current owner (the app's).
    pub fn new() -> Self {
        Chunks {
            search: Chunk::new(),
            explore: Chunk::new(),
            planner: Chunk::new(),
            embed_dialog: Chunk::new(),
        }
    }

    /// How to fetch each chunk without entering it, in the order they are prefetched.
    fn preloads() -> Vec<Preload> {
        use super::{embed_dialog::EmbedDialogFace, explore::ExploreFace, planner::PlannerFace};
        vec![ExploreFace::preload, PlannerFace::preload, EmbedDialogFace::preload]
    }
}

impl Default for Chunks {
    fn default() -> Self {
        Self::new()
    }
}

/// The longest the prefetch waits for an idle moment once the map is ready.
const PREFETCH_WITHIN: std::time::Duration = std::time::Duration::from_millis(1000);

/// Once the park has settled (the map is ready), at the first idle moment: enters search (its
/// pinyin table and index are then ready for the first keystroke), then fetches and instantiates
/// every other chunk, one after the other; marks `parkmap:chunks-prefetched` when the last is in. A
/// failure here is not shown: the chunk is fetched again, with its retries, when it is used.
pub fn prefetch_when_ready(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !state.layers.settled() {
            return done == Some(true);
        }
        super::browser::when_idle(PREFETCH_WITHIN, move || {
            state.chunks.search.load(state);
            leptos::task::spawn_local(async move {
                for preload in Chunks::preloads() {
                    let _ = preload().await;
                }
                crate::timing::mark("chunks-prefetched");
            });
        });
        true
    });
}

/// A chunk's view where the chunk's own place shows its failure (a secondary place: inside the map's
/// SVG, beside the search box): the face's view once it is there, else nothing.
pub fn view_of<F: Capability>(
    chunk: Chunk<F>,
    view: impl Fn(&F) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || chunk.face().map(|f| view(&f))
}

/// A chunk's place in the page: nothing while it is idle, `loading` while it is on its way (or
/// nothing), the face's view once it is there, and an inline error with Retry when it failed.
pub fn slot<F: Capability>(
    state: AppState,
    chunk: Chunk<F>,
    view: impl Fn(&F) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || match chunk.status() {
        ChunkStatus::Ready => chunk.face().map(|f| view(&f)),
        ChunkStatus::Failed => Some(
            view! {
                <div class="chunk-failed" role="alert">
                    <span>{state.tr("chunk.failed")}</span>
                    <button type="button" class="chunk-failed__retry" on:click=move |_| chunk.load(state)>
                        {state.tr("retry")}
                    </button>
                </div>
            }
            .into_any(),
        ),
        ChunkStatus::Idle | ChunkStatus::Loading => None,
    }
}
