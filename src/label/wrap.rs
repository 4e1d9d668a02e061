//! Breaking a label into two lines: at a space, or between CJK characters (never inside a Latin
//! or Cyrillic word), at the break that makes the wider line narrowest.

use super::metrics::{is_cjk, TextMeasure};
use super::LabelClass;

/// Closing punctuation a line must not start with, opening punctuation it must not end with.
const NO_LINE_START: &str = "、，。：；！？）》」』】〕,.:;!?)";
const NO_LINE_END: &str = "（《「『【〔(";

/// Every way to set `text` on two non-empty lines, in text order: split at each run of spaces
/// (the spaces dropped) and between two characters where either is CJK and neither is a space.
/// A line never starts with closing punctuation or ends with opening punctuation.
///
/// The UI measures both lines of each split so that [`best_split`] can choose among them.
///
/// ```
/// use parkmap::label::wrap::splits;
/// assert_eq!(splits("Bus stop A"), [("Bus".to_owned(), "stop A".to_owned()), ("Bus stop".to_owned(), "A".to_owned())]);
/// assert_eq!(splits("松北站").len(), 2);
/// assert!(splits("Harbin").is_empty());
/// ```
pub fn splits(text: &str) -> Vec<(String, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = chars[i - 1].1;
        if c == ' ' {
            // a run of spaces is one break
            let mut j = i;
            while j < chars.len() && chars[j].1 == ' ' {
                j += 1;
            }
            let (a, b) = (text[..at].trim_end(), chars.get(j).map_or("", |&(k, _)| &text[k..]));
            if !a.is_empty() && !b.is_empty() {
                out.push((a.to_owned(), b.trim_end().to_owned()));
            }
            i = j + 1;
            continue;
        }
        if prev != ' '
            && (is_cjk(prev) || is_cjk(c))
            && !NO_LINE_START.contains(c)
            && !NO_LINE_END.contains(prev)
        {
            out.push((text[..at].to_owned(), text[at..].to_owned()));
        }
        i += 1;
    }
    out
}

/// The two-line setting of `text` whose wider line is narrowest (among equals the last, so the
/// first line is the longer one, as typesetters prefer), with that width; `None` when the text cannot be broken.
///
/// ```
/// use parkmap::label::{wrap::best_split, EmMetrics, LabelClass};
/// let (lines, _) = best_split(LabelClass::Zone, "Digital Economy Cluster", &EmMetrics::new(13.0)).unwrap();
/// assert_eq!(lines, ["Digital Economy".to_owned(), "Cluster".to_owned()]);
/// let (lines, _) = best_split(LabelClass::Zone, "数字经济产业区", &EmMetrics::new(13.0)).unwrap();
/// assert_eq!(lines, ["数字经济".to_owned(), "产业区".to_owned()]);
/// ```
pub fn best_split(class: LabelClass, text: &str, measure: &impl TextMeasure) -> Option<([String; 2], f64)> {
    let mut best: Option<([String; 2], f64)> = None;
    for (a, b) in splits(text) {
        let w = measure.width(class, &a).max(measure.width(class, &b));
        if !w.is_finite() {
            continue;
        }
        if best.as_ref().is_none_or(|(_, bw)| w <= *bw) {
            best = Some(([a, b], w));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::EmMetrics;

    fn pairs(text: &str) -> Vec<(String, String)> {
        splits(text)
    }

    #[test]
    fn latin_and_cyrillic_break_only_at_spaces() {
        assert_eq!(pairs("a  b").len(), 1);
        assert_eq!(pairs("Кластер цифровой экономики").len(), 2);
        assert!(pairs(" lead").is_empty(), "{:?}", pairs(" lead"));
        let m = EmMetrics::new(13.0);
        let (lines, _) = best_split(LabelClass::Zone, "Кластер цифровой экономики", &m).unwrap();
        assert_eq!(lines, ["Кластер цифровой".to_owned(), "экономики".to_owned()]);
    }

    #[test]
    fn cjk_breaks_between_characters_but_not_before_closing_punctuation() {
        let s = pairs("园区（北）");
        assert!(s.iter().all(|(a, b)| !a.ends_with('（') && !b.starts_with('）')), "{s:?}");
        assert!(s.contains(&("园区".to_owned(), "（北）".to_owned())));
        // mixed: a break between "5G" and a CJK character, none inside "5G"
        let s = pairs("5G园区");
        assert_eq!(s.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(), ["5G", "5G园"]);
    }

    #[test]
    fn the_narrowest_wider_line_wins() {
        let m = EmMetrics::new(10.0);
        let (lines, w) = best_split(LabelClass::Zone, "新一代信息技术与网络安全谷", &m).unwrap();
        assert_eq!(w, 70.0);
        assert_eq!(lines[0].chars().count(), 7);
        assert!(best_split(LabelClass::Zone, "Harbin", &m).is_none());
    }
}
