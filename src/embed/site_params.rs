//! The site finder's filter as link parameters (`site_type`, `site_area`, `site_use`, `site_status`,
//! `site_kva`, `site_util`, `site_sale`, `site_rent`): read and written here, carried by
//! [`super::UrlState::sites`], turned into a [`crate::sites::SiteFilter`] by the finder.
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
use crate::model::{LandUse, SiteStatus, SiteType, Utility};

/// The largest whole number a `site_*` parameter takes (10¹²: past any area, power or price).
pub const MAX_SITE_PARAM: u64 = 1_000_000_000_000;

/// The site finder's filter as a link carries it. Every field narrows; the default shows every site.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SiteFilterParams {
    /// Types (empty: all), sorted and without repeats once parsed.
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

/// The parameter names, in the order they are written.
pub(super) const SITE_KEYS: [&str; 8] =
    ["site_type", "site_area", "site_use", "site_status", "site_kva", "site_util", "site_sale", "site_rent"];

impl SiteFilterParams {
    /// Sorts the lists and drops repeats (what a trip through the URL does).
    pub(super) fn canonicalize(&mut self) {
        sort_dedup(&mut self.types);
        sort_dedup(&mut self.land_uses);
        sort_dedup(&mut self.statuses);
        sort_dedup(&mut self.utilities);
    }
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

/// Applies one decoded, non-empty `site_*` value; `Err` leaves the field at its default, `item`
/// reports a list item left out.
pub(super) fn apply(
    p: &mut SiteFilterParams,
    key: &str,
    v: &str,
    item: &mut dyn FnMut(String),
) -> Result<(), String> {
    match key {
        "site_type" => p.types = keys(v, "site type", SiteType::from_key, SiteType::keys, item),
        "site_area" => (p.area_min_m2, p.area_max_m2) = range(v, MAX_SITE_PARAM)?,
        "site_use" => p.land_uses = keys(v, "land use", LandUse::from_key, LandUse::keys, item),
        "site_status" => p.statuses = keys(v, "status", SiteStatus::from_key, SiteStatus::keys, item),
        "site_kva" => p.min_power_kva = Some(whole(v)?),
        "site_util" => p.utilities = keys(v, "utility", Utility::from_key, Utility::keys, item),
        "site_sale" => p.max_sale_yuan_m2 = Some(whole(v)?),
        "site_rent" => p.max_rent_yuan_m2_month = Some(whole(v)?),
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

/// The values of [`SITE_KEYS`], in order, for a canonical `p` (`None`: left out).
pub(super) fn values(p: &SiteFilterParams) -> [Option<String>; 8] {
    fn list<T: Copy>(v: &[T], key: fn(T) -> &'static str) -> Option<String> {
        (!v.is_empty()).then(|| v.iter().map(|&t| key(t)).collect::<Vec<_>>().join(","))
    }
    [
        list(&p.types, SiteType::key),
        range_text(p.area_min_m2, p.area_max_m2),
        list(&p.land_uses, LandUse::key),
        list(&p.statuses, SiteStatus::key),
        p.min_power_kva.map(|n| n.to_string()),
        list(&p.utilities, Utility::key),
        p.max_sale_yuan_m2.map(|n| n.to_string()),
        p.max_rent_yuan_m2_month.map(|n| n.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::{parse, to_query};
    use crate::model::SiteType;

    #[test]
    fn site_filter_parameters_keep_their_good_items_and_name_the_bad_ones() {
        let (s, warnings) =
            parse("?site_type=land,castle,land&site_kva=1e3&site_area=5000-100&site_rent=40", "");
        assert_eq!(s.sites.types, [SiteType::Land]);
        assert_eq!(
            (s.sites.min_power_kva, s.sites.area_min_m2, s.sites.max_rent_yuan_m2_month),
            (None, None, Some(40))
        );
        let w: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            w,
            [
                "URL parameter \"site_type\": unknown site type \"castle\" left out (expected land, factory, office, incubator, warehouse, other)",
                "URL parameter \"site_kva\": \"1e3\" is not a whole number",
                "URL parameter \"site_area\": minimum 5000 is greater than maximum 100",
            ]
        );
        assert_eq!(to_query(&s), "?site_type=land&site_rent=40");
    }
}
