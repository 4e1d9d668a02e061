// End to end: small truths of the first view (issue 25, item 6). A bundle without a pre-rendered
// picture (every bundle but the default park) opens on its whole extent clear of the header, the
// attribution bar, the controls, the legend and the north arrow — the real-data fixtures
// (tests/fixtures/real/) at 1366 × 800 and 390 × 844, where an OSM export's southern end used to
// run under the bar. And the attribution line and the provenance in About are in the page's
// language, Russian included, as the shipped manifest gives them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, withPage, readData, ROOT } from './harness.mjs';

const readFixture = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/real', name, 'park.json'), 'utf8'));

let suite;
before(async () => { suite = await startSuite(process.env.PARKMAP_DIST || undefined); });
after(async () => { await suite?.close(); });

const BUNDLES = ['osm-export', 'qgis-export', 'gpx-converted', 'imported'];
const SIZES = [[1366, 800], [390, 844]];

/** In the page: the box of everything the park draws, and the boxes of what floats over the map. */
function firstView() {
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const drawn = [...document.querySelectorAll('.map__trail, .map__zone, .map__poi, .map__marker-dot, .map__cluster-dot, .map__company')]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
  const park = drawn.length === 0 ? null : {
    left: Math.min(...drawn.map((r) => r.left)), top: Math.min(...drawn.map((r) => r.top)),
    right: Math.max(...drawn.map((r) => r.right)), bottom: Math.max(...drawn.map((r) => r.bottom)),
  };
  const covers = [...document.querySelectorAll('.header, .attribution, .controls, .legend, .north')]
    .filter((e) => e.getBoundingClientRect().width > 0)
    .map((e) => ({ name: e.className, ...box(e.getBoundingClientRect()) }));
  return { park, covers, map: box(document.querySelector('.map').getBoundingClientRect()), count: drawn.length };
}

/** The manifest's bounds on screen, from the view the app wrote in `#map=` (Web Mercator). */
function boundsOnScreen(url, bounds, map) {
  const [z, lat, lon] = new URL(url).hash.replace('#map=', '').split('/').map(Number);
  const R = 6378137;
  const merc = ([lo, la]) => [R * (lo * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360))];
  const res = (2 * Math.PI * R) / 256 / 2 ** z;
  const [cx, cy] = merc([lon, lat]);
  const at = (p) => { const [x, y] = merc(p); return [map.left + (map.right - map.left) / 2 + (x - cx) / res, map.top + (map.bottom - map.top) / 2 - (y - cy) / res]; };
  const [w, s] = at([bounds[0], bounds[1]]);
  const [e, n] = at([bounds[2], bounds[3]]);
  return { left: w, top: n, right: e, bottom: s };
}

const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

for (const [width, height] of SIZES) {
  test(`${width}×${height}: each real-data bundle's first view shows it whole, clear of the header, the bar and the controls`, async (t) => {
    for (const name of BUNDLES) {
      await withPage(suite, t, { viewport: { width, height } }, async (page) => {
        await page.goto(`${suite.url}?lang=en&park=/fixtures/real/${name}/park.json`);
        await page.locator('.map__svg').waitFor();
        await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 30_000 });
        await page.waitForTimeout(300);
        // the view is written into the link at the first idle moment, by the session chunk
        await page.waitForFunction(() => location.hash.includes('map='), null, { timeout: 10_000 });
        const v = await page.evaluate(firstView);
        assert.ok(v.park, `${name}: something drawn`);
        const { park, map } = v;
        assert.ok(park.left >= map.left - 0.5 && park.right <= map.right + 0.5 && park.top >= map.top - 0.5
          && park.bottom <= map.bottom + 0.5, `${name}: whole inside the map ${JSON.stringify({ park, map })}`);
        const under = v.covers.filter((c) => overlap(park, c)).map((c) => `${c.name} ${JSON.stringify(c)}`);
        assert.deepEqual(under, [], `${name}: the park ${JSON.stringify(park)} is under`);
        // the manifest's bounds themselves (the zoom in the link has 2 decimals: 1.5 px of slack)
        const bounds = boundsOnScreen(page.url(), readFixture(name).bounds, map);
        const slack = 1.5;
        const inner = { left: bounds.left + slack, top: bounds.top + slack, right: bounds.right - slack, bottom: bounds.bottom - slack };
        assert.ok(inner.left >= map.left && inner.right <= map.right && inner.top >= map.top && inner.bottom <= map.bottom,
          `${name}: the bounds ${JSON.stringify(bounds)} inside the map ${JSON.stringify(map)}`);
        const bounded = v.covers.filter((c) => overlap(inner, c)).map((c) => `${c.name} ${JSON.stringify(c)}`);
        assert.deepEqual(bounded, [], `${name}: the bounds ${JSON.stringify(bounds)} are under`);
        t.diagnostic(`${width}×${height} ${name}: ${v.count} drawn in ${JSON.stringify(park)}, bounds ${JSON.stringify(bounds)}`);
      });
    }
  });
}

test('the attribution line and the provenance are in the page\'s language: zh, en and ru', async (t) => {
  const manifest = readData('park.json');
  for (const lang of ['zh', 'en', 'ru']) {
    for (const key of ['attribution', 'provenance']) {
      assert.ok(manifest[key][lang], `the shipped manifest has ${key}.${lang}`);
    }
    await withPage(suite, t, { viewport: { width: 1366, height: 800 } }, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}`);
      const line = page.locator('.attribution > span').first();
      await line.waitFor();
      await page.waitForFunction(() => document.querySelector('.attribution > span')?.textContent.trim().length > 0);
      assert.equal((await line.textContent()).trim(), manifest.attribution[lang], `${lang}: the attribution line`);
      await page.locator('.attribution__about').click();
      const about = page.locator('.panel__description').filter({ hasText: manifest.provenance[lang].slice(0, 40) });
      await about.waitFor();
      assert.equal((await about.textContent()).trim(), manifest.provenance[lang], `${lang}: the provenance in About`);
      if (lang === 'ru') {
        assert.match(await line.textContent(), /[а-яё]{4}/i, 'Russian words on the Russian page');
        assert.doesNotMatch(await line.textContent(), /illustrative/i, 'not the English text');
      }
    });
  }
});
