#![cfg(not(target_arch = "wasm32"))]
//! Filters on the shipped park, checked against counts taken straight from the data.

mod common;

use std::collections::BTreeSet;

use common::shipped_park;
use parkmap::filter::{Filter, Stats};
use parkmap::model::{Company, Industry};
use proptest::prelude::*;

fn between<T: Ord>(v: T, lo: Option<T>, hi: Option<T>) -> bool {
    if let Some(lo) = lo {
        if v < lo {
            return false;
        }
    }
    if let Some(hi) = hi {
        if v > hi {
            return false;
        }
    }
    true
}

/// The filter's meaning written out longhand, independently of `Filter::matches`.
fn brute_force(f: &Filter) -> Vec<&'static Company> {
    shipped_park()
        .companies
        .iter()
        .filter(|c| f.industries.is_empty() || f.industries.iter().any(|&i| i == c.industry))
        .filter(|c| match &f.zone {
            None => true,
            Some(z) => c.zone.as_deref() == Some(z.as_str()),
        })
        .filter(|c| match (f.capital_yuan, c.capital_yuan) {
            ((None, None), _) => true,
            (_, None) => false,
            ((lo, hi), Some(v)) => between(v, lo, hi),
        })
        .filter(|c| match (f.founded, c.founded) {
            ((None, None), _) => true,
            (_, None) => false,
            ((lo, hi), Some(v)) => between(v, lo, hi),
        })
        .collect()
}

fn check(f: &Filter) {
    let park = shipped_park();
    let expected = brute_force(f);
    let stats = Stats::compute(park, f);
    assert_eq!(stats.total.count, expected.len(), "{f:?}");
    assert_eq!(
        stats.total.capital_yuan,
        expected.iter().filter_map(|c| c.capital_yuan).sum::<u64>(),
        "{f:?}"
    );
    assert_eq!(f.mask(&park.companies).iter().filter(|&&m| m).count(), expected.len());
    for (industry, bucket) in &stats.by_industry {
        assert_eq!(bucket.count, expected.iter().filter(|c| c.industry == *industry).count(), "{f:?}");
    }
    for (zone, bucket) in &stats.by_zone {
        let in_zone: Vec<_> = expected.iter().filter(|c| c.zone.as_deref() == Some(zone)).collect();
        assert_eq!(bucket.count, in_zone.len(), "{f:?} {zone}");
        assert_eq!(bucket.capital_yuan, in_zone.iter().filter_map(|c| c.capital_yuan).sum::<u64>());
    }
    let zoned: usize = stats.by_zone.iter().map(|(_, b)| b.count).sum();
    assert_eq!(zoned + stats.unzoned.count, stats.total.count);
}

#[test]
fn the_empty_filter_counts_the_published_590_companies_and_21_921_million_yuan() {
    let stats = Stats::compute(shipped_park(), &Filter::default());
    assert_eq!(stats.total.count, 590);
    assert_eq!(stats.total.capital_yuan, 21_921_000_000);
    assert_eq!(stats.unzoned.count, 0);
    assert_eq!(stats.by_zone.len(), shipped_park().zones.len());
}

#[test]
fn every_industry_zone_capital_and_year_combination_matches_a_brute_force_count() {
    let park = shipped_park();
    let zones: Vec<Option<String>> =
        std::iter::once(None).chain(park.zones.iter().map(|z| Some(z.id.clone()))).collect();
    let industry_sets: Vec<BTreeSet<Industry>> = std::iter::once(BTreeSet::new())
        .chain(Industry::ALL.iter().map(|&i| BTreeSet::from([i])))
        .chain([BTreeSet::from([Industry::DigitalEconomy, Industry::HighEndEquipment])])
        .collect();
    let capitals = [
        (None, None),
        (Some(10_000_000), None),
        (None, Some(50_000_000)),
        (Some(5_000_000), Some(100_000_000)),
    ];
    let years = [(None, None), (Some(2023), None), (Some(2020), Some(2022)), (Some(2024), Some(2024))];
    let mut nonempty = 0;
    for zone in &zones {
        for industries in &industry_sets {
            for &capital_yuan in &capitals {
                for &founded in &years {
                    let f =
                        Filter { industries: industries.clone(), zone: zone.clone(), capital_yuan, founded };
                    check(&f);
                    nonempty += usize::from(!brute_force(&f).is_empty());
                }
            }
        }
    }
    assert!(nonempty > 100, "the grid should mostly select something: {nonempty}");
}

#[test]
fn an_unknown_zone_selects_nothing() {
    let f = Filter { zone: Some("z99".into()), ..Filter::default() };
    assert_eq!(Stats::compute(shipped_park(), &f).total.count, 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_filters_match_a_brute_force_count(
        industries in proptest::sample::subsequence(Industry::ALL.to_vec(), 0..=5),
        zone in proptest::option::of(0usize..12),
        capital in (proptest::option::of(0u64..3_000_000_000), proptest::option::of(0u64..3_000_000_000)),
        founded in (proptest::option::of(2018i32..2028), proptest::option::of(2018i32..2028)),
    ) {
        let zone = zone.map(|i| shipped_park().zones.get(i).map_or("z99".to_string(), |z| z.id.clone()));
        let f = Filter { industries: industries.into_iter().collect(), zone, capital_yuan: capital, founded };
        check(&f);
    }
}
