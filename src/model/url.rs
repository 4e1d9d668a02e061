//! URL rules, as pure string functions (no DOM), so they are tested natively.
//!
//! - `?park=` may name a relative URL, a same-origin absolute URL, or any `https:` URL.
//! - Layer URLs in a manifest are relative to the manifest, or absolute `https:`.
//! - Links taken from data are shown only when they are `http:` or `https:`.

use thiserror::Error;

/// Why a URL was refused.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum UrlError {
    /// The scheme is not allowed here (`javascript:`, `data:`, `file:`, plain `http:` to another origin...).
    #[error("{url:?}: only relative, same-origin or https: URLs are allowed")]
    Refused {
        /// The URL as given.
        url: String,
    },
    /// Empty or containing characters no URL has.
    #[error("{url:?}: not a URL")]
    Malformed {
        /// The URL as given.
        url: String,
    },
}

/// The scheme of an absolute URL, lower-cased (`https`), or `None` for a relative one.
pub fn scheme(url: &str) -> Option<String> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| head.to_ascii_lowercase())
}

/// `scheme://host[:port]` of an absolute URL.
pub fn origin(url: &str) -> Option<String> {
    let s = scheme(url)?;
    let rest = url[s.len() + 1..].strip_prefix("//")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty()).then(|| format!("{s}://{}", host.to_ascii_lowercase()))
}

/// True for a URL that is safe to show as a link: absolute `http:` or `https:` with a host.
///
/// ```
/// use parkmap::model::url::is_http_url;
/// assert!(is_http_url("https://www.huawei.com"));
/// assert!(!is_http_url("javascript:alert(1)"));
/// assert!(!is_http_url(" JaVaScRiPt:alert(1)"));
/// ```
pub fn is_http_url(url: &str) -> bool {
    // What `scheme` and `origin` decide, without their two strings: every company's website passes here.
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    let host = rest.strip_prefix("//").and_then(|r| r.split(['/', '?', '#']).next());
    !has_bad_chars(url)
        && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && host.is_some_and(|h| !h.is_empty())
}

fn has_bad_chars(url: &str) -> bool {
    url.is_empty() || url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// Checks a `?park=` value against the page's URL; returns the manifest URL, made absolute.
pub fn resolve_park_param(param: &str, page_url: &str) -> Result<String, UrlError> {
    if has_bad_chars(param) {
        return Err(UrlError::Malformed { url: param.into() });
    }
    match scheme(param).as_deref() {
        None if param.starts_with("//") => Err(UrlError::Refused { url: param.into() }),
        None => Ok(join(page_url, param)),
        Some("https") if origin(param).is_some() => Ok(param.into()),
        Some("http") if origin(param).is_some() && origin(param) == origin(page_url) => Ok(param.into()),
        Some(_) => Err(UrlError::Refused { url: param.into() }),
    }
}

/// Checks a layer URL from a manifest and resolves it against the manifest's absolute URL.
pub fn resolve_layer_url(layer_url: &str, manifest_url: &str) -> Result<String, UrlError> {
    if has_bad_chars(layer_url) {
        return Err(UrlError::Malformed { url: layer_url.into() });
    }
    match scheme(layer_url).as_deref() {
        None if layer_url.starts_with("//") => Err(UrlError::Refused { url: layer_url.into() }),
        None => Ok(join(manifest_url, layer_url)),
        Some("https") if origin(layer_url).is_some() => Ok(layer_url.into()),
        Some("http") if origin(layer_url).is_some() && origin(layer_url) == origin(manifest_url) => {
            Ok(layer_url.into())
        }
        Some(_) => Err(UrlError::Refused { url: layer_url.into() }),
    }
}

/// Resolves a relative URL against an absolute base (RFC 3986 §5.2, for the path forms a park uses:
/// `a/b`, `./a`, `../a`, `/a`, with `?query` kept).
///
/// ```
/// use parkmap::model::url::join;
/// assert_eq!(join("https://x.cn/data/park.json", "zones.geojson"), "https://x.cn/data/zones.geojson");
/// assert_eq!(join("https://x.cn/data/park.json", "../z.json"), "https://x.cn/z.json");
/// assert_eq!(join("https://x.cn/data/park.json", "/z.json"), "https://x.cn/z.json");
/// ```
pub fn join(base: &str, rel: &str) -> String {
    if scheme(rel).is_some() {
        return rel.to_owned();
    }
    let Some(origin) = origin(base) else { return rel.to_owned() };
    let base_path = &base[origin.len()..];
    let base_path = base_path.split(['?', '#']).next().unwrap_or("");
    let (rel_path, suffix) = match rel.find(['?', '#']) {
        Some(i) => (&rel[..i], &rel[i..]),
        None => (rel, ""),
    };
    let joined = if rel_path.starts_with('/') {
        rel_path.to_owned()
    } else {
        let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{}{}", if dir.is_empty() { "/" } else { dir }, rel_path)
    };
    let mut out: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').skip(1).collect();
    for (i, seg) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("{origin}/{}{suffix}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080/index.html?park=x";

    #[test]
    fn park_param_accepts_relative_same_origin_and_https() {
        assert_eq!(
            resolve_park_param("public/data/park.json", PAGE).unwrap(),
            "http://127.0.0.1:8080/public/data/park.json"
        );
        assert_eq!(
            resolve_park_param("/other/park.json", PAGE).unwrap(),
            "http://127.0.0.1:8080/other/park.json"
        );
        assert_eq!(
            resolve_park_param("http://127.0.0.1:8080/p.json", PAGE).unwrap(),
            "http://127.0.0.1:8080/p.json"
        );
        assert_eq!(
            resolve_park_param("https://partner.example/park.json", PAGE).unwrap(),
            "https://partner.example/park.json"
        );
    }

    #[test]
    fn park_param_refuses_other_schemes_and_origins() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:application/json,{}",
            "file:///etc/passwd",
            "http://evil.example/park.json",
            "//evil.example/park.json",
            "https:no-host",
        ] {
            assert!(matches!(resolve_park_param(bad, PAGE), Err(UrlError::Refused { .. })), "{bad}");
        }
        for bad in ["", "a b.json", "java\tscript:x", "x\\y"] {
            assert!(matches!(resolve_park_param(bad, PAGE), Err(UrlError::Malformed { .. })), "{bad:?}");
        }
    }

    #[test]
    fn layer_urls_resolve_against_the_manifest() {
        let m = "https://x.cn/parks/a/park.json";
        assert_eq!(resolve_layer_url("zones.geojson", m).unwrap(), "https://x.cn/parks/a/zones.geojson");
        assert_eq!(
            resolve_layer_url("./l/z.geojson?v=2", m).unwrap(),
            "https://x.cn/parks/a/l/z.geojson?v=2"
        );
        assert_eq!(resolve_layer_url("../../z.geojson", m).unwrap(), "https://x.cn/z.geojson");
        assert!(resolve_layer_url("http://x.cn/z.geojson", m).is_err());
        assert!(resolve_layer_url("javascript:alert(1)", m).is_err());
    }

    #[test]
    fn only_http_links_are_links() {
        assert!(is_http_url("http://a.example/x"));
        assert!(is_http_url("HTTPS://A.example"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "//a.example",
            "https://",
            "mailto:a@b.c",
            "https://a b",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// The allocation-free check says what `scheme` and `origin` say.
            #[test]
            fn is_http_url_agrees_with_scheme_and_origin(url in "(?i)(https?|ftp|h)?:?(//)?[a-z. /?#]{0,8}") {
                let by_parts = !has_bad_chars(&url)
                    && matches!(scheme(&url).as_deref(), Some("http" | "https"))
                    && origin(&url).is_some();
                prop_assert_eq!(is_http_url(&url), by_parts);
            }
        }
    }
}
