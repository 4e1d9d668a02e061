// Shared by the comparison pages (leaflet.html, maplibre.html): reads the same park bundle as
// ParkMap (manifest + GeoJSON layers, `?park=` like ParkMap), the same colours, and the same
// readiness signal the harness waits for (`window.__ready`, ms since navigation start).

/** The manifest URL: `?park=` if given, else the shipped park inside ParkMap's dist. */
export function parkUrl() {
  return new URLSearchParams(location.search).get('park') || '/public/data/park.json';
}

/** Fetches the manifest and every layer it lists, in parallel (as ParkMap does).
 *  Resolves to { manifest, layers: { kind: FeatureCollection } }. */
export async function loadPark(url = parkUrl()) {
  const manifestUrl = new URL(url, location.href);
  const manifest = await (await fetch(manifestUrl)).json();
  const layers = {};
  await Promise.all(manifest.layers.map(async (layer) => {
    const res = await fetch(new URL(layer.url, manifestUrl));
    if (!res.ok) throw new Error(`${layer.url}: HTTP ${res.status}`);
    layers[layer.kind] = await res.json();
  }));
  return { manifest, layers };
}

/** Resolves after the next frame has been painted (rAF, then a task after it). */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  }));
}

/** Records readiness for the harness: everything drawn, a company marker clickable. */
export async function markReady(info = {}) {
  await afterPaint();
  window.__benchInfo = info;
  window.__ready = performance.now();
}

export function fail(err) {
  window.__benchError = String(err && err.stack || err);
  console.error(err);
}

/** ParkMap's palette (style/main.css), so the three pages draw comparable pictures. */
export const COLORS = {
  canvas: '#e9efe6',
  context: { river: '#9cc9e6', water: '#b5d9ee', road: '#ffffff', axis: '#a0522d', boundary: '#6b5b95' },
  zone: {
    industry: '#f3d9a4', innovation_hq: '#c7e3f4', city_services: '#f2d1e3', finance_services: '#d9d2ee',
    green_space: '#c9e8c8', service_centers: '#f6f0a6',
  },
  greenway: '#1b7a3d',
  waterfront: '#0072b2',
  industry: {
    digital_economy: '#0072b2', new_materials: '#e69f00', high_end_equipment: '#d55e00',
    bio_economy: '#009e73', modern_services: '#cc79a7',
  },
  poi: '#ffffff',
  poiStroke: '#4a5766',
};

/** ParkMap's zoom limits (src/geo/viewport.rs), applied to the peers too. */
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 19;
/** Same cluster radius in both peers (leaflet.markercluster's default). */
export const CLUSTER_RADIUS_PX = 80;
