// End to end: network faults on one layer. Transient ones (network errors, timeouts, 408, 429, 5xx)
// are retried with backoff a bounded number of times; a missing or forbidden file and a web page
// served instead of data are reported at once. Either way the layer gets a retry button; the rest of the map stays usable; a slow layer shows a loading
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

/** Each fault, how many attempts it gets (3: retried twice; 1: reported at once), and the alert's words. */
const FAULTS = {
  'HTTP 503': [3, (r) => r.fulfill({ status: 503, body: 'busy' }), /HTTP 503/],
  'HTTP 429': [3, (r) => r.fulfill({ status: 429, body: 'slow down' }), /HTTP 429/],
  'HTTP 404': [1, (r) => r.fulfill({ status: 404, body: 'gone' }), /HTTP 404/],
  'HTTP 403': [1, (r) => r.fulfill({ status: 403, body: 'no' }), /HTTP 403/],
  'connection refused': [3, (r) => r.abort('connectionrefused'), /could not load/],
  'timeout': [3, (r) => r.abort('timedout'), /could not load/],
  'wrong content type': [1, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html>proxy error</html>' }),
    /got a web page, not data — is the path right\?/],
};

for (const [name, [attempts, fail, words]] of Object.entries(FAULTS)) {
  const what = attempts > 1 ? 'retried, then reported' : 'reported at once, not retried';
  test(`${name} on one layer: ${what}, with a retry button that works`, async (t) => {
    await withPage(suite, t, {}, async (page) => {
      const calls = await flaky(page, attempts, fail);
      await page.goto(`${suite.url}?lang=en${AT}`);
      await waitForPark(page);
      const retry = page.getByRole('button', { name: 'Retry greenway.geojson' });
      await retry.waitFor({ timeout: 15000 });
      assert.equal(calls(), attempts, `${attempts} attempt(s), then it gave up`);
      assert.match(await page.getByRole('alert').textContent(), /greenway\.geojson/);
      assert.match(await page.getByRole('alert').textContent(), words);
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
    const calls = await flaky(page, 2, FAULTS['HTTP 503'][1]);
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
