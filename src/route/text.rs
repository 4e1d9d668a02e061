//! The route planner's own words, in the three languages: a table beside the app's
//! ([`crate::i18n`]) for what only the planner's chunk shows (its printed page, its notes), so they
//! travel with the chunk and cost the map's first module nothing. Same rules as the app's table:
//! sorted by key, every column filled (a test checks).

use crate::i18n::Lang;

/// Every planner-only string: key, then English, Simplified Chinese, Russian.
static TABLE: &[(&str, [&str; 3])] = &[
    (
        "loop.kept",
        [
            "Your other points are kept for “From A to B”.",
            "其余途经点已保留，切换回“从A到B”即可继续使用。",
            "Остальные точки сохранены для режима «Из A в B».",
        ],
    ),
    ("print.link", ["This route", "本路线链接", "Этот маршрут"]),
    ("print.points", ["Points", "途经点", "Точки"]),
    ("print.printed", ["Printed from ParkMap", "打印自 ParkMap", "Напечатано из ParkMap"]),
    ("print.qr", ["QR code of this route's link", "本路线链接的二维码", "QR-код ссылки на этот маршрут"]),
];

fn column(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
        Lang::Ru => 2,
    }
}

/// The planner string `key` in `lang`; `⟦missing⟧` (which the end-to-end tests look for) when the
/// table has no such key.
///
/// ```
/// use parkmap::{i18n::Lang, route::text::rt};
/// assert_eq!(rt(Lang::Ru, "print.link"), "Этот маршрут");
/// ```
pub fn rt(lang: Lang, key: &str) -> &'static str {
    match TABLE.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(i) => TABLE[i].1[column(lang)],
        Err(_) => "⟦missing⟧",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_unique_and_complete() {
        for w in TABLE.windows(2) {
            assert!(w[0].0 < w[1].0, "not sorted or duplicate at {:?}", w[1].0);
        }
        for (k, cols) in TABLE {
            assert!(cols.iter().all(|v| !v.trim().is_empty()), "{k} has an empty column");
        }
        assert_eq!(rt(Lang::Zh, "print.points"), "途经点");
        assert_eq!(rt(Lang::En, "nope"), "⟦missing⟧");
    }
}
