// Label geometry read in the page for the visual checks: each label as the rotated box its text
// covers on screen (its SVG bounding box through its screen matrix, so a name set along a trail is
// a tilted quadrilateral, not the upright box around it), the icons and the floating controls as
// boxes, and for a trail label the distance from its centre to its own trail and the angle between
// its baseline and the trail there.

/** Runs in the page: what the checks need. `sample` is how many points each trail path is read at. */
export function readLabels(sample = 600) {
  const corners = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const rectPoly = (e) => { const r = e.getBoundingClientRect(); return [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom]]; };
  const map = document.querySelector('.map').getBoundingClientRect();
  const inMap = (p) => p.some(([x, y]) => x > map.left && x < map.right && y > map.top && y < map.bottom);
  const trailPoints = (id) => [...document.querySelectorAll(`[data-select="trail:${id}"] path`)].flatMap((path) => {
    const m = path.getScreenCTM();
    const len = path.getTotalLength();
    const n = Math.max(2, sample);
    return [Array.from({ length: n + 1 }, (_, i) => {
      const p = path.getPointAtLength((len * i) / n);
      return [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
    })];
  });
  const labels = [...document.querySelectorAll('.map__label')].filter(shown).map((el) => {
    const poly = corners(el);
    const m = el.getScreenCTM();
    const angle = (Math.atan2(m.b, m.a) * 180) / Math.PI;
    const center = [(poly[0][0] + poly[2][0]) / 2, (poly[0][1] + poly[2][1]) / 2];
    const id = el.getAttribute('data-label');
    const width = Math.hypot(poly[1][0] - poly[0][0], poly[1][1] - poly[0][1]);
    const trail = id.startsWith('trail:') ? id.split('+').map((s) => s.replace(/^trail:/, '')) : null;
    return { id, name: el.textContent, poly, angle, center, width, lines: trail ? trail.flatMap(trailPoints) : null };
  });
  return {
    labels,
    icons: [...document.querySelectorAll('.map__cluster-dot, .map__marker-dot')].filter(shown).map((e) => ({
      name: e.closest('[aria-label]')?.getAttribute('aria-label') ?? '', poly: rectPoly(e) })).filter((i) => inMap(i.poly)),
    overlays: [...document.querySelectorAll('.legend, .controls, .north, .attribution, .scalebar')].filter(shown)
      .map((e) => ({ name: e.className, poly: rectPoly(e) })),
  };
}

/** True when convex polygons `a` and `b` overlap by more than `slack` px (separating axes). */
export function polysOverlap(a, b, slack = 0.5) {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [nx, ny] = [-(y2 - y1) / len, (x2 - x1) / len];
      const span = (p) => { const d = p.map(([x, y]) => x * nx + y * ny); return [Math.min(...d), Math.max(...d)]; };
      const [amin, amax] = span(a);
      const [bmin, bmax] = span(b);
      if (Math.min(amax, bmax) - Math.max(amin, bmin) <= slack) return false;
    }
  }
  return true;
}

/** Distance from point `p` to segment `a`–`b`, and the segment's parameter there. */
function toSegment(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** For a trail label: how far its centre is from its trail, and the angle (degrees, 0–90) between
 *  its baseline and the trail's direction over the label's length there. */
export function alongItsLine(label) {
  let best = { d: Infinity, line: null, i: 0 };
  for (const line of label.lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const d = toSegment(label.center, line[i], line[i + 1]);
      if (d < best.d) best = { d, line, i };
    }
  }
  if (!best.line) return { distance: Infinity, turn: 180 };
  // the trail's direction: the chord between the points half a label's width either side
  const { line, i } = best;
  const at = (k) => line[Math.max(0, Math.min(line.length - 1, k))];
  let lo = i;
  let hi = i + 1;
  const reach = label.width / 2;
  while (lo > 0 && Math.hypot(at(lo)[0] - label.center[0], at(lo)[1] - label.center[1]) < reach) lo--;
  while (hi < line.length - 1 && Math.hypot(at(hi)[0] - label.center[0], at(hi)[1] - label.center[1]) < reach) hi++;
  const dir = (Math.atan2(at(hi)[1] - at(lo)[1], at(hi)[0] - at(lo)[0]) * 180) / Math.PI;
  const diff = Math.abs(((dir - label.angle) % 180 + 180) % 180);
  return { distance: best.d, turn: Math.min(diff, 180 - diff) };
}
