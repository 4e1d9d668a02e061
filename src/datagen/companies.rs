//! Company records: the named companies plus generated ones, placed inside their zones.

use std::collections::BTreeSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::geom::{dist_to_line, in_ring, Xy};
use super::names::{sector_by_key, Sector, DENY_BRANDS, INDUSTRIES, NAMED, PREFIXES, SECTORS, SYLLABLES};
use super::texts::ROADS;
use super::zones::{zone_index, ZONES};
use super::PUBLISHED_CAPITAL_YUAN;
use super::PUBLISHED_COMPANIES;
use crate::i18n::{value_label, Lang};

/// Minimum distance from a company to its zone's edges, metres, so point-in-polygon is never
/// borderline and no company sits in a canal (canals run along zone edges, 20 m half-width).
pub const EDGE_CLEARANCE: f64 = 45.0;
/// Capitals are drawn in units of this many yuan.
const CAPITAL_UNIT: u64 = 10_000;

/// One company record, ready to write.
#[derive(Clone, Debug)]
pub struct Company {
    /// `c0001…`.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Industry key.
    pub industry: &'static str,
    /// Sector key.
    pub sector: &'static str,
    /// Index into `ZONES`.
    pub zone: usize,
    /// Position in the design frame.
    pub pos: Xy,
    /// Registered capital, yuan.
    pub capital_yuan: u64,
    /// Founding year.
    pub founded: u32,
    /// Chinese address.
    pub address_zh: String,
    /// English address.
    pub address_en: String,
    /// Short Chinese description.
    pub description_zh: String,
    /// Short English description.
    pub description_en: String,
    /// Russian description.
    pub description_ru: String,
    /// Homepage, if any.
    pub website: Option<String>,
}

/// Everything drawn for a record apart from its names.
struct Draw {
    zone: usize,
    pos: Xy,
    raw_capital: f64,
    founded: u32,
    address_zh: String,
    address_en: String,
}

/// A uniform `u32` in `0..n`.
fn pick(rng: &mut ChaCha8Rng, n: usize) -> usize {
    rng.random_range(0..n as u32) as usize
}

/// A zone id drawn by percent weights.
fn weighted_zone(rng: &mut ChaCha8Rng, zones: &[(&str, u32)]) -> usize {
    let mut roll = rng.random_range(0..100u32);
    for &(id, w) in zones {
        if roll < w {
            return zone_index(id);
        }
        roll -= w;
    }
    zone_index(zones[zones.len() - 1].0)
}

/// A uniformly random point inside the zone, at least [`EDGE_CLEARANCE`] from its edges.
fn place(rng: &mut ChaCha8Rng, ring: &[Xy]) -> Xy {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in ring {
        (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
    }
    loop {
        let p = [x0 + (x1 - x0) * rng.random::<f64>(), y0 + (y1 - y0) * rng.random::<f64>()];
        if in_ring(p, ring) && dist_to_line(p, ring) >= EDGE_CLEARANCE {
            return p;
        }
    }
}

/// A standard normal draw (Box–Muller), for log-normal capitals.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Draws position, capital, founding year and address for a company in `zone`.
fn draw(rng: &mut ChaCha8Rng, rings: &[Vec<Xy>], zone: usize, median: f64) -> Draw {
    let pos = place(rng, &rings[zone]);
    let raw_capital = median * (1.25 * normal(rng)).exp();
    let founded = rng.random_range(2019..=2026u32);
    let roads = ZONES[zone].roads;
    let road = &ROADS[roads[pick(rng, roads.len())]];
    let number = rng.random_range(1..=399u32);
    Draw {
        zone,
        pos,
        raw_capital,
        founded,
        address_zh: format!("哈尔滨市松北区{}{}号", road.zh, number),
        address_en: format!("No. {number} {}, Songbei District, Harbin", road.en),
    }
}

/// Per-industry counts for `n` generated records (largest remainder, so they sum to `n`).
fn industry_quotas(n: usize) -> Vec<usize> {
    let exact: Vec<u64> = INDUSTRIES.iter().map(|&(_, p)| n as u64 * p as u64).collect();
    let mut counts: Vec<usize> = exact.iter().map(|&e| (e / 100) as usize).collect();
    let mut order: Vec<usize> = (0..INDUSTRIES.len()).collect();
    // Stable sort: ties go to the earlier industry, so the result is fully determined.
    crate::sort::sort_by_key(&mut order, |&k| std::cmp::Reverse(exact[k] % 100));
    let short = n - counts.iter().sum::<usize>();
    for &k in order.iter().take(short) {
        counts[k] += 1;
    }
    counts
}

/// A unique generated name (English, Chinese) and its web slug.
fn unique_name(
    rng: &mut ChaCha8Rng,
    sector: &Sector,
    seen_en: &mut BTreeSet<String>,
    seen_zh: &mut BTreeSet<String>,
) -> (String, String, String) {
    for attempt in 0.. {
        // Three-syllable brands only once two-syllable ones get crowded (huge stress parks).
        let syllables = if attempt < 50 { 2 } else { 3 };
        let (mut py, mut hz) = (String::new(), String::new());
        let mut last = usize::MAX;
        let mut repeated = false;
        for _ in 0..syllables {
            let k = pick(rng, SYLLABLES.len());
            // "Tengteng" reads like a nickname, not a company brand.
            repeated |= k == last;
            last = k;
            py.push_str(SYLLABLES[k].0);
            hz.push_str(SYLLABLES[k].1);
        }
        let (word_en, word_zh) = sector.words[pick(rng, sector.words.len())];
        let (pre_en, pre_zh) = PREFIXES[usize::from(rng.random_range(0..4u32) == 0)];
        if repeated || DENY_BRANDS.contains(&py.as_str()) {
            continue;
        }
        let brand = format!("{}{}", py[..1].to_uppercase(), &py[1..]);
        let en = format!("{pre_en} {brand} {word_en} Co., Ltd.");
        let zh = format!("{pre_zh}{hz}{word_zh}有限公司");
        if seen_en.contains(&en) || seen_zh.contains(&zh) {
            continue;
        }
        seen_en.insert(en.clone());
        seen_zh.insert(zh.clone());
        let slug = format!("{py}-{}", word_en.to_lowercase().replace(' ', "-"));
        return (en, zh, slug);
    }
    unreachable!("the attempt loop only ends by returning")
}

/// Generates `n` companies from `seed`: the named ones first (as many as fit), then generated ones.
/// Capitals sum exactly to the published total scaled by `n / 590`.
pub fn generate_companies(n: usize, seed: u64) -> Vec<Company> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let rings: Vec<Vec<Xy>> = ZONES.iter().map(|z| z.ring()).collect();
    let (mut seen_en, mut seen_zh) = (BTreeSet::new(), BTreeSet::new());
    let width = n.to_string().len().max(4);
    let mut out = Vec::with_capacity(n);
    let mut raw = Vec::with_capacity(n);
    let mut push = |out: &mut Vec<Company>, d: Draw, names: (String, String), sector: &Sector| {
        let company = Company {
            id: format!("c{:0width$}", out.len() + 1),
            name_zh: names.1,
            name_en: names.0,
            industry: INDUSTRIES[sector.industry].0,
            sector: sector.key,
            zone: d.zone,
            pos: d.pos,
            capital_yuan: 0,
            founded: d.founded,
            address_zh: d.address_zh,
            address_en: d.address_en,
            description_zh: format!("{}企业。", sector.label_zh),
            description_en: format!("{} company.", sector.label_en),
            description_ru: format!("Компания отрасли «{}».", value_label(Lang::Ru, "sector", sector.key)),
            website: None,
        };
        raw.push(d.raw_capital);
        out.push(company);
    };
    for named in NAMED.iter().take(n) {
        let sector = sector_by_key(named.sector);
        seen_en.insert(named.en.to_string());
        seen_zh.insert(named.zh.to_string());
        // The leaders are drawn larger than the typical start-up (still illustrative).
        let d = draw(&mut rng, &rings, zone_index(named.zone), 3.0e8);
        push(&mut out, d, (named.en.into(), named.zh.into()), sector);
        let c = out.last_mut().expect("just pushed");
        c.description_en = named.desc_en.into();
        c.description_zh = named.desc_zh.into();
        c.description_ru = named.desc_ru.into();
        c.website = named.website.map(String::from);
    }
    // Shuffle the industry quotas so industries interleave along the id sequence.
    let quotas = industry_quotas(n - out.len());
    let mut industries: Vec<usize> =
        (0..INDUSTRIES.len()).flat_map(|k| std::iter::repeat_n(k, quotas[k])).collect();
    for i in (1..industries.len()).rev() {
        industries.swap(i, pick(&mut rng, i + 1));
    }
    for industry in industries {
        let sectors: Vec<&Sector> = SECTORS.iter().filter(|s| s.industry == industry).collect();
        let sector = sectors[pick(&mut rng, sectors.len())];
        let zone = weighted_zone(&mut rng, sector.zones);
        let d = draw(&mut rng, &rings, zone, 6.0e6);
        let (en, zh, slug) = unique_name(&mut rng, sector, &mut seen_en, &mut seen_zh);
        let website = (rng.random_range(0..100u32) < 35).then(|| format!("https://{slug}.example.com"));
        push(&mut out, d, (en, zh), sector);
        out.last_mut().expect("just pushed").website = website;
    }
    assign_capitals(&mut out, &raw);
    out
}

/// Scales the raw draws to the target total, rounds them to [`CAPITAL_UNIT`], and puts the rounding
/// difference on the largest record so the sum is exact.
fn assign_capitals(companies: &mut [Company], raw: &[f64]) {
    if companies.is_empty() {
        return;
    }
    let target =
        (PUBLISHED_CAPITAL_YUAN as u128 * companies.len() as u128 / PUBLISHED_COMPANIES as u128) as u64;
    let scale = target as f64 / raw.iter().sum::<f64>();
    for (c, r) in companies.iter_mut().zip(raw) {
        let units = (r * scale / CAPITAL_UNIT as f64).round().max(10.0);
        c.capital_yuan = units as u64 * CAPITAL_UNIT;
    }
    let sum: u64 = companies.iter().map(|c| c.capital_yuan).sum();
    let largest = (0..companies.len())
        .max_by_key(|&k| (companies[k].capital_yuan, std::cmp::Reverse(k)))
        .expect("non-empty");
    let fixed = companies[largest].capital_yuan as i128 + target as i128 - sum as i128;
    assert!(fixed > 0, "capital correction would empty the largest record");
    companies[largest].capital_yuan = fixed as u64;
}
