// Trunk post-build hook. (1) Moves trunk's inline start-up <script type="module"> into its own file and
// adds the Content-Security-Policy, so the page runs with script-src 'self' (no inline script at all).
// (2) Writes sw.js, the offline service worker, from scripts/sw.template.js with the list of files.
// Trunk runs it with TRUNK_STAGING_DIR set to the folder about to become dist/.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** The policy. frame-ancestors cannot be set in a <meta>: hosts send it as a header (see README). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html);
if (!inline) throw new Error('no inline module script found in index.html');
const body = inline[1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, name), body);
html = html.replace(inline[0], `<script type="module" src="/${name}"></script>`);
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
if (/\son[a-z]+=/i.test(html)) throw new Error('an inline event handler is in index.html');
fs.writeFileSync(indexPath, html);
console.log(`post-build: start-up script moved to ${name}; CSP added`);

// The service worker: the shell is every file trunk wrote, the data every file of the park bundle.
const walk = (d) => fs.readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const rel = (f) => path.relative(dir, f).split(path.sep).join('/');
const files = walk(dir).map(rel).filter((f) => f !== 'sw.js');
const data = files.filter((f) => f.startsWith('public/data/')).sort();
const shell = ['./', ...files.filter((f) => !f.startsWith('public/data/')).sort()];
const hash = crypto.createHash('sha256');
for (const f of files.sort()) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 12);
const template = fs.readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template.replace('__VERSION__', version)
  .replace('__SHELL__', JSON.stringify(shell)).replace('__DATA__', JSON.stringify(data));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js version ${version}, ${shell.length} shell files, ${data.length} data files`);
