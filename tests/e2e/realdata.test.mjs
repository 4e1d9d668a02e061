// End to end: bundles shaped like real exports (tests/fixtures/real/, described in tests/realdata.rs):
// an osmtogeojson export, a QGIS export and a GPX conversion load with no alert, every feature drawn,
// the defaults listed under "Data notes" in About, trail panels showing lengths, and a route planned
// between two of their POIs. The native tests (cargo test --test realdata) check the same bundles
// through the parser and validator; this checks the built app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage } from './harness.mjs';

/** What each bundle draws, per layer selector, and a note the About panel must list. */
const BUNDLES = {
  'osm-export': {
    drawn: { '.map__trail--greenway': 7, pois: 6 },
    note: 'kind: taken from OSM tags',
    trail: 'way/101',
  },
  'qgis-export': {
    drawn: { '.map__trail--greenway': 5, pois: 5, '.map__zone': 1, companies: 2 },
    note: 'MultiPoint read as one POI per point',
  },
  'gpx-converted': {
    drawn: { '.map__trail--greenway': 2, pois: 3 },
    note: 'name: no name_zh and name_en; used "name"',
  },
  // parkmap-import's own output for a GPX, a KML, GeoJSON zones and a CSV of companies (kept equal
  // to it by tests/import.rs): strict, so it has no notes at all.
  imported: {
    drawn: { '.map__trail--greenway': 2, '.map__trail--waterfront': 1, pois: 5, '.map__zone': 2, companies: 4 },
    note: null,
  },
};

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** How many of `s` are drawn: companies count their clusters' members, POIs their badges' places. */
function drawnCount(s) {
  if (s === 'companies') {
    return document.querySelectorAll('.map__company').length
      + [...document.querySelectorAll('.map__cluster-count')].reduce((a, t) => a + Number(t.textContent), 0);
  }
  if (s === 'pois') {
    return document.querySelectorAll('.map__poi[data-select^="poi:"]').length
      + [...document.querySelectorAll('[data-badge]')].reduce((a, b) => a + Number(b.getAttribute('aria-label').match(/^\d+/)[0]), 0);
  }
  return document.querySelectorAll(s).length;
}

async function counts(page, selectors) {
  await page.evaluate(`window.drawnCount = ${drawnCount.toString()}`);
  return page.evaluate((sels) => Object.fromEntries(sels.map((s) => [s, window.drawnCount(s)])), selectors);
}

for (const [name, b] of Object.entries(BUNDLES)) {
  test(`${name}: loads with no alert, everything drawn, notes in About, a route between two POIs`, async (t) => {
    await withPage(suite, t, {}, async (page, pageErrors) => {
      await page.goto(`${suite.url}?lang=en&park=/fixtures/real/${name}/park.json`);
      await page.locator('.map__svg').waitFor();
      await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 30_000 });
      await page.evaluate(`window.drawnCount = ${drawnCount.toString()}`);
      await page.waitForFunction((want) => Object.entries(want).every(([s, n]) => window.drawnCount(s) === n),
        b.drawn, { timeout: 10_000 }).catch(() => {});
      assert.deepEqual(await counts(page, Object.keys(b.drawn)), b.drawn, 'every feature drawn');
      assert.equal(await page.locator('.alerts[role="alert"]').count(), 0, 'no alert: notes are not problems');

      // The notes are in About, as text (a strict bundle has none).
      await page.locator('header').getByRole('button', { name: 'About the data' }).click();
      await page.locator('#panel-title').waitFor();
      const notes = page.locator('.panel__notes');
      if (b.note) {
        await notes.waitFor();
        assert.ok((await notes.textContent()).includes(b.note), `About lists the note ${JSON.stringify(b.note)}`);
      } else {
        assert.equal(await notes.count(), 0, 'no data notes');
      }

      // A trail panel shows its geodesic length.
      const trail = b.trail
        ? page.locator(`.map__trail-group[data-select="trail:${b.trail}"]`)
        : page.locator('.map__trail-group').first();
      await trail.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Length/.test(document.querySelector('.panel')?.textContent || ''));
      assert.match(await page.locator('.panel').textContent(), /Length\s*[\d.,]+\s*(km|m)/);

      // A route between the first two POIs the planner offers.
      await page.getByRole('button', { name: 'Plan a route' }).click();
      const add = page.getByLabel('Add a place');
      const values = (await add.locator('option').evaluateAll((os) => os.map((o) => o.value))).filter(Boolean);
      assert.ok(values.length >= 2, `places offered: ${values.length}`);
      await add.selectOption(values[0]);
      await add.selectOption(values[1]);
      await page.waitForFunction(() => /Distance [\d.]+ km/.test(document.querySelector('.planner__summary')?.textContent || ''),
        null, { timeout: 10_000 });
      assert.ok((await page.locator('.map__route').getAttribute('d')).length > 20, 'the route is drawn');
      assert.deepEqual(pageErrors, [], 'no page error');
    });
  });
}

test('the shipped park still loads with no alert and no data notes', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await page.waitForSelector('.map__company, .map__cluster', { timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 20_000 });
    assert.equal(await page.locator('.alerts[role="alert"]').count(), 0);
    await page.locator('header').getByRole('button', { name: 'About the data' }).click();
    await page.locator('.panel__title').waitFor();
    assert.equal(await page.locator('.panel__notes').count(), 0);
  });
});
