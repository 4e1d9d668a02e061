//! `FeatureRef`: one feature of the park named by kind and id, and its one text form `kind:id`
//! (`company:c0001`, `zone:z09`, `trail:g01`, `poi:p01`, `site:s01`). The URL's `sel=`, the map's DOM keys
//! (`data-select`) and the embed protocol all write and read it through [`Display`] and
//! [`FromStr`]; nothing builds or splits the string by hand.

use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// Longest id (company, zone, trail, POI, request), in characters.
pub const MAX_ID_CHARS: usize = 200;

/// Checks an id from a URL or a message: 1 to 200 characters, no control characters.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    if id.is_empty() {
        Err("is empty")
    } else if id.chars().count() > MAX_ID_CHARS {
        Err("is longer than 200 characters")
    } else if id.chars().any(char::is_control) {
        Err("contains control characters")
    } else {
        Ok(())
    }
}

/// What kind of feature a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeatureKind {
    /// A company.
    Company,
    /// A planning zone.
    Zone,
    /// A greenway or waterfront segment.
    Trail,
    /// A point of interest.
    Poi,
    /// A site on offer (a land parcel or space in a building).
    Site,
}

impl FeatureKind {
    /// Every kind.
    pub const ALL: [FeatureKind; 5] = [Self::Company, Self::Zone, Self::Trail, Self::Poi, Self::Site];

    /// The key before the colon: `company`, `zone`, `trail`, `poi`, `site`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Company => "company",
            Self::Zone => "zone",
            Self::Trail => "trail",
            Self::Poi => "poi",
            Self::Site => "site",
        }
    }

    /// The kind for a key; `None` when unknown.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One feature of the park, by kind and id.
///
/// ```
/// use parkmap::feature::{FeatureKind, FeatureRef};
/// let f: FeatureRef = "zone:z09".parse().unwrap();
/// assert_eq!(f, FeatureRef::new(FeatureKind::Zone, "z09"));
/// assert_eq!(f.to_string(), "zone:z09");
/// assert!("mine:x".parse::<FeatureRef>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FeatureRef {
    /// What it is.
    pub kind: FeatureKind,
    /// Its id (see [`check_id`]).
    pub id: String,
}

impl FeatureRef {
    /// The feature of `kind` with `id`.
    pub fn new(kind: FeatureKind, id: impl Into<String>) -> Self {
        FeatureRef { kind, id: id.into() }
    }

    /// The company with `id`.
    pub fn company(id: impl Into<String>) -> Self {
        Self::new(FeatureKind::Company, id)
    }

    /// The id, when this names a feature of `kind`.
    pub fn id_of(&self, kind: FeatureKind) -> Option<&str> {
        (self.kind == kind).then_some(self.id.as_str())
    }
}

impl fmt::Display for FeatureRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.key(), self.id)
    }
}

/// Why a text is not a `kind:id` reference.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FeatureRefError {
    /// No colon between kind and id.
    #[error("expected KIND:ID, e.g. company:c0001")]
    NoColon,
    /// The kind before the colon is not one of the four.
    #[error("unknown kind {0:?} (expected company, zone, trail or poi)")]
    UnknownKind(String),
    /// The id after the colon is not acceptable.
    #[error("the id {0}")]
    BadId(&'static str),
}

impl FromStr for FeatureRef {
    type Err = FeatureRefError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (kind, id) = s.split_once(':').ok_or(FeatureRefError::NoColon)?;
        let kind =
            FeatureKind::from_key(kind).ok_or_else(|| FeatureRefError::UnknownKind(kind.to_owned()))?;
        check_id(id).map_err(FeatureRefError::BadId)?;
        Ok(FeatureRef::new(kind, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!("company".parse::<FeatureRef>(), Err(FeatureRefError::NoColon));
        assert_eq!(
            "mine:x".parse::<FeatureRef>().unwrap_err().to_string(),
            "unknown kind \"mine\" (expected company, zone, trail or poi)"
        );
        assert_eq!("poi:".parse::<FeatureRef>().unwrap_err().to_string(), "the id is empty");
        assert_eq!(
            "trail:a\u{7}".parse::<FeatureRef>(),
            Err(FeatureRefError::BadId("contains control characters"))
        );
        // the id may itself contain colons (OSM-style ids such as "way/1:2")
        assert_eq!("poi:node:12".parse::<FeatureRef>().unwrap().id, "node:12");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn display_and_from_str_round_trip(
                kind in proptest::sample::select(FeatureKind::ALL.to_vec()),
                id in "[^\\p{Cc}]{1,200}",
            ) {
                let f = FeatureRef::new(kind, id);
                prop_assert_eq!(f.to_string().parse::<FeatureRef>(), Ok(f));
            }
        }
    }
}
