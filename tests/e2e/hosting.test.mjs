// End to end: the same built dist/ where people host it — at a site's root, under a nested subpath,
// over plain http from a host name that is not localhost (not a secure context), inside a cross-site
// iframe, and behind nginx running deploy/nginx.conf — each once as it is and once with the optional
// browser APIs taken away (clipboard, ResizeObserver, matchMedia gone; service-worker registration
// refused). Service workers are allowed, as on a real first visit. Each context must draw the
// markers and open a company panel with no failed request, no page error, no console error and no
// unhandled rejection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { CHROMIUM_ARGS, ROOT, readData, waitForPark } from './harness.mjs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { startNginx, hasNginx } from './nginx.mjs';

const DIST = path.join(ROOT, 'dist');
const SUBPATH = '/sites/partner/maps/park/';
/** A host name that is not localhost: over http it is not a secure context. */
const INSECURE_HOST = 'parkmap.test';

let site; // dist/ at the root and at SUBPATH of one server
let hostPage; // a partner's page on another site (localhost vs 127.0.0.1)
let nginx;
let browser;

before(async () => {
  site = await serve(DIST, 0, { [SUBPATH]: DIST });
  hostPage = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src');
    if (!src) { res.writeHead(204).end(); return; } // the browser's /favicon.ico
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Partner</title><h1>Our park</h1>
      <iframe id="map" src="${src.replace(/"/g, '&quot;')}" width="400" height="420" title="Park map"></iframe>`);
  });
  await new Promise((r) => hostPage.listen(0, '127.0.0.1', r));
  if (!hasNginx()) throw new Error('nginx is not installed: run ./scripts/setup.sh --browser');
  nginx = await startNginx(DIST);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`],
  });
});
after(async () => {
  await browser?.close();
  await nginx?.close();
  await site?.close();
  await new Promise((r) => (hostPage ? hostPage.close(r) : r()));
});

/** Runs in every frame before the app: records unhandled rejections. */
const RECORD_REJECTIONS = () => {
  window.__rejections = [];
  addEventListener('unhandledrejection', (e) => window.__rejections.push(String(e.reason?.message ?? e.reason)));
};
/** Takes the optional APIs away, as an old browser, a privacy setting or an embedding page may. */
const DEGRADE = () => {
  delete Navigator.prototype.clipboard;
  delete window.ResizeObserver;
  delete window.matchMedia;
  delete window.requestIdleCallback; // Safari has none: the app's idle work falls back to a timer
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register = () => Promise.reject(new DOMException('refused by the test', 'SecurityError'));
  }
};

const huawei = () => readData('companies.geojson').features.find((c) => c.properties.name_en === 'Huawei');
const huaweiHash = () => {
  const [lon, lat] = huawei().geometry.coordinates;
  return `#map=19/${lat}/${lon}`;
};

/** Opens `url` (or the partner page framing it) in a fresh context with service workers allowed,
 *  and returns { page, app, problems } — `app` is the page or the map's frame. */
async function open(t, url, { degrade = false, framed = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
  t.after(() => context.close());
  await context.addInitScript(RECORD_REJECTIONS);
  if (degrade) await context.addInitScript(DEGRADE);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  if (framed) {
    await page.goto(`http://localhost:${hostPage.address().port}/?src=${encodeURIComponent(url)}`);
    const frame = page.frameLocator('#map');
    return { page, app: frame, problems, frame: () => page.frames().find((f) => f.url().startsWith(url.split('#')[0].split('?')[0])) };
  }
  await page.goto(url);
  return { page, app: page, problems, frame: () => page.mainFrame() };
}

/** What every context must do: markers drawn, a company panel opened, nothing failed. */
async function mapWorks(ctx) {
  const { app, problems, frame } = ctx;
  await app.locator('.map__company[aria-label^="Huawei"]').waitFor({ timeout: 30000 });
  const f = frame();
  await f.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 20000 });
  assert.ok(await app.locator('.map__company, .map__cluster').count() > 0, 'markers drawn');
  await app.locator('.map__company[aria-label^="Huawei"]').dispatchEvent('click');
  await app.getByRole('dialog').waitFor();
  assert.equal(await app.locator('#panel-title').textContent(), 'Huawei');
  // give a refused registration or a late request time to surface
  await ctx.page.waitForTimeout(500);
  const rejections = (await Promise.all(ctx.page.frames().map((fr) => fr.evaluate(() => window.__rejections ?? []).catch(() => [])))).flat();
  assert.deepEqual([...problems, ...rejections.map((r) => `unhandled rejection: ${r}`)], []);
}

const contexts = [
  { name: 'at the site root', url: () => `${site.url}?lang=en${huaweiHash()}` },
  { name: 'under a nested subpath', url: () => `http://127.0.0.1:${site.port}${SUBPATH}?lang=en&sel=company:${huawei().properties.id}${huaweiHash()}` },
  { name: 'over plain http from a host name that is not localhost', url: () => `http://${INSECURE_HOST}:${site.port}${SUBPATH}?lang=en${huaweiHash()}`, insecure: true },
  { name: 'inside a cross-site iframe', url: () => `http://127.0.0.1:${site.port}${SUBPATH}?embed=1&lang=en${huaweiHash()}`, framed: true },
  { name: 'behind nginx (deploy/nginx.conf)', url: () => `${nginx.url}?lang=en${huaweiHash()}` },
];

for (const c of contexts) {
  for (const degrade of [false, true]) {
    test(`works ${c.name}${degrade ? ', without clipboard, ResizeObserver, matchMedia, requestIdleCallback or a service worker' : ''}`, async (t) => {
      const ctx = await open(t, c.url(), { degrade, framed: c.framed });
      if (c.insecure) assert.equal(await ctx.page.evaluate(() => window.isSecureContext), false, 'not a secure context');
      if (degrade) {
        assert.equal(await ctx.frame().evaluate(() => typeof ResizeObserver + typeof matchMedia + typeof requestIdleCallback),
          'undefinedundefinedundefined');
      }
      await mapWorks(ctx);
      if (degrade && !c.framed) {
        // the pinyin table, read at the "idle moment" (here the timer), makes "hw" find 华为 Huawei
        await ctx.app.locator('.search__input').fill('hw');
        await ctx.app.getByRole('option', { name: /Huawei/ }).first().waitFor({ timeout: 10000 });
      }
      if (!c.framed) {
        // every request stayed under the page's own folder
        const base = new URL('./', ctx.page.url()).pathname;
        const stray = await ctx.page.evaluate((b) => performance.getEntriesByType('resource')
          .map((e) => new URL(e.name)).filter((u) => u.origin === location.origin && !u.pathname.startsWith(b))
          .map((u) => u.pathname), base);
        assert.deepEqual(stray, []);
      }
    });
  }
}

test('without a clipboard API the copy button selects the snippet and says to press Ctrl+C', async (t) => {
  const ctx = await open(t, `http://${INSECURE_HOST}:${site.port}${SUBPATH}?lang=en`);
  await waitForPark(ctx.page);
  await ctx.page.getByRole('button', { name: 'Embed' }).click();
  await ctx.page.getByRole('button', { name: 'Copy', exact: true }).click();
  await ctx.page.getByText('press Ctrl+C').waitFor();
  const selected = await ctx.page.evaluate(() => {
    const el = document.getElementById('embed-code');
    return el.value.slice(el.selectionStart, el.selectionEnd) === el.value && el.value.startsWith('<iframe');
  });
  assert.ok(selected, 'the whole snippet is selected');
  // the snippet points at this deployment's folder
  assert.match(await ctx.page.locator('#embed-code').inputValue(), new RegExp(`src="http://${INSECURE_HOST}:${site.port}${SUBPATH}`));
  assert.deepEqual(ctx.problems, []);
});

test('over plain http "My location" says it needs a secure connection', async (t) => {
  const ctx = await open(t, `http://${INSECURE_HOST}:${site.port}${SUBPATH}?lang=en`);
  await waitForPark(ctx.page);
  await ctx.page.getByRole('button', { name: 'Plan a route' }).click();
  await ctx.page.getByRole('button', { name: 'My location' }).click();
  await ctx.page.getByText('My location needs a secure (https) connection.').waitFor();
  assert.deepEqual(ctx.problems, []);
});
