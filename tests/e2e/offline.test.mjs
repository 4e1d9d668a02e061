// End to end: after the first visit the map and the data work with no network (service worker with a
// versioned cache); a new version is picked up on the next visit with a small "updated" notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, withPage, waitForPark, readData, countCompanies, ROOT } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

test('after one visit the map loads and works offline, route planner included', async (t) => {
  await withPage(suite, t, { serviceWorkers: 'allow' }, async (page, pageErrors, context) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await waitForPark(page);
    assert.equal(await countCompanies(page), readData('companies.geojson').features.length);
    assert.ok(await page.locator('.map__trail--greenway').count() > 0);
    assert.equal(await page.getByRole('alert').count(), 0, 'no layer failed offline');
    // the pinyin table came from the cache too: initials find 华为 Huawei
    await page.locator('.search__input').fill('hw');
    await page.getByRole('option', { name: /^Huawei/ }).first().waitFor();
    await page.locator('.search__input').fill('');
    await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.getByLabel('Add a place').selectOption('p01');
    await page.getByLabel('Add a place').selectOption('p02');
    await page.waitForFunction(() => /Distance [\d.]+ km/.test(document.querySelector('.planner__summary')?.textContent));
    assert.ok((await page.locator('.map__route').getAttribute('d')).length > 20);
    assert.deepEqual(pageErrors, []);
  });
});

test('a new version is installed on the next visit and says so', async (t) => {
  await withPage(suite, t, { serviceWorkers: 'allow' }, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await controlled(page);
    assert.equal(await page.locator('.notice').count(), 0, 'no notice on a first visit');
    // The next deployment: same files, a different version in sw.js.
    const sw = fs.readFileSync(path.join(ROOT, 'dist/sw.js'), 'utf8');
    const next = sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'");
    assert.notEqual(next, sw);
    suite.overrides['/sw.js'] = { body: next, type: 'text/javascript' };
    t.after(() => { delete suite.overrides['/sw.js']; });
    await page.reload();
    await waitForPark(page);
    const notice = page.locator('.notice');
    await notice.waitFor({ timeout: 20000 });
    assert.match(await notice.textContent(), /updated/);
    // the new worker finishes activating by deleting the old cache
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0].endsWith('-next');
    }, null, { timeout: 10000 });
  });
});
