//! The search's results for the box's query: the options of its listbox, the message when nothing
//! matches, and the pinyin table's download.

use super::SearchFace;
use crate::feature::{FeatureKind, FeatureRef};
use crate::i18n::{t, Lang};
use crate::retry::RetryPolicy;
use crate::search::{HitKind, IncrementalSearch, PinyinTable, PINYIN_TABLE_PATH};
use crate::ui::state::{AppState, SearchState, Selection};
use leptos::prelude::*;

/// Results shown at most.
const LIMIT: usize = 8;

/// One option of the listbox.
#[derive(Clone, PartialEq)]
struct Hit {
    sel: Selection,
    name: String,
    other: String,
    kind: &'static str,
}

/// The longest the pinyin table waits for an idle moment once it has arrived.
const PINYIN_WITHIN: std::time::Duration = std::time::Duration::from_secs(1);

/// Fetches the pinyin table — once — and reads it at the next idle moment after that (at most a
/// second later); the index is built on it (an empty table where it could not be had: two 5 s
/// attempts).
pub(super) async fn load_pinyin(search: SearchState) {
    let policy = RetryPolicy { attempts: 2, timeout_ms: 5_000, ..RetryPolicy::default() };
    let bytes = crate::fetch::fetch_bytes(PINYIN_TABLE_PATH, "pinyin.bin", policy).await;
    let (idle, now) = futures::channel::oneshot::channel::<()>();
    crate::ui::browser::when_idle(PINYIN_WITHIN, move || {
        let _ = idle.send(());
    });
    let _ = now.await;
    let table = match bytes {
        Ok(bytes) => PinyinTable::parse(&bytes).map_err(|e| format!("{PINYIN_TABLE_PATH}: {e}")),
        Err(e) => Err(e.to_string()),
    };
    let table = table.unwrap_or_else(|e| {
        leptos::logging::warn!("pinyin search is off: {e}");
        PinyinTable::empty()
    });
    search.set_pinyin(table);
}

/// The face: the options for the box's query (incremental as it grows), choosing one, and the
/// message when nothing matches.
pub(super) fn face(state: AppState, search: SearchState) -> SearchFace {
    let incremental = StoredValue::new(IncrementalSearch::new());
    let results = Memo::new(move |_| {
        let q = state.search.query().get();
        let lang = state.lang().get();
        let Some(index) = search.index() else { return Vec::new() };
        let park = state.park().get_untracked();
        let hits = incremental.try_update_value(|s| s.search(&index, &q, LIMIT)).unwrap_or_default();
        hits.into_iter()
            .filter_map(|h| {
                Some(match h.kind {
                    HitKind::Company => {
                        let c = park.companies.get(h.index)?;
                        let other = if lang == Lang::Zh { c.name.en.clone() } else { c.name.zh.clone() };
                        Hit {
                            sel: Selection::company(c.id.clone()),
                            name: c.name.get(lang).to_owned(),
                            other,
                            kind: "panel.company",
                        }
                    }
                    HitKind::Zone => {
                        let z = park.zones.get(h.index)?;
                        Hit {
                            sel: Selection::Feature(FeatureRef::new(FeatureKind::Zone, z.id.clone())),
                            name: z.name.get(lang).to_owned(),
                            other: String::new(),
                            kind: "panel.zone",
                        }
                    }
                    HitKind::Poi => {
                        let p = park.pois.get(h.index)?;
                        Hit {
                            sel: Selection::Feature(FeatureRef::new(FeatureKind::Poi, p.id.clone())),
                            name: p.name.get(lang).to_owned(),
                            other: t(lang, &format!("poi.{}", p.kind.key())).to_owned(),
                            kind: "panel.poi",
                        }
                    }
                })
            })
            .collect::<Vec<_>>()
    });
    let choose = Callback::new(move |i: usize| {
        let hit = results.with_untracked(|r| r.get(i).cloned())?;
        state.select(hit.sel);
        Some(hit.name)
    });
    let options = move || {
        let lang = state.lang().get();
        let active = state.search.active();
        results
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, o)| {
                view! {
                    <li id=format!("search-option-{i}") class="search__option" role="option"
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        on:mousedown=move |ev: web_sys::MouseEvent| {
                            ev.prevent_default();
                            if let Some(name) = choose.run(i) { state.search.chosen(name); }
                        }>
                        <span class="search__name">{o.name}</span>
                        <span class="search__meta">{format!("{} {}", t(lang, o.kind), o.other)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    // Said only once the index is built (an index still building is not "no match"), for a query
    // with something in it; the element stays in the DOM so a screen reader hears it change.
    let empty = move || {
        let q = state.search.query().get();
        let q = q.trim();
        let none = !q.is_empty()
            && state.search.open().get()
            && search.index().is_some()
            && results.with(Vec::is_empty);
        none.then(|| q.to_owned())
    };
    let status = move || {
        view! {
            <div class="search__status" role="status">
                {move || empty().map(|q| {
                    let lang = state.lang().get();
                    view! {
                        <div class="search__none">
                            <p class="search__empty">{no_match(lang, &q)}</p>
                            <p class="search__hint">{no_match_hint(lang)}</p>
                        </div>
                    }
                })}
            </div>
        }
    };
    SearchFace {
        options: ViewFn::from(options),
        status: ViewFn::from(status),
        count: Signal::derive(move || results.with(Vec::len)),
        choose,
    }
}

/// "No company, zone or facility matches “q”" in `lang`. The search chunk's own strings: only it
/// says them, so they are not in the first module's table.
fn no_match(lang: Lang, q: &str) -> String {
    match lang {
        Lang::En => format!("No company, zone or facility matches \u{201c}{q}\u{201d}"),
        Lang::Zh => format!("没有与\u{201c}{q}\u{201d}匹配的企业、分区或设施"),
        Lang::Ru => format!("Нет компании, зоны или объекта по запросу \u{ab}{q}\u{bb}"),
    }
}

/// What does work, under the no-match message.
fn no_match_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Try a name in Chinese characters, pinyin (or its initials), English or Russian.",
        Lang::Zh => "可输入中文名称、拼音（或首字母）、英文或俄文名称。",
        Lang::Ru => {
            "Введите название иероглифами, пиньинем (или его первыми буквами), по-английски или по-русски."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_match_quotes_the_query_in_every_language() {
        for lang in Lang::ALL {
            assert!(no_match(lang, "zzzqx").contains("zzzqx"), "{lang:?}");
            assert!(!no_match_hint(lang).is_empty());
        }
        assert_eq!(no_match(Lang::En, "zzzqx"), "No company, zone or facility matches \u{201c}zzzqx\u{201d}");
    }
}
