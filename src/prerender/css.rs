//! The pre-render's geometry-dependent CSS: where the world drawing sits, where each marker goes,
//! and which zoom's cluster set shows in a map box of a given size. The map box
//! (`.prerender__map`) is a size container named `prmap`, so `cqw` / `cqh` are its width and height.

use crate::geo::viewport::{resolution_at, FIT_PADDING_PX};
use crate::geo::{MapBounds, MapPoint};
use std::fmt::Write;

/// The map box as a size container, the world drawing inset by the fit's padding, `--s`: the
/// fitted scale in pixels per metre, `min((W − 2p) / bw, (H − 2p) / bh)` (what `Viewport::fit`
/// gives), and every marker moved from the box's centre (where the bounds' centre is) by its
/// offset in metres (`--x`, `--y`, y down) times that scale.
pub(super) fn frame(b: &MapBounds) -> String {
    let p = FIT_PADDING_PX;
    format!(
        ".prerender__map{{container:prmap/size}}\
         .prerender__world{{position:absolute;left:{p}px;top:{p}px;width:calc(100% - {pp}px);height:calc(100% - {pp}px);overflow:visible}}\
         .prerender__markers{{position:absolute;inset:0;width:100%;height:100%;overflow:visible;--s:min((100cqw - {pp}px) / {bw:.1},(100cqh - {pp}px) / {bh:.1})}}\
         .pr__band>g{{transform:translate(calc(50cqw + var(--x) * var(--s)),calc(50cqh + var(--y) * var(--s)))}}\n",
        pp = 2.0 * p,
        bw = b.width(),
        bh = b.height(),
    )
}

/// The rule that gives the marker with class `class` its offset from `origin` (the bounds'
/// centre) to map point `at`, in whole metres (a tenth of a pixel or less on a fitted park).
pub(super) fn place(class: &str, at: MapPoint, origin: MapPoint) -> String {
    format!(".{class}{{--x:{:.0};--y:{:.0}}}\n", at.x - origin.x, origin.y - at.y)
}

/// Shows the cluster set of the zoom the app would cluster at: the lowest by default, and each
/// higher one from the map box size whose fitted zoom reaches it (both sides must fit the bounds at
/// that zoom's scale, since the fit takes the smaller of the two scales).
pub(super) fn bands(b: &MapBounds, zooms: &[u8]) -> String {
    let mut out = String::from(".pr__band{display:none}");
    let Some(first) = zooms.first() else { return out };
    let _ = write!(out, ".pr__band--{first}{{display:inline}}");
    for pair in zooms.windows(2) {
        let (lower, z) = (pair[0], pair[1]);
        let scale = 1.0 / resolution_at(f64::from(z));
        let pad = 2.0 * FIT_PADDING_PX;
        let _ = write!(
            out,
            "\n@container prmap (min-width:{:.2}px) and (min-height:{:.2}px){{.pr__band--{lower}{{display:none}}.pr__band--{z}{{display:inline}}}}",
            pad + scale * b.width(),
            pad + scale * b.height()
        );
    }
    out.push('\n');
    out
}
