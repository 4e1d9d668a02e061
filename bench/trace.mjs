// Where a frame's time goes: loads ParkMap (or a peer page) like bench/run.mjs, then records a
// DevTools trace of a 3 s circular drag (optionally under a CPU slowdown) and prints the main
// thread's longest tasks with what they were spent on. A diagnostic, not a benchmark: no figures
// are kept. With --load it traces the load itself instead (navigation to ready, no drag) and lists the
// main thread's tasks over 3 ms in time order.
//
//   node bench/trace.mjs [--dist DIR] [--park shipped|stress] [--cpu 4] [--viewport 390x844] [--page parkmap|leaflet] [--load]
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
const DIST = path.resolve(ROOT, opt('dist', 'target/bench-dist'));
const PARK = opt('park', 'stress');
const CPU = Number(opt('cpu', 4));
const PAGE = opt('page', 'parkmap');
const [W, H] = opt('viewport', '390x844').split('x').map(Number);
const LOAD = argv.includes('--load');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await serve(DIST, 0, {
  '/bench/': path.join(ROOT, 'bench'),
  '/stress/': path.join(ROOT, 'target/stress-park'),
  '/lib/leaflet/': path.join(ROOT, 'node_modules/leaflet/dist'),
  '/lib/markercluster/': path.join(ROOT, 'node_modules/leaflet.markercluster/dist'),
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: W, height: H }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(PARKMAP_PROBE);
  const park = PARK === 'stress' ? '/stress/park.json' : null;
  const url = PAGE === 'parkmap'
    ? `${server.url}${park ? `?park=${park}` : ''}`
    : `${server.url}bench/leaflet.html?park=${park || '/public/data/park.json'}`;
  const events = [];
  let cdp;
  const startTracing = async () => {
    cdp = await context.newCDPSession(page);
    if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: process.env.TRACE_CATEGORIES || 'devtools.timeline,v8,v8.wasm,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  };
  if (LOAD) {
    await startTracing();
    await page.goto(url);
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
    await sleep(300);
  } else {
    await page.goto(url);
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
    await sleep(1500);
    await startTracing();
    const cx = W / 2, cy = H / 2, R = 150;
    const mouse = (type, x, y, extra = {}) => cdp.send('Input.dispatchMouseEvent', { type, x, y, ...extra });
    await mouse('mouseMoved', cx + R, cy);
    await mouse('mousePressed', cx + R, cy, { button: 'left', buttons: 1, clickCount: 1 });
    const t0 = Date.now();
    let a = 0;
    while (Date.now() - t0 < 3000) {
      a = (2 * Math.PI * (Date.now() - t0)) / 1500;
      mouse('mouseMoved', cx + R * Math.cos(a), cy + R * Math.sin(a), { button: 'left', buttons: 1 }).catch(() => {});
      await sleep(16);
    }
    await mouse('mouseReleased', cx + R * Math.cos(a), cy + R * Math.sin(a), { button: 'left', buttons: 0, clickCount: 1 });
    await sleep(500);
  }
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  // Top-level tasks on the renderer's main thread, longest first, with their children by name.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const all = onMain.filter((e) => e.name === 'RunTask');
  const t0 = Math.min(...all.map((t) => t.ts));
  const tasks = LOAD ? all.filter((t) => t.dur > 3000).sort((x, y) => x.ts - y.ts) : [...all].sort((x, y) => y.dur - x.dur).slice(0, 12);
  console.log(`${all.length} tasks; over 16 ms: ${all.filter((t) => t.dur > 16000).length}`);
  if (LOAD) {
    // The load's main-thread time by kind of work (events nested in one of the same name count once).
    const kinds = ['ParseHTML', 'ParseAuthorStyleSheet', 'EvaluateScript', 'v8.evaluateModule', 'v8.wasm.compileConsume', 'wasm.CompileLazy',
      'FunctionCall', 'v8.callFunction', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC', 'RunTask'];
    const sums = kinds.map((k) => {
      const evs = onMain.filter((e) => e.name === k).sort((a, b) => a.ts - b.ts);
      let sum = 0, end = -1;
      for (const e of evs) if (e.ts >= end) { sum += e.dur; end = e.ts + e.dur; }
      return `${k} ${(sum / 1000).toFixed(1)}`;
    });
    console.log(`by kind (ms): ${sums.join(', ')}`);
    for (const e of onMain.filter((x) => x.name === 'Layout' && x.dur > 3000)) {
      const stack = e.args?.beginData?.stackTrace?.map((f) => f.functionName).filter(Boolean).slice(0, 3).join(' < ');
      console.log(`  layout ${(e.dur / 1000).toFixed(1)} ms at +${((e.ts - t0) / 1000).toFixed(0)}, ${e.args?.beginData?.dirtyObjects ?? '?'} of ${e.args?.beginData?.totalObjects ?? '?'} objects${stack ? `, forced by ${stack}` : ''}`);
    }
    const lazy = onMain.filter((e) => e.name === 'wasm.CompileLazy');
    console.log(`wasm functions compiled lazily on the main thread: ${lazy.length}, ${(lazy.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(1)} ms`);
  }
  // The app's User Timing marks (`parkmap:…`) among the tasks of a load.
  const marks = LOAD ? events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('parkmap:') && e.ph !== 'e') : [];
  const lines = [];
  for (const m of marks) lines.push([m.ts, `      mark ${m.name} at +${((m.ts - t0) / 1000).toFixed(0)}`]);
  for (const t of tasks) {
    const inner = new Map();
    for (const e of onMain) {
      if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 300) {
        const k = e.name + (e.args?.data?.type ? `:${e.args.data.type}` : '') + (e.args?.data?.functionName ? `:${e.args.data.functionName}` : '');
        inner.set(k, (inner.get(k) || 0) + e.dur);
      }
    }
    const top = [...inner].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.TRACE_TOP || 8)).map(([k, d]) => `${k} ${(d / 1000).toFixed(1)}`).join(', ');
    lines.push([t.ts, `${(t.dur / 1000).toFixed(1)} ms at +${((t.ts - t0) / 1000).toFixed(0)}: ${top}`]);
  }
  for (const [, line] of LOAD ? lines.sort((a, b) => a[0] - b[0]) : lines) console.log(line);
} finally {
  await browser.close();
  await server.close();
}
