// The phone run: ParkMap, the Leaflet page and the MapLibre page on the same park, as a visitor on a
// phone network meets them — every file (ParkMap's and the peers') Brotli-encoded where the request
// accepts `br`, else gzip, as deploy/nginx.conf serves them (brotli_static + gzip_static), and the same
// again with gzip only; Chromium throttled to Lighthouse's mobile profile (150 ms latency, 1.6 Mbit/s
// down, 750 kbit/s up, 4× CPU slowdown), at a phone's 390 × 844 (touch) and at a desktop-sized
// 1280 × 800 on the same network; service workers allowed, as on a real first visit; a fresh browser
// context per first visit.
//
//   node bench/phone.mjs [--reps N] [--only parkmap,leaflet,maplibre] [--dist DIR]
//                        [--viewport 390x844,1280x800] [--encoding br,gzip]
//                        [--opens search,explore,planner]
//
// Figures per page, viewport and encoding (medians): first park paint, ready (clusters drawn and
// clickable: the probe of bench/run.mjs), a repeat visit's ready, bytes transferred before ready by kind
// (ParkMap's first module, its chunks, other code, data, other), JS heap + wasm memory after load; for
// ParkMap also the chunks transferred after ready by the prefetch and the service worker's precache, the
// time from ready until every chunk is prefetched (`parkmap:chunks-prefetched`), the first open of
// search / explore / the planner 2 s after ready (tap → painted, and the requests made meanwhile), and
// the search's slowest keystroke → results painted. Prints one table per viewport and encoding and
// writes target/bench/phone.md and phone.json. Never fails on a figure. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
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
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const REPS = Math.max(1, Number(opt('reps', process.env.BENCH_REPS || 3)));
const TARGETS = list(opt('only', 'parkmap,leaflet,maplibre'));
const DIST = path.resolve(ROOT, opt('dist', process.env.BENCH_DIST || 'dist'));
const OUT = path.join(ROOT, 'target/bench');
const NM = path.join(ROOT, 'node_modules');
const TIMEOUT = 120000;
/** How long a first open may take before it counts as failed, and how long the prefetch may take. */
const OPEN_TIMEOUT = 20000;
const PREFETCH_TIMEOUT = 30000;
/** The first opens happen this long after ready. */
const OPEN_AFTER_READY = 2000;
/** Lighthouse's mobile profile; DevTools takes bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const VIEWPORTS = list(opt('viewport', '390x844,1280x800')).map((v) => {
  const [width, height] = v.split('x').map(Number);
  if (!(width > 0 && height > 0)) throw new Error(`--viewport: "${v}" is not WIDTHxHEIGHT`);
  // A phone's width is a touch screen (isMobile: the meta viewport applies); a wider one is a desktop.
  return { name: `${width}x${height}`, width, height, mobile: width < 800 };
});
const ENCODINGS = list(opt('encoding', 'br,gzip'));
for (const e of ENCODINGS) if (!['br', 'gzip'].includes(e)) throw new Error(`--encoding: "${e}" is neither br nor gzip`);
const ENCODING_LABEL = { br: 'Brotli (else gzip), as deploy/nginx.conf', gzip: 'gzip' };
const OPENS = list(opt('opens', 'search,explore,planner')).filter((o) => o !== 'none');
for (const o of OPENS) if (!['search', 'explore', 'planner'].includes(o)) throw new Error(`--opens: "${o}" is not search, explore or planner`);

const PAGES = {
  parkmap: { label: 'ParkMap', url: '/?lang=en' },
  leaflet: { label: 'Leaflet', url: '/bench/leaflet.html?park=/public/data/park.json' },
  maplibre: { label: 'MapLibre', url: '/bench/maplibre.html?park=/public/data/park.json' },
};
for (const t of TARGETS) if (!PAGES[t]) throw new Error(`--only: "${t}" is not one of ${Object.keys(PAGES).join(', ')}`);

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

/** What a file is, for the bytes by kind: ParkMap's first module (`parkmap-<hash>_bg.wasm`), its
 *  chunks (every other .wasm, and the chunk loader `split-<hash>.js`), other code, the park's data. */
const kindOf = (url) => {
  let p;
  try { p = new URL(url).pathname; } catch { return 'other'; }
  if (/\/public\/data\/|\.geojson$|\/park\.json$/.test(p)) return 'data';
  if (/\/parkmap-[0-9a-f]+_bg\.wasm$/.test(p)) return 'first';
  if (/\.wasm$/.test(p) || /\/split-[0-9a-f]+\.js$/.test(p)) return 'chunks';
  if (/\.(js|mjs|css|html)$|\/$/.test(p)) return 'code';
  return 'other';
};
const KINDS = ['first', 'chunks', 'code', 'data', 'other'];

/** Records every request of the page and of its service worker through DevTools: URL, start and
 *  end (wall-clock ms), bytes on the wire (`encodedDataLength`), and whether the page's response came
 *  from the service worker or a cache (then its bytes are not network bytes: the worker's own fetch,
 *  if any, is recorded on the worker's side). The service worker is attached paused through the page's
 *  auto-attach and gets the same network throttling before it runs (DevTools throttles per target:
 *  without this its precache would run at loopback speed). */
async function recorder(cdp, { serviceWorker }) {
  const requests = [];
  const byId = new Map();
  const notes = new Set();
  // The headers as sent (they may come before or after requestWillBeSent): the worker's precache asks
  // with cache: 'reload', which Chromium sends as `Cache-Control: no-cache`; the worker's fetches on the
  // page's behalf carry no such header.
  const reloads = new Set();
  const sent = (src) => (e) => {
    const before = byId.get(`${src} ${e.requestId}`);
    if (before && before.end === null) before.end = e.wallTime * 1000; // a redirect: the same id goes on
    const r = {
      src, url: e.request.url, start: e.wallTime * 1000, mono: e.timestamp, end: null, bytes: 0,
      failed: false, fromServiceWorker: false, fromCache: false,
      reload: reloads.delete(`${src} ${e.requestId}`),
    };
    byId.set(`${src} ${e.requestId}`, r);
    requests.push(r);
  };
  const received = (src) => (e) => {
    const r = byId.get(`${src} ${e.requestId}`);
    if (r) { r.fromServiceWorker = !!e.response.fromServiceWorker; r.fromCache = !!(e.response.fromDiskCache || e.response.fromPrefetchCache); }
  };
  const cached = (src) => (e) => { const r = byId.get(`${src} ${e.requestId}`); if (r) r.fromCache = true; };
  const finished = (src) => (e) => {
    const r = byId.get(`${src} ${e.requestId}`);
    if (r) { r.end = r.start + (e.timestamp - r.mono) * 1000; r.bytes = e.encodedDataLength; }
  };
  const failed = (src) => (e) => {
    const r = byId.get(`${src} ${e.requestId}`);
    if (r) { r.end = r.start + (e.timestamp - r.mono) * 1000; r.failed = true; }
  };
  const extra = (src) => (e) => {
    if (!/no-cache/i.test(`${e.headers['Cache-Control'] || e.headers['cache-control'] || ''}`)) return;
    const r = byId.get(`${src} ${e.requestId}`);
    if (r) r.reload = true;
    else reloads.add(`${src} ${e.requestId}`);
  };
  const handlers = {
    'Network.requestWillBeSentExtraInfo': extra,
    'Network.requestWillBeSent': sent, 'Network.responseReceived': received, 'Network.requestServedFromCache': cached,
    'Network.loadingFinished': finished, 'Network.loadingFailed': failed,
  };
  for (const [ev, h] of Object.entries(handlers)) cdp.on(ev, h('page'));
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  if (serviceWorker) {
    const workerHandlers = Object.fromEntries(Object.entries(handlers).map(([ev, h]) => [ev, h('sw')]));
    let id = 1;
    const pending = new Map();
    const sendTo = (sessionId, method, params = {}) => {
      const n = id++;
      pending.set(`${sessionId} ${n}`, method);
      return cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method, params }) }).catch(() => {});
    };
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const m = JSON.parse(message);
      if (m.id !== undefined) {
        const method = pending.get(`${sessionId} ${m.id}`);
        if (m.error && method !== 'Runtime.runIfWaitingForDebugger') notes.add(`service worker: ${method} failed (${m.error.message}): its requests may not be throttled`);
        return;
      }
      if (workerHandlers[m.method]) workerHandlers[m.method](m.params);
    });
    cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
      if (targetInfo.type === 'service_worker') {
        await sendTo(sessionId, 'Network.enable');
        await sendTo(sessionId, 'Network.emulateNetworkConditions', NETWORK);
      }
      if (waitingForDebugger) await sendTo(sessionId, 'Runtime.runIfWaitingForDebugger');
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  }
  return { requests, notes };
}

/** Bytes that crossed the network: the page's own requests, and its service worker's. */
const onWire = (r) => r.end !== null && !r.failed && !r.fromCache && !(r.src === 'page' && r.fromServiceWorker);

/** Loads `url` and waits for ready. Returns page-relative times and the bytes transferred before
 *  ready by kind. */
async function visit(page, rec, url, target) {
  const since = rec.requests.length;
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready || window.__benchError, null, { polling: 50, timeout: TIMEOUT });
  const r = await page.evaluate(() => ({
    ready: window.__ready, error: window.__benchError, firstPaint: window.__firstPaint ?? null,
    origin: performance.timeOrigin,
  }));
  if (r.error) throw new Error(r.error);
  const readyWall = r.origin + r.ready;
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const q of rec.requests.slice(since)) {
    if (onWire(q) && q.end <= readyWall) bytes[kindOf(q.url)] += q.bytes;
  }
  bytes.total = KINDS.reduce((s, k) => s + bytes[k], 0);
  return { ready: r.ready, firstPaint: target === 'parkmap' ? r.firstPaint : r.ready, bytes, origin: r.origin, since };
}

async function memory(page) {
  return page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: window.__parkmapWasm && window.__parkmapWasm.memory ? window.__parkmapWasm.memory.buffer.byteLength : 0,
  }));
}

/** What each first open waits for: the opened thing in the DOM (then the next paint). */
const OPENED = { search: '[role=option]', explore: 'section.explore', planner: 'section.planner' };

/** The first open of search, explore or the planner, OPEN_AFTER_READY after ready: tap (a click on a
 *  desktop) the header's control — for search, the box, then "hua" typed — and time it from the tap's
 *  pointerdown (its event time) to the opened thing painted (in the DOM, then a frame, then a task); the
 *  requests of the page and its worker started in between are counted. */
async function firstOpen(page, rec, what, first, mobile) {
  await page.waitForFunction((t) => performance.now() >= t, first.ready + OPEN_AFTER_READY, { polling: 20, timeout: TIMEOUT });
  await page.evaluate((sel) => {
    window.__tapAt = undefined;
    window.__openedAt = undefined;
    window.__inputAt = undefined;
    addEventListener('input', (e) => { window.__inputAt ??= e.timeStamp || performance.now(); }, { capture: true, once: true });
    addEventListener('pointerdown', (e) => {
      window.__tapAt = e.timeStamp || performance.now();
      const painted = () => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__openedAt = performance.now(); };
        ch.port2.postMessage(0);
      });
      if (document.querySelector(sel)) { painted(); return; }
      const mo = new MutationObserver(() => {
        if (document.querySelector(sel)) { mo.disconnect(); painted(); }
      });
      mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    }, { capture: true, once: true });
  }, OPENED[what]);
  const control = what === 'search' ? page.locator('.search__input')
    : page.getByRole('button', { name: what === 'explore' ? 'Explore' : 'Plan a route', exact: true });
  await (mobile ? control.tap({ timeout: OPEN_TIMEOUT }) : control.click({ timeout: OPEN_TIMEOUT }));
  if (what === 'search') await page.keyboard.type('hua');
  await page.waitForFunction(() => window.__openedAt !== undefined, null, { polling: 20, timeout: OPEN_TIMEOUT });
  const { tapAt, openedAt, inputAt } = await page.evaluate(() => ({ tapAt: window.__tapAt, openedAt: window.__openedAt, inputAt: window.__inputAt }));
  const from = first.origin + tapAt;
  const to = first.origin + openedAt;
  const requests = rec.requests.filter((r) => r.start >= from && r.start <= to)
    .map((r) => `${r.src === 'sw' ? 'service worker: ' : ''}${new URL(r.url).pathname}${r.fromServiceWorker ? ' (from the service worker)' : ''}${r.fromCache ? ' (cache)' : ''}`);
  // For search, also the part from the first key's input event (the rest is the focus and the typing).
  return { ms: openedAt - tapAt, fromInput: inputAt === undefined ? null : openedAt - inputAt, requests: requests.length, urls: requests };
}

/** The `parkmap:chunks-prefetched` mark's time (same origin as performance.now()), or null. */
async function prefetched(page) {
  const t = await page.waitForFunction(() => {
    const m = performance.getEntriesByName('parkmap:chunks-prefetched')[0];
    return m ? m.startTime : false;
  }, null, { polling: 50, timeout: PREFETCH_TIMEOUT }).then((h) => h.jsonValue()).catch(() => null);
  return typeof t === 'number' ? t : null;
}

/** Waits until no request of the page or its worker has been in flight for `ms` (at most `max`). */
async function quiet(page, rec, ms = 1000, max = 30000) {
  const t0 = Date.now();
  let lastBusy = Date.now();
  while (Date.now() - t0 < max) {
    // (A request that never ends — none is expected — stops counting after 15 s.)
    if (rec.requests.some((r) => r.end === null && r.start > Date.now() - 15000)) lastBusy = Date.now();
    else if (Date.now() - lastBusy >= ms) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/** Keystroke → results painted, for "hua" typed one key at a time (ms, the slowest key). */
async function searchLatency(page) {
  const box = page.locator('.search__input');
  await box.fill('');
  await page.waitForFunction(() => !document.querySelector('[role=option]'), null, { timeout: 5000 }).catch(() => {});
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

/** A fresh context on the phone network with `vp`'s screen; its page, DevTools session and recorder. */
async function open(browser, vp, target) {
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height }, serviceWorkers: 'allow', isMobile: vp.mobile, hasTouch: vp.mobile,
  });
  if (target === 'parkmap') await context.addInitScript(PARKMAP_PROBE + FIRST_PAINT_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const rec = await recorder(cdp, { serviceWorker: target === 'parkmap' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, rec };
}

/** One page's first visit (and, for ParkMap, what follows it: the search's first open, the prefetch,
 *  the keystroke latency) and its repeat visit. */
async function runCase(browser, base, vp, target) {
  const { context, page, rec } = await open(browser, vp, target);
  const url = base + PAGES[target].url;
  try {
    const first = await visit(page, rec, url, target);
    const mem = await memory(page);
    const out = { ready: first.ready, firstPaint: first.firstPaint, bytes: first.bytes, memory: mem };
    if (target === 'parkmap') {
      const errors = [];
      if (OPENS.includes('search')) out.open = { search: await firstOpen(page, rec, 'search', first, vp.mobile).catch((e) => { errors.push(`search open: ${e.message.split('\n')[0]}`); return null; }) };
      const mark = await prefetched(page);
      out.prefetched = mark === null ? null : mark - first.ready;
      if (mark === null) errors.push('no parkmap:chunks-prefetched mark');
      out.quiet = await quiet(page, rec);
      if (!out.quiet) errors.push('the network was not quiet 30 s after the prefetch: the bytes after ready may be short');
      // After ready: the chunks the page fetched (itself, or through its worker when the worker had no
      // copy yet), and the worker's precache (cache: 'reload').
      const readyWall = first.origin + first.ready;
      const after = rec.requests.slice(first.since).filter((r) => onWire(r) && r.end > readyWall);
      const sum = (rs) => rs.reduce((s, r) => s + r.bytes, 0);
      out.after = {
        chunks: sum(after.filter((r) => (r.src === 'page' || !r.reload) && kindOf(r.url) === 'chunks')),
        precache: sum(after.filter((r) => r.src === 'sw' && r.reload)),
        precacheChunks: sum(after.filter((r) => r.src === 'sw' && r.reload && kindOf(r.url) === 'chunks')),
        pageAll: sum(after.filter((r) => r.src === 'page' || !r.reload)),
      };
      out.search = await searchLatency(page).catch((e) => { errors.push(`search latency: ${e.message.split('\n')[0]}`); return null; });
      out.notes = [...errors, ...rec.notes];
    }
    // A repeat visit: same context (HTTP cache; ParkMap's worker had time to install meanwhile).
    await page.waitForTimeout(3000);
    const repeat = await visit(page, rec, url, target);
    out.repeat = repeat.ready;
    return out;
  } finally {
    await context.close();
  }
}

/** ParkMap's first open of explore or the planner, in a fresh context of its own (a first visit,
 *  then the tap OPEN_AFTER_READY after ready). */
async function runOpen(browser, base, vp, what) {
  const { context, page, rec } = await open(browser, vp, 'parkmap');
  try {
    const first = await visit(page, rec, base + PAGES.parkmap.url, 'parkmap');
    return { ready: first.ready, ...(await firstOpen(page, rec, what, first, vp.mobile)), notes: [...rec.notes] };
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
  const mounts = {
    '/bench/': path.join(ROOT, 'bench'),
    '/lib/leaflet/': path.join(NM, 'leaflet/dist'),
    '/lib/markercluster/': path.join(NM, 'leaflet.markercluster/dist'),
    '/lib/maplibre/': path.join(NM, 'maplibre-gl/dist'),
  };
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!fs.existsSync(dir)) console.error(`phone: ${dir} is missing (npm install --no-audit --no-fund): ${prefix} will answer 404`);
  }
  // One server per encoding: Brotli where the request accepts it, else gzip (nginx's brotli_static +
  // gzip_static); or gzip only.
  const servers = {};
  for (const enc of ENCODINGS) servers[enc] = await serve(DIST, 0, mounts, { gzip: true, brotli: enc === 'br', caching: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--enable-unsafe-swiftshader'],
  });
  const load0 = os.loadavg();
  const started = Date.now();
  const env = { date: new Date().toISOString(), nproc: os.cpus().length, chromium: browser.version(), node: process.version, reps: REPS };
  /** results[viewport][encoding][target] = [samples]; opens[viewport][encoding][what] = [samples]. */
  const results = {};
  const opens = {};
  const errors = [];
  const slot = (o, vp, enc, k) => (((o[vp.name] ||= {})[enc] ||= {})[k] ||= []);
  try {
    // Interleaved: rep 1 of every viewport, encoding and page, then rep 2, …
    for (let rep = 0; rep < REPS; rep++) {
      for (const vp of VIEWPORTS) {
        for (const enc of ENCODINGS) {
          const base = servers[enc].url.replace(/\/$/, '');
          for (const t of TARGETS) {
            try {
              slot(results, vp, enc, t).push(await runCase(browser, base, vp, t));
            } catch (e) {
              const msg = `${t} ${vp.name} ${enc} run ${rep + 1}: ${e.message.split('\n')[0]}`;
              console.error(`[phone] ${msg}`);
              errors.push(msg);
            }
          }
          if (!TARGETS.includes('parkmap')) continue;
          for (const what of OPENS.filter((o) => o !== 'search')) {
            try {
              slot(opens, vp, enc, what).push(await runOpen(browser, base, vp, what));
            } catch (e) {
              const msg = `parkmap ${what} open ${vp.name} ${enc} run ${rep + 1}: ${e.message.split('\n')[0]}`;
              console.error(`[phone] ${msg}`);
              errors.push(msg);
            }
          }
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) await s.close();
  }
  env.loadavg = `${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at end`;
  env.seconds = Math.round((Date.now() - started) / 1000);

  const KB = (b) => (b == null ? 'n/a' : (b / 1024).toFixed(0));
  const sec = (x) => (x == null ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
  const MB = (b) => (b == null ? 'n/a' : (b / 2 ** 20).toFixed(1));
  const ratio = (a, b) => (a == null || b == null || !b ? '' : `${(a / b).toFixed(2)}×`);
  const tables = [];
  const notes = [];
  for (const vp of VIEWPORTS) {
    for (const enc of ENCODINGS) {
      const res = results[vp.name]?.[enc] || {};
      const col = (t, f) => median((res[t] || []).map((r) => { try { return f(r); } catch { return null; } }));
      const openOf = (what) => (what === 'search'
        ? (res.parkmap || []).map((r) => r.open?.search).filter(Boolean)
        : opens[vp.name]?.[enc]?.[what] || []);
      const openCell = (what) => {
        if (!OPENS.includes(what)) return 'not run';
        const s = openOf(what);
        if (!s.length) return 'n/a';
        const fromKey = what === 'search' ? median(s.map((o) => o.fromInput)) : null;
        return `${median(s.map((o) => o.ms)).toFixed(0)} ms${fromKey == null ? '' : ` (${fromKey.toFixed(0)} from the first key)`} · ${Math.max(...s.map((o) => o.requests))} req`;
      };
      // [name, value(target) → number|null, format, pages it applies to (default all), ratio?]
      const P = ['parkmap'];
      const rows = [
        ['first park paint', (r) => r.firstPaint, sec, null, true],
        ['ready (clusters drawn, clickable)', (r) => r.ready, sec, null, true],
        ['repeat visit, ready', (r) => r.repeat, sec, null, true],
        ['bytes before ready, KB: first module (wasm)', (r) => r.bytes.first, KB, P],
        ['bytes before ready, KB: chunks (other wasm, chunk loader)', (r) => r.bytes.chunks, KB, P],
        ['bytes before ready, KB: other code (js, css, html)', (r) => r.bytes.code, KB, null, true],
        ['bytes before ready, KB: data (manifest + layers)', (r) => r.bytes.data, KB],
        ['bytes before ready, KB: other', (r) => r.bytes.other, KB],
        ['bytes before ready, KB: total', (r) => r.bytes.total, KB, null, true],
        ['chunks transferred after ready (entered or prefetched), KB', (r) => r.after.chunks, KB, P],
        ['service worker\'s precache after ready, KB', (r) => r.after.precache, KB, P],
        ['… of which chunks, KB', (r) => r.after.precacheChunks, KB, P],
        ['ready → every chunk prefetched', (r) => r.prefetched, sec, P],
        ['JS heap + wasm after load, MB', (r) => (r.memory.heap ?? 0) + (r.memory.wasm ?? 0), MB, null, true],
      ];
      const present = TARGETS;
      const withRatio = present.includes('parkmap') && present.includes('leaflet');
      const head = `| ${vp.name}, ${enc === 'br' ? 'Brotli' : 'gzip'} | ${present.map((t) => PAGES[t].label).join(' | ')} |${withRatio ? ' ParkMap / Leaflet |' : ''}`;
      const lines = [
        `### ${vp.name}${vp.mobile ? ' (phone, touch)' : ' (desktop-sized)'}, ${ENCODING_LABEL[enc]}`,
        '',
        head,
        `|:---|${present.map(() => '---:').join('|')}|${withRatio ? '---:|' : ''}`,
      ];
      for (const [name, f, fmt, only, withR] of rows) {
        const cells = present.map((t) => ((only && !only.includes(t)) ? '—' : (res[t] ? fmt(col(t, f)) : 'n/a')));
        const r = withRatio && withR ? ratio(col('parkmap', f), col('leaflet', f)) : '';
        lines.push(`| ${name} | ${cells.join(' | ')} |${withRatio ? ` ${r} |` : ''}`);
      }
      for (const what of ['search', 'explore', 'planner']) {
        const label = { search: 'search ("hua" typed)', explore: 'Explore', planner: 'Plan a route' }[what];
        const cells = present.map((t) => (t === 'parkmap' ? openCell(what) : '—'));
        lines.push(`| first open 2 s after ready, tap → painted: ${label} | ${cells.join(' | ')} |${withRatio ? ' |' : ''}`);
      }
      const searchMs = col('parkmap', (r) => r.search);
      const searchCells = present.map((t) => (t === 'parkmap' ? (searchMs == null ? 'n/a' : `${searchMs.toFixed(0)} ms`) : '—'));
      lines.push(`| search "hua", slowest keystroke → results painted | ${searchCells.join(' | ')} |${withRatio ? ' |' : ''}`);
      const counts = present.map((t) => `${PAGES[t].label} ${(res[t] || []).length}/${REPS}`).join(', ');
      lines.push('', `Samples: ${counts}${OPENS.filter((o) => o !== 'search' && present.includes('parkmap')).map((o) => `, ${o} open ${(opens[vp.name]?.[enc]?.[o] || []).length}/${REPS}`).join('')}.`);
      tables.push(lines.join('\n'));
      for (const r of res.parkmap || []) for (const n of r.notes || []) notes.push(`${vp.name} ${enc}: ${n}`);
      for (const what of OPENS) {
        for (const o of openOf(what)) {
          if (o.requests) notes.push(`${vp.name} ${enc}: the ${what} open made ${o.requests} request(s): ${o.urls.join(', ')}`);
          for (const n of o.notes || []) notes.push(`${vp.name} ${enc}: ${n}`);
        }
      }
    }
  }
  const header = [
    `Phone run: ${REPS} rep(s), medians; 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, ${CPU_SLOWDOWN}× CPU slowdown; ` +
      `${env.date} · nproc ${env.nproc} · ${env.chromium} · node ${env.node} · load average ${env.loadavg} · run took ${env.seconds} s`,
    '',
    '"req": the most requests (page and service worker) started between the tap and the paint over the repetitions; ' +
      'bytes are on the wire (encodedDataLength); "—": does not apply; "n/a": not measured (see the notes).',
  ];
  const uniqueNotes = [...new Set([...errors, ...notes])];
  const text = [...header, '', tables.join('\n\n'), ...(uniqueNotes.length ? ['', 'Notes:', ...uniqueNotes.map((n) => `- ${n}`)] : [])].join('\n');
  console.log(text);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'phone.md'), `${text}\n`);
  fs.writeFileSync(path.join(OUT, 'phone.json'), JSON.stringify({ env, results, opens, errors }, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
