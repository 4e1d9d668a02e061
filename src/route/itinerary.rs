//! The itinerary as a walker reads it: the trails of a route in order, without the stretches too
//! short to mean anything on the ground. Snapping a point onto a trail, or a junction a few metres
//! off another, leaves runs of a few metres of some other trail between two real ones; listed,
//! they read "0.00 km" or "0.01 km". Each is merged into its neighbour, and two runs of one trail
//! that then meet become one.
//!
//! ```
//! use parkmap::model::{Text, TrailKind};
//! use parkmap::route::{itinerary, SegmentRun};
//! let run = |id: &str, metres: f64| SegmentRun {
//!     trail_id: id.into(),
//!     name: Text { zh: id.into(), en: id.into(), ru: None },
//!     kind: TrailKind::Greenway,
//!     metres,
//! };
//! let shown = itinerary(&[run("a", 800.0), run("b", 4.0), run("a", 300.0), run("c", 600.0)]);
//! assert_eq!(shown.iter().map(|r| (r.trail_id.as_str(), r.metres)).collect::<Vec<_>>(), [("a", 1104.0), ("c", 600.0)]);
//! ```

use super::types::SegmentRun;

/// Runs shorter than this (which [`crate::i18n::format_km`] writes as 0.00 or 0.01 km) are merged
/// into a neighbour, in metres.
pub const ITINERARY_MIN_M: f64 = 15.0;

/// `segments` as the itinerary lists them: every run shorter than [`ITINERARY_MIN_M`] added to the
/// run before it (the first such runs to the run after them), then consecutive runs of one trail
/// joined. The total length is kept. A route made only of short runs is one run: its first
/// trail's, with the whole length.
pub fn itinerary(segments: &[SegmentRun]) -> Vec<SegmentRun> {
    let mut out: Vec<SegmentRun> = Vec::with_capacity(segments.len());
    // metres of short runs met before any run long enough to keep
    let mut carried = 0.0;
    for run in segments {
        match out.last_mut() {
            Some(last) if run.metres < ITINERARY_MIN_M => last.metres += run.metres,
            Some(last) if last.trail_id == run.trail_id => last.metres += run.metres,
            None if run.metres < ITINERARY_MIN_M => carried += run.metres,
            _ => {
                let mut kept = run.clone();
                kept.metres += std::mem::take(&mut carried);
                out.push(kept);
            }
        }
    }
    if out.is_empty() {
        if let Some(first) = segments.first() {
            out.push(SegmentRun { metres: carried, ..first.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, TrailKind};

    fn run(id: &str, metres: f64) -> SegmentRun {
        SegmentRun {
            trail_id: id.into(),
            name: Text { zh: id.into(), en: id.into(), ru: None },
            kind: TrailKind::Greenway,
            metres,
        }
    }

    fn ids(runs: &[SegmentRun]) -> Vec<(&str, f64)> {
        // to the millimetre: sums of decimals are not exact in binary
        runs.iter().map(|r| (r.trail_id.as_str(), (r.metres * 1000.0).round() / 1000.0)).collect()
    }

    fn total(runs: &[SegmentRun]) -> f64 {
        runs.iter().map(|r| r.metres).sum()
    }

    #[test]
    fn a_short_run_between_two_trails_joins_the_one_before() {
        let segments = [run("a", 500.0), run("b", 9.0), run("c", 700.0)];
        assert_eq!(ids(&itinerary(&segments)), [("a", 509.0), ("c", 700.0)]);
    }

    #[test]
    fn a_short_run_between_two_stretches_of_one_trail_makes_them_one() {
        let segments = [run("a", 500.0), run("b", 0.4), run("a", 120.0), run("c", 60.0)];
        assert_eq!(ids(&itinerary(&segments)), [("a", 620.4), ("c", 60.0)]);
    }

    #[test]
    fn short_runs_at_the_start_join_the_first_kept_run_and_at_the_end_the_last() {
        let segments = [run("x", 3.0), run("y", 11.0), run("a", 400.0), run("b", 14.9), run("c", 2.0)];
        let shown = itinerary(&segments);
        assert_eq!(ids(&shown), [("a", 430.9)]);
        assert!((total(&shown) - total(&segments)).abs() < 1e-9);
    }

    #[test]
    fn runs_of_exactly_the_limit_stay_and_no_run_shown_is_shorter_than_it() {
        let segments = [run("a", 15.0), run("b", 15.0), run("c", 0.0), run("d", 40.0)];
        let shown = itinerary(&segments);
        assert_eq!(ids(&shown), [("a", 15.0), ("b", 15.0), ("d", 40.0)]);
        assert!(shown.iter().all(|r| r.metres >= ITINERARY_MIN_M));
    }

    #[test]
    fn a_route_of_only_short_runs_is_one_run_and_nothing_gives_nothing() {
        let shown = itinerary(&[run("a", 4.0), run("b", 5.0)]);
        assert_eq!(ids(&shown), [("a", 9.0)]);
        assert!(itinerary(&[]).is_empty());
    }

    #[test]
    fn the_total_is_kept_for_any_mix() {
        // a deterministic mix of long and short runs over a few trails
        let mut segments = Vec::new();
        let mut seed = 7u32;
        for i in 0..200 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let metres =
                if seed.is_multiple_of(3) { f64::from(seed % 15) } else { f64::from(seed % 900) + 15.0 };
            segments
                .push(run(["a", "b", "c", "d"][(seed as usize >> 8) % 4], metres + f64::from(i % 2) * 0.5));
        }
        let shown = itinerary(&segments);
        assert!((total(&shown) - total(&segments)).abs() < 1e-6);
        assert!(shown.iter().all(|r| r.metres >= ITINERARY_MIN_M));
        assert!(shown.windows(2).all(|w| w[0].trail_id != w[1].trail_id), "no two neighbours of one trail");
    }
}
