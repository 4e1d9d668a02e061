//! Fitting a box of the map into the part of the map element that floating panels leave free
//! (the legend, an open bottom sheet): "fit park" shows the park where nothing covers it.
//!
//! ```
//! use parkmap::geo::fit::{fit_within, free_rect};
//! use parkmap::geo::{MapBounds, MapPoint, ScreenPoint, ScreenRect, Viewport};
//! let view = Viewport::new(MapPoint::new(0.0, 0.0), 14.0, 1000.0, 600.0);
//! let legend = ScreenRect::new(ScreenPoint::new(740.0, 12.0), ScreenPoint::new(990.0, 450.0));
//! let park = MapBounds { min: MapPoint::new(0.0, 0.0), max: MapPoint::new(4000.0, 3000.0) };
//! let free = free_rect(view.width, view.height, &[legend], park.width() / park.height());
//! assert_eq!(free.max.x, 740.0); // the part left of the legend
//! let fitted = fit_within(&view, &park, &free, 16.0);
//! let corner = fitted.map_to_screen(park.max);
//! assert!(corner.x <= 740.0 - 16.0 + 1e-6);
//! ```

use super::{MapBounds, MapPoint, ScreenPoint, ScreenRect, Viewport};

/// The view of `bounds` fitted inside `free` (screen pixels of `view`'s element), `padding_px` inside
/// its edges, with the bounds' centre at the free box's centre. Like [`Viewport::fit`] when `free` is
/// the whole element.
pub fn fit_within(view: &Viewport, bounds: &MapBounds, free: &ScreenRect, padding_px: f64) -> Viewport {
    let free = if free.is_finite() && free.width() > 0.0 && free.height() > 0.0 {
        *free
    } else {
        ScreenRect::new(ScreenPoint::new(0.0, 0.0), ScreenPoint::new(view.width, view.height))
    };
    // the zoom `Viewport::fit` gives on an element the size of the free box
    let zoom = view.with_size(free.width(), free.height()).fit(bounds, padding_px).zoom;
    let zoomed = view.with_zoom(zoom);
    let res = zoomed.resolution();
    let (dx, dy) = (free.center().x - view.width / 2.0, free.center().y - view.height / 2.0);
    let c = bounds.center();
    zoomed.with_center(MapPoint::new(c.x - dx * res, c.y + dy * res))
}

/// The view of `bounds` fitted into the part of `view`'s element that `covers` leave free: the
/// [`free_rect`] for the bounds' shape, then [`fit_within`] it.
pub fn fit_clear_of(view: &Viewport, bounds: &MapBounds, covers: &[ScreenRect], padding_px: f64) -> Viewport {
    let free = free_rect(view.width, view.height, covers, bounds.width() / bounds.height());
    fit_within(view, bounds, &free, padding_px)
}

/// True when `rect` (screen pixels) lies inside a `width × height` element, at least `margin_px`
/// from its edges, and overlaps none of `covers`: what is already seen whole, where nothing
/// floats over it, needs no new view.
pub fn in_free_part(
    rect: &ScreenRect,
    width: f64,
    height: f64,
    covers: &[ScreenRect],
    margin_px: f64,
) -> bool {
    let inner = ScreenRect::new(
        ScreenPoint::new(margin_px, margin_px),
        ScreenPoint::new(width - margin_px, height - margin_px),
    );
    rect.is_finite() && inner.contains_rect(rect) && !covers.iter().any(|c| c.is_finite() && c.overlaps(rect))
}

/// Which of `spots` (the places a floating panel may take) hides the fewest of `below` (what it
/// must not cover, e.g. the company bubbles): the spot at `current` unless another hides fewer
/// (so the panel moves only to uncover something), the earliest of those that hide fewest.
pub fn least_covering(spots: &[ScreenRect], below: &[ScreenRect], current: usize) -> usize {
    let hidden = |s: &ScreenRect| below.iter().filter(|b| b.is_finite() && b.overlaps(s)).count();
    let counts: Vec<usize> = spots.iter().map(hidden).collect();
    let Some(&fewest) = counts.iter().min() else { return current };
    if counts.get(current) == Some(&fewest) {
        current
    } else {
        counts.iter().position(|&c| c == fewest).unwrap_or(current)
    }
}

/// The free box of a `width × height` element with `covers` over it where a box of aspect ratio
/// `aspect` (width / height) fits largest: the element cut at the covers' edges, each candidate
/// clear of every cover. Covers outside the element or empty are ignored; the whole element when
/// nothing is clear.
pub fn free_rect(width: f64, height: f64, covers: &[ScreenRect], aspect: f64) -> ScreenRect {
    let whole = ScreenRect::new(ScreenPoint::new(0.0, 0.0), ScreenPoint::new(width, height));
    let covers: Vec<ScreenRect> = covers
        .iter()
        .filter(|c| c.is_finite() && c.width() > 0.0 && c.height() > 0.0 && c.intersection_area(&whole) > 0.0)
        .copied()
        .collect();
    let aspect = if aspect.is_finite() && aspect > 0.0 { aspect } else { 1.0 };
    let xs_left: Vec<f64> = std::iter::once(0.0).chain(covers.iter().map(|c| c.max.x)).collect();
    let xs_right: Vec<f64> = std::iter::once(width).chain(covers.iter().map(|c| c.min.x)).collect();
    let ys_top: Vec<f64> = std::iter::once(0.0).chain(covers.iter().map(|c| c.max.y)).collect();
    let ys_bottom: Vec<f64> = std::iter::once(height).chain(covers.iter().map(|c| c.min.y)).collect();
    // how large a box of `aspect` gets inside a candidate: its width, the limiting side counted
    let score = |r: &ScreenRect| r.width().min(r.height() * aspect);
    let mut best = whole;
    let mut best_score = if covers.is_empty() { f64::INFINITY } else { f64::NEG_INFINITY };
    for &l in &xs_left {
        for &rt in &xs_right {
            for &t in &ys_top {
                for &b in &ys_bottom {
                    if !(l >= 0.0 && rt <= width && t >= 0.0 && b <= height && rt - l > 1.0 && b - t > 1.0) {
                        continue;
                    }
                    let r = ScreenRect::new(ScreenPoint::new(l, t), ScreenPoint::new(rt, b));
                    if covers.iter().any(|c| c.intersection_area(&r) > 0.0) {
                        continue;
                    }
                    if score(&r) > best_score {
                        (best, best_score) = (r, score(&r));
                    }
                }
            }
        }
    }
    best
}

/// The view that brings `rect` (a selected feature's box on screen) into the part of the map that
/// `covers` leave free by panning alone, its centre to the free part's centre: `None` when it is
/// already there (nothing moves), or when it is larger than the free part (fit it instead).
pub fn pan_into_free(
    view: &Viewport,
    rect: &ScreenRect,
    covers: &[ScreenRect],
    margin_px: f64,
) -> Option<Viewport> {
    if !rect.is_finite() || in_free_part(rect, view.width, view.height, covers, margin_px) {
        return None;
    }
    let aspect = (rect.width() / rect.height().max(1.0)).max(0.01);
    let free = free_rect(view.width, view.height, covers, aspect);
    if rect.width() + 2.0 * margin_px > free.width() || rect.height() + 2.0 * margin_px > free.height() {
        return None;
    }
    let (to, from) = (free.center(), rect.center());
    Some(view.pan_by(to.x - from.x, to.y - from.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(a: f64, b: f64, c: f64, d: f64) -> ScreenRect {
        ScreenRect::new(ScreenPoint::new(a, b), ScreenPoint::new(c, d))
    }

    #[test]
    fn without_covers_it_is_the_whole_element_and_fit_within_equals_fit() {
        let view = Viewport::new(MapPoint::new(10.0, 20.0), 13.0, 800.0, 500.0);
        let b = MapBounds { min: MapPoint::new(-500.0, -300.0), max: MapPoint::new(2500.0, 900.0) };
        let free = free_rect(800.0, 500.0, &[], 2.0);
        assert_eq!(free, rect(0.0, 0.0, 800.0, 500.0));
        let a = fit_within(&view, &b, &free, 16.0);
        let f = view.fit(&b, 16.0);
        assert!((a.zoom - f.zoom).abs() < 1e-9);
        assert!((a.center.x - f.center.x).abs() < 1e-6 && (a.center.y - f.center.y).abs() < 1e-6);
    }

    #[test]
    fn a_wide_park_goes_below_a_short_legend_and_a_tall_one_beside_it() {
        let legend = rect(550.0, 10.0, 790.0, 200.0);
        // wide: the strip under the legend (full width) beats the part left of it
        assert_eq!(free_rect(800.0, 600.0, &[legend], 3.0), rect(0.0, 200.0, 800.0, 600.0));
        // tall: the part left of it (full height)
        assert_eq!(free_rect(800.0, 600.0, &[legend], 0.5), rect(0.0, 0.0, 550.0, 600.0));
    }

    #[test]
    fn a_bottom_sheet_and_a_legend_both_stay_clear() {
        let sheet = rect(0.0, 400.0, 390.0, 700.0);
        let legend = rect(300.0, 340.0, 382.0, 380.0);
        let free = free_rect(390.0, 700.0, &[sheet, legend], 1.0);
        assert_eq!(free, rect(0.0, 0.0, 390.0, 340.0));
    }

    #[test]
    fn the_fitted_bounds_land_inside_the_free_box_and_fill_one_side() {
        let view = Viewport::new(MapPoint::new(0.0, 0.0), 12.0, 1366.0, 744.0);
        let b = MapBounds { min: MapPoint::new(1000.0, 2000.0), max: MapPoint::new(7000.0, 6500.0) };
        let free = rect(0.0, 0.0, 1090.0, 744.0);
        let v = fit_within(&view, &b, &free, 16.0);
        let (lo, hi) = (
            v.map_to_screen(MapPoint::new(b.min.x, b.max.y)),
            v.map_to_screen(MapPoint::new(b.max.x, b.min.y)),
        );
        assert!(lo.x >= 16.0 - 1e-6 && lo.y >= 16.0 - 1e-6, "{lo:?}");
        assert!(hi.x <= 1090.0 - 16.0 + 1e-6 && hi.y <= 744.0 - 16.0 + 1e-6, "{hi:?}");
        let filled = ((hi.x - lo.x) / (1090.0 - 32.0)).max((hi.y - lo.y) / (744.0 - 32.0));
        assert!(filled > 0.999, "{filled}");
    }

    #[test]
    fn a_box_is_in_the_free_part_only_inside_the_margins_and_clear_of_every_cover() {
        let sheet = rect(0.0, 380.0, 390.0, 700.0);
        let route = rect(40.0, 60.0, 300.0, 340.0);
        assert!(in_free_part(&route, 390.0, 700.0, &[sheet], 16.0));
        // under the sheet, too near an edge, outside the element, not a box at all
        assert!(!in_free_part(&rect(40.0, 60.0, 300.0, 400.0), 390.0, 700.0, &[sheet], 16.0));
        assert!(!in_free_part(&rect(8.0, 60.0, 300.0, 340.0), 390.0, 700.0, &[sheet], 16.0));
        assert!(!in_free_part(&rect(-200.0, 60.0, 300.0, 340.0), 390.0, 700.0, &[], 0.0));
        let nan = ScreenRect { min: ScreenPoint::new(f64::NAN, 60.0), max: ScreenPoint::new(300.0, 340.0) };
        assert!(!in_free_part(&nan, 390.0, 700.0, &[], 0.0));
        // a cover that only touches its edge leaves it free
        assert!(in_free_part(&rect(40.0, 60.0, 300.0, 380.0), 390.0, 700.0, &[sheet], 16.0));
    }

    #[test]
    fn a_panel_moves_only_to_uncover_something() {
        let top = rect(1100.0, 64.0, 1350.0, 110.0);
        let low = rect(1100.0, 700.0, 1350.0, 746.0);
        let bubble = |x: f64, y: f64| rect(x - 15.0, y - 15.0, x + 15.0, y + 15.0);
        // nothing under either: it stays where it is, whichever that is
        assert_eq!(least_covering(&[top, low], &[bubble(500.0, 300.0)], 0), 0);
        assert_eq!(least_covering(&[top, low], &[bubble(500.0, 300.0)], 1), 1);
        // a bubble under the top spot: down it goes; under both, the one hiding fewer
        assert_eq!(least_covering(&[top, low], &[bubble(1150.0, 90.0)], 0), 1);
        let crowded = [bubble(1150.0, 90.0), bubble(1250.0, 90.0), bubble(1200.0, 720.0)];
        assert_eq!(least_covering(&[top, low], &crowded, 0), 1);
        // as many under each: it stays
        assert_eq!(least_covering(&[top, low], &[bubble(1150.0, 90.0), bubble(1200.0, 720.0)], 0), 0);
        assert_eq!(least_covering(&[], &[], 3), 3);
    }

    #[test]
    fn degenerate_input_never_panics() {
        let view = Viewport::new(MapPoint::new(0.0, 0.0), 12.0, 300.0, 200.0);
        let b = MapBounds { min: MapPoint::new(0.0, 0.0), max: MapPoint::new(0.0, 0.0) };
        let nan = rect(f64::NAN, 0.0, 10.0, 10.0);
        let free = free_rect(300.0, 200.0, &[nan, rect(-50.0, -50.0, 400.0, 300.0)], f64::NAN);
        let v = fit_within(&view, &b, &free, 16.0);
        assert!(v.zoom.is_finite() && v.center.x.is_finite());
    }

    #[test]
    fn a_point_under_a_bottom_sheet_is_panned_to_the_middle_of_what_is_left() {
        let view = Viewport::new(MapPoint::new(0.0, 0.0), 15.0, 390.0, 700.0);
        let sheet = ScreenRect::new(ScreenPoint::new(0.0, 400.0), ScreenPoint::new(390.0, 700.0));
        let under = ScreenRect::centered(ScreenPoint::new(200.0, 550.0), 24.0, 24.0);
        let moved = pan_into_free(&view, &under, &[sheet], 8.0).expect("panned");
        let now = moved.map_to_screen(view.screen_to_map(ScreenPoint::new(200.0, 550.0)));
        assert!((now.x - 195.0).abs() < 1e-6 && (now.y - 200.0).abs() < 1e-6, "{now:?}");
        assert_eq!(moved.zoom, view.zoom, "panned, not zoomed");
        let seen = ScreenRect::centered(ScreenPoint::new(200.0, 150.0), 24.0, 24.0);
        assert!(pan_into_free(&view, &seen, &[sheet], 8.0).is_none(), "what is seen stays put");
        let huge = ScreenRect::centered(ScreenPoint::new(200.0, 450.0), 380.0, 500.0);
        assert!(pan_into_free(&view, &huge, &[sheet], 8.0).is_none(), "too big to pan into sight: fit it");
    }
}
