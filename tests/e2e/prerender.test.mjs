// End to end: the pre-rendered first view (src/prerender, written into index.html at build time).
// Before the wasm has run — or with JavaScript off — the default park is painted from index.html
// alone, hidden from assistive technology; once the app has drawn, the picture is gone and one map
// remains, within a few pixels of where the picture drew it (no jump at the swap). A URL that asks
// for another view, park, selection, embed or an unrendered language removes it before it is
// painted. No case may trip the Content-Security-Policy, and all of it works under a subpath.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, readData, waitForPark } from './harness.mjs';
import { serve } from './serve.mjs';

const DIST = path.join(ROOT, 'dist');
const SUBPATH = '/a/sub/path/';
let site;
let browser;

before(async () => {
  site = await serve(DIST, 0, { [SUBPATH]: DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs before any page script: records Content-Security-Policy violations. */
const RECORD_CSP = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

/** A fresh page at `size`; `wasm: false` aborts the wasm download (the app never starts). */
async function open(t, url, { size = { width: 1366, height: 800 }, wasm = true, js = true, html } = {}) {
  const context = await browser.newContext({ viewport: size, serviceWorkers: 'block', javaScriptEnabled: js });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.addInitScript(RECORD_CSP);
  if (!wasm) await page.route('**/*.wasm', (r) => r.abort());
  if (html) {
    await page.route(/\/(index\.html)?(\?.*)?$/, async (r) => {
      const res = await r.fetch();
      await r.fulfill({ response: res, body: html(await res.text()) });
    });
  }
  t.after(() => context.close());
  await page.goto(`${site.url.replace(/\/$/, '')}${url}`);
  return { page, consoleErrors };
}

/** CSP violations seen, as messages (the console ones included). */
async function cspProblems(page, consoleErrors) {
  const events = await page.evaluate(() => window.__csp || []).catch(() => []);
  return [...events, ...consoleErrors.filter((m) => /Content.Security.Policy/i.test(m))];
}

/** Bounding boxes of the picture's (`pr`) or the app's (`map`) zone paths, in document order. */
const zoneBoxes = (page, block) => page.$$eval(`.${block}__zone`, (els) => els.map((e) => {
  const r = e.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height];
}));

/** Centres and counts of the cluster markers inside the map box. */
const clusters = (page, block) => page.evaluate((b) => {
  const box = document.querySelector(b === 'pr' ? '.prerender__map' : '.map').getBoundingClientRect();
  return [...document.querySelectorAll(`.${b}__cluster`)].map((g) => {
    const r = g.querySelector(`.${b}__cluster-dot`).getBoundingClientRect();
    return { n: Number(g.textContent), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width };
  }).filter((c) => c.w > 0 && c.x > box.left && c.x < box.right && c.y > box.top && c.y < box.bottom)
    .sort((a, b2) => a.x - b2.x);
}, block);

const ZONES = readData('zones.geojson').features.length;

test('before the wasm runs the pre-rendered park is painted, aria-hidden, titled in the chosen language', async (t) => {
  const { page, consoleErrors } = await open(t, '/?lang=en', { wasm: false });
  const pr = page.locator('#prerender');
  await pr.waitFor({ state: 'visible' });
  assert.equal(await pr.getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('.pr__zone').count(), ZONES);
  assert.ok(await page.locator('.pr__trail--greenway').count() > 0);
  const fill = await page.locator('.pr__zone').first().evaluate((e) => getComputedStyle(e).fill);
  assert.match(fill, /^rgb/, 'zones are painted with the palette');
  const boxes = await zoneBoxes(page, 'pr');
  assert.ok(boxes.every(([, , w, h]) => w > 0 && h > 0), 'every zone has an area on screen');
  assert.ok((await clusters(page, 'pr')).length > 0, 'company clusters are shown');
  assert.equal(await page.locator('.prerender__title:visible').textContent(), readData('park.json').name.en);
  assert.deepEqual(await cspProblems(page, consoleErrors), []);
});

test('with JavaScript off the pre-rendered park is what the page shows', async (t) => {
  const { page } = await open(t, '/', { js: false });
  await page.locator('#prerender').waitFor({ state: 'visible' });
  const boxes = await zoneBoxes(page, 'pr');
  assert.equal(boxes.length, ZONES);
  assert.ok(boxes.every(([, , w, h]) => w > 0 && h > 0));
  assert.equal(await page.locator('.prerender__title:visible').textContent(), readData('park.json').name.zh);
});

test('once the app has drawn, the picture is gone and exactly one map svg remains', async (t) => {
  const { page, consoleErrors } = await open(t, '/?lang=en');
  await waitForPark(page);
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 10000 });
  assert.equal(await page.locator('svg.map__svg').count(), 1);
  assert.equal(await page.locator('svg').filter({ has: page.locator('.map__zone') }).count(), 1);
  assert.equal(await page.locator('.pr__zone, .prerender').count(), 0);
  assert.deepEqual(await cspProblems(page, consoleErrors), []);
});

for (const size of [{ width: 1366, height: 800 }, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
  test(`at ${size.width}×${size.height} the app draws the park where the picture did (the swap does not jump)`, async (t) => {
    const before = await open(t, '/?lang=en', { size, wasm: false });
    await before.page.locator('#prerender').waitFor({ state: 'visible' });
    const pictured = await zoneBoxes(before.page, 'pr');
    const picturedClusters = await clusters(before.page, 'pr');
    const after = await open(t, '/?lang=en', { size });
    await waitForPark(after.page);
    const drawn = await zoneBoxes(after.page, 'map');
    const drawnClusters = await clusters(after.page, 'map');
    assert.equal(drawn.length, pictured.length);
    const jump = Math.max(...drawn.flatMap((b, i) => b.map((v, k) => Math.abs(v - pictured[i][k]))));
    t.diagnostic(`largest zone box difference ${jump.toFixed(2)} px`);
    assert.ok(jump <= 3, `zones moved by ${jump.toFixed(1)} px at the swap`);
    assert.deepEqual(drawnClusters.map((c) => c.n), picturedClusters.map((c) => c.n), 'the same clusters');
    const moved = Math.max(0, ...drawnClusters.map((c, i) => Math.hypot(c.x - picturedClusters[i].x, c.y - picturedClusters[i].y)));
    t.diagnostic(`largest cluster move ${moved.toFixed(2)} px`);
    assert.ok(moved <= 3, `clusters moved by ${moved.toFixed(1)} px at the swap`);
  });
}

const zone = readData('zones.geojson').features[0].properties.id;
for (const [what, url, html] of [
  ['a shared view (#map=)', '/?lang=en#map=15/45.84/126.52'],
  ['a selection (sel=)', `/?lang=en&sel=zone:${zone}`],
  ['an embed (embed=1)', '/?embed=1&lang=en'],
  ['another park (?park=)', '/?park=public/data/park.json'],
  ['a filter (ind=)', '/?ind=bio_economy'],
  ['a language it was not rendered in', '/?lang=ru', (h) => h.replace(/(name="parkmap-prerender" content=")[^"]*/, '$1zh en')],
]) {
  test(`${what}: the picture is removed before it is painted`, async (t) => {
    const { page, consoleErrors } = await open(t, url, { wasm: false, html });
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerender-off')), true);
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.deepEqual(await cspProblems(page, consoleErrors), []);
  });
}

test('under a subpath the picture shows, every request stays under it, and the app replaces it', async (t) => {
  const failed = [];
  const { page, consoleErrors } = await open(t, `${SUBPATH}?lang=zh`, { wasm: false });
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await page.locator('#prerender').waitFor({ state: 'visible' });
  assert.match(await page.locator('.pr__zone').first().evaluate((e) => getComputedStyle(e).fill), /^rgb/);
  const app = await open(t, `${SUBPATH}?lang=zh`);
  app.page.on('response', (r) => {
    if (r.status() >= 400 || !new URL(r.url()).pathname.startsWith(SUBPATH)) failed.push(r.url());
  });
  await waitForPark(app.page);
  await app.page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 10000 });
  assert.deepEqual(failed, []);
  assert.deepEqual(await cspProblems(page, consoleErrors), []);
  assert.deepEqual(await cspProblems(app.page, app.consoleErrors), []);
});
