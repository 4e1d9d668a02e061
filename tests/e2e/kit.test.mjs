// End to end: the partner kit (kit/embed.js, served as embed.js and embed-<hash>.js) on a partner
// page of another origin (a second port), embedding the built map: the two-line snippet alone, every
// command as a promise, every event to `on` handlers and as the element's DOM events, the query
// answers against the map's URL, `height: 'auto'`, destroy(), forged messages, two maps on a page,
// the embed dialog's snippet with Subresource Integrity, and the CORS header nginx sends for the kit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startSuite, withPage, waitForPark, ROOT } from './harness.mjs';
import { hasNginx, startNginx } from './nginx.mjs';
import { startPartner, kitWithCors, COUNT_LISTENERS } from './partner.mjs';

let suite;
let partner;
before(async () => { suite = await startSuite(); partner = await startPartner(); });
after(async () => { await suite?.close(); await partner?.close(); });

const partnerOrigin = () => partner.origin;
const partnerPage = (name, html) => partner.page(name, html);
const DIST = path.join(ROOT, 'dist');
const hashedKit = () => fs.readdirSync(DIST).find((f) => /^embed-[0-9a-f]{16}\.js$/.test(f));

/** A partner page that imports the kit as `window.ParkMap`, with boxes #a and #b for maps. */
async function openKitPage(page, context) {
  await kitWithCors(context);
  const url = partnerPage('kit', `<div id="a"></div><div id="b"></div>
    <script type="module">import * as kit from '${suite.url}embed.js'; Object.assign(window, kit);</script>`);
  await page.goto(url);
  await page.waitForFunction(() => typeof window.ParkMap === 'function');
}

const mapFrame = (page, i = 0) => page.frames().filter((f) => f.url().startsWith(suite.url))[i];

test('the two-line snippet alone embeds the map, and the element fires the DOM events', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await kitWithCors(context);
    // What the page hears, recorded from the document (the partner page itself has no script).
    await page.addInitScript(() => {
      window.heard = [];
      for (const type of ['ready', 'companyselected', 'zoneselected', 'viewchanged', 'routechanged', 'resize', 'error']) {
        document.addEventListener(type, (e) => window.heard.push({ type, target: e.target.localName, detail: e.detail }));
      }
    });
    await page.goto(partnerPage('snippet', `<script type="module" src="${suite.url}embed.js"></script>
      <park-map lang="en" selection="company:c0001"></park-map>`));
    const frame = page.frameLocator('park-map iframe');
    await frame.locator('.map__company, .map__cluster').first().waitFor({ timeout: 20000 });
    const iframe = await page.evaluate(() => {
      const f = document.querySelector('park-map').shadowRoot.querySelector('iframe');
      return Object.fromEntries(['src', 'title', 'allow', 'loading', 'referrerpolicy'].map((a) => [a, f.getAttribute(a)]));
    });
    assert.deepEqual(iframe, {
      src: `${suite.url}?embed=1&lang=en&sel=company:c0001&origins=${partnerOrigin()}`,
      title: 'Park map', allow: 'fullscreen; geolocation', loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin',
    });
    assert.equal(await frame.locator('#panel-title').textContent(), 'Huawei');
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'ready'));
    // Attributes become commands; every event bubbles from the element in lower case.
    await page.evaluate(() => document.querySelector('park-map').setAttribute('selection', 'zone:z09'));
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'zoneselected'));
    await page.evaluate(() => document.querySelector('park-map').setAttribute('view', '17/45.84/126.52'));
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'viewchanged' && e.detail.zoom === 17));
    await page.evaluate(() => document.querySelector('park-map').setAttribute('lang', 'ru'));
    await frame.locator('html[lang="ru"]').waitFor({ state: 'attached' });
    await page.evaluate(() => document.querySelector('park-map').setAttribute('layers', 'zones,greenway'));
    await frame.locator('.map__company, .map__cluster').first().waitFor({ state: 'detached' });
    assert.deepEqual(await page.evaluate(() => document.querySelector('park-map').map.getLayers()),
      { visible: ['zones', 'greenway'], hidden: ['context', 'waterfront', 'pois', 'companies'] });
    await page.evaluate(() => document.querySelector('park-map').map.planRoute({ waypoints: [[45.837091, 126.477776], [45.85893, 126.560853]] }));
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'routechanged'));
    await page.evaluate(() => document.querySelector('park-map').setAttribute('selection', 'company:nope'));
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'error'));
    const heard = await page.evaluate(() => window.heard);
    assert.ok(heard.every((e) => e.target === 'park-map'), 'each event comes from the element');
    assert.ok(heard.some((e) => e.type === 'resize' && e.detail.height > 0));
    assert.equal(heard.find((e) => e.type === 'zoneselected').detail.id, 'z09');
    assert.equal(heard.find((e) => e.type === 'routechanged').detail.waypoints.length, 2);
    assert.equal(heard.find((e) => e.type === 'error').detail.message, 'selectCompany: no company with id "nope"');
    assert.deepEqual(pageErrors, []);
  });
});

test('every command resolves when done, and bad input rejects with the map\'s own message', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    const version = await page.evaluate(async () => {
      window.map = ParkMap.embed('#a', { lang: 'en', height: 400 });
      return (await window.map.ready()).version;
    });
    assert.match(version, /^\d+\.\d+\.\d+/);
    const frame = page.frameLocator('#a iframe');
    const call = (name, ...args) => page.evaluate(([n, a]) => window.map[n](...a), [name, args]);
    assert.equal(await call('selectCompany', 'c0001'), undefined);
    assert.equal(await frame.locator('#panel-title').textContent(), 'Huawei');
    await call('selectZone', 'z09');
    // A move resolves once the flight has ended: the view is then the target.
    await call('flyTo', { lat: 45.84, lon: 126.52, zoom: 17 });
    assert.deepEqual(await call('getView'), { lat: 45.84, lon: 126.52, zoom: 17 });
    await call('fitPark');
    assert.ok((await call('getView')).zoom < 17);
    await call('setLayers', { hidden: ['companies'] });
    await frame.locator('.map__company, .map__cluster').first().waitFor({ state: 'detached' });
    await call('setLayers', { visible: ['companies'] });
    await call('setFilter', { industries: ['digital_economy'], foundedMin: 2015 });
    assert.equal((await call('getFilter')).foundedMin, 2015);
    await call('setLanguage', 'zh');
    await frame.locator('html[lang="zh"]').waitFor({ state: 'attached' });
    const route = await call('planRoute', { waypoints: [[45.837091, 126.477776], [45.85893, 126.560853]] });
    assert.ok(route.distanceKm > 1 && route.walkingMin > route.cyclingMin, JSON.stringify(route));
    // A loop of 10 km from the North Gate (p03), as the route tests plan it.
    const loop = await call('planRoute', { loopKm: 10, start: [45.858114, 126.520617] });
    assert.ok(loop.distanceKm >= 9 && loop.distanceKm <= 11, JSON.stringify(loop));
    assert.deepEqual(await call('getRoute'), { loopKm: 10, start: [45.85811, 126.52062], winter: false });
    const refusal = (name, ...args) => page.evaluate(([n, a]) => window.map[n](...a)
      .then(() => 'resolved', (e) => `${e.name}: ${e.command}: ${e.message}`), [name, args]);
    assert.equal(await refusal('flyTo', { lat: 95, lon: 126.5 }), 'ParkMapError: flyTo: flyTo: "lat" 95 is out of range -90..90');
    assert.equal(await refusal('selectCompany', 'nope'), 'ParkMapError: selectCompany: selectCompany: no company with id "nope"');
    assert.equal(await refusal('setLayers', { hidden: ['roads'] }), 'ParkMapError: setLayers: setLayers: unknown layer "roads" in "hidden" '
      + '(expected context, zones, waterfront, greenway, pois, companies, sites)');
    assert.equal(await refusal('planRoute', { loopKm: 50, start: [45.83, 126.5] }), 'ParkMapError: planRoute: planRoute: "loopKm" 50 is out of range 2..40');
    assert.equal(await page.evaluate(() => window.map.send('deleteAll').catch((e) => e.message)), 'unknown command type "deleteAll"');
    assert.deepEqual(pageErrors, []);
  });
});

test('the query commands answer exactly what the map\'s URL carries', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    await page.evaluate(async () => {
      window.map = ParkMap.embed('#a', { lang: 'en', height: 400 });
      await map.selectCompany('c0002');
      await map.setFilter({ industries: ['new_materials', 'digital_economy'], zone: 'z03', capitalMin: 1000000, foundedMax: 2020 });
      await map.setLayers({ hidden: ['pois', 'context'] });
      await map.planRoute({ waypoints: [[45.837091, 126.477776], [45.85893, 126.560853]], winter: true });
      await map.flyTo({ lat: 45.8412345, lon: 126.5154321, zoom: 15.5 });
    });
    // The URL follows the state once the view has been still for a moment (the session's debounce).
    let url;
    for (let i = 0; i < 50; i++) {
      url = new URL(mapFrame(page).url());
      if (url.hash.startsWith('#map=15.5/') && url.searchParams.has('route')) break;
      await page.waitForTimeout(100);
    }
    const q = url.searchParams;
    const [zoom, lat, lon] = url.hash.slice('#map='.length).split('/').map(Number);
    const answers = await page.evaluate(async () => ({
      view: await map.getView(), selection: await map.getSelection(), filter: await map.getFilter(),
      route: await map.getRoute(), layers: await map.getLayers(),
    }));
    assert.deepEqual(answers.view, { lat, lon, zoom });
    assert.equal(`${answers.selection.kind}:${answers.selection.id}`, q.get('sel'));
    const [capMin, capMax] = q.get('cap').split('-').map((x) => (x === '' ? null : Number(x)));
    const [yrMin, yrMax] = q.get('yr').split('-').map((x) => (x === '' ? null : Number(x)));
    assert.deepEqual(answers.filter, { industries: q.get('ind').split(','), zone: q.get('zone'),
      capitalMin: capMin, capitalMax: capMax, foundedMin: yrMin, foundedMax: yrMax });
    assert.deepEqual(answers.route, { waypoints: q.get('route').split(';').map((p) => p.split(',').map(Number)), winter: q.get('winter') === '1' });
    assert.deepEqual(answers.layers.hidden, q.get('hide').split(','));
    assert.deepEqual(answers.filter.industries, ['digital_economy', 'new_materials']);
    assert.deepEqual(pageErrors, []);
  });
});

test('every event reaches its `on` handlers, and `*` hears them all', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    await page.evaluate(async () => {
      window.got = [];
      window.map = ParkMap.embed('#a', { lang: 'en' });
      for (const type of ['ready', 'companySelected', 'zoneSelected', 'viewChanged', 'routeChanged', 'resize', 'error']) {
        map.on(type, (e) => got.push({ via: type, ...e }));
      }
      window.all = [];
      const every = (e) => all.push(e.type);
      map.on('*', every);
      await map.ready();
      await map.selectCompany('c0001');
      await map.selectZone('z09');
      await map.planRoute({ waypoints: [[45.837091, 126.477776], [45.85893, 126.560853]] });
      // Another script of the page sends a bad command: its error event reaches the handlers.
      map.iframe.contentWindow.postMessage({ source: 'parkmap', v: 1, type: 'flyTo', lat: 95, lon: 0 }, map.origin);
      map.off('*', every);
    });
    await page.waitForFunction(() => ['viewChanged', 'error'].every((t) => got.some((e) => e.via === t)));
    const got = await page.evaluate(() => window.got);
    for (const type of ['ready', 'companySelected', 'zoneSelected', 'viewChanged', 'routeChanged', 'resize', 'error']) {
      const e = got.find((x) => x.via === type);
      assert.ok(e, `${type} reached its handler`);
      assert.equal(e.type, type);
      assert.equal(e.source, 'parkmap');
    }
    assert.equal(got.find((e) => e.type === 'error').message, 'flyTo: "lat" 95 is out of range -90..90');
    assert.ok(!got.some((e) => e.type === 'ok'), 'acknowledgements settle promises, they are not events');
    const all = await page.evaluate(() => window.all);
    assert.ok(['ready', 'companySelected', 'zoneSelected', 'routeChanged'].every((x) => all.includes(x)), all.join());
    assert.ok(!all.includes('error'), 'off() stopped the `*` handler');
    assert.deepEqual(pageErrors, []);
  });
});

test("height: 'auto' follows the map's content height within the bounds", async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    await page.evaluate(async () => {
      window.heights = [];
      window.map = ParkMap.embed('#a', { lang: 'en', height: 'auto', minHeight: 450, maxHeight: 520 });
      map.on('resize', (e) => heights.push({ reported: e.height, frame: map.iframe.getBoundingClientRect().height }));
      await map.ready();
    });
    await page.waitForFunction(() => heights.length > 0);
    const frameHeight = () => page.evaluate(() => map.iframe.getBoundingClientRect().height);
    // 400 px to start, raised to the least height; the map then reports its new height.
    await page.waitForFunction(() => heights.some((h) => h.reported === 450));
    for (const h of await page.evaluate(() => heights)) {
      assert.equal(h.frame, Math.max(450, Math.min(520, h.reported)), JSON.stringify(h));
    }
    // The map's content grows taller than its frame (made so here, in the map's own document): the
    // frame follows it.
    await page.evaluate(() => map.setHeight('auto', { minHeight: 200, maxHeight: 2000 }));
    await mapFrame(page).evaluate(() => {
      document.documentElement.style.height = 'auto';
      document.body.style.height = 'auto';
      document.querySelector('.app').style.height = '450px';
      document.body.append(Object.assign(document.createElement('div'), { style: 'height: 900px' }));
    });
    await page.waitForFunction(() => map.iframe.getBoundingClientRect().height > 1300);
    const last = await page.evaluate(() => heights.at(-1));
    assert.ok(last.reported > 1300 && last.frame === last.reported, JSON.stringify(last));
    // Within the most height the page allows.
    await page.evaluate(() => map.setHeight('auto', { minHeight: 200, maxHeight: 520 }));
    assert.equal(await frameHeight(), 520);
    await mapFrame(page).evaluate(() => document.body.append(Object.assign(document.createElement('div'), { style: 'height: 50px' })));
    await page.waitForFunction(() => heights.at(-1).reported > 1350);
    assert.equal(await frameHeight(), 520);
    assert.deepEqual(pageErrors, []);
  });
});

test('destroy() leaves no iframe and no message listener; what waited rejects', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await page.addInitScript(COUNT_LISTENERS);
    await openKitPage(page, context);
    const result = await page.evaluate(async () => {
      const before = window.messageListeners;
      const a = ParkMap.embed('#a', { lang: 'en' });
      const b = ParkMap.embed('#b', { lang: 'en' });
      const during = window.messageListeners;
      const early = b.getView().catch((e) => e.message); // waits for ready, which never comes
      const ready = b.ready().catch((e) => e.message);
      b.destroy();
      await a.ready();
      await a.selectCompany('c0001');
      a.destroy();
      const el = document.createElement('park-map');
      document.body.append(el);
      await el.map.ready();
      el.remove();
      return { before, during, after: window.messageListeners, iframes: document.querySelectorAll('iframe').length,
        shadowIframes: el.shadowRoot.querySelectorAll('iframe').length, early: await early, ready: await ready,
        afterDestroy: await a.fitPark().catch((e) => e.message) };
    });
    assert.equal(result.during, result.before + 2);
    assert.equal(result.after, result.before, 'every message listener removed');
    assert.equal(result.iframes + result.shadowIframes, 0, 'no iframe left');
    assert.equal(result.early, 'ParkMap: this map was destroyed');
    assert.equal(result.ready, 'ParkMap: this map was destroyed');
    assert.equal(result.afterDestroy, 'ParkMap: this map was destroyed');
    assert.deepEqual(pageErrors, []);
  });
});

test('a message forged by another frame or the page itself is ignored', async (t) => {
  // A page of the map's own origin, framed beside the map on the partner page: it forges the map's
  // events and an answer to the kit's first request (pm1-1) until it is told to stop.
  suite.overrides['/forger.html'] = { type: 'text/html', body: `<!doctype html><title>forger</title><script>
    const forge = () => {
      for (const m of [{ type: 'ready', version: 'forged' }, { type: 'companySelected', id: 'forged', name: 'Forged' },
        { type: 'ok', command: 'getView', requestId: 'pm1-1', result: { lat: 1, lon: 2, zoom: 3 } }, { type: 'resize', height: 5000 }]) {
        parent.postMessage({ source: 'parkmap', v: 1, ...m }, '*');
      }
    };
    setInterval(forge, 20);</script>` };
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    const result = await page.evaluate(async (forger) => {
      const seen = [];
      const map = ParkMap.embed('#a', { lang: 'en', height: 'auto', minHeight: 300, maxHeight: 9000 });
      map.on('*', (e) => seen.push(`${e.type}:${e.id ?? e.version ?? ''}`));
      const view = map.getView(); // request pm1-1, answered by the map only
      const other = Object.assign(document.createElement('iframe'), { src: forger });
      document.body.append(other);
      await new Promise((r) => { other.onload = r; });
      // The page itself posts as if it were the map, too.
      window.postMessage({ source: 'parkmap', v: 1, type: 'companySelected', id: 'self', name: 'Self' }, '*');
      const answer = await view;
      await map.selectCompany('c0001');
      await new Promise((r) => setTimeout(r, 300));
      return { answer, seen, height: map.iframe.getBoundingClientRect().height };
    }, `${suite.url}forger.html`);
    assert.ok(Math.abs(result.answer.lat - 45.8) < 0.2, `the map's own view: ${JSON.stringify(result.answer)}`);
    assert.ok(result.seen.includes('companySelected:c0001'));
    assert.deepEqual(result.seen.filter((s) => /forged|self/i.test(s)), [], result.seen.join());
    assert.ok(result.height < 5000, 'a forged resize changes nothing');
    assert.deepEqual(pageErrors, []);
  });
  delete suite.overrides['/forger.html'];
});

test('two maps on one page never cross their replies or events', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await openKitPage(page, context);
    const result = await page.evaluate(async () => {
      const a = ParkMap.embed('#a', { lang: 'en', height: 300 });
      const b = ParkMap.embed('#b', { lang: 'ru', height: 300 });
      const events = { a: [], b: [] };
      a.on('*', (e) => events.a.push(e.type));
      b.on('*', (e) => events.b.push(e.type));
      await Promise.all([a.selectCompany('c0001'), b.selectZone('z09')]);
      const asked = [];
      for (let i = 0; i < 10; i++) asked.push(a.getSelection(), b.getSelection());
      const answers = (await Promise.all(asked)).map((s) => `${s.kind}:${s.id}`);
      const refusal = await Promise.allSettled([a.selectZone('nope'), b.selectZone('z09')]);
      return { answers, events, refusal: refusal.map((r) => r.status) };
    });
    assert.deepEqual(result.answers, Array.from({ length: 10 }, () => ['company:c0001', 'zone:z09']).flat());
    assert.ok(result.events.a.includes('companySelected') && !result.events.a.includes('zoneSelected'), result.events.a.join());
    assert.ok(result.events.b.includes('zoneSelected') && !result.events.b.includes('companySelected'), result.events.b.join());
    assert.deepEqual(result.refusal, ['rejected', 'fulfilled']);
    assert.deepEqual(pageErrors, []);
  });
});

test('the embed dialog offers the kit\'s two lines, with integrity on the hashed copy, and they embed the map', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors, context) => {
    await kitWithCors(context);
    await page.goto(`${suite.url}?lang=en&sel=zone:z09&hide=pois`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    assert.match(await dialog.locator('textarea').inputValue(), /^<iframe /, 'the plain iframe first');
    await dialog.getByLabel('<script> + <park-map>').check();
    await page.waitForFunction(() => document.getElementById('embed-code').value.includes('integrity='));
    const code = await dialog.locator('textarea').inputValue();
    const kit = fs.readFileSync(path.join(DIST, hashedKit()));
    const sri = `sha384-${crypto.createHash('sha384').update(kit).digest('base64')}`;
    const [script, element] = code.split('\n');
    assert.equal(script, `<script type="module" src="${suite.url}${hashedKit()}" integrity="${sri}" crossorigin="anonymous"></script>`);
    assert.match(element, /^<park-map lang="en" view="[\d.]+\/[\d.]+\/[\d.]+" selection="zone:z09" layers="context,zones,waterfront,greenway,companies" height="400" title="[^"]+"><\/park-map>$/);
    // Pasted into a partner page, the two lines alone show the map as the dialog's preview does.
    await page.goto(partnerPage('pasted', code));
    const frame = page.frameLocator('park-map iframe');
    await frame.locator('.panel #panel-title').waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('.map__poi, .map__poi-badge').count(), 0, 'pois hidden');
    assert.deepEqual(await page.evaluate(() => document.querySelector('park-map').map.getSelection()), { kind: 'zone', id: 'z09' });
    assert.deepEqual(pageErrors, []);
  });
});

test('nginx sends the kit, both names, with CORS; a page of another origin imports it', { skip: !hasNginx() && 'nginx is not installed' }, async (t) => {
  const nginx = await startNginx(DIST);
  t.after(() => nginx.close());
  const get = (url) => new Promise((resolve, reject) => {
    http.get(url, (res) => { res.resume(); res.on('end', () => resolve(res)); }).on('error', reject);
  });
  for (const [file, cache] of [['embed.js', 'no-cache'], [hashedKit(), 'public, max-age=31536000, immutable']]) {
    const res = await get(`${nginx.url}${file}`);
    assert.equal(res.statusCode, 200, file);
    assert.equal(res.headers['access-control-allow-origin'], '*', file);
    assert.match(res.headers['content-type'], /^application\/javascript/, file);
    assert.equal(res.headers['cache-control'], cache, file);
  }
  assert.equal((await get(nginx.url)).headers['access-control-allow-origin'], undefined, 'the page itself is not shared');
  const { integrity } = JSON.parse(fs.readFileSync(path.join(DIST, 'kit.json'), 'utf8'));
  await withPage(suite, t, {}, async (page, pageErrors) => {
    await page.goto(partnerPage('nginx', `<script type="module" src="${nginx.url}${hashedKit()}" integrity="${integrity}" crossorigin="anonymous"></script>`));
    await page.waitForFunction(() => customElements.get('park-map') !== undefined);
    const exported = await page.evaluate(async (u) => Object.keys(await import(u)).sort(), `${nginx.url}embed.js`);
    assert.deepEqual(exported, ['COMMANDS', 'LAYERS', 'ParkMap', 'ParkMapElement', 'ParkMapError', 'mapUrl']);
    assert.deepEqual(pageErrors, []);
  });
});
