// A partner page's script, written against embed.d.ts: `tsc --noEmit -p kit` (scripts/test.sh) checks
// that the types describe the kit as the README shows it. Not shipped.
import { ParkMap, ParkMapError, type RouteSummary, type View } from './embed.js';

async function main(): Promise<void> {
  const map = ParkMap.embed('#map', {
    lang: 'en',
    view: { lat: 45.83, lon: 126.51, zoom: 15 },
    selection: 'company:c0001',
    layers: ['zones', 'companies', 'greenway'],
    filter: { industries: ['digital_economy'], capitalMin: 1_000_000 },
    height: 'auto',
    minHeight: 320,
    maxHeight: 900,
    title: 'Shenzhen-Harbin Industrial Park map',
  });
  const { version } = await map.ready();
  console.log('ParkMap', version, 'at', map.origin, map.iframe.title);

  map.on('companySelected', (e) => console.log('company', e.id, e.name.toUpperCase()));
  map.on('viewChanged', (e) => console.log(e.lat.toFixed(5), e.lon.toFixed(5), e.zoom));
  map.on('routeChanged', (e) => console.log(`${e.distanceKm} km, ${e.walkingMin} min on foot`));
  map.on('resize', (e) => console.log('content height', e.height));
  map.on('*', (e) => console.log(e.type));

  await map.selectCompany('c0001');
  await map.selectZone('z09');
  await map.flyTo({ lat: 45.84, lon: 126.52, zoom: 16 });
  await map.fitPark();
  await map.setLayers({ hidden: ['pois'], visible: ['companies'] });
  await map.setFilter({ industries: ['new_materials', 'bio_economy'], zone: 'z03', foundedMin: 2015 });
  await map.setLanguage('zh');
  const route: RouteSummary = await map.planRoute({ waypoints: [[45.837, 126.478], [45.859, 126.561]], winter: true });
  console.log(route.distanceKm, route.cyclingMin, route.waypoints[0][0]);
  await map.planRoute({ loopKm: 10, start: [45.837, 126.478] });

  const view: View = await map.getView();
  await map.flyTo(view); // an answer is the command that sets it
  const selection = await map.getSelection();
  if (selection) console.log(selection.kind === 'company' ? `company ${selection.id}` : selection.kind);
  await map.setFilter(await map.getFilter());
  const planned = await map.getRoute();
  if (planned) await map.planRoute(planned);
  const { visible, hidden } = await map.getLayers();
  console.log(visible.length, hidden.join(','));
  await map.send('fitPark');

  try {
    await map.flyTo({ lat: 95, lon: 126.5 });
  } catch (err) {
    if (err instanceof ParkMapError) console.warn(err.command, err.message);
  }
  map.setHeight(480);
  map.destroy();

  // The element: its handle and its DOM events.
  const el = document.createElement('park-map');
  el.setAttribute('selection', 'zone:z09');
  el.addEventListener('companyselected', (e) => console.log(e.detail.id, e.detail.name));
  el.addEventListener('viewchanged', (e) => console.log(e.detail.zoom));
  el.addEventListener('error', (e) => console.warn(e.detail.message));
  document.body.append(el);
  await el.map?.ready();
}

void main();
