//! What an investor asks of a site, as pure functions the site finder, the site panel and the brief
//! call: its area in m², hectares and mu ([`format_area`]); its neighbours — companies within 500 m
//! and 1 km by industry ([`neighbours`]), the nearest service center and entrance ([`nearest_poi`]),
//! the nearest point of the greenway ([`greenway_access`]); its distances to the city's hubs with an
//! indicative drive time and its assumptions ([`hub_distances`]); the finder's filter and the
//! figures by zone and type ([`SiteFilter`], [`SiteStats`]); the best site of a comparison's row
//! ([`best_of`]); the link's QR code ([`qr`]); the finder's words in three languages ([`st`]).
//! Pure: no DOM, tested natively.
//!
//! Distances are geodesic (WGS84): from a parcel's edge or a space's point for what is near
//! ([`Frame`], the site's azimuthal equidistant frame), from the site's anchor for the hubs.

mod area;
mod compare;
mod filter;
mod frame;
mod hubs;
mod list;
mod neighbours;
pub mod qr;
mod text;

pub use area::{format_area, format_hectares, format_m2, format_mu, format_tenths, HECTARE_M2, MU_M2};
pub use compare::{best_of, Better};
pub use filter::{SiteBucket, SiteFilter, SiteStats};
pub use frame::{Frame, PlaneShape};
pub use hubs::{hub_distances, DriveAssumptions, HubDistance, HubDistances, AVERAGE_SPEED_KMH, ROAD_FACTOR};
pub use list::{format_price, sorted_sites, yes_no, zone_label, SiteColumn};
pub use neighbours::{
    companies_within, greenway_access, nearest_poi, neighbours, GreenwayAccess, IndustryGroup, Nearest,
    Neighbours, FAR_M, NEAR_M,
};
pub use text::{site_count, st};
