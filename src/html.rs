//! Text for HTML, SVG and XML markup written as strings (the iframe snippet, the world layers, the
//! pre-render, GPX): every text from data goes through [`escape`].

/// Escapes text for element content and for a double- or single-quoted attribute value: `&`, `<`,
/// `>`, `"` and `'`.
///
/// ```
/// use parkmap::html::escape;
/// assert_eq!(escape(r#"a "b" <c> & 'd'"#), "a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
