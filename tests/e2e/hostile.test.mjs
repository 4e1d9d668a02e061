// End to end: every hostile park bundle of tests/fixtures/hostile/ (its verdict in expect.json,
// shared with tests/hostile.rs) opened in the built app. For each: a role="alert" that says where
// the problems are (none for the bundles the app rightly accepts), exactly what is valid is drawn,
// no page error (a Rust panic would show as one), no JS dialog, no <img>, <script> or on*
// attribute from data, and the page still answers and zooms. The large files are generated here,
// byte for byte as in tests/hostile.rs, and served from memory through the suite's overrides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSuite, withPage, ROOT } from './harness.mjs';

const EXPECT = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/hostile/expect.json'), 'utf8'));
const MAX_LAYER_BYTES = 32 * 1024 * 1024;
/** The alert lists this many problems and counts the rest (MAX_LISTED_ERRORS in src/ui/mod.rs). */
const LISTED = 8;

// ---- generated files: keep in step with generate() in tests/hostile.rs ----------------------
const VALID_COMPANY = '{"type":"Feature","geometry":{"type":"Point","coordinates":[126.505,45.845]},"properties":{"id":"c1","name_zh":"华为","name_en":"Huawei","industry":"digital_economy","zone":"zw"}}';
const collection = (features) => `{"type":"FeatureCollection","features":[${features}]}`;
const company = (id, lon, extra) =>
  `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},45.842]},"properties":{"id":"${id}","name_zh":"甲","name_en":"A","industry":"digital_economy","zone":"zw"${extra}}}`;
const pad = (i, n) => String(i).padStart(n, '0');
const squareZone = (id, w, e) =>
  `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[${w},45.83],[${e},45.83],[${e},45.85],[${w},45.85],[${w},45.83]]]},"properties":{"id":"${id}","name_zh":"区","name_en":"Zone","category":"industry"}}`;

const GENERATORS = {
  'line-1e6': () => {
    const coords = Array.from({ length: 1_000_000 }, (_, i) => `[126.5${pad(i, 7)},45.835]`).join(',');
    return collection(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[${coords}]},"properties":{"id":"g1","name_zh":"长","name_en":"Long"}},{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.52,45.835],[126.54,45.835]]},"properties":{"id":"g2","name_zh":"东绿道","name_en":"East Greenway"}}`);
  },
  'multi-vertices': () => {
    const line = `[${Array.from({ length: 20_000 }, (_, i) => `[126.5${pad(i, 5)},45.84]`).join(',')}]`;
    return collection(`{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[${line},${line},${line}]},"properties":{"kind":"road"}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.50,45.83],[126.54,45.83],[126.54,45.85],[126.50,45.85],[126.50,45.83]]]},"properties":{"kind":"boundary"}}`);
  },
  'site-60k-vertices': () => {
    const ring = Array.from({ length: 59_999 }, (_, i) => {
      const a = (i / 59_999) * 2 * Math.PI;
      return `[${(126.51 + 0.005 * Math.cos(a)).toFixed(7)},${(45.84 + 0.005 * Math.sin(a)).toFixed(7)}]`;
    });
    return collection(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[${ring.join(',')},${ring[0]}]]},"properties":{"id":"s-huge","name_zh":"巨","name_en":"Huge","type":"land","zone":"zw"}},{"type":"Feature","geometry":{"type":"Point","coordinates":[126.516,45.846]},"properties":{"id":"s-after","name_zh":"后","name_en":"After the huge one","type":"office","zone":"zw"}}`);
  },
  'features-200001': () =>
    collection(Array(200_001).fill('{"type":"Feature","geometry":null,"properties":null}').join(',')),
  'too-large': () => {
    const text = collection(VALID_COMPANY);
    const spaces = ' '.repeat(MAX_LAYER_BYTES + 1 - Buffer.byteLength(text));
    return text.slice(0, -2) + spaces + text.slice(-2);
  },
  'huge-strings': () => {
    const mb = 'x'.repeat(1 << 20);
    return collection([
      company('c1', '126.505', `,"name_en":"${mb}"`).replace('"name_en":"A",', ''),
      company('c2', '126.510', `,"description_en":"${mb}"`),
      company('c3', '126.515', `,"website":"https://a.example/${mb}"`),
      company('c4', '126.518', `,"sector":"${mb}","address_zh":"${mb}"`),
    ].join(','));
  },
  'many-errors': () => {
    const bad = Array.from({ length: 10_000 }, (_, i) => company(`b${i}`, '526.51', ''));
    const good = ['126.505', '126.510', '126.515', '126.518'].map((lon, i) => company(`c${i + 1}`, lon, ''));
    return collection([...bad, ...good].join(','));
  },
  'identical-zones': () => {
    const zones = [squareZone('zw', '126.50', '126.52'), squareZone('ze', '126.52', '126.54')];
    for (let i = 0; i < 4_998; i++) zones.push(squareZone(`zc${i}`, '126.50', '126.52'));
    return collection(zones.join(','));
  },
  'complex-zone': () => {
    const ring = Array.from({ length: 49_998 }, (_, i) => {
      const a = i / 49_998 * (2 * Math.PI);
      return `[${(126.51 + 0.0099 * Math.cos(a)).toFixed(7)},${(45.84 + 0.0099 * Math.sin(a)).toFixed(7)}]`;
    });
    const coords = `[${ring.join(',')},${ring[0]}]`;
    return collection(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[${coords}]},"properties":{"id":"zw","name_zh":"圆","name_en":"Round Zone","category":"industry"}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[126.52,45.83],[126.54,45.83],[126.54,45.85],[126.52,45.85],[126.52,45.83]]]},"properties":{"id":"ze","name_zh":"东区","name_en":"East Zone","category":"green_space"}}`);
  },
  'deep-layer': () => collection('['.repeat(100_000) + ']'.repeat(100_000)),
  'deep-manifest': () => `{"parkmap":1,"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
};

// ---- what is drawn --------------------------------------------------------------------------
const SELECTORS = {
  context: '.map__context', zones: '.map__zone', waterfront: '.map__trail--waterfront',
  greenway: '.map__trail--greenway', pois: '.map__poi', companies: '.map__company',
};

/** Features drawn per layer; companies count singles plus the counts of their clusters. */
async function drawn(page) {
  return page.evaluate((selectors) => {
    const n = (s) => document.querySelectorAll(s).length;
    const out = Object.fromEntries(Object.entries(selectors).map(([k, s]) => [k, n(s)]));
    out.companies += [...document.querySelectorAll('.map__cluster-count')].reduce((a, t) => a + Number(t.textContent), 0);
    return out;
  }, SELECTORS);
}

/** Markup that data must never produce: media and script elements, inline handlers. */
async function markupFromData(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('img, iframe, object, embed, foreignObject, svg script, a[href^="javascript" i]')) {
      found.push(el.outerHTML.slice(0, 80));
    }
    for (const s of document.querySelectorAll('script')) {
      if (!s.src || new URL(s.src).origin !== location.origin) found.push(s.outerHTML.slice(0, 80));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) found.push(`${el.tagName} ${a}`);
    }
    return found;
  });
}

/** Resolves as `promise` does, or throws after `ms` (so a frozen page fails instead of hanging). */
function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]);
}

let suite;
const started = Date.now();
before(async () => {
  suite = await startSuite();
  for (const [name, e] of Object.entries(EXPECT)) {
    for (const [file, what] of Object.entries(e.generated || {})) {
      const type = file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/geo+json; charset=utf-8';
      suite.overrides[`/fixtures/hostile/${name}/${file}`] = { body: Buffer.from(GENERATORS[what](), 'utf8'), type };
    }
  }
});
after(async () => {
  await suite?.close();
  console.log(`# hostile bundles: ${Object.keys(EXPECT).length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

for (const [name, e] of Object.entries(EXPECT)) {
  test(`${name}: ${e.verdict}`, async (t) => {
    await withPage(suite, t, {}, async (page, pageErrors) => {
      const dialogs = [];
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      await page.goto(`${suite.url}?lang=en&park=/fixtures/hostile/${name}/park.json`);
      await page.locator('.map__svg').waitFor();
      // Loading is over (the veil and the chip gone; retries of unreachable layers included).
      await page.waitForFunction(() => !document.querySelector('.map__loading, .map__loading-chip'), null, { timeout: 30_000 });

      // Whatever is valid is drawn (markers only where on screen).
      const want = { ...e.drawn, ...(e.on_screen || {}) };
      await page.waitForFunction((w) => Object.entries(w).every(([k, n]) => {
        const clustered = k === '.map__company'
          ? [...document.querySelectorAll('.map__cluster-count')].reduce((a, t) => a + Number(t.textContent), 0) : 0;
        return document.querySelectorAll(k).length + clustered === n;
      }), Object.fromEntries(Object.entries(want).map(([k, n]) => [SELECTORS[k], n])), { timeout: 10_000 })
        .catch(() => {});
      assert.deepEqual(await drawn(page), want, 'features drawn per layer');

      // The alert, located.
      const alert = page.locator('.alerts[role="alert"]');
      if (e.alert_count === 0) {
        assert.equal(await alert.count(), 0, 'no alert for a bundle the app accepts');
      } else {
        const text = await alert.textContent();
        for (const needle of e.alert) assert.ok(text.includes(needle), `alert should say ${JSON.stringify(needle)}; it says ${text.slice(0, 2000)}`);
        assert.equal(await alert.locator('.alerts__item').count(), Math.min(LISTED, e.alert_count), 'problems listed');
        if (e.alert_count > LISTED) {
          assert.match(await alert.locator('.alerts__more').textContent(), new RegExp(`^\\+${e.alert_count - LISTED}\\b`));
        }
        for (const item of await alert.locator('.alerts__item').allTextContents()) {
          assert.match(item, /^\S+: \S/, `located (file first): ${item.slice(0, 200)}`);
          assert.ok(item.length < 400, `short: ${item.length} characters`);
        }
      }

      // What the site finder adds when it opens: the manifest's hubs and contact, read then.
      if (e.finder_alert?.length) {
        await page.getByRole('button', { name: 'Find a site' }).click();
        await page.waitForFunction((needles) => {
          const text = document.querySelector('.alerts[role="alert"]')?.textContent ?? '';
          return needles.every((n) => text.includes(n));
        }, e.finder_alert, { timeout: 15_000 });
      }

      // Nothing from data ran or became markup.
      assert.deepEqual(await markupFromData(page), []);
      assert.deepEqual(dialogs, [], 'no dialog');
      assert.deepEqual(pageErrors, [], 'no page error (a panic shows as one)');

      // Still responsive: the page answers, and the + button zooms when there is a map to zoom.
      assert.equal(await within(5_000, 'evaluate', page.evaluate(() => 1)), 1);
      if (await page.getByRole('button', { name: 'Zoom in' }).count()) {
        const scale = () => page.evaluate(() => Number(/matrix\(([^ ,]+)/.exec(document.querySelector('.map__world').getAttribute('transform'))[1]));
        const before = await scale();
        await within(5_000, 'zoom in', page.getByRole('button', { name: 'Zoom in' }).click());
        await page.waitForFunction((s) => Number(/matrix\(([^ ,]+)/.exec(document.querySelector('.map__world').getAttribute('transform'))[1]) > s * 1.5,
          before, { timeout: 5_000 });
        assert.deepEqual(pageErrors, [], 'no page error after zooming');
      }
    });
  });
}
