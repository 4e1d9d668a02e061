// Where the load's CPU time goes, by function: loads ParkMap (as bench/trace.mjs --load does) under
// the DevTools CPU profiler, from navigation to ready, and prints the functions with the most self time
// and the most total time. Wasm functions have names only in a build that kept its name section
// (wasm-opt strips it): --names makes one in target/profile-dist — a copy of --dist with the wasm from
// `wasm-bindgen --target web` of target/wasm32-unknown-unknown/release/parkmap.wasm (the same build's,
// before wasm-opt) and without the integrity attributes. A diagnostic, not a benchmark: nothing is kept.
//
// --under NAME also prints, for the functions whose name contains NAME, where their time goes: total
// time by callee, a callee counted once per sample. --callers NAME [--depth N] prints the reverse: the
// time of the functions matching NAME by the N frames above them (3 unless said).
//
// --reps N adds up N loads (after one to warm up), which steadies the figures on a noisy machine.
//
//   node bench/profile.mjs [--dist DIR] [--names] [--cpu N] [--viewport WxH] [--top N] [--query '?park=…'] [--under NAME] [--callers NAME [--depth N]] [--reps N]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { CHROMIUM_ARGS, ROOT } from '../tests/e2e/harness.mjs';
import { PARKMAP_PROBE } from './probe.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
let DIST = path.resolve(ROOT, opt('dist', 'dist'));
if (argv.includes('--names')) {
  const out = path.join(ROOT, 'target/profile-dist');
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(DIST, out, { recursive: true, filter: (f) => !/\.(gz|br)$/.test(f) });
  const tmp = fs.mkdtempSync(path.join(ROOT, 'target/profile-wasm-'));
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'parkmap',
    path.join(ROOT, 'target/wasm32-unknown-unknown/release/parkmap.wasm')]);
  const shipped = fs.readdirSync(out).find((f) => f.endsWith('_bg.wasm'));
  fs.copyFileSync(path.join(tmp, 'parkmap_bg.wasm'), path.join(out, shipped));
  fs.rmSync(tmp, { recursive: true });
  const index = path.join(out, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/ integrity="[^"]*"/g, ''));
  DIST = out;
}
const CPU = Number(opt('cpu', 1));
const TOP = Number(opt('top', 40));
const [W, H] = opt('viewport', '1280x800').split('x').map(Number);
const server = await serve(DIST, 0, { '/stress/': path.join(ROOT, 'target/stress-park') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const REPS = Number(opt('reps', 1));
const under = opt('under', null);
const callersOf = opt('callers', null);
const DEPTH = Number(opt('depth', 3));
const callers = new Map();
let within = 0;
const self = new Map();
const total = new Map();
const callees = new Map();
let inside = 0;
const add = (m, k, us) => m.set(k, (m.get(k) || 0) + us);
try {
  for (let rep = 0; rep <= REPS; rep++) {
    const context = await browser.newContext({ viewport: { width: W, height: H }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(PARKMAP_PROBE);
    const cdp = await context.newCDPSession(page);
    if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(server.url + opt('query', ''));
    await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();
    if (rep === 0) continue; // the first load warms the server and the browser
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i + 1] || 0)));
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
    for (const [id, us] of dt) {
      add(self, name(byId.get(id)), us);
      const chain = [];
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(name(byId.get(cur)));
      for (const k of new Set(chain)) add(total, k, us);
      // For --under: the frames below the nearest one matching NAME are its callees.
      const at = under ? chain.findIndex((k) => k.includes(under)) : -1;
      if (at >= 0) {
        inside += us;
        for (const k of new Set(chain.slice(0, at))) add(callees, k, us);
      }
      // For --callers: the --depth frames above the nearest one matching NAME, as one path.
      const from = callersOf ? chain.findIndex((k) => k.includes(callersOf)) : -1;
      if (from >= 0) {
        within += us;
        add(callers, chain.slice(from + 1, from + 1 + DEPTH).map((k) => k.slice(0, 70)).join(' < '), us);
      }
    }
  }
  const print = (title, m) => {
    console.log(`\n${title}${REPS > 1 ? ` (per load, mean of ${REPS})` : ''}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(us / 1000 / REPS).toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`);
  };
  print('self time', self);
  print('total time (a function counted once per sample)', total);
  if (under) print(`under ${under}: ${(inside / 1000 / REPS).toFixed(1)} ms in all; by callee`, callees);
  if (callersOf) print(`${callersOf}: ${(within / 1000 / REPS).toFixed(1)} ms in all; by its callers (${DEPTH} frames up)`, callers);
} finally {
  await browser.close();
  await server.close();
}
