// Route and loop planning measured in the browser (wasm), through the planner's own controls:
// the time from choosing the end point to the new summary on screen (planning + drawing), for many
// POI pairs, and for 10 km loops. Prints figures; never fails on time.
// Run: node bench/route.mjs   (after node scripts/build.mjs; serves dist/ like the e2e tests)
import path from 'node:path';
import { startSuite, readData, ROOT } from '../tests/e2e/harness.mjs';

// BENCH_DIST picks the bundle to measure (scripts/bench.sh builds target/bench-dist); default dist/.
const suite = await startSuite(process.env.BENCH_DIST ? path.resolve(ROOT, process.env.BENCH_DIST) : undefined);
try {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${suite.url}?lang=en`);
  await page.waitForSelector('.map__cluster, .map__company');
  await page.getByRole('button', { name: 'Plan a route' }).click();
  const ids = readData('pois.geojson').features
    .filter((f) => ['entrance', 'parking', 'bike_rental', 'viewpoint', 'warm_station', 'toilet'].includes(f.properties.kind))
    .map((f) => f.properties.id);
  const pairs = [];
  for (let i = 0; i < ids.length && pairs.length < 60; i++) pairs.push([ids[i], ids[(i * 7 + 3) % ids.length]]);
  const timeQuery = (a, b) => page.evaluate(([a, b]) => new Promise((resolve) => {
    const select = document.querySelector('.planner__select');
    const summary = document.querySelector('.planner__summary');
    const pick = (id) => { select.value = id; select.dispatchEvent(new Event('change', { bubbles: true })); };
    [...document.querySelectorAll('.planner__button')].find((x) => /Clear/.test(x.textContent)).click();
    pick(a);
    const before = summary.textContent;
    const t0 = performance.now();
    const done = () => requestAnimationFrame(() => resolve(performance.now() - t0));
    const obs = new MutationObserver(() => { if (summary.textContent !== before) { obs.disconnect(); done(); } });
    obs.observe(summary, { childList: true, subtree: true, characterData: true });
    pick(b);
  }), [a, b]);
  const stats = (xs) => { const s = [...xs].sort((p, q) => p - q); return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], n: s.length }; };
  const routes = [];
  for (const [a, b] of pairs) if (a !== b) routes.push(await timeQuery(a, b));
  await page.getByRole('button', { name: 'A loop' }).click();
  const loops = [];
  for (const id of ids.slice(0, 20)) {
    loops.push(await page.evaluate((id) => new Promise((resolve) => {
      const select = document.querySelector('.planner__select');
      const summary = document.querySelector('.planner__summary');
      const before = summary.textContent;
      const t0 = performance.now();
      const obs = new MutationObserver(() => { if (summary.textContent !== before) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); } });
      obs.observe(summary, { childList: true, subtree: true, characterData: true });
      select.value = id; select.dispatchEvent(new Event('change', { bubbles: true }));
      setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
    }), id));
  }
  const r = stats(routes), l = stats(loops.filter(Number.isFinite));
  console.log('route planning in the browser (choose end point → summary painted), shipped park');
  console.log(`  point to point: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms over ${r.n} POI pairs`);
  console.log(`  10 km loop:     median ${l.median.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms over ${l.n} starts`);
} finally {
  await suite.close();
}
