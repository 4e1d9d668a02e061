//! Numbers a visitor types and numbers a chart lines up: one decimal separator per language for
//! both (a form field in Russian shows and takes "4,5", as the summary writes "6,86 км"), and one
//! precision for every figure of a chart.

use super::{format_int, localise_decimal, trim_decimals, Lang};

/// A number as a form field shows it in `lang`: at most `decimals` decimals, trailing zeros
/// dropped, with the language's decimal separator (a comma in Russian).
///
/// ```
/// use parkmap::i18n::{format_decimal, Lang};
/// assert_eq!(format_decimal(4.5, 1, Lang::Ru), "4,5");
/// assert_eq!(format_decimal(15.0, 1, Lang::En), "15");
/// ```
pub fn format_decimal(value: f64, decimals: usize, lang: Lang) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    localise_decimal(trim_decimals(format!("{value:.decimals$}")), lang)
}

/// A number typed into a form field, in any of the languages: `4,5` and `4.5` alike, spaces around
/// it ignored. `None` for anything else (letters, two separators, an empty field, infinity).
///
/// ```
/// use parkmap::i18n::parse_decimal;
/// assert_eq!(parse_decimal(" 4,5 "), Some(4.5));
/// assert_eq!(parse_decimal("4.5.1"), None);
/// ```
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim().replace(',', ".");
    let digits = text.strip_prefix('-').or_else(|| text.strip_prefix('+')).unwrap_or(&text);
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One way of writing every capital of a chart: the unit its largest value takes (亿 / 万, bn / m,
/// млрд / млн) and the decimals that give that value three significant digits, for every bar —
/// "¥8.68 bn" beside "¥2.95 bn", never "¥8.675 bn" beside "¥2.95 bn".
///
/// ```
/// use parkmap::i18n::{CapitalScale, Lang};
/// let scale = CapitalScale::for_largest(8_675_000_000, Lang::En);
/// assert_eq!(scale.format(8_675_000_000, Lang::En), "¥8.68 bn");
/// assert_eq!(scale.format(2_950_000_000, Lang::En), "¥2.95 bn");
/// assert_eq!(scale.format(450_000_000, Lang::En), "¥0.45 bn");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CapitalScale {
    divisor: f64,
    unit: &'static str,
    decimals: usize,
}

impl CapitalScale {
    /// The scale a chart whose largest value is `largest_yuan` writes all its values in.
    pub fn for_largest(largest_yuan: u64, lang: Lang) -> Self {
        let (divisor, unit) = match lang {
            Lang::Zh if largest_yuan >= 100_000_000 => (1e8, "亿"),
            Lang::Zh if largest_yuan >= 10_000 => (1e4, "万"),
            Lang::En if largest_yuan >= 1_000_000_000 => (1e9, " bn"),
            Lang::En if largest_yuan >= 1_000_000 => (1e6, " m"),
            Lang::Ru if largest_yuan >= 1_000_000_000 => (1e9, " млрд"),
            Lang::Ru if largest_yuan >= 1_000_000 => (1e6, " млн"),
            _ => return CapitalScale { divisor: 1.0, unit: "", decimals: 0 },
        };
        let value = largest_yuan as f64 / divisor;
        let decimals = if value < 10.0 {
            2
        } else if value < 100.0 {
            1
        } else {
            0
        };
        CapitalScale { divisor, unit, decimals }
    }

    /// `yuan` in this scale: its unit and decimals whatever the value.
    pub fn format(&self, yuan: u64, lang: Lang) -> String {
        if self.divisor <= 1.0 {
            return format!("¥{}", format_int(yuan, lang));
        }
        let value = yuan as f64 / self.divisor;
        format!("¥{}{}", localise_decimal(format!("{value:.*}", self.decimals), lang), self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_fields_show_a_comma_and_every_language_reads_both_separators() {
        assert_eq!(format_decimal(4.5, 1, Lang::Ru), "4,5");
        assert_eq!(format_decimal(4.5, 1, Lang::En), "4.5");
        assert_eq!(format_decimal(4.5, 1, Lang::Zh), "4.5");
        assert_eq!(format_decimal(10.0, 2, Lang::Ru), "10");
        assert_eq!(format_decimal(12.25, 2, Lang::Ru), "12,25");
        assert_eq!(format_decimal(f64::NAN, 1, Lang::En), "0");
        for (typed, value) in
            [("4,5", 4.5), ("4.5", 4.5), (" 15 ", 15.0), ("0,25", 0.25), (",5", 0.5), ("-2", -2.0)]
        {
            assert_eq!(parse_decimal(typed), Some(value), "{typed:?}");
        }
        for typed in ["", " ", "4,5,1", "4.5,1", "abc", "4 5", "1e3", "inf", "NaN", ".", "-", "4км"] {
            assert_eq!(parse_decimal(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn what_a_field_shows_it_reads_back() {
        for lang in Lang::ALL {
            for v in [1.0, 4.5, 9.5, 10.0, 15.0, 22.5, 40.0] {
                assert_eq!(parse_decimal(&format_decimal(v, 1, lang)), Some(v), "{v} in {lang:?}");
            }
        }
    }

    #[test]
    fn a_chart_writes_every_value_with_its_largest_value_s_unit_and_decimals() {
        let values = [8_675_000_000u64, 2_950_000_000, 1_000_000_000, 81_000_000];
        let en = CapitalScale::for_largest(values[0], Lang::En);
        let written: Vec<String> = values.iter().map(|&v| en.format(v, Lang::En)).collect();
        assert_eq!(written, ["¥8.68 bn", "¥2.95 bn", "¥1.00 bn", "¥0.08 bn"]);
        let ru = CapitalScale::for_largest(values[0], Lang::Ru);
        assert_eq!(ru.format(values[1], Lang::Ru), "¥2,95 млрд");
        let zh = CapitalScale::for_largest(values[0], Lang::Zh);
        let written: Vec<String> = values.iter().map(|&v| zh.format(v, Lang::Zh)).collect();
        assert_eq!(written, ["¥86.8亿", "¥29.5亿", "¥10.0亿", "¥0.8亿"]);
        // three significant digits for the largest, whatever its size
        assert_eq!(
            CapitalScale::for_largest(219_210_000_000, Lang::Zh).format(219_210_000_000, Lang::Zh),
            "¥2192亿"
        );
        assert_eq!(CapitalScale::for_largest(450_000_000, Lang::En).format(45_000_000, Lang::En), "¥45 m");
        // below the smallest unit: whole yuan
        assert_eq!(CapitalScale::for_largest(999, Lang::En).format(999, Lang::En), "¥999");
        assert_eq!(CapitalScale::for_largest(0, Lang::Ru).format(0, Lang::Ru), "¥0");
    }

    #[test]
    fn every_value_of_a_chart_has_the_same_decimals() {
        for lang in Lang::ALL {
            let values = [21_921_000_000u64, 7_000_000_000, 654_321_000, 12_000_000, 0];
            let scale = CapitalScale::for_largest(values[0], lang);
            let decimals: Vec<usize> = values
                .iter()
                .map(|&v| {
                    let s = scale.format(v, lang);
                    s.split(['.', ','])
                        .nth(1)
                        .map_or(0, |d| d.chars().take_while(char::is_ascii_digit).count())
                })
                .collect();
            assert!(decimals.windows(2).all(|w| w[0] == w[1]), "{lang:?}: {decimals:?}");
        }
    }
}
