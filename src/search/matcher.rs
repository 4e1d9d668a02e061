//! Matching one entry against one query: the best tier over every field, with coverage.

use super::normalize::{Query, Term};
use super::pinyin_key::{PinyinName, PinyinStore, PyQuery};
use super::{Entry, Field, MatchTier};

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

/// Tier of `q` in a folded, space-separated `key`: exact, prefix, word prefix or substring.
fn text_tier(key: &str, q: &str) -> Option<MatchTier> {
    if key.len() < q.len() {
        return None;
    }
    if key == q {
        return Some(MatchTier::Exact);
    }
    if key.starts_with(q) {
        return Some(MatchTier::Prefix);
    }
    // Overlapping occurrences too: in "xa a a", "a a" starts a word only at its second occurrence.
    let (mut found, mut from) = (None, 0);
    while let Some(off) = key[from..].find(q) {
        let pos = from + off;
        if key.as_bytes()[pos - 1] == b' ' {
            return Some(MatchTier::WordPrefix);
        }
        found = Some(MatchTier::Substring);
        from = pos + key[pos..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Tier of a Han-only query in a Chinese name (no words there: exact, prefix or substring).
fn zh_tier(zh: &str, q: &str) -> Option<MatchTier> {
    if zh == q {
        Some(MatchTier::Exact)
    } else if zh.starts_with(q) {
        Some(MatchTier::Prefix)
    } else if zh.contains(q) {
        Some(MatchTier::Substring)
    } else {
        None
    }
}

/// Best pinyin match of `q` in `py` that could reach at least `floor`.
fn pinyin_match(
    py: &PinyinName,
    store: &PinyinStore,
    q: &PyQuery,
    floor: MatchTier,
    scratch: &mut Vec<u64>,
) -> Option<Match> {
    let initials_field = |letters_len: usize| {
        if letters_len >= 2 && py.in_initials(q) {
            Field::PinyinInitials
        } else {
            Field::Pinyin
        }
    };
    if let Some(initials) = py.exact(q) {
        let field = if initials { Field::PinyinInitials } else { Field::Pinyin };
        return Some(Match { tier: MatchTier::Exact, coverage: 1000, field });
    }
    let tier = if py.find(store, q, true, scratch) {
        MatchTier::Prefix
    } else if floor <= MatchTier::Substring && py.find(store, q, false, scratch) {
        MatchTier::Substring
    } else {
        return None;
    };
    let field = initials_field(q.letters().map_or(0, str::len));
    let coverage = match field {
        Field::PinyinInitials => permille(q.py_len(), py.initials.len()),
        _ => permille(q.py_len(), py.full.len()),
    };
    Some(Match { tier, coverage, field })
}

/// The best match of `q` in `e`, or `None`.
pub(crate) fn match_entry(
    e: &Entry,
    store: &PinyinStore,
    q: &Query,
    scratch: &mut Vec<u64>,
) -> Option<Match> {
    let mut best: Option<Match> = None;
    let offer = |m: Match, best: &mut Option<Match>| {
        if m.beats(best) {
            *best = Some(m);
        }
    };
    if let Some(tier) = text_tier(&e.en, &q.text) {
        offer(Match { tier, coverage: permille(q.text.len(), e.en.len()), field: Field::English }, &mut best);
    }
    if let Some(tier) = e.ru.as_deref().and_then(|ru| text_tier(ru, &q.text)) {
        let ru_len = e.ru.as_deref().map_or(0, str::len);
        offer(Match { tier, coverage: permille(q.text.len(), ru_len), field: Field::Russian }, &mut best);
    }
    if q.han_only {
        if let Some(tier) = zh_tier(&e.zh, &q.compact) {
            offer(
                Match { tier, coverage: permille(q.compact.len(), e.zh.len()), field: Field::Chinese },
                &mut best,
            );
        }
    }
    if let Some(py) = &q.py {
        let floor = best.map_or(MatchTier::Terms, |b| b.tier);
        if floor < MatchTier::Exact {
            if let Some(m) = pinyin_match(&e.py, store, py, floor, scratch) {
                offer(m, &mut best);
            }
        }
    }
    if best.is_none() && q.terms.len() > 1 {
        best = terms_match(e, store, &q.terms, scratch);
    }
    best
}

/// The every-term-somewhere fallback: each term must occur in some field (any position).
fn terms_match(e: &Entry, store: &PinyinStore, terms: &[Term], scratch: &mut Vec<u64>) -> Option<Match> {
    let mut first = None;
    let mut len = 0;
    for t in terms {
        let field = if e.en.contains(&t.text) {
            Field::English
        } else if t.han && e.zh.contains(&t.text) {
            Field::Chinese
        } else if t.py.as_ref().is_some_and(|py| e.py.find(store, py, false, scratch)) {
            Field::Pinyin
        } else if e.ru.as_deref().is_some_and(|ru| ru.contains(&t.text)) {
            Field::Russian
        } else {
            return None;
        };
        first.get_or_insert(field);
        len += t.text.len();
    }
    let field = first?;
    Some(Match { tier: MatchTier::Terms, coverage: permille(len, e.en.len() + e.zh.len()), field })
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
