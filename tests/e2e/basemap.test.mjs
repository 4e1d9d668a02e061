// End to end: the optional basemap (?tiles=) against a local tile server whose tiles the test can
// locate. Every tile is generated here: a checkerboard with a red 5 × 5 px marker drawn exactly
// where a known point (the first vertex of zone z01) falls, computed with Web Mercator in JS. The app and
// the tiles share one origin (a small proxy in front of the suite's server serves /tiles/ itself
// and forwards the rest), because the CSP admits http images only from 'self' (README, "Basemap").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { startSuite, withPage, readData, waitForPark } from './harness.mjs';

const R = 6378137;
// The known point: the first vertex of zone z01's outline (the first point of its SVG path).
const ZONE = readData('zones.geojson').features.find((f) => f.properties.id === 'z01');
const [GATE_LON, GATE_LAT] = ZONE.geometry.coordinates[0][0];

/** Web Mercator metres. */
const merc = (lon, lat) => [R * lon * Math.PI / 180, R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360))];
/** Global pixel of a point at zoom z (256 px tiles, origin top-left of the world). */
const worldPx = (lon, lat, z) => {
  const [x, y] = merc(lon, lat);
  const size = 256 * 2 ** z;
  return [(x / (2 * Math.PI * R) + 0.5) * size, (0.5 - y / (2 * Math.PI * R)) * size];
};
/** Where the app must draw (lon, lat) for a view centred on (clon, clat) at `zoom`, in a w × h map. */
const screenOf = (lon, lat, clon, clat, zoom, w, h) => {
  const [px, py] = worldPx(lon, lat, zoom);
  const [cx, cy] = worldPx(clon, clat, zoom);
  return [px - cx + w / 2, py - cy + h / 2];
};

// GCJ-02, the published formula (the same as src/geo/china.rs; checked below against its table).
function gcj02(lon, lat) {
  const a = 6378245.0, ee = 0.006693421622965943;
  const x = lon - 105, y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  dLat += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  dLat += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  dLon += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  dLon += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
  const radLat = lat / 180 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sqrtMagic) * Math.PI);
  dLon = (dLon * 180) / (a / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

// --- a PNG encoder, enough for RGBA tiles ---
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function png(w, h, rgba) {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Tile z/x/y: a checkerboard square with the part of the known point's red marker that falls in it. */
function tile(z, x, y) {
  const rgba = Buffer.alloc(256 * 256 * 4);
  const light = (x + y) % 2 ? [214, 226, 240, 255] : [236, 232, 218, 255];
  for (let i = 0; i < 256 * 256; i++) rgba.set(light, i * 4);
  const [gx, gy] = worldPx(GATE_LON, GATE_LAT, z);
  const [mx, my] = [Math.floor(gx) - x * 256, Math.floor(gy) - y * 256];
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const [px, py] = [mx + dx, my + dy];
      if (px >= 0 && px < 256 && py >= 0 && py < 256) rgba.set([255, 0, 0, 255], (py * 256 + px) * 4);
    }
  }
  return png(256, 256, rgba);
}

let suite;
let proxy;
let app;
const requests = []; // { path, referer }
before(async () => {
  suite = await startSuite();
  proxy = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const m = /^\/(tiles|t500)\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path);
    if (m) {
      requests.push({ path, referer: req.headers.referer });
      if (m[1] === 't500') { res.writeHead(500, { 'content-type': 'text/plain' }).end('broken'); return; }
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(tile(+m[2], +m[3], +m[4]));
      return;
    }
    const up = http.request(new URL(req.url, suite.url), { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  app = `http://127.0.0.1:${proxy.address().port}/`;
});
after(async () => {
  proxy?.closeAllConnections();
  await new Promise((r) => (proxy ? proxy.close(r) : r()));
  await suite?.close();
});

const TEMPLATE = (dir) => encodeURIComponent(`${app}${dir}/{z}/{x}/{y}.png`);
const open = async (page, query, zoom, lon = GATE_LON + 0.0008, lat = GATE_LAT - 0.0005) => {
  // A fresh load each time: a goto that changes only the hash is a same-document navigation, and the
  // map could be measured before it has moved to the new view.
  await page.goto('about:blank');
  await page.goto(`${app}?lang=en${query}#map=${zoom}/${lat}/${lon}`);
  await waitForPark(page);
  return { lon, lat };
};
const allLoaded = (page) => page.waitForFunction(() => {
  const imgs = [...document.querySelectorAll('.map__tile')];
  return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth === 256);
}, null, { timeout: 10000 });

/** Everything the page shows about the known point ("gate"): the map box, each tile's box and z/x/y, the point
 *  marker's SVG translate. */
const measure = (page) => page.evaluate(() => {
  const map = document.querySelector('.map').getBoundingClientRect();
  const tiles = [...document.querySelectorAll('.map__tile')].map((img) => {
    const [z, x, y] = new URL(img.src).pathname.split('/').slice(-3).map((s) => parseInt(s, 10));
    const r = img.getBoundingClientRect();
    return { z, x, y, left: r.left - map.left, top: r.top - map.top, width: r.width, height: r.height };
  });
  // Where the SVG draws the zone's first vertex, on screen.
  const zone = document.querySelector('[data-select="zone:z01"]');
  const p = zone.getPointAtLength(0);
  const c = zone.getScreenCTM();
  const gate = [c.a * p.x + c.c * p.y + c.e - map.left, c.b * p.x + c.d * p.y + c.f - map.top];
  return { w: map.width, h: map.height, tiles, gate };
});

/** The gate's position as the tiles show it: its pixel in the tile that holds it, on screen. */
function gateOnTiles(m) {
  for (const t of m.tiles) {
    const [gx, gy] = worldPx(GATE_LON, GATE_LAT, t.z);
    const [px, py] = [gx - t.x * 256, gy - t.y * 256];
    if (px >= 0 && px < 256 && py >= 0 && py < 256) {
      return [t.left + px * t.width / 256, t.top + py * t.height / 256];
    }
  }
  return null;
}

/** Checks every tile's box against Web Mercator for the view and returns the largest error (px). */
function tileError(m, view, zoom) {
  const z = Math.min(18, Math.round(zoom));
  let worst = 0;
  for (const t of m.tiles) {
    assert.equal(t.z, z, 'tiles of the rounded zoom');
    const [cx, cy] = worldPx(view.lon, view.lat, zoom);
    const scale = 2 ** (zoom - z);
    const left = t.x * 256 * scale - cx + m.w / 2;
    const top = t.y * 256 * scale - cy + m.h / 2;
    worst = Math.max(worst, Math.abs(t.left - left), Math.abs(t.top - top),
      Math.abs(t.width - 256 * scale), Math.abs(t.height - 256 * scale));
  }
  return worst;
}

/** Centre of the red marker in a screenshot of 24 × 24 px around (x, y) (page coordinates). */
async function redAt(page, x, y) {
  const shot = await page.screenshot({ clip: { x: x - 12, y: y - 12, width: 24, height: 24 } });
  const c = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0, sx = 0, sy = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] > 200 && d[i + 1] < 80 && d[i + 2] < 80) { n++; sx += (i / 4) % img.width + 0.5; sy += Math.floor(i / 4 / img.width) + 0.5; }
    }
    return n ? [sx / n, sy / n, n] : null;
  }, shot.toString('base64'));
  return c && [x - 12 + c[0], y - 12 + c[1], c[2]];
}

test('tiles line up with the SVG within half a pixel at whole and fractional zooms, and after a pan', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    const report = [];
    for (const zoom of [15, 15.37, 16.5, 17.8, 13.2]) {
      const view = await open(page, `&tiles=${TEMPLATE('tiles')}`, zoom);
      await allLoaded(page);
      const m = await measure(page);
      const err = tileError(m, view, zoom);
      const expected = screenOf(GATE_LON, GATE_LAT, view.lon, view.lat, zoom, m.w, m.h);
      const onTiles = gateOnTiles(m);
      const svgErr = Math.hypot(m.gate[0] - onTiles[0], m.gate[1] - onTiles[1]);
      const refErr = Math.hypot(expected[0] - onTiles[0], expected[1] - onTiles[1]);
      report.push(`z${zoom}: tile boxes ${err.toFixed(3)} px, SVG vertex vs tiles ${svgErr.toFixed(3)} px`);
      assert.ok(err <= 0.5, `zoom ${zoom}: a tile box is ${err} px off Web Mercator`);
      assert.ok(refErr <= 0.5, `zoom ${zoom}: the gate on the tiles is ${refErr} px off`);
      assert.ok(svgErr <= 0.5, `zoom ${zoom}: the zone vertex drawn by the SVG is ${svgErr} px off the tiles' gate`);
      // Only tiles in view plus a one-tile margin are in the DOM, and every tile in view is.
      const size = 256 * 2 ** (zoom - Math.min(18, Math.round(zoom)));
      for (const tl of m.tiles) {
        assert.ok(tl.left + tl.width > -size - 0.5 && tl.left < m.w + size + 0.5
          && tl.top + tl.height > -size - 0.5 && tl.top < m.h + size + 0.5, `tile ${tl.z}/${tl.x}/${tl.y} is beyond the margin`);
      }
      const cols = Math.ceil(m.w / size) + 3, rows = Math.ceil(m.h / size) + 3;
      assert.ok(m.tiles.length <= cols * rows, `${m.tiles.length} tiles for a ${cols} × ${rows} grid`);
      const [gx, gy] = gateOnTiles(m);
      assert.ok(gx > 0 && gy > 0, 'the gate is on screen');
    }

    // The pixels: with the SVG hidden, the red marker of the tiles is where the gate is drawn.
    const map = await page.locator('.map').boundingBox();
    let m = await measure(page);
    await page.evaluate(() => { document.querySelector('.map__svg').style.visibility = 'hidden'; });
    const red = await redAt(page, map.x + m.gate[0], map.y + m.gate[1]);
    assert.ok(red, 'the red marker of the tiles is on screen near the gate');
    const pixelErr = Math.hypot(red[0] - map.x - m.gate[0], red[1] - map.y - m.gate[1]);
    report.push(`screenshot: red marker centre ${pixelErr.toFixed(2)} px from the gate's SVG position`);
    assert.ok(pixelErr <= 1, `the tiles' red marker is ${pixelErr} px from the gate`);
    await page.evaluate(() => { document.querySelector('.map__svg').style.visibility = ''; });

    // A drag: during the preview and after the drop, tiles move with the SVG; elements are reused.
    m = await measure(page);
    const before = gateOnTiles(m);
    await page.evaluate(() => { for (const img of document.querySelectorAll('.map__tile')) img.dataset.kept = '1'; });
    const [sx, sy] = [map.x + map.width / 2, map.y + map.height / 2];
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move(sx + 60, sy - 30, { steps: 3 });
    await page.mouse.move(sx + 137, sy - 83, { steps: 3 });
    const during = gateOnTiles(await measure(page));
    assert.ok(Math.hypot(during[0] - before[0] - 137, during[1] - before[1] + 83) <= 0.5, `tiles follow the drag preview: ${during} vs ${before}`);
    await page.mouse.up();
    await allLoaded(page);
    m = await measure(page);
    const after = gateOnTiles(m);
    assert.ok(Math.hypot(after[0] - before[0] - 137, after[1] - before[1] + 83) <= 0.5, `after the pan: ${after} vs ${before}`);
    assert.ok(Math.hypot(m.gate[0] - after[0], m.gate[1] - after[1]) <= 0.5, 'SVG and tiles agree after the pan');
    const kept = await page.evaluate(() => document.querySelectorAll('.map__tile[data-kept]').length);
    assert.ok(kept >= m.tiles.length / 2, `a pan reuses the tiles still in view (${kept} of ${m.tiles.length})`);

    // A fly-to (the + button): every animation frame, tiles and SVG agree.
    const frames = await page.evaluate(([GLON, GLAT]) => new Promise((resolve) => {
      const worst = [];
      const started = performance.now();
      document.querySelector('.controls__button').click();
      const sample = () => {
        const map = document.querySelector('.map').getBoundingClientRect();
        const zone = document.querySelector('[data-select="zone:z01"]');
        const p = zone.getPointAtLength(0);
        const c = zone.getScreenCTM();
        const tr = [null, c.a * p.x + c.c * p.y + c.e - map.left, c.b * p.x + c.d * p.y + c.f - map.top];
        for (const img of document.querySelectorAll('.map__tile')) {
          const [z, x, y] = new URL(img.src).pathname.split('/').slice(-3).map((s) => parseInt(s, 10));
          const size = 256 * 2 ** z;
          const gx = (GLON / 360 + 0.5) * size - x * 256;
          const yy = Math.log(Math.tan(Math.PI / 4 + GLAT * Math.PI / 360));
          const gy = (0.5 - yy / (2 * Math.PI)) * size - y * 256;
          if (tr && gx >= 0 && gx < 256 && gy >= 0 && gy < 256) {
            const r = img.getBoundingClientRect();
            worst.push(Math.hypot(r.left - map.left + gx * r.width / 256 - tr[1], r.top - map.top + gy * r.height / 256 - tr[2]));
          }
        }
        // the flight's 700 ms, and at least 8 frames however slow they come on a loaded machine
        const t = performance.now() - started;
        if ((t < 700 || worst.length < 8) && t < 5000) requestAnimationFrame(sample); else resolve(worst);
      };
      requestAnimationFrame(sample);
    }), [GATE_LON, GATE_LAT]);
    assert.ok(frames.length >= 5, `sampled ${frames.length} frames of the flight`);
    const worstFrame = Math.max(...frames);
    report.push(`fly-to: ${frames.length} frames, worst ${worstFrame.toFixed(3)} px`);
    assert.ok(worstFrame <= 0.5, `during the flight tiles and SVG part by ${worstFrame} px`);
    t.diagnostic(report.join('; '));
    assert.deepEqual(pageErrors, []);
  });
});

test('tile requests send no referrer, and the attribution credits the tiles as plain text', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    requests.length = 0;
    await open(page, `&tiles=${TEMPLATE('tiles')}&tiles_attr=${encodeURIComponent('<b>Test tiles</b> ©')}`, 15);
    await allLoaded(page);
    assert.ok(requests.length > 0);
    assert.deepEqual(requests.filter((r) => r.referer !== undefined), [], 'no Referer header on any tile');
    const credit = page.locator('.attribution__tiles');
    assert.match(await credit.textContent(), /<b>Test tiles<\/b> ©/);
    assert.equal(await page.locator('.attribution b').count(), 0, 'never parsed as HTML');
    for (const img of await page.locator('.map__tile').all()) {
      assert.equal(await img.getAttribute('referrerpolicy'), 'no-referrer');
      assert.equal(await img.getAttribute('alt'), '');
    }
    assert.equal(await page.locator('.map__tiles').getAttribute('aria-hidden'), 'true');
    // The app rewrites its URL; the basemap stays on it.
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tiles_attr') === '<b>Test tiles</b> ©');
    assert.equal(new URL(page.url()).searchParams.get('tiles'), `${app}tiles/{z}/{x}/{y}.png`);
  });
});

test('a tile that fails is asked for exactly twice, then left blank', async (t) => {
  await withPage(suite, t, {}, async (page, pageErrors) => {
    requests.length = 0;
    await open(page, `&tiles=${TEMPLATE('t500')}`, 15);
    const n = await page.locator('.map__tile').count();
    assert.ok(n > 0);
    await page.waitForFunction((n) => document.querySelectorAll('.map__tile--failed').length === n, n, { timeout: 10000 });
    await page.waitForTimeout(1000);
    const counts = {};
    for (const r of requests) counts[r.path] = (counts[r.path] || 0) + 1;
    assert.equal(Object.keys(counts).length, n, 'one path per tile in the DOM');
    assert.deepEqual(Object.values(counts).filter((c) => c !== 2), [], `every failed tile requested twice: ${JSON.stringify(counts)}`);
    const shown = await page.evaluate(() => [...document.querySelectorAll('.map__tile')].filter((i) => getComputedStyle(i).visibility !== 'hidden').length);
    assert.equal(shown, 0, 'failed tiles are blank');
    assert.ok(await page.locator('.map__company, .map__cluster').count() > 0, 'the park is still drawn');
    assert.deepEqual(pageErrors, []);
  });
});

test('tiles_crs=gcj02 draws the park shifted by the GCJ-02 offset while #map stays WGS84', async (t) => {
  // The JS formula agrees with src/geo/china.rs's reference table (126.53, 45.857 → GCJ-02).
  const ref = gcj02(126.53, 45.857);
  assert.ok(Math.abs(ref[0] - 126.5360678118) < 1e-9 && Math.abs(ref[1] - 45.8589779039) < 1e-9, `${ref}`);
  await withPage(suite, t, {}, async (page, pageErrors) => {
    const zoom = 16;
    const view = await open(page, `&tiles=${TEMPLATE('tiles')}&tiles_crs=gcj02`, zoom);
    await allLoaded(page);
    const m = await measure(page);
    // The link's WGS84 centre is shown where GCJ-02 tiles have it: the view is centred on gcj(C).
    const [clon, clat] = gcj02(view.lon, view.lat);
    const tilesErr = tileError(m, { lon: clon, lat: clat }, zoom);
    assert.ok(tilesErr <= 0.5, `tiles are placed for the GCJ-02 centre: ${tilesErr} px`);
    // The zone's vertex is drawn at its GCJ-02 position…
    const [glon, glat] = gcj02(GATE_LON, GATE_LAT);
    const expected = screenOf(glon, glat, clon, clat, zoom, m.w, m.h);
    const err = Math.hypot(m.gate[0] - expected[0], m.gate[1] - expected[1]);
    // …that is, off the tiles' WGS84 mark of the same vertex by exactly the GCJ-02 offset.
    const onTiles = gateOnTiles(m);
    const [ax, ay] = worldPx(GATE_LON, GATE_LAT, zoom);
    const [bx, by] = worldPx(glon, glat, zoom);
    const offErr = Math.hypot(m.gate[0] - onTiles[0] - (bx - ax), m.gate[1] - onTiles[1] - (by - ay));
    const shift = Math.hypot(m.gate[0] - onTiles[0], m.gate[1] - onTiles[1]);
    const metres = shift * 2 * Math.PI * R / (256 * 2 ** zoom) * Math.cos(GATE_LAT * Math.PI / 180);
    t.diagnostic(`gcj02: vertex drawn ${shift.toFixed(1)} px (${metres.toFixed(0)} m) off the tiles' WGS84 mark; ${err.toFixed(3)} px off its GCJ-02 place; offset ${offErr.toFixed(3)} px off the formula`);
    assert.ok(metres > 300 && metres < 900, `shift of ${metres} m`);
    assert.ok(err <= 0.5, `the vertex is ${err} px off its GCJ-02 position`);
    assert.ok(offErr <= 0.5, `the drawing is shifted ${offErr} px off the GCJ-02 offset`);
    const view2 = view;
    // The URL keeps the WGS84 centre the link gave (written with 5 decimals at z16).
    await page.waitForFunction(() => /#map=16\//.test(location.hash));
    const [, lat, lon] = /#map=16\/([-\d.]+)\/([-\d.]+)/.exec(new URL(page.url()).hash);
    assert.ok(Math.abs(lat - view2.lat) < 1e-5 && Math.abs(lon - view2.lon) < 1e-5, `#map=${lat}/${lon} vs ${view2.lat}/${view2.lon}`);
    assert.deepEqual(pageErrors, []);
  });
});

test('without ?tiles= there is no tile element and no tile request', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    requests.length = 0;
    await open(page, '', 15);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.map__tiles, .map__tile, .attribution__tiles').count(), 0);
    assert.deepEqual(requests, []);
  });
});

test('a bad tile template is named in an alert and the map still works', async (t) => {
  await withPage(suite, t, {}, async (page) => {
    requests.length = 0;
    await open(page, `&tiles=${encodeURIComponent(`${app}tiles/{z}/{x}.png`)}`, 15);
    const alert = page.locator('.alerts');
    assert.match(await alert.textContent(), /URL: tiles: tile URL template .* has no \{y\}/);
    assert.equal(await page.locator('.map__tile').count(), 0);
    assert.ok(await page.locator('.map__company, .map__cluster').count() > 0);
    assert.deepEqual(requests, []);
  });
});
