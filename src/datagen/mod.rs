//! Deterministic generator of the shipped park bundle under `public/data/` (see
//! `docs/data-format.md`), run by the `parkmap-gen` binary and re-run by `tests/data_drift.rs`.
//!
//! The plan is laid out in a local metre frame centred on the park, then projected to WGS84 and
//! rounded to 6 decimals once, so junctions shared between segments and layers are bit-identical.
//! Shape parameters (projection scale, lake size, greenway meander) are solved by bisection against
//! geodesic measures of the rounded output, so the published figures hold on the data as shipped.
//! Only the company records use randomness (ChaCha8 seeded from [`GenOptions::seed`]).

mod companies;
mod features;
mod geom;
mod layout;
mod names;
mod network;
mod output;
mod pinyin;
mod pois;
mod sites;
#[cfg(test)]
mod tests;
mod texts;
mod zones;

pub use pinyin::{pinyin_table, PINYIN_TABLE_PATH};

use geom::{bisect, geodesic_area, round6, Projector, Xy};
use output::{collection, Contact, Feature, Figures, Hub, Layer, Manifest, Text};

/// Seed of the shipped park (the agreement's signing date, 9 May 2019).
pub const DEFAULT_SEED: u64 = 20_190_509;
/// Published number of registered companies.
pub const PUBLISHED_COMPANIES: usize = 590;
/// Published cumulative registered capital, yuan.
pub const PUBLISHED_CAPITAL_YUAN: u64 = 21_921_000_000;
/// Published greenway length, km.
pub const GREENWAY_KM: f64 = 48.0;
/// Published sponge-city waterfront length, km.
pub const WATERFRONT_KM: f64 = 23.0;
/// Published planned area, km².
pub const AREA_KM2: f64 = 26.0;
/// Date the park agreement was signed.
pub const SIGNED: &str = "2019-05-09";

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenOptions {
    /// Seed for the generated company records.
    pub seed: u64,
    /// Number of companies; anything but 590 makes a stress park without published figures.
    pub companies: usize,
}

impl Default for GenOptions {
    /// The shipped park.
    fn default() -> Self {
        GenOptions { seed: DEFAULT_SEED, companies: PUBLISHED_COMPANIES }
    }
}

/// One output file: its name within the bundle directory and its full contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// File name, e.g. `park.json`.
    pub name: String,
    /// File contents (UTF-8 JSON).
    pub contents: String,
}

/// The layers in manifest order: id (= kind) and file name.
const LAYERS: [(&str, &str); 7] = [
    ("context", "context.geojson"),
    ("zones", "zones.geojson"),
    ("waterfront", "waterfront.geojson"),
    ("greenway", "greenway.geojson"),
    ("pois", "pois.geojson"),
    ("companies", "companies.geojson"),
    ("sites", "sites.geojson"),
];

/// Harbin Taiping International Airport, as English Wikipedia gives it (45°37′24.25″N
/// 126°15′01.18″E; the 45.6234 N, 126.2503 E).
const AIRPORT: [f64; 2] = [126.2503, 45.6234];
/// Harbin Railway Station, English Wikipedia: 45°45′28″N 126°37′28″E.
const HARBIN_STATION: [f64; 2] = [126.62444, 45.75778];
/// Harbin West Railway Station (high-speed). No coordinate was found in the sources at hand; placed
/// from its published distances (Baidu Baike: about 8 km south-west of Harbin Station, about 28 km
/// east-north-east of Taiping airport) by intersecting the two circles: within about a kilometre.
const HARBIN_WEST: [f64; 2] = [126.598, 45.688];
/// Harbin's reference point (its city centre), English Wikipedia: 45°45′N 126°38′E.
const CITY_CENTRE: [f64; 2] = [126.633, 45.750];

fn text(zh: &str, en: &str, ru: &str) -> Text {
    Text { zh: zh.into(), en: en.into(), ru: Some(ru.into()) }
}

/// The city's hubs, with the sources of their positions in the provenance.
fn hubs() -> Vec<Hub> {
    let hub = |id, name, kind, position| Hub { id, name, kind, position };
    vec![
        hub(
            "hrb-airport",
            text(
                "哈尔滨太平国际机场",
                "Harbin Taiping International Airport",
                "Международный аэропорт Харбин Тайпин",
            ),
            "airport",
            AIRPORT,
        ),
        hub(
            "harbin-west",
            text("哈尔滨西站", "Harbin West Railway Station", "Вокзал Харбин-Западный"),
            "high_speed_rail",
            HARBIN_WEST,
        ),
        hub(
            "harbin-station",
            text("哈尔滨站", "Harbin Railway Station", "Харбинский вокзал"),
            "railway",
            HARBIN_STATION,
        ),
        hub(
            "city-centre",
            text("哈尔滨市中心", "Harbin city centre", "Центр Харбина"),
            "city_centre",
            CITY_CENTRE,
        ),
    ]
}

/// The investment-promotion office: illustrative (no public contact was found), and says so. The
/// phone is no line (Chinese subscriber numbers never start with 0), the email's domain is reserved
/// for examples (RFC 2606).
fn contact() -> Contact {
    Contact {
        name: text(
            "深哈产业园招商服务中心（示意）",
            "Shenzhen-Harbin Industrial Park investment service centre (illustrative)",
            "Центр привлечения инвестиций Шэньчжэнь-Харбинского парка (иллюстративно)",
        ),
        phone: "+86 451 0000 0000",
        email: "invest@shenha-park.example",
        address: text(
            "哈尔滨市松北区（示意地址）",
            "Songbei District, Harbin (illustrative address)",
            "Район Сунбэй, Харбин (иллюстративный адрес)",
        ),
    }
}

/// The projection scale that makes the zones' geodesic area the published planned area.
fn solve_projector() -> Projector {
    let rings: Vec<Vec<Xy>> = zones::ZONES.iter().map(|z| z.ring()).collect();
    let km2 = |scale: f64| {
        let proj = Projector::new(scale);
        rings.iter().map(|r| geodesic_area(&proj.line(r))).sum::<f64>() / 1e6
    };
    Projector::new(bisect(0.8, 1.2, AREA_KM2, km2))
}

/// The bounding box of `layers` padded by 3 % on each side.
fn bounds(layers: &[Vec<Feature>]) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in layers.iter().flatten().flat_map(|f| f.geometry.positions()) {
        b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
    }
    let (dx, dy) = (0.03 * (b[2] - b[0]), 0.03 * (b[3] - b[1]));
    [round6(b[0] - dx), round6(b[1] - dy), round6(b[2] + dx), round6(b[3] + dy)]
}

/// Attribution and provenance texts; `stress` adds a note on the company count.
fn provenance(options: &GenOptions, stress: bool) -> (Text, Text) {
    let seed = options.seed;
    let attribution = Text {
        zh: format!("ParkMap 示意数据集，由 parkmap-gen（种子 {seed}）生成；公开数据来自深哈产业园的公开报道。"),
        en: format!("ParkMap illustrative dataset generated by parkmap-gen (seed {seed}); published figures from public reports on the Shenzhen-Harbin Industrial Park."),
        ru: Some(format!("Иллюстративный набор данных ParkMap, созданный parkmap-gen (зерно {seed}); опубликованные показатели — из открытых сообщений о Шэньчжэнь-Харбинском индустриальном парке.")),
    };
    let mut zh = format!(
        "公开事实：深哈产业园于2019年5月9日签约；规划面积约26平方公里，位于哈尔滨新区江北片区（松北区）；\
         注册企业590家，累计注册资本219.21亿元；龙头企业包括华为、东软、奇安信、思灵机器人、哈工大卫星；\
         建有48公里绿道和23公里海绵城市滨水带。其余内容——分区轮廓、位置、生成的企业记录与名称、注册资本、地址——\
         均为示意，由 parkmap-gen 以种子 {seed} 生成。位置与轮廓为近似值，未经测绘，坐标系为 WGS84；\
         从高德或百度地图描绘的坐标分别为 GCJ-02 / BD-09，须先转换为 WGS84。\
         招商用地与空间（地块、厂房、写字楼等及其价格、配套与状态）和招商服务中心的联系方式同为示意。\
         交通枢纽：哈尔滨太平国际机场（北纬45°37′24″，东经126°15′01″）、哈尔滨站（北纬45°45′28″，\
         东经126°37′28″）和市中心（北纬45°45′，东经126°38′，城市参考点）的位置取自英文维基百科；\
         哈尔滨西站（高铁）按百度百科公布的距离（距哈尔滨站约8千米、距太平机场约28千米）推算，误差约1千米。"
    );
    let mut en = format!(
        "Published facts: the park agreement was signed on 9 May 2019; about 26 km² of planned area in the \
         Jiangbei zone of Harbin New Area (Songbei District); 590 registered companies with ¥21.921 bn \
         cumulative registered capital; named leading companies Huawei, Neusoft, Qi Anxin, Siling Robotics \
         and HIT Satellite; a 48 km greenway and a 23 km sponge-city waterfront. Everything else — zone \
         outlines, positions, generated company records and names, registered capitals, addresses — is \
         illustrative, generated by parkmap-gen with seed {seed}. Location and outlines are approximate, \
         not surveyed, in WGS84; tracings from Amap or Baidu Maps are in GCJ-02 / BD-09 and must be \
         converted to WGS84 first. The sites on offer (parcels and space in buildings, with their prices, \
         utilities and status) and the investment office's contact are illustrative too. Hubs: Harbin \
         Taiping International Airport (45°37′24″N 126°15′01″E), Harbin Railway Station (45°45′28″N \
         126°37′28″E) and the city centre (45°45′N 126°38′E, the city's reference point) as English \
         Wikipedia gives them; Harbin West (high-speed) Station placed from its published distances \
         (about 8 km south-west of Harbin Station and 28 km east-north-east of the airport, Baidu Baike), \
         within about a kilometre."
    );
    let mut ru = format!(
        "Опубликованные факты: соглашение о парке подписано 9 мая 2019 года; около 26 км² планируемой \
         площади в зоне Цзянбэй нового района Харбина (район Сунбэй); 590 зарегистрированных компаний с \
         совокупным уставным капиталом ¥21,921 млрд; ведущие компании — Huawei, Neusoft, Qi Anxin, Siling \
         Robotics и HIT Satellite; 48 км зелёного маршрута и 23 км набережной «город-губка». Всё \
         остальное — контуры зон, положения, сгенерированные записи и названия компаний, уставные \
         капиталы, адреса — иллюстративно и создано parkmap-gen с зерном {seed}. Положение и контуры \
         приблизительны, без геодезической съёмки, в WGS84; координаты, снятые с карт Amap или Baidu, \
         заданы в GCJ-02 / BD-09 и должны быть сначала переведены в WGS84. Площадки для инвесторов \
         (участки и помещения в зданиях, их цены, инженерные сети и статус) и контакты центра \
         привлечения инвестиций также иллюстративны. Транспортные узлы: международный аэропорт Харбин \
         Тайпин (45°37′24″ с. ш. 126°15′01″ в. д.), Харбинский вокзал (45°45′28″ с. ш. 126°37′28″ в. д.) \
         и центр города (45°45′ с. ш. 126°38′ в. д., опорная точка города) — по англоязычной Википедии; \
         вокзал Харбин-Западный (скоростные поезда) размещён по опубликованным расстояниям (около 8 км \
         от Харбинского вокзала и 28 км от аэропорта, Байду Байкэ) с точностью около километра."
    );
    if stress {
        let n = options.companies;
        zh.push_str(&format!("本压力测试数据包含 {n} 家生成的企业。"));
        en.push_str(&format!(" This stress-test bundle holds {n} generated companies."));
        ru.push_str(&format!(" Этот набор для нагрузочных тестов содержит {n} сгенерированных компаний."));
    }
    (attribution, Text { zh, en, ru: Some(ru) })
}

/// Generates the park bundle: `park.json` followed by the seven layer files.
///
/// Same options give the same bytes. The default options give the shipped park, whose data matches
/// the published figures; any other company count gives a stress park (same geometry, no figures).
pub fn generate(options: &GenOptions) -> Vec<GeneratedFile> {
    let proj = solve_projector();
    let greenway = network::solve_greenway(&proj, GREENWAY_KM);
    let (waterfront, lake_a) = network::solve_waterfront(&proj, WATERFRONT_KM);
    let companies = companies::generate_companies(options.companies, options.seed);
    // A stress park's sites keep clear of the trails and of each other, not of its many companies.
    let company_positions: Vec<geom::Xy> = if options.companies == PUBLISHED_COMPANIES {
        companies.iter().map(|c| c.pos).collect()
    } else {
        Vec::new()
    };
    let trail_lines: Vec<Vec<geom::Xy>> = greenway.iter().chain(&waterfront).map(|t| t.pts.clone()).collect();
    let obstacles = sites::Obstacles { companies: &company_positions, trails: &trail_lines };
    let sites = sites::generate_sites(options.seed, &obstacles);
    let layers = [
        features::context(&proj, lake_a),
        features::zones(&proj),
        features::trails(&proj, &waterfront, 'w'),
        features::trails(&proj, &greenway, 'g'),
        features::pois(&proj, &pois::pois(lake_a)),
        features::companies(&proj, &companies),
        features::sites(&proj, &sites),
    ];
    let stress = options.companies != PUBLISHED_COMPANIES;
    let (attribution, provenance) = provenance(options, stress);
    let manifest = Manifest {
        parkmap: 1,
        id: "shenzhen-harbin",
        name: Text {
            zh: "深哈产业园".into(),
            en: "Shenzhen-Harbin Industrial Park".into(),
            ru: Some("Шэньчжэнь-Харбинский индустриальный парк".into()),
        },
        short_name: Text {
            zh: "深哈产业园".into(),
            en: "SZ–Harbin Park".into(),
            ru: Some("Шэньчжэнь–Харбин".into()),
        },
        // the park itself (the context — river, roads — runs on beyond it)
        bounds: bounds(&layers[1..]),
        attribution,
        provenance,
        figures: (!stress).then_some(Figures {
            companies: PUBLISHED_COMPANIES,
            registered_capital_yuan: PUBLISHED_CAPITAL_YUAN,
            greenway_km: GREENWAY_KM,
            waterfront_km: WATERFRONT_KM,
            area_km2: AREA_KM2,
            signed: SIGNED,
        }),
        hubs: hubs(),
        contact: contact(),
        layers: LAYERS.iter().map(|&(id, file)| Layer { id, kind: id, url: file.into() }).collect(),
    };
    let mut json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    json.push('\n');
    let mut files = vec![GeneratedFile { name: "park.json".into(), contents: json }];
    for ((_, file), features) in LAYERS.iter().zip(&layers) {
        files.push(GeneratedFile { name: (*file).into(), contents: collection(features) });
    }
    files
}
