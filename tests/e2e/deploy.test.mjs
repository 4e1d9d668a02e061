// End to end: what a host needs from the build and from deploy/nginx.conf — real nginx responses
// (types, pre-compressed bodies, cache rules, the CSP header, the subpath redirect), one service worker
// per deployment folder (two ParkMaps on one origin never touch each other's caches), a network-first
// fetch that gives up on a slow network, and a hint instead of a blank page when opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, waitForPark, readData, countCompanies } from './harness.mjs';
import { serve } from './serve.mjs';
import { startNginx } from './nginx.mjs';

const DIST = path.join(ROOT, 'dist');
let nginx;
let site;
let browser;
before(async () => {
  nginx = await startNginx(DIST);
  site = await serve(DIST, 0, { '/a/': DIST, '/b/': DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await nginx?.close();
});

/** A raw GET (no automatic decompression): { status, headers, body }. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const distFile = (name) => fs.readFileSync(path.join(DIST, name));
const hashed = (re) => fs.readdirSync(DIST).find((f) => re.test(f));
const metaCsp = () => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(distFile('index.html').toString())[1];

test('nginx sends the right type, encoding, cache rule and CSP for each kind of file', async () => {
  const br = { 'accept-encoding': 'gzip, br' };
  // the build names code files after 16 hex digits of a SHA-256 of their content
  const cases = [
    { file: '', type: /^text\/html; charset=utf-8$/, cache: 'no-cache', original: 'index.html' },
    { file: hashed(/_bg\.wasm$/), type: /^application\/wasm$/, cache: 'public, max-age=31536000, immutable' },
    { file: hashed(/^parkmap-[0-9a-f]{16}\.js$/), type: /^application\/javascript/, cache: 'public, max-age=31536000, immutable' },
    { file: hashed(/^main-[0-9a-f]{16}\.css$/), type: /^text\/css/, cache: 'public, max-age=31536000, immutable' },
    { file: 'sw.js', type: /^application\/javascript/, cache: 'no-cache' },
    { file: 'public/data/park.json', type: /^application\/json/, cache: 'no-cache' },
    { file: 'public/data/zones.geojson', type: /^application\/geo\+json/, cache: 'no-cache' },
  ];
  for (const c of cases) {
    assert.ok(c.file !== undefined, 'hashed file found in dist/');
    const res = await get(`${nginx.url}${c.file}`, br);
    assert.equal(res.status, 200, c.file);
    assert.match(res.headers['content-type'], c.type, c.file);
    assert.equal(res.headers['content-encoding'], 'br', `${c.file}: the pre-compressed .br is sent`);
    assert.equal(res.headers['cache-control'], c.cache, c.file);
    assert.equal(res.headers['content-security-policy'], `${metaCsp()}; frame-ancestors 'self' https:`, c.file);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(zlib.brotliDecompressSync(res.body), distFile(c.original ?? c.file), `${c.file}: body is the file`);
    // a client without brotli gets the .gz, and one with neither the original
    const gz = await get(`${nginx.url}${c.file}`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', c.file);
    assert.deepEqual(zlib.gunzipSync(gz.body), distFile(c.original ?? c.file));
    const plain = await get(`${nginx.url}${c.file}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, distFile(c.original ?? c.file));
  }
  assert.doesNotMatch(nginx.errorLog(), /\[(error|crit|alert|emerg)\]/);
});

test('nginx redirects the subpath without its slash, keeping the query', async () => {
  const res = await get(`http://127.0.0.1:${nginx.port}/maps/park?lang=en&sel=zone:z09`);
  assert.equal(res.status, 301);
  assert.equal(res.headers.location, '/maps/park/?lang=en&sel=zone:z09');
  const missing = await get(`${nginx.url}no-such-file.js`);
  assert.equal(missing.status, 404);
});

test('the build writes .gz and .br copies that are not in the service worker list', () => {
  const sw = distFile('sw.js').toString();
  assert.doesNotMatch(sw, /\.(gz|br)"/);
  for (const f of ['index.html', hashed(/_bg\.wasm$/), 'public/data/companies.geojson']) {
    assert.deepEqual(zlib.gunzipSync(distFile(`${f}.gz`)), distFile(f));
    assert.deepEqual(zlib.brotliDecompressSync(distFile(`${f}.br`)), distFile(f));
  }
});

async function controlledVisit(page, url) {
  await page.goto(url);
  await waitForPark(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

test('two deployments on one origin keep their own service worker and caches', async (t) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // the worker is registered only once the map is ready: sw.js is asked for after every layer arrived
  const log = site.log;
  log.length = 0;
  await controlledVisit(page, `${site.url}a/?lang=en`);
  const swAt = log.indexOf('request /a/sw.js');
  // each map layer's first answer (the worker's precache asks for them again later, and is the first
  // to ask for the sites layer: the site finder's, never loaded with the map)
  const firstAnswers = new Map();
  const mapLayers = readData('park.json').layers.filter((l) => l.kind !== 'sites').map((l) => `answered /a/public/data/${l.url}`);
  log.forEach((l, i) => { if (mapLayers.includes(l) && !firstAnswers.has(l)) firstAnswers.set(l, i); });
  const lastLayer = Math.max(...firstAnswers.values());
  assert.ok(swAt > 0 && lastLayer > 0 && swAt > lastLayer, `sw.js (${swAt}) after the last layer (${lastLayer})`);
  await controlledVisit(page, `${site.url}b/?lang=en`);
  const cacheContents = () => page.evaluate(async () => {
    const out = {};
    for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });
  let caches = await cacheContents();
  const keys = Object.keys(caches).sort();
  assert.equal(keys.length, 2, JSON.stringify(keys));
  assert.match(keys[0], /^parkmap:\/a\/:[0-9a-f]{12}$/);
  assert.match(keys[1], /^parkmap:\/b\/:[0-9a-f]{12}$/);
  for (const k of keys) {
    const folder = k.split(':')[1];
    assert.ok(caches[k].length > 10);
    assert.deepEqual(caches[k].filter((p) => !p.startsWith(folder)), [], `${k} holds only its own folder's files`);
  }
  const bBefore = caches[keys[1]];
  // A new version of /a/: its worker replaces /a/'s cache and leaves /b/'s alone.
  const sw = distFile('sw.js').toString();
  site.overrides['/a/sw.js'] = { body: sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"), type: 'text/javascript' };
  t.after(() => { delete site.overrides['/a/sw.js']; });
  await page.goto(`${site.url}a/?lang=en`);
  await waitForPark(page);
  await page.locator('.notice').waitFor({ timeout: 20000 });
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('parkmap:/a/:') && k.endsWith('-next'))
    && (await caches.keys()).filter((k) => k.startsWith('parkmap:/a/:')).length === 1, null, { timeout: 10000 });
  caches = await cacheContents();
  assert.deepEqual(caches[keys[1]], bBefore, "/b/'s cache survived /a/'s update untouched");
  // /b/ still works offline from its own cache
  await context.setOffline(true);
  await page.goto(`${site.url}b/?lang=en`);
  await waitForPark(page);
  assert.equal(await countCompanies(page), readData('companies.geojson').features.length);
  assert.deepEqual(errors, []);
});

test('data slower than 4 s comes from the cache, then the network refreshes it', async (t) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  t.after(() => context.close());
  const page = await context.newPage();
  await controlledVisit(page, `${site.url}a/?lang=en`);
  // far longer than the worker's timeout and than the wait below: only the cached copy can draw the zones
  site.delays['/a/public/data/zones.geojson'] = 60000;
  t.after(() => { delete site.delays['/a/public/data/zones.geojson']; });
  await page.reload();
  await page.locator('.map__zone').first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator('.map__zone').count(), readData('zones.geojson').features.length);
});

test('opened from disk, the page says to serve the folder over http instead of staying blank', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
  await page.locator('#file-hint').waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await page.locator('#file-hint').textContent(), /serve this folder/);
  // over http the start script removes it at once
  await page.goto(`${site.url}?lang=en`);
  await waitForPark(page);
  assert.equal(await page.locator('#file-hint').count(), 0);
});

test('the default park is preloaded beside the wasm and each of its files is fetched once', async (t) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  site.log.length = 0;
  await page.goto(`${site.url}b/?lang=en`);
  await waitForPark(page);
  const manifest = readData('park.json');
  // the map's layers: the sites are the site finder's, fetched when it opens
  const files = ['park.json', ...manifest.layers.filter((l) => l.kind !== 'sites').map((l) => l.url)];
  assert.equal(await page.locator('link[rel=preload][as=fetch][href^="public/data/"]').count(), files.length);
  for (const f of files) {
    const n = site.log.filter((l) => l === `request /b/public/data/${f}`).length;
    assert.equal(n, 1, `${f} requested ${n} times`);
  }
  for (const l of manifest.layers.filter((l) => l.kind === 'sites')) {
    assert.ok(!site.log.includes(`request /b/public/data/${l.url}`), `${l.url} is not fetched with the map`);
  }
  // a link to another park preloads nothing of the default one
  await page.goto(`${site.url}b/?lang=en&park=${encodeURIComponent('public/data/park.json')}&x=1`);
  await waitForPark(page);
  assert.equal(await page.locator('link[rel=preload][as=fetch][href^="public/data/"]').count(), 0);
});
