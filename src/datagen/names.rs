//! Word pools for generated company records: brand syllables, sectors and their trade words.

/// Pinyin / hanzi syllable pairs combined into two-syllable brands ("Xinhe" / "新禾"). All start
/// with a consonant so a brand never needs a pinyin apostrophe; pairs that spell a real company
/// are filtered out in `companies`.
pub static SYLLABLES: [(&str, &str); 48] = [
    ("xin", "新"),
    ("he", "禾"),
    ("hua", "华"),
    ("rui", "瑞"),
    ("tai", "泰"),
    ("hong", "鸿"),
    ("feng", "丰"),
    ("yuan", "源"),
    ("bo", "博"),
    ("chuang", "创"),
    ("zhi", "智"),
    ("long", "龙"),
    ("sheng", "盛"),
    ("heng", "恒"),
    ("jia", "嘉"),
    ("kai", "凯"),
    ("ming", "明"),
    ("da", "达"),
    ("tong", "通"),
    ("yu", "宇"),
    ("hao", "昊"),
    ("cheng", "诚"),
    ("ding", "鼎"),
    ("fu", "富"),
    ("guang", "光"),
    ("hai", "海"),
    ("jin", "锦"),
    ("jun", "骏"),
    ("kang", "康"),
    ("lan", "蓝"),
    ("li", "力"),
    ("lin", "林"),
    ("mei", "美"),
    ("nuo", "诺"),
    ("pu", "普"),
    ("qi", "启"),
    ("rong", "融"),
    ("shuo", "硕"),
    ("teng", "腾"),
    ("wei", "维"),
    ("xiang", "翔"),
    ("yao", "耀"),
    ("yi", "益"),
    ("ze", "泽"),
    ("zhong", "中"),
    ("bei", "北"),
    ("song", "松"),
    ("chen", "辰"),
];

/// Brand spellings never generated, because they would read as a real named company.
pub static DENY_BRANDS: [&str; 3] = ["huawei", "qianxin", "siling"];

/// Place prefixes of generated names (English, Chinese).
pub static PREFIXES: [(&str, &str); 2] = [("Harbin", "哈尔滨"), ("Heilongjiang", "黑龙江")];

/// A sector: its industry, label, trade words and where in the park such companies sit.
#[derive(Debug)]
pub struct Sector {
    /// `sector` property value.
    pub key: &'static str,
    /// Index into [`INDUSTRIES`].
    pub industry: usize,
    /// English label for descriptions ("Software").
    pub label_en: &'static str,
    /// Chinese label for descriptions ("软件").
    pub label_zh: &'static str,
    /// Trade words used in names (English, Chinese).
    pub words: &'static [(&'static str, &'static str)],
    /// Zone ids with weights in percent (summing to 100).
    pub zones: &'static [(&'static str, u32)],
}

/// Industry keys with their share of generated companies, in percent.
pub static INDUSTRIES: [(&str, u32); 5] = [
    ("digital_economy", 32),
    ("new_materials", 14),
    ("high_end_equipment", 18),
    ("bio_economy", 14),
    ("modern_services", 22),
];

const DIGITAL_ZONES: &[(&str, u32)] = &[("z02", 45), ("z03", 35), ("z01", 20)];

const fn sector(
    key: &'static str,
    industry: usize,
    label: (&'static str, &'static str),
    words: &'static [(&'static str, &'static str)],
    zones: &'static [(&'static str, u32)],
) -> Sector {
    Sector { key, industry, label_en: label.0, label_zh: label.1, words, zones }
}

/// All sectors, grouped by industry.
pub static SECTORS: [Sector; 17] = [
    sector(
        "software",
        0,
        ("Software", "软件"),
        &[("Software", "软件"), ("Information Technology", "信息技术"), ("Digital Technology", "数字科技")],
        DIGITAL_ZONES,
    ),
    sector(
        "cloud",
        0,
        ("Cloud computing", "云计算"),
        &[("Cloud Computing", "云计算"), ("Cloud Services", "云服务")],
        DIGITAL_ZONES,
    ),
    sector(
        "cybersecurity",
        0,
        ("Cybersecurity", "网络安全"),
        &[("Cybersecurity", "网络安全"), ("Information Security", "信息安全")],
        &[("z03", 80), ("z01", 20)],
    ),
    sector(
        "big_data",
        0,
        ("Big data", "大数据"),
        &[("Big Data", "大数据"), ("Data Technology", "数据科技")],
        DIGITAL_ZONES,
    ),
    sector(
        "ai",
        0,
        ("Artificial intelligence", "人工智能"),
        &[("Artificial Intelligence", "人工智能"), ("Intelligent Technology", "智能科技")],
        &[("z02", 40), ("z03", 30), ("z01", 30)],
    ),
    sector(
        "graphene",
        1,
        ("Graphene", "石墨烯"),
        &[("Graphene", "石墨烯"), ("Carbon Materials", "碳材料")],
        &[("z04", 85), ("z01", 15)],
    ),
    sector(
        "composites",
        1,
        ("Composite materials", "复合材料"),
        &[("Composite Materials", "复合材料"), ("New Materials", "新材料")],
        &[("z04", 85), ("z01", 15)],
    ),
    sector(
        "alloys",
        1,
        ("Alloy", "合金材料"),
        &[("Alloy", "合金"), ("Metal Materials", "金属材料")],
        &[("z04", 85), ("z01", 15)],
    ),
    sector(
        "robotics",
        2,
        ("Robotics", "机器人"),
        &[("Robotics", "机器人"), ("Automation", "自动化")],
        &[("z05", 85), ("z01", 15)],
    ),
    sector(
        "satellites",
        2,
        ("Satellite", "卫星"),
        &[("Satellite Technology", "卫星技术"), ("Aerospace", "航天科技")],
        &[("z05", 85), ("z01", 15)],
    ),
    sector(
        "smart_manufacturing",
        2,
        ("Smart manufacturing", "智能制造"),
        &[("Intelligent Equipment", "智能装备"), ("Precision Machinery", "精密机械")],
        &[("z05", 85), ("z01", 15)],
    ),
    sector(
        "biopharma",
        3,
        ("Biopharma", "生物医药"),
        &[("Biopharmaceutical", "生物制药"), ("Biotechnology", "生物科技")],
        &[("z06", 85), ("z01", 15)],
    ),
    sector(
        "agritech",
        3,
        ("Agritech", "农业科技"),
        &[("Agricultural Technology", "农业科技"), ("Seed Technology", "种业科技")],
        &[("z06", 85), ("z01", 15)],
    ),
    sector(
        "medical_devices",
        3,
        ("Medical device", "医疗器械"),
        &[("Medical Devices", "医疗器械"), ("Medical Technology", "医疗科技")],
        &[("z06", 85), ("z01", 15)],
    ),
    sector(
        "finance",
        4,
        ("Finance", "金融"),
        &[
            ("Investment Fund Management", "投资基金管理"),
            ("Venture Capital", "创业投资"),
            ("Financial Services", "金融服务"),
            ("Supply Chain Finance", "供应链金融"),
        ],
        &[("z07", 80), ("z09", 10), ("z01", 10)],
    ),
    sector(
        "logistics",
        4,
        ("Logistics", "物流"),
        &[
            ("Logistics", "物流"),
            ("Supply Chain Management", "供应链管理"),
            ("Cold Chain Logistics", "冷链物流"),
        ],
        &[("z08", 100)],
    ),
    sector(
        "consulting",
        4,
        ("Consulting", "咨询"),
        &[
            ("Management Consulting", "管理咨询"),
            ("Technology Consulting", "科技咨询"),
            ("Business Services", "商务服务"),
        ],
        &[("z07", 30), ("z09", 20), ("z10", 25), ("z11", 25)],
    ),
];

/// A company whose name and industry are published fact (its other fields are generated).
#[derive(Debug)]
pub struct Named {
    /// English name as the app's search expects it.
    pub en: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// `sector` key.
    pub sector: &'static str,
    /// Zone id it is placed in (illustrative).
    pub zone: &'static str,
    /// Official homepage, when given.
    pub website: Option<&'static str>,
    /// Short English description.
    pub desc_en: &'static str,
    /// Short Chinese description.
    pub desc_zh: &'static str,
    /// Short Russian description.
    pub desc_ru: &'static str,
}

const LEADER_EN: &str = "Named leading company of the park; position, capital and address are illustrative.";
const LEADER_ZH: &str = "园区公开报道的龙头企业；位置、注册资本与地址为示意。";
const LEADER_RU: &str =
    "Ведущая компания парка, названная в открытых источниках; положение, уставный капитал и адрес условны.";

/// The named companies first, then the park's financial service platform (an illustrative record
/// standing for the platform the park describes).
pub static NAMED: [Named; 6] = [
    Named {
        en: "Huawei",
        zh: "华为",
        sector: "cloud",
        zone: "z02",
        website: Some("https://www.huawei.com"),
        desc_en: LEADER_EN,
        desc_zh: LEADER_ZH,
        desc_ru: LEADER_RU,
    },
    Named {
        en: "Neusoft",
        zh: "东软",
        sector: "software",
        zone: "z02",
        website: Some("https://www.neusoft.com"),
        desc_en: LEADER_EN,
        desc_zh: LEADER_ZH,
        desc_ru: LEADER_RU,
    },
    Named {
        en: "Qi Anxin",
        zh: "奇安信",
        sector: "cybersecurity",
        zone: "z03",
        website: Some("https://www.qianxin.com"),
        desc_en: LEADER_EN,
        desc_zh: LEADER_ZH,
        desc_ru: LEADER_RU,
    },
    Named {
        en: "Siling Robotics",
        zh: "思灵机器人",
        sector: "robotics",
        zone: "z05",
        website: None,
        desc_en: LEADER_EN,
        desc_zh: LEADER_ZH,
        desc_ru: LEADER_RU,
    },
    Named {
        en: "HIT Satellite",
        zh: "哈工大卫星",
        sector: "satellites",
        zone: "z05",
        website: None,
        desc_en: LEADER_EN,
        desc_zh: LEADER_ZH,
        desc_ru: LEADER_RU,
    },
    Named {
        en: "Shenzhen-Harbin Financial Service Platform",
        zh: "深哈金融服务平台",
        sector: "finance",
        zone: "z07",
        website: None,
        desc_en: "Financial service platform for park companies (illustrative record).",
        desc_zh: "服务园区企业的金融服务平台（示意记录）。",
        desc_ru: "Платформа финансовых услуг для компаний парка (условная запись).",
    },
];

/// The sector with this key.
pub fn sector_by_key(key: &str) -> &'static Sector {
    SECTORS.iter().find(|s| s.key == key).unwrap_or_else(|| panic!("no sector {key}"))
}
