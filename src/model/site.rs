//! Sites an investor can choose: land parcels (polygons) and space in a building (points), with
//! what a site selector judges them by — size, land use, planning limits, utilities, price and
//! availability. The types only; `read` fills them from a `sites` layer, `sites` computes what the
//! site panel shows (areas in mu, neighbours, distances to hubs).

use std::fmt;

use super::{PolygonGeom, Text};
use crate::geo::{LonLat, MapPoint};

key_enum!(
    /// What is on offer.
    SiteType {
        /// A land parcel (a polygon), to build on.
        Land = "land",
        /// Factory space.
        Factory = "factory",
        /// Office space.
        Office = "office",
        /// Space in an incubator or accelerator.
        Incubator = "incubator",
        /// Warehouse space.
        Warehouse = "warehouse",
        /// Anything else the data names (read leniently, reported as a note).
        Other = "other",
    }
);

key_enum!(
    /// What a site may be used for under the plan.
    LandUse {
        /// Industrial (manufacturing).
        Industrial = "industrial",
        /// Research and development (written `rnd`).
        RnD = "rnd",
        /// Commercial: offices, retail, services.
        Commercial = "commercial",
        /// Logistics and warehousing.
        Logistics = "logistics",
        /// Mixed use.
        Mixed = "mixed",
    }
);

key_enum!(
    /// Whether a site can be had.
    SiteStatus {
        /// On offer now.
        Available = "available",
        /// Held for an investor in negotiation.
        Reserved = "reserved",
        /// Being built; on offer from `available_from`.
        UnderConstruction = "under_construction",
        /// Taken.
        Leased = "leased",
    }
);

key_enum!(
    /// A utility a site may be connected to (the yes/no ones; power and water come with amounts).
    Utility {
        /// Piped natural gas.
        Gas = "gas",
        /// Fibre broadband.
        Fibre = "fibre",
        /// District heating (Harbin's winters).
        DistrictHeating = "district_heating",
    }
);

/// How a site is priced. Amounts are yuan, positive and finite (the reader refuses anything else).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Price {
    /// For sale (land use rights, or a unit), yuan per m² (`price_sale_yuan_m2`).
    Sale {
        /// Yuan per square metre.
        yuan_m2: f64,
    },
    /// For rent, yuan per m² per month (`price_rent_yuan_m2_month`).
    Rent {
        /// Yuan per square metre and month.
        yuan_m2_month: f64,
    },
    /// Price on request (`price_on_request: true`).
    OnRequest,
}

/// What a site is connected to. `None` where the data does not say.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Utilities {
    /// Electrical capacity, kVA.
    pub power_kva: Option<f64>,
    /// Water supply, m³ per day.
    pub water_m3_day: Option<f64>,
    /// Piped gas.
    pub gas: Option<bool>,
    /// Fibre broadband.
    pub fibre: Option<bool>,
    /// District heating.
    pub district_heating: Option<bool>,
}

impl Utilities {
    /// Whether the site has `u` (`None`: the data does not say).
    pub fn has(&self, u: Utility) -> Option<bool> {
        match u {
            Utility::Gas => self.gas,
            Utility::Fibre => self.fibre,
            Utility::DistrictHeating => self.district_heating,
        }
    }
}

/// A calendar date (`available_from`), checked: a real day of the Gregorian calendar, years
/// 1900–2200.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl IsoDate {
    /// Reads `YYYY-MM-DD` (exactly that form); `None` for anything else, a 30 February included.
    ///
    /// ```
    /// use parkmap::model::IsoDate;
    /// assert_eq!(IsoDate::parse("2026-07-01").unwrap().to_string(), "2026-07-01");
    /// assert!(IsoDate::parse("2026-02-30").is_none());
    /// assert!(IsoDate::parse("2026-7-1").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<IsoDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2200).contains(&year) && (1..=days).contains(&day)).then_some(IsoDate {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where a site is: a parcel's polygons, or the point of a building with space in it.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteGeom {
    /// A land parcel: one or more polygons, in both spaces.
    Parcel(Vec<PolygonGeom>),
    /// Space in a building, at this position.
    Space {
        /// WGS84.
        pos: LonLat,
        /// Web Mercator.
        map: MapPoint,
    },
}

/// A site on offer.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Unique id within the layer.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What is on offer (`type`).
    pub kind: SiteType,
    /// Area in m²: the data's `area_m2`, else (for a parcel) its geodesic area.
    pub area_m2: Option<f64>,
    /// Planned land use.
    pub land_use: Option<LandUse>,
    /// Whether it can be had.
    pub status: Option<SiteStatus>,
    /// Highest plot ratio (floor area ÷ land area) the plan allows.
    pub plot_ratio_max: Option<f64>,
    /// Highest building the plan allows, metres.
    pub height_max_m: Option<f64>,
    /// Utilities.
    pub utilities: Utilities,
    /// Price.
    pub price: Option<Price>,
    /// On offer from this date.
    pub available_from: Option<IsoDate>,
    /// Id of the zone it lies in.
    pub zone: Option<String>,
    /// Short description.
    pub description: Option<Text>,
    /// True when the record is generated rather than published fact.
    pub illustrative: bool,
    /// Where it is.
    pub geom: SiteGeom,
    /// A point inside it (a parcel's interior point, a space's position): where its marker, its
    /// label and its hub distances are taken from. WGS84.
    pub anchor: LonLat,
    /// The same point in Web Mercator.
    pub map: MapPoint,
}

impl Site {
    /// True for a land parcel (a polygon), false for space in a building (a point).
    pub fn is_parcel(&self) -> bool {
        matches!(self.geom, SiteGeom::Parcel(_))
    }

    /// Every WGS84 position of its geometry (rings of a parcel; the one point of a space).
    pub fn positions(&self) -> Box<dyn Iterator<Item = LonLat> + '_> {
        match &self.geom {
            SiteGeom::Parcel(polys) => Box::new(polys.iter().flat_map(|p| p.rings.iter().flatten().copied())),
            SiteGeom::Space { pos, .. } => Box::new(std::iter::once(*pos)),
        }
    }
}

#[cfg(test)]
impl Site {
    /// A site for unit tests: id and name `id`, an office space at 126.52 E 45.84 N, every optional
    /// field empty; tests change the fields they are about with `..Site::sample(id)`.
    pub(crate) fn sample(id: &str) -> Site {
        let pos = LonLat::lon_lat(126.52, 45.84);
        Site {
            id: id.into(),
            name: Text { zh: id.into(), en: id.into(), ru: None },
            kind: SiteType::Office,
            area_m2: None,
            land_use: None,
            status: None,
            plot_ratio_max: None,
            height_max_m: None,
            utilities: Utilities::default(),
            price: None,
            available_from: None,
            zone: None,
            description: None,
            illustrative: true,
            geom: SiteGeom::Space { pos, map: pos.to_map() },
            anchor: pos,
            map: pos.to_map(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(IsoDate::parse("2024-02-29"), Some(IsoDate { year: 2024, month: 2, day: 29 }));
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-04-01",
            "2026-04-01T00",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
        assert_eq!(IsoDate::parse("2000-02-29").unwrap().to_string(), "2000-02-29");
        assert!(IsoDate::parse("2026-01-01") < IsoDate::parse("2026-02-01"));
    }

    #[test]
    fn site_keys_round_trip() {
        for &k in SiteType::ALL {
            assert_eq!(SiteType::from_key(k.key()), Some(k));
        }
        assert_eq!(LandUse::RnD.key(), "rnd");
        assert_eq!(SiteStatus::UnderConstruction.as_class(), "under-construction");
        assert_eq!(Utility::from_key("district_heating"), Some(Utility::DistrictHeating));
    }
}
