// End to end: accessibility. axe-core (npm) finds zero violations on the full page, an open company
// panel, a zone panel in Chinese and embed mode in Russian; keyboard users can reach and move between
// markers; selections are announced; panels give focus back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, withPage, waitForPark, gotoCompany, ROOT } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const SCENES = [
  ['the full page', '?lang=en', null],
  ['an open company panel, opened from a link', '?lang=en&sel=company:c0001', null],
  ['the explore panel, the list and a filter', '?lang=en&ind=digital_economy', '.header__actions > button:first-child'],
  ['a zone panel in Chinese', '?lang=zh', '[data-select="zone:z09"]'],
  ['embed mode in Russian', '?lang=ru&embed=1', null],
  ['the route planner with a route', '?lang=en&route=45.837091,126.477776;45.85893,126.560853', null],
  ['a phone with a trail panel', '?lang=en', '[data-select="trail:g01"]', { viewport: { width: 360, height: 740 } }],
];

for (const [name, query, click, options] of SCENES) {
  test(`axe-core finds no violations: ${name}`, async (t) => {
    await withPage(suite, t, options || {}, async (page) => {
      await page.goto(suite.url + query);
      await waitForPark(page);
      if (click) {
        await page.locator(click).dispatchEvent('click');
        await page.locator('[role=dialog], .explore').first().waitFor();
      }
      if (query.includes('sel=')) await page.getByRole('dialog').waitFor();
      if (name.includes('list')) await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.waitForTimeout(500);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}

test('keyboard: Tab reaches the map and its markers; arrows move between nearby markers', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await gotoCompany(page, suite.url, '?lang=en', 'Huawei', 18);
    await page.locator('.map__company[aria-label^="Huawei"]').focus();
    const start = await page.evaluate(() => document.activeElement.getAttribute('data-select'));
    const before = await page.locator('.map__world').getAttribute('transform');
    const seen = new Set([start]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      const now = await page.evaluate(() => document.activeElement.getAttribute('data-select'));
      const fit = await page.evaluate(() => document.activeElement.hasAttribute('data-fit'));
      assert.ok((now && /^(company|poi):/.test(now)) || fit, `${key} kept focus on a marker`);
      seen.add(now);
    }
    assert.ok(seen.size >= 3, `focus moved between markers: ${[...seen]}`);
    assert.equal(await page.locator('.map__world').getAttribute('transform'), before, 'arrows on a marker do not pan');
    // visible focus
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.map__marker-hit')).fill);
    assert.notEqual(outline, 'rgba(0, 0, 0, 0)');
  });
});

test('a selection is announced and the panel gives focus back on close', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await gotoCompany(page, suite.url, '?lang=en', 'Neusoft');
    const marker = page.locator('.map__company[aria-label^="Neusoft"]');
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('panel__close'));
    assert.equal(await page.locator('[aria-live="polite"]').first().textContent(), 'Selected: Neusoft');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')?.split(' — ')[0]), 'Neusoft');
  });
});

test('every language renders with no untranslated key', async (t) => {
  for (const lang of ['zh', 'en', 'ru']) {
    await withPage(suite, t, {}, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}`);
      await waitForPark(page);
      await page.locator('[data-select="zone:z01"]').dispatchEvent('click');
      await page.getByRole('dialog').waitFor();
      await page.getByRole('button').filter({ hasText: /^(嵌入|Embed|Встроить)$/ }).click();
      const text = await page.locator('body').innerText();
      assert.doesNotMatch(text, /⟦missing⟧/, `${lang}: an untranslated key`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
    });
  }
});

// Issue 26: the map is one Tab stop (its features are reached with digits and arrows), so from the
// map a company, the zoom buttons and the planner are each a few key presses away.
for (const [width, height] of [[1366, 800], [390, 844]]) {
  test(`keyboard at ${width} px: the map is one Tab stop; a company, the zoom buttons and the planner within 5 presses`, async (t) => {
    await withPage(suite, t, { viewport: { width, height } }, async (page) => {
      await page.goto(`${suite.url}?lang=en`);
      await waitForPark(page);
      const active = () => page.evaluate(() => {
        const e = document.activeElement;
        return { cls: e?.getAttribute('class') ?? '', select: e?.getAttribute('data-select'), fit: e?.hasAttribute('data-fit'),
          label: e?.getAttribute('aria-label'), map: e?.classList.contains('map') };
      });
      assert.equal(await page.locator('.map__pane [tabindex]:not([tabindex="-1"])').count(), 0, 'no feature is a Tab stop');
      assert.ok(await page.locator('.map__pane [tabindex="-1"][role="button"]').count() > 20, 'but every feature is focusable');
      // the zoom buttons: one Tab
      await page.locator('.map').focus();
      await page.keyboard.press('Tab');
      assert.equal((await active()).label, 'Zoom in');
      // back to the map by keyboard: its keys are shown
      await page.keyboard.press('Shift+Tab');
      assert.ok((await active()).map);
      assert.equal(await page.locator('.map__keys').evaluate((e) => getComputedStyle(e).opacity), '1');
      assert.match(await page.locator('.map__keys').textContent(), /1 zones, 2 waterfront, 3 greenway, 4 facilities, 5 companies/);
      // zones, at the first view: 1 goes into them, an arrow to the next, Escape back to the map
      await page.keyboard.press('1');
      const zone = (await active()).select;
      assert.match(zone ?? '', /^zone:/);
      for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
        await page.keyboard.press(key);
        if ((await active()).select !== zone) break;
      }
      assert.match((await active()).select, /^zone:/);
      assert.notEqual((await active()).select, zone, 'an arrow moved to another zone');
      await page.keyboard.press('Escape');
      assert.ok((await active()).map, 'Escape comes back to the map');
      await page.locator('.map').focus();
      // the planner: Shift+Tab through the header's last actions
      let presses = 0;
      while (!(await active()).cls.includes('header__plan') && presses < 5) {
        await page.keyboard.press('Shift+Tab');
        presses += 1;
      }
      assert.ok((await active()).cls.includes('header__plan'), `the planner's button within 5 presses (${presses})`);
      t.diagnostic(`${width} px: the planner's button ${presses} presses from the map`);
      await page.keyboard.press('Enter');
      await page.locator('section.planner').waitFor();
      // a company: 5 goes to the companies, Enter zooms into a cluster until a company has focus
      await page.locator('.map').focus();
      presses = 1;
      await page.keyboard.press('5');
      while (!(await active()).select?.startsWith('company:') && presses < 5) {
        assert.ok((await active()).fit, `on a cluster: ${JSON.stringify(await active())}`);
        await page.evaluate(() => { document.activeElement.dataset.was = '1'; });
        await page.keyboard.press('Enter');
        presses += 1;
        // the bubble is gone once the map has zoomed in: focus goes on from where it was
        await page.waitForFunction(() => {
          const e = document.activeElement;
          return e && !e.dataset.was && e.closest('.map__layer--companies');
        }, null, { timeout: 3000 });
      }
      assert.match((await active()).select ?? '', /^company:/, `a company within 5 presses (${presses})`);
      t.diagnostic(`${width} px: a company ${presses} presses from the map`);
      await page.keyboard.press('Enter');
      await page.locator('.panel #panel-title').waitFor();
      await page.keyboard.press('Escape');
    });
  });
}
