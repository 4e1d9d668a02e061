//! Marker clustering figures: index build, and per zoom level the cost of a first visit (grid +
//! clustering), of re-clustering after a filter change (grid kept), and of a revisit (memoised
//! level, viewport cull only), for the shipped park and a 50 000-company stress park.
//! Prints figures; never fails on time. `cargo bench --bench cluster`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{median_p95, ms, shipped_park, stress_park, time_runs, time_with_setup};
use parkmap::filter::Filter;
use parkmap::geo::{MapBounds, Viewport};
use parkmap::index::{ClusterCache, SpatialIndex, DEFAULT_RADIUS_PX};
use parkmap::model::{Industry, Park};

fn bench_park(label: &str, park: &Park, runs: usize) {
    let n = park.companies.len();
    println!("\n== {label}: {n} companies, radius {DEFAULT_RADIUS_PX} px, median of {runs} runs ==");
    let build = time_runs(runs, || {
        black_box(SpatialIndex::new(&park.companies));
    });
    println!("R-tree build (SpatialIndex::new): {} ms", ms(median_p95(&build).0));

    let index = SpatialIndex::new(&park.companies);
    let all = vec![true; n];
    let digital =
        Filter { industries: [Industry::DigitalEconomy].into(), ..Filter::default() }.mask(&park.companies);
    let shown = digital.iter().filter(|&&m| m).count();
    let bounds = MapBounds::around(park.companies.iter().map(|c| c.map)).expect("companies");
    println!(
        "{:>4} {:>9} {:>10} {:>11} {:>13} {:>11} {:>8} {:>9}",
        "zoom", "clusters", "first ms", "re-all ms", "re-digital ms", "revisit ms", "visible", "p95 ms"
    );
    for zoom in 10..=19u8 {
        let view = Viewport::new(bounds.center(), f64::from(zoom) + 0.5, 1280.0, 800.0);
        // first visit: a fresh cache builds the grid and clusters the level
        let first = time_with_setup(
            runs,
            || ClusterCache::new(index.clone(), DEFAULT_RADIUS_PX),
            |cache| {
                black_box(cache.level(zoom).len());
            },
        );
        let mut cache = ClusterCache::new(index.clone(), DEFAULT_RADIUS_PX);
        let clusters = cache.level(zoom).len();
        // filter change: grid kept, level re-clustered; alternating masks so each run changes
        let mut refilter = [Vec::new(), Vec::new()];
        for run in 0..2 * runs {
            let mask = if run % 2 == 0 { &digital } else { &all };
            cache.set_matching(mask);
            let t = Instant::now();
            black_box(cache.level(zoom).len());
            refilter[run % 2].push(t.elapsed());
        }
        refilter.iter_mut().for_each(|r| r.sort());
        cache.set_matching(&all);
        cache.level(zoom);
        let revisit = time_runs(runs.max(21), || {
            black_box(cache.visible(&view).len());
        });
        let visible = cache.visible(&view).len();
        println!(
            "{zoom:>4} {clusters:>9} {:>10} {:>11} {:>13} {:>11} {visible:>8} {:>9}",
            ms(median_p95(&first).0),
            ms(median_p95(&refilter[1]).0),
            ms(median_p95(&refilter[0]).0),
            ms(median_p95(&revisit).0),
            ms(median_p95(&revisit).1),
        );
    }
    println!(
        "first: fresh cache (grid + clustering); re-all / re-digital: after a filter change to all {n} / the"
    );
    println!("{shown} digital-economy companies (grid kept); revisit: memoised level, cull to a 1280x800 px view at");
    println!("zoom + 0.5 (median, and p95 in the last column); visible: clusters returned for that view");
    let warm =
        time_with_setup(runs, || ClusterCache::new(index.clone(), DEFAULT_RADIUS_PX), |cache| cache.warm());
    println!("all levels 0..=19 from scratch (ClusterCache::warm): {} ms", ms(median_p95(&warm).0));
}

fn main() {
    let shipped = shipped_park();
    bench_park("shipped park", &shipped, 51);
    let t = Instant::now();
    let stress = stress_park(50_000);
    println!("\n(stress park generated and parsed in {:.1} s)", t.elapsed().as_secs_f64());
    bench_park("stress park", &stress, 21);
}
