//! A label set along a line, as map readers expect a road's or a trail's name: on a stretch straight
//! enough to carry the text, rotated with it and kept upright (never upside down), and checked for
//! collisions as a row of small boxes along the text rather than one box around the rotated text
//! (a diagonal name's bounding box would block a large empty square; the row follows the text,
//! as MapLibre's collision circles along a line label do).

use crate::geo::{ScreenPoint, ScreenRect};

/// Spacing of the stations where an along-line label may be centred, pixels of arc length.
pub(super) const ALONG_SPACING_PX: f64 = 24.0;
/// Most stations on one line (a long line zoomed in gets wider spacing, not more work).
pub(super) const MAX_ALONG_STATIONS: usize = 128;
/// How far the line may stray from the text's middle under it, as a share of the line height: a
/// little more than the text's half height, so a gently meandering greenway carries its name
/// along its mean course (the wave stays within the text's band and halo); a bend does not.
const MAX_DEVIATION_EM: f64 = 0.6;
/// The chord under the text must be at least this share of the text's width (a line that doubles
/// back on itself is no place for a name).
const MIN_CHORD_SHARE: f64 = 0.92;

/// A polyline with the arc length at each vertex: where along it a label can go.
#[derive(Clone, Debug)]
pub(super) struct Polyline {
    pts: Vec<ScreenPoint>,
    /// Arc length from the first point to each point.
    cum: Vec<f64>,
}

/// Where an along-line label sits: its centre and its rotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Along {
    /// The centre of the text: a point of the line.
    pub center: ScreenPoint,
    /// Clockwise rotation in degrees (screen y points down), in (−90, 90]: the text reads left to right.
    pub angle_deg: f64,
}

impl Polyline {
    /// The finite points of `line`, repeated points dropped.
    pub(super) fn new(line: &[ScreenPoint]) -> Self {
        let mut pts: Vec<ScreenPoint> = Vec::with_capacity(line.len());
        for p in line.iter().filter(|p| p.x.is_finite() && p.y.is_finite()) {
            if pts.last().is_none_or(|q: &ScreenPoint| q.distance(*p) > 1e-9) {
                pts.push(*p);
            }
        }
        let mut cum = Vec::with_capacity(pts.len());
        let mut s = 0.0;
        for (i, p) in pts.iter().enumerate() {
            if i > 0 {
                s += pts[i - 1].distance(*p);
            }
            cum.push(s);
        }
        Self { pts, cum }
    }

    /// Total arc length, pixels.
    pub(super) fn length(&self) -> f64 {
        self.cum.last().copied().unwrap_or(0.0)
    }

    /// The point at arc length `s` (clamped to the line).
    pub(super) fn point_at(&self, s: f64) -> ScreenPoint {
        let Some(&first) = self.pts.first() else { return ScreenPoint::default() };
        let i = self.cum.partition_point(|&c| c <= s);
        if i == 0 {
            return first;
        }
        if i >= self.pts.len() {
            return self.pts[self.pts.len() - 1];
        }
        let (a, b) = (self.pts[i - 1], self.pts[i]);
        let t = ((s - self.cum[i - 1]) / (self.cum[i] - self.cum[i - 1])).clamp(0.0, 1.0);
        ScreenPoint::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
    }

    /// Arc lengths of the stations, every [`ALONG_SPACING_PX`] from the line's start (so a pan
    /// moves them with the map).
    pub(super) fn stations(&self) -> Vec<f64> {
        let total = self.length();
        if total <= 0.0 {
            return Vec::new();
        }
        let count = ((total / ALONG_SPACING_PX).floor() as usize).clamp(1, MAX_ALONG_STATIONS);
        let step = total / count as f64;
        (0..count).map(|k| (k as f64 + 0.5) * step).collect()
    }

    /// The text `w` wide and `h` tall centred on the line at arc length `s` (moved inwards where
    /// the text would run past an end of the line) and turned with the chord joining the line's
    /// points under the text's ends, when the line is straight enough there: no point of it under
    /// the text farther than [`MAX_DEVIATION_EM`] × `h` from the text's middle line.
    pub(super) fn fit_at(&self, s: f64, w: f64, h: f64) -> Option<Along> {
        let half = w / 2.0;
        if !(w > 0.0 && h > 0.0 && s.is_finite()) || w > self.length() {
            return None;
        }
        let s = s.clamp(half, self.length() - half);
        let (a, b) = (self.point_at(s - half), self.point_at(s + half));
        let chord = a.distance(b);
        if chord < MIN_CHORD_SHARE * w {
            return None;
        }
        let (ux, uy) = ((b.x - a.x) / chord, (b.y - a.y) / chord);
        let center = self.point_at(s);
        let off = |p: &ScreenPoint| ((p.x - center.x) * uy - (p.y - center.y) * ux).abs();
        let max_dev = MAX_DEVIATION_EM * h;
        let inner = self.cum.iter().zip(&self.pts).filter(|(c, _)| **c > s - half && **c < s + half);
        if [a, b].iter().chain(inner.map(|(_, p)| p)).any(|p| off(p) > max_dev) {
            return None;
        }
        Some(Along { center, angle_deg: upright_deg(uy.atan2(ux).to_degrees()) })
    }
}

/// `deg` turned by half a turn where needed so text at that angle reads left to right: in (−90, 90].
///
/// ```
/// use parkmap::label::upright_deg;
/// assert_eq!(upright_deg(170.0), -10.0);
/// assert_eq!(upright_deg(-135.0), 45.0);
/// assert_eq!(upright_deg(90.0), 90.0);
/// assert_eq!(upright_deg(-90.0), 90.0);
/// ```
pub fn upright_deg(deg: f64) -> f64 {
    let mut d = deg % 360.0;
    if d > 180.0 {
        d -= 360.0;
    } else if d <= -180.0 {
        d += 360.0;
    }
    if d > 90.0 {
        d - 180.0
    } else if d <= -90.0 {
        d + 180.0
    } else {
        d
    }
}

/// The collision boxes of a `w × h` text centred at `at` and rotated by `angle_deg`: the text cut
/// into pieces about as long as it is tall, each piece's axis-aligned box. Together they cover the
/// rotated text and little else.
pub fn along_boxes(at: ScreenPoint, angle_deg: f64, w: f64, h: f64) -> Vec<ScreenRect> {
    let n = ((w / h.max(1.0)).ceil() as usize).clamp(1, 64);
    let piece = w / n as f64;
    let (sin, cos) = angle_deg.to_radians().sin_cos();
    let (ex, ey) = (piece * cos.abs() + h * sin.abs(), piece * sin.abs() + h * cos.abs());
    (0..n)
        .map(|i| {
            let d = -w / 2.0 + piece * (i as f64 + 0.5);
            ScreenRect::centered(ScreenPoint::new(at.x + d * cos, at.y + d * sin), ex, ey)
        })
        .collect()
}

/// Joins the line candidates that continue each other — same class and text (the sections of one
/// route), an end of one within `tolerance_px` of an end of the other — into one candidate per
/// stretch, so a name longer than any one section still finds a place along the route. A joined
/// candidate's id is its parts' ids joined by `+` in line order, its importance their sum; the
/// first part's other fields are kept. Point candidates pass through unchanged, in order, before
/// the lines.
///
/// ```
/// use parkmap::geo::ScreenPoint;
/// use parkmap::label::{chain_lines, Anchor, Candidate, LabelClass};
/// let p = ScreenPoint::new;
/// let a = Candidate::line("g1", LabelClass::Trail, "Greenway", vec![p(0.0, 0.0), p(50.0, 0.0)]);
/// let b = Candidate::line("g2", LabelClass::Trail, "Greenway", vec![p(100.0, 0.0), p(50.0, 0.0)]);
/// let joined = chain_lines(vec![a, b], 1.0);
/// assert_eq!(joined.len(), 1);
/// assert_eq!(joined[0].id, "g1+g2");
/// assert_eq!(joined[0].anchor, Anchor::Line(vec![p(0.0, 0.0), p(50.0, 0.0), p(100.0, 0.0)]));
/// ```
///
/// # Complexity
/// O(n²) per join for n line candidates: a screen holds a few dozen trail sections.
pub fn chain_lines(candidates: Vec<super::Candidate>, tolerance_px: f64) -> Vec<super::Candidate> {
    use super::{Anchor, Candidate};
    let (mut out, mut lines): (Vec<Candidate>, Vec<(Candidate, Vec<ScreenPoint>)>) = (Vec::new(), Vec::new());
    for c in candidates {
        match &c.anchor {
            Anchor::Line(l) if l.len() >= 2 => {
                let l = l.clone();
                lines.push((c, l));
            }
            _ => out.push(c),
        }
    }
    let near = |a: ScreenPoint, b: ScreenPoint| a.distance(b) <= tolerance_px;
    'join: loop {
        for i in 0..lines.len() {
            for j in 0..lines.len() {
                let (a, b) = (&lines[i], &lines[j]);
                if i == j || a.0.class != b.0.class || a.0.text != b.0.text {
                    continue;
                }
                let (a_start, a_end, b_start, b_end) =
                    (a.1[0], a.1[a.1.len() - 1], b.1[0], b.1[b.1.len() - 1]);
                // (turn a round, turn b round) so that a's end meets b's start; a's start meeting
                // b's end is the pair (j, i)
                let (turn_a, turn_b) = if near(a_end, b_start) {
                    (false, false)
                } else if near(a_end, b_end) {
                    (false, true)
                } else if near(a_start, b_start) {
                    (true, false)
                } else {
                    continue;
                };
                let (b, mut b_line) = lines.remove(j);
                if turn_b {
                    b_line.reverse();
                }
                let a = &mut lines[if j < i { i - 1 } else { i }];
                if turn_a {
                    a.1.reverse();
                }
                a.1.extend(b_line.into_iter().skip(1));
                a.0.id = format!("{}+{}", a.0.id, b.id);
                a.0.importance += b.importance;
                continue 'join;
            }
        }
        break;
    }
    out.extend(lines.into_iter().map(|(mut c, l)| {
        c.anchor = Anchor::Line(l);
        c
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> ScreenPoint {
        ScreenPoint::new(x, y)
    }

    #[test]
    fn text_along_a_line_going_left_is_turned_to_read_left_to_right() {
        let line = Polyline::new(&[pt(300.0, 200.0), pt(0.0, 100.0)]);
        let a = line.fit_at(line.length() / 2.0, 100.0, 14.0).expect("straight");
        let expected = (100.0f64).atan2(300.0).to_degrees(); // the line's slope, pointing right-down
        assert!((a.angle_deg - expected).abs() < 1e-9, "{a:?}");
        assert!((a.center.x - 150.0).abs() < 1e-9 && (a.center.y - 150.0).abs() < 1e-9);
    }

    #[test]
    fn a_vertical_line_reads_downwards_and_upright_stays_in_range() {
        let line = Polyline::new(&[pt(50.0, 300.0), pt(50.0, 0.0)]);
        assert_eq!(line.fit_at(150.0, 80.0, 12.0).map(|a| a.angle_deg), Some(90.0));
        for d in (-720..=720).step_by(15) {
            let u = upright_deg(f64::from(d));
            assert!(u > -90.0 && u <= 90.0, "{d} → {u}");
            let turned = (f64::from(d) - u).rem_euclid(180.0);
            assert!(turned.abs() < 1e-9 || (turned - 180.0).abs() < 1e-9, "{d} → {u}: same line");
        }
    }

    #[test]
    fn no_place_on_a_sharp_bend_or_past_the_ends() {
        let bent = Polyline::new(&[pt(0.0, 100.0), pt(100.0, 100.0), pt(100.0, 0.0)]);
        assert_eq!(bent.fit_at(100.0, 80.0, 12.0), None, "the corner");
        assert!(bent.fit_at(45.0, 80.0, 12.0).is_some(), "the straight before it");
        assert_eq!(bent.fit_at(20.0, 110.0, 12.0), None, "moved inwards, still over the corner");
        assert!(bent.fit_at(0.0, 70.0, 12.0).is_some(), "moved inwards, clear of it");
        assert_eq!(bent.fit_at(100.0, 201.0, 12.0), None, "longer than the line");
        assert_eq!(Polyline::new(&[pt(0.0, 0.0)]).fit_at(0.0, 10.0, 10.0), None);
    }

    #[test]
    fn a_gentle_wave_carries_text_and_a_deep_one_does_not() {
        let wave = |amp: f64| {
            Polyline::new(
                &(0..=40)
                    .map(|i| pt(f64::from(i) * 5.0, 100.0 + amp * (f64::from(i) / 3.0).sin()))
                    .collect::<Vec<_>>(),
            )
        };
        assert!(wave(1.5).fit_at(100.0, 120.0, 14.0).is_some());
        assert_eq!(wave(12.0).fit_at(100.0, 120.0, 14.0), None);
    }

    #[test]
    fn the_boxes_cover_the_rotated_text_and_stay_near_it() {
        let (at, w, h) = (pt(200.0, 200.0), 120.0, 14.0);
        let boxes = along_boxes(at, 30.0, w, h);
        assert_eq!(boxes.len(), 9);
        let (sin, cos) = 30f64.to_radians().sin_cos();
        // every point of the rotated text lies in a box
        for i in 0..=40 {
            for j in 0..=4 {
                let (u, v) = (-w / 2.0 + w * f64::from(i) / 40.0, -h / 2.0 + h * f64::from(j) / 4.0);
                let p = pt(at.x + u * cos - v * sin, at.y + u * sin + v * cos);
                let inside = |r: &ScreenRect| {
                    p.x >= r.min.x - 1e-9
                        && p.x <= r.max.x + 1e-9
                        && p.y >= r.min.y - 1e-9
                        && p.y <= r.max.y + 1e-9
                };
                assert!(boxes.iter().any(inside), "{p:?} uncovered");
            }
        }
        // and together they cover far less than the rotated text's bounding box
        let area: f64 = boxes.iter().map(ScreenRect::area).sum();
        let bbox = (w * cos + h * sin) * (w * sin + h * cos);
        assert!(area < 0.6 * bbox, "{area} vs {bbox}");
    }
}
