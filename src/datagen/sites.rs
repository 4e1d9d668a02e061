//! Illustrative sites on offer: land parcels and space in buildings, placed inside their zones and
//! clear of each other, of every company, of the trails and of the zones' edges (where the roads and
//! canals run), with a land use that fits each zone's category. Drawn from their own ChaCha8 stream
//! of the seed, so adding them changed no company record.

use geo::{Distance, Euclidean, LineString, Point, Polygon};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::geom::{dist, dist_to_line, in_ring, Xy};
use super::zones::{zone_index, ZONES};

/// Least distance from a site to its zone's edge, metres (roads and canals run along the edges).
const EDGE_GAP: f64 = 60.0;
/// Least distance from a site to any company, metres.
const COMPANY_GAP: f64 = 25.0;
/// Least distance from a site to a greenway or waterfront line, metres.
const TRAIL_GAP: f64 = 25.0;
/// Least distance between two sites, metres.
const SITE_GAP: f64 = 40.0;
/// Placement attempts per site before the generator gives up on it.
const ATTEMPTS: usize = 6_000;
/// Mixed into the seed so the sites draw from a stream of their own.
const STREAM: u64 = 0x5175_5EED_0000_0023;

/// Where a site is, in the design frame.
#[derive(Clone, Debug)]
pub enum Shape {
    /// A parcel: a closed counter-clockwise rectangle.
    Parcel(Vec<Xy>),
    /// Space in a building.
    Space(Xy),
}

/// How a site is priced.
#[derive(Clone, Copy, Debug)]
pub enum Price {
    /// Yuan per m².
    Sale(f64),
    /// Yuan per m² and month.
    Rent(f64),
    /// On request.
    OnRequest,
}

/// One site record, ready to write.
#[derive(Clone, Debug)]
pub struct Site {
    /// `s01…`.
    pub id: String,
    /// Names in zh, en, ru.
    pub name: [String; 3],
    /// `land`, `factory`, `office`, `incubator` or `warehouse`.
    pub kind: &'static str,
    /// Land-use key.
    pub land_use: &'static str,
    /// Status key.
    pub status: &'static str,
    /// Index into `ZONES`.
    pub zone: usize,
    /// Where it is.
    pub shape: Shape,
    /// Floor area of a space, m² (a parcel's comes from its polygon).
    pub floor_m2: Option<f64>,
    /// Plot ratio and height limit (parcels).
    pub plan: Option<(f64, f64)>,
    /// Power kVA, water m³/day, gas, fibre, district heating.
    pub utilities: (f64, f64, bool, bool, bool),
    /// Price.
    pub price: Price,
    /// On offer from (ISO date).
    pub available_from: Option<String>,
}

/// What one kind of site looks like: sizes, planning limits, utilities and prices (ranges).
struct Profile {
    /// Parcel side (m) or floor area (m²).
    size: (f64, f64),
    plot: (f64, f64),
    height: (f64, f64),
    power: (f64, f64),
    water: (f64, f64),
    /// Percent with piped gas.
    gas: u32,
    /// Sale ¥/m² (parcels) or rent ¥/m²/month (spaces).
    price: (f64, f64),
}

fn profile(kind: &str, land_use: &str) -> Profile {
    let p = |size, plot, height, power, water, gas, price| Profile {
        size,
        plot,
        height,
        power,
        water,
        gas,
        price,
    };
    match (kind, land_use) {
        ("land", "industrial") => {
            p((150.0, 280.0), (1.0, 2.0), (24.0, 40.0), (1000.0, 6000.0), (100.0, 1200.0), 90, (260.0, 420.0))
        }
        ("land", "rnd") => {
            p((110.0, 200.0), (2.0, 3.5), (45.0, 80.0), (800.0, 3000.0), (80.0, 400.0), 80, (480.0, 900.0))
        }
        ("land", "logistics") => {
            p((160.0, 280.0), (0.8, 1.5), (18.0, 30.0), (500.0, 2000.0), (30.0, 200.0), 50, (220.0, 360.0))
        }
        ("land", _) => {
            p((100.0, 170.0), (2.5, 4.0), (50.0, 100.0), (600.0, 2000.0), (100.0, 500.0), 90, (900.0, 1800.0))
        }
        ("factory", _) => {
            p((1200.0, 6000.0), (0.0, 0.0), (0.0, 0.0), (250.0, 1600.0), (20.0, 200.0), 80, (14.0, 24.0))
        }
        ("warehouse", _) => {
            p((2000.0, 9000.0), (0.0, 0.0), (0.0, 0.0), (100.0, 600.0), (5.0, 40.0), 20, (10.0, 18.0))
        }
        ("incubator", _) => {
            p((60.0, 600.0), (0.0, 0.0), (0.0, 0.0), (20.0, 200.0), (1.0, 10.0), 0, (18.0, 36.0))
        }
        (_, "rnd") => p((200.0, 1500.0), (0.0, 0.0), (0.0, 0.0), (80.0, 500.0), (2.0, 20.0), 0, (28.0, 50.0)),
        _ => p((150.0, 2000.0), (0.0, 0.0), (0.0, 0.0), (50.0, 400.0), (2.0, 20.0), 0, (35.0, 65.0)),
    }
}

/// The sites of each zone: (zone, type, land use, how many). Land uses follow the zone's category:
/// industry clusters industrial (and logistics), the innovation HQ R&D, finance and service centers
/// commercial (the logistics park logistics), city services mixed and commercial; no site in the
/// wetland park.
const PLAN: &[(&str, &str, &str, usize)] = &[
    ("z01", "land", "rnd", 2),
    ("z01", "office", "rnd", 2),
    ("z01", "incubator", "rnd", 3),
    ("z02", "land", "industrial", 3),
    ("z02", "factory", "industrial", 2),
    ("z03", "land", "industrial", 3),
    ("z03", "factory", "industrial", 2),
    ("z04", "land", "industrial", 3),
    ("z04", "factory", "industrial", 1),
    ("z04", "warehouse", "logistics", 1),
    ("z05", "land", "industrial", 4),
    ("z05", "factory", "industrial", 2),
    ("z06", "land", "industrial", 3),
    ("z06", "factory", "industrial", 2),
    ("z07", "office", "commercial", 3),
    ("z08", "land", "logistics", 2),
    ("z08", "warehouse", "logistics", 2),
    ("z08", "office", "commercial", 1),
    ("z09", "office", "commercial", 2),
    ("z10", "land", "mixed", 1),
    ("z10", "office", "commercial", 2),
    ("z11", "land", "mixed", 1),
    ("z11", "office", "commercial", 1),
];

/// A value drawn from `range`, rounded to a multiple of `step`.
fn draw(rng: &mut ChaCha8Rng, (lo, hi): (f64, f64), step: f64) -> f64 {
    let x = lo + (hi - lo) * rng.random::<f64>();
    ((x / step).round() * step * 1e6).round() / 1e6
}

/// The names of a site: `{zone}{n}号地块`, `{zone} parcel {n}`, `Участок {n} ({zone})` and so on.
fn names(kind: &str, zone: usize, n: usize) -> [String; 3] {
    let z = &ZONES[zone];
    let (zh, en, ru) = (z.short_zh, z.short_en, z.short_ru);
    match kind {
        "land" => {
            [format!("{zh}{n:02}号地块"), format!("{en} parcel {n:02}"), format!("Участок {n:02} ({ru})")]
        }
        "factory" => [
            format!("{zh}标准厂房{n}号"),
            format!("{en} standard factory {n}"),
            format!("Стандартный цех {n} ({ru})"),
        ],
        "warehouse" => [format!("{zh}仓库{n}号"), format!("{en} warehouse {n}"), format!("Склад {n} ({ru})")],
        "incubator" => {
            [format!("{zh}孵化器{n}号"), format!("{en} incubator {n}"), format!("Инкубатор {n} ({ru})")]
        }
        _ => [format!("{zh}写字楼{n}号"), format!("{en} office space {n}"), format!("Офисы {n} ({ru})")],
    }
}

/// What the generator keeps clear of: companies and trail lines (design frame).
pub struct Obstacles<'a> {
    /// Company positions.
    pub companies: &'a [Xy],
    /// Greenway and waterfront lines.
    pub trails: &'a [Vec<Xy>],
}

fn rect(c: Xy, w: f64, h: f64) -> Vec<Xy> {
    let (x0, y0, x1, y1) = (c[0] - w / 2.0, c[1] - h / 2.0, c[0] + w / 2.0, c[1] + h / 2.0);
    vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
}

fn geo_polygon(ring: &[Xy]) -> Polygon<f64> {
    Polygon::new(LineString::from(ring.to_vec()), vec![])
}

/// Metres from a placed site to a point (0 inside a parcel).
fn distance_to(shape: &Shape, p: Xy) -> f64 {
    match shape {
        Shape::Parcel(ring) => Euclidean.distance(&Point::from(p), &geo_polygon(ring)),
        Shape::Space(q) => dist(*q, p),
    }
}

/// Whether `shape` keeps clear of the zone's edges, the companies, the trails and the sites placed.
fn clear(shape: &Shape, zone_ring: &[Xy], obstacles: &Obstacles, placed: &[Site]) -> bool {
    let corners: Vec<Xy> = match shape {
        Shape::Parcel(ring) => ring.clone(),
        Shape::Space(p) => vec![*p],
    };
    // The zones are convex: a shape whose corners are far enough inside is far enough inside.
    if !corners.iter().all(|&c| in_ring(c, zone_ring) && dist_to_line(c, zone_ring) >= EDGE_GAP) {
        return false;
    }
    if obstacles.companies.iter().any(|&c| distance_to(shape, c) < COMPANY_GAP) {
        return false;
    }
    let near_line = |line: &[Xy]| match shape {
        Shape::Parcel(ring) => {
            Euclidean.distance(&LineString::from(line.to_vec()), &geo_polygon(ring)) < TRAIL_GAP
        }
        Shape::Space(p) => dist_to_line(*p, line) < TRAIL_GAP,
    };
    if obstacles.trails.iter().any(|l| near_line(l)) {
        return false;
    }
    placed.iter().all(|s| match (&s.shape, shape) {
        (Shape::Space(a), Shape::Space(b)) => dist(*a, *b) >= SITE_GAP,
        (Shape::Space(p), other) | (other, Shape::Space(p)) => distance_to(other, *p) >= SITE_GAP,
        (Shape::Parcel(a), Shape::Parcel(b)) => {
            Euclidean.distance(&geo_polygon(a), &geo_polygon(b)) >= SITE_GAP
        }
    })
}

/// Generates the sites of [`PLAN`] from `seed`, in plan order, each clear of `obstacles`. A site
/// that finds no room (only in a stress park crowded with companies) is left out.
pub fn generate_sites(seed: u64, obstacles: &Obstacles) -> Vec<Site> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ STREAM);
    let mut out: Vec<Site> = Vec::new();
    for &(zone_id, kind, land_use, count) in PLAN {
        let zone = zone_index(zone_id);
        let ring = ZONES[zone].ring();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &ring {
            (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
        }
        let prof = profile(kind, land_use);
        for n in 1..=count {
            let mut placed = None;
            for attempt in 0..ATTEMPTS {
                let centre = [x0 + (x1 - x0) * rng.random::<f64>(), y0 + (y1 - y0) * rng.random::<f64>()];
                let shape = if kind == "land" {
                    // Parcels shrink as attempts fail, down to 40 % of their drawn sides.
                    let shrink = 1.0 - 0.6 * attempt as f64 / ATTEMPTS as f64;
                    let w = draw(&mut rng, prof.size, 10.0) * shrink;
                    let h = draw(&mut rng, prof.size, 10.0) * shrink;
                    Shape::Parcel(rect(centre, w.round(), h.round()))
                } else {
                    Shape::Space(centre)
                };
                if clear(&shape, &ring, obstacles, &out) {
                    placed = Some(shape);
                    break;
                }
            }
            let Some(shape) = placed else { continue };
            out.push(attributes(&mut rng, out.len() + 1, kind, land_use, zone, n, shape, &prof));
        }
    }
    out
}

/// Everything but the position: status, planning limits, utilities, price.
#[allow(clippy::too_many_arguments)]
fn attributes(
    rng: &mut ChaCha8Rng,
    k: usize,
    kind: &'static str,
    land_use: &'static str,
    zone: usize,
    n: usize,
    shape: Shape,
    prof: &Profile,
) -> Site {
    let roll = rng.random_range(0..100u32);
    let status = match roll {
        0..70 => "available",
        70..82 => "reserved",
        82..92 => "under_construction",
        _ => "leased",
    };
    let available_from =
        (status == "under_construction").then(|| format!("2027-{:02}-01", rng.random_range(3..=12u32)));
    let parcel = matches!(shape, Shape::Parcel(_));
    let floor_m2 = (!parcel).then(|| draw(rng, prof.size, 10.0));
    let plan = parcel.then(|| (draw(rng, prof.plot, 0.1), draw(rng, prof.height, 3.0)));
    let power = draw(rng, prof.power, 50.0);
    let water = draw(rng, prof.water, 5.0);
    let gas = rng.random_range(0..100u32) < prof.gas;
    let heating = rng.random_range(0..100u32) < 90;
    let price = if parcel {
        Price::Sale(draw(rng, prof.price, 10.0))
    } else if rng.random_range(0..100u32) < 15 {
        Price::OnRequest
    } else {
        Price::Rent(draw(rng, prof.price, 0.5))
    };
    Site {
        id: format!("s{k:02}"),
        name: names(kind, zone, n),
        kind,
        land_use,
        status,
        zone,
        shape,
        floor_m2,
        plan,
        utilities: (power, water, gas, true, heating),
        price,
        available_from,
    }
}
