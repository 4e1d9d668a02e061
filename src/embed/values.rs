//! The value grammar of the URL parameters: numbers, ranges, key lists, waypoints, and how floats are
//! written. Every reader's error is the reason of a [`super::UrlWarning`].

use super::url_state::{MapView, MAX_WAYPOINTS, ZOOM_RANGE};
use crate::geo::LonLat;
use std::ops::RangeInclusive;

/// Latitudes, degrees.
pub(crate) const LAT: RangeInclusive<f64> = -90.0..=90.0;
/// Longitudes, degrees.
pub(crate) const LON: RangeInclusive<f64> = -180.0..=180.0;

pub(crate) fn flag(v: &str) -> Result<bool, String> {
    match v {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(format!("{v:?} is not 1 or 0")),
    }
}

/// A plain decimal number (`-12.5`, `3`): no exponent, no `inf`/`NaN`, no `+`, always finite.
pub(crate) fn decimal(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && frac.is_empty());
    ok.then(|| s.parse::<f64>().ok()).flatten().filter(|x| x.is_finite())
}

pub(crate) fn check_lat_lon(lat: f64, lon: f64) -> Result<(), String> {
    if !LAT.contains(&lat) {
        Err(format!("lat {lat} is out of range -90..90"))
    } else if !LON.contains(&lon) {
        Err(format!("lon {lon} is out of range -180..180"))
    } else {
        Ok(())
    }
}

pub(crate) fn view(v: &str) -> Result<MapView, String> {
    let parts: Vec<Option<f64>> = v.split('/').map(decimal).collect();
    let [Some(zoom), Some(lat), Some(lon)] = parts[..] else {
        return Err(format!("{v:?} is not ZOOM/LAT/LON, e.g. 16/45.83/126.51"));
    };
    if !ZOOM_RANGE.contains(&zoom) {
        return Err(format!("zoom {zoom} is out of range 0..22"));
    }
    check_lat_lon(lat, lon)?;
    Ok(MapView { zoom, lat, lon })
}

pub(crate) fn route(v: &str) -> Result<Vec<LonLat>, String> {
    let points: Vec<&str> = v.split(';').collect();
    if points.len() > MAX_WAYPOINTS {
        return Err("more than 50 waypoints".into());
    }
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let (lat, lon) = p
                .split_once(',')
                .and_then(|(a, b)| Some((decimal(a)?, decimal(b)?)))
                .ok_or(format!("waypoint {n} {p:?} is not LAT,LON"))?;
            check_lat_lon(lat, lon).map_err(|e| format!("waypoint {n}: {e}"))?;
            Ok(LonLat::lon_lat(lon, lat))
        })
        .collect()
}

/// `MIN-MAX` of whole numbers up to `max`, either side optional.
pub(crate) fn range(v: &str, max: u64) -> Result<(Option<u64>, Option<u64>), String> {
    let (lo, hi) = v.split_once('-').ok_or(format!("{v:?} is not MIN-MAX (either side may be left out)"))?;
    let side = |s: &str| -> Result<Option<u64>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        let n = s
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u64>().ok())
            .flatten()
            .ok_or(format!("{s:?} is not a whole number"))?;
        if n > max {
            return Err(format!("{n} is out of range 0..{max}"));
        }
        Ok(Some(n))
    };
    match (side(lo)?, side(hi)?) {
        (None, None) => Err("neither MIN nor MAX given".into()),
        (Some(a), Some(b)) if a > b => Err(format!("minimum {a} is greater than maximum {b}")),
        r => Ok(r),
    }
}

pub(crate) fn keys<T: Ord>(
    v: &str,
    what: &str,
    from_key: fn(&str) -> Option<T>,
    all: fn() -> String,
    item: &mut dyn FnMut(String),
) -> Vec<T> {
    let mut out: Vec<T> = v
        .split(',')
        .filter_map(|k| {
            let t = from_key(k);
            if t.is_none() {
                item(format!("unknown {what} {k:?} left out (expected {})", all()));
            }
            t
        })
        .collect();
    sort_dedup(&mut out);
    out
}

pub(crate) fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    crate::sort::sort(v);
    v.dedup();
}

/// `x` with `d` decimals, never `-0`.
pub(crate) fn fixed(x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => s,
    }
}

/// `x` with at most `d` decimals, trailing zeros dropped (`14.50` → `14.5`, `14.00` → `14`).
pub(crate) fn trimmed(x: f64, d: usize) -> String {
    let s = fixed(x, d);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

pub(crate) fn round_to(x: f64, d: usize) -> f64 {
    fixed(x, d).parse().unwrap_or(x)
}

pub(crate) fn range_text<T: ToString>(min: Option<T>, max: Option<T>) -> Option<String> {
    let side = |x: Option<T>| x.map_or(String::new(), |x| x.to_string());
    (min.is_some() || max.is_some()).then(|| format!("{}-{}", side(min), side(max)))
}
