// End to end: the site finder (issue 23) — filters that narrow the map and the list to the same
// sites, a site's panel with its neighbours and hubs, four sites compared, the printed one-page brief
// whose QR code opens the page's link, sel=site:ID links, and the embed API's site commands — at
// 1366 × 800 and 390 × 844, in zh, en and ru.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startSuite, withPage, waitForPark, readData } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const SITES = readData('sites.geojson').features.map((f) => f.properties);
const WORDS = {
  en: { open: 'Find a site', land: 'Land', office: 'Office', available: 'Available', compare: 'Add to comparison' },
  zh: { open: '选址', land: '土地', office: '办公', available: '可供', compare: '加入比较' },
  ru: { open: 'Участки', land: 'Земельный участок', office: 'Офис', available: 'Свободен', compare: 'Добавить к сравнению' },
};
const SIZES = [{ width: 1366, height: 800 }, { width: 390, height: 844 }];

/** Opens the finder from the header (on a phone it sits in the "more" menu). */
async function openFinder(page, lang) {
  const more = page.locator('.header__more-toggle');
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: WORDS[lang].open }).click();
  await page.locator('section.sites').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.sites__list tbody tr').length > 0, null, { timeout: 15000 });
}

/** The ids of the sites drawn strong (not dimmed) on the map, and of the list's rows. */
async function shownAndListed(page) {
  return page.evaluate(() => ({
    shown: [...document.querySelectorAll('.map__site:not(.map__site--dim)')].map((e) => e.dataset.select.slice(5)).sort(),
    listed: [...document.querySelectorAll('.sites__list tbody tr td:first-child')].map((td) => td.textContent),
  }));
}

for (const size of SIZES) {
  for (const lang of ['zh', 'en', 'ru']) {
    test(`${size.width}px ${lang}: filters narrow the map and the list to the same sites`, async (t) => {
      await withPage(suite, t, { viewport: size, hasTouch: size.width < 500 }, async (page, pageErrors) => {
        await page.goto(`${suite.url}?lang=${lang}`);
        await waitForPark(page);
        await openFinder(page, lang);
        const all = await shownAndListed(page);
        assert.equal(all.shown.length, SITES.length);
        assert.equal(all.listed.length, SITES.length);
        await page.locator('section.sites').getByLabel(WORDS[lang].land, { exact: true }).check();
        await page.locator('section.sites').getByLabel(WORDS[lang].available, { exact: true }).check();
        const expected = SITES.filter((s) => s.type === 'land' && s.status === 'available');
        await page.waitForFunction((n) => document.querySelectorAll('.sites__list tbody tr').length === n, expected.length);
        const narrowed = await shownAndListed(page);
        assert.deepEqual(narrowed.shown, expected.map((s) => s.id).sort(), 'the map shows exactly the matches');
        const names = expected.map((s) => s[`name_${lang}`] ?? s.name_en).sort();
        assert.deepEqual([...narrowed.listed].sort(), names, 'the list holds the same sites');
        assert.match(await page.locator('section.sites .explore__count').textContent(), new RegExp(`^${expected.length}\\D`));
        // the filter is in the URL and a reload keeps it
        await page.waitForFunction(() => /site_type=land/.test(location.search) && /site_status=available/.test(location.search));
        await page.reload();
        await waitForPark(page);
        await page.waitForFunction((n) => document.querySelectorAll('.sites__list tbody tr').length === n, expected.length);
        assert.equal(await page.locator('text=⟦missing⟧').count(), 0, 'every word translated');
        assert.deepEqual(pageErrors, []);
      });
    });
  }
}

test('a site\'s panel shows its attributes, neighbours by industry, nearest services and hubs', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    const site = SITES.find((s) => s.type === 'land');
    await page.goto(`${suite.url}?lang=en&sel=site:${site.id}`);
    const panel = page.locator('.panel');
    await panel.locator('#panel-title').waitFor();
    assert.equal(await panel.locator('#panel-title').textContent(), site.name_en);
    const text = await panel.locator('.panel__body > :not(.brief)').allTextContents().then((t) => t.join(' '));
    assert.match(text, /\d[\d,.]* m² · \d+[.,]\d ha · \d[\d,.]*[.,]\d mu/, 'the area in m², ha and mu');
    assert.match(text, /Companies within 500 m \(\d+\)/);
    assert.match(text, /Companies within 1 km \(\d+\)/);
    assert.match(text, /Harbin Taiping International Airport — \d+[.,]\d km · about .* by car/);
    assert.match(text, /As the crow flies; drive times are indicative/);
    // a neighbour is a button that selects its company
    const group = panel.locator('details.sites__group').first();
    if (await group.count()) {
      await group.locator('summary').click();
      const company = group.getByRole('button').first();
      const name = await company.textContent();
      await company.click();
      await page.waitForFunction((n) => document.querySelector('#panel-title')?.textContent === n, name);
    }
    // the office: a mailto link with the site's id in its subject
    await page.goto(`${suite.url}?lang=en&sel=site:${site.id}`);
    await panel.locator('#panel-title').waitFor();
    const mail = await page.locator('.panel__body > p > .sites__contact').getAttribute('href');
    assert.match(mail, new RegExp(`^mailto:[^?]+\\?subject=.*${site.id}`));
  });
});

test('four sites compare side by side, the best value of each row marked, a fifth refused', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await openFinder(page, 'en');
    const toggles = page.locator('.sites__list .sites__compare-toggle');
    for (let i = 0; i < 4; i++) await toggles.nth(i).click();
    const table = page.locator('.sites__compare');
    await table.waitFor();
    assert.equal(await table.locator('thead th').count(), 5, 'a label column and four sites');
    assert.ok(await table.locator('td.compare__best').count() > 0, 'best values marked');
    const area = table.locator('tr', { hasText: 'Area' });
    assert.equal(await area.locator('td').count(), 4);
    await toggles.nth(4).click();
    assert.equal(await table.locator('thead th').count(), 5, 'still four');
  });
});

test('printed with a site open, the page is the site\'s one-page brief; its QR code opens the page\'s link', async (t) => {
  await withPage(suite, t, { viewport: { width: 1366, height: 800 } }, async (page) => {
    const site = SITES.find((s) => s.type === 'office') ?? SITES[0];
    await page.goto(`${suite.url}?lang=zh&sel=site:${site.id}`);
    await page.locator('.panel #panel-title').waitFor();
    await page.waitForFunction((id) => location.search.includes(`sel=site:${id}`), site.id);
    await page.waitForTimeout(600); // the URL's view follows the flight
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, 'one A4 page');
    // In print media at an A4 page's width, nothing of the brief is clipped or outside the page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1047 }); // A4 at 96 dpi less the 10 mm margins
    const brief = page.locator('.brief');
    await brief.waitFor();
    const box = await brief.boundingBox();
    assert.ok(box.height <= 1047 && box.width <= 718, `the brief fits: ${box.width} × ${box.height}`);
    const clipped = await page.evaluate(() => [...document.querySelectorAll('.brief *')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible' && e.clientWidth > 0)
      .map((e) => e.className));
    assert.deepEqual(clipped.filter((c) => !String(c).includes('brief__extract')), [], 'nothing clipped');
    assert.equal(await page.locator('.header').isVisible(), false, 'no header on paper');
    // The QR code decodes to the page's link.
    const png = PNG.sync.read(await page.locator('.brief__qr svg').screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(code, 'a QR code was read');
    assert.equal(code.data, page.url());
    assert.equal(await page.locator('.brief__url').textContent(), page.url());
  });
});

test('the embed API selects and filters sites and reports the selection', async (t) => {
  const host = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>host</title><iframe id="map" src="${src}" width="900" height="600" title="map"></iframe>
      <script>window.events = []; addEventListener('message', (e) => window.events.push(e.data));</script>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => host.close(r)));
  await withPage(suite, t, {}, async (page) => {
    const hostOrigin = `http://127.0.0.1:${host.address().port}`;
    const src = `${suite.url}?embed=1&lang=en&origins=${encodeURIComponent(hostOrigin)}`;
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(() => window.events.some((e) => e.type === 'ready'), null, { timeout: 30000 });
    const send = (m) => page.evaluate(([msg, to]) => document.getElementById('map').contentWindow
      .postMessage({ source: 'parkmap', v: 1, ...msg }, to), [m, new URL(suite.url).origin]);
    const site = SITES[3];
    await send({ type: 'selectSite', id: site.id, requestId: 's1' });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'ok' && e.requestId === 's1'), null, { timeout: 20000 });
    const selected = (await page.evaluate(() => window.events)).find((e) => e.type === 'siteSelected');
    assert.deepEqual({ id: selected.id, name: selected.name }, { id: site.id, name: site.name_en });
    const frame = page.frameLocator('#map');
    assert.equal(await frame.locator('.panel #panel-title').textContent(), site.name_en);
    await send({ type: 'selectSite', id: 'nope', requestId: 's2' });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'error' && e.requestId === 's2'));
    const error = (await page.evaluate(() => window.events)).find((e) => e.requestId === 's2');
    assert.equal(error.message, 'selectSite: no site with id "nope"');
    await send({ type: 'filterSites', types: ['office'], requestId: 's3' });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'ok' && e.requestId === 's3'));
    const offices = SITES.filter((s) => s.type === 'office').length;
    await frame.locator('section.sites').waitFor();
    assert.equal(await frame.locator('.sites__list tbody tr').count(), offices);
    await send({ type: 'getSelection', requestId: 's4' });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'ok' && e.requestId === 's4'));
    const answer = (await page.evaluate(() => window.events)).find((e) => e.requestId === 's4');
    assert.deepEqual(answer.result, { kind: 'site', id: site.id });
  });
});
