//! Names and attributes of the trail routes and roads (illustrative names, in zh / en / ru).

/// A named trail route and the attributes all its segments share.
#[derive(Debug)]
pub struct RouteText {
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Russian name (Harbin's third language on signage).
    pub ru: &'static str,
    /// `asphalt`, `gravel`, `boardwalk` or `permeable_paving`.
    pub surface: &'static str,
    /// Lit at night.
    pub lit: bool,
    /// `groomed`, `open` or `closed` in winter.
    pub winter: &'static str,
    /// Sponge-city features (waterfront only; empty for the greenway).
    pub sponge: &'static [&'static str],
}

const fn route(
    zh: &'static str,
    en: &'static str,
    ru: &'static str,
    surface: &'static str,
    lit: bool,
    winter: &'static str,
    sponge: &'static [&'static str],
) -> RouteText {
    RouteText { zh, en, ru, surface, lit, winter, sponge }
}

/// Greenway routes, in the order `network::greenway_routes` builds them. The groomed routes form
/// the warm corridor (heated stops along them); the wetland links close in winter.
pub static GREENWAY_ROUTES: [RouteText; 14] = [
    route("江畔绿道", "Jiangpan Greenway", "Зелёная тропа Цзянпань", "permeable_paving", true, "open", &[]),
    route("创新绿道", "Chuangxin Greenway", "Зелёная тропа Чуансинь", "asphalt", true, "groomed", &[]),
    route("智造绿道", "Zhizao Greenway", "Зелёная тропа Чжицзао", "asphalt", true, "open", &[]),
    route("北环绿道", "North Ring Greenway", "Северная кольцевая тропа", "gravel", false, "open", &[]),
    route("西环绿道", "West Ring Greenway", "Западная кольцевая тропа", "gravel", false, "open", &[]),
    route("智谷绿道", "Zhigu Greenway", "Зелёная тропа Чжигу", "asphalt", true, "open", &[]),
    route("中轴绿道", "Central Axis Greenway", "Тропа центральной оси", "asphalt", true, "groomed", &[]),
    route("科创绿道", "Kechuang Greenway", "Зелёная тропа Кэчуан", "asphalt", true, "open", &[]),
    route("东环绿道", "East Ring Greenway", "Восточная кольцевая тропа", "gravel", false, "open", &[]),
    route("西园连廊", "Xiyuan Link", "Связка Сиюань", "gravel", false, "closed", &[]),
    route("东园连廊", "Dongyuan Link", "Связка Дунъюань", "gravel", false, "open", &[]),
    route("西湖连接道", "West Lake Link", "Подход к Западному озеру", "gravel", false, "closed", &[]),
    route("滨江连接道", "Riverside Link", "Подход к набережной", "asphalt", true, "groomed", &[]),
    route("东湖连接道", "East Lake Link", "Подход к Восточному озеру", "gravel", false, "closed", &[]),
];

/// Waterfront routes, in the order `network::waterfront_routes` builds them.
pub static WATERFRONT_ROUTES: [RouteText; 7] = [
    route(
        "松花江滨江步道",
        "Songhua Riverside Promenade",
        "Набережная Сунгари",
        "permeable_paving",
        true,
        "groomed",
        &["permeable_promenade", "bioswale"],
    ),
    route(
        "西湿地湖环湖栈道",
        "West Wetland Lake Loop",
        "Тропа вокруг Западного озера",
        "boardwalk",
        false,
        "open",
        &["wetland", "rain_garden"],
    ),
    route(
        "西湖入江栈道",
        "West Lake Outlet Boardwalk",
        "Настил от Западного озера к реке",
        "boardwalk",
        false,
        "open",
        &["wetland"],
    ),
    route(
        "东湿地湖环湖栈道",
        "East Wetland Lake Loop",
        "Тропа вокруг Восточного озера",
        "boardwalk",
        false,
        "open",
        &["wetland", "rain_garden"],
    ),
    route(
        "东湖入江栈道",
        "East Lake Outlet Boardwalk",
        "Настил от Восточного озера к реке",
        "boardwalk",
        false,
        "open",
        &["wetland"],
    ),
    route(
        "西海绵运河滨水道",
        "West Sponge Canal Banks",
        "Набережные Западного канала",
        "permeable_paving",
        true,
        "open",
        &["bioswale", "rain_garden"],
    ),
    route(
        "东海绵运河滨水道",
        "East Sponge Canal Banks",
        "Набережные Восточного канала",
        "permeable_paving",
        true,
        "open",
        &["bioswale", "rain_garden"],
    ),
];

/// A road name in three languages.
#[derive(Debug)]
pub struct RoadText {
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Russian name.
    pub ru: &'static str,
}

/// Main roads (illustrative names): east–west along y-lines 1–4, then north–south along x-lines.
pub static ROADS: [RoadText; 7] = [
    RoadText { zh: "江畔路", en: "Jiangpan Road", ru: "улица Цзянпань" },
    RoadText { zh: "创新一路", en: "Chuangxin 1st Road", ru: "1-я улица Чуансинь" },
    RoadText { zh: "创新二路", en: "Chuangxin 2nd Road", ru: "2-я улица Чуансинь" },
    RoadText { zh: "北环路", en: "Beihuan Road", ru: "улица Бэйхуань" },
    RoadText { zh: "智谷大街", en: "Zhigu Street", ru: "улица Чжигу" },
    RoadText { zh: "深哈大道", en: "Shenha Avenue", ru: "проспект Шэньха" },
    RoadText { zh: "科创大街", en: "Kechuang Street", ru: "улица Кэчуан" },
];

/// The grid y-line of each east–west road (indices 0–3 of [`ROADS`]).
pub const ROAD_Y_LINES: [usize; 4] = [1, 2, 3, 4];
/// The grid x-line of each north–south road (indices 4–6 of [`ROADS`]).
pub const ROAD_X_LINES: [usize; 3] = [1, 3, 5];
