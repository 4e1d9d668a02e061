//! Percent-encoding for query values (RFC 3986 §2.1), small enough to own instead of pulling in a URL crate.

/// Bytes written as they are: RFC 3986 unreserved characters plus the separators the embed parameters use
/// inside a value (`,` `;` `:`) and `/`, all of which are legal in a query and keep links readable.
fn is_kept(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~,;:/".contains(&b)
}

/// Percent-encodes `s` as UTF-8 for use as a query value: everything but [`is_kept`] bytes becomes `%XX`
/// (upper-case hex), so `&`, `=`, `#`, `+`, `%`, spaces and non-ASCII text can never change the URL's shape.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_kept(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 0xF)]));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space, as in `application/x-www-form-urlencoded` and the browser's
/// `URLSearchParams`). `None` for a broken escape (`%4`, `%zz`) or bytes that are not UTF-8.
pub(crate) fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hi = char::from(hex[0]).to_digit(16)?;
                let lo = char::from(hex[1]).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_escaped_and_separators_kept() {
        assert_eq!(encode("a b&c=d#e+f%g"), "a%20b%26c%3Dd%23e%2Bf%25g");
        assert_eq!(encode("https://a.example,x;y"), "https://a.example,x;y");
        assert_eq!(encode("深哈"), "%E6%B7%B1%E5%93%88");
    }

    #[test]
    fn decoding_reverses_encoding_and_reads_plus_as_space() {
        for s in ["a b&c=d#e+f%g", "深哈 产业园", "", "~-._"] {
            assert_eq!(decode(&encode(s)).as_deref(), Some(s));
        }
        assert_eq!(decode("a+b%2Bc").as_deref(), Some("a b+c"));
        assert_eq!(decode("%e6%b7%b1").as_deref(), Some("深"));
    }

    #[test]
    fn broken_escapes_and_invalid_utf8_are_refused() {
        for bad in ["%", "%4", "%zz", "a%g1", "%FF", "%C3"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
