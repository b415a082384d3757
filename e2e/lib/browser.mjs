// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A page in a fresh context, collecting console errors and page errors for assertions. */
export async function openPage(browser, { width = 1100, height = 900, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    if (m.location()?.url?.endsWith('/favicon.ico')) return; // the fixtures have no icon; not the widget's
    problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

/** Waits until every <treatment-widget> on the page has announced it is ready. */
export async function waitForWidgets(page, count) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('treatment-widget[data-ready]').length >= n,
    count,
    { timeout: 20000 },
  );
}
