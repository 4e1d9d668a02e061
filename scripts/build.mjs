// Builds the release bundle: `node scripts/build.mjs [--dist DIR] [--names]` (default dist/).
//
// 1. cargo builds the app's wasm (release, linked with --emit-relocs so the module can be split);
// 2. wasm-split-cli cuts it at its split points (`#[wasm_split]`, src/ui/chunk.rs) into the first
//    module and one chunk per capability (plus chunks their capabilities share) and writes the
//    loader that fetches them (`__wasm_split.js`);
// 3. wasm-bindgen writes the first module's JavaScript glue (--keep-lld-exports: the chunks link to
//    the first module's functions by their export names);
// 4. wasm-opt -Oz shrinks the first module and every chunk;
// 5. the page: index.html with its start-up script, the stylesheet and public/ copied, every file of
//    code named after a hash of its content; the partner kit (kit/) beside it;
// 6. scripts/post-build.mjs: the pre-rendered first view, the Content-Security-Policy, the service
//    worker and the .gz / .br copies.
//
// --names keeps the function names in a second copy of the first module
// (target/split/named/first.wasm, optimised the same way), for the size ledger (scripts/size.mjs).
// Every URL the page uses is relative, so the same dist/ works at a site's root and under a subpath.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The tools scripts/setup.sh installs: binaryen's wasm-opt from npm first (Debian's is too old).
process.env.PATH = [path.join(ROOT, 'node_modules/.bin'), path.join(os.homedir(), '.cargo/bin'), process.env.PATH].join(path.delimiter);
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const DIST = path.resolve(ROOT, opt('dist', 'dist'));
const NAMES = argv.includes('--names');
// --wasm-only: stop after wasm-opt and print the first module's size (for trying a change quickly).
const WASM_ONLY = argv.includes('--wasm-only');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const WORK = path.join(TARGET, 'split');
const STAGING = `${DIST}.staging`;
/** binaryen 132 needs the features the Rust wasm target uses spelled out. */
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
const run = promisify(execFile);
const say = (s) => console.log(`[build] ${s}`);
const hash = (...parts) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

// 1. The wasm, with its split points (feature `split`). `cargo rustc` adds the link argument to the
// binary only: the dependencies keep the artifacts that `cargo build`, clippy and the tests share.
say('cargo: the app for wasm32 (release)');
execFileSync('cargo', ['rustc', '--release', '--locked', '--features', 'split', '--target', 'wasm32-unknown-unknown', '--bin', 'parkmap',
  '--', '-C', 'link-arg=--emit-relocs'], { cwd: ROOT, stdio: 'inherit' });
const linked = path.join(TARGET, 'wasm32-unknown-unknown/release/parkmap.wasm');

// 2. The split.
fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(path.join(WORK, 'bg'), { recursive: true });
execFileSync('wasm-split-cli', [linked, WORK, '--target', 'web', '--out-name', 'parkmap'], { stdio: 'inherit' });
const chunks = fs.readdirSync(WORK).filter((f) => f.endsWith('.wasm') && f !== 'parkmap.wasm').sort();
say(`split: the first module and ${chunks.length} chunk(s)${chunks.length ? `: ${chunks.join(', ')}` : ''}`);

// 3. The glue.
execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir',
  path.join(WORK, 'bg'), '--out-name', 'parkmap', path.join(WORK, 'parkmap.wasm')], { stdio: 'inherit' });

// 4. wasm-opt, two at a time (the machines have two cores).
const optimise = (from, to, names = false) =>
  run('wasm-opt', ['-Oz', ...(names ? ['--debuginfo'] : []), ...WASM_FEATURES, from, '-o', to], { maxBuffer: 1 << 26 });
const jobs = [
  ['first module', path.join(WORK, 'bg/parkmap_bg.wasm'), path.join(WORK, 'first.wasm')],
  ...(WASM_ONLY ? [] : chunks.map((c) => [c, path.join(WORK, c), path.join(WORK, `opt-${c}`)])),
];
if (NAMES) {
  fs.mkdirSync(path.join(WORK, 'named'), { recursive: true });
  jobs.push(['first module, named', path.join(WORK, 'bg/parkmap_bg.wasm'), path.join(WORK, 'named/first.wasm'), true]);
  for (const c of chunks) jobs.push([`${c}, named`, path.join(WORK, c), path.join(WORK, 'named', c), true]);
}
say(`wasm-opt -Oz: ${jobs.length} module(s)`);
const queue = [...jobs];
await Promise.all([0, 1].map(async () => {
  for (let job = queue.shift(); job; job = queue.shift()) await optimise(job[1], job[2], job[3]);
}));

if (WASM_ONLY) {
  const first = fs.readFileSync(path.join(WORK, 'first.wasm'));
  const br = (await import('node:zlib')).brotliCompressSync(first).length;
  say(`--wasm-only: first module ${(first.length / 1024).toFixed(1)} KB raw, ${(br / 1024).toFixed(1)} KB Brotli`);
  process.exit(0);
}

// 5. The page, in a staging folder that replaces DIST at the end (a failed build leaves DIST as it was).
fs.rmSync(STAGING, { recursive: true, force: true });
fs.mkdirSync(STAGING, { recursive: true });
fs.cpSync(path.join(ROOT, 'public'), path.join(STAGING, 'public'), { recursive: true });

// Chunks: named after their content; the loader fetches them by these names.
let loader = fs.readFileSync(path.join(WORK, '__wasm_split.js'), 'utf8');
for (const c of chunks) {
  const body = fs.readFileSync(path.join(WORK, `opt-${c}`));
  const name = `${c.replace(/\.wasm$/, '')}-${hash(body)}.wasm`;
  fs.writeFileSync(path.join(STAGING, name), body);
  if (!loader.includes(`"./${c}"`)) throw new Error(`the loader does not name ${c}`);
  loader = loader.replaceAll(`"./${c}"`, `"./${name}"`);
}
// The glue imports the loader and the loader imports the glue: both carry one hash, of both and
// of the first module.
const wasm = fs.readFileSync(path.join(WORK, 'first.wasm'));
let glue = fs.readFileSync(path.join(WORK, 'bg/parkmap.js'), 'utf8');
const h = hash(wasm, glue, loader);
const names = { glue: `parkmap-${h}.js`, wasm: `parkmap-${h}_bg.wasm`, loader: `split-${h}.js` };
if (chunks.length || glue.includes('__wasm_split.js')) {
  // Only the import statement's path changes: the imports object keeps the module name the wasm
  // asks for ("./__wasm_split.js").
  const from = /(import \* as \w+ from )"\.\/__wasm_split\.js"/g;
  if (!from.test(glue)) throw new Error('the glue does not import ./__wasm_split.js: wasm-bindgen changed how it names imports');
  glue = glue.replace(from, `$1"./${names.loader}"`);
  if (!loader.includes('"./parkmap.js"')) throw new Error('the loader does not import ./parkmap.js');
  loader = loader.replaceAll('"./parkmap.js"', `"./${names.glue}"`);
  fs.writeFileSync(path.join(STAGING, names.loader), loader);
}
fs.writeFileSync(path.join(STAGING, names.glue), glue);
fs.writeFileSync(path.join(STAGING, names.wasm), wasm);

// A chunk's own stylesheet (style/chunks/NAME.css) goes to chunks/NAME.css: the chunk adds it to the
// page when it is entered (src/ui/chunk.rs, `stylesheet`), so its styles come with it.
const chunkStyles = path.join(ROOT, 'style/chunks');
if (fs.existsSync(chunkStyles)) {
  fs.mkdirSync(path.join(STAGING, 'chunks'), { recursive: true });
  for (const f of fs.readdirSync(chunkStyles).filter((f) => f.endsWith('.css'))) {
    fs.copyFileSync(path.join(chunkStyles, f), path.join(STAGING, 'chunks', f));
  }
}
const css = fs.readFileSync(path.join(ROOT, 'style/main.css'));
const cssName = `main-${hash(css)}.css`;
fs.writeFileSync(path.join(STAGING, cssName), css);
const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;

// The partner kit (kit/embed.js; README, "Embedding the map"): copied as written, under the stable
// name embed.js and under a content-hashed name for snippets with Subresource Integrity; kit.json
// gives the embed dialog that name and its integrity. The map itself never loads the kit.
const kit = fs.readFileSync(path.join(ROOT, 'kit/embed.js'));
const kitName = `embed-${hash(kit)}.js`;
for (const name of ['embed.js', kitName]) fs.writeFileSync(path.join(STAGING, name), kit);
fs.copyFileSync(path.join(ROOT, 'kit/embed.d.ts'), path.join(STAGING, 'embed.d.ts'));
fs.writeFileSync(path.join(STAGING, 'kit.json'), `${JSON.stringify({ file: kitName, integrity: sri(kit) })}\n`);

let html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
const replace = (re, text, what) => {
  if (!re.test(html)) throw new Error(`index.html has no ${what}`);
  html = html.replace(re, text);
};
// The start-up script (post-build.mjs moves it into a file of its own): instantiate the first
// module, then tell the benchmarks' probe (bench/probe.mjs) that it started.
replace(/<!-- parkmap:app[^>]*-->/, `<link rel="modulepreload" href="./${names.glue}" crossorigin="anonymous" integrity="${sri(glue)}">
  <link rel="preload" href="./${names.wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${sri(wasm)}">
  <script type="module">
// An embedded map (embed=1) keeps every message from the first moment: the app's inbox takes them
// over (src/ui/inbox.rs) and the embed API answers them once it is there.
if (/^(1|true)$/.test(new URLSearchParams(location.search).get('embed') ?? '')) {
  const queue = [];
  const keep = (e) => queue.push(e);
  addEventListener('message', keep);
  window.__parkmapInbox = { queue, stop: () => removeEventListener('message', keep) };
}
import init from './${names.glue}';
const wasm = await init({ module_or_path: './${names.wasm}' });
dispatchEvent(new CustomEvent('parkmap:started', { detail: { wasm } }));
</script>`, 'parkmap:app marker');
replace(/<!-- parkmap:style[^>]*-->/, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}">`, 'parkmap:style marker');
fs.writeFileSync(path.join(STAGING, 'index.html'), html);

// 6. Pre-render, CSP, service worker, compressed copies.
execFileSync('node', [path.join(ROOT, 'scripts/post-build.mjs')], {
  cwd: ROOT, stdio: 'inherit', env: { ...process.env, PARKMAP_STAGING_DIR: STAGING },
});
fs.rmSync(DIST, { recursive: true, force: true });
fs.renameSync(STAGING, DIST);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
say(`${path.relative(ROOT, DIST) || '.'}/: first module ${kb(wasm.length)}, ${chunks.length} chunk(s) ${kb(chunks.reduce((s, c) => s + fs.statSync(path.join(WORK, `opt-${c}`)).size, 0))} (raw; scripts/size.sh for the ledger)`);
