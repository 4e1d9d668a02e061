// Makes the README's screenshot (docs/screenshot.png) from the built dist/: the shipped park in
// English with the service-centers zone's panel open. Run: node tests/e2e/screenshot.mjs (after trunk build --release).
import path from 'node:path';
import { startSuite, waitForPark, ROOT } from './harness.mjs';

const suite = await startSuite();
try {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`${suite.url}?lang=en`);
  await waitForPark(page);
  await page.locator('.legend__toggle').click();
  await page.locator('[data-select="zone:z09"]').dispatchEvent('click');
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.waitForTimeout(800);
  const file = path.join(ROOT, 'docs/screenshot.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
} finally {
  await suite.close();
}
