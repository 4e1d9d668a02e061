//! The site finder's filter (type × area × land use × status × power × utilities × price), its mask,
//! and the figures behind the explore panel's site charts: land and space by zone and by type.
//! The link form is [`crate::embed::SiteFilterParams`] (`site_type`, `site_area`, … parameters).
//!
//! ```
//! use parkmap::model::{Park, SiteStatus};
//! use parkmap::sites::{SiteFilter, SiteStats};
//! let mut f = SiteFilter::default();
//! f.statuses.insert(SiteStatus::Available);
//! f.area_m2 = (Some(10_000), None);
//! let stats = SiteStats::compute(&Park::default(), &f);
//! assert_eq!(stats.total.count, 0);
//! ```

use std::collections::{BTreeSet, HashMap};

use crate::embed::SiteFilterParams;
use crate::model::{LandUse, Park, Price, Site, SiteStatus, SiteType, Utility};

/// Which sites to show. Every part narrows; an empty part lets everything through. A site whose
/// value a bounded part asks about is unknown fails that part (as a company without a capital fails
/// a capital range).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteFilter {
    /// Types to keep; empty keeps all.
    pub types: BTreeSet<SiteType>,
    /// Area range in whole m², both ends inclusive; `None` leaves that end open.
    pub area_m2: (Option<u64>, Option<u64>),
    /// Land uses to keep; empty keeps all.
    pub land_uses: BTreeSet<LandUse>,
    /// Statuses to keep; empty keeps all.
    pub statuses: BTreeSet<SiteStatus>,
    /// Least electrical capacity, kVA.
    pub min_power_kva: Option<u64>,
    /// Utilities the site must have (each `true` in the data).
    pub utilities: BTreeSet<Utility>,
    /// Highest sale price, yuan per m².
    pub max_sale_yuan_m2: Option<u64>,
    /// Highest rent, yuan per m² and month.
    pub max_rent_yuan_m2_month: Option<u64>,
}

impl SiteFilter {
    /// True when `site` passes every part. With a price cap, only a site priced that way (for sale
    /// under a sale cap, for rent under a rent cap) at or below the cap passes; a site on request or
    /// without a price does not.
    pub fn matches(&self, site: &Site) -> bool {
        let area_ok = match (self.area_m2, site.area_m2) {
            ((None, None), _) => true,
            (_, None) => false,
            ((lo, hi), Some(a)) => lo.is_none_or(|lo| a >= lo as f64) && hi.is_none_or(|hi| a <= hi as f64),
        };
        let in_set = |set: bool, has: bool| set || has;
        let price_ok = match (self.max_sale_yuan_m2, self.max_rent_yuan_m2_month, site.price) {
            (None, None, _) => true,
            (Some(cap), _, Some(Price::Sale { yuan_m2 })) => yuan_m2 <= cap as f64,
            (_, Some(cap), Some(Price::Rent { yuan_m2_month })) => yuan_m2_month <= cap as f64,
            _ => false,
        };
        in_set(self.types.is_empty(), self.types.contains(&site.kind))
            && area_ok
            && in_set(self.land_uses.is_empty(), site.land_use.is_some_and(|l| self.land_uses.contains(&l)))
            && in_set(self.statuses.is_empty(), site.status.is_some_and(|s| self.statuses.contains(&s)))
            && self.min_power_kva.is_none_or(|min| site.utilities.power_kva.is_some_and(|p| p >= min as f64))
            && self.utilities.iter().all(|&u| site.utilities.has(u) == Some(true))
            && price_ok
    }

    /// True when the filter lets every site through.
    pub fn is_empty(&self) -> bool {
        *self == SiteFilter::default()
    }

    /// [`SiteFilter::matches`] for every site, by index: which to highlight, which to dim.
    pub fn mask(&self, sites: &[Site]) -> Vec<bool> {
        sites.iter().map(|s| self.matches(s)).collect()
    }
}

/// Count and area of a group of sites, and of those of them available now.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SiteBucket {
    /// Number of sites.
    pub count: usize,
    /// Their area, m² (sites without a known area count as 0).
    pub area_m2: f64,
    /// How many have the status `available`.
    pub available: usize,
    /// The area of those, m².
    pub available_area_m2: f64,
}

impl SiteBucket {
    fn add(&mut self, s: &Site) {
        let area = s.area_m2.unwrap_or(0.0);
        self.count += 1;
        self.area_m2 += area;
        if s.status == Some(SiteStatus::Available) {
            self.available += 1;
            self.available_area_m2 += area;
        }
    }
}

/// Figures of the filtered sites, in a stable order for charts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteStats {
    /// All filtered sites.
    pub total: SiteBucket,
    /// Land parcels among them.
    pub land: SiteBucket,
    /// Space in buildings among them.
    pub space: SiteBucket,
    /// One entry per type, in [`SiteType::ALL`] order, empty ones included.
    pub by_type: Vec<(SiteType, SiteBucket)>,
    /// One entry per zone id, in the park's zone order, empty ones included.
    pub by_zone: Vec<(String, SiteBucket)>,
    /// Filtered sites with no zone, or a zone id the park does not have.
    pub unzoned: SiteBucket,
}

impl SiteStats {
    /// Counts the sites of `park` that pass `filter`.
    ///
    /// # Complexity
    /// O(sites + zones).
    pub fn compute(park: &Park, filter: &SiteFilter) -> SiteStats {
        let mut by_type: Vec<(SiteType, SiteBucket)> =
            SiteType::ALL.iter().map(|&t| (t, SiteBucket::default())).collect();
        let mut by_zone: Vec<(String, SiteBucket)> =
            park.zones.iter().map(|z| (z.id.clone(), SiteBucket::default())).collect();
        let mut slot: HashMap<&str, usize> = HashMap::with_capacity(park.zones.len());
        for (i, z) in park.zones.iter().enumerate() {
            slot.entry(z.id.as_str()).or_insert(i);
        }
        let mut stats = SiteStats::default();
        for s in park.sites.iter().filter(|s| filter.matches(s)) {
            stats.total.add(s);
            if s.is_parcel() {
                stats.land.add(s)
            } else {
                stats.space.add(s)
            }
            if let Some(k) = SiteType::ALL.iter().position(|&t| t == s.kind) {
                by_type[k].1.add(s);
            }
            match s.zone.as_deref().and_then(|z| slot.get(z)) {
                Some(&k) => by_zone[k].1.add(s),
                None => stats.unzoned.add(s),
            }
        }
        SiteStats { by_type, by_zone, ..stats }
    }
}

/// The filter a link's `site_*` parameters describe.
impl From<&SiteFilterParams> for SiteFilter {
    fn from(p: &SiteFilterParams) -> Self {
        SiteFilter {
            types: p.types.iter().copied().collect(),
            area_m2: (p.area_min_m2, p.area_max_m2),
            land_uses: p.land_uses.iter().copied().collect(),
            statuses: p.statuses.iter().copied().collect(),
            min_power_kva: p.min_power_kva,
            utilities: p.utilities.iter().copied().collect(),
            max_sale_yuan_m2: p.max_sale_yuan_m2,
            max_rent_yuan_m2_month: p.max_rent_yuan_m2_month,
        }
    }
}

/// The filter as link parameters (lists sorted, as a link writes them).
impl From<&SiteFilter> for SiteFilterParams {
    fn from(f: &SiteFilter) -> Self {
        SiteFilterParams {
            types: f.types.iter().copied().collect(),
            area_min_m2: f.area_m2.0,
            area_max_m2: f.area_m2.1,
            land_uses: f.land_uses.iter().copied().collect(),
            statuses: f.statuses.iter().copied().collect(),
            min_power_kva: f.min_power_kva,
            utilities: f.utilities.iter().copied().collect(),
            max_sale_yuan_m2: f.max_sale_yuan_m2,
            max_rent_yuan_m2_month: f.max_rent_yuan_m2_month,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, Utilities};

    fn site(kind: SiteType, area: Option<f64>, status: Option<SiteStatus>, price: Option<Price>) -> Site {
        Site {
            kind,
            area_m2: area,
            land_use: Some(LandUse::Industrial),
            status,
            utilities: Utilities {
                power_kva: Some(800.0),
                gas: Some(true),
                fibre: None,
                ..Utilities::default()
            },
            price,
            zone: Some("z1".into()),
            name: Text::default(),
            ..Site::sample("s")
        }
    }

    #[test]
    fn each_part_narrows_and_unknown_values_fail_a_bounded_part() {
        let a = site(
            SiteType::Factory,
            Some(5_000.0),
            Some(SiteStatus::Available),
            Some(Price::Sale { yuan_m2: 600.0 }),
        );
        let f = SiteFilter::default();
        assert!(f.is_empty() && f.matches(&a));
        let by = |f: SiteFilter| f.matches(&a);
        assert!(by(SiteFilter { area_m2: (Some(5_000), Some(5_000)), ..f.clone() }));
        assert!(!by(SiteFilter { area_m2: (Some(5_001), None), ..f.clone() }));
        assert!(!SiteFilter { area_m2: (None, Some(1)), ..f.clone() }.matches(&site(
            SiteType::Land,
            None,
            None,
            None
        )));
        assert!(!by(SiteFilter { types: [SiteType::Office].into(), ..f.clone() }));
        assert!(by(SiteFilter { land_uses: [LandUse::Industrial, LandUse::Mixed].into(), ..f.clone() }));
        assert!(!by(SiteFilter { statuses: [SiteStatus::Leased].into(), ..f.clone() }));
        assert!(by(SiteFilter { min_power_kva: Some(800), ..f.clone() }));
        assert!(!by(SiteFilter { min_power_kva: Some(801), ..f.clone() }));
        assert!(by(SiteFilter { utilities: [Utility::Gas].into(), ..f.clone() }));
        assert!(
            !by(SiteFilter { utilities: [Utility::Gas, Utility::Fibre].into(), ..f.clone() }),
            "fibre unknown"
        );
    }

    #[test]
    fn a_price_cap_keeps_only_sites_priced_that_way_at_or_below_it() {
        let sale = site(SiteType::Land, None, None, Some(Price::Sale { yuan_m2: 600.0 }));
        let rent = site(SiteType::Office, None, None, Some(Price::Rent { yuan_m2_month: 35.5 }));
        let ask = site(SiteType::Office, None, None, Some(Price::OnRequest));
        let cap = |sale_cap, rent_cap| SiteFilter {
            max_sale_yuan_m2: sale_cap,
            max_rent_yuan_m2_month: rent_cap,
            ..SiteFilter::default()
        };
        let kept = |f: &SiteFilter| f.mask(&[sale.clone(), rent.clone(), ask.clone()]);
        assert_eq!(kept(&cap(Some(600), None)), [true, false, false]);
        assert_eq!(kept(&cap(Some(599), Some(36))), [false, true, false]);
        assert_eq!(kept(&cap(None, Some(35))), [false, false, false]);
        assert_eq!(kept(&cap(None, None)), [true, true, true]);
    }

    #[test]
    fn stats_count_land_and_space_by_type_and_zone_and_what_is_available() {
        let mut park = Park::default();
        park.zones.push(crate::model::Zone::sample("z1"));
        park.sites = vec![
            site(SiteType::Factory, Some(1_000.0), Some(SiteStatus::Available), None),
            site(SiteType::Factory, Some(500.0), Some(SiteStatus::Leased), None),
            Site {
                zone: Some("z9".into()),
                ..site(SiteType::Office, None, Some(SiteStatus::Available), None)
            },
        ];
        let s = SiteStats::compute(&park, &SiteFilter::default());
        assert_eq!(
            s.total,
            SiteBucket { count: 3, area_m2: 1_500.0, available: 2, available_area_m2: 1_000.0 }
        );
        assert_eq!(s.space.count, 3);
        assert_eq!(s.land.count, 0);
        assert_eq!(s.by_type.iter().map(|(t, _)| *t).collect::<Vec<_>>(), SiteType::ALL);
        assert_eq!(s.by_type[1].1.count, 2, "factories");
        assert_eq!(
            s.by_zone,
            vec![(
                "z1".to_string(),
                SiteBucket { count: 2, area_m2: 1_500.0, available: 1, available_area_m2: 1_000.0 }
            )]
        );
        assert_eq!(s.unzoned.count, 1);
        let f = SiteFilter { statuses: [SiteStatus::Available].into(), ..SiteFilter::default() };
        assert_eq!(SiteStats::compute(&park, &f).total.count, 2);
    }
}
