//! The site finder's words, in the three languages: a table of their own beside the app's
//! ([`crate::i18n`]), so they travel with the site finder's chunk and cost the map's first module
//! nothing. Same rules as the app's table: sorted by key, every column filled (a test checks).

use crate::i18n::{format_int, Lang, Plural};

/// Every site-finder string: key, then English, Simplified Chinese, Russian.
static TABLE: &[(&str, [&str; 3])] = &[
    ("brief.link", ["This page", "本页链接", "Эта страница"]),
    ("brief.printed", ["Printed from ParkMap", "打印自 ParkMap", "Напечатано из ParkMap"]),
    ("brief.qr", ["QR code of this page's link", "本页链接的二维码", "QR-код ссылки на эту страницу"]),
    ("brief.title", ["Site brief", "地块简报", "Справка об участке"]),
    ("compare.add", ["Add to comparison", "加入比较", "Добавить к сравнению"]),
    ("compare.best", ["best", "最优", "лучшее"]),
    ("compare.clear", ["Clear comparison", "清空比较", "Очистить сравнение"]),
    ("compare.full", ["Up to four sites can be compared", "最多可比较四个地块", "Сравнить можно до четырёх участков"]),
    ("compare.remove", ["Remove from comparison", "移出比较", "Убрать из сравнения"]),
    ("compare.title", ["Compare sites", "地块比较", "Сравнение участков"]),
    ("contact.name", ["Name", "名称", "Название"]),
    ("contact.office", ["Contact the investment office", "联系招商中心", "Связаться с инвестиционным офисом"]),
    ("contact.subject", ["Enquiry about site", "咨询地块", "Запрос об участке"]),
    ("contact.title", ["Investment office", "招商中心", "Инвестиционный офис"]),
    ("drive.note", [
        "As the crow flies; drive times are indicative: the straight line × {factor} at {speed} km/h, not a road route.",
        "直线距离；车程仅供参考：按直线距离 × {factor}、时速 {speed} 公里估算，并非道路路线。",
        "По прямой; время в пути ориентировочное: прямая × {factor} при {speed} км/ч, а не маршрут по дорогам.",
    ]),
    ("drive.time", ["about {minutes} by car", "驾车约 {minutes}", "около {minutes} на машине"]),
    ("field.address", ["Address", "地址", "Адрес"]),
    ("field.area", ["Area", "面积", "Площадь"]),
    ("field.available_from", ["Available from", "可用日期", "Доступен с"]),
    ("field.email", ["Email", "电子邮箱", "Эл. почта"]),
    ("field.height", ["Maximum height", "限高", "Предельная высота"]),
    ("field.land_use", ["Land use", "用地性质", "Назначение"]),
    ("field.phone", ["Phone", "电话", "Телефон"]),
    ("field.plot_ratio", ["Maximum plot ratio", "最大容积率", "Макс. коэффициент застройки"]),
    ("field.power", ["Power", "供电容量", "Электроснабжение"]),
    ("field.price", ["Price", "价格", "Цена"]),
    ("field.status", ["Status", "状态", "Статус"]),
    ("field.type", ["Type", "类型", "Тип"]),
    ("field.utilities", ["Utilities", "配套设施", "Инженерные сети"]),
    ("field.water", ["Water", "供水", "Водоснабжение"]),
    ("field.website", ["Website", "网站", "Сайт"]),
    ("field.zone", ["Zone", "所属片区", "Зона"]),
    ("figures.by_type", ["Available sites by type", "按类型划分的可供地块", "Свободные участки по типам"]),
    ("figures.by_zone", ["Available land and space by zone", "各片区可供土地与空间", "Свободные земли и площади по зонам"]),
    ("figures.none", ["No site is available.", "暂无可供地块。", "Свободных участков нет."]),
    ("figures.title", ["Available land and space", "可供土地与空间", "Свободные земли и площади"]),
    ("filter.area_inverted", ["The smallest area is larger than the largest: no site can match.", "最小面积大于最大面积：没有地块能符合条件。", "Минимальная площадь больше максимальной: ни один участок не подойдёт."]),
    ("filter.area_max", ["Largest area (m²)", "最大面积（平方米）", "Макс. площадь (м²)"]),
    ("filter.area_min", ["Smallest area (m²)", "最小面积（平方米）", "Мин. площадь (м²)"]),
    ("filter.clear", ["Show every site", "显示全部地块", "Показать все участки"]),
    ("filter.power", ["Least power (kVA)", "最低供电容量（千伏安）", "Мин. мощность (кВА)"]),
    ("filter.rent", ["Highest rent (¥/m²/month)", "最高租金（元/平方米/月）", "Макс. аренда (¥/м²/мес.)"]),
    ("filter.sale", ["Highest sale price (¥/m²)", "最高售价（元/平方米）", "Макс. цена продажи (¥/м²)"]),
    ("hub.airport", ["Airport", "机场", "Аэропорт"]),
    ("hub.city_centre", ["City centre", "市中心", "Центр города"]),
    ("hub.government", ["Government", "政府机构", "Органы власти"]),
    ("hub.high_speed_rail", ["High-speed rail", "高铁站", "Высокоскоростная ж/д"]),
    ("hub.other", ["Other", "其他", "Прочее"]),
    ("hub.railway", ["Railway station", "火车站", "Ж/д вокзал"]),
    ("hubs.title", ["Distances to the city's hubs", "至城市交通枢纽距离", "Расстояния до узлов города"]),
    ("illustrative", [
        "Illustrative: this site, its figures and the office's details are not real offers.",
        "示意数据：本地块、各项指标及招商中心信息均非真实招商信息。",
        "Условные данные: участок, его показатели и контакты офиса не являются реальным предложением.",
    ]),
    ("land_use.commercial", ["Commercial", "商业", "Коммерческое"]),
    ("land_use.industrial", ["Industrial", "工业", "Промышленное"]),
    ("land_use.logistics", ["Logistics", "物流仓储", "Логистика"]),
    ("land_use.mixed", ["Mixed use", "混合用地", "Смешанное"]),
    ("land_use.rnd", ["R&D", "研发", "НИОКР"]),
    ("list.name", ["Site", "地块", "Участок"]),
    ("list.title", ["Matching sites", "符合条件的地块", "Подходящие участки"]),
    ("loading", ["Loading the sites…", "正在加载地块…", "Загрузка участков…"]),
    ("n.compared.few", ["sites in the comparison — show it", "个地块在比较中 — 查看", "участка в сравнении — показать"]),
    ("n.compared.many", ["sites in the comparison — show it", "个地块在比较中 — 查看", "участков в сравнении — показать"]),
    ("n.compared.one", ["site in the comparison — show it", "个地块在比较中 — 查看", "участок в сравнении — показать"]),
    ("n.compared.other", ["sites in the comparison — show it", "个地块在比较中 — 查看", "участков в сравнении — показать"]),
    ("n.sites.few", ["sites", "个地块", "участка"]),
    ("n.sites.many", ["sites", "个地块", "участков"]),
    ("n.sites.one", ["site", "个地块", "участок"]),
    ("n.sites.other", ["sites", "个地块", "участков"]),
    ("n.sites_match.few", ["sites match", "个地块符合条件", "участка подходят"]),
    ("n.sites_match.many", ["sites match", "个地块符合条件", "участков подходят"]),
    ("n.sites_match.one", ["site matches", "个地块符合条件", "участок подходит"]),
    ("n.sites_match.other", ["sites match", "个地块符合条件", "участков подходят"]),
    ("near.greenway", ["Greenway access", "绿道入口", "Выход к зелёному маршруту"]),
    ("near.service_center", ["Nearest service center", "最近的服务中心", "Ближайший сервисный центр"]),
    ("near.title", ["Nearby", "周边", "Рядом"]),
    ("neighbours.far", ["Companies within 1 km", "1 公里内的企业", "Компании в радиусе 1 км"]),
    ("neighbours.near", ["Companies within 500 m", "500 米内的企业", "Компании в радиусе 500 м"]),
    ("neighbours.none", ["None", "无", "Нет"]),
    ("neighbours.title", ["Neighbours by industry", "按产业划分的邻近企业", "Соседи по отраслям"]),
    ("no", ["no", "无", "нет"]),
    ("open", ["Find a site", "选址", "Подобрать участок"]),
    ("price.on_request", ["on request", "面议", "по запросу"]),
    ("price.rent", ["¥{amount}/m² per month (rent)", "租金 {amount} 元/平方米/月", "аренда {amount} ¥/м² в месяц"]),
    ("price.sale", ["¥{amount}/m² (sale)", "售价 {amount} 元/平方米", "продажа {amount} ¥/м²"]),
    ("print", ["Print the brief", "打印简报", "Печать справки"]),
    ("status.available", ["Available", "可供", "Свободен"]),
    ("status.leased", ["Leased", "已租", "Сдан"]),
    ("status.reserved", ["Reserved", "已预留", "Зарезервирован"]),
    ("status.under_construction", ["Under construction", "在建", "Строится"]),
    ("title", ["Find a site", "选址", "Подбор площадки"]),
    ("type.factory", ["Factory", "厂房", "Производственное помещение"]),
    ("type.incubator", ["Incubator", "孵化器", "Инкубатор"]),
    ("type.land", ["Land", "土地", "Земельный участок"]),
    ("type.office", ["Office", "办公", "Офис"]),
    ("type.other", ["Other", "其他", "Прочее"]),
    ("type.warehouse", ["Warehouse", "仓库", "Склад"]),
    ("unit.kva", ["kVA", "千伏安", "кВА"]),
    ("unit.m", ["m", "米", "м"]),
    ("unit.m3_day", ["m³/day", "立方米/日", "м³/сут."]),
    ("util.district_heating", ["District heating", "集中供热", "Центральное отопление"]),
    ("util.fibre", ["Fibre", "光纤", "Оптоволокно"]),
    ("util.gas", ["Gas", "燃气", "Газ"]),
    ("yes", ["yes", "有", "есть"]),
];

fn column(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
        Lang::Ru => 2,
    }
}

/// The site-finder string `key` in `lang`; `⟦missing⟧` (which the end-to-end tests look for) when
/// the table has no such key.
///
/// ```
/// use parkmap::{i18n::Lang, sites::st};
/// assert_eq!(st(Lang::Zh, "type.land"), "土地");
/// ```
pub fn st(lang: Lang, key: &str) -> &'static str {
    match TABLE.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(i) => TABLE[i].1[column(lang)],
        Err(_) => "⟦missing⟧",
    }
}

/// `n` and the phrase `key` in the form the count needs (`key.one`, `.few`, `.many`, `.other`).
///
/// ```
/// use parkmap::{i18n::Lang, sites::site_count};
/// assert_eq!(site_count(1, "n.sites", Lang::En), "1 site");
/// assert_eq!(site_count(22, "n.sites_match", Lang::Ru), "22 участка подходят");
/// ```
pub fn site_count(n: u64, key: &str, lang: Lang) -> String {
    let form = match Plural::of(n, lang) {
        Plural::One => "one",
        Plural::Few => "few",
        Plural::Many => "many",
        Plural::Other => "other",
    };
    format!("{} {}", format_int(n, lang), st(lang, &format!("{key}.{form}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HubKind, LandUse, SiteStatus, SiteType, Utility};

    #[test]
    fn the_table_is_sorted_unique_and_complete() {
        for w in TABLE.windows(2) {
            assert!(w[0].0 < w[1].0, "not sorted or repeated at {:?}", w[1].0);
        }
        for (k, cols) in TABLE {
            assert!(cols.iter().all(|v| !v.trim().is_empty()), "{k} has an empty column");
        }
    }

    #[test]
    fn every_value_of_every_site_vocabulary_has_its_words() {
        let keys = SiteType::ALL
            .iter()
            .map(|v| format!("type.{}", v.key()))
            .chain(LandUse::ALL.iter().map(|v| format!("land_use.{}", v.key())))
            .chain(SiteStatus::ALL.iter().map(|v| format!("status.{}", v.key())))
            .chain(Utility::ALL.iter().map(|v| format!("util.{}", v.key())))
            .chain(HubKind::ALL.iter().map(|v| format!("hub.{}", v.key())));
        for k in keys {
            for lang in Lang::ALL {
                assert_ne!(st(lang, &k), "⟦missing⟧", "{k} in {lang:?}");
            }
        }
    }

    #[test]
    fn counts_take_their_plural_form() {
        assert_eq!(site_count(5, "n.sites", Lang::Ru), "5 участков");
        assert_eq!(site_count(21, "n.sites", Lang::Ru), "21 участок");
        assert_eq!(site_count(2, "n.sites_match", Lang::En), "2 sites match");
        assert_eq!(site_count(1, "n.sites_match", Lang::Zh), "1 个地块符合条件");
    }
}
