//! SVG path data in world units: Web Mercator metres relative to an origin, y pointing down.
//! Built once per layer; the view only changes one transform.

use super::MapPoint;
use std::fmt::Write;

/// Steps per metre the app's paths keep: decimetres keep the strings short and are far below a pixel
/// at every zoom the map allows.
pub const APP_STEPS_PER_METRE: f64 = 10.0;

/// A map point in world units, as a whole number of `1 / steps` metres.
fn world(p: MapPoint, origin: MapPoint, steps: f64) -> (i64, i64) {
    (((p.x - origin.x) * steps).round() as i64, ((origin.y - p.y) * steps).round() as i64)
}

/// Writes `k / steps` as the shortest decimal, as `f64`'s `Display` would, but for whole metres and
/// decimetres (the app's and the pre-render's steps) with integer formatting only, about twice as
/// fast as formatting the float (natively; a negative zero reads `0`, not `-0`).
fn push_coord(d: &mut String, k: i64, steps: f64) {
    if steps == 10.0 {
        let a = k.unsigned_abs();
        let sign = if k < 0 { "-" } else { "" };
        let _ = match a % 10 {
            0 => write!(d, "{sign}{}", a / 10),
            tenth => write!(d, "{sign}{}.{tenth}", a / 10),
        };
    } else if steps == 1.0 {
        let _ = write!(d, "{k}");
    } else {
        let _ = write!(d, "{}", k as f64 / steps);
    }
}

/// One run of points; a point that rounds to the one before it is left out (it draws nothing).
fn push_run(d: &mut String, pts: &[MapPoint], origin: MapPoint, close: bool, steps: f64) {
    let mut last = None;
    for p in pts {
        let at = world(*p, origin, steps);
        if last == Some(at) {
            continue;
        }
        d.push(if last.is_none() { 'M' } else { 'L' });
        push_coord(d, at.0, steps);
        d.push(' ');
        push_coord(d, at.1, steps);
        last = Some(at);
    }
    if close && last.is_some() {
        d.push('Z');
    }
}

/// Path data for polygons (each a list of rings); holes cut out with the even-odd rule.
///
/// ```
/// use parkmap::geo::{MapPoint, svg::polygons_path};
/// let ring = vec![MapPoint::new(0.0, 0.0), MapPoint::new(10.0, 0.0), MapPoint::new(10.0, 5.0), MapPoint::new(0.0, 0.0)];
/// assert_eq!(polygons_path(&[vec![ring]], MapPoint::new(0.0, 0.0)), "M0 0L10 0L10 -5L0 0Z");
/// ```
pub fn polygons_path(polygons: &[Vec<Vec<MapPoint>>], origin: MapPoint) -> String {
    polygons_path_in(polygons, origin, APP_STEPS_PER_METRE)
}

/// [`polygons_path`] rounded to `1 / steps` metres (the build-time pre-render uses whole metres).
pub fn polygons_path_in(polygons: &[Vec<Vec<MapPoint>>], origin: MapPoint, steps: f64) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        push_run(&mut d, ring, origin, true, steps);
    }
    d
}

/// Path data for polylines.
pub fn lines_path(lines: &[Vec<MapPoint>], origin: MapPoint) -> String {
    lines_path_in(lines, origin, APP_STEPS_PER_METRE)
}

/// [`lines_path`] rounded to `1 / steps` metres.
pub fn lines_path_in(lines: &[Vec<MapPoint>], origin: MapPoint, steps: f64) -> String {
    let mut d = String::new();
    for line in lines {
        push_run(&mut d, line, origin, false, steps);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_points_down_and_values_are_relative_to_the_origin() {
        let o = MapPoint::new(1000.0, 2000.0);
        let d = lines_path(&[vec![MapPoint::new(1000.0, 2000.0), MapPoint::new(1012.345, 1990.0)]], o);
        assert_eq!(d, "M0 0L12.3 10");
        assert_eq!(lines_path(&[], o), "");
    }

    #[test]
    fn coordinates_read_as_the_shortest_decimal_at_every_step_size() {
        let o = MapPoint::new(0.0, 0.0);
        let line = vec![MapPoint::new(-0.04, 0.04), MapPoint::new(-0.3, 7.0), MapPoint::new(1234.56, -0.25)];
        assert_eq!(lines_path(std::slice::from_ref(&line), o), "M0 0L-0.3 -7L1234.6 0.3");
        assert_eq!(lines_path_in(std::slice::from_ref(&line), o, 4.0), "M0 0L-0.25 -7L1234.5 0.25");
    }

    #[test]
    fn coarser_steps_round_and_drop_points_that_coincide() {
        let o = MapPoint::new(0.0, 0.0);
        let line = vec![MapPoint::new(0.2, 0.0), MapPoint::new(0.4, 0.0), MapPoint::new(12.6, -3.4)];
        assert_eq!(lines_path_in(std::slice::from_ref(&line), o, 1.0), "M0 0L13 3");
        assert_eq!(lines_path(&[line], o), "M0.2 0L0.4 0L12.6 3.4");
    }
}
