// End to end: embed mode and the postMessage API across real origins. The host page is served from
// a second localhost port, so the iframe is truly cross-origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startSuite, withPage, waitForPark } from './harness.mjs';

let suite;
let host;
before(async () => {
  suite = await startSuite();
  // A host page on another origin; ?src= is the iframe URL, ?name= the frame's name.
  host = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (url.pathname === '/other') {
      // a second page of the host's origin, framed beside the map: it records what it is sent
      res.end(`<!doctype html><title>other</title><script>window.events = [];
        addEventListener('message', (e) => window.events.push({ origin: e.origin, data: e.data }));</script>`);
      return;
    }
    res.end(`<!doctype html><title>host</title><h1>Host page</h1><div style="height:400px"></div>
      <iframe id="map" src="${url.searchParams.get('src')}" width="360" height="240" title="map"></iframe>
      ${url.searchParams.has('other') ? '<iframe id="other" src="/other" width="100" height="100" title="other"></iframe>' : ''}
      <div style="height:1600px"></div>
      <script>window.events = []; addEventListener('message', (e) => window.events.push({ origin: e.origin, data: e.data }));</script>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
});
after(async () => { await suite?.close(); await new Promise((r) => host?.close(r)); });

const hostUrl = () => `http://127.0.0.1:${host.address().port}`;
const mapOrigin = () => new URL(suite.url).origin;

/** Opens the host page with the map embedded; `origins` lists the allowed host origins. */
async function openHost(page, origins) {
  const src = `${suite.url}?embed=1&lang=en${origins ? `&origins=${encodeURIComponent(origins)}` : ''}`;
  await page.goto(`${hostUrl()}/?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#map');
  await frame.locator('.map__company, .map__cluster').first().waitFor({ timeout: 20000 });
  return frame;
}

const events = (page) => page.evaluate(() => window.events.map((e) => ({ origin: e.origin, ...e.data })));
const send = (page, msg) => page.evaluate(([m, target]) => document.getElementById('map').contentWindow
  .postMessage({ source: 'parkmap', v: 1, ...m }, target), [msg, mapOrigin()]);

test('an allowed host gets ready, drives the map and receives events at its exact origin', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await openHost(page, hostUrl());
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'ready'));
    await send(page, { type: 'selectCompany', id: 'c0001', requestId: 7 });
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'companySelected'));
    const got = await events(page);
    const selected = got.find((e) => e.type === 'companySelected');
    assert.deepEqual({ id: selected.id, name: selected.name, origin: selected.origin, v: selected.v },
      { id: 'c0001', name: 'Huawei', origin: mapOrigin(), v: 1 });
    const frame = page.frameLocator('#map');
    assert.equal(await frame.locator('#panel-title').textContent(), 'Huawei');
    // a malformed command gets an error naming the problem, and changes nothing
    await send(page, { type: 'flyTo', lat: 95, lon: 126.5, requestId: 'r1' });
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'error'));
    const error = (await events(page)).find((e) => e.type === 'error');
    assert.equal(error.message, 'flyTo: "lat" 95 is out of range -90..90');
    assert.equal(error.requestId, 'r1');
    assert.equal(await frame.locator('#panel-title').textContent(), 'Huawei');
    // an unknown company is an error too
    await send(page, { type: 'selectCompany', id: 'nope' });
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'error' && /nope/.test(e.data.message)));
    // language and layers
    await send(page, { type: 'setLanguage', lang: 'ru' });
    await send(page, { type: 'setLayers', hidden: ['companies'] });
    await frame.locator('html[lang="ru"]').waitFor({ state: 'attached' });
    await frame.locator('.map__company, .map__cluster').first().waitFor({ state: 'detached' });
    // view changes are reported, debounced
    await send(page, { type: 'fitPark' });
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'viewChanged'));
    assert.ok((await events(page)).some((e) => e.type === 'resize' && e.height > 0));
    assert.ok((await events(page)).every((e) => e.origin === mapOrigin() && e.source === 'parkmap'));
  });
});

test('a reply goes to the window that sent the command, not to the parent', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    const src = `${suite.url}?embed=1&lang=en&origins=${encodeURIComponent(hostUrl())}`;
    await page.goto(`${hostUrl()}/?other=1&src=${encodeURIComponent(src)}`);
    await page.frameLocator('#map').locator('.map__company, .map__cluster').first().waitFor({ timeout: 20000 });
    await page.waitForFunction(() => window.events.some((e) => e.data.type === 'ready'));
    const other = page.frame({ url: /\/other$/ });
    // the sibling frame (same allowed origin as the host) sends a command that fails
    await other.evaluate((target) => parent.document.getElementById('map').contentWindow
      .postMessage({ source: 'parkmap', v: 1, type: 'selectCompany', id: 'nope', requestId: 'from-other' }, target), mapOrigin());
    await other.waitForFunction(() => window.events.some((e) => e.data.type === 'error'));
    const got = await other.evaluate(() => window.events.map((e) => ({ origin: e.origin, ...e.data })));
    assert.equal(got.length, 1);
    assert.equal(got[0].requestId, 'from-other');
    assert.equal(got[0].origin, mapOrigin());
    await page.waitForTimeout(300);
    assert.ok((await events(page)).every((e) => e.type !== 'error'), 'the parent was not sent the reply');
  });
});

test('a host that is not on the allowlist is ignored and told nothing', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await openHost(page, null); // no origins: only the map's own origin is allowed
    await page.waitForTimeout(500);
    await send(page, { type: 'selectCompany', id: 'c0001' });
    await send(page, { type: 'flyTo', lat: 95, lon: 0 });
    await page.waitForTimeout(800);
    assert.deepEqual(await events(page), [], 'not even ready is posted to an unknown parent');
    assert.equal(await page.frameLocator('#map').getByRole('dialog').count(), 0);
  });
});

test('embed mode is cooperative: the wheel scrolls the host page and shows a hint; Ctrl+wheel zooms', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    const frame = await openHost(page, hostUrl());
    assert.equal(await frame.locator('header.header').count(), 0, 'minimal chrome: no header');
    assert.equal(await frame.locator('.open-full').count(), 1);
    assert.equal(await frame.locator('.controls__button').count(), 3);
    const box = await page.locator('#map').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await frame.locator('.map__world').getAttribute('transform');
    const scrollBefore = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 200);
    await frame.locator('.map__hint').waitFor();
    await page.waitForTimeout(200);
    assert.ok(await page.evaluate(() => scrollY) > scrollBefore, 'the host page scrolled');
    assert.equal(await frame.locator('.map__world').getAttribute('transform'), before, 'the map did not zoom');
    const box2 = await page.locator('#map').boundingBox();
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(300);
    assert.notEqual(await frame.locator('.map__world').getAttribute('transform'), before, 'Ctrl+wheel zoomed');
  });
});

test('the embed works at 300 × 200 px', async (t) => {
  await withPage(suite, t, { viewport: { width: 300, height: 200 } }, async (page) => {
    await page.goto(`${suite.url}?embed=1&lang=en`);
    await waitForPark(page);
    const map = await page.locator('.map').boundingBox();
    assert.equal(Math.round(map.width), 300);
    assert.equal(Math.round(map.height), 200);
    for (const sel of ['.controls__button', '.open-full', '.legend__toggle']) {
      const r = await page.locator(sel).first().boundingBox();
      assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.width <= 300 && r.y + r.height <= 200, `${sel} inside the frame`);
    }
  });
});

test('the partner demo page embeds the map with the kit, drives it and logs its events and answers', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    await page.goto(`${suite.url}public/partner-demo.html`);
    await page.frameLocator('park-map iframe').locator('.map__company, .map__cluster').first().waitFor({ timeout: 20000 });
    await page.locator('#log li[data-type="ready"]').waitFor();
    await page.getByRole('button', { name: 'Select Huawei' }).click();
    await page.locator('#log li[data-type="companySelected"]').waitFor();
    assert.match(await page.locator('#log li[data-type="companySelected"]').textContent(), /"id":"c0001".*"name":"Huawei"/);
    await page.getByRole('button', { name: 'What is selected?' }).click();
    const answer = page.locator('#log li[data-type="ok"]', { hasText: 'getSelection →' });
    assert.deepEqual(JSON.parse((await answer.textContent()).split('→ ')[1]), { kind: 'company', id: 'c0001' });
    await page.getByRole('button', { name: 'Send a bad command' }).click();
    assert.equal(await page.locator('#log li[data-type="error"]').textContent(),
      'flyTo refused: flyTo: "lat" 95 is out of range -90..90');
    assert.deepEqual(pageErrors, []);
  });
});

test('the embed dialog builds a snippet for the current view with a live preview', async (t) => {
  await withPage(suite, t, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(700); // the flight to the zone ends
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor();
    await dialog.getByLabel('Width (px)').fill('480');
    await dialog.getByLabel('Title for screen readers').fill('Our "park" <map>');
    const code = await dialog.locator('textarea').inputValue();
    assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;lang=en&amp;sel=zone:z09#map=/);
    assert.match(code, /width="480" height="400" loading="lazy" allow="fullscreen; geolocation" title="Our &quot;park&quot; &lt;map&gt;"/);
    const preview = dialog.frameLocator('iframe');
    await preview.locator('.map__zone').first().waitFor({ timeout: 20000 });
    await preview.getByRole('dialog').waitFor();
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied to the clipboard').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
