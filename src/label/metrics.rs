//! Text extents: how wide a string is and how tall a line, per label class. The browser measures
//! (canvas `measureText` in the label's font) and fills a [`MetricsTable`]; tests and benchmarks use
//! [`EmMetrics`], a fixed per-character estimate.

use std::collections::HashMap;

use super::LabelClass;

/// Measures text in the font of a label class, in CSS pixels.
pub trait TextMeasure {
    /// Advance width of `text` set on one line.
    fn width(&self, class: LabelClass, text: &str) -> f64;
    /// Height of one line (the label's box is this times the number of lines).
    fn line_height(&self, class: LabelClass) -> f64;
}

/// True for characters set on a full em and breakable between: CJK ideographs, kana, Hangul, CJK
/// punctuation and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// A fixed estimate: every CJK character is `cjk_em` wide, every other character `other_em`, at
/// `font_px` for every class. Plausible for a sans-serif UI font; exact for nothing.
///
/// ```
/// use parkmap::label::{EmMetrics, LabelClass, TextMeasure};
/// let m = EmMetrics::new(13.0);
/// assert_eq!(m.width(LabelClass::Zone, "数字经济"), 52.0); // 4 × 1 em × 13 px
/// assert!((m.width(LabelClass::Zone, "Park") - 4.0 * 0.55 * 13.0).abs() < 1e-9);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmMetrics {
    /// Font size in CSS pixels.
    pub font_px: f64,
    /// Width of a Latin, Cyrillic or other non-CJK character, in em.
    pub other_em: f64,
    /// Width of a CJK character, in em.
    pub cjk_em: f64,
    /// Line height, in em.
    pub line_em: f64,
}

impl EmMetrics {
    /// 0.55 em per Latin or Cyrillic character, 1 em per CJK character, lines 1.25 em.
    pub fn new(font_px: f64) -> Self {
        Self { font_px, other_em: 0.55, cjk_em: 1.0, line_em: 1.25 }
    }
}

impl TextMeasure for EmMetrics {
    fn width(&self, _class: LabelClass, text: &str) -> f64 {
        let em: f64 = text.chars().map(|c| if is_cjk(c) { self.cjk_em } else { self.other_em }).sum();
        em * self.font_px
    }

    fn line_height(&self, _class: LabelClass) -> f64 {
        self.line_em * self.font_px
    }
}

/// Widths measured elsewhere (the browser), looked up by class and exact string; strings not in the
/// table fall back to an [`EmMetrics`] estimate.
///
/// To fill it, measure each label's text and each line of [`super::wrap::splits`] of it.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricsTable {
    widths: HashMap<(LabelClass, String), f64>,
    line_heights: HashMap<LabelClass, f64>,
    fallback: EmMetrics,
}

impl MetricsTable {
    /// An empty table answering from `fallback` until filled.
    pub fn new(fallback: EmMetrics) -> Self {
        Self { widths: HashMap::new(), line_heights: HashMap::new(), fallback }
    }

    /// Records the measured width of `text` in `class`'s font (non-finite or negative is ignored).
    pub fn insert(&mut self, class: LabelClass, text: &str, width: f64) {
        if width.is_finite() && width >= 0.0 {
            self.widths.insert((class, text.to_owned()), width);
        }
    }

    /// Records the line height of `class`'s font (non-finite or non-positive is ignored).
    pub fn set_line_height(&mut self, class: LabelClass, height: f64) {
        if height.is_finite() && height > 0.0 {
            self.line_heights.insert(class, height);
        }
    }

    /// True when `text` has a measured width for `class`.
    pub fn contains(&self, class: LabelClass, text: &str) -> bool {
        self.widths.contains_key(&(class, text.to_owned()))
    }
}

impl TextMeasure for MetricsTable {
    fn width(&self, class: LabelClass, text: &str) -> f64 {
        // The key is owned; a label's text is short, so the allocation is cheap next to placement.
        match self.widths.get(&(class, text.to_owned())) {
            Some(&w) => w,
            None => self.fallback.width(class, text),
        }
    }

    fn line_height(&self, class: LabelClass) -> f64 {
        self.line_heights.get(&class).copied().unwrap_or_else(|| self.fallback.line_height(class))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_a_full_em_and_cyrillic_is_not() {
        let m = EmMetrics::new(10.0);
        assert_eq!(m.width(LabelClass::Poi, "园区"), 20.0);
        assert!((m.width(LabelClass::Poi, "Парк") - 22.0).abs() < 1e-9);
        assert!(is_cjk('，') && is_cjk('ア') && !is_cjk('Ж') && !is_cjk('a'));
    }

    #[test]
    fn the_table_answers_what_it_was_told_and_estimates_the_rest() {
        let mut t = MetricsTable::new(EmMetrics::new(13.0));
        t.insert(LabelClass::Zone, "Harbin", 40.5);
        t.insert(LabelClass::Zone, "bad", f64::NAN);
        t.set_line_height(LabelClass::Zone, 17.0);
        assert_eq!(t.width(LabelClass::Zone, "Harbin"), 40.5);
        assert!(!t.contains(LabelClass::Zone, "bad"));
        assert_eq!(t.width(LabelClass::Poi, "Harbin"), EmMetrics::new(13.0).width(LabelClass::Poi, "Harbin"));
        assert_eq!(t.line_height(LabelClass::Zone), 17.0);
        assert_eq!(t.line_height(LabelClass::Trail), 13.0 * 1.25);
    }
}
