//! The partner kit's two lines — `<script type="module" src="…/embed-<hash>.js" integrity="sha384-…"
//! crossorigin="anonymous">` and `<park-map …>` — for the embed dialog. The kit is `kit/embed.js`,
//! copied by the build beside `index.html` as `embed.js` and `embed-<hash>.js`; the build's `kit.json`
//! names the hashed copy and its Subresource Integrity ([`KitFile::parse`]). Integrity goes only on the
//! hashed copy: the stable name changes content with every release.

use super::snippet::SnippetError;
use super::url_state::{to_hash, to_query, UrlState};
use crate::html::escape;
use crate::model::url::is_http_url;
use crate::model::LayerKind;

/// The kit's content-hashed file, as the build's `kit.json` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KitFile {
    /// `embed-<16 hex>.js`.
    pub file: String,
    /// `sha384-<base64>`.
    pub integrity: String,
}

impl KitFile {
    /// Reads `kit.json` (`{"file": "embed-<16 hex>.js", "integrity": "sha384-…"}`); `None` when it
    /// is not that (the snippet then loads the stable `embed.js`, without integrity).
    ///
    /// ```
    /// use parkmap::embed::KitFile;
    /// let kit = KitFile::parse(r#"{"file": "embed-0123456789abcdef.js", "integrity": "sha384-AbC+/="}"#);
    /// assert_eq!(kit.unwrap().file, "embed-0123456789abcdef.js");
    /// assert_eq!(KitFile::parse(r#"{"file": "../evil.js", "integrity": "sha384-x"}"#), None);
    /// ```
    pub fn parse(json: &str) -> Option<KitFile> {
        let v: serde_json::Value = serde_json::from_str(json).ok()?;
        let file = v.get("file")?.as_str()?;
        let integrity = v.get("integrity")?.as_str()?;
        // Byte comparisons rather than `strip_prefix` / `strip_suffix`: those generics, shared with
        // the first module, would be outlined into it (the first module stays as it was).
        let name = file.as_bytes();
        let hex = name
            .get(6..22)
            .filter(|_| name.len() == 25 && name[..6] == *b"embed-" && name[22..] == *b".js")?;
        let digest = integrity.strip_prefix("sha384-")?;
        let named = hex.iter().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
        let base64 =
            !digest.is_empty() && digest.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
        (named && base64).then(|| KitFile { file: file.to_owned(), integrity: integrity.to_owned() })
    }
}

/// What the kit's snippet shows: the map page, the state, the height and title; the kit's hashed file
/// when known.
#[derive(Clone, Debug, PartialEq)]
pub struct KitOptions {
    /// The map page, `http(s)://…` (its folder holds the kit); its query and fragment are dropped.
    pub base_url: String,
    /// The map's height, CSS pixels (the element fills its container's width).
    pub height: u32,
    /// What the map shows.
    pub state: UrlState,
    /// The iframe's accessible title (escaped). Blank: the kit's default.
    pub title: String,
    /// The kit's hashed copy; `None`: the stable `embed.js`, without integrity.
    pub kit: Option<KitFile>,
}

/// The script tag and the `<park-map>` element for `opts`, on two lines, every attribute escaped.
/// The element's attributes carry the language, view, selection and layers; what has no attribute
/// (filter, route, basemap, another park) goes into `src`'s query, which the kit keeps.
///
/// ```
/// use parkmap::embed::{kit_snippet, KitOptions, UrlState};
/// let html = kit_snippet(&KitOptions {
///     base_url: "https://map.example/park/index.html".into(),
///     height: 480,
///     state: UrlState::default(),
///     title: String::new(),
///     kit: None,
/// })
/// .unwrap();
/// assert_eq!(
///     html,
///     "<script type=\"module\" src=\"https://map.example/park/embed.js\"></script>\n\
///      <park-map height=\"480\"></park-map>"
/// );
/// ```
pub fn kit_snippet(opts: &KitOptions) -> Result<String, SnippetError> {
    if !is_http_url(&opts.base_url) {
        return Err(SnippetError::BaseUrl { url: opts.base_url.clone() });
    }
    let page = opts.base_url.split(['?', '#']).next().unwrap_or_default();
    let folder = &page[..page.bytes().rposition(|b| b == b'/').map_or(page.len(), |i| i + 1)];
    let script = match &opts.kit {
        Some(k) => format!(
            "<script type=\"module\" src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
            escape(&format!("{folder}{}", k.file)),
            escape(&k.integrity)
        ),
        None => format!("<script type=\"module\" src=\"{}\"></script>", escape(&format!("{folder}embed.js"))),
    };
    let s = opts.state.canonical();
    // What no attribute carries, as the map's URL spells it.
    let rest = UrlState {
        park: s.park.clone(),
        filter: s.filter.clone(),
        sites: s.sites.clone(),
        route: s.route.clone(),
        winter: s.winter,
        loop_km: s.loop_km,
        tiles: s.tiles.clone(),
        tiles_attr: s.tiles_attr.clone(),
        tiles_crs: s.tiles_crs,
        ..UrlState::default()
    };
    let query = to_query(&rest);
    let hidden = &s.hidden_layers;
    let shown: Vec<&str> = LayerKind::ALL
        .iter()
        .filter(|k| k.loads_with_map() && !hidden.contains(k))
        .map(|k| k.key())
        .collect();
    let attrs = [
        ("src", (!query.is_empty()).then(|| format!("{folder}{query}"))),
        ("lang", s.lang.map(|l| l.tag().to_owned())),
        ("view", s.view.is_some().then(|| to_hash(&s).strip_prefix("#map=").unwrap_or_default().to_owned())),
        ("selection", s.selection.as_ref().map(ToString::to_string)),
        ("layers", (!hidden.is_empty()).then(|| shown.join(","))),
        ("height", Some(opts.height.to_string())),
        ("title", Some(opts.title.trim().to_owned()).filter(|t| !t.is_empty())),
    ];
    let attrs: String =
        attrs.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!(" {k}=\"{}\"", escape(v)))).collect();
    Ok(format!("{script}\n<park-map{attrs}></park-map>"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{parse, FeatureRef, MapView};
    use crate::i18n::Lang;

    fn opts(state: UrlState) -> KitOptions {
        KitOptions {
            base_url: "https://map.example/maps/park/".into(),
            height: 400,
            state,
            title: "Park map".into(),
            kit: Some(KitFile {
                file: "embed-0123456789abcdef.js".into(),
                integrity: "sha384-abc+/=".into(),
            }),
        }
    }

    #[test]
    fn the_hashed_copy_carries_its_integrity_and_the_element_the_state() {
        let state = UrlState {
            lang: Some(Lang::En),
            view: Some(MapView { zoom: 15.0, lat: 45.83, lon: 126.51 }),
            selection: Some(FeatureRef::company("c0001")),
            hidden_layers: vec![LayerKind::Pois, LayerKind::Context],
            embed: true,
            ..UrlState::default()
        };
        assert_eq!(
            kit_snippet(&opts(state)).unwrap(),
            "<script type=\"module\" src=\"https://map.example/maps/park/embed-0123456789abcdef.js\" \
             integrity=\"sha384-abc+/=\" crossorigin=\"anonymous\"></script>\n\
             <park-map lang=\"en\" view=\"15/45.83000/126.51000\" selection=\"company:c0001\" \
             layers=\"zones,waterfront,greenway,companies\" height=\"400\" title=\"Park map\"></park-map>"
        );
    }

    #[test]
    fn without_the_build_s_kit_json_the_stable_name_is_loaded_without_integrity() {
        let mut o = opts(UrlState::default());
        o.kit = None;
        o.base_url = "http://127.0.0.1:8080/index.html?lang=zh#map=1/2/3".into();
        let html = kit_snippet(&o).unwrap();
        assert!(
            html.starts_with("<script type=\"module\" src=\"http://127.0.0.1:8080/embed.js\"></script>\n"),
            "{html}"
        );
        assert!(!html.contains("integrity"), "{html}");
    }

    #[test]
    fn what_no_attribute_carries_goes_into_src_as_the_url_spells_it() {
        let (state, warnings) = parse(
            "?lang=ru&ind=digital_economy&zone=z03&route=45.83,126.51;45.84,126.52&winter=1\
             &tiles=https%3A%2F%2Ft.example%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png&origins=https://p.example",
            "",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let html = kit_snippet(&opts(state)).unwrap();
        assert!(
            html.contains(
                " src=\"https://map.example/maps/park/?ind=digital_economy&amp;zone=z03\
                 &amp;route=45.83000,126.51000;45.84000,126.52000&amp;winter=1\
                 &amp;tiles=https://t.example/%7Bz%7D/%7Bx%7D/%7By%7D.png\" lang=\"ru\""
            ),
            "{html}"
        );
        assert!(!html.contains("origins"), "the kit adds the partner's origin itself: {html}");
    }

    #[test]
    fn hostile_titles_and_ids_stay_inside_their_attributes() {
        let mut o = opts(UrlState {
            selection: Some(FeatureRef::company("\"><script>x</script>")),
            ..UrlState::default()
        });
        o.title = "\"onload=\"alert(1)".into();
        let html = kit_snippet(&o).unwrap();
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert!(html.contains("selection=\"company:&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), "{html}");
        assert!(html.contains("title=\"&quot;onload=&quot;alert(1)\""), "{html}");
    }

    #[test]
    fn only_http_pages_and_well_formed_kit_files_are_used() {
        let mut o = opts(UrlState::default());
        o.base_url = "javascript:alert(1)".into();
        assert!(kit_snippet(&o).is_err());
        for bad in [
            "",
            "[]",
            r#"{"file": "embed.js", "integrity": "sha384-abc"}"#,
            r#"{"file": "embed-0123456789ABCDEF.js", "integrity": "sha384-abc"}"#,
            r#"{"file": "embed-0123456789abcdef.js", "integrity": "sha256-abc"}"#,
            r#"{"file": "embed-0123456789abcdef.js", "integrity": "sha384-\"><x>"}"#,
        ] {
            assert_eq!(KitFile::parse(bad), None, "{bad}");
        }
    }
}
