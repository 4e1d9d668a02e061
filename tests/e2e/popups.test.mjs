// End to end: every popup the map opens closes as a WAI-ARIA menu button's popup does — on Escape
// (focus back on what opened it), on a click or tap outside, and when one of its items is chosen —
// at 390 × 844 (touch) and 1366 × 800: the phone header's "More" menu, a facility badge's list and
// the embed dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const SIZES = [
  { width: 390, height: 844, phone: true },
  { width: 1366, height: 800, phone: false },
];
const options = (s) => ({ viewport: { width: s.width, height: s.height }, ...(s.phone ? { hasTouch: true, isMobile: true } : {}) });

/** A spot of bare map (no marker, badge, cluster, zone or control under it), in page pixels. */
async function bareMap(page) {
  const spot = await page.evaluate(() => {
    const map = document.querySelector('.map').getBoundingClientRect();
    for (let y = map.bottom - 100; y > map.top + 60; y -= 15) {
      for (let x = map.left + 60; x < map.right - 60; x += 15) {
        const e = document.elementFromPoint(x, y);
        if (e && e.closest('.map__svg') && !e.closest('[data-select], [data-fit], [data-badge]')) return { x, y };
      }
    }
    return null;
  });
  assert.ok(spot, 'a bare spot of map');
  return spot;
}

/** The key of a badge of several places whose middle is its own (nothing drawn over it). */
async function openableBadge(page) {
  await page.locator('[data-badge]').first().waitFor({ state: 'attached' });
  const key = await page.evaluate(() => {
    for (const b of document.querySelectorAll('[data-badge]')) {
      const r = b.querySelector('.map__marker-dot').getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit?.closest('[data-badge]') === b) return b.getAttribute('data-badge');
    }
    return null;
  });
  assert.ok(key, 'a badge that can be clicked');
  return page.locator(`[data-badge="${key}"]`);
}

const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label')
  ?? document.activeElement?.textContent?.trim() ?? null);

test('390 px: the header\'s "More" menu closes on Escape (focus on its button), on a tap outside, and on choosing an item', async (t) => {
  await withPage(suite, t, options(SIZES[0]), async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const more = page.getByRole('button', { name: 'More' });
    const menu = page.locator('#header-more');
    // Escape, from the button and from an item in the menu
    for (const from of ['button', 'item']) {
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.ok(await menu.isVisible(), 'open');
      if (from === 'item') await page.locator('header').getByRole('button', { name: 'About the data' }).focus();
      await page.keyboard.press('Escape');
      assert.equal(await more.getAttribute('aria-expanded'), 'false', `Escape from the ${from} closes it`);
      assert.ok(!(await menu.isVisible()), 'hidden');
      assert.equal(await focused(page), 'More', 'focus is back on the button');
      assert.equal(await page.getByRole('dialog').count(), 0, 'and nothing else closed or opened');
    }
    // a tap on the map outside it
    await more.click();
    const spot = await bareMap(page);
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForFunction(() => document.querySelector('.header__more-toggle').getAttribute('aria-expanded') === 'false');
    // a tap on the header outside it
    await more.click();
    await page.locator('.header__title').tap();
    assert.equal(await more.getAttribute('aria-expanded'), 'false', 'a tap on the title closes it');
    // choosing an item
    await more.click();
    await page.locator('header').getByRole('button', { name: 'About the data' }).click();
    await page.getByRole('dialog').waitFor();
    assert.equal(await more.getAttribute('aria-expanded'), 'false', 'choosing an item closes it');
    // the button still toggles it
    await more.click();
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'false', 'a second press on the button closes it');
  });
});

test('1366 px: the header\'s actions are in its row, no "More" menu to close', async (t) => {
  await withPage(suite, t, options(SIZES[1]), async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    assert.ok(!(await page.locator('.header__more-toggle').isVisible()), 'no "More" button');
    for (const name of ['Embed', 'About the data']) {
      assert.ok(await page.locator('header').getByRole('button', { name, exact: true }).isVisible(), `${name} in the row`);
    }
  });
});

for (const size of SIZES) {
  test(`${size.width} px: a facility badge's list closes on Escape (focus on the badge), on a click outside, and on choosing a place`, async (t) => {
    await withPage(suite, t, options(size), async (page) => {
      await page.goto(`${suite.url}?lang=en`);
      await waitForPark(page);
      const list = page.getByRole('dialog', { name: 'Places here' });
      // Escape
      const badge = await openableBadge(page);
      const name = await badge.getAttribute('aria-label');
      await badge.focus();
      await page.keyboard.press('Enter');
      await list.waitFor();
      assert.equal(await badge.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      assert.equal(await focused(page), name, 'focus is back on the badge');
      assert.equal(await badge.getAttribute('aria-expanded'), 'false');
      // a click (tap) outside: on the map, then on the header
      for (const outside of ['map', 'header']) {
        if (size.phone) await badge.tap(); else await badge.click();
        await list.waitFor();
        if (outside === 'map') {
          const spot = await bareMap(page);
          if (size.phone) await page.touchscreen.tap(spot.x, spot.y); else await page.mouse.click(spot.x, spot.y);
        } else if (size.phone) {
          await page.locator('.header__title').tap();
        } else {
          await page.locator('.header__title').click();
        }
        await list.waitFor({ state: 'detached' });
      }
      // the badge toggles its own list
      await badge.click();
      await list.waitFor();
      await badge.click();
      await list.waitFor({ state: 'detached' });
      // choosing a place by keyboard: Enter on the badge, Enter on the place focused in its list
      await badge.focus();
      await page.keyboard.press('Enter');
      await list.waitFor();
      const firstPlace = (await list.getByRole('button').first().textContent()).split(': ').slice(1).join(': ');
      await page.keyboard.press('Enter');
      await page.locator('.panel').getByRole('heading', { name: firstPlace }).waitFor();
      await list.waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await page.locator('.panel').waitFor({ state: 'detached' });
      // choosing a place by click (tap)
      await badge.click();
      const first = list.getByRole('button').first();
      const place = (await first.textContent()).split(': ').slice(1).join(': ');
      if (size.phone) await first.tap(); else await first.click();
      await page.locator('.panel').getByRole('heading', { name: place }).waitFor();
      await list.waitFor({ state: 'detached' });
    });
  });

  test(`${size.width} px: the embed dialog closes on Escape (focus back on what opened it) and on a click outside`, async (t) => {
    await withPage(suite, t, options(size), async (page) => {
      await page.goto(`${suite.url}?lang=en`);
      await waitForPark(page);
      const dialog = page.getByRole('dialog', { name: 'Embed this map' });
      const open = async () => {
        if (size.phone) await page.getByRole('button', { name: 'More' }).click();
        await page.getByRole('button', { name: 'Embed', exact: true }).click();
        await dialog.waitFor();
      };
      await open();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await focused(page), size.phone ? 'More' : 'Embed', 'focus is back where the dialog came from');
      // a click outside the dialog (on the backdrop)
      await open();
      const box = await page.locator('.embed-dialog').boundingBox();
      const x = 4, y = Math.min(size.height - 4, box.y + box.height + 4);
      if (box.x > 8) {
        if (size.phone) await page.touchscreen.tap(x, box.y + 10); else await page.mouse.click(x, box.y + 10);
      } else if (size.phone) {
        await page.touchscreen.tap(size.width / 2, y);
      } else {
        await page.mouse.click(size.width / 2, y);
      }
      await dialog.waitFor({ state: 'detached' });
      // its close button
      await open();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await focused(page), size.phone ? 'More' : 'Embed');
    });
  });
}
