// MapLibre GL JS peer: an empty style (background colour only, no tiles, no glyphs), one GeoJSON
// source per park layer, companies as a clustered GeoJSON source drawn with circle layers
// (no count labels: text needs glyphs, which would need a download).
import * as maplibregl from '/lib/maplibre/maplibre-gl.mjs';
import { loadPark, markReady, fail, COLORS, MIN_ZOOM, MAX_ZOOM, CLUSTER_RADIUS_PX } from './common.js';

const byProp = (prop, table, fallback) => ['match', ['get', prop], ...Object.entries(table).flat(), fallback];
const isPolygon = ['==', ['geometry-type'], 'Polygon'];
const isLine = ['==', ['geometry-type'], 'LineString'];

async function main() {
  const parkPromise = loadPark();
  const map = new maplibregl.Map({
    container: 'map',
    style: {
      version: 8, sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.canvas } }],
    },
    minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, attributionControl: false,
    center: [126.52, 45.84], zoom: 13,
  });
  window.__map = map;
  window.__zoom = () => map.getZoom();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

  const [{ manifest, layers }] = await Promise.all([parkPromise, map.once('load')]);
  const [w, s, e, n] = manifest.bounds;
  map.fitBounds([[w, s], [e, n]], { animate: false });

  const add = (id, data, extra = {}) => layers[id] && map.addSource(id, { type: 'geojson', data, ...extra });
  add('context', layers.context);
  add('zones', layers.zones);
  add('waterfront', layers.waterfront);
  add('greenway', layers.greenway);
  add('pois', layers.pois);
  add('companies', layers.companies, { cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: MAX_ZOOM - 1 });

  const layer = (spec) => map.getSource(spec.source) && map.addLayer(spec);
  layer({ id: 'context-fill', type: 'fill', source: 'context', filter: isPolygon,
    paint: { 'fill-color': byProp('kind', COLORS.context, '#c3c8cf'), 'fill-outline-color': '#7fb3d5' } });
  layer({ id: 'context-line', type: 'line', source: 'context', filter: isLine,
    paint: { 'line-color': byProp('kind', COLORS.context, '#c3c8cf'), 'line-width': ['match', ['get', 'kind'], 'road', 4, 2] } });
  layer({ id: 'zones-fill', type: 'fill', source: 'zones',
    paint: { 'fill-color': byProp('category', COLORS.zone, '#dddddd'), 'fill-opacity': 0.85 } });
  layer({ id: 'zones-line', type: 'line', source: 'zones', paint: { 'line-color': '#ffffff', 'line-width': 1.5 } });
  layer({ id: 'waterfront', type: 'line', source: 'waterfront', paint: { 'line-color': COLORS.waterfront, 'line-width': 3 } });
  layer({ id: 'greenway', type: 'line', source: 'greenway', paint: { 'line-color': COLORS.greenway, 'line-width': 3 } });
  layer({ id: 'pois', type: 'circle', source: 'pois',
    paint: { 'circle-radius': 8, 'circle-color': COLORS.poi, 'circle-stroke-color': COLORS.poiStroke, 'circle-stroke-width': 1.5 } });
  layer({ id: 'clusters', type: 'circle', source: 'companies', filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#0b5cad', 'circle-opacity': 0.75, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
      'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 100, 24, 1000, 30],
    } });
  layer({ id: 'company', type: 'circle', source: 'companies', filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-radius': 6, 'circle-color': byProp('industry', COLORS.industry, '#555555'),
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
    } });
  map.on('click', 'company', (ev) => { window.__clicked = ev.features[0].properties.id; });
  map.on('click', 'clusters', (ev) => { window.__clicked = `cluster:${ev.features[0].properties.cluster_id}`; });
  for (const id of ['company', 'clusters', 'pois']) {
    map.on('mouseenter', id, () => { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', id, () => { map.getCanvas().style.cursor = ''; });
  }

  // Drawn: every source loaded and the frame rendered ('idle'); clickable: a cluster or company
  // circle is among the rendered features (what a click hit-tests against).
  await map.once('idle');
  let rendered = map.queryRenderedFeatures({ layers: ['clusters', 'company'].filter((id) => map.getLayer(id)) });
  for (let i = 0; rendered.length === 0 && i < 50; i++) {
    await map.once('idle');
    rendered = map.queryRenderedFeatures({ layers: ['clusters', 'company'] });
  }
  if (rendered.length === 0) throw new Error('no clickable company marker rendered');
  const gl = map.painter && map.painter.context && map.painter.context.gl;
  let glRenderer = '';
  if (gl) {
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    glRenderer = gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  }
  await markReady({
    library: `MapLibre GL JS ${maplibregl.getVersion ? maplibregl.getVersion() : ''}`.trim(),
    renderer: `WebGL: ${glRenderer}`,
    companies: (layers.companies && layers.companies.features.length) || 0,
    clusters: rendered.filter((f) => f.properties.cluster).length,
  });
}

main().catch(fail);
