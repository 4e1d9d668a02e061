//! When and how often a failed download is tried again. Pure, so the schedule is tested natively.

use crate::model::DataError;

/// Bounded retries with exponential backoff and a per-attempt timeout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (at least 1).
    pub attempts: u32,
    /// Pause before the first retry, in milliseconds.
    pub base_delay_ms: u32,
    /// Each further pause is this many times longer.
    pub factor: u32,
    /// An attempt that has not answered after this long is abandoned, in milliseconds.
    pub timeout_ms: u32,
}

impl Default for RetryPolicy {
    /// Three attempts, pauses of 0.4 s and 1.2 s, 15 s per attempt: a layer is given up on after
    /// at most about 47 s, and a passing hiccup costs under 2 s.
    fn default() -> Self {
        Self { attempts: 3, base_delay_ms: 400, factor: 3, timeout_ms: 15_000 }
    }
}

impl RetryPolicy {
    /// The pause before attempt `attempt` (0-based), or `None` when no attempt is left.
    ///
    /// ```
    /// use parkmap::retry::RetryPolicy;
    /// let p = RetryPolicy::default();
    /// assert_eq!((p.delay_before(0), p.delay_before(1), p.delay_before(2), p.delay_before(3)),
    ///            (Some(0), Some(400), Some(1200), None));
    /// ```
    pub fn delay_before(&self, attempt: u32) -> Option<u32> {
        if attempt >= self.attempts.max(1) {
            return None;
        }
        if attempt == 0 {
            return Some(0);
        }
        Some(self.base_delay_ms.saturating_mul(self.factor.saturating_pow(attempt - 1)))
    }
}

/// Whether a failed download is worth another try by itself: network errors, timeouts and the
/// statuses [`is_retryable_status`] names are. A missing or forbidden file, a web page served
/// instead of data and a file that does not parse are not: they would fail the same way again.
pub fn is_retryable(error: &DataError) -> bool {
    match error {
        DataError::Http { status, .. } => is_retryable_status(*status),
        DataError::Unreachable { .. } => true,
        _ => false,
    }
}

/// Transient HTTP statuses: 408 (request timeout), 429 (too many requests) and every 5xx.
///
/// ```
/// use parkmap::retry::is_retryable_status;
/// assert!(is_retryable_status(503) && is_retryable_status(429) && is_retryable_status(408));
/// assert!(!is_retryable_status(404) && !is_retryable_status(403) && !is_retryable_status(400));
/// ```
pub fn is_retryable_status(status: u16) -> bool {
    status == 408 || status == 429 || (500..=599).contains(&status)
}

/// Whether the file could not be downloaded at all (as opposed to arriving broken): the layer then
/// offers a Retry button, whether or not it was retried by itself.
pub fn is_download_failure(error: &DataError) -> bool {
    matches!(error, DataError::Http { .. } | DataError::Unreachable { .. } | DataError::NotData { .. })
}

/// Checks the `Content-Type` of a data file: JSON, GeoJSON, plain text or unknown binary are
/// accepted (static hosts label `.geojson` in many ways); an HTML page (a proxy's error page, a
/// single-page app's fallback) is not.
pub fn content_type_ok(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else { return true };
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    !(mime == "text/html" || mime == "application/xhtml+xml" || mime.starts_with("image/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_are_bounded_and_back_off() {
        let p = RetryPolicy { attempts: 4, base_delay_ms: 100, factor: 2, timeout_ms: 1 };
        let delays: Vec<_> = (0..6).map(|a| p.delay_before(a)).collect();
        assert_eq!(delays, vec![Some(0), Some(100), Some(200), Some(400), None, None]);
        let once = RetryPolicy { attempts: 0, ..p };
        assert_eq!((once.delay_before(0), once.delay_before(1)), (Some(0), None));
    }

    #[test]
    fn only_transient_failures_are_retried() {
        let http = |status| DataError::Http { file: "a".into(), status };
        for status in [408, 429, 500, 502, 503, 504, 599] {
            assert!(is_retryable(&http(status)), "{status}");
        }
        // a missing or forbidden file would be missing again: two wasted requests, 1.6 s
        for status in [400, 401, 403, 404, 410, 451] {
            assert!(!is_retryable(&http(status)), "{status}");
            assert!(is_download_failure(&http(status)), "{status} still offers a Retry button");
        }
        assert!(is_retryable(&DataError::Unreachable { file: "a".into(), reason: "timeout".into() }));
        let page = DataError::NotData { file: "a".into(), content_type: "text/html".into() };
        assert!(!is_retryable(&page) && is_download_failure(&page));
        let json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert!(
            !is_retryable(&DataError::json("a", &json)) && !is_download_failure(&DataError::json("a", &json))
        );
    }

    #[test]
    fn html_is_not_data() {
        assert!(content_type_ok(Some("application/geo+json; charset=utf-8")));
        assert!(content_type_ok(Some("application/json")));
        assert!(content_type_ok(Some("text/plain")));
        assert!(content_type_ok(None));
        assert!(!content_type_ok(Some("text/html; charset=utf-8")));
        assert!(!content_type_ok(Some("TEXT/HTML")));
    }
}
