//! Search figures: index build and latency per keystroke (full scan and incremental) for typed
//! queries, on the shipped park and a 50 000-company stress park. Prints figures; never fails on
//! time. `cargo bench --bench search`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{median_p95, ms, shipped_park, stress_park, time_runs, us};
use parkmap::model::Park;
use parkmap::search::{bundled_pinyin, IncrementalSearch, SearchIndex};

const LIMIT: usize = 20;
const QUERIES: [&str; 4] = ["harbin tech", "hua", "hw", "华为"];

/// Prefixes of `q` as typed, one per keystroke.
fn keystrokes(q: &str) -> Vec<&str> {
    q.char_indices().map(|(i, c)| &q[..i + c.len_utf8()]).collect()
}

fn bench_park(label: &str, park: &Park, rounds: usize) {
    let n = park.companies.len() + park.zones.len() + park.pois.len();
    println!("\n== {label}: {n} names, limit {LIMIT}, {rounds} rounds ==");
    let build = time_runs(rounds.min(11), || {
        black_box(SearchIndex::new(park, bundled_pinyin()));
    });
    println!("index build (SearchIndex::new): {} ms", ms(median_p95(&build).0));
    let index = SearchIndex::new(park, bundled_pinyin());
    let (mut all_full, mut all_incr) = (Vec::new(), Vec::new());
    for q in QUERIES {
        let keys = keystrokes(q);
        let mut full: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
        let mut incr: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
        let mut hits = vec![0; keys.len()];
        let mut matches = vec![0; keys.len()];
        for _ in 0..rounds {
            let mut typing = IncrementalSearch::new();
            for (k, key) in keys.iter().enumerate() {
                let t = Instant::now();
                hits[k] = black_box(index.search(key, LIMIT)).len();
                full[k].push(t.elapsed());
                let t = Instant::now();
                black_box(typing.search(&index, key, LIMIT));
                incr[k].push(t.elapsed());
                matches[k] = typing.candidates().unwrap_or(0);
            }
        }
        println!("\nquery {q:?}: per keystroke, µs (median / p95)");
        println!("{:>14} {:>8} {:>6} {:>18} {:>18}", "typed", "matches", "hits", "full scan", "incremental");
        for (k, key) in keys.iter().enumerate() {
            full[k].sort();
            incr[k].sort();
            let (fm, fp) = median_p95(&full[k]);
            let (im, ip) = median_p95(&incr[k]);
            println!(
                "{:>14} {:>8} {:>6} {:>18} {:>18}",
                format!("{key:?}"),
                matches[k],
                hits[k],
                format!("{} / {}", us(fm), us(fp)),
                format!("{} / {}", us(im), us(ip))
            );
            all_full.extend(&full[k]);
            all_incr.extend(&incr[k]);
        }
    }
    all_full.sort();
    all_incr.sort();
    let (fm, fp) = median_p95(&all_full);
    let (im, ip) = median_p95(&all_incr);
    println!(
        "\nall keystrokes: full scan {} µs median, {} µs p95; incremental {} µs median, {} µs p95",
        us(fm),
        us(fp),
        us(im),
        us(ip)
    );
}

fn main() {
    bench_park("shipped park", &shipped_park(), 101);
    let stress = stress_park(50_000);
    bench_park("stress park", &stress, 21);
}
