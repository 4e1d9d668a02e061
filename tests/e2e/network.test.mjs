// End to end: network faults on one layer. Each is retried with backoff a bounded number of times,
// then reported with a retry button; the rest of the map stays usable; a slow layer shows a loading
// state and the page stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark, readData } from './harness.mjs';

// Open at zoom 19 on Huawei, where every company is its own marker.
const huawei = readData('companies.geojson').features.find((c) => c.properties.name_en === 'Huawei').geometry.coordinates;
const AT = `#map=19/${huawei[1]}/${huawei[0]}`;

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** Fails the greenway layer with `fail(route)` for the first `times` requests, then serves it. */
async function flaky(page, times, fail) {
  let calls = 0;
  await page.route('**/greenway.geojson', async (route) => {
    calls += 1;
    if (calls <= times) await fail(route); else await route.continue();
  });
  return () => calls;
}

const FAULTS = {
  'HTTP 503': (r) => r.fulfill({ status: 503, body: 'busy' }),
  'HTTP 404': (r) => r.fulfill({ status: 404, body: 'gone' }),
  'connection refused': (r) => r.abort('connectionrefused'),
  'timeout': (r) => r.abort('timedout'),
  'wrong content type': (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html>proxy error</html>' }),
};

for (const [name, fail] of Object.entries(FAULTS)) {
  test(`${name} on one layer: retried, then reported with a retry button that works`, async (t) => {
    await withPage(suite, t, {}, async (page) => {
      const calls = await flaky(page, 3, fail);
      await page.goto(`${suite.url}?lang=en${AT}`);
      await waitForPark(page);
      const retry = page.getByRole('button', { name: 'Retry greenway.geojson' });
      await retry.waitFor({ timeout: 15000 });
      assert.equal(calls(), 3, 'three attempts, then it gave up');
      assert.match(await page.getByRole('alert').textContent(), /greenway\.geojson/);
      assert.equal(await page.locator('.map__trail--greenway').count(), 0);
      // the rest of the map is usable meanwhile
      assert.ok(await page.locator('.map__zone').count() > 0);
      await page.locator('.map__company').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      // the fourth request succeeds
      await retry.click();
      await page.locator('.map__trail--greenway').first().waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, 'the problem is gone with the retry');
    });
  });
}

test('a layer that fails twice then loads is drawn with no alert', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    const calls = await flaky(page, 2, FAULTS['HTTP 503']);
    await page.goto(`${suite.url}?lang=en`);
    await page.locator('.map__trail--greenway').first().waitFor({ timeout: 15000 });
    assert.equal(calls(), 3);
    assert.equal(await page.getByRole('alert').count(), 0);
  });
});

test('a slow layer shows a loading state while the map stays responsive', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/greenway.geojson', async (route) => { await gate; await route.continue(); });
    await page.goto(`${suite.url}?lang=en${AT}`);
    await page.locator('.map__company').first().waitFor();
    const chip = page.locator('.map__loading-chip');
    await chip.waitFor();
    assert.match(await chip.textContent(), /greenway/);
    // responsive: a click opens a panel while the layer is still on its way
    await page.locator('.map__company').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    release();
    await page.locator('.map__trail--greenway').first().waitFor();
    await chip.waitFor({ state: 'detached' });
  });
});
