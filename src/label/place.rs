//! The greedy placement itself (the rule is in the module docs of [`super`]).

use super::along::{along_boxes, Polyline};
use super::grid::Grid;
use super::wrap::best_split;
use super::{
    Anchor, Candidate, Choice, LabelLayout, PlaceOptions, PlacedLabel, PlacedLine, Position, PreviousChoices,
    TextMeasure,
};
use crate::geo::{ScreenPoint, ScreenRect};

/// Most alternative points of one label.
const MAX_STATIONS: usize = 32;

/// Places `candidates` around `obstacles` on the screen of `options`, preferring each label's
/// choice in `previous` (the last frame's [`LabelLayout::choices`]). See [`super`] for the rule.
///
/// # Complexity
/// O(n log n) to order the labels plus, per label, O(options × boxes per grid cell): for 12 zones,
/// 100 trails and 200 POIs a small fraction of a millisecond natively (`cargo bench --bench labels`).
pub fn place_labels(
    candidates: &[Candidate],
    obstacles: &[ScreenRect],
    measure: &impl TextMeasure,
    options: &PlaceOptions,
    previous: &PreviousChoices,
) -> LabelLayout {
    let mut grid = Grid::new(options.width, options.height);
    obstacles.iter().for_each(|&o| grid.insert(o));
    let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let (margin, padding) = (clean(options.edge_margin_px), clean(options.padding_px));
    let bounds = ScreenRect::new(
        ScreenPoint::new(margin, margin),
        ScreenPoint::new(options.width - margin, options.height - margin),
    );
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        let (ca, cb) = (&candidates[a], &candidates[b]);
        ca.class
            .cmp(&cb.class)
            .then(previous.contains_key(&cb.id).cmp(&previous.contains_key(&ca.id)))
            .then(cb.importance.total_cmp(&ca.importance))
            .then(ca.id.cmp(&cb.id))
            .then(a.cmp(&b))
    });
    let mut layout = LabelLayout::default();
    // the line labels placed so far, text and centre: a route's name is not repeated nearby
    let mut on_lines: Vec<(&str, ScreenPoint)> = Vec::new();
    let repeat = clean(options.repeat_px);
    for i in order {
        let c = &candidates[i];
        let fits = |r: &ScreenRect| bounds.contains_rect(r) && !grid.hits(&r.inflate(padding));
        let prev = previous.get(&c.id).copied();
        let found = match &c.anchor {
            Anchor::Line(line) => {
                let far =
                    |at: ScreenPoint| on_lines.iter().all(|(t, p)| *t != c.text || p.distance(at) >= repeat);
                place_along(c, line, measure, &bounds, prev, |boxes| boxes.iter().all(fits), far)
            }
            _ => place_one(c, measure, &bounds, prev, fits),
        };
        match found {
            Some(label) => {
                label.boxes.iter().for_each(|&b| grid.insert(b));
                if matches!(c.anchor, Anchor::Line(_)) {
                    on_lines.push((&c.text, label.rect.center()));
                }
                layout.placed.push(label);
            }
            None => layout.dropped.push(c.id.clone()),
        }
    }
    layout
}

/// One of a candidate's texts (its own, or its short one) with its measured widths.
struct Text<'a> {
    text: &'a str,
    /// Width on one line.
    w1: f64,
    /// The best split on two lines and its width, computed when first needed.
    split: std::cell::OnceCell<Option<([String; 2], f64)>>,
}

/// The first option of `c` whose box `fits`, tried in the documented order.
fn place_one(
    c: &Candidate,
    measure: &impl TextMeasure,
    bounds: &ScreenRect,
    previous: Option<Choice>,
    fits: impl Fn(&ScreenRect) -> bool,
) -> Option<PlacedLabel> {
    let lh = measure.line_height(c.class);
    let usable = |t: &str| {
        let w = measure.width(c.class, t);
        (!t.trim().is_empty() && w.is_finite() && w > 0.0).then_some(w)
    };
    if !(lh.is_finite() && lh > 0.0) {
        return None;
    }
    let full = Text { text: &c.text, w1: usable(&c.text)?, split: Default::default() };
    let short = c
        .short
        .as_deref()
        .filter(|s| *s != c.text)
        .and_then(|s| Some(Text { text: s, w1: usable(s)?, split: Default::default() }));
    let stations = stations(&c.anchor);
    if stations.is_empty() {
        return None;
    }
    let positions: &[Position] = if c.positions.is_empty() { &[Position::Center] } else { &c.positions };
    let gap = if c.gap_px.is_finite() { c.gap_px.max(0.0) } else { 0.0 };
    let try_choice = |choice: Choice| -> Option<PlacedLabel> {
        let at = *stations.get(usize::from(choice.station))?;
        let t = if choice.short { short.as_ref()? } else { &full };
        // the split is computed only when one line does not fit, or last time's choice was two lines
        let split = || t.split.get_or_init(|| best_split(c.class, t.text, measure)).as_ref();
        let (w, h) = if choice.two_lines {
            if !c.wrap {
                return None;
            }
            (split()?.1, 2.0 * lh)
        } else {
            (t.w1, lh)
        };
        let rect = choice.position.rect(at, w, h, gap);
        if !fits(&rect) {
            return None;
        }
        let lines = match (choice.two_lines, split()) {
            (true, Some(([a, b], _))) => vec![
                PlacedLine {
                    text: a.clone(),
                    center: ScreenPoint::new(rect.center().x, rect.min.y + lh / 2.0),
                },
                PlacedLine {
                    text: b.clone(),
                    center: ScreenPoint::new(rect.center().x, rect.min.y + 1.5 * lh),
                },
            ],
            _ => vec![PlacedLine { text: t.text.to_owned(), center: rect.center() }],
        };
        Some(PlacedLabel {
            id: c.id.clone(),
            class: c.class,
            choice,
            rect,
            angle_deg: 0.0,
            boxes: vec![rect],
            lines,
        })
    };
    if let Some(prev) = previous.filter(|p| positions.contains(&p.position)) {
        if let Some(label) = try_choice(prev) {
            return Some(label);
        }
    }
    let order = match c.anchor {
        // alternatives keep their order of preference
        Anchor::Points(_) => (0..stations.len() as u16).collect(),
        _ => station_order(&stations, bounds),
    };
    for use_short in [false, true] {
        if use_short && short.is_none() {
            break;
        }
        for two_lines in [false, true] {
            if two_lines && !c.wrap {
                break;
            }
            for &station in &order {
                for &position in positions {
                    if let Some(label) = try_choice(Choice { position, station, two_lines, short: use_short })
                    {
                        return Some(label);
                    }
                }
            }
        }
    }
    None
}

/// The candidate anchor points of a point label: its own, or its alternatives (a line label is
/// placed by [`place_along`]).
fn stations(anchor: &Anchor) -> Vec<ScreenPoint> {
    let finite = |p: &&ScreenPoint| p.x.is_finite() && p.y.is_finite();
    match anchor {
        Anchor::Point(p) => [p].into_iter().filter(finite).copied().collect(),
        Anchor::Points(points) => points.iter().filter(finite).copied().take(MAX_STATIONS).collect(),
        Anchor::Line(_) => Vec::new(),
    }
}

/// A label along `line`: at the first station (last time's, then nearest the middle of the visible
/// run) where the line is straight enough under the text, the text's boxes `fit`, and its centre is
/// `far` from the same name on another line. One line of the full text, rotated with the line.
fn place_along(
    c: &Candidate,
    line: &[ScreenPoint],
    measure: &impl TextMeasure,
    bounds: &ScreenRect,
    previous: Option<Choice>,
    fits: impl Fn(&[ScreenRect]) -> bool,
    far: impl Fn(ScreenPoint) -> bool,
) -> Option<PlacedLabel> {
    let (w, lh) = (measure.width(c.class, &c.text), measure.line_height(c.class));
    if c.text.trim().is_empty() || !(w.is_finite() && w > 0.0 && lh.is_finite() && lh > 0.0) {
        return None;
    }
    let line = Polyline::new(line);
    let stations = line.stations();
    let try_station = |station: u16| -> Option<PlacedLabel> {
        let a = line.fit_at(*stations.get(usize::from(station))?, w, lh)?;
        if !far(a.center) {
            return None;
        }
        let boxes = along_boxes(a.center, a.angle_deg, w, lh);
        if !fits(&boxes) {
            return None;
        }
        let rect = boxes.iter().skip(1).fold(boxes[0], |u, b| {
            ScreenRect::new(
                ScreenPoint::new(u.min.x.min(b.min.x), u.min.y.min(b.min.y)),
                ScreenPoint::new(u.max.x.max(b.max.x), u.max.y.max(b.max.y)),
            )
        });
        let choice = Choice { position: Position::Center, station, two_lines: false, short: false };
        let lines = vec![PlacedLine { text: c.text.clone(), center: a.center }];
        Some(PlacedLabel {
            id: c.id.clone(),
            class: c.class,
            choice,
            rect,
            angle_deg: a.angle_deg,
            boxes,
            lines,
        })
    };
    if let Some(label) = previous.filter(|p| !p.two_lines && !p.short).and_then(|p| try_station(p.station)) {
        return Some(label);
    }
    let points: Vec<ScreenPoint> = stations.iter().map(|&s| line.point_at(s)).collect();
    station_order(&points, bounds).into_iter().find_map(try_station)
}

/// The stations inside `bounds`, nearest the middle of that visible run first (ties: lower index).
fn station_order(stations: &[ScreenPoint], bounds: &ScreenRect) -> Vec<u16> {
    let inside = |p: &ScreenPoint| {
        p.x >= bounds.min.x && p.x <= bounds.max.x && p.y >= bounds.min.y && p.y <= bounds.max.y
    };
    let mut visible: Vec<u16> =
        stations.iter().enumerate().filter(|(_, p)| inside(p)).map(|(i, _)| i as u16).collect();
    if stations.len() == 1 {
        // a point label may still fit with its anchor just outside the margin (a box beside it)
        return vec![0];
    }
    if let (Some(&first), Some(&last)) = (visible.first(), visible.last()) {
        let mid = i32::from(first) + i32::from(last);
        crate::sort::sort_by_key(&mut visible, |&k| ((2 * i32::from(k) - mid).abs(), k));
    }
    visible
}

#[cfg(test)]
#[path = "place_tests.rs"]
mod tests;
