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

use super::state::{AnyFace, AppState, ChunkCell, ChunkStatus, Then};
use crate::retry::RetryPolicy;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::marker::PhantomData;
use std::sync::Arc;

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

/// Declares a capability's chunk: `name` is its split point (one wasm chunk per name), `Face` the face
/// its entry function returns. Implements [`Capability`] for the face.
///
/// With the `split` feature (`scripts/build.mjs` builds with it) the entry is a `#[wasm_split(name,
/// fallible)]` point: its code and everything only it reaches go into the chunk, fetched before it
/// runs. Without it (the browser tests, a plain `cargo build`) the entry is an ordinary function and
/// the app is one module that works the same.
macro_rules! chunk {
    ($name:ident: $face:ty = fn $entry:ident($state:ident) $body:block) => {
        impl $crate::ui::chunk::Capability for $face {
            const NAME: &'static str = stringify!($name);
            fn enter(
                state: $crate::ui::state::AppState,
            ) -> futures::future::LocalBoxFuture<'static, Result<Self, $crate::ui::chunk::ChunkError>> {
                Box::pin($entry(state))
            }
            fn preload() -> futures::future::LocalBoxFuture<'static, Result<(), $crate::ui::chunk::ChunkError>> {
                Box::pin(async { Ok(preload().await?) })
            }
        }

        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($name, fallible, preload(preload))]
        fn $entry($state: $crate::ui::state::AppState) -> Result<$face, $crate::ui::chunk::ChunkError> $body

        #[cfg(not(feature = "split"))]
        async fn $entry($state: $crate::ui::state::AppState) -> Result<$face, $crate::ui::chunk::ChunkError> $body

        #[cfg(not(feature = "split"))]
        async fn preload() -> Result<(), wasm_split_helpers::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use chunk;

/// Enters a capability and hands back its face, type-erased.
type Enter = fn(AppState) -> LocalBoxFuture<'static, Result<AnyFace, ChunkError>>;

fn enter_any<F: Capability>(state: AppState) -> LocalBoxFuture<'static, Result<AnyFace, ChunkError>> {
    Box::pin(async move { F::enter(state).await.map(|face| Arc::new(face) as AnyFace) })
}

/// One capability's chunk: its state ([`ChunkCell`]) with its face's type. Copy: a handle.
pub struct Chunk<F: Capability> {
    cell: ChunkCell,
    _face: PhantomData<fn() -> F>,
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
        Chunk { cell: ChunkCell::new(), _face: PhantomData }
    }

    /// The face, once entered (tracked).
    pub fn face(&self) -> Option<F> {
        self.cell.face().with(|f| f.as_ref().and_then(|f| f.downcast_ref::<F>()).cloned())
    }

    /// The face without tracking (event handlers).
    pub fn face_untracked(&self) -> Option<F> {
        self.cell.face().with_untracked(|f| f.as_ref().and_then(|f| f.downcast_ref::<F>()).cloned())
    }

    /// Where the chunk stands (tracked).
    pub fn status(&self) -> ChunkStatus {
        self.cell.status().get()
    }

    /// Enters the capability unless it is entered or on its way; `then` runs with the face once it
    /// is there (at once when it already is).
    pub fn load_then(&self, state: AppState, then: impl FnOnce(F) + 'static) {
        let then = Box::new(move |face: &AnyFace| {
            if let Some(face) = face.downcast_ref::<F>() {
                then(face.clone());
            }
        });
        load(self.cell, state, F::NAME, enter_any::<F>, Some(then));
    }

    /// Enters the capability unless it is entered or on its way.
    pub fn load(&self, state: AppState) {
        load(self.cell, state, F::NAME, enter_any::<F>, None);
    }
}

/// Enters a chunk's capability unless it is entered (then `then` runs at once) or on its way; at
/// most [`POLICY`]'s attempts, under the app's owner.
fn load(cell: ChunkCell, state: AppState, name: &'static str, enter: Enter, then: Option<Then>) {
    if let Some(face) = cell.face().get_untracked() {
        if let Some(then) = then {
            then(&face);
        }
        return;
    }
    if let Some(then) = then {
        cell.wait(then);
    }
    if !cell.start_loading() {
        return;
    }
    let task = async move {
        crate::timing::mark(&format!("chunk:{name}:asked"));
        let mut attempt = 0;
        let result = loop {
            if let Some(ms) = POLICY.delay_before(attempt).filter(|&ms| ms > 0) {
                crate::fetch::sleep_ms(ms).await;
            }
            match enter(state).await {
                Ok(face) => break Ok(face),
                Err(_) if POLICY.delay_before(attempt + 1).is_some() => attempt += 1,
                Err(_) => break Err(ChunkError::Load(name)),
            }
        };
        match result {
            Ok(face) => {
                crate::timing::mark(&format!("chunk:{name}:ready"));
                cell.ready(face);
            }
            Err(e) => {
                leptos::logging::warn!("ParkMap: {e}");
                cell.failed();
            }
        }
    };
    match cell.owner() {
        Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
        None => leptos::task::spawn_local_scoped(task),
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
    /// The postMessage API of an embedded map.
    pub embed: Chunk<super::embed::EmbedFace>,
    /// The zone, trail and facility names on the map.
    pub labels: Chunk<super::labels::LabelsFace>,
    /// The detail panel's content and "About the data".
    pub details: Chunk<super::details::DetailsFace>,
    /// The raster basemap (only with `?tiles=` or a manifest basemap).
    pub basemap: Chunk<super::tiles::TilesFace>,
    /// The URL's updates, Back and Forward, the service worker.
    pub session: Chunk<super::session::SessionFace>,
    /// The site finder.
    pub sites: Chunk<super::sites::SitesFace>,
}

impl Chunks {
    /// Every chunk idle, owned by the current owner (the app's).
    pub fn new() -> Self {
        Chunks {
            search: Chunk::new(),
            explore: Chunk::new(),
            planner: Chunk::new(),
            embed_dialog: Chunk::new(),
            embed: Chunk::new(),
            labels: Chunk::new(),
            details: Chunk::new(),
            basemap: Chunk::new(),
            session: Chunk::new(),
            sites: Chunk::new(),
        }
    }

    /// How to fetch each chunk that waits for the visitor without entering it, in the order they
    /// are prefetched (search, the labels and the session are entered by then; the embed API and
    /// the basemap are fetched only where they are used).
    fn preloads() -> Vec<Preload> {
        use super::{details::DetailsFace, embed_dialog::EmbedDialogFace, explore::ExploreFace};
        use super::{planner::PlannerFace, search::SearchFace};
        vec![
            ExploreFace::preload,
            PlannerFace::preload,
            SearchFace::preload,
            DetailsFace::preload,
            EmbedDialogFace::preload,
        ]
    }
}

impl Default for Chunks {
    fn default() -> Self {
        Self::new()
    }
}

/// Enters the chunks the map enters by itself: the labels and the session once the park has
/// settled and its clusters are painted (the map is interactive before them: the next frame, then
/// a task), the basemap when there is one.
pub fn enter_when_settled(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !state.layers.settled() {
            return done == Some(true);
        }
        request_animation_frame(move || {
            set_timeout(
                move || {
                    state.chunks.labels.load(state);
                    state.chunks.session.load(state);
                },
                std::time::Duration::ZERO,
            )
        });
        true
    });
    Effect::new(move |_| {
        if state.map.basemap().with(Option::is_some) {
            state.chunks.basemap.load(state);
        }
    });
}

/// Adds a chunk's own stylesheet (`chunks/NAME.css`, copied there by `scripts/build.mjs` from
/// `style/chunks/`) to the page, once: a chunk's styles are paid for with the chunk.
pub fn stylesheet(name: &str) {
    let id = format!("chunk-css-{name}");
    if document().get_element_by_id(&id).is_some() {
        return;
    }
    if let Ok(link) = document().create_element("link") {
        let _ = link.set_attribute("id", &id);
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &format!("chunks/{name}.css"));
        if let Some(head) = document().head() {
            let _ = head.append_child(&link);
        }
    }
}

/// The chunks that bring a stylesheet of their own (`style/chunks/NAME.css`).
const CHUNK_STYLESHEETS: [&str; 2] = ["planner", "sites"];

/// The longest the prefetch waits for an idle moment once the map is ready.
const PREFETCH_WITHIN: std::time::Duration = std::time::Duration::from_millis(1000);

/// Once the park has settled (the map is ready), at the first idle moment: enters search (its
/// pinyin table and index are then ready for the first keystroke) and fetches and instantiates
/// every other chunk, side by side; marks `parkmap:chunks-prefetched` when the last is in,
/// and has the session register the offline service worker. A failure here is not shown: the
/// chunk is fetched again, with its retries, when it is used.
pub fn prefetch_when_ready(state: AppState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !state.layers.settled() {
            return done == Some(true);
        }
        super::browser::when_idle(PREFETCH_WITHIN, move || {
            state.chunks.search.load(state);
            // All at once, the ones a visitor taps first asked for first: the browser fetches them
            // side by side and compiles each as it streams in. The last one in marks the moment and
            // has the session register the offline worker (its precache then finds every chunk in
            // the HTTP cache).
            // The chunks' own stylesheets too (scoped to their classes): a first open then makes
            // no request at all.
            for name in CHUNK_STYLESHEETS {
                stylesheet(name);
            }
            let preloads = Chunks::preloads();
            let left = std::rc::Rc::new(std::cell::Cell::new(preloads.len()));
            for preload in preloads {
                let left = std::rc::Rc::clone(&left);
                leptos::task::spawn_local(async move {
                    let _ = preload().await;
                    left.set(left.get() - 1);
                    if left.get() == 0 {
                        // The site finder, the largest and the least likely first tap, once the
                        // others are in: it does not share the phone's bandwidth with them.
                        let _ = <super::sites::SitesFace as Capability>::preload().await;
                        crate::timing::mark("chunks-prefetched");
                        state.chunks.session.load_then(state, |session| session.register_worker.run(()));
                    }
                });
            }
        });
        true
    });
}

/// A face's view, type-erased: one copy of the rendering code serves every chunk's places.
type FaceView = Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// A chunk's view where the chunk's own place shows its failure (a secondary place: inside the map's
/// SVG, beside the search box): the face's view once it is there, else nothing.
pub fn view_of<F: Capability>(
    chunk: Chunk<F>,
    view: impl Fn(&F) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let face: FaceView = Arc::new(move || chunk.face().map(|f| view(&f)));
    erased_view(face)
}

fn erased_view(face: FaceView) -> AnyView {
    (move || face()).into_any()
}

/// A chunk's place in the page: nothing while it is idle or on its way, the face's view once it is
/// there, and an inline error with Retry when it failed.
pub fn slot<F: Capability>(
    state: AppState,
    chunk: Chunk<F>,
    view: impl Fn(&F) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let face: FaceView = Arc::new(move || chunk.face().map(|f| view(&f)));
    let retry: Arc<dyn Fn() + Send + Sync> = Arc::new(move || chunk.load(state));
    erased_slot(state, chunk.cell.status(), face, retry)
}

fn erased_slot(
    state: AppState,
    status: crate::ui::state::Reader<ChunkStatus>,
    face: FaceView,
    retry: Arc<dyn Fn() + Send + Sync>,
) -> AnyView {
    (move || match status.get() {
        ChunkStatus::Ready => face(),
        ChunkStatus::Failed => {
            let retry = Arc::clone(&retry);
            Some(
                view! {
                    <div class="chunk-failed" role="alert">
                        <span>{state.tr("chunk.failed")}</span>
                        <button type="button" class="chunk-failed__retry" on:click=move |_| retry()>
                            {state.tr("retry")}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        ChunkStatus::Idle | ChunkStatus::Loading => None,
    })
    .into_any()
}
