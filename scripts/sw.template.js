// ParkMap's service worker, generated at build time by scripts/post-build.mjs from scripts/sw.template.js.
// It keeps a versioned cache of the app shell and the park bundle so that, after the first visit, the
// map, the data and the route planner work with no network. A new build has a new VERSION: its worker
// installs, takes over, deletes this deployment's old cache and tells the page, which shows a small
// "updated" notice.
//
// One deployment per folder: the worker's scope, its file list and its cache names all follow the folder
// it is served from (e.g. /maps/park/), so two ParkMaps on one origin (/a/ and /b/) never read, serve or
// delete each other's caches.
const VERSION = '__VERSION__';
/** Files relative to this worker's folder. */
const SHELL = __SHELL__;
const DATA = __DATA__;
/** This deployment's folder, e.g. '/maps/park/'. */
const BASE = new URL('./', self.location.href).pathname;
const PREFIX = `parkmap:${BASE}:`;
const CACHE = `${PREFIX}${VERSION}`;
/** The app's own page, under the key it is stored with (the folder itself). */
const PAGE_KEY = new URL('./', self.location.href).href;
const PAGES = new Set([BASE, `${BASE}index.html`]);
/** A network-first request slower than this is answered from the cache, if the cache has it. */
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // A file named after its content (the code, the chunks) is right wherever it comes from: from
    // the HTTP cache when the page has just fetched it (its prefetch), so nothing crosses the network
    // twice. Anything else is revalidated with the server, never a stale copy.
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
    await cache.addAll([...SHELL, ...DATA].map((f) => new Request(new URL(f, self.location.href), { cache: hashed.test(f) ? 'default' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
    if (old.length > 0) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ source: 'parkmap-sw', type: 'updated', version: VERSION });
      }
    }
  })());
});

async function cached(key) {
  return (await caches.open(CACHE)).match(key, { ignoreSearch: true });
}

/** The network's answer, stored under `key`; the cached copy when the network fails, answers 5xx or
 *  is slower than NETWORK_TIMEOUT_MS (then the network's answer still refreshes the cache). */
function networkFirst(event, request, key) {
  const network = fetch(request);
  event.waitUntil(network.then(async (response) => {
    if (!response.ok) return;
    const copy = response.clone(); // before the page reads the body
    await (await caches.open(CACHE)).put(key, copy);
  }).catch(() => {}));
  const timeout = new Promise((resolve) => { setTimeout(resolve, NETWORK_TIMEOUT_MS, null); });
  return (async () => {
    try {
      const first = await Promise.race([network, timeout]);
      if (first && first.status < 500) return first;
      return (await cached(key)) || first || network;
    } catch (err) {
      const copy = await cached(key);
      if (copy) return copy;
      throw err;
    }
  })();
}

/** The cached copy (the shell's file names carry content hashes: a cached copy is always right). */
async function cacheFirst(request) {
  return (await cached(request)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this deployment's own files: other folders of the origin and other origins are not ours.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    // Only the app's own page is the shell; other pages in the folder (the partner demo) are left alone.
    if (PAGES.has(url.pathname)) event.respondWith(networkFirst(event, request, PAGE_KEY));
  } else if (url.pathname.startsWith(`${BASE}public/data/`)) {
    // Data: fresh when online, the cached copy when not.
    event.respondWith(networkFirst(event, request, request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
