//! Keyboard focus on the map: which feature a key moves it to. The map is one Tab stop; a digit
//! moves focus into a layer at the feature nearest the middle of the map, an arrow to the nearest
//! feature of the same layer that way ([`super::gesture::nearest_in_direction`]). Only what is in
//! view counts: focus never jumps to a feature the visitor cannot see.
//!
//! ```
//! use parkmap::geo::{focus::nearest_to, ScreenPoint, ScreenRect};
//! let map = ScreenRect::new(ScreenPoint::new(0.0, 0.0), ScreenPoint::new(800.0, 600.0));
//! let features = [ScreenPoint::new(100.0, 100.0), ScreenPoint::new(420.0, 310.0), ScreenPoint::new(402.0, 300.0)];
//! assert_eq!(nearest_to(map.center(), &features, &map), Some(2));
//! ```

use super::{ScreenPoint, ScreenRect};

/// The index of the candidate nearest `at` among those inside `within` (edges included); the
/// earlier one on a tie; `None` when none is inside. Candidates that are not finite never count.
pub fn nearest_to(at: ScreenPoint, candidates: &[ScreenPoint], within: &ScreenRect) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .filter(|(_, p)| inside(p, within))
        .map(|(i, p)| (i, (p.x - at.x).hypot(p.y - at.y)))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

/// Where a feature drawn in `feature` (a box) is seen in `view`: the centre of the part of the box
/// inside the view — a zone that fills the view is seen at the view's centre, a marker at its own —
/// or `None` when none of it is in view.
///
/// ```
/// use parkmap::geo::{focus::seen_at, ScreenPoint, ScreenRect};
/// let view = ScreenRect::new(ScreenPoint::new(0.0, 0.0), ScreenPoint::new(100.0, 100.0));
/// let zone = ScreenRect::new(ScreenPoint::new(-500.0, 20.0), ScreenPoint::new(60.0, 900.0));
/// assert_eq!(seen_at(&zone, &view), Some(ScreenPoint::new(30.0, 60.0)));
/// ```
pub fn seen_at(feature: &ScreenRect, view: &ScreenRect) -> Option<ScreenPoint> {
    let clipped = ScreenRect::new(
        ScreenPoint::new(feature.min.x.max(view.min.x), feature.min.y.max(view.min.y)),
        ScreenPoint::new(feature.max.x.min(view.max.x), feature.max.y.min(view.max.y)),
    );
    let apart = feature.max.x < view.min.x
        || feature.min.x > view.max.x
        || feature.max.y < view.min.y
        || feature.min.y > view.max.y;
    (feature.is_finite() && !apart).then(|| clipped.center())
}

/// True when `p` is finite and inside `r` (edges included).
pub fn inside(p: &ScreenPoint, r: &ScreenRect) -> bool {
    p.x.is_finite() && p.y.is_finite() && p.x >= r.min.x && p.x <= r.max.x && p.y >= r.min.y && p.y <= r.max.y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> ScreenRect {
        ScreenRect::new(ScreenPoint::new(0.0, 0.0), ScreenPoint::new(390.0, 700.0))
    }

    #[test]
    fn the_nearest_feature_in_view_wins_and_one_out_of_view_never_does() {
        let at = map().center();
        let off_screen = ScreenPoint::new(at.x, -3.0); // nearer, but above the map
        let pts = [off_screen, ScreenPoint::new(at.x + 40.0, at.y), ScreenPoint::new(at.x, at.y + 30.0)];
        assert_eq!(nearest_to(at, &pts, &map()), Some(2));
        // from the top edge: the off-screen one is nearest of all, the one to the side next
        assert_eq!(nearest_to(ScreenPoint::new(at.x, 0.0), &pts, &map()), Some(1));
    }

    #[test]
    fn nothing_in_view_or_nothing_at_all_is_none_and_nan_never_counts() {
        let at = map().center();
        assert_eq!(nearest_to(at, &[], &map()), None);
        assert_eq!(
            nearest_to(at, &[ScreenPoint::new(-1.0, 5.0), ScreenPoint::new(391.0, 5.0)], &map()),
            None
        );
        assert_eq!(
            nearest_to(at, &[ScreenPoint::new(f64::NAN, 5.0), ScreenPoint::new(10.0, 10.0)], &map()),
            Some(1)
        );
    }

    #[test]
    fn a_feature_larger_than_the_view_is_seen_in_its_middle_and_one_outside_nowhere() {
        let view = map();
        let zone = ScreenRect::new(ScreenPoint::new(-1000.0, -1000.0), ScreenPoint::new(2000.0, 2000.0));
        assert_eq!(seen_at(&zone, &view), Some(view.center()));
        let marker = ScreenRect::centered(ScreenPoint::new(50.0, 60.0), 24.0, 24.0);
        assert_eq!(seen_at(&marker, &view), Some(ScreenPoint::new(50.0, 60.0)));
        let beyond = ScreenRect::centered(ScreenPoint::new(-50.0, 60.0), 24.0, 24.0);
        assert_eq!(seen_at(&beyond, &view), None);
        let nan = ScreenRect { min: ScreenPoint::new(f64::NAN, 0.0), max: ScreenPoint::new(1.0, 1.0) };
        assert_eq!(seen_at(&nan, &view), None);
    }

    #[test]
    fn ties_go_to_the_earlier_feature_and_edges_count_as_inside() {
        let at = ScreenPoint::new(100.0, 100.0);
        let pts = [ScreenPoint::new(110.0, 100.0), ScreenPoint::new(90.0, 100.0)];
        assert_eq!(nearest_to(at, &pts, &map()), Some(0));
        assert!(inside(&ScreenPoint::new(0.0, 700.0), &map()));
    }
}
