// The build's last step (scripts/build.mjs runs it on the staging folder). (1) Moves the inline start-up <script type="module"> into its own file and
// adds the Content-Security-Policy, so the page runs with script-src 'self' (no inline script at all).
// (2) Writes sw.js, the offline service worker, from scripts/sw.template.js with the list of files.
// (3) Writes a .gz and a .br copy of every compressible file, for servers that send pre-compressed
// files (nginx's gzip_static / brotli_static, most CDNs and object stores). The .gz copies are
// Zopfli's (still plain gzip to every client, 5–6 % smaller than zlib's best: the wasm 509 → 480 KB).
// PARKMAP_STAGING_DIR is the folder about to become dist/. Every URL it writes
// is relative, so the same dist/ works at a site's root and under any subpath.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The policy. frame-ancestors cannot be set in a <meta>: hosts send it as a header (see README,
 *  "Deploy"; deploy/nginx.conf sends this same policy, which the build checks). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // https: so a basemap's tiles (?tiles=, the manifest's basemap) from any https host load: see the
  // README, "Basemap" (plain-http tile hosts stay blocked; same-origin tiles are 'self').
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Files worth compressing (by extension); images such as PNG are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|geojson|svg|bin|txt)$/;
const dir = process.env.PARKMAP_STAGING_DIR;
if (!dir) throw new Error('PARKMAP_STAGING_DIR is not set: scripts/build.mjs runs this script');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/.exec(html);
if (!inline) throw new Error('no inline module script found in index.html');
// First thing: remove index.html's "serve this folder over http" hint (shown only where no script runs).
// Then, for the default park (no ?park=), preload its manifest and layers, known at build time, so
// their requests start beside the wasm's instead of after it has run. The app's fetch has the same
// CORS mode and credentials as these preloads, so the browser hands it the preloaded responses:
// nothing is fetched twice.
let preload = '';
const manifestPath = path.join(dir, 'public/data/park.json');
if (fs.existsSync(manifestPath)) {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  // The sites are loaded with the site finder, never before the map is ready: not preloaded.
  const urls = ['public/data/park.json', ...manifest.layers.filter((l) => l.kind !== 'sites')
    .map((l) => l.url).filter((u) => !/^[a-z]+:|^\/\//i.test(u)).map((u) => `public/data/${u}`)];
  preload = `if (!new URLSearchParams(location.search).has('park')) {
  for (const href of ${JSON.stringify(urls)}) {
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
    document.head.append(link);
  }
}
`;
  console.log(`post-build: the start script preloads the default park (${urls.length} files)`);
}
// The pre-rendered first view (src/prerender; README "Benchmarks"): the default park drawn by
// `parkmap-prerender` (the app's own Rust code, natively), put at the start of <body>, with its
// stylesheet (style/prerender.css and the generated geometry rules) and its gate script in <head>.
// PARKMAP_PRERENDER=0 builds without it (for a before/after measurement).
if (fs.existsSync(manifestPath) && process.env.PARKMAP_PRERENDER !== '0') {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'parkmap-prerender', '--', '--park', manifestPath],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  const pr = JSON.parse(out);
  const hashed = (stem, ext, text) => {
    const file = `${stem}-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.${ext}`;
    fs.writeFileSync(path.join(dir, file), text);
    return file;
  };
  const css = hashed('prerender', 'css', fs.readFileSync(new URL('../style/prerender.css', import.meta.url), 'utf8') + pr.css);
  const gate = hashed('prerender', 'js', fs.readFileSync(new URL('./prerender-gate.js', import.meta.url), 'utf8'));
  if (!html.includes('</head>') || !/<body>/.test(html)) throw new Error('index.html has no </head> or <body> for the pre-render');
  html = html.replace('</head>', `  <meta name="parkmap-prerender" content="${pr.langs.join(' ')}">
  <link rel="stylesheet" href="./${css}">
  <script src="./${gate}"></script>
</head>`);
  html = html.replace('<body>', `<body>\n${pr.html}`);
  console.log(`post-build: pre-rendered the default park (${(pr.html.length / 1024).toFixed(1)} KB, cluster sets for zooms ${pr.zooms.join(', ')})`);
}
const body = "document.getElementById('file-hint')?.remove();\n" + preload + inline[1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, name), body);
html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
// A page without the charset tag fails the build rather than ship without its policy.
const charset = /<meta charset="?utf-8"?>/i;
if (!charset.test(html)) throw new Error('index.html has no <meta charset="utf-8"> to put the CSP after');
html = html.replace(charset, `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
if (/\son[a-z]+=/i.test(html)) throw new Error('an inline event handler is in index.html');
// A root-absolute URL ("/x.js") would 404 when dist/ is served under a subpath.
const absolute = /\s(?:src|href)="\/(?!\/)[^"]*"/.exec(html);
if (absolute) throw new Error(`index.html loads ${absolute[0].trim()} from the site root: keep every asset URL relative`);
if (/(?:from|module_or_path:)\s*'\//.test(body)) throw new Error(`the start-up script imports from the site root: ${body}`);
fs.writeFileSync(indexPath, html);
console.log(`post-build: start-up script moved to ${name}; CSP added`);

// The service worker: the shell is every file the build wrote (the chunks too), the data every file of the park bundle.
const walk = (d) => fs.readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const rel = (f) => path.relative(dir, f).split(path.sep).join('/');
const files = walk(dir).map(rel).filter((f) => f !== 'sw.js');
const data = files.filter((f) => f.startsWith('public/data/')).sort();
// The partner kit (embed.js, embed-<hash>.js, embed.d.ts) is for partners' pages, which this worker
// never serves: not precached. kit.json is (the embed dialog reads it, offline too).
const kit = /^embed(-[0-9a-f]{16})?\.(js|d\.ts)$/;
const shell = ['./', ...files.filter((f) => !f.startsWith('public/data/') && !kit.test(f)).sort()];
const hash = crypto.createHash('sha256');
for (const f of files.sort()) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 12);
const template = fs.readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template.replace('__VERSION__', version)
  .replace('__SHELL__', JSON.stringify(shell)).replace('__DATA__', JSON.stringify(data));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js version ${version}, ${shell.length} shell files, ${data.length} data files`);

// deploy/nginx.conf sends the same policy as a header (plus frame-ancestors, which a <meta> cannot carry).
const nginx = fs.readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8');
if (!nginx.includes(`"${CSP}; frame-ancestors`)) {
  throw new Error('deploy/nginx.conf does not send the CSP that index.html carries: copy it from scripts/post-build.mjs');
}

// Pre-compressed copies, written last: sw.js's file list above names only the originals.
// Zopfli (npm @gfx/zopfli, in wasm: nothing to build) when installed, else zlib's level 9 with a warning.
const zopfli = await import('@gfx/zopfli').catch(() => null);
if (!zopfli) console.warn('post-build: @gfx/zopfli is not installed (npm ci): .gz copies from zlib instead');
const gzip = (body) => zopfli
  // 15 iterations gain under 0.1 % over 5 on the wasm and take twice as long
  ? zopfli.gzipAsync(body, { numiterations: body.length > 100_000 ? 5 : 15 }).then(Buffer.from)
  : Promise.resolve(zlib.gzipSync(body, { level: 9 }));
let raw = 0;
let gz = 0;
let br = 0;
for (const f of walk(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const body = fs.readFileSync(f);
  const gzipped = await gzip(body);
  const brotli = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  // A copy that is not smaller is not worth sending (the server then sends the original).
  if (gzipped.length < body.length) { fs.writeFileSync(`${f}.gz`, gzipped); gz += gzipped.length; }
  if (brotli.length < body.length) { fs.writeFileSync(`${f}.br`, brotli); br += brotli.length; }
  raw += body.length;
}
console.log(`post-build: pre-compressed ${(raw / 1024).toFixed(0)} KB into .gz (${(gz / 1024).toFixed(0)} KB) and .br (${(br / 1024).toFixed(0)} KB)`);
