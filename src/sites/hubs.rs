//! How far a site is from the city's hubs (the manifest's `hubs`): the geodesic distance, "as the
//! crow flies", and an indicative drive time that states its assumptions — never a road route.

use crate::geo::measure::distance_m;
use crate::geo::LonLat;
use crate::model::Hub;

/// How much longer the road is than the straight line, on average: a typical detour ("circuity")
/// factor of a city's road network (1.2–1.4 in published measurements of urban networks).
pub const ROAD_FACTOR: f64 = 1.3;
/// Average speed of the drive, km/h: city streets and expressways together, off-peak.
pub const AVERAGE_SPEED_KMH: f64 = 40.0;

/// The assumptions behind an indicative drive time, for the UI to state beside it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DriveAssumptions {
    /// Road distance ÷ straight-line distance ([`ROAD_FACTOR`]).
    pub road_factor: f64,
    /// Average speed, km/h ([`AVERAGE_SPEED_KMH`]).
    pub average_speed_kmh: f64,
}

impl DriveAssumptions {
    /// The assumptions ParkMap uses: [`ROAD_FACTOR`] at [`AVERAGE_SPEED_KMH`].
    pub const INDICATIVE: DriveAssumptions =
        DriveAssumptions { road_factor: ROAD_FACTOR, average_speed_kmh: AVERAGE_SPEED_KMH };

    /// Minutes to drive what is `straight_m` metres as the crow flies:
    /// `straight_m × road_factor ÷ speed`.
    ///
    /// ```
    /// use parkmap::sites::DriveAssumptions;
    /// // 30 km as the crow flies → 39 km of road at 40 km/h → 58.5 minutes.
    /// assert!((DriveAssumptions::INDICATIVE.minutes(30_000.0) - 58.5).abs() < 1e-9);
    /// ```
    pub fn minutes(&self, straight_m: f64) -> f64 {
        straight_m * self.road_factor / 1000.0 / self.average_speed_kmh * 60.0
    }
}

/// One hub's distance from a site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HubDistance {
    /// Index into the manifest's `hubs`.
    pub hub: usize,
    /// Geodesic distance, metres.
    pub distance_m: f64,
    /// Indicative drive time, minutes (see [`HubDistances::assumptions`]).
    pub drive_minutes: f64,
}

/// Every hub's distance from a place, in the manifest's order, with the drive-time assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct HubDistances {
    /// One per hub.
    pub hubs: Vec<HubDistance>,
    /// What the drive times assume.
    pub assumptions: DriveAssumptions,
}

/// The distances from `from` — a site's anchor (its interior point or its point) — to each hub:
/// geodesic (Karney, WGS84) and an indicative drive time ([`DriveAssumptions::INDICATIVE`]).
/// Measured from the anchor, not the parcel's edge: a parcel is a few hundred metres across, the
/// hubs are kilometres away and the figures are shown to 0.1 km.
pub fn hub_distances(from: LonLat, hubs: &[Hub]) -> HubDistances {
    let assumptions = DriveAssumptions::INDICATIVE;
    HubDistances {
        hubs: hubs
            .iter()
            .enumerate()
            .map(|(hub, h)| {
                let d = distance_m(from, h.pos);
                HubDistance { hub, distance_m: d, drive_minutes: assumptions.minutes(d) }
            })
            .collect(),
        assumptions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HubKind, Text};

    #[test]
    fn hub_distances_are_geodesic_and_drive_times_follow_the_stated_assumptions() {
        let airport = LonLat::lon_lat(126.2503, 45.6234);
        let hub = Hub {
            id: "hrb".into(),
            name: Text::default(),
            kind: HubKind::Airport,
            pos: airport,
            map: airport.to_map(),
        };
        let d = hub_distances(LonLat::lon_lat(126.52, 45.84), &[hub]);
        // Karney's geodesic (geo's Geodesic) against Vincenty's inverse formula, another method.
        use geo::VincentyDistance;
        let vincenty = geo::Point::new(126.52, 45.84)
            .vincenty_distance(&geo::Point::new(airport.lon, airport.lat))
            .unwrap();
        assert!((d.hubs[0].distance_m - vincenty).abs() < 0.01, "{} vs {vincenty}", d.hubs[0].distance_m);
        assert!((31_800.0..32_000.0).contains(&d.hubs[0].distance_m), "{}", d.hubs[0].distance_m);
        let expected = d.hubs[0].distance_m * ROAD_FACTOR / 1000.0 / AVERAGE_SPEED_KMH * 60.0;
        assert!((d.hubs[0].drive_minutes - expected).abs() < 1e-9);
        assert_eq!(d.assumptions, DriveAssumptions { road_factor: 1.3, average_speed_kmh: 40.0 });
    }
}
