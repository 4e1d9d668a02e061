//! Reads the park manifest (`park.json`) into a [`Manifest`]: names, bounds, provenance, published
//! figures and the layer list.

use super::limits::{MAX_LAYERS, MAX_MANIFEST_BYTES, MAX_TEXT_CHARS};
use crate::geo::MapBounds;
use crate::model::error::quoted;
use crate::model::{Contact, DataError, Figures, Hub, LayerKind, LayerRef, Manifest, Text};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The manifest being read: its file name and the problems found so far.
pub(super) struct Ctx<'a> {
    file: &'a str,
    errors: Vec<DataError>,
}

impl Ctx<'_> {
    /// Records a problem with the field at `property` (a path such as `hubs[2].position`).
    pub(super) fn err(&mut self, property: &str, reason: impl Into<String>) {
        self.errors.push(DataError::Manifest {
            file: self.file.into(),
            property: property.into(),
            reason: reason.into(),
        });
    }

    fn text(&mut self, obj: &Map<String, Value>, key: &str) -> Option<Text> {
        self.text_value(obj.get(key), key)
    }

    /// Text in languages (`{"zh": …, "en": …, "ru": …}`, zh and en required) at `key`, a path.
    pub(super) fn text_value(&mut self, value: Option<&Value>, key: &str) -> Option<Text> {
        let Some(Value::Object(t)) = value else {
            self.err(key, "missing or not an object with \"zh\" and \"en\"");
            return None;
        };
        let mut get = |lang: &str, required: bool| match t.get(lang) {
            Some(Value::String(s)) if s.chars().count() > MAX_TEXT_CHARS => {
                self.err(&format!("{key}.{lang}"), format!("text longer than {MAX_TEXT_CHARS} characters"));
                None
            }
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            None if !required => None,
            _ => {
                self.err(&format!("{key}.{lang}"), "missing or not a non-empty string");
                None
            }
        };
        let zh = get("zh", true);
        let en = get("en", true);
        let ru = get("ru", false);
        Some(Text { zh: zh?, en: en?, ru })
    }
}

/// What a manifest reader does with `hubs` and `contact`: read them now (into `hubs`, `contact`), or
/// keep them as written (into `unread_investors`).
type Investors = fn(&mut Ctx, &Map<String, Value>) -> (Vec<Hub>, Option<Contact>, Option<Value>);

/// Parses a manifest, `hubs` and `contact` included. Bad layer entries are reported and left out; a
/// manifest without a usable name, bounds or any layer is an error as a whole (every problem is
/// listed).
pub fn parse_manifest(file: &str, text: &str) -> Result<(Manifest, Vec<DataError>), Vec<DataError>> {
    read(file, text, |cx, obj| {
        let hubs = obj.get("hubs").map(|v| super::hubs::parse_hubs(cx, v)).unwrap_or_default();
        let contact = obj.get("contact").and_then(|v| super::hubs::parse_contact(cx, v));
        (hubs, contact, None)
    })
}

/// Parses a manifest as the map does: as [`parse_manifest`], but `hubs` and `contact` are kept as
/// written in [`Manifest::unread_investors`], for the site finder to read
/// ([`read_investors`]): the map does not need them to draw.
pub fn parse_map_manifest(file: &str, text: &str) -> Result<(Manifest, Vec<DataError>), Vec<DataError>> {
    read(file, text, |_, obj| {
        let mut kept = Map::new();
        for key in ["hubs", "contact"] {
            if let Some(v) = obj.get(key) {
                kept.insert(key.to_owned(), v.clone());
            }
        }
        (Vec::new(), None, (!kept.is_empty()).then_some(Value::Object(kept)))
    })
}

/// The manifest's hubs and contact: read from [`Manifest::unread_investors`] when the map kept them
/// as written (with their problems, located in `file`), else as already read.
pub fn read_investors(file: &str, manifest: &Manifest) -> (Vec<Hub>, Option<Contact>, Vec<DataError>) {
    let Some(Value::Object(obj)) = &manifest.unread_investors else {
        return (manifest.hubs.clone(), manifest.contact.clone(), Vec::new());
    };
    let mut cx = Ctx { file, errors: Vec::new() };
    let hubs = obj.get("hubs").map(|v| super::hubs::parse_hubs(&mut cx, v)).unwrap_or_default();
    let contact = obj.get("contact").and_then(|v| super::hubs::parse_contact(&mut cx, v));
    (hubs, contact, cx.errors)
}

fn read(file: &str, text: &str, investors: Investors) -> Result<(Manifest, Vec<DataError>), Vec<DataError>> {
    let text = super::parse::strip_bom(text);
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(vec![DataError::TooLarge {
            file: file.into(),
            bytes: text.len(),
            limit: MAX_MANIFEST_BYTES,
        }]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![DataError::json(file, &e)])?;
    let mut cx = Ctx { file, errors: Vec::new() };
    let Value::Object(obj) = value else {
        cx.err("(root)", "expected a JSON object");
        return Err(cx.errors);
    };
    match obj.get("parkmap").and_then(Value::as_u64) {
        Some(1) => {}
        Some(v) => cx.err("parkmap", format!("unsupported format version {v} (this ParkMap reads 1)")),
        None => cx.err("parkmap", "missing format version (expected 1)"),
    }
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.is_empty() && s.chars().count() <= MAX_TEXT_CHARS => s.clone(),
        _ => {
            cx.err("id", "missing or not a string");
            String::new()
        }
    };
    let name = cx.text(&obj, "name");
    let short_name = obj.contains_key("short_name").then(|| cx.text(&obj, "short_name")).flatten();
    let attribution = cx.text(&obj, "attribution");
    let provenance = cx.text(&obj, "provenance");
    let bounds_deg = parse_bounds(&mut cx, obj.get("bounds"));
    let figures = obj.get("figures").map(|f| parse_figures(&mut cx, f));
    let origins = match obj.get("origins") {
        None => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .filter_map(|(i, o)| match o.as_str() {
                Some(s) if crate::model::url::is_http_url(s) => crate::model::url::origin(s),
                _ => {
                    cx.err(&format!("origins[{i}]"), "expected an http(s) origin string");
                    None
                }
            })
            .collect(),
        Some(_) => {
            cx.err("origins", "expected an array of origins");
            Vec::new()
        }
    };
    let junction_tolerance_m = obj.get("junction_tolerance_m").and_then(|v| match v.as_f64() {
        Some(m) if (0.0..=50.0).contains(&m) => Some(m),
        _ => {
            cx.err("junction_tolerance_m", "expected a number of metres from 0 to 50");
            None
        }
    });
    let basemap = obj.get("basemap").and_then(|v| {
        super::basemap::parse_manifest_basemap(v).map_err(|(property, reason)| cx.err(&property, reason)).ok()
    });
    let (hubs, contact, unread_investors) = investors(&mut cx, &obj);
    let layers = parse_layers(&mut cx, obj.get("layers"));
    match (name, attribution, provenance, bounds_deg) {
        (Some(name), Some(attribution), Some(provenance), Some(b)) if !layers.is_empty() => {
            let manifest = Manifest {
                id,
                name,
                short_name,
                bounds: MapBounds::from_lon_lat(b[0], b[1], b[2], b[3]),
                bounds_deg: b,
                attribution,
                provenance,
                figures,
                origins,
                junction_tolerance_m,
                layers,
                basemap,
                hubs,
                contact,
                unread_investors,
            };
            Ok((manifest, cx.errors))
        }
        _ => Err(cx.errors),
    }
}

fn parse_bounds(cx: &mut Ctx, v: Option<&Value>) -> Option<[f64; 4]> {
    let nums: Option<Vec<f64>> =
        v.and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_f64).collect());
    match nums.as_deref() {
        Some(&[w, s, e, n])
            if (-180.0..=180.0).contains(&w)
                && (-180.0..=180.0).contains(&e)
                && (-85.0..=85.0).contains(&s)
                && (-85.0..=85.0).contains(&n)
                && w < e
                && s < n =>
        {
            Some([w, s, e, n])
        }
        _ => {
            cx.err(
                "bounds",
                "expected [west, south, east, north] in degrees with west < east, south < north",
            );
            None
        }
    }
}

fn parse_figures(cx: &mut Ctx, v: &Value) -> Figures {
    let Value::Object(f) = v else {
        cx.err("figures", "expected an object");
        return Figures::default();
    };
    let mut int = |k: &str| {
        let v = f.get(k)?;
        let n = v.as_u64();
        if n.is_none() {
            cx.err(&format!("figures.{k}"), "expected a non-negative integer");
        }
        n
    };
    let companies = int("companies");
    let registered_capital_yuan = int("registered_capital_yuan");
    let mut num = |k: &str| {
        let v = f.get(k)?;
        let n = v.as_f64().filter(|n| *n > 0.0);
        if n.is_none() {
            cx.err(&format!("figures.{k}"), "expected a positive number");
        }
        n
    };
    Figures {
        companies,
        registered_capital_yuan,
        greenway_km: num("greenway_km"),
        waterfront_km: num("waterfront_km"),
        area_km2: num("area_km2"),
        signed: f.get("signed").and_then(Value::as_str).map(str::to_owned),
    }
}

fn parse_layers(cx: &mut Ctx, v: Option<&Value>) -> Vec<LayerRef> {
    let Some(Value::Array(items)) = v else {
        cx.err("layers", "missing or not an array");
        return Vec::new();
    };
    if items.is_empty() {
        cx.err("layers", "no layers");
    }
    if items.len() > MAX_LAYERS {
        cx.err(
            "layers",
            format!("{} layers: more than the limit of {MAX_LAYERS}; the rest are ignored", items.len()),
        );
    }
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().take(MAX_LAYERS).enumerate() {
        let at = |k: &str| format!("layers[{i}].{k}");
        let s = |k: &str| item.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
        let (Some(id), Some(kind), Some(url)) = (s("id"), s("kind"), s("url")) else {
            cx.err(&format!("layers[{i}]"), "needs string \"id\", \"kind\" and \"url\"");
            continue;
        };
        // Ids and URLs are repeated in every message about their layer: keep them short.
        if let Some((k, _)) =
            [("id", id), ("url", url)].into_iter().find(|(_, v)| v.chars().count() > MAX_TEXT_CHARS)
        {
            cx.err(&at(k), format!("longer than {MAX_TEXT_CHARS} characters"));
            continue;
        }
        let Some(kind) = LayerKind::from_key(kind) else {
            cx.err(&at("kind"), format!("expected one of {}; found {}", LayerKind::keys(), quoted(kind)));
            continue;
        };
        if crate::model::url::resolve_layer_url(url, "https://manifest.invalid/park.json").is_err() {
            cx.err(&at("url"), "must be relative to the manifest or an https: URL");
            continue;
        }
        if !ids.insert(id.to_owned()) {
            cx.err(&at("id"), format!("duplicate layer id {}", quoted(id)));
            continue;
        }
        out.push(LayerRef { id: id.into(), kind, url: url.into() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"parkmap":1,"id":"p","name":{"zh":"园","en":"Park","ru":"Парк"},
      "bounds":[126.4,45.8,126.6,45.9],"attribution":{"zh":"数据","en":"Data"},
      "provenance":{"zh":"示意","en":"Illustrative"},"figures":{"companies":590,"registered_capital_yuan":21921000000,"greenway_km":48},
      "origins":["https://partner.example/page"],
      "layers":[{"id":"zones","kind":"zones","url":"zones.geojson"},{"id":"c","kind":"companies","url":"https://cdn.example/c.geojson"}]}"#;

    fn errors_of(text: &str) -> Vec<String> {
        match parse_manifest("park.json", text) {
            Ok((_, e)) | Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_complete_manifest_parses() {
        let (m, problems) = parse_manifest("park.json", GOOD).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(m.name.ru.as_deref(), Some("Парк"));
        assert_eq!(m.layers.len(), 2);
        assert_eq!(m.layers[1].kind, LayerKind::Companies);
        assert_eq!(m.figures.unwrap().registered_capital_yuan, Some(21_921_000_000));
        assert_eq!(m.origins, vec!["https://partner.example".to_string()]);
        assert!(m.bounds.width() > 0.0 && m.bounds.height() > 0.0);
    }

    #[test]
    fn bad_layer_entries_are_reported_and_left_out() {
        let text = GOOD.replace(
            r#"{"id":"zones","kind":"zones","url":"zones.geojson"}"#,
            r#"{"id":"zones","kind":"zones","url":"zones.geojson"},{"id":"x","kind":"roads","url":"r.geojson"},
               {"id":"y","kind":"pois","url":"javascript:alert(1)"},{"id":"zones","kind":"pois","url":"p.geojson"},{"kind":"pois"}"#,
        );
        let (m, problems) = parse_manifest("park.json", &text).unwrap();
        assert_eq!(m.layers.len(), 2);
        let p: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(p[0], "park.json: layers[1].kind: expected one of context, zones, waterfront, greenway, pois, companies, sites; found \"roads\"");
        assert_eq!(p[1], "park.json: layers[2].url: must be relative to the manifest or an https: URL");
        assert_eq!(p[2], "park.json: layers[3].id: duplicate layer id \"zones\"");
        assert_eq!(p[3], "park.json: layers[4]: needs string \"id\", \"kind\" and \"url\"");
    }

    #[test]
    fn missing_essentials_fail_with_every_reason() {
        let e = errors_of(r#"{"parkmap":2,"layers":[]}"#);
        assert!(
            e.contains(
                &"park.json: parkmap: unsupported format version 2 (this ParkMap reads 1)".to_string()
            ),
            "{e:?}"
        );
        assert!(e.contains(&"park.json: name: missing or not an object with \"zh\" and \"en\"".to_string()));
        assert!(e.contains(&"park.json: bounds: expected [west, south, east, north] in degrees with west < east, south < north".to_string()));
        assert!(e.contains(&"park.json: layers: no layers".to_string()));
        assert!(parse_manifest("park.json", r#"{"parkmap":2,"layers":[]}"#).is_err());
    }

    #[test]
    fn a_missing_english_name_is_located() {
        let e = errors_of(&GOOD.replace(r#""en":"Park","#, ""));
        assert_eq!(e, vec!["park.json: name.en: missing or not a non-empty string"]);
    }

    #[test]
    fn too_many_layers_are_cut_at_the_limit() {
        let layers: Vec<String> =
            (0..100).map(|i| format!(r#"{{"id":"l{i}","kind":"pois","url":"l{i}.geojson"}}"#)).collect();
        let text = GOOD.replace(
            r#"[{"id":"zones","kind":"zones","url":"zones.geojson"},{"id":"c","kind":"companies","url":"https://cdn.example/c.geojson"}]"#,
            &format!("[{}]", layers.join(",")),
        );
        let (m, problems) = parse_manifest("park.json", &text).unwrap();
        assert_eq!(m.layers.len(), MAX_LAYERS);
        assert_eq!(
            problems[0].to_string(),
            "park.json: layers: 100 layers: more than the limit of 32; the rest are ignored"
        );
    }

    #[test]
    fn malformed_and_oversized_manifests_are_errors() {
        assert!(matches!(parse_manifest("park.json", "{").unwrap_err()[0], DataError::Json { .. }));
        let big = " ".repeat(MAX_MANIFEST_BYTES + 1);
        assert!(matches!(parse_manifest("park.json", &big).unwrap_err()[0], DataError::TooLarge { .. }));
        assert_eq!(errors_of("[]"), vec!["park.json: (root): expected a JSON object"]);
    }

    #[test]
    fn long_texts_ids_and_urls_are_refused() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let text = GOOD
            .replace(r#""en":"Park""#, &format!(r#""en":"{long}""#))
            .replace(r#"{"id":"zones","kind":"zones","url":"zones.geojson"}"#, &format!(
                r#"{{"id":"zones","kind":"zones","url":"{long}.geojson"}},{{"id":"{long}","kind":"pois","url":"p.geojson"}}"#
            ));
        assert_eq!(
            errors_of(&text),
            vec![
                "park.json: name.en: text longer than 2000 characters",
                "park.json: layers[0].url: longer than 2000 characters",
                "park.json: layers[1].id: longer than 2000 characters",
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let (m, problems) = parse_manifest("park.json", &format!("\u{feff}{GOOD}")).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(m.layers.len(), 2);
    }

    #[test]
    fn the_shipped_manifest_parses_cleanly() {
        let text = include_str!("../../public/data/park.json");
        let (m, problems) = parse_manifest("park.json", text).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(m.name.zh, "深哈产业园");
        assert_eq!(m.layers.len(), 7);
        assert_eq!(m.hubs.len(), 4);
        assert!(m.contact.is_some_and(|c| c.email.is_some() && c.phone.is_some()));
    }
}
