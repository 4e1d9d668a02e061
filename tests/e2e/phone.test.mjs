// End to end: the header on a phone, 320 to 412 px wide, in zh, en and ru — one row of the title
// and icon actions (each with its accessible name), nothing clipped or wrapped, and every action
// within two taps (Embed, About and the language sit in the "more" menu).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const NAMES = {
  en: { more: 'More', plan: 'Plan a route', embed: 'Embed', about: 'About the data' },
  zh: { more: '更多', plan: '规划路线', embed: '嵌入', about: '关于数据' },
  ru: { more: 'Ещё', plan: 'Маршрут', embed: 'Встроить', about: 'О данных' },
};

for (const width of [320, 390, 412]) {
  for (const lang of ['zh', 'en', 'ru']) {
    test(`${width} px, ${lang}: the header is one row, nothing clipped, every action within two taps`, async (t) => {
      await withPage(suite, t, { viewport: { width, height: 760 }, hasTouch: true, isMobile: true }, async (page) => {
        await page.goto(`${suite.url}?lang=${lang}`);
        await waitForPark(page);
        const header = page.locator('header.header');
        const row = await page.evaluate(() => {
          const boxes = [document.querySelector('.header__title'), ...document.querySelectorAll('.header__actions > button')]
            .map((e) => e.getBoundingClientRect());
          return boxes.map((b) => ({ top: Math.round(b.top), bottom: Math.round(b.bottom), left: b.left, right: b.right, h: b.height }));
        });
        for (const b of row) {
          assert.ok(b.left >= 0 && b.right <= width + 0.5, `inside the screen: ${JSON.stringify(b)}`);
          assert.ok(b.h <= 48, `one line high: ${JSON.stringify(b)}`);
        }
        const mid = (b) => (b.top + b.bottom) / 2;
        assert.ok(row.every((b) => Math.abs(mid(b) - mid(row[1])) <= 6), `one row: ${JSON.stringify(row)}`);
        // the icon buttons keep their names
        const n = NAMES[lang];
        assert.equal(await header.getByRole('button', { name: n.plan, exact: true }).count(), 1);
        // two taps: "more", then the action
        const more = header.getByRole('button', { name: n.more });
        await more.click();
        assert.equal(await more.getAttribute('aria-expanded'), 'true');
        const about = header.getByRole('button', { name: n.about });
        const box = await about.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, 'the menu fits the screen');
        await about.click();
        await page.getByRole('dialog').waitFor();
        assert.equal(await more.getAttribute('aria-expanded'), 'false', 'the menu closes');
        await page.keyboard.press('Escape');
        await more.click();
        await header.getByRole('button', { name: n.embed }).click();
        await page.locator('.embed-dialog').waitFor();
        await page.keyboard.press('Escape');
        await more.click();
        await header.locator('.header__lang').selectOption(lang === 'en' ? 'ru' : 'en');
        await page.locator(`html[lang="${lang === 'en' ? 'ru' : 'en'}"]`).waitFor({ state: 'attached' });
      });
    });
  }
}

test('no control of the explore or planner panel is wider than its panel, 320 to 1920 px', async (t) => {
  for (const width of [320, 390, 768, 1366, 1920]) {
    await withPage(suite, t, { viewport: { width, height: 900 } }, async (page) => {
      await page.goto(`${suite.url}?lang=ru`);
      await waitForPark(page);
      for (const [open, panel] of [['explore', '.explore'], ['planner', '.planner']]) {
        await page.evaluate((which) => {
          const buttons = [...document.querySelectorAll('.header__actions > button')];
          buttons[which === 'explore' ? 0 : 2].click();
        }, open);
        await page.locator(panel).waitFor();
        const overflow = await page.evaluate((sel) => {
          const p = document.querySelector(sel).getBoundingClientRect();
          return [...document.querySelectorAll(`${sel} input, ${sel} select, ${sel} button, ${sel} label`)]
            .map((e) => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.right > p.right + 0.5 || r.left < p.left - 0.5))
            .map(({ e, r }) => `${e.tagName} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${r.left.toFixed(0)}–${r.right.toFixed(0)} vs ${p.left.toFixed(0)}–${p.right.toFixed(0)}`);
        }, panel);
        assert.deepEqual(overflow, [], `${width} px, ${open}`);
        await page.evaluate((which) => {
          const buttons = [...document.querySelectorAll('.header__actions > button')];
          buttons[which === 'explore' ? 0 : 2].click();
        }, open);
      }
    });
  }
});

// Fit the park, labels and icons at 1366/768/390 px: tests/e2e/visual.test.mjs.
