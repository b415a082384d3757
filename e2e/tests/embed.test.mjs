// The embed contract, end to end, against the release dist/ (issue 2).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { pixelChanges } from '../lib/pixels.mjs';
import { measureMemory } from '../lib/memory.mjs';
import { startHarness, STRICT_CSP } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';

let h;
const SLOW = { timeout: 180000 };
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** Adds up layout-shift entries (cumulative layout shift) into window.__shift from the first paint. */
const sumLayoutShifts = (page) => page.addInitScript(() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
});

const widgetMessages = (problems) => problems.filter((p) => p.includes('[treatment-widget]'));
const shadowText = (page, selector, inner) =>
  page.locator(selector).evaluate((el, sel) => el.shadowRoot.querySelector(sel)?.textContent ?? null, inner);

describe('the snippet on a plain page', () => {
  it('becomes interactive, announces ready once, and has no console errors', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.addInitScript(() => {
      window.__ready = [];
      document.addEventListener('treatment-widget:ready', (e) => window.__ready.push(e.detail));
    });
    await page.goto(`${h.site}/fixtures/plain.html`);
    await waitForWidgets(page, 1);
    assert.deepEqual(await page.evaluate(() => window.__ready), [{ configSource: 'default', usedFallback: false }]);
    const mode = await page.locator('treatment-widget').evaluate((el) => el.shadowRoot?.mode);
    assert.equal(mode, 'open');
    // Real interaction inside the shadow root: open the list, a treatment, then the browser's Back.
    await page.getByRole('button', { name: /^Treatments/ }).click();
    await page.getByRole('button', { name: /^Professional microneedling/ }).click();
    await page.getByRole('heading', { name: 'Professional microneedling' }).waitFor();
    assert.match(page.url(), /#tw=treatment\/professional-microneedling$/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Treatments', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('does not leak styles into the page', async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(`${h.site}/fixtures/plain.html`);
    await waitForWidgets(page, 1);
    const outside = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      h1Font: getComputedStyle(document.querySelector('h1')).fontFamily,
    }));
    assert.equal(outside.sheets, 1, 'only the page\'s own fixture.css');
    assert.equal(outside.adopted, 0);
    assert.doesNotMatch(outside.h1Font, /system-ui/);
    await context.close();
  });

  // The widget's opening view fits in the space the placeholder reserves at every width band.
  for (const width of [360, 700, 1100]) { // one per height band: <460, 460-899, 900+
    it(`reserves its space until the wasm arrives, so nothing moves (${width}px)`, async () => {
      const { page, context } = await openPage(h.browser, { width, height: 900 });
      await sumLayoutShifts(page);
      // Hold the wasm back so the placeholder is on screen for a while first.
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route('**/treatment-widget-app_bg.wasm', async (route) => { await held; await route.continue(); });
      await page.goto(`${h.site}/fixtures/in-flow.html`);
      await page.locator('treatment-widget .tw-placeholder').waitFor();
      const beforeDefined = await page.evaluate(() => window.__shift);
      await page.evaluate(() => { window.__shift = 0; });
      const before = await page.locator('#below').boundingBox();
      release();
      await waitForWidgets(page, 1);
      const after = await page.locator('#below').boundingBox();
      const cls = await page.evaluate(() => window.__shift);
      console.log(`layout shift at ${width}px: ${cls.toFixed(4)} from placeholder to widget; `
        + `${beforeDefined.toFixed(4)} before the loader ran (see docs/embedding.md, blocking="render")`);
      assert.ok(before.y > 500, 'the placeholder holds room for the widget');
      assert.equal(after.y, before.y, 'the text below did not move');
      assert.equal(cls, 0);
      await context.close();
    });

    it(`with blocking="render" on the snippet the page never shifts (${width}px)`, async () => {
      const { page, context } = await openPage(h.browser, { width, height: 900 });
      await sumLayoutShifts(page);
      await page.goto(`${h.site}/fixtures/in-flow-blocking.html`);
      await waitForWidgets(page, 1);
      const cls = await page.evaluate(() => window.__shift);
      console.log(`cumulative layout shift at ${width}px with blocking="render": ${cls.toFixed(4)}`);
      assert.equal(cls, 0);
      await context.close();
    });
  }

  // A clinic without prices has a shorter opening view than the space reserved for the fullest one.
  const NO_PRICES = JSON.stringify({ version: 1, clinicName: 'Quiet Clinic', sections: ['about', 'treatments', 'faq'] });
  const emptyBelow = (page) => page.locator('treatment-widget').evaluate((el) => {
    const root = el.shadowRoot.querySelector('.tw-root');
    const last = root.lastElementChild.getBoundingClientRect().bottom;
    return Math.round(root.getBoundingClientRect().bottom - last);
  });
  const addInline = (page, json) => page.evaluate((text) => {
    const el = document.createElement('treatment-widget');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    el.append(script);
    document.querySelector('#slot').append(el);
  }, json);
  for (const width of [360, 700, 1100]) {
    it(`a shorter opening view gives back the space it does not use, moving nothing (${width}px, below the fold)`, async () => {
      const { page, context } = await openPage(h.browser, { width, height: 800 });
      await sumLayoutShifts(page);
      await page.goto(`${h.site}/fixtures/below-fold.html`);
      await addInline(page, NO_PRICES);
      // Near enough to start (lazy start: within 900 px of the viewport), still below the fold.
      await page.evaluate(() => window.scrollTo(0, 600));
      await waitForWidgets(page, 1);
      await page.waitForFunction(() => document.querySelector('treatment-widget').hasAttribute('data-tw-settled'));
      const empty = await emptyBelow(page);
      console.log(`empty space under the opening view at ${width}px: ${empty}px`);
      assert.ok(empty <= 24, `${empty}px`);
      await page.locator('treatment-widget').scrollIntoViewIfNeeded();
      assert.equal(await page.evaluate(() => window.__shift), 0);
      await context.close();
    });
  }

  it('a widget in view keeps its reserved space until the visitor scrolls it away or touches it', async () => {
    const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
    await sumLayoutShifts(page);
    await page.goto(`${h.site}/fixtures/empty.html`);
    await addInline(page, NO_PRICES);
    await waitForWidgets(page, 1);
    await page.waitForTimeout(200);
    assert.equal(await page.locator('treatment-widget').getAttribute('data-tw-settled'), null, 'nothing moves under the visitor');
    assert.ok(await emptyBelow(page) > 24);
    await page.locator('treatment-widget').locator('.tw-eyebrow').click();
    await page.waitForFunction(() => document.querySelector('treatment-widget').hasAttribute('data-tw-settled'));
    assert.ok(await emptyBelow(page) <= 24);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'a shift right after the visitor\'s own input is not a layout shift');
    await context.close();
  });

  it('loads from another origin with CORS, finding its files relative to the loader', async () => {
    const { page, problems, context } = await openPage(h.browser);
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${h.site}/fixtures/cross-origin.html`);
    await waitForWidgets(page, 1);
    for (const file of ['treatment-widget-app.js', 'treatment-widget-app_bg.wasm', 'treatment-widget.css']) {
      assert.ok(requested.includes(`${h.cdn}/cdn/v1/${file}`), `${file} came from the CDN path`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('lazy start: a widget below the fold costs the page only the loader until the visitor scrolls near it', () => {
  const WIDGET_FILES = /treatment-widget-app\.js|treatment-widget-app_bg\.wasm|treatment-widget\.css|catalog\.es|strings\.es|fallback/;
  const open = async (path, attributes = '') => {
    const { page, problems, context } = await openPage(h.browser, { width: 390, height: 800 });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${h.site}/fixtures/${path}`);
    await page.evaluate((attrs) => {
      document.querySelector('#slot').insertAdjacentHTML('beforeend', `<treatment-widget ${attrs}></treatment-widget>`);
    }, attributes);
    return { page, problems, context, requested };
  };

  it('fetches nothing but the loader while the widget is two screens down, and starts when scrolled near', async () => {
    const { page, problems, context, requested } = await open('below-fold.html');
    await page.waitForTimeout(1500);
    assert.deepEqual(requested.filter((p) => WIDGET_FILES.test(p)), [], 'no widget file before the visitor scrolls');
    assert.ok(requested.some((p) => p.endsWith('/treatment-widget.js')), 'the loader itself');
    const status = await page.locator('treatment-widget').evaluate((el) => el.shadowRoot.querySelector('.tw-placeholder')?.getAttribute('role'));
    assert.equal(status, 'status', 'its placeholder holds the space meanwhile');
    assert.equal(await page.locator('treatment-widget[data-ready]').count(), 0);
    // The widget's top is about 2,050 px down; the viewport is 800 px high. Scrolling 500 px
    // brings it within 900 px of the viewport's bottom: it starts before it is seen.
    await page.evaluate(() => window.scrollTo(0, 500));
    await waitForWidgets(page, 1);
    assert.ok(requested.some((p) => p.endsWith('/treatment-widget-app_bg.wasm')));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('loading="eager" starts at once, wherever the widget is', async () => {
    const { page, context, requested } = await open('below-fold.html', 'loading="eager"');
    await waitForWidgets(page, 1);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the visitor has not scrolled');
    assert.ok(requested.some((p) => p.endsWith('/treatment-widget-app_bg.wasm')));
    await context.close();
  });

  it('a link into the widget\'s view starts it at once, and opens that view', async () => {
    const { page, context } = await open('below-fold.html#tw=faq');
    await waitForWidgets(page, 1);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.locator('treatment-widget').getByRole('heading', { name: 'Questions and answers' }).first().waitFor();
    await context.close();
  });

  it('a page anchor (#below) is not a link into the widget: it stays lazy', async () => {
    const { page, context, requested } = await open('below-fold.html#nothing-here');
    await page.waitForTimeout(1000);
    assert.deepEqual(requested.filter((p) => WIDGET_FILES.test(p)), []);
    await context.close();
  });

  it('the production build (minified loader) starts lazily too and becomes interactive', async () => {
    const { page, problems, context } = await openPage(h.browser, { width: 390, height: 800 });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${h.site}/fixtures/below-fold-no-loader.html`);
    await page.evaluate(() => {
      document.querySelector('#slot').append(document.createElement('treatment-widget'));
      const s = document.createElement('script');
      s.type = 'module';
      s.src = '/prod/treatment-widget.js';
      document.head.append(s);
    });
    await page.waitForTimeout(1000);
    assert.deepEqual(requested.filter((p) => !p.startsWith('/fixtures/')), ['/prod/treatment-widget.js'], 'only the loader');
    await page.evaluate(() => window.scrollTo(0, 500));
    await waitForWidgets(page, 1);
    assert.ok(requested.includes('/prod/treatment-widget-app_bg.wasm'));
    await page.getByRole('button', { name: /^Treatments/ }).click();
    await page.getByRole('heading', { name: 'Treatments', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a widget removed before it ever started, then inserted near the top, starts normally', async () => {
    const { page, problems, context } = await open('below-fold.html');
    await page.evaluate(() => {
      const el = document.querySelector('treatment-widget');
      el.remove();
      document.body.prepend(el);
    });
    await waitForWidgets(page, 1);
    // Started and working: a tile opens its view.
    const w = page.locator('treatment-widget');
    await w.getByRole('button', { name: /^Treatments/ }).click();
    await w.getByRole('heading', { name: 'Treatments', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** The widget's screenshot on a fixture page, once ready (and after the estimate form is filled
 *  in, for the estimate view). `tall` gives a window tall enough that the reserved space is never
 *  given back early, so pages that place the widget differently settle alike. */
async function shootWidget(path, { view = '', dpr = 1, scheme = 'light', tall = false, zoom = 1 } = {}) {
  const context = await h.browser.newContext({
    // The estimate is taller than any window: in one taller still, its sticky total rests at the
    // end of the form instead of wherever the capture happened to scroll.
    viewport: { width: 1100, height: (view === 'estimate' ? 6000 : tall ? 2000 : 900) * zoom }, deviceScaleFactor: dpr, colorScheme: scheme,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${h.site}/fixtures/${path}${view ? `#tw=${view}` : ''}`);
  await waitForWidgets(page, 1);
  const w = page.locator('treatment-widget');
  if (view === 'estimate') {
    await w.getByLabel('Your main concern (optional)').selectOption('acne-scars');
    await w.getByLabel('Spread the cost (example financing)').selectOption('promo-12');
  }
  // Every box in the shadow root, relative to the widget, in the page's CSS pixels.
  const boxes = await w.evaluate((el) => {
    const origin = el.getBoundingClientRect();
    return [...el.shadowRoot.querySelectorAll('*')].flatMap((n) => {
      const r = n.getBoundingClientRect();
      // Boxes that are not laid out (an <option> of a closed select) report 0 × 0 at the window's corner.
      if (r.width === 0 && r.height === 0) return [];
      // To a hundredth of a pixel: SVG boxes carry float noise (231.47418 against 231.47419).
      const px = (v) => Math.round(v * 100) / 100;
      return [[n.tagName, n.getAttribute('class') ?? '', px(r.x - origin.x), px(r.y - origin.y), px(r.width), px(r.height)]];
    });
  });
  const png = PNG.sync.read(await w.screenshot());
  const overflow = await w.evaluate((el) => el.shadowRoot.querySelector('.tw-root').scrollWidth - el.clientWidth);
  await context.close();
  return { png, boxes, overflow, problems };
}

describe('host pages that style, flip, darken, transform or zoom what is around the widget', () => {
  // Each host page puts the widget at the plain page's place and width; the widget must look the
  // same there, pixel for pixel, on the opening view and on a filled-in estimate.
  const HOSTS = [
    ['Bootstrap plus !important resets on everything', 'hostile.html', {}],
    ["Tailwind's preflight plus !important resets on div, button, table, fonts and box-sizing", 'host-tailwind.html', {}],
    ['a right-to-left page (dir="rtl", Arabic)', 'host-rtl.html', {}],
    ['a page in dark mode (color-scheme: dark, the visitor prefers dark)', 'host-dark.html', { scheme: 'dark' }],
    ['a transformed parent (translate, will-change)', 'host-transform.html', {}],
  ];
  for (const view of ['', 'estimate']) {
    for (const [what, path, opts] of HOSTS) {
      it(`${what}: ${view || 'opening'} view as on the plain page`, async () => {
        const plain = await shootWidget('plain.html', { view, ...opts });
        const host = await shootWidget(path, { view, ...opts });
        assert.deepEqual(host.problems, []);
        const changes = pixelChanges(plain.png, host.png);
        assert.equal(changes.flat, 0, `${changes.flat} pixels changed away from any edge`);
        assert.ok(changes.share < 0.0005, `${changes.edge} edge pixels changed (${(changes.share * 100).toFixed(3)} %)`);
        // And every box in the widget at the same place and size (a moved word moves its box),
        // to a fiftieth of a pixel: SVG boxes carry float noise (36.255 rounds either way).
        assert.equal(host.boxes.length, plain.boxes.length);
        const moved = host.boxes.filter((b, i) => b[0] !== plain.boxes[i][0] || b[1] !== plain.boxes[i][1]
          || [2, 3, 4, 5].some((k) => Math.abs(b[k] - plain.boxes[i][k]) > 0.02));
        assert.deepEqual(moved.slice(0, 3), [], `${moved.length} boxes moved or resized`);
      });
    }
  }

  it('a zoomed parent (zoom: 2): the same layout as the plain page at twice the pixel density', async () => {
    // Zoom and device pixel ratio rasterise text at slightly different sub-pixel offsets, so the
    // pixels are not compared; every box's place and size is (and the screenshots' sizes).
    for (const view of ['', 'estimate']) {
      const plain = await shootWidget('plain.html', { view, dpr: 2, tall: true, zoom: 2 });
      const zoomed = await shootWidget('host-zoom.html', { view, tall: true, zoom: 2 });
      assert.deepEqual(zoomed.problems, []);
      // The screenshot's size in device pixels may round the other way (12,504 against 12,502).
      assert.equal(zoomed.png.width, plain.png.width, `${view || 'opening'}: same width`);
      // The same drift allowance over the whole height.
      assert.ok(Math.abs(zoomed.png.height - plain.png.height) <= 2 * (1 + plain.png.height / 2 * 0.0005), `${view || 'opening'}: same height (${zoomed.png.height} against ${plain.png.height})`);
      assert.equal(zoomed.boxes.length, plain.boxes.length);
      const moved = zoomed.boxes.filter((b, i) => {
        const p = plain.boxes[i];
        // Across: within a CSS pixel. Down: a pixel plus a drift of 0.05 % of the way down, as
        // each zoomed line of text may round its height the other way (1.5 px over 6,250 px);
        // a line that wraps differently moves what follows by a whole line (18 px or more).
        const down = 1 + (p[3] + p[5]) * 0.0005; // by the box's bottom
        return b[0] !== p[0] || b[1] !== p[1] || Math.abs(b[2] / 2 - p[2]) > 1 || Math.abs(b[4] / 2 - p[4]) > 1
          || Math.abs(b[3] / 2 - p[3]) > down || Math.abs(b[5] / 2 - p[5]) > down;
      });
      assert.deepEqual(moved.slice(0, 3).map((b) => [b, plain.boxes[zoomed.boxes.indexOf(b)]]), [], `${view || 'opening'}: ${moved.length} boxes moved or resized`);
      assert.ok(zoomed.overflow <= 0, 'no horizontal scrolling inside the widget');
    }
  });
});

describe('a page with a strict CSP', () => {
  it('works with no policy violations', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(`${h.site}/fixtures/strict-csp.html`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    await waitForWidgets(page, 2);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.equal(await shadowText(page, '#inline', '.tw-eyebrow'), 'CSP Clinic');
    assert.equal(await shadowText(page, '#fetched', '.tw-eyebrow'), 'Clinic B (fetched)');
    // Styles applied: the brand colour reached the button fill through the constructed sheet.
    await page.locator('#inline .tw-tile').first().click();
    await page.locator('#inline .tw-back').waitFor();
    const accent = await page.locator('#inline').evaluate((el) =>
      getComputedStyle(el.shadowRoot.querySelector('.tw-eyebrow')).color);
    assert.equal(accent, 'rgb(124, 58, 237)');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('two instances on one page', () => {
  it('keep their own config, state and failures', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.goto(`${h.site}/fixtures/two.html`);
    await waitForWidgets(page, 2);
    assert.equal(await shadowText(page, '#a', '.tw-eyebrow'), 'Clinic A (inline)');
    assert.equal(await shadowText(page, '#b', '.tw-eyebrow'), 'Clinic B (fetched)');
    await page.locator('#a .tw-tile').first().click();
    await page.locator('#a .tw-back').waitFor();
    assert.equal(await page.locator('#b .tw-back').count(), 0, 'b did not navigate');

    // An internal error in A stops A only: it says so, and B keeps working.
    await page.evaluate(async () => {
      const loader = await import('/dist/treatment-widget.js');
      try { loader.__testing.simulateInternalError(document.querySelector('#a')); } catch { /* the trap */ }
    });
    assert.match(await shadowText(page, '#a', '[role=alert]'), /stopped working/);
    await page.locator('#b .tw-tile').first().click();
    await page.locator('#b .tw-back').waitFor();
    assert.equal(widgetMessages(problems).length, 1, problems.join('\n'));
    assert.match(widgetMessages(problems)[0], /internal error/);
    await context.close();
  });

  it('re-render on a config attribute change and unmount when removed', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.goto(`${h.site}/fixtures/two.html`);
    await waitForWidgets(page, 2);
    await page.locator('#a').evaluate((el) => {
      el.querySelector('script').remove();
      el.setAttribute('config', 'clinic-b.json');
    });
    await page.waitForFunction(() =>
      document.querySelector('#a').shadowRoot.querySelector('.tw-eyebrow')?.textContent === 'Clinic B (fetched)');
    const left = await page.evaluate(() => {
      const b = document.querySelector('#b');
      const root = b.shadowRoot;
      b.remove();
      return new Promise((ok) => setTimeout(() => ok(root.querySelectorAll('.tw-root').length), 50));
    });
    assert.equal(left, 0, 'the removed instance unmounted');
    // A new element after a removal works (it reuses the freed instance).
    await page.evaluate(() => {
      const el = document.createElement('treatment-widget');
      el.id = 'c';
      document.querySelector('#slot').append(el);
    });
    await page.waitForSelector('#c[data-ready]');
    assert.equal(await shadowText(page, '#c', '.tw-eyebrow'), 'Juniper Skin Studio');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('many instances', () => {
  // What a page builder does to a page: 20 widgets, then 200 adds, moves and removals, twice.
  // Memory is read through the DevTools protocol after garbage collection (lib/memory.mjs): the
  // JavaScript objects, the browser's own, every WebAssembly memory alive in the page, and the
  // DOM's nodes (detached ones included) and listeners.
  it('20 on one page, then added, moved and removed 200 times: no errors, memory back within 10%, and a second round adds nothing', SLOW, async () => {
    const { page, problems, context } = await openPage(h.browser, { width: 1100, height: 900 });
    await page.goto(`${h.site}/fixtures/empty.html`);
    const cdp = await context.newCDPSession(page);
    const memory = () => measureMemory(cdp);
    await page.evaluate(() => {
      let made = 0;
      window.__add = () => {
        made += 1;
        const el = document.createElement('treatment-widget');
        el.id = `w${made}`;
        el.setAttribute('loading', 'eager');
        const config = document.createElement('script');
        config.type = 'application/json';
        config.textContent = JSON.stringify({ version: 1, clinicName: `Clinic ${made}` });
        el.append(config);
        document.getElementById('slot').append(el);
      };
    });
    const allReady = () => page.waitForFunction(() => [...document.querySelectorAll('treatment-widget')]
      .every((el) => el.hasAttribute('data-ready')), null, { timeout: 30000 });
    const checkNames = async () => {
      const names = await page.evaluate(() => [...document.querySelectorAll('treatment-widget')]
        .map((el) => [el.id, el.shadowRoot.querySelector('.tw-eyebrow')?.textContent]));
      assert.equal(names.length, 20);
      for (const [id, name] of names) assert.equal(name, `Clinic ${id.slice(1)}`, 'each shows its own clinic');
    };

    // 200 changes in a fixed pseudo-random order: add one, move one (to the page's end or the
    // front of the slot), remove one; the count stays between 19 and 21 and ends at 20.
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    let peak = 20;
    const churn = async () => {
      const counts = { add: 0, move: 0, remove: 0 };
      for (let step = 0; step < 200; step++) {
        const count = await page.evaluate(() => document.querySelectorAll('treatment-widget').length);
        const kind = count <= 19 ? 'add' : count >= 21 ? 'remove' : ['add', 'move', 'remove'][next() % 3];
        counts[kind]++;
        peak = Math.max(peak, count + (kind === 'add' ? 1 : 0));
        await page.evaluate(([op, pick]) => {
          const all = [...document.querySelectorAll('treatment-widget')];
          const el = all[pick % all.length];
          if (op === 'add') window.__add();
          if (op === 'remove') el.remove();
          if (op === 'move') (pick % 2 ? document.body : document.getElementById('slot')).prepend(el);
        }, [kind, next()]);
        if (step % 10 === 9) await allReady(); // now and then the loads catch up, as on a real page
      }
      await page.evaluate(() => {
        const all = [...document.querySelectorAll('treatment-widget')];
        for (const el of all.slice(20)) el.remove();
        for (let i = all.length; i < 20; i++) window.__add();
      });
      await allReady();
      await checkNames();
      return counts;
    };

    await page.evaluate(() => { for (let i = 0; i < 20; i++) window.__add(); });
    await allReady();
    await checkNames();
    const before = await memory();
    const counts = await churn();
    const after = await memory();
    await churn();
    const again = await memory();
    console.log(`20 instances, then ${counts.add} adds, ${counts.move} moves and ${counts.remove} removals (at most ${peak} at once), twice:`,
      JSON.stringify({ before, after, again }));
    // A removed widget's wasm copy is kept for the next one (a module cannot be unloaded): the
    // page holds one copy per widget it showed at once, and no more.
    assert.equal(after.wasmMemories, peak);
    for (const key of ['objects', 'native', 'wasmMemories', 'wasmBytes', 'nodes', 'listeners']) {
      assert.ok(after[key] <= before[key] * 1.1, `${key}: ${after[key]} after against ${before[key]} before`);
    }
    // The second round reuses what the first left: nothing grows with the number of changes.
    assert.equal(again.wasmMemories, after.wasmMemories);
    assert.equal(again.wasmBytes, after.wasmBytes);
    assert.equal(again.nodes, after.nodes);
    assert.equal(again.listeners, after.listeners);
    assert.ok(again.objects <= after.objects * 1.01, `objects: ${again.objects} after the second round against ${after.objects}`);
    assert.ok(again.native <= after.native * 1.01, `native: ${again.native} after the second round against ${after.native}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('configs with mistakes', () => {
  it('never show another clinic: a bad part is left out with one warning, an unreadable config shows no name and no prices', async () => {
    const { page, problems, context } = await openPage(h.browser);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${h.site}/fixtures/bad-config.html`);
    await waitForWidgets(page, 4);
    assert.doesNotMatch(await page.evaluate(() => [...document.querySelectorAll('treatment-widget')].map((w) => w.shadowRoot.textContent).join(' ')), /Juniper/);
    // Unreadable (404, not JSON): the guide without a clinic name, prices or booking link, and a notice.
    for (const id of ['#missing', '#garbage']) {
      assert.equal(await shadowText(page, id, '.tw-eyebrow'), null, id);
      assert.match(await shadowText(page, id, '.tw-notice'), /settings could not be loaded, so its prices and booking link are not shown/, id);
      assert.equal(await page.locator(id).getByRole('button', { name: 'Estimate the cost of a course' }).count(), 0, id);
    }
    // A 404 is tried once more before giving up.
    assert.equal(requests.filter((p) => p.endsWith('/missing-config.json')).length, 2);
    // A mistake inside a config drops that part only.
    assert.equal(await shadowText(page, '#typo', '.tw-eyebrow'), 'Typo Clinic');
    assert.equal(await shadowText(page, '#invalid', '.tw-eyebrow'), 'Bad Link Clinic');
    assert.equal(await page.locator('#invalid').locator('a.tw-book').count(), 0, 'no booking link from a bad URL');
    const errors = widgetMessages(problems.filter((p) => p.startsWith('error:')));
    const warnings = widgetMessages(problems.filter((p) => p.startsWith('warning:')));
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.ok(errors.some((m) => m.includes('missing-config.json') && m.includes('HTTP 404') && m.includes('tried twice')), errors.join('\n'));
    assert.ok(errors.some((m) => m.includes('garbage-config.json') && m.includes('not valid JSON')), errors.join('\n'));
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.ok(warnings.some((m) => m.includes('`bookingURL`: unknown field `bookingURL`, expected one of') && m.includes('(found "https://typo.example/book"); left out')), warnings.join('\n'));
    assert.ok(warnings.some((m) => m.includes('`booking.url`: "javascript:alert(1)" must start with https:// (found "javascript:alert(1)"); left out')), warnings.join('\n'));
    // Still a working guide.
    await page.locator('#garbage .tw-tile').first().click();
    await page.locator('#garbage .tw-back').waitFor();
    await context.close();
  });
});

describe('config changes and the config fetch limits', () => {
  const total = (page, id) => page.locator(id).evaluate((el) =>
    el.shadowRoot.querySelector('.tw-total-figure')?.textContent.replace(/\u00a0/g, ' ') ?? null);

  it('a location switch re-resolves the estimate for the new clinic, keeping what still applies', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.goto(`${h.site}/fixtures/two.html#b=estimate/t=rf-microneedling;a=face;s=4;p=each`);
    await waitForWidgets(page, 2);
    // Paying per session: 4 × 600–1.200,50, + 19 % MwSt. = 2.856,00–5.714,38.
    assert.equal(await total(page, '#b'), '2.856,00 € – 5.714,38 €');
    await page.locator('#b').evaluate((el) => el.setAttribute('config', 'clinic-b-uptown.json'));
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.tw-eyebrow')?.textContent === 'Clinic B Uptown (fetched)');
    // Uptown does not offer RF: the estimate moves to its first priced treatment, keeps the 4
    // sessions, and uses Uptown's price (4 × 250, no tax).
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('#tw-est-treatment')?.value === 'professional-microneedling');
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.tw-total-figure')?.textContent.includes('1.000,00'));
    assert.equal(await total(page, '#b'), '1.000,00 €');
    assert.equal(await page.locator('#b').evaluate((el) => el.shadowRoot.querySelector('#tw-est-sessions').value), '4');
    await page.waitForURL(/b=estimate\/t=professional-microneedling;a=face;s=4;p=each/, { timeout: 2000 });
    // A clinic without prices has no estimator: the widget goes to its contents, with no way
    // to an estimate; switching back, the visitor's estimate is still there.
    await page.locator('#b').evaluate((el) => el.setAttribute('config', 'clinic-no-prices.json'));
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.tw-eyebrow')?.textContent === 'Clinic Without Prices');
    await page.locator('#b .tw-home').waitFor();
    assert.equal(await page.locator('#b').getByRole('button', { name: 'Estimate the cost of a course' }).count(), 0);
    await page.locator('#b').evaluate((el) => el.setAttribute('config', 'clinic-b.json'));
    await page.locator('#b').getByRole('button', { name: 'Estimate the cost of a course' }).click();
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('#tw-est-treatment'));
    // Back at Clinic B: 4 face sessions at 180–320, + 19 % = 856,80–1.523,20.
    await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.tw-total-figure')?.textContent.includes('856,80'));
    assert.equal(await total(page, '#b'), '856,80 € – 1.523,20 €');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a slow answer for an earlier config never replaces a newer one', async () => {
    const { page, problems, context } = await openPage(h.browser);
    // The race is made, not hoped for: once clinic-b.json has been asked for, the page switches to
    // clinic-b-uptown.json, which answers at once; clinic-b.json answers 3 s later.
    const requested = [];
    page.on('request', (r) => { if (/clinic-b(-uptown)?\.json$/.test(r.url())) requested.push(r.url().split('/').pop()); });
    let olderAnswered;
    const older = new Promise((ok) => { olderAnswered = ok; });
    await page.route('**/fixtures/clinic-b.json', async (route) => {
      await page.evaluate(() => document.querySelector('#switching').setAttribute('config', 'clinic-b-uptown.json'));
      await new Promise((ok) => setTimeout(ok, 3000));
      await route.continue();
      olderAnswered();
    });
    await page.goto(`${h.site}/fixtures/plain.html`);
    await waitForWidgets(page, 1);
    await page.evaluate(() => {
      const el = document.createElement('treatment-widget');
      el.id = 'switching';
      el.setAttribute('config', 'clinic-b.json');
      document.body.append(el);
    });
    const eyebrow = () => page.locator('#switching').evaluate((el) => el.shadowRoot?.querySelector('.tw-eyebrow')?.textContent ?? null);
    await page.waitForFunction(() => document.querySelector('#switching').shadowRoot?.querySelector('.tw-eyebrow')?.textContent === 'Clinic B Uptown (fetched)');
    // Let the slow, older answer arrive (and the app take it in): the newer config stays.
    await older;
    await page.waitForTimeout(500);
    assert.deepEqual(requested, ['clinic-b.json', 'clinic-b-uptown.json']);
    assert.equal(await eyebrow(), 'Clinic B Uptown (fetched)');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a config that moved (a redirect) is followed: the clinic, with no warning', async () => {
    const { page, problems, context } = await openPage(h.browser);
    await page.goto(`${h.site}/fixtures/plain.html`);
    await waitForWidgets(page, 1);
    const detail = await page.evaluate(() => new Promise((ok) => {
      const el = document.createElement('treatment-widget');
      el.id = 'moved';
      el.setAttribute('config', 'moved-config.json');
      el.addEventListener('treatment-widget:ready', (e) => ok(e.detail));
      document.body.append(el);
    }));
    assert.deepEqual(detail, { configSource: 'url', usedFallback: false });
    assert.equal(await shadowText(page, '#moved', '.tw-eyebrow'), 'Clinic B (fetched)');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [name, file, message] of [
    ['trickles its body for minutes is cut off after 10 seconds', 'slow-body.json', /no complete answer within 10 seconds/],
    ['never answers at all is given up after 10 seconds', 'silent.json', /no complete answer within 10 seconds/],
    ['answers HTTP 500 twice is given up, saying so', 'server-error.json', /HTTP 500 Internal Server Error \(tried twice\)/],
    ['sends an endless body is cut off at the size limit', 'endless-body.json', /more than 262144 bytes/],
  ]) {
    it(`a config server that ${name}`, async () => {
      const { page, problems, context } = await openPage(h.browser);
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      const started = Date.now();
      const detail = await page.evaluate((url) => new Promise((ok) => {
        const el = document.createElement('treatment-widget');
        el.id = 'limited';
        el.setAttribute('config', url);
        el.addEventListener('treatment-widget:ready', (e) => ok(e.detail));
        document.body.append(el);
      }), file);
      const seconds = (Date.now() - started) / 1000;
      assert.deepEqual(detail, { configSource: 'url', usedFallback: true });
      const messages = widgetMessages(problems);
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], message);
      if (file === 'slow-body.json' || file === 'silent.json') assert.ok(seconds >= 9.5 && seconds < 15, `${seconds} s`);
      else assert.ok(seconds < 9, `given up before the timeout (${seconds} s)`);
      // The visitor still gets the guide, without any clinic's name.
      assert.equal(await shadowText(page, '#limited', '.tw-eyebrow'), null);
      await context.close();
    });
  }
});
