// A/B load-to-interactive for ParkMap builds: serves each dist directory on its own port and loads
// them in turn (interleaved, so a noisy machine affects all alike) in headless Chromium, with the
// same readiness probe as bench/run.mjs; prints the median and every run per build, and the medians of
// the load's phases from the app's User Timing marks (wasm started, mount, parsing the layers, and the
// rest until ready). For judging a change before the full benchmark:
//
//   node scripts/build.mjs --dist target/ab/A   (then change something)
//   node scripts/build.mjs --dist target/ab/B
//   REPS=10 node bench/ab.mjs target/ab/A target/ab/B ['?park=/stress/park.json']
//
// Never fails on a figure.
import { serve } from '../tests/e2e/serve.mjs';
import { launch } from '../tests/e2e/harness.mjs';
import { PARKMAP_PROBE as probe } from './probe.mjs';
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('?'));
const query = process.argv.slice(2).find((a) => a.startsWith('?')) || '';
const servers = await Promise.all(dirs.map((d) => serve(d, 0, { '/stress/': 'target/stress-park' })));
const browser = await launch();
const out = dirs.map(() => []);
const phases = dirs.map(() => []);
// The phases of one load, in ms, from the `parkmap:*` marks (src/ui/browser.rs `mark`).
const PHASES = () => {
  const at = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
  const layers = Object.keys(at).filter((k) => k.startsWith('parkmap:parsed:')).map((k) => k.slice(15));
  const parse = layers.reduce((sum, l) => sum + at[`parkmap:parsed:${l}`] - at[`parkmap:fetched:${l}`], 0);
  const lastParsed = Math.max(...layers.map((l) => at[`parkmap:parsed:${l}`]));
  return { start: at['parkmap:start'], mount: at['parkmap:mounted'] - at['parkmap:start'], parse, after: window.__ready - lastParsed };
};
const REPS = Number(process.env.REPS || 8);
for (let rep = 0; rep < REPS; rep++) {
  for (let k = 0; k < dirs.length; k++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.addInitScript(probe);
    await page.goto(servers[k].url + query, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ready || window.__benchError, null, { polling: 50, timeout: 60000 })
      .catch(() => {});
    const r = await page.evaluate(() => ({ ready: window.__ready, error: window.__benchError }));
    if (r.ready) {
      out[k].push(r.ready);
      phases[k].push(await page.evaluate(PHASES));
    }
    else console.error(dirs[k], 'run', rep + 1, 'not ready:', r.error || 'timeout after 60 s');
    await ctx.close();
  }
}
const med = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
dirs.forEach((d, k) => console.log(d, out[k].length === 0 ? 'no run became ready'
  : `median ${med(out[k]).toFixed(0)} min ${Math.min(...out[k]).toFixed(0)} runs ${out[k].map((x) => x.toFixed(0)).join(' ')}\n  phases (medians): ${
    ['start', 'mount', 'parse', 'after'].map((p) => `${p} ${med(phases[k].map((x) => x[p])).toFixed(1)}`).join(', ')}`));
await browser.close(); process.exit(0);
