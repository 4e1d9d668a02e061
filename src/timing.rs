//! User Timing marks, for the browser only: below both the UI and the downloads ([`crate::fetch`]),
//! so neither needs the other to say where a load spends its time.

/// Records a User Timing mark `parkmap:<name>` (DevTools' Performance panel and
/// `bench/timeline.mjs` show them): where a load spends its time.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("parkmap:{name}"));
    }
}
