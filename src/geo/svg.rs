//! SVG path data in world units: Web Mercator metres relative to an origin, y pointing down.
//! Built once per layer; the view only changes one transform.

use super::MapPoint;
use std::fmt::Write;

/// A map point in world units (decimetre precision keeps the strings short).
fn world(p: MapPoint, origin: MapPoint) -> (f64, f64) {
    (((p.x - origin.x) * 10.0).round() / 10.0, ((origin.y - p.y) * 10.0).round() / 10.0)
}

fn push_run(d: &mut String, pts: &[MapPoint], origin: MapPoint, close: bool) {
    for (i, p) in pts.iter().enumerate() {
        let (x, y) = world(*p, origin);
        let _ = write!(d, "{}{x} {y}", if i == 0 { "M" } else { "L" });
    }
    if close && !pts.is_empty() {
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
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        push_run(&mut d, ring, origin, true);
    }
    d
}

/// Path data for polylines.
pub fn lines_path(lines: &[Vec<MapPoint>], origin: MapPoint) -> String {
    let mut d = String::new();
    for line in lines {
        push_run(&mut d, line, origin, false);
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
}
