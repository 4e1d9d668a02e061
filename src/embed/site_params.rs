//! The site finder's filter as link parameters (`site_type`, `site_area`, `site_use`, `site_status`,
//! `site_kva`, `site_util`, `site_sale`, `site_rent`). The map carries them as written
//! ([`SiteLink`] in [`super::UrlState::sites`]: decoded, kept and written back, never read), so the
//! site finder's vocabulary stays out of the map's first module; the finder reads them
//! ([`SiteFilterParams::read`], warnings as [`super::parse`] gives them) and writes its filter back
//! ([`SiteFilterParams::to_link`]), and turns them into a [`crate::sites::SiteFilter`].
//!
//! | parameter | example | meaning |
//! |---|---|---|
//! | `site_type` | `site_type=land,factory` | types (keys of [`crate::model::SiteType`]) |
//! | `site_area` | `site_area=10000-50000`, `site_area=-2000` | area in whole m², `MIN-MAX`, either side optional |
//! | `site_use` | `site_use=industrial,rnd` | land uses (keys of [`crate::model::LandUse`]) |
//! | `site_status` | `site_status=available` | statuses (keys of [`crate::model::SiteStatus`]) |
//! | `site_kva` | `site_kva=1000` | least electrical capacity, kVA |
//! | `site_util` | `site_util=gas,district_heating` | utilities required (keys of [`crate::model::Utility`]) |
//! | `site_sale` | `site_sale=800` | highest sale price, yuan per m² |
//! | `site_rent` | `site_rent=40` | highest rent, yuan per m² and month |

use super::values::{keys, range, range_text, sort_dedup};
use super::UrlWarning;
use crate::model::{LandUse, SiteStatus, SiteType, Utility};

/// The largest whole number a `site_*` parameter takes (10¹²: past any area, power or price).
pub const MAX_SITE_PARAM: u64 = 1_000_000_000_000;

/// The parameter names, in the order they are written.
pub const SITE_KEYS: [&str; 8] =
    ["site_type", "site_area", "site_use", "site_status", "site_kva", "site_util", "site_sale", "site_rent"];

/// The `site_*` parameters of a link as written: `(name, decoded value)` pairs, one per name, in
/// [`SITE_KEYS`] order once canonical. Not read by the map: see the module docs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SiteLink(pub Vec<(String, String)>);

impl SiteLink {
    /// True without any `site_*` parameter.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs in [`SITE_KEYS`] order (what a trip through the URL does).
    pub(super) fn canonicalize(&mut self) {
        let rank = |k: &str| SITE_KEYS.iter().position(|s| *s == k).unwrap_or(SITE_KEYS.len());
        crate::sort::sort_by_key(&mut self.0, |(k, _)| rank(k));
    }
}

/// The site finder's filter as a link carries it. Every field narrows; the default shows every site.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SiteFilterParams {
    /// Types (empty: all), sorted and without repeats once read.
    pub types: Vec<SiteType>,
    /// Least area, whole m².
    pub area_min_m2: Option<u64>,
    /// Most area, whole m².
    pub area_max_m2: Option<u64>,
    /// Land uses (empty: all).
    pub land_uses: Vec<LandUse>,
    /// Statuses (empty: all).
    pub statuses: Vec<SiteStatus>,
    /// Least electrical capacity, kVA.
    pub min_power_kva: Option<u64>,
    /// Utilities required.
    pub utilities: Vec<Utility>,
    /// Highest sale price, yuan per m².
    pub max_sale_yuan_m2: Option<u64>,
    /// Highest rent, yuan per m² and month.
    pub max_rent_yuan_m2_month: Option<u64>,
}

/// A whole number `0..=MAX_SITE_PARAM`.
fn whole(v: &str) -> Result<u64, String> {
    let n = v
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| v.parse::<u64>().ok())
        .flatten()
        .ok_or(format!("{v:?} is not a whole number"))?;
    if n > MAX_SITE_PARAM {
        return Err(format!("{n} is out of range 0..{MAX_SITE_PARAM}"));
    }
    Ok(n)
}

impl SiteFilterParams {
    /// Reads a link's `site_*` parameters: what cannot be read is left at its default and reported
    /// as [`super::parse`] reports the map's parameters (a bad list item is left out, the rest kept).
    ///
    /// ```
    /// use parkmap::embed::{parse, SiteFilterParams};
    /// use parkmap::model::SiteType;
    /// let (s, _) = parse("?site_type=factory,land&site_kva=500", "");
    /// let (f, warnings) = SiteFilterParams::read(&s.sites);
    /// assert_eq!((f.types, f.min_power_kva), (vec![SiteType::Land, SiteType::Factory], Some(500)));
    /// assert!(warnings.is_empty());
    /// ```
    pub fn read(link: &SiteLink) -> (SiteFilterParams, Vec<UrlWarning>) {
        let mut p = SiteFilterParams::default();
        let mut warnings = Vec::new();
        for (key, v) in &link.0 {
            let mut items = Vec::new();
            let result = p.apply(key, v, &mut |r| items.push(r));
            for reason in items.into_iter().chain(result.err()) {
                warnings.push(UrlWarning { param: key.clone(), reason });
            }
        }
        (p, warnings)
    }

    /// Applies one value; `Err` leaves the field at its default, `item` reports a list item left out.
    fn apply(&mut self, key: &str, v: &str, item: &mut dyn FnMut(String)) -> Result<(), String> {
        match key {
            "site_type" => self.types = keys(v, "site type", SiteType::from_key, SiteType::keys, item),
            "site_area" => (self.area_min_m2, self.area_max_m2) = range(v, MAX_SITE_PARAM)?,
            "site_use" => self.land_uses = keys(v, "land use", LandUse::from_key, LandUse::keys, item),
            "site_status" => self.statuses = keys(v, "status", SiteStatus::from_key, SiteStatus::keys, item),
            "site_kva" => self.min_power_kva = Some(whole(v)?),
            "site_util" => self.utilities = keys(v, "utility", Utility::from_key, Utility::keys, item),
            "site_sale" => self.max_sale_yuan_m2 = Some(whole(v)?),
            "site_rent" => self.max_rent_yuan_m2_month = Some(whole(v)?),
            _ => return Err("unknown parameter".into()),
        }
        Ok(())
    }

    /// The filter as a link writes it: the non-default parameters in [`SITE_KEYS`] order, lists
    /// sorted and without repeats. For any filter, `read(&f.to_link())` gives it back (canonical)
    /// without a warning.
    pub fn to_link(&self) -> SiteLink {
        fn list<T: Copy + Ord>(v: &[T], key: fn(T) -> &'static str) -> Option<String> {
            let mut v = v.to_vec();
            sort_dedup(&mut v);
            (!v.is_empty()).then(|| v.iter().map(|&t| key(t)).collect::<Vec<_>>().join(","))
        }
        let values = [
            list(&self.types, SiteType::key),
            range_text(self.area_min_m2, self.area_max_m2),
            list(&self.land_uses, LandUse::key),
            list(&self.statuses, SiteStatus::key),
            self.min_power_kva.map(|n| n.to_string()),
            list(&self.utilities, Utility::key),
            self.max_sale_yuan_m2.map(|n| n.to_string()),
            self.max_rent_yuan_m2_month.map(|n| n.to_string()),
        ];
        SiteLink(SITE_KEYS.iter().zip(values).filter_map(|(k, v)| Some((k.to_string(), v?))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, to_query, UrlState};
    use super::*;

    #[test]
    fn site_filter_parameters_keep_their_good_items_and_name_the_bad_ones() {
        let (s, warnings) =
            parse("?site_rent=40&site_type=land,castle,land&site_kva=1e3&site_area=5000-100", "");
        assert!(warnings.is_empty(), "the map does not read them: {warnings:?}");
        let (f, warnings) = SiteFilterParams::read(&s.sites);
        assert_eq!(f.types, [SiteType::Land]);
        assert_eq!((f.min_power_kva, f.area_min_m2, f.max_rent_yuan_m2_month), (None, None, Some(40)));
        let w: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            w,
            [
                "URL parameter \"site_type\": unknown site type \"castle\" left out (expected land, factory, office, incubator, warehouse, other)",
                "URL parameter \"site_kva\": \"1e3\" is not a whole number",
                "URL parameter \"site_area\": minimum 5000 is greater than maximum 100",
            ]
        );
        // The map writes what it was given back, in order; the finder writes its filter canonical.
        assert_eq!(to_query(&s), "?site_type=land,castle,land&site_area=5000-100&site_kva=1e3&site_rent=40");
        let again = UrlState { sites: f.to_link(), ..UrlState::default() };
        assert_eq!(to_query(&again), "?site_type=land&site_rent=40");
    }
}
