//! The twelve planning zones: which grid cells each covers, and its names and role (illustrative).

use super::geom::Xy;
use super::layout::block_ring;

/// A planning zone: a block of grid cells plus its texts.
#[derive(Debug)]
pub struct ZoneDef {
    /// Layer id, `z01…`.
    pub id: &'static str,
    /// Grid columns `cols.0..cols.1`.
    pub cols: (usize, usize),
    /// Grid rows `rows.0..rows.1` (row 0 is the riverside strip).
    pub rows: (usize, usize),
    /// One of the six zone categories.
    pub category: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Russian name.
    pub ru: &'static str,
    /// Short Chinese name (a label on a small map).
    pub short_zh: &'static str,
    /// Short English name.
    pub short_en: &'static str,
    /// Short Russian name.
    pub short_ru: &'static str,
    /// Short Chinese description.
    pub desc_zh: &'static str,
    /// Short English description.
    pub desc_en: &'static str,
    /// Short Russian description.
    pub desc_ru: &'static str,
    /// Industry keys the zone hosts.
    pub industries: &'static [&'static str],
    /// Indices into `texts::ROADS` of the roads along the zone, used for company addresses.
    pub roads: &'static [usize],
}

impl ZoneDef {
    /// The zone's closed counter-clockwise ring in the design frame.
    pub fn ring(&self) -> Vec<Xy> {
        block_ring(self.cols.0, self.cols.1, self.rows.0, self.rows.1)
    }
}

const ALL_INDUSTRY: &[&str] = &["digital_economy", "new_materials", "high_end_equipment", "bio_economy"];

/// The zones, in id order. Rows: 0 riverside, 1 city and services, 2 innovation and digital,
/// 3 manufacturing. The canals run along the x-line 2 and 4 zone edges.
pub static ZONES: [ZoneDef; 12] = [
    ZoneDef {
        id: "z01",
        cols: (3, 4),
        rows: (2, 3),
        category: "innovation_hq",
        zh: "科技创新总部区",
        en: "Science & Innovation HQ District",
        ru: "Район штаб-квартир науки и инноваций",
        short_zh: "科创总部",
        short_en: "Innovation HQ",
        short_ru: "Инновации",
        desc_zh: "研发总部、孵化器与创新平台集聚区。",
        desc_en: "R&D headquarters, incubators and innovation platforms.",
        desc_ru: "Штаб-квартиры НИОКР, инкубаторы и инновационные платформы.",
        industries: ALL_INDUSTRY,
        roads: &[1, 2, 5],
    },
    ZoneDef {
        id: "z02",
        cols: (2, 3),
        rows: (2, 3),
        category: "industry",
        zh: "数字经济产业区",
        en: "Digital Economy Cluster",
        ru: "Кластер цифровой экономики",
        short_zh: "数字经济",
        short_en: "Digital Economy",
        short_ru: "Цифровая экономика",
        desc_zh: "软件、云计算、大数据与人工智能企业。",
        desc_en: "Software, cloud, big data and AI companies.",
        desc_ru: "Компании в сфере ПО, облачных вычислений, больших данных и ИИ.",
        industries: &["digital_economy"],
        roads: &[1, 2],
    },
    ZoneDef {
        id: "z03",
        cols: (4, 6),
        rows: (2, 3),
        category: "industry",
        zh: "新一代信息技术与网络安全谷",
        en: "New-Generation IT & Cybersecurity Valley",
        ru: "Долина ИТ нового поколения и кибербезопасности",
        short_zh: "信息安全谷",
        short_en: "IT Valley",
        short_ru: "ИТ-долина",
        desc_zh: "新一代信息技术与网络安全企业。",
        desc_en: "New-generation IT and cybersecurity companies.",
        desc_ru: "Компании ИТ нового поколения и кибербезопасности.",
        industries: &["digital_economy"],
        roads: &[1, 2, 6],
    },
    ZoneDef {
        id: "z04",
        cols: (2, 4),
        rows: (3, 4),
        category: "industry",
        zh: "新材料产业区",
        en: "New Materials Cluster",
        ru: "Кластер новых материалов",
        short_zh: "新材料",
        short_en: "New Materials",
        short_ru: "Новые материалы",
        desc_zh: "石墨烯、复合材料与合金企业。",
        desc_en: "Graphene, composites and alloy producers.",
        desc_ru: "Производители графена, композитов и сплавов.",
        industries: &["new_materials"],
        roads: &[2, 3, 5],
    },
    ZoneDef {
        id: "z05",
        cols: (0, 2),
        rows: (3, 4),
        category: "industry",
        zh: "高端装备制造区",
        en: "High-End Equipment Cluster",
        ru: "Кластер высокотехнологичного оборудования",
        short_zh: "高端装备",
        short_en: "Equipment",
        short_ru: "Оборудование",
        desc_zh: "机器人、卫星与智能制造企业。",
        desc_en: "Robotics, satellite and smart-manufacturing companies.",
        desc_ru: "Компании робототехники, спутниковой отрасли и умного производства.",
        industries: &["high_end_equipment"],
        roads: &[2, 3, 4],
    },
    ZoneDef {
        id: "z06",
        cols: (4, 6),
        rows: (3, 4),
        category: "industry",
        zh: "生物经济产业区",
        en: "Bio-Economy Cluster",
        ru: "Кластер биоэкономики",
        short_zh: "生物经济",
        short_en: "Bio-Economy",
        short_ru: "Биоэкономика",
        desc_zh: "生物医药、农业科技与医疗器械企业。",
        desc_en: "Biopharma, agritech and medical-device companies.",
        desc_ru: "Компании биофармацевтики, агротехнологий и медицинских изделий.",
        industries: &["bio_economy"],
        roads: &[2, 3, 6],
    },
    ZoneDef {
        id: "z07",
        cols: (2, 3),
        rows: (1, 2),
        category: "finance_services",
        zh: "金融与现代服务区",
        en: "Finance & Modern Services District",
        ru: "Район финансов и современных услуг",
        short_zh: "金融服务",
        short_en: "Finance",
        short_ru: "Финансы",
        desc_zh: "金融服务平台、投资基金与专业服务机构。",
        desc_en: "Financial service platform, investment funds and consultancies.",
        desc_ru: "Платформа финансовых услуг, инвестиционные фонды и консалтинговые компании.",
        industries: &["modern_services"],
        roads: &[0, 1],
    },
    ZoneDef {
        id: "z08",
        cols: (0, 2),
        rows: (2, 3),
        category: "finance_services",
        zh: "现代物流与商务服务园",
        en: "Logistics & Business Services Park",
        ru: "Парк логистики и деловых услуг",
        short_zh: "物流商务",
        short_en: "Logistics",
        short_ru: "Логистика",
        desc_zh: "物流、供应链与商务服务企业。",
        desc_en: "Logistics, supply-chain and business-service companies.",
        desc_ru: "Компании логистики, цепочек поставок и деловых услуг.",
        industries: &["modern_services"],
        roads: &[1, 2, 4],
    },
    ZoneDef {
        id: "z09",
        cols: (3, 4),
        rows: (1, 2),
        category: "service_centers",
        zh: "综合服务中心区",
        en: "Service Centers District",
        ru: "Район сервисных центров",
        short_zh: "服务中心",
        short_en: "Services",
        short_ru: "Сервисы",
        desc_zh: "园区政务服务中心与党群服务中心所在地。",
        desc_en: "Home of the park government service center and the party-mass service center.",
        desc_ru: "Здесь находятся центр государственных услуг парка и центр обслуживания партии и населения.",
        industries: &["modern_services"],
        roads: &[0, 1, 5],
    },
    ZoneDef {
        id: "z10",
        cols: (0, 2),
        rows: (1, 2),
        category: "city_services",
        zh: "西区城市生活社区",
        en: "West Urban Community",
        ru: "Западный городской квартал",
        short_zh: "西区社区",
        short_en: "West Quarter",
        short_ru: "Запад",
        desc_zh: "住宅、学校与社区商业。",
        desc_en: "Housing, schools and neighbourhood shops.",
        desc_ru: "Жильё, школы и магазины у дома.",
        industries: &["modern_services"],
        roads: &[0, 1, 4],
    },
    ZoneDef {
        id: "z11",
        cols: (4, 6),
        rows: (1, 2),
        category: "city_services",
        zh: "东区城市生活社区",
        en: "East Urban Community",
        ru: "Восточный городской квартал",
        short_zh: "东区社区",
        short_en: "East Quarter",
        short_ru: "Восток",
        desc_zh: "住宅、医院与社区商业。",
        desc_en: "Housing, a hospital and neighbourhood shops.",
        desc_ru: "Жильё, больница и магазины у дома.",
        industries: &["modern_services"],
        roads: &[0, 1, 6],
    },
    ZoneDef {
        id: "z12",
        cols: (0, 6),
        rows: (0, 1),
        category: "green_space",
        zh: "松花江滨江湿地公园",
        en: "Songhua Riverside Wetland Park",
        ru: "Прибрежный водно-болотный парк Сунгари",
        short_zh: "湿地公园",
        short_en: "Wetland Park",
        short_ru: "Водно-болотный парк",
        desc_zh: "滨江步道、湿地湖与海绵城市设施。",
        desc_en: "Riverside promenade, wetland lakes and sponge-city features.",
        desc_ru: "Набережная, озёра водно-болотных угодий и объекты «города-губки».",
        industries: &[],
        roads: &[0],
    },
];

/// Index into [`ZONES`] of the zone with this id.
pub fn zone_index(id: &str) -> usize {
    ZONES.iter().position(|z| z.id == id).unwrap_or_else(|| panic!("no zone {id}"))
}
