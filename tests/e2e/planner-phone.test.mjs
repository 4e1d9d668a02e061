// End to end: planning a walk as a tourist does it (issue 26), at 390 × 844 with touch in English
// and Russian and at 1366 × 800 with a mouse — the map's controls only move the map (never a route
// point), the planned route lands in the part of the map the sheet leaves free with its distance in
// sight, printing gives the route and no control at either width, errors number points from 1,
// and the embedded map's "Open the full map" keeps what the visitor saw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark, readData } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const poi = (id) => readData('pois.geojson').features.find((f) => f.properties.id === id);
const latlon = (id) => `${poi(id).geometry.coordinates[1]},${poi(id).geometry.coordinates[0]}`;
const WEST_GATE = 'p01';
const EAST_GATE = 'p02';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 800 } };
const SCENES = [['390 × 844, touch, en', PHONE, 'en'], ['390 × 844, touch, ru', PHONE, 'ru'], ['1366 × 800, mouse, en', DESKTOP, 'en']];
const DISTANCE = { en: /Distance (\d+[.,]\d+) km/, ru: /Расстояние (\d+[.,]\d+) км/ };

const planned = (page, lang) => page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.planner__summary')?.textContent),
  DISTANCE[lang].source, { timeout: 20000 });
const routeParam = (page) => new URL(page.url()).searchParams.get('route');
const box = (page, sel) => page.evaluate((s) => {
  const r = document.querySelector(s)?.getBoundingClientRect();
  return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
}, sel);

/** Waits until the route's box on screen has not moved for a few frames (a flight has ended). */
async function settledRoute(page) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await box(page, '.map__route'));
    if (now === last) return JSON.parse(now);
    last = now;
    await page.waitForTimeout(150);
  }
  throw new Error('the route kept moving');
}

for (const [name, options, lang] of SCENES) {
  test(`${name}: with the planner open, no map control adds a route point`, async (t) => {
    await withPage(suite, t, options, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}&route=${latlon(WEST_GATE)};${latlon(EAST_GATE)}`);
      await waitForPark(page);
      await planned(page, lang);
      await page.waitForTimeout(800); // the first URL update and the route's flight
      const route = routeParam(page);
      const summary = await page.locator('.planner__summary').textContent();
      assert.match(route, /^45\.\d+,126\.\d+;45\.\d+,126\.\d+$/);
      // every control over the map a finger or a mouse can reach: those the sheet does not cover
      const controls = await page.evaluate(() => [...document.querySelectorAll(
        '.controls__button, .north, .scalebar, .legend__toggle, .attribution__text, .attribution__about, .open-full')]
        .map((e, i) => { e.dataset.probe = String(i); const r = e.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { probe: String(i), name: e.className, reachable: r.width > 0 && !!top && e.contains(top) }; })
        .filter((c) => c.reachable));
      const names = controls.map((c) => c.name);
      for (const wanted of ['controls__button', 'north', 'legend__toggle']) {
        assert.ok(names.some((n) => n.includes(wanted)), `${wanted} is there to try: ${names}`);
      }
      for (const c of controls) {
        const el = page.locator(`[data-probe="${c.probe}"]`);
        if (options.hasTouch) await el.tap(); else await el.click();
        await page.waitForTimeout(450);
        if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape'); // About
        assert.equal(await page.locator('.map__waypoint').count(), 2, `after ${c.name}: still two points`);
      }
      await page.waitForTimeout(400);
      assert.equal(routeParam(page), route, 'the URL keeps the route');
      assert.equal(await page.locator('.planner__summary').textContent(), summary);
    });
  });

  test(`${name}: West Gate → East Gate lands in the free part of the map, its distance in sight`, async (t) => {
    await withPage(suite, t, options, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}`);
      await waitForPark(page);
      await page.locator('.header__plan').click();
      const add = page.locator('.planner__select');
      await add.selectOption(WEST_GATE);
      await add.selectOption(EAST_GATE);
      await planned(page, lang);
      const route = await settledRoute(page);
      const map = await box(page, '.map');
      const sheet = await box(page, '.sidebar--open');
      const inMap = route.left >= map.left - 1 && route.right <= map.right + 1 && route.top >= map.top - 1 && route.bottom <= map.bottom + 1;
      assert.ok(inMap, `the route ${JSON.stringify(route)} is inside the map ${JSON.stringify(map)}`);
      const overlaps = route.left < sheet.right && sheet.left < route.right && route.top < sheet.bottom && sheet.top < route.bottom;
      assert.ok(!overlaps, `the route ${JSON.stringify(route)} is clear of the sheet ${JSON.stringify(sheet)}`);
      const km = Number(DISTANCE[lang].exec(await page.locator('.planner__summary').textContent())[1].replace(',', '.'));
      assert.ok(Math.abs(km - 6.86) < 0.005, `West Gate → East Gate is 6.86 km: ${km}`);
      // in sight without scrolling, and still after the sheet is scrolled to its end
      for (const scrolled of [false, true]) {
        if (scrolled) await page.evaluate(() => { const s = document.querySelector('.sidebar--open'); s.scrollTop = s.scrollHeight; });
        const s = await box(page, '.planner__summary');
        const visible = await box(page, '.sidebar--open');
        assert.ok(s.top >= visible.top - 1 && s.bottom <= visible.bottom + 1 && s.bottom <= 844 + 1,
          `the summary ${JSON.stringify(s)} is in the sheet's visible part ${JSON.stringify(visible)} (scrolled: ${scrolled})`);
      }
    });
  });

  test(`${name}: print shows the route, its itinerary and link, and no control`, async (t) => {
    await withPage(suite, t, options, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}&route=${latlon(WEST_GATE)};${latlon(EAST_GATE)}`);
      await waitForPark(page);
      await planned(page, lang);
      await page.waitForTimeout(800); // the URL follows the state at the first idle moment
      await page.emulateMedia({ media: 'print' });
      const print = page.locator('.route-print');
      assert.equal(await print.isVisible(), true, 'the printed route');
      for (const sel of ['.map', '.controls', '.legend', '.north', '.search', 'header.header', '.attribution', '.planner', '.planner__select']) {
        assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
      }
      const frame = await box(page, '.route-print__map');
      const line = await box(page, '.route-print__map .route-print__line');
      assert.ok(line.width > 20 && line.left >= frame.left - 1 && line.right <= frame.right + 1
        && line.top >= frame.top - 1 && line.bottom <= frame.bottom + 1, `the route ${JSON.stringify(line)} is whole in the map ${JSON.stringify(frame)}`);
      assert.equal(await page.locator('.route-print__dot').count(), 2);
      const zoneNames = await page.locator('.route-print__zone').allTextContents();
      const script = { en: /^[A-Za-z&' .-]+$/, ru: /[А-Яа-яЁё]/, zh: /[\u4e00-\u9fff]/ }[lang];
      assert.ok(zoneNames.length >= 2 && zoneNames.every((z) => script.test(z)),
        `the printed map names the zones around the route in the page's language: ${zoneNames.join(' | ')}`);
      assert.ok(await page.locator('.route-print li').count() >= 4, 'points and itinerary');
      assert.match(await page.locator('.route-print__summary').textContent(), DISTANCE[lang]);
      const url = await page.locator('.route-print__url').textContent();
      assert.equal(new URL(url).searchParams.get('route'), routeParam(page), 'the printed link carries the route');
      assert.equal(await page.locator('.route-print__qr svg.qr path').count(), 1, 'and its QR code');
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, `${pages} pages`);
    });
  });
}

test('a route error names its points from 1, as the list does', async (t) => {
  await withPage(suite, t, PHONE, async (page) => {
    // the point a tap on "fit" used to drop: outside the park, far from any trail
    await page.goto(`${suite.url}?lang=en&route=45.88249,126.47868;${latlon(EAST_GATE)}`);
    await waitForPark(page);
    await page.waitForFunction(() => /No route/.test(document.querySelector('.planner__summary')?.textContent));
    const text = await page.locator('.planner__summary').textContent();
    assert.match(text, /^No route: point 1 is \d+ m from the nearest usable trail/);
    assert.deepEqual(await page.locator('.planner__badge').allTextContents(), ['1', '2']);
  });
});

test('switching to a loop keeps the other points for when the visitor switches back', async (t) => {
  await withPage(suite, t, DESKTOP, async (page) => {
    await page.goto(`${suite.url}?lang=en&route=${latlon(WEST_GATE)};${latlon(EAST_GATE)}`);
    await waitForPark(page);
    await planned(page, 'en');
    await page.getByRole('button', { name: 'A loop' }).click();
    await page.getByText('Your other points are kept for “From A to B”.').waitFor();
    assert.equal(await page.locator('.map__waypoint').count(), 1);
    await page.getByRole('button', { name: 'From A to B' }).click();
    await planned(page, 'en');
    assert.match(await page.locator('.planner__waypoints').textContent(), /West Gate.*East Gate/s);
  });
});

test('in Russian the number fields read and show a comma, and "км/ч" stays whole', async (t) => {
  await withPage(suite, t, PHONE, async (page) => {
    await page.goto(`${suite.url}?lang=ru&route=${latlon(WEST_GATE)};${latlon(EAST_GATE)}`);
    await waitForPark(page);
    await planned(page, 'ru');
    const walk = page.getByLabel('Скорость пешком (км/ч)');
    assert.equal(await walk.inputValue(), '4,5');
    const before = await page.locator('.planner__summary').textContent();
    await walk.fill('3,5');
    await walk.press('Enter');
    await walk.blur();
    await page.waitForFunction((b) => document.querySelector('.planner__summary').textContent !== b, before);
    assert.equal(await walk.inputValue(), '3,5');
    assert.match(await page.locator('.planner__summary').textContent(), /Пешком 1 ч 58 мин/);
    // the unit never breaks: one line high wherever the label wraps
    for (const unit of await page.locator('.planner__unit').all()) {
      const rects = await unit.evaluate((e) => e.getClientRects().length);
      assert.equal(rects, 1, `${await unit.textContent()} on one line`);
    }
  });
});

test('the embed\'s "Open the full map" carries the language, the view of the moment and the selection', async (t) => {
  await withPage(suite, t, { viewport: { width: 600, height: 400 } }, async (page, pageErrors, context) => {
    await page.goto(`${suite.url}?embed=1&lang=en&sel=zone:z09&hide=pois#map=14.1/45.84033/126.51972`);
    await waitForPark(page);
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-select="zone:z03"]').dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(800); // the flight to the zone ends, the URL follows
    const link = page.locator('.open-full');
    // a keyboard user reaches the link: its address is the full map's already (copy, or Enter)
    await link.focus();
    const focused = new URL(await link.getAttribute('href'));
    assert.equal(focused.searchParams.get('sel'), 'zone:z03', focused.href);
    assert.equal(focused.searchParams.get('lang'), 'en');
    assert.equal(focused.searchParams.get('embed'), null);
    // the view moves and the link is pressed at once, before the URL has followed the view
    const pressed = await page.evaluate(() => {
      const map = document.querySelector('.map');
      map.focus();
      map.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      const a = document.querySelector('.open-full');
      a.addEventListener('click', (e) => e.preventDefault(), { once: true });
      a.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      a.click();
      return { href: a.href, shown: location.hash };
    });
    await page.waitForTimeout(600); // the embed's own URL follows the view once it has settled
    const now = new URL(page.url()).hash;
    assert.notEqual(now, pressed.shown, 'the view moved');
    assert.equal(new URL(pressed.href).hash, now, 'the link had the view of the moment it was pressed');
    // followed with the mouse: the full app, not embedded, with everything else the URL holds
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const url = new URL(full.url());
    assert.equal(url.searchParams.get('embed'), null, 'not embedded');
    assert.equal(url.searchParams.get('lang'), 'en');
    assert.equal(url.searchParams.get('sel'), 'zone:z03');
    assert.equal(url.searchParams.get('hide'), 'pois');
    assert.equal(url.hash, now);
    await full.close();
    assert.deepEqual(pageErrors, []);
  });
});

test('the attribution\'s "About the data" is on screen at 320 and 390 px and in a 300 × 200 embed', async (t) => {
  for (const [width, height, query] of [[320, 700, '?lang=ru'], [390, 844, '?lang=en'], [300, 200, '?embed=1&lang=ru']]) {
    await withPage(suite, t, { viewport: { width, height } }, async (page) => {
      await page.goto(suite.url + query);
      await waitForPark(page);
      const about = await box(page, '.attribution__about');
      assert.ok(about.width > 0 && about.left >= 0 && about.right <= width && about.bottom <= height,
        `${width} × ${height}: ${JSON.stringify(about)}`);
      await page.locator('.attribution__about').click();
      await page.getByRole('dialog').waitFor();
    });
  }
});

test('at 1366 × 800 the "Legend and layers" box keeps clear of the company bubbles', async (t) => {
  await withPage(suite, t, DESKTOP, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const covered = () => page.evaluate(() => {
      const legend = document.querySelector('.legend').getBoundingClientRect();
      return [...document.querySelectorAll('.map__cluster, [data-select^="company:"]')]
        .map((e) => ({ label: e.getAttribute('aria-label'), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.left < legend.right && legend.left < r.right && r.top < legend.bottom && legend.top < r.bottom)
        .map(({ label }) => label);
    });
    // the first view, then two steps closer (the legend moves once the view has been still)
    for (const step of [0, 1, 2]) {
      if (step) await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.waitForTimeout(1200);
      assert.deepEqual(await covered(), [], `zoom step ${step}: no company bubble under the legend`);
    }
  });
});
