//! Label placement for the map: zone names, trail names and POI names set where they fit, never
//! on top of each other or of markers, and still there, unmoved, while the map is dragged. Pure: no
//! DOM; the browser only measures text (see [`TextMeasure`]).
//!
//! The rule ([`place_labels`]):
//! 1. Labels go in priority order: every zone, then every trail, then every POI ([`LabelClass`]);
//!    within a class, those placed last time first (so a newcomer never pushes out a label that was
//!    already on screen), then by `importance`, then by id. The result is deterministic.
//! 2. Each label tries its options in order until one fits: last time's option (if it still fits),
//!    then each allowed [`Position`] on one line, then each on two lines (wrap before drop), then
//!    the same with its short text, if it has one (abbreviate before drop). A label on a line (a
//!    trail's) is set along it instead: centred at a station where the line under the text is
//!    straight enough, rotated with the line and kept upright ([`upright_deg`]), trying the stations
//!    nearest the middle of the visible part first; and a line label whose text is already on the
//!    map (another section of the same route) keeps [`PlaceOptions::repeat_px`] away from it, so a
//!    route is named once per stretch and repeated only far apart.
//! 3. An option fits when its box lies inside the view less a margin and overlaps no obstacle
//!    (cluster bubbles, markers, badges) and no label placed before it, with `padding_px` to spare.
//!    A rotated label is a row of small boxes along its text ([`along_boxes`]), each checked.
//!    A label with no fitting option is dropped.
//!
//! Stations along a trail are spaced by arc length from its start, which a pan does not change;
//! so a pan keeps every option's box moving with the map, and with the previous choices tried first
//! a label whose box stays in view keeps its place.
//!
//! ```
//! use parkmap::geo::ScreenPoint;
//! use parkmap::label::{place_labels, Candidate, EmMetrics, LabelClass, PlaceOptions, PreviousChoices};
//! let labels = [
//!     Candidate::point("z1", LabelClass::Zone, "数字经济产业区", ScreenPoint::new(200.0, 150.0)),
//!     Candidate::point("p1", LabelClass::Poi, "Toilet", ScreenPoint::new(205.0, 152.0)),
//! ];
//! let layout = place_labels(&labels, &[], &EmMetrics::new(13.0), &PlaceOptions::new(400.0, 300.0), &PreviousChoices::new());
//! assert_eq!(layout.placed[0].id, "z1");
//! assert!(layout.placed.iter().all(|l| l.rect.width() > 0.0));
//! // the next frame, after a small pan, keeps every option
//! let again = place_labels(&labels, &[], &EmMetrics::new(13.0), &PlaceOptions::new(400.0, 300.0), &layout.choices());
//! assert_eq!(again.choices(), layout.choices());
//! ```

mod along;
pub mod badges;
mod grid;
pub mod metrics;
mod place;
pub mod wrap;

use std::collections::HashMap;

use crate::geo::{ScreenPoint, ScreenRect};

pub use along::{along_boxes, chain_lines, upright_deg, Along};
pub use metrics::{EmMetrics, MetricsTable, TextMeasure};
pub use place::place_labels;

/// What a label names; the order of the variants is the priority (zones first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelClass {
    /// A zone's name, at its label point.
    Zone,
    /// A trail's name, along its line.
    Trail,
    /// A point of interest's name, beside its marker.
    Poi,
}

/// Where a label's box sits relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// Centred on the anchor.
    Center,
    /// Above it, `gap_px` between the anchor and the box's bottom.
    Above,
    /// Below it, `gap_px` between the anchor and the box's top.
    Below,
    /// To the right, vertically centred.
    Right,
    /// To the left, vertically centred.
    Left,
}

impl Position {
    /// The box of size `w × h` at this position around `at`, `gap` pixels off it.
    pub fn rect(self, at: ScreenPoint, w: f64, h: f64, gap: f64) -> ScreenRect {
        let c = match self {
            Position::Center => at,
            Position::Above => ScreenPoint::new(at.x, at.y - gap - h / 2.0),
            Position::Below => ScreenPoint::new(at.x, at.y + gap + h / 2.0),
            Position::Right => ScreenPoint::new(at.x + gap + w / 2.0, at.y),
            Position::Left => ScreenPoint::new(at.x - gap - w / 2.0, at.y),
        };
        ScreenRect::centered(c, w, h)
    }
}

/// What a label is attached to, in screen pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// A point: a zone's label point, a POI's marker.
    Point(ScreenPoint),
    /// A line (a trail as drawn): the label is set along it, rotated with it, at one of its
    /// stations (the candidate's positions do not apply).
    Line(Vec<ScreenPoint>),
    /// Alternative points in order of preference (a zone's label point, then other points inside
    /// it): the label goes at the first where it fits.
    Points(Vec<ScreenPoint>),
}

/// A label that would like a place on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Unique among the candidates (a feature's `kind:id`); previous choices are keyed by it.
    pub id: String,
    /// Priority class (and font).
    pub class: LabelClass,
    /// The text, on one line.
    pub text: String,
    /// Where it is attached.
    pub anchor: Anchor,
    /// Allowed positions, in order of preference (none: [`Position::Center`]).
    pub positions: Vec<Position>,
    /// Pixels between the anchor and the box for the off-centre positions (a marker's half size).
    pub gap_px: f64,
    /// May be set on two lines before being dropped.
    pub wrap: bool,
    /// Order within its class: higher first (a zone's area, say).
    pub importance: f64,
    /// A shorter text tried (one line, then two) when no option of `text` fits.
    pub short: Option<String>,
}

impl Candidate {
    /// A label at a point with its class's defaults: a zone centred (else just below or above), a
    /// POI beside its 18 px marker (right, left, above, below), a trail centred on its line.
    pub fn point(id: impl Into<String>, class: LabelClass, text: impl Into<String>, at: ScreenPoint) -> Self {
        use Position::*;
        let (positions, gap_px) = match class {
            LabelClass::Zone => (vec![Center, Below, Above], 4.0),
            LabelClass::Trail => (vec![Center, Above, Below], 3.0),
            LabelClass::Poi => (vec![Right, Left, Above, Below], 12.0),
        };
        Self {
            id: id.into(),
            class,
            text: text.into(),
            anchor: Anchor::Point(at),
            positions,
            gap_px,
            wrap: true,
            importance: 0.0,
            short: None,
        }
    }

    /// A label along a line (a trail): on it, rotated with it, where it is straight enough.
    pub fn line(
        id: impl Into<String>,
        class: LabelClass,
        text: impl Into<String>,
        line: Vec<ScreenPoint>,
    ) -> Self {
        let mut c = Self::point(id, class, text, ScreenPoint::default());
        c.anchor = Anchor::Line(line);
        c
    }
}

/// Which option a label took: enough to take the same one next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The position around the anchor point.
    pub position: Position,
    /// The station along a line (0 for a point).
    pub station: u16,
    /// Set on two lines.
    pub two_lines: bool,
    /// The candidate's short text was used.
    pub short: bool,
}

/// Each placed label's choice, by id: what [`place_labels`] prefers next time.
pub type PreviousChoices = HashMap<String, Choice>;

/// One line of a placed label.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLine {
    /// The text.
    pub text: String,
    /// The centre of its line box (SVG: `text-anchor="middle"`, `dominant-baseline="central"`).
    pub center: ScreenPoint,
}

/// A label with its place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The candidate's id.
    pub id: String,
    /// The candidate's class.
    pub class: LabelClass,
    /// The option taken.
    pub choice: Choice,
    /// The box it covers (without padding): for a rotated label, the box around its [`Self::boxes`].
    pub rect: ScreenRect,
    /// Clockwise rotation about its centre in degrees (0 but for a label along a line), in (−90, 90].
    pub angle_deg: f64,
    /// What it covers, checked against everything else: `[rect]`, or for a rotated label a row
    /// of small boxes along its text ([`along_boxes`]).
    pub boxes: Vec<ScreenRect>,
    /// One or two lines, top first.
    pub lines: Vec<PlacedLine>,
}

/// The outcome of a placement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelLayout {
    /// Placed labels, in the order they were placed (priority order).
    pub placed: Vec<PlacedLabel>,
    /// Ids of the candidates that found no place, in the same order.
    pub dropped: Vec<String>,
}

impl LabelLayout {
    /// The choices to pass to the next placement (the next frame of a drag).
    pub fn choices(&self) -> PreviousChoices {
        self.placed.iter().map(|l| (l.id.clone(), l.choice)).collect()
    }
}

/// The screen and spacing a placement works with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceOptions {
    /// Width of the map element, CSS pixels.
    pub width: f64,
    /// Height of the map element, CSS pixels.
    pub height: f64,
    /// Labels stay this far inside the element's edges (controls sit there).
    pub edge_margin_px: f64,
    /// Space kept between a label and anything else.
    pub padding_px: f64,
    /// Least distance between the centres of two line labels with the same text (two sections
    /// of one route), pixels.
    pub repeat_px: f64,
}

impl PlaceOptions {
    /// A `width × height` element, 4 px from its edges, 2 px between labels, a route's name
    /// repeated no closer than 320 px.
    pub fn new(width: f64, height: f64) -> Self {
        Self { width, height, edge_margin_px: 4.0, padding_px: 2.0, repeat_px: 320.0 }
    }
}
