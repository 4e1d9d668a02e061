//! Gestures as an input pipeline: DOM pointer events (down, move, up) feed a pure state machine that turns
//! them and the viewport into what the map must do. One pointer drags, two pinch.

use super::{ScreenPoint, Viewport};

/// Pixels a pointer must move before a press becomes a drag (and no longer a click).
pub const DRAG_THRESHOLD_PX: f64 = 4.0;

/// What the map should do after an input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GestureEffect {
    /// Nothing to change.
    Nothing,
    /// Show the content shifted by this many pixels, without re-rendering layers (a drag in progress).
    Preview {
        /// Horizontal shift.
        dx: f64,
        /// Vertical shift.
        dy: f64,
    },
    /// Set this viewport now (pinch in progress, or a gesture ended).
    View(Viewport),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Active {
    Idle,
    Drag { from: ScreenPoint, base: Viewport, moved: bool },
    Pinch { mid: ScreenPoint, dist: f64, base: Viewport },
}

/// Tracks the pointers on the map and the gesture they make.
#[derive(Clone, Debug, PartialEq)]
pub struct Gestures {
    pointers: Vec<(i32, ScreenPoint)>,
    active: Active,
    last: GestureEffect,
    /// Cooperative mode (embedded maps): one finger is left to the host page's scrolling; only two
    /// fingers pan and pinch.
    two_fingers: bool,
}

impl Default for Gestures {
    fn default() -> Self {
        Self { pointers: Vec::new(), active: Active::Idle, last: GestureEffect::Nothing, two_fingers: false }
    }
}

impl Gestures {
    /// True once the current press moved far enough to count as a drag (clicks are then ignored).
    pub fn dragged(&self) -> bool {
        matches!(self.active, Active::Drag { moved: true, .. } | Active::Pinch { .. })
    }

    /// How many pointers are down.
    pub fn pointer_count(&self) -> usize {
        self.pointers.len()
    }

    /// True while at least one pointer is down.
    pub fn is_active(&self) -> bool {
        !self.pointers.is_empty()
    }

    fn current_view(&self) -> Option<Viewport> {
        match (self.active, self.last) {
            (Active::Drag { base, .. }, GestureEffect::Preview { dx, dy }) => Some(base.pan_by(dx, dy)),
            (_, GestureEffect::View(v)) => Some(v),
            (Active::Drag { base, .. } | Active::Pinch { base, .. }, _) => Some(base),
            (Active::Idle, _) => None,
        }
    }

    fn restart(&mut self, view: Viewport) {
        self.active = match self.pointers.as_slice() {
            [] => Active::Idle,
            [_] if self.two_fingers => Active::Idle,
            [(_, p)] => Active::Drag { from: *p, base: view, moved: true },
            [(_, a), (_, b), ..] => {
                Active::Pinch { mid: a.midpoint(*b), dist: a.distance(*b).max(1.0), base: view }
            }
        };
        self.last = GestureEffect::Nothing;
    }

    /// A pointer went down at `at` while the map showed `view`. With `two_fingers` (a touch on an
    /// embedded map) a single pointer does nothing, so the host page can scroll.
    pub fn down(&mut self, id: i32, at: ScreenPoint, view: Viewport, two_fingers: bool) -> GestureEffect {
        let committed = self.current_view();
        self.pointers.retain(|(p, _)| *p != id);
        self.pointers.push((id, at));
        if self.pointers.len() == 1 {
            self.two_fingers = two_fingers;
            if two_fingers {
                self.active = Active::Idle;
                self.last = GestureEffect::Nothing;
                return GestureEffect::Nothing;
            }
            self.active = Active::Drag { from: at, base: view, moved: false };
            self.last = GestureEffect::Nothing;
            return GestureEffect::Nothing;
        }
        let base = committed.unwrap_or(view);
        self.restart(base);
        GestureEffect::View(base)
    }

    /// A pointer moved.
    pub fn moved(&mut self, id: i32, at: ScreenPoint) -> GestureEffect {
        let Some(slot) = self.pointers.iter_mut().find(|(p, _)| *p == id) else {
            return GestureEffect::Nothing;
        };
        slot.1 = at;
        let effect = match &mut self.active {
            Active::Idle => GestureEffect::Nothing,
            Active::Drag { from, moved, .. } => {
                let (dx, dy) = (at.x - from.x, at.y - from.y);
                if !*moved && dx.hypot(dy) < DRAG_THRESHOLD_PX {
                    return GestureEffect::Nothing;
                }
                *moved = true;
                GestureEffect::Preview { dx, dy }
            }
            Active::Pinch { mid, dist, base } => {
                let (a, b) = (self.pointers[0].1, self.pointers[1].1);
                let now_mid = a.midpoint(b);
                let factor = a.distance(b).max(1.0) / *dist;
                GestureEffect::View(base.zoom_at(*mid, factor).pan_by(now_mid.x - mid.x, now_mid.y - mid.y))
            }
        };
        self.last = effect;
        effect
    }

    /// A pointer went up (or was cancelled). Ends or changes the gesture and commits its view.
    pub fn up(&mut self, id: i32) -> GestureEffect {
        if !self.pointers.iter().any(|(p, _)| *p == id) {
            return GestureEffect::Nothing;
        }
        let view = self.current_view();
        self.pointers.retain(|(p, _)| *p != id);
        match view {
            Some(v) if self.pointers.is_empty() => {
                let changed = !matches!(self.last, GestureEffect::Nothing);
                self.active = Active::Idle;
                self.last = GestureEffect::Nothing;
                if changed {
                    GestureEffect::View(v)
                } else {
                    GestureEffect::Nothing
                }
            }
            Some(v) => {
                self.restart(v);
                GestureEffect::View(v)
            }
            None => GestureEffect::Nothing,
        }
    }
}

/// Longest pause between the taps of a double tap, in milliseconds.
pub const DOUBLE_TAP_MS: f64 = 300.0;
/// Farthest apart the taps of a double tap may be, in pixels.
pub const DOUBLE_TAP_PX: f64 = 30.0;

/// Recognises a double tap from a stream of taps (presses that did not become drags).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TapDetector {
    last: Option<(f64, ScreenPoint)>,
}

impl TapDetector {
    /// Records a tap at `time_ms`; true when it completes a double tap (which is then consumed).
    pub fn tap(&mut self, time_ms: f64, at: ScreenPoint) -> bool {
        let double = self.last.is_some_and(|(t, p)| {
            time_ms - t <= DOUBLE_TAP_MS && time_ms >= t && p.distance(at) <= DOUBLE_TAP_PX
        });
        self.last = if double { None } else { Some((time_ms, at)) };
        double
    }
}

/// Zoom factor for a wheel event: `delta_y` in pixels (mode 0), lines (1) or pages (2). One notch
/// of a mouse wheel (100 px) is about a third of a zoom level; trackpads give smooth fractions.
pub fn wheel_factor(delta_y: f64, delta_mode: u32) -> f64 {
    let px = match delta_mode {
        1 => delta_y * 16.0,
        2 => delta_y * 400.0,
        _ => delta_y,
    };
    if !px.is_finite() {
        return 1.0;
    }
    2f64.powf((-px / 300.0).clamp(-2.0, 2.0))
}

/// What a key does when the map has focus.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyAction {
    /// Move the content by pixels.
    Pan(f64, f64),
    /// Zoom by a factor around the centre.
    Zoom(f64),
}

/// Pixels the arrow keys pan by.
pub const KEY_PAN_PX: f64 = 80.0;

/// The action for a `KeyboardEvent.key`, if any.
pub fn key_action(key: &str) -> Option<KeyAction> {
    Some(match key {
        "ArrowLeft" => KeyAction::Pan(KEY_PAN_PX, 0.0),
        "ArrowRight" => KeyAction::Pan(-KEY_PAN_PX, 0.0),
        "ArrowUp" => KeyAction::Pan(0.0, KEY_PAN_PX),
        "ArrowDown" => KeyAction::Pan(0.0, -KEY_PAN_PX),
        "+" | "=" => KeyAction::Zoom(2.0),
        "-" | "_" => KeyAction::Zoom(0.5),
        _ => return None,
    })
}

/// A direction for moving keyboard focus between markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the top of the screen.
    Up,
    /// Towards the bottom.
    Down,
    /// Towards the left.
    Left,
    /// Towards the right.
    Right,
}

impl Direction {
    /// The direction an arrow key names (`ArrowUp`, ...).
    pub fn from_key(key: &str) -> Option<Direction> {
        Some(match key {
            "ArrowUp" => Direction::Up,
            "ArrowDown" => Direction::Down,
            "ArrowLeft" => Direction::Left,
            "ArrowRight" => Direction::Right,
            _ => return None,
        })
    }
}

/// The index of the marker to move keyboard focus to from `from` in direction `dir`: among the
/// candidates within 60° of that direction, the one closest once sideways distance is weighted
/// double (so the arrow goes where the eye expects). `None` when nothing lies that way.
///
/// ```
/// use parkmap::geo::{ScreenPoint, gesture::{nearest_in_direction, Direction}};
/// let pts = [ScreenPoint::new(100.0, 0.0), ScreenPoint::new(30.0, 25.0), ScreenPoint::new(-50.0, 0.0)];
/// assert_eq!(nearest_in_direction(ScreenPoint::new(0.0, 0.0), &pts, Direction::Right), Some(1));
/// assert_eq!(nearest_in_direction(ScreenPoint::new(0.0, 0.0), &pts, Direction::Up), None);
/// ```
pub fn nearest_in_direction(from: ScreenPoint, candidates: &[ScreenPoint], dir: Direction) -> Option<usize> {
    let (ux, uy) = match dir {
        Direction::Up => (0.0, -1.0),
        Direction::Down => (0.0, 1.0),
        Direction::Left => (-1.0, 0.0),
        Direction::Right => (1.0, 0.0),
    };
    candidates
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (dx, dy) = (p.x - from.x, p.y - from.y);
            let along = dx * ux + dy * uy;
            let across = (dx * uy - dy * ux).abs();
            // within 60° of the direction: across <= along * tan(60°)
            (along > 0.5 && across <= along * 3f64.sqrt()).then_some((i, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// A metric scale bar: a round length (1, 2 or 5 × 10ⁿ metres) and its width in pixels, no wider
/// than `max_px`, for a Web Mercator view at `lat_deg` (true ground scale = resolution × cos φ).
pub fn scale_bar(view: &Viewport, lat_deg: f64, max_px: f64) -> (f64, f64) {
    let ground_m_per_px = view.resolution() * lat_deg.to_radians().cos();
    let max_m = ground_m_per_px * max_px;
    let pow = 10f64.powf(max_m.log10().floor());
    let metres = [5.0, 2.0, 1.0].iter().map(|k| k * pow).find(|m| *m <= max_m).unwrap_or(pow);
    (metres, metres / ground_m_per_px)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::MapPoint;

    fn view() -> Viewport {
        Viewport::new(MapPoint::new(14_084_000.0, 5_752_000.0), 14.0, 800.0, 600.0)
    }

    #[test]
    fn a_press_without_movement_is_a_click_not_a_drag() {
        let mut g = Gestures::default();
        assert_eq!(g.down(1, ScreenPoint::new(100.0, 100.0), view(), false), GestureEffect::Nothing);
        assert_eq!(g.moved(1, ScreenPoint::new(102.0, 101.0)), GestureEffect::Nothing);
        assert!(!g.dragged());
        assert_eq!(g.up(1), GestureEffect::Nothing);
    }

    #[test]
    fn drag_previews_then_commits_the_pan_on_release() {
        let mut g = Gestures::default();
        g.down(1, ScreenPoint::new(100.0, 100.0), view(), false);
        assert_eq!(g.moved(1, ScreenPoint::new(150.0, 80.0)), GestureEffect::Preview { dx: 50.0, dy: -20.0 });
        assert!(g.dragged());
        assert_eq!(g.up(1), GestureEffect::View(view().pan_by(50.0, -20.0)));
        assert!(!g.is_active());
    }

    #[test]
    fn pinch_zooms_about_the_fingers_midpoint() {
        let mut g = Gestures::default();
        let v = view();
        g.down(1, ScreenPoint::new(300.0, 300.0), v, false);
        g.down(2, ScreenPoint::new(500.0, 300.0), v, false);
        let under_mid = v.screen_to_map(ScreenPoint::new(400.0, 300.0));
        let GestureEffect::View(z) = g.moved(2, ScreenPoint::new(700.0, 300.0)) else { panic!() };
        // fingers twice... 400 px apart now, midpoint moved to 500
        assert!((z.zoom - (v.zoom + 1.0)).abs() < 1e-9);
        let now = z.map_to_screen(under_mid);
        assert!((now.x - 500.0).abs() < 1e-6 && (now.y - 300.0).abs() < 1e-6);
        // lifting one finger keeps the pinched view and continues as a drag
        assert_eq!(g.up(1), GestureEffect::View(z));
        assert!(g.is_active());
    }

    #[test]
    fn cooperative_mode_leaves_one_finger_to_the_page_and_pans_with_two() {
        let mut g = Gestures::default();
        let v = view();
        assert_eq!(g.down(1, ScreenPoint::new(100.0, 100.0), v, true), GestureEffect::Nothing);
        assert_eq!(g.moved(1, ScreenPoint::new(160.0, 100.0)), GestureEffect::Nothing);
        assert!(!g.dragged());
        // a second finger: both move together 50 px right, no zoom → a pan
        g.down(2, ScreenPoint::new(300.0, 100.0), v, true);
        g.moved(1, ScreenPoint::new(210.0, 100.0));
        let GestureEffect::View(p) = g.moved(2, ScreenPoint::new(350.0, 100.0)) else { panic!() };
        assert!((p.zoom - v.zoom).abs() < 1e-9);
        let moved = p.map_to_screen(v.screen_to_map(ScreenPoint::new(230.0, 100.0)));
        assert!((moved.x - 280.0).abs() < 1e-6, "{moved:?}");
        // lifting one finger does not turn the other into a one-finger drag
        g.up(1);
        assert_eq!(g.moved(2, ScreenPoint::new(400.0, 100.0)), GestureEffect::Nothing);
    }

    #[test]
    fn double_tap_needs_two_close_quick_taps() {
        let mut d = TapDetector::default();
        assert!(!d.tap(0.0, ScreenPoint::new(10.0, 10.0)));
        assert!(d.tap(200.0, ScreenPoint::new(15.0, 12.0)));
        // consumed: a third tap starts over
        assert!(!d.tap(300.0, ScreenPoint::new(15.0, 12.0)));
        assert!(!d.tap(900.0, ScreenPoint::new(15.0, 12.0)), "too slow");
        assert!(!d.tap(1000.0, ScreenPoint::new(100.0, 12.0)), "too far");
    }

    #[test]
    fn wheel_and_keys_map_to_zoom_and_pan() {
        assert!(wheel_factor(-100.0, 0) > 1.0 && wheel_factor(100.0, 0) < 1.0);
        assert_eq!(wheel_factor(f64::NAN, 0), 1.0);
        assert!((wheel_factor(-300.0, 0) - 2.0).abs() < 1e-12);
        assert_eq!(key_action("+"), Some(KeyAction::Zoom(2.0)));
        assert_eq!(key_action("ArrowLeft"), Some(KeyAction::Pan(KEY_PAN_PX, 0.0)));
        assert_eq!(key_action("a"), None);
    }

    #[test]
    fn focus_moves_to_the_nearest_marker_that_way() {
        let from = ScreenPoint::new(100.0, 100.0);
        let pts = [
            ScreenPoint::new(100.0, 100.0), // itself: never chosen
            ScreenPoint::new(180.0, 100.0),
            ScreenPoint::new(140.0, 60.0),
            ScreenPoint::new(100.0, 300.0),
            ScreenPoint::new(20.0, 110.0),
        ];
        assert_eq!(nearest_in_direction(from, &pts, Direction::Right), Some(1));
        assert_eq!(nearest_in_direction(from, &pts, Direction::Down), Some(3));
        assert_eq!(nearest_in_direction(from, &pts, Direction::Left), Some(4));
        assert_eq!(nearest_in_direction(from, &pts, Direction::Up), Some(2));
        assert_eq!(nearest_in_direction(from, &[], Direction::Up), None);
    }

    #[test]
    fn scale_bar_is_round_and_fits() {
        let v = view();
        let (m, px) = scale_bar(&v, 45.84, 120.0);
        assert!(px <= 120.0 && px > 40.0, "{px}");
        let lead = m / 10f64.powf(m.log10().floor());
        assert!([1.0, 2.0, 5.0].iter().any(|k| (k - lead).abs() < 1e-9), "{m}");
    }
}
