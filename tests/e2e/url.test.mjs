// End to end: the URL is the state. A reload reproduces a shared URL; Back/Forward step through
// selections; malformed parameters are ignored with a console warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark, parseMatrix, holdChunk } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const world = async (page) => parseMatrix(await page.locator('.map__world').getAttribute('transform'));
const title = (page) => page.locator('#panel-title').textContent();

test('a reload reproduces the view, the selection, the layers and the language', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=ru`);
    await waitForPark(page);
    await page.locator('[data-select="zone:z05"]').dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    await page.locator('.legend__toggle').click(); // the legend starts folded
    await page.locator('.legend__layer input').nth(4).uncheck(); // POIs off
    await page.waitForURL(/hide=pois/); // the session (which writes the URL) is in
    await page.waitForTimeout(900); // the flight ends and the URL follows
    const url = page.url();
    assert.match(url, /sel=zone%3Az05|sel=zone:z05/);
    assert.match(url, /hide=pois/);
    assert.match(url, /lang=ru/);
    assert.match(url, /#map=\d+(\.\d+)?\/45\.\d+\/126\.\d+/);
    const before = await world(page);
    const name = await title(page);
    // a fresh visitor opening the shared link sees the same
    const other = await page.context().newPage();
    await other.goto(url);
    await waitForPark(other);
    await other.getByRole('dialog').waitFor();
    assert.equal(await title(other), name);
    assert.equal(await other.locator('.map__poi').count(), 0);
    assert.equal(await other.locator('html').getAttribute('lang'), 'ru');
    const after = await world(other);
    assert.ok(Math.abs(after.scale / before.scale - 1) < 0.01, 'same zoom');
    assert.ok(Math.abs(after.tx - before.tx) < 2 && Math.abs(after.ty - before.ty) < 2, 'same centre');
  });
});

/** Selects z01 then z12 and steps Back and Forward through them; `beforeSteps` runs between
 *  the selections and the first Back. */
async function stepThroughSelections(page, beforeSteps = async () => {}) {
  await page.locator('[data-select="zone:z01"]').dispatchEvent('click');
  await page.getByRole('dialog').waitFor();
  const first = await title(page);
  await page.locator('[data-select="zone:z12"]').dispatchEvent('click');
  await page.waitForFunction((f) => document.querySelector('#panel-title')?.textContent !== f, first);
  const second = await title(page);
  await beforeSteps();
  await page.goBack();
  await page.waitForFunction((f) => document.querySelector('#panel-title')?.textContent === f, first);
  await page.goBack();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.goForward();
  await page.waitForFunction((f) => document.querySelector('#panel-title')?.textContent === f, first);
  await page.goForward();
  await page.waitForFunction((s) => document.querySelector('#panel-title')?.textContent === s, second);
}

test('Back and Forward step through selections', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.waitForURL(/#map=/); // the session, which writes the URL, is in
    await stepThroughSelections(page);
  });
});

test('selections made before the URL follows the state are steps Back returns to', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    // The session chunk (which writes the URL) arrives late: both selections are made before it.
    const releasedAt = await holdChunk(page, 'session');
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await stepThroughSelections(page, async () => {
      assert.equal(releasedAt(), null, 'both selections were made before the session was in');
      await page.waitForURL(/sel=zone(%3A|:)z12/, { timeout: 15000 });
    });
  });
});

test('malformed and unknown parameters are ignored with a console warning', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${suite.url}?lang=en&sel=bogus&hide=roads&ind=mining&frobnicate=1#map=abc/1/2`);
    await waitForPark(page);
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.ok(await page.locator('.map__zone').count() >= 10, 'the park is fitted and drawn');
    for (const p of ['sel', 'hide', 'ind', 'frobnicate', '#map']) {
      assert.ok(warnings.some((w) => w.includes(`"${p}"`)), `a warning names ${p}: ${warnings.join(' | ')}`);
    }
    assert.deepEqual(pageErrors, []);
  });
});
