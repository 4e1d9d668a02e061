//! The shareable state of the map as a URL: the view in the hash (`#map=zoom/lat/lon`, as OpenStreetMap
//! writes it), everything else in short query parameters. See the [module docs](super) for the table.

use super::origin::normalize_origin;
use super::percent::{decode, encode};
use super::site_params::{SiteLink, SITE_KEYS};
use super::values::{
    decimal, fixed, flag, keys, range, range_text, round_to, route, sort_dedup, trimmed, view,
};
pub use crate::feature::{check_id, FeatureKind, FeatureRef, MAX_ID_CHARS};
use crate::geo::tiles::TileCrs;
use crate::geo::LonLat;
use crate::i18n::Lang;
use crate::model::basemap::{clean_attribution, Basemap};
use crate::model::{Industry, LayerKind};
use std::ops::RangeInclusive;
use thiserror::Error;

/// Zooms a view may have.
pub const ZOOM_RANGE: RangeInclusive<f64> = 0.0..=22.0;
/// Most waypoints of a route.
pub const MAX_WAYPOINTS: usize = 50;
/// Lengths of a loop walk, in km: exactly what the route planner plans (one source of truth for the
/// planner, the `loop=` parameter and the `planRoute` command).
pub const LOOP_KM_RANGE: RangeInclusive<f64> = crate::route::MIN_LOOP_KM..=crate::route::MAX_LOOP_KM;
/// Founding years a filter may name.
pub const YEAR_RANGE: RangeInclusive<i32> = 0..=9999;
/// Decimals of a route waypoint in the URL (about a metre).
pub const WAYPOINT_DECIMALS: usize = 5;
const MAX_ORIGINS: usize = 20;
const MAX_PARK_CHARS: usize = 2048;

/// What the map shows: centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// Web map zoom level, 0..=22.
    pub zoom: f64,
    /// Latitude of the centre, degrees.
    pub lat: f64,
    /// Longitude of the centre, degrees.
    pub lon: f64,
}

impl MapView {
    /// Decimals written for lat/lon at `zoom`, OpenStreetMap's rule (`OSM.zoomPrecision`): the fewest for
    /// which one unit of the last decimal is under a pixel, `ceil(log10(256·2^zoom / 180))`.
    ///
    /// ```
    /// use parkmap::embed::MapView;
    /// assert_eq!(MapView::decimals(0.0), 1);
    /// assert_eq!(MapView::decimals(12.0), 4);
    /// assert_eq!(MapView::decimals(16.0), 5);
    /// assert_eq!(MapView::decimals(18.0), 6);
    /// ```
    pub fn decimals(zoom: f64) -> usize {
        let zoom = if zoom.is_finite() { zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()) } else { 0.0 };
        (256.0 * zoom.exp2() / 180.0).log10().ceil().max(0.0) as usize
    }

    /// The view as the hash writes it: zoom to 2 decimals, lat/lon to [`MapView::decimals`].
    pub fn rounded(self) -> MapView {
        let zoom = round_to(self.zoom, 2);
        let d = Self::decimals(zoom);
        MapView { zoom, lat: round_to(self.lat, d), lon: round_to(self.lon, d) }
    }
}

/// The company filter. Every field narrows; the default shows everything.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FilterParams {
    /// Industries to show (empty: all), sorted and without repeats once parsed.
    pub industries: Vec<Industry>,
    /// Only companies in this zone.
    pub zone: Option<String>,
    /// Least registered capital, yuan.
    pub capital_min: Option<u64>,
    /// Most registered capital, yuan.
    pub capital_max: Option<u64>,
    /// Earliest founding year.
    pub founded_min: Option<i32>,
    /// Latest founding year.
    pub founded_max: Option<i32>,
}

/// Everything a link to the map can carry.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlState {
    /// Centre and zoom (`#map=`); `None`: fit the park.
    pub view: Option<MapView>,
    /// Selected feature (`sel`).
    pub selection: Option<FeatureRef>,
    /// Company filter (`ind`, `zone`, `cap`, `yr`).
    pub filter: FilterParams,
    /// The site finder's filter as the link wrote it (`site_type`, `site_area`, …; read by the
    /// finder with [`super::SiteFilterParams::read`]).
    pub sites: SiteLink,
    /// Layers switched off (`hide`), sorted and without repeats once parsed.
    pub hidden_layers: Vec<LayerKind>,
    /// Route waypoints (`route`); with `loop`, the first is the start.
    pub route: Vec<LonLat>,
    /// Route avoids trails closed in winter (`winter=1`).
    pub winter: bool,
    /// Plan a loop walk of this length in km (`loop`).
    pub loop_km: Option<f64>,
    /// UI language (`lang`); `None`: the browser's choice.
    pub lang: Option<Lang>,
    /// Embedded in an iframe: compact chrome, postMessage API on (`embed=1`).
    pub embed: bool,
    /// Extra origins allowed to drive the embed (`origins`), normalised, sorted and without repeats.
    pub origins: Vec<String>,
    /// Manifest URL of another park (`park`), checked later by [`crate::model::url::resolve_park_param`].
    pub park: Option<String>,
    /// Basemap tile URL template (`tiles`), checked by [`Basemap::new`]; replaces the manifest's.
    pub tiles: Option<String>,
    /// Credit line for those tiles (`tiles_attr`), plain text.
    pub tiles_attr: Option<String>,
    /// What those tiles are drawn in (`tiles_crs`: `wgs84`, the default, or `gcj02`).
    pub tiles_crs: Option<TileCrs>,
}

impl UrlState {
    /// The state as it comes back from its own URL: the view and route rounded as written, the set-like
    /// lists sorted and without repeats. For a state whose values are valid,
    /// `parse(&to_query(s), &to_hash(s)).0 == s.canonical()`.
    pub fn canonical(&self) -> UrlState {
        let mut s = self.clone();
        s.view = s.view.map(MapView::rounded);
        s.route = s
            .route
            .iter()
            .map(|p| LonLat::lon_lat(round_to(p.lon, WAYPOINT_DECIMALS), round_to(p.lat, WAYPOINT_DECIMALS)))
            .collect();
        s.loop_km = s.loop_km.map(|k| round_to(k, 2));
        s.tiles_attr = s.tiles_attr.as_deref().map(clean_attribution).filter(|a| !a.is_empty());
        sort_dedup(&mut s.filter.industries);
        s.sites.canonicalize();
        sort_dedup(&mut s.hidden_layers);
        sort_dedup(&mut s.origins);
        s
    }

    /// The basemap `tiles`, `tiles_attr` and `tiles_crs` name; `None` without a (valid) `tiles`.
    pub fn basemap(&self) -> Option<Basemap> {
        let crs = self.tiles_crs.unwrap_or_default();
        Basemap::new(self.tiles.as_deref()?, &[], self.tiles_attr.as_deref(), crs, None).ok()
    }
}

/// A URL parameter that was left out of the state, and why. For a list parameter (`ind`, `hide`,
/// `origins`) the reason may name one item that was left out while the rest of the list was kept.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("URL parameter \"{param}\": {reason}")]
pub struct UrlWarning {
    /// The parameter as written (`ind`), or `#map` for the hash.
    pub param: String,
    /// What was wrong.
    pub reason: String,
}

/// Reads the state from `location.search` and `location.hash` (leading `?` / `#` optional).
/// Never fails: what cannot be read is left at its default and reported as a warning.
///
/// ```
/// use parkmap::embed::{parse, FeatureKind};
/// let (s, warnings) = parse("?sel=company:c0001&lang=en&foo=1", "#map=16/45.83/126.51");
/// assert_eq!(s.selection.unwrap().kind, FeatureKind::Company);
/// assert_eq!(s.view.unwrap().zoom, 16.0);
/// assert_eq!(warnings[0].to_string(), "URL parameter \"foo\": unknown parameter");
/// ```
pub fn parse(search: &str, hash: &str) -> (UrlState, Vec<UrlWarning>) {
    let mut s = UrlState::default();
    let mut warnings = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let pairs = split_pairs(search.strip_prefix('?').unwrap_or(search), "")
        .chain(split_pairs(hash.strip_prefix('#').unwrap_or(hash), "#"));
    for (raw_key, raw_value, prefix) in pairs {
        let mut warn = |param: &str, reason: String| {
            warnings.push(UrlWarning { param: format!("{prefix}{param}"), reason })
        };
        let Some(key) = decode(raw_key) else {
            warn(raw_key, "malformed percent-encoding in the name".into());
            continue;
        };
        let known = if prefix.is_empty() {
            QUERY_KEYS.contains(&key.as_str()) || SITE_KEYS.contains(&key.as_str())
        } else {
            key == "map"
        };
        if !known {
            warn(&key, "unknown parameter".into());
            continue;
        }
        if seen.contains(&key) {
            warn(&key, "repeated; the first one is used".into());
            continue;
        }
        seen.push(key.clone());
        let value = match decode(raw_value) {
            Some(v) if v.is_empty() => Err("empty value".to_string()),
            Some(v) => Ok(v),
            None => Err("malformed percent-encoding".to_string()),
        };
        let mut item_warnings = Vec::new();
        let result = value.and_then(|v| apply(&mut s, &key, &v, &mut |r| item_warnings.push(r)));
        for r in item_warnings.into_iter().chain(result.err()) {
            warn(&key, r);
        }
    }
    (s, warnings)
}

/// The query parameters the URL may carry, in their canonical order ([`SITE_KEYS`] follow `yr`).
const QUERY_KEYS: [&str; 16] = [
    "embed",
    "park",
    "lang",
    "sel",
    "ind",
    "zone",
    "cap",
    "yr",
    "hide",
    "route",
    "winter",
    "loop",
    "origins",
    "tiles",
    "tiles_attr",
    "tiles_crs",
];

fn split_pairs<'a>(
    s: &'a str,
    prefix: &'static str,
) -> impl Iterator<Item = (&'a str, &'a str, &'static str)> {
    s.split('&').filter(|p| !p.is_empty()).map(move |p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (k, v, prefix)
    })
}

/// Applies one decoded, non-empty value. `Err` leaves the field at its default; `item` reports a list
/// item that was left out while the rest of the list was kept.
fn apply(s: &mut UrlState, key: &str, v: &str, item: &mut dyn FnMut(String)) -> Result<(), String> {
    match key {
        "map" => s.view = Some(view(v)?),
        "embed" => s.embed = flag(v)?,
        "winter" => s.winter = flag(v)?,
        "park" if v.chars().count() > MAX_PARK_CHARS => return Err("longer than 2048 characters".into()),
        "park" if v.chars().any(|c| c.is_control() || c.is_whitespace()) => {
            return Err("contains spaces or control characters".into())
        }
        "park" => s.park = Some(v.to_owned()),
        "lang" => {
            s.lang = Some(Lang::from_tag(v).ok_or(format!("unknown language {v:?} (expected zh, en or ru)"))?)
        }
        "sel" => {
            s.selection = Some(v.parse::<FeatureRef>().map_err(|e| e.to_string())?);
        }
        "zone" => {
            check_id(v).map_err(|e| format!("the zone id {e}"))?;
            s.filter.zone = Some(v.to_owned());
        }
        "ind" => s.filter.industries = keys(v, "industry", Industry::from_key, Industry::keys, item),
        "hide" => s.hidden_layers = keys(v, "layer", LayerKind::from_key, LayerKind::keys, item),
        "cap" => (s.filter.capital_min, s.filter.capital_max) = range(v, u64::MAX)?,
        "yr" => {
            let (min, max) = range(v, *YEAR_RANGE.end() as u64)?;
            (s.filter.founded_min, s.filter.founded_max) = (min.map(|y| y as i32), max.map(|y| y as i32));
        }
        "route" => s.route = route(v)?,
        "loop" => {
            let km = decimal(v).ok_or(format!("{v:?} is not a number"))?;
            if !LOOP_KM_RANGE.contains(&km) {
                let (min, max) = (LOOP_KM_RANGE.start(), LOOP_KM_RANGE.end());
                return Err(format!("{v} km is out of range {min}..{max}"));
            }
            s.loop_km = Some(km);
        }
        "origins" => {
            let mut list: Vec<String> = v
                .split(',')
                .filter_map(|o| {
                    let n = normalize_origin(o);
                    if n.is_none() {
                        item(format!("{o:?} is not an origin (scheme://host[:port]), left out"));
                    }
                    n
                })
                .collect();
            sort_dedup(&mut list);
            if list.len() > MAX_ORIGINS {
                return Err("more than 20 origins".into());
            }
            s.origins = list;
        }
        "tiles" => {
            Basemap::new(v, &[], None, TileCrs::Wgs84, None).map_err(|e| e.to_string())?;
            s.tiles = Some(v.trim().to_owned());
        }
        "tiles_attr" => s.tiles_attr = Some(clean_attribution(v)).filter(|a| !a.is_empty()),
        // Kept as written: the site finder reads them (`SiteFilterParams::read`).
        k if SITE_KEYS.contains(&k) => s.sites.0.push((k.to_owned(), v.to_owned())),
        "tiles_crs" => {
            s.tiles_crs =
                Some(TileCrs::from_key(v).ok_or(format!("unknown {v:?} (expected wgs84 or gcj02)"))?)
        }
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

/// The query string for `s`: `?` and the non-default parameters in canonical order, or `""`.
///
/// ```
/// use parkmap::embed::{to_query, UrlState};
/// let s = UrlState { embed: true, winter: true, loop_km: Some(10.0), ..UrlState::default() };
/// assert_eq!(to_query(&s), "?embed=1&winter=1&loop=10");
/// assert_eq!(to_query(&UrlState::default()), "");
/// ```
pub fn to_query(s: &UrlState) -> String {
    let c = s.canonical();
    let f = &c.filter;
    let joined = |keys: Vec<&str>| (!keys.is_empty()).then(|| keys.join(","));
    let params: [Option<String>; 16] = [
        c.embed.then(|| "1".into()),
        c.park.as_deref().map(encode),
        c.lang.map(|l| l.tag().into()),
        c.selection.as_ref().map(|r| format!("{}:{}", r.kind.key(), encode(&r.id))),
        joined(f.industries.iter().map(|i| i.key()).collect()),
        f.zone.as_deref().map(encode),
        range_text(f.capital_min, f.capital_max),
        range_text(f.founded_min, f.founded_max),
        joined(c.hidden_layers.iter().map(|l| l.key()).collect()),
        (!c.route.is_empty()).then(|| {
            let pair = |p: &LonLat| {
                format!("{},{}", fixed(p.lat, WAYPOINT_DECIMALS), fixed(p.lon, WAYPOINT_DECIMALS))
            };
            c.route.iter().map(pair).collect::<Vec<_>>().join(";")
        }),
        c.winter.then(|| "1".into()),
        c.loop_km.map(|k| trimmed(k, 2)),
        (!c.origins.is_empty()).then(|| c.origins.iter().map(|o| encode(o)).collect::<Vec<_>>().join(",")),
        c.tiles.as_deref().map(encode),
        c.tiles_attr.as_deref().map(encode),
        c.tiles_crs.map(|crs| crs.key().into()),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (k, v) in QUERY_KEYS.iter().zip(params) {
        if let Some(v) = v {
            parts.push(format!("{k}={v}"));
        }
        // The site finder's parameters go after the company filter's.
        if *k == "yr" {
            parts.extend(c.sites.0.iter().map(|(k, v)| format!("{k}={}", encode(v))));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The hash for `s`: `#map=zoom/lat/lon` rounded as [`MapView::rounded`], or `""` without a view.
///
/// ```
/// use parkmap::embed::{to_hash, MapView, UrlState};
/// let s = UrlState { view: Some(MapView { zoom: 16.0, lat: 45.834567, lon: 126.5123 }), ..UrlState::default() };
/// assert_eq!(to_hash(&s), "#map=16/45.83457/126.51230");
/// ```
pub fn to_hash(s: &UrlState) -> String {
    s.view.map_or(String::new(), |v| {
        let d = MapView::decimals(round_to(v.zoom, 2));
        format!("#map={}/{}/{}", trimmed(v.zoom, 2), fixed(v.lat, d), fixed(v.lon, d))
    })
}

#[cfg(test)]
#[path = "url_state_tests.rs"]
mod tests;
