//! An axis-aligned box in screen pixels: what a label, a badge, a cluster bubble or a tile covers.

use super::ScreenPoint;

/// An axis-aligned box in CSS pixels (y down). `min` is the top-left corner, `max` the bottom-right.
///
/// Boxes are half-open for overlap purposes: two boxes that only share an edge do not overlap.
///
/// ```
/// use parkmap::geo::{ScreenPoint, ScreenRect};
/// let a = ScreenRect::from_size(ScreenPoint::new(0.0, 0.0), 10.0, 10.0);
/// let b = a.translate(10.0, 0.0);
/// assert!(!a.overlaps(&b)); // they touch, no more
/// assert!(a.overlaps(&a.translate(9.0, 9.0)));
/// assert_eq!(a.intersection_area(&a.translate(5.0, 0.0)), 50.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ScreenRect {
    /// Top-left corner.
    pub min: ScreenPoint,
    /// Bottom-right corner.
    pub max: ScreenPoint,
}

impl ScreenRect {
    /// The box between two corners, in any order.
    pub fn new(a: ScreenPoint, b: ScreenPoint) -> Self {
        Self {
            min: ScreenPoint::new(a.x.min(b.x), a.y.min(b.y)),
            max: ScreenPoint::new(a.x.max(b.x), a.y.max(b.y)),
        }
    }

    /// The box with top-left corner `top_left` and the given size (negative sizes count as 0).
    pub fn from_size(top_left: ScreenPoint, width: f64, height: f64) -> Self {
        Self {
            min: top_left,
            max: ScreenPoint::new(top_left.x + width.max(0.0), top_left.y + height.max(0.0)),
        }
    }

    /// The box of the given size centred on `center`.
    pub fn centered(center: ScreenPoint, width: f64, height: f64) -> Self {
        let (w, h) = (width.max(0.0), height.max(0.0));
        Self::from_size(ScreenPoint::new(center.x - w / 2.0, center.y - h / 2.0), w, h)
    }

    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// Height in pixels.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    /// Area in square pixels.
    pub fn area(&self) -> f64 {
        self.width() * self.height()
    }

    /// The centre point.
    pub fn center(&self) -> ScreenPoint {
        self.min.midpoint(self.max)
    }

    /// True when all four coordinates are finite.
    pub fn is_finite(&self) -> bool {
        [self.min.x, self.min.y, self.max.x, self.max.y].iter().all(|v| v.is_finite())
    }

    /// The box moved by `(dx, dy)` pixels.
    pub fn translate(&self, dx: f64, dy: f64) -> Self {
        Self {
            min: ScreenPoint::new(self.min.x + dx, self.min.y + dy),
            max: ScreenPoint::new(self.max.x + dx, self.max.y + dy),
        }
    }

    /// The box grown by `by` pixels on every side (shrunk for a negative `by`, never inside out).
    pub fn inflate(&self, by: f64) -> Self {
        let c = self.center();
        Self::centered(c, self.width() + 2.0 * by, self.height() + 2.0 * by)
    }

    /// True when the interiors intersect (touching edges do not count).
    pub fn overlaps(&self, other: &ScreenRect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// Area of the intersection in square pixels (0 when apart).
    pub fn intersection_area(&self, other: &ScreenRect) -> f64 {
        let w = self.max.x.min(other.max.x) - self.min.x.max(other.min.x);
        let h = self.max.y.min(other.max.y) - self.min.y.max(other.min.y);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }

    /// True when `other` lies wholly inside this box (edges included).
    pub fn contains_rect(&self, other: &ScreenRect) -> bool {
        other.min.x >= self.min.x
            && other.min.y >= self.min.y
            && other.max.x <= self.max.x
            && other.max.y <= self.max.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_in_any_order_make_the_same_box() {
        let a = ScreenRect::new(ScreenPoint::new(5.0, 1.0), ScreenPoint::new(1.0, 7.0));
        assert_eq!(a, ScreenRect::from_size(ScreenPoint::new(1.0, 1.0), 4.0, 6.0));
        assert_eq!(a.center(), ScreenPoint::new(3.0, 4.0));
        assert_eq!(a.area(), 24.0);
    }

    #[test]
    fn inflate_grows_every_side_and_never_turns_inside_out() {
        let a = ScreenRect::centered(ScreenPoint::new(0.0, 0.0), 10.0, 4.0);
        let b = a.inflate(2.0);
        assert_eq!((b.width(), b.height()), (14.0, 8.0));
        let c = a.inflate(-5.0);
        assert_eq!((c.width(), c.height()), (0.0, 0.0));
    }

    #[test]
    fn containment_includes_edges() {
        let outer = ScreenRect::from_size(ScreenPoint::new(0.0, 0.0), 100.0, 50.0);
        assert!(outer.contains_rect(&outer));
        assert!(!outer.contains_rect(&outer.translate(0.5, 0.0)));
    }
}
