//! Text folding shared by the index and the query, so both sides of a comparison are folded the
//! same way: lower case, punctuation folded to single spaces, `ё` read as `е`.

use super::pinyin_key::{PyItem, PyQuery};

/// True for CJK unified ideographs (basic block, extension A, compatibility ideographs and the
/// supplementary planes' extensions): the characters that have a pinyin reading.
#[inline(always)]
pub(crate) fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x2_0000..=0x3_134F)
}

/// One character lower-cased and folded (`ё` → `е`), pushed onto `out`.
#[inline(always)]
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() || is_han(c) {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        out.push(if l == 'ё' { 'е' } else { l });
    }
}

/// `char::is_alphanumeric` with the common cases first: its Unicode table look-up is slow, and
/// names are mostly ASCII and Han.
#[inline(always)]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_han(c) || c.is_alphanumeric()
    }
}

/// Lower-cases `s` and folds every run of non-alphanumeric characters (spaces, punctuation, `&`,
/// Chinese brackets) to one space, trimmed: `"Qi Anxin Co., Ltd."` → `"qi anxin co ltd"`.
pub(crate) fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if is_word_char(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            push_folded(&mut out, c);
        } else {
            gap = true;
        }
    }
    out
}

/// [`fold_words`] without the spaces: how a Chinese name is compared (`"华 为"` reads as `"华为"`).
pub(crate) fn fold_compact(s: &str) -> String {
    fold_words(s).chars().filter(|&c| c != ' ').collect()
}

/// One search term: a run of the query between spaces and script changes (Han / not Han).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    /// The folded text of the term.
    pub text: String,
    /// True when the term is all Han characters.
    pub han: bool,
    /// The term as a pinyin query, when it is made of ASCII letters and digits only.
    pub py: Option<PyQuery>,
}

/// A parsed query: folded once per keystroke, then matched against every entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Query {
    /// Folded words separated by single spaces (see [`fold_words`]); empty for a blank query.
    pub text: String,
    /// `text` without spaces, for Chinese names.
    pub compact: String,
    /// Every character (spaces aside) is Han: matched against Chinese names as a substring.
    pub han_only: bool,
    /// The text has a non-ASCII character.
    pub non_ascii: bool,
    /// The text has a Han character.
    pub han: bool,
    /// The whole query as a pinyin query (Han characters and ASCII letters/digits only, at least one
    /// ASCII): matched against the syllables of Chinese names, mixed script included (`华w`).
    pub py: Option<PyQuery>,
    /// The terms, for the every-term-somewhere fallback.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses and folds a raw query.
    pub(crate) fn parse(raw: &str) -> Query {
        let text = fold_words(raw);
        let compact: String = text.chars().filter(|&c| c != ' ').collect();
        let han_only = !compact.is_empty() && compact.chars().all(is_han);
        let py = if han_only { None } else { pinyin_query(&text) };
        let terms = split_terms(&text);
        let non_ascii = !text.is_ascii();
        let han = non_ascii && text.chars().any(is_han);
        Query { text, compact, han_only, non_ascii, han, py, terms }
    }

    /// True when the query has nothing to look for (empty, or only spaces and punctuation).
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The folded text as a pinyin query, or `None` when it holds anything but Han characters and
/// ASCII letters/digits, or no ASCII at all (then the Chinese substring match covers it).
fn pinyin_query(text: &str) -> Option<PyQuery> {
    let mut items = Vec::with_capacity(text.len());
    let mut boundary = Vec::with_capacity(text.len());
    let mut space = false;
    let mut any_ascii = false;
    for c in text.chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        let item = if c.is_ascii_alphanumeric() {
            any_ascii = true;
            PyItem::Ascii(c as u8)
        } else if is_han(c) {
            PyItem::Han(c)
        } else {
            return None;
        };
        boundary.push(space && !items.is_empty());
        items.push(item);
        space = false;
    }
    any_ascii.then(|| PyQuery::new(items, boundary))
}

/// Splits folded text at spaces and at every change between Han and other characters.
fn split_terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut start = 0;
        let mut prev: Option<bool> = None;
        for (i, c) in word.char_indices() {
            let han = is_han(c);
            if prev.is_some_and(|p| p != han) {
                terms.push(term(&word[start..i]));
                start = i;
            }
            prev = Some(han);
        }
        terms.push(term(&word[start..]));
    }
    terms
}

fn term(text: &str) -> Term {
    let han = text.chars().all(is_han);
    let py = if text.bytes().all(|b| b.is_ascii_alphanumeric()) { pinyin_query(text) } else { None };
    Term { text: text.to_string(), han, py }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_words_lowercases_and_folds_punctuation_to_single_spaces() {
        assert_eq!(
            fold_words("Heilongjiang Xiangkai Aerospace Co., Ltd."),
            "heilongjiang xiangkai aerospace co ltd"
        );
        assert_eq!(fold_words("  Science & Innovation HQ  "), "science innovation hq");
        assert_eq!(fold_words("Шэньчжэнь-Харбинский Ёлка"), "шэньчжэнь харбинский елка");
        assert_eq!(fold_words("哈尔滨（松北）"), "哈尔滨 松北");
        assert_eq!(fold_words(" \t ,. "), "");
    }

    #[test]
    fn query_splits_terms_at_spaces_and_script_changes() {
        let q = Query::parse("华为 Cloud5g");
        let texts: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["华为", "cloud5g"]);
        let q = Query::parse("华w");
        let texts: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["华", "w"]);
        assert!(q.py.is_some() && !q.han_only);
    }

    #[test]
    fn han_only_query_has_no_pinyin_form_and_blank_query_is_blank() {
        let q = Query::parse("华 为");
        assert!(q.han_only && q.py.is_none());
        assert_eq!(q.compact, "华为");
        assert!(Query::parse("   ").is_blank());
        assert!(Query::parse("—").is_blank());
    }

    #[test]
    fn cyrillic_query_has_no_pinyin_form() {
        assert!(Query::parse("харбин").py.is_none());
        assert!(Query::parse("hua wei").py.is_some());
    }
}
