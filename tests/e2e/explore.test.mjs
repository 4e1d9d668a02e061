// End to end: investors' tools — search, filters, clusters, list view and figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withPage, waitForPark, readData, countCompanies, parseMatrix } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const companies = () => readData('companies.geojson').features.map((f) => f.properties);
const world = async (page) => parseMatrix(await page.locator('.map__world').getAttribute('transform'));

test('typing "hua" and choosing Huawei opens its panel with the map centred on it', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const box = page.locator('.search__input');
    await box.fill('hua');
    const options = page.getByRole('option');
    await options.first().waitFor();
    const texts = await options.allTextContents();
    const i = texts.findIndex((s) => s.startsWith('Huawei'));
    assert.ok(i >= 0 && i < 3, `Huawei among the first results: ${texts.join(' | ')}`);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    for (let k = 0; k <= i; k++) await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), `search-option-${i}`);
    await box.press('Enter');
    await page.getByRole('dialog').waitFor();
    assert.equal(await page.locator('#panel-title').textContent(), 'Huawei');
    await page.waitForTimeout(700);
    const map = await page.locator('.map').boundingBox();
    const m = await page.locator('.map__company[aria-label^="Huawei"] .map__marker-dot').boundingBox();
    assert.ok(Math.abs(m.x + m.width / 2 - (map.x + map.width / 2)) < 3 && Math.abs(m.y + m.height / 2 - (map.y + map.height / 2)) < 3, 'centred');
  });
});

test('pinyin initials and Chinese find 华为; Escape closes the list', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=zh`);
    await waitForPark(page);
    const box = page.locator('.search__input');
    for (const q of ['hw', 'huawei', '华为']) {
      await box.fill(q);
      await page.getByRole('option').first().waitFor();
      assert.match(await page.getByRole('option').first().textContent(), /^华为/, `query ${q}`);
    }
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
  });
});

const NO_MATCH = {
  en: [/^No company, zone or facility matches “zzzqx”$/, /Chinese characters, pinyin.*English or Russian/],
  zh: [/^没有与“zzzqx”匹配的企业、分区或设施$/, /中文.*拼音.*英文.*俄文/],
  ru: [/^Нет компании, зоны или объекта по запросу «zzzqx»$/, /иероглиф.*пиньин.*по-английски.*по-русски/],
};
for (const [lang, [message, hint]] of Object.entries(NO_MATCH)) {
  test(`${lang}: a search with no match says so under the box and in the live region, with what works`, async (t) => {
    await withPage(suite, t, {}, async (page) => {
      await page.goto(`${suite.url}?lang=${lang}`);
      await waitForPark(page);
      const box = page.locator('.search__input');
      const status = page.locator('.search [role="status"]'); // a live region: role="status" is polite
      await box.fill('hua');
      await page.getByRole('option').first().waitFor();
      assert.equal((await status.textContent()).trim(), '', 'nothing to say while something matches');
      await box.fill('zzzqx');
      await page.locator('.search__empty').waitFor();
      assert.match(await page.locator('.search__empty').textContent(), message);
      assert.match(await page.locator('.search__hint').textContent(), hint);
      assert.match(await status.textContent(), message.source.startsWith('^') ? new RegExp(message.source.slice(1, -1)) : message);
      assert.equal(await box.getAttribute('aria-expanded'), 'false', 'no empty list is announced as open');
      // under the box, not over it
      const [b, m] = [await box.boundingBox(), await page.locator('.search__none').boundingBox()];
      assert.ok(m.y >= b.y + b.height - 1 && m.width > 100, `under the box: ${JSON.stringify([b, m])}`);
      await box.fill('hw');
      await page.getByRole('option').first().waitFor();
      await page.locator('.search__empty').waitFor({ state: 'detached' });
    });
  });
}

test('the pinyin table is fetched after the map is drawn, and search works without it', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=zh`);
    await waitForPark(page);
    const box = page.locator('.search__input');
    await box.fill('hw');
    await page.getByRole('option').first().waitFor();
    const timing = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
      .map((e) => [e.name.split('/').pop(), { start: e.startTime, end: e.responseEnd }])));
    assert.ok(timing['pinyin.bin'], 'the table was fetched');
    for (const layer of ['companies.geojson', 'zones.geojson', 'greenway.geojson']) {
      assert.ok(timing['pinyin.bin'].start >= timing[layer].end, `pinyin.bin requested after ${layer} arrived`);
    }
  });
  await withPage(suite, t, {}, async (page) => {
    let asked = 0;
    await page.route('**/pinyin.bin', (route) => { asked += 1; return route.fulfill({ status: 404, body: 'gone' }); });
    await page.goto(`${suite.url}?lang=zh`);
    await waitForPark(page);
    const box = page.locator('.search__input');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('pinyin.bin')));
    for (const q of ['华为', 'huawei']) {
      await box.fill(q);
      await page.getByRole('option').first().waitFor();
      assert.match(await page.getByRole('option').first().textContent(), /^华为/, `query ${q}`);
    }
    await box.fill('hw');
    await page.waitForTimeout(300);
    const texts = await page.getByRole('option').allTextContents();
    assert.ok(!texts.some((s) => s.startsWith('华为')), `no readings, no initials: ${texts.join(' | ')}`);
    assert.equal(await page.getByRole('alert').count(), 0, 'search without pinyin is not a data error');
    assert.ok(asked >= 1);
  });
});

test('one industry filter: the list, the count and the figures agree with the data', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Explore' }).click();
    await page.getByRole('checkbox', { name: 'New materials', exact: true }).check();
    const expected = companies().filter((c) => c.industry === 'new_materials');
    const capital = expected.reduce((s, c) => s + c.capital_yuan, 0);
    await page.locator('.explore__count').filter({ hasText: `${expected.length} of 590` }).waitFor();
    assert.match(await page.locator('.match-chip').textContent(), new RegExp(`${expected.length} compan(y matches|ies match) \\(of 590\\)`));
    assert.equal(await countCompanies(page), expected.length, 'the map shows only matches');
    const totals = await page.locator('.explore__totals').textContent();
    assert.match(totals, new RegExp(`Companies${expected.length}`));
    assert.ok(totals.includes(`¥${(capital / 1e9).toFixed(3).replace(/\.?0+$/, '')} bn`) || totals.includes(`¥${(capital / 1e6).toFixed(3).replace(/\.?0+$/, '')} m`), totals);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.locator('.list__count').filter({ hasText: `${expected.length} ${expected.length === 1 ? 'company matches' : 'companies match'}` }).waitFor();
    // every row on the page is a new-materials company
    const industries = await page.locator('.list__row td:nth-child(2)').allTextContents();
    assert.ok(industries.length > 0 && industries.every((s) => s === 'New materials'));
    assert.match(page.url(), /ind=new_materials/);
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await page.locator('.match-chip').waitFor({ state: 'detached' });
    assert.equal(await countCompanies(page), 590);
  });
});

test('clicking an industry bar filters the map; zones compare side by side', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'Explore' }).click();
    const bar = page.locator('.chart__bar--bio-economy');
    assert.match(await bar.textContent(), /Bio-economy\d+ · ¥/);
    await bar.locator('.chart__rect').click();
    assert.equal(await bar.getAttribute('aria-pressed'), 'true');
    const expected = companies().filter((c) => c.industry === 'bio_economy').length;
    await page.locator(".match-chip").filter({ hasText: new RegExp(`^${expected} compan(y matches|ies match) \\(of 590\\)`) }).waitFor();
    await page.locator('.explore__picks label').nth(0).locator('input').check();
    await page.locator('.explore__picks label').nth(1).locator('input').check();
    const table = page.locator('.explore__compare');
    await table.waitFor();
    assert.equal(await table.locator('thead th').count(), 3);
    const z01 = companies().filter((c) => c.zone === 'z01').length;
    assert.match(await table.locator('tbody tr').first().textContent(), new RegExp(`Companies${z01}`));
  });
});

test('clusters are buttons that say how many companies and zoom in when clicked', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    const cluster = page.locator('.map__cluster').first();
    assert.equal(await cluster.getAttribute('role'), 'button');
    const label = await cluster.getAttribute('aria-label');
    assert.match(label, /^\d+ companies$/);
    const before = await world(page);
    const clustersBefore = await page.locator('.map__cluster').count();
    await cluster.click();
    await page.waitForTimeout(700);
    const after = await world(page);
    assert.ok(after.scale >= before.scale * 3.9, `zoomed in ${after.scale / before.scale}×`);
    assert.ok(await page.locator('.map__company').count() > 0);
    // markers outside the view are not in the DOM
    assert.ok(await countCompanies(page) < 590, 'only what is in view is drawn');
    assert.ok(clustersBefore > 0);
  });
});

test('the list sorts by capital and selecting a row selects the company', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const header = page.getByRole('columnheader', { name: 'Registered capital' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const richest = companies().reduce((a, b) => (a.capital_yuan >= b.capital_yuan ? a : b));
    const first = page.locator('.list__row').first();
    assert.equal(await first.locator('td').first().textContent(), richest.name_en);
    assert.equal(await page.locator('.list__row').count(), 50, 'paginated: 50 rows a page');
    await first.click();
    await page.getByRole('dialog').waitFor();
    assert.equal(await page.locator('#panel-title').textContent(), richest.name_en);
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    // hovering (or focusing) a row highlights its marker on the map
    await page.locator('.list__row').nth(1).hover();
    await first.hover();
    const highlighted = page.locator('.map__marker--highlight');
    await highlighted.waitFor({ state: 'attached' });
    assert.ok((await highlighted.getAttribute('aria-label')).startsWith(richest.name_en));
    await page.getByRole('button', { name: 'Next' }).click();
    assert.notEqual(await page.locator('.list__row td').first().textContent(), richest.name_en);
  });
});

test('the skip link opens and focuses the company list', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en`);
    await waitForPark(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the company list' });
    assert.equal(await skip.evaluate((e) => e === document.activeElement), true);
    await page.keyboard.press('Enter');
    await page.locator('.list__row').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'company-list');
  });
});

test('a filter link reproduces the filter', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    await page.goto(`${suite.url}?lang=en&ind=digital_economy&yr=2022-2024`);
    await waitForPark(page);
    const expected = companies().filter((c) => c.industry === 'digital_economy' && c.founded >= 2022 && c.founded <= 2024).length;
    await page.locator(".match-chip").filter({ hasText: new RegExp(`^${expected} compan(y matches|ies match) \\(of 590\\)`) }).waitFor();
    assert.equal(await countCompanies(page), expected);
  });
});

test('counts take their plural form in zh, en and ru (1, 2, 5, 11, 21, 22, 111 matches)', async (t) => {
  // capital filters that leave exactly n companies: the n smallest capitals, where the next differs
  const capitals = companies().map((c) => c.capital_yuan).sort((a, b) => a - b);
  const forms = {
    en: (n) => `${n} ${n === 1 ? 'company matches' : 'companies match'} (of 590)`,
    zh: (n) => `${n} 家企业符合条件 (共 590)`,
    ru: (n) => {
      const [m10, m100] = [n % 10, n % 100];
      const phrase = m10 === 1 && m100 !== 11 ? 'компания подходит'
        : m10 >= 2 && m10 <= 4 && !(m100 >= 12 && m100 <= 14) ? 'компании подходят' : 'компаний подходят';
      return `${n} ${phrase} (из 590)`;
    },
  };
  await withPage(suite, t, {}, async (page) => {
    let checked = 0;
    for (const n of [1, 2, 5, 11, 21, 22, 111]) {
      if (capitals[n - 1] === capitals[n]) continue; // a tie: no capital range leaves exactly n
      for (const lang of ['zh', 'en', 'ru']) {
        await page.goto(`${suite.url}?lang=${lang}&cap=0-${capitals[n - 1]}`);
        await waitForPark(page);
        assert.equal(await page.locator('.match-chip span').textContent(), forms[lang](n), `${lang} ${n}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 15, `at least five counts checked in three languages (${checked})`);
  });
});
