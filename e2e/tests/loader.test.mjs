// The page-facing loader, static/treatment-widget.js, end to end (issue 13, "the loader"): every
// path it has, each with what a visitor or the page would notice, against the release dist/.
// Every page here records Chromium's V8 coverage of the loader; the last test merges it, prints
// the figure and fails below 100% of functions or 90% of lines (rules in ../lib/coverage.mjs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness, DIST, PRODUCTION_DIST, ROOT } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';
import { minifyLoader } from '../../scripts/minify.mjs';
import { codeBytes, coveredBytes, describeCoverage, lineCoverage, percent } from '../lib/coverage.mjs';

const LOADER_PATH = '/dist/treatment-widget.js';
const GLUE_PATH = '/dist/treatment-widget-app.js';
// A page test that waits longer than this has failed (each step waits at most 30 s by default).
const SLOW = { timeout: 90_000 };
const FAILED_TO_LOAD = 'Sorry, the treatment guide could not load. Please reload the page to try again.';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** V8 coverage entries of the loader, one or more per page (the page may load it twice). */
const loaderRuns = [];

/**
 * Opens a fresh page that records the loader's coverage, the glue copies it imports
 * (`/dist/treatment-widget-app.js`, then `?instance=1`, …) and every `treatment-widget:ready`
 * (as the element's id, or "treatment-widget" without one), runs `fn`, and always keeps the
 * coverage and closes the page.
 */
async function withPage(fn, options) {
  const { page, problems, context } = await openPage(h.browser, options);
  const glue = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === GLUE_PATH) glue.push(url.pathname + url.search);
  });
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('treatment-widget:ready', (e) => window.__ready.push(e.target.id || e.target.localName));
  });
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  try {
    await fn({ page, problems, glue, ready: () => page.evaluate(() => window.__ready) });
  } catch (e) {
    // What the page said helps most when a wait times out.
    e.message += `\n  console of the page: ${JSON.stringify(problems)}\n  glue imports: ${JSON.stringify(glue)}`;
    throw e;
  } finally {
    const entries = await page.coverage.stopJSCoverage().catch(() => []);
    loaderRuns.push(...entries.filter((e) => {
      const url = new URL(e.url);
      return url.origin === h.site && url.pathname === LOADER_PATH;
    }));
    await context.close();
  }
}

/** Holds the wasm request until `release(answer)`; `answer(route)` defaults to the real file. */
async function holdWasm(page) {
  let requested;
  const arrived = new Promise((ok) => { requested = ok; });
  let answer;
  const released = new Promise((ok) => { answer = ok; });
  await page.route('**/treatment-widget-app_bg.wasm', async (route) => {
    requested();
    const respond = await released;
    await respond(route);
  });
  return {
    arrived: Promise.race([arrived, new Promise((_, fail) => {
      setTimeout(() => fail(new Error('the page never asked for the wasm')), 30_000).unref();
    })]),
    release: (respond = (route) => route.continue()) => answer(respond),
  };
}

const widgetMessages = (problems) => problems.filter((p) => p.includes('[treatment-widget]'));
/** What is not the widget's own message must be Chromium's line about a failed request. */
const onlyBrowserNetworkLines = (problems) => problems
  .filter((p) => !p.includes('[treatment-widget]'))
  .every((p) => /^error: Failed to load resource: the server responded with a status of \d+/.test(p));

const shadowText = (page, selector, inner) =>
  page.locator(selector).evaluate((el, sel) => el.shadowRoot.querySelector(sel)?.textContent ?? null, inner);

/** Appends a new <treatment-widget> (with this id) to #slot. */
const addWidget = (page, id) => page.evaluate((i) => {
  const el = document.createElement('treatment-widget');
  el.id = i;
  document.querySelector('#slot').append(el);
}, id);

/** A visitor can use the widget: open the first tile of the opening view and get a Back button. */
async function usable(page, selector) {
  await page.locator(`${selector} .tw-tile`).first().click();
  await page.locator(`${selector} .tw-back`).waitFor();
}

/** Waits until a removed element's shadow root no longer holds the app (it unmounted). */
const unmounted = (page, handle) => page.waitForFunction(
  (el) => !el.shadowRoot.querySelector('.tw-mount, .tw-root'), handle);

const simulateInternalError = (page, selector) => page.evaluate(async (sel) => {
  const loader = await import('/dist/treatment-widget.js');
  try { loader.__testing.simulateInternalError(document.querySelector(sel)); } catch { /* the wasm trap */ }
}, selector);

describe('V8 coverage to lines (the rules in lib/coverage.mjs, on a hand-made example)', () => {
  // Worked out by hand. Lines 5 and 9 have no code (a comment, nothing), so 8 lines count.
  const SRC = [
    'function f(x) {', // 1
    '  if (x) {', // 2
    '    return "a//b";', // 3: the // is inside a string, so code
    '  }', // 4
    '  /* only a comment */', // 5
    '  return x ? 1 : 2;', // 6
    '}', // 7
    'function g() {}', // 8
    '', // 9
    'f(1); // call', // 10
  ].join('\n');
  const at = (text, from = 0) => SRC.indexOf(text, from);
  const fStart = at('function f');
  const fEnd = at('\n}') + 2; // through line 7's }
  const afterIf = at('  }') + 3; // just after line 4's }
  const gRange = { startOffset: at('function g'), endOffset: at('function g') + 'function g() {}'.length, count: 0 };
  const top = { startOffset: 0, endOffset: SRC.length, count: 1 };
  // Run 1, f(1): f returned inside the if, so V8 reports the rest of f after the if as count 0.
  const run1 = {
    source: SRC,
    functions: [
      { functionName: '', ranges: [top] },
      { functionName: 'f', ranges: [{ startOffset: fStart, endOffset: fEnd, count: 1 }, { startOffset: afterIf, endOffset: fEnd - 1, count: 0 }] },
      { functionName: 'g', ranges: [gRange] },
    ],
  };
  // Run 2, f(0): the if's block (line 2's { to line 4's }) and the ternary's `1` never ran.
  const run2 = {
    source: SRC,
    functions: [
      { functionName: '', ranges: [top] },
      {
        functionName: 'f',
        ranges: [
          { startOffset: fStart, endOffset: fEnd, count: 1 },
          { startOffset: at('{', at('if (x)')), endOffset: afterIf, count: 0 },
          { startOffset: at('1 :'), endOffset: at('1 :') + 1, count: 0 },
          { startOffset: at(': 2'), endOffset: at(': 2') + 3, count: 1 },
        ],
      },
      { functionName: 'g', ranges: [gRange] },
    ],
  };

  it('run 1 alone: lines 1-4, 7 and 10 of 8 counted lines; f called, g not', () => {
    const c = lineCoverage([run1]);
    assert.deepEqual(c.lines, { covered: 6, total: 8, missed: [6, 8] });
    assert.deepEqual(c.functions, { covered: 1, total: 2, missed: ['g (line 8)'] });
    assert.equal(describeCoverage(c), 'functions 1/2 (50%), lines 6/8 (75%)');
  });

  it('run 2 alone: a line is covered only if every code byte is (2-4 and 6 are not)', () => {
    assert.deepEqual(lineCoverage([run2]).lines, { covered: 3, total: 8, missed: [2, 3, 4, 6, 8] });
  });

  it('merged: a byte covered in any run counts; line 6 still misses the `1`', () => {
    const c = lineCoverage([run1, run2]);
    assert.deepEqual(c.lines, { covered: 6, total: 8, missed: [6, 8] });
    assert.equal(c.functions.covered, 1);
  });

  it('the innermost range decides, and ranges that overlap without nesting are refused', () => {
    const bytes = coveredBytes('abcdef', [{ ranges: [
      { startOffset: 0, endOffset: 6, count: 1 }, { startOffset: 1, endOffset: 5, count: 0 }, { startOffset: 2, endOffset: 3, count: 2 },
    ] }]);
    assert.deepEqual([...bytes], [1, 0, 1, 0, 0, 1]);
    assert.throws(() => coveredBytes('abcdef', [{ ranges: [
      { startOffset: 0, endOffset: 4, count: 1 }, { startOffset: 2, endOffset: 6, count: 1 },
    ] }]), /overlap/);
  });

  it('comments are not code; strings, templates and regular expressions are', () => {
    const src = 'const t = `u // ${ "}" } v`; // c\nconst r = /\\/\\//.test(t) / 2; /* c */';
    const code = codeBytes(src);
    assert.equal([...src].filter((_, i) => code[i]).join(''), 'constt=`u//${"}"}v`;constr=/\\/\\//.test(t)/2;');
  });
});

describe('the loader on a page', () => {
  it('is static/treatment-widget.js plus the test hooks (the figure is about the current loader)', () => {
    const same = readFileSync(resolve(DIST, 'treatment-widget.js'), 'utf8')
      === readFileSync(resolve(ROOT, 'static/treatment-widget.js'), 'utf8') + readFileSync(resolve(ROOT, 'e2e/lib/loader-test-hooks.js'), 'utf8');
    assert.ok(same, 'dist-test/treatment-widget.js differs from static/: run scripts/build --test-hooks');
  });

  it('the production build has no test hooks: no script on a clinic page can crash an instance', async () => {
    const loader = readFileSync(resolve(PRODUCTION_DIST, 'treatment-widget.js'), 'utf8');
    // dist/ holds the current loader, minified exactly as scripts/build minifies it.
    assert.equal(loader, await minifyLoader(readFileSync(resolve(ROOT, 'static/treatment-widget.js'), 'utf8')), 'dist/ holds the current loader: run scripts/build');
    assert.doesNotMatch(loader, /__testing|simulateInternalError/);
    const glue = readFileSync(resolve(PRODUCTION_DIST, 'treatment-widget-app.js'), 'utf8');
    assert.doesNotMatch(glue, /simulateInternalError/);
    assert.ok(!readFileSync(resolve(PRODUCTION_DIST, 'treatment-widget-app_bg.wasm')).includes('simulated internal error'), 'the panic message is not in the wasm');
    // And the test build does have them, so the checks above can fail.
    assert.match(readFileSync(resolve(DIST, 'treatment-widget-app.js'), 'utf8'), /simulateInternalError/);
    assert.ok(readFileSync(resolve(DIST, 'treatment-widget-app_bg.wasm')).includes('simulated internal error'));
  });

  it('an element moved within the page (removed and re-inserted in one task) keeps its running app', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      await page.getByRole('button', { name: /^Treatments/ }).click();
      await page.getByRole('heading', { name: 'Treatments', exact: true }).waitFor();
      // Keep the heading node: a restarted app would render a new one.
      await page.getByRole('heading', { name: 'Treatments', exact: true }).evaluate((n) => { window.__heading = n; });
      const moved = await page.evaluate(async () => {
        const el = document.querySelector('treatment-widget');
        el.remove();
        document.body.append(el);
        await new Promise((ok) => setTimeout(ok, 300)); // long enough for a restart to show
        return {
          parent: el.parentElement.localName,
          sameHeading: window.__heading.isConnected && el.shadowRoot.contains(window.__heading),
          apps: el.shadowRoot.querySelectorAll('.tw-mount').length,
          placeholder: el.shadowRoot.querySelectorAll('.tw-placeholder').length,
        };
      });
      assert.deepEqual(moved, { parent: 'body', sameHeading: true, apps: 1, placeholder: 0 });
      await page.getByRole('heading', { name: 'Treatments', exact: true }).waitFor();
      assert.deepEqual(await ready(), ['treatment-widget'], 'no second treatment-widget:ready');
      assert.deepEqual(glue, [GLUE_PATH], 'no new glue copy');
      // Still the same working app: on from the view it was on.
      await page.getByRole('button', { name: /^Professional microneedling/ }).click();
      await page.getByRole('heading', { name: 'Professional microneedling' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });

  it('an element moved while it loads (in one task, then across tasks) starts once', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      const wasm = await holdWasm(page);
      await page.goto(`${h.site}/fixtures/plain.html`, { waitUntil: 'domcontentloaded' });
      await wasm.arrived;
      await page.evaluate(async () => {
        const el = document.querySelector('treatment-widget');
        el.remove();
        document.body.append(el); // a move
        el.remove();
        await new Promise((ok) => setTimeout(ok, 50)); // out of the page for a while
        document.querySelector('#slot').append(el);
      });
      wasm.release();
      await waitForWidgets(page, 1);
      await page.waitForTimeout(300); // any second start would have announced itself by now
      assert.deepEqual(await ready(), ['treatment-widget']);
      assert.deepEqual(glue, [GLUE_PATH]);
      assert.equal(await page.locator('#slot treatment-widget').evaluate((el) =>
        el.shadowRoot.querySelectorAll('.tw-mount').length), 1);
      await usable(page, '#slot treatment-widget');
      assert.deepEqual(problems, []);
    });
  });

  it('a widget waiting below the fold starts when a link on the page opens one of its views, and shows that view', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      await page.goto(`${h.site}/fixtures/below-fold.html`);
      await page.evaluate(() => document.querySelector('#slot').insertAdjacentHTML('beforeend', '<treatment-widget></treatment-widget>'));
      await page.evaluate(() => { location.hash = '#pricing'; }); // a page anchor: the widget still waits
      await page.waitForTimeout(500);
      assert.deepEqual(glue, [], 'nothing but the loader before the link');
      await page.evaluate(() => { location.hash = '#tw=faq'; });
      await waitForWidgets(page, 1);
      assert.deepEqual(await ready(), ['treatment-widget']);
      await page.locator('treatment-widget').getByRole('heading', { name: 'Questions and answers' }).waitFor();
      assert.deepEqual(problems, []);
    }, { width: 390, height: 800 });
  });

  it('an element removed while it loads never shows up; its copy is reused by the next element', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      const wasm = await holdWasm(page);
      await page.goto(`${h.site}/fixtures/plain.html`, { waitUntil: 'domcontentloaded' });
      await wasm.arrived;
      const removed = await page.evaluateHandle(() => {
        const el = document.querySelector('treatment-widget');
        el.remove();
        return el;
      });
      wasm.release();
      // Its start finishes out of the page: the stylesheet is adopted, then it notices it was
      // removed and puts its glue copy aside.
      await page.waitForFunction((el) => el.shadowRoot.adoptedStyleSheets.length === 2, removed);
      await page.waitForTimeout(100);
      assert.equal(await removed.evaluate((el) => el.hasAttribute('data-ready')), false);
      assert.equal(await removed.evaluate((el) => el.shadowRoot.querySelectorAll('.tw-mount').length), 0);
      assert.deepEqual(await ready(), []);

      // A later element starts, on the copy the removed one put aside: no new glue import.
      await addWidget(page, 'b');
      await page.waitForSelector('#b[data-ready]');
      assert.equal(await shadowText(page, '#b', '.tw-eyebrow'), 'Juniper Skin Studio');
      await usable(page, '#b');
      assert.deepEqual(glue, [GLUE_PATH]);

      // Remove it cleanly, and put the first element back: it starts in its old shadow root, again
      // on the one copy.
      const b = await page.evaluateHandle(() => document.querySelector('#b'));
      await b.evaluate((el) => el.remove());
      await unmounted(page, b);
      await removed.evaluate((el) => { el.id = 'a'; document.querySelector('#slot').append(el); });
      await page.waitForSelector('#a[data-ready]');
      await usable(page, '#a');
      assert.deepEqual(await ready(), ['b', 'a']);
      assert.deepEqual(glue, [GLUE_PATH]);
      assert.deepEqual(problems, []);
    });
  });

  for (const [what, pattern, respond, expected] of [
    ['the wasm answering 404', '**/treatment-widget-app_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }), /treatment-widget-app_bg\.wasm answered HTTP 404/],
    ['the wasm answering 500', '**/treatment-widget-app_bg.wasm', (route) => route.fulfill({ status: 500, body: 'oops' }), /treatment-widget-app_bg\.wasm answered HTTP 500/],
    ['the glue module answering 404', '**/treatment-widget-app.js', (route) => route.fulfill({ status: 404, body: 'not found' }), /dynamically imported module/],
  ]) {
    it(`${what}: the placeholder becomes an alert that it could not load, with one console error`, SLOW, async () => {
      await withPage(async ({ page, problems, ready }) => {
        await page.route(pattern, respond);
        await page.goto(`${h.site}/fixtures/plain.html`);
        const alert = page.getByRole('alert');
        await alert.waitFor();
        assert.equal(await alert.textContent(), FAILED_TO_LOAD);
        assert.equal(await page.getByRole('status').count(), 0, 'no loading placeholder left');
        const messages = widgetMessages(problems);
        assert.equal(messages.length, 1, problems.join('\n'));
        assert.match(messages[0], /^error: \[treatment-widget\] could not start:/);
        assert.match(messages[0], expected);
        assert.ok(onlyBrowserNetworkLines(problems), problems.join('\n'));
        assert.deepEqual(await ready(), []);
        assert.equal(await page.locator('treatment-widget[data-ready]').count(), 0);
      });
    });
  }

  it('a load error still shows when the page emptied the shadow root while it loaded', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      const wasm = await holdWasm(page);
      await page.goto(`${h.site}/fixtures/plain.html`, { waitUntil: 'domcontentloaded' });
      await wasm.arrived;
      await page.locator('treatment-widget').evaluate((el) => el.shadowRoot.replaceChildren());
      wasm.release((route) => route.fulfill({ status: 500, body: 'oops' }));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.textContent(), FAILED_TO_LOAD);
      assert.equal(widgetMessages(problems).length, 1, problems.join('\n'));
    });
  });

  it('a stylesheet that fails (404): the widget works unstyled, with one console error naming it', SLOW, async () => {
    await withPage(async ({ page, problems, ready }) => {
      await page.route('**/treatment-widget.css', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      assert.deepEqual(await ready(), ['treatment-widget']);
      await usable(page, 'treatment-widget');
      // None of the widget's own rules reached the shadow root (only the placeholder's and brand's).
      const widgetRules = await page.locator('treatment-widget').evaluate((el) => el.shadowRoot.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules]).filter((r) => r.cssText.startsWith('.tw-tile')).length);
      assert.equal(widgetRules, 0);
      const messages = widgetMessages(problems);
      assert.equal(messages.length, 1, problems.join('\n'));
      assert.ok(messages[0].startsWith('error: [treatment-widget] could not load its stylesheet '), messages[0]);
      assert.ok(messages[0].includes(`${h.site}/dist/treatment-widget.css (HTTP 404)`), messages[0]);
      assert.ok(onlyBrowserNetworkLines(problems), problems.join('\n'));
    });
  });

  for (const [name, type] of [['application/octet-stream', 'application/octet-stream'], ['no content type', null]]) {
    it(`the wasm served with ${name}: it still works, with one console warning`, SLOW, async () => {
      await withPage(async ({ page, problems, ready }) => {
        await page.route('**/treatment-widget-app_bg.wasm', async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          delete headers['content-type'];
          if (type) headers['content-type'] = type;
          await route.fulfill({ status: 200, headers, body: await response.body() });
        });
        await page.goto(`${h.site}/fixtures/plain.html`);
        await waitForWidgets(page, 1);
        assert.deepEqual(await ready(), ['treatment-widget']);
        await usable(page, 'treatment-widget');
        assert.deepEqual(problems, [`warning: [treatment-widget] ${h.site}/dist/treatment-widget-app_bg.wasm is served as `
          + `"${type ?? ''}"; serve it as application/wasm for faster loading.`]);
      });
    });
  }

  it('a crashed instance ignores config changes and is never reused: the next element gets a new glue copy', SLOW, async () => {
    await withPage(async ({ page, problems, glue }) => {
      const configs = [];
      page.on('request', (r) => { if (r.url().endsWith('.json')) configs.push(r.url()); });
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      assert.deepEqual(glue, [GLUE_PATH]);
      await simulateInternalError(page, 'treatment-widget');
      const crashed = page.getByRole('alert');
      await crashed.waitFor();
      assert.match(await crashed.textContent(), /stopped working/);
      // A config change on the crashed element does nothing: no fetch, the notice stays.
      await page.locator('treatment-widget').evaluate((el) => el.setAttribute('config', 'clinic-b.json'));
      await page.waitForTimeout(300);
      assert.deepEqual(configs, []);
      assert.match(await crashed.textContent(), /stopped working/);

      await page.locator('treatment-widget').evaluate((el) => el.remove());
      await addWidget(page, 'next');
      await page.waitForSelector('#next[data-ready]');
      assert.equal(await shadowText(page, '#next', '.tw-eyebrow'), 'Juniper Skin Studio');
      await usable(page, '#next');
      assert.deepEqual(glue, [GLUE_PATH, `${GLUE_PATH}?instance=1`], 'a new copy, not the crashed one');
      const messages = widgetMessages(problems);
      assert.equal(messages.length, 1, problems.join('\n'));
      assert.match(messages[0], /internal error/);
    });
  });

  it('after a clean removal the next element reuses the freed copy; one running beside it gets its own', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      const first = await page.evaluateHandle(() => document.querySelector('treatment-widget'));
      await first.evaluate((el) => el.remove());
      await unmounted(page, first);
      await addWidget(page, 'c');
      await page.waitForSelector('#c[data-ready]');
      await usable(page, '#c');
      assert.deepEqual(glue, [GLUE_PATH], 'the freed copy, no new import');
      // A second element while #c runs cannot share its copy.
      await addWidget(page, 'd');
      await page.waitForSelector('#d[data-ready]');
      await usable(page, '#d');
      assert.deepEqual(glue, [GLUE_PATH, `${GLUE_PATH}?instance=1`]);
      assert.deepEqual(await ready(), ['treatment-widget', 'c', 'd']);
      assert.deepEqual(problems, []);
    });
  });

  it('a widget waiting to give back unused space settles on the scroll that hides it; removed first, it leaves no scroll listener', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      await page.goto(`${h.site}/fixtures/empty.html`);
      const cdp = await page.context().newCDPSession(page);
      const scrollListeners = async () => {
        const win = await cdp.send('Runtime.evaluate', { expression: 'window' });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: win.result.objectId });
        return listeners.filter((l) => l.type === 'scroll').length;
      };
      const base = await scrollListeners();
      // A shorter opening view (three sections, no prices) than the space reserved, fully in view,
      // on a page long enough to scroll it away.
      const add = (id) => page.evaluate((i) => {
        const el = document.createElement('treatment-widget');
        el.id = i;
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify({ version: 1, clinicName: 'Quiet Clinic', sections: ['about', 'treatments', 'faq'] });
        el.append(script);
        document.querySelector('#slot').append(el);
        document.body.append(Object.assign(document.createElement('div'), { className: 'tall-spacer' }));
        document.querySelector('.tall-spacer').setAttribute('aria-hidden', 'true');
        document.querySelector('.tall-spacer').innerHTML = '<br>'.repeat(300);
      }, id);
      const settled = (id) => page.evaluate((i) => document.getElementById(i).hasAttribute('data-tw-settled'), id);

      await add('first');
      await page.waitForSelector('#first[data-ready]');
      await page.waitForFunction(async () => { await new Promise(requestAnimationFrame); return true; });
      assert.equal(await settled('first'), false, 'in view: it keeps its space');
      assert.equal(await scrollListeners(), base + 1, 'it waits for a scroll');
      await page.mouse.wheel(0, 3000);
      await page.waitForFunction(() => document.getElementById('first').hasAttribute('data-tw-settled'));
      assert.equal(await scrollListeners(), base, 'settled: the listener is gone');

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => document.getElementById('first').remove());
      await add('second');
      await page.waitForSelector('#second[data-ready]');
      await page.waitForFunction(async () => { await new Promise(requestAnimationFrame); return true; });
      assert.equal(await settled('second'), false);
      assert.equal(await scrollListeners(), base + 1);
      await page.evaluate(() => document.getElementById('second').remove());
      await page.waitForFunction(() => !document.getElementById('second'));
      await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
      assert.equal(await scrollListeners(), base, 'removed before it settled: nothing left on the window');
      assert.deepEqual(problems, []);
    });
  });

  it('a page that swallows the error event: the crashed copy is still never reused', SLOW, async () => {
    // The loader learns of a crash from treatment-widget:error on the element, and a capturing
    // listener higher up can stop it; the crash notice in the element's own shadow root still
    // tells the loader, so it neither unmounts nor reuses that copy.
    await withPage(async ({ page, problems, glue }) => {
      await page.addInitScript(() => {
        window.addEventListener('treatment-widget:error', (e) => e.stopImmediatePropagation(), { capture: true });
      });
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      await simulateInternalError(page, 'treatment-widget');
      await page.getByRole('alert').waitFor();
      await page.locator('treatment-widget').evaluate((el) => el.remove());
      await addWidget(page, 'next');
      await page.waitForSelector('#next[data-ready]');
      await usable(page, '#next');
      assert.deepEqual(glue, [GLUE_PATH, `${GLUE_PATH}?instance=1`]);
      const messages = widgetMessages(problems);
      assert.equal(messages.length, 1, problems.join('\n'));
      assert.match(messages[0], /internal error/);
    });
  });

  it('a config attribute change re-renders a running element; setting the same value does not refetch', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      const configs = [];
      page.on('request', (r) => { if (r.url().endsWith('.json')) configs.push(new URL(r.url()).pathname); });
      await page.goto(`${h.site}/fixtures/two.html`); // #b's config attribute is set before it runs
      await waitForWidgets(page, 2);
      assert.deepEqual(configs, ['/fixtures/clinic-b.json']);
      await page.locator('#b').evaluate((el) => el.setAttribute('config', 'clinic-b.json'));
      await page.waitForTimeout(300);
      assert.deepEqual(configs, ['/fixtures/clinic-b.json'], 'same value: no reload');
      await page.locator('#b').evaluate((el) => el.setAttribute('config', 'clinic-b-uptown.json'));
      await page.waitForFunction(() =>
        document.querySelector('#b').shadowRoot.querySelector('.tw-eyebrow')?.textContent === 'Clinic B Uptown (fetched)');
      assert.deepEqual(configs, ['/fixtures/clinic-b.json', '/fixtures/clinic-b-uptown.json']);
      assert.equal(await shadowText(page, '#a', '.tw-eyebrow'), 'Clinic A (inline)');
      assert.deepEqual(problems, []);
    });
  });

  it('an inline config edited in place (a page builder, the configurator) is read again, keeping the view', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      await page.goto(`${h.site}/fixtures/empty.html`);
      await page.evaluate(() => {
        const el = document.createElement('treatment-widget');
        el.id = 'edited';
        el.setAttribute('routing', 'none');
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = '{"version":1,"clinicName":"Before Clinic"}';
        el.append(s);
        document.querySelector('#slot').append(el);
      });
      await waitForWidgets(page, 1);
      await page.locator('#edited').getByRole('button', { name: /^Questions/ }).click();
      await page.locator('#edited').getByRole('heading', { name: 'Questions and answers', level: 3 }).waitFor();
      await page.locator('#edited > script').evaluate((s) => { s.textContent = '{"version":1,"clinicName":"After Clinic"}'; });
      await page.locator('#edited .tw-eyebrow', { hasText: 'After Clinic' }).waitFor();
      assert.equal(await page.locator('#edited').getByRole('heading', { name: 'Questions and answers', level: 3 }).count(), 1, 'still on the same view');
      // A change to the element's children that leaves the config's text as it was reads nothing
      // again: a config with an unknown key warns once per reading, so count the warnings.
      await page.locator('#edited > script').evaluate((s) => { s.textContent = '{"version":1,"clinicName":"Warned Clinic","zzz":1}'; });
      await page.locator('#edited .tw-eyebrow', { hasText: 'Warned Clinic' }).waitFor();
      const readings = () => problems.filter((p) => p.includes('`zzz`')).length;
      assert.equal(readings(), 1);
      await page.locator('#edited').evaluate((el) => el.append(document.createComment('a page builder was here')));
      await page.locator('#edited > script').evaluate((s) => { s.textContent = String(s.textContent); });
      await page.waitForTimeout(300);
      assert.equal(readings(), 1, 'not read again');
      problems.length = 0;
      // Edits to the text node itself (as a framework would make them) count too.
      await page.locator('#edited > script').evaluate((s) => { s.firstChild.data = '{"version":1,"clinicName":"Third Clinic"}'; });
      await page.locator('#edited .tw-eyebrow', { hasText: 'Third Clinic' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });

  it('the snippet included twice (another URL) defines the element once and works without errors', SLOW, async () => {
    await withPage(async ({ page, problems, glue, ready }) => {
      await page.goto(`${h.site}/fixtures/loader-twice.html`);
      await waitForWidgets(page, 1);
      await usable(page, 'treatment-widget');
      assert.deepEqual(await ready(), ['treatment-widget']);
      assert.deepEqual(glue, [GLUE_PATH]);
      // Both copies of the module ran: the second found the element already defined.
      assert.equal(loaderScripts(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))), 2);
      assert.deepEqual(problems, []);
    });
  });
});

// The paths that hand the element to treatment-widget-fallback.js (its own behaviour is in
// fallback.test.mjs): these pages are here so the loader's figure covers its side of them.
describe('the loader when the widget cannot run in the page', () => {
  const frameEyebrow = (page, id) => page.locator(`#${id}`).frameLocator('iframe').locator('.tw-eyebrow');
  const addFramed = (page, id, config) => page.evaluate(([i, c]) => {
    const el = document.createElement('treatment-widget');
    el.id = i;
    el.setAttribute('mode', 'iframe');
    el.setAttribute('config', c);
    document.querySelector('#slot').append(el);
  }, [id, config]);

  it('mode="iframe": the frame shows the config, follows a config change, and starts again after a removal', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      await page.goto(`${h.site}/fixtures/empty.html`);
      await addFramed(page, 'f', 'clinic-b.json');
      await waitForWidgets(page, 1);
      assert.equal(await frameEyebrow(page, 'f').textContent(), 'Clinic B (fetched)');
      await page.locator('#f').evaluate((el) => el.setAttribute('config', 'clinic-b-uptown.json'));
      await frameEyebrow(page, 'f').getByText('Clinic B Uptown (fetched)').waitFor();
      // Removed (its listeners go), then put back: a new frame starts rather than nothing.
      await page.locator('#f').evaluate((el) => { window.__kept = el; el.remove(); });
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
      await page.evaluate(() => { window.__kept.removeAttribute('data-ready'); document.querySelector('#slot').append(window.__kept); });
      await waitForWidgets(page, 1);
      assert.equal(await frameEyebrow(page, 'f').textContent(), 'Clinic B Uptown (fetched)');
      assert.equal(await page.locator('#f').evaluate((el) => el.shadowRoot.querySelectorAll('iframe').length), 1);
      assert.deepEqual(problems, []);
    });
  });

  it("a page whose policy refuses WebAssembly: the widget runs in a frame, with one line saying why", SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      // plain.html, served with a policy that allows this origin's scripts but not WebAssembly.
      await page.route('**/fixtures/plain.html', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
      });
      await page.goto(`${h.site}/fixtures/plain.html`);
      await waitForWidgets(page, 1);
      assert.equal(await page.locator('treatment-widget').getAttribute('data-tw-mode'), 'iframe');
      await page.locator('treatment-widget').frameLocator('iframe').locator('.tw-tile').first().waitFor();
      const own = widgetMessages(problems);
      assert.equal(own.length, 0, own.join('\n')); // the reason is console.info, not an error
      assert.ok(problems.every((p) => /WebAssembly|wasm-unsafe-eval/.test(p)), problems.join('\n'));
    });
  });

  it('a browser without WebAssembly: the notice instead of the placeholder', SLOW, async () => {
    await withPage(async ({ page }) => {
      await page.addInitScript(() => { delete globalThis.WebAssembly; });
      await page.goto(`${h.site}/fixtures/plain.html`);
      await page.locator('treatment-widget .tw-no-wasm').waitFor();
      assert.equal(await page.locator('treatment-widget .tw-placeholder-bar').count(), 0);
    });
  });

  it('the frame module failing to load (404): the placeholder becomes the alert, with a console error', SLOW, async () => {
    await withPage(async ({ page, problems }) => {
      await page.route('**/treatment-widget-fallback.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${h.site}/fixtures/empty.html`);
      await addFramed(page, 'f', 'clinic-b.json');
      await page.waitForFunction((t) => document.querySelector('#f').shadowRoot.textContent.includes(t), FAILED_TO_LOAD);
      assert.equal(await page.locator('#f').evaluate((el) => el.shadowRoot.querySelector('[role=alert]')?.textContent), FAILED_TO_LOAD);
      assert.equal(widgetMessages(problems).length, 1, problems.join('\n'));
      assert.match(widgetMessages(problems)[0], /could not start/);
    });
  });
});

const loaderScripts = (urls) => urls.filter((u) => new URL(u).pathname === LOADER_PATH).length;

describe('loader coverage', () => {
  it('reaches every function and at least 90% of lines across the pages above', () => {
    const c = lineCoverage(loaderRuns);
    console.log(`loader coverage: ${describeCoverage(c)}`);
    if (c.functions.missed.length) console.log(`  functions never called: ${c.functions.missed.join(', ')}`);
    if (c.lines.missed.length) console.log(`  lines not covered: ${c.lines.missed.join(', ')}`);
    assert.equal(c.functions.covered, c.functions.total, `functions never called: ${c.functions.missed.join(', ')}`);
    assert.ok(percent(c.lines.covered, c.lines.total) >= 90, `lines not covered: ${c.lines.missed.join(', ')}`);
  });
});
