//! Route planner figures: graph build, point-to-point queries and round trips, on the shipped park and
//! on a generated grid of about 100 000 edges. Prints a table; never fails on time.
//!
//! Run with `cargo bench --bench route`.
#![allow(clippy::disallowed_methods)] // native only: the one shared sort (clippy.toml) is for the wasm

// The benchmark is native: it reads files and times with the system clock.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    use parkmap::geo::LonLat;
    use parkmap::model::{Park, PoiKind, Text, Trail, TrailKind};
    use parkmap::read::{parse_layer, parse_manifest};
    use parkmap::route::{plan, plan_loop, RouteError, RouteOptions, TrailGraph};
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn shipped_park() -> Park {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("shipped data");
        let (manifest, _) = parse_manifest("park.json", &read("park.json")).expect("manifest");
        let mut park = Park::default();
        for layer in &manifest.layers {
            park.add(parse_layer(layer.kind, &layer.url, &read(&layer.url)).layer);
        }
        park
    }

    /// A `cols` x `rows` grid of junctions 100 m apart near the park, one two-vertex trail per grid edge,
    /// 1 % of them closed.
    fn grid_park(cols: usize, rows: usize, rng: &mut ChaCha8Rng) -> Park {
        let (dlon, dlat) = (0.001_29, 0.000_9); // about 100 m each way at 45.8° N
        let at = |c: usize, r: usize| LonLat::lon_lat(126.40 + c as f64 * dlon, 45.70 + r as f64 * dlat);
        let mut trails = Vec::with_capacity(2 * cols * rows);
        let mut push = |a: LonLat, b: LonLat, closed: bool| {
            let line = vec![a, b];
            let id = format!("e{}", trails.len());
            let name = Text { zh: id.clone(), en: id.clone(), ru: None };
            trails.push(Trail { closed, ..Trail::from_line(&id, TrailKind::Greenway, name, line) });
        };
        for r in 0..rows {
            for c in 0..cols {
                if c + 1 < cols {
                    push(at(c, r), at(c + 1, r), rng.random_bool(0.01));
                }
                if r + 1 < rows {
                    push(at(c, r), at(c, r + 1), rng.random_bool(0.01));
                }
            }
        }
        Park { greenway: trails, ..Park::default() }
    }

    struct Stats {
        median: Duration,
        p95: Duration,
        max: Duration,
    }

    fn stats(mut times: Vec<Duration>) -> Stats {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        Stats { median: at(0.5), p95: at(0.95), max: times[times.len() - 1] }
    }

    fn ms(d: Duration) -> String {
        format!("{:.3}", d.as_secs_f64() * 1000.0)
    }

    fn row(network: &str, what: &str, n: usize, s: &Stats, note: &str) {
        println!(
            "| {network:<14} | {what:<22} | {n:>5} | {:>10} | {:>10} | {:>10} | {note}",
            ms(s.median),
            ms(s.p95),
            ms(s.max)
        );
    }

    fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
        let t = Instant::now();
        let out = f();
        (t.elapsed(), out)
    }

    /// Point-to-point queries between random pairs of `points`.
    fn routes(graph: &TrailGraph, points: &[LonLat], n: usize, rng: &mut ChaCha8Rng) -> (Stats, String) {
        let (mut times, mut ok, mut km) = (Vec::new(), 0, 0.0);
        for _ in 0..n {
            let a = points[rng.random_range(0..points.len())];
            let b = points[rng.random_range(0..points.len())];
            let (d, r) = time(|| plan(graph, &[a, b], &RouteOptions::default()));
            times.push(d);
            if let Ok(r) = r {
                ok += 1;
                km += r.distance_m / 1000.0;
            }
        }
        (stats(times), format!("{ok}/{n} found, mean {:.1} km", km / ok.max(1) as f64))
    }

    /// Round trips of `km` from each start.
    fn loops(graph: &TrailGraph, starts: &[LonLat], km: f64) -> (Stats, String) {
        let (mut times, mut ok, mut closest, mut reused) = (Vec::new(), 0, 0, 0.0);
        for &p in starts {
            let (d, r) = time(|| plan_loop(graph, p, km, &RouteOptions::default()));
            times.push(d);
            match r {
                Ok(r) => {
                    ok += 1;
                    reused += r.reused_m / r.distance_m;
                }
                Err(RouteError::NoLoop { closest: Some(_), .. }) => closest += 1,
                Err(_) => {}
            }
        }
        let note = format!(
            "{ok}/{} within ±10 % ({closest} closest only), mean {:.0} % walked twice",
            starts.len(),
            100.0 * reused / ok.max(1) as f64
        );
        (stats(times), note)
    }

    pub fn main() {
        let mut rng = ChaCha8Rng::seed_from_u64(20190509);
        println!(
            "| network        | query                  |     n | median ms  |    p95 ms  |    max ms  | notes"
        );
        println!(
            "|----------------|------------------------|-------|------------|------------|------------|------"
        );

        // The shipped park.
        let park = shipped_park();
        let builds: Vec<Duration> = (0..50).map(|_| time(|| TrailGraph::from_park(&park)).0).collect();
        let graph = TrailGraph::from_park(&park);
        let note = format!("{} junctions, {} edges", graph.node_count(), graph.edge_count());
        row("shipped park", "graph build", builds.len(), &stats(builds), &note);
        let pois: Vec<LonLat> = park.pois.iter().map(|p| p.pos).collect();
        let (s, note) = routes(&graph, &pois, 200, &mut rng);
        row("shipped park", "route, POI pair", 200, &s, &note);
        use PoiKind::*;
        let near = [Entrance, Parking, Toilet, BikeRental, Viewpoint, WarmStation];
        let starts: Vec<LonLat> =
            park.pois.iter().filter(|p| near.contains(&p.kind)).map(|p| p.pos).collect();
        for km in [3.0, 5.0, 10.0, 20.0, 40.0] {
            let (s, note) = loops(&graph, &starts, km);
            row("shipped park", &format!("loop {km} km"), starts.len(), &s, &note);
        }

        // A generated grid of about 100 000 edges.
        let grid = grid_park(224, 225, &mut rng);
        let builds: Vec<Duration> = (0..3).map(|_| time(|| TrailGraph::from_park(&grid)).0).collect();
        let graph = TrailGraph::from_park(&grid);
        let note = format!("{} junctions, {} edges", graph.node_count(), graph.edge_count());
        row("grid 100k", "graph build", builds.len(), &stats(builds), &note);
        let corners: Vec<LonLat> = grid.greenway.iter().step_by(97).map(|t| t.parts[0][0]).collect();
        let (s, note) = routes(&graph, &corners, 200, &mut rng);
        row("grid 100k", "route, random pair", 200, &s, &note);
        let nearby: Vec<LonLat> =
            corners.iter().filter(|p| p.lon < 126.44 && p.lat < 45.73).copied().collect();
        let (s, note) = routes(&graph, &nearby, 200, &mut rng);
        row("grid 100k", "route, pair in 3x3 km", 200, &s, &note);
        let starts: Vec<LonLat> = corners.iter().step_by(25).copied().collect();
        for km in [5.0, 20.0] {
            let (s, note) = loops(&graph, &starts, km);
            row("grid 100k", &format!("loop {km} km"), starts.len(), &s, &note);
        }
    }
}
