// End to end: what a visitor does with the built release bundle in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, readData, parseMatrix, waitForPark, gotoCompany, countCompanies } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const world = async (page) => parseMatrix(await page.locator('.map__world').getAttribute('transform'));

test('the shipped park loads with every layer drawn and no errors', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const companies = readData('companies.geojson').features.length;
    const zones = readData('zones.geojson').features.length;
    const greenway = readData('greenway.geojson').features.length;
    const waterfront = readData('waterfront.geojson').features.length;
    assert.equal(await countCompanies(page), companies, 'every company drawn (alone or in a cluster) at the fitted view');
    assert.ok(await page.locator('.map__cluster').count() > 0, 'nearby companies merge into clusters when zoomed out');
    assert.equal(await page.locator('.map__zone').count(), zones);
    assert.equal(await page.locator('.map__trail--greenway').count(), greenway);
    assert.equal(await page.locator('.map__trail--waterfront').count(), waterfront);
    assert.ok(await page.locator('.map__context--river').count() >= 1);
    assert.equal(await page.locator('[role=alert]').count(), 0, 'no data errors on the shipped park');
    assert.equal(await page.locator('h1').innerText(), 'Shenzhen-Harbin Industrial Park');
    assert.match(await page.locator('.attribution').textContent(), /illustrative/i);
    assert.deepEqual(pageErrors, []);
  });
});

test('clicking a company opens its panel and Escape closes it', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await gotoCompany(page, suite.url, '?lang=en', 'Huawei');
    const marker = page.locator('.map__company[aria-label^="Huawei"]');
    assert.equal(await marker.count(), 1);
    await marker.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), 'Huawei');
    assert.match(await dialog.textContent(), /Registered capital/);
    assert.match(await dialog.textContent(), /Digital economy/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

test('clicking a zone shows its area and companies; choosing one flies to it', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    // The zone holding Huawei; its polygon is crowded with markers, so the click is dispatched on it.
    const zone = readData('companies.geojson').features.find((f) => f.properties.name_en === 'Huawei').properties.zone;
    await page.locator(`[data-select="zone:${zone}"]`).dispatchEvent('click');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /Area[\d.\s]+km²/);
    const items = dialog.locator('.panel__list button');
    const expected = readData('companies.geojson').features.filter((f) => f.properties.zone === zone).length;
    assert.equal(await items.count(), expected);
    await dialog.getByRole('button', { name: 'Huawei', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#panel-title')?.textContent === 'Huawei');
    // after the flight the company sits at the centre of the map
    await page.waitForTimeout(700);
    const box = await page.locator('.map').boundingBox();
    const m = await page.locator('.map__company[aria-label^="Huawei"] .map__marker-dot').boundingBox();
    assert.ok(Math.abs(m.x + m.width / 2 - (box.x + box.width / 2)) < 3, 'centred horizontally');
    assert.ok(Math.abs(m.y + m.height / 2 - (box.y + box.height / 2)) < 3, 'centred vertically');
  });
});

test('dragging pans the map by the distance dragged', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const before = await world(page);
    const box = await page.locator('.map').boundingBox();
    const x = box.x + 200, y = box.y + box.height - 120;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x + 12 * i, y - 6 * i);
    // mid-drag the layers are not rebuilt: only the svg element moves (a CSS transform)
    assert.equal(await page.locator('.map__pane').evaluate((e) => e.style.transform), 'translate(120px, -60px)');
    assert.deepEqual(await world(page), before);
    await page.mouse.up();
    const after = await world(page);
    assert.ok(Math.abs(after.tx - before.tx - 120) < 0.05, `tx moved ${after.tx - before.tx}`);
    assert.ok(Math.abs(after.ty - before.ty + 60) < 0.05, `ty moved ${after.ty - before.ty}`);
    assert.equal(after.scale, before.scale);
  });
});

test('the wheel zooms in anchored at the cursor', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const before = await world(page);
    const box = await page.locator('.map').boundingBox();
    const cx = 300, cy = 250; // relative to the map element
    await page.mouse.move(box.x + cx, box.y + cy);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((s) => {
      const t = document.querySelector('.map__world').getAttribute('transform');
      return Number(/matrix\(([^ ]+)/.exec(t)[1]) > s * 1.5;
    }, before.scale);
    const after = await world(page);
    // the world point under the cursor stays under the cursor
    const wx = (cx - before.tx) / before.scale, wy = (cy - before.ty) / before.scale;
    assert.ok(Math.abs(wx * after.scale + after.tx - cx) < 0.5);
    assert.ok(Math.abs(wy * after.scale + after.ty - cy) < 0.5);
  });
});

test('double-click zooms in one level at the pointer', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const before = await world(page);
    const box = await page.locator('.map').boundingBox();
    // a spot of bare map (no marker, badge, cluster or control under it), scanning from the lower left
    const spot = await page.evaluate(() => {
      const map = document.querySelector('.map').getBoundingClientRect();
      for (let y = map.bottom - 100; y > map.top + 100; y -= 20) {
        for (let x = map.left + 120; x < map.right - 120; x += 20) {
          const e = document.elementFromPoint(x, y);
          if (e && e.closest('.map__svg') && !e.closest('[data-select], [data-fit], [data-badge]')) return { x: x - map.left, y: y - map.top };
        }
      }
      return null;
    });
    assert.ok(spot, 'a bare spot of map');
    await page.mouse.dblclick(box.x + spot.x, box.y + spot.y);
    await page.waitForTimeout(700);
    const after = await world(page);
    assert.ok(Math.abs(after.scale / before.scale - 2) < 1e-6, `scale ratio ${after.scale / before.scale}`);
    const wx = (spot.x - before.tx) / before.scale;
    assert.ok(Math.abs(wx * after.scale + after.tx - spot.x) < 0.5, 'point under the pointer stays put');
  });
});

test('keyboard: arrows pan and plus zooms when the map has focus; Enter opens a focused marker', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await gotoCompany(page, suite.url, '?lang=en', 'Neusoft', 18);
    await page.locator('.map').focus();
    const before = await world(page);
    await page.keyboard.press('ArrowLeft');
    const panned = await world(page);
    assert.ok(Math.abs(panned.tx - before.tx - 80) < 0.05);
    await page.keyboard.press('+');
    await page.waitForFunction((s) => Number(/matrix\(([^ ]+)/.exec(document.querySelector('.map__world')
      .getAttribute('transform'))[1]) > s * 1.9, before.scale);
    await page.locator('.map__company[aria-label^="Neusoft"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    assert.equal(await page.locator('#panel-title').textContent(), 'Neusoft');
  });
});

test('a layer served with HTTP 500 shows its alert and the other layers still draw', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.route('**/greenway.geojson', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /greenway\.geojson: HTTP 500/);
    assert.equal(await page.locator('.map__trail--greenway').count(), 0);
    assert.ok(await page.locator('.map__zone').count() >= 10);
    assert.ok(await page.locator('.map__trail--waterfront').count() > 0);
  });
});

test('when every layer fails the map says so instead of staying blank', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.route('**/*.geojson', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${suite.url}?lang=en`);
    await page.locator('.map--failed').waitFor();
    assert.match(await page.locator('.map--failed').textContent(), /Nothing to draw/);
    assert.match(await page.locator('.alerts').textContent(), /companies\.geojson: HTTP 503/);
  });
});

test('a broken layer file is reported with its location and the rest of the park draws', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en&park=/fixtures/mini/park.json`);
    await waitForPark(page);
    await page.route('**/fixtures/mini/zones.geojson', (r) => r.fulfill({ status: 200, body: '{"type":"FeatureCollection","features":[' }));
    await page.reload();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /zones\.geojson:1:\d+: malformed JSON/);
    await waitForPark(page); // the other layers may still be arriving when the alert shows
    assert.equal(await page.locator('.map__company').count(), 3);
  });
});

test('?park= refuses a javascript: URL with a clear message', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    await page.goto(`${suite.url}?lang=en&park=${encodeURIComponent('javascript:alert(1)')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /only relative, same-origin or https: URLs are allowed/);
    assert.deepEqual(pageErrors, []);
  });
});

test('Chinese is the default language and the panel formats capital in 亿/万', async (t) => {
  await withPage(suite, t, { locale: 'de-DE' }, async (page) => {
    await gotoCompany(page, suite.url, '', 'Huawei');
    assert.equal(await page.locator('h1').innerText(), '深哈产业园');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    await page.locator('.map__company[aria-label^="Huawei"]').click();
    await page.getByRole('dialog').waitFor();
    assert.match(await page.getByRole('dialog').textContent(), /¥[\d.]+(亿|万)/);
    assert.doesNotMatch(await page.locator('body').textContent(), /⟦missing⟧/);
  });
});

test('the layout is a bottom sheet on a 360 px phone and the map fills the screen', async (t) => {
  await withPage(suite, t, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await gotoCompany(page, suite.url, '?lang=en', 'Huawei');
    const map = await page.locator('.map').boundingBox();
    assert.equal(Math.round(map.width), 360);
    assert.equal(await page.locator('.legend__layers').count(), 0, 'legend starts folded on a phone');
    await page.locator('.map__company[aria-label^="Huawei"]').tap();
    const sheet = await page.getByRole('dialog').boundingBox();
    assert.ok(sheet.y > 740 * 0.4, 'panel sits at the bottom');
    assert.equal(Math.round(sheet.width), 360);
    for (const b of await page.locator('.controls__button, .panel__close').all()) {
      const r = await b.boundingBox();
      assert.ok(r.width >= 44 && r.height >= 44, 'touch targets of at least 44 px');
    }
  });
});

test('resizing the window keeps the map filling its container', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForTimeout(200);
    const map = await page.locator('.map').boundingBox();
    const svg = await page.locator('.map__svg').boundingBox();
    assert.equal(Math.round(svg.width), Math.round(map.width));
    assert.equal(Math.round(svg.height), Math.round(map.height));
    // the view's size follows: the centre of the map is still the viewport centre
    const { scale, tx, ty } = await world(page);
    assert.ok(Number.isFinite(scale) && Number.isFinite(tx) && Number.isFinite(ty));
  });
});
