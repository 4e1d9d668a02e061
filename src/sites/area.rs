//! Areas as a Chinese investor reads them — square metres, hectares and mu (亩, 1 mu = 2000/3 m²) —
//! each to 0.1, with the number formats of [`crate::i18n`] (thousands grouped by `,`, by a thin
//! space and a decimal comma in Russian).

use crate::i18n::{format_int, Lang};

/// Square metres in one mu (市亩), exactly 2000/3.
pub const MU_M2: f64 = 2000.0 / 3.0;
/// Square metres in one hectare.
pub const HECTARE_M2: f64 = 10_000.0;

/// `x` to one decimal with the language's grouping and decimal mark (`12,345.6`, `12 345,6`);
/// `—` for a value that is not a finite, non-negative number.
pub fn format_tenths(x: f64, lang: Lang) -> String {
    if !x.is_finite() || x < 0.0 {
        return "—".to_owned();
    }
    let tenths = (x * 10.0).round();
    if tenths >= 1e17 {
        return "—".to_owned();
    }
    let tenths = tenths as u64;
    let mark = if lang == Lang::Ru { ',' } else { '.' };
    format!("{}{mark}{}", format_int(tenths / 10, lang), tenths % 10)
}

fn with_unit(value: String, lang: Lang, [zh, en, ru]: [&str; 3]) -> String {
    match lang {
        Lang::Zh => format!("{value}{zh}"),
        Lang::En => format!("{value} {en}"),
        Lang::Ru => format!("{value} {ru}"),
    }
}

/// Square metres: `38,800.0 m²`, `38,800.0平方米`, `38 800,0 м²`.
pub fn format_m2(m2: f64, lang: Lang) -> String {
    with_unit(format_tenths(m2, lang), lang, ["平方米", "m²", "м²"])
}

/// Hectares: `3.9 ha`, `3.9公顷`, `3,9 га`.
pub fn format_hectares(m2: f64, lang: Lang) -> String {
    with_unit(format_tenths(m2 / HECTARE_M2, lang), lang, ["公顷", "ha", "га"])
}

/// Mu: `58.2 mu` in English and Russian (`58,2 mu`), `58.2亩` in Chinese.
pub fn format_mu(m2: f64, lang: Lang) -> String {
    with_unit(format_tenths(m2 / MU_M2, lang), lang, ["亩", "mu", "mu"])
}

/// The three together, as the site panel and the brief show an area.
///
/// ```
/// use parkmap::i18n::Lang;
/// use parkmap::sites::format_area;
/// assert_eq!(format_area(38_800.0, Lang::En), "38,800.0 m² · 3.9 ha · 58.2 mu");
/// assert_eq!(format_area(38_800.0, Lang::Zh), "38,800.0平方米 · 3.9公顷 · 58.2亩");
/// assert_eq!(format_area(38_800.0, Lang::Ru), "38\u{202f}800,0 м² · 3,9 га · 58,2 mu");
/// ```
pub fn format_area(m2: f64, lang: Lang) -> String {
    format!("{} · {} · {}", format_m2(m2, lang), format_hectares(m2, lang), format_mu(m2, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mu_is_two_thousand_thirds_of_a_square_metre_and_values_round_to_a_tenth() {
        assert_eq!(format_mu(2000.0 / 3.0 * 15.0, Lang::Zh), "15.0亩");
        assert_eq!(format_mu(10_000.0, Lang::En), "15.0 mu");
        assert_eq!(format_hectares(10_000.0, Lang::Ru), "1,0 га");
        assert_eq!(format_m2(0.04, Lang::En), "0.0 m²");
        assert_eq!(format_m2(1_234_567.25, Lang::En), "1,234,567.3 m²");
        assert_eq!(format_m2(f64::NAN, Lang::En), "— m²");
        assert_eq!(format_tenths(-1.0, Lang::Zh), "—");
        assert_eq!(format_tenths(f64::MAX, Lang::Zh), "—");
    }
}
