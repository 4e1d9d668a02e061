// End to end: the Content-Security-Policy is in the built page and nothing violates it; markup and
// links from hostile data never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, withPage, waitForPark, gotoCompany, ROOT } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** Records CSP violations from the very start of the page. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleCsp = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text()); });
  return consoleCsp;
}

test('the built index.html carries a strict policy and no inline script', () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'CSP meta tag present');
  const csp = meta[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline <script>');
  assert.doesNotMatch(html, /\son[a-z]+="/i, 'no inline event handler');
});

test('the app runs under the policy with no violation reported', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    const consoleCsp = await watchCsp(page);
    await gotoCompany(page, suite.url, '?lang=en', 'Huawei');
    await page.locator('.map__company[aria-label^="Huawei"]').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'About the data' }).first().click();
    await page.locator('.legend__toggle').click(); // the legend starts folded
    await page.locator('.legend__layer input').first().uncheck();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(consoleCsp, []);
    assert.deepEqual(pageErrors, []);
  });
});

test('script and markup in every text property stay text, and bad links are not links', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    const dialogs = [];
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script><svg onload=alert(3)>';
    const feature = (id, x, website) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [x, 45.84] },
      properties: { id, name_zh: evil, name_en: `Evil ${id} ${evil}`, industry: 'digital_economy', zone: 'zw',
        description_en: evil, description_zh: evil, address_en: evil, address_zh: evil, sector: evil, website },
    });
    const layer = { type: 'FeatureCollection', features: [
      feature('e1', 126.505, 'javascript:alert(4)'), feature('e2', 126.51, 'data:text/html,<script>alert(5)</script>'),
      feature('e3', 126.515, 'https://ok.example/'),
    ] };
    await page.route('**/fixtures/mini/companies.geojson', (r) => r.fulfill({ status: 200, body: JSON.stringify(layer) }));
    const consoleCsp = await watchCsp(page);
    await page.goto(`${suite.url}?lang=en&park=/fixtures/mini/park.json`);
    await waitForPark(page);
    for (const id of ['e1', 'e2', 'e3']) {
      await page.locator(`[data-select="company:${id}"]`).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      assert.match(await dialog.locator('h2').textContent(), /<img src=x onerror="alert\(1\)">/);
      assert.equal(await dialog.locator('img, script, svg').count(), 0);
      const links = await dialog.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, id === 'e3' ? ['https://ok.example/'] : []);
      if (id === 'e3') {
        assert.equal(await dialog.locator('a').getAttribute('rel'), 'noopener noreferrer');
        assert.equal(await dialog.locator('a').getAttribute('referrerpolicy'), 'no-referrer');
      }
      await page.keyboard.press('Escape');
    }
    const alert = await page.locator('.alerts').textContent();
    assert.match(alert, /companies\.geojson:0: website: only http: and https: links are allowed; dropped/);
    assert.match(alert, /companies\.geojson:1: website: only http: and https: links are allowed; dropped/);
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(consoleCsp, []);
    assert.deepEqual(pageErrors, []);
  });
});
