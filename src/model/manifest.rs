//! The park manifest (`park.json`): names, bounds, provenance, published figures, the city's hubs,
//! the investment office and the layer list. The types only; `read::manifest` reads them from the
//! file.

use super::{LayerKind, Text};
use crate::geo::{LonLat, MapBounds, MapPoint};

/// A layer entry of the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerRef {
    /// Unique id.
    pub id: String,
    /// What the layer holds.
    pub kind: LayerKind,
    /// URL as written (relative to the manifest, or https).
    pub url: String,
}

/// Published totals the data must reproduce (checked by the validator).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figures {
    /// Number of registered companies.
    pub companies: Option<u64>,
    /// Sum of registered capital, yuan.
    pub registered_capital_yuan: Option<u64>,
    /// Greenway length, km (± 1 %).
    pub greenway_km: Option<f64>,
    /// Waterfront length, km (± 1 %).
    pub waterfront_km: Option<f64>,
    /// Planned area, km² (± 2 %).
    pub area_km2: Option<f64>,
    /// Date the park agreement was signed (ISO 8601).
    pub signed: Option<String>,
}

/// A parsed manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    /// Park id.
    pub id: String,
    /// Park name.
    pub name: Text,
    /// A short name for narrow screens (the header on a phone); `None`: the name.
    pub short_name: Option<Text>,
    /// `[west, south, east, north]` in degrees.
    pub bounds_deg: [f64; 4],
    /// The same box in map metres.
    pub bounds: MapBounds,
    /// Attribution line.
    pub attribution: Text,
    /// Where the data comes from and what is illustrative.
    pub provenance: Text,
    /// Published figures, when declared.
    pub figures: Option<Figures>,
    /// Origins allowed to drive an embed.
    pub origins: Vec<String>,
    /// `junction_tolerance_m` (0–50): how far a trail's end may lie from another trail and still be
    /// joined to it in the route network; `None` for the default, 3 m.
    pub junction_tolerance_m: Option<f64>,
    /// Layers, in drawing order of the file.
    pub layers: Vec<LayerRef>,
    /// A raster basemap to draw under the park (`?tiles=` replaces it); a bad one is reported and
    /// left out.
    pub basemap: Option<super::Basemap>,
    /// The city's hubs an investor measures a site against (airport, stations, city centre).
    pub hubs: Vec<Hub>,
    /// The park's investment-promotion office.
    pub contact: Option<Contact>,
    /// `hubs` and `contact` as the file wrote them, when the reader kept them unread (the map does:
    /// `read::parse_map_manifest`; the site finder reads them with `read::read_investors`). `None`
    /// when they were read into `hubs` and `contact`, or the file has neither.
    pub unread_investors: Option<serde_json::Value>,
}

key_enum!(
    /// What a hub is.
    HubKind {
        /// An airport.
        Airport = "airport",
        /// A high-speed railway station.
        HighSpeedRail = "high_speed_rail",
        /// A railway station.
        Railway = "railway",
        /// The city centre.
        CityCentre = "city_centre",
        /// A government office.
        Government = "government",
        /// Anything else.
        Other = "other",
    }
);

/// A place in the city a site's distance is given to (`hubs` in the manifest).
#[derive(Clone, Debug, PartialEq)]
pub struct Hub {
    /// Unique id among the hubs.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What it is.
    pub kind: HubKind,
    /// Position, WGS84.
    pub pos: LonLat,
    /// The same position, Web Mercator.
    pub map: MapPoint,
}

/// The park's investment-promotion office (`contact` in the manifest). Every field is plain text
/// (never HTML); the phone and email were checked for plausibility by the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// The office's name.
    pub name: Text,
    /// Telephone, as written (digits, spaces, `+`, `-`, `(`, `)`).
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Postal address.
    pub address: Option<Text>,
    /// Website; only ever an `http:` or `https:` URL.
    pub website: Option<String>,
}

impl Contact {
    /// The phone as a `tel:` link: `+` and digits only (`tel:+8645100000000`).
    ///
    /// ```
    /// use parkmap::model::{Contact, Text};
    /// let c = Contact { name: Text::default(), phone: Some("+86 (451) 8800-0000".into()), email: None, address: None, website: None };
    /// assert_eq!(c.tel_uri().as_deref(), Some("tel:+8645188000000"));
    /// ```
    pub fn tel_uri(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        Some(format!("tel:{digits}"))
    }

    /// A `mailto:` link with `subject` percent-encoded (UTF-8), e.g. the site id an investor asks
    /// about.
    ///
    /// ```
    /// use parkmap::model::{Contact, Text};
    /// let c = Contact { name: Text::default(), phone: None, email: Some("invest@example.com".into()), address: None, website: None };
    /// assert_eq!(c.mailto_uri("Site s07 & more").as_deref(), Some("mailto:invest@example.com?subject=Site%20s07%20%26%20more"));
    /// ```
    pub fn mailto_uri(&self, subject: &str) -> Option<String> {
        let email = self.email.as_deref()?;
        let mut encoded = String::new();
        for b in subject.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    encoded.push(b as char)
                }
                _ => encoded.push_str(&format!("%{b:02X}")),
            }
        }
        Some(format!("mailto:{email}?subject={encoded}"))
    }
}
