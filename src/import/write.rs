//! The strict form of `docs/data-format.md`, written from the app's typed model: every feature with
//! its `id`, `name_zh` / `name_en` (`name_ru` when known), its documented vocabulary key, and only
//! the optional properties it has. Positions are `[lon, lat]` rounded to 10⁻⁸ degree (about a
//! millimetre); zone and context rings are wound as RFC 7946 wants (outer counter-clockwise, holes
//! clockwise), and how many were turned is returned so the import can say so.

use serde_json::{json, Map, Value};

use crate::geo::measure::ring_signed_area_deg2;
use crate::geo::LonLat;
use crate::model::{Company, ContextFeature, ContextShape, Poi, Price, Site, SiteGeom, Text, Trail, Zone};

/// `[lon, lat]`, rounded to 10⁻⁸ degree.
pub fn position(p: LonLat) -> Value {
    let r = |x: f64| (x * 1e8).round() / 1e8;
    json!([r(p.lon), r(p.lat)])
}

fn line(points: &[LonLat]) -> Value {
    Value::Array(points.iter().map(|p| position(*p)).collect())
}

/// A polygon's rings wound for RFC 7946; adds the rings turned to `turned`.
fn rings(rings: &[Vec<LonLat>], turned: &mut usize) -> Value {
    let out = rings
        .iter()
        .enumerate()
        .map(|(k, ring)| {
            let ccw = ring_signed_area_deg2(ring) > 0.0;
            // The outer ring (k = 0) counter-clockwise, holes clockwise.
            if ccw != (k == 0) {
                *turned += 1;
                let mut r = ring.clone();
                r.reverse();
                line(&r)
            } else {
                line(ring)
            }
        })
        .collect();
    Value::Array(out)
}

fn collection(features: Vec<Feature>) -> String {
    // One feature per line: diffs of a re-import stay readable.
    let lines: Vec<String> = features.iter().map(|f| serde_json::to_string(f).unwrap_or_default()).collect();
    format!("{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n", lines.join(",\n"))
}

/// A feature with its members in the usual order (`type`, `properties`, `geometry`): serde_json's
/// map would sort them.
#[derive(serde::Serialize)]
struct Feature {
    #[serde(rename = "type")]
    ty: &'static str,
    properties: Map<String, Value>,
    geometry: Value,
}

fn feature(properties: Map<String, Value>, geometry: Value) -> Feature {
    Feature { ty: "Feature", properties, geometry }
}

/// `<prefix>_zh`, `<prefix>_en` and, when known, `<prefix>_ru`.
fn text(props: &mut Map<String, Value>, prefix: &str, t: &Text) {
    props.insert(format!("{prefix}_zh"), t.zh.clone().into());
    props.insert(format!("{prefix}_en"), t.en.clone().into());
    if let Some(ru) = &t.ru {
        props.insert(format!("{prefix}_ru"), ru.clone().into());
    }
}

fn opt_text(props: &mut Map<String, Value>, prefix: &str, t: Option<&Text>) {
    if let Some(t) = t {
        text(props, prefix, t);
    }
}

fn base(id: &str, name: &Text) -> Map<String, Value> {
    let mut p = Map::new();
    p.insert("id".into(), id.into());
    text(&mut p, "name", name);
    p
}

/// The zones layer; adds the rings it turned to `turned`.
pub fn zones(zones: &[Zone], turned: &mut usize) -> String {
    let features = zones
        .iter()
        .map(|z| {
            let mut p = base(&z.id, &z.name);
            p.insert("category".into(), z.category.key().into());
            opt_text(&mut p, "description", z.description.as_ref());
            if !z.industries.is_empty() {
                p.insert("industries".into(), z.industries.iter().map(|i| i.key()).collect());
            }
            let polygons: Vec<Value> = z.polygons.iter().map(|g| rings(&g.rings, turned)).collect();
            feature(p, multi("Polygon", "MultiPolygon", polygons))
        })
        .collect();
    collection(features)
}

/// `Polygon` for one, `MultiPolygon` for several (likewise for lines).
fn multi(one: &str, many: &str, mut items: Vec<Value>) -> Value {
    if items.len() == 1 {
        json!({"type": one, "coordinates": items.remove(0)})
    } else {
        json!({"type": many, "coordinates": items})
    }
}

/// A greenway or waterfront layer. `grade[k]` holds the `bridge` / `tunnel` / `layer` members of
/// trail `k` as the input wrote them (the typed model keeps only whether it is off the ground).
pub fn trails(trails: &[Trail], grade: &[Map<String, Value>]) -> String {
    let features = trails
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let mut p = base(&t.id, &t.name);
            if let Some(s) = t.surface {
                p.insert("surface".into(), s.key().into());
            }
            if let Some(lit) = t.lit {
                p.insert("lit".into(), lit.into());
            }
            if let Some(w) = t.winter {
                p.insert("winter".into(), w.key().into());
            }
            if t.closed {
                p.insert("status".into(), "closed".into());
            }
            if !t.sponge.is_empty() {
                p.insert("sponge".into(), t.sponge.clone().into());
            }
            if t.grade_separated {
                p.extend(grade.get(k).cloned().unwrap_or_default());
            }
            feature(p, multi("LineString", "MultiLineString", t.parts.iter().map(|l| line(l)).collect()))
        })
        .collect();
    collection(features)
}

/// The POIs layer.
pub fn pois(pois: &[Poi]) -> String {
    let features = pois
        .iter()
        .map(|poi| {
            let mut p = base(&poi.id, &poi.name);
            p.insert("kind".into(), poi.kind.key().into());
            opt_text(&mut p, "description", poi.description.as_ref());
            feature(p, json!({"type": "Point", "coordinates": position(poi.pos)}))
        })
        .collect();
    collection(features)
}

/// The companies layer.
pub fn companies(companies: &[Company]) -> String {
    let features = companies
        .iter()
        .map(|c| {
            let mut p = base(&c.id, &c.name);
            p.insert("industry".into(), c.industry.key().into());
            let mut opt = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    p.insert(k.into(), v);
                }
            };
            opt("sector", c.sector.as_deref().map(Value::from));
            opt("zone", c.zone.as_deref().map(Value::from));
            opt("capital_yuan", c.capital_yuan.map(Value::from));
            opt("founded", c.founded.map(Value::from));
            opt("website", c.website.clone().map(Value::from));
            opt("illustrative", c.illustrative.then_some(Value::Bool(true)));
            opt_text(&mut p, "address", c.address.as_deref());
            opt_text(&mut p, "description", c.description.as_deref());
            feature(p, json!({"type": "Point", "coordinates": position(c.pos)}))
        })
        .collect();
    collection(features)
}

/// The sites layer; adds the parcel rings it turned to `turned`. Properties in the documented order,
/// only those the site has.
pub fn sites(sites: &[Site], turned: &mut usize) -> String {
    let features = sites
        .iter()
        .map(|s| {
            let mut p = base(&s.id, &s.name);
            p.insert("type".into(), s.kind.key().into());
            let mut opt = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    p.insert(k.into(), v);
                }
            };
            let u = &s.utilities;
            opt("area_m2", s.area_m2.map(Value::from));
            opt("land_use", s.land_use.map(|l| l.key().into()));
            opt("status", s.status.map(|v| v.key().into()));
            opt("plot_ratio_max", s.plot_ratio_max.map(Value::from));
            opt("height_max_m", s.height_max_m.map(Value::from));
            opt("power_kva", u.power_kva.map(Value::from));
            opt("water_m3_day", u.water_m3_day.map(Value::from));
            opt("gas", u.gas.map(Value::from));
            opt("fibre", u.fibre.map(Value::from));
            opt("district_heating", u.district_heating.map(Value::from));
            match s.price {
                Some(Price::Sale { yuan_m2 }) => opt("price_sale_yuan_m2", Some(yuan_m2.into())),
                Some(Price::Rent { yuan_m2_month }) => {
                    opt("price_rent_yuan_m2_month", Some(yuan_m2_month.into()))
                }
                Some(Price::OnRequest) => opt("price_on_request", Some(true.into())),
                None => {}
            }
            opt("available_from", s.available_from.map(|d| d.to_string().into()));
            opt("zone", s.zone.clone().map(Value::from));
            opt("illustrative", s.illustrative.then_some(Value::Bool(true)));
            opt_text(&mut p, "description", s.description.as_ref());
            let geometry = match &s.geom {
                SiteGeom::Parcel(polys) => {
                    multi("Polygon", "MultiPolygon", polys.iter().map(|g| rings(&g.rings, turned)).collect())
                }
                SiteGeom::Space { pos, .. } => json!({"type": "Point", "coordinates": position(*pos)}),
            };
            feature(p, geometry)
        })
        .collect();
    collection(features)
}

/// The context layer (the model keeps it projected: positions come back from Web Mercator, well
/// within the millimetre they are rounded to); adds the rings it turned to `turned`.
pub fn context(context: &[ContextFeature], turned: &mut usize) -> String {
    let features = context
        .iter()
        .map(|f| {
            let mut p = Map::new();
            p.insert("kind".into(), f.kind.key().into());
            if let Some(name) = &f.name {
                text(&mut p, "name", name);
            }
            let geometry = match &f.shape {
                ContextShape::Lines(lines) => {
                    let lines = lines.iter().map(|l| l.iter().map(|m| m.to_lon_lat()).collect::<Vec<_>>());
                    multi("LineString", "MultiLineString", lines.map(|l| line(&l)).collect())
                }
                ContextShape::Polygons(polys) => {
                    let polys = polys.iter().map(|rs| {
                        let rs: Vec<Vec<LonLat>> =
                            rs.iter().map(|r| r.iter().map(|m| m.to_lon_lat()).collect()).collect();
                        rings(&rs, turned)
                    });
                    multi("Polygon", "MultiPolygon", polys.collect())
                }
            };
            feature(p, geometry)
        })
        .collect();
    collection(features)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clockwise_outer_rings_are_turned_and_positions_rounded() {
        let cw = vec![
            LonLat::lon_lat(126.5, 45.8),
            LonLat::lon_lat(126.5, 45.9),
            LonLat::lon_lat(126.6, 45.9),
            LonLat::lon_lat(126.5, 45.8),
        ];
        let mut turned = 0;
        let r = rings(&[cw], &mut turned);
        assert_eq!(turned, 1);
        assert_eq!(r[0][1], json!([126.6, 45.9]));
        assert_eq!(position(LonLat::lon_lat(126.123456789, 45.1)), json!([126.12345679, 45.1]));
    }
}
