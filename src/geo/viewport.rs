//! The view onto the map: a value type. Every change returns a new `Viewport`; bad input is clamped.

use super::{MapBounds, MapPoint, ScreenPoint, EARTH_RADIUS_M};

/// Smallest zoom a viewport allows unless told otherwise (whole city).
pub const DEFAULT_MIN_ZOOM: f64 = 10.0;
/// Largest zoom a viewport allows unless told otherwise (single buildings).
pub const DEFAULT_MAX_ZOOM: f64 = 19.0;
/// Pixels kept free around a park when the map fits it (the first view; the build-time pre-render
/// insets its drawing by the same amount so the two line up).
pub const FIT_PADDING_PX: f64 = 16.0;

/// What the map shows: a centre, a zoom level (OpenStreetMap's scale: 256 px tiles, zoom 0 = the world
/// in one tile) and the size of the map element in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Map point at the centre of the element.
    pub center: MapPoint,
    /// Zoom level, fractional; always within `min_zoom..=max_zoom`.
    pub zoom: f64,
    /// Element width in CSS pixels (at least 1).
    pub width: f64,
    /// Element height in CSS pixels (at least 1).
    pub height: f64,
    /// Lowest allowed zoom.
    pub min_zoom: f64,
    /// Highest allowed zoom.
    pub max_zoom: f64,
}

/// The affine transform from world units (Mercator metres relative to an origin, y down) to screen
/// pixels: `screen = world * scale + (tx, ty)`. Used as one SVG `matrix(...)`, so panning and zooming
/// never rebuild path data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldTransform {
    /// Pixels per metre.
    pub scale: f64,
    /// Horizontal offset in pixels.
    pub tx: f64,
    /// Vertical offset in pixels.
    pub ty: f64,
}

impl WorldTransform {
    /// The SVG `transform` attribute value.
    pub fn to_svg(&self) -> String {
        format!("matrix({} 0 0 {} {:.2} {:.2})", self.scale, self.scale, self.tx, self.ty)
    }
}

impl Viewport {
    /// A viewport with default zoom limits; size and zoom are clamped to sane values.
    pub fn new(center: MapPoint, zoom: f64, width: f64, height: f64) -> Self {
        Self {
            center,
            zoom: DEFAULT_MIN_ZOOM,
            width: 1.0,
            height: 1.0,
            min_zoom: DEFAULT_MIN_ZOOM,
            max_zoom: DEFAULT_MAX_ZOOM,
        }
        .with_size(width, height)
        .with_zoom(zoom)
    }

    /// The same view with other zoom limits (the current zoom is clamped into them).
    pub fn with_limits(self, min_zoom: f64, max_zoom: f64) -> Self {
        let (lo, hi) = if min_zoom <= max_zoom { (min_zoom, max_zoom) } else { (max_zoom, min_zoom) };
        Self { min_zoom: lo, max_zoom: hi, ..self }.with_zoom(self.zoom)
    }

    /// The same view at another zoom (clamped), keeping the centre.
    pub fn with_zoom(self, zoom: f64) -> Self {
        let zoom = if zoom.is_finite() { zoom.clamp(self.min_zoom, self.max_zoom) } else { self.zoom };
        Self { zoom, ..self }
    }

    /// The same view on an element of another size, keeping centre and zoom.
    pub fn with_size(self, width: f64, height: f64) -> Self {
        let clean = |v: f64| if v.is_finite() && v >= 1.0 { v } else { 1.0 };
        Self { width: clean(width), height: clean(height), ..self }
    }

    /// The same view centred elsewhere.
    pub fn with_center(self, center: MapPoint) -> Self {
        if center.x.is_finite() && center.y.is_finite() {
            Self { center, ..self }
        } else {
            self
        }
    }

    /// Map metres per screen pixel at the current zoom.
    pub fn resolution(&self) -> f64 {
        resolution_at(self.zoom)
    }

    /// Where a map point appears on screen.
    pub fn map_to_screen(&self, p: MapPoint) -> ScreenPoint {
        let r = self.resolution();
        ScreenPoint::new(
            (p.x - self.center.x) / r + self.width / 2.0,
            (self.center.y - p.y) / r + self.height / 2.0,
        )
    }

    /// Which map point is under a screen point.
    pub fn screen_to_map(&self, s: ScreenPoint) -> MapPoint {
        let r = self.resolution();
        MapPoint::new(
            self.center.x + (s.x - self.width / 2.0) * r,
            self.center.y - (s.y - self.height / 2.0) * r,
        )
    }

    /// The view after the content was dragged by `(dx, dy)` pixels.
    pub fn pan_by(&self, dx: f64, dy: f64) -> Self {
        if !dx.is_finite() || !dy.is_finite() {
            return *self;
        }
        let r = self.resolution();
        self.with_center(MapPoint::new(self.center.x - dx * r, self.center.y + dy * r))
    }

    /// Zooms by `factor` (2 = one level in) keeping the map point under `anchor` fixed on screen.
    /// A zoom clamped at a limit still keeps the anchor fixed.
    ///
    /// ```
    /// use parkmap::geo::{MapPoint, ScreenPoint, Viewport};
    /// let v = Viewport::new(MapPoint::new(0.0, 0.0), 14.0, 800.0, 600.0);
    /// let anchor = ScreenPoint::new(100.0, 50.0);
    /// let before = v.screen_to_map(anchor);
    /// let z = v.zoom_at(anchor, 2.0);
    /// assert_eq!(z.zoom, 15.0);
    /// let after = z.screen_to_map(anchor);
    /// assert!((before.x - after.x).abs() < 1e-6 && (before.y - after.y).abs() < 1e-6);
    /// ```
    pub fn zoom_at(&self, anchor: ScreenPoint, factor: f64) -> Self {
        if !(factor.is_finite() && factor > 0.0 && anchor.x.is_finite() && anchor.y.is_finite()) {
            return *self;
        }
        let fixed = self.screen_to_map(anchor);
        let zoomed = self.with_zoom(self.zoom + factor.log2());
        let r = zoomed.resolution();
        zoomed.with_center(MapPoint::new(
            fixed.x - (anchor.x - self.width / 2.0) * r,
            fixed.y + (anchor.y - self.height / 2.0) * r,
        ))
    }

    /// The view that shows `bounds` whole with `padding` pixels to spare on every side.
    pub fn fit(&self, bounds: &MapBounds, padding: f64) -> Self {
        let w = (self.width - 2.0 * padding).max(1.0);
        let h = (self.height - 2.0 * padding).max(1.0);
        let r = (bounds.width() / w).max(bounds.height() / h);
        let zoom = if r > 0.0 && r.is_finite() { zoom_for_resolution(r) } else { self.max_zoom };
        self.with_zoom(zoom).with_center(bounds.center())
    }

    /// The map box currently on screen.
    pub fn visible_bounds(&self) -> MapBounds {
        let a = self.screen_to_map(ScreenPoint::new(0.0, self.height));
        let b = self.screen_to_map(ScreenPoint::new(self.width, 0.0));
        MapBounds { min: a, max: b }
    }

    /// The similarity `(ox, oy, s)` — screen point `p` of this view goes to `(ox + s·p.x, oy + s·p.y)`
    /// — that shows what this view draws where `target` (same element size) draws it: the CSS
    /// transform of a zoom shown before it is committed.
    pub fn transform_to(&self, target: &Viewport) -> (f64, f64, f64) {
        let (rb, rt) = (self.resolution(), target.resolution());
        let s = rb / rt;
        let ox = self.width / 2.0 * (1.0 - s) + (self.center.x - target.center.x) / rt;
        let oy = self.height / 2.0 * (1.0 - s) + (target.center.y - self.center.y) / rt;
        (ox, oy, s)
    }

    /// A step of a fly-to animation: `t` = 0 gives `self`, 1 gives `to`. Zoom moves linearly (so the
    /// scale changes geometrically) and the centre linearly in map metres.
    pub fn interpolate(&self, to: &Viewport, t: f64) -> Self {
        let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 1.0 };
        let e = ease_in_out(t);
        let lerp = |a: f64, b: f64| a + (b - a) * e;
        self.with_zoom(lerp(self.zoom, to.zoom))
            .with_center(MapPoint::new(lerp(self.center.x, to.center.x), lerp(self.center.y, to.center.y)))
    }

    /// The transform for SVG content drawn in world units around `origin` (see [`WorldTransform`]).
    pub fn world_transform(&self, origin: MapPoint) -> WorldTransform {
        let scale = 1.0 / self.resolution();
        WorldTransform {
            scale,
            tx: self.width / 2.0 - (self.center.x - origin.x) * scale,
            ty: self.height / 2.0 - (origin.y - self.center.y) * scale,
        }
    }
}

/// Metres per pixel at a zoom level (256-pixel tiles, as on OpenStreetMap).
pub fn resolution_at(zoom: f64) -> f64 {
    2.0 * std::f64::consts::PI * EARTH_RADIUS_M / (256.0 * 2f64.powf(zoom))
}

/// The zoom level with the given metres per pixel.
pub fn zoom_for_resolution(resolution: f64) -> f64 {
    (2.0 * std::f64::consts::PI * EARTH_RADIUS_M / (256.0 * resolution)).log2()
}

fn ease_in_out(t: f64) -> f64 {
    if t < 0.5 {
        2.0 * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(2) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Viewport {
        Viewport::new(MapPoint::new(14_084_000.0, 5_752_000.0), 14.0, 1024.0, 768.0)
    }

    fn close(a: MapPoint, b: MapPoint) -> bool {
        (a.x - b.x).abs() < 1e-6 && (a.y - b.y).abs() < 1e-6
    }

    #[test]
    fn zoom_at_keeps_anchor_fixed() {
        let v = view();
        for &(x, y, f) in &[(0.0, 0.0, 2.0), (1000.0, 700.0, 0.5), (512.0, 384.0, 1.37), (3.0, 760.0, 8.0)] {
            let anchor = ScreenPoint::new(x, y);
            let z = v.zoom_at(anchor, f);
            assert!(close(v.screen_to_map(anchor), z.screen_to_map(anchor)), "anchor {x},{y} factor {f}");
        }
    }

    #[test]
    fn zoom_is_clamped_and_anchor_still_fixed() {
        let v = view();
        let anchor = ScreenPoint::new(200.0, 100.0);
        let z = v.zoom_at(anchor, 1e9);
        assert_eq!(z.zoom, DEFAULT_MAX_ZOOM);
        assert!(close(v.screen_to_map(anchor), z.screen_to_map(anchor)));
        assert_eq!(v.zoom_at(anchor, 1e-9).zoom, DEFAULT_MIN_ZOOM);
    }

    #[test]
    fn bad_input_changes_nothing() {
        let v = view();
        assert_eq!(v.zoom_at(ScreenPoint::new(1.0, 1.0), f64::NAN), v);
        assert_eq!(v.zoom_at(ScreenPoint::new(1.0, 1.0), -2.0), v);
        assert_eq!(v.pan_by(f64::INFINITY, 0.0), v);
        assert_eq!(v.with_size(f64::NAN, -5.0).width, 1.0);
    }

    #[test]
    fn screen_and_map_round_trip() {
        let v = view();
        let s = ScreenPoint::new(123.5, 456.25);
        let back = v.map_to_screen(v.screen_to_map(s));
        assert!((back.x - s.x).abs() < 1e-6 && (back.y - s.y).abs() < 1e-6);
    }

    #[test]
    fn pan_by_moves_content_with_the_pointer() {
        let v = view();
        let p = v.screen_to_map(ScreenPoint::new(100.0, 100.0));
        let moved = v.pan_by(30.0, -20.0).map_to_screen(p);
        assert!((moved.x - 130.0).abs() < 1e-6 && (moved.y - 80.0).abs() < 1e-6);
    }

    #[test]
    fn fit_shows_the_whole_box() {
        let b = MapBounds { min: MapPoint::new(0.0, 0.0), max: MapPoint::new(6500.0, 4000.0) };
        let v = view().fit(&b, 20.0);
        let shown = v.visible_bounds();
        assert!(shown.contains(b.min) && shown.contains(b.max));
        // and it is tight on one axis: not zoomed out needlessly
        let slack_x = shown.width() - b.width();
        let slack_y = shown.height() - b.height();
        assert!(slack_x.min(slack_y) <= 40.0 * v.resolution() + 1e-6);
    }

    #[test]
    fn transform_to_maps_this_views_screen_onto_the_targets() {
        let base = Viewport::new(MapPoint::new(1000.0, 2000.0), 13.3, 800.0, 600.0);
        let target = base.zoom_at(ScreenPoint::new(130.0, 470.0), 2.7).pan_by(-20.0, 11.0);
        let (ox, oy, s) = base.transform_to(&target);
        for p in [MapPoint::new(1000.0, 2000.0), MapPoint::new(-300.0, 4100.0), MapPoint::new(2600.0, 900.0)]
        {
            let (a, b) = (base.map_to_screen(p), target.map_to_screen(p));
            assert!((ox + s * a.x - b.x).abs() < 1e-6 && (oy + s * a.y - b.y).abs() < 1e-6);
        }
    }

    #[test]
    fn world_transform_agrees_with_map_to_screen() {
        let v = view();
        let origin = MapPoint::new(14_083_000.0, 5_751_000.0);
        let t = v.world_transform(origin);
        let p = MapPoint::new(14_084_321.0, 5_751_234.0);
        let world = (p.x - origin.x, origin.y - p.y);
        let s = v.map_to_screen(p);
        assert!((world.0 * t.scale + t.tx - s.x).abs() < 1e-6);
        assert!((world.1 * t.scale + t.ty - s.y).abs() < 1e-6);
    }

    #[test]
    fn interpolate_runs_from_start_to_end() {
        let a = view();
        let b = a.zoom_at(ScreenPoint::new(10.0, 10.0), 4.0);
        assert_eq!(a.interpolate(&b, 0.0), a);
        let end = a.interpolate(&b, 1.0);
        assert!(close(end.center, b.center) && (end.zoom - b.zoom).abs() < 1e-12);
        let mid = a.interpolate(&b, 0.5);
        assert!(mid.zoom > a.zoom && mid.zoom < b.zoom);
    }
}
