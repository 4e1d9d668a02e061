// Leaflet 1.9 peer: SVG renderer for every vector layer (no canvas), GeoJSON layers from the same
// park bundle ParkMap reads, companies through leaflet.markercluster (circle markers, SVG paths).
import { loadPark, markReady, fail, COLORS, MIN_ZOOM, MAX_ZOOM, CLUSTER_RADIUS_PX } from './common.js';

const L = window.L;

async function main() {
  const renderer = L.svg();
  const map = L.map('map', {
    preferCanvas: false, renderer, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM,
    attributionControl: false, zoomControl: true,
  });
  window.__map = map;
  window.__zoom = () => map.getZoom();

  const { manifest, layers } = await loadPark();
  const [w, s, e, n] = manifest.bounds;
  map.fitBounds([[s, w], [n, e]]);

  const ctx = (f) => {
    const kind = f.properties.kind;
    const colour = COLORS.context[kind] || '#c3c8cf';
    return f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
      ? { renderer, color: '#7fb3d5', weight: 1, fillColor: colour, fillOpacity: 1 }
      : { renderer, color: colour, weight: kind === 'road' ? 4 : 2, opacity: 1 };
  };
  const styles = {
    context: ctx,
    zones: (f) => ({ renderer, color: '#ffffff', weight: 1.5, fillColor: COLORS.zone[f.properties.category] || '#ddd', fillOpacity: 0.85 }),
    waterfront: () => ({ renderer, color: COLORS.waterfront, weight: 3, opacity: 0.9 }),
    greenway: () => ({ renderer, color: COLORS.greenway, weight: 3, opacity: 0.9 }),
  };
  for (const kind of ['context', 'zones', 'waterfront', 'greenway']) {
    if (layers[kind]) L.geoJSON(layers[kind], { style: styles[kind] }).addTo(map);
  }
  if (layers.pois) {
    L.geoJSON(layers.pois, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        renderer, radius: 8, color: COLORS.poiStroke, weight: 1.5, fillColor: COLORS.poi, fillOpacity: 1,
      }),
    }).on('click', (ev) => { window.__clicked = ev.layer.feature.properties.id; }).addTo(map);
  }

  // Companies: one circle marker each, clustered. chunkedLoading keeps the page responsive while
  // 50 000 markers are added (markercluster's recommended setting for big sets); readiness waits
  // for the last chunk.
  const companies = (layers.companies && layers.companies.features) || [];
  const group = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: CLUSTER_RADIUS_PX });
  group.on('click', (ev) => { window.__clicked = ev.layer.feature.properties.id; });
  const markers = companies.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const m = L.circleMarker([lat, lon], {
      renderer, radius: 6, color: '#ffffff', weight: 1.5,
      fillColor: COLORS.industry[f.properties.industry] || '#555', fillOpacity: 1,
    });
    m.feature = f;
    return m;
  });
  map.addLayer(group);
  await new Promise((resolve) => {
    if (markers.length === 0) { resolve(); return; }
    group.options.chunkProgress = (done, total) => { if (done >= total) resolve(); };
    group.addLayers(markers);
  });

  // Clickable: a cluster icon or a company path is in the DOM and accepts pointer events.
  const target = document.querySelector('.marker-cluster, .leaflet-overlay-pane path.leaflet-interactive');
  if (!target) throw new Error('no clickable company marker');
  await markReady({
    library: `Leaflet ${L.version} + leaflet.markercluster`, renderer: 'SVG',
    companies: companies.length,
    clusters: document.querySelectorAll('.marker-cluster').length,
  });
}

main().catch(fail);
