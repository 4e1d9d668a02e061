// End to end: no facility is out of reach at any zoom. At every zoom from 13 to 19, at 1366 × 800
// and 390 × 844, every POI of the shipped park is named by a button on the map — its own marker or a
// badge whose accessible name lists it — whose middle a click lands on (nothing drawn over it) and
// that the keyboard can reach (role="button", tabindex -1: the map is one Tab stop, 4 moves focus
// into the facilities, the arrows between them). Every badge's list opens by click and
// holds a button for each place it names, each clickable; one badge and one marker per zoom are
// also opened by keyboard (Enter), down to the place's panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark, readData } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const POIS = readData('pois.geojson').features.map((f) => ({
  name: f.properties.name_en, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1],
}));
const ZOOMS = [13, 14, 15, 16, 17, 18, 19];
const SIZES = [[1366, 800], [390, 844]];

/** Shows `zoom` centred on (lat, lon) as the back button would (the URL, then popstate), and
 *  waits until the map stops moving. */
async function show(page, zoom, lat, lon) {
  const world = () => page.evaluate(() => document.querySelector('.map__world')?.getAttribute('transform'));
  const before = await world();
  await page.evaluate(([z, la, lo]) => {
    history.pushState(null, '', `${location.pathname}?lang=en#map=${z}/${la}/${lo}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, [zoom, lat, lon]);
  // the move first (popstate is handled by the session chunk: a loaded machine takes its time), then
  // until nothing moves; a view equal to the last one never moves, hence the bound
  for (let i = 0; i < 40 && (await world()) === before; i++) await page.waitForTimeout(50);
  await settle(page);
}

/** Waits until the session has written the closed panel into the URL (its write must not land
 *  after the next view's pushState). */
const urlWithoutSelection = (page) => page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'),
  null, { timeout: 5000 });

/** Waits until the map has not moved, nor its facility buttons changed, for a poll. */
async function settle(page) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(60);
    const now = await page.evaluate(() => document.querySelector('.map__world')?.getAttribute('transform')
      + document.querySelectorAll('[data-badge], .map__poi').length);
    if (now === last) return;
    last = now;
  }
}

/** The POI buttons a click can land on, with the places each names. Read in the page. */
function reachable() {
  const map = document.querySelector('.map').getBoundingClientRect();
  const out = [];
  for (const e of document.querySelectorAll('.map__layer--pois [role="button"]')) {
    const r = e.querySelector('.map__marker-dot').getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < map.left || x > map.right || y < map.top || y > map.bottom) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || hit.closest('[role="button"]') !== e) continue;
    const label = e.getAttribute('aria-label');
    const badge = e.getAttribute('data-badge');
    const titles = badge ? label.replace(/^\d+ places?: /, '').split('; ') : [label];
    out.push({
      badge, select: e.getAttribute('data-select'), x, y, label,
      names: titles.map((t) => t.split(': ').slice(1).join(': ')),
      // The map is one Tab stop (roving focus): its features are focusable buttons (tabindex -1) that
      // the map's keys move focus to — a digit into a layer, then the arrows.
      keyboard: e.getAttribute('tabindex') === '-1' && e.getAttribute('role') === 'button',
    });
  }
  return out;
}

for (const [width, height] of SIZES) {
  test(`${width}×${height}: every facility can be reached by click and keyboard at zooms 13–19`, async (t) => {
    await withPage(suite, t, { viewport: { width, height } }, async (page) => {
      await page.goto(`${suite.url}?lang=en`);
      await waitForPark(page);
      // Back and Forward (popstate) move the map once the session chunk has come: it writes the URL.
      await page.waitForFunction(() => location.hash.includes('map='));
      const list = page.getByRole('dialog', { name: 'Places here' });
      const figures = [];
      for (const zoom of ZOOMS) {
        const found = new Set();
        let views = 0, badges = 0, opened = false, selected = false, lastButtons = [];
        // each zoom on a fresh load: the last zoom's keyboard checks closed a panel, and a view
        // pushed right after that raced the session's own URL write
        await page.goto('about:blank');
        await page.goto(`${suite.url}?lang=en#map=${zoom}/${POIS[0].lat}/${POIS[0].lon}`);
        // (no company may be in this view: wait for the facilities and the end of loading)
        await page.waitForSelector('.map__layer--pois [role="button"]', { timeout: 20000 });
        await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 20000 });
        await page.waitForFunction(() => location.hash.includes('map='));
        await settle(page);
        for (const poi of POIS) {
          if (found.has(poi.name)) continue;
          await show(page, zoom, poi.lat, poi.lon);
          views += 1;
          const buttons = await page.evaluate(reachable);
          for (const b of buttons) {
            assert.ok(b.keyboard, `z${zoom}: ${b.label} is a button the keyboard reaches`);
            b.names.forEach((n) => found.add(n));
            if (!b.badge) continue;
            // its list opens by click, with a clickable button for each place it names
            badges += 1;
            await page.locator(`[data-badge="${b.badge}"]`).click({ timeout: 5000 });
            await list.waitFor({ timeout: 5000 });
            const items = await list.evaluate((l) => [...l.querySelectorAll('button')].map((e) => {
              e.scrollIntoView({ block: 'nearest' }); // a long list scrolls (it is at most half the map high)
              const r = e.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return { text: e.textContent, clickable: hit === e || e.contains(hit) };
            }));
            assert.deepEqual(items.map((i) => i.text.split(': ').slice(1).join(': ')), b.names, `z${zoom}: the list of ${b.label}`);
            assert.ok(items.every((i) => i.clickable), `z${zoom}: every entry of ${b.label} can be clicked ${JSON.stringify(items)}`);
            await page.keyboard.press('Escape');
            await list.waitFor({ state: 'detached' });
          }
          lastButtons = buttons;
          assert.ok(found.has(poi.name), `z${zoom}: ${poi.name}, centred, is named by a button a click lands on: ${JSON.stringify(buttons.map((b) => b.label))}`);
        }
        // by keyboard, once per zoom, on the last view (after every view's click checks: a panel
        // opened and closed between two views would race the next view's move)
        // from the map, 4 (facilities) puts focus on a facility's button
        if (!opened && !selected) {
          await page.locator('.map').focus();
          await page.keyboard.press('4');
          await page.waitForFunction(() => document.activeElement?.matches('[data-badge], [data-select^="poi:"]'),
            null, { timeout: 5000 });
        }
        // Enter on a badge, then on its first place; Enter on a marker
        const badge = lastButtons.find((b) => b.badge);
        if (badge && !opened) {
          await page.locator(`[data-badge="${badge.badge}"]`).focus();
          await page.keyboard.press('Enter');
          await list.waitFor({ timeout: 5000 });
          assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('badge-list__item')));
          await page.keyboard.press('Enter');
          await page.locator('.panel').getByRole('heading', { name: badge.names[0], exact: true }).waitFor({ timeout: 5000 });
          await page.keyboard.press('Escape');
          await page.locator('.panel').waitFor({ state: 'detached' });
          await urlWithoutSelection(page);
          opened = true;
        }
        // (a panel opened and closed: at 1366 px the map was narrower meanwhile, so read it again
        // once the map has its width back and has settled)
        await settle(page);
        const single = selected ? null : (await page.evaluate(reachable)).find((b) => !b.badge);
        if (single) {
          await page.locator(`[data-select="${single.select}"]`).focus();
          await page.keyboard.press('Enter');
          await page.locator('.panel').getByRole('heading', { name: single.names[0], exact: true }).waitFor({ timeout: 5000 });
          await page.keyboard.press('Escape');
          await page.locator('.panel').waitFor({ state: 'detached' });
          await urlWithoutSelection(page);
          selected = true;
        }
        assert.equal(found.size, POIS.length, `z${zoom}: every facility`);
        figures.push(`z${zoom}: ${views} views, ${badges} lists`);
      }
      t.diagnostic(figures.join('; '));
    });
  });
}
