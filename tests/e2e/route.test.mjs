// End to end: the greenway route planner on the shipped park.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startSuite, withPage, waitForPark, readData, ROOT } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const poi = (id) => readData('pois.geojson').features.find((f) => f.properties.id === id);
const latlon = (f) => `${f.geometry.coordinates[1]},${f.geometry.coordinates[0]}`;

/** The same route computed natively by `parkmap-route` (the pure route module, no browser). */
function nativeRoute(...args) {
  const out = execFileSync('cargo', ['run', '-q', '--bin', 'parkmap-route', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

const summary = (page) => page.locator('.planner__summary').textContent();
const km = (text) => Number(/Distance ([\d.]+) km/.exec(text)?.[1]);

test('choosing two places gives the distance the native planner computes', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    const add = page.getByLabel('Add a place');
    await add.selectOption('p01'); // West Gate
    await add.selectOption('p05'); // Northeast Gate
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    const text = await summary(page);
    const native = nativeRoute(latlon(poi('p01')), latlon(poi('p05')));
    assert.equal(km(text), Number((native.distance_m / 1000).toFixed(2)), `${text} vs ${native.distance_m} m`);
    assert.match(text, /Walking \d+ h \d{2} min · Cycling \d+ min/);
    assert.equal(await page.locator('.planner__summary').getAttribute('role'), 'status');
    assert.ok((await page.locator('.map__route').getAttribute('d')).length > 20, 'the route is drawn');
    assert.match(await page.locator('.planner__waypoints').textContent(), /West Gate.*Northeast Gate/s);
    assert.ok(await page.locator('.planner__legs li').count() >= 2);
  });
});

test('the URL reproduces the route after a reload', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByLabel('Add a place').selectOption('p06');
    await page.getByLabel('Add a place').selectOption('p03');
    await page.getByLabel('Winter: avoid trails closed in winter').check();
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    const before = await summary(page);
    await page.waitForTimeout(400);
    assert.match(page.url(), /route=45\.\d+,126\.\d+(%3B|;)45\.\d+,126\.\d+/);
    assert.match(page.url(), /winter=1/);
    await page.reload();
    await waitForPark(page);
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    assert.equal(await summary(page), before);
    assert.match(await page.locator('.planner__waypoints').textContent(), /Riverside West Gate.*North Gate/s, 'names come back from positions');
  });
});

test('the GPX download is GPX 1.1 with the route and named waypoints', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    // Firefox cancels a download whose object URL is revoked in the task that clicked its link:
    // record each revoke and whether it came in that task.
    await page.addInitScript(() => {
      window.__revokes = [];
      window.__clickTask = false;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        window.__clickTask = true;
        setTimeout(() => { window.__clickTask = false; }, 0);
        return click.call(this);
      };
      URL.revokeObjectURL = (url) => { window.__revokes.push({ url, inClickTask: window.__clickTask }); };
    });
    await page.goto(`${suite.url}?lang=en&route=${latlon(poi('p01'))};${latlon(poi('p02'))}`);
    await waitForPark(page);
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GPX' }).click()]);
    assert.equal(download.suggestedFilename(), 'parkmap-route.gpx');
    const gpx = fs.readFileSync(await download.path(), 'utf8');
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const pts = [...doc.querySelectorAll('rtept, trkpt')];
      return { version: doc.documentElement.getAttribute('version'), points: pts.length,
        waypoints: [...doc.querySelectorAll('wpt > name')].map((n) => n.textContent) };
    }, gpx);
    assert.equal(parsed.error, undefined);
    assert.equal(parsed.version, '1.1');
    assert.ok(parsed.points > 10, `${parsed.points} points`);
    assert.deepEqual(parsed.waypoints, ['West Gate', 'East Gate']);
    const [gj] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GeoJSON' }).click()]);
    const fc = JSON.parse(fs.readFileSync(await gj.path(), 'utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    // both object URLs are released, later
    await page.waitForFunction(() => window.__revokes.length === 2, null, { timeout: 10000 });
    const revokes = await page.evaluate(() => window.__revokes);
    assert.ok(revokes.every((r) => r.url.startsWith('blob:') && !r.inClickTask), JSON.stringify(revokes));
  });
});

test('clicking the map adds points, a waypoint can be dragged, reverse and clear work', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    const box = await page.locator('.map').boundingBox();
    // two spots near the south riverside trail, away from markers
    await page.locator('.map__svg').click({ position: { x: box.width * 0.2, y: box.height * 0.66 }, force: true });
    await page.locator('.map__svg').click({ position: { x: box.width * 0.6, y: box.height * 0.66 }, force: true });
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    assert.equal(await page.locator('.map__waypoint').count(), 2);
    const first = km(await summary(page));
    // drag the end further east
    const end = await page.locator('.map__waypoint').nth(1).boundingBox();
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + 120, end.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((f) => Number(/Distance ([\d.]+)/.exec(document.querySelector('.planner__summary').textContent)?.[1]) !== f, first);
    assert.ok(km(await summary(page)) > first, 'a longer route after dragging the end away');
    const beforeReverse = await page.locator('.planner__waypoints').textContent();
    await page.getByRole('button', { name: 'Reverse' }).click();
    assert.notEqual(await page.locator('.planner__waypoints').textContent(), beforeReverse);
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('.map__waypoint').count(), 0);
    assert.match(await summary(page), /Add a start and an end/);
  });
});

test('a loop of about 10 km from an entrance is within ten percent', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByRole('button', { name: 'A loop' }).click();
    await page.getByLabel('Add a place').selectOption('p03');
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    const d = km(await summary(page));
    assert.ok(d >= 9 && d <= 11, `loop of ${d} km`);
    const native = nativeRoute('--loop', '10', latlon(poi('p03')));
    assert.equal(d, Number((native.distance_m / 1000).toFixed(2)));
  });
});

test('winter rules avoid closed trails or say which closure blocks the way', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    // find a pair whose summer route uses a winter-closed segment
    const closed = new Set(readData('greenway.geojson').features.filter((f) => f.properties.winter === 'closed').map((f) => f.properties.id));
    const pois = readData('pois.geojson').features.filter((f) => ['entrance', 'viewpoint', 'warm_station'].includes(f.properties.kind));
    let pair = null;
    for (const a of pois) {
      for (const b of pois) {
        if (a === b || pair) continue;
        const r = nativeRoute(latlon(a), latlon(b));
        if (r.segments.some((s) => closed.has(s.id))) pair = [a, b, r];
      }
      if (pair) break;
    }
    assert.ok(pair, 'some summer route crosses a winter-closed segment');
    const [a, b, summer] = pair;
    await page.goto(`${suite.url}?lang=en&route=${latlon(a)};${latlon(b)}`);
    await waitForPark(page);
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    assert.equal(km(await summary(page)), Number((summer.distance_m / 1000).toFixed(2)));
    const summerText = await summary(page);
    await page.getByLabel('Winter: avoid trails closed in winter').check();
    await page.waitForFunction((s) => document.querySelector('.planner__summary').textContent !== s, summerText);
    const text = await summary(page);
    if (/Distance/.test(text)) {
      assert.ok(km(text) > summer.distance_m / 1000, `a longer detour in winter: ${text}`);
      const legs = await page.locator('.planner__legs').textContent();
      for (const id of closed) {
        const name = readData('greenway.geojson').features.find((f) => f.properties.id === id).properties.name_en;
        assert.ok(!legs.includes(name), `winter route avoids ${name}`);
      }
    } else {
      assert.match(text, /No route: .*closed in winter/);
    }
  });
});

test('"my location" inside the park starts the route at the nearest greenway access', async (t) => {
  const gate = poi('p03').geometry.coordinates;
  await withPage(suite, t, { geolocation: { latitude: gate[1] - 0.002, longitude: gate[0] + 0.001, accuracy: 30 }, permissions: ['geolocation'] }, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByRole('button', { name: 'My location' }).click();
    await page.locator('.map__here').waitFor();
    assert.equal(await page.locator('.map__accuracy').count(), 1);
    assert.equal(await page.locator('.map__waypoint').count(), 1);
    assert.equal(await page.locator('.map__here').getAttribute('aria-label'), 'You are here');
  });
});

test('"my location" outside the park or without permission says so', async (t) => {
  await withPage(suite, t, { geolocation: { latitude: 39.9, longitude: 116.4 }, permissions: ['geolocation'] }, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByRole('button', { name: 'My location' }).click();
    await page.getByText('You are outside the park').waitFor();
    assert.equal(await page.locator('.map__here').count(), 0);
  });
  await withPage(suite, t, { permissions: [] }, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByRole('button', { name: 'My location' }).click();
    await page.getByText('Location is not available').waitFor();
  });
});

test('the print stylesheet gives one page with the map and the itinerary', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en&route=${latlon(poi('p01'))};${latlon(poi('p02'))}`);
    await waitForPark(page);
    await page.waitForFunction(() => /Distance/.test(document.querySelector('.planner__summary')?.textContent));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.controls').isVisible(), false);
    // the printed page: the map fitted to the route, the itinerary (at every width: planner-phone.test.mjs)
    assert.equal(await page.locator('.route-print__map .route-print__line').isVisible(), true);
    assert.ok(await page.locator('.route-print .route-print__list li').count() >= 3);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${pages} pages`);
  });
});
