// ParkMap benchmark harness: measures ParkMap (target/bench-dist), a Leaflet 1.9 page and a
// MapLibre GL JS page (bench/*.html) on the same park data in headless Debian Chromium, prints one
// comparison table and writes it to target/bench/results.md (raw samples: results.json).
//
//   node bench/run.mjs [--reps N] [--only parkmap,leaflet,maplibre] [--parks shipped,stress]
//                      [--no-cargo] [--timeout MS]
//
// Never fails on a figure: exits 0 unless the harness itself breaks (no dist, no browser, ...).
// A case that takes longer than its timeout is reported as "timeout" in its cell. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../tests/e2e/harness.mjs';
import { PARKMAP_PROBE } from './probe.mjs';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const REPS = Math.max(1, Number(opt('reps', process.env.BENCH_REPS || 3)));
const LOAD_TIMEOUT = Number(opt('timeout', process.env.BENCH_TIMEOUT_MS || 60000));
const PHASE_TIMEOUT = 30000; // drag or zoom sweep, each
const CARGO_TIMEOUT = Number(process.env.BENCH_CARGO_TIMEOUT_MS || 300000);
const TARGETS = opt('only', 'parkmap,leaflet,maplibre').split(',');
const PARKS = opt('parks', 'shipped,stress').split(',');
const RUN_CARGO = !argv.includes('--no-cargo');
/** CPU slowdown during the drag and the zoom sweep (the phone profile uses 4); load is not slowed. */
const CPU_SLOWDOWN = Math.max(1, Number(opt('cpu', 1)));
/** Report name: target/bench/NAME.md and NAME.json. */
const REPORT = opt('out', 'results');

const DIST = path.resolve(ROOT, process.env.BENCH_DIST || 'target/bench-dist');
const STRESS = path.join(ROOT, 'target/stress-park');
const OUT = path.join(ROOT, 'target/bench');
const NM = path.join(ROOT, 'node_modules');
const [VW, VH] = opt('viewport', '1280x800').split('x').map(Number);
const VIEWPORT = { width: VW, height: VH };
const DRAG_MS = 3000;
const DRAG_RADIUS = 150; // px: the pointer circles around the centre, so the view ends where it began
const DRAG_STEPS_PER_TURN = 90; // ≈ 10 px per step, one step per animation frame
const FRAME_MS = 1000 / 60;
const ZOOM_LEVELS = 4;
const ZOOM_WHEEL_PX = 100; // one wheel notch per animation frame
const ZOOM_MAX_MS = 4000; // per direction
const SETTLE_MS = 300; // frames are still recorded this long after the last input (inertia, easing)
const BROWSER_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--enable-unsafe-swiftshader'];

const PAGES = {
  parkmap: { label: 'ParkMap', url: (park) => (park ? `/?park=${park}` : '/') },
  leaflet: { label: 'Leaflet', url: (park) => `/bench/leaflet.html?park=${park || '/public/data/park.json'}` },
  maplibre: { label: 'MapLibre', url: (park) => `/bench/maplibre.html?park=${park || '/public/data/park.json'}` },
};
const PARK_URL = { shipped: null, stress: '/stress/park.json' };

const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Small helpers

class Timeout extends Error {}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(`${what}: timeout after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function quantile(values, q) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (v) => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fileSize = (f) => fs.statSync(f).size;
const gzipSize = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
function sh(cmd, args) {
  try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return ''; }
}

// ---------------------------------------------------------------------------------------------
// Scripts injected into the pages


/** A requestAnimationFrame loop recording the interval between consecutive frames. */
const FRAME_LOGGER = () => {
  window.__frameStart = () => {
    const log = { intervals: [], last: null, on: true };
    window.__frameLog = log;
    const tick = (t) => {
      if (!log.on) return;
      if (log.last !== null) log.intervals.push(t - log.last);
      log.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  window.__frameStop = () => { window.__frameLog.on = false; return window.__frameLog.intervals; };
};
/** Sends input once per 60 Hz tick (without waiting for the page to keep up: a slow page gets its
 *  events coalesced, as with a real mouse) until `done()` or `maxMs`; resolves to the number sent
 *  once every event has been acknowledged. */
async function paced(done, maxMs, send) {
  const pending = [];
  const t0 = performance.now();
  let tick = 0;
  for (;;) {
    tick++;
    const wait = t0 + tick * FRAME_MS - performance.now();
    if (wait > 0) await sleep(wait);
    const elapsed = performance.now() - t0;
    if (elapsed > maxMs || done()) break;
    pending.push(send(elapsed).catch(() => {}));
  }
  await Promise.all(pending);
  return pending.length;
}

// ---------------------------------------------------------------------------------------------
// One case: a fresh browser context (empty cache), load, memory, drag, zoom sweep.

async function runCase(browser, target, park, { drag = true, zoom = true } = {}) {
  // Service workers blocked: the peers have none, and ParkMap's offline worker would precache the
  // park (competing for the 2 cores) on every fresh context. Each case starts with an empty cache.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const result = { target, park };
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    if (target === 'parkmap') await page.addInitScript(PARKMAP_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    // 1. load → interactive
    const url = new URL(PAGES[target].url(PARK_URL[park]), SERVER.url).href;
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
      await page.waitForFunction(() => window.__ready || window.__benchError, null, { timeout: LOAD_TIMEOUT, polling: 100 });
    } catch (e) {
      result.load = 'timeout';
      result.error = e.message.split('\n')[0];
      return result;
    }
    const state = await page.evaluate(() => ({ ready: window.__ready, error: window.__benchError, info: window.__benchInfo }));
    if (state.error) { result.load = 'error'; result.error = state.error; return result; }
    result.load = state.ready;
    result.info = state.info || {};

    // Is a company marker really clickable (ParkMap)? The element under its centre must be it.
    if (target === 'parkmap') {
      result.info.clickable = await page.evaluate(() => {
        for (const el of document.querySelectorAll('.map__company, .map__cluster')) {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          if (hit && (hit === el || el.contains(hit))) return true;
        }
        return false;
      });
    }

    // 4. memory after load (after a forced garbage collection, so the figures are repeatable)
    await withTimeout((async () => {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const mem = await page.evaluate(() => ({
        heap: performance.memory ? performance.memory.usedJSHeapSize : null,
        wasm: window.__parkmapWasm && window.__parkmapWasm.memory ? window.__parkmapWasm.memory.buffer.byteLength : null,
        dom: document.getElementsByTagName('*').length,
      }));
      const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      result.heap = mem.heap;
      result.cdpHeap = metrics.JSHeapUsedSize;
      result.wasm = mem.wasm;
      result.dom = mem.dom;
      result.workerHeap = await workerHeap(page);
    })(), PHASE_TIMEOUT, 'memory').catch((e) => { result.memoryError = e.message; });

    if (!drag && !zoom) return result;
    await page.evaluate(FRAME_LOGGER);
    if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    // 2a. a 3-second drag: press, then one small move per animation frame (60 Hz, paced by the
    // clock like a real mouse, not by the page) around a circle, release.
    const cx = VIEWPORT.width / 2;
    const cy = VIEWPORT.height / 2;
    const mouse = (type, x, y, extra = {}) => cdp.send('Input.dispatchMouseEvent', { type, x, y, ...extra });
    if (drag) {
      try {
        result.drag = await withTimeout((async () => {
          await mouse('mouseMoved', cx + DRAG_RADIUS, cy);
          await page.evaluate(() => window.__frameStart());
          await mouse('mousePressed', cx + DRAG_RADIUS, cy, { button: 'left', buttons: 1, clickCount: 1 });
          const turnMs = DRAG_STEPS_PER_TURN * FRAME_MS;
          const steps = await paced(() => false, DRAG_MS, (elapsed) => {
            const a = (2 * Math.PI * elapsed) / turnMs;
            return mouse('mouseMoved', cx + DRAG_RADIUS * Math.cos(a), cy + DRAG_RADIUS * Math.sin(a), { button: 'left', buttons: 1 });
          });
          const a = (2 * Math.PI * DRAG_MS) / turnMs;
          await mouse('mouseReleased', cx + DRAG_RADIUS * Math.cos(a), cy + DRAG_RADIUS * Math.sin(a), { button: 'left', buttons: 0, clickCount: 1 });
          await sleep(SETTLE_MS);
          return { intervals: await page.evaluate(() => window.__frameStop()), steps };
        })(), PHASE_TIMEOUT, 'drag');
      } catch (e) {
        result.drag = 'timeout';
        result.error = e.message;
        if (zoom) result.zoom = 'skipped';
        return result; // the page is stuck
      }
    }
    if (!zoom) return result;
    await sleep(300);

    // 2b. zoom sweep: one wheel notch per animation frame (60 Hz) at the centre until the view is
    // ~4 levels in, then out again until it is back (a probe reads the zoom level meanwhile).
    try {
      result.zoom = await withTimeout((async () => {
        await mouse('mouseMoved', cx, cy);
        const z0 = await page.evaluate(() => (typeof window.__zoom === 'function' ? window.__zoom() : null));
        const probe = typeof z0 === 'number' && Number.isFinite(z0);
        let z = z0;
        let zMax = z0;
        let probing = probe;
        const poller = (async () => {
          while (probing) {
            try { z = await page.evaluate(() => window.__zoom()); } catch { break; }
            if (z > zMax) zMax = z;
            await sleep(5);
          }
        })();
        await page.evaluate(() => window.__frameStart());
        const wheel = (dy) => mouse('mouseWheel', cx, cy, { deltaX: 0, deltaY: dy });
        // Without a zoom probe: a fixed 12 notches each way.
        let sent = 0;
        const notch = (dy) => { sent++; return wheel(dy); };
        const inDone = () => (probe ? z >= z0 + ZOOM_LEVELS - 0.05 : sent >= 12);
        const events = await paced(inDone, ZOOM_MAX_MS, () => notch(-ZOOM_WHEEL_PX));
        sent = 0;
        const outDone = () => (probe ? z <= z0 + 0.05 : sent >= 12);
        const eventsOut = await paced(outDone, ZOOM_MAX_MS, () => notch(ZOOM_WHEEL_PX));
        await sleep(SETTLE_MS);
        probing = false;
        await poller;
        const intervals = await page.evaluate(() => window.__frameStop());
        return { intervals, events: events + eventsOut, levels: probe ? zMax - z0 : null };
      })(), PHASE_TIMEOUT, 'zoom');
    } catch (e) {
      result.zoom = 'timeout';
      result.error = e.message;
    }
    return result;
  } finally {
    result.pageErrors = errors;
    // A page stuck in a long task may not close promptly: give up on it after 15 s (the browser
    // is relaunched then).
    await withTimeout(context.close(), 15000, 'close').catch(() => { result.stuck = true; });
  }
}

/** JS heap of the page's dedicated workers (MapLibre parses and clusters GeoJSON in workers),
 *  through a browser-level CDP session; null if none or unreachable. */
async function workerHeap(page) {
  if (page.workers().length === 0) return null;
  let session;
  try {
    session = await page.context().browser().newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker' && t.url.includes('maplibre'));
    let total = 0;
    let found = 0;
    for (const w of workers) {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
      const reply = new Promise((resolve) => {
        const onMsg = (ev) => {
          if (ev.sessionId !== sessionId) return;
          const msg = JSON.parse(ev.message);
          if (msg.id === 1) { session.off('Target.receivedMessageFromTarget', onMsg); resolve(msg.result); }
        };
        session.on('Target.receivedMessageFromTarget', onMsg);
      });
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
      const r = await withTimeout(reply, 5000, 'worker heap');
      if (r && typeof r.usedSize === 'number') { total += r.usedSize; found++; }
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
    return found ? { bytes: total, workers: found } : null;
  } catch {
    return null;
  } finally {
    if (session) await session.detach().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes

function bytesOf(files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) { raw += fileSize(f); gz += gzipSize(f); }
  return { raw, gz, files: files.map((f) => path.relative(ROOT, f)) };
}
function measureBytes() {
  const top = fs.existsSync(DIST) ? fs.readdirSync(DIST).map((f) => path.join(DIST, f)).filter((f) => fs.statSync(f).isFile()) : [];
  const parkmap = bytesOf(top.filter((f) => /\.(wasm|js|css)$/.test(f)));
  const leaflet = bytesOf([
    path.join(NM, 'leaflet/dist/leaflet.js'), path.join(NM, 'leaflet/dist/leaflet.css'),
    path.join(NM, 'leaflet.markercluster/dist/leaflet.markercluster.js'),
    path.join(NM, 'leaflet.markercluster/dist/MarkerCluster.css'),
    path.join(NM, 'leaflet.markercluster/dist/MarkerCluster.Default.css'),
  ]);
  const mlDist = path.join(NM, 'maplibre-gl/dist');
  const maplibre = bytesOf(['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']
    .map((f) => path.join(mlDist, f)).filter((f) => fs.existsSync(f)));
  const dataOf = (dir) => (fs.existsSync(dir) ? bytesOf(fs.readdirSync(dir).filter((f) => /\.(geo)?json$/.test(f)).map((f) => path.join(dir, f))) : null);
  return {
    parkmap, leaflet, maplibre,
    wasm: bytesOf(top.filter((f) => f.endsWith('.wasm'))),
    // Fetched once the map is drawn (search's pinyin readings): data, not code, but shipped.
    pinyin: bytesOf([path.join(DIST, 'public/search/pinyin.bin')].filter((f) => fs.existsSync(f))),
    data: { shipped: dataOf(path.join(DIST, 'public/data')), stress: dataOf(STRESS) },
  };
}

// ---------------------------------------------------------------------------------------------
// cargo bench --bench route / cluster (written by others; optional)

function cargoBenchTargets() {
  try {
    const meta = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }));
    return new Set(meta.packages.flatMap((p) => p.targets.filter((t) => t.kind.includes('bench')).map((t) => t.name)));
  } catch {
    return null;
  }
}
function runCargoBench(name) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn('cargo', ['bench', '--bench', name], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } }, CARGO_TIMEOUT);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const secs = ((Date.now() - t0) / 1000).toFixed(0);
      if (signal) resolve(`timeout after ${CARGO_TIMEOUT / 1000} s (cargo bench --bench ${name}); output so far:\n${out.trimEnd()}`);
      else if (code !== 0) resolve(`cargo bench --bench ${name} failed (exit ${code}, ${secs} s):\n${out.trimEnd()}\n${err.trim().split('\n').slice(-15).join('\n')}`);
      else resolve(out.trimEnd() || '(no output on stdout)');
    });
    child.on('error', (e) => { clearTimeout(timer); resolve(`cannot run cargo: ${e.message}`); });
  });
}

// ---------------------------------------------------------------------------------------------
// Main

let SERVER;

async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error(`bench: ${path.relative(ROOT, DIST)}/index.html is missing; build it first (./scripts/bench.sh does)`);
    process.exit(1);
  }
  for (const lib of ['leaflet/dist/leaflet.js', 'leaflet.markercluster/dist/leaflet.markercluster.js', 'maplibre-gl/dist/maplibre-gl.mjs']) {
    if (!fs.existsSync(path.join(NM, lib))) {
      console.error(`bench: node_modules/${lib} is missing; run npm ci`);
      process.exit(1);
    }
  }
  const hasStress = fs.existsSync(path.join(STRESS, 'park.json'));
  const parks = PARKS.filter((p) => p === 'shipped' || hasStress);
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const load0 = os.loadavg();

  SERVER = await serve(DIST, 0, {
    '/bench/': path.join(ROOT, 'bench'),
    '/stress/': STRESS,
    '/lib/leaflet/': path.join(NM, 'leaflet/dist'),
    '/lib/markercluster/': path.join(NM, 'leaflet.markercluster/dist'),
    '/lib/maplibre/': path.join(NM, 'maplibre-gl/dist'),
  });
  let browser = await launch();
  const chromiumVersion = browser.version();
  const env = {
    date: new Date().toISOString(),
    nproc: os.cpus().length,
    nprocCmd: sh('nproc', []),
    cpu: (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || '?',
    chromium: sh(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']) || chromiumVersion,
    chromiumArgs: BROWSER_ARGS.join(' '),
    node: process.version,
    commit: sh('git', ['rev-parse', '--short', 'HEAD']) + (sh('git', ['status', '--porcelain', '--', 'src', 'index.html', 'style', 'Cargo.toml', 'Trunk.toml']) ? ' (+ uncommitted changes in the app sources)' : ''),
    versions: {
      leaflet: JSON.parse(fs.readFileSync(path.join(NM, 'leaflet/package.json'))).version,
      markercluster: JSON.parse(fs.readFileSync(path.join(NM, 'leaflet.markercluster/package.json'))).version,
      maplibre: JSON.parse(fs.readFileSync(path.join(NM, 'maplibre-gl/package.json'))).version,
    },
    reps: REPS,
    viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
    cpu: CPU_SLOWDOWN,
  };
  {
    const p = await browser.newPage();
    env.webgl = await p.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL2';
      const d = gl.getExtension('WEBGL_debug_renderer_info');
      return gl.getParameter(d ? d.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    });
    await p.close();
  }
  log(`Chromium ${chromiumVersion}, WebGL: ${env.webgl}; ${REPS} repetitions; stress park ${hasStress ? 'present' : 'MISSING (target/stress-park)'}`);

  // Warm-up (not measured): one load of each page, so the first measured load does not also pay
  // for the browser's own cold start.
  for (const target of TARGETS) {
    await runCase(browser, target, 'shipped', { drag: false, zoom: false }).catch(() => {});
  }

  const samples = {}; // samples[target][park] = [case results]
  const gaveUp = {}; // `${target}/${park}/load|drag|zoom` -> reason
  for (let rep = 1; rep <= REPS; rep++) {
    for (const park of parks) {
      for (const target of TARGETS) {
        const key = `${target}/${park}`;
        if (gaveUp[`${key}/load`]) continue;
        const t0 = Date.now();
        let r;
        try {
          r = await runCase(browser, target, park, { drag: !gaveUp[`${key}/drag`], zoom: !gaveUp[`${key}/zoom`] });
        } catch (e) {
          r = { target, park, load: 'error', error: e.message.split('\n')[0] };
        }
        ((samples[target] ||= {})[park] ||= []).push(r);
        if (r.load === 'timeout' || r.load === 'error') gaveUp[`${key}/load`] = r.load;
        if (r.drag === 'timeout') gaveUp[`${key}/drag`] = 'timeout';
        if (r.zoom === 'timeout' || r.drag === 'timeout') gaveUp[`${key}/zoom`] = 'timeout';
        const fmt = (x) => (typeof x === 'number' ? x.toFixed(0) : x);
        log(`rep ${rep} ${key}: load ${fmt(r.load)} ms` +
          (r.drag ? `, drag ${typeof r.drag === 'string' ? r.drag : `${r.drag.intervals.length} frames`}` : '') +
          (r.zoom ? `, zoom ${typeof r.zoom === 'string' ? r.zoom : `${r.zoom.intervals.length} frames, ${r.zoom.levels?.toFixed(2) ?? '?'} levels`}` : '') +
          ` (${((Date.now() - t0) / 1000).toFixed(1)} s)` + (r.error ? ` — ${r.error}` : ''));
        if (r.stuck || !browser.isConnected()) {
          log('browser stuck on a slow page: relaunching it');
          await withTimeout(browser.close(), 15000, 'browser close').catch(() => {});
          browser = await launch();
        }
      }
    }
  }
  await browser.close().catch(() => {});
  await SERVER.close();

  const bytes = measureBytes();
  let cargo = {};
  if (RUN_CARGO) {
    const targets = cargoBenchTargets();
    for (const name of ['route', 'cluster']) {
      if (targets === null) cargo[name] = 'not available yet (cargo metadata failed)';
      else if (!targets.has(name)) cargo[name] = 'not available yet';
      else { log(`cargo bench --bench ${name} ...`); cargo[name] = await runCargoBench(name); }
    }
  } else {
    cargo = { route: 'skipped (--no-cargo)', cluster: 'skipped (--no-cargo)' };
  }
  env.seconds = Math.round((Date.now() - started) / 1000);
  env.loadavg = `${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at end`;

  const report = buildReport(samples, bytes, cargo, env, parks);
  console.log(report.text);
  fs.writeFileSync(path.join(OUT, `${REPORT}.md`), report.markdown);
  fs.writeFileSync(path.join(OUT, `${REPORT}.json`), JSON.stringify({ env, bytes, cargo, samples }, null, 1));
  console.log(`\nwritten: target/bench/${REPORT}.md (raw samples: target/bench/${REPORT}.json)`);
}

// ---------------------------------------------------------------------------------------------
// Report

function buildReport(samples, bytes, cargo, env, parks) {
  const T = ['parkmap', 'leaflet', 'maplibre'];
  const cases = (t, p) => (samples[t] && samples[t][p]) || [];
  const parkName = { shipped: 'shipped park', stress: '50 000 park' };
  const KB = (b) => b / 1024;
  const MB = (b) => b / (1024 * 1024);

  /** A cell: number, or a string explaining why there is none. */
  const loadCell = (t, p) => {
    const c = cases(t, p);
    if (!c.length) return TARGETS.includes(t) && parks.includes(p) ? 'n/a' : 'not run';
    const ok = c.map((r) => r.load).filter((x) => typeof x === 'number');
    if (!ok.length) return c[0].load; // 'timeout' | 'error'
    return median(ok);
  };
  const frameCell = (t, p, phase, q) => {
    const c = cases(t, p);
    if (!c.length) return loadCell(t, p);
    if (c.some((r) => r[phase] === 'timeout')) return 'timeout';
    const all = c.flatMap((r) => (r[phase] && r[phase].intervals) || []);
    if (!all.length) return typeof c[0].load !== 'number' ? c[0].load : c.some((r) => r[phase] === 'skipped') ? 'skipped' : 'n/a';
    return quantile(all, q);
  };
  const memCell = (t, p, key, scale = MB) => {
    const c = cases(t, p);
    if (!c.length) return loadCell(t, p);
    const ok = c.map((r) => (key === 'workerHeap' ? r.workerHeap && r.workerHeap.bytes : r[key])).filter((x) => typeof x === 'number');
    if (!ok.length) return typeof c[0].load === 'number' ? '—' : c[0].load;
    return scale(median(ok));
  };

  const rows = [];
  const section = (title) => rows.push({ section: title });
  const row = (metric, cells, digits = 0, { ratio = true } = {}) => rows.push({ metric, cells, digits, ratio });

  section('1. load → interactive (ms, median; navigation start → all layers drawn + a company marker clickable)');
  for (const p of ['shipped', 'stress']) row(`load → interactive, ${parkName[p]}`, T.map((t) => loadCell(t, p)));
  section('2. frame intervals during interaction (ms; median and p95 over all frames of all repetitions)');
  for (const p of ['shipped', 'stress']) {
    for (const [phase, name] of [['drag', '3 s drag'], ['zoom', `zoom sweep ≥${ZOOM_LEVELS} levels in + out`]]) {
      row(`${name}, ${parkName[p]}: median`, T.map((t) => frameCell(t, p, phase, 0.5)), 1);
      row(`${name}, ${parkName[p]}: p95`, T.map((t) => frameCell(t, p, phase, 0.95)), 1);
    }
  }
  section('3. shipped bytes (KB = 1024 B; gzip = zlib level 9)');
  row('code (wasm + js + css / library js + css), raw', [KB(bytes.parkmap.raw), KB(bytes.leaflet.raw), KB(bytes.maplibre.raw)]);
  row('code, gzip', [KB(bytes.parkmap.gz), KB(bytes.leaflet.gz), KB(bytes.maplibre.gz)]);
  row('  of which ParkMap wasm, raw / gzip', [`${KB(bytes.wasm.raw).toFixed(0)} / ${KB(bytes.wasm.gz).toFixed(0)}`, '—', '—'], 0, { ratio: false });
  if (bytes.pinyin.raw > 0) {
    row('ParkMap pinyin table, fetched after load, raw / gzip', [`${KB(bytes.pinyin.raw).toFixed(0)} / ${KB(bytes.pinyin.gz).toFixed(0)}`, '—', '—'], 0, { ratio: false });
  }
  for (const p of ['shipped', 'stress']) {
    const d = bytes.data[p];
    if (!d) continue;
    row(`data, ${parkName[p]}, raw (same for all)`, [KB(d.raw), KB(d.raw), KB(d.raw)]);
    row(`data, ${parkName[p]}, gzip (same for all)`, [KB(d.gz), KB(d.gz), KB(d.gz)]);
  }
  section('4. memory after load (MB = 2^20 B, median, after a forced GC)');
  for (const p of ['shipped', 'stress']) {
    row(`JS heap, performance.memory, ${parkName[p]}`, T.map((t) => memCell(t, p, 'heap')), 1);
    row(`JS heap, CDP JSHeapUsedSize, ${parkName[p]}`, T.map((t) => memCell(t, p, 'cdpHeap')), 1);
    row(`wasm linear memory, ${parkName[p]}`, T.map((t) => (t === 'parkmap' ? memCell(t, p, 'wasm') : '—')), 1, { ratio: false });
    row(`worker JS heap, ${parkName[p]}`, T.map((t) => (t === 'maplibre' ? memCell(t, p, 'workerHeap') : '—')), 1, { ratio: false });
    row(`main heap + wasm + workers, ${parkName[p]}`, T.map((t) => {
      const h = memCell(t, p, 'cdpHeap');
      if (typeof h !== 'number') return h;
      const w = t === 'parkmap' ? memCell(t, p, 'wasm') : 0;
      const k = t === 'maplibre' ? memCell(t, p, 'workerHeap') : 0;
      return h + (typeof w === 'number' ? w : 0) + (typeof k === 'number' ? k : 0);
    }), 1);
    row(`DOM elements after load, ${parkName[p]}`, T.map((t) => memCell(t, p, 'dom', (x) => x)));
  }

  // Formatting
  const fmt = (v, digits) => (typeof v === 'number' ? v.toFixed(digits) : String(v));
  const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const header = ['metric', 'ParkMap', 'Leaflet', 'MapLibre', 'ParkMap/Leaflet', 'ParkMap/MapLibre'];
  const lines = rows.map((r) => (r.section ? r : [
    r.metric, ...r.cells.map((c) => fmt(c, r.digits)),
    r.ratio ? ratio(r.cells[0], r.cells[1]) : '—', r.ratio ? ratio(r.cells[0], r.cells[2]) : '—',
  ]));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.filter(Array.isArray).map((l) => l[i].length)));
  const pad = (l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const text = [pad(header), rule];
  const md = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ':---' : '---:')).join('|')}|`];
  for (const l of lines) {
    if (!Array.isArray(l)) { text.push(`${l.section}`); md.push(`| **${l.section}** ||||||`); continue; }
    text.push(pad(l));
    md.push(`| ${l.join(' | ')} |`);
  }

  // Notes: what each column ran, interaction details, anomalies
  const info = (t) => cases(t, 'shipped').find((r) => r.info)?.info || {};
  const zoomLevels = (t, p) => {
    const v = cases(t, p).map((r) => r.zoom && r.zoom.levels).filter((x) => typeof x === 'number');
    return v.length ? `${median(v).toFixed(1)}` : '?';
  };
  const dragSteps = (t, p) => {
    const v = cases(t, p).map((r) => r.drag && r.drag.steps).filter((x) => typeof x === 'number');
    return v.length ? `${median(v)}` : '?';
  };
  const notes = [];
  notes.push(`ParkMap: ${path.relative(ROOT, DIST)} (scripts/build.mjs), commit ${env.commit}; clickable check: ${info('parkmap').clickable ?? '?'}.` +
    (process.env.BENCH_STALE_DIST ? ' WARNING: the build failed, so this is the PREVIOUS bundle in that folder.' : ''));
  notes.push(`Code bytes counted: ParkMap ${bytes.parkmap.files.map((f) => path.basename(f)).join(', ')}; ` +
    `Leaflet ${bytes.leaflet.files.map((f) => path.basename(f)).join(', ')}; MapLibre ${bytes.maplibre.files.map((f) => path.basename(f)).join(', ')} (page glue in bench/ not counted).`);
  notes.push(`Leaflet: ${info('leaflet').library || `Leaflet ${env.versions.leaflet}`} ${env.versions.markercluster}, SVG renderer, circle markers, cluster radius 80 px.`);
  notes.push(`MapLibre: ${info('maplibre').library || `MapLibre GL JS ${env.versions.maplibre}`}, empty style, clustered GeoJSON source, circle layers; ` +
    `${info('maplibre').renderer || `WebGL: ${env.webgl}`} — software GL (SwiftShader) in headless Chromium, so its frame times and load are pessimistic compared to a real GPU.`);
  notes.push(`Zoom levels actually covered by the sweep (shipped / 50 000): ${T.map((t) => `${PAGES[t].label} ${zoomLevels(t, 'shipped')} / ${zoomLevels(t, 'stress')}`).join(', ')}; ` +
    `drag steps in 3 s: ${T.map((t) => `${PAGES[t].label} ${dragSteps(t, 'shipped')} / ${dragSteps(t, 'stress')}`).join(', ')}.`);
  for (const t of T) {
    for (const p of parks) {
      for (const r of cases(t, p)) {
        if (r.error) notes.push(`${PAGES[t].label}, ${parkName[p]}: ${r.error}`);
        if (r.memoryError) notes.push(`${PAGES[t].label}, ${parkName[p]}: ${r.memoryError}`);
        for (const e of (r.pageErrors || []).slice(0, 2)) notes.push(`${PAGES[t].label}, ${parkName[p]}: page error: ${e.slice(0, 160)}`);
      }
    }
  }
  const uniqueNotes = [...new Set(notes)];

  const cargoText = ['route', 'cluster'].map((n) => `cargo bench --bench ${n}:\n${cargo[n]}`).join('\n\n');
  const envLine = `${env.date} · nproc ${env.nprocCmd || env.nproc} · CPU ${env.cpu} · ${env.chromium} · node ${env.node} · ` +
    `${env.reps} repetitions · load average ${env.loadavg} · run took ${env.seconds} s`;
  const textOut = [
    `ParkMap benchmark — ${envLine}`, '', ...text, '', 'Notes:', ...uniqueNotes.map((n) => `- ${n}`), '',
    '5. route and clustering (cargo bench, output verbatim):', cargoText,
  ].join('\n');
  const mdOut = [
    '# ParkMap benchmark results', '',
    `- date: ${env.date}`, `- nproc: ${env.nprocCmd || env.nproc}`, `- CPU: ${env.cpu}`, `- Chromium: ${env.chromium} (headless; flags: \`${env.chromiumArgs}\`)`,
    `- WebGL renderer: ${env.webgl}`, `- node: ${env.node}; Leaflet ${env.versions.leaflet}, leaflet.markercluster ${env.versions.markercluster}, maplibre-gl ${env.versions.maplibre}`,
    `- viewport ${env.viewport}; CPU slowdown during the drag and the zoom sweep: ${env.cpu}× (load is not slowed)`,
    `- repetitions per case: ${env.reps}; load average ${env.loadavg}; run took ${env.seconds} s`,
    `- ParkMap build: ${env.commit}`, '',
    'Lower is better everywhere; a ratio below 1 means ParkMap is smaller/faster. How each figure is measured: bench/README.md.', '',
    ...md, '', '## Notes', '', ...uniqueNotes.map((n) => `- ${n}`), '',
    '## 5. Route and clustering (cargo bench, output verbatim)', '',
    ...['route', 'cluster'].flatMap((n) => [`### cargo bench --bench ${n}`, '', '```text', cargo[n], '```', '']),
  ].join('\n');
  return { text: textOut, markdown: mdOut };
}

main().catch((e) => {
  console.error('bench: harness failure:', e && e.stack || e);
  process.exit(1);
});
