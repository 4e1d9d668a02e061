// End to end: the map first, every other capability on demand (README, "Size"). The first module
// holds the map; each capability is a chunk fetched when first used or prefetched once the map is
// idle; a chunk that cannot be fetched is an inline error with Retry while the map goes on working;
// offline after a first visit every chunk still works; an embedded map answers the messages a host
// sent before its API's chunk arrived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startSuite, withPage, waitForPark, holdChunk, ROOT } from './harness.mjs';
import { readModule, demangle } from '../../scripts/wasm-parts.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const isChunk = (url) => /\/(split_[a-z_]+|chunk_\d+)-[0-9a-f]{16}\.wasm$/.test(new URL(url).pathname);
const prefetched = (page) => page.waitForFunction(
  () => performance.getEntriesByName('parkmap:chunks-prefetched').length > 0, null, { timeout: 20000 });

test('the first module holds the map, not the capabilities that come on demand', () => {
  // The build's first module before wasm-opt still has its function names.
  const functions = readModule(fs.readFileSync(path.join(ROOT, 'target/split/bg/parkmap_bg.wasm')))
    .functions.map((f) => ({ name: demangle(f.name ?? ''), size: f.size }));
  assert.ok(functions.length > 1000, 'the named first module was read');
  const onDemand = ['parkmap::route::', 'parkmap::search::', 'parkmap::listing::', 'parkmap::label::place',
    'parkmap::embed::protocol', 'parkmap::embed::snippet', 'parkmap::ui::explore::', 'parkmap::ui::planner::',
    'parkmap::ui::search::', 'parkmap::ui::details::', 'parkmap::ui::labels::', 'parkmap::ui::tiles::',
    'parkmap::ui::session::', 'parkmap::ui::embed::', 'parkmap::ui::embed_dialog::', 'petgraph::'];
  // A chunk's face and entry wrapper are the first module's (how it reaches the chunk); its code is
  // not. A few tiny closures may carry a capability's name because the linker folded identical code
  // into one function: at most 256 bytes of them per capability.
  const plumbing = /Capability>|_chunk::\{\{closure\}\}|::preload|Face as core::|drop_in_place/;
  for (const prefix of onDemand) {
    const found = functions.filter((f) => f.name.includes(prefix) && !plumbing.test(f.name));
    const bytes = found.reduce((n, f) => n + f.size, 0);
    assert.ok(bytes <= 256, `${prefix} is in a chunk, not in the first module: ${bytes} B in ${found.slice(0, 5).map((f) => f.name).join(', ')}`);
  }
  const chunks = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /^split_[a-z_]+-[0-9a-f]{16}\.wasm$/.test(f));
  for (const name of ['search', 'explore', 'planner', 'details', 'labels', 'session', 'embed_api', 'embed_dialog', 'basemap']) {
    assert.ok(chunks.some((f) => f.startsWith(`split_${name}-`)), `a chunk for ${name}`);
  }
});

test('nothing but the first module is fetched before ready; every chunk once the map is idle', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    // Ready: the moment the app's clusters are in the DOM (the benchmark's probe, without the paint).
    await page.addInitScript(() => {
      const poll = () => {
        if (document.querySelector('.map__cluster, .map__company')) window.__readyAt = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(`${suite.url}?lang=en`);
    await page.waitForFunction(() => window.__readyAt !== undefined);
    await prefetched(page);
    const started = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm')).map((e) => ({ url: e.name, at: e.startTime })));
    const readyAt = await page.evaluate(() => window.__readyAt);
    const early = started.filter((e) => e.at <= readyAt).map((e) => new URL(e.url).pathname);
    assert.equal(early.length, 1, `the first module only before ready: ${early.join(', ')}`);
    assert.match(early[0], /\/parkmap-[0-9a-f]{16}_bg\.wasm$/);
    await prefetched(page);
    const chunks = wasm.filter(isChunk).map((u) => new URL(u).pathname);
    for (const name of ['search', 'explore', 'planner', 'details', 'labels', 'session', 'embed_dialog', 'sites']) {
      assert.ok(chunks.some((c) => c.includes(`/split_${name}-`)), `${name} prefetched: ${chunks.join(', ')}`);
    }
    assert.ok(!chunks.some((c) => c.includes('/split_embed_api-') || c.includes('/split_basemap-')),
      'the embed API and the basemap are fetched only where they are used');
    assert.equal(new Set(chunks).size, chunks.length, 'each chunk fetched once');
    // A tap after the prefetch fetches nothing and opens at once.
    const before = wasm.length;
    await page.getByRole('button', { name: 'Explore' }).click();
    await page.locator('section.explore').waitFor();
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.locator('section.planner').waitFor();
    await page.locator('.search__input').fill('hua');
    await page.getByRole('option').first().waitFor();
    assert.deepEqual(wasm.slice(before).map((u) => new URL(u).pathname), [], 'no chunk fetched by a tap after the prefetch');
    assert.deepEqual(pageErrors, []);
  });
});

test('a chunk that cannot be fetched is an inline error with Retry; the map pans and selects meanwhile', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    let blocked = true;
    await page.route(/\/split_explore-[0-9a-f]{16}\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Explore' }).click();
    const failed = page.locator('.sidebar .chunk-failed[role=alert]');
    await failed.waitFor({ timeout: 20000 });
    assert.match(await failed.textContent(), /could not be loaded/);
    // the map goes on: a drag pans it, a click selects a zone and opens its panel
    const before = await page.locator('.map__world').getAttribute('transform');
    const box = await page.locator('.map').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((b) => document.querySelector('.map__world').getAttribute('transform') !== b, before);
    await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
    await page.locator('.panel #panel-title').waitFor();
    // Retry, once the network is back
    blocked = false;
    await failed.getByRole('button', { name: 'Retry' }).click();
    await page.locator('section.explore').waitFor();
    assert.equal(await page.locator('.chunk-failed').count(), 0);
    assert.deepEqual(pageErrors, [], 'no panic, no uncaught error');
  });
});

test('offline after a first visit, every chunk works', async (t) => {
  await withPage(suite, t, { serviceWorkers: 'allow' }, async (page, pageErrors, context) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await prefetched(page);
    await context.setOffline(true);
    await page.reload();
    await waitForPark(page);
    await page.locator('.map__label').first().waitFor();
    await page.locator('.search__input').fill('hw');
    await page.getByRole('option', { name: /^Huawei/ }).first().waitFor();
    await page.locator('.search__input').fill('');
    await page.getByRole('button', { name: 'Explore' }).click();
    await page.locator('section.explore').waitFor();
    await page.getByRole('button', { name: 'List' }).click();
    await page.locator('.list__table').waitFor();
    await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
    await page.locator('.panel #panel-title').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Plan a route' }).click();
    await page.locator('section.planner').waitFor();
    assert.equal(await page.locator('.chunk-failed').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});

test('an embedded map answers every message a host sent before its API chunk arrived', async (t) => {
  const host = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The host sends its commands as soon as the frame has loaded, without waiting for `ready`.
    res.end(`<!doctype html><title>host</title>
      <iframe id="map" src="${src}" width="600" height="400" title="map"></iframe>
      <script>window.events = []; addEventListener('message', (e) => window.events.push(e.data));
      document.getElementById('map').addEventListener('load', () => {
        const w = document.getElementById('map').contentWindow, to = new URL(${JSON.stringify(src)}).origin;
        w.postMessage({ source: 'parkmap', v: 1, type: 'selectCompany', id: 'nope', requestId: 'early-1' }, to);
        w.postMessage({ source: 'parkmap', v: 1, type: 'flyTo', lat: 95, lon: 126.5, requestId: 'early-2' }, to);
        w.postMessage({ source: 'parkmap', v: 1, type: 'selectZone', id: 'z09', requestId: 'early-3' }, to);
      });</script>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => host.close(r)));
  await withPage(suite, t, {}, async (page) => {
    // The embed API's chunk arrives late: every message above is sent before it.
    const releasedAt = await holdChunk(page, 'embed_api');
    const hostOrigin = `http://127.0.0.1:${host.address().port}`;
    const src = `${suite.url}?embed=1&lang=en&origins=${encodeURIComponent(hostOrigin)}`;
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(() => window.events.some((e) => e.type === 'zoneSelected'), null, { timeout: 30000 });
    await page.waitForFunction(() => window.events.filter((e) => e.type === 'error').length >= 2, null, { timeout: 10000 });
    assert.ok(releasedAt(), 'the API chunk was held back');
    const events = await page.evaluate(() => window.events);
    const types = events.map((e) => e.type);
    assert.ok(types.indexOf('ready') < types.indexOf('zoneSelected'), `ready first: ${types.join(', ')}`);
    const errors = events.filter((e) => e.type === 'error');
    assert.deepEqual(errors.map((e) => e.requestId).sort(), ['early-1', 'early-2']);
    assert.equal(events.find((e) => e.type === 'zoneSelected').id, 'z09');
  });
});
