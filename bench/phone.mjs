// The phone run: ParkMap, the Leaflet page and the MapLibre page on the same park, as a visitor on a
// phone network meets them — responses gzip-encoded as a CDN sends them; Chromium throttled to
// Lighthouse's mobile profile (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown);
// service workers allowed, as on a real first visit; a fresh browser context per first visit.
//
//   node bench/phone.mjs [--reps N] [--only parkmap,leaflet,maplibre] [--dist DIR]
//
// Figures per page (medians): first park paint (zones and trails on screen), ready (clusters drawn
// and clickable: the same probe as bench/run.mjs), a repeat visit's ready (same context: HTTP cache
// and, for ParkMap, its service worker), bytes transferred before ready from the browser's network
// events (encodedDataLength) split into code / data / other, JS heap + wasm memory after load, and
// for ParkMap the search's keystroke → results painted. Prints a table and writes
// target/bench/phone.md and phone.json. Never fails on a figure.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../tests/e2e/harness.mjs';
import { PARKMAP_PROBE } from './probe.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const REPS = Math.max(1, Number(opt('reps', process.env.BENCH_REPS || 3)));
const TARGETS = opt('only', 'parkmap,leaflet,maplibre').split(',');
const DIST = path.resolve(ROOT, opt('dist', process.env.BENCH_DIST || 'dist'));
const OUT = path.join(ROOT, 'target/bench');
const NM = path.join(ROOT, 'node_modules');
const TIMEOUT = 120000;
/** Lighthouse's mobile profile; DevTools takes bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 390, height: 844 };

const PAGES = {
  parkmap: { label: 'ParkMap', url: '/?lang=en' },
  leaflet: { label: 'Leaflet', url: '/bench/leaflet.html?park=/public/data/park.json' },
  maplibre: { label: 'MapLibre', url: '/bench/maplibre.html?park=/public/data/park.json' },
};

/** First park paint: ParkMap's zones and trails are in the DOM (and so painted at the next frame)
 *  — the app's own, or the pre-rendered picture's from index.html when the gate kept it and its
 *  stylesheet has applied (it is then position: fixed).
 *  The peer pages draw zones, trails and clusters in one go, so their first paint is their ready. */
const FIRST_PAINT_PROBE = `(() => {
  const pictured = () => {
    const pre = document.getElementById('prerender');
    return pre && pre.querySelector('.pr__zone') && pre.querySelector('.pr__trail')
      && getComputedStyle(pre).position === 'fixed' && getComputedStyle(pre).display !== 'none';
  };
  const poll = () => {
    if ((document.querySelector('.map__zone') && document.querySelector('.map__trail')) || pictured()) {
      requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const kindOf = (url) => {
  const p = new URL(url).pathname;
  if (/\/public\/data\/|\.geojson$|\/park\.json$/.test(p)) return 'data';
  if (/\.(js|mjs|wasm|css|html)$|\/$/.test(p)) return 'code';
  return 'other';
};

async function visit(page, cdp, url, target) {
  const finished = [];
  const urls = new Map();
  let clock = null; // a monotonic timestamp and the wall time it was, from the first request
  const onRequest = (e) => { clock ||= { t: e.timestamp, wall: e.wallTime * 1000 }; };
  const onResponse = (e) => urls.set(e.requestId, e.response.url);
  const onFinished = (e) => finished.push({ id: e.requestId, bytes: e.encodedDataLength, t: e.timestamp });
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready || window.__benchError, null, { polling: 50, timeout: TIMEOUT });
  const r = await page.evaluate(() => ({
    ready: window.__ready, error: window.__benchError, firstPaint: window.__firstPaint ?? null,
    origin: performance.timeOrigin,
  }));
  cdp.off('Network.requestWillBeSent', onRequest);
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  if (r.error) throw new Error(r.error);
  // Network timestamps are monotonic seconds; the first request's wall time converts them, so bytes
  // split into those that arrived before ready and after.
  const readyWall = r.origin + r.ready;
  const bytes = { code: 0, data: 0, other: 0 };
  for (const f of finished) {
    const at = clock ? clock.wall + (f.t - clock.t) * 1000 : 0;
    if (at <= readyWall && urls.has(f.id)) bytes[kindOf(urls.get(f.id))] += f.bytes;
  }
  return { ready: r.ready, firstPaint: target === 'parkmap' ? r.firstPaint : r.ready, bytes };
}

async function memory(page) {
  return page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: window.__parkmapWasm && window.__parkmapWasm.memory ? window.__parkmapWasm.memory.buffer.byteLength : 0,
  }));
}

/** Keystroke → results painted, for "hua" typed one key at a time (ms, the slowest key). */
async function searchLatency(page) {
  const box = page.locator('.search__input');
  await box.click();
  let worst = 0;
  for (const key of ['h', 'u', 'a']) {
    const t = await page.evaluate((k) => new Promise((resolve) => {
      const input = document.querySelector('.search__input');
      const start = performance.now();
      input.value += k;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: k }));
      const wait = () => (document.querySelector('[role=option]')
        ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(wait));
      requestAnimationFrame(wait);
    }), key);
    worst = Math.max(worst, t);
  }
  return worst;
}

async function runCase(browser, base, target) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow', isMobile: true, hasTouch: true });
  try {
    if (target === 'parkmap') await context.addInitScript(PARKMAP_PROBE + FIRST_PAINT_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const url = base + PAGES[target].url;
    const first = await visit(page, cdp, url, target);
    const mem = await memory(page);
    const search = target === 'parkmap' ? await searchLatency(page).catch(() => null) : null;
    // A repeat visit: same context (HTTP cache; ParkMap's worker had time to install meanwhile).
    await page.waitForTimeout(3000);
    const repeat = await visit(page, cdp, url, target);
    return { ...first, repeat: repeat.ready, memory: mem, search };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error(`phone: ${DIST}/index.html is missing: build it first (node scripts/build.mjs)`);
    process.exit(1);
  }
  const server = await serve(DIST, 0, {
    '/bench/': path.join(ROOT, 'bench'),
    '/lib/leaflet/': path.join(NM, 'leaflet/dist'),
    '/lib/markercluster/': path.join(NM, 'leaflet.markercluster/dist'),
    '/lib/maplibre/': path.join(NM, 'maplibre-gl/dist'),
  }, { gzip: true });
  const base = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--enable-unsafe-swiftshader'],
  });
  const results = {};
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const t of TARGETS) {
        try {
          (results[t] ||= []).push(await runCase(browser, base, t));
        } catch (e) {
          console.error(`[phone] ${t} run ${rep + 1}: ${e.message}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const KB = (b) => (b == null ? '—' : (b / 1024).toFixed(0));
  const ms = (x) => (x == null ? '—' : `${(x / 1000).toFixed(2)} s`);
  const MB = (b) => (b == null ? '—' : (b / 2 ** 20).toFixed(1));
  const col = (t, f) => median((results[t] || []).map(f));
  const rows = [
    ['first park paint', (t) => ms(col(t, (r) => r.firstPaint))],
    ['ready (clusters drawn, clickable)', (t) => ms(col(t, (r) => r.ready))],
    ['repeat visit, ready', (t) => ms(col(t, (r) => r.repeat))],
    ['bytes before ready, KB: code', (t) => KB(col(t, (r) => r.bytes.code))],
    ['bytes before ready, KB: data', (t) => KB(col(t, (r) => r.bytes.data))],
    ['bytes before ready, KB: other', (t) => KB(col(t, (r) => r.bytes.other))],
    ['JS heap + wasm after load, MB', (t) => MB(col(t, (r) => (r.memory.heap ?? 0) + (r.memory.wasm ?? 0)))],
    ['search "hua", slowest keystroke → results painted', (t) => (t === 'parkmap' ? `${(col(t, (r) => r.search) ?? 0).toFixed(0)} ms` : '—')],
  ];
  const lines = [
    `Phone run: ${REPS} rep(s), medians; ${VIEWPORT.width}×${VIEWPORT.height}, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, ${CPU_SLOWDOWN}× CPU slowdown, gzip; ${new Date().toISOString()}`,
    '',
    `| | ${TARGETS.map((t) => PAGES[t].label).join(' | ')} |`,
    `|---|${TARGETS.map(() => '---:').join('|')}|`,
    ...rows.map(([name, f]) => `| ${name} | ${TARGETS.map(f).join(' | ')} |`),
  ];
  const text = lines.join('\n');
  console.log(text);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'phone.md'), `${text}\n`);
  fs.writeFileSync(path.join(OUT, 'phone.json'), JSON.stringify(results, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
