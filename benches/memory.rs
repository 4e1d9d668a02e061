//! Memory figures: what loading a park allocates, stage by stage, as the app does it (read the
//! text, parse each layer, add it to the park, build the search index, the clusters of the first
//! view and the filter's mask). A counting allocator gives the bytes live after each stage and the
//! peak while it ran. Prints figures; never fails. `cargo bench --bench memory`.
//!
//! These are native (64-bit) figures: a `String` or `Vec` header is 24 bytes here and 12 in wasm32,
//! so the wasm figures are somewhat smaller; the browser bench (`./scripts/bench.sh`) measures the
//! wasm memory itself. Use these to see which stage costs what.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use parkmap::datagen::{generate, GenOptions, DEFAULT_SEED};
use parkmap::filter::Filter;
use parkmap::geo::Viewport;
use parkmap::index::{ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
use parkmap::model::Park;
use parkmap::read::{parse_layer, parse_manifest};
use parkmap::search::{bundled_pinyin, SearchIndex};

/// [`System`], counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;

/// Runs `f` as one stage: prints the bytes it left live and the peak above the start.
fn stage<T>(name: &str, base: usize, f: impl FnOnce() -> T) -> T {
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let out = f();
    let (live, peak) = (LIVE.load(Relaxed), PEAK.load(Relaxed));
    println!(
        "{name:<44} {:>9.1} {:>9.1} {:>9.1}",
        (live as f64 - start as f64) / MB,
        (peak - start) as f64 / MB,
        (live - base) as f64 / MB
    );
    out
}

fn run(companies: usize) {
    let files = generate(&GenOptions { seed: DEFAULT_SEED, companies });
    let read = |name: &str| files.iter().find(|f| f.name == name).map(|f| f.contents.clone()).expect("file");
    let (manifest, _) = parse_manifest("park.json", &read("park.json")).expect("manifest");
    let bytes: usize = files.iter().filter(|f| f.name.ends_with(".geojson")).map(|f| f.contents.len()).sum();
    println!("\n== {companies} companies; layer files {:.1} MB ==", bytes as f64 / MB);
    println!("{:<44} {:>9} {:>9} {:>9}", "stage", "kept MB", "peak MB", "total MB");
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let mut park = Park::default();
    for layer in &manifest.layers {
        let parsed = stage(&format!("read + parse {}", layer.url), base, || {
            let text = read(&layer.url);
            parse_layer(layer.kind, &layer.url, &text)
        });
        stage(&format!("  add to park ({} problems)", parsed.errors.len()), base, || {
            park.add_new(parsed.layer);
        });
    }
    let search = stage("search index (bundled pinyin)", base, || SearchIndex::new(&park, bundled_pinyin()));
    let mask = stage("filter mask", base, || Filter::default().mask(&park.companies));
    let clusters = stage("clusters: cache + first view + 3 zooms in", base, || {
        let mut cache = ClusterCache::new(SpatialIndex::new(&park.companies), DEFAULT_RADIUS_PX);
        cache.set_matching(&mask);
        let bounds = manifest.bounds;
        let view = Viewport::new(bounds.center(), 13.0, 390.0, 844.0).fit(&bounds, 0.0);
        let n: usize = (0..4).map(|k| cache.visible(&view.with_zoom(view.zoom + k as f64)).len()).sum();
        (cache, n)
    });
    println!(
        "per company, kept after load: {:.0} B; companies {}, search entries built, {} clusters drawn",
        (LIVE.load(Relaxed) - base) as f64 / park.companies.len().max(1) as f64,
        park.companies.len(),
        clusters.1
    );
    drop((search, clusters, mask, park));
}

fn main() {
    for n in [590, 50_000] {
        run(n);
    }
}
