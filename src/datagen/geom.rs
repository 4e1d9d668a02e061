//! Geometry helpers: the local metre frame, the projection to rounded WGS84 and the measures.
//!
//! Everything is laid out in metres (x east, y north of the park centre) because offsets, margins and
//! meanders are easy to reason about there; coordinates only become lon/lat in [`Projector::ll`],
//! which also rounds them, so the same design point always yields bit-identical output.

use geo::{Geodesic, GeodesicArea, Length, LineString, Polygon};

/// A point in the design frame: metres east and north of the park centre.
pub type Xy = [f64; 2];
/// A WGS84 position `[lon, lat]`, already rounded to 6 decimals.
pub type Ll = [f64; 2];

/// Longitude of the park centre (Songbei District, north bank of the Songhua).
pub const LON0: f64 = 126.52;
/// Latitude of the park centre.
pub const LAT0: f64 = 45.84;

/// Rounds to 6 decimals (about 0.1 m); done once, before a coordinate is used anywhere.
pub fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Maps design metres to rounded lon/lat around the park centre.
///
/// `scale` stretches the whole design uniformly; it is solved so the zones' geodesic area matches
/// the published planned area, which absorbs the small error of the local-tangent projection.
#[derive(Clone, Copy, Debug)]
pub struct Projector {
    scale: f64,
    m_per_deg_lon: f64,
    m_per_deg_lat: f64,
}

impl Projector {
    /// A projector with the given uniform scale (1.0 = design metres are metres).
    pub fn new(scale: f64) -> Self {
        // WGS84 metres per degree at LAT0 (standard series), so scale stays close to 1.
        let phi = LAT0.to_radians();
        let m_per_deg_lat = 111_132.954 - 559.822 * (2.0 * phi).cos() + 1.175 * (4.0 * phi).cos();
        let m_per_deg_lon = 111_412.84 * phi.cos() - 93.5 * (3.0 * phi).cos();
        Projector { scale, m_per_deg_lon, m_per_deg_lat }
    }

    /// The rounded WGS84 position of a design point.
    pub fn ll(&self, p: Xy) -> Ll {
        [
            round6(LON0 + self.scale * p[0] / self.m_per_deg_lon),
            round6(LAT0 + self.scale * p[1] / self.m_per_deg_lat),
        ]
    }

    /// Projects a whole polyline or ring.
    pub fn line(&self, pts: &[Xy]) -> Vec<Ll> {
        pts.iter().map(|&p| self.ll(p)).collect()
    }
}

/// Geodesic (WGS84 ellipsoid) length of a lon/lat polyline, in metres.
pub fn geodesic_len(line: &[Ll]) -> f64 {
    Geodesic.length(&LineString::from(line.to_vec()))
}

/// Geodesic area of a closed lon/lat ring without holes, in square metres.
pub fn geodesic_area(ring: &[Ll]) -> f64 {
    Polygon::new(LineString::from(ring.to_vec()), vec![]).geodesic_area_unsigned()
}

/// `a + (b - a) * t`.
pub fn lerp(a: Xy, b: Xy, t: f64) -> Xy {
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
}

/// Euclidean distance in the design frame.
pub fn dist(a: Xy, b: Xy) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Points from `a` to `b` (both included) no more than about `step` apart.
pub fn densify(a: Xy, b: Xy, step: f64) -> Vec<Xy> {
    let n = (dist(a, b) / step).ceil().max(1.0) as usize;
    let mut pts: Vec<Xy> = (0..n).map(|k| lerp(a, b, k as f64 / n as f64)).collect();
    pts.push(b);
    pts
}

/// Total length of a design polyline.
pub fn polyline_len(pts: &[Xy]) -> f64 {
    pts.windows(2).map(|w| dist(w[0], w[1])).sum()
}

/// Offsets the interior points of `base` sideways by `amp * sin(pi * n * t)` (t = arc fraction),
/// with n half-waves of about `half_wave` metres.
///
/// The endpoints are returned untouched (copied, not recomputed) because they are junctions other
/// segments share; a whole number of half-waves keeps the offset near zero at both ends.
pub fn meander(base: &[Xy], amp: f64, half_wave: f64) -> Vec<Xy> {
    if amp == 0.0 || base.len() < 3 {
        return base.to_vec();
    }
    let total = polyline_len(base);
    let waves = (total / half_wave).round().max(1.0);
    let mut out = Vec::with_capacity(base.len());
    out.push(base[0]);
    let mut s = 0.0;
    for k in 1..base.len() - 1 {
        s += dist(base[k - 1], base[k]);
        let (prev, next) = (base[k - 1], base[k + 1]);
        let (dx, dy) = (next[0] - prev[0], next[1] - prev[1]);
        let norm = dx.hypot(dy);
        let d = amp * (std::f64::consts::PI * waves * s / total).sin();
        out.push([base[k][0] - dy / norm * d, base[k][1] + dx / norm * d]);
    }
    out.push(base[base.len() - 1]);
    out
}

/// Whether `p` lies inside the closed ring (even-odd rule).
pub fn in_ring(p: Xy, ring: &[Xy]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Distance from `p` to the segment `a`–`b`.
pub fn dist_to_segment(p: Xy, a: Xy, b: Xy) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t =
        if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    dist(p, [a[0] + t * dx, a[1] + t * dy])
}

/// Distance from `p` to the nearest edge of a polyline or closed ring.
pub fn dist_to_line(p: Xy, pts: &[Xy]) -> f64 {
    pts.windows(2).map(|w| dist_to_segment(p, w[0], w[1])).fold(f64::INFINITY, f64::min)
}

/// Finds `x` with `f(x)` closest to `target` for an increasing `f`, by a fixed number of bisection
/// steps (fixed so the result, and hence the output bytes, never depend on a tolerance test).
pub fn bisect(mut lo: f64, mut hi: f64, target: f64, f: impl Fn(f64) -> f64) -> f64 {
    for _ in 0..48 {
        let mid = 0.5 * (lo + hi);
        if f(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    if (f(lo) - target).abs() <= (f(hi) - target).abs() {
        lo
    } else {
        hi
    }
}
