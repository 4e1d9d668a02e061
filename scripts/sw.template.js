// ParkMap's service worker, generated at build time by scripts/csp-hook.mjs from scripts/sw.template.js.
// It keeps a versioned cache of the app shell and the park bundle so that, after the first visit, the
// map, the data and the route planner work with no network. A new build has a new VERSION: its worker
// installs, takes over, deletes the old cache and tells the page, which shows a small "updated" notice.
const VERSION = '__VERSION__';
const CACHE = `parkmap-${VERSION}`;
const SHELL = __SHELL__;
const DATA = __DATA__;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...SHELL, ...DATA]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k.startsWith('parkmap-') && k !== CACHE);
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
    if (old.length > 0) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ source: 'parkmap-sw', type: 'updated', version: VERSION });
      }
    }
  })());
});

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(fallbackUrl || request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallbackUrl || request, { ignoreSearch: true });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, new URL('index.html', self.registration.scope).href));
  } else if (url.pathname.includes('/public/data/')) {
    // Data: fresh when online, the cached copy when not.
    event.respondWith(networkFirst(request));
  } else {
    // The shell's file names carry content hashes: a cached copy is always right.
    event.respondWith(cacheFirst(request));
  }
});
