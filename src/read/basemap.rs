//! Reads the manifest's `basemap` object into a [`Basemap`] (checked by the model's
//! [`Basemap::new`]).

use crate::geo::tiles::{TileCrs, MAX_TILE_ZOOM};
use crate::model::Basemap;
use serde_json::Value;

/// Reads the manifest's `basemap` object: `{"tiles": "https://…/{z}/{x}/{y}.png", "attribution":
/// "© …", "max_zoom": 18, "crs": "wgs84" | "gcj02", "subdomains": ["a", "b"]}` (only `tiles`
/// required). `Err` is the property at fault (`basemap.tiles`) and why.
pub fn parse_manifest_basemap(v: &Value) -> Result<Basemap, (String, String)> {
    let bad = |k: &str, why: String| (format!("basemap.{k}"), why);
    let Value::Object(o) = v else { return Err(("basemap".into(), "expected an object".into())) };
    if let Some(k) =
        o.keys().find(|k| !["tiles", "attribution", "max_zoom", "crs", "subdomains"].contains(&k.as_str()))
    {
        return Err(bad(
            k,
            "unknown property (expected tiles, attribution, max_zoom, crs, subdomains)".into(),
        ));
    }
    let tiles = o
        .get("tiles")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("tiles", "missing or not a string".into()))?;
    let attribution = match o.get("attribution") {
        None => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(bad("attribution", "expected a string".into())),
    };
    let max_zoom = match o.get("max_zoom") {
        None => None,
        Some(z) => match z.as_u64() {
            Some(z) if z <= u64::from(MAX_TILE_ZOOM) => Some(z as u8),
            _ => return Err(bad("max_zoom", format!("expected a whole number from 0 to {MAX_TILE_ZOOM}"))),
        },
    };
    let crs = match o.get("crs") {
        None => TileCrs::Wgs84,
        Some(c) => c
            .as_str()
            .and_then(TileCrs::from_key)
            .ok_or_else(|| bad("crs", "expected \"wgs84\" or \"gcj02\"".into()))?,
    };
    let subdomains: Vec<&str> = match o.get("subdomains") {
        None => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|s| s.as_str().filter(|s| !s.is_empty() && s.len() <= 64))
            .collect::<Option<_>>()
            .ok_or_else(|| bad("subdomains", "expected an array of short strings".into()))?,
        Some(_) => return Err(bad("subdomains", "expected an array of strings".into())),
    };
    Basemap::new(tiles, &subdomains, attribution, crs, max_zoom).map_err(|e| bad("tiles", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_basemap(json: &str) -> Result<Basemap, (String, String)> {
        parse_manifest_basemap(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn the_manifest_may_name_a_basemap() {
        let b = manifest_basemap(
            r#"{"tiles":"https://t{s}.example/{z}/{x}/{y}.png","attribution":"© T","max_zoom":17,"crs":"gcj02","subdomains":["1","2"]}"#,
        )
        .unwrap();
        assert_eq!((b.crs, b.max_zoom, b.attribution.as_deref()), (TileCrs::Gcj02, 17, Some("© T")));
        assert_eq!(
            b.template.url(crate::geo::tiles::TileId { z: 1, x: 0, y: 1 }, false),
            "https://t2.example/1/0/1.png"
        );
        assert_eq!(manifest_basemap(r#"{"tiles":"https://t/{z}/{x}/{y}"}"#).unwrap().crs, TileCrs::Wgs84);
    }

    #[test]
    fn a_bad_manifest_basemap_names_the_property() {
        let cases = [
            (r#"[]"#, "basemap"),
            (r#"{"attribution":"x"}"#, "basemap.tiles"),
            (r#"{"tiles":"https://t/{z}/{x}"}"#, "basemap.tiles"),
            (r#"{"tiles":"https://t/{z}/{x}/{y}","crs":"bd09"}"#, "basemap.crs"),
            (r#"{"tiles":"https://t/{z}/{x}/{y}","max_zoom":30}"#, "basemap.max_zoom"),
            (r#"{"tiles":"https://t/{z}/{x}/{y}","subdomains":"abc"}"#, "basemap.subdomains"),
            (r#"{"tiles":"https://t/{z}/{x}/{y}","attribution":3}"#, "basemap.attribution"),
            (r#"{"tiles":"https://t/{z}/{x}/{y}","tile":"x"}"#, "basemap.tile"),
        ];
        for (json, property) in cases {
            assert_eq!(manifest_basemap(json).unwrap_err().0, property, "{json}");
        }
    }

    #[test]
    fn a_bad_basemap_in_the_manifest_is_reported_and_the_park_still_loads() {
        let manifest = |basemap: &str| {
            format!(
                r#"{{"parkmap":1,"id":"p","name":{{"zh":"园","en":"Park"}},"bounds":[126.4,45.8,126.6,45.9],
            "attribution":{{"zh":"数据","en":"Data"}},"provenance":{{"zh":"示意","en":"Illustrative"}},
            "basemap":{basemap},"layers":[{{"id":"zones","kind":"zones","url":"zones.geojson"}}]}}"#
            )
        };
        let (m, problems) = crate::read::manifest::parse_manifest(
            "park.json",
            &manifest(r#"{"tiles":"https://t/{z}/{y}.png"}"#),
        )
        .unwrap();
        assert_eq!(m.basemap, None);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("park.json: basemap.tiles: tile URL template"),
            "{}",
            problems[0]
        );
        let (m, problems) = crate::read::manifest::parse_manifest(
            "park.json",
            &manifest(r#"{"tiles":"https://t/{z}/{x}/{y}.png"}"#),
        )
        .unwrap();
        assert!(problems.is_empty() && m.basemap.is_some());
    }
}
