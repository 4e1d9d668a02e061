// A small static file server for dist/ (used by scripts/run.sh and the end-to-end tests).
// Correct MIME types for wasm and GeoJSON, no caching, loopback only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1:`port` (0 = any free port); `mounts` maps URL prefixes such as
 *  '/fixtures/' to other folders. Resolves to { url, port, overrides, close }: `overrides` maps a
 *  URL path to { body, type } served instead of the file (a test's "next deployment"); `delays` maps
 *  a URL path to milliseconds to wait before answering (a slow network); `log` lists
 *  `request PATH` and `answered PATH` in the order they happened. With `{ gzip: true }` compressible
 *  files go out gzip-encoded to clients that accept it, as a CDN sends them; with `{ brotli: true }`
 *  Brotli-encoded to clients that accept `br` (with both, Brotli first, else gzip: as deploy/nginx.conf's
 *  brotli_static + gzip_static serve them). Each uses the build's `.br` / `.gz` copy when there is one,
 *  else the file is compressed once and kept (Brotli quality 11, gzip level 9, as scripts/post-build.mjs);
 *  a file its compression does not shrink goes out as it is, as the build then writes no copy. With
 *  `{ caching: true }` the cache rule is deploy/nginx.conf's too: content-hashed code for a year,
 *  everything else revalidated with an ETag (304 when it matches). None is on by default. */
export function serve(root, port = 0, mounts = {}, { gzip = false, brotli = false, caching = false } = {}) {
  /** `${encoding} ${file}` → the encoded body, or null when it is not smaller than the file. */
  const encoded = new Map();
  const encode = (file, body, encoding) => {
    const key = `${encoding} ${file}`;
    if (!encoded.has(key)) {
      const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      let out;
      if (fs.existsSync(copy)) out = fs.readFileSync(copy);
      else if (encoding === 'br') {
        out = zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
      } else out = zlib.gzipSync(body, { level: 9 });
      encoded.set(key, out.length < body.length ? out : null);
    }
    return encoded.get(key);
  };
  const overrides = {};
  const delays = {};
  const log = [];
  const server = http.createServer(async (req, res) => {
    let urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(`request ${urlPath}`);
    const path0 = urlPath;
    res.on('finish', () => log.push(`answered ${path0}`));
    if (delays[urlPath]) await new Promise((r) => { setTimeout(r, delays[urlPath]).unref(); });
    if (res.destroyed) return;
    if (overrides[urlPath]) {
      res.writeHead(200, { 'content-type': overrides[urlPath].type, 'cache-control': 'no-cache' });
      res.end(overrides[urlPath].body);
      return;
    }
    let base = path.resolve(root);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (urlPath.startsWith(prefix)) { base = path.resolve(dir); urlPath = urlPath.slice(prefix.length - 1); }
    }
    let file = path.normalize(path.join(base, urlPath));
    if (!file.startsWith(base)) { res.writeHead(403).end('forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      // As deploy/nginx.conf: the partner kit is a module that pages of other origins import.
      if (/[\\/]embed(-[0-9a-f]{16})?\.js$/.test(file)) headers['access-control-allow-origin'] = '*';
      if (caching) {
        // deploy/nginx.conf's rule: content-hashed code for a year, everything else revalidated
        // (an ETag, and 304 when it still matches).
        if (/-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file)) headers['cache-control'] = 'public, max-age=31536000, immutable';
        const stat = fs.statSync(file);
        headers.etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          res.writeHead(304, { etag: headers.etag, 'cache-control': headers['cache-control'] });
          res.end();
          return;
        }
      }
      if ((gzip || brotli) && /\.(html|js|mjs|css|wasm|json|geojson|svg|bin|txt)$/.test(file)) {
        const accepts = req.headers['accept-encoding'] || '';
        const offered = [brotli && /\bbr\b/.test(accepts) && 'br', gzip && /\bgzip\b/.test(accepts) && 'gzip'];
        const encoding = offered.find((e) => e && encode(file, body, e));
        if (encoding) {
          body = encode(file, body, encoding);
          headers['content-encoding'] = encoding;
        }
        headers.vary = 'Accept-Encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const p = server.address().port;
      resolve({
        url: `http://127.0.0.1:${p}/`, port: p, overrides, delays, log,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      });
    });
  });
}

// `node tests/e2e/serve.mjs DIR PORT` serves until interrupted.
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`ParkMap is being served at ${url}  (Ctrl+C to stop)`);
}
