//! One feature of a `sites` layer → a [`Site`]: a land parcel (Polygon or MultiPolygon) or space in
//! a building (Point). Only a usable geometry is required. An unknown `type` is `other`, an unknown
//! `land_use` or `status` is left out (each noted); a broken number — not a number, negative, past
//! its limit — or date is a located problem and the value is dropped, the site kept.

use geojson::GeometryValue;

use super::geometry::{point, polygons, positions, wrong_type};
use super::limits::{MAX_HEIGHT_M, MAX_PLOT_RATIO, MAX_PRICE_YUAN_M2, MAX_SITE_AREA_M2, MAX_UTILITY};
use super::props::Props;
use crate::geo::{measure, LonLat};
use crate::model::error::{number, quoted};
use crate::model::{
    DataError, IsoDate, LandUse, PolygonGeom, Price, Site, SiteGeom, SiteStatus, SiteType, Text, Utilities,
};

/// Whether zero is allowed (a price or a utility may be 0; an area, a plot ratio or a height not).
#[derive(Clone, Copy, PartialEq)]
enum Zero {
    Allowed,
    Refused,
}

/// An optional number of `key` in `0..=max` (or `(0, max]`); anything else is a located problem and
/// the value is dropped.
fn number_in(p: &mut Props, key: &str, max: f64, zero: Zero) -> Option<f64> {
    let v = p.get(key)?;
    let Some(x) = v.as_f64() else {
        p.soft.push(p.err(key, format!("expected a number, found {}; dropped", v.kind())));
        return None;
    };
    let reason = if x < 0.0 {
        format!("{} is negative; dropped", number(x))
    } else if x == 0.0 && zero == Zero::Refused {
        "0 is not a size; dropped".to_owned()
    } else if x > max {
        format!("{} is more than the limit of {}; dropped", number(x), number(max))
    } else {
        return Some(x);
    };
    p.soft.push(p.err(key, reason));
    None
}

/// A key of a closed vocabulary without `other`: unknown values are left out, noted.
fn opt_vocab<T>(
    p: &mut Props,
    key: &str,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, DataError> {
    Ok(match p.lenient_str(key)? {
        Ok(Some(s)) => {
            let v = parse(s.trim());
            if v.is_none() {
                p.note(key, format!("not a known {what}; left out"), Some(&s));
            }
            v
        }
        Ok(None) => None,
        Err(why) => {
            p.note(key, format!("{why}; ignored"), None);
            None
        }
    })
}

/// The site's `type`: as written; unknown → `other`; missing → `land` for a parcel, `other` for a
/// space (each noted).
fn site_type(p: &mut Props, parcel: bool) -> Result<SiteType, DataError> {
    let written = match p.lenient_str("type")? {
        Ok(Some(s)) => match SiteType::from_key(s.trim()) {
            Some(t) => return Ok(t),
            None => {
                p.note("type", "not a known site type; shown as other", Some(&s));
                return Ok(SiteType::Other);
            }
        },
        Ok(None) => None,
        Err(why) => Some(why),
    };
    if let Some(why) = written {
        p.note("type", format!("{why}; ignored"), None);
    }
    if parcel {
        p.note("type", "missing; a parcel (polygon) read as land", None);
        Ok(SiteType::Land)
    } else {
        p.note("type", "missing; shown as other", None);
        Ok(SiteType::Other)
    }
}

/// Where the site is, checked first: a feature with no usable geometry is skipped.
fn geometry(geom: &GeometryValue, p: &mut Props) -> Result<(SiteGeom, LonLat, Option<f64>), DataError> {
    match geom {
        GeometryValue::Point { .. } => {
            let pos = point(geom, p)?;
            Ok((SiteGeom::Space { pos, map: pos.to_map() }, pos, None))
        }
        GeometryValue::MultiPoint { coordinates } if !coordinates.is_empty() => {
            if coordinates.len() > 1 {
                p.note("geometry", "MultiPoint site placed at its first point", None);
            }
            let pos = positions(&coordinates[..1], 1, p)?[0];
            Ok((SiteGeom::Space { pos, map: pos.to_map() }, pos, None))
        }
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
            let polys: Vec<PolygonGeom> = polygons(geom, p)?;
            let areas: Vec<f64> = polys.iter().map(|g| measure::area_m2(&g.rings)).collect();
            let biggest = (0..polys.len()).max_by(|&a, &b| areas[a].total_cmp(&areas[b]));
            let anchor = biggest
                .and_then(|k| measure::interior_point(&polys[k].rings))
                .ok_or_else(|| p.err("geometry", "degenerate polygon"))?;
            Ok((SiteGeom::Parcel(polys), anchor, Some(areas.iter().sum())))
        }
        other => Err(wrong_type("Point, Polygon or MultiPolygon", other, p)),
    }
}

/// Reads one site; `name` is already resolved.
pub(crate) fn site(geom: &GeometryValue, name: Text, p: &mut Props) -> Result<Site, DataError> {
    let (geom, anchor, geodesic_area) = geometry(geom, p)?;
    let parcel = geodesic_area.is_some();
    let kind = site_type(p, parcel)?;
    let land_use = opt_vocab(p, "land_use", LandUse::from_key, "land use")?;
    let status = opt_vocab(p, "status", SiteStatus::from_key, "status")?;
    // A parcel's area is its polygon's unless the data says otherwise (a net area, say).
    let area_m2 = number_in(p, "area_m2", MAX_SITE_AREA_M2, Zero::Refused).or(geodesic_area);
    let utilities = Utilities {
        power_kva: number_in(p, "power_kva", MAX_UTILITY, Zero::Allowed),
        water_m3_day: number_in(p, "water_m3_day", MAX_UTILITY, Zero::Allowed),
        gas: p.opt_bool("gas"),
        fibre: p.opt_bool("fibre"),
        district_heating: p.opt_bool("district_heating"),
    };
    let sale = number_in(p, "price_sale_yuan_m2", MAX_PRICE_YUAN_M2, Zero::Allowed);
    let rent = number_in(p, "price_rent_yuan_m2_month", MAX_PRICE_YUAN_M2, Zero::Allowed);
    let on_request = p.opt_bool("price_on_request") == Some(true);
    if usize::from(sale.is_some()) + usize::from(rent.is_some()) + usize::from(on_request) > 1 {
        p.note("price", "more than one price given; the first of sale, rent, on request kept", None);
    }
    let price = match (sale, rent, on_request) {
        (Some(yuan_m2), _, _) => Some(Price::Sale { yuan_m2 }),
        (None, Some(yuan_m2_month), _) => Some(Price::Rent { yuan_m2_month }),
        (None, None, true) => Some(Price::OnRequest),
        (None, None, false) => None,
    };
    let available_from = p.opt_str("available_from").and_then(|s| {
        let d = IsoDate::parse(s.trim());
        if d.is_none() {
            p.soft.push(
                p.err("available_from", format!("expected a date YYYY-MM-DD, found {}; dropped", quoted(&s))),
            );
        }
        d
    });
    Ok(Site {
        id: String::new(),
        name,
        kind,
        area_m2,
        land_use,
        status,
        plot_ratio_max: number_in(p, "plot_ratio_max", MAX_PLOT_RATIO, Zero::Refused),
        height_max_m: number_in(p, "height_max_m", MAX_HEIGHT_M, Zero::Refused),
        utilities,
        price,
        available_from,
        zone: p.opt_str("zone"),
        description: p.opt_text("description"),
        illustrative: p.opt_bool("illustrative").unwrap_or(false),
        geom,
        map: anchor.to_map(),
        anchor,
    })
}

#[cfg(test)]
mod tests {
    use crate::model::{Layer, LayerKind, Price, SiteGeom, SiteStatus, SiteType};
    use crate::read::parse_layer;

    fn layer(features: &[&str]) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
    }

    const PARCEL: &str = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.50,45.84],[126.51,45.84],[126.51,45.845],[126.50,45.845],[126.50,45.84]]]},
      "properties":{"id":"s1","name_zh":"地块一","name_en":"Parcel 1","type":"land","area_m2":431000,"land_use":"industrial","status":"available",
      "plot_ratio_max":1.5,"height_max_m":24,"power_kva":2000,"water_m3_day":300,"gas":true,"fibre":true,"district_heating":false,
      "price_sale_yuan_m2":420,"available_from":"2026-07-01","zone":"z05","illustrative":true}}"#;

    #[test]
    fn a_complete_parcel_and_a_space_are_read() {
        let space = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[126.52,45.85]},
          "properties":{"id":"s2","name_zh":"孵化器","name_en":"Incubator floor","type":"incubator","area_m2":800,
          "land_use":"rnd","status":"under_construction","price_rent_yuan_m2_month":35.5}}"#;
        let parse = parse_layer(LayerKind::Sites, "sites.geojson", &layer(&[PARCEL, space]));
        assert!(parse.errors.is_empty() && parse.notes.is_empty(), "{:?} {:?}", parse.errors, parse.notes);
        let Layer::Sites(s) = parse.layer else { panic!() };
        assert_eq!(s[0].kind, SiteType::Land);
        assert_eq!(s[0].area_m2, Some(431_000.0));
        assert_eq!(s[0].price, Some(Price::Sale { yuan_m2: 420.0 }));
        assert_eq!(s[0].utilities.gas, Some(true));
        assert_eq!(s[0].available_from.unwrap().to_string(), "2026-07-01");
        assert!(s[0].is_parcel() && s[0].illustrative);
        assert_eq!(s[1].status, Some(SiteStatus::UnderConstruction));
        assert_eq!(s[1].price, Some(Price::Rent { yuan_m2_month: 35.5 }));
        assert!(matches!(s[1].geom, SiteGeom::Space { .. }));
    }

    #[test]
    fn hostile_values_are_dropped_with_their_place_and_unknown_words_noted() {
        let bad = PARCEL
            .replace(r#""area_m2":431000"#, r#""area_m2":-5"#)
            .replace(
                r#""price_sale_yuan_m2":420"#,
                r#""price_sale_yuan_m2":-1,"price_rent_yuan_m2_month":"NaN""#,
            )
            .replace(r#""power_kva":2000"#, r#""power_kva":1e308"#)
            .replace(r#""type":"land""#, r#""type":"castle""#)
            .replace(r#""land_use":"industrial""#, r#""land_use":"farming""#)
            .replace(r#""available_from":"2026-07-01""#, r#""available_from":"2026-02-30""#);
        let parse = parse_layer(LayerKind::Sites, "sites.geojson", &layer(&[&bad]));
        let e: Vec<String> = parse.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            e,
            [
                "sites.geojson:0: area_m2: -5 is negative; dropped",
                "sites.geojson:0: power_kva: 1e308 is more than the limit of 10000000; dropped",
                "sites.geojson:0: price_sale_yuan_m2: -1 is negative; dropped",
                "sites.geojson:0: price_rent_yuan_m2_month: expected a number, found a string; dropped",
                "sites.geojson:0: available_from: expected a date YYYY-MM-DD, found \"2026-02-30\"; dropped",
            ]
        );
        let n: Vec<String> = parse.notes.iter().map(ToString::to_string).collect();
        assert_eq!(
            n,
            [
                "sites.geojson: type: not a known site type; shown as other (1 feature, first at index 0; e.g. \"castle\")",
                "sites.geojson: land_use: not a known land use; left out (1 feature, first at index 0; e.g. \"farming\")",
            ]
        );
        let Layer::Sites(s) = parse.layer else { panic!() };
        // A parcel whose area was refused falls back to its geodesic area (the error says why).
        assert_eq!((s[0].kind, s[0].price, s[0].land_use), (SiteType::Other, None, None));
        assert!((s[0].area_m2.unwrap() - 431_715.0).abs() < 1.0, "{:?}", s[0].area_m2);
    }

    #[test]
    fn a_parcel_without_type_or_area_is_land_of_its_geodesic_area() {
        let bare = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.50,45.84],[126.51,45.84],[126.51,45.845],[126.50,45.84]]]},"properties":{"name":"P"}}"#;
        let line = r#"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.50,45.84],[126.51,45.84]]},"properties":{"id":"x"}}"#;
        let parse = parse_layer(LayerKind::Sites, "sites.geojson", &layer(&[bare, line]));
        assert_eq!(
            parse.errors[0].to_string(),
            "sites.geojson:1: geometry: expected Point, Polygon or MultiPolygon, found LineString"
        );
        let Layer::Sites(s) = parse.layer else { panic!() };
        assert_eq!(s[0].kind, SiteType::Land);
        let area = s[0].area_m2.unwrap();
        assert!((area - 215_700.0).abs() / 215_700.0 < 0.01, "{area}");
        assert!(s[0].id.starts_with("s-"), "{}", s[0].id);
    }

    #[test]
    fn the_maps_reader_refuses_a_sites_layer_and_reads_the_others_as_the_full_reader_does() {
        use crate::read::parse_map_layer;
        let text = layer(&[PARCEL]);
        let map = parse_map_layer(LayerKind::Sites, "sites.geojson", &text);
        assert_eq!(map.layer, Layer::Sites(Vec::new()));
        assert_eq!(
            map.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["sites.geojson: a sites layer is read by the site finder, not by the map"]
        );
        let company = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[126.5,45.8]},"properties":{"id":"c1","name":"A"}}"#;
        let text = layer(&[company]);
        assert_eq!(
            parse_map_layer(LayerKind::Companies, "c.geojson", &text),
            parse_layer(LayerKind::Companies, "c.geojson", &text)
        );
    }
}
