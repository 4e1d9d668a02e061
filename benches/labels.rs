//! Label placement figures: 12 zone labels, 100 trail labels and 200 POI labels on a 1366 × 800
//! view with 80 obstacles, placed from scratch and again with the previous choices (a drag frame).
//! Prints figures; never fails on time. `cargo bench --bench labels`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

use std::hint::black_box;
use std::time::{Duration, Instant};

use parkmap::geo::{ScreenPoint, ScreenRect};
use parkmap::label::{place_labels, Candidate, EmMetrics, LabelClass, PlaceOptions, PreviousChoices};

/// A small deterministic generator (no dependency): a linear congruential sequence in 0..1.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

const NAMES: [&str; 6] =
    ["Parking 3", "Главный вход", "地铁站", "Visitor centre", "Смотровая площадка", "卫生间"];

fn scene(pan: f64) -> (Vec<Candidate>, Vec<ScreenRect>) {
    let (w, h) = (1366.0, 800.0);
    let mut r = Lcg(20_190_509);
    let at = |r: &mut Lcg| ScreenPoint::new(r.next() * w + pan, r.next() * h);
    let mut cands = Vec::new();
    for i in 0..12 {
        let p = at(&mut r);
        cands.push(Candidate::point(format!("z{i}"), LabelClass::Zone, "Digital Economy Cluster", p));
    }
    for i in 0..100 {
        let a = at(&mut r);
        let line: Vec<ScreenPoint> = (0..8)
            .map(|k| ScreenPoint::new(a.x + 40.0 * f64::from(k), a.y + 15.0 * f64::from(k % 3)))
            .collect();
        cands.push(Candidate::line(format!("t{i}"), LabelClass::Trail, "Songhua Greenway", line));
    }
    for i in 0..200 {
        let p = at(&mut r);
        cands.push(Candidate::point(format!("p{i}"), LabelClass::Poi, NAMES[i % NAMES.len()], p));
    }
    let obstacles = (0..80).map(|_| ScreenRect::centered(at(&mut r), 24.0, 24.0)).collect();
    (cands, obstacles)
}

fn median(mut runs: Vec<Duration>) -> (Duration, Duration) {
    runs.sort();
    (runs[runs.len() / 2], runs[(runs.len() * 95 / 100).min(runs.len() - 1)])
}

fn main() {
    let metrics = EmMetrics::new(13.0);
    let opts = PlaceOptions::new(1366.0, 800.0);
    let (cands, obstacles) = scene(0.0);
    let runs = 201;
    let mut fresh = Vec::with_capacity(runs);
    let mut layout = None;
    for _ in 0..runs {
        let t = Instant::now();
        layout = Some(black_box(place_labels(&cands, &obstacles, &metrics, &opts, &PreviousChoices::new())));
        fresh.push(t.elapsed());
    }
    let layout = layout.expect("ran");
    let prev = layout.choices();
    let (moved, moved_obstacles) = scene(3.0);
    let mut again = Vec::with_capacity(runs);
    let mut kept = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let l = black_box(place_labels(&moved, &moved_obstacles, &metrics, &opts, &prev));
        again.push(t.elapsed());
        kept = l.placed.iter().filter(|p| prev.get(&p.id) == Some(&p.choice)).count();
    }
    let per_class = |c: LabelClass| layout.placed.iter().filter(|l| l.class == c).count();
    println!("== labels: 12 zones + 100 trails + 200 POIs, 80 obstacles, 1366×800, median of {runs} runs ==");
    println!(
        "placed: {} zones, {} trails, {} POIs ({} dropped)",
        per_class(LabelClass::Zone),
        per_class(LabelClass::Trail),
        per_class(LabelClass::Poi),
        layout.dropped.len()
    );
    let (m, p95) = median(fresh);
    println!(
        "from scratch:           median {:.3} ms, p95 {:.3} ms",
        m.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
    let (m, p95) = median(again);
    println!(
        "drag frame (3 px pan):  median {:.3} ms, p95 {:.3} ms",
        m.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
    println!("labels keeping their option after the pan: {kept} of {}", layout.placed.len());
}
