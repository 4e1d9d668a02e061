//! Matching one entry against one query: the best tier over every field, with coverage.

use super::normalize::{Query, Term};
use super::pinyin_key::{PinyinName, PyQuery};
use super::{Entries, Field, MatchTier};

/// The best match of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub tier: MatchTier,
    /// Share of the matched name the query covers, in ‰.
    pub coverage: u32,
    pub field: Field,
}

/// Weight of one tier step in a score: more than any coverage.
const TIER_STEP: u32 = 10_000;

impl Match {
    /// `tier × 10 000 + coverage`.
    pub(crate) fn score(&self) -> u32 {
        self.tier as u32 * TIER_STEP + self.coverage
    }

    fn beats(&self, other: &Option<Match>) -> bool {
        other.is_none_or(|o| (self.tier, self.coverage) > (o.tier, o.coverage))
    }
}

/// The tier a score was made from.
pub(crate) fn tier_of_score(score: u32) -> MatchTier {
    match score / TIER_STEP {
        5 => MatchTier::Exact,
        4 => MatchTier::Prefix,
        3 => MatchTier::WordPrefix,
        2 => MatchTier::Substring,
        _ => MatchTier::Terms,
    }
}

/// `part` of `whole` in ‰, at most 1000.
fn permille(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 1000;
    }
    (part.saturating_mul(1000) / whole).min(1000) as u32
}

/// Byte position of the first occurrence of `q` in `key` at or after `from`. A plain scan for
/// the first byte then a compare: names are short (tens of bytes), where this beats the two-way
/// searcher of `str::find`. Both are valid UTF-8, so a match always starts on a char boundary.
#[inline(always)]
fn find_from(key: &[u8], q: &[u8], from: usize) -> Option<usize> {
    let n = q.len();
    if n == 0 || key.len() < n {
        return None;
    }
    let (first, last_start) = (q[0], key.len() - n);
    let mut pos = from;
    while pos <= last_start {
        if key[pos] == first {
            let mut k = 1;
            while k < n && key[pos + k] == q[k] {
                k += 1;
            }
            if k == n {
                return Some(pos);
            }
        }
        pos += 1;
    }
    None
}

/// Tier of `q` in a folded, space-separated `key`: exact, prefix, word prefix or substring.
fn text_tier(key: &str, q: &str) -> Option<MatchTier> {
    let (k, qb) = (key.as_bytes(), q.as_bytes());
    let mut pos = find_from(k, qb, 0)?;
    if pos == 0 {
        return Some(if k.len() == qb.len() { MatchTier::Exact } else { MatchTier::Prefix });
    }
    // Overlapping occurrences too: in "xa a a", "a a" starts a word only at its second occurrence.
    loop {
        if k[pos - 1] == b' ' {
            return Some(MatchTier::WordPrefix);
        }
        match find_from(k, qb, pos + 1) {
            Some(next) => pos = next,
            None => return Some(MatchTier::Substring),
        }
    }
}

/// True when `q` starts a word of `key` (or the whole key): how a term of a multi-word query
/// matches English and Russian names.
fn starts_a_word(key: &str, q: &str) -> bool {
    text_tier(key, q).is_some_and(|t| t >= MatchTier::WordPrefix)
}

/// Tier of a Han-only query in a Chinese name (no words there: exact, prefix or substring).
fn zh_tier(zh: &str, q: &str) -> Option<MatchTier> {
    let pos = find_from(zh.as_bytes(), q.as_bytes(), 0)?;
    Some(match (pos, zh.len() == q.len()) {
        (0, true) => MatchTier::Exact,
        (0, false) => MatchTier::Prefix,
        _ => MatchTier::Substring,
    })
}

/// The pinyin match of `q` in `py` when it reaches a tier above `below`: exact keys always
/// (cheap), the reading from the first syllable when `below` is under `Prefix`, from any
/// syllable when it is under `Substring`.
fn pinyin_match(
    py: &PinyinName,
    q: &PyQuery,
    below: Option<MatchTier>,
    scratch: &mut Vec<u64>,
) -> Option<Match> {
    if let Some(initials) = py.exact(q) {
        let field = if initials { Field::PinyinInitials } else { Field::Pinyin };
        return Some(Match { tier: MatchTier::Exact, coverage: 1000, field });
    }
    let open = |tier: MatchTier| below.is_none_or(|b| b < tier);
    let tier = if open(MatchTier::Prefix) && py.find(q, true, scratch) {
        MatchTier::Prefix
    } else if open(MatchTier::Substring) && py.find(q, false, scratch) {
        MatchTier::Substring
    } else {
        return None;
    };
    if q.letters().is_some_and(|l| l.len() >= 2) && py.in_initials(q) {
        let coverage = permille(py.query_len(q), py.initials.len());
        return Some(Match { tier, coverage, field: Field::PinyinInitials });
    }
    Some(Match { tier, coverage: permille(py.query_len(q), py.full.len()), field: Field::Pinyin })
}

/// The best match of `q` in entry `i`, or `None`.
///
/// Fields are tried in the order English, Russian, Chinese, pinyin; a later field replaces the
/// best so far only with a higher tier, or the same tier and a higher coverage. Pinyin readings
/// (the costly part) are only tried when they could reach a higher tier.
pub(crate) fn match_entry(e: &Entries, i: usize, q: &Query, scratch: &mut Vec<u64>) -> Option<Match> {
    let mut best: Option<Match> = None;
    let offer = |m: Match, best: &mut Option<Match>| {
        if m.beats(best) {
            *best = Some(m);
        }
    };
    if e.en.may_hold(q.non_ascii, q.han) {
        let en = e.en.get(i);
        if let Some(tier) = text_tier(en, &q.text) {
            if tier == MatchTier::Exact {
                return Some(Match { tier, coverage: 1000, field: Field::English });
            }
            let coverage = permille(q.text.len(), en.len());
            offer(Match { tier, coverage, field: Field::English }, &mut best);
        }
    }
    if e.ru.may_hold(q.non_ascii, q.han) {
        let ru = e.ru.get(i);
        if let Some(tier) = text_tier(ru, &q.text) {
            offer(
                Match { tier, coverage: permille(q.text.len(), ru.len()), field: Field::Russian },
                &mut best,
            );
        }
    }
    if q.han_only {
        let zh = e.zh.get(i);
        if let Some(tier) = zh_tier(zh, &q.compact) {
            let coverage = permille(q.compact.len(), zh.len());
            offer(Match { tier, coverage, field: Field::Chinese }, &mut best);
        }
    }
    if let Some(py) = &q.py {
        if let Some(m) = pinyin_match(&e.py.name(i), py, best.map(|b| b.tier), scratch) {
            offer(m, &mut best);
        }
    }
    if best.is_none() && q.terms.len() > 1 {
        best = terms_match(e, i, &q.terms, scratch);
    }
    best
}

/// The every-term-somewhere fallback: each term must start a word of the English or Russian
/// name, occur in the Chinese name (Han terms), or be read from some syllable of its pinyin.
fn terms_match(e: &Entries, i: usize, terms: &[Term], scratch: &mut Vec<u64>) -> Option<Match> {
    let (en, ru, zh) = (e.en.get(i), e.ru.get(i), e.zh.get(i));
    let mut first = None;
    let mut len = 0;
    for t in terms {
        let non_ascii = !t.text.is_ascii();
        let field = if e.en.may_hold(non_ascii, t.han) && starts_a_word(en, &t.text) {
            Field::English
        } else if t.han && zh.contains(&t.text) {
            Field::Chinese
        } else if t.py.as_ref().is_some_and(|py| e.py.name(i).find(py, false, scratch)) {
            Field::Pinyin
        } else if e.ru.may_hold(non_ascii, t.han) && starts_a_word(ru, &t.text) {
            Field::Russian
        } else {
            return None;
        };
        first.get_or_insert(field);
        len += t.text.len();
    }
    let field = first?;
    Some(Match { tier: MatchTier::Terms, coverage: permille(len, en.len() + zh.len()), field })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tier_orders_exact_prefix_word_prefix_substring() {
        let key = "harbin yiqi technology co ltd";
        assert_eq!(text_tier(key, key), Some(MatchTier::Exact));
        assert_eq!(text_tier(key, "harb"), Some(MatchTier::Prefix));
        assert_eq!(text_tier(key, "yiqi tech"), Some(MatchTier::WordPrefix));
        assert_eq!(text_tier(key, "iqi"), Some(MatchTier::Substring));
        assert_eq!(text_tier(key, "tech yiqi"), None);
        assert_eq!(text_tier("cox co", "co"), Some(MatchTier::Prefix));
        // a later occurrence at a word start still counts as a word prefix
        assert_eq!(text_tier("axb b", "b"), Some(MatchTier::WordPrefix));
        assert_eq!(text_tier("xa a a", "a a"), Some(MatchTier::WordPrefix));
        assert_eq!(text_tier("", "a"), None);
        assert_eq!(text_tier("哈尔滨 华为", "华为"), Some(MatchTier::WordPrefix));
    }

    #[test]
    fn find_from_finds_overlapping_and_multibyte_occurrences() {
        assert_eq!(find_from(b"aaa", b"aa", 0), Some(0));
        assert_eq!(find_from(b"aaa", b"aa", 1), Some(1));
        assert_eq!(find_from(b"aaa", b"aa", 2), None);
        assert_eq!(find_from(b"ab", b"abc", 0), None);
        assert_eq!(find_from("哈尔滨华为".as_bytes(), "华为".as_bytes(), 0), Some(9));
        assert_eq!(zh_tier("哈尔滨华为", "华为"), Some(MatchTier::Substring));
        assert_eq!(zh_tier("华为", "华为"), Some(MatchTier::Exact));
    }

    #[test]
    fn score_round_trips_its_tier_and_ranks_tier_before_coverage() {
        for tier in [
            MatchTier::Terms,
            MatchTier::Substring,
            MatchTier::WordPrefix,
            MatchTier::Prefix,
            MatchTier::Exact,
        ] {
            let m = Match { tier, coverage: 1000, field: Field::English };
            assert_eq!(tier_of_score(m.score()), tier);
        }
        let low = Match { tier: MatchTier::Substring, coverage: 1000, field: Field::English };
        let high = Match { tier: MatchTier::WordPrefix, coverage: 0, field: Field::English };
        assert!(high.score() > low.score());
    }
}
