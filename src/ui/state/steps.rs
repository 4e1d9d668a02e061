//! The selections a visitor makes before the session chunk (which writes the URL) is in: kept, so
//! that the chunk writes each as a history step when it arrives and Back returns to them too.

use super::{AppState, Selection};
use crate::feature::FeatureRef;
use leptos::prelude::*;

/// The most selections kept for the history before the session chunk is in.
const MAX_UNWRITTEN_STEPS: usize = 32;

impl AppState {
    /// Keeps a selection the visitor made before the session chunk was in (see `unwritten`).
    pub(super) fn unwritten_step(&self, sel: Option<&Selection>) {
        if self.chunks.session.face_untracked().is_none() {
            let step = sel.and_then(Selection::feature).cloned();
            // Bounded: should the session chunk never come, the steps do not pile up.
            self.unwritten.update_value(|steps| {
                if steps.len() < MAX_UNWRITTEN_STEPS {
                    steps.push(step)
                }
            });
        }
    }

    /// The selections made before the session chunk was in, oldest first (taken: a second call
    /// returns none).
    pub fn take_unwritten_steps(&self) -> Vec<Option<FeatureRef>> {
        let mut steps = Vec::new();
        self.unwritten.update_value(|kept| steps = std::mem::take(kept));
        steps
    }
}
