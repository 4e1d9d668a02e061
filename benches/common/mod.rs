//! Parks for the benchmarks and a tiny timing helper (median and p95 of repeated runs).

// Shared by both benches; each uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use parkmap::datagen::{generate, GenOptions, DEFAULT_SEED};
use parkmap::model::Park;
use parkmap::read::{parse_layer, parse_manifest};

/// Parses a bundle given as (file name, contents) pairs, manifest first.
fn parse_bundle(read: impl Fn(&str) -> String) -> Park {
    let (manifest, errors) = parse_manifest("park.json", &read("park.json")).expect("manifest parses");
    assert!(errors.is_empty(), "{errors:?}");
    let mut park = Park::default();
    for layer in &manifest.layers {
        let parsed = parse_layer(layer.kind, &layer.url, &read(&layer.url));
        assert!(parsed.errors.is_empty(), "{}: {:?}", layer.url, parsed.errors);
        park.add(parsed.layer);
    }
    park
}

/// The shipped park from `public/data/`.
pub fn shipped_park() -> Park {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
    parse_bundle(|name| std::fs::read_to_string(dir.join(name)).expect("shipped file"))
}

/// A stress park with `companies` generated companies, generated and parsed in memory.
pub fn stress_park(companies: usize) -> Park {
    let files = generate(&GenOptions { seed: DEFAULT_SEED, companies });
    parse_bundle(|name| {
        files.iter().find(|f| f.name == name).map(|f| f.contents.clone()).expect("generated file")
    })
}

/// Runs `f` `runs` times and returns the sorted durations.
pub fn time_runs(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// Runs `setup` then times `f` on its output, `runs` times; returns the sorted durations of `f`.
pub fn time_with_setup<S>(
    runs: usize,
    mut setup: impl FnMut() -> S,
    mut f: impl FnMut(&mut S),
) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut s = setup();
            let t = Instant::now();
            f(&mut s);
            let d = t.elapsed();
            drop(s);
            d
        })
        .collect();
    times.sort();
    times
}

/// Median and 95th percentile of sorted durations.
pub fn median_p95(sorted: &[Duration]) -> (Duration, Duration) {
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

/// Milliseconds with 3 decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// Microseconds with 1 decimal.
pub fn us(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e6)
}
