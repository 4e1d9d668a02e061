//! The company list's rows: which companies pass the filter, in the order the visitor chose.
//! Pure, so the order is tested natively; sort keys are looked up once per row, never per
//! comparison.

use crate::i18n::Lang;
use crate::model::Park;
use std::cmp::Ordering;

/// A column the list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The name in the UI language.
    Name,
    /// The industry (in the enum's order).
    Industry,
    /// The zone's name in the UI language (no zone sorts first).
    Zone,
    /// Registered capital (unknown first).
    Capital,
    /// Founding year (unknown first).
    Year,
}

/// The indexes of the companies `mask` lets through (a shorter mask lets the rest through), sorted
/// by `column` (`ascending` or not), ties by id, so the order is total and stable.
///
/// ```
/// use parkmap::listing::{rows, Column};
/// let park = parkmap::model::Park::default();
/// assert!(rows(&park, &[], Column::Name, true, parkmap::i18n::Lang::En).is_empty());
/// ```
pub fn rows(park: &Park, mask: &[bool], column: Column, ascending: bool, lang: Lang) -> Vec<usize> {
    let companies = &park.companies;
    let zone_name: Vec<&str> = companies
        .iter()
        .map(|c| c.zone.as_deref().and_then(|z| park.zone(z)).map(|z| z.name.get(lang)).unwrap_or(""))
        .collect();
    let mut idx: Vec<usize> =
        (0..companies.len()).filter(|&i| mask.get(i).copied().unwrap_or(true)).collect();
    let compare = |&a: &usize, &b: &usize| -> Ordering {
        let (ca, cb) = (&companies[a], &companies[b]);
        let o = match column {
            Column::Name => ca.name.get(lang).cmp(cb.name.get(lang)),
            Column::Industry => ca.industry.cmp(&cb.industry),
            Column::Zone => zone_name[a].cmp(zone_name[b]),
            Column::Capital => ca.capital_yuan.cmp(&cb.capital_yuan),
            Column::Year => ca.founded.cmp(&cb.founded),
        };
        let o = if ascending { o } else { o.reverse() };
        o.then_with(|| ca.id.cmp(&cb.id))
    };
    crate::sort::sort_by(&mut idx, compare);
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Company, Text, Zone};

    fn park() -> Park {
        let named = |id: &str, en: &str, zone: Option<&str>, capital: Option<u64>| Company {
            name: Text { en: en.into(), zh: en.into(), ru: None },
            zone: zone.map(Into::into),
            capital_yuan: capital,
            ..Company::sample(id)
        };
        let mut park = Park {
            companies: vec![
                named("c3", "Beta", Some("z2"), Some(5)),
                named("c1", "Alpha", Some("z1"), None),
                named("c2", "Alpha", None, Some(9)),
            ],
            ..Park::default()
        };
        for (id, en) in [("z1", "Zeta zone"), ("z2", "Alpha zone")] {
            park.zones.push(Zone {
                id: id.into(),
                name: Text { en: en.into(), zh: en.into(), ru: None },
                ..Zone::sample(id)
            });
        }
        park
    }

    fn ids(park: &Park, rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| park.companies[i].id.clone()).collect()
    }

    #[test]
    fn rows_sort_by_each_column_with_ties_by_id() {
        let p = park();
        assert_eq!(ids(&p, &rows(&p, &[], Column::Name, true, Lang::En)), ["c1", "c2", "c3"]);
        // descending reverses the column, ties stay by id
        assert_eq!(ids(&p, &rows(&p, &[], Column::Name, false, Lang::En)), ["c3", "c1", "c2"]);
        // zone by the zone's name: none, "Alpha zone" (z2), "Zeta zone" (z1)
        assert_eq!(ids(&p, &rows(&p, &[], Column::Zone, true, Lang::En)), ["c2", "c3", "c1"]);
        assert_eq!(ids(&p, &rows(&p, &[], Column::Capital, true, Lang::En)), ["c1", "c3", "c2"]);
    }

    #[test]
    fn only_companies_the_mask_lets_through() {
        let p = park();
        assert_eq!(ids(&p, &rows(&p, &[true, false, true], Column::Name, true, Lang::En)), ["c2", "c3"]);
    }
}
