//! The site finder's list: the sites that pass the filter, in the order a column gives, and the
//! words a site's values are written in (price, yes/no).

use super::text::st;
use crate::i18n::{format_int, Lang};
use crate::model::{Park, Price, Site};

/// The columns the finder's list sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteColumn {
    /// The site's name.
    Name,
    /// Its type.
    Type,
    /// Its area.
    Area,
    /// Its status.
    Status,
    /// Its price: sale prices first, then rents, then on request or none (each group by amount).
    Price,
    /// Its zone's name.
    Zone,
}

/// The indices of the sites of `park` that `mask` keeps, sorted by `column` (`asc` or not) in
/// `lang`; ties keep the park's order, and sites without the value come last either way.
pub fn sorted_sites(park: &Park, mask: &[bool], column: SiteColumn, asc: bool, lang: Lang) -> Vec<usize> {
    let mut rows: Vec<usize> =
        (0..park.sites.len()).filter(|&i| mask.get(i).copied().unwrap_or(false)).collect();
    let zone = |s: &Site| zone_label(park, s, lang);
    // (missing?, number, text): missing last in both directions
    let key = |s: &Site| -> (bool, f64, String) {
        match column {
            SiteColumn::Name => (false, 0.0, s.name.get(lang).to_lowercase()),
            SiteColumn::Type => (false, 0.0, st(lang, &format!("type.{}", s.kind.key())).to_owned()),
            SiteColumn::Area => (s.area_m2.is_none(), s.area_m2.unwrap_or(0.0), String::new()),
            SiteColumn::Status => match s.status {
                Some(st_) => (false, 0.0, st(lang, &format!("status.{}", st_.key())).to_owned()),
                None => (true, 0.0, String::new()),
            },
            SiteColumn::Price => match s.price {
                Some(Price::Sale { yuan_m2 }) => (false, yuan_m2, String::new()),
                Some(Price::Rent { yuan_m2_month }) => (false, 1e12 + yuan_m2_month, String::new()),
                Some(Price::OnRequest) | None => (true, 0.0, String::new()),
            },
            SiteColumn::Zone => match zone(s) {
                Some(z) => (false, 0.0, z),
                None => (true, 0.0, String::new()),
            },
        }
    };
    crate::sort::sort_by(&mut rows, |&a, &b| {
        let (ka, kb) = (key(&park.sites[a]), key(&park.sites[b]));
        ka.0.cmp(&kb.0).then_with(|| {
            let order = ka.1.total_cmp(&kb.1).then_with(|| ka.2.cmp(&kb.2));
            if asc {
                order
            } else {
                order.reverse()
            }
        })
    });
    rows
}

/// A price as the reader reads it: `¥650/m² (sale)`, `租金 38 元/平方米/月`, `on request`; `—` without.
///
/// ```
/// use parkmap::{i18n::Lang, model::Price, sites::format_price};
/// assert_eq!(format_price(Some(Price::Sale { yuan_m2: 1250.0 }), Lang::En), "¥1,250/m² (sale)");
/// assert_eq!(format_price(Some(Price::Rent { yuan_m2_month: 38.0 }), Lang::Zh), "租金 38 元/平方米/月");
/// assert_eq!(format_price(None, Lang::Ru), "—");
/// ```
pub fn format_price(price: Option<Price>, lang: Lang) -> String {
    let amount = |v: f64| format_int(v.round().max(0.0) as u64, lang);
    match price {
        Some(Price::Sale { yuan_m2 }) => st(lang, "price.sale").replace("{amount}", &amount(yuan_m2)),
        Some(Price::Rent { yuan_m2_month }) => {
            st(lang, "price.rent").replace("{amount}", &amount(yuan_m2_month))
        }
        Some(Price::OnRequest) => st(lang, "price.on_request").to_owned(),
        None => "—".to_owned(),
    }
}

/// `yes` / `no` / `—` in `lang`.
pub fn yes_no(v: Option<bool>, lang: Lang) -> &'static str {
    match v {
        Some(true) => st(lang, "yes"),
        Some(false) => st(lang, "no"),
        None => "—",
    }
}

/// The name of a site's zone as the list shows and sorts it: the zone's short name where it has one
/// (the table fits a side panel).
pub fn zone_label(park: &Park, site: &Site, lang: Lang) -> Option<String> {
    let zone = park.zone(site.zone.as_deref()?)?;
    Some(zone.short_name.as_ref().unwrap_or(&zone.name).get(lang).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(id: &str, area: Option<f64>, price: Option<Price>) -> Site {
        Site { area_m2: area, price, ..Site::sample(id) }
    }

    #[test]
    fn only_matches_are_listed_and_missing_values_come_last_both_ways() {
        let park = Park {
            sites: vec![
                site("a", Some(300.0), None),
                site("b", None, None),
                site("c", Some(100.0), None),
                site("d", Some(200.0), None),
            ],
            ..Park::default()
        };
        let mask = [true, true, true, false];
        assert_eq!(sorted_sites(&park, &mask, SiteColumn::Area, true, Lang::En), [2, 0, 1]);
        assert_eq!(sorted_sites(&park, &mask, SiteColumn::Area, false, Lang::En), [0, 2, 1]);
    }

    #[test]
    fn prices_sort_sales_then_rents_then_on_request() {
        let park = Park {
            sites: vec![
                site("rent", None, Some(Price::Rent { yuan_m2_month: 30.0 })),
                site("ask", None, Some(Price::OnRequest)),
                site("sale", None, Some(Price::Sale { yuan_m2: 900.0 })),
                site("cheap", None, Some(Price::Sale { yuan_m2: 600.0 })),
            ],
            ..Park::default()
        };
        let order = sorted_sites(&park, &[true; 4], SiteColumn::Price, true, Lang::En);
        let ids: Vec<&str> = order.iter().map(|&i| park.sites[i].id.as_str()).collect();
        assert_eq!(ids, ["cheap", "sale", "rent", "ask"]);
    }
}
