//! Company filters (industry × zone × registered capital × founding year) and the figures the
//! investor dashboard charts for the filtered set. Pure: no DOM.
//!
//! ```
//! use parkmap::filter::{Filter, Stats};
//! use parkmap::model::{Industry, Park};
//! let mut filter = Filter::default();
//! assert!(filter.is_empty());
//! filter.industries.insert(Industry::DigitalEconomy);
//! filter.capital_yuan = (Some(10_000_000), None);
//! let stats = Stats::compute(&Park::default(), &filter);
//! assert_eq!(stats.total.count, 0);
//! assert_eq!(stats.by_industry.len(), Industry::ALL.len());
//! filter.clear();
//! assert!(filter.is_empty());
//! ```

use std::collections::{BTreeSet, HashMap};

use crate::embed::FilterParams;
use crate::model::{Company, Industry, Park};

/// Which companies to show. Every part narrows the set; an empty part lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Industries to keep; empty keeps all.
    pub industries: BTreeSet<Industry>,
    /// Zone id to keep; `None` keeps all.
    pub zone: Option<String>,
    /// Registered capital range in yuan, both ends inclusive; `None` leaves that end open. A
    /// company without a known capital passes only when both ends are open. A range whose
    /// minimum exceeds its maximum keeps nothing.
    pub capital_yuan: (Option<u64>, Option<u64>),
    /// Founding year range, both ends inclusive, same rules as `capital_yuan`.
    pub founded: (Option<i32>, Option<i32>),
}

/// True when `value` lies in the inclusive `range`; an unknown value passes only an open range.
fn in_range<T: PartialOrd + Copy>(value: Option<T>, range: (Option<T>, Option<T>)) -> bool {
    match (range, value) {
        ((None, None), _) => true,
        (_, None) => false,
        ((lo, hi), Some(v)) => lo.is_none_or(|lo| v >= lo) && hi.is_none_or(|hi| v <= hi),
    }
}

impl Filter {
    /// True when `company` passes every part of the filter.
    pub fn matches(&self, company: &Company) -> bool {
        (self.industries.is_empty() || self.industries.contains(&company.industry))
            && self.zone.as_deref().is_none_or(|z| company.zone.as_deref() == Some(z))
            && in_range(company.capital_yuan, self.capital_yuan)
            && in_range(company.founded, self.founded)
    }

    /// True when the filter lets every company through.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Resets every part, so everything passes.
    pub fn clear(&mut self) {
        *self = Filter::default();
    }

    /// [`Filter::matches`] for every company, by index: the mask the marker clustering takes.
    pub fn mask(&self, companies: &[Company]) -> Vec<bool> {
        companies.iter().map(|c| self.matches(c)).collect()
    }
}

/// Count and registered capital of a group of companies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Number of companies.
    pub count: usize,
    /// Sum of their registered capital in yuan (unknown capital counts as 0).
    pub capital_yuan: u64,
    /// How many of them have a known capital (the divisor for an average).
    pub with_capital: usize,
}

impl Bucket {
    fn add(&mut self, c: &Company) {
        self.count += 1;
        if let Some(capital) = c.capital_yuan {
            self.capital_yuan = self.capital_yuan.saturating_add(capital);
            self.with_capital += 1;
        }
    }
}

/// Figures of the filtered companies, in a stable order for charts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// All filtered companies.
    pub total: Bucket,
    /// One entry per industry, in [`Industry::ALL`] order, empty ones included (stable bars).
    pub by_industry: Vec<(Industry, Bucket)>,
    /// One entry per zone id, in the park's zone order, empty ones included.
    pub by_zone: Vec<(String, Bucket)>,
    /// Filtered companies with no zone, or a zone id the park does not have.
    pub unzoned: Bucket,
}

impl Stats {
    /// Counts the companies of `park` that pass `filter`.
    ///
    /// # Complexity
    /// O(companies + zones).
    pub fn compute(park: &Park, filter: &Filter) -> Stats {
        let mut by_industry: Vec<(Industry, Bucket)> =
            Industry::ALL.iter().map(|&i| (i, Bucket::default())).collect();
        let mut by_zone: Vec<(String, Bucket)> =
            park.zones.iter().map(|z| (z.id.clone(), Bucket::default())).collect();
        let mut zone_slot: HashMap<&str, usize> = HashMap::with_capacity(park.zones.len());
        for (i, z) in park.zones.iter().enumerate() {
            zone_slot.entry(z.id.as_str()).or_insert(i);
        }
        let (mut total, mut unzoned) = (Bucket::default(), Bucket::default());
        for c in park.companies.iter().filter(|c| filter.matches(c)) {
            total.add(c);
            if let Some(slot) = Industry::ALL.iter().position(|&i| i == c.industry) {
                by_industry[slot].1.add(c);
            }
            match c.zone.as_deref().and_then(|z| zone_slot.get(z)) {
                Some(&slot) => by_zone[slot].1.add(c),
                None => unzoned.add(c),
            }
        }
        Stats { total, by_industry, by_zone, unzoned }
    }
}

/// The filter a link (`ind`, `zone`, `cap`, `yr`) or the embed API's `setFilter` describes.
impl From<&FilterParams> for Filter {
    fn from(p: &FilterParams) -> Self {
        Filter {
            industries: p.industries.iter().copied().collect(),
            zone: p.zone.clone(),
            capital_yuan: (p.capital_min, p.capital_max),
            founded: (p.founded_min, p.founded_max),
        }
    }
}

/// The filter as link parameters (industries sorted, as a link writes them).
impl From<&Filter> for FilterParams {
    fn from(f: &Filter) -> Self {
        FilterParams {
            industries: f.industries.iter().copied().collect(),
            zone: f.zone.clone(),
            capital_min: f.capital_yuan.0,
            capital_max: f.capital_yuan.1,
            founded_min: f.founded.0,
            founded_max: f.founded.1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company(
        industry: Industry,
        zone: Option<&str>,
        capital: Option<u64>,
        founded: Option<i32>,
    ) -> Company {
        Company {
            industry,
            zone: zone.map(Into::into),
            capital_yuan: capital,
            founded,
            ..Company::sample("c")
        }
    }

    #[test]
    fn empty_filter_keeps_everything_including_unknown_figures() {
        let f = Filter::default();
        assert!(f.is_empty());
        assert!(f.matches(&company(Industry::BioEconomy, None, None, None)));
    }

    #[test]
    fn ranges_are_inclusive_and_unknown_values_fail_a_bounded_range() {
        let mut f = Filter { capital_yuan: (Some(100), Some(200)), ..Filter::default() };
        assert!(!f.is_empty());
        for (capital, pass) in
            [(Some(99), false), (Some(100), true), (Some(200), true), (Some(201), false), (None, false)]
        {
            assert_eq!(f.matches(&company(Industry::NewMaterials, None, capital, None)), pass, "{capital:?}");
        }
        f.capital_yuan = (None, None);
        f.founded = (Some(2021), None);
        assert!(f.matches(&company(Industry::NewMaterials, None, None, Some(2021))));
        assert!(!f.matches(&company(Industry::NewMaterials, None, None, Some(2020))));
        assert!(!f.matches(&company(Industry::NewMaterials, None, None, None)));
        f.founded = (Some(2022), Some(2020));
        assert!(!f.matches(&company(Industry::NewMaterials, None, None, Some(2021))), "inverted range");
    }

    #[test]
    fn industries_and_zone_narrow_and_clear_resets() {
        let mut f = Filter::default();
        f.industries.extend([Industry::DigitalEconomy, Industry::BioEconomy]);
        f.zone = Some("z02".into());
        assert!(f.matches(&company(Industry::BioEconomy, Some("z02"), None, None)));
        assert!(!f.matches(&company(Industry::BioEconomy, Some("z03"), None, None)));
        assert!(!f.matches(&company(Industry::BioEconomy, None, None, None)));
        assert!(!f.matches(&company(Industry::NewMaterials, Some("z02"), None, None)));
        f.clear();
        assert!(f.is_empty());
    }

    #[test]
    fn stats_keep_every_industry_and_zone_in_order_and_count_unknown_zones_apart() {
        let park = Park {
            companies: vec![
                company(Industry::BioEconomy, Some("z01"), Some(5), Some(2020)),
                company(Industry::BioEconomy, Some("z99"), None, Some(2020)),
                company(Industry::DigitalEconomy, None, Some(7), Some(2024)),
            ],
            ..Park::default()
        };
        let s = Stats::compute(&park, &Filter::default());
        assert_eq!(s.total, Bucket { count: 3, capital_yuan: 12, with_capital: 2 });
        assert_eq!(s.by_industry.iter().map(|(i, _)| *i).collect::<Vec<_>>(), Industry::ALL);
        let bio = s.by_industry.iter().find(|(i, _)| *i == Industry::BioEconomy).unwrap().1;
        assert_eq!(bio, Bucket { count: 2, capital_yuan: 5, with_capital: 1 });
        assert!(s.by_zone.is_empty(), "the park has no zones");
        assert_eq!(s.unzoned.count, 3);
        let f = Filter { founded: (Some(2021), None), ..Filter::default() };
        assert_eq!(Stats::compute(&park, &f).total, Bucket { count: 1, capital_yuan: 7, with_capital: 1 });
    }

    #[test]
    fn link_parameters_and_filters_convert_both_ways() {
        let params = FilterParams {
            industries: vec![Industry::DigitalEconomy, Industry::NewMaterials],
            zone: Some("z03".into()),
            capital_min: Some(1_000_000),
            capital_max: None,
            founded_min: None,
            founded_max: Some(2021),
        };
        let filter = Filter::from(&params);
        assert_eq!(filter.capital_yuan, (Some(1_000_000), None));
        assert_eq!(filter.founded, (None, Some(2021)));
        assert_eq!(FilterParams::from(&filter), params);
        assert_eq!(FilterParams::from(&Filter::default()), FilterParams::default());
    }
}
