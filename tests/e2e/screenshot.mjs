// Makes the README's screenshots from the built dist/, one per size: 1366 × 800 in English, the whole park;
// 768 × 1024 in Russian with the explore panel, 390 × 844 in Chinese.
// Run: node tests/e2e/screenshot.mjs (after node scripts/build.mjs; needs Debian's fonts-noto-cjk).
import path from 'node:path';
import { startSuite, waitForPark, ROOT } from './harness.mjs';

const SHOTS = [
  { file: 'docs/screenshot-1366.png', width: 1366, height: 800, lang: 'en', scene: 'map' },
  { file: 'docs/screenshot-768.png', width: 768, height: 1024, lang: 'ru', scene: 'explore' },
  { file: 'docs/screenshot-390.png', width: 390, height: 844, lang: 'zh', scene: 'map' },
];

const suite = await startSuite();
try {
  for (const s of SHOTS) {
    const page = await suite.browser.newPage({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: 1 });
    await page.goto(`${suite.url}?lang=${s.lang}`);
    await waitForPark(page);
    if (s.scene === 'zone') {
      await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
      await page.getByRole('dialog').waitFor();
    } else if (s.scene === 'explore') {
      await page.locator('.header__actions > button').first().click();
      await page.locator('.explore').waitFor();
    }
    await page.waitForTimeout(900);
    await page.screenshot({ path: path.join(ROOT, s.file) });
    console.log(`wrote ${s.file}`);
    await page.close();
  }
} finally {
  await suite.close();
}
