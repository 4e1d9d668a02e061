//! China's offset coordinate systems, to and from WGS84.
//!
//! Maps of China must show GCJ-02 ("Mars coordinates"): WGS84 shifted by a published, deliberately
//! irregular formula, a few hundred metres near the park. Amap (Gaode), Tencent and Google's China
//! tiles use it; Baidu adds its own shift on top, BD-09. Coordinates traced from those maps are
//! therefore off by hundreds of metres until converted back. CGCS2000 (EPSG:4490), China's
//! official datum, is within a metre of WGS84 and needs nothing.
//!
//! The forward transforms are the published ones; the inverses are found by fixed-point iteration
//! (the shift varies slowly, so each step gains several digits) to well under a centimetre. Outside
//! China (the usual rectangle) the forward transforms are the identity, as every implementation has
//! them. Pure: a GCJ-02 basemap can reuse the forward transform to place WGS84 data on its tiles.
//!
//! ```
//! use parkmap::geo::china::{gcj02_to_wgs84, wgs84_to_gcj02};
//! use parkmap::geo::{measure::distance_m, LonLat};
//! let wgs = LonLat::lon_lat(126.53, 45.857);
//! let gcj = wgs84_to_gcj02(wgs);
//! assert!(distance_m(wgs, gcj) > 300.0); // hundreds of metres off
//! assert!(distance_m(gcj02_to_wgs84(gcj), wgs) < 0.01); // back within a centimetre
//! ```

use std::f64::consts::PI;

use super::LonLat;

/// Semi-major axis of the Krasovsky 1940 ellipsoid the GCJ-02 formula uses, metres.
const A: f64 = 6_378_245.0;
/// Its first eccentricity squared.
const EE: f64 = 0.006_693_421_622_965_943;
/// Baidu's constant, π · 3000 / 180.
const X_PI: f64 = PI * 3000.0 / 180.0;

/// True outside the rectangle where the transforms apply (they are the identity there).
pub fn out_of_china(p: LonLat) -> bool {
    !(72.004..=137.8347).contains(&p.lon) || !(0.8293..=55.8271).contains(&p.lat)
}

fn shift_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn shift_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS84 → GCJ-02 (the published forward transform).
pub fn wgs84_to_gcj02(p: LonLat) -> LonLat {
    if out_of_china(p) {
        return p;
    }
    let d_lat = shift_lat(p.lon - 105.0, p.lat - 35.0);
    let d_lon = shift_lon(p.lon - 105.0, p.lat - 35.0);
    let rad = p.lat / 180.0 * PI;
    let magic = 1.0 - EE * rad.sin() * rad.sin();
    let sqrt_magic = magic.sqrt();
    let d_lat = (d_lat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let d_lon = (d_lon * 180.0) / (A / sqrt_magic * rad.cos() * PI);
    LonLat::lon_lat(p.lon + d_lon, p.lat + d_lat)
}

/// GCJ-02 → BD-09 (Baidu's published forward transform).
pub fn gcj02_to_bd09(p: LonLat) -> LonLat {
    let (x, y) = (p.lon, p.lat);
    let z = (x * x + y * y).sqrt() + 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000_003 * (x * X_PI).cos();
    LonLat::lon_lat(z * theta.cos() + 0.0065, z * theta.sin() + 0.006)
}

/// WGS84 → BD-09.
pub fn wgs84_to_bd09(p: LonLat) -> LonLat {
    gcj02_to_bd09(wgs84_to_gcj02(p))
}

/// Inverts `forward` at `target` by fixed-point iteration: guess ← guess − (forward(guess) − target).
fn invert(target: LonLat, forward: fn(LonLat) -> LonLat) -> LonLat {
    let mut guess = target;
    for _ in 0..30 {
        let f = forward(guess);
        let (dx, dy) = (f.lon - target.lon, f.lat - target.lat);
        guess = LonLat::lon_lat(guess.lon - dx, guess.lat - dy);
        // 1e-10 degrees is about a hundredth of a millimetre.
        if dx.abs() < 1e-10 && dy.abs() < 1e-10 {
            break;
        }
    }
    guess
}

/// GCJ-02 → WGS84, to well under a centimetre (iterated inverse of [`wgs84_to_gcj02`]).
pub fn gcj02_to_wgs84(p: LonLat) -> LonLat {
    invert(p, wgs84_to_gcj02)
}

/// BD-09 → GCJ-02 (iterated inverse of [`gcj02_to_bd09`]).
pub fn bd09_to_gcj02(p: LonLat) -> LonLat {
    invert(p, gcj02_to_bd09)
}

/// BD-09 → WGS84, to well under a centimetre.
pub fn bd09_to_wgs84(p: LonLat) -> LonLat {
    invert(p, wgs84_to_bd09)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::measure::distance_m;

    /// (WGS84 lon, lat, GCJ-02 lon, lat, BD-09 lon, lat), computed once with the independent
    /// Python package `coord-convert` 0.2.1 from PyPI (`coord_convert.transform.wgs2gcj`, `wgs2bd`),
    /// printed to 10 decimals. (`eviltransform` 0.1.1 agrees to about a centimetre: it uses the
    /// WGS84 semi-major axis where the published formula has Krasovsky's 6 378 245 m.)
    const REFERENCE: [(f64, f64, f64, f64, f64, f64); 10] = [
        (126.53, 45.857, 126.5360678118, 45.8589779039, 126.5427182403, 45.8646120238),
        (126.505, 45.842, 126.5111704057, 45.8440536400, 126.5176827898, 45.8500318312),
        (114.0579, 22.5431, 114.0630139986, 22.5403828142, 114.0695639870, 22.5460415591),
        (116.4074, 39.9042, 116.4136422538, 39.9056033432, 116.4200463303, 39.9118653356),
        (121.4737, 31.2304, 121.4782230593, 31.2284577376, 121.4847814685, 31.2343105937),
        (126.65, 45.75, 126.6559875903, 45.7519655551, 126.6626405386, 45.7576007005),
        (104.0668, 30.5728, 104.0693054772, 30.5703461411, 104.0757829568, 30.5763518562),
        (125.3235, 43.8171, 125.3300062895, 43.8195513911, 125.3366362810, 43.8252313495),
        (103.8343, 36.0611, 103.8367031091, 36.0607727172, 103.8432395393, 36.0666653507),
        (119.7, 49.2, 119.7073423395, 49.2018996437, 119.7139810074, 49.2075674898),
    ];

    #[test]
    fn forward_transforms_match_an_independent_implementation() {
        for (lon, lat, glon, glat, blon, blat) in REFERENCE {
            let w = LonLat::lon_lat(lon, lat);
            let g = wgs84_to_gcj02(w);
            let b = wgs84_to_bd09(w);
            // 10 decimals of a degree are about a hundredth of a millimetre.
            assert!(distance_m(g, LonLat::lon_lat(glon, glat)) < 0.001, "{w:?} → {g:?}");
            assert!(distance_m(b, LonLat::lon_lat(blon, blat)) < 0.001, "{w:?} → {b:?}");
        }
    }

    #[test]
    fn inverse_transforms_round_trip_within_a_centimetre() {
        for (lon, lat, glon, glat, blon, blat) in REFERENCE {
            let w = LonLat::lon_lat(lon, lat);
            let from_gcj = gcj02_to_wgs84(LonLat::lon_lat(glon, glat));
            let from_bd = bd09_to_wgs84(LonLat::lon_lat(blon, blat));
            assert!(distance_m(from_gcj, w) < 0.01, "{from_gcj:?} vs {w:?}");
            assert!(distance_m(from_bd, w) < 0.01, "{from_bd:?} vs {w:?}");
            let g = LonLat::lon_lat(glon, glat);
            assert!(
                distance_m(
                    gcj02_to_bd09(bd09_to_gcj02(LonLat::lon_lat(blon, blat))),
                    LonLat::lon_lat(blon, blat)
                ) < 0.01
            );
            assert!(distance_m(wgs84_to_gcj02(gcj02_to_wgs84(g)), g) < 0.01);
        }
    }

    #[test]
    fn outside_china_nothing_moves() {
        let paris = LonLat::lon_lat(2.35, 48.85);
        assert_eq!(wgs84_to_gcj02(paris), paris);
        assert_eq!(gcj02_to_wgs84(paris), paris);
    }
}
