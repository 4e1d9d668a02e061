//! The one error type of the route planner. Every variant carries what the UI needs to explain itself.

use std::fmt;

use thiserror::Error;

use super::types::Route;
use crate::model::Text;

/// Why a route could not be planned.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum RouteError {
    /// Fewer than two waypoints were given.
    #[error("a route needs a start and an end")]
    NotEnoughPoints,
    /// A waypoint is too far from any usable trail to be snapped onto the network. The message
    /// numbers points from 1, as the planner's list and the map's markers do.
    #[error("point {} is {distance_m:.0} m from the nearest usable trail (limit {limit_m:.0} m)", index + 1)]
    TooFar {
        /// Index of the waypoint in the list given to the planner (0 = start).
        index: usize,
        /// Distance to the nearest usable trail in metres (infinite when there is none at all).
        distance_m: f64,
        /// The snapping limit that was exceeded, in metres.
        limit_m: f64,
    },
    /// Two consecutive waypoints are not connected by usable trails (numbered from 1 in the message).
    #[error("no path from point {} to point {}: {reason}", from + 1, to + 1)]
    NoPath {
        /// Index of the leg's first waypoint.
        from: usize,
        /// Index of the leg's last waypoint.
        to: usize,
        /// What stands in the way.
        reason: Blocked,
    },
    /// No round trip within [`LOOP_TOLERANCE`](super::LOOP_TOLERANCE) of the target length exists (or
    /// was found within the search budget).
    #[error("no round trip of {target_km} km ± 10 % from here{}", closest_note(closest.as_deref()))]
    NoLoop {
        /// The asked length in kilometres.
        target_km: f64,
        /// The round trip whose length came closest, if any was found at all.
        closest: Option<Box<Route>>,
    },
    /// The asked round-trip length is outside [`MIN_LOOP_KM`](super::MIN_LOOP_KM) ..=
    /// [`MAX_LOOP_KM`](super::MAX_LOOP_KM).
    #[error("a round trip is 2 to 40 km long, not {target_km} km")]
    LoopLengthOutOfRange {
        /// The asked length in kilometres.
        target_km: f64,
    },
}

fn closest_note(closest: Option<&Route>) -> String {
    match closest {
        Some(r) => format!("; the closest is {:.1} km", r.distance_m / 1000.0),
        None => String::new(),
    }
}

/// What separates two waypoints.
#[derive(Clone, Debug, PartialEq)]
pub enum Blocked {
    /// The points lie on parts of the network that no trail joins, open or not.
    Disconnected,
    /// Trails join them, but every connection crosses a closure. `closures` is the smallest set found
    /// on one connection, in path order: opening them would connect the points. `only` says whether
    /// every connection crosses one of them (then they are *the* obstacle, not just the nearest one);
    /// for winter-only closures, connections through year-round closures are not counted.
    Closed {
        /// The closed trails on the connection that crosses the fewest closures.
        closures: Vec<Closure>,
        /// True when no connection avoids all of them (see above).
        only: bool,
    },
}

/// A closed trail that stands in the way of a route.
#[derive(Clone, Debug, PartialEq)]
pub struct Closure {
    /// Trail id, e.g. `w07`.
    pub trail_id: String,
    /// Trail name.
    pub name: Text,
    /// True when it is only closed under winter rules (open the rest of the year).
    pub winter_only: bool,
}

impl Closure {
    fn when(&self) -> &'static str {
        if self.winter_only {
            "closed in winter"
        } else {
            "closed"
        }
    }
}

impl fmt::Display for Closure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}) is {}", self.name.en, self.trail_id, self.when())
    }
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocked::Disconnected => f.write_str("the points are on disconnected parts of the network"),
            Blocked::Closed { closures, only } => match (closures.as_slice(), only) {
                ([], _) => f.write_str("every connection is closed"),
                ([one], true) => {
                    write!(f, "the only connection, {} ({}), is {}", one.name.en, one.trail_id, one.when())
                }
                (list, _) => {
                    f.write_str(if *only {
                        "every connection crosses a closure: "
                    } else {
                        "every connection crosses a closure; the fewest to cross: "
                    })?;
                    for (i, c) in list.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{c}")?;
                    }
                    Ok(())
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closure(id: &str, en: &str, winter_only: bool) -> Closure {
        Closure {
            trail_id: id.into(),
            name: Text { zh: String::new(), en: en.into(), ru: None },
            winter_only,
        }
    }

    #[test]
    fn no_path_message_names_the_single_winter_closure() {
        let e = RouteError::NoPath {
            from: 0,
            to: 1,
            reason: Blocked::Closed {
                closures: vec![closure("w07", "Riverside Boardwalk", true)],
                only: true,
            },
        };
        assert_eq!(
            e.to_string(),
            "no path from point 1 to point 2: the only connection, Riverside Boardwalk (w07), is closed in winter"
        );
    }

    #[test]
    fn messages_number_points_from_one_as_the_list_does() {
        let far = RouteError::TooFar { index: 0, distance_m: 2791.4, limit_m: 500.0 };
        assert_eq!(far.to_string(), "point 1 is 2791 m from the nearest usable trail (limit 500 m)");
        let gap = RouteError::NoPath { from: 2, to: 3, reason: Blocked::Disconnected };
        assert_eq!(
            gap.to_string(),
            "no path from point 3 to point 4: the points are on disconnected parts of the network"
        );
    }

    #[test]
    fn no_path_message_lists_every_closure_and_names_a_gap() {
        let both = vec![closure("g44", "Xiyuan Link", true), closure("g46", "West Lake Link", false)];
        let r = Blocked::Closed { closures: both, only: true };
        assert_eq!(
            r.to_string(),
            "every connection crosses a closure: Xiyuan Link (g44) is closed in winter, West Lake Link (g46) is closed"
        );
        let nearest = Blocked::Closed { closures: vec![closure("g46", "West Lake Link", true)], only: false };
        assert_eq!(
            nearest.to_string(),
            "every connection crosses a closure; the fewest to cross: West Lake Link (g46) is closed in winter"
        );
        assert_eq!(Blocked::Disconnected.to_string(), "the points are on disconnected parts of the network");
    }
}
