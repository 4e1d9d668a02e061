//! Shortest routes through waypoints, leg by leg, with petgraph's A*.

use petgraph::algo::astar;
use petgraph::graph::NodeIndex;

use super::error::{Blocked, Closure, RouteError};
use super::graph::TrailGraph;
use super::types::{Leg, Route};
use super::view::{Step, View};
use super::RouteOptions;
use crate::geo::{measure, LonLat};

/// Cost added per blocked edge when explaining a missing path: larger than any real detour, so the
/// explanation crosses as few closures as possible. Closures that last all year cost twice as much as
/// winter-only ones: given the choice, the explanation names what the winter option changed.
const CLOSURE_PENALTY_M: f64 = 1.0e9;
/// Cost of the closures found, when checking whether any connection avoids them all: larger than any
/// sum of real metres and closure penalties.
const AVOID_M: f64 = 1.0e15;

/// Plans the shortest route through `waypoints` (start, vias…, end) on usable trails.
///
/// Each waypoint is snapped onto the nearest usable trail (within [`SNAP_LIMIT_M`](super::SNAP_LIMIT_M));
/// each leg is a shortest path by petgraph's `astar` with the geodesic straight-line distance as
/// heuristic. Closed trails are never used; trails closed in winter are not used when `opts.winter`.
///
/// # Errors
/// [`RouteError::NotEnoughPoints`] for fewer than two waypoints, [`RouteError::TooFar`] for a waypoint
/// beyond the snapping limit, [`RouteError::NoPath`] (naming the closures or the gap) when a leg has
/// no usable path.
///
/// # Complexity
/// One A* per leg: O((V + E) log V) at worst, usually far less thanks to the heuristic.
pub fn plan(graph: &TrailGraph, waypoints: &[LonLat], opts: &RouteOptions) -> Result<Route, RouteError> {
    if waypoints.len() < 2 {
        return Err(RouteError::NotEnoughPoints);
    }
    let snaps = waypoints
        .iter()
        .enumerate()
        .map(|(i, &p)| graph.snap_for_route(i, p, opts))
        .collect::<Result<Vec<_>, _>>()?;
    let (mut view, nodes) = View::new(graph, *opts, &snaps);
    let mut legs = Vec::with_capacity(nodes.len() - 1);
    for i in 0..nodes.len() - 1 {
        let Some((_, steps)) = shortest(&view, nodes[i], nodes[i + 1]) else {
            view.allow_blocked = true;
            let reason = explain(&view, nodes[i], nodes[i + 1]);
            return Err(RouteError::NoPath { from: i, to: i + 1, reason });
        };
        legs.push(Leg::from_steps(graph, &steps, snaps[i].pos, snaps[i + 1].pos));
    }
    Ok(Route::from_legs(graph, legs, snaps))
}

/// Shortest path in the view, as the steps walked; `None` when `to` cannot be reached.
pub(crate) fn shortest(view: &View<'_>, from: NodeIndex, to: NodeIndex) -> Option<(f64, Vec<Step>)> {
    shortest_with(view, from, to, |s| s.metres)
}

fn shortest_with(
    view: &View<'_>,
    from: NodeIndex,
    to: NodeIndex,
    cost: impl Fn(&Step) -> f64,
) -> Option<(f64, Vec<Step>)> {
    let goal = view.pos(to);
    let (total, path) = astar(
        view,
        from,
        |n| n == to,
        |s| cost(&s),
        |n| if n == to { 0.0 } else { measure::distance_m(view.pos(n), goal) },
    )?;
    let steps = path
        .windows(2)
        .map(|w| {
            view.steps(w[0])
                .into_iter()
                .filter(|s| s.target == w[1])
                .min_by(|x, y| cost(x).total_cmp(&cost(y)))
                .expect("A* only walks existing steps")
        })
        .collect();
    Some((total, steps))
}

/// Why `from` cannot reach `to`: a gap in the network, or the fewest closures any connection crosses.
/// `view` must allow blocked edges.
fn explain(view: &View<'_>, from: NodeIndex, to: NodeIndex) -> Blocked {
    if view.component(from) != view.component(to) {
        return Blocked::Disconnected;
    }
    let penalised = |s: &Step| {
        let e = &view.g.graph[s.edge];
        let closures = if e.closed {
            2.0
        } else if view.is_blocked(s) {
            1.0
        } else {
            0.0
        };
        s.metres + closures * CLOSURE_PENALTY_M
    };
    let Some((_, steps)) = shortest_with(view, from, to, penalised) else {
        return Blocked::Disconnected;
    };
    let mut closures: Vec<Closure> = Vec::new();
    for s in steps.iter().filter(|s| view.is_blocked(s)) {
        let e = &view.g.graph[s.edge];
        if !closures.iter().any(|c| c.trail_id == e.trail_id) {
            closures.push(Closure {
                trail_id: e.trail_id.clone(),
                name: e.name.clone(),
                winter_only: !e.closed,
            });
        }
    }
    // Is there a connection avoiding all of them? If not, they are the only one. When they are all
    // winter-only, a connection through a year-round closure does not count: it never opens.
    let all_winter = closures.iter().all(|c| c.winter_only);
    let listed = |s: &Step| {
        let e = &view.g.graph[s.edge];
        (all_winter && e.closed) || closures.iter().any(|c| c.trail_id == e.trail_id)
    };
    let avoiding = |s: &Step| penalised(s) + if listed(s) { AVOID_M } else { 0.0 };
    let only = shortest_with(view, from, to, avoiding).is_none_or(|(total, _)| total >= AVOID_M);
    Blocked::Closed { closures, only }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Winter;
    use crate::route::test_park::{park_of, trail};

    /// Two ways from west to east: a short middle line, and a long northern detour.
    fn two_ways(middle_closed: bool, middle_winter: bool) -> TrailGraph {
        let mut mid = trail("mid", &[(126.50, 45.83), (126.52, 45.83)]);
        mid.closed = middle_closed;
        mid.winter = middle_winter.then_some(Winter::Closed);
        let west = trail("west", &[(126.50, 45.83), (126.50, 45.84)]);
        let north = trail("north", &[(126.50, 45.84), (126.52, 45.84)]);
        let east = trail("east", &[(126.52, 45.84), (126.52, 45.83)]);
        TrailGraph::from_park(&park_of(vec![mid, west, north, east]))
    }

    const A: LonLat = LonLat::lon_lat(126.499, 45.83);
    const B: LonLat = LonLat::lon_lat(126.521, 45.83);

    #[test]
    fn route_takes_the_short_way_when_it_is_open() {
        let r = plan(&two_ways(false, false), &[A, B], &RouteOptions::default()).unwrap();
        assert_eq!(r.segments.len(), 1);
        assert_eq!(r.segments[0].trail_id, "mid");
    }

    #[test]
    fn route_skips_closed_segment_when_a_detour_exists() {
        let r = plan(&two_ways(true, false), &[A, B], &RouteOptions::default()).unwrap();
        let ids: Vec<_> = r.segments.iter().map(|s| s.trail_id.as_str()).collect();
        assert_eq!(ids, ["west", "north", "east"]);
    }

    #[test]
    fn winter_closure_applies_only_under_winter_rules() {
        let g = two_ways(false, true);
        let summer = plan(&g, &[A, B], &RouteOptions { winter: false }).unwrap();
        let winter = plan(&g, &[A, B], &RouteOptions { winter: true }).unwrap();
        assert_eq!(summer.segments[0].trail_id, "mid");
        assert!(winter.segments.iter().all(|s| s.trail_id != "mid"));
        assert!(winter.distance_m > summer.distance_m * 2.0);
    }

    #[test]
    fn no_path_names_the_only_connection_closed_in_winter() {
        let mut only = trail("w07", &[(126.50, 45.83), (126.51, 45.83)]);
        only.name.en = "Riverside Boardwalk".into();
        only.winter = Some(Winter::Closed);
        let a = trail("a", &[(126.49, 45.83), (126.50, 45.83)]);
        let b = trail("b", &[(126.51, 45.83), (126.52, 45.83)]);
        let g = TrailGraph::from_park(&park_of(vec![a, only, b]));
        let pts = [LonLat::lon_lat(126.495, 45.83), LonLat::lon_lat(126.515, 45.83)];
        let err = plan(&g, &pts, &RouteOptions { winter: true }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no path from point 1 to point 2: the only connection, Riverside Boardwalk (w07), is closed in winter"
        );
    }

    #[test]
    fn no_path_with_two_closed_connections_names_the_nearer_and_does_not_call_it_the_only_one() {
        let mut near = trail("near", &[(126.50, 45.83), (126.51, 45.83)]);
        near.winter = Some(Winter::Closed);
        let mut far = trail("far", &[(126.50, 45.83), (126.505, 45.835), (126.51, 45.83)]);
        far.winter = Some(Winter::Closed);
        let a = trail("a", &[(126.49, 45.83), (126.50, 45.83)]);
        let b = trail("b", &[(126.51, 45.83), (126.52, 45.83)]);
        let g = TrailGraph::from_park(&park_of(vec![a, near, far, b]));
        let pts = [LonLat::lon_lat(126.495, 45.83), LonLat::lon_lat(126.515, 45.83)];
        let Err(RouteError::NoPath { reason: Blocked::Closed { closures, only }, .. }) =
            plan(&g, &pts, &RouteOptions { winter: true })
        else {
            panic!("expected a closure")
        };
        assert_eq!(closures.len(), 1);
        assert_eq!(closures[0].trail_id, "near");
        assert!(!only);
        assert!(plan(&g, &pts, &RouteOptions { winter: false }).is_ok());
    }

    #[test]
    fn no_path_reports_a_gap_between_disconnected_parts() {
        let a = trail("a", &[(126.50, 45.83), (126.51, 45.83)]);
        let b = trail("b", &[(126.512, 45.83), (126.52, 45.83)]);
        let g = TrailGraph::from_park(&park_of(vec![a, b]));
        let err = plan(
            &g,
            &[LonLat::lon_lat(126.50, 45.83), LonLat::lon_lat(126.52, 45.83)],
            &RouteOptions::default(),
        );
        assert_eq!(err, Err(RouteError::NoPath { from: 0, to: 1, reason: Blocked::Disconnected }));
    }

    #[test]
    fn one_waypoint_is_not_enough() {
        let g = two_ways(false, false);
        assert_eq!(plan(&g, &[A], &RouteOptions::default()), Err(RouteError::NotEnoughPoints));
    }

    #[test]
    fn two_waypoints_on_one_edge_route_along_it_directly() {
        let g = two_ways(false, false);
        let p = LonLat::lon_lat(126.505, 45.83);
        let q = LonLat::lon_lat(126.515, 45.83);
        let r = plan(&g, &[q, p], &RouteOptions::default()).unwrap();
        let direct = measure::distance_m(p, q);
        assert!((r.distance_m - direct).abs() < 0.01, "{} vs {direct}", r.distance_m);
        assert_eq!(r.geometry.first(), Some(&r.waypoints[0].pos));
        assert_eq!(r.legs[0].pieces.len(), 1);
        assert!(r.legs[0].pieces[0].from_m > r.legs[0].pieces[0].to_m, "walked backwards along the edge");
    }
}
