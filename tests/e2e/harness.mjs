// Shared set-up for the end-to-end tests: serves dist/ (and tests/fixtures at /fixtures/) on
// 127.0.0.1, drives Debian's Chromium with playwright-core, and saves a screenshot of every failed
// test to target/e2e-screenshots/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'target/e2e-screenshots');

/** Chromium flags for a root user on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Starts the server (for `dist`: default $PARKMAP_DIST, else the repo's dist/ — another build,
 *  e.g. the one before a change, to see a test fail there) and browser once per test file;
 *  returns helpers bound to them. */
export async function startSuite(dist = process.env.PARKMAP_DIST || path.join(ROOT, 'dist')) {
  const server = await serve(dist, 0, { '/fixtures/': path.join(ROOT, 'tests/fixtures') });
  const browser = await launch();
  return {
    url: server.url,
    overrides: server.overrides,
    browser,
    async close() { await browser.close(); await server.close(); },
  };
}

/** Opens a page, records page errors, and screenshots it if `body` throws. `body` gets the page,
 *  the list of page errors and the browser context. */
export async function withPage(suite, t, options, body) {
  // The offline service worker would answer requests before page.route() sees them: tests that
  // are not about it block it.
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  // PARKMAP_CPU_THROTTLE=4: every page runs on a CPU that many times slower (Chromium's CPU
  // throttling, as Lighthouse's phone profile does), to shake out races between the app and a test.
  const throttle = Number(process.env.PARKMAP_CPU_THROTTLE || 0);
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await body(page, pageErrors, context);
  } catch (err) {
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${t.name.replace(/[^a-z0-9]+/gi, '_')}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    err.message += `\n(screenshot: ${path.relative(ROOT, file)})`;
    throw err;
  } finally {
    await context.close();
  }
}

/** Reads a committed data file as JSON. */
export function readData(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data', name), 'utf8'));
}

/** Parses an SVG `matrix(a 0 0 d e f)` transform into { scale, tx, ty }. */
export function parseMatrix(transform) {
  const m = /matrix\(([^)]+)\)/.exec(transform || '');
  if (!m) throw new Error(`not a matrix transform: ${transform}`);
  const [a, , , , e, f] = m[1].trim().split(/[\s,]+/).map(Number);
  return { scale: a, tx: e, ty: f };
}

/** Waits until every layer has loaded (no loading status left) and companies are drawn. */
export async function waitForPark(page) {
  await page.waitForSelector('.map__company, .map__cluster', { timeout: 20000 });
  // Neither the veil (nothing drawn yet) nor the chip (some layers still loading or retrying).
  await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 20000 });
}

/** Zooms in with the wheel around an element (as a visitor does before clicking in a crowded
 *  area); the element stays under the cursor, so it can then be clicked where it is. */
export async function zoomInOn(page, selector, notches = 3) {
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < notches; i++) {
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(100);
}

/** Opens the map (with `query`, e.g. '?lang=en') centred on the company whose English name is
 *  `name`, at `zoom` (19: no clustering), and waits for the park. */
export async function gotoCompany(page, url, query, name, zoom = 19) {
  const f = readData('companies.geojson').features.find((c) => c.properties.name_en === name);
  if (!f) throw new Error(`no company named ${name}`);
  const [lon, lat] = f.geometry.coordinates;
  await page.goto(`${url}${query}#map=${zoom}/${lat}/${lon}`);
  await waitForPark(page);
  await page.locator(`.map__company[aria-label^="${name}"]`).waitFor();
}

/** Companies drawn: single markers plus the counts of the clusters. */
export async function countCompanies(page) {
  return page.evaluate(() => document.querySelectorAll('.map__company').length
    + [...document.querySelectorAll('.map__cluster-count')].reduce((n, t) => n + Number(t.textContent), 0));
}

/** Holds the chunk `name`'s wasm (e.g. 'session', 'embed_api') back for `ms` before it is fetched:
 *  a chunk that arrives late. Returns a function giving the time it was let through (null before). */
export async function holdChunk(page, name, ms = 2500) {
  let releasedAt = null;
  await page.route(new RegExp(`/split_${name}-[0-9a-f]{16}\\.wasm$`), async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    releasedAt = Date.now();
    await route.continue();
  });
  return () => releasedAt;
}
