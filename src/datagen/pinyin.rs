//! The pinyin table the app fetches for search (`public/search/pinyin.bin`), made from the `pinyin`
//! crate so that the crate's tables stay out of the wasm (see [`crate::search::PinyinTable`]).

use pinyin::ToPinyinMulti;

pub use crate::search::PINYIN_TABLE_PATH;
use crate::search::{is_han, typed_spellings, PinyinTable};

/// The readings of every Han character of the Basic Multilingual Plane (the unified ideographs,
/// extension A and the compatibility ideographs) as the search matcher uses them: the usual
/// toneless reading, then the first later one that is spelled differently once `ü` is also spelled
/// `v` and `u` (so `绿`, read `lǜ` and `lù`, keeps only `lü`, which is spelled `lu` anyway).
///
/// The supplementary planes' extensions (B to G, 23 000 rare characters the crate reads) are left
/// out: they would double the table, and names that need them are matched by their characters.
pub fn pinyin_table() -> PinyinTable {
    let chars = (0..=0xFFFF).filter_map(char::from_u32).filter(|&c| is_han(c)).filter_map(|c| {
        let multi = c.to_pinyin_multi()?;
        let mut kept: Vec<&'static str> = Vec::new();
        for p in multi {
            let plain = p.plain();
            let known: Vec<String> = kept.iter().flat_map(|k| typed_spellings(k)).collect();
            if !typed_spellings(plain).iter().all(|s| known.contains(s)) {
                kept.push(plain);
            }
            if kept.len() == 2 {
                break;
            }
        }
        Some((c, kept))
    });
    PinyinTable::from_readings(chars).expect("the pinyin crate's readings are toneless syllables")
}
