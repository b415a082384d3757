// `node e2e/lib/shoot.mjs <url> <out.png> [width] [height]`: a full-page screenshot once every
// widget is ready, printing any console errors. A developer's tool for looking at what we build.
import { launch, openPage } from './browser.mjs';

const [url, out, width = '1100', height = '900'] = process.argv.slice(2);
const browser = await launch();
const { page, problems } = await openPage(browser, { width: Number(width), height: Number(height) });
await page.goto(url);
const expected = await page.locator('treatment-widget').count();
await page.waitForFunction((n) => document.querySelectorAll('treatment-widget[data-ready]').length >= n, expected, { timeout: 20000 })
  .catch(() => console.error('not every widget became ready'));
await page.screenshot({ path: out, fullPage: true });
for (const p of problems) console.log(p);
await browser.close();
