// `node e2e/lib/tour.mjs <out-dir> [width ...]`: screenshots of the widget in every view at each
// width (default 360 and 1100), against the release dist/, for a person to look at.
import { mkdirSync } from 'node:fs';
import { openPage, waitForWidgets } from './browser.mjs';
import { startHarness } from './harness.mjs';
import { VIEWS } from './views.mjs';

const [out, ...widths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const h = await startHarness();
const { browser, site: origin } = h;
for (const width of (widths.length ? widths : ['360', '1100']).map(Number)) {
  for (const view of VIEWS) {
    const { page, problems, context } = await openPage(browser, { width, height: 900 });
    await page.goto(`${origin}/fixtures/plain-fluid.html${view.hash ? `#tw=${view.hash}` : ''}`);
    await waitForWidgets(page, 1);
    const w = page.locator('treatment-widget');
    if (view.act) await view.act(w);
    await w.screenshot({ path: `${out}/${view.name}-${width}.png` });
    for (const p of problems) console.log(`${view.name}@${width}: ${p}`);
    await context.close();
  }
}
await h.close();
