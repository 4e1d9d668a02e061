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
