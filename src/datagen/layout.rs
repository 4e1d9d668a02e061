//! The park plan in the design frame: a slanted planning grid, the river bank, lakes and canals.
//!
//! Zones are blocks of grid cells. Every zone ring walks through *all* grid nodes on its edges, so
//! neighbouring zones share identical vertex sequences (no T-junctions, no slivers, no overlaps) and
//! together tile the park boundary exactly.

use super::geom::{lerp, Xy};

/// Grid x-lines `x = X + s·y`, west to east. Slopes make the plan look less like a plain grid.
const XS: [(f64, f64); 7] = [
    (-3250.0, 0.06),
    (-2150.0, 0.08),
    (-1000.0, 0.04),
    (100.0, -0.03),
    (1150.0, -0.05),
    (2200.0, 0.07),
    (3250.0, -0.04),
];

/// Grid y-lines `y = Y + t·x`, south to north; line 0 also follows the river's bend.
const YS: [(f64, f64); 5] =
    [(-2000.0, 0.015), (-1300.0, -0.03), (-250.0, 0.025), (850.0, -0.02), (2000.0, 0.03)];

/// Number of grid columns (cells between x-lines).
pub const COLS: usize = XS.len() - 1;
/// Number of grid rows (cells between y-lines).
pub const ROWS: usize = YS.len() - 1;

/// The x-lines the two sponge canals follow (they are zone edges, so companies keep clear of them).
pub const CANAL_LINES: [usize; 2] = [2, 4];
/// The x-lines the two wetland lakes sit on (the greenway reaches each lake along its line).
pub const LAKE_LINES: [usize; 2] = [1, 5];

/// Half distance between a canal's bank paths.
pub const BANK_OFFSET: f64 = 35.0;
/// Half width of a canal's water.
pub const CANAL_HALF_WIDTH: f64 = 20.0;
/// How far the promenade runs inland of the park's river edge.
const PROMENADE_INSET: f64 = 80.0;
/// How far a canal head stops short of the y-line 3 road, so the greenway there passes clear of it.
const CANAL_HEAD_GAP: f64 = 120.0;

/// x of grid x-line `i` at height `y`.
pub fn x_line(i: usize, y: f64) -> f64 {
    XS[i].0 + XS[i].1 * y
}

/// y of grid y-line `j` at easting `x`.
pub fn y_line(j: usize, x: f64) -> f64 {
    let straight = YS[j].0 + YS[j].1 * x;
    if j == 0 {
        // A gentle bend, as the Songhua curves along the park's south edge.
        let u = x / 3250.0;
        straight + 70.0 * u * u - 35.0
    } else {
        straight
    }
}

/// Intersection of x-line `i` and y-line `j` (fixed-point iteration; the slopes are small).
pub fn node(i: usize, j: usize) -> Xy {
    let mut y = YS[j].0;
    for _ in 0..60 {
        y = y_line(j, x_line(i, y));
    }
    [x_line(i, y), y]
}

/// The river-bank vertices strictly between nodes `(i, 0)` and `(i + 1, 0)`.
fn bank_points(i: usize) -> Vec<Xy> {
    let (a, b) = (node(i, 0), node(i + 1, 0));
    let n = ((b[0] - a[0]) / 150.0).ceil() as usize;
    (1..n)
        .map(|k| {
            let x = lerp(a, b, k as f64 / n as f64)[0];
            [x, y_line(0, x)]
        })
        .collect()
}

/// Closed, counter-clockwise ring around grid cells `i0..i1` × `j0..j1`, through every grid node on
/// its edges (and the river-bank vertices when it touches the river).
pub fn block_ring(i0: usize, i1: usize, j0: usize, j1: usize) -> Vec<Xy> {
    let mut ring = Vec::new();
    for i in i0..i1 {
        ring.push(node(i, j0));
        if j0 == 0 {
            ring.extend(bank_points(i));
        }
    }
    for j in j0..j1 {
        ring.push(node(i1, j));
    }
    for i in (i0 + 1..=i1).rev() {
        ring.push(node(i, j1));
    }
    for j in (j0 + 1..=j1).rev() {
        ring.push(node(i0, j));
    }
    ring.push(ring[0]);
    ring
}

/// The park boundary: the ring around the whole grid.
pub fn boundary_ring() -> Vec<Xy> {
    block_ring(0, COLS, 0, ROWS)
}

/// y of the riverside promenade's centre line at easting `x`.
pub fn promenade_y(x: f64) -> f64 {
    y_line(0, x) + PROMENADE_INSET
}

/// The point where a line `x = f(y)` crosses the promenade (fixed-point iteration).
fn on_promenade(f: impl Fn(f64) -> f64) -> Xy {
    let mut x = f(promenade_y(0.0));
    for _ in 0..60 {
        x = f(promenade_y(x));
    }
    [x, promenade_y(x)]
}

/// Promenade junctions west to east: west end, west-lake outlet, canal A banks, central link,
/// canal B banks, east-lake outlet, east end.
pub fn promenade_nodes() -> Vec<Xy> {
    let [ca, cb] = CANAL_LINES;
    let lake_x = |k: usize| lake(k).cx;
    vec![
        on_promenade(|y| x_line(0, y) + 60.0),
        [lake_x(0), promenade_y(lake_x(0))],
        on_promenade(|y| x_line(ca, y) - BANK_OFFSET),
        on_promenade(|y| x_line(ca, y) + BANK_OFFSET),
        on_promenade(|y| x_line(3, y)),
        on_promenade(|y| x_line(cb, y) - BANK_OFFSET),
        on_promenade(|y| x_line(cb, y) + BANK_OFFSET),
        [lake_x(1), promenade_y(lake_x(1))],
        on_promenade(|y| x_line(COLS, y) - 60.0),
    ]
}

/// Where a canal's bank path (`side` −1 west, +1 east) crosses y-line `j` (j ≥ 1, straight lines).
pub fn bank_node(canal: usize, side: f64, j: usize) -> Xy {
    let (x0, s) = XS[canal];
    let (y0, t) = YS[j];
    let x = (x0 + s * y0 + side * BANK_OFFSET) / (1.0 - s * t);
    [x, y0 + t * x]
}

/// y of a canal's head (its northern end), short of the y-line 3 road.
pub fn canal_head_y(canal: usize) -> f64 {
    node(canal, 3)[1] - CANAL_HEAD_GAP
}

/// A wetland lake in the riverside park: its centre and north–south semi-axis of the shore path.
/// The east–west semi-axis is solved later so the waterfront reaches its published length.
#[derive(Clone, Copy, Debug)]
pub struct Lake {
    /// Easting of the centre.
    pub cx: f64,
    /// Northing of the centre.
    pub cy: f64,
    /// North–south semi-axis of the shore path.
    pub b: f64,
}

impl Lake {
    /// The shore path's northern point (where the greenway link arrives).
    pub fn north(&self) -> Xy {
        [self.cx, self.cy + self.b]
    }
    /// The shore path's southern point (where the outlet boardwalk leaves for the promenade).
    pub fn south(&self) -> Xy {
        [self.cx, self.cy - self.b]
    }
}

/// Lake `k` (0 west, 1 east), centred between the promenade and the y-line 1 road, with its north
/// point on its grid x-line so the greenway link runs straight along that line.
pub fn lake(k: usize) -> Lake {
    let line = LAKE_LINES[k];
    let mut lake = Lake { cx: x_line(line, -1600.0), cy: -1600.0, b: 150.0 };
    for _ in 0..60 {
        // Keep clear of the meandering promenade below and the greenway along y-line 1 above.
        let lo = promenade_y(lake.cx) + 60.0;
        let hi = y_line(1, lake.cx) - 70.0;
        lake.cy = 0.5 * (lo + hi);
        lake.b = (0.5 * (hi - lo) - 40.0).min(220.0);
        lake.cx = x_line(line, lake.cy + lake.b);
    }
    lake
}

/// Largest east–west semi-axis lake `k` can take without reaching a canal bank or the park edge.
pub fn lake_max_a(k: usize) -> f64 {
    let l = lake(k);
    let (west, east) = if k == 0 {
        (x_line(0, l.cy), x_line(CANAL_LINES[0], l.cy) - BANK_OFFSET)
    } else {
        (x_line(CANAL_LINES[1], l.cy) + BANK_OFFSET, x_line(COLS, l.cy))
    };
    (l.cx - west).min(east - l.cx) - 60.0
}

/// Closed counter-clockwise ellipse ring.
pub fn ellipse_ring(cx: f64, cy: f64, a: f64, b: f64, n: usize) -> Vec<Xy> {
    let mut ring: Vec<Xy> = (0..n)
        .map(|k| {
            let th = std::f64::consts::TAU * k as f64 / n as f64;
            [cx + a * th.cos(), cy + b * th.sin()]
        })
        .collect();
    ring.push(ring[0]);
    ring
}

/// The canal's water: a strip along its x-line from inside the river up to a rounded head.
pub fn canal_ring(canal: usize) -> Vec<Xy> {
    let w = CANAL_HALF_WIDTH;
    let south = y_line(0, x_line(canal, -2000.0)) - 150.0;
    let head = canal_head_y(canal);
    let (xs, xh) = (x_line(canal, south), x_line(canal, head));
    let mut ring = vec![[xs + w, south], [xh + w, head]];
    for k in 1..12 {
        let th = std::f64::consts::PI * k as f64 / 12.0;
        ring.push([xh + w * th.cos(), head + w * th.sin()]);
    }
    ring.extend([[xh - w, head], [xs - w, south], [xs + w, south]]);
    ring
}

/// The Songhua River as a band south of the park, a little wider than the park on both sides.
pub fn river_ring() -> Vec<Xy> {
    let (west, east) = (node(0, 0)[0] - 700.0, node(COLS, 0)[0] + 700.0);
    let n = 40;
    let xs: Vec<f64> = (0..=n).map(|k| west + (east - west) * k as f64 / n as f64).collect();
    // South bank first (west to east), then the north bank back, which keeps the ring CCW.
    let mut ring: Vec<Xy> = xs
        .iter()
        .map(|&x| {
            let u = x / 3250.0;
            [x, y_line(0, x) - 1050.0 - 60.0 * u * u]
        })
        .collect();
    ring.extend(xs.iter().rev().map(|&x| [x, y_line(0, x) - 40.0]));
    ring.push(ring[0]);
    ring
}
