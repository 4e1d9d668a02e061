//! The `<iframe>` code a partner pastes into their page.

use super::url_state::{to_hash, to_query, UrlState};
use crate::model::url::is_http_url;
use thiserror::Error;

/// A width or height of the iframe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// CSS pixels.
    Px(u32),
    /// Percent of the containing block (at most 100).
    Percent(u8),
}

impl Size {
    fn attr(self) -> String {
        match self {
            Size::Px(n) => n.to_string(),
            Size::Percent(p) => format!("{}%", p.min(100)),
        }
    }
}

/// What the embed dialog lets a partner choose.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// The map page, `http(s)://…`; its own query and fragment are replaced by the state's.
    pub base_url: String,
    /// Iframe width.
    pub width: Size,
    /// Iframe height.
    pub height: Size,
    /// What the embed shows; `embed=1` is always added.
    pub state: UrlState,
    /// The iframe's accessible title (user input: escaped). Blank gives `ParkMap`.
    pub title: String,
}

/// Why no snippet could be made.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SnippetError {
    /// The base URL is not an absolute `http:` or `https:` URL (a `javascript:` src would run in the
    /// partner's page).
    #[error("{url:?}: the map page must be an http(s) URL")]
    BaseUrl {
        /// The URL as given.
        url: String,
    },
}

/// The iframe element for `opts`, every attribute value escaped.
///
/// ```
/// use parkmap::embed::snippet::{iframe_snippet, EmbedOptions, Size};
/// use parkmap::embed::UrlState;
/// let html = iframe_snippet(&EmbedOptions {
///     base_url: "https://map.example/".into(),
///     width: Size::Percent(100),
///     height: Size::Px(480),
///     state: UrlState::default(),
///     title: "Park map".into(),
/// })
/// .unwrap();
/// assert_eq!(
///     html,
///     "<iframe src=\"https://map.example/?embed=1\" width=\"100%\" height=\"480\" loading=\"lazy\" \
///      allow=\"fullscreen; geolocation\" title=\"Park map\" style=\"border:0\" \
///      referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"
/// );
/// ```
pub fn iframe_snippet(opts: &EmbedOptions) -> Result<String, SnippetError> {
    let src = embed_src(&opts.base_url, &opts.state)?;
    let title = if opts.title.trim().is_empty() { "ParkMap" } else { opts.title.trim() };
    Ok(format!(
        "<iframe src=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\" allow=\"fullscreen; geolocation\" \
         title=\"{}\" style=\"border:0\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
        crate::html::escape(&src),
        opts.width.attr(),
        opts.height.attr(),
        crate::html::escape(title),
    ))
}

/// The iframe's `src`: the map page at `base_url` (its own query and hash dropped) showing `state`
/// with `embed=1`. Also what the embed dialog's live preview loads.
pub fn embed_src(base_url: &str, state: &UrlState) -> Result<String, SnippetError> {
    if !is_http_url(base_url) {
        return Err(SnippetError::BaseUrl { url: base_url.to_owned() });
    }
    let base = base_url.split(['?', '#']).next().unwrap_or_default();
    let state = UrlState { embed: true, ..state.clone() };
    Ok(format!("{base}{}{}", to_query(&state), to_hash(&state)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{FeatureRef, MapView};

    fn opts(base_url: &str, title: &str) -> EmbedOptions {
        EmbedOptions {
            base_url: base_url.into(),
            width: Size::Px(600),
            height: Size::Percent(100),
            state: UrlState::default(),
            title: title.into(),
        }
    }

    /// The attribute values of the snippet, split on the quotes that delimit them.
    fn attrs(html: &str) -> Vec<(String, String)> {
        let inner = html.strip_prefix("<iframe ").and_then(|s| s.strip_suffix("></iframe>")).unwrap();
        inner
            .split("\" ")
            .map(|a| a.split_once("=\"").unwrap())
            .map(|(k, v)| (k.into(), v.trim_end_matches('"').into()))
            .collect()
    }

    #[test]
    fn snippet_carries_the_state_with_embed_on() {
        let mut o = opts("https://map.example/index.html?lang=zh#old", "深哈产业园");
        o.state.view = Some(MapView { zoom: 15.0, lat: 45.83, lon: 126.51 });
        o.state.selection = Some(FeatureRef::company("c0001"));
        let html = iframe_snippet(&o).unwrap();
        assert_eq!(
            html,
            "<iframe src=\"https://map.example/index.html?embed=1&amp;sel=company:c0001#map=15/45.83000/126.51000\" \
             width=\"600\" height=\"100%\" loading=\"lazy\" allow=\"fullscreen; geolocation\" title=\"深哈产业园\" \
             style=\"border:0\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"
        );
    }

    #[test]
    fn the_basemap_goes_into_the_snippet() {
        let mut o = opts("https://map.example/", "");
        o.state.tiles = Some("https://t.example/{z}/{x}/{y}.png?a=1&b=\"2\"".into());
        o.state.tiles_attr = Some("<b>T</b>".into());
        o.state.tiles_crs = Some(crate::geo::tiles::TileCrs::Gcj02);
        let src = attrs(&iframe_snippet(&o).unwrap()).remove(0).1;
        assert_eq!(
            src,
            "https://map.example/?embed=1&amp;tiles=https://t.example/%7Bz%7D/%7Bx%7D/%7By%7D.png%3Fa%3D1%26b%3D%222%22\
             &amp;tiles_attr=%3Cb%3ET%3C/b%3E&amp;tiles_crs=gcj02"
        );
    }

    #[test]
    fn a_hostile_title_cannot_break_out_of_its_attribute() {
        let html =
            iframe_snippet(&opts("https://map.example/", "\"><script>alert(1)</script><b a='")).unwrap();
        assert!(!html.contains("<script>"));
        let title = attrs(&html).into_iter().find(|(k, _)| k == "title").unwrap().1;
        assert_eq!(title, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b a=&#39;");
        assert_eq!(attrs(&html).len(), 8, "{html}");
    }

    #[test]
    fn quotes_and_angle_brackets_in_the_src_are_escaped() {
        let mut o = opts("https://map.example/\"onload=\"alert(1)<x>", "t");
        o.state.park = Some("p.json?a=\"<b>\"".into());
        let html = iframe_snippet(&o).unwrap();
        let src = attrs(&html).into_iter().find(|(k, _)| k == "src").unwrap().1;
        assert_eq!(src, "https://map.example/&quot;onload=&quot;alert(1)&lt;x&gt;?embed=1&amp;park=p.json%3Fa%3D%22%3Cb%3E%22");
        assert_eq!(attrs(&html).len(), 8, "{html}");
    }

    #[test]
    fn only_http_pages_can_be_embedded() {
        for bad in ["javascript:alert(1)", "data:text/html,x", "/relative", ""] {
            assert_eq!(iframe_snippet(&opts(bad, "t")), Err(SnippetError::BaseUrl { url: bad.into() }));
        }
    }

    #[test]
    fn blank_titles_fall_back_and_percentages_are_capped() {
        let mut o = opts("https://map.example/", "  ");
        o.width = Size::Percent(250);
        let html = iframe_snippet(&o).unwrap();
        assert!(html.contains("title=\"ParkMap\""), "{html}");
        assert!(html.contains("width=\"100%\""), "{html}");
    }
}
