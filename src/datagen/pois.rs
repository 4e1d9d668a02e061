//! Points of interest. Each is anchored to a network junction (or, for stops and service centres,
//! to a road crossing or the service-centre zone) plus a small offset, so every trail-side POI is
//! within a few metres of the greenway/waterfront network by construction.

use super::geom::{lerp, Xy};
use super::layout::{canal_head_y, lake, node, promenade_nodes, x_line, BANK_OFFSET, CANAL_LINES};

/// Where a POI sits, before its offset.
#[derive(Clone, Copy, Debug)]
enum Anchor {
    /// Grid node (x-line, y-line): a greenway junction or a road crossing.
    Grid(usize, usize),
    /// Promenade junction by index (see `layout::promenade_nodes`).
    Prom(usize),
    /// A lake's northern shore point (greenway link junction).
    LakeNorth(usize),
    /// A lake's far tip: west tip of lake 0, east tip of lake 1 (a shore-path vertex).
    LakeTip(usize),
    /// Top of a canal's head arc (a bank-path vertex).
    CanalHead(usize),
    /// Bilinear position `(u, v)` inside the service-centre zone's cell.
    ServiceZone(f64, f64),
}

/// The POIs, one per line: `kind | name_zh | name_en | name_ru | anchor args | east north offset (m)`.
/// A text table keeps the rows of three-language names readable (rustfmt would explode tuples).
const TABLE: &str = "
entrance | 西门 | West Gate | Западный вход | Grid 0 2 | -15.0 8.0
entrance | 东门 | East Gate | Восточный вход | Grid 6 2 | 15.0 8.0
entrance | 北门 | North Gate | Северный вход | Grid 3 4 | 8.0 15.0
entrance | 西北门 | Northwest Gate | Северо-западный вход | Grid 0 4 | -12.0 12.0
entrance | 东北门 | Northeast Gate | Северо-восточный вход | Grid 6 4 | 12.0 12.0
entrance | 滨江西门 | Riverside West Gate | Западный вход с набережной | Prom 0 | -15.0 8.0
entrance | 滨江东门 | Riverside East Gate | Восточный вход с набережной | Prom 8 | 15.0 8.0
entrance | 滨江中门 | Riverside Central Gate | Центральный вход с набережной | Prom 4 | 12.0 -10.0
parking | 西门停车场 | West Gate Car Park | Парковка у Западного входа | Grid 0 2 | 12.0 -14.0
parking | 东门停车场 | East Gate Car Park | Парковка у Восточного входа | Grid 6 2 | -12.0 -14.0
parking | 北门停车场 | North Gate Car Park | Парковка у Северного входа | Grid 3 4 | -14.0 -12.0
parking | 滨江停车场 | Riverside Car Park | Парковка у набережной | Prom 4 | -14.0 12.0
parking | 智造西停车场 | Zhizao West Car Park | Парковка Чжицзао-Запад | Grid 1 3 | 14.0 12.0
parking | 智造东停车场 | Zhizao East Car Park | Парковка Чжицзао-Восток | Grid 5 3 | -14.0 12.0
toilet | 江畔西卫生间 | Jiangpan West Toilets | Туалет Цзянпань-Запад | Grid 1 1 | 10.0 12.0
toilet | 创新中卫生间 | Chuangxin Central Toilets | Туалет Чуансинь-Центр | Grid 3 2 | -10.0 -12.0
toilet | 江畔东卫生间 | Jiangpan East Toilets | Туалет Цзянпань-Восток | Grid 5 1 | 10.0 12.0
toilet | 北环西卫生间 | Beihuan West Toilets | Туалет Бэйхуань-Запад | Grid 1 4 | 10.0 -12.0
toilet | 北环东卫生间 | Beihuan East Toilets | Туалет Бэйхуань-Восток | Grid 5 4 | -10.0 -12.0
toilet | 西湿地湖卫生间 | West Wetland Lake Toilets | Туалет у Западного озера | LakeNorth 0 | 12.0 8.0
toilet | 东湿地湖卫生间 | East Wetland Lake Toilets | Туалет у Восточного озера | LakeNorth 1 | 12.0 8.0
toilet | 中轴卫生间 | Central Axis Toilets | Туалет центральной оси | Grid 3 3 | 10.0 12.0
bike_rental | 西环单车点 | West Ring Bike Rental | Прокат велосипедов «Западное кольцо» | Grid 0 1 | -12.0 10.0
bike_rental | 东环单车点 | East Ring Bike Rental | Прокат велосипедов «Восточное кольцо» | Grid 6 1 | 12.0 10.0
bike_rental | 中轴单车点 | Central Axis Bike Rental | Прокат велосипедов «Центральная ось» | Grid 3 1 | 12.0 10.0
bike_rental | 智谷单车点 | Zhigu Bike Rental | Прокат велосипедов «Чжигу» | Grid 1 2 | -12.0 10.0
bike_rental | 科创单车点 | Kechuang Bike Rental | Прокат велосипедов «Кэчуан» | Grid 5 2 | 12.0 -10.0
bike_rental | 西湖口单车点 | West Lake Outlet Bike Rental | Прокат велосипедов у Западного озера | Prom 1 | 12.0 10.0
viewpoint | 西运河口观景台 | West Canal Mouth Viewpoint | Смотровая площадка у устья Западного канала | Prom 2 | -10.0 -12.0
viewpoint | 东运河口观景台 | East Canal Mouth Viewpoint | Смотровая площадка у устья Восточного канала | Prom 6 | 10.0 -12.0
viewpoint | 西湿地湖观景台 | West Wetland Lake Viewpoint | Смотровая площадка Западного озера | LakeTip 0 | -14.0 0.0
viewpoint | 东湿地湖观景台 | East Wetland Lake Viewpoint | Смотровая площадка Восточного озера | LakeTip 1 | 14.0 0.0
viewpoint | 西运河源头观景台 | West Canal Head Viewpoint | Смотровая площадка у истока Западного канала | CanalHead 0 | 0.0 12.0
viewpoint | 东运河源头观景台 | East Canal Head Viewpoint | Смотровая площадка у истока Восточного канала | CanalHead 1 | 0.0 12.0
warm_station | 暖廊驿站1号 | Warm Corridor Stop 1 | Тёплая остановка 1 | Grid 0 2 | 8.0 -12.0
warm_station | 暖廊驿站2号 | Warm Corridor Stop 2 | Тёплая остановка 2 | Grid 1 2 | 12.0 -12.0
warm_station | 暖廊驿站3号 | Warm Corridor Stop 3 | Тёплая остановка 3 | Grid 3 2 | 12.0 12.0
warm_station | 暖廊驿站4号 | Warm Corridor Stop 4 | Тёплая остановка 4 | Grid 5 2 | -12.0 12.0
warm_station | 暖廊驿站5号 | Warm Corridor Stop 5 | Тёплая остановка 5 | Grid 6 2 | -8.0 12.0
warm_station | 暖廊驿站6号 | Warm Corridor Stop 6 | Тёплая остановка 6 | Grid 3 3 | -12.0 -10.0
warm_station | 暖廊驿站7号 | Warm Corridor Stop 7 | Тёплая остановка 7 | Grid 3 4 | 12.0 -12.0
warm_station | 暖廊驿站8号 | Warm Corridor Stop 8 | Тёплая остановка 8 | Grid 3 1 | -12.0 -10.0
bus_stop | 智谷大街站 | Zhigu Street Bus Stop | Остановка «Улица Чжигу» | Grid 1 2 | 22.0 -18.0
bus_stop | 创新一路站 | Chuangxin 1st Road Bus Stop | Остановка «1-я улица Чуансинь» | Grid 3 2 | -22.0 18.0
bus_stop | 科创大街站 | Kechuang Street Bus Stop | Остановка «Улица Кэчуан» | Grid 5 2 | 22.0 18.0
bus_stop | 创新二路西站 | Chuangxin 2nd Road West Bus Stop | Остановка «2-я улица Чуансинь, запад» | Grid 1 3 | -22.0 -18.0
bus_stop | 创新二路东站 | Chuangxin 2nd Road East Bus Stop | Остановка «2-я улица Чуансинь, восток» | Grid 5 3 | 22.0 -18.0
bus_stop | 江畔路站 | Jiangpan Road Bus Stop | Остановка «Улица Цзянпань» | Grid 3 1 | 22.0 18.0
metro_station | 深哈产业园站 | Shenha Industrial Park Station | Станция «Индустриальный парк Шэньха» | Grid 3 2 | 60.0 -60.0
metro_station | 江畔路地铁站 | Jiangpan Road Station | Станция «Улица Цзянпань» | Grid 3 1 | -60.0 60.0
service_center | 园区政务服务中心 | Park Government Service Center | Центр государственных услуг парка | ServiceZone 0.35 0.6 | 0.0 0.0
service_center | 党群服务中心 | Party-Mass Service Center | Центр обслуживания партии и населения | ServiceZone 0.65 0.6 | 0.0 0.0
";

/// Short descriptions per kind (Chinese, English, Russian).
fn describe(kind: &str, en: &str) -> (&'static str, &'static str, &'static str) {
    match kind {
        "entrance" => ("园区出入口。", "Park entrance.", "Вход в парк."),
        "parking" => ("停车场。", "Car park.", "Автостоянка."),
        "toilet" => ("公共卫生间。", "Public toilets.", "Общественные туалеты."),
        "bike_rental" => ("自行车租赁点。", "Bike rental.", "Прокат велосипедов."),
        "viewpoint" => ("滨水观景点。", "Waterside viewpoint.", "Смотровая площадка у воды."),
        "warm_station" => (
            "暖廊供暖驿站，冬季开放。",
            "Heated stop on the warm corridor, open in winter.",
            "Обогреваемая остановка тёплого коридора, открыта зимой.",
        ),
        "bus_stop" => (
            "公交站（示意位置）。",
            "Bus stop (illustrative position).",
            "Автобусная остановка (условное положение).",
        ),
        "metro_station" => (
            "地铁站（示意位置）。",
            "Metro station (illustrative position).",
            "Станция метро (условное положение).",
        ),
        _ if en.starts_with("Park Government") => (
            "企业开办、审批等政务服务（示意位置）。",
            "Company registration, permits and other government services (illustrative position).",
            "Регистрация компаний, разрешения и другие государственные услуги (условное положение).",
        ),
        _ => (
            "党群活动与社区服务（示意位置）。",
            "Party-mass activities and community services (illustrative position).",
            "Партийно-массовая работа и услуги для жителей (условное положение).",
        ),
    }
}

/// A point of interest, ready to write.
#[derive(Clone, Debug)]
pub struct Poi {
    /// `p01…`.
    pub id: String,
    /// POI kind.
    pub kind: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Russian name.
    pub ru: &'static str,
    /// Chinese description.
    pub desc_zh: &'static str,
    /// English description.
    pub desc_en: &'static str,
    /// Russian description.
    pub desc_ru: &'static str,
    /// Position in the design frame.
    pub pos: Xy,
}

/// Parses a table anchor such as `Grid 0 2` or `ServiceZone 0.35 0.6`.
fn parse_anchor(text: &str) -> Anchor {
    let mut words = text.split_whitespace();
    let name = words.next().expect("anchor name");
    let n: Vec<f64> = words.map(|w| w.parse().unwrap_or_else(|e| panic!("{text}: {e}"))).collect();
    let k = |i: usize| n[i] as usize;
    match name {
        "Grid" => Anchor::Grid(k(0), k(1)),
        "Prom" => Anchor::Prom(k(0)),
        "LakeNorth" => Anchor::LakeNorth(k(0)),
        "LakeTip" => Anchor::LakeTip(k(0)),
        "CanalHead" => Anchor::CanalHead(k(0)),
        "ServiceZone" => Anchor::ServiceZone(n[0], n[1]),
        _ => panic!("unknown anchor {text}"),
    }
}

/// The design-frame point an anchor names.
fn resolve(anchor: Anchor, lake_a: f64) -> Xy {
    match anchor {
        Anchor::Grid(i, j) => node(i, j),
        Anchor::Prom(k) => promenade_nodes()[k],
        Anchor::LakeNorth(k) => lake(k).north(),
        Anchor::LakeTip(k) => {
            let l = lake(k);
            [l.cx + if k == 0 { -lake_a } else { lake_a }, l.cy]
        }
        Anchor::CanalHead(k) => {
            let y = canal_head_y(CANAL_LINES[k]);
            [x_line(CANAL_LINES[k], y), y + BANK_OFFSET]
        }
        Anchor::ServiceZone(u, v) => {
            // The service-centre zone z09 is the single cell between x-lines 3–4, y-lines 1–2.
            let (i, j) = (3, 1);
            let south = lerp(node(i, j), node(i + 1, j), u);
            let north = lerp(node(i, j + 1), node(i + 1, j + 1), u);
            lerp(south, north, v)
        }
    }
}

/// All POIs in table order; `lake_a` is the solved lake semi-axis (the lake tips move with it).
pub fn pois(lake_a: f64) -> Vec<Poi> {
    TABLE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(k, row)| {
            let cols: Vec<&'static str> = row.split('|').map(str::trim).collect();
            let [kind, zh, en, ru, anchor, offset] = cols[..] else {
                panic!("bad POI row {row}");
            };
            let p = resolve(parse_anchor(anchor), lake_a);
            let off: Vec<f64> = offset.split_whitespace().map(|v| v.parse().expect("offset")).collect();
            let (desc_zh, desc_en, desc_ru) = describe(kind, en);
            Poi {
                id: format!("p{:02}", k + 1),
                kind,
                zh,
                en,
                ru,
                desc_zh,
                desc_en,
                desc_ru,
                pos: [p[0] + off[0], p[1] + off[1]],
            }
        })
        .collect()
}
