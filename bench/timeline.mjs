// Where the load goes: loads ParkMap from a bundle on loopback (as bench/run.mjs does) and prints
// the milestones of one load in ms from navigation start — each file's request and response end,
// the wasm started (the start script's `parkmap:started`), the app's User Timing marks (`parkmap:…`: mounted,
// manifest, each layer fetched and parsed, each batch applied), the first zone drawn, ready. A diagnostic, not a
// benchmark: medians of --reps N loads (default 5), nothing kept.
//
//   node bench/timeline.mjs [--dist DIR] [--reps N] [--query '?park=/stress/park.json'] [--cpu N] [--phone]
//
// --phone: the phone run's conditions (bench/phone.mjs): Brotli (else gzip) as deploy/nginx.conf serves
// files, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s
// up, 4× CPU slowdown, 390 × 844.
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
const REPS = Number(opt('reps', 5));
const QUERY = opt('query', '');
const PHONE = argv.includes('--phone');
const CPU = Number(opt('cpu', PHONE ? 4 : 1));
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const VIEWPORT = PHONE ? { width: 390, height: 844 } : { width: 1280, height: 800 };
const MARKS = `(() => {
  window.__marks = {};
  addEventListener('parkmap:started', () => { window.__marks.started = performance.now(); });
  const poll = () => {
    if (!window.__marks.zone && document.querySelector('.map__zone')) window.__marks.zone = performance.now();
    if (!window.__ready) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const server = await serve(DIST, 0, { '/stress/': path.join(ROOT, 'target/stress-park') }, { gzip: PHONE, brotli: PHONE, caching: PHONE });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const runs = [];
try {
  for (let rep = 0; rep <= REPS; rep++) {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(PARKMAP_PROBE + MARKS);
    const cdp = await context.newCDPSession(page);
    if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    if (PHONE) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
    }
    await page.goto(server.url + QUERY, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
    const r = await page.evaluate(() => {
      const out = { ...window.__marks, ready: window.__ready };
      const nav = performance.getEntriesByType('navigation')[0];
      out['html responseEnd'] = nav.responseEnd;
      out.domContentLoaded = nav.domContentLoadedEventEnd;
      for (const m of performance.getEntriesByType('mark')) out[m.name] = m.startTime;
      for (const e of performance.getEntriesByType('resource')) {
        const name = e.name.split('/').pop().replace(/-[0-9a-f]{16}/, '').split('?')[0];
        out[`${name} start`] = e.startTime;
        out[`${name} end`] = e.responseEnd;
      }
      return out;
    });
    if (rep > 0) runs.push(r); // the first load warms the server and the browser
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const keys = [...new Set(runs.flatMap(Object.keys))];
const median = (v) => { const s = v.filter((x) => typeof x === 'number').sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
const rows = keys.map((k) => [k, median(runs.map((r) => r[k]))]).sort((a, b) => a[1] - b[1]);
for (const [k, v] of rows) console.log(`${v.toFixed(0).padStart(6)} ms  ${k}`);
if (argv.includes('--last')) {
  console.log('\nthe last load, in order:');
  const last = Object.entries(runs.at(-1)).sort((a, b) => a[1] - b[1]);
  for (const [k, v] of last) console.log(`${v.toFixed(0).padStart(6)} ms  ${k}`);
}
