//! Which pages may talk to an embedded map, by exact origin.
//!
//! An origin is `scheme://host[:port]`: `http` or `https`, host lower-cased, the default port (80 for
//! `http`, 443 for `https`) left out. There is no wildcard: `*` and the opaque origin `null` (sandboxed
//! frames, `file:` pages) are never allowed, and a list entry that is not an origin is dropped.

/// Normalises an origin, or a URL that is only an origin plus a trailing `/`, to `scheme://host[:port]`.
/// `None` for anything else: other schemes, user info, a path, query or fragment, a bad port, `null`, `*`.
///
/// ```
/// use parkmap::embed::normalize_origin;
/// assert_eq!(normalize_origin("HTTPS://Partner.Example:443/").as_deref(), Some("https://partner.example"));
/// assert_eq!(normalize_origin("http://127.0.0.1:8080").as_deref(), Some("http://127.0.0.1:8080"));
/// assert_eq!(normalize_origin("https://a.example/page"), None);
/// assert_eq!(normalize_origin("null"), None);
/// ```
pub fn normalize_origin(s: &str) -> Option<String> {
    let (scheme, rest) = s.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = split_host_port(authority)?;
    let host = host.to_ascii_lowercase();
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    if !host_ok {
        return None;
    }
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(p) if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) => None,
        Some(p) => {
            let n: u32 = p.parse().ok()?;
            if n == 0 || n > 65_535 {
                None
            } else if p.trim_start_matches('0') == default_port {
                Some(format!("{scheme}://{host}"))
            } else {
                Some(format!("{scheme}://{host}:{n}"))
            }
        }
    }
}

/// Splits `host[:port]`, keeping an IPv6 literal `[…]` whole.
fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        let (host, tail) = authority.split_at(end);
        match tail {
            "" => Some((host, None)),
            t => Some((host, Some(t.strip_prefix(':')?))),
        }
    } else {
        Some(match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        })
    }
}

/// The origins an embedded map accepts commands from and sends events to.
///
/// Allowed: the map's own origin, the park manifest's `origins`, and the `?origins=` list of the iframe's
/// URL. The last is safe to honour because only the embedding page chooses the iframe's URL: a page can
/// list itself, not make another page's embed talk to it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OriginPolicy {
    page: Option<String>,
    allowed: Vec<String>,
}

impl OriginPolicy {
    /// Builds the policy for a map served from `page_origin`. Entries that are not origins are dropped.
    pub fn new(page_origin: &str, manifest_origins: &[String], param_origins: &[String]) -> Self {
        let mut allowed: Vec<String> =
            manifest_origins.iter().chain(param_origins).filter_map(|o| normalize_origin(o)).collect();
        crate::sort::sort(&mut allowed);
        allowed.dedup();
        Self { page: normalize_origin(page_origin), allowed }
    }

    /// True when a message from `origin` (a `MessageEvent.origin`) may be acted upon.
    ///
    /// ```
    /// use parkmap::embed::OriginPolicy;
    /// let policy = OriginPolicy::new("https://map.example", &["https://partner.example".into()], &[]);
    /// assert!(policy.allows("https://partner.example"));
    /// assert!(policy.allows("https://map.example"));
    /// assert!(!policy.allows("https://evil.example"));
    /// assert!(!policy.allows("null"));
    /// ```
    pub fn allows(&self, origin: &str) -> bool {
        normalize_origin(origin).is_some_and(|o| self.page.as_ref() == Some(&o) || self.allowed.contains(&o))
    }

    /// The exact `targetOrigin` to post events to the parent with, or `None` (post nothing) when the parent
    /// is not allowed. Never `*`.
    pub fn target_origin_for(&self, parent_origin: &str) -> Option<String> {
        normalize_origin(parent_origin).filter(|o| self.allows(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> OriginPolicy {
        OriginPolicy::new(
            "https://map.example",
            &["https://partner.example".into(), "not an origin".into(), "*".into()],
            &["http://localhost:3000".into()],
        )
    }

    #[test]
    fn same_origin_is_always_allowed() {
        assert!(OriginPolicy::new("https://map.example", &[], &[]).allows("https://map.example"));
    }

    #[test]
    fn listed_origins_from_manifest_and_param_are_allowed() {
        assert!(policy().allows("https://partner.example"));
        assert!(policy().allows("http://localhost:3000"));
    }

    #[test]
    fn unlisted_origins_and_lookalikes_are_refused() {
        for o in [
            "https://evil.example",
            "http://partner.example",
            "https://partner.example.evil.example",
            "https://sub.partner.example",
            "http://localhost:3001",
            "http://localhost",
            "",
        ] {
            assert!(!policy().allows(o), "{o}");
        }
    }

    #[test]
    fn null_and_wildcard_are_never_allowed() {
        let p = OriginPolicy::new("null", &["*".into(), "null".into()], &["*".into()]);
        assert!(!p.allows("null"));
        assert!(!p.allows("*"));
        assert!(!p.allows("https://any.example"));
        assert_eq!(p.target_origin_for("null"), None);
    }

    #[test]
    fn default_ports_trailing_slash_and_case_are_normalised() {
        let p = OriginPolicy::new("https://map.example", &["HTTPS://Partner.EXAMPLE:443/".into()], &[]);
        assert!(p.allows("https://partner.example"));
        assert!(p.allows("https://PARTNER.example/"));
        assert!(p.allows("https://partner.example:443"));
        assert!(!p.allows("https://partner.example:8443"));
        assert_eq!(normalize_origin("http://a.example:80").as_deref(), Some("http://a.example"));
        assert_eq!(normalize_origin("http://a.example:443").as_deref(), Some("http://a.example:443"));
        assert_eq!(normalize_origin("http://[::1]:8080").as_deref(), Some("http://[::1]:8080"));
    }

    #[test]
    fn non_origins_are_not_normalised() {
        for s in [
            "https://a.example/path",
            "https://a.example?x",
            "https://a.example#x",
            "https://user@a.example",
            "https://a.example:0",
            "https://a.example:65536",
            "https://a.example:",
            "https://a.example:80a",
            "ftp://a.example",
            "javascript://a.example",
            "https://",
            "https://a b.example",
            "a.example",
        ] {
            assert_eq!(normalize_origin(s), None, "{s}");
        }
    }

    #[test]
    fn events_go_to_the_exact_parent_origin_or_nowhere() {
        assert_eq!(
            policy().target_origin_for("https://Partner.example:443").as_deref(),
            Some("https://partner.example")
        );
        assert_eq!(policy().target_origin_for("https://evil.example"), None);
    }
}
