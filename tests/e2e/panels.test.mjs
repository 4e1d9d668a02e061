// End to end: the side panels and what they show, as a new user met them — explore, the planner and
// the site finder opened by keyboard take focus and close on Escape (focus back on their button);
// the embed dialog and the site table fit a phone; values from the data (sectors, sponge-city
// features) read as words in each language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 800 } };
const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { cls: e?.className?.baseVal ?? e?.className ?? '', text: e?.textContent?.trim() ?? '' };
});
/** Opens the map on a phone in `lang` and chooses `item` from the header's "More" menu (`more`). */
async function phoneMenu(page, lang, more, item) {
  await page.goto(`${suite.url}?lang=${lang}`);
  await waitForPark(page);
  await page.getByRole('button', { name: more }).tap();
  await page.getByRole('button', { name: item }).tap();
}
/** Waits until `selector`'s element, once the flight to it has ended, lies wholly in the map above
 *  the phone's sheet. */
async function landsAboveSheet(page, selector) {
  await page.waitForFunction((sel) => {
    const mark = document.querySelector(sel)?.getBoundingClientRect();
    const sheet = document.querySelector('.sidebar--open')?.getBoundingClientRect();
    const map = document.querySelector('.map').getBoundingClientRect();
    return mark && sheet && mark.height > 0 && mark.bottom <= sheet.top && mark.top >= map.top;
  }, selector, { timeout: 8000 });
}
const activeIn = (page, selector) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

for (const [button, root] of [['Explore', '.sidebar .explore:not(.sites)'], ['Plan a route', '.sidebar .planner'], ['Find a site', '.sidebar .sites']]) {
  test(`keyboard: "${button}" opened with Enter takes focus; Escape closes it and focus is back on "${button}"`, async (t) => {
    await withPage(suite, t, DESKTOP, async (page) => {
      await page.goto(`${suite.url}?lang=en`);
      await waitForPark(page);
      const opener = page.locator('.header').getByRole('button', { name: button, exact: true });
      await opener.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.activeElement?.matches(`${s} .panel__close`), root, { timeout: 15000 });
      // Escape from a control inside the panel, not only from its close button
      await page.keyboard.press('Tab');
      assert.ok(await activeIn(page, root), `focus stays in the panel: ${JSON.stringify(await active(page))}`);
      await page.keyboard.press('Escape');
      await page.locator(root).waitFor({ state: 'detached' });
      await page.waitForFunction((name) => document.activeElement?.textContent?.trim() === name, button);
      assert.equal(await opener.getAttribute('aria-pressed'), 'false');
    });
  });
}

test('390 px, ru: the embed dialog fits the phone; its snippet box ends inside it', async (t) => {
  await withPage(suite, t, PHONE, async (page) => {
    await phoneMenu(page, 'ru', 'Ещё', 'Встроить');
    const dialog = page.locator('.embed-dialog');
    await page.locator('#embed-code').waitFor();
    const fit = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth,
      dialog: d.getBoundingClientRect().toJSON(), code: d.querySelector('#embed-code').getBoundingClientRect().toJSON() }));
    assert.ok(fit.scroll <= fit.client + 1, `nothing wider than the dialog: ${fit.scroll} > ${fit.client}`);
    assert.ok(fit.code.right <= fit.dialog.right + 0.5 && fit.code.left >= fit.dialog.left - 0.5, JSON.stringify(fit));
  });
});

test('the site table shows its areas on a phone and scrolls in a box whose sideways scrollbar is in sight', async (t) => {
  for (const [options, lang] of [[PHONE, 'ru'], [DESKTOP, 'en']]) {
    await withPage(suite, t, options, async (page) => {
      if (options === PHONE) {
        await phoneMenu(page, 'ru', 'Ещё', 'Участки');
      } else {
        await page.goto(`${suite.url}?lang=${lang}`);
        await waitForPark(page);
        await page.locator('.header').getByRole('button', { name: 'Find a site', exact: true }).click();
      }
      await page.waitForFunction(() => document.querySelectorAll('.sites__list tbody tr').length > 0, null, { timeout: 15000 });
      const areaHeader = page.locator('.sites__list thead th').nth(2);
      assert.equal(await areaHeader.isVisible(), true, `${lang}: the area column is shown`);
      assert.match(await areaHeader.textContent(), lang === 'ru' ? /Площадь/ : /Area/);
      assert.match(await page.locator('.sites__list tbody tr td:nth-child(3)').first().textContent(), /м²|m²/);
      // The rows scroll inside a box at most 60 % of the screen high: its sideways scrollbar (when
      // the table is wider than the panel) is in sight rather than below all 48 rows.
      const box = await page.locator('.sites__scroll').first().evaluate((s) => ({ table: s.scrollWidth, width: s.clientWidth,
        rows: s.scrollHeight, height: s.getBoundingClientRect().height, screen: innerHeight }));
      assert.ok(box.height <= box.screen * 0.6 + 1 && box.rows > box.height, JSON.stringify(box));
      t.diagnostic(`${lang} ${options.viewport.width} px: table ${box.table} px wide in ${box.width} px, ${box.height} px of ${box.rows} px high`);
    });
  }
});

test('ru: a company\'s sector and a waterfront section\'s sponge-city features read as words, zones described in Russian', async (t) => {
  await withPage(suite, t, DESKTOP, async (page) => {
    await page.goto(`${suite.url}?lang=ru&sel=company:c0001`);
    await waitForPark(page);
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    const sector = panel.locator('.panel__row').filter({ hasText: 'Сектор' }).locator('dd');
    assert.equal(await sector.textContent(), 'Облачные вычисления');
    assert.match(await panel.locator('.panel__description').textContent(), /[А-Яа-яЁё]/, 'the description is Russian');
    await page.goto(`${suite.url}?lang=ru&sel=trail:w02`);
    await waitForPark(page);
    const sponge = page.getByRole('dialog').locator('.panel__row').filter({ hasText: 'города-губки' }).locator('dd');
    const text = await sponge.textContent();
    assert.ok(!text.includes('_') && /[а-я]/.test(text), `sponge-city features in Russian: ${text}`);
    await page.goto(`${suite.url}?lang=ru&sel=zone:z02`);
    await waitForPark(page);
    assert.match(await page.getByRole('dialog').locator('.panel__description').textContent(), /[А-Яа-яЁё]{4}/);
  });
});

test('390 px: a site chosen from the finder\'s table lands in the map the sheet leaves free', async (t) => {
  await withPage(suite, t, PHONE, async (page) => {
    await phoneMenu(page, 'en', 'More', 'Find a site');
    await page.waitForFunction(() => document.querySelectorAll('.sites__list tbody tr').length > 0, null, { timeout: 15000 });
    await page.locator('.sites__list tbody tr').nth(5).tap();
    await page.locator('.map__site--selected').waitFor();
    await landsAboveSheet(page, '.map__site--selected');
  });
});

test('the finder says where the comparison is, when a fifth site is refused, and when an area range is empty', async (t) => {
  await withPage(suite, t, DESKTOP, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.locator('.header').getByRole('button', { name: 'Find a site', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.sites__list tbody tr').length > 4, null, { timeout: 15000 });
    const toggles = page.locator('.sites__list .sites__compare-toggle');
    for (let i = 0; i < 5; i++) await toggles.nth(i).click();
    assert.match(await toggles.nth(4).getAttribute('class'), /sites__compare-toggle--full/, 'a fifth site\'s button looks unavailable');
    assert.equal(await toggles.nth(4).getAttribute('title'), 'Up to four sites can be compared');
    const line = page.locator('.sites__comparing');
    await line.filter({ hasText: 'Up to four sites can be compared' }).waitFor();
    const show = line.getByRole('button', { name: '4 sites in the comparison — show it' });
    await show.click();
    await page.waitForFunction(() => document.activeElement?.id === 'compare-title');
    const box = await page.locator('#compare-title').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 800, `the comparison's title is in view: ${JSON.stringify(box)}`);
    // an empty area range says why nothing matches
    await page.getByLabel('Smallest area (m²)').fill('30000');
    await page.getByLabel('Smallest area (m²)').press('Enter');
    await page.getByLabel('Largest area (m²)').fill('1000');
    await page.getByLabel('Largest area (m²)').press('Enter');
    await page.getByText('The smallest area is larger than the largest: no site can match.').waitFor();
  });
});

test('one side panel at a time: opening another closes the first, and the open one\'s button looks pressed', async (t) => {
  await withPage(suite, t, DESKTOP, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const button = (name) => page.locator('.header').getByRole('button', { name, exact: true });
    const steps = [['Explore', '.sidebar .explore:not(.sites)'], ['Plan a route', '.sidebar .planner'], ['Find a site', '.sidebar .sites']];
    const background = (name) => button(name).evaluate((b) => getComputedStyle(b).backgroundColor);
    for (const [i, [name, root]] of steps.entries()) {
      const before = await background(name);
      await button(name).click();
      await page.locator(root).waitFor();
      if (i > 0) await page.locator(steps[i - 1][1]).waitFor({ state: 'detached' });
      assert.equal(await button(name).getAttribute('aria-pressed'), 'true');
      assert.notEqual(await background(name), before, `${name} looks pressed`);
    }
    assert.deepEqual(await Promise.all(steps.slice(0, 2).map(([name]) => button(name).getAttribute('aria-pressed'))), ['false', 'false']);
  });
});

test('390 px: a shared link\'s selection (no view in it) lands above the sheet', async (t) => {
  await withPage(suite, t, PHONE, async (page) => {
    await page.goto(`${suite.url}?lang=en&sel=company:c0001`);
    await waitForPark(page);
    await page.getByRole('dialog').waitFor();
    await landsAboveSheet(page, '[data-select="company:c0001"]');
  });
});
