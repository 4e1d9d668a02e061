//! Every UI string and number format, in one table. Adding a language is adding a column of data.

mod numbers;

pub use numbers::{format_decimal, parse_decimal, CapitalScale};

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order of the switcher.
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Ru];

    /// BCP 47 tag for the `lang` attribute and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language for a tag such as `en`, `en-GB`, `zh-Hans-CN`, `ru-RU` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    fn column(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Zh => 1,
            Lang::Ru => 2,
        }
    }
}

/// Picks the language: `?lang=` first, then the browser's preferences, then Chinese.
pub fn choose_lang(param: Option<&str>, browser: &[String]) -> Lang {
    param
        .and_then(Lang::from_tag)
        .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
        .unwrap_or_default()
}

include!("i18n_table.rs");

/// The UI string for `key` in `lang`. A key missing from the table shows as `⟦missing⟧`, which the
/// end-to-end tests look for, so an untranslated string cannot ship unnoticed.
pub fn t(lang: Lang, key: &str) -> &'static str {
    lookup(lang, key).unwrap_or("⟦missing⟧")
}

/// The UI string for `key` in `lang`, if the table has one (for keys made from data, such as a
/// company's sector, which may name a value the table does not know).
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let i = TABLE.binary_search_by(|(k, _)| k.cmp(&key)).ok()?;
    Some(TABLE[i].1[lang.column()])
}

/// A value from the data that names a kind of thing (a company's `sector`, a trail's `sponge`
/// features) as a reader reads it: the table's name under `{kind}.{value}` for the known ones
/// (`sector`/`ai`: "Artificial intelligence", "人工智能"), else the data's own value with `_` as spaces.
///
/// ```
/// use parkmap::i18n::{value_label, Lang};
/// assert_eq!(value_label(Lang::Ru, "sector", "ai"), "Искусственный интеллект");
/// assert_eq!(value_label(Lang::Zh, "sponge", "rain_garden"), "雨水花园");
/// assert_eq!(value_label(Lang::En, "sector", "quantum_sensing"), "quantum sensing");
/// ```
pub fn value_label(lang: Lang, kind: &str, value: &str) -> String {
    match lookup(lang, &format!("{kind}.{value}")) {
        Some(name) => name.to_owned(),
        None => value.replace('_', " "),
    }
}

/// The plural categories (CLDR's) that the three languages' counted nouns need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// English and Russian 1; Russian 21, 31, … (not 11).
    One,
    /// Russian 2–4, 22–24, … (not 12–14).
    Few,
    /// Russian 0, 5–20, 25–30, …
    Many,
    /// Everything else: English 0 and 2+, every Chinese count.
    Other,
}

impl Plural {
    /// The category of the count `n` in `lang`.
    ///
    /// ```
    /// use parkmap::i18n::{Lang, Plural};
    /// assert_eq!(Plural::of(21, Lang::Ru), Plural::One);
    /// assert_eq!(Plural::of(11, Lang::Ru), Plural::Many);
    /// assert_eq!(Plural::of(1, Lang::Zh), Plural::Other);
    /// ```
    pub fn of(n: u64, lang: Lang) -> Plural {
        match lang {
            Lang::Zh => Plural::Other,
            Lang::En if n == 1 => Plural::One,
            Lang::En => Plural::Other,
            Lang::Ru => match (n % 10, n % 100) {
                (1, r) if r != 11 => Plural::One,
                (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Plural::One => "one",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// `n` and the phrase `key` in the form the count needs: the table has `key.one`, `key.few`,
/// `key.many` and `key.other` (each language uses its own subset).
///
/// ```
/// use parkmap::i18n::{count, Lang};
/// assert_eq!(count(1, "n.companies", Lang::En), "1 company");
/// assert_eq!(count(22, "n.companies", Lang::Ru), "22 компании");
/// assert_eq!(count(1200, "n.companies", Lang::Zh), "1,200 家企业");
/// ```
pub fn count(n: u64, key: &str, lang: Lang) -> String {
    let form = format!("{key}.{}", Plural::of(n, lang).suffix());
    format!("{} {}", format_int(n, lang), t(lang, &form))
}

/// Whether the table has `key` (for tests and debug builds).
pub fn has_key(key: &str) -> bool {
    TABLE.binary_search_by(|(k, _)| k.cmp(&key)).is_ok()
}

fn trim_decimals(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

fn localise_decimal(s: String, lang: Lang) -> String {
    if lang == Lang::Ru {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Registered capital: 亿 / 万 in Chinese, bn / m in English, млрд / млн in Russian.
///
/// ```
/// use parkmap::i18n::{format_capital, Lang};
/// assert_eq!(format_capital(21_921_000_000, Lang::Zh), "¥219.21亿");
/// assert_eq!(format_capital(21_921_000_000, Lang::En), "¥21.921 bn");
/// assert_eq!(format_capital(21_921_000_000, Lang::Ru), "¥21,921 млрд");
/// ```
pub fn format_capital(yuan: u64, lang: Lang) -> String {
    let y = yuan as f64;
    let (value, unit) = match lang {
        Lang::Zh if yuan >= 100_000_000 => (y / 1e8, "亿"),
        Lang::Zh if yuan >= 10_000 => (y / 1e4, "万"),
        Lang::Zh => (y, ""),
        Lang::En if yuan >= 1_000_000_000 => (y / 1e9, " bn"),
        Lang::En if yuan >= 1_000_000 => (y / 1e6, " m"),
        Lang::Ru if yuan >= 1_000_000_000 => (y / 1e9, " млрд"),
        Lang::Ru if yuan >= 1_000_000 => (y / 1e6, " млн"),
        _ => return format!("¥{}", format_int(yuan, lang)),
    };
    let digits = localise_decimal(trim_decimals(format!("{value:.3}")), lang);
    format!("¥{digits}{unit}")
}

/// An integer with thousands separators (`,`; a thin space in Russian).
pub fn format_int(n: u64, lang: Lang) -> String {
    let s = n.to_string();
    let sep = if lang == Lang::Ru { "\u{202f}" } else { "," };
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A length in kilometres with one decimal (two below 10 km).
pub fn format_km(metres: f64, lang: Lang) -> String {
    let km = metres / 1000.0;
    let digits = if km < 10.0 { format!("{km:.2}") } else { format!("{km:.1}") };
    format!("{} {}", localise_decimal(digits, lang), t(lang, "unit_km"))
}

/// An area in square kilometres with two decimals.
pub fn format_km2(square_metres: f64, lang: Lang) -> String {
    let digits = format!("{:.2}", square_metres / 1e6);
    format!("{} {}", localise_decimal(digits, lang), t(lang, "unit_km2"))
}

/// An ISO date (`2019-05-09`) as each language writes it: `9 May 2019`, `2019年5月9日`,
/// `9 мая 2019 г.`. Anything that is not such a date is returned unchanged.
///
/// ```
/// use parkmap::i18n::{format_date, Lang};
/// assert_eq!(format_date("2019-05-09", Lang::Zh), "2019年5月9日");
/// ```
pub fn format_date(iso: &str, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else { return iso.to_owned() };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || iso.split('-').count() != 3 {
        return iso.to_owned();
    }
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{d} {} {y}", EN[m as usize - 1]),
        Lang::Ru => format!("{d} {} {y} г.", RU[m as usize - 1]),
    }
}

/// A duration in whole minutes: `45 min`, `1 h 05 min` (`1小时5分钟`, `1 ч 05 мин`).
///
/// ```
/// use parkmap::i18n::{format_minutes, Lang};
/// assert_eq!(format_minutes(65.4, Lang::En), "1 h 05 min");
/// assert_eq!(format_minutes(44.6, Lang::Zh), "45分钟");
/// ```
pub fn format_minutes(minutes: f64, lang: Lang) -> String {
    let total = if minutes.is_finite() { minutes.round().max(0.0) as u64 } else { 0 };
    let (h, m) = (total / 60, total % 60);
    match (lang, h) {
        (Lang::Zh, 0) => format!("{m}分钟"),
        (Lang::Zh, _) => format!("{h}小时{m}分钟"),
        (Lang::En, 0) => format!("{m} min"),
        (Lang::En, _) => format!("{h} h {m:02} min"),
        (Lang::Ru, 0) => format!("{m} мин"),
        (Lang::Ru, _) => format!("{h} ч {m:02} мин"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_complete_and_unique() {
        for w in TABLE.windows(2) {
            assert!(w[0].0 < w[1].0, "table not sorted or duplicate at {:?}", w[1].0);
        }
        for (k, cols) in TABLE {
            for (i, v) in cols.iter().enumerate() {
                assert!(!v.trim().is_empty(), "{k} has an empty column {i}");
            }
        }
    }

    #[test]
    fn every_enum_label_is_translated() {
        use crate::model::{Industry, PoiKind, Surface, Winter, ZoneCategory};
        let keys = Industry::ALL
            .iter()
            .map(|v| format!("industry.{}", v.key()))
            .chain(ZoneCategory::ALL.iter().map(|v| format!("category.{}", v.key())))
            .chain(PoiKind::ALL.iter().map(|v| format!("poi.{}", v.key())))
            .chain(Surface::ALL.iter().map(|v| format!("surface.{}", v.key())))
            .chain(Winter::ALL.iter().map(|v| format!("winter.{}", v.key())));
        for k in keys {
            assert!(has_key(&k), "missing translation {k}");
        }
    }

    #[test]
    fn counts_take_the_plural_form_they_need() {
        let cases = [
            (1, "1 company", "1 家企业", "1 компания"),
            (2, "2 companies", "2 家企业", "2 компании"),
            (5, "5 companies", "5 家企业", "5 компаний"),
            (11, "11 companies", "11 家企业", "11 компаний"),
            (21, "21 companies", "21 家企业", "21 компания"),
            (22, "22 companies", "22 家企业", "22 компании"),
            (111, "111 companies", "111 家企业", "111 компаний"),
        ];
        for (n, en, zh, ru) in cases {
            assert_eq!(count(n, "n.companies", Lang::En), en);
            assert_eq!(count(n, "n.companies", Lang::Zh), zh);
            assert_eq!(count(n, "n.companies", Lang::Ru), ru);
        }
        let matching = [
            (1, "1 company matches", "1 家企业符合条件", "1 компания подходит"),
            (2, "2 companies match", "2 家企业符合条件", "2 компании подходят"),
            (5, "5 companies match", "5 家企业符合条件", "5 компаний подходят"),
            (11, "11 companies match", "11 家企业符合条件", "11 компаний подходят"),
            (21, "21 companies match", "21 家企业符合条件", "21 компания подходит"),
            (22, "22 companies match", "22 家企业符合条件", "22 компании подходят"),
            (111, "111 companies match", "111 家企业符合条件", "111 компаний подходят"),
        ];
        for (n, en, zh, ru) in matching {
            assert_eq!(count(n, "n.companies_match", Lang::En), en);
            assert_eq!(count(n, "n.companies_match", Lang::Zh), zh);
            assert_eq!(count(n, "n.companies_match", Lang::Ru), ru);
        }
        // 12–14 are "many" in Russian although they end in 2–4
        assert_eq!(count(12, "n.companies", Lang::Ru), "12 компаний");
        assert_eq!(count(104, "n.companies", Lang::Ru), "104 компании");
    }

    #[test]
    fn missing_keys_are_visible() {
        assert_eq!(t(Lang::En, "no.such.key"), "⟦missing⟧");
        assert_eq!(t(Lang::Zh, "close"), "关闭");
    }

    #[test]
    fn language_comes_from_param_then_browser_then_chinese() {
        let browser = vec!["ru-RU".to_string(), "en-US".to_string()];
        assert_eq!(choose_lang(Some("en"), &browser), Lang::En);
        assert_eq!(choose_lang(Some("xx"), &browser), Lang::Ru);
        assert_eq!(choose_lang(None, &["de-DE".to_string()]), Lang::Zh);
        assert_eq!(choose_lang(None, &["zh-Hans-CN".to_string()]), Lang::Zh);
    }

    #[test]
    fn capital_formats_by_language() {
        assert_eq!(format_capital(50_000_000, Lang::Zh), "¥5000万");
        assert_eq!(format_capital(50_000_000, Lang::En), "¥50 m");
        assert_eq!(format_capital(1_250_000_000, Lang::En), "¥1.25 bn");
        assert_eq!(format_capital(120_000_000, Lang::Zh), "¥1.2亿");
        assert_eq!(format_capital(999, Lang::En), "¥999");
        assert_eq!(format_int(21_921_000_000, Lang::En), "21,921,000,000");
    }

    #[test]
    fn dates_format_in_every_language() {
        assert_eq!(format_date("2019-05-09", Lang::En), "9 May 2019");
        assert_eq!(format_date("2019-05-09", Lang::Ru), "9 мая 2019 г.");
        assert_eq!(format_date("2019-13-09", Lang::En), "2019-13-09");
        assert_eq!(format_date("soon", Lang::Zh), "soon");
    }

    #[test]
    fn durations_format_in_every_language() {
        assert_eq!(format_minutes(0.2, Lang::En), "0 min");
        assert_eq!(format_minutes(125.0, Lang::Ru), "2 ч 05 мин");
        assert_eq!(format_minutes(60.0, Lang::Zh), "1小时0分钟");
        assert_eq!(format_minutes(f64::NAN, Lang::En), "0 min");
    }

    #[test]
    fn lengths_and_areas_format() {
        assert_eq!(format_km(48_000.0, Lang::En), "48.0 km");
        assert_eq!(format_km(2_345.0, Lang::Ru), "2,35 км");
        assert_eq!(format_km2(26_000_000.0, Lang::Zh), "26.00 平方公里");
    }
}
