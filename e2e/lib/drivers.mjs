// One small interface over two automation libraries, so one journey's code runs in Chromium
// (playwright-core over the DevTools protocol) and in Firefox (puppeteer-core over WebDriver
// BiDi: Playwright cannot drive a stock Firefox). Clicks and keys are real input events at the
// element's place on screen; queries reach into the widgets' open shadow roots.
import puppeteer from 'puppeteer-core';
import { launch as launchChromium } from './browser.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The browsers the shared journeys run in (E2E_BROWSERS=chromium to run one). */
export const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter(Boolean);

export async function launchDriver(name) {
  if (name === 'chromium') {
    const browser = await launchChromium();
    return { name, newPage: (options) => chromiumPage(browser, options), close: () => browser.close() };
  }
  if (name === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true,
    });
    return { name, newPage: (options) => firefoxPage(browser, options), close: () => browser.close() };
  }
  throw new Error(`unknown browser ${name}: chromium or firefox`);
}

async function chromiumPage(browser, { width = 1100, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !m.location()?.url?.endsWith('/favicon.ico')) {
      problems.push(`${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return new TestPage(problems, {
    goto: (url) => page.goto(url),
    init: (fn) => page.addInitScript(fn),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn, arg, { timeout }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    shoot: (selector) => page.locator(selector).screenshot(),
    close: () => context.close(),
  });
}

async function firefoxPage(browser, { width = 1100, height = 900 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return new TestPage(problems, {
    goto: (url) => page.goto(url),
    init: (fn) => page.evaluateOnNewDocument(fn),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn, { timeout }, arg),
    click: (x, y) => page.mouse.click(x, y),
    // "Shift+Tab" as Playwright spells it: puppeteer presses one key, so hold the modifiers.
    press: async (combo) => {
      const keys = combo.split('+');
      const named = keys.pop();
      const key = named === 'Space' ? ' ' : named; // puppeteer over BiDi knows the space by its character
      for (const m of keys) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of keys.reverse()) await page.keyboard.up(m);
    },
    shoot: async (selector) => Buffer.from(await (await page.$(selector)).screenshot()),
    close: () => context.close(),
  });
}

/** Finds elements inside the widgets' shadow roots. Runs in the page, so it must stand alone.
 *  `q`: { host: CSS of the widget element, css: CSS inside its shadow root, text: the element's
 *  text starts with this (spaces collapsed), or `label`: a form control whose <label> starts with this }. */
function deepFind(q) {
  const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const roots = [...document.querySelectorAll(q.host ?? 'treatment-widget')].map((h) => h.shadowRoot).filter(Boolean);
  if (q.label !== undefined) {
    return roots.flatMap((r) => [...r.querySelectorAll('label')])
      .filter((l) => clean(l.textContent).startsWith(q.label))
      .map((l) => l.control ?? (l.htmlFor && l.getRootNode().getElementById(l.htmlFor)))
      .filter(Boolean);
  }
  return roots.flatMap((r) => [...r.querySelectorAll(q.css)])
    .filter((e) => q.text === undefined || clean(e.textContent).startsWith(q.text));
}

class TestPage {
  constructor(problems, raw) {
    this.problems = problems;
    this.raw = raw;
  }

  goto(url) { return this.raw.goto(url); }
  /** The address as the page sees it (puppeteer's own record can lag behind same-document moves). */
  url() { return this.evaluate(() => location.href); }
  /** The browser's Back, as the page's history sees it; the caller waits for what it shows.
   *  (puppeteer's goBack over BiDi can wait forever for a same-document navigation.) */
  back() { return this.evaluate(() => history.back()); }
  /** Runs `fn` in every document before its own scripts. */
  init(fn) { return this.raw.init(fn); }
  evaluate(fn, arg) { return this.raw.evaluate(fn, arg); }
  waitFor(fn, arg, timeout = 10000) { return this.raw.waitFor(fn, arg, timeout); }
  press(key) { return this.raw.press(key); }
  screenshot(selector) { return this.raw.shoot(selector); }
  close() { return this.raw.close(); }

  async waitForWidgets(count) {
    await this.waitFor((n) => document.querySelectorAll('treatment-widget[data-ready]').length >= n, count, 20000);
  }

  /** Waits for the element and returns the texts of all matches. */
  async waitText(q) {
    const found = `(${deepFind})(${JSON.stringify(q)}).length > 0`;
    await this.waitFor(new Function(`return ${found};`), undefined);
    return this.texts(q);
  }

  texts(q) {
    return this.evaluate(new Function(`return (${deepFind})(${JSON.stringify(q)})
      .map((e) => e.textContent.replace(/\\s+/g, ' ').trim());`));
  }

  attribute(q, name) {
    return this.evaluate(new Function(`return (${deepFind})(${JSON.stringify(q)})[0]?.getAttribute(${JSON.stringify(name)}) ?? null;`));
  }

  /** A real mouse click at the middle of the first match, scrolled into view first. */
  async click(q) {
    await this.waitText(q);
    const point = await this.evaluate(new Function(`
      const e = (${deepFind})(${JSON.stringify(q)})[0];
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };`));
    await this.raw.click(point.x, point.y);
  }

  /** Picks an option of the select labelled `label`, as a choice from its list does. */
  async select(label, value) {
    await this.waitText({ label });
    const ok = await this.evaluate(new Function(`
      const s = (${deepFind})(${JSON.stringify({ label })})[0];
      if (![...s.options].some((o) => o.value === ${JSON.stringify(value)})) return false;
      s.focus();
      s.value = ${JSON.stringify(value)};
      s.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      s.dispatchEvent(new Event('change', { bubbles: true }));
      return true;`));
    if (!ok) throw new Error(`no option ${value} in the select labelled ${label}`);
  }

  /** The focused element, looking through shadow roots: "TAG name", where the name is a form
   *  control's label (with its group's legend for a radio: "INPUT Are you pregnant? No") or else
   *  the element's text. */
  focused() {
    return this.evaluate(() => {
      let e = document.activeElement;
      while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
      if (!e) return null;
      const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
      let name = clean(e.getAttribute('aria-label') ?? (e.labels?.length ? e.labels[0].textContent : e.textContent));
      if (e.type === 'radio') name = `${clean(e.closest('fieldset')?.querySelector('legend')?.textContent)} ${name}`;
      return `${e.tagName} ${name}`;
    });
  }

  /** Presses Tab (Shift+Tab with `back`) until the focused element's description matches
   *  `pattern`, at most `limit` times; returns the number of presses. */
  async tabTo(pattern, { limit = 40, back = false } = {}) {
    const seen = [];
    for (let presses = 1; presses <= limit; presses++) {
      await this.press(back ? 'Shift+Tab' : 'Tab');
      const now = await this.focused();
      if (pattern.test(now ?? '')) return presses;
      seen.push(now);
    }
    throw new Error(`no ${pattern} within ${limit} presses of Tab; focus went: ${seen.join(' | ')}`);
  }
}
