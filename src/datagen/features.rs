//! Turns the plan (design-frame geometry plus texts) into GeoJSON features, layer by layer.

use super::companies::Company;
use super::geom::{geodesic_area, Projector, Xy};
use super::layout::{
    boundary_ring, canal_ring, ellipse_ring, lake, node, promenade_nodes, river_ring, x_line, y_line,
    CANAL_LINES, COLS,
};
use super::network::Trail;
use super::output::{Feature, Geometry, Props};
use super::pois::Poi;
use super::sites::{Price, Shape, Site};
use super::texts::{ROADS, ROAD_X_LINES, ROAD_Y_LINES};
use super::zones::ZONES;

/// How far the lake water sits inside the shore path, metres.
const SHORE_GAP: f64 = 30.0;

fn named(kind: &str, zh: &str, en: &str, ru: &str) -> Props {
    Props::new().with("kind", kind).with("name_zh", zh).with("name_en", en).with("name_ru", ru)
}

fn polygon(proj: &Projector, ring: &[Xy]) -> Geometry {
    Geometry::Polygon(vec![proj.line(ring)])
}

/// The context layer: river, inner water, roads, the axis and the park boundary.
pub fn context(proj: &Projector, lake_a: f64) -> Vec<Feature> {
    let mut out = vec![Feature {
        geometry: polygon(proj, &river_ring()),
        properties: named("river", "松花江", "Songhua River", "Сунгари"),
    }];
    let lake_names = [
        ("西湿地湖", "West Wetland Lake", "Западное озеро"),
        ("东湿地湖", "East Wetland Lake", "Восточное озеро"),
    ];
    for (k, (zh, en, ru)) in lake_names.into_iter().enumerate() {
        let l = lake(k);
        let ring = ellipse_ring(l.cx, l.cy, lake_a - SHORE_GAP, l.b - SHORE_GAP, 72);
        out.push(Feature { geometry: polygon(proj, &ring), properties: named("water", zh, en, ru) });
    }
    let canal_names = [
        ("西海绵运河", "West Sponge Canal", "Западный канал"),
        ("东海绵运河", "East Sponge Canal", "Восточный канал"),
    ];
    for (&line, (zh, en, ru)) in CANAL_LINES.iter().zip(canal_names) {
        out.push(Feature {
            geometry: polygon(proj, &canal_ring(line)),
            properties: named("water", zh, en, ru),
        });
    }
    for (road, &j) in ROADS.iter().zip(&ROAD_Y_LINES) {
        // Main roads run on past the park edge to the wider road network.
        let (xw, xe) = (node(0, j)[0] - 400.0, node(COLS, j)[0] + 400.0);
        out.push(Feature {
            geometry: Geometry::LineString(proj.line(&[[xw, y_line(j, xw)], [xe, y_line(j, xe)]])),
            properties: named("road", road.zh, road.en, road.ru),
        });
    }
    for (road, &i) in ROADS[ROAD_Y_LINES.len()..].iter().zip(&ROAD_X_LINES) {
        let north = node(i, 4)[1] + 400.0;
        out.push(Feature {
            geometry: Geometry::LineString(proj.line(&[node(i, 1), [x_line(i, north), north]])),
            properties: named("road", road.zh, road.en, road.ru),
        });
    }
    // The axis links the manufacturing north to the city services and the river in the south.
    let top = node(3, 4)[1] + 150.0;
    let axis = [[x_line(3, top), top], node(3, 4), node(3, 3), node(3, 2), node(3, 1), promenade_nodes()[4]];
    out.push(Feature {
        geometry: Geometry::LineString(proj.line(&axis)),
        properties: named(
            "axis",
            "生产与城市服务轴",
            "Production and City-Services Axis",
            "Ось производства и городских услуг",
        ),
    });
    out.push(Feature {
        geometry: polygon(proj, &boundary_ring()),
        properties: named(
            "boundary",
            "深哈产业园边界",
            "Shenzhen-Harbin Industrial Park boundary",
            "Граница Шэньчжэнь-Харбинского индустриального парка",
        ),
    });
    out
}

/// The zones layer.
pub fn zones(proj: &Projector) -> Vec<Feature> {
    ZONES
        .iter()
        .map(|z| {
            let props = Props::new()
                .with("id", z.id)
                .with("name_zh", z.zh)
                .with("name_en", z.en)
                .with("name_ru", z.ru)
                .with("short_name_zh", z.short_zh)
                .with("short_name_en", z.short_en)
                .with("short_name_ru", z.short_ru)
                .with("category", z.category)
                .with("description_zh", z.desc_zh)
                .with("description_en", z.desc_en)
                .with("description_ru", z.desc_ru)
                .with("industries", z.industries.to_vec());
            Feature { geometry: polygon(proj, &z.ring()), properties: props }
        })
        .collect()
}

/// A trail layer; `prefix` is `g` or `w`.
pub fn trails(proj: &Projector, trails: &[Trail], prefix: char) -> Vec<Feature> {
    trails
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let r = t.text;
            let (zh, en, ru) = if t.sections > 1 {
                (
                    format!("{}第{}段", r.zh, t.section),
                    format!("{}, section {}", r.en, t.section),
                    format!("{}, участок {}", r.ru, t.section),
                )
            } else {
                (r.zh.to_string(), r.en.to_string(), r.ru.to_string())
            };
            let mut props = Props::new()
                .with("id", format!("{prefix}{:02}", k + 1))
                .with("name_zh", zh)
                .with("name_en", en)
                .with("name_ru", ru)
                .with("surface", r.surface)
                .with("lit", r.lit)
                .with("winter", r.winter)
                .with("status", "open");
            if !r.sponge.is_empty() {
                props = props.with("sponge", r.sponge.to_vec());
            }
            if t.sections > 1 {
                // the map labels a section by its route's name; the section's own is for its panel
                props = props.with("route_zh", r.zh).with("route_en", r.en).with("route_ru", r.ru);
            }
            Feature { geometry: Geometry::LineString(proj.line(&t.pts)), properties: props }
        })
        .collect()
}

/// The POI layer.
pub fn pois(proj: &Projector, pois: &[Poi]) -> Vec<Feature> {
    pois.iter()
        .map(|p| Feature {
            geometry: Geometry::Point(proj.ll(p.pos)),
            properties: Props::new()
                .with("id", p.id.as_str())
                .with("kind", p.kind)
                .with("name_zh", p.zh)
                .with("name_en", p.en)
                .with("name_ru", p.ru)
                .with("description_zh", p.desc_zh)
                .with("description_en", p.desc_en)
                .with("description_ru", p.desc_ru),
        })
        .collect()
}

/// The companies layer.
pub fn companies(proj: &Projector, companies: &[Company]) -> Vec<Feature> {
    companies
        .iter()
        .map(|c| Feature {
            geometry: Geometry::Point(proj.ll(c.pos)),
            properties: Props::new()
                .with("id", c.id.as_str())
                .with("name_zh", c.name_zh.as_str())
                .with("name_en", c.name_en.as_str())
                .with("industry", c.industry)
                .with("sector", c.sector)
                .with("zone", ZONES[c.zone].id)
                .with("capital_yuan", c.capital_yuan)
                .with("founded", c.founded)
                .with("address_zh", c.address_zh.as_str())
                .with("address_en", c.address_en.as_str())
                .with("description_zh", c.description_zh.as_str())
                .with("description_en", c.description_en.as_str())
                .with("description_ru", c.description_ru.as_str())
                .with_opt("website", c.website.as_deref())
                .with("illustrative", true),
        })
        .collect()
}

/// A number as JSON: whole values as integers (`2750`, not `2750.0`).
fn num(x: f64) -> serde_json::Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        serde_json::Value::from(x as i64)
    } else {
        serde_json::Value::from(x)
    }
}

/// The sites layer. A parcel's `area_m2` is the geodesic area of its polygon as written (rounded
/// coordinates), to the square metre.
pub fn sites(proj: &Projector, sites: &[Site]) -> Vec<Feature> {
    sites
        .iter()
        .map(|s| {
            let (geometry, area) = match &s.shape {
                Shape::Parcel(ring) => {
                    let ring = proj.line(ring);
                    let area = geodesic_area(&ring).round();
                    (Geometry::Polygon(vec![ring]), area)
                }
                Shape::Space(p) => (Geometry::Point(proj.ll(*p)), s.floor_m2.unwrap_or_default()),
            };
            let (power, water, gas, fibre, heating) = s.utilities;
            let mut props = Props::new()
                .with("id", s.id.as_str())
                .with("name_zh", s.name[0].as_str())
                .with("name_en", s.name[1].as_str())
                .with("name_ru", s.name[2].as_str())
                .with("type", s.kind)
                .with("area_m2", num(area))
                .with("land_use", s.land_use)
                .with("status", s.status)
                .with_opt("plot_ratio_max", s.plan.map(|p| num(p.0)))
                .with_opt("height_max_m", s.plan.map(|p| num(p.1)))
                .with("power_kva", num(power))
                .with("water_m3_day", num(water))
                .with("gas", gas)
                .with("fibre", fibre)
                .with("district_heating", heating);
            props = match s.price {
                Price::Sale(y) => props.with("price_sale_yuan_m2", num(y)),
                Price::Rent(y) => props.with("price_rent_yuan_m2_month", num(y)),
                Price::OnRequest => props.with("price_on_request", true),
            };
            let props = props
                .with_opt("available_from", s.available_from.as_deref())
                .with("zone", ZONES[s.zone].id)
                .with("illustrative", true);
            Feature { geometry, properties: props }
        })
        .collect()
}
