//! A uniform grid of screen boxes for collision checks: boxes are registered in every cell they
//! touch; a query looks only at the cells its box touches. For a few hundred boxes on one screen
//! this beats an R-tree's rebalancing inserts, and it is simpler.

use crate::geo::ScreenRect;

/// Cell size in CSS pixels: about one short label, so a label touches few cells.
const CELL_PX: f64 = 48.0;
/// Most cells per side (an absurdly large element gets coarser cells, not a huge grid).
const MAX_CELLS: usize = 256;

/// Boxes on a screen of a given size, bucketed by cell.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    cell_w: f64,
    cell_h: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<ScreenRect>,
}

impl Grid {
    /// An empty grid over `0..width × 0..height`. Boxes beyond it are clipped to its edge cells.
    pub(crate) fn new(width: f64, height: f64) -> Self {
        let span = |len: f64| {
            let len = if len.is_finite() { len.max(1.0) } else { 1.0 };
            let n = ((len / CELL_PX).ceil() as usize).clamp(1, MAX_CELLS);
            (n, len / n as f64)
        };
        let (cols, cell_w) = span(width);
        let (rows, cell_h) = span(height);
        Self { cell_w, cell_h, cols, rows, cells: vec![Vec::new(); cols * rows], rects: Vec::new() }
    }

    /// The cell range a box touches, clipped to the grid.
    fn range(&self, r: &ScreenRect) -> (usize, usize, usize, usize) {
        let idx = |v: f64, cell: f64, n: usize| ((v / cell).floor().max(0.0) as usize).min(n - 1);
        (
            idx(r.min.x, self.cell_w, self.cols),
            idx(r.max.x, self.cell_w, self.cols),
            idx(r.min.y, self.cell_h, self.rows),
            idx(r.max.y, self.cell_h, self.rows),
        )
    }

    /// Registers a box (non-finite boxes are ignored: they cannot be compared).
    pub(crate) fn insert(&mut self, r: ScreenRect) {
        if !r.is_finite() {
            return;
        }
        let id = self.rects.len() as u32;
        self.rects.push(r);
        let (c0, c1, r0, r1) = self.range(&r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(id);
            }
        }
    }

    /// True when `r` overlaps a registered box (touching edges do not count).
    pub(crate) fn hits(&self, r: &ScreenRect) -> bool {
        if !r.is_finite() {
            return true;
        }
        let (c0, c1, r0, r1) = self.range(r);
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col].iter().any(|&i| self.rects[i as usize].overlaps(r))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::ScreenPoint;

    #[test]
    fn hits_agree_with_brute_force() {
        let mut g = Grid::new(400.0, 300.0);
        let boxes: Vec<ScreenRect> = (0..40)
            .map(|i| {
                let f = f64::from(i);
                ScreenRect::from_size(
                    ScreenPoint::new((f * 37.0) % 420.0 - 10.0, (f * 53.0) % 320.0 - 10.0),
                    20.0,
                    9.0,
                )
            })
            .collect();
        boxes.iter().for_each(|&b| g.insert(b));
        for i in 0..500 {
            let f = f64::from(i);
            let q = ScreenRect::from_size(
                ScreenPoint::new((f * 7.3) % 410.0 - 5.0, (f * 11.7) % 310.0 - 5.0),
                30.0,
                12.0,
            );
            assert_eq!(g.hits(&q), boxes.iter().any(|b| b.overlaps(&q)), "{q:?}");
        }
    }
}
