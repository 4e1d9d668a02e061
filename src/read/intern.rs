//! One shared copy of each repeated value while a layer is read: 50 000 companies name a dozen
//! zones and sectors, and generated or bulk-exported data repeats addresses and descriptions. The
//! park keeps `Arc`s to the shared copies, so a repeat costs a pointer, not a string.

use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

use crate::model::Text;

/// The distinct values met so far in one layer.
#[derive(Default)]
pub(crate) struct Interner {
    strs: HashSet<Arc<str>>,
    texts: HashSet<Arc<Text>>,
}

impl Interner {
    /// The shared copy of `s`.
    pub(crate) fn str(&mut self, s: String) -> Arc<str> {
        if let Some(shared) = self.strs.get(s.as_str()) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = s.into();
        self.strs.insert(Arc::clone(&shared));
        shared
    }

    /// The shared copy of `t`.
    pub(crate) fn text(&mut self, t: Text) -> Arc<Text> {
        if let Some(shared) = self.texts.get(&t) {
            return Arc::clone(shared);
        }
        let shared = Arc::new(t);
        self.texts.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_one_copy_and_different_ones_do_not() {
        let mut i = Interner::default();
        let (a, b, c) = (i.str("z01".into()), i.str("z01".into()), i.str("z02".into()));
        assert!(Arc::ptr_eq(&a, &b) && !Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("z01", "z02"));
        let text = |en: &str| Text { zh: "地址".into(), en: en.into(), ru: None };
        let (x, y, z) = (i.text(text("No. 1")), i.text(text("No. 1")), i.text(text("No. 2")));
        assert!(Arc::ptr_eq(&x, &y) && !Arc::ptr_eq(&x, &z));
        assert_eq!(z.en, "No. 2");
    }
}
