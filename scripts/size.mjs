// The size ledger: what a visitor downloads before the map is ready, and what each capability
// costs when it is first used.
//
//   node scripts/size.mjs [--dist DIR] [--named DIR] [--top N] [--markdown FILE]
//
// Prints every file of the bundle's code — the first module (the wasm the page starts with), its
// glue, the chunk loader and every chunk — and the page and the default park's data, each raw, as
// gzip and as Brotli: the build's own .gz (Zopfli) and .br (quality 11) copies, i.e. what
// deploy/nginx.conf sends, or the same compression done here where a copy is missing. Then the
// first module's top contributors by crate and by ParkMap module, from a copy of it that kept its
// function names (`node scripts/build.mjs --names` writes target/split/named/first.wasm; the
// names change nothing else). scripts/size.sh builds that way and runs this.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readModule, demangle, crateOf, ourModule } from './wasm-parts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const DIST = path.resolve(ROOT, opt('dist', 'dist'));
const NAMED = path.resolve(ROOT, opt('named', 'target/split/named'));
const TOP = Number(opt('top', 12));
const out = [];
const say = (line = '') => { out.push(line); console.log(line); };

/** A file's sizes: raw, gzip and Brotli as served (the build's copies, else computed here). */
function sizes(rel) {
  const file = path.join(DIST, rel);
  const body = fs.readFileSync(file);
  const copy = (ext, make) => (fs.existsSync(`${file}.${ext}`) ? fs.statSync(`${file}.${ext}`).size : make(body).length);
  return {
    raw: body.length,
    gz: copy('gz', (b) => zlib.gzipSync(b, { level: 9 })),
    br: copy('br', (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}
const kb = (n) => (n / 1024).toFixed(1);
const add = (a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br });
const ZERO = { raw: 0, gz: 0, br: 0 };
const row = (label, s) => say(`| ${label} | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |`);

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`size: ${DIST}/index.html is missing: build first (node scripts/build.mjs)`);
  process.exit(1);
}
const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const files = fs.readdirSync(DIST);
const first = files.find((f) => /^parkmap-[0-9a-f]+_bg\.wasm$/.test(f));
const glue = files.find((f) => /^parkmap-[0-9a-f]+\.js$/.test(f));
const loader = files.find((f) => /^split-[0-9a-f]+\.js$/.test(f));
const chunks = files.filter((f) => f.endsWith('.wasm') && f !== first).sort();
// The page: index.html and every file it names (scripts and stylesheets), except the code above.
const named = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
const page = ['index.html', ...named.filter((f) => f !== glue && f !== first && fs.existsSync(path.join(DIST, f)))];
const manifest = path.join(DIST, 'public/data/park.json');
const data = fs.existsSync(manifest)
  ? ['public/data/park.json', ...JSON.parse(fs.readFileSync(manifest, 'utf8')).layers.map((l) => `public/data/${l.url}`)]
  : [];

say(`Size ledger of ${path.relative(ROOT, DIST) || '.'}/ (KB = 1024 B; gzip and Brotli as deploy/nginx.conf sends them)`);
say();
say('| file | raw | gzip | Brotli |');
say('|:---|---:|---:|---:|');
const firstSizes = sizes(first);
row(`**first module** ${first}`, firstSizes);
const glueSizes = sizes(glue);
row(`its glue ${glue}`, glueSizes);
let pageSizes = ZERO;
for (const f of page) pageSizes = add(pageSizes, sizes(f));
row(`the page: ${page.join(', ')}`, pageSizes);
let dataSizes = ZERO;
for (const f of data) dataSizes = add(dataSizes, sizes(f));
row(`the default park's data (${data.length} files)`, dataSizes);
const before = [firstSizes, glueSizes, pageSizes, dataSizes].reduce(add, ZERO);
row('**before ready: all of the above**', before);
let chunkTotal = ZERO;
if (loader) {
  const s = sizes(loader);
  chunkTotal = add(chunkTotal, s);
  row(`chunk loader ${loader}`, s);
}
for (const c of chunks) {
  const s = sizes(c);
  chunkTotal = add(chunkTotal, s);
  row(`chunk ${c}`, s);
}
row(`**all chunks together** (${chunks.length})`, chunkTotal);
for (const f of files.filter((f) => /^embed(-[0-9a-f]+)?\.js$/.test(f))) row(`partner kit ${f}`, sizes(f));

// What the first module holds.
const namedFirst = path.join(NAMED, 'first.wasm');
if (!fs.existsSync(namedFirst)) {
  say();
  say(`(no ${path.relative(ROOT, namedFirst)}: build with --names for the first module's contributors)`);
} else {
  const m = readModule(fs.readFileSync(namedFirst));
  const code = m.functions.reduce((s, f) => s + f.size, 0);
  const dataBytes = m.data.reduce((s, n) => s + n, 0);
  const byCrate = new Map();
  const byModule = new Map();
  for (const f of m.functions) {
    const name = demangle(f.name ?? '');
    byCrate.set(crateOf(name), (byCrate.get(crateOf(name)) ?? 0) + f.size);
    const ours = ourModule(name);
    if (ours) byModule.set(ours, (byModule.get(ours) ?? 0) + f.size);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  say();
  say(`The first module: ${m.functions.length} functions, ${kb(code)} KB of code, ${kb(dataBytes)} KB of data `
    + '(raw, from the named copy; generic code counts where it is defined, e.g. a Leptos view under tachys).');
  say();
  say('| by crate | KB | share of code |');
  say('|:---|---:|---:|');
  for (const [c, n] of top(byCrate)) say(`| ${c} | ${kb(n)} | ${(100 * n / code).toFixed(1)} % |`);
  say();
  say('| ParkMap by module | KB | share of code |');
  say('|:---|---:|---:|');
  for (const [c, n] of top(byModule)) say(`| ${c} | ${kb(n)} | ${(100 * n / code).toFixed(1)} % |`);
}
const md = opt('markdown', null);
if (md) {
  fs.mkdirSync(path.dirname(path.resolve(ROOT, md)), { recursive: true });
  fs.writeFileSync(path.resolve(ROOT, md), `${out.join('\n')}\n`);
}
